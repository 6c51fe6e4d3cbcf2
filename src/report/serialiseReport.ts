import type { Report } from "../schema/report.js";
import { assertParsed } from "../_lib/parsed.js";
import { canonicalJson } from "./_canonical.js";

/**
 * The text of a report file: canonical JSON, so the same report always gives byte-identical text.
 *
 * Rule (designed by this project): object keys sorted by UTF-16 code units at every level,
 * two-space indentation, numbers in ECMAScript's shortest round-trip form with `-0` written as `0`,
 * money as `{ "amount": "<decimal string>", "currency": "<ISO 4217>" }`, and a final newline.
 * A parsed report is plain JSON (no NaN, no ±Infinity), so `JSON.parse` of the text gives back an
 * equal report.
 *
 * @param report - a report, as {@link createReport} or `parseReport` returns it
 * @returns the JSON text, ending with a newline
 * @throws AssessmentError `not_parsed` (`["report"]`) for a value that did not come from
 *   `createReport` or `parseReport`
 * @example
 * ```ts
 * import { parseReport } from "icc-assessment/schema";
 * import { serialiseReport } from "icc-assessment/report";
 * const report = parseReport({
 *   formatVersion: "1.0",
 *   kind: "icc-assessment-report",
 *   city: { id: "sofia", name: "Sofia", country: "BG" },
 *   programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
 *   track: { id: "citizenParticipationDigitalPublicAdministration" },
 *   provenance: {
 *     library: { name: "icc-assessment", version: "0.1.0" },
 *     methodologyVersion: "1.0.0",
 *     frameworks: [],
 *     parameters: {},
 *     inputDigest: "sha256:" + "0".repeat(64),
 *     generatedAt: "2021-02-15",
 *   },
 *   sections: {},
 * });
 * const text = serialiseReport(report);
 * text.split("\n").slice(0, 3); // => ["{", '  "city": {', '    "country": "BG",']
 * JSON.parse(text); // => JSON.parse(JSON.stringify(report))
 * ```
 */
export function serialiseReport(report: Report): string {
  assertParsed(report, "report");
  return `${canonicalJson(report, 2, ["report"])}\n`;
}
