import { parseArgs } from "node:util";
import { AssessmentError } from "../../errors/AssessmentError.js";
import { frameworkOf } from "../../_lib/frameworkOf.js";
import { createNumberFormatter } from "../../_lib/numbers.js";
import { scoreMaturity } from "../../maturity/scoreMaturity.js";
import type { MaturityFramework } from "../../schema/framework.js";
import {
  formatTable,
  frameworkHelp,
  frameworkOption,
  readAssessmentFile,
  readFrameworks,
  UsageError,
  writeOutput,
} from "../io.js";

export const scoreHelp = `Usage: icc-assess score <assessment.json> [--unit id] [--framework file]... [--json]
                       [--out file]

Scores the maturity answers of an assessment with its framework (embedded in the assessment,
given with --framework, or built in): each dimension's score, level and coverage, and the overall
score and level; a unit with too little answered is "not assessed", with the reason.

Options:
  --unit <id>         only this unit, one of those the answers are for (default: every one)
${frameworkHelp}
  --json              print the full result (every indicator, the explain trace, the method)
                      as JSON
  --out <file>        write to a file instead of stdout
  -h, --help          show this help`;

// the report's number formatter (en-GB), so a score rounds here as in the report
const format = createNumberFormatter("en-GB", "n/a");
const num = (x: number | null) => format.number(x, 1);

/** `icc-assess score`. */
export function score(argv: readonly string[]): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      unit: { type: "string" },
      ...frameworkOption,
      json: { type: "boolean", default: false },
      out: { type: "string" },
    },
  });
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) {
    throw new UsageError("score needs exactly one assessment file");
  }
  const frameworks = readFrameworks(values.framework);
  const a = readAssessmentFile(file, frameworks);
  const input = a.maturity;
  if (input === undefined) {
    throw new AssessmentError([
      {
        code: "missing_field",
        path: ["maturity"],
        message: `${file} has no maturity section to score`,
      },
    ]);
  }
  // the assessment was validated against these frameworks, so its reference resolves, the
  // embedded frameworks first as the validator looks them up
  const framework = frameworkOf(a, frameworks) as MaturityFramework;
  let units: string[] | undefined;
  if (values.unit !== undefined) {
    // the units the answers are for, in the order they first appear
    const known = [...new Set(input.observations.map((o) => o.unit))];
    if (!known.includes(values.unit)) {
      throw new UsageError(
        known.length === 0
          ? `--unit ${values.unit}: ${file} has no maturity answers, so no unit to choose`
          : `--unit must be one of the units ${file} answers for: ${known.join(", ")}, got ${values.unit}`,
      );
    }
    units = [values.unit];
  }
  const result = scoreMaturity(framework, input.observations, units === undefined ? {} : { units });
  if (values.json) {
    writeOutput(`${JSON.stringify(result, null, 2)}\n`, values.out);
    return 0;
  }
  const parts = [
    `${result.framework.title} (${result.framework.id} ${result.framework.version}, ${result.framework.provenance}), scale ${result.scale.min}–${result.scale.max}`,
  ];
  for (const u of result.units) {
    parts.push(
      "",
      // no overall score (too little answered) is "not assessed", never a level
      u.overall.score === null
        ? `${u.unit}: not assessed${u.overall.reason ? ` — ${u.overall.reason}` : ""}`
        : `${u.unit}: ${num(u.overall.score)} (${u.overall.level?.title ?? "no level"})${u.overall.reason ? ` — ${u.overall.reason}` : ""}`,
      formatTable(
        ["dimension", "score", "level", "coverage"],
        u.dimensions.map((d) => [
          d.parent === null ? d.title : `  ${d.title}`,
          num(d.score),
          d.level?.title ?? "n/a",
          format.percent(d.coverage),
        ]),
        [1, 3],
      ),
    );
  }
  writeOutput(`${parts.join("\n")}\n`, values.out);
  return 0;
}
