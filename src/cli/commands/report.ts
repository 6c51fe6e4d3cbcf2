import { parseArgs } from "node:util";
import { AssessmentError } from "../../errors/AssessmentError.js";
import { DEFAULT_DRAWS, MAX_DRAWS } from "../../prioritisation/rankStability.js";
import { createReport } from "../../report/createReport.js";
import { renderHtml } from "../../report/renderHtml.js";
import { renderMarkdown } from "../../report/renderMarkdown.js";
import { serialiseReport } from "../../report/serialiseReport.js";
import { reportLanguages } from "../../schema/vocabularies.js";
import { reportPaths } from "./benchmark.js";
import {
  choiceOption,
  frameworkHelp,
  frameworkOption,
  progress,
  readAssessmentFile,
  readFrameworks,
  readReportFile,
  today,
  UsageError,
  wholeOption,
  writeOutput,
} from "../io.js";

export const reportHelp = `Usage: icc-assess report <assessment.json> [--format json|md|html] [--lang ${reportLanguages.join("|")}]
                        [--out file] [--generated-at date] [--draws n] [--seed n]
                        [--framework file]... [--peers path]... [--peer-group g]
                        [--peers-note text] [--recommendations n] [--json]

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
  --peers <path>      a peer report, or a folder standing for every *.json file in it
                      (repeat for more): adds the section "How we compare", which records
                      each peer report used; a peer file that is not a valid report is
                      refused (exit 1)
  --peer-group <g>    with --peers: all (default), population (the city's population
                      band) or country
  --peers-note <text> with --peers: a note shown with the section, such as that the peers
                      are synthetic
  --recommendations <n>  at most n answers in "What would raise our maturity" (default 10;
                      0 leaves the section out)
${frameworkHelp}
  --json              the same as --format json
  -h, --help          show this help`;

const formats = ["json", "md", "html"] as const;
const peerGroups = ["all", "population", "country"] as const;

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
      peers: { type: "string", multiple: true },
      "peer-group": { type: "string" },
      "peers-note": { type: "string" },
      recommendations: { type: "string" },
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
  const draws = wholeOption(values.draws, "draws", [0, MAX_DRAWS]);
  const seed = wholeOption(values.seed, "seed", [0, 0xffffffff]);
  const limit = wholeOption(values.recommendations, "recommendations", [0, 10_000]);
  const peerGroup = choiceOption(values["peer-group"], "peer-group", peerGroups, "all");
  if (values.peers === undefined && (values["peer-group"] ?? values["peers-note"]) !== undefined) {
    throw new UsageError("--peer-group and --peers-note need --peers");
  }
  const peerFiles = values.peers?.flatMap(reportPaths);
  if (peerFiles !== undefined && peerFiles.length === 0) {
    throw new UsageError(`no peer report: ${values.peers?.join(", ")} has no *.json file`);
  }
  const frameworks = readFrameworks(values.framework);
  const assessment = readAssessmentFile(file, frameworks);
  const peers = peerFiles?.map((f) => readReportFile(f, "report"));
  const stability =
    draws === 0
      ? false
      : { ...(draws !== undefined ? { draws } : {}), ...(seed !== undefined ? { seed } : {}) };
  progress(
    `computing the report of ${file}${stability === false ? "" : ` with ${draws ?? DEFAULT_DRAWS} rank-stability draws`}…`,
  );
  const started = performance.now();
  let result;
  try {
    result = createReport(assessment, {
      generatedAt: values["generated-at"] ?? today(),
      frameworks,
      stability,
      ...(limit === undefined ? {} : { recommendations: limit === 0 ? false : { limit } }),
      ...(peers === undefined
        ? {}
        : {
            peers,
            benchmark: {
              peerGroup: { by: peerGroup },
              ...(values["peers-note"] === undefined ? {} : { note: values["peers-note"] }),
            },
          }),
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
