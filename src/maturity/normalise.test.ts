import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { thrown } from "../../test/helpers/errors.js";
import { normalise } from "./normalise.js";
import type { NormaliseSpec } from "../schema/framework.js";

/**
 * Golden data: test/fixtures/reference/composite.json and asem_mini8_*.csv — 8 ASEM countries × 5
 * indicators of COINr's example data, normalised by the JRC's COINr 1.1.14 (n_minmax, n_zscore,
 * n_rank, n_prank, n_borda, n_dist2max, n_dist2ref with CZE as reference, n_goalposts), CO2 with
 * direction −1. Tolerance 1e-9 as the fixture states.
 */
function csv(name: string): Record<string, Record<string, number>> {
  const path = fileURLToPath(new URL(`../../test/fixtures/reference/${name}`, import.meta.url));
  const [head, ...rows] = readFileSync(path, "utf8").trim().split("\n");
  const cols = (head as string).split(",");
  const out: Record<string, Record<string, number>> = {};
  for (const row of rows) {
    const cells = row.split(",");
    const rec: Record<string, number> = {};
    cols.slice(1).forEach((c, i) => (rec[c] = Number(cells[i + 1])));
    out[cells[0] as string] = rec;
  }
  return out;
}

const input = csv("asem_mini8_input.csv");
const output = csv("asem_mini8_output.csv");
const other = csv("asem_mini8_other_normalisations.csv");
const units = ["AUT", "BEL", "BGR", "CYP", "CZE", "DNK", "EST", "HRV"];
const indicators = ["LPI", "Flights", "ConSpeed", "Cov4G", "CO2"] as const;
const direction = (ind: string): 1 | -1 => (ind === "CO2" ? -1 : 1);
const column = (table: Record<string, Record<string, number>>, col: string): number[] =>
  units.map((u) => table[u]?.[col] as number);

function expectClose(actual: readonly (number | null)[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => {
    expect(a).not.toBeNull();
    expect(Math.abs((a as number) - (expected[i] as number))).toBeLessThanOrEqual(1e-9);
  });
}

describe("normalise", () => {
  describe("reproduces COINr 1.1.14 on the ASEM mini-8 data (1e-9)", () => {
    for (const ind of indicators) {
      const x = column(input, ind);
      const d = direction(ind);
      it(`${ind}: min-max [0, 100] and [1, 100]`, () => {
        expectClose(
          normalise(x, { method: "minMax", direction: d }),
          column(output, `${ind}__minmax_0_100`),
        );
        expectClose(
          normalise(x, { method: "minMax", range: [1, 100], direction: d }),
          column(output, `${ind}__minmax_1_100`),
        );
      });
      it(`${ind}: z-score with the sample standard deviation`, () => {
        expectClose(
          normalise(x, { method: "zScore", direction: d }),
          column(output, `${ind}__zscore`),
        );
      });
      it(`${ind}: rank (ties min), percent rank, Borda`, () => {
        expect(normalise(x, { method: "rank", direction: d })).toStrictEqual(
          column(other, `${ind}__rank_min`),
        );
        expectClose(
          normalise(x, { method: "percentRank", direction: d }),
          column(other, `${ind}__prank`),
        );
        expect(normalise(x, { method: "borda", direction: d })).toStrictEqual(
          column(other, `${ind}__borda`),
        );
      });
      it(`${ind}: distance to the maximum and to CZE as reference`, () => {
        expectClose(
          normalise(x, { method: "distanceToMax", direction: d }),
          column(other, `${ind}__dist2max`),
        );
        const reference = input["CZE"]?.[ind] as number;
        expectClose(
          normalise(x, { method: "distanceToReference", reference, direction: d }),
          column(other, `${ind}__dist2ref_CZE`),
        );
      });
    }
    it("LPI: goalposts 1 and 5 scaled to 100", () => {
      expectClose(
        normalise(column(input, "LPI"), { method: "goalposts", low: 1, high: 5, scale: 100 }),
        column(other, "LPI__goalposts_1_5_x100"),
      );
    });
  });

  it("keeps nulls as nulls and computes from the other values", () => {
    expect(normalise([null, 1, 3, null], { method: "minMax" })).toStrictEqual([null, 0, 100, null]);
    expect(normalise([null, 1, 3], { method: "percentRank" })).toStrictEqual([null, 0, 1]);
    expect(normalise([null, 5], { method: "goalposts", low: 0, high: 10 })).toStrictEqual([
      null,
      50,
    ]);
  });

  it("applies z-score targets", () => {
    expect(normalise([1, 2, 3], { method: "zScore", mean: 100, sd: 10 })).toStrictEqual([
      90, 100, 110,
    ]);
  });

  it("clamps goalposts and flips them for direction -1, like COINr", () => {
    expect(
      normalise([-5, 0, 2.5, 10, 20], { method: "goalposts", low: 0, high: 10 }),
    ).toStrictEqual([0, 0, 25, 100, 100]);
    expect(
      normalise([-5, 0, 2.5, 10, 20], {
        method: "goalposts",
        low: 0,
        high: 10,
        direction: -1,
        scale: 1,
      }),
    ).toStrictEqual([1, 1, 0.75, 0, 0]);
  });

  it("never returns -0", () => {
    const out = normalise([0, 5], { method: "goalposts", low: 0, high: 10, direction: 1 });
    expect(Object.is(out[0], 0)).toBe(true);
    const z = normalise([-1, 0, 1], { method: "zScore" });
    expect(Object.is(z[1], 0)).toBe(true);
    const r = normalise([0, 0, 1], { method: "minMax", direction: -1 });
    expect(r.every((v) => !Object.is(v, -0))).toBe(true);
  });

  it("ranks all-equal values as ties rather than failing", () => {
    expect(normalise([4, 4, 4], { method: "rank" })).toStrictEqual([1, 1, 1]);
    expect(normalise([4, 4, 4], { method: "percentRank" })).toStrictEqual([0, 0, 0]);
  });

  it("returns nulls for a degenerate indicator when told to", () => {
    expect(normalise([3, 3], { method: "minMax", degenerate: "null" })).toStrictEqual([null, null]);
    expect(normalise([3, null], { method: "rank", degenerate: "null" })).toStrictEqual([
      null,
      null,
    ]);
  });

  it("property: min-max output stays within its range", () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null }), {
          minLength: 2,
          maxLength: 30,
        }),
        fc.integer({ min: -100, max: 100 }),
        fc.integer({ min: 1, max: 200 }),
        fc.constantFrom<1 | -1>(1, -1),
        (xs, lo, width, d) => {
          const spec: NormaliseSpec = {
            method: "minMax",
            range: [lo, lo + width],
            direction: d,
            degenerate: "null",
          };
          const out = normalise(xs, spec);
          out.forEach((v, i) => {
            if (xs[i] === null) expect(v).toBeNull();
            if (v !== null) {
              expect(v).toBeGreaterThanOrEqual(lo);
              expect(v).toBeLessThanOrEqual(lo + width);
            }
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it("property: ranks are a permutation of 1..n up to ties (ties take the minimum rank)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 2, maxLength: 25 }),
        (xs) => {
          const ranks = normalise(xs, { method: "rank" }) as number[];
          xs.forEach((x, i) => {
            expect(ranks[i]).toBe(1 + xs.filter((y) => y < x).length);
          });
          const distinct = new Set(xs).size;
          const sortedDistinctRanks = [...new Set(ranks)].sort((a, b) => a - b);
          expect(sortedDistinctRanks).toHaveLength(distinct);
          if (distinct === xs.length) {
            expect([...ranks].sort((a, b) => a - b)).toStrictEqual(xs.map((_, i) => i + 1));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("property: each unit's value does not depend on the order of the units", () => {
    const methods: NormaliseSpec[] = [
      { method: "minMax" },
      { method: "zScore" },
      { method: "rank" },
      { method: "percentRank" },
      { method: "borda" },
      { method: "distanceToMax" },
      { method: "distanceToReference", reference: 50 },
      { method: "goalposts", low: 0, high: 80 },
    ];
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 20 }),
        fc.constantFrom(...methods),
        fc.integer({ min: 0, max: 1000 }),
        (xs, spec, seed) => {
          const perm = xs
            .map((_, i) => i)
            .sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101) || a - b);
          const s: NormaliseSpec = { ...spec, degenerate: "null" };
          const a = normalise(xs, s);
          const b = normalise(
            perm.map((i) => xs[i] as number),
            s,
          );
          perm.forEach((i, k) => expect(b[k]).toBe(a[i]));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("does not change its input", () => {
    const xs = [3, null, 1];
    normalise(xs, { method: "rank" });
    expect(xs).toStrictEqual([3, null, 1]);
  });

  describe("bad input", () => {
    it("rejects values that are not an array of finite numbers or nulls", () => {
      expect(
        thrown(() => normalise("1,2" as unknown as number[], { method: "minMax" })).issues[0]?.path,
      ).toStrictEqual(["values"]);
      const nan = thrown(() => normalise([1, Number.NaN], { method: "minMax" }));
      expect(nan.code).toBe("non_finite");
      expect(nan.issues[0]?.path).toStrictEqual(["values", 1]);
      const inf = thrown(() => normalise([Infinity, 1], { method: "minMax" }));
      expect(inf.code).toBe("non_finite");
      expect(inf.issues[0]?.path).toStrictEqual(["values", 0]);
      const str = thrown(() => normalise([1, "2" as unknown as number], { method: "minMax" }));
      expect(str.code).toBe("invalid_type");
      expect(str.issues[0]?.path).toStrictEqual(["values", 1]);
    });

    it("rejects zero spread and too few values, naming the values", () => {
      expect(() =>
        normalise([2, 2, null], { method: "minMax" }),
      ).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: minMax needs values that differ, but every value is 2 (values)]`,
      );
      expect(thrown(() => normalise([2, 2], { method: "zScore" })).code).toBe("zero_spread");
      expect(thrown(() => normalise([2, 2], { method: "distanceToMax" })).code).toBe("zero_spread");
      expect(
        thrown(() => normalise([2, 3], { method: "distanceToReference", reference: 2 })).code,
      ).toBe("zero_spread");
      const few = thrown(() => normalise([5, null], { method: "rank" }));
      expect(few.code).toBe("too_few_values");
      expect(few.issues[0]?.path).toStrictEqual(["values"]);
      expect(thrown(() => normalise([], { method: "minMax" })).code).toBe("too_few_values");
      expect(normalise([], { method: "goalposts", low: 0, high: 1 })).toStrictEqual([]);
    });

    it("rejects a bad spec with its path", () => {
      const cases: [unknown, string, (string | number)[]][] = [
        [null, "invalid_type", ["spec"]],
        [{ method: "logistic" }, "invalid_value", ["spec", "method"]],
        [{ method: "minMax", direction: 0 }, "invalid_value", ["spec", "direction"]],
        [{ method: "minMax", degenerate: "zero" }, "invalid_value", ["spec", "degenerate"]],
        [{ method: "minMax", range: [100, 0] }, "invalid_value", ["spec", "range"]],
        [{ method: "minMax", range: [0] }, "invalid_type", ["spec", "range"]],
        [{ method: "minMax", range: [0, Number.NaN] }, "non_finite", ["spec", "range", 1]],
        [{ method: "zScore", sd: 0 }, "invalid_value", ["spec", "sd"]],
        [{ method: "zScore", mean: Infinity }, "non_finite", ["spec", "mean"]],
        [{ method: "zScore", mean: "0" }, "invalid_type", ["spec", "mean"]],
        [{ method: "distanceToReference" }, "missing_field", ["spec", "reference"]],
        [{ method: "goalposts", low: 1 }, "missing_field", ["spec", "high"]],
        [{ method: "goalposts", low: 1, high: 1 }, "zero_spread", ["spec", "high"]],
        [{ method: "goalposts", low: 1, high: 5, scale: -1 }, "invalid_value", ["spec", "scale"]],
      ];
      for (const [spec, code, path] of cases) {
        const e = thrown(() => normalise([1, 2], spec as NormaliseSpec));
        expect([e.code, e.issues[0]?.path]).toStrictEqual([code, path]);
      }
      expect(() =>
        normalise([1, 2], { method: "goalposts", low: 1, high: Infinity }),
      ).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: spec.high must be a finite number, got Infinity]`,
      );
      expect(() =>
        normalise([1, 2], { method: "minMax", direction: 0 as never }),
      ).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: spec.direction must be one of 1, -1, got 0]`,
      );
    });

    it("reports bad values before a bad spec", () => {
      const e = thrown(() => normalise([1, Number.NaN], { method: "logistic" } as never));
      expect([e.code, e.issues[0]?.path]).toStrictEqual(["non_finite", ["values", 1]]);
      const z = thrown(() => normalise(["1" as never, 2], { method: "zScore", sd: -1 }));
      expect([z.code, z.issues[0]?.path]).toStrictEqual(["invalid_type", ["values", 0]]);
      const zs = thrown(() => normalise([1, Number.NaN], { method: "zScore" }));
      expect([zs.code, zs.issues[0]?.path]).toStrictEqual(["non_finite", ["values", 1]]);
    });

    it("raises rather than returning Infinity on overflow", () => {
      const e = thrown(() => normalise([-1e308, 1e308], { method: "minMax" }));
      expect(e.code).toBe("non_finite");
    });
  });
});
