import {
  averageRanksAscending,
  chiSquaredUpperTail,
  readMatrix,
  readOptions,
  tieGroups,
} from "./_shared.js";
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
  const rankSums = new Array<number>(n).fill(0);
  let t = 0;
  for (let r = 0; r < m; r++) {
    const row = data.subarray(r * n, (r + 1) * n);
    const ranks = averageRanksAscending(row);
    for (let j = 0; j < n; j++) rankSums[j] = (rankSums[j] as number) + (ranks[j] as number);
    if (correctTies) for (const g of tieGroups(row)) t += g * g * g - g;
  }
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
    correctTies,
    tieCorrection: t,
  };
}
