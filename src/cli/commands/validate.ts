import { parseArgs } from "node:util";
import { AssessmentError } from "../../errors/AssessmentError.js";
import {
  checkAssessmentFile,
  checkReportFile,
  EXIT,
  formatIssues,
  frameworkHelp,
  frameworkOption,
  issuesOf,
  readFrameworks,
  UsageError,
  type FileIssue,
} from "../io.js";

export const validateHelp = `Usage: icc-assess validate <file.json> [--kind assessment|report] [--framework file]...
                          [--strict] [--json]

Validates an assessment (default) or a report against the icc-assessment format and prints every
error and every warning, each as file:line:column: code at path: message (the line and column of
the value the path names; of the enclosing value for a missing field). A warning is legal but
probably wrong. Exit 0 when there is no error (warnings are printed), 1 when there is one (or a
warning, with --strict), 2 on a usage error.

Options:
  --kind <kind>       assessment (default) or report
${frameworkHelp}
  --strict            refuse warnings too (exit 1)
  --json              print { file, valid, errors, warnings } as JSON on stdout, each issue with
                      its code, path, message, file, and line and column when known; valid is
                      false exactly when the exit code is 1
  -h, --help          show this help`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The issue as JSON: its code, path, message, file, and line and column when known. */
const json = (i: FileIssue) => ({
  code: i.code,
  path: i.path,
  message: i.message,
  file: i.file,
  ...(i.line !== undefined ? { line: i.line, column: i.column } : {}),
});

/** The issues of an assessment file, or of a `--framework` file that cannot be used. */
function checkAssessment(
  file: string,
  frameworkFiles: readonly string[] | undefined,
): { errors: readonly FileIssue[]; warnings: readonly FileIssue[] } {
  let frameworks;
  try {
    frameworks = readFrameworks(frameworkFiles);
  } catch (e) {
    if (!(e instanceof AssessmentError)) throw e;
    // readFrameworks names the framework file in each issue
    return { errors: issuesOf(e) as readonly FileIssue[], warnings: [] };
  }
  return checkAssessmentFile(file, frameworks);
}

/** `icc-assess validate`. */
export function validate(argv: readonly string[]): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      kind: { type: "string", default: "assessment" },
      ...frameworkOption,
      strict: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
  });
  const file = positionals[0];
  if (file === undefined || positionals.length > 1)
    throw new UsageError("validate needs exactly one file");
  if (values.kind !== "assessment" && values.kind !== "report") {
    throw new UsageError(`--kind must be assessment or report, got ${values.kind}`);
  }
  if (values.kind === "report" && values.framework !== undefined) {
    throw new UsageError("--framework applies to assessments: a report carries its results");
  }
  const { errors, warnings } =
    values.kind === "report" ? checkReportFile(file) : checkAssessment(file, values.framework);
  const valid = errors.length === 0 && (warnings.length === 0 || !values.strict);
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({ file, valid, errors: errors.map(json), warnings: warnings.map(json) }, null, 2)}\n`,
    );
    return valid ? EXIT.ok : EXIT.invalid;
  }
  const lines = [
    ...(errors.length > 0 ? [formatIssues(errors)] : []),
    ...(warnings.length > 0 ? [formatIssues(warnings, "warning")] : []),
  ];
  if (errors.length > 0) {
    const counts = [
      plural(errors.length, "error"),
      ...(warnings.length > 0 ? [plural(warnings.length, "warning")] : []),
    ];
    process.stderr.write(`${file}: ${counts.join(", ")}\n${lines.join("\n")}\n`);
  } else if (!valid) {
    process.stderr.write(
      `${file}: ${plural(warnings.length, "warning")}, refused by --strict\n${lines.join("\n")}\n`,
    );
  } else {
    process.stdout.write(
      `${file}: valid ${values.kind}${warnings.length > 0 ? `, ${plural(warnings.length, "warning")}` : ""}\n`,
    );
    if (lines.length > 0) process.stderr.write(`${lines.join("\n")}\n`);
  }
  return valid ? EXIT.ok : EXIT.invalid;
}
