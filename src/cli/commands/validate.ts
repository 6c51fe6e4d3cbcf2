import { parseArgs } from "node:util";
import { AssessmentError, type Issue } from "../../errors/AssessmentError.js";
import { safeParseAssessment } from "../../schema/parseAssessment.js";
import { safeParseReport } from "../../schema/parseReport.js";
import { EXIT, formatIssues, readJsonFile, UsageError } from "../io.js";

export const validateHelp = `Usage: icc-assess validate <file.json> [--kind assessment|report] [--json]

Validates an assessment (default) or a report against the icc-assessment format.
Exit 0 when valid, 1 when not (every issue printed with its JSON path), 2 on a usage error.

Options:
  --kind <kind>  assessment (default) or report
  --json         print { file, valid, issues } as JSON on stdout
  -h, --help     show this help`;

/** `icc-assess validate`. */
export function validate(argv: readonly string[]): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      kind: { type: "string", default: "assessment" },
      json: { type: "boolean", default: false },
    },
  });
  const file = positionals[0];
  if (file === undefined || positionals.length > 1)
    throw new UsageError("validate needs exactly one file");
  if (values.kind !== "assessment" && values.kind !== "report") {
    throw new UsageError(`--kind must be assessment or report, got ${values.kind}`);
  }
  let issues: readonly Issue[] = [];
  try {
    const input = readJsonFile(file);
    const r = values.kind === "report" ? safeParseReport(input) : safeParseAssessment(input);
    if (!r.success) issues = r.issues;
  } catch (e) {
    if (!(e instanceof AssessmentError)) throw e;
    issues = e.issues;
  }
  const valid = issues.length === 0;
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ file, valid, issues }, null, 2)}\n`);
  } else if (valid) {
    process.stdout.write(`${file}: valid ${values.kind}\n`);
  } else {
    process.stderr.write(
      `${file}: ${issues.length} issue${issues.length === 1 ? "" : "s"}\n${formatIssues(issues)}\n`,
    );
  }
  return valid ? EXIT.ok : EXIT.invalid;
}
