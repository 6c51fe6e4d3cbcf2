import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeOf } from "../../test/helpers/errors.js";
import type { Decision } from "./buildDecision.js";
import { prioritise } from "./prioritise.js";
import {
  MAX_DRAWS,
  rankStability,
  type RankStabilityOptions,
  type SolutionStability,
} from "./rankStability.js";

type StabilityCase = readonly [
  NonNullable<RankStabilityOptions["method"]>,
  NonNullable<RankStabilityOptions["perturbation"]>,
];

const decision: Decision = {
  alternatives: ["platform", "sofiaChooses", "infoPoints", "chatbot"],
  criteria: [
    { id: "impact", kind: "benefit", weight: 0.6, scale: { min: 1, max: 5 } },
    { id: "cost", kind: "cost", weight: 0.4, scale: { min: 0, max: 500 } },
  ],
  matrix: [
    [5, 180],
    [4, 45],
    [3, 30],
    [1, 400],
  ],
};

describe("rankStability", () => {
  it("echoes every parameter, with the fixed default seed", () => {
    const r = rankStability(decision, { draws: 200 });
    expect(r.method).toBe("weightedSum");
    expect(r.parameters).toStrictEqual({
      normalisation: "scale",
      perturbation: "dirichlet",
      concentration: 50,
      range: null,
      draws: 200,
      seed: 20210208,
      topK: 4,
      sweepSteps: 10,
      weights: [
        { criterion: "impact", kind: "benefit", weight: 0.6 },
        { criterion: "cost", kind: "cost", weight: 0.4 },
      ],
      tieTolerance: prioritise(decision, { method: "weightedSum" }).parameters.tieTolerance,
    });
  });

  it("finds the weight at which the first two swap: for a weighted sum the root of a linear equation", () => {
    // scores with impact weight t: platform t*1 + (1-t)*0.64, sofiaChooses t*0.75 + (1-t)*0.91
    // equal when t*(0.25 + 0.27) = 0.27: t = 0.27/0.52
    const r = rankStability(decision, { draws: 10 });
    const impact = r.swaps.find((s) => s.criterion === "impact");
    expect(impact?.threshold).toBeCloseTo(0.27 / 0.52, 10);
    expect(impact?.change).toBeCloseTo(0.27 / 0.52 - 0.6, 10);
    const cost = r.swaps.find((s) => s.criterion === "cost");
    expect(cost?.threshold).toBeCloseTo(1 - 0.27 / 0.52, 10);
    expect(r.smallestSwap?.criterion).toBe("impact");
    expect(r.swapReason).toBeNull();
  });

  it("sweeps each criterion's weight from 0 to 1", () => {
    const r = rankStability(decision, { draws: 10, sweepSteps: 4 });
    const impact = r.sweeps[0];
    expect(impact?.criterion).toBe("impact");
    expect(impact?.points.map((p) => p.weight)).toStrictEqual([0, 0.25, 0.5, 0.75, 1]);
    // at impact weight 1 only impact counts: platform first; at 0 only cost: infoPoints first
    expect(impact?.points[4]?.first).toBe("platform");
    expect(impact?.points[0]?.first).toBe("infoPoints");
    expect(impact?.points[4]?.ranks).toStrictEqual([1, 2, 3, 4]);
  });

  it("gives the same result for the same seed and a different one for another seed", () => {
    const a = rankStability(decision, { draws: 300, seed: 7 });
    expect(rankStability(decision, { draws: 300, seed: 7 })).toStrictEqual(a);
    expect(rankStability(decision, { draws: 300, seed: 8 }).solutions).not.toStrictEqual(
      a.solutions,
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.constantFrom<RankStabilityOptions["perturbation"]>("dirichlet", "uniform"),
        (seed, perturbation) => {
          const opts = { draws: 50, seed, ...(perturbation === undefined ? {} : { perturbation }) };
          expect(rankStability(decision, opts)).toStrictEqual(rankStability(decision, opts));
        },
      ),
      { numRuns: 20 },
    );
  });

  it("returns rank probabilities that sum to 1 per solution and per rank, and top-k probabilities", () => {
    for (const method of ["weightedSum", "topsis"] as const) {
      const r = rankStability(decision, {
        method,
        draws: 500,
        topK: 2,
        perturbation: "uniform",
        range: 0.5,
        rankProbabilities: true,
      });
      expect(r.parameters.range).toBe(0.5);
      expect(r.parameters.concentration).toBeNull();
      const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
      const table = (s: SolutionStability) => s.rankProbabilities as number[];
      for (const s of r.solutions) {
        expect(sum(table(s))).toBeCloseTo(1, 12);
        expect(s.topKProbability).toBeCloseTo(sum(table(s).slice(0, 2)), 12);
        expect(s.meanRank).toBeGreaterThanOrEqual(1);
      }
      for (let k = 0; k < 4; k++)
        expect(sum(r.solutions.map((s) => table(s)[k] as number))).toBeCloseTo(1, 12);
      // the chatbot is last on both criteria: always last
      expect(r.solutions.find((s) => s.solution === "chatbot")?.rankProbabilities).toStrictEqual([
        0, 0, 0, 1,
      ]);
    }
  });

  it("keeps O(n) summaries without the table, equal to what the full rank-probability table gives", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.constantFrom<StabilityCase>(
          ["weightedSum", "dirichlet"],
          ["weightedSum", "uniform"],
          ["topsis", "dirichlet"],
          ["topsis", "uniform"],
        ),
        (seed, [method, perturbation]) => {
          const opts = { draws: 60, seed, method, perturbation, range: 0.6, concentration: 5 };
          const lean = rankStability(decision, { ...opts, rankProbabilities: false });
          const full = rankStability(decision, { ...opts, rankProbabilities: true });
          expect(lean.solutions.every((s) => s.rankProbabilities === null)).toBe(true);
          // everything else is the same, and the summaries are read off the table
          expect({ ...lean, solutions: null }).toStrictEqual({ ...full, solutions: null });
          full.solutions.forEach((s, k) => {
            const p = s.rankProbabilities as number[];
            const seen = p.flatMap((x, r) => (x > 0 ? [r + 1] : []));
            expect(lean.solutions[k]).toStrictEqual({
              ...s,
              rankProbabilities: null,
              sameRankProbability: p[s.baseRank - 1],
              minRank: Math.min(...seen),
              maxRank: Math.max(...seen),
            });
          });
        },
      ),
      { numRuns: 25 },
    );
  });

  it("ranks correctly when each draw reverses the whole order", () => {
    // alternative i scores w1·i + w2·(n − i): every draw with w1 > w2 ranks them by i descending,
    // every draw with w1 < w2 ascending, so from draw to draw the order flips (n²/2 moves)
    const n = 40;
    const reversing: Decision = {
      alternatives: Array.from({ length: n }, (_, i) => `a${String(i).padStart(2, "0")}`),
      criteria: [
        { id: "x", kind: "benefit", weight: 0.5, scale: { min: 0, max: n } },
        { id: "y", kind: "benefit", weight: 0.5, scale: { min: 0, max: n } },
      ],
      matrix: Array.from({ length: n }, (_, i) => [i, n - i]),
    };
    const r = rankStability(reversing, {
      draws: 200,
      perturbation: "uniform",
      range: 0.5,
      rankProbabilities: true,
    });
    const up = r.solutions.find((s) => s.solution === "a39")?.rankProbabilities?.[0] ?? 0;
    // both directions happen, about half the time each
    expect(up).toBeGreaterThan(0.3);
    expect(up).toBeLessThan(0.7);
    for (const s of r.solutions) {
      const i = Number(s.solution.slice(1));
      // the only ranks possible: n − i (ascending i wins) or i + 1 (descending), with P(up) / P(down)
      const p = s.rankProbabilities as number[];
      const seen = p.flatMap((x, k) => (x > 0 ? [k + 1] : []));
      expect(seen.every((k) => k === n - i || k === i + 1)).toBe(true);
      expect(p[n - i - 1]).toBeCloseTo(up, 12);
      expect([s.minRank, s.maxRank]).toStrictEqual([Math.min(...seen), Math.max(...seen)]);
    }
  });

  it("keeps every draw at the given weights when the range is 0 and the order never changes", () => {
    const r = rankStability(decision, { draws: 100, perturbation: "uniform", range: 0 });
    expect(r.solutions.map((s) => s.sameRankProbability)).toStrictEqual([1, 1, 1, 1]);
  });

  it("says why there is no swap for one solution, one criterion, or a dominant first", () => {
    const one: Decision = {
      alternatives: ["a"],
      criteria: [
        { id: "c", kind: "benefit", weight: 1 },
        { id: "d", kind: "benefit", weight: 1 },
      ],
      matrix: [[1, 2]],
    };
    expect(rankStability(one, { draws: 10, normalisation: "max" }).swapReason).toBe(
      "a single solution cannot swap places",
    );
    const single: Decision = {
      alternatives: ["a", "b"],
      criteria: [{ id: "c", kind: "benefit", weight: 1 }],
      matrix: [[1], [2]],
    };
    expect(rankStability(single, { draws: 10 }).swapReason).toBe(
      "with a single criterion no weight change alters the ranking",
    );
    const dominant: Decision = {
      alternatives: ["a", "b"],
      criteria: [
        { id: "c", kind: "benefit", weight: 1 },
        { id: "d", kind: "benefit", weight: 1 },
      ],
      matrix: [
        [3, 3],
        [1, 1],
      ],
    };
    const r = rankStability(dominant, { draws: 10, method: "topsis" });
    expect(r.smallestSwap).toBeNull();
    expect(r.swapReason).toBe(
      "no change of a single criterion's weight lets the second solution overtake the first",
    );
    const tied: Decision = {
      alternatives: ["a", "b"],
      criteria: [
        { id: "c", kind: "benefit", weight: 1 },
        { id: "d", kind: "benefit", weight: 1 },
      ],
      matrix: [
        [3, 1],
        [1, 3],
      ],
    };
    expect(rankStability(tied, { draws: 10 }).smallestSwap?.change).toBe(0);
  });

  it("handles a criterion that holds all the weight (the others then share what it gives up)", () => {
    const d: Decision = {
      ...decision,
      criteria: [
        { id: "impact", kind: "benefit", weight: 1, scale: { min: 1, max: 5 } },
        { id: "cost", kind: "cost", weight: 0, scale: { min: 0, max: 500 } },
      ],
    };
    const r = rankStability(d, { draws: 20 });
    expect(r.swaps[0]?.threshold).toBeCloseTo(0.27 / 0.52, 10);
    // zero weights stay zero under Dirichlet: every draw equals the base ranking
    expect(r.solutions.every((s) => s.sameRankProbability === 1)).toBe(true);
  });

  it("perturbs TOPSIS with min-max normalisation too", () => {
    const r = rankStability(decision, {
      method: "topsis",
      normalisation: "minMax",
      draws: 200,
      rankProbabilities: true,
    });
    expect(r.parameters.normalisation).toBe("minMax");
    expect(r.solutions.find((s) => s.solution === "chatbot")?.rankProbabilities).toStrictEqual([
      0, 0, 0, 1,
    ]);
  });

  it("ties every solution at a sweep point where no weighted criterion differs (TOPSIS)", () => {
    const d: Decision = {
      alternatives: ["a", "b"],
      criteria: [
        { id: "c", kind: "benefit", weight: 1 },
        { id: "flat", kind: "benefit", weight: 1 },
      ],
      matrix: [
        [2, 5],
        [1, 5],
      ],
    };
    const r = rankStability(d, { method: "topsis", draws: 10, sweepSteps: 2 });
    expect(r.sweeps[0]?.points[0]).toStrictEqual({ weight: 0, ranks: [1, 1], first: "a" });
  });

  it("falls back to the given weights when every gamma variate underflows (a vanishing concentration)", () => {
    const r = rankStability(decision, { draws: 20, concentration: 1e-300 });
    expect(r.solutions.every((s) => s.sameRankProbability === 1)).toBe(true);
  });

  describe("bad input", () => {
    it("rejects bad options with their path", () => {
      expect(() => rankStability(decision, { seed: -1 })).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: seed must be at least 0, got -1 (options.seed)]`,
      );
      const cases: [RankStabilityOptions, string, (string | number)[]][] = [
        [{ seed: 1.5 }, "invalid_value", ["options", "seed"]],
        [{ seed: 2 ** 32 }, "out_of_range", ["options", "seed"]],
        [{ draws: 0 }, "out_of_range", ["options", "draws"]],
        [{ draws: MAX_DRAWS + 1 }, "out_of_range", ["options", "draws"]],
        [{ concentration: 0 }, "out_of_range", ["options", "concentration"]],
        [{ perturbation: "uniform", range: 2 }, "out_of_range", ["options", "range"]],
        [{ topK: 5 }, "out_of_range", ["options", "topK"]],
        [{ sweepSteps: 0 }, "out_of_range", ["options", "sweepSteps"]],
        [{ method: "ahp" as never }, "invalid_value", ["options", "method"]],
        [{ perturbation: "normal" as never }, "invalid_value", ["options", "perturbation"]],
        [{ rankProbabilities: "yes" as never }, "invalid_type", ["options", "rankProbabilities"]],
      ];
      for (const [o, code, path] of cases)
        expect(codeOf(() => rankStability(decision, o))).toStrictEqual({ code, path });
    });

    it("rejects a decision prioritise rejects", () => {
      expect(codeOf(() => rankStability({ ...decision, matrix: [[1, 2]] }))).toStrictEqual({
        code: "length_mismatch",
        path: ["decision", "matrix"],
      });
    });
  });
});
