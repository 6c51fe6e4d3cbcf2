import { describe, expect, it } from "vitest";
import { thrown } from "../../test/helpers/errors.js";
import fc from "fast-check";
import { bucketByHorizon, type HorizonItem } from "./bucketByHorizon.js";

const start = "2021-02-08";

function horizonOf(item: HorizonItem, from = start): string {
  return (bucketByHorizon([item], { start: from })[0] as { horizon: string }).horizon;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** Independent oracle: y-m-d plus n months with end-of-month clamping, by hand. */
function addMonthsByHand(date: string, n: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const leap = (ny % 4 === 0 && ny % 100 !== 0) || ny % 400 === 0;
  const dim = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][nm - 1] as number;
  const nd = Math.min(d, dim);
  return `${String(ny).padStart(4, "0")}-${String(nm).padStart(2, "0")}-${String(nd).padStart(2, "0")}`;
}

const isoDate = fc
  .date({
    min: new Date(Date.UTC(2000, 0, 1)),
    max: new Date(Date.UTC(2090, 11, 31)),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

describe("bucketByHorizon", () => {
  describe("boundaries pinned by the issue (start 2021-02-08)", () => {
    it("an end on start + 6 months (2021-08-08) is a quick win", () => {
      expect(horizonOf({ id: "a", end: "2021-08-08" })).toBe("quickWin");
    });
    it("an end one day later (2021-08-09) is long term", () => {
      expect(horizonOf({ id: "a", end: "2021-08-09" })).toBe("longTerm");
    });
    it("an end on start + 15 months (2022-05-08) is long term", () => {
      expect(horizonOf({ id: "a", end: "2022-05-08" })).toBe("longTerm");
    });
    it("an end one day later (2022-05-09) is beyond the horizon", () => {
      expect(horizonOf({ id: "a", end: "2022-05-09" })).toBe("beyondHorizon");
    });
    it("a duration of 6 months is a quick win", () => {
      const [b] = bucketByHorizon([{ id: "a", duration: { months: 6 } }], { start });
      expect(b?.effectiveEnd).toBe("2021-08-08");
      expect(b?.horizon).toBe("quickWin");
    });
    it("a duration of 6 months and 1 day is long term", () => {
      const [b] = bucketByHorizon([{ id: "a", duration: { months: 6, days: 1 } }], { start });
      expect(b?.effectiveEnd).toBe("2021-08-09");
      expect(b?.horizon).toBe("longTerm");
    });
    it("from 2021-08-31, six months end on 2022-02-28 (date-fns end-of-month clamping)", () => {
      const out = bucketByHorizon(
        [
          { id: "six", duration: { months: 6 } },
          { id: "feb28", end: "2022-02-28" },
          { id: "mar1", end: "2022-03-01" },
        ],
        { start: "2021-08-31" },
      );
      expect(out.map((b) => [b.id, b.effectiveEnd, b.horizon])).toStrictEqual([
        ["six", "2022-02-28", "quickWin"],
        ["feb28", "2022-02-28", "quickWin"],
        ["mar1", "2022-03-01", "longTerm"],
      ]);
      expect(out[0]?.rule.onOrBefore).toBe("2022-02-28");
    });
    it("clamps to 29 February in a leap year", () => {
      const [b] = bucketByHorizon([{ id: "a", duration: { months: 6 } }], { start: "2023-08-31" });
      expect(b?.effectiveEnd).toBe("2024-02-29");
    });
  });

  it("explains a quick win with its rule and reason", () => {
    expect(bucketByHorizon([{ id: "info-points", end: "2021-07-31" }], { start })).toStrictEqual([
      {
        id: "info-points",
        horizon: "quickWin",
        label: "Quick win",
        effectiveStart: "2021-02-08",
        effectiveEnd: "2021-07-31",
        endSource: "end",
        reason:
          "end 2021-07-31, on or before 2021-08-08 (plan start 2021-02-08 + 6 months): Quick win",
        rule: {
          horizon: "quickWin",
          text: "effective end on or before start + 6 months (2021-08-08)",
          after: null,
          onOrBefore: "2021-08-08",
          months: 6,
        },
      },
    ]);
  });

  it("explains a long-term item placed by its own start plus a duration", () => {
    expect(
      bucketByHorizon([{ id: "portal", start: "2021-04-01", duration: { months: 12, weeks: 2 } }], {
        start,
      }),
    ).toStrictEqual([
      {
        id: "portal",
        horizon: "longTerm",
        label: "Long-term project",
        effectiveStart: "2021-04-01",
        effectiveEnd: "2022-04-15",
        endSource: "duration",
        reason:
          "start 2021-04-01 + 12 months 2 weeks = 2022-04-15, on or before 2022-05-08 (plan start 2021-02-08 + 15 months): Long-term project",
        rule: {
          horizon: "longTerm",
          text: "effective end after start + 6 months (2021-08-08) and on or before start + 15 months (2022-05-08)",
          after: "2021-08-08",
          onOrBefore: "2022-05-08",
          months: 15,
        },
      },
    ]);
  });

  it("explains items beyond the horizon and unscheduled items", () => {
    expect(
      bucketByHorizon([{ id: "late", duration: { days: 500 } }, { id: "idea" }], { start }),
    ).toStrictEqual([
      {
        id: "late",
        horizon: "beyondHorizon",
        label: "Beyond the horizon",
        effectiveStart: "2021-02-08",
        effectiveEnd: "2022-06-23",
        endSource: "duration",
        reason:
          "plan start 2021-02-08 + 500 days = 2022-06-23, after 2022-05-08 (plan start 2021-02-08 + 15 months): beyond the horizon",
        rule: {
          horizon: "beyondHorizon",
          text: "effective end after start + 15 months (2022-05-08)",
          after: "2022-05-08",
          onOrBefore: null,
          months: null,
        },
      },
      {
        id: "idea",
        horizon: "unscheduled",
        label: "Unscheduled",
        effectiveStart: "2021-02-08",
        effectiveEnd: null,
        endSource: null,
        reason: "unscheduled: the item has no end date and no duration",
        rule: {
          horizon: "unscheduled",
          text: "no end date and no duration",
          after: null,
          onOrBefore: null,
          months: null,
        },
      },
    ]);
  });

  it("takes the end date over a duration when both are given", () => {
    const [b] = bucketByHorizon([{ id: "a", end: "2021-03-01", duration: { months: 30 } }], {
      start,
    });
    expect([b?.effectiveEnd, b?.endSource, b?.horizon]).toStrictEqual([
      "2021-03-01",
      "end",
      "quickWin",
    ]);
  });

  it("measures horizons from the plan start, not from the item's own start", () => {
    expect(horizonOf({ id: "a", start: "2021-07-15", duration: { months: 1 } })).toBe("longTerm");
  });

  it("counts an item that ends before the plan start as a quick win", () => {
    expect(horizonOf({ id: "a", start: "2020-10-01", end: "2020-12-01" })).toBe("quickWin");
  });

  it("adds months first, then weeks and days (date-fns add)", () => {
    const [b] = bucketByHorizon([{ id: "a", duration: { months: 1, weeks: 1, days: 1 } }], {
      start: "2021-01-31",
    });
    expect(b?.effectiveEnd).toBe("2021-03-08");
  });

  it("accepts custom horizons as data", () => {
    const out = bucketByHorizon(
      [
        { id: "a", end: "2021-04-01" },
        { id: "b", end: "2021-04-02" },
        { id: "c", end: "2022-01-01" },
        { id: "d", end: "2022-01-02" },
      ],
      {
        start: "2021-01-01",
        horizons: [
          { id: "sprint", label: "Sprint", months: 3 },
          { id: "year", label: "This year", months: 12 },
        ],
      },
    );
    expect(out.map((b) => [b.id, b.horizon, b.label])).toStrictEqual([
      ["a", "sprint", "Sprint"],
      ["b", "year", "This year"],
      ["c", "year", "This year"],
      ["d", "beyondHorizon", "Beyond the horizon"],
    ]);
    expect(out[3]?.rule.text).toBe("effective end after start + 12 months (2022-01-01)");
  });

  it("accepts a horizon of 0 months (done by the start date)", () => {
    const out = bucketByHorizon(
      [
        { id: "a", end: "2021-01-01" },
        { id: "b", end: "2021-01-02" },
      ],
      { start: "2021-01-01", horizons: [{ id: "done", label: "Done", months: 0 }] },
    );
    expect(out.map((b) => b.horizon)).toStrictEqual(["done", "beyondHorizon"]);
  });

  it("returns an empty list for no items", () => {
    expect(bucketByHorizon([], { start })).toStrictEqual([]);
  });

  it("does not mutate its input and gives the same output twice", () => {
    const items = deepFreeze([
      { id: "a", duration: { months: 3 } },
      { id: "b", end: "2022-01-01" },
    ]);
    const options = deepFreeze({ start, horizons: [{ id: "q", label: "Q", months: 4 }] });
    expect(bucketByHorizon(items, options)).toStrictEqual(bucketByHorizon(items, options));
  });

  it("handles 100,000 items", () => {
    const items = Array.from({ length: 100_000 }, (_, i) => ({
      id: `item-${i}`,
      duration: { months: i % 20, days: i % 7 },
    }));
    const out = bucketByHorizon(items, { start });
    expect(out).toHaveLength(100_000);
    expect(out[99_999]?.id).toBe("item-99999");
  });

  describe("properties", () => {
    const item = fc.record(
      {
        start: isoDate,
        end: isoDate,
        duration: fc.record(
          { months: fc.nat(40), weeks: fc.nat(10), days: fc.nat(60) },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    );
    /** A plan start and items whose end is never before their effective start. */
    const planAndItems = fc.tuple(isoDate, fc.array(item, { maxLength: 30 })).map(([s, raws]) => ({
      start: s,
      items: raws.map((x, i): HorizonItem => {
        const own = x.start;
        const effective = own ?? s;
        const end = x.end === undefined ? undefined : x.end < effective ? effective : x.end;
        const d = x.duration;
        return {
          id: `i${i}`,
          ...(own === undefined ? {} : { start: own }),
          ...(end === undefined ? {} : { end }),
          ...(d === undefined || Object.keys(d).length === 0 ? {} : { duration: d }),
        };
      }),
    }));

    it("the buckets partition the items: each item once, in input order, in one known bucket", () => {
      fc.assert(
        fc.property(planAndItems, ({ start: s, items: xs }) => {
          const out = bucketByHorizon(xs, { start: s });
          expect(out.map((b) => b.id)).toStrictEqual(xs.map((x) => x.id));
          for (const b of out) {
            expect(["quickWin", "longTerm", "beyondHorizon", "unscheduled"]).toContain(b.horizon);
          }
        }),
        { numRuns: 200 },
      );
    });

    it("every placed item satisfies its rule: after < effective end <= onOrBefore", () => {
      fc.assert(
        fc.property(planAndItems, ({ start: s, items: xs }) => {
          for (const b of bucketByHorizon(xs, { start: s })) {
            if (b.effectiveEnd === null) {
              expect(b.horizon).toBe("unscheduled");
              continue;
            }
            if (b.rule.after !== null) expect(b.effectiveEnd > b.rule.after).toBe(true);
            if (b.rule.onOrBefore !== null) expect(b.effectiveEnd <= b.rule.onOrBefore).toBe(true);
          }
        }),
        { numRuns: 200 },
      );
    });

    it("a months-only duration ends where hand-written month arithmetic says", () => {
      fc.assert(
        fc.property(isoDate, fc.nat(200), (s, n) => {
          const [b] = bucketByHorizon([{ id: "x", duration: { months: n } }], { start: s });
          expect(b?.effectiveEnd).toBe(addMonthsByHand(s, n));
          const expected =
            n <= 6
              ? "quickWin"
              : addMonthsByHand(s, n) <= addMonthsByHand(s, 15)
                ? "longTerm"
                : "beyondHorizon";
          expect(b?.horizon).toBe(expected);
        }),
        { numRuns: 200 },
      );
    });

    it("a later end never lands in an earlier horizon", () => {
      const rank = { quickWin: 0, longTerm: 1, beyondHorizon: 2 } as Record<string, number>;
      fc.assert(
        fc.property(isoDate, isoDate, isoDate, (s, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const out = bucketByHorizon(
            [
              { id: "lo", start: "1999-01-01", end: lo },
              { id: "hi", start: "1999-01-01", end: hi },
            ],
            { start: s },
          );
          expect(rank[out[0]?.horizon as string] as number).toBeLessThanOrEqual(
            rank[out[1]?.horizon as string] as number,
          );
        }),
        { numRuns: 200 },
      );
    });
  });

  describe("bad input", () => {
    const cases: [string, () => unknown, string, (string | number)[]][] = [
      [
        "items not an array",
        () => bucketByHorizon("x" as never, { start }),
        "invalid_type",
        ["items"],
      ],
      [
        "an item that is not an object",
        () => bucketByHorizon([null as never], { start }),
        "invalid_type",
        ["items", 0],
      ],
      [
        "a missing id",
        () => bucketByHorizon([{} as never], { start }),
        "invalid_type",
        ["items", 0, "id"],
      ],
      [
        "an empty id",
        () => bucketByHorizon([{ id: "" }], { start }),
        "invalid_id",
        ["items", 0, "id"],
      ],
      [
        "a duplicate id",
        () => bucketByHorizon([{ id: "a" }, { id: "a" }], { start }),
        "duplicate_id",
        ["items", 1, "id"],
      ],
      [
        "options missing",
        () => bucketByHorizon([], undefined as never),
        "invalid_type",
        ["options"],
      ],
      [
        "start missing",
        () => bucketByHorizon([], {} as never),
        "invalid_type",
        ["options", "start"],
      ],
      [
        "an invalid start",
        () => bucketByHorizon([], { start: "2021-02-30" }),
        "invalid_date",
        ["options", "start"],
      ],
      [
        "a start with a time",
        () => bucketByHorizon([], { start: "2021-02-08T00:00:00Z" }),
        "invalid_date",
        ["options", "start"],
      ],
      [
        "an invalid item start",
        () => bucketByHorizon([{ id: "a", start: "2021-13-01" }], { start }),
        "invalid_date",
        ["items", 0, "start"],
      ],
      [
        "an invalid end",
        () => bucketByHorizon([{ id: "a", end: "31/12/2021" }], { start }),
        "invalid_date",
        ["items", 0, "end"],
      ],
      [
        "an end given as a number",
        () => bucketByHorizon([{ id: "a", end: 20210808 as never }], { start }),
        "invalid_type",
        ["items", 0, "end"],
      ],
      [
        "an end before the plan start when the item has no start",
        () => bucketByHorizon([{ id: "a", end: "2021-02-07" }], { start }),
        "end_before_start",
        ["items", 0, "end"],
      ],
      [
        "an end before the item's start",
        () => bucketByHorizon([{ id: "a", start: "2021-05-01", end: "2021-04-30" }], { start }),
        "end_before_start",
        ["items", 0, "end"],
      ],
      [
        "a negative duration",
        () => bucketByHorizon([{ id: "a", duration: { months: -1 } }], { start }),
        "out_of_range",
        ["items", 0, "duration", "months"],
      ],
      [
        "a NaN duration",
        () => bucketByHorizon([{ id: "a", duration: { days: Number.NaN } }], { start }),
        "non_finite",
        ["items", 0, "duration", "days"],
      ],
      [
        "an infinite duration",
        () => bucketByHorizon([{ id: "a", duration: { weeks: Infinity } }], { start }),
        "non_finite",
        ["items", 0, "duration", "weeks"],
      ],
      [
        "a fractional duration",
        () => bucketByHorizon([{ id: "a", duration: { months: 1.5 } }], { start }),
        "invalid_value",
        ["items", 0, "duration", "months"],
      ],
      [
        "a duration given as a string",
        () => bucketByHorizon([{ id: "a", duration: { months: "6" as never } }], { start }),
        "invalid_type",
        ["items", 0, "duration", "months"],
      ],
      [
        "a duration in years",
        () => bucketByHorizon([{ id: "a", duration: { years: 1 } as never }], { start }),
        "unknown_key",
        ["items", 0, "duration", "years"],
      ],
      [
        "an empty duration",
        () => bucketByHorizon([{ id: "a", duration: {} }], { start }),
        "invalid_value",
        ["items", 0, "duration"],
      ],
      [
        "a duration that is not an object",
        () => bucketByHorizon([{ id: "a", duration: 6 as never }], { start }),
        "invalid_type",
        ["items", 0, "duration"],
      ],
      [
        "a duration past year 9999",
        () => bucketByHorizon([{ id: "a", duration: { months: 100_000 } }], { start }),
        "out_of_range",
        ["items", 0, "duration"],
      ],
      [
        "a start too late for the horizons",
        () => bucketByHorizon([], { start: "9999-06-01" }),
        "out_of_range",
        ["options", "start"],
      ],
      [
        "empty horizons",
        () => bucketByHorizon([], { start, horizons: [] }),
        "empty",
        ["options", "horizons"],
      ],
      [
        "horizons not an array",
        () => bucketByHorizon([], { start, horizons: {} as never }),
        "invalid_type",
        ["options", "horizons"],
      ],
      [
        "a horizon that is not an object",
        () => bucketByHorizon([], { start, horizons: [1 as never] }),
        "invalid_type",
        ["options", "horizons", 0],
      ],
      [
        "horizons out of order",
        () =>
          bucketByHorizon([], {
            start,
            horizons: [
              { id: "a", label: "A", months: 6 },
              { id: "b", label: "B", months: 6 },
            ],
          }),
        "invalid_value",
        ["options", "horizons", 1, "months"],
      ],
      [
        "a negative horizon",
        () => bucketByHorizon([], { start, horizons: [{ id: "a", label: "A", months: -6 }] }),
        "out_of_range",
        ["options", "horizons", 0, "months"],
      ],
      [
        "a reserved horizon id",
        () =>
          bucketByHorizon([], { start, horizons: [{ id: "unscheduled", label: "A", months: 6 }] }),
        "invalid_value",
        ["options", "horizons", 0, "id"],
      ],
      [
        "a duplicate horizon id",
        () =>
          bucketByHorizon([], {
            start,
            horizons: [
              { id: "a", label: "A", months: 1 },
              { id: "a", label: "B", months: 2 },
            ],
          }),
        "duplicate_id",
        ["options", "horizons", 1, "id"],
      ],
      [
        "a horizon without a label",
        () => bucketByHorizon([], { start, horizons: [{ id: "a", months: 1 } as never] }),
        "invalid_type",
        ["options", "horizons", 0, "label"],
      ],
      [
        "a horizon too long for the calendar",
        () =>
          bucketByHorizon([], {
            start: "9990-01-01",
            horizons: [{ id: "a", label: "A", months: 1200 }],
          }),
        "out_of_range",
        ["options", "horizons", 0, "months"],
      ],
    ];
    it.each(cases)("rejects %s", (_name, fn, code, path) => {
      const err = thrown(fn);
      expect(err.code).toBe(code);
      expect(err.issues[0]?.path).toStrictEqual(path);
    });

    it("names the field, the expectation and the value in its messages", () => {
      expect(() =>
        bucketByHorizon([{ id: "a", duration: { months: -1 } }], { start }),
      ).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: duration.months must not be negative, got -1 (items[0].duration.months)]`,
      );
      expect(() =>
        bucketByHorizon([{ id: "a", start: "2021-05-01", end: "2021-04-30" }], { start }),
      ).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: end of item "a" must not be before its start 2021-05-01, got 2021-04-30 (items[0].end)]`,
      );
      expect(() => bucketByHorizon([], { start: "2021-02-30" })).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: start must be a calendar date YYYY-MM-DD, got "2021-02-30" (options.start)]`,
      );
    });
  });
});
