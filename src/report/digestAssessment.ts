import { canonicalJson } from "./_canonical.js";
import { sha256Hex } from "../_lib/sha256.js";

/**
 * The SHA-256 digest of an assessment's canonical JSON, as written to a report's
 * `provenance.inputDigest`: anyone holding the input can check that a report was computed from it.
 *
 * Rule (designed by this project): canonical JSON in the spirit of RFC 8785 (JSON Canonicalization
 * Scheme): object keys sorted by UTF-16 code units at every level, no whitespace, `undefined`
 * members left out, numbers in ECMAScript's shortest round-trip form (`-0` as `0`), money amounts
 * as decimal strings with at least two decimals (`"125000.00"`); the UTF-8 bytes of that text are
 * hashed with SHA-256 (FIPS 180-4). Key order, whitespace and `"125000"` versus `"125000.00"` in the
 * input file therefore do not change the digest; any change of content does.
 *
 * It takes any JSON value as well as a parsed assessment (it does not look for the parser's mark):
 * the digest is of the value as given. A report's `inputDigest` is that of the parsed assessment,
 * so check it against `parseAssessment` of the input file (amounts read as decimals).
 *
 * @param assessment - a parsed assessment (money amounts as `Decimal`), or its JSON form
 * @returns `"sha256:"` followed by 64 lowercase hex digits
 * @throws AssessmentError `non_finite` (a NaN or infinite number), `invalid_type` (a value that
 *   is not JSON: a function, a `Date`, an `undefined` array item…), `invalid_value` (a cycle), each
 *   with the path of the value under `["assessment"]`
 * @example
 * ```ts
 * import { digestAssessment } from "icc-assessment/report";
 * // the SHA-256 of the text {"a":[true,null],"b":1}
 * digestAssessment({ b: 1, a: [true, null] }); // => "sha256:51705a2c9eb3e7e410a58f696a770c3ac3885a0cf43eb7fc88f5e47c11d4d30d"
 * ```
 */
export function digestAssessment(assessment: unknown): string {
  return `sha256:${sha256Hex(canonicalJson(assessment, 0, ["assessment"]))}`;
}
