import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { thrown } from "../../test/helpers/errors.js";
import { aggregate, type AggregateOptions } from "./aggregate.js";
import { normalise } from "./normalise.js";

/**
 * Golden data: test/fixtures/reference/composite.json, case asem_mini8 — COINr 1.1.14 a_amean of
 * the min-max [0, 100] and z-score data and a_gmean of the min-max [1, 100] data, equal weights
 * (tolerance 1e-9). Computed by COINr, not by this library.
 */
interface Case {
  units: string[];
  indicators: string[];
  directions: Record<string, 1 | -1>;
  input: Record<string, Record<string, number>>;
  expected: Record<string, Record<string, unknown>>;
}
const composite = JSON.parse(
  readFileSync(
    fileURLToPath(new URL("../../test/fixtures/reference/composite.json", import.meta.url)),
    "utf8",
  ),
) as { cases: { asem_mini8: Case } };
const mini = composite.cases.asem_mini8;

function table(name: string): number[][] {
  const t = mini.expected[name] as Record<string, Record<string, number>>;
  return mini.units.map((u) => mini.indicators.map((i) => t[u]?.[i] as number));
}
function index(name: string): number[] {
  const t = mini.expected[name] as Record<string, number>;
  return mini.units.map((u) => t[u] as number);
}
function normalisedByUs(
  spec: { method: "minMax"; range?: [number, number] } | { method: "zScore" },
): number[][] {
  const cols = mini.indicators.map((ind) =>
    normalise(
      mini.units.map((u) => mini.input[u]?.[ind] as number),
      { ...spec, direction: mini.directions[ind] as 1 | -1 },
    ),
  );
  return mini.units.map((_, r) => cols.map((c) => c[r] as number));
}

const eq = [1, 1, 1, 1, 1];

describe("aggregate", () => {
  describe("reproduces COINr 1.1.14 aggregates on the ASEM mini-8 data (1e-9)", () => {
    const cases: [string, string, AggregateOptions, () => number[][]][] = [
      [
        "arithmetic mean of min-max [0, 100]",
        "arithmetic_mean_of_minmax_0_100",
        {},
        () => table("minmax_0_100"),
      ],
      [
        "arithmetic mean of z-scores",
        "arithmetic_mean_of_zscore",
        { method: "arithmetic" },
        () => table("zscore_mean0_sd1_sample_sd"),
      ],
      [
        "geometric mean of min-max [1, 100]",
        "geometric_mean_of_minmax_1_100",
        { method: "geometric" },
        () => table("minmax_1_100"),
      ],
      [
        "same, from our own normalisation",
        "geometric_mean_of_minmax_1_100",
        { method: "geometric" },
        () => normalisedByUs({ method: "minMax", range: [1, 100] }),
      ],
      [
        "arithmetic, from our own min-max",
        "arithmetic_mean_of_minmax_0_100",
        {},
        () => normalisedByUs({ method: "minMax" }),
      ],
      [
        "arithmetic, from our own z-scores",
        "arithmetic_mean_of_zscore",
        {},
        () => normalisedByUs({ method: "zScore" }),
      ],
    ];
    for (const [title, key, spec, rows] of cases) {
      it(title, () => {
        const expected = index(key);
        rows().forEach((row, u) => {
          const got = aggregate(row, eq, spec) as number;
          expect(Math.abs(got - (expected[u] as number))).toBeLessThanOrEqual(1e-9);
        });
      });
    }
  });

  it("computes the four means", () => {
    expect(aggregate([1, 4], [1, 1], { method: "harmonic" })).toBe(1.6);
    expect(aggregate([1, 4], [3, 1])).toBe(1.75);
    expect(aggregate([2, 8], [1, 1], { method: "geometric" })).toBe(4);
    expect(aggregate([3, 4], [1, 1], { method: "generalised", p: 2 })).toBeCloseTo(
      Math.sqrt(12.5),
      12,
    );
    expect(aggregate([2, 8], [1, 1], { method: "generalised", p: 0 })).toBe(4);
  });

  it("matches the arithmetic, geometric and harmonic means at p = 1, 0, −1", () => {
    const xs = [12, 30, 55, 81];
    const w = [1, 2, 3, 4];
    for (const [p, method] of [
      [1, "arithmetic"],
      [0, "geometric"],
      [-1, "harmonic"],
    ] as const) {
      const g = aggregate(xs, w, { method: "generalised", p }) as number;
      expect(g).toBeCloseTo(aggregate(xs, w, { method }) as number, 10);
    }
  });

  it("renormalises weights over the values present, or raises under missing: error", () => {
    expect(aggregate([null, 50, 100], [5, 1, 1])).toBe(75);
    const e = thrown(() => aggregate([null, 50], [1, 1], { missing: "error" }));
    expect(e.code).toBe("missing_value");
    expect(e.issues[0]?.path).toStrictEqual(["values", 0]);
  });

  it("returns null when nothing is left to aggregate", () => {
    expect(aggregate([null, null], [1, 1])).toBeNull();
    expect(aggregate([null, 7], [1, 0])).toBeNull();
  });

  it("leaves out zero-weight values, even non-positive ones in a geometric mean", () => {
    expect(aggregate([0, 9], [0, 1], { method: "geometric" })).toBe(9);
  });

  it("raises on a value ≤ 0 in a geometric or harmonic mean, naming its position", () => {
    expect(() =>
      aggregate([5, 0, 3], [1, 1, 1], { method: "geometric" }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[AssessmentError: a geometric mean needs positive values, got 0 (values[1])]`,
    );
    const h = thrown(() => aggregate([5, -2], [1, 1], { method: "harmonic" }));
    expect([h.code, h.issues[0]?.path]).toStrictEqual(["non_positive_value", ["values", 1]]);
    const g = thrown(() => aggregate([-1, 2], [1, 1], { method: "generalised", p: 2 }));
    expect([g.code, g.issues[0]?.path]).toStrictEqual(["non_positive_value", ["values", 0]]);
    expect(aggregate([0, 2], [1, 1], { method: "generalised", p: 2 })).toBeCloseTo(
      Math.sqrt(2),
      12,
    );
  });

  it("shifts values under a declared zero policy and takes the shift off the result", () => {
    expect(
      aggregate([0, 3], [1, 1], { method: "geometric", zeroPolicy: { nonPositive: "shift" } }),
    ).toBe(1);
    expect(
      aggregate([0, 8], [1, 1], {
        method: "geometric",
        zeroPolicy: { nonPositive: "shift", shift: 2 },
      }),
    ).toBeCloseTo(Math.sqrt(20) - 2, 12);
    expect(
      aggregate([1, 4], [1, 1], { method: "harmonic", zeroPolicy: { nonPositive: "error" } }),
    ).toBe(1.6);
    const still = thrown(() =>
      aggregate([-3, 4], [1, 1], {
        method: "geometric",
        zeroPolicy: { nonPositive: "shift", shift: 1 },
      }),
    );
    expect(still.code).toBe("non_positive_value");
    expect(still.message).toContain("after the shift of 1");
  });

  it("property: aggregating equal values returns that value", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 1000, noNaN: true }),
        fc.array(fc.double({ min: 0.01, max: 10, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom<AggregateOptions>(
          { method: "arithmetic" },
          { method: "geometric" },
          { method: "harmonic" },
          { method: "generalised", p: 3 },
          { method: "generalised", p: -0.5 },
        ),
        (v, w, spec) => {
          expect(
            aggregate(
              w.map(() => v),
              w,
              spec,
            ),
          ).toBe(v);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("property: reweighting under missing data equals aggregating the present values alone", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.option(fc.double({ min: 0.5, max: 100, noNaN: true }), { nil: null }),
            fc.double({ min: 0.1, max: 5, noNaN: true }),
          ),
          { minLength: 1, maxLength: 15 },
        ),
        fc.constantFrom<AggregateOptions>(
          { method: "arithmetic" },
          { method: "geometric" },
          { method: "harmonic" },
        ),
        (pairs, spec) => {
          const values = pairs.map((p) => p[0]);
          const weights = pairs.map((p) => p[1]);
          const present = pairs.filter((p) => p[0] !== null);
          const whole = aggregate(values, weights, spec);
          if (present.length === 0) expect(whole).toBeNull();
          else
            expect(whole).toBe(
              aggregate(
                present.map((p) => p[0]),
                present.map((p) => p[1]),
                spec,
              ),
            );
        },
      ),
      { numRuns: 200 },
    );
  });

  it("property: the mean lies between the smallest and largest value", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: 0.1, max: 100, noNaN: true }),
            fc.double({ min: 0.1, max: 5, noNaN: true }),
          ),
          {
            minLength: 1,
            maxLength: 15,
          },
        ),
        (pairs) => {
          const xs = pairs.map((p) => p[0]);
          for (const method of ["arithmetic", "geometric", "harmonic"] as const) {
            const m = aggregate(
              xs,
              pairs.map((p) => p[1]),
              { method },
            ) as number;
            expect(m).toBeGreaterThanOrEqual(Math.min(...xs));
            expect(m).toBeLessThanOrEqual(Math.max(...xs));
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("does not change its inputs", () => {
    const v = [1, null, 3];
    const w = [1, 2, 3];
    aggregate(v, w);
    expect([v, w]).toStrictEqual([
      [1, null, 3],
      [1, 2, 3],
    ]);
  });

  describe("bad input", () => {
    it("rejects weights that sum to 0, negative weights and mismatched lengths", () => {
      expect(() => aggregate([1, 2], [0, 0])).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: weights must sum to a positive finite number, got 0 (weights)]`,
      );
      const neg = thrown(() => aggregate([1, 2], [1, -1]));
      expect([neg.code, neg.issues[0]?.path]).toStrictEqual(["negative_weight", ["weights", 1]]);
      const len = thrown(() => aggregate([1, 2], [1]));
      expect([len.code, len.issues[0]?.path]).toStrictEqual(["length_mismatch", ["weights"]]);
      const nanW = thrown(() => aggregate([1, 2], [1, Number.NaN]));
      expect([nanW.code, nanW.issues[0]?.path]).toStrictEqual(["non_finite", ["weights", 1]]);
      const big = thrown(() => aggregate([1, 2], [Number.MAX_VALUE, Number.MAX_VALUE]));
      expect(big.code).toBe("zero_weights");
    });

    it("rejects values that are not finite numbers or null, and an empty list", () => {
      const nan = thrown(() => aggregate([1, Number.NaN], [1, 1]));
      expect([nan.code, nan.issues[0]?.path]).toStrictEqual(["non_finite", ["values", 1]]);
      const inf = thrown(() => aggregate([-Infinity, 1], [1, 1]));
      expect([inf.code, inf.issues[0]?.path]).toStrictEqual(["non_finite", ["values", 0]]);
      const str = thrown(() => aggregate(["1" as unknown as number], [1]));
      expect([str.code, str.issues[0]?.path]).toStrictEqual(["invalid_type", ["values", 0]]);
      const empty = thrown(() => aggregate([], []));
      expect([empty.code, empty.issues[0]?.path]).toStrictEqual(["empty", ["values"]]);
      expect(thrown(() => aggregate(null as unknown as number[], [])).code).toBe("invalid_type");
      expect(
        thrown(() => aggregate([1], null as unknown as number[])).issues[0]?.path,
      ).toStrictEqual(["weights"]);
    });

    it("rejects a bad spec with its path", () => {
      const cases: [unknown, string, (string | number)[]][] = [
        [[], "invalid_type", ["spec"]],
        [{ method: "median" }, "invalid_value", ["spec", "method"]],
        [{ method: "generalised" }, "missing_field", ["spec", "p"]],
        [{ method: "generalised", p: "2" }, "invalid_type", ["spec", "p"]],
        [{ method: "generalised", p: Infinity }, "non_finite", ["spec", "p"]],
        [{ missing: "zero" }, "invalid_value", ["spec", "missing"]],
        [{ zeroPolicy: "shift" }, "invalid_type", ["spec", "zeroPolicy"]],
        [
          { zeroPolicy: { nonPositive: "drop" } },
          "invalid_value",
          ["spec", "zeroPolicy", "nonPositive"],
        ],
        [
          { zeroPolicy: { nonPositive: "shift", shift: 0 } },
          "invalid_value",
          ["spec", "zeroPolicy", "shift"],
        ],
      ];
      for (const [spec, code, path] of cases) {
        const e = thrown(() => aggregate([1, 2], [1, 1], spec as AggregateOptions));
        expect([e.code, e.issues[0]?.path]).toStrictEqual([code, path]);
      }
    });

    it("checks every value and weight before computing, each value before its weight", () => {
      const at = (fn: () => unknown) => {
        const e = thrown(fn);
        return [e.code, e.issues[0]?.path];
      };
      // a missing value's weight is checked too
      expect(at(() => aggregate([null, 1], [Number.NaN, 1]))).toStrictEqual([
        "non_finite",
        ["weights", 0],
      ]);
      expect(at(() => aggregate(["1" as never, 1], [-1, 1]))).toStrictEqual([
        "invalid_type",
        ["values", 0],
      ]);
      expect(at(() => aggregate([null, 1], [1, 1], { missing: "error" }))).toStrictEqual([
        "missing_value",
        ["values", 0],
      ]);
      // a bad value after a non-positive one is reported, not the mean's failure
      expect(at(() => aggregate([0, Number.NaN], [1, 1], { method: "geometric" }))).toStrictEqual([
        "non_finite",
        ["values", 1],
      ]);
    });

    it("raises rather than returning Infinity when the mean overflows", () => {
      const e = thrown(() => aggregate([1e308, 1e308], [1, 1]));
      expect([e.code, e.issues[0]?.path]).toStrictEqual(["non_finite", ["values"]]);
    });
  });
});
