import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeOf } from "../../test/helpers/errors.js";
import type { CriterionKind } from "../schema/vocabularies.js";
import { topsis, type TopsisNormalisation } from "./topsis.js";

// Roszkowska (2011) example 1: test/fixtures/reference/topsis.json
interface Expected {
  R: number[][];
  V: number[][];
  pis: number[];
  nis: number[];
  d_plus: number[];
  d_minus: number[];
  C: number[];
  rank: number[];
}
const fixture = JSON.parse(
  readFileSync(new URL("../../test/fixtures/reference/topsis.json", import.meta.url), "utf8"),
) as {
  cases: {
    roszkowska_2011_ex1: {
      alternatives: string[];
      matrix: number[][];
      weights: number[];
      benefit: boolean[];
      published: {
        d_plus: number[];
        d_minus: number[];
        closeness: number[];
        ranking_best_first: string[];
      };
      recomputed: { vector_normalisation: Expected; minmax_normalisation: Expected };
      tolerance: { published: number; recomputed: number };
    };
  };
};
const ex = fixture.cases.roszkowska_2011_ex1;
const kinds: CriterionKind[] = ex.benefit.map((b) => (b ? "benefit" : "cost"));

function expectClose(actual: readonly number[], expected: readonly number[], tol: number): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((x, i) => expect(Math.abs(x - (expected[i] as number))).toBeLessThanOrEqual(tol));
}

const matrixArb = fc
  .record({ n: fc.integer({ min: 2, max: 8 }), m: fc.integer({ min: 1, max: 5 }) })
  .chain(({ n, m }) =>
    fc.record({
      matrix: fc.array(fc.array(fc.integer({ min: 1, max: 20 }), { minLength: m, maxLength: m }), {
        minLength: n,
        maxLength: n,
      }),
      weights: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: m, maxLength: m }),
      kinds: fc.array(fc.constantFrom<CriterionKind>("benefit", "cost"), {
        minLength: m,
        maxLength: m,
      }),
    }),
  )
  .filter(({ matrix }) => {
    const cols = (matrix[0] as number[]).length;
    for (let j = 0; j < cols; j++) {
      const col = matrix.map((r) => r[j] as number);
      if (Math.min(...col) === Math.max(...col)) return false;
    }
    return true;
  });

describe("topsis", () => {
  describe("golden: Roszkowska (2011) example 1 (test/fixtures/reference/topsis.json)", () => {
    const cases: [TopsisNormalisation, Expected][] = [
      ["vector", ex.recomputed.vector_normalisation],
      ["minMax", ex.recomputed.minmax_normalisation],
    ];
    it.each(cases)(
      "reproduces every recomputed table with %s normalisation at 1e-9",
      (normalisation, e) => {
        const tol = ex.tolerance.recomputed;
        const r = topsis(ex.matrix, ex.weights, kinds, { normalisation, tables: true });
        expect(r.normalisation).toBe(normalisation);
        (r.weighted ?? []).forEach((row, i) => expectClose(row, e.V[i] as number[], tol));
        expectClose(r.ideal, e.pis, tol);
        expectClose(r.antiIdeal, e.nis, tol);
        expectClose(r.distanceToIdeal, e.d_plus, tol);
        expectClose(r.distanceToAntiIdeal, e.d_minus, tol);
        expectClose(r.closeness, e.C, tol);
        expect(r.ranks).toStrictEqual(e.rank);
      },
    );

    it("matches the published 6-dp distances, closeness and ranking (vector)", () => {
      const tol = ex.tolerance.published;
      const r = topsis(ex.matrix, ex.weights, kinds);
      expectClose(r.distanceToIdeal, ex.published.d_plus, tol);
      expectClose(r.distanceToAntiIdeal, ex.published.d_minus, tol);
      expectClose(r.closeness, ex.published.closeness, tol);
      const order = [...ex.alternatives].sort(
        (a, b) =>
          (r.ranks[ex.alternatives.indexOf(a)] as number) -
          (r.ranks[ex.alternatives.indexOf(b)] as number),
      );
      expect(order).toStrictEqual(ex.published.ranking_best_first);
    });

    it("normalises weights to sum 1 (the weights 4, 2, 6, 8 of jmcdm equal 0.2, 0.1, 0.3, 0.4)", () => {
      const m = [
        [1, 2, 3, 4],
        [4, 3, 2, 1],
        [2, 2, 5, 1],
      ];
      const k: CriterionKind[] = ["benefit", "cost", "benefit", "cost"];
      const a = topsis(m, [4, 2, 6, 8], k);
      const b = topsis(m, [0.2, 0.1, 0.3, 0.4], k);
      expectClose(a.closeness, b.closeness, 1e-15);
      expectClose(a.weights, [0.2, 0.1, 0.3, 0.4], 1e-15);
    });
  });

  it("returns no weighted table unless asked", () => {
    expect(topsis([[1], [2]], [1], ["benefit"]).weighted).toBeNull();
  });

  it("gives equal ranks to exact ties", () => {
    // A1 and A3 are identical; by hand C = [0.432, 0.568, 0.432]
    const r = topsis(
      [
        [3, 1],
        [1, 3],
        [3, 1],
      ],
      [0.5, 0.5],
      ["benefit", "benefit"],
    );
    expect(r.ranks).toStrictEqual([2, 1, 2]);
    expect(r.closeness[0]).toBe(r.closeness[2]);
  });

  describe("properties", () => {
    it("closeness lies in [0, 1] and ranks are competition ranks of the closeness", () => {
      fc.assert(
        fc.property(
          matrixArb,
          fc.constantFrom<TopsisNormalisation>("vector", "minMax"),
          ({ matrix, weights, kinds: k }, normalisation) => {
            const r = topsis(matrix, weights, k, { normalisation });
            for (const c of r.closeness) {
              expect(c).toBeGreaterThanOrEqual(0);
              expect(c).toBeLessThanOrEqual(1);
            }
            r.ranks.forEach((rank, i) => {
              const better = r.closeness.filter((c) => c > (r.closeness[i] as number)).length;
              expect(rank).toBe(better + 1);
            });
          },
        ),
        { numRuns: 150 },
      );
    });

    it("does not depend on the order of the alternatives", () => {
      fc.assert(
        fc.property(
          matrixArb.chain((input) =>
            fc
              .shuffledSubarray(
                input.matrix.map((_, i) => i),
                { minLength: input.matrix.length, maxLength: input.matrix.length },
              )
              .map((perm) => ({ ...input, perm })),
          ),
          ({ matrix, weights, kinds: k, perm }) => {
            const a = topsis(matrix, weights, k);
            const b = topsis(
              perm.map((i) => matrix[i] as number[]),
              weights,
              k,
            );
            expectClose(
              b.closeness,
              perm.map((i) => a.closeness[i] as number),
              1e-12,
            );
            expect(b.ranks).toStrictEqual(perm.map((i) => a.ranks[i] as number));
          },
        ),
        { numRuns: 100 },
      );
    });
  });

  describe("bad input", () => {
    it("rejects a criterion whose values are all equal under min-max", () => {
      expect(() =>
        topsis(
          [
            [1, 5],
            [2, 5],
          ],
          [0.5, 0.5],
          ["benefit", "benefit"],
          { normalisation: "minMax" },
        ),
      ).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: every alternative has the value 5 on criterion 1; min-max normalisation divides by the range, which is 0 (criteria[1])]`,
      );
    });

    it("rejects a column of zeros under vector normalisation", () => {
      expect(
        codeOf(() =>
          topsis(
            [
              [0, 1],
              [0, 2],
            ],
            [1, 1],
            ["benefit", "cost"],
          ),
        ),
      ).toStrictEqual({
        code: "zero_spread",
        path: ["criteria", 0],
      });
    });

    it("rejects alternatives that are equal on every weighted criterion", () => {
      expect(
        codeOf(() =>
          topsis(
            [
              [2, 1],
              [2, 3],
            ],
            [1, 0],
            ["benefit", "cost"],
          ),
        ),
      ).toStrictEqual({
        code: "zero_spread",
        path: ["matrix", 0],
      });
    });

    it("rejects weights summing to 0, negative weights and weights of the wrong length", () => {
      const m = [
        [1, 2],
        [2, 1],
      ];
      const k: CriterionKind[] = ["benefit", "benefit"];
      expect(() => topsis(m, [0, 0], k)).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: weights must sum to a positive finite number, got 0 (weights)]`,
      );
      expect(codeOf(() => topsis(m, [1, -1], k))).toStrictEqual({
        code: "negative_weight",
        path: ["weights", 1],
      });
      expect(codeOf(() => topsis(m, [1], k))).toStrictEqual({
        code: "length_mismatch",
        path: ["weights"],
      });
      expect(codeOf(() => topsis(m, [1, NaN], k))).toStrictEqual({
        code: "non_finite",
        path: ["weights", 1],
      });
      expect(codeOf(() => topsis(m, "w" as unknown as number[], k))).toStrictEqual({
        code: "invalid_type",
        path: ["weights"],
      });
      expect(codeOf(() => topsis(m, [1, "1" as unknown as number], k))).toStrictEqual({
        code: "invalid_type",
        path: ["weights", 1],
      });
    });

    it("rejects ragged, empty and non-numeric matrices", () => {
      expect(codeOf(() => topsis([[1, 2], [1]], [1, 1], ["benefit", "cost"]))).toStrictEqual({
        code: "length_mismatch",
        path: ["matrix", 1],
      });
      expect(codeOf(() => topsis([], [1], ["benefit"]))).toStrictEqual({
        code: "empty",
        path: ["matrix"],
      });
      expect(codeOf(() => topsis([[]], [], []))).toStrictEqual({
        code: "empty",
        path: ["matrix", 0],
      });
      expect(codeOf(() => topsis([[1], [-Infinity]], [1], ["benefit"]))).toStrictEqual({
        code: "non_finite",
        path: ["matrix", 1, 0],
      });
      expect(
        codeOf(() => topsis([[1], [null as unknown as number]], [1], ["benefit"])),
      ).toStrictEqual({
        code: "invalid_type",
        path: ["matrix", 1, 0],
      });
      expect(codeOf(() => topsis({} as unknown as number[][], [1], ["benefit"]))).toStrictEqual({
        code: "invalid_type",
        path: ["matrix"],
      });
      expect(codeOf(() => topsis([1] as unknown as number[][], [1], ["benefit"]))).toStrictEqual({
        code: "invalid_type",
        path: ["matrix", 0],
      });
      expect(
        codeOf(() => topsis([[1], 1] as unknown as number[][], [1], ["benefit"])),
      ).toStrictEqual({ code: "invalid_type", path: ["matrix", 1] });
    });

    it("rejects values too large to normalise in double precision", () => {
      expect(codeOf(() => topsis([[1e200], [2e200]], [1], ["benefit"]))).toStrictEqual({
        code: "out_of_range",
        path: ["criteria", 0],
      });
      expect(
        codeOf(() =>
          topsis([[-1.5e308], [1.5e308]], [1], ["benefit"], { normalisation: "minMax" }),
        ),
      ).toStrictEqual({
        code: "out_of_range",
        path: ["criteria", 0],
      });
    });

    it("rejects unknown criterion kinds and normalisations", () => {
      expect(codeOf(() => topsis([[1], [2]], [1], ["gain" as CriterionKind]))).toStrictEqual({
        code: "invalid_value",
        path: ["criteria", 0],
      });
      expect(codeOf(() => topsis([[1], [2]], [1], []))).toStrictEqual({
        code: "length_mismatch",
        path: ["criteria"],
      });
      expect(
        codeOf(() => topsis([[1], [2]], [1], "benefit" as unknown as CriterionKind[])),
      ).toStrictEqual({ code: "invalid_type", path: ["criteria"] });
      expect(
        codeOf(() =>
          topsis([[1], [2]], [1], ["benefit"], { normalisation: "sum" as TopsisNormalisation }),
        ),
      ).toStrictEqual({
        code: "invalid_value",
        path: ["options", "normalisation"],
      });
    });
  });
});
