import { parseArgs } from "node:util";
import {
  prioritisationMethods,
  type PrioritisationMethod,
} from "../../prioritisation/prioritisationRegistry.js";
import { prioritiseAssessment } from "../../prioritisation/prioritiseAssessment.js";
import { DEFAULT_DRAWS, DEFAULT_SEED, MAX_DRAWS } from "../../prioritisation/rankStability.js";
import { indexAssessment } from "../../_lib/assessmentIndex.js";
import {
  choiceOption,
  formatTable,
  frameworkHelp,
  frameworkOption,
  progress,
  readAssessmentFile,
  readFrameworks,
  UsageError,
  wholeOption,
  writeOutput,
} from "../io.js";

export const prioritiseHelp = `Usage: icc-assess prioritise <assessment.json> [--method m]... [--draws n] [--seed n]
                            [--framework file]... [--json] [--out file]

Ranks the solutions of an assessment by its criteria and scores (and ballots), with each
method's ranking side by side and the rank stability under perturbed criteria weights.

Options:
  --method <m>        ${prioritisationMethods.join(", ")}; repeat for several, the first
                      gives the ranking (default: the methods that apply to the assessment, as
                      in its report: weightedSum and topsis always, votes with ranked ballots,
                      ahp with criteria judgements)
  --draws <n>         rank-stability draws, 0 to ${MAX_DRAWS} (default ${DEFAULT_DRAWS}; 0 skips the analysis)
  --seed <n>          seed of the draws (default ${DEFAULT_SEED})
${frameworkHelp}
  --json              print every method's full result and the stability analysis as JSON
  --out <file>        write to a file instead of stdout
  -h, --help          show this help`;

/** `icc-assess prioritise`. */
export function prioritise(argv: readonly string[]): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      method: { type: "string", multiple: true },
      ...frameworkOption,
      draws: { type: "string" },
      seed: { type: "string" },
      json: { type: "boolean", default: false },
      out: { type: "string" },
    },
  });
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) {
    throw new UsageError("prioritise needs exactly one assessment file");
  }
  const asked = (values.method ?? []).map((m) =>
    choiceOption(
      m,
      "method",
      prioritisationMethods,
      prioritisationMethods[0] as PrioritisationMethod,
    ),
  );
  if (new Set(asked).size !== asked.length) throw new UsageError("--method lists a method twice");
  const draws = wholeOption(values.draws, "draws", [0, MAX_DRAWS]);
  const seed = wholeOption(values.seed, "seed", [0, 0xffffffff]);
  const a = readAssessmentFile(file, readFrameworks(values.framework));
  if (draws !== 0)
    progress(`rank stability: ${draws ?? DEFAULT_DRAWS} draws of perturbed weights…`);
  const started = performance.now();
  // the methods, their decisions and the stability method: the registry's defaults, as the
  // report applies them
  const { methods, results, primary, stability } = prioritiseAssessment(a, {
    ...(asked.length > 0 ? { methods: asked } : {}),
    stability:
      draws === 0
        ? false
        : { ...(draws !== undefined ? { draws } : {}), ...(seed !== undefined ? { seed } : {}) },
  });
  if (draws !== 0) progress(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (values.json) {
    writeOutput(`${JSON.stringify({ methods, results, stability }, null, 2)}\n`, values.out);
    return 0;
  }
  const titles = indexAssessment(a).solutions;
  const ranks = results.map((r) => new Map(r.ranking.map((x) => [x.solution, x.rank])));
  const same = new Map(
    (stability?.solutions ?? []).map((s) => [s.solution, s.sameRankProbability]),
  );
  const table = formatTable(
    ["rank", "solution", "score", ...methods, ...(stability ? ["same rank"] : [])],
    primary.ranking.map((x) => [
      String(x.rank),
      titles.get(x.solution)?.title ?? x.solution,
      x.score.toFixed(3),
      ...ranks.map((m) => String(m.get(x.solution) ?? "")),
      ...(stability ? [`${Math.round((same.get(x.solution) ?? 0) * 100)}%`] : []),
    ]),
    [0, 2, ...methods.map((_, i) => 3 + i), 3 + methods.length],
  );
  const note = stability
    ? `\nrank stability: ${stability.parameters.draws} draws, ${stability.parameters.perturbation} (concentration ${stability.parameters.concentration}), seed ${stability.parameters.seed}`
    : "";
  writeOutput(`ranked by ${primary.method}\n${table}${note}\n`, values.out);
  return 0;
}
