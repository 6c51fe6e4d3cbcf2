import type { Issue, PathSegment } from "../errors/AssessmentError.js";
import { formatPath } from "../errors/AssessmentError.js";
import { copyJson, markParsed } from "../_lib/parsed.js";
import { FORMAT_VERSION } from "./vocabularies.js";
import { ReportSchema, type Report, type ReportData } from "./report.js";
import { runParse, type SafeParseResult } from "./_parse.js";
import { compileFastCheck, type FastCheck } from "./_fastCheck.js";
import { checkFormatVersion, isNewerMinor } from "./version.js";

/** Compiled on first use (not at import: importing the schema module stays cheap). */
let fastCheck: FastCheck | null | undefined;

const NONE = { errors: [], warnings: [] } as const;

/**
 * Validates a report document (for example one published by another city) and returns it typed.
 * Same rules as {@link parseAssessment}: bounded size and depth, no prototype keys, a supported
 * `formatVersion` major, and the report's shape with unknown keys reported.
 *
 * Minor versions are forward-compatible (designed by this project): a minor version only adds
 * optional fields, so a report of a later minor of a major this library reads (`"1.1"` here, which
 * writes `"1.0"`) has each field this library does not know dropped, with a `dropped_field`
 * warning naming its path, and the rest read as usual (`formatVersion` is kept as written). A
 * later major (`"2.0"`) is refused with `unsupported_version`, saying which format this library
 * reads. In a report of this library's own version or an earlier one, an unknown field is an error.
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
  const doc = copy ?? input;
  const r = runParse(ReportSchema, doc, "report", () => NONE, { versioned: true });
  if (r.success) return { ...r, data: markParsed(r.data, "report") };
  const unknown = isNewerMinor(doc) ? r.issues.filter((i) => i.code === "unknown_key") : [];
  if (unknown.length === 0) return r;
  // a later minor version: its optional fields this library does not know are dropped
  const version = JSON.stringify((doc as { formatVersion: string }).formatVersion);
  const warnings: Issue[] = unknown.map((i) => ({
    code: "dropped_field",
    path: i.path,
    message: `field ${JSON.stringify(i.path[i.path.length - 1])} is not in format ${FORMAT_VERSION}, which this library reads; the report is of the later minor version ${version}, so the field is dropped (${formatPath(i.path)})`,
  }));
  const again = runParse(
    ReportSchema,
    without(
      doc,
      unknown.map((i) => i.path),
    ),
    "report",
    () => NONE,
    { versioned: true },
  );
  return again.success
    ? { ...again, data: markParsed(again.data, "report"), warnings }
    : { ...again, warnings: [...warnings, ...again.warnings] };
}

/**
 * A copy of a JSON document without the members at `paths`: only the objects and arrays on the
 * way to a removed member are copied (the document itself is left as it is).
 */
function without(doc: unknown, paths: readonly (readonly PathSegment[])[]): unknown {
  const copies = new Map<object, Record<PathSegment, unknown>>();
  const copyOf = (v: object): Record<PathSegment, unknown> => {
    let c = copies.get(v);
    if (c === undefined) {
      c = (Array.isArray(v) ? [...(v as unknown[])] : { ...v }) as Record<PathSegment, unknown>;
      copies.set(v, c);
      copies.set(c, c);
    }
    return c;
  };
  const root = copyOf(doc as object);
  for (const path of paths) {
    let parent = root;
    for (const segment of path.slice(0, -1)) {
      const child = copyOf(parent[segment] as object);
      parent[segment] = child;
      parent = child;
    }
    delete parent[path[path.length - 1] as PathSegment];
  }
  return root;
}
