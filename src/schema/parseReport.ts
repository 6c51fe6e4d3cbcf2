import { copyJson, markParsed } from "../_lib/parsed.js";
import { ReportSchema, type Report, type ReportData } from "./report.js";
import { runParse, type SafeParseResult } from "./_parse.js";
import { compileFastCheck, type FastCheck } from "./_fastCheck.js";
import { checkFormatVersion } from "./version.js";

/** Compiled on first use (not at import: importing the schema module stays cheap). */
let fastCheck: FastCheck | null | undefined;

const NONE = { errors: [], warnings: [] } as const;

/**
 * Validates a report document (for example one published by another city) and returns it typed.
 * Same rules as {@link parseAssessment}: bounded size and depth, no prototype keys, a supported
 * `formatVersion` major, and the report's shape with unknown keys reported.
 *
 * The value returned is a fresh, frozen copy marked as parsed (never the caller's object, so
 * changing that object afterwards changes nothing); the functions that take a `Report` trust it.
 * A valid report is copied and accepted in one walk that checks the bounds and the shape
 * together; any problem sends the document through the full parser, which reports every issue
 * with its path.
 *
 * @param input - a parsed JSON value
 * @returns the typed report
 * @throws AssessmentError `invalid_document` with one issue per problem
 * @example
 * ```ts
 * import { safeParseReport } from "icc-assessment/schema";
 * safeParseReport({ formatVersion: "9.0" }).success; // => false
 * ```
 */
export function parseReport(input: unknown): Report {
  const r = safeParseReport(input);
  if (!r.success) throw r.error;
  return r.data;
}

/**
 * Like {@link parseReport}, but returns `{ success, data | issues }` instead of throwing.
 *
 * @param input - a parsed JSON value
 * @returns the result
 * @throws never
 * @example
 * ```ts
 * import { safeParseReport } from "icc-assessment/schema";
 * const r = safeParseReport(null);
 * r.success ? "ok" : r.issues[0].code; // => "invalid_type"
 * ```
 */
export function safeParseReport(input: unknown): SafeParseResult<Report> {
  fastCheck ??= compileFastCheck(ReportSchema);
  // check a copy, not the input: a getter cannot change a value after it was checked
  let copy: unknown;
  try {
    copy = copyJson(input);
  } catch {
    copy = undefined; // reading it threw (a getter, a revoked proxy): the full parser says so
  }
  if (copy !== undefined && fastCheck !== null && checkFormatVersion(copy, "report").length === 0) {
    if (fastCheck(copy)) {
      return { success: true, data: markParsed(copy as ReportData, "report"), warnings: [] };
    }
  }
  const r = runParse(ReportSchema, copy ?? input, "report", () => NONE, { versioned: true });
  return r.success ? { ...r, data: markParsed(r.data, "report") } : r;
}
