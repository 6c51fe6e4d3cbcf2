import { parseArgs } from "node:util";
import { compareReports } from "../../report/compareReports.js";
import { renderComparisonHtml } from "../../report/renderComparisonHtml.js";
import { renderComparisonMarkdown } from "../../report/renderComparisonMarkdown.js";
import { reportLanguages } from "../../schema/vocabularies.js";
import { choiceOption, readReportFile, UsageError, writeOutput } from "../io.js";

export const compareHelp = `Usage: icc-assess compare <report.json> <report.json>... [--format md|html|json]
                         [--lang ${reportLanguages.join("|")}] [--out file] [--json]

Compares reports side by side — several cities, or one city at two dates — on the same
maturity framework: maturity by dimension, rank changes, shared solution themes, budgets.
Reports of earlier format versions are upgraded first; fields of a later minor version (1.1)
are dropped with a warning, a later major (2.0) is refused. Reports on different frameworks or
framework major versions are refused (exit 1), and so is an assessment given instead of a report
(make its report first with icc-assess report).

Options:
  --format <f>  md (default), html or json
  --lang <l>    en (default) or bg
  --out <file>  write to a file instead of stdout
  --json        the same as --format json
  -h, --help    show this help`;

const formats = ["md", "html", "json"] as const;

/** `icc-assess compare`. */
export function compare(argv: readonly string[]): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      format: { type: "string" },
      lang: { type: "string" },
      out: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  if (positionals.length < 2) throw new UsageError("compare needs at least two report files");
  const format = choiceOption(values.format, "format", formats, values.json ? "json" : "md");
  if (values.json && format !== "json") {
    throw new UsageError(`--json asks for JSON, but --format is ${format}`);
  }
  const lang = choiceOption(values.lang, "lang", reportLanguages, "en");
  const comparison = compareReports(positionals.map((f) => readReportFile(f, "compare")));
  const text =
    format === "json"
      ? `${JSON.stringify(comparison, null, 2)}\n`
      : format === "md"
        ? renderComparisonMarkdown(comparison, { lang })
        : renderComparisonHtml(comparison, { lang });
  writeOutput(text, values.out);
  return 0;
}
