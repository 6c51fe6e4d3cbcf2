import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeOf } from "../../test/helpers/errors.js";
import { compareRankings, type NamedRanking } from "./compareRankings.js";

const r = (name: string, ranks: Record<string, number>): NamedRanking => ({
  name,
  ranking: Object.entries(ranks).map(([solution, rank]) => ({ solution, rank })),
});

describe("compareRankings", () => {
  it("gives tau = rho = 1 for identical rankings and -1 for reversed ones", () => {
    const a = r("a", { p: 1, q: 2, s: 3, t: 4 });
    const b = r("b", { t: 1, s: 2, q: 3, p: 4 });
    const res = compareRankings([a, a.name === "a" ? { ...a, name: "a2" } : a, b]);
    expect(res.pairs).toStrictEqual([
      { a: "a", b: "a2", kendallTau: 1, spearmanRho: 1, reason: null },
      { a: "a", b: "b", kendallTau: -1, spearmanRho: -1, reason: null },
      { a: "a2", b: "b", kendallTau: -1, spearmanRho: -1, reason: null },
    ]);
    expect(res.disagreements.map((d) => [d.solution, d.spread])).toStrictEqual([
      ["p", 3],
      ["t", 3],
      ["q", 1],
      ["s", 1],
    ]);
    expect(res.mostDisputed).toStrictEqual(["p", "t"]);
  });

  it("handles ties with tau-b (scipy.stats.kendalltau([1,2,2,4], [1,2,3,4]) = 0.912870929175277)", () => {
    const res = compareRankings([
      r("a", { p: 1, q: 2, s: 2, t: 4 }),
      r("b", { p: 1, q: 2, s: 3, t: 4 }),
    ]);
    expect(res.pairs[0]?.kendallTau).toBeCloseTo(0.9128709291752769, 12);
    // Spearman on average ranks (1, 2.5, 2.5, 4) vs (1, 2, 3, 4): scipy.stats.spearmanr gives 0.9486832980505139
    expect(res.pairs[0]?.spearmanRho).toBeCloseTo(0.9486832980505138, 12);
    expect(res.concordance?.w).toBeGreaterThan(0.9);
  });

  it("returns null coefficients with a reason when a ranking ties everything", () => {
    const res = compareRankings([r("a", { p: 1, q: 1 }), r("b", { p: 1, q: 2 })]);
    expect(res.pairs[0]).toStrictEqual({
      a: "a",
      b: "b",
      kendallTau: null,
      spearmanRho: null,
      reason: "one of the rankings ties every solution, so there is no order to correlate",
    });
    const all = compareRankings([r("a", { p: 1, q: 1 }), r("b", { p: 1, q: 1 })]);
    expect(all.concordance).toBeNull();
    expect(all.concordanceReason).toBe("every ranking ties every solution");
    expect(all.mostDisputed).toStrictEqual([]);
    const one = compareRankings([r("a", { p: 1 }), r("b", { p: 1 })]);
    expect(one.pairs[0]?.reason).toBe("a single solution has no order to compare");
    expect(one.concordanceReason).toBe("a single solution has no order to agree on");
  });

  it("is symmetric and bounded, and ignores the order of the entries", () => {
    const perm = fc.shuffledSubarray(["a", "b", "c", "d", "e", "f"], {
      minLength: 6,
      maxLength: 6,
    });
    fc.assert(
      fc.property(perm, perm, (x, y) => {
        const rx: NamedRanking = {
          name: "x",
          ranking: x.map((solution, i) => ({ solution, rank: i + 1 })),
        };
        const ry: NamedRanking = {
          name: "y",
          ranking: y.map((solution, i) => ({ solution, rank: i + 1 })),
        };
        const p = compareRankings([rx, ry]).pairs[0];
        const q = compareRankings([ry, { ...rx, ranking: [...rx.ranking].reverse() }]).pairs[0];
        expect(p?.kendallTau).toBeCloseTo(q?.kendallTau as number, 14);
        expect(Math.abs(p?.spearmanRho as number)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 100 },
    );
  });

  it("counts tau-b's pairs in O(n log n) with exactly the value of counting every pair", () => {
    // Kendall (1945): S = Σ_{i<j} sign(a_i − a_j)·sign(b_i − b_j), ties counted per ranking
    const byPairs = (a: readonly number[], b: readonly number[]): number | null => {
      let s = 0;
      let ta = 0;
      let tb = 0;
      for (let i = 0; i < a.length; i++) {
        for (let j = i + 1; j < a.length; j++) {
          const da = Math.sign((a[i] as number) - (a[j] as number));
          const db = Math.sign((b[i] as number) - (b[j] as number));
          if (da === 0) ta++;
          if (db === 0) tb++;
          s += da * db;
        }
      }
      const n0 = (a.length * (a.length - 1)) / 2;
      const d = Math.sqrt((n0 - ta) * (n0 - tb));
      return d > 0 ? Math.max(-1, Math.min(1, s / d)) : null;
    };
    const ranks = (n: number) =>
      fc.array(fc.integer({ min: 1, max: Math.max(1, Math.ceil(n / 2)) }), {
        minLength: n,
        maxLength: n,
      });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }).chain((n) => fc.tuple(ranks(n), ranks(n))),
        ([a, b]) => {
          const ids = a.map((_, i) => `s${String(i).padStart(2, "0")}`);
          const named = (name: string, v: number[]): NamedRanking => ({
            name,
            ranking: ids.map((solution, i) => ({ solution, rank: v[i] as number })),
          });
          const res = compareRankings([named("a", a), named("b", b)]);
          expect(res.pairs[0]?.kendallTau).toBe(byPairs(a, b));
        },
      ),
      { numRuns: 300 },
    );
  });

  describe("bad input", () => {
    it("rejects rankings of different solutions", () => {
      expect(() =>
        compareRankings([r("a", { p: 1, q: 2 }), r("b", { p: 1, z: 2 })]),
      ).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: rankings[1].ranking[1].solution names an unknown id "z" (rankings[1].ranking[1].solution)]`,
      );
      expect(
        codeOf(() => compareRankings([r("a", { p: 1, q: 2 }), r("b", { p: 1 })])),
      ).toStrictEqual({
        code: "missing_value",
        path: ["rankings", 1, "ranking"],
      });
    });

    it("rejects fewer than two rankings, duplicate names or solutions, and bad ranks", () => {
      expect(codeOf(() => compareRankings([r("a", { p: 1 })]))).toStrictEqual({
        code: "too_few_values",
        path: ["rankings"],
      });
      expect(codeOf(() => compareRankings("x" as unknown as NamedRanking[]))).toStrictEqual({
        code: "invalid_type",
        path: ["rankings"],
      });
      expect(codeOf(() => compareRankings([r("a", { p: 1 }), r("a", { p: 1 })]))).toStrictEqual({
        code: "duplicate_id",
        path: ["rankings", 1, "name"],
      });
      expect(
        codeOf(() =>
          compareRankings([
            {
              name: "a",
              ranking: [
                { solution: "p", rank: 1 },
                { solution: "p", rank: 2 },
              ],
            },
            r("b", { p: 1 }),
          ]),
        ),
      ).toStrictEqual({ code: "duplicate_id", path: ["rankings", 0, "ranking", 1, "solution"] });
      expect(codeOf(() => compareRankings([r("a", { p: 0 }), r("b", { p: 1 })]))).toStrictEqual({
        code: "out_of_range",
        path: ["rankings", 0, "ranking", 0, "rank"],
      });
      expect(codeOf(() => compareRankings([r("a", {}), r("b", { p: 1 })]))).toStrictEqual({
        code: "empty",
        path: ["rankings", 0, "ranking"],
      });
      expect(
        codeOf(() => compareRankings([null as unknown as NamedRanking, r("b", { p: 1 })])),
      ).toStrictEqual({ code: "invalid_type", path: ["rankings", 0] });
      expect(
        codeOf(() => compareRankings([{ name: "", ranking: [] }, r("b", { p: 1 })])),
      ).toStrictEqual({ code: "invalid_type", path: ["rankings", 0, "name"] });
      expect(
        codeOf(() =>
          compareRankings([
            { name: "a", ranking: "x" } as unknown as NamedRanking,
            r("b", { p: 1 }),
          ]),
        ),
      ).toStrictEqual({
        code: "invalid_type",
        path: ["rankings", 0, "ranking"],
      });
      expect(
        codeOf(() =>
          compareRankings([
            { name: "a", ranking: [5] } as unknown as NamedRanking,
            r("b", { p: 1 }),
          ]),
        ),
      ).toStrictEqual({
        code: "invalid_type",
        path: ["rankings", 0, "ranking", 0],
      });
      expect(
        codeOf(() =>
          compareRankings([
            { name: "a", ranking: [{ solution: 5, rank: 1 }] } as unknown as NamedRanking,
            r("b", { p: 1 }),
          ]),
        ),
      ).toStrictEqual({
        code: "invalid_type",
        path: ["rankings", 0, "ranking", 0, "solution"],
      });
    });
  });
});
