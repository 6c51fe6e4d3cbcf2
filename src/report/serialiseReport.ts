import type { Report } from "../schema/report.js";
import { canonicalJson } from "./_canonical.js";

/**
 * The text of a report file: canonical JSON, so the same report always gives byte-identical text.
 *
 * Rule (designed by this project): object keys sorted by UTF-16 code units at every level,
 * two-space indentation, numbers in ECMAScript's shortest round-trip form with `-0` written as `0`,
 * money as `{ "amount": "<decimal string>", "currency": "<ISO 4217>" }`, and a final newline.
 * Anything that is not JSON (NaN, ±Infinity, `undefined` in an array, a `Date`…) is refused rather
 * than written in a lossy form. `JSON.parse` of the text gives back an equal report.
 *
 * @param report - a report, as {@link createReport} returns it
 * @returns the JSON text, ending with a newline
 * @throws AssessmentError `non_finite`, `invalid_type` or `invalid_value` with the path (under
 *   `["report"]`) of a value that is not JSON
 * @example
 * ```ts
 * import { serialiseReport } from "icc-assessment/report";
 * serialiseReport({ kind: "icc-assessment-report", formatVersion: "1.0" } as never); // => '{\n  "formatVersion": "1.0",\n  "kind": "icc-assessment-report"\n}\n'
 * ```
 */
export function serialiseReport(report: Report): string {
  return `${canonicalJson(report, 2, ["report"])}\n`;
}
