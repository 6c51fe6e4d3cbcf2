import { chiSquaredUpperTail, readMatrix, readOptions } from "./_shared.js";
import { describe as show, failAt } from "../_lib/assert.js";

/** Options of {@link kendallW}. */
export interface KendallWOptions {
  /** Apply the tie correction (default true; without ties it changes nothing). */
  readonly correctTies?: boolean;
}

/** Result of {@link kendallW}. */
export interface KendallWResult {
  /** Kendall's coefficient of concordance W, from 0 (no agreement) to 1 (identical rankings). */
  readonly w: number;
  /** Friedman's chi-square statistic m(n − 1)W. */
  readonly chiSquared: number;
  /** n − 1. */
  readonly degreesOfFreedom: number;
  /** Upper-tail probability of `chiSquared` under the chi-square distribution. */
  readonly pValue: number;
  /** m, the number of raters. */
  readonly raters: number;
  /** n, the number of objects ranked. */
  readonly objects: number;
  /** R_j, the sum of each object's ranks over the raters (rank 1 = smallest value). */
  readonly rankSums: number[];
  /** S = Σ_j (R_j − mean R)². */
  readonly s: number;
  /** Whether the tie correction was applied. */
  readonly correctTies: boolean;
  /** Σ over raters and tie groups of (t³ − t) (0 without ties). */
  readonly tieCorrection: number;
}

/**
 * Kendall's coefficient of concordance W: how far several raters agree on the order of the same
 * objects, with Friedman's chi-square test of "no agreement".
 *
 * Rule (Kendall & Babington Smith 1939; Siegel & Castellan 1988, Nonparametric Statistics for the
 * Behavioral Sciences, §9.4): each rater's values are turned into ranks 1…n (ties get the average
 * of the ranks they span; the direction does not matter as long as all raters use the same);
 * R_j sums object j's ranks, S = Σ (R_j − m(n + 1)/2)², and W = 12 S / (m²(n³ − n) − m Σ T) with
 * T = Σ over each rater's tie groups of (t³ − t) when `correctTies` (default; T = 0 otherwise).
 * χ² = m(n − 1)W on n − 1 degrees of freedom; the p-value is the regularised upper incomplete
 * gamma function Q((n − 1)/2, χ²/2), by its series or continued fraction (Press et al.,
 * Numerical Recipes, 3rd ed., §6.2, gammp/gammq) with a Lanczos log-gamma.
 *
 * @param scoresByRater - one row per rater, one column per object (scores or ranks)
 * @param options - whether to correct for ties
 * @returns W, χ², degrees of freedom, p-value, and the intermediate rank sums and S
 * @throws AssessmentError `invalid_type`, `empty`, `length_mismatch` (ragged), `non_finite`;
 *   `too_few_values` (fewer than 2 raters or 2 objects); `zero_spread` (every rater ties every
 *   object, so W is undefined)
 * @example
 * ```ts
 * import { kendallW } from "icc-assessment/prioritisation";
 * const r = kendallW([
 *   [1, 2, 3, 4],
 *   [1, 3, 2, 4],
 *   [2, 1, 3, 4],
 * ]);
 * Math.round(r.w * 1000) / 1000; // => 0.778
 * r.degreesOfFreedom; // => 3
 * Math.round(r.pValue * 1000) / 1000; // => 0.072
 * ```
 */
export function kendallW(
  scoresByRater: readonly (readonly number[])[],
  options?: KendallWOptions,
): KendallWResult {
  const o = readOptions(options, ["options"]);
  if (o.correctTies !== undefined && typeof o.correctTies !== "boolean") {
    failAt(
      "invalid_type",
      ["options", "correctTies"],
      `correctTies must be true or false, got ${show(o.correctTies)}`,
    );
  }
  const correctTies = o.correctTies ?? true;
  const { rows: m, cols: n, data } = readMatrix(scoresByRater, ["scoresByRater"], "scoresByRater");
  if (m < 2)
    failAt("too_few_values", ["scoresByRater"], `Kendall's W needs at least 2 raters, got ${m}`);
  if (n < 2)
    failAt(
      "too_few_values",
      ["scoresByRater", 0],
      `Kendall's W needs at least 2 objects, got ${n}`,
    );
  const sums = createRankSums(n, correctTies);
  for (let r = 0; r < m; r++) addRater(sums, null, data.subarray(r * n, (r + 1) * n));
  return concordanceOf(sums, m);
}

/**
 * One rater of {@link kendallWOfSparse}: the values it gives some of the objects (`objects[e]`
 * gets `values[e]`, each object at most once); every object it leaves out gets the value 0.
 */
export interface SparseRater {
  /** Column indices (0 … n − 1) of the objects the rater gives a value, each at most once. */
  readonly objects: ArrayLike<number>;
  /** The value given to each of those objects, finite. */
  readonly values: ArrayLike<number>;
}

/**
 * Kendall's W, tie-corrected, of raters that each give a value to only some of n objects and 0 to
 * the rest — {@link kendallW} of the dense raters × objects matrix with those zeros filled in,
 * the same numbers, without building the matrix: O(entries · log(entries per rater) + n) time,
 * O(n + entries) memory.
 *
 * Rule: a rater that gives values to k objects ranks its n − k left-out objects as one tie group
 * of value 0, placed among its k values by value, so each of them gets the same midrank ρ (the
 * average of the ranks the group spans, as {@link kendallW} gives); R_j is accumulated as
 * Σ_raters ρ plus, for each of a rater's k objects, its midrank minus that rater's ρ, and the tie
 * group of the left-out objects adds its (t³ − t) to T once. Ranks are half-integers and their
 * sums stay below 2⁵³, so every R_j, S and T equal the dense computation's exactly. Designed by
 * this project; internal to the package (the votes method's consensus over partial ballots).
 * The caller guarantees what {@link kendallW} would check: n ≥ 2, at least 2 raters, finite
 * values, valid distinct object indices, and some rater that does not tie every object.
 *
 * @param raters - each rater's objects and values
 * @param n - the number of objects
 * @returns the same result as {@link kendallW} on the filled-in matrix with `correctTies: true`
 * @throws AssessmentError `zero_spread` when every rater ties every object (W undefined)
 */
export function kendallWOfSparse(raters: readonly SparseRater[], n: number): KendallWResult {
  const sums = createRankSums(n, true);
  for (const r of raters) addRater(sums, r.objects, r.values);
  return concordanceOf(sums, raters.length);
}

/** Running rank sums of {@link addRater}: R_j = base + offsets[j]. */
interface RankSums {
  readonly n: number;
  readonly correctTies: boolean;
  /** Σ over raters of the midrank of their left-out objects (0 for a rater that leaves none). */
  base: number;
  /** Per object, the rest of its rank sum. */
  readonly offsets: Float64Array;
  /** Σ (t³ − t) over raters and tie groups. */
  t: number;
}

function createRankSums(n: number, correctTies: boolean): RankSums {
  return { n, correctTies, base: 0, offsets: new Float64Array(n), t: 0 };
}

/**
 * Adds one rater's midranks (rank 1 = smallest value; ties averaged) to `sums`. `objects` null:
 * `values` is the dense row (value j for object j). Otherwise `values[e]` belongs to object
 * `objects[e]` and the n − k objects left out share the value 0. Tie groups are visited in
 * ascending order of value, as the dense computation does, so T adds up in the same order.
 */
function addRater(
  sums: RankSums,
  objects: ArrayLike<number> | null,
  values: ArrayLike<number>,
): void {
  const k = values.length;
  const rest = sums.n - k;
  const order = new Uint32Array(k);
  for (let e = 0; e < k; e++) order[e] = e;
  order.sort((x, y) => (values[x] as number) - (values[y] as number));
  const offsets = sums.offsets;
  // the midrank of the left-out objects: their group (value 0, with any given zeros) comes after
  // the negative values
  let restRank = 0;
  if (rest > 0) {
    let below = 0;
    while (below < k && (values[order[below] as number] as number) < 0) below++;
    let zeros = below;
    while (zeros < k && values[order[zeros] as number] === 0) zeros++;
    restRank = (below + 1 + (zeros + rest)) / 2;
  }
  let restPlaced = rest === 0;
  let placed = 0;
  let g = 0;
  while (g < k || !restPlaced) {
    const v = g < k ? (values[order[g] as number] as number) : 0;
    let end = g;
    let size: number;
    if (!restPlaced && !(g < k && v < 0)) {
      // the left-out objects' group, with the given zeros
      while (end < k && values[order[end] as number] === 0) end++;
      size = end - g + rest;
      restPlaced = true;
    } else {
      end = g + 1;
      while (end < k && values[order[end] as number] === v) end++;
      size = end - g;
    }
    const avg = (placed + 1 + (placed + size)) / 2;
    for (let e = g; e < end; e++) {
      const at = order[e] as number;
      const j = objects === null ? at : (objects[at] as number);
      offsets[j] = (offsets[j] as number) + (avg - restRank);
    }
    if (sums.correctTies && size > 1) sums.t += size * size * size - size;
    placed += size;
    g = end;
  }
  sums.base += restRank;
}

/** W, χ², its p-value and the intermediate sums, from the rank sums of `m` raters. */
function concordanceOf(sums: RankSums, m: number): KendallWResult {
  const { n, t, base, offsets } = sums;
  const rankSums = new Array<number>(n);
  for (let j = 0; j < n; j++) rankSums[j] = base + (offsets[j] as number);
  const mean = (m * (n + 1)) / 2;
  let s = 0;
  for (const r of rankSums) s += (r - mean) * (r - mean);
  const denominator = m * m * (n * n * n - n) - m * t;
  if (!(denominator > 0)) {
    failAt(
      "zero_spread",
      ["scoresByRater"],
      "every rater gives every object the same value, so there is no ranking to agree on",
    );
  }
  const w = Math.min(1, (12 * s) / denominator);
  const chiSquared = m * (n - 1) * w;
  const df = n - 1;
  return {
    w,
    chiSquared,
    degreesOfFreedom: df,
    pValue: chiSquaredUpperTail(chiSquared, df),
    raters: m,
    objects: n,
    rankSums,
    s,
    correctTies: sums.correctTies,
    tieCorrection: t,
  };
}
