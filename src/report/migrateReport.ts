import { FORMAT_VERSION } from "../schema/vocabularies.js";
import { migrateDocument, type MigrationStep } from "./_migrate.js";

/**
 * The upgrade steps, one function per major version: `steps[k]` turns a document of major `k + 1`
 * into one of major `k + 2`. Format 1 is the first, so there is none yet; format 2 will add
 * `(doc) => ({ ...doc, formatVersion: "2.0", ... })` here and nothing else changes.
 */
const steps: readonly MigrationStep[] = [];

/**
 * Upgrades a report document of any earlier `formatVersion` to the version this library writes,
 * so reports published years ago can still be read and compared. Validate the result with
 * `parseReport` (from `icc-assessment/schema`).
 *
 * Rule (designed by this project): the major version says what changed incompatibly. A document
 * of the current major is returned as it is (a plain-JSON copy, `-0` written as 0), whatever its
 * minor version; an earlier major
 * goes through one upgrade step per major; a later major, or one no step reaches, is refused —
 * never guessed. Only format 1.0 exists, so today every 1.x document is returned unchanged.
 *
 * @param document - a report as parsed JSON
 * @returns a copy of the document at the current format version (not yet validated)
 * @throws AssessmentError `invalid_type` (not an object, `formatVersion` not a string, or a value
 *   that is not JSON), `missing_field` (no `formatVersion`), `invalid_value` (a malformed version,
 *   or `kind` that is not `"icc-assessment-report"`), `non_finite` (NaN or ±Infinity, with its
 *   path), `unsupported_version` (a major this library cannot read)
 * @example
 * ```ts
 * import { migrateReport } from "icc-assessment/report";
 * const doc = { formatVersion: "1.0", kind: "icc-assessment-report" };
 * migrateReport(doc); // => { formatVersion: "1.0", kind: "icc-assessment-report" }
 * ```
 */
export function migrateReport(document: unknown): unknown {
  return migrateDocument(document, steps, FORMAT_VERSION);
}
