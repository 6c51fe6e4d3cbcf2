import { describe as show, failAt } from "../_lib/assert.js";
import type { CriterionKind } from "../schema/vocabularies.js";
import {
  clean,
  columnDivisor,
  failScale,
  failTooLarge,
  isScale,
  ranksDescending,
  readChoice,
  readDecisionInput,
  readList,
  readOptions,
  TIE_TOLERANCE,
  toRows,
} from "./_shared.js";

/** Normalisations {@link weightedSum} can apply before weighting. */
export const weightedSumNormalisations = ["minMax", "max", "scale", "none"] as const;
/** A weighted-sum normalisation. */
export type WeightedSumNormalisation = (typeof weightedSumNormalisations)[number];

/**
 * The weighted sum's default normalisation, `"minMax"`; `prioritise` uses `"scale"` instead when
 * every criterion declares a scale.
 */
export const WEIGHTED_SUM_DEFAULTS = { normalisation: "minMax", withScales: "scale" } as const;

/** A criterion's declared scale, for the `"scale"` normalisation. */
export interface CriterionScale {
  /** Worst possible value for a benefit (best for a cost). */
  readonly min: number;
  /** Best possible value for a benefit (worst for a cost). */
  readonly max: number;
}

/** Options of {@link weightedSum}. */
export interface WeightedSumOptions {
  /** Normalisation of each column; default `"minMax"`. */
  readonly normalisation?: WeightedSumNormalisation;
  /** Per-criterion scales, required by `"scale"`. */
  readonly scales?: readonly CriterionScale[];
  /** Also return the normalised matrix (default false: large inputs stay fast). */
  readonly tables?: boolean;
}

/** Result of {@link weightedSum}. */
export interface WeightedSumResult {
  /** Σ_j w_j · r_ij per alternative, in input order. */
  readonly scores: number[];
  /** Competition ranks (1 = best; scores within `tieTolerance` tie and share the lowest rank). */
  readonly ranks: number[];
  /** The normalisation used. */
  readonly normalisation: WeightedSumNormalisation;
  /**
   * The tie tolerance: scores that differ by at most this much tie. It is 1e-9
   * times the scale of the scores, Σ_j w_j · max_i |r_ij| (1 under `"minMax"` and `"max"`).
   */
  readonly tieTolerance: number;
  /** The weights used, normalised to sum 1. */
  readonly weights: number[];
  /** The normalised matrix r (only with `tables: true`, else null). */
  readonly normalised: number[][] | null;
}

/**
 * Simple additive weighting (weighted sum model) of alternatives × criteria.
 *
 * Rule (Fishburn 1967; Hwang & Yoon 1981, Multiple Attribute Decision Making, §3.3.1): each
 * column is normalised to r_ij, weights are normalised to sum 1, and score_i = Σ_j w_j · r_ij;
 * higher is better, and ranks are computed on the unrounded scores. Scores within 1e-9 of the
 * scale of the scores, S = Σ_j w_j · max_i |r_ij| (S = 1 under `"minMax"` and `"max"`, at most 1
 * under `"scale"`), of each other share a rank (designed by this project: far above the rounding
 * noise of the sum, about 1e-16 · S per criterion, so solutions equal in exact arithmetic — such
 * as [5, 3, 2] and [5, 2, 3] with equal weights — always tie; a tie group chains, a run of scores
 * each within the tolerance of the next sharing one rank). Normalisations:
 * - `"minMax"` (default): (x − min_j)/(max_j − min_j) for a benefit, (max_j − x)/(max_j − min_j)
 *   for a cost; a column whose values are all equal cannot be normalised and is an error.
 * - `"max"` (linear, Hwang & Yoon): x / max_j for a benefit (values ≥ 0, max > 0), min_j / x for a
 *   cost (values > 0).
 * - `"scale"`: (x − lo)/(hi − lo) with the criterion's declared scale `[lo, hi]`, reversed for a
 *   cost; unlike min-max it does not change when alternatives are added or removed.
 * - `"none"`: raw values; benefit criteria only.
 *
 * @param matrix - alternatives × criteria values
 * @param weights - one non-negative weight per criterion (normalised to sum 1)
 * @param criteria - `"benefit"` or `"cost"` per criterion
 * @param options - normalisation, scales, and whether to return the normalised matrix
 * @returns the scores, ranks, and the normalisation and weights used
 * @throws AssessmentError `invalid_type`, `empty`, `length_mismatch` (ragged, or weights /
 *   criteria / scales not one per column), `non_finite`; `negative_weight`, `zero_weights`;
 *   `invalid_value` (an unknown kind or normalisation, a cost criterion with `"none"`);
 *   `zero_spread` (min-max on a column of equal values, a scale with max ≤ min); `non_positive_value`
 *   (`"max"` on values it cannot divide by); `out_of_range` (a value outside its scale, or a
 *   column's range, a scale's range or a score beyond double precision: no result is NaN or
 *   infinite); `missing_field` (`"scale"` without scales)
 * @example
 * ```ts
 * import { weightedSum } from "icc-assessment/prioritisation";
 * const r = weightedSum(
 *   [
 *     [5, 180],
 *     [4, 45],
 *     [3, 30],
 *   ],
 *   [0.6, 0.4],
 *   ["benefit", "cost"],
 * );
 * r.scores.map((s) => Math.round(s * 1000) / 1000); // => [0.6, 0.66, 0.4]
 * r.ranks; // => [2, 1, 3]
 * // both score 7/12 in exact arithmetic, so they tie whatever the rounding of the sum:
 * const likert = { min: 1, max: 5 };
 * const tied = weightedSum(
 *   [
 *     [5, 3, 2],
 *     [5, 2, 3],
 *     [1, 1, 1],
 *   ],
 *   [1, 1, 1],
 *   ["benefit", "benefit", "benefit"],
 *   { normalisation: "scale", scales: [likert, likert, likert] },
 * );
 * tied.ranks; // => [1, 1, 3]
 * ```
 */
export function weightedSum(
  matrix: readonly (readonly number[])[],
  weights: readonly number[],
  criteria: readonly CriterionKind[],
  options?: WeightedSumOptions,
): WeightedSumResult {
  const o = readOptions(options, ["options"]);
  const normalisation = readChoice(
    o.normalisation,
    weightedSumNormalisations,
    WEIGHTED_SUM_DEFAULTS.normalisation,
    ["options", "normalisation"],
    "normalisation",
  );
  const { rows, cols, min, max, weights: w, cost } = readDecisionInput(matrix, weights, criteria);
  let scales: readonly unknown[] = [];
  if (normalisation === "scale") {
    if (o.scales === undefined) {
      failAt(
        "missing_field",
        ["options", "scales"],
        `the "scale" normalisation needs options.scales, one per criterion`,
      );
    }
    scales = readList(o.scales, ["options", "scales"], "scales", 0, cols, "criterion");
  }

  // per column: r = (x − off) / div (or, for "max" on a cost, r = c / x)
  const off = new Float64Array(cols);
  const div = new Float64Array(cols).fill(1);
  const inverse = new Float64Array(cols); // c of c / x, 0 when linear
  for (let j = 0; j < cols; j++) {
    const lo = min[j] as number;
    const hi = max[j] as number;
    const isCost = cost[j] === 1;
    if (normalisation === "minMax") {
      const range = columnDivisor(hi - lo, j, lo, "minMax");
      off[j] = isCost ? hi : lo;
      div[j] = isCost ? -range : range;
    } else if (normalisation === "max") {
      if (isCost) {
        if (!(lo > 0)) {
          failAt(
            "non_positive_value",
            ["matrix", firstRowWith(matrix, j, lo), j],
            `the "max" normalisation divides by cost values, which must be positive, got ${show(lo)}`,
          );
        }
        inverse[j] = lo;
      } else {
        if (lo < 0 || !(hi > 0)) {
          const bad = lo < 0 ? lo : hi;
          failAt(
            "non_positive_value",
            ["matrix", firstRowWith(matrix, j, bad), j],
            `the "max" normalisation needs benefit values ≥ 0 with a positive maximum, got ${show(bad)}`,
          );
        }
        div[j] = hi;
      }
    } else if (normalisation === "scale") {
      const s: unknown = scales[j];
      if (!isScale(s)) failScale(s, ["options", "scales", j], `scales[${j}]`);
      const range = s.max - s.min;
      if (!Number.isFinite(range))
        failTooLarge(["options", "scales", j], `the range of scales[${j}]`);
      if (lo < s.min || hi > s.max) {
        const bad = lo < s.min ? lo : hi;
        failAt(
          "out_of_range",
          ["matrix", firstRowWith(matrix, j, bad), j],
          `values of criterion ${j} must lie on its scale [${s.min}, ${s.max}], got ${show(bad)}`,
        );
      }
      off[j] = isCost ? s.max : s.min;
      div[j] = isCost ? -range : range;
    } else {
      if (isCost) {
        failAt(
          "invalid_value",
          ["criteria", j],
          `the "none" normalisation cannot turn a cost criterion into a benefit; choose "minMax", "max" or "scale"`,
        );
      }
    }
  }

  // the tolerance: 1e-9 times the scale of the scores, Σ_j w_j · max_i |r_ij|, r being monotone
  // in x (its largest magnitude is at the column's minimum or maximum)
  let scale = 0;
  for (let j = 0; j < cols; j++) {
    const c = inverse[j] as number;
    const at = (x: number): number =>
      Math.abs(c > 0 ? c / x : (x - (off[j] as number)) / (div[j] as number));
    // 1e-9 · w_j first, so that the sum stays finite for values near the largest double
    scale +=
      TIE_TOLERANCE * (w[j] as number) * Math.max(at(min[j] as number), at(max[j] as number));
  }
  const tieTolerance = scale;

  const scores = new Array<number>(rows);
  const keep = o.tables === true;
  const r = keep ? new Float64Array(rows * cols) : null;
  for (let i = 0; i < rows; i++) {
    const row = matrix[i] as readonly number[];
    const base = i * cols;
    let s = 0;
    for (let j = 0; j < cols; j++) {
      const v = row[j] as number;
      const c = inverse[j] as number;
      const rij = c > 0 ? c / v : (v - (off[j] as number)) / (div[j] as number);
      if (r !== null) r[base + j] = rij;
      s += (w[j] as number) * rij;
    }
    // raw values near the largest double ("none") can sum past it
    if (!Number.isFinite(s)) failTooLarge(["matrix", i], `the score of alternative ${i}`);
    scores[i] = clean(s);
  }
  return {
    scores,
    ranks: ranksDescending(scores, tieTolerance),
    normalisation,
    weights: Array.from(w),
    normalised: r === null ? null : toRows(r, rows, cols),
    tieTolerance,
  };
}

function firstRowWith(matrix: readonly (readonly number[])[], j: number, v: number): number {
  return Math.max(
    0,
    matrix.findIndex((row) => row[j] === v),
  );
}
