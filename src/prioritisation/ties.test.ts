/**
 * Ties are ties (issue 14): scores equal in exact arithmetic share a rank in the weighted sum and
 * TOPSIS and in everything built on them (prioritise, rankStability, compareRankings,
 * selectWithinBudget), whatever the order of the floating-point additions. Before the tie
 * tolerance, [5, 3, 2] and [5, 2, 3] with equal weights on a 1–5 scale scored 0.5833…34 and
 * 0.5833…33 and ranked 1 and 2.
 */
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Decision } from "./buildDecision.js";
import { compareRankings } from "./compareRankings.js";
import { prioritise } from "./prioritise.js";
import { rankStability } from "./rankStability.js";
import { selectWithinBudget } from "./selectWithinBudget.js";
import { topsis } from "./topsis.js";
import { weightedSum } from "./weightedSum.js";

const likert = { min: 1, max: 5 };
const benefits = (m: number) => Array.from({ length: m }, () => "benefit" as const);

/** [5, 3, 2] and [5, 2, 3] on three equally weighted 1–5 criteria: both 7/12. */
const issueCase: Decision = {
  alternatives: ["a", "b", "c"],
  criteria: ["x", "y", "z"].map((id) => ({ id, kind: "benefit", weight: 1, scale: likert })),
  matrix: [
    [5, 3, 2],
    [5, 2, 3],
    [1, 1, 1],
  ],
};

/** Rows 1 and 2 hold the same values on equally weighted criteria whose columns hold the same values. */
const topsisCase = [
  [1, 2, 2, 1],
  [3, 3, 1, 2],
  [2, 1, 3, 3],
];

describe("ties", () => {
  it("weightedSum: [5, 3, 2] and [5, 2, 3] with equal weights share rank 1", () => {
    const r = weightedSum(issueCase.matrix, [1, 1, 1], benefits(3), {
      normalisation: "scale",
      scales: [likert, likert, likert],
    });
    expect(r.scores[0]).toBeCloseTo(7 / 12, 15);
    expect(r.scores[1]).toBeCloseTo(7 / 12, 15);
    expect(r.ranks).toStrictEqual([1, 1, 3]);
    // the scale of the scores: Σ w_j · max_i |r_ij| = (1 + 1/2 + 1/2) / 3 (column maxima 5, 3, 3 on 1–5)
    expect(r.tieTolerance).toBeCloseTo(1e-9 * (2 / 3), 24);
  });

  it("topsis: alternatives equal in exact arithmetic share a rank", () => {
    const r = topsis(topsisCase, [1, 1, 1, 1], benefits(4));
    expect(r.ranks).toStrictEqual([3, 1, 1]);
    expect(r.tieTolerance).toBe(1e-9);
  });

  it("prioritise and rankStability: the tie and the tolerance reach the ranking and the parameters", () => {
    const ws = prioritise(issueCase, { method: "weightedSum" });
    expect(ws.ranking.map((x) => [x.solution, x.rank])).toStrictEqual([
      ["a", 1],
      ["b", 1],
      ["c", 3],
    ]);
    expect(ws.parameters.tieTolerance).toBeCloseTo(1e-9 * (2 / 3), 24);
    const stable = rankStability(issueCase, { draws: 50 });
    expect(stable.baseRanking.map((x) => x.rank)).toStrictEqual([1, 1, 3]);
    expect(stable.parameters.tieTolerance).toBe(ws.parameters.tieTolerance);
    // tied with the given weights: the first two swap there, with no change of weight
    expect(stable.smallestSwap?.change).toBe(0);
    // a sweep point at the given weights (1/3 is not a step, but t = 0 keeps y and z equal)
    const sweepX = stable.sweeps.find((s) => s.criterion === "x");
    expect(sweepX?.points[0]?.ranks.slice(0, 2)).toStrictEqual([1, 1]);
  });

  it("compareRankings: two methods that both tie a pair do not disagree on it", () => {
    const decision: Decision = {
      alternatives: ["p", "q", "r"],
      criteria: ["w", "x", "y", "z"].map((id) => ({ id, kind: "benefit", weight: 1 })),
      matrix: topsisCase,
    };
    const cmp = compareRankings(
      (["weightedSum", "topsis"] as const).map((method) => ({
        name: method,
        ranking: prioritise(decision, { method }).ranking,
      })),
    );
    expect(cmp.disagreements.map((d) => [d.solution, d.ranks])).toStrictEqual([
      ["p", [3, 3]],
      ["q", [1, 1]],
      ["r", [1, 1]],
    ]);
    expect(cmp.mostDisputed).toStrictEqual([]);
  });

  it("selectWithinBudget: scores equal but for rounding noise are ordered by cost, not by the noise", () => {
    const r = weightedSum(issueCase.matrix, [1, 1, 1], benefits(3), {
      normalisation: "scale",
      scales: [likert, likert, likert],
    });
    const eur = (amount: string) => ({ amount: new Decimal(amount), currency: "EUR" });
    const chosen = selectWithinBudget(
      [
        { solution: "a", score: r.scores[0] as number, cost: eur("200") },
        { solution: "b", score: r.scores[1] as number, cost: eur("100") },
      ],
      eur("250"),
    );
    // a tie: the cheaper first (the tie-break), then the other does not fit
    expect(chosen.selected).toStrictEqual(["b"]);
    expect(chosen.tieTolerance).toBeCloseTo(1e-9 * (7 / 12), 20);
  });

  describe("properties", () => {
    /** A small matrix of whole values 1–5, with integer weights. */
    const decisionInput = fc
      .record({ n: fc.integer({ min: 2, max: 9 }), m: fc.integer({ min: 2, max: 6 }) })
      .chain(({ n, m }) =>
        fc.record({
          matrix: fc.array(
            fc.array(fc.integer({ min: 1, max: 5 }), { minLength: m, maxLength: m }),
            {
              minLength: n,
              maxLength: n,
            },
          ),
          weights: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: m, maxLength: m }),
          kinds: fc.array(fc.constantFrom("benefit" as const, "cost" as const), {
            minLength: m,
            maxLength: m,
          }),
          columns: fc.shuffledSubarray(
            Array.from({ length: m }, (_, j) => j),
            { minLength: m, maxLength: m },
          ),
          rows: fc.shuffledSubarray(
            Array.from({ length: n }, (_, i) => i),
            { minLength: n, maxLength: n },
          ),
          method: fc.constantFrom("weightedSum" as const, "topsis" as const),
        }),
      );

    /** Every column holds both 1 and 5, so that no normalisation meets a constant column. */
    const spread = (matrix: number[][]): number[][] => [
      ...matrix,
      matrix[0]?.map(() => 1) as number[],
      matrix[0]?.map(() => 5) as number[],
    ];

    const ranksOf = (
      method: "weightedSum" | "topsis",
      matrix: number[][],
      weights: number[],
      kinds: ("benefit" | "cost")[],
    ): number[] =>
      method === "weightedSum"
        ? weightedSum(matrix, weights, kinds, {
            normalisation: "scale",
            scales: kinds.map(() => likert),
          }).ranks
        : topsis(matrix, weights, kinds).ranks;

    it("permuting the criteria never changes any alternative's rank", () => {
      fc.assert(
        fc.property(decisionInput, ({ matrix, weights, kinds, columns, method }) => {
          const x = spread(matrix);
          const base = ranksOf(method, x, weights, kinds);
          const permuted = ranksOf(
            method,
            x.map((row) => columns.map((j) => row[j] as number)),
            columns.map((j) => weights[j] as number),
            columns.map((j) => kinds[j] as "benefit" | "cost"),
          );
          expect(permuted).toStrictEqual(base);
        }),
        { numRuns: 400 },
      );
    });

    it("permuting the alternatives permutes their ranks and never splits a tie", () => {
      fc.assert(
        fc.property(decisionInput, ({ matrix, weights, kinds, rows, method }) => {
          const x = spread(matrix);
          const order = [...rows, x.length - 2, x.length - 1];
          const base = ranksOf(method, x, weights, kinds);
          const permuted = ranksOf(
            method,
            order.map((i) => x[i] as number[]),
            weights,
            kinds,
          );
          expect(permuted).toStrictEqual(order.map((i) => base[i]));
        }),
        { numRuns: 400 },
      );
    });

    it("exactly tied inputs share a rank: duplicated rows, and rows permuted across equal-weight columns", () => {
      fc.assert(
        fc.property(decisionInput, ({ matrix, columns, method }) => {
          const first = matrix[0] as number[];
          const m = first.length;
          fc.pre(new Set(first).size > 1); // a constant row makes constant columns
          // every cyclic shift of row 0, then each of those with its columns permuted: every row
          // holds row 0's values and every column the same values, so under equal weights all
          // rows are tied in exact arithmetic, for TOPSIS as for the weighted sum (and with the
          // identity permutation the second block duplicates the first)
          const cyclic = first.map((_, k) => first.map((__, j) => first[(j + k) % m] as number));
          const x = [...cyclic, ...cyclic.map((row) => columns.map((j) => row[j] as number))];
          const equal = Array.from({ length: m }, () => 1);
          expect(ranksOf(method, x, equal, benefits(m))).toStrictEqual(x.map(() => 1));
        }),
        { numRuns: 400 },
      );
    });
  });
});
