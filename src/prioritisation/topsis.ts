import type { CriterionKind } from "../schema/vocabularies.js";
import { failAt } from "../_lib/assert.js";
import {
  clean,
  columnDivisor,
  ranksDescending,
  readChoice,
  readDecisionInput,
  readOptions,
  toRows,
} from "./_shared.js";

/** Normalisations TOPSIS can apply. */
export const topsisNormalisations = ["vector", "minMax"] as const;
/** A TOPSIS normalisation. */
export type TopsisNormalisation = (typeof topsisNormalisations)[number];

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
  /** Competition ranks by closeness (1 = closest to the ideal). */
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
 * Rank 1 has the largest C, computed on unrounded values.
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
    "vector",
    ["options", "normalisation"],
    "normalisation",
  );
  const {
    rows,
    cols,
    min,
    max,
    sumSq,
    weights: w,
    cost,
  } = readDecisionInput(matrix, weights, criteria);

  // v_ij = (x_ij − off_j) · f_j with f_j = w_j / div_j for both normalisations; the ideal and
  // anti-ideal use the same expression on the column's best and worst values, so they match an
  // alternative exactly
  const off = new Float64Array(cols);
  const div = new Float64Array(cols);
  const f = new Float64Array(cols);
  const ideal = new Array<number>(cols);
  const anti = new Array<number>(cols);
  for (let j = 0; j < cols; j++) {
    const wj = w[j] as number;
    const lo = min[j] as number;
    const hi = max[j] as number;
    const isCost = cost[j] === 1;
    if (normalisation === "vector") {
      div[j] = columnDivisor(Math.sqrt(sumSq[j] as number), j, 0, "vector");
    } else {
      const range = columnDivisor(hi - lo, j, lo, "minMax");
      off[j] = isCost ? hi : lo;
      div[j] = isCost ? -range : range;
    }
    f[j] = wj / (div[j] as number);
    const vLo = clean((lo - (off[j] as number)) * (f[j] as number));
    const vHi = clean((hi - (off[j] as number)) * (f[j] as number));
    const better = Math.max(vLo, vHi);
    const worse = Math.min(vLo, vHi);
    ideal[j] = normalisation === "vector" && isCost ? worse : better;
    anti[j] = normalisation === "vector" && isCost ? better : worse;
  }

  const closeness = new Array<number>(rows);
  const dPlus = new Array<number>(rows);
  const dMinus = new Array<number>(rows);
  const keep = o.tables === true;
  const v = keep ? new Float64Array(rows * cols) : null;
  for (let i = 0; i < rows; i++) {
    const row = matrix[i] as readonly number[];
    const base = i * cols;
    let sp = 0;
    let sm = 0;
    for (let j = 0; j < cols; j++) {
      const vij = ((row[j] as number) - (off[j] as number)) * (f[j] as number);
      if (v !== null) v[base + j] = vij;
      const p = vij - (ideal[j] as number);
      const m = vij - (anti[j] as number);
      sp += p * p;
      sm += m * m;
    }
    const dp = Math.sqrt(sp);
    const dm = Math.sqrt(sm);
    const total = dp + dm;
    if (!(total > 0)) {
      failAt(
        "zero_spread",
        ["matrix", i],
        `alternative ${i} is both the ideal and the anti-ideal: the alternatives do not differ on any weighted criterion`,
      );
    }
    dPlus[i] = dp;
    dMinus[i] = dm;
    closeness[i] = dm / total;
  }
  return {
    closeness,
    ranks: ranksDescending(closeness),
    distanceToIdeal: dPlus,
    distanceToAntiIdeal: dMinus,
    ideal,
    antiIdeal: anti,
    normalisation,
    weights: Array.from(w),
    weighted: v === null ? null : toRows(v, rows, cols),
  };
}
