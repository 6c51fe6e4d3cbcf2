import type { CriterionKind } from "../schema/vocabularies.js";
import { failAt } from "../_lib/assert.js";
import {
  ranksDescending,
  readChoice,
  readDecisionInput,
  readOptions,
  TIE_TOLERANCE,
  toList,
  toRows,
} from "./_shared.js";
import { topsisCloseness, topsisFrame, weighFrame } from "./_topsis.js";

export { topsisNormalisations, type TopsisNormalisation } from "./_topsis.js";
import { topsisNormalisations, type TopsisNormalisation } from "./_topsis.js";

/** TOPSIS's default normalisation (Hwang & Yoon's original); `prioritise` uses it too. */
export const TOPSIS_DEFAULTS = { normalisation: "vector" } as const;

/** Options of {@link topsis}. */
export interface TopsisOptions {
  /** `"vector"` (Hwang & Yoon's original, default) or `"minMax"`. */
  readonly normalisation?: TopsisNormalisation;
  /** Also return the weighted normalised matrix V (default false: large inputs stay fast). */
  readonly tables?: boolean;
}

/** Result of {@link topsis}. */
export interface TopsisResult {
  /** Relative closeness C_i = D−_i / (D+_i + D−_i), in [0, 1], in input order. */
  readonly closeness: number[];
  /**
   * Competition ranks by closeness (1 = closest to the ideal); closeness values within
   * `tieTolerance` of each other share a rank.
   */
  readonly ranks: number[];
  /** D+_i, Euclidean distance to the ideal solution. */
  readonly distanceToIdeal: number[];
  /** D−_i, Euclidean distance to the anti-ideal solution. */
  readonly distanceToAntiIdeal: number[];
  /** The ideal (positive ideal) solution, per criterion, in weighted normalised units. */
  readonly ideal: number[];
  /** The anti-ideal (negative ideal) solution, per criterion. */
  readonly antiIdeal: number[];
  /** The normalisation used. */
  readonly normalisation: TopsisNormalisation;
  /** The weights used, normalised to sum 1. */
  readonly weights: number[];
  /** The weighted normalised matrix V (only with `tables: true`, else null). */
  readonly weighted: number[][] | null;
  /**
   * The tie tolerance: closeness values that differ by at most this much tie. It is
   * 1e-9 times the span of the closeness scale [0, 1].
   */
  readonly tieTolerance: number;
}

/**
 * TOPSIS: ranks alternatives by their relative closeness to an ideal solution.
 *
 * Rule (Hwang & Yoon 1981, Multiple Attribute Decision Making, §3.3.3; conventions as
 * test/fixtures/reference/topsis.json): weights are normalised to sum 1; each column is normalised
 * — `"vector"`: r_ij = x_ij / √(Σ_i x_ij²); `"minMax"`: (x − min)/(max − min) for a benefit and
 * (max − x)/(max − min) for a cost — and weighted, v_ij = w_j · r_ij. The ideal takes each column's
 * best v (maximum for a benefit; with vector normalisation the minimum for a cost) and the
 * anti-ideal the worst; D+ and D− are Euclidean distances to them, and C_i = D−_i / (D+_i + D−_i).
 * Rank 1 has the largest C, computed on unrounded values; closeness values within 1e-9 of each
 * other (1e-9 of the span of the closeness scale [0, 1], far above rounding noise, designed by
 * this project) share a rank — a tie group chains: a run of values each within 1e-9 of the next
 * shares one rank — so alternatives that are exactly equal in exact arithmetic never get
 * different ranks from the order of floating-point additions.
 *
 * @param matrix - alternatives × criteria values
 * @param weights - one non-negative weight per criterion
 * @param criteria - `"benefit"` or `"cost"` per criterion
 * @param options - normalisation; whether to return the weighted matrix
 * @returns closeness, ranks, both distances, the ideal and anti-ideal, and the parameters used
 * @throws AssessmentError `invalid_type`, `empty`, `length_mismatch`, `non_finite`;
 *   `negative_weight`, `zero_weights`; `invalid_value` (an unknown kind or normalisation);
 *   `zero_spread` (a column of zeros under vector normalisation, a column of equal values under
 *   min-max, or alternatives equal on every weighted criterion)
 * @example
 * ```ts
 * import { topsis } from "icc-assessment/prioritisation";
 * topsis([[1, 2], [2, 1]], [0.5, 0.5], ["benefit", "cost"]).ranks; // => [2, 1]
 * const r = topsis(
 *   [
 *     [5, 180],
 *     [4, 45],
 *     [3, 30],
 *   ],
 *   [0.6, 0.4],
 *   ["benefit", "cost"],
 * );
 * r.closeness.map((c) => Math.round(c * 1000) / 1000); // => [0.347, 0.768, 0.653]
 * // the last two hold the same values on equally weighted, alike criteria: equal closeness in
 * // exact arithmetic, so they tie whatever the rounding
 * const tied = topsis(
 *   [
 *     [1, 2, 2, 1],
 *     [3, 3, 1, 2],
 *     [2, 1, 3, 3],
 *   ],
 *   [1, 1, 1, 1],
 *   ["benefit", "benefit", "benefit", "benefit"],
 * );
 * tied.ranks; // => [3, 1, 1]
 * ```
 */
export function topsis(
  matrix: readonly (readonly number[])[],
  weights: readonly number[],
  criteria: readonly CriterionKind[],
  options?: TopsisOptions,
): TopsisResult {
  const o = readOptions(options, ["options"]);
  const normalisation = readChoice(
    o.normalisation,
    topsisNormalisations,
    TOPSIS_DEFAULTS.normalisation,
    ["options", "normalisation"],
    "normalisation",
  );
  const input = readDecisionInput(matrix, weights, criteria);
  const { rows, cols, weights: w } = input;
  const frame = topsisFrame(input, normalisation);
  const f = new Float64Array(cols);
  const ideal = new Float64Array(cols);
  const anti = new Float64Array(cols);
  weighFrame(frame, w, f, ideal, anti);
  const closeness = new Float64Array(rows);
  const dPlus = new Float64Array(rows);
  const dMinus = new Float64Array(rows);
  const v = o.tables === true ? new Float64Array(rows * cols) : null;
  const degenerate = topsisCloseness(matrix, frame, f, ideal, anti, closeness, {
    dPlus,
    dMinus,
    v,
  });
  if (degenerate >= 0) {
    failAt(
      "zero_spread",
      ["matrix", degenerate],
      `alternative ${degenerate} is both the ideal and the anti-ideal: the alternatives do not differ on any weighted criterion`,
    );
  }
  // ranked as a plain array, like every other caller's scores (one element kind at the call site)
  const list = toList(closeness);
  return {
    closeness: list,
    ranks: ranksDescending(list, TIE_TOLERANCE),
    distanceToIdeal: toList(dPlus),
    distanceToAntiIdeal: toList(dMinus),
    ideal: toList(ideal),
    antiIdeal: toList(anti),
    normalisation,
    weights: Array.from(w),
    tieTolerance: TIE_TOLERANCE,
    weighted: v === null ? null : toRows(v, rows, cols),
  };
}
