import { readFileSync, statSync, writeFileSync } from "node:fs";
import { AssessmentError, formatPath, type Issue } from "../errors/AssessmentError.js";
import { builtinFrameworks } from "../frameworks/builtinFrameworks.js";
import { migrateReport } from "../report/migrateReport.js";
import type { Assessment } from "../schema/assessment.js";
import { safeDefineFramework } from "../schema/defineFramework.js";
import type { MaturityFramework } from "../schema/framework.js";
import { safeParseAssessment } from "../schema/parseAssessment.js";
import { parseJson } from "../schema/parseJson.js";
import { parseReport, safeParseReport } from "../schema/parseReport.js";
import type { Report } from "../schema/report.js";
import { locatePaths, syntaxErrorAt } from "./locate.js";

/** Exit codes of `icc-assess`. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** A mistake in how the command was called: printed with usage help, exit 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Largest input file read, in bytes. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

/** A JSON file as read: its path as given, its text, and the value parsed from it. */
export interface JsonFile {
  readonly path: string;
  readonly text: string;
  readonly value: unknown;
}

/** An issue found in a file: the file, and where in its text when the issue's path is there. */
export interface FileIssue extends Issue {
  readonly file: string;
  /** 1-based line and column (UTF-16 code units) of the value the path names. */
  readonly line?: number;
  readonly column?: number;
}

/** The issues with their files and positions, of the errors thrown by this module. */
const fileIssues = new WeakMap<AssessmentError, readonly FileIssue[]>();

/** Throws issues of a file as one AssessmentError that remembers their files and positions. */
function refuse(issues: readonly FileIssue[]): never {
  const e = new AssessmentError(
    issues.map((i) => ({ code: i.code, path: i.path, message: i.message })),
  );
  fileIssues.set(e, issues);
  throw e;
}

/** The issues of an error, with their files and positions when this module threw it. */
export function issuesOf(e: AssessmentError): readonly (Issue | FileIssue)[] {
  return fileIssues.get(e) ?? e.issues;
}

/** Reads a file's text within the size limit; an unreadable file is an input error (exit 1). */
function readText(path: string): string {
  const unreadable = () =>
    new AssessmentError([
      { code: "invalid_document", path: [], message: `cannot read file ${path}` },
    ]);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw unreadable();
  }
  if (size > MAX_FILE_BYTES) {
    throw new AssessmentError([
      {
        code: "too_large",
        path: [],
        message: `file ${path} is ${size} bytes, more than the limit of ${MAX_FILE_BYTES}`,
      },
    ]);
  }
  try {
    return readFileSync(path, "utf8");
  } catch {
    // a directory, or a file this user may not read: an input error, not an internal one
    throw unreadable();
  }
}

/**
 * Reads and parses a JSON file (strict JSON, through the library's `parseJson` and its limits);
 * every failure is an AssessmentError (exit 1), a syntax error with its line and column.
 */
export function readJsonFile(path: string): JsonFile {
  const text = readText(path);
  try {
    return { path, text, value: parseJson(text, { maxLength: MAX_FILE_BYTES }) };
  } catch (e) {
    if (!(e instanceof AssessmentError) || e.code !== "invalid_json") throw e;
    const issue = e.issues[0] as Issue;
    const at = syntaxErrorAt(text, issue.message);
    return refuse([{ ...issue, file: path, ...at }]);
  }
}

/**
 * The issues found in a file with their positions: each path that is in the text gets the line
 * and column of its value (of its key, for an object member), a missing member those of the
 * nearest enclosing value. The text is scanned once, and only when some issue has a path.
 */
export function locateIssues(file: JsonFile, issues: readonly Issue[]): FileIssue[] {
  const any = issues.some((i) => i.path.length > 0);
  const at = any
    ? locatePaths(
        file.text,
        issues.map((i) => i.path),
      )
    : [];
  return issues.map((issue, k) => {
    const p = issue.path.length > 0 ? at[k] : undefined;
    return p === undefined
      ? { ...issue, file: file.path }
      : { ...issue, file: file.path, line: p.line, column: p.column };
  });
}

/** The issues of an input error about a file: with their positions, else with the file only. */
function issuesOfFile(e: AssessmentError, path: string): readonly FileIssue[] {
  return fileIssues.get(e) ?? e.issues.map((i) => ({ ...i, file: path }));
}

/** The repeatable `--framework <file.json>` option of the commands that read an assessment. */
export const frameworkOption = { framework: { type: "string", multiple: true } } as const;

/** The help line of {@link frameworkOption}. */
export const frameworkHelp = `  --framework <file>  a maturity framework the assessment may refer to, besides the
                      built-in ones (JSON, as defineFramework reads it); repeatable`;

/**
 * The frameworks an assessment is validated against: those of the `--framework` files (each
 * checked with defineFramework; one that is not valid is an input error with its positions), then
 * the built-in ones.
 */
export function readFrameworks(paths: readonly string[] | undefined): MaturityFramework[] {
  const custom = (paths ?? []).map((p) => {
    let file: JsonFile;
    try {
      file = readJsonFile(p);
    } catch (e) {
      if (!(e instanceof AssessmentError)) throw e;
      return refuse(issuesOfFile(e, p));
    }
    const r = safeDefineFramework(file.value);
    return r.success ? r.data : refuse(locateIssues(file, r.issues));
  });
  return [...custom, ...builtinFrameworks];
}

/** What {@link checkAssessmentFile} found. */
export interface AssessmentFileCheck {
  /** The parsed assessment, when the file has no error. */
  readonly assessment: Assessment | undefined;
  readonly errors: readonly FileIssue[];
  readonly warnings: readonly FileIssue[];
}

/**
 * Reads an assessment file and validates it against `frameworks` (validateAssessment's rules,
 * through safeParseAssessment): every error and warning with its file and position. The one way
 * every command reads an assessment, so `validate` accepts exactly what the others accept.
 */
export function checkAssessmentFile(
  path: string,
  frameworks: readonly MaturityFramework[],
): AssessmentFileCheck {
  let file: JsonFile;
  try {
    file = readJsonFile(path);
  } catch (e) {
    if (!(e instanceof AssessmentError)) throw e;
    return { assessment: undefined, errors: issuesOfFile(e, path), warnings: [] };
  }
  const r = safeParseAssessment(file.value, { frameworks });
  const errors = r.success ? [] : r.issues;
  const located = locateIssues(file, [...errors, ...r.warnings]);
  return {
    assessment: r.success ? r.data : undefined,
    errors: located.slice(0, errors.length),
    warnings: located.slice(errors.length),
  };
}

/**
 * Reads and validates an assessment file for a command: an error refuses it (exit 1, every issue
 * with its position); warnings are shown on a terminal's stderr.
 */
export function readAssessmentFile(
  path: string,
  frameworks: readonly MaturityFramework[] = builtinFrameworks,
): Assessment {
  const r = checkAssessmentFile(path, frameworks);
  for (const w of r.warnings) progress(formatIssue(w, "warning"));
  return r.assessment ?? refuse(r.errors);
}

/** Reads and validates a report file (as it is, without upgrading it): its issues with positions. */
export function checkReportFile(path: string): readonly FileIssue[] {
  let file: JsonFile;
  try {
    file = readJsonFile(path);
  } catch (e) {
    if (!(e instanceof AssessmentError)) throw e;
    return issuesOfFile(e, path);
  }
  const r = safeParseReport(file.value);
  return r.success ? [] : locateIssues(file, r.issues);
}

/** Reads a report file of any supported format version, upgraded and validated. */
export function readReportFile(path: string): Report {
  const file = readJsonFile(path);
  try {
    return parseReport(migrateReport(file.value));
  } catch (e) {
    if (e instanceof AssessmentError) refuse(locateIssues(file, e.issues));
    throw e;
  }
}

/** Writes text to a file, or to stdout when `out` is undefined or "-". */
export function writeOutput(text: string, out: string | undefined): void {
  if (out === undefined || out === "-")
    process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  else {
    try {
      writeFileSync(out, text);
    } catch (e) {
      // a missing folder or a read-only path in --out is a usage error, not an internal one
      throw new UsageError(`cannot write ${out}: ${(e as Error).message}`);
    }
  }
}

/**
 * One issue on one line: `file:line:column: code at path: message` when the file and the position
 * are known (`file: code at path: message` with the file only), `warning ` before a warning's code.
 */
export function formatIssue(
  issue: Issue | FileIssue,
  severity: "error" | "warning" = "error",
): string {
  const f = issue as Partial<FileIssue>;
  const where =
    f.file === undefined
      ? ""
      : f.line === undefined
        ? `${f.file}: `
        : `${f.file}:${f.line}:${f.column ?? 1}: `;
  return `${where}${severity === "warning" ? "warning " : ""}${issue.code} at ${formatPath(issue.path)}: ${issue.message}`;
}

/** The issues, one indented line each (see {@link formatIssue}). */
export function formatIssues(
  issues: readonly (Issue | FileIssue)[],
  severity: "error" | "warning" = "error",
): string {
  return issues.map((i) => `  ${formatIssue(i, severity)}`).join("\n");
}

/** Today's calendar date in the local time zone, `YYYY-MM-DD`: the only clock the CLI reads. */
export function today(now: Date = new Date()): string {
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${p(now.getFullYear(), 4)}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** A plain-text table with aligned columns (numbers right-aligned when `right` lists them). */
export function formatTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  right: readonly number[] = [],
): string {
  const widths = head.map((h, i) =>
    Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? "")].length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => {
        const w = widths[i] as number;
        const pad = " ".repeat(Math.max(0, w - [...c].length));
        return right.includes(i) ? pad + c : c + pad;
      })
      .join("  ")
      .trimEnd();
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** Writes a progress line to stderr, only when stderr is a terminal. */
export function progress(message: string): void {
  if (process.stderr.isTTY) process.stderr.write(`icc-assess: ${message}\n`);
}

/** Parses a whole number option, or throws a usage error naming it. */
export function wholeOption(
  value: string | undefined,
  name: string,
  range: [number, number],
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < range[0] || n > range[1]) {
    throw new UsageError(
      `--${name} must be a whole number from ${range[0]} to ${range[1]}, got ${value}`,
    );
  }
  return n;
}

/** Checks a choice option, or throws a usage error listing the choices. */
export function choiceOption<T extends string>(
  value: string | undefined,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${choices.join(", ")}, got ${value}`);
  }
  return value as T;
}
