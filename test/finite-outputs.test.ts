/**
 * Finite outputs (issue 14): no exported function returns NaN or ±Infinity. What cannot be
 * computed is null with a reason, or a typed AssessmentError.
 *
 * Every function exported by a subpath (`src/<stage>/index.ts`) is listed here: either with a
 * fast-check generator of valid inputs — degenerate ones included (zeros, equal values, a single
 * alternative, huge and tiny magnitudes within the bounds the function or the schema accepts) —
 * and a property that walks its result deeply and finds no NaN or ±Infinity (a number, or a
 * Decimal); or with the reason it returns no computed number. A function that throws an
 * AssessmentError on an input passes for that input (a typed error is an allowed answer); any
 * other throw fails. A new export fails the first test until it is listed.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { sofiaJson } from "./helpers/sofia.js";
import * as actions from "../src/actions/index.js";
import { isAssessmentError } from "../src/errors/index.js";
import * as frameworks from "../src/frameworks/index.js";
import * as maturity from "../src/maturity/index.js";
import * as needs from "../src/needs/index.js";
import * as prioritisation from "../src/prioritisation/index.js";
import * as report from "../src/report/index.js";
import * as schema from "../src/schema/index.js";
import * as swot from "../src/swot/index.js";
import type { Assessment } from "../src/schema/index.js";

/** Every subpath's exports, found on disk, so that a new subpath or export is seen. */
const srcDir = fileURLToPath(new URL("../src/", import.meta.url));
const subpaths: Record<string, Record<string, unknown>> = Object.fromEntries(
  await Promise.all(
    readdirSync(srcDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(srcDir, d.name, "index.ts")))
      .map(
        async (d) =>
          [d.name, (await import(`../src/${d.name}/index.ts`)) as Record<string, unknown>] as const,
      ),
  ),
);

/** Why a function is not in the property: it returns no computed number. */
const noNumbers: Readonly<Record<string, string>> = {
  "errors.formatPath": "returns a string",
  "errors.isAssessmentError": "returns a boolean",
  "errors.AssessmentError": "the error class",
  "schema.AssessmentError": "the error class",
  "schema.formatPath": "returns a string",
  "schema.isAssessmentError": "returns a boolean",
  "schema.jsonSchemaId": "returns a string",
  "schema.toJsonSchema": "returns a constant JSON Schema document",
  "schema.parseJson": "returns the parsed JSON text, whose numbers JSON.parse makes finite",
  "schema.checkFramework": "returns issues (text and paths)",
  "report.serialiseReport": "returns JSON text",
  "report.digestAssessment": "returns a digest string",
  "report.renderMarkdown": "returns text",
  "report.renderHtml": "returns text",
  "report.renderComparisonMarkdown": "returns text",
  "report.renderComparisonHtml": "returns text",
  "report.getReportLabels": "returns label texts",
  "prioritisation.methodEntry": "returns a registry entry (ids, labels, functions)",
  "prioritisation.canDriveStability": "returns a boolean",
  "frameworks.getFramework": "returns a built-in framework (constant data)",
  "frameworks.localiseFramework": "returns a framework with translated texts (constant data)",
  "frameworks.egovBand": "returns a band name",
};

/** Functions of other stages' helpers not in the property yet, with why (listed in the report). */
const notCovered: Readonly<Record<string, string>> = {
  "prioritisation.decisionFromRecords":
    "an importer of another helper (new): its decision goes through prioritise, which is covered",
  "io.answersFromTable": "io subpath in progress (another helper): no generator here yet",
  "io.parseSurveyCsv": "io subpath in progress: returns text cells",
  "io.parseDecidimExport": "io subpath in progress: returns records",
  "io.fromDecidimProposals": "io subpath in progress: no generator here yet",
  "io.mergeAnswers": "io subpath in progress: no generator here yet",
  "io.mergePart": "io subpath in progress: no generator here yet",
  "io.renderQuestionnaire": "returns text",
  "benchmark.benchmarkCities":
    "benchmark subpath in progress (another helper): no generator here yet",
  "benchmark.recommendActions": "benchmark subpath in progress: no generator here yet",
  "benchmark.needsFromGaps": "benchmark subpath in progress: no generator here yet",
  "benchmark.renderBenchmarkMarkdown": "returns text",
  "benchmark.renderBenchmarkHtml": "returns text",
  "timeline.bucketByHorizon": "dates in, dates and names out; covered through createReport",
  "timeline.scheduleSteps": "covered through createReport (the action plan)",
  "timeline.groupByPeriod": "no generator here yet",
  "actions.recordProgress": "no generator here yet",
  "swot.crossSwot": "covered through buildSwotForAssessment (the assessment's TOWS links)",
  "schema.defineFramework": "returns the framework given (checked)",
  "schema.safeDefineFramework": "returns the framework given (checked)",
  "schema.parseAnswers": "returns the answers given (checked)",
  "schema.safeParseAnswers": "returns the answers given (checked)",
};

/** Where a number is NaN or ±Infinity in `value` (walked deeply), or null. */
function nonFinite(value: unknown, path = "result", seen = new Set<object>()): string | null {
  if (typeof value === "number") return Number.isFinite(value) ? null : `${path} = ${value}`;
  if (typeof value !== "object" || value === null) return null;
  if (seen.has(value)) return null;
  seen.add(value);
  if (Decimal.isDecimal(value)) {
    return (value as Decimal).isFinite() ? null : `${path} = ${(value as Decimal).toString()}`;
  }
  if (ArrayBuffer.isView(value)) {
    const list = Array.from(value as unknown as ArrayLike<number>);
    const k = list.findIndex((x) => !Number.isFinite(x));
    return k < 0 ? null : `${path}[${k}] = ${list[k]}`;
  }
  if (value instanceof Map) {
    for (const [k, v] of value) {
      const bad = nonFinite(v, `${path}.get(${String(k)})`, seen);
      if (bad !== null) return bad;
    }
    return null;
  }
  if (value instanceof Set) return nonFinite([...value], path, seen);
  for (const [k, v] of Object.entries(value)) {
    const bad = nonFinite(v, Array.isArray(value) ? `${path}[${k}]` : `${path}.${k}`, seen);
    if (bad !== null) return bad;
  }
  return null;
}

/** Runs a call; an AssessmentError is an allowed answer, anything else must be finite. */
function finite(call: () => unknown): void {
  let out: unknown;
  try {
    out = call();
  } catch (e) {
    if (isAssessmentError(e)) return;
    throw e;
  }
  expect(nonFinite(out)).toBeNull();
}

/** A property over `calls` (each a thunk with a label for the counterexample). */
function property(calls: fc.Arbitrary<() => unknown>, numRuns = 150): void {
  fc.assert(
    fc.property(calls, (call) => finite(call)),
    { numRuns },
  );
}

// ---- numbers ----------------------------------------------------------------------------------

const MAX = Number.MAX_VALUE;
/** Magnitudes the functions must survive: zero, tiny, ordinary, huge. */
const edge = fc.constantFrom(0, 5e-324, 1e-300, 1e-12, 0.1, 1 / 3, 1, 2, 5, 9, 1e12, 1e300, MAX);
const positive = fc.oneof(
  fc.integer({ min: 1, max: 9 }),
  fc.constantFrom(5e-324, 1e-300, 1e-12, 0.1, 1 / 3, 1e12, 1e300, MAX),
  fc.double({ min: 5e-324, max: MAX, noNaN: true }),
);
const nonNegative = fc.oneof(fc.constant(0), positive);
const anyNumber = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  edge,
  edge.map((x) => -x),
  fc.double({ min: -MAX, max: MAX, noNaN: true }),
);
/** A list of numbers, sometimes all equal. */
const numbers = <T>(cell: fc.Arbitrary<T>, min: number, max: number): fc.Arbitrary<T[]> =>
  fc.oneof(
    fc.array(cell, { minLength: min, maxLength: max }),
    fc.tuple(cell, fc.integer({ min, max })).map(([x, n]) => Array.from({ length: n }, () => x)),
  );
/** An n × m matrix (n, m from 1), sometimes with equal rows or columns. */
const matrix = (cell: fc.Arbitrary<number>, maxRows = 6, maxCols = 4) =>
  fc
    .record({ n: fc.integer({ min: 1, max: maxRows }), m: fc.integer({ min: 1, max: maxCols }) })
    .chain(({ n, m }) => fc.array(numbers(cell, m, m), { minLength: n, maxLength: n }));
const kinds = (m: number) =>
  fc.array(fc.constantFrom("benefit" as const, "cost" as const), { minLength: m, maxLength: m });
const ids = (n: number) => Array.from({ length: n }, (_, i) => `s${i}`);

/** A reciprocal matrix from its upper triangle (values on a wide ratio scale). */
const reciprocal = fc.integer({ min: 1, max: 7 }).chain((n) =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom(1, 2, 3, 5, 9, 1 / 9, 1 / 2, 1e-300, 1e300, 1e150, MAX),
        fc.double({ min: 1e-300, max: 1e300, noNaN: true }),
      ),
      { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 },
    )
    .map((upper) => {
      const a = Array.from({ length: n }, () => new Array<number>(n).fill(1));
      let k = 0;
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const v = upper[k++] as number;
          (a[i] as number[])[j] = v;
          (a[j] as number[])[i] = 1 / v;
        }
      }
      return a;
    }),
);

/** Ranked ballots over `n` alternatives with weights from 0 to the largest double. */
const rankedBallots = fc.integer({ min: 1, max: 5 }).chain((n) =>
  fc.array(
    fc.record({
      ranking: fc.shuffledSubarray(ids(n), { minLength: 0, maxLength: n }),
      weight: nonNegative,
    }),
    { minLength: 1, maxLength: 5 },
  ),
);

const eur = (amount: string) => ({ amount: new Decimal(amount), currency: "EUR" });
const amount = fc.constantFrom("0", "0.000001", "1", "30000", "999999999999999.999999", "1e-400");

// ---- assessments --------------------------------------------------------------------------------

interface Mutation {
  readonly scoreMode: "random" | "low" | "high" | "equal";
  readonly fractions: number[];
  readonly weights: number[];
  readonly ballotWeights: number[];
  readonly votes: number[];
}

/** The Sofia example with its numbers changed within the schema's bounds. */
const mutation: fc.Arbitrary<Mutation> = fc.record({
  scoreMode: fc.constantFrom("random" as const, "low" as const, "high" as const, "equal" as const),
  fractions: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 28, maxLength: 28 }),
  weights: fc.array(
    fc.oneof(
      fc.constantFrom(0, 1e-300, 1, 1e300, MAX / 8),
      fc.double({ min: 0, max: 10, noNaN: true }),
    ),
    { minLength: 4, maxLength: 4 },
  ),
  // not all 0 and not so large that the Borda total passes the largest double (the schema
  // refuses both, with a message)
  ballotWeights: fc.array(fc.constantFrom(0, 1e-300, 0.5, 1, 1e300), {
    minLength: 7,
    maxLength: 7,
  }),
  votes: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 20, maxLength: 20 }),
});

function mutate(m: Mutation): Assessment | null {
  const json = sofiaJson() as Record<string, unknown> & {
    criteria: { scale: { min: number; max: number }; weight: number }[];
    scores: { criterion: string; value: number }[];
    ballots: { weight?: number }[];
    needs: { votes?: number }[];
  };
  const scale = new Map(
    (json.criteria as unknown as { id: string; scale: { min: number; max: number } }[]).map((c) => [
      c.id,
      c.scale,
    ]),
  );
  // the first weight positive: all 0 is refused by the schema
  json.criteria.forEach(
    (c, j) => (c.weight = j === 0 ? Math.max(m.weights[0] ?? 1, 1e-300) : (m.weights[j] ?? 1)),
  );
  json.scores.forEach((s, k) => {
    const { min, max } = scale.get(s.criterion) as { min: number; max: number };
    // the degenerate modes on all but the last criterion: the solutions must still differ
    // somewhere, or the schema refuses the document (no method could rank them)
    const mode = s.criterion === "cost" ? "random" : m.scoreMode;
    const f =
      mode === "low"
        ? 1e-9
        : mode === "high"
          ? 1
          : mode === "equal"
            ? 0.5
            : Math.max(m.fractions[k] as number, 1e-9);
    // above the scale's minimum: the AHP method (run because Sofia has criteria judgements)
    // rates by ratios of scores, which must be positive
    s.value = min + f * (max - min);
  });
  json.ballots.forEach((b, k) => (b.weight = k === 0 ? 1 : (m.ballotWeights[k] ?? 1)));
  json.needs.forEach((n, k) => {
    if (n.votes !== undefined) n.votes = m.votes[k] ?? 0;
  });
  try {
    return schema.parseAssessment(json, { frameworks: frameworks.builtinFrameworks });
  } catch (e) {
    if (isAssessmentError(e)) return null;
    throw e;
  }
}

/** Every function of an assessment, on a mutated Sofia assessment. */
function assessmentCalls(a: Assessment): [string, () => unknown][] {
  const framework = frameworks.getFramework("icc-citizen-participation");
  const observations = a.maturity?.observations ?? [];
  const solution = a.solutions[0] as Assessment["solutions"][number];
  const made = (): ReturnType<typeof report.createReport> =>
    report.createReport(a, { generatedAt: "2021-02-15", stability: { draws: 20 } });
  return [
    ["schema.validateAssessment", () => schema.validateAssessment(a)],
    ["needs.rankNeeds", () => needs.rankNeeds(a)],
    ["needs.needCoverage", () => needs.needCoverage(a)],
    ["needs.stakeholderCoverage", () => needs.stakeholderCoverage(a)],
    ["swot.buildSwotForAssessment", () => swot.buildSwotForAssessment(a)],
    ["swot.buildSwot", () => swot.buildSwot(a.swot ?? [])],
    ["swot.solutionDossier", () => swot.solutionDossier(solution, a)],
    ["swot.dossierGaps", () => swot.dossierGaps(solution, a)],
    ["swot.assessReadiness", () => swot.assessReadiness(solution)],
    ["maturity.scoreMaturity", () => maturity.scoreMaturity(framework, observations)],
    [
      "maturity.compareMaturity",
      () => {
        const r = maturity.scoreMaturity(framework, observations);
        return maturity.compareMaturity(r, r);
      },
    ],
    ["prioritisation.buildDecision", () => prioritisation.buildDecision(a)],
    [
      "prioritisation.prioritiseAssessment",
      () => prioritisation.prioritiseAssessment(a, { stability: { draws: 20 } }),
    ],
    [
      "actions.buildActionPlan",
      () => actions.buildActionPlan(a, a.plan?.selected ?? a.solutions.map((s) => s.id)),
    ],
    [
      "actions.validateActionPlan",
      () =>
        actions.validateActionPlan(
          actions.buildActionPlan(a, a.plan?.selected ?? a.solutions.map((s) => s.id)),
        ),
    ],
    ["report.createReport", made],
    [
      "report.toVegaLite",
      () => {
        const r = made();
        return report.reportCharts.map((chart) => report.toVegaLite(r, chart));
      },
    ],
    ["report.compareReports", () => report.compareReports([made(), made()])],
    [
      "report.migrateReport",
      () => report.migrateReport(JSON.parse(report.serialiseReport(made()))),
    ],
    ["schema.parseReport", () => schema.parseReport(JSON.parse(report.serialiseReport(made())))],
    [
      "schema.safeParseReport",
      () => schema.safeParseReport(JSON.parse(report.serialiseReport(made()))),
    ],
  ];
}

/** Functions the assessment property covers (besides parsing). */
const byAssessment = [
  "schema.parseAssessment",
  "schema.safeParseAssessment",
  "schema.resolveBands",
  "schema.validateAssessment",
  "needs.rankNeeds",
  "needs.needCoverage",
  "needs.stakeholderCoverage",
  "swot.buildSwotForAssessment",
  "swot.solutionDossier",
  "swot.dossierGaps",
  "swot.assessReadiness",
  "swot.buildSwot",
  "maturity.scoreMaturity",
  "maturity.compareMaturity",
  "prioritisation.buildDecision",
  "prioritisation.prioritiseAssessment",
  "actions.buildActionPlan",
  "actions.validateActionPlan",
  "report.createReport",
  "report.toVegaLite",
  "report.compareReports",
  "report.migrateReport",
  "schema.parseReport",
  "schema.safeParseReport",
];

// ---- plain-value functions ----------------------------------------------------------------------

const P = prioritisation;

/** Per exported function of plain values: its calls. */
const plainCalls: Readonly<Record<string, fc.Arbitrary<() => unknown>>> = {
  "prioritisation.weightedSum": matrix(anyNumber).chain((x) =>
    fc
      .record({
        weights: fc.array(nonNegative, {
          minLength: x[0]?.length ?? 1,
          maxLength: x[0]?.length ?? 1,
        }),
        kinds: kinds(x[0]?.length ?? 1),
        normalisation: fc.constantFrom(...P.weightedSumNormalisations),
      })
      .map(({ weights, kinds: k, normalisation }) => () => {
        const cols = x[0]?.length ?? 1;
        const scales = Array.from({ length: cols }, (_, j) => {
          const col = x.map((r) => r[j] as number);
          return { min: Math.min(...col, -1), max: Math.max(...col, 1) };
        });
        return P.weightedSum(x, weights, k, { normalisation, scales, tables: true });
      }),
  ),
  "prioritisation.topsis": matrix(anyNumber).chain((x) =>
    fc
      .record({
        weights: fc.array(nonNegative, {
          minLength: x[0]?.length ?? 1,
          maxLength: x[0]?.length ?? 1,
        }),
        kinds: kinds(x[0]?.length ?? 1),
        normalisation: fc.constantFrom(...P.topsisNormalisations),
      })
      .map(
        ({ weights, kinds: k, normalisation }) =>
          () =>
            P.topsis(x, weights, k, { normalisation, tables: true }),
      ),
  ),
  "prioritisation.ahpWeights": fc
    .record({ m: reciprocal, method: fc.constantFrom(...P.ahpMethods) })
    .map(
      ({ m, method }) =>
        () =>
          P.ahpWeights(m, { method }),
    ),
  "prioritisation.randomIndex": fc
    .record({
      n: fc.integer({ min: 1, max: 40 }),
      table: fc.constantFrom(...P.randomIndexTableNames),
    })
    .map(
      ({ n, table }) =>
        () =>
          P.randomIndex(n, table),
    ),
  "prioritisation.bordaCount": rankedBallots.map((b) => () => P.bordaCount(b)),
  "prioritisation.approvalVoting": rankedBallots.map(
    (b) => () => P.approvalVoting(b.map((x) => ({ approvals: x.ranking, weight: x.weight }))),
  ),
  "prioritisation.scoreVoting": fc
    .record({
      ballots: rankedBallots,
      score: anyNumber,
      aggregate: fc.constantFrom(...P.scoreAggregates),
    })
    .map(
      ({ ballots, score, aggregate }) =>
        () =>
          P.scoreVoting(
            ballots.map((x) => ({
              scores: x.ranking.map((alternative) => ({ alternative, score })),
              weight: x.weight,
            })),
            { aggregate },
          ),
    ),
  "prioritisation.dotVoting": fc
    .record({ ballots: rankedBallots, dots: fc.integer({ min: 0, max: 1e9 }) })
    .map(
      ({ ballots, dots }) =>
        () =>
          P.dotVoting(
            ballots.map((x) => ({
              points: x.ranking.map((alternative) => ({ alternative, points: dots })),
              weight: x.weight,
            })),
          ),
    ),
  "prioritisation.kendallW": matrix(anyNumber, 5, 6).map((x) => () => P.kendallW(x)),
  "prioritisation.buildReciprocalMatrix": reciprocal.map((m) => () => {
    const labels = ids(m.length);
    const judgements = labels.flatMap((a, i) =>
      labels.slice(i + 1).map((b, k) => ({ a, b, value: (m[i] as number[])[i + 1 + k] as number })),
    );
    return P.buildReciprocalMatrix(labels, judgements);
  }),
  "prioritisation.completeJudgements": fc
    .record({ m: reciprocal, method: fc.constantFrom(...P.completionMethods) })
    .map(({ m, method }) => () => {
      const labels = ids(m.length);
      // a chain a–b, b–c, …: the rest to complete
      const judgements = labels
        .slice(1)
        .map((b, i) => ({ a: labels[i] as string, b, value: (m[i] as number[])[i + 1] as number }));
      return P.completeJudgements(labels, judgements, { method });
    }),
  "prioritisation.mostInconsistentJudgement": reciprocal.map(
    (m) => () => P.mostInconsistentJudgement(m),
  ),
  "prioritisation.aggregateJudgements": fc
    .tuple(reciprocal, reciprocal, fc.constantFrom(...P.judgementAggregations))
    .map(
      ([a, b, aggregation]) =>
        () =>
          P.aggregateJudgements(a.length === b.length ? [a, b] : [a, a], { method: aggregation }),
    ),
  "prioritisation.synthesiseHierarchy": fc
    .record({
      priorities: fc.array(positive, { minLength: 1, maxLength: 4 }),
      weights: fc.array(nonNegative, { minLength: 2, maxLength: 2 }),
      mode: fc.constantFrom(...P.synthesisModes),
    })
    .map(
      ({ priorities, weights, mode }) =>
        () =>
          P.synthesiseHierarchy(
            {
              id: "goal",
              children: [
                { id: "a", weight: weights[0] as number, priorities },
                { id: "b", weight: weights[1] as number, priorities: [...priorities].reverse() },
              ],
            },
            ids(priorities.length),
            { mode },
          ),
    ),
  "prioritisation.prioritise": matrix(anyNumber).chain((x) =>
    fc
      .record({
        weights: fc.array(nonNegative, {
          minLength: x[0]?.length ?? 1,
          maxLength: x[0]?.length ?? 1,
        }),
        kinds: kinds(x[0]?.length ?? 1),
        method: fc.constantFrom(...P.prioritisationMethods),
      })
      .map(
        ({ weights, kinds: k, method }) =>
          () =>
            P.prioritise(
              {
                alternatives: ids(x.length),
                criteria: weights.map((weight, j) => ({
                  id: `c${j}`,
                  kind: k[j] as "benefit",
                  weight,
                })),
                matrix: x,
                ballots: [{ ranking: ids(x.length) }, { ranking: ids(x.length).reverse() }],
              },
              { method },
            ),
      ),
  ),
  "prioritisation.rankStability": matrix(anyNumber, 5, 3).chain((x) =>
    fc
      .record({
        weights: fc.array(nonNegative, {
          minLength: x[0]?.length ?? 1,
          maxLength: x[0]?.length ?? 1,
        }),
        kinds: kinds(x[0]?.length ?? 1),
        method: fc.constantFrom(...P.stabilityMethods),
        perturbation: fc.constantFrom(...P.weightPerturbations),
        concentration: fc.constantFrom(1e-300, 1e-3, 50, 1e300),
      })
      .map(
        ({ weights, kinds: k, method, perturbation, concentration }) =>
          () =>
            P.rankStability(
              {
                alternatives: ids(x.length),
                criteria: weights.map((weight, j) => ({
                  id: `c${j}`,
                  kind: k[j] as "benefit",
                  weight,
                })),
                matrix: x,
              },
              { method, perturbation, concentration, draws: 20, rankProbabilities: true },
            ),
      ),
  ),
  "prioritisation.classifyImpactEffort": fc
    .record({
      items: fc.array(fc.record({ impact: anyNumber, effort: anyNumber }), {
        minLength: 1,
        maxLength: 5,
      }),
      impactThreshold: anyNumber,
      effortThreshold: anyNumber,
    })
    .map(
      ({ items, impactThreshold, effortThreshold }) =>
        () =>
          P.classifyImpactEffort(
            items.map((x, i) => ({ id: `s${i}`, ...x })),
            { impactThreshold, effortThreshold },
          ),
    ),
  "prioritisation.rankMoscow": fc
    .array(
      fc.record({
        category: fc.constantFrom(
          "must" as const,
          "should" as const,
          "could" as const,
          "wont" as const,
        ),
        effort: nonNegative,
      }),
      { minLength: 1, maxLength: 5 },
    )
    .map((items) => () => P.rankMoscow(items.map((x, i) => ({ id: `s${i}`, ...x })))),
  "prioritisation.scoreRice": fc
    .array(
      fc.record({
        reach: nonNegative,
        impact: nonNegative,
        confidence: fc.constantFrom(0, 0.5, 1),
        effort: positive,
      }),
      { minLength: 1, maxLength: 5 },
    )
    .map((items) => () => P.scoreRice(items.map((x, i) => ({ id: `s${i}`, ...x })))),
  "prioritisation.compareRankings": fc
    .array(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 3, maxLength: 3 }), {
      minLength: 2,
      maxLength: 4,
    })
    .map(
      (rankings) => () =>
        P.compareRankings(
          rankings.map((r, k) => ({
            name: `m${k}`,
            ranking: r.map((rank, i) => ({ solution: `s${i}`, rank })),
          })),
        ),
    ),
  "prioritisation.selectWithinBudget": fc
    .record({
      candidates: fc.array(fc.record({ score: anyNumber, cost: amount }), {
        minLength: 1,
        maxLength: 5,
      }),
      budget: amount,
      strategy: fc.constantFrom(...P.budgetStrategies),
    })
    .map(
      ({ candidates, budget, strategy }) =>
        () =>
          P.selectWithinBudget(
            candidates.map((c, i) => ({ solution: `s${i}`, score: c.score, cost: eur(c.cost) })),
            eur(budget),
            { strategy },
          ),
    ),
  "maturity.normalise": fc
    .record({
      values: numbers(fc.oneof(anyNumber, fc.constant(null)), 1, 6),
      method: fc.constantFrom(
        "minMax",
        "zScore",
        "rank",
        "percentRank",
        "borda",
        "distanceToMax",
        "distanceToReference",
        "goalposts",
      ),
      reference: positive,
      direction: fc.constantFrom(1 as const, -1 as const),
    })
    .map(
      ({ values, method, reference, direction }) =>
        () =>
          maturity.normalise(values, {
            method,
            direction,
            ...(method === "distanceToReference" ? { reference } : {}),
            ...(method === "goalposts" ? { low: -reference, high: reference } : {}),
          } as Parameters<typeof maturity.normalise>[1]),
    ),
  "maturity.aggregate": fc
    .record({
      values: numbers(fc.oneof(anyNumber, fc.constant(null)), 1, 6),
      weight: nonNegative,
      method: fc.constantFrom(
        "arithmetic" as const,
        "geometric" as const,
        "harmonic" as const,
        "generalised" as const,
      ),
      p: fc.constantFrom(-2, 0.5, 3),
    })
    .map(
      ({ values, weight, method, p }) =>
        () =>
          maturity.aggregate(
            values,
            values.map(() => weight),
            { method, ...(method === "generalised" ? { p } : {}) },
          ),
    ),
  "maturity.levelFor": anyNumber.map((score) => () => {
    const f = frameworks.getFramework("icc-citizen-participation");
    return maturity.levelFor(score, f.levels as Parameters<typeof maturity.levelFor>[1]);
  }),
  "frameworks.egdi": fc
    .record({
      osi: fc.double({ min: 0, max: 1, noNaN: true }),
      tii: edge,
      hci: fc.constantFrom(0, 1, 5e-324),
    })
    .map((c) => () => frameworks.egdi(c)),
  "frameworks.epi": numbers(fc.oneof(anyNumber, fc.constant(null)), 1, 6).map(
    (xs) => () => frameworks.epi(xs),
  ),
  "actions.allocateBudget": fc
    .record({ total: amount, weights: fc.array(nonNegative, { minLength: 1, maxLength: 5 }) })
    .map(
      ({ total, weights }) =>
        () =>
          actions.allocateBudget(eur(total), weights),
    ),
};

describe("finite outputs", () => {
  it("every function of every subpath is in the property or says why not", () => {
    const unlisted: string[] = [];
    for (const [stage, mod] of Object.entries(subpaths)) {
      for (const [name, value] of Object.entries(mod)) {
        if (typeof value !== "function") continue;
        const key = `${stage}.${name}`;
        if (
          !(key in plainCalls) &&
          !byAssessment.includes(key) &&
          !(key in noNumbers) &&
          !(key in notCovered)
        )
          unlisted.push(key);
      }
    }
    expect(unlisted).toStrictEqual([]);
  });

  it("the cases issue 14 found: selectWithinBudget, ahpWeights (geometric mean), bordaCount", () => {
    // score per cost of a cost that is 1e-400: beyond double precision, null with a reason
    const chosen = P.selectWithinBudget(
      [{ solution: "a", score: 1, cost: eur("1e-400") }],
      eur("1"),
      { strategy: "scorePerCost" },
    );
    expect(chosen.decisions[0]?.scorePerCost).toBeNull();
    expect(chosen.decisions[0]?.scorePerCostReason).toMatch(/beyond double precision/);
    expect(nonFinite(chosen)).toBeNull();
    // geometric means of rows near the largest double: once λmax = Infinity and a weight 0; in
    // logarithms λmax is about e^230 (finite), and the priorities are finite
    const extreme = P.ahpWeights(
      [
        [1, MAX, MAX],
        [1 / MAX, 1, 1e300],
        [1 / MAX, 1e-300, 1],
      ],
      { method: "geometricMean" },
    );
    expect(extreme.lambdaMax).toBeGreaterThan(1e99);
    expect(nonFinite(extreme)).toBeNull();
    // priorities that once overflowed their sum stay finite and positive where they can
    const wide = P.ahpWeights(
      [
        [1, 1e300],
        [1e-300, 1],
      ],
      { method: "geometricMean" },
    );
    expect(nonFinite(wide)).toBeNull();
    // two ballots of the largest weight: the Borda total passes double precision, an error
    expect(() =>
      P.bordaCount([
        { ranking: ["a", "b"], weight: MAX },
        { ranking: ["a", "b"], weight: MAX },
      ]),
    ).toThrow(/double precision/);
  });

  for (const [name, calls] of Object.entries(plainCalls)) {
    it(`${name} returns no NaN or ±Infinity`, () => property(calls));
  }

  it("the functions of an assessment return no NaN or ±Infinity on its numbers' extremes", () => {
    let parsed = 0;
    fc.assert(
      fc.property(mutation, (m) => {
        const a = mutate(m);
        if (a === null) return; // refused by the schema: nothing to compute
        parsed++;
        const r = schema.safeParseAssessment(a);
        expect(nonFinite(r)).toBeNull();
        const bands = a.maturity
          ? schema.resolveBands(frameworks.getFramework("icc-citizen-participation"))
          : [];
        expect(nonFinite(bands)).toBeNull();
        for (const [name, call] of assessmentCalls(a)) {
          try {
            finite(call);
          } catch (e) {
            throw new Error(`${name}: ${(e as Error).message}`, { cause: e });
          }
        }
      }),
      { numRuns: 15 },
    );
    // the property is not vacuous: most mutations are valid assessments
    expect(parsed).toBeGreaterThanOrEqual(8);
  });
});
