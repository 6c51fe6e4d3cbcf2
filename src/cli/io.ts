import { readFileSync, statSync, writeFileSync } from "node:fs";
import { AssessmentError, formatPath, type Issue } from "../errors/AssessmentError.js";
import { parseJson } from "../schema/parseJson.js";

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
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new AssessmentError([
      { code: "invalid_document", path: [], message: `cannot read file ${path}` },
    ]);
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
  return parseJson(readFileSync(path, "utf8"), { maxLength: MAX_FILE_BYTES });
}

/** Writes text to a file, or to stdout when `out` is undefined or "-". */
export function writeOutput(text: string, out: string | undefined): void {
  if (out === undefined || out === "-")
    process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  else writeFileSync(out, text);
}

/** One line per issue: `code at path: message`. */
export function formatIssues(issues: readonly Issue[]): string {
  return issues.map((i) => `  ${i.code} at ${formatPath(i.path)}: ${i.message}`).join("\n");
}
