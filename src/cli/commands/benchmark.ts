import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { benchmarkCities, type PeerGroup } from "../../benchmark/benchmarkCities.js";
import { renderBenchmarkHtml } from "../../benchmark/renderBenchmarkHtml.js";
import { renderBenchmarkMarkdown } from "../../benchmark/renderBenchmarkMarkdown.js";
import { reportLanguages } from "../../schema/vocabularies.js";
import { choiceOption, readReportFile, UsageError, wholeOption, writeOutput } from "../io.js";

export const benchmarkHelp = `Usage: icc-assess benchmark <city.report.json> <peer report.json | folder>...
                           [--peer-group all|population|country] [--period-months n]
                           [--min-coverage percent] [--format md|html|json] [--lang ${reportLanguages.join("|")}]
                           [--out file] [--json]

Benchmarks a city's report among peer reports on the same maturity framework: per dimension and
overall, the city's rank and percentile, the peers' quartiles, median and best, and the distance
to each. A folder stands for every *.json file in it (not its subfolders). Reports of earlier
format versions are upgraded first. A peer file that is not a valid report is refused (exit 1)
rather than skipped, so a benchmark never leaves a peer out silently. Peers on another framework
or major version are left out and listed; another minor version, another period or low answer
coverage are kept and flagged (docs/methodology/benchmarking.md).

Options:
  --peer-group <g>      all (default), population (the city's population band) or country
  --period-months <n>   months either side of the city's date that count as the same period
                        (default 12)
  --min-coverage <p>    overall answer coverage, in percent, below which a peer is flagged
                        (default 80)
  --format <f>          md (default), html or json
  --lang <l>            en (default) or bg, for md and html
  --out <file>          write to a file instead of stdout
  --json                the same as --format json
  -h, --help            show this help`;

const formats = ["md", "html", "json"] as const;
const groups = ["all", "population", "country"] as const;

/**
 * The report files a command argument stands for: the file itself, or every `*.json` file of a
 * folder (not its subfolders), sorted by name. A path that does not exist is left to the reader,
 * which reports it as invalid input.
 */
export function reportPaths(arg: string): string[] {
  let isDir: boolean;
  try {
    isDir = statSync(arg).isDirectory();
  } catch {
    return [arg];
  }
  if (!isDir) return [arg];
  const names = readdirSync(arg)
    .filter((n) => n.toLowerCase().endsWith(".json"))
    .sort(); // by UTF-16 code units, the same on every host
  return names.map((n) => join(arg, n)).filter((p) => statSync(p).isFile());
}

/** `icc-assess benchmark`. */
export function benchmark(argv: readonly string[]): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      "peer-group": { type: "string" },
      "period-months": { type: "string" },
      "min-coverage": { type: "string" },
      format: { type: "string" },
      lang: { type: "string" },
      out: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  const [cityFile, ...peerArgs] = positionals;
  if (cityFile === undefined || peerArgs.length === 0) {
    throw new UsageError(
      "benchmark needs the city's report and at least one peer report or folder",
    );
  }
  const format = choiceOption(values.format, "format", formats, values.json ? "json" : "md");
  if (values.json && format !== "json") {
    throw new UsageError(`--json asks for JSON, but --format is ${format}`);
  }
  const lang = choiceOption(values.lang, "lang", reportLanguages, "en");
  const by = choiceOption(values["peer-group"], "peer-group", groups, "all");
  const periodMonths = wholeOption(values["period-months"], "period-months", [0, 1200]);
  const minCoverage = wholeOption(values["min-coverage"], "min-coverage", [0, 100]);
  const peerFiles = peerArgs.flatMap(reportPaths);
  if (peerFiles.length === 0) {
    throw new UsageError(`no peer report: the folder ${peerArgs.join(", ")} has no *.json file`);
  }
  const city = readReportFile(cityFile);
  const peers = peerFiles.map((f) => readReportFile(f));
  const peerGroup: PeerGroup = { by };
  const result = benchmarkCities(city, peers, {
    peerGroup,
    ...(periodMonths !== undefined ? { periodMonths } : {}),
    ...(minCoverage !== undefined ? { minCoverage: minCoverage / 100 } : {}),
  });
  const text =
    format === "json"
      ? `${JSON.stringify({ files: { city: cityFile, peers: peerFiles }, ...result }, null, 2)}\n`
      : format === "md"
        ? renderBenchmarkMarkdown(result, { lang })
        : renderBenchmarkHtml(result, { lang });
  writeOutput(text, values.out);
  return 0;
}
