import { describe, fail } from "../_lib/assert.js";
import { canonicalJson } from "./_canonical.js";

/** A JSON object. */
export type JsonObject = Record<string, unknown>;

/** Upgrades a document of one major version to the next. */
export type MigrationStep = (document: JsonObject) => JsonObject;

/**
 * Runs the upgrade chain of {@link migrateReport}: `steps[k]` upgrades major `k + 1` to `k + 2`;
 * `current` is the version written by this library (`"MAJOR.MINOR"`).
 */
export function migrateDocument(
  document: unknown,
  steps: readonly MigrationStep[],
  current: string,
): unknown {
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    fail("invalid_type", [], `report must be a JSON object, got ${describe(document)}`);
  }
  const doc = document as JsonObject;
  const version = doc["formatVersion"];
  if (version === undefined) {
    fail("missing_field", ["formatVersion"], 'formatVersion is missing: expected e.g. "1.0"');
  }
  if (typeof version !== "string") {
    fail(
      "invalid_type",
      ["formatVersion"],
      `formatVersion must be a string such as "1.0", got ${describe(version)}`,
    );
  }
  const m = /^(\d+)\.(\d+)$/.exec(version);
  if (!m) {
    fail(
      "invalid_value",
      ["formatVersion"],
      `formatVersion must be MAJOR.MINOR such as "1.0", got ${describe(version)}`,
    );
  }
  if (doc["kind"] !== undefined && doc["kind"] !== "icc-assessment-report") {
    fail(
      "invalid_value",
      ["kind"],
      `kind must be "icc-assessment-report", got ${describe(doc["kind"])}`,
    );
  }
  const target = Number(current.split(".")[0]);
  let major = Number(m[1]);
  if (major > target) {
    fail(
      "unsupported_version",
      ["formatVersion"],
      `report formatVersion ${version} is newer than this library, which reads up to ${target}.x; upgrade icc-assessment`,
    );
  }
  // a plain-JSON copy: NaN, ±Infinity and values that are not JSON are refused with their path
  let out = JSON.parse(canonicalJson(doc)) as JsonObject;
  while (major < target) {
    const step = steps[major - 1];
    if (step === undefined) {
      fail(
        "unsupported_version",
        ["formatVersion"],
        `report formatVersion ${version} cannot be upgraded: no migration from ${major}.x to ${major + 1}.x (this library writes ${current})`,
      );
    }
    out = step(out);
    major++;
  }
  return out;
}
