import type { Issue } from "../errors/AssessmentError.js";
import { FORMAT_VERSION, SUPPORTED_FORMAT_MAJORS } from "./vocabularies.js";

/**
 * Checks `formatVersion` before the rest of a document is read: a document of an unknown major
 * version is refused with `unsupported_version`, never accepted silently.
 */
export function checkFormatVersion(input: unknown, kind: string): Issue[] {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return [];
  const v = (input as { formatVersion?: unknown }).formatVersion;
  if (typeof v !== "string") return [];
  const m = /^(\d+)\.(\d+)$/.exec(v);
  if (!m) return [];
  const major = Number(m[1]);
  if (!(SUPPORTED_FORMAT_MAJORS as readonly number[]).includes(major)) {
    return [
      {
        code: "unsupported_version",
        path: ["formatVersion"],
        message: `${kind} formatVersion ${JSON.stringify(v)} is not supported: this version of icc-assessment reads ${SUPPORTED_FORMAT_MAJORS.map((x) => `${x}.x`).join(", ")} and writes ${FORMAT_VERSION} (formatVersion)`,
      },
    ];
  }
  return [];
}
