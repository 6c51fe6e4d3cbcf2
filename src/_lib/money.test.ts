import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { thrown } from "../../test/helpers/errors.js";
import { Dec } from "./decimal.js";
import {
  amountOf,
  isAmountString,
  isCurrencyCode,
  isMoney,
  RATE_PATTERN,
  readMoney,
} from "./money.js";

describe("isCurrencyCode", () => {
  it("accepts three capital letters and nothing else", () => {
    expect(["EUR", "BGN", "USD"].map(isCurrencyCode)).toStrictEqual([true, true, true]);
    expect(["eur", "EURO", "E1R", "", " EUR", 978, null].map(isCurrencyCode)).toStrictEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("isAmountString", () => {
  it("accepts the format's decimal strings and refuses numbers, exponents and leading zeros", () => {
    const good = ["0", "-0.5", "125000.00", "999999999999999.999999", "1.5"];
    const bad = ["", "01", "1.", ".5", "1e3", "1.1234567", "1000000000000000", "+1", 1, null];
    expect(good.every(isAmountString)).toBe(true);
    expect(bad.some(isAmountString)).toBe(false);
  });

  it("accepts every amount of up to 15 integer digits written with 2 decimals", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 17n) + 1n, max: 10n ** 17n - 1n }), (cents) => {
        const text = new Dec(cents.toString()).dividedBy(100).toFixed(2);
        expect(isAmountString(text)).toBe(true);
        expect(amountOf(text)?.toFixed(2)).toBe(text);
      }),
    );
  });
});

describe("RATE_PATTERN", () => {
  it("accepts plain positive decimals only", () => {
    expect(["0.51129", "1", "1.95583"].every((r) => RATE_PATTERN.test(r))).toBe(true);
    expect(["-1", "1e2", ".5", "1,5"].some((r) => RATE_PATTERN.test(r))).toBe(false);
  });
});

describe("amountOf", () => {
  it("reads a Decimal or an amount string, and nothing else", () => {
    expect(amountOf(new Dec("12.50"))?.toString()).toBe("12.5");
    expect(amountOf("12.50")?.toFixed(2)).toBe("12.50");
    expect([12.5, "12,50", null, undefined, {}].map(amountOf)).toStrictEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe("readMoney", () => {
  it("returns the amount of money in memory", () => {
    expect(
      readMoney({ amount: new Dec("100.25"), currency: "EUR" }, ["cost"], "cost").toFixed(2),
    ).toBe("100.25");
  });

  it("refuses what is not money, at the field's path", () => {
    expect(thrown(() => readMoney(null, ["budget"], "budget")).issues).toStrictEqual([
      {
        code: "invalid_type",
        path: ["budget"],
        message: "budget must be an object, got null (budget)",
      },
    ]);
    expect(
      thrown(() => readMoney({ amount: 100, currency: "EUR" }, ["c", 0, "cost"], "cost")).issues,
    ).toStrictEqual([
      {
        code: "invalid_money",
        path: ["c", 0, "cost", "amount"],
        message:
          "cost.amount must be a non-negative finite Decimal (money is never a JS number), got 100 (c[0].cost.amount)",
      },
    ]);
    expect(
      thrown(() => readMoney({ amount: new Dec(-1), currency: "EUR" }, ["b"], "b")).issues[0]
        ?.message,
    ).toContain("got -1");
    expect(
      thrown(() => readMoney({ amount: new Dec(1), currency: "euro" }, ["b"], "b")).issues,
    ).toStrictEqual([
      {
        code: "invalid_money",
        path: ["b", "currency"],
        message: 'b.currency must be an ISO 4217 code such as EUR, got "euro" (b.currency)',
      },
    ]);
  });

  it("agrees with isMoney", () => {
    const values = [
      { amount: new Dec(5), currency: "EUR" },
      { amount: new Dec(-5), currency: "EUR" },
      { amount: new Dec(Infinity), currency: "EUR" },
      { amount: "5", currency: "EUR" },
      { amount: new Dec(5), currency: "eur" },
      null,
      7,
    ];
    for (const v of values) {
      let read = true;
      try {
        readMoney(v, ["m"], "m");
      } catch {
        read = false;
      }
      expect(isMoney(v)).toBe(read);
    }
  });
});
