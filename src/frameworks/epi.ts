import { assertNullableNumbers, describe, fail } from "../_lib/assert.js";

/**
 * The UN E-Participation Index over a peer set: each raw e-participation score rescaled by
 * min-max to [0, 1], EPI = (raw − min) / (max − min), min and max over the peer set. Source: UN DESA
 * E-Participation Index overview (relative to all other countries); the min-max step is inferred
 * from the published data (every edition's EPI runs from exactly 0 to exactly 1), not read in the
 * UN annex. Missing scores (`null`) stay `null`. Meaningful only across several units, never for
 * one alone.
 *
 * @param rawScores - one raw score per unit of the peer set (e.g. the share of e-participation
 *   features met), `null` when missing
 * @returns the EPI per unit, in [0, 1], in the order given
 * @throws AssessmentError `invalid_type` / `non_finite` for a score that is not a finite number or
 *   null (path `["rawScores", i]`); `too_few_values` for fewer than two scores; `zero_spread` when
 *   all scores are equal (path `["rawScores"]`)
 * @example
 * ```ts
 * import { epi } from "icc-assessment/frameworks";
 * epi([12, 30, null, 21]); // => [0, 1, null, 0.5]
 * ```
 */
export function epi(rawScores: readonly (number | null)[]): (number | null)[] {
  const xs = assertNullableNumbers(rawScores, ["rawScores"], "rawScores");
  let min = Infinity;
  let max = -Infinity;
  let n = 0;
  for (const v of xs) {
    if (v === null) continue;
    n++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (n < 2)
    fail(
      "too_few_values",
      ["rawScores"],
      `the EPI compares a peer set and needs at least two scores, got ${n} (rawScores)`,
    );
  if (max === min)
    fail(
      "zero_spread",
      ["rawScores"],
      `the EPI needs scores that differ, but every score is ${describe(min)} (rawScores)`,
    );
  const span = max - min;
  if (!Number.isFinite(span))
    fail(
      "non_finite",
      ["rawScores"],
      "the scores' range overflows the floating-point numbers (rawScores)",
    );
  return xs.map((v) => (v === null ? null : (v - min) / span));
}
