// The benchmark workloads: for each, three sizes (the last is the one the issues name), an input
// generator, the library call (the built package, imported as a user imports it), the hand-written
// baseline, and a check that both computed the same numbers.
import { createHash } from "node:crypto";
import { Decimal } from "decimal.js";
import * as base from "./baselines.mjs";
import * as data from "./data.mjs";
import { close } from "./util.mjs";

/**
 * @typedef {object} Workload
 * @property {string} name
 * @property {string} what - what one call does, for the docs and RESULTS.md
 * @property {string} unit - what the size counts
 * @property {number[]} sizes - three sizes, the last the one the issue names
 * @property {number} [sizeScale] - what one size unit counts (1e6 for MB), for the n log n bound
 * @property {number | null} target - the largest ratio lib / baseline allowed, or null
 * @property {"linear" | "quadratic" | "perCall"} growth - the expected growth in the size
 *   ("perCall": independent calls on inputs of one size, measured per call, no growth target)
 * @property {number} [growthLimit] - a stated limit on the growth exponent (instead of the
 *   n log n / baseline rule)
 * @property {(size: number) => number} [calls] - how many library calls one run makes: with
 *   `overheadNs`, the target is on (lib − baseline) per call, in nanoseconds
 * @property {number} [overheadNs] - the most the library may spend per call above the baseline
 * @property {string[]} needs - "subpath.export" names the workload needs from the built package
 * @property {(size: number) => unknown} setup - builds the input (not timed)
 * @property {(input: any) => unknown} lib
 * @property {(input: any) => unknown} baseline
 * @property {{ label: string, fn: (input: any) => unknown }} [floor] - a second, tighter loop
 *   timed in the same rounds and reported (no target): for a library function that reads
 *   objects, the plain loop over the same numbers already extracted from them
 * @property {(libOut: any, baseOut: any, input: any) => string | null} check - a difference, or null
 */

/** @returns {Workload[]} */
export function workloads(pkg) {
  const { maturity, prioritisation, timeline, schema, report } = pkg;
  const sha256 = (text) => createHash("sha256").update(text).digest("hex");
  /** A report of the Sofia example scaled to `solutions` solutions (stability with `draws` draws). */
  const reportOf = (solutions, draws = 1000) =>
    report.createReport(schema.parseAssessment(data.scaledAssessment(solutions)), {
      generatedAt: "2021-02-15",
      stability: { draws },
    });
  /** A report of about `bytes` of compact JSON, by its number of solutions. */
  let perSolution = null;
  const reportOfSize = (bytes) => {
    if (perSolution === null) {
      const probe = JSON.stringify(reportOf(200, 10)).length;
      const small = JSON.stringify(reportOf(100, 10)).length;
      perSolution = { probe, bytes: (probe - small) / 100 };
    }
    const count = Math.round(200 + (bytes - perSolution.probe) / perSolution.bytes);
    const text = JSON.stringify(reportOf(count, 10));
    return { text, solutions: count };
  };
  return [
    {
      name: "normalise+aggregate",
      what: "min-max normalise 20 indicator columns across the units, then aggregate each unit's 20 values (weighted arithmetic mean, missing values reweighted)",
      unit: "units",
      sizes: [625, 2500, 10_000],
      target: null,
      growth: "linear",
      needs: ["maturity.normalise", "maturity.aggregate"],
      setup: (n) => data.indicatorColumns(n),
      lib: ({ columns, weights }) => {
        const norm = columns.map((c) => maturity.normalise(c, { method: "minMax" }));
        const n = columns[0].length;
        const out = new Array(n);
        const row = new Array(columns.length);
        for (let u = 0; u < n; u++) {
          for (let j = 0; j < norm.length; j++) row[j] = norm[j][u];
          out[u] = maturity.aggregate(row, weights);
        }
        return out;
      },
      baseline: ({ columns, weights }) => {
        const norm = columns.map((c) => base.normaliseMinMax(c));
        const n = columns[0].length;
        const out = new Array(n);
        const row = new Array(columns.length);
        for (let u = 0; u < n; u++) {
          for (let j = 0; j < norm.length; j++) row[j] = norm[j][u];
          out[u] = base.aggregateArithmetic(row, weights);
        }
        return out;
      },
      check: (a, b) => close(a, b),
    },
    {
      name: "normalise (10 values)",
      what: "min-max normalise one row of 10 values (nulls kept), once per row: the per-call cost a notebook pays",
      unit: "rows",
      sizes: [2500, 10_000, 40_000],
      target: null,
      overheadNs: 100,
      calls: (n) => n,
      growth: "perCall",
      needs: ["maturity.normalise"],
      setup: (n) => data.shortRows(n),
      lib: ({ rows }) => {
        const out = new Array(rows.length);
        for (let k = 0; k < rows.length; k++)
          out[k] = maturity.normalise(rows[k], { method: "minMax" });
        return out;
      },
      baseline: ({ rows }) => {
        const out = new Array(rows.length);
        for (let k = 0; k < rows.length; k++) out[k] = base.normaliseMinMaxTight(rows[k]);
        return out;
      },
      check: (a, b) => close(a, b),
    },
    {
      name: "aggregate (10 values)",
      what: "weighted arithmetic mean of one row of 10 values (missing values reweighted), once per row",
      unit: "rows",
      sizes: [2500, 10_000, 40_000],
      target: null,
      overheadNs: 100,
      calls: (n) => n,
      growth: "perCall",
      needs: ["maturity.aggregate"],
      setup: (n) => data.shortRows(n),
      lib: ({ rows, weights }) => {
        const out = new Array(rows.length);
        for (let k = 0; k < rows.length; k++) out[k] = maturity.aggregate(rows[k], weights);
        return out;
      },
      baseline: ({ rows, weights }) => {
        const out = new Array(rows.length);
        for (let k = 0; k < rows.length; k++)
          out[k] = base.aggregateArithmeticTight(rows[k], weights);
        return out;
      },
      check: (a, b) => close(a, b),
    },
    {
      name: "scoreMaturity",
      what: "score 100 indicators (Likert, binary, numeric goalposts) in 10 dimensions for every unit: indicator, dimension and overall scores, coverage, levels, explain trace",
      unit: "units",
      // a city with its districts (Sofia has 24), every city of the UN LOSI 2022 (193), and the
      // 1,000 units of issue 18's target
      sizes: [24, 193, 1000],
      target: 3,
      growth: "linear",
      needs: ["maturity.scoreMaturity", "schema.defineFramework"],
      setup: (n) => {
        const { framework, observations } = data.maturityInput(n);
        const checked = schema.defineFramework(framework);
        // the answers already read into a units × indicators table, for the plain loop
        const plan = base.maturityPlan(checked);
        const { units, values } = base.readMaturityAnswers(plan, observations);
        return { framework: checked, observations, plan, units, values };
      },
      lib: ({ framework, observations }) => maturity.scoreMaturity(framework, observations),
      baseline: ({ framework, observations }) => base.scoreMaturity(framework, observations),
      floor: {
        label: "the plain loop over the answers already in a table",
        fn: ({ plan, units, values }) => base.scoreMaturityNumbers(plan, values, units.length),
      },
      check: (a, b) => {
        const nInd = b.plan.nInd;
        const nDim = b.plan.nDim;
        const nul = (x) => (Number.isNaN(x) ? null : x);
        const level = (k) => (k < 0 ? null : b.plan.bandIds[k]);
        return close(
          a.units.map((u) => [
            u.unit,
            u.overall.score,
            u.overall.level?.id ?? null,
            u.dimensions.map((d) => [d.score, d.level?.id ?? null]),
            u.indicators.map((i) => i.score),
          ]),
          b.units.map((id, u) => [
            id,
            nul(b.overall[u]),
            level(b.overallLevels[u]),
            Array.from({ length: nDim }, (_, j) => [
              nul(b.dimensions[u * nDim + j]),
              level(b.dimensionLevels[u * nDim + j]),
            ]),
            Array.from(b.indicators.subarray(u * nInd, (u + 1) * nInd), nul),
          ]),
        );
      },
    },
    {
      name: "weightedSum",
      what: "min-max normalise, weight and rank alternatives × 8 criteria (every third a cost)",
      unit: "alternatives",
      // a city's long list of proposals, and the 10,000 candidate solutions of issue 18
      sizes: [40, 625, 10_000],
      target: 1.5,
      growth: "linear",
      needs: ["prioritisation.weightedSum"],
      setup: (n) => data.decisionMatrix(n, 8),
      lib: ({ matrix, weights, kinds }) => prioritisation.weightedSum(matrix, weights, kinds),
      baseline: ({ matrix, weights, kinds }) => base.weightedSum(matrix, weights, kinds),
      check: (a, b) => close({ scores: a.scores, ranks: a.ranks }, b),
    },
    {
      name: "topsis",
      what: "TOPSIS with vector normalisation on alternatives × 8 criteria: closeness, both distances, ideal and anti-ideal, ranks",
      unit: "alternatives",
      sizes: [40, 625, 10_000],
      target: 1.5,
      growth: "linear",
      needs: ["prioritisation.topsis"],
      setup: (n) => data.decisionMatrix(n, 8),
      lib: ({ matrix, weights, kinds }) => prioritisation.topsis(matrix, weights, kinds),
      baseline: ({ matrix, weights, kinds }) => base.topsis(matrix, weights, kinds),
      check: (a, b) => close(a, b),
    },
    {
      name: "ahpWeights",
      what: "principal eigenvector of an n × n reciprocal matrix by power iteration, λmax, CI, CR",
      unit: "n",
      sizes: [5, 10, 15],
      target: 2,
      growth: "quadratic",
      needs: ["prioritisation.ahpWeights"],
      setup: (n) => data.ahpMatrix(n),
      lib: (m) => prioritisation.ahpWeights(m),
      baseline: (m) => base.ahpPowerIteration(m),
      check: (a, b) => close(a, b, 1e-9),
    },
    {
      name: "rankStability",
      what: "10,000 Dirichlet draws of the weights of 8 criteria around the given ones, each scoring and ranking the solutions (weighted sum, criteria scales): per solution the probability of keeping its rank, its rank range, mean rank and top-5 share; one-at-a-time sweeps and swap thresholds",
      unit: "solutions",
      sizes: [13, 50, 200],
      target: 2,
      growth: "linear",
      needs: ["prioritisation.rankStability"],
      setup: (n) => data.stabilityDecision(n),
      lib: (d) => prioritisation.rankStability(d, { draws: 10_000 }),
      baseline: (d) => base.rankStability(d, { draws: 10_000 }),
      check: (a, b) =>
        close(
          a.solutions.map((s) => [
            s.solution,
            s.baseRank,
            s.meanRank,
            s.topKProbability,
            s.sameRankProbability,
            s.minRank,
            s.maxRank,
          ]),
          b.solutions.map((s) => [
            s.solution,
            s.baseRank,
            s.meanRank,
            s.topKProbability,
            s.sameRankProbability,
            s.minRank,
            s.maxRank,
          ]),
        ) ??
        close(
          a.swaps.map((s) => s.threshold),
          b.swaps,
        ),
    },
    {
      name: "bucketByHorizon",
      what: "place timeline items (end dates, durations, own starts, unscheduled) on the quick-win / long-term / beyond horizons with the rule and reason of each",
      unit: "items",
      sizes: [6250, 25_000, 100_000],
      target: null,
      growth: "linear",
      needs: ["timeline.bucketByHorizon"],
      setup: (n) => data.horizonItems(n),
      lib: ({ items, start }) => timeline.bucketByHorizon(items, { start }),
      baseline: ({ items, start }) => base.bucketByHorizon(items, start),
      check: (a, b) => close(a, b),
    },
    {
      name: "scheduleSteps",
      what: "critical path method on steps with durations and finish-to-start dependencies (with lags): order, earliest and latest dates, float, critical path",
      unit: "steps",
      sizes: [625, 2500, 10_000],
      target: null,
      growth: "linear",
      needs: ["timeline.scheduleSteps"],
      setup: (n) => data.scheduleInput(n),
      lib: ({ steps, start }) => timeline.scheduleSteps(steps, { start }),
      baseline: ({ steps, start }) => base.scheduleSteps(steps, start),
      check: (a, b) =>
        close({ order: a.order, steps: a.steps, criticalPath: a.criticalPath, span: a.span }, b),
    },
    {
      name: "parseAssessment",
      what: "JSON.parse then parseAssessment (bounds, version, shape, money as Decimal, references) of the Sofia example scaled by its solutions; baseline JSON.parse alone",
      unit: "MB",
      sizes: [0.625, 2.5, 10],
      sizeScale: 1e6,
      target: null,
      growth: "linear",
      needs: ["schema.parseAssessment"],
      setup: (mb) => data.assessmentOfSize(mb * 1e6),
      lib: ({ text }) => schema.parseAssessment(JSON.parse(text)),
      baseline: ({ text }) => JSON.parse(text),
      check: (a, b) =>
        a.solutions.length === b.solutions.length ? null : "solution count differs",
    },
    {
      name: "parseReport",
      what: "JSON.parse then parseReport (bounds, version, the report's shape) of a report of the Sofia example scaled by its solutions; baseline JSON.parse alone",
      unit: "MB",
      sizes: [0.625, 2.5, 10],
      sizeScale: 1e6,
      target: 4,
      growth: "linear",
      needs: ["schema.parseReport", "report.createReport"],
      setup: (mb) => reportOfSize(mb * 1e6),
      lib: ({ text }) => schema.parseReport(JSON.parse(text)),
      baseline: ({ text }) => JSON.parse(text),
      check: (a, b) =>
        a.sections.dossiers.length === b.sections.dossiers.length ? null : "dossier count differs",
    },
    {
      name: "createReport",
      what: "run every stage on the Sofia example scaled to n solutions (default options: weighted sum, TOPSIS, Borda, 1,000 stability draws) and assemble the report",
      unit: "solutions",
      sizes: [31, 125, 500],
      target: null,
      growth: "linear",
      needs: ["report.createReport", "schema.parseAssessment"],
      setup: (n) => schema.parseAssessment(data.scaledAssessment(n)),
      lib: (a) => report.createReport(a, { generatedAt: "2021-02-15" }),
      baseline: (a) => base.createReport(a, { sha256, Decimal, generatedAt: "2021-02-15" }),
      check: (a, b) =>
        a.sections.dossiers.length === b.sections.dossiers.length ? null : "dossier count differs",
    },
    {
      name: "createReport (city grows)",
      what: "run every stage with default options on the Sofia city grown as a whole: solutions, stakeholders, needs, scores and ballots all grow in proportion (groups of 7 solutions, 14 stakeholders, 8 needs, 7 partial ballots)",
      unit: "solutions",
      sizes: [250, 1000, 4000],
      target: null,
      growth: "linear",
      growthLimit: 1.3,
      needs: ["report.createReport", "schema.parseAssessment"],
      setup: (n) => schema.parseAssessment(data.scaledCity(n)),
      lib: (a) => report.createReport(a, { generatedAt: "2021-02-15" }),
      baseline: (a) => base.createReport(a, { sha256, Decimal, generatedAt: "2021-02-15" }),
      check: (a, b) =>
        a.sections.dossiers.length === b.sections.dossiers.length ? null : "dossier count differs",
    },
    {
      name: "renderHtml",
      what: "render the report of the Sofia example scaled to n solutions as one self-contained HTML page (English)",
      unit: "solutions",
      sizes: [31, 125, 500],
      target: null,
      growth: "linear",
      needs: ["report.renderHtml", "report.createReport"],
      setup: (n) => reportOf(n, 100),
      lib: (r) => report.renderHtml(r, { lang: "en" }),
      baseline: (r) => base.renderHtml(r),
      check: (a, b) => (a.length > 0 && b.length > 0 ? null : "empty page"),
    },
  ];
}
