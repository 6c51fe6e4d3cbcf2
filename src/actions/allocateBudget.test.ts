import { describe, expect, it } from "vitest";
import { thrown } from "../../test/helpers/errors.js";
import fc from "fast-check";
import { Decimal } from "decimal.js";
import { allocateBudget } from "./allocateBudget.js";

const eur = (amount: string) => ({ amount: new Decimal(amount), currency: "EUR" });

describe("allocateBudget", () => {
  it("splits 100,000.00 EUR in three, giving the leftover cent to the first part", () => {
    const result = allocateBudget(eur("100000.00"), [1, 1, 1]);
    expect({
      ...result,
      total: result.total.toString(),
      weights: result.weights.map(String),
      amounts: result.amounts.map(String),
    }).toStrictEqual({
      method: "largestRemainder",
      total: "100000",
      currency: "EUR",
      decimals: 2,
      weights: ["1", "1", "1"],
      amounts: ["33333.34", "33333.33", "33333.33"],
      remainderUnits: 1,
    });
  });

  it("gives leftover units to the largest remainders, not simply the first parts", () => {
    // 10.00 × (1, 2, 3, 4) / 10 = 1, 2, 3, 4 exactly; 1.00 × (1, 2, 3) / 6 = 0.1666…, 0.333…, 0.5
    expect(allocateBudget(new Decimal("1.00"), [1, 2, 3]).amounts.map(String)).toStrictEqual([
      "0.17",
      "0.33",
      "0.5",
    ]);
    // 0.05 × (0.3, 0.3, 0.4): 1.5, 1.5, 2 units → the tie between the two 0.5 remainders goes to index 0
    expect(allocateBudget(new Decimal("0.05"), [0.3, 0.3, 0.4]).amounts.map(String)).toStrictEqual([
      "0.02",
      "0.01",
      "0.02",
    ]);
  });

  it("splits by days, as the action plan does for costs by year", () => {
    // 1000.00 over 61 days of 2021 and 59 days of 2022
    const split = allocateBudget(eur("1000.00"), [61, 59]);
    expect(split.amounts.map(String)).toStrictEqual(["508.33", "491.67"]);
  });

  it("accepts Decimal weights and other minor units", () => {
    const split = allocateBudget(
      new Decimal("100"),
      [new Decimal("0.5"), new Decimal("0.25"), 0.25],
      {
        decimals: 0,
      },
    );
    expect(split.amounts.map(String)).toStrictEqual(["50", "25", "25"]);
    expect(split.currency).toBeNull();
    expect(
      allocateBudget(new Decimal("1.000"), [1, 2], { decimals: 3 }).amounts.map(String),
    ).toStrictEqual(["0.333", "0.667"]);
  });

  it("gives zero to zero weights, and splits a zero total into zeros", () => {
    expect(allocateBudget(eur("10.00"), [0, 1, 0]).amounts.map(String)).toStrictEqual([
      "0",
      "10",
      "0",
    ]);
    const zero = allocateBudget(eur("0"), [1, 1]);
    expect(zero.amounts.map(String)).toStrictEqual(["0", "0"]);
    expect(zero.amounts.every((a) => !a.isNegative())).toBe(true);
  });

  it("stays exact with tiny and huge weights", () => {
    const split = allocateBudget(eur("999999999999999.99"), [1e-300, 1e300, 3]);
    expect(split.amounts.reduce((a, b) => a.plus(b), new Decimal(0)).toString()).toBe(
      "999999999999999.99",
    );
    expect(split.amounts.map(String)).toStrictEqual(["0", "999999999999999.99", "0"]);
  });

  it("does not mutate its input", () => {
    const total = Object.freeze(eur("10.00"));
    const weights = Object.freeze([1, 2]);
    expect(allocateBudget(total, weights).amounts.map(String)).toStrictEqual(["3.33", "6.67"]);
  });

  describe("properties", () => {
    const cents = fc.bigInt({ min: 0n, max: 10n ** 17n });
    const weights = fc.array(
      fc.oneof(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
      ),
      { minLength: 1, maxLength: 30 },
    );
    it("the parts sum exactly to the total, each a whole number of cents, within one cent of the exact share", () => {
      fc.assert(
        fc.property(cents, weights, (c, ws) => {
          fc.pre(ws.some((w) => w > 0));
          const total = new Decimal(c.toString()).div(100);
          const split = allocateBudget({ amount: total, currency: "EUR" }, ws);
          const sum = split.amounts.reduce((a, b) => a.plus(b), new Decimal(0));
          expect(sum.eq(total)).toBe(true);
          const wsum = ws.reduce((a, w) => a.plus(new Decimal(w)), new Decimal(0));
          split.amounts.forEach((amount, i) => {
            expect(amount.times(100).isInteger()).toBe(true);
            expect(amount.isNegative() && !amount.isZero()).toBe(false);
            const exact = total.times(new Decimal(ws[i] as number)).div(wsum);
            expect(amount.minus(exact).abs().lt("0.01")).toBe(true);
          });
          expect(split.remainderUnits).toBeLessThan(ws.length);
        }),
        { numRuns: 200 },
      );
    });

    it("gives equal weights amounts that differ by at most one cent, larger ones first", () => {
      fc.assert(
        fc.property(cents, fc.integer({ min: 1, max: 40 }), (c, n) => {
          const amounts = allocateBudget(
            new Decimal(c.toString()).div(100),
            Array(n).fill(1),
          ).amounts;
          for (let i = 1; i < n; i++) {
            const d = (amounts[i - 1] as Decimal).minus(amounts[i] as Decimal);
            expect(d.eq(0) || d.eq("0.01")).toBe(true);
          }
        }),
        { numRuns: 100 },
      );
    });
  });

  describe("bad input", () => {
    const cases: [string, () => unknown, string, (string | number)[]][] = [
      [
        "a total given as a JS number",
        () => allocateBudget(100 as never, [1]),
        "invalid_money",
        ["total"],
      ],
      [
        "a money amount given as a JS number",
        () => allocateBudget({ amount: 100, currency: "EUR" } as never, [1]),
        "invalid_money",
        ["total", "amount"],
      ],
      [
        "a money amount given as a string",
        () => allocateBudget({ amount: "100.00", currency: "EUR" } as never, [1]),
        "invalid_money",
        ["total", "amount"],
      ],
      [
        "a bad currency",
        () => allocateBudget({ amount: new Decimal(1), currency: "euro" }, [1]),
        "invalid_value",
        ["total", "currency"],
      ],
      ["a negative total", () => allocateBudget(new Decimal("-1"), [1]), "out_of_range", ["total"]],
      ["a NaN total", () => allocateBudget(new Decimal(NaN), [1]), "non_finite", ["total"]],
      [
        "an infinite total",
        () => allocateBudget(eur("Infinity"), [1]),
        "non_finite",
        ["total", "amount"],
      ],
      [
        "a total finer than the minor unit",
        () => allocateBudget(eur("10.005"), [1]),
        "invalid_money",
        ["total", "amount"],
      ],
      [
        "a bare total finer than the minor unit",
        () => allocateBudget(new Decimal("0.5"), [1], { decimals: 0 }),
        "invalid_money",
        ["total"],
      ],
      [
        "decimals out of range",
        () => allocateBudget(eur("1"), [1], { decimals: 11 }),
        "out_of_range",
        ["options", "decimals"],
      ],
      [
        "fractional decimals",
        () => allocateBudget(eur("1"), [1], { decimals: 1.5 }),
        "out_of_range",
        ["options", "decimals"],
      ],
      [
        "options not an object",
        () => allocateBudget(eur("1"), [1], 2 as never),
        "invalid_type",
        ["options"],
      ],
      [
        "weights not an array",
        () => allocateBudget(eur("1"), "1" as never),
        "invalid_type",
        ["weights"],
      ],
      ["no weights", () => allocateBudget(eur("1"), []), "empty", ["weights"]],
      [
        "a negative weight",
        () => allocateBudget(eur("1"), [1, -1]),
        "negative_weight",
        ["weights", 1],
      ],
      [
        "a negative Decimal weight",
        () => allocateBudget(eur("1"), [new Decimal(-2)]),
        "negative_weight",
        ["weights", 0],
      ],
      ["a NaN weight", () => allocateBudget(eur("1"), [NaN]), "non_finite", ["weights", 0]],
      [
        "an infinite weight",
        () => allocateBudget(eur("1"), [1, Infinity]),
        "non_finite",
        ["weights", 1],
      ],
      [
        "an infinite Decimal weight",
        () => allocateBudget(eur("1"), [new Decimal(Infinity)]),
        "non_finite",
        ["weights", 0],
      ],
      [
        "a weight given as a string",
        () => allocateBudget(eur("1"), ["1" as never]),
        "invalid_type",
        ["weights", 0],
      ],
      [
        "weights summing to zero",
        () => allocateBudget(eur("1"), [0, 0]),
        "zero_weights",
        ["weights"],
      ],
    ];
    it.each(cases)("rejects %s", (_name, fn, code, path) => {
      const err = thrown(fn);
      expect(err.code).toBe(code);
      expect(err.issues[0]?.path).toStrictEqual(path);
    });

    it("says what it expected and what it got", () => {
      expect(() => allocateBudget(100 as never, [1])).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: total must be Money { amount: Decimal, currency } or a Decimal (never a JS number), got 100 (total)]`,
      );
      expect(() => allocateBudget(eur("10.005"), [1])).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: total must be a whole number of minor units (2 decimals), got 10.005 (total.amount)]`,
      );
    });
  });
});
