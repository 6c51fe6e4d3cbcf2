import { readFileSync, statSync, writeFileSync } from "node:fs";
import { AssessmentError, formatPath, type Issue } from "../errors/AssessmentError.js";
import { builtinFrameworks } from "../frameworks/builtinFrameworks.js";
import { migrateReport } from "../report/migrateReport.js";
import type { Assessment } from "../schema/assessment.js";
import { parseAssessment } from "../schema/parseAssessment.js";
import { parseJson } from "../schema/parseJson.js";
import { parseReport } from "../schema/parseReport.js";
import type { Report } from "../schema/report.js";

/** Exit codes of `icc-assess`. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** A mistake in how the command was called: printed with usage help, exit 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Largest input file read, in bytes. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

/** Reads and parses a JSON file; every failure is an AssessmentError (exit 1) with a path. */
export function readJsonFile(path: string): unknown {
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
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    // a directory, or a file this user may not read: an input error, not an internal one
    throw unreadable();
  }
  return parseJson(text, { maxLength: MAX_FILE_BYTES });
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

/** One line per issue: `code at path: message`. */
export function formatIssues(issues: readonly Issue[]): string {
  return issues.map((i) => `  ${i.code} at ${formatPath(i.path)}: ${i.message}`).join("\n");
}

/** Reads and validates an assessment file against the built-in frameworks (exit 1 on any issue). */
export function readAssessmentFile(path: string): Assessment {
  return parseAssessment(readJsonFile(path), { frameworks: builtinFrameworks });
}

/** Reads a report file of any supported format version, upgraded and validated. */
export function readReportFile(path: string): Report {
  const doc = readJsonFile(path);
  try {
    return parseReport(migrateReport(doc));
  } catch (e) {
    if (e instanceof AssessmentError) {
      throw new AssessmentError(
        e.issues.map((i) => ({ ...i, message: `${path}: ${i.message}` })),
        e.code,
      );
    }
    throw e;
  }
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
