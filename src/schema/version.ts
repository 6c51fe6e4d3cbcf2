import * as z from "zod/mini";
import type { Issue } from "../errors/AssessmentError.js";
import {
  FORMAT_VERSION_EXPECTED,
  FORMAT_VERSION_PATTERN,
  readFormatVersion,
  unsupportedVersionMessage,
} from "../_lib/version.js";
import { FORMAT_VERSION, SUPPORTED_FORMAT_MAJORS } from "./vocabularies.js";

/**
 * A document's `formatVersion`: `MAJOR.MINOR`, two whole numbers without leading zeros (the one
 * pattern of `_lib/version.ts`, which `migrateReport` checks too, so `"01.0"` is refused by every
 * reader alike).
 */
export const FormatVersionSchema = z
  .string()
  .check(z.regex(FORMAT_VERSION_PATTERN, { message: `expected ${FORMAT_VERSION_EXPECTED}` }));

/**
 * Checks `formatVersion` before the rest of a document is read: a document of an unknown major
 * version is refused with `unsupported_version`, never accepted silently. A malformed version is
 * left to the schema, which says what it expected.
 */
export function checkFormatVersion(input: unknown, kind: string): Issue[] {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return [];
  const v = (input as { formatVersion?: unknown }).formatVersion;
  if (typeof v !== "string") return [];
  const version = readFormatVersion(v);
  if (version === null) return [];
  if (!(SUPPORTED_FORMAT_MAJORS as readonly number[]).includes(version.major)) {
    return [
      {
        code: "unsupported_version",
        path: ["formatVersion"],
        message: `${unsupportedVersionMessage(kind, v, SUPPORTED_FORMAT_MAJORS, FORMAT_VERSION)} (formatVersion)`,
      },
    ];
  }
  return [];
}

/**
 * Whether a document is of a later minor version of a major this library reads (`"1.1"` when it
 * writes `"1.0"`): such a document may carry optional fields this library does not know, which
 * the report reader drops with a warning instead of refusing them (minor versions only add
 * optional fields). Designed by this project.
 */
export function isNewerMinor(input: unknown): boolean {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return false;
  const v = (input as { formatVersion?: unknown }).formatVersion;
  if (typeof v !== "string") return false;
  const version = readFormatVersion(v);
  const current = readFormatVersion(FORMAT_VERSION);
  return (
    version !== null &&
    current !== null &&
    version.major === current.major &&
    version.minor > current.minor
  );
}
