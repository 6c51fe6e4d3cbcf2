import { assertFinite, describe, fail } from "../_lib/assert.js";

/**
 * The four UN e-government groups, highest first (UN E-Government Survey: very high, high, middle,
 * low EGDI).
 *
 * @example
 * ```ts
 * import { egovBands } from "icc-assessment/frameworks";
 * egovBands.length; // => 4
 * ```
 */
export const egovBands = ["veryHigh", "high", "middle", "low"] as const;
/** One of the four UN e-government groups. */
export type EgovBand = (typeof egovBands)[number];

/**
 * The UN e-government group of an EGDI (or LOSI share, or any index on [0, 1]): very high, high,
 * middle or low at 0.75 / 0.50 / 0.25.
 *
 * The groups are documented (UN Public Administration Country Studies: "Very High-EGDI (Greater
 * than 0.75), High-EGDI (Between 0.50 and 0.75), Middle-EGDI (Between 0.25 and 0.50), Low-EGDI
 * (Less than 0.25)"; the 2022 Survey uses "more than 75 per cent" for very high LOSI). Which group
 * takes a value exactly on a cut-off is not stated; the rule here (docs/methodology/maturity.md,
 * E-government groups) follows the "greater than 0.75" and "less than 0.25" wording: value > 0.75
 * very high; 0.50 ≤ value ≤ 0.75 high; 0.25 ≤ value < 0.50 middle; value < 0.25 low.
 *
 * @param value - an index value in [0, 1]
 * @returns the group
 * @throws AssessmentError `invalid_type` / `non_finite` for a value that is not a finite number;
 *   `out_of_range` outside [0, 1] (path `["value"]`)
 * @example
 * ```ts
 * import { egovBand } from "icc-assessment/frameworks";
 * egovBand(0.7766); // => "veryHigh"
 * egovBand(0.75); // => "high"
 * egovBand(0.5); // => "high"
 * egovBand(0.25); // => "middle"
 * ```
 */
export function egovBand(value: number): EgovBand {
  assertFinite(value, ["value"], "value");
  if (value < 0 || value > 1)
    fail("out_of_range", ["value"], `value must lie in [0, 1], got ${describe(value)}`);
  if (value > 0.75) return "veryHigh";
  if (value >= 0.5) return "high";
  if (value >= 0.25) return "middle";
  return "low";
}
