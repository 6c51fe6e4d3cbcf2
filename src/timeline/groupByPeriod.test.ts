import { describe, expect, it } from "vitest";
import { thrown } from "../../test/helpers/errors.js";
import fc from "fast-check";
import { addDaysIso, daysBetween } from "../_lib/dates.js";
import { groupByPeriod, type PeriodItem } from "./groupByPeriod.js";

describe("groupByPeriod", () => {
  it("lists months without gaps, with what is active, starting and ending in each", () => {
    expect(
      groupByPeriod([
        { id: "b", start: "2021-01-15", end: "2021-02-01" },
        { id: "a", start: "2021-01-01", end: "2021-01-31" },
        { id: "c", start: "2021-04-10", end: "2021-04-10" },
      ]),
    ).toStrictEqual([
      {
        period: "2021-01",
        start: "2021-01-01",
        end: "2021-01-31",
        active: ["a", "b"],
        starting: ["a", "b"],
        ending: ["a"],
      },
      // "b" is complete on 1 February: it ends in February without being under way there
      {
        period: "2021-02",
        start: "2021-02-01",
        end: "2021-02-28",
        active: [],
        starting: [],
        ending: ["b"],
      },
      {
        period: "2021-03",
        start: "2021-03-01",
        end: "2021-03-31",
        active: [],
        starting: [],
        ending: [],
      },
      // an item with no length is active on its one date
      {
        period: "2021-04",
        start: "2021-04-01",
        end: "2021-04-30",
        active: ["c"],
        starting: ["c"],
        ending: ["c"],
      },
    ]);
  });

  it("groups by quarter, with quarter ends and leap-year Februaries right", () => {
    expect(
      groupByPeriod([{ id: "x", start: "2023-12-20", end: "2024-04-01" }], { period: "quarter" }),
    ).toStrictEqual([
      {
        period: "2023-Q4",
        start: "2023-10-01",
        end: "2023-12-31",
        active: ["x"],
        starting: ["x"],
        ending: [],
      },
      {
        period: "2024-Q1",
        start: "2024-01-01",
        end: "2024-03-31",
        active: ["x"],
        starting: [],
        ending: [],
      },
      {
        period: "2024-Q2",
        start: "2024-04-01",
        end: "2024-06-30",
        active: [],
        starting: [],
        ending: ["x"],
      },
    ]);
    expect(groupByPeriod([{ id: "f", start: "2024-02-10", end: "2024-02-11" }])[0]?.end).toBe(
      "2024-02-29",
    );
    expect(groupByPeriod([{ id: "f", start: "2100-02-10", end: "2100-02-11" }])[0]?.end).toBe(
      "2100-02-28",
    );
  });

  it("groups by year", () => {
    expect(
      groupByPeriod([{ id: "x", start: "2021-03-01", end: "2022-03-01" }], { period: "year" }),
    ).toStrictEqual([
      {
        period: "2021",
        start: "2021-01-01",
        end: "2021-12-31",
        active: ["x"],
        starting: ["x"],
        ending: [],
      },
      {
        period: "2022",
        start: "2022-01-01",
        end: "2022-12-31",
        active: ["x"],
        starting: [],
        ending: ["x"],
      },
    ]);
  });

  it("returns no periods for no items", () => {
    expect(groupByPeriod([], { period: "quarter" })).toStrictEqual([]);
  });

  it("an item is active in a month exactly when one of its days [start, end) falls in it", () => {
    const date = fc.integer({ min: 0, max: 800 }).map((d) => addDaysIso("2020-11-01", d));
    const items = fc
      .array(fc.tuple(date, fc.integer({ min: 0, max: 120 })), { minLength: 1, maxLength: 15 })
      .map((xs) =>
        xs.map(([s, len], i): PeriodItem => ({ id: `i${i}`, start: s, end: addDaysIso(s, len) })),
      );
    fc.assert(
      fc.property(items, fc.constantFrom("month" as const, "quarter" as const), (xs, period) => {
        const groups = groupByPeriod(xs, { period });
        for (const item of xs) {
          const len = daysBetween(item.start, item.end);
          const days =
            len === 0
              ? [item.start]
              : Array.from({ length: len }, (_, k) => addDaysIso(item.start, k));
          for (const g of groups) {
            const expected = days.some((d) => d >= g.start && d <= g.end);
            expect(g.active.includes(item.id)).toBe(expected);
          }
          expect(groups.filter((g) => g.starting.includes(item.id))).toHaveLength(1);
          expect(groups.filter((g) => g.ending.includes(item.id))).toHaveLength(1);
        }
        // contiguous periods
        for (let k = 1; k < groups.length; k++) {
          expect(addDaysIso(groups[k - 1]!.end, 1)).toBe(groups[k]!.start);
        }
      }),
      { numRuns: 100 },
    );
  });

  describe("bad input", () => {
    const cases: [string, () => unknown, string, (string | number)[]][] = [
      ["items not an array", () => groupByPeriod(null as never), "invalid_type", ["items"]],
      [
        "options not an object",
        () => groupByPeriod([], "month" as never),
        "invalid_type",
        ["options"],
      ],
      [
        "an unknown period",
        () => groupByPeriod([], { period: "week" as never }),
        "invalid_value",
        ["options", "period"],
      ],
      [
        "an item that is not an object",
        () => groupByPeriod([1 as never]),
        "invalid_type",
        ["items", 0],
      ],
      [
        "a duplicate id",
        () =>
          groupByPeriod([
            { id: "a", start: "2021-01-01", end: "2021-01-02" },
            { id: "a", start: "2021-01-01", end: "2021-01-02" },
          ]),
        "duplicate_id",
        ["items", 1, "id"],
      ],
      [
        "a missing end",
        () => groupByPeriod([{ id: "a", start: "2021-01-01" } as never]),
        "invalid_type",
        ["items", 0, "end"],
      ],
      [
        "an invalid start",
        () => groupByPeriod([{ id: "a", start: "2021-00-01", end: "2021-01-02" }]),
        "invalid_date",
        ["items", 0, "start"],
      ],
      [
        "an end before its start",
        () => groupByPeriod([{ id: "a", start: "2021-01-03", end: "2021-01-02" }]),
        "end_before_start",
        ["items", 0, "end"],
      ],
    ];
    it.each(cases)("rejects %s", (_name, fn, code, path) => {
      const err = thrown(fn);
      expect(err.code).toBe(code);
      expect(err.issues[0]?.path).toStrictEqual(path);
    });
  });
});
