import { describe, expect, it } from "vitest";
import { createFormatter, fill } from "./_format.js";

describe("createFormatter", () => {
  const en = createFormatter("en-GB", "n/a");
  const bg = createFormatter("bg-BG", "н/д");

  it("formats calendar dates without any time-zone shift (the suite runs under four TZs)", () => {
    // in UTC+14 or UTC−11 a local-midnight Date would show the neighbouring day
    expect(en.date("2021-01-01")).toBe("1 January 2021");
    expect(en.date("2021-12-31")).toBe("31 December 2021");
    expect(bg.date("2021-02-08")).toBe("8 февруари 2021 г.");
    expect(en.month("2021-08-31")).toBe("Aug 2021");
    expect(en.date("0099-03-01")).toBe("1 March 99");
  });

  it("formats numbers, percentages and missing values for the locale, never as -0", () => {
    expect(en.number(1234.567)).toBe("1,234.57");
    expect(bg.number(1234.567, 1)).toBe("1234,6");
    expect(en.number(-0)).toBe("0");
    expect(en.number(-0.001, 2)).toBe("0");
    expect(en.number(null)).toBe("n/a");
    expect(bg.percent(0.345)).toBe("35%");
    expect(bg.percent(null)).toBe("н/д");
    expect(en.percent(-0.0001, 1)).toBe("0%");
    expect(en.integer(1280000)).toBe("1,280,000");
  });

  it("formats money exactly from its decimal string, beyond double precision", () => {
    expect(en.money({ amount: "725000.00", currency: "EUR" })).toBe("€725,000.00");
    expect(bg.money({ amount: "1250000.50", currency: "EUR" })).toBe(
      "1\u00a0250\u00a0000,50\u00a0€",
    );
    expect(en.money({ amount: "123456789012345.67", currency: "BGN" })).toBe(
      "BGN\u00a0123,456,789,012,345.67",
    );
    expect(en.money({ amount: "-125000.00", currency: "EUR" })).toBe("-€125,000.00");
  });
});

describe("fill", () => {
  it("fills known placeholders and leaves unknown ones", () => {
    expect(fill("{a} and {b} and {c}", { a: 1, b: "two" })).toBe("1 and two and {c}");
    expect(fill("{toString}", {})).toBe("{toString}");
  });
});
