import {
  closeSync,
  fstatSync,
  fsyncSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { AssessmentError, formatPath, type Issue } from "../errors/AssessmentError.js";
import { builtinFrameworks } from "../frameworks/builtinFrameworks.js";
import { migrateReport } from "../report/migrateReport.js";
import type { Assessment } from "../schema/assessment.js";
import { safeDefineFramework } from "../schema/defineFramework.js";
import type { MaturityFramework } from "../schema/framework.js";
import { safeParseAssessment } from "../schema/parseAssessment.js";
import { parseJson } from "../schema/parseJson.js";
import { safeParseReport } from "../schema/parseReport.js";
import type { Report } from "../schema/report.js";
import { locatePaths, syntaxErrorAt } from "./locate.js";

/** Exit codes of `icc-assess`. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** A mistake in how the command was called: printed with usage help, exit 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** The output could not be written (a missing folder, a full disk): one line, exit 2, no help. */
export class OutputError extends UsageError {
  override name = "OutputError";
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

/** The files this run has read (their real paths): `--out` may not name one of them. */
const inputs = new Set<string>();

/** Forgets the inputs of an earlier run (the CLI can run several times in one process, as in tests). */
export function resetInputs(): void {
  inputs.clear();
}

function inputError(code: "invalid_document" | "too_large", message: string): AssessmentError {
  return new AssessmentError([{ code, path: [], message }]);
}

const CHUNK = 1024 * 1024;

/**
 * Reads a file's text within the size limit: only a regular file is read (a device, a pipe or a
 * socket has no size to check and may never end, so it is refused before it is opened), and the
 * bytes are read in chunks up to the limit, so a file that grows while it is read stops at the
 * limit too. The text must be UTF-8; a byte-order mark is dropped. Every failure is an input error
 * (exit 1).
 */
export function readText(path: string): string {
  let fd: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) {
      throw inputError(
        "invalid_document",
        st.isDirectory()
          ? `cannot read file ${path}: it is a folder`
          : `cannot read file ${path}: it is not a regular file (a device, a pipe or a socket); save the data to a file first`,
      );
    }
    if (st.size > MAX_FILE_BYTES) {
      throw inputError(
        "too_large",
        `file ${path} is ${st.size} bytes, more than the limit of ${MAX_FILE_BYTES}`,
      );
    }
    fd = openSync(path, "r");
  } catch (e) {
    if (e instanceof AssessmentError) throw e;
    // missing, or not readable by this user: an input error, not an internal one
    throw inputError("invalid_document", `cannot read file ${path}`);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    if (!fstatSync(fd).isFile()) throw inputError("invalid_document", `cannot read file ${path}`);
    for (;;) {
      const buf = Buffer.allocUnsafe(CHUNK);
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      total += n;
      if (total > MAX_FILE_BYTES) {
        throw inputError(
          "too_large",
          `file ${path} is more than the limit of ${MAX_FILE_BYTES} bytes`,
        );
      }
      chunks.push(n === CHUNK ? buf : buf.subarray(0, n));
    }
  } catch (e) {
    if (e instanceof AssessmentError) throw e;
    throw inputError("invalid_document", `cannot read file ${path}`);
  } finally {
    closeSync(fd);
  }
  try {
    inputs.add(realpathSync(path));
  } catch {
    inputs.add(resolve(path));
  }
  const bytes = Buffer.concat(chunks, total);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw inputError(
      "invalid_document",
      `file ${path} is not UTF-8 text: invalid byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, "0")} at byte offset ${at}; save it as UTF-8`,
    );
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The offset of the first byte that does not begin or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  // bisect on prefixes: a prefix that decodes is valid, up to a sequence cut at its end
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 4) {
    const mid = (lo + hi) >>> 1;
    try {
      decoder.decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  for (let k = lo; k < hi; k++) {
    try {
      decoder.decode(bytes.subarray(0, k + 1), { stream: true });
    } catch {
      // a sequence cut short fails at the byte after it: point at its lead byte instead
      for (let j = k - 1; j >= Math.max(0, k - 3); j--) {
        const b = bytes[j] as number;
        if (b >= 0xc0) return j;
        if (b < 0x80) break;
      }
      return k;
    }
  }
  return lo;
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

/**
 * Whether a document is plainly an assessment rather than a report: an object without a report's
 * `kind`, `provenance` or `sections`, with an assessment's required `stakeholders` and
 * `solutions`. Designed by this project, so that a report reader given an assessment says so in
 * one line instead of listing every field that differs.
 */
function looksLikeAssessment(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const has = (k: string) => Object.hasOwn(value, k);
  return (
    !has("kind") &&
    !has("provenance") &&
    !has("sections") &&
    Array.isArray((value as Record<string, unknown>)["stakeholders"]) &&
    Array.isArray((value as Record<string, unknown>)["solutions"])
  );
}

/** Whether a document says it is a report (`kind: "icc-assessment-report"`). */
function looksLikeReport(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as Record<string, unknown>)["kind"] === "icc-assessment-report"
  );
}

/** The one issue of an assessment given where a report is read. */
function assessmentNotReport(path: string, command: string | undefined): FileIssue {
  return {
    code: "invalid_document",
    path: [],
    message: `${path} is an assessment, not a report: run \`icc-assess report ${path} --out report.json\` first, then ${command === "compare" ? "compare the reports" : command === undefined ? "use the report it writes" : `${command} the report`}`,
    file: path,
  };
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
  if (looksLikeReport(file.value)) {
    return {
      assessment: undefined,
      errors: [
        {
          code: "invalid_document",
          path: [],
          message: `${path} is a report, not an assessment: this command reads an assessment; check a report with \`icc-assess validate --kind report ${path}\``,
          file: path,
        },
      ],
      warnings: [],
    };
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

/** What {@link checkReportFile} found. */
export interface ReportFileCheck {
  readonly errors: readonly FileIssue[];
  readonly warnings: readonly FileIssue[];
}

/**
 * Reads and validates a report file (as it is, without upgrading it): its errors and warnings
 * (such as the fields of a later minor version dropped) with positions.
 */
export function checkReportFile(path: string): ReportFileCheck {
  let file: JsonFile;
  try {
    file = readJsonFile(path);
  } catch (e) {
    if (!(e instanceof AssessmentError)) throw e;
    return { errors: issuesOfFile(e, path), warnings: [] };
  }
  if (looksLikeAssessment(file.value)) {
    return { errors: [assessmentNotReport(path, "validate")], warnings: [] };
  }
  const r = safeParseReport(file.value);
  const errors = r.success ? [] : r.issues;
  const located = locateIssues(file, [...errors, ...r.warnings]);
  return { errors: located.slice(0, errors.length), warnings: located.slice(errors.length) };
}

/**
 * Reads a report file of any supported format version, upgraded and validated; its warnings
 * (fields of a later minor version, dropped) are shown on a terminal's stderr. An assessment
 * given instead is refused with one issue that says so.
 */
export function readReportFile(path: string, command?: string): Report {
  const file = readJsonFile(path);
  if (looksLikeAssessment(file.value)) refuse([assessmentNotReport(path, command)]);
  let migrated: unknown;
  try {
    migrated = migrateReport(file.value);
  } catch (e) {
    if (e instanceof AssessmentError) refuse(locateIssues(file, e.issues));
    throw e;
  }
  const r = safeParseReport(migrated);
  if (!r.success) refuse(locateIssues(file, r.issues));
  for (const w of locateIssues(file, r.warnings)) progress(formatIssue(w, "warning"));
  return r.data;
}

/** The one-line reason for a failed write, by its system error code. */
function writeFailure(out: string, e: unknown): string {
  const code = (e as { code?: unknown }).code;
  if (code === "ENOSPC")
    return `cannot write ${out}: no space left on the device; the previous file, if any, is unchanged`;
  if (code === "EDQUOT")
    return `cannot write ${out}: disk quota exceeded; the previous file, if any, is unchanged`;
  return `cannot write ${out}: ${(e as Error).message}`;
}

/**
 * Writes text to a file, or to stdout when `out` is undefined or "-". A file is written whole or
 * not at all: the text goes to a temporary file in the same folder, is flushed to disk, and is then
 * renamed over `out` (an atomic replacement on POSIX file systems), so a full disk or a concurrent
 * run never leaves a truncated or mixed file, and a failed write leaves the previous file as it was.
 * `--out` naming a file this run read is a usage error (the input would be overwritten).
 */
export function writeOutput(text: string, out: string | undefined): void {
  if (out === undefined || out === "-") {
    process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
    return;
  }
  let target = resolve(out);
  try {
    target = realpathSync(out);
  } catch {
    // a new file: its resolved path
  }
  if (inputs.has(target)) {
    throw new UsageError(
      `--out ${out} is an input of this command: write the output to another file`,
    );
  }
  const tmp = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`,
  );
  let fd: number | undefined;
  try {
    fd = openSync(tmp, "wx", 0o644);
    const data = Buffer.from(text, "utf8");
    for (let off = 0; off < data.length;) off += writeSync(fd, data, off, data.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target);
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already failing: the write's error is the one to report
      }
    }
    try {
      unlinkSync(tmp);
    } catch {
      // the temporary file was never made, or is gone
    }
    // a missing folder, a read-only path or a full disk in --out: the user's to fix, not internal
    throw new OutputError(writeFailure(out, e));
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
