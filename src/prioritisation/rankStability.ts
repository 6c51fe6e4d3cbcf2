import { describe as show, failAt } from "../_lib/assert.js";
import { createUniform, randomGamma, type Uniform } from "../_lib/random.js";
import type { Decision } from "./buildDecision.js";
import type { RankedSolution, UsedWeight } from "./_model.js";
import { byTopsis, byWeightedSum, checkDecision } from "./_decision.js";
import type { TopsisNormalisation } from "./topsis.js";
import type { WeightedSumNormalisation } from "./weightedSum.js";
import {
  clean,
  countAbove,
  ranksDescending,
  readChoice,
  readDecisionInput,
  readOptionNumber,
  readOptions,
  SHARE,
  TIE_TOLERANCE,
  tieRanks,
  type NumberRange,
} from "./_shared.js";
import { topsisCloseness, topsisFrame, topsisRow, weighFrame } from "./_topsis.js";

/** Dirichlet concentrations: above 0. */
const CONCENTRATION: NumberRange = { min: 0, exclusiveMin: true };
/**
 * The most Monte Carlo draws {@link rankStability} makes, and `createReport` and `icc-assess
 * prioritise` accept: 100,000 (the standard error of a probability is then at most 0.0016).
 */
export const MAX_DRAWS = 100_000;
/** Numbers of draws: whole, 1 to {@link MAX_DRAWS}. */
const DRAWS: NumberRange = { min: 1, max: MAX_DRAWS, integer: true };
/** Seeds: whole, 0 to 2³² − 1. */
const SEED: NumberRange = { min: 0, max: 4294967295, integer: true };
/** Sweep steps: whole, 1 to 1000. */
const SWEEP_STEPS: NumberRange = { min: 1, max: 1000, integer: true };

/** Methods whose ranking {@link rankStability} can perturb. */
export const stabilityMethods = ["weightedSum", "topsis"] as const;
/** A method for {@link rankStability}. */
export type StabilityMethod = (typeof stabilityMethods)[number];

/** Ways of perturbing the weights. */
export const weightPerturbations = ["dirichlet", "uniform"] as const;
/** A weight perturbation. */
export type WeightPerturbation = (typeof weightPerturbations)[number];

/** The default seed: the date of Sofia's solution-prioritisation workshop, 2021-02-08. */
export const DEFAULT_SEED = 20210208;
/** Default number of Monte Carlo draws (standard error of a probability at most 0.5/√1000 ≈ 0.016). */
export const DEFAULT_DRAWS = 1000;
/** Default Dirichlet concentration: a weight of 0.25 varies with a standard deviation of about 0.06. */
export const DEFAULT_CONCENTRATION = 50;
/** Default half-width of the uniform perturbation: each weight ±20 % before renormalising. */
export const DEFAULT_UNIFORM_RANGE = 0.2;

/** Options of {@link rankStability}. */
export interface RankStabilityOptions {
  /** `"weightedSum"` (default) or `"topsis"`. */
  readonly method?: StabilityMethod;
  /** Normalisation, with `prioritise`'s defaults for the method. */
  readonly normalisation?: WeightedSumNormalisation | TopsisNormalisation;
  /** `"dirichlet"` (default) or `"uniform"`. */
  readonly perturbation?: WeightPerturbation;
  /** Dirichlet concentration c (α_j = c · w_j); default 50. Larger is tighter. */
  readonly concentration?: number;
  /** Uniform half-width r: w_j · (1 + r·(2U − 1)); default 0.2, at most 1. */
  readonly range?: number;
  /** Number of draws, 1–100,000 ({@link MAX_DRAWS}); default 1000. */
  readonly draws?: number;
  /** Seed (a whole number 0 … 2³² − 1); default {@link DEFAULT_SEED}. */
  readonly seed?: number;
  /** k of the "stays in the top k" probability; default min(5, number of solutions). */
  readonly topK?: number;
  /** Steps of each one-at-a-time sweep over [0, 1]; default 10 (weights 0, 0.1, …, 1). */
  readonly sweepSteps?: number;
  /**
   * Also return each solution's probability of every rank, `rankProbabilities` (default false):
   * n numbers per solution, n² in all, counted in an n × n table during the draws. Every other
   * number of the result is the same either way.
   */
  readonly rankProbabilities?: boolean;
}

/** How one solution's rank varies under perturbed weights. */
export interface SolutionStability<P extends number[] | null = number[] | null> {
  /** The solution's id. */
  readonly solution: string;
  /** Its rank with the given weights. */
  readonly baseRank: number;
  /** Mean rank over the draws. */
  readonly meanRank: number;
  /** P(rank = baseRank): the share of draws in which it kept its rank. */
  readonly sameRankProbability: number;
  /** The best (lowest) rank it had in a draw. */
  readonly minRank: number;
  /** The worst (highest) rank it had in a draw. */
  readonly maxRank: number;
  /**
   * Probability of each rank, entry r − 1 is P(rank = r); null unless the option
   * `rankProbabilities` is true.
   */
  readonly rankProbabilities: P;
  /** P(rank ≤ k). */
  readonly topKProbability: number;
}

/** The weight change of one criterion at which the first two solutions swap. */
export interface SwapThreshold {
  /** The criterion changed (the others rescaled proportionally). */
  readonly criterion: string;
  /** Its given weight. */
  readonly weight: number;
  /** The weight at which the second solution overtakes the first; null if none in [0, 1]. */
  readonly threshold: number | null;
  /** threshold − weight; null when there is none. */
  readonly change: number | null;
}

/** One point of a one-at-a-time sweep. */
export interface SweepPoint {
  /** The swept criterion's weight (the others rescaled to sum 1 − weight). */
  readonly weight: number;
  /** Every solution's rank, in decision order. */
  readonly ranks: number[];
  /** The first-ranked solution (lowest id among ties). */
  readonly first: string;
}

/** Result of {@link rankStability}. */
export interface RankStabilityResult<P extends number[] | null = number[] | null> {
  /** The method perturbed. */
  readonly method: StabilityMethod;
  /** Every parameter used, including the seed. */
  readonly parameters: {
    /** The normalisation. */
    readonly normalisation: WeightedSumNormalisation | TopsisNormalisation;
    /** The perturbation. */
    readonly perturbation: WeightPerturbation;
    /** The Dirichlet concentration (null for the uniform perturbation). */
    readonly concentration: number | null;
    /** The uniform half-width (null for Dirichlet). */
    readonly range: number | null;
    /** Number of draws. */
    readonly draws: number;
    /** The seed. */
    readonly seed: number;
    /** k of the top-k probability. */
    readonly topK: number;
    /** Steps of each sweep. */
    readonly sweepSteps: number;
    /** The given weights, normalised. */
    readonly weights: UsedWeight[];
    /**
     * The tie tolerance of the base ranking (as `prioritise` reports it); each draw and sweep
     * point ranks with 1e-9 times the scale of its own scores.
     */
    readonly tieTolerance: number;
  };
  /** The ranking with the given weights. */
  readonly baseRanking: RankedSolution[];
  /** Per solution, in base-ranking order. */
  readonly solutions: SolutionStability<P>[];
  /** Per criterion, the weight at which the first two swap. */
  readonly swaps: SwapThreshold[];
  /** The smallest such change over all criteria; null when no single weight swaps them. */
  readonly smallestSwap: SwapThreshold | null;
  /** Why `smallestSwap` is null, if it is. */
  readonly swapReason: string | null;
  /** One-at-a-time sweeps, per criterion. */
  readonly sweeps: {
    /** The swept criterion. */
    readonly criterion: string;
    /** One point per step. */
    readonly points: SweepPoint[];
  }[];
}

interface Scorer {
  /** scores into `out` for weights `w` */
  score(w: Float64Array, out: Float64Array): void;
  /** the score of alternative `i` for weights `w` */
  scoreOne(w: Float64Array, i: number): number;
  /** the tie tolerance of the scores for weights `w` */
  tolerance(w: Float64Array): number;
}

/**
 * How stable a ranking is when the criteria weights are uncertain: seeded Monte Carlo
 * perturbation of the weights, one-at-a-time sweeps, and the smallest weight change that swaps
 * the first two solutions.
 *
 * Rule (designed by this project after Butler, Jia & Dyer 1997, "Simulation techniques for the
 * sensitivity analysis of multi-criteria decision models", EJOR 103(3):531–546, and Triantaphyllou
 * & Sánchez 1997, Decision Sciences 28(1):151–194): the decision is scored by `weightedSum` or
 * `topsis` (with `prioritise`'s normalisation defaults) with the given weights w, then `draws`
 * times with perturbed weights — `"dirichlet"`: w' ~ Dirichlet(c·w), whose mean is w (gamma
 * variates by Marsaglia & Tsang 2000); `"uniform"`: w'_j = w_j·(1 + r·(2U − 1)), renormalised — and
 * each draw's competition ranks (scores within 1e-9 of the scale of the draw's scores tying, as in
 * `weightedSum` and `topsis`) are counted: per solution the mean rank, the share of draws at its
 * base rank and in the top k, and the best and worst rank seen, in O(n) memory; the probability of
 * every rank (an n × n table) only with `rankProbabilities: true`. Criteria with weight 0 stay at
 * 0. Randomness comes
 * from xoshiro128** seeded with `seed` (default 20210208, echoed), so the same seed gives the same
 * result. A sweep sets one criterion's weight to t = 0, 1/steps, …, 1 and rescales the others
 * proportionally to sum 1 − t (equally if they were all 0). The swap threshold of a criterion is
 * the weight t nearest its given weight at which the second solution's score equals the first's
 * (found on a 1000-point grid refined by bisection to 1e-12; the given weight itself when the two
 * are tied there); the smallest swap is the one with
 * the smallest |t − w|.
 *
 * @param decision - the decision (see {@link buildDecision})
 * @param options - method, normalisation, perturbation, draws, seed, top k, sweep steps, and
 *   whether to return every rank's probability
 * @returns per solution its mean, best and worst rank, the probability of keeping its rank and of
 *   staying in the top k (and of each rank when asked), the swap thresholds, the sweeps and every
 *   parameter used
 * @throws AssessmentError every error of {@link prioritise} with the method for the decision; `invalid_value`
 *   (unknown method or perturbation, a seed or count that is not a whole number); `invalid_type`
 *   (`rankProbabilities` not true or false); `out_of_range`
 *   (concentration ≤ 0, range outside 0–1, draws outside 1–100,000, topK outside 1–n, seed
 *   outside 0–2³² − 1, sweepSteps outside 1–1000)
 * @example
 * ```ts
 * import { rankStability } from "icc-assessment/prioritisation";
 * const decision = {
 *   alternatives: ["platform", "sofiaChooses", "infoPoints"],
 *   criteria: [
 *     { id: "impact", kind: "benefit" as const, weight: 0.6, scale: { min: 1, max: 5 } },
 *     { id: "cost", kind: "cost" as const, weight: 0.4, scale: { min: 0, max: 500 } },
 *   ],
 *   matrix: [
 *     [5, 180],
 *     [4, 45],
 *     [3, 30],
 *   ],
 * };
 * const r = rankStability(decision, { draws: 500, topK: 2 });
 * r.parameters.seed; // => 20210208
 * r.solutions.map((s) => s.solution); // => ["platform", "sofiaChooses", "infoPoints"]
 * r.smallestSwap?.criterion; // => "impact"
 * Math.round((r.smallestSwap?.threshold ?? 0) * 1000) / 1000; // => 0.519
 * r.solutions.map((s) => [s.minRank, s.maxRank, s.sameRankProbability]); // => [[1, 2, 0.872], [1, 2, 0.872], [3, 3, 1]]
 * r.solutions[0]?.rankProbabilities; // => null
 * rankStability(decision, { draws: 500, rankProbabilities: true }).solutions[0]?.rankProbabilities; // => [0.872, 0.128, 0]
 * ```
 */
export function rankStability(
  decision: Decision,
  options: RankStabilityOptions & { readonly rankProbabilities: true },
): RankStabilityResult<number[]>;
export function rankStability(
  decision: Decision,
  options?: RankStabilityOptions & { readonly rankProbabilities?: false },
): RankStabilityResult<null>;
export function rankStability(
  decision: Decision,
  options?: RankStabilityOptions,
): RankStabilityResult;
export function rankStability(
  decision: Decision,
  options?: RankStabilityOptions,
): RankStabilityResult {
  const o = readOptions(options, ["options"]);
  const method = readChoice(
    o.method,
    stabilityMethods,
    "weightedSum",
    ["options", "method"],
    "method",
  );
  const perturbation = readChoice(
    o.perturbation,
    weightPerturbations,
    "dirichlet",
    ["options", "perturbation"],
    "perturbation",
  );
  const concentration =
    perturbation === "dirichlet"
      ? readOptionNumber(o.concentration, "concentration", CONCENTRATION, DEFAULT_CONCENTRATION)
      : null;
  const range =
    perturbation === "uniform"
      ? readOptionNumber(o.range, "range", SHARE, DEFAULT_UNIFORM_RANGE)
      : null;
  const draws = readOptionNumber(o.draws, "draws", DRAWS, DEFAULT_DRAWS);
  const seed = readOptionNumber(o.seed, "seed", SEED, DEFAULT_SEED);
  const sweepSteps = readOptionNumber(o.sweepSteps, "sweepSteps", SWEEP_STEPS, 10);
  if (o.rankProbabilities !== undefined && typeof o.rankProbabilities !== "boolean") {
    failAt(
      "invalid_type",
      ["options", "rankProbabilities"],
      `rankProbabilities must be true or false, got ${show(o.rankProbabilities)}`,
    );
  }
  const table = o.rankProbabilities === true;

  const checked = checkDecision(decision);
  const base =
    method === "weightedSum"
      ? byWeightedSum(decision, checked, { normalisation: o.normalisation })
      : byTopsis(decision, checked, { normalisation: o.normalisation });
  const alternatives = [...decision.alternatives];
  const n = alternatives.length;
  const topK = readOptionNumber(o.topK, "topK", { min: 1, max: n, integer: true }, Math.min(5, n));
  const weights = base.parameters.weights;
  const m = weights.length;
  const w0 = Float64Array.from(weights, (u) => u.weight);
  const scorer =
    base.method === "weightedSum"
      ? weightedSumScorer(base.normalised, n, m)
      : topsisScorer(decision, weights, base.parameters.normalisation);

  // Monte Carlo: O(n) counts per solution, the n × n table of rank counts only when asked for
  const index = new Map(alternatives.map((a, i) => [a, i]));
  const baseRank = new Float64Array(n);
  for (const r of base.ranking) baseRank[index.get(r.solution) as number] = r.rank;
  const uniform = createUniform(seed);
  const counts = table ? new Float64Array(n * n) : null;
  const rankSum = new Float64Array(n);
  const topCount = new Float64Array(n);
  const sameCount = new Float64Array(n);
  const minRank = new Float64Array(n).fill(Infinity);
  const maxRank = new Float64Array(n);
  const w = new Float64Array(m);
  const scores = new Float64Array(n);
  const alpha = Float64Array.from(w0, (x) => (concentration ?? 0) * x);
  // competition ranks of each draw, ties within the draw's tolerance: the draw's scores sorted by
  // the engine's numeric sort (no comparator), the rank of each position read off in one pass
  // (tieRanks), and each score's position found by binary search (countAbove): O(n log n) per
  // draw whatever the perturbation does to the order
  const sorted = new Float64Array(n);
  const rankAt = new Float64Array(n);
  for (let d = 0; d < draws; d++) {
    if (perturbation === "dirichlet") sampleDirichlet(uniform, alpha, w);
    else sampleUniform(uniform, w0, range as number, w);
    scorer.score(w, scores);
    sorted.set(scores);
    sorted.sort();
    tieRanks(sorted, scorer.tolerance(w), rankAt);
    for (let i = 0; i < n; i++) {
      const rank = rankAt[countAbove(sorted, scores[i] as number)] as number;
      if (counts !== null) counts[i * n + rank - 1] = (counts[i * n + rank - 1] as number) + 1;
      rankSum[i] = (rankSum[i] as number) + rank;
      if (rank <= topK) topCount[i] = (topCount[i] as number) + 1;
      if (rank === baseRank[i]) sameCount[i] = (sameCount[i] as number) + 1;
      if (rank < (minRank[i] as number)) minRank[i] = rank;
      if (rank > (maxRank[i] as number)) maxRank[i] = rank;
    }
  }
  const solutions: SolutionStability[] = base.ranking.map((r) => {
    const i = index.get(r.solution) as number;
    let probs: number[] | null = null;
    if (counts !== null) {
      probs = new Array<number>(n);
      for (let k = 0; k < n; k++) probs[k] = (counts[i * n + k] as number) / draws;
    }
    return {
      solution: r.solution,
      baseRank: r.rank,
      meanRank: (rankSum[i] as number) / draws,
      sameRankProbability: (sameCount[i] as number) / draws,
      minRank: minRank[i] as number,
      maxRank: maxRank[i] as number,
      rankProbabilities: probs,
      topKProbability: (topCount[i] as number) / draws,
    };
  });

  // swap thresholds and sweeps
  const swaps: SwapThreshold[] = [];
  let swapReason: string | null = null;
  if (n < 2) swapReason = "a single solution cannot swap places";
  else if (m < 2) swapReason = "with a single criterion no weight change alters the ranking";
  else {
    const first = index.get((base.ranking[0] as RankedSolution).solution) as number;
    const second = index.get((base.ranking[1] as RankedSolution).solution) as number;
    for (let k = 0; k < m; k++) {
      const t = swapThreshold(scorer, w0, k, first, second);
      swaps.push({
        criterion: (weights[k] as UsedWeight).criterion,
        weight: w0[k] as number,
        threshold: t,
        change: t === null ? null : clean(t - (w0[k] as number)),
      });
    }
  }
  let smallestSwap: SwapThreshold | null = null;
  for (const s of swaps) {
    if (s.change === null) continue;
    if (smallestSwap === null || Math.abs(s.change) < Math.abs(smallestSwap.change as number))
      smallestSwap = s;
  }
  if (smallestSwap === null && swapReason === null) {
    swapReason =
      "no change of a single criterion's weight lets the second solution overtake the first";
  }

  const sweeps = weights.map((c, k) => {
    const points: SweepPoint[] = [];
    const ws = new Float64Array(m);
    for (let s = 0; s <= sweepSteps; s++) {
      const t = s / sweepSteps;
      weightsAt(w0, k, t, ws);
      scorer.score(ws, scores);
      const ranks = ranksDescending(scores, scorer.tolerance(ws));
      let best = -1;
      for (let i = 0; i < n; i++) {
        if (
          ranks[i] === 1 &&
          (best < 0 || (alternatives[i] as string) < (alternatives[best] as string))
        )
          best = i;
      }
      points.push({ weight: t, ranks, first: alternatives[best] as string });
    }
    return { criterion: c.criterion, points };
  });

  return {
    method,
    parameters: {
      normalisation: base.parameters.normalisation,
      perturbation,
      concentration,
      range,
      draws,
      seed,
      topK,
      sweepSteps,
      weights,
      tieTolerance: base.parameters.tieTolerance,
    },
    baseRanking: base.ranking,
    solutions,
    swaps,
    smallestSwap,
    swapReason,
    sweeps,
  };
}

function sampleDirichlet(uniform: Uniform, alpha: Float64Array, out: Float64Array): void {
  let sum = 0;
  for (let j = 0; j < alpha.length; j++) {
    const a = alpha[j] as number;
    const g = a > 0 ? randomGamma(uniform, a) : 0;
    out[j] = g;
    sum += g;
  }
  if (!(sum > 0)) {
    // every gamma underflowed (tiny concentrations): fall back to the given weights' shares
    let s = 0;
    for (let j = 0; j < alpha.length; j++) s += alpha[j] as number;
    for (let j = 0; j < alpha.length; j++) out[j] = (alpha[j] as number) / s;
    return;
  }
  for (let j = 0; j < alpha.length; j++) out[j] = (out[j] as number) / sum;
}

function sampleUniform(uniform: Uniform, w0: Float64Array, range: number, out: Float64Array): void {
  let sum = 0;
  for (let j = 0; j < w0.length; j++) {
    const v = (w0[j] as number) * (1 + range * (2 * uniform() - 1));
    out[j] = v;
    sum += v;
  }
  if (!(sum > 0)) {
    out.set(w0);
    return;
  }
  for (let j = 0; j < w0.length; j++) out[j] = (out[j] as number) / sum;
}

/** Weights with criterion k set to t and the others rescaled to sum 1 − t. */
function weightsAt(w0: Float64Array, k: number, t: number, out: Float64Array): void {
  const m = w0.length;
  const rest = 1 - (w0[k] as number);
  for (let j = 0; j < m; j++) {
    if (j === k) out[j] = t;
    else out[j] = rest > 1e-15 ? ((w0[j] as number) * (1 - t)) / rest : (1 - t) / (m - 1);
  }
}

const GRID = 1000;

function swapThreshold(
  scorer: Scorer,
  w0: Float64Array,
  k: number,
  first: number,
  second: number,
): number | null {
  const ws = new Float64Array(w0.length);
  const diff = (t: number): number => {
    weightsAt(w0, k, t, ws);
    return scorer.scoreOne(ws, first) - scorer.scoreOne(ws, second);
  };
  const wk = w0[k] as number;
  // tied with the given weights: they swap there
  if (diff(wk) <= scorer.tolerance(w0)) return wk;
  let best: number | null = null;
  let prevT = 0;
  let prevD = diff(0);
  for (let g = 1; g <= GRID; g++) {
    const t = g / GRID;
    const dt = diff(t);
    if (prevD > 0 !== dt > 0) {
      // bisection on [prevT, t] for the point where diff crosses 0
      let a = prevT;
      let b = t;
      let da = prevD;
      while (b - a > 1e-12) {
        const mid = (a + b) / 2;
        const dm = diff(mid);
        if (dm > 0 === da > 0) {
          a = mid;
          da = dm;
        } else b = mid;
      }
      const root = da > 0 ? b : a;
      if (best === null || Math.abs(root - wk) < Math.abs(best - wk)) best = root;
    }
    prevT = t;
    prevD = dt;
  }
  return best;
}

function weightedSumScorer(
  normalised: readonly (readonly number[])[],
  n: number,
  m: number,
): Scorer {
  const r = new Float64Array(n * m);
  // the scale of the scores for weights w is Σ_j w_j · max_i |r_ij| (as weightedSum's)
  const colScale = new Float64Array(m);
  normalised.forEach((row, i) =>
    row.forEach((x, j) => {
      r[i * m + j] = x;
      if (Math.abs(x) > (colScale[j] as number)) colScale[j] = Math.abs(x);
    }),
  );
  const one = (w: Float64Array, i: number): number => {
    let s = 0;
    const base = i * m;
    for (let j = 0; j < m; j++) s += (w[j] as number) * (r[base + j] as number);
    return s;
  };
  return {
    score(w, out) {
      for (let i = 0; i < n; i++) {
        let s = 0;
        const base = i * m;
        for (let j = 0; j < m; j++) s += (w[j] as number) * (r[base + j] as number);
        out[i] = s;
      }
    },
    scoreOne: one,
    tolerance(w) {
      // 1e-9 · w_j first, so that the sum stays finite for values near the largest double
      let tolerance = 0;
      for (let j = 0; j < m; j++)
        tolerance += TIE_TOLERANCE * (w[j] as number) * (colScale[j] as number);
      return tolerance;
    },
  };
}

/**
 * TOPSIS by the one TOPSIS core (see `topsis`): the frame of the decision once, then per set of
 * weights its ideal and anti-ideal (O(m)) and every closeness (O(n·m)). When no weighted criterion
 * differs (possible only at a sweep's end point that zeroes the one criterion that differs), every
 * alternative is both ideal and anti-ideal and gets closeness 1/2: they all tie.
 */
function topsisScorer(
  decision: Decision,
  weights: readonly UsedWeight[],
  normalisation: WeightedSumNormalisation | TopsisNormalisation,
): Scorer {
  const matrix = decision.matrix;
  const input = readDecisionInput(
    matrix,
    weights.map((u) => u.weight),
    weights.map((u) => u.kind),
  );
  const frame = topsisFrame(input, normalisation as TopsisNormalisation);
  const m = frame.cols;
  const f = new Float64Array(m);
  const ideal = new Float64Array(m);
  const anti = new Float64Array(m);
  const scratch = new Float64Array(1);
  return {
    score(w, out) {
      weighFrame(frame, w, f, ideal, anti);
      topsisCloseness(matrix, frame, f, ideal, anti, out);
    },
    scoreOne(w, i) {
      weighFrame(frame, w, f, ideal, anti);
      return topsisRow(matrix, i, frame, f, ideal, anti, scratch);
    },
    // closeness lies on [0, 1] whatever the weights
    tolerance: () => TIE_TOLERANCE,
  };
}
