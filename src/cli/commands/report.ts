import { parseArgs } from "node:util";
import { AssessmentError } from "../../errors/AssessmentError.js";
import { createReport } from "../../report/createReport.js";
import { renderHtml } from "../../report/renderHtml.js";
import { renderMarkdown } from "../../report/renderMarkdown.js";
import { serialiseReport } from "../../report/serialiseReport.js";
import { reportLanguages } from "../../schema/vocabularies.js";
import {
  choiceOption,
  frameworkHelp,
  frameworkOption,
  progress,
  readAssessmentFile,
  readFrameworks,
  today,
  UsageError,
  wholeOption,
  writeOutput,
} from "../io.js";

export const reportHelp = `Usage: icc-assess report <assessment.json> [--format json|md|html] [--lang en|bg]
                        [--out file] [--generated-at date] [--draws n] [--seed n]
                        [--framework file]... [--json]

Runs every stage on an assessment and writes the versioned report: canonical JSON (the same
input always gives byte-identical JSON), Markdown, or one self-contained HTML file with charts.

Options:
  --format <f>        json (default), md or html
  --lang <l>          en (default) or bg, for md and html
  --out <file>        write to a file instead of stdout
  --generated-at <d>  the report's generatedAt (YYYY-MM-DD or an ISO date-time);
                      default: today's date from this computer's clock
  --draws <n>         rank-stability draws (default 1000; 0 skips the analysis)
  --seed <n>          seed of the rank-stability draws (default 20210208)
${frameworkHelp}
  --json              the same as --format json
  -h, --help          show this help`;

const formats = ["json", "md", "html"] as const;

/** `icc-assess report`. */
export function report(argv: readonly string[]): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      format: { type: "string" },
      lang: { type: "string" },
      out: { type: "string" },
      "generated-at": { type: "string" },
      draws: { type: "string" },
      seed: { type: "string" },
      ...frameworkOption,
      json: { type: "boolean", default: false },
    },
  });
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) {
    throw new UsageError("report needs exactly one assessment file");
  }
  const format = choiceOption(values.format, "format", formats, "json");
  if (values.json && format !== "json") {
    throw new UsageError(`--json asks for JSON, but --format is ${format}`);
  }
  const lang = choiceOption(values.lang, "lang", reportLanguages, "en");
  const draws = wholeOption(values.draws, "draws", [0, 100_000]);
  const seed = wholeOption(values.seed, "seed", [0, 0xffffffff]);
  const frameworks = readFrameworks(values.framework);
  const assessment = readAssessmentFile(file, frameworks);
  const stability =
    draws === 0
      ? false
      : { ...(draws !== undefined ? { draws } : {}), ...(seed !== undefined ? { seed } : {}) };
  progress(
    `computing the report of ${file}${stability === false ? "" : ` with ${draws ?? 1000} rank-stability draws`}…`,
  );
  const started = performance.now();
  let result;
  try {
    result = createReport(assessment, {
      generatedAt: values["generated-at"] ?? today(),
      frameworks,
      stability,
    });
  } catch (e) {
    // a bad --generated-at is a usage error, not invalid input
    if (e instanceof AssessmentError && e.issues[0]?.path[1] === "generatedAt") {
      throw new UsageError(
        `--generated-at must be a date YYYY-MM-DD or an ISO date-time, got ${values["generated-at"]}`,
      );
    }
    throw e;
  }
  progress(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const text =
    format === "json"
      ? serialiseReport(result)
      : format === "md"
        ? renderMarkdown(result, { lang })
        : renderHtml(result, { lang });
  writeOutput(text, values.out);
  return 0;
}
