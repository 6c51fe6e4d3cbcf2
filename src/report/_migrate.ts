import type { PathSegment } from "../errors/AssessmentError.js";
import { assertString, describe, fail, isRecord } from "../_lib/assert.js";
import { oneOfOption, optional, readFields } from "../_lib/options.js";
import {
  FORMAT_VERSION_EXPECTED,
  FORMAT_VERSION_PATTERN,
  readFormatVersion,
  unsupportedVersionMessage,
} from "../_lib/version.js";
import { canonicalCopy } from "./_canonical.js";

/** A JSON object. */
export type JsonObject = Record<string, unknown>;

/** Upgrades a document of one major version to the next. */
export type MigrationStep = (document: JsonObject) => JsonObject;

const ROOT: readonly PathSegment[] = [];

/** The fields of a report document read before it is upgraded. */
const DOCUMENT_FIELDS = {
  formatVersion: {
    test: (value: unknown): value is string =>
      typeof value === "string" && FORMAT_VERSION_PATTERN.test(value),
    code: "invalid_value",
    expected: FORMAT_VERSION_EXPECTED,
    required: true,
    explain: assertString,
  },
  kind: optional(oneOfOption(["icc-assessment-report"])),
} as const;

/**
 * Runs the upgrade chain of {@link migrateReport}: `steps[k]` upgrades major `k + 1` to `k + 2`;
 * `current` is the version written by this library (`"MAJOR.MINOR"`).
 */
export function migrateDocument(
  document: unknown,
  steps: readonly MigrationStep[],
  current: string,
): unknown {
  if (!isRecord(document)) {
    fail("invalid_type", ROOT, `report must be a JSON object, got ${describe(document)}`);
  }
  const doc = document as JsonObject;
  const version = readFields(doc, ROOT, DOCUMENT_FIELDS).formatVersion;
  const target = (readFormatVersion(current) as { major: number }).major;
  let major = (readFormatVersion(version) as { major: number }).major;
  if (major > target) {
    fail(
      "unsupported_version",
      ["formatVersion"],
      unsupportedVersionMessage("report", version, [target], current),
    );
  }
  // a plain-JSON copy: NaN, ±Infinity, values that are not JSON and nesting deeper than the
  // documents' limit are refused with their path, the depth before the walk goes deeper
  let out = canonicalCopy(doc) as JsonObject;
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
