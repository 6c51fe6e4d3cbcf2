import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeOf } from "../../test/helpers/errors.js";
import { kendallW, kendallWOfSparse, type SparseRater } from "./kendallW.js";

// Siegel & Castellan (1988) via DescTools: test/fixtures/reference/consensus.json
const fixture = JSON.parse(
  readFileSync(new URL("../../test/fixtures/reference/consensus.json", import.meta.url), "utf8"),
) as {
  cases: {
    kendall_w_siegel_castellan_1988: {
      ranks_by_rater: Record<string, number[]>;
      published: { W: number; chi_squared: number; df: number; p_value: number };
      recomputed: {
        W: number;
        S: number;
        rank_sums: number[];
        chisq: number;
        df: number;
        p: number;
      };
      tolerance: { W: number; chi_squared: number; p_value: number; rank_sums: number };
    };
  };
};
const sc = fixture.cases.kendall_w_siegel_castellan_1988;
const raters = Object.values(sc.ranks_by_rater);

describe("kendallW", () => {
  describe("golden: Siegel & Castellan (1988), 3 raters x 8 objects", () => {
    it("reproduces the recomputed rank sums, S, W, chi-square and p-value at 1e-9", () => {
      const r = kendallW(raters);
      expect(r.rankSums).toStrictEqual(sc.recomputed.rank_sums);
      expect(r.s).toBe(sc.recomputed.S);
      expect(Math.abs(r.w - sc.recomputed.W)).toBeLessThan(1e-9);
      expect(Math.abs(r.chiSquared - sc.recomputed.chisq)).toBeLessThan(1e-9);
      expect(r.degreesOfFreedom).toBe(sc.recomputed.df);
      expect(Math.abs(r.pValue - sc.recomputed.p)).toBeLessThan(1e-9);
    });

    it("matches the published W, chi-square and p-value at their tolerance", () => {
      const r = kendallW(raters, { correctTies: false });
      expect(Math.abs(r.w - sc.published.W)).toBeLessThanOrEqual(sc.tolerance.W);
      expect(Math.abs(r.chiSquared - sc.published.chi_squared)).toBeLessThanOrEqual(
        sc.tolerance.chi_squared,
      );
      expect(Math.abs(r.pValue - sc.published.p_value)).toBeLessThanOrEqual(sc.tolerance.p_value);
      expect(r.degreesOfFreedom).toBe(sc.published.df);
    });
  });

  it("corrects for ties like Friedman's test (scipy.stats.friedmanchisquare: 5.416666666666667, p 0.14370870743467426)", () => {
    const m = [
      [1, 1, 2, 3],
      [2, 1, 1, 3],
      [1, 2, 3, 3],
      [4, 1, 2, 2],
    ];
    const r = kendallW(m);
    expect(r.correctTies).toBe(true);
    expect(r.tieCorrection).toBe(24);
    expect(Math.abs(r.chiSquared - 5.416666666666667)).toBeLessThan(1e-12);
    expect(Math.abs(r.pValue - 0.14370870743467426)).toBeLessThan(1e-12);
    const u = kendallW(m, { correctTies: false });
    expect(u.tieCorrection).toBe(0);
    expect(u.w).toBeLessThan(r.w);
  });

  it("gives W = 1 for identical rankings and W = 0 for exactly opposed ones", () => {
    expect(
      kendallW([
        [1, 2, 3],
        [1, 2, 3],
        [1, 2, 3],
      ]).w,
    ).toBe(1);
    expect(
      kendallW([
        [1, 2, 3, 4],
        [4, 3, 2, 1],
      ]).w,
    ).toBe(0);
    const r = kendallW([
      [1, 2, 3, 4],
      [4, 3, 2, 1],
    ]);
    expect(r.pValue).toBe(1);
  });

  it("does not depend on the direction of the scores", () => {
    const a = kendallW(raters);
    const b = kendallW(raters.map((row) => row.map((x) => -x)));
    expect(b.w).toBeCloseTo(a.w, 14);
  });

  describe("properties", () => {
    it("W lies in [0, 1], the p-value in [0, 1], and raters' order does not matter", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 2, max: 8 }).chain((n) =>
            fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: n, maxLength: n }), {
              minLength: 2,
              maxLength: 6,
            }),
          ),
          (m) => {
            const allTied = m.every((row) => row.every((x) => x === row[0]));
            if (allTied) return;
            const r = kendallW(m);
            expect(r.w).toBeGreaterThanOrEqual(0);
            expect(r.w).toBeLessThanOrEqual(1);
            expect(r.pValue).toBeGreaterThanOrEqual(0);
            expect(r.pValue).toBeLessThanOrEqual(1);
            const rev = kendallW([...m].reverse());
            expect(rev.w).toBeCloseTo(r.w, 12);
          },
        ),
        { numRuns: 150 },
      );
    });
  });

  describe("kendallWOfSparse (raters that give values to some objects, 0 to the rest)", () => {
    const dense = (raters: readonly SparseRater[], n: number): number[][] =>
      raters.map((r) => {
        const row = new Array<number>(n).fill(0);
        for (let e = 0; e < r.values.length; e++)
          row[r.objects[e] as number] = r.values[e] as number;
        return row;
      });

    it("ranks the left-out objects as one tie group at value 0", () => {
      // rater 1: c, d tie at 0 (ranks 1.5), b 3, a 4; rater 2: a, d at 0 (1.5), c 3, b 4
      const raters = [
        { objects: [0, 1], values: [4, 3] },
        { objects: [1, 2], values: [4, 3] },
      ];
      const r = kendallWOfSparse(raters, 4);
      expect(r.rankSums).toStrictEqual([5.5, 7, 4.5, 3]);
      expect(r.tieCorrection).toBe(12);
      expect(r).toStrictEqual(kendallW(dense(raters, 4)));
    });

    it("gives exactly kendallW's result on the filled-in matrix (negative, zero and tied values)", () => {
      const rater = (n: number) =>
        fc
          .shuffledSubarray(
            Array.from({ length: n }, (_, j) => j),
            { minLength: 0, maxLength: n },
          )
          .chain((objects) =>
            fc.record({
              objects: fc.constant(objects),
              values: fc.array(fc.integer({ min: -3, max: 3 }), {
                minLength: objects.length,
                maxLength: objects.length,
              }),
            }),
          );
      fc.assert(
        fc.property(
          fc
            .integer({ min: 2, max: 12 })
            .chain((n) =>
              fc.tuple(fc.constant(n), fc.array(rater(n), { minLength: 2, maxLength: 7 })),
            ),
          ([n, raters]) => {
            const m = dense(raters, n);
            if (m.every((row) => row.every((x) => x === row[0]))) return;
            expect(kendallWOfSparse(raters, n)).toStrictEqual(kendallW(m));
          },
        ),
        { numRuns: 400 },
      );
    });

    it("refuses raters that all tie every object", () => {
      expect(
        codeOf(() =>
          kendallWOfSparse(
            [
              { objects: [], values: [] },
              { objects: [1], values: [0] },
            ],
            3,
          ),
        ),
      ).toStrictEqual({ code: "zero_spread", path: ["scoresByRater"] });
    });
  });

  describe("bad input", () => {
    it("needs at least two raters and two objects", () => {
      expect(() => kendallW([[1, 2, 3]])).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: Kendall's W needs at least 2 raters, got 1 (scoresByRater)]`,
      );
      expect(codeOf(() => kendallW([[1], [1]]))).toStrictEqual({
        code: "too_few_values",
        path: ["scoresByRater", 0],
      });
    });

    it("rejects raters who tie everything", () => {
      expect(
        codeOf(() =>
          kendallW([
            [2, 2],
            [1, 1],
          ]),
        ),
      ).toStrictEqual({ code: "zero_spread", path: ["scoresByRater"] });
    });

    it("rejects ragged, empty and non-finite input", () => {
      expect(codeOf(() => kendallW([[1, 2], [1]]))).toStrictEqual({
        code: "length_mismatch",
        path: ["scoresByRater", 1],
      });
      expect(codeOf(() => kendallW([]))).toStrictEqual({ code: "empty", path: ["scoresByRater"] });
      expect(
        codeOf(() =>
          kendallW([
            [1, NaN],
            [1, 2],
          ]),
        ),
      ).toStrictEqual({ code: "non_finite", path: ["scoresByRater", 0, 1] });
      expect(
        codeOf(() =>
          kendallW(
            [
              [1, 2],
              [1, 2],
            ],
            { correctTies: "yes" as unknown as boolean },
          ),
        ),
      ).toStrictEqual({
        code: "invalid_type",
        path: ["options", "correctTies"],
      });
    });
  });
});
