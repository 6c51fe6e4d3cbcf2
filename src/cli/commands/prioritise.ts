import { parseArgs } from "node:util";
import { buildDecision } from "../../prioritisation/buildDecision.js";
import {
  prioritise as rank,
  prioritisationMethods,
  type PrioritisationMethod,
} from "../../prioritisation/prioritise.js";
import { rankStability } from "../../prioritisation/rankStability.js";
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
  --method <m>        weightedSum, topsis, ahp or votes; repeat for several, the first gives
                      the ranking (default: weightedSum, topsis, then votes and ahp when the
                      assessment has ranked ballots or criteria judgements)
  --draws <n>         rank-stability draws (default 1000; 0 skips the analysis)
  --seed <n>          seed of the draws (default 20210208)
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
    choiceOption(m, "method", prioritisationMethods, "weightedSum"),
  );
  if (new Set(asked).size !== asked.length) throw new UsageError("--method lists a method twice");
  const draws = wholeOption(values.draws, "draws", [0, 100_000]) ?? 1000;
  const seed = wholeOption(values.seed, "seed", [0, 0xffffffff]);
  const a = readAssessmentFile(file, readFrameworks(values.framework));
  const judged = (a.prioritisation?.criteriaJudgements ?? []).length > 0;
  const methods: PrioritisationMethod[] =
    asked.length > 0
      ? asked
      : [
          "weightedSum",
          "topsis",
          ...((a.ballots ?? []).some((b) => (b.ranking ?? []).length > 0)
            ? (["votes"] as const)
            : []),
          ...(judged ? (["ahp"] as const) : []),
        ];
  const decision = buildDecision(a);
  const ahpDecision = judged ? buildDecision(a, { weights: "ahp" }) : decision;
  const results = methods.map((method) =>
    rank(method === "ahp" ? ahpDecision : decision, { method }),
  );
  const primary = results[0] as (typeof results)[number];
  let stability = null;
  if (draws > 0) {
    progress(`rank stability: ${draws} draws of perturbed weights…`);
    const started = performance.now();
    stability = rankStability(primary.method === "ahp" ? ahpDecision : decision, {
      method: primary.method === "topsis" ? "topsis" : "weightedSum",
      draws,
      ...(seed !== undefined ? { seed } : {}),
    });
    progress(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
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
