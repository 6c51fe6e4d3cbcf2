/**
 * Every exported computation function (every function exported by a stage's index.ts) is called
 * with valid arguments, then with the same arguments where one place is made hostile: a number
 * becomes NaN, Infinity, −Infinity or −0; an array becomes empty or very long (its items repeated);
 * a whole argument becomes junk. Each call returns a typed AssessmentError or a result with no
 * NaN, no ±Infinity and no −0 anywhere in it (deep scan). fast-check with a fixed seed; fewer runs
 * outside TZ=UTC (see _hostile.ts).
 */
import fc from "fast-check";
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import * as frameworks from "../../src/frameworks/index.js";
import * as maturity from "../../src/maturity/index.js";
import * as needs from "../../src/needs/index.js";
import * as swot from "../../src/swot/index.js";
import * as prioritisation from "../../src/prioritisation/index.js";
import * as timeline from "../../src/timeline/index.js";
import * as actions from "../../src/actions/index.js";
import * as report from "../../src/report/index.js";
import { defineFramework } from "../../src/schema/defineFramework.js";
import { parseAssessment } from "../../src/schema/parseAssessment.js";
import { isParsed } from "../../src/_lib/parsed.js";
import { sofiaJson } from "../helpers/sofia.js";
import { errorProblem, findNonFinite, runs, SEED } from "./_hostile.js";

type Fn = (...args: unknown[]) => unknown;
const stages: Record<string, Record<string, unknown>> = {
  frameworks,
  maturity,
  needs,
  swot,
  prioritisation,
  timeline,
  actions,
  report,
};

/**
 * Parsed documents (assessments, reports) are trusted, frozen values: the edge that refuses hostile
 * documents is the parser (fuzzed in parse.test.ts and test/differential.test.ts), so they are
 * passed as they are, and so are their parts, never copied or mutated here. A copy would be
 * refused with `not_parsed`.
 */
const isDocument = (v: unknown) =>
  isParsed(v, "assessment") ||
  isParsed(v, "report") ||
  // a part of one (a parsed solution), frozen with it
  (typeof v === "object" && v !== null && Object.isFrozen(v));

/** A copy of arrays and plain objects; anything else (Decimal, Map, functions, parsed documents) is shared. */
function copy<T>(v: T): T {
  if (isDocument(v)) return v;
  if (Array.isArray(v)) return v.map(copy) as T;
  if (v !== null && typeof v === "object") {
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = copy(x);
    return out as T;
  }
  return v;
}

type Path = readonly (string | number)[];
interface Site {
  readonly path: Path;
  readonly kind: "number" | "array";
}

/** The places of `args` a mutation can hit: every number and every array, arrays and plain objects walked. */
function sitesOf(v: unknown, path: Path = [], out: Site[] = []): Site[] {
  if (isDocument(v)) return out;
  if (typeof v === "number") out.push({ path, kind: "number" });
  else if (Array.isArray(v)) {
    out.push({ path, kind: "array" });
    v.forEach((x, i) => sitesOf(x, [...path, i], out));
  } else if (v !== null && typeof v === "object") {
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto === Object.prototype || proto === null) {
      for (const [k, x] of Object.entries(v)) sitesOf(x, [...path, k], out);
    }
  }
  return out;
}

function setAt(root: unknown[], path: Path, value: unknown): void {
  let parent = root as unknown as Record<string | number, unknown>;
  for (const seg of path.slice(0, -1)) parent = parent[seg] as Record<string | number, unknown>;
  parent[path[path.length - 1] as string | number] = value;
}

function getAt(root: unknown[], path: Path): unknown {
  let v: unknown = root;
  for (const seg of path) v = (v as Record<string | number, unknown>)[seg];
  return v;
}

const hostileNumbers = [Number.NaN, Infinity, -Infinity, -0] as const;
const junk = [Number.NaN, Infinity, -0, [], {}, null, undefined, "x"] as const;

interface Case {
  /** Fresh valid arguments. */
  readonly args: () => unknown[];
  /** Length of a "very long" array (default 2,000; lower for functions whose cost grows fast). */
  readonly long?: number;
  /** fast-check runs under TZ=UTC (default 60). */
  readonly runs?: number;
}

interface Hostile {
  readonly args: unknown[];
  /** What was made hostile, in words (also what fast-check prints for a counterexample). */
  readonly what: string;
}

function hostile(args: unknown[], what: string): Hostile {
  return { args, what, [fc.toStringMethod]: () => what } as Hostile;
}

/** Hostile variants of a case's arguments: one site mutated, or one argument replaced by junk. */
function hostileArgs(base: readonly unknown[], long: number): fc.Arbitrary<Hostile> {
  const sites = sitesOf([...base]);
  const mutateSite = fc
    .tuple(fc.nat({ max: Math.max(0, sites.length - 1) }), fc.nat({ max: 3 }), fc.boolean())
    .map(([i, h, empty]) => {
      const args = copy([...base]);
      const site = sites[i];
      if (site === undefined) return hostile(args, "valid arguments");
      if (site.kind === "number") {
        const value = hostileNumbers[h] as number;
        setAt(args, site.path, value);
        return hostile(
          args,
          `${Object.is(value, -0) ? "-0" : String(value)} at args${JSON.stringify(site.path)}`,
        );
      }
      const items = getAt(args, site.path) as unknown[];
      if (empty || items.length === 0) {
        setAt(args, site.path, []);
        return hostile(args, `[] at args${JSON.stringify(site.path)}`);
      }
      setAt(
        args,
        site.path,
        Array.from({ length: long }, (_, k) => items[k % items.length]),
      );
      return hostile(args, `${long} repeated items at args${JSON.stringify(site.path)}`);
    });
  const junkArg = fc
    .tuple(fc.nat({ max: Math.max(0, base.length - 1) }), fc.nat({ max: junk.length - 1 }))
    .map(([i, j]) => {
      const args = copy([...base]);
      args[i] = junk[j];
      return hostile(args, `argument ${i} replaced by ${JSON.stringify(junk[j]) ?? "undefined"}`);
    });
  return fc.oneof({ weight: 4, arbitrary: mutateSite }, { weight: 1, arbitrary: junkArg });
}

// ------------------------------------------------------------------------------------------------
// valid arguments, one realistic call per function (mostly from each function's documented example)

const sofia = parseAssessment(sofiaJson());
const mini = defineFramework({
  id: "mini",
  version: "1.0",
  title: "Mini",
  provenance: "designed",
  sources: [],
  dimensions: [
    { id: "portal", title: "Portal" },
    { id: "data", title: "Data" },
  ],
  indicators: [
    { id: "online", dimension: "portal", title: "Services online", type: "binary" },
    { id: "ease", dimension: "portal", title: "Ease", type: "likert", scale: { min: 1, max: 5 } },
    {
      id: "sets",
      dimension: "data",
      title: "Open datasets",
      type: "numeric",
      normalisation: { method: "goalposts", low: 0, high: 200 },
      weight: 2,
    },
  ],
  levels: [
    { id: "low", title: "Low", min: 0, max: 50 },
    { id: "high", title: "High", min: 50, max: 100 },
  ],
});
const observations = (unit: string, ease: number) => [
  { unit, indicator: "online", value: true },
  { unit, indicator: "ease", value: ease },
  { unit, indicator: "sets", value: 120 },
];
const decision = {
  alternatives: ["platform", "sofiaChooses", "infoPoints"],
  criteria: [
    { id: "impact", kind: "benefit" as const, weight: 0.6, scale: { min: 1, max: 5 } },
    { id: "cost", kind: "cost" as const, weight: 0.4, scale: { min: 0, max: 500 } },
  ],
  matrix: [
    [5, 180],
    [4, 45],
    [3, 30],
  ],
};
const matrix3 = [
  [1, 3, 5],
  [1 / 3, 1, 2],
  [1 / 5, 1 / 2, 1],
];
const swotItems = [
  { id: "s1", quadrant: "strength", text: "Active IT clusters", weight: 0.6, rating: 4 },
  { id: "w1", quadrant: "weakness", text: "No data policy", weight: 0.4, rating: 2 },
  { id: "o1", quadrant: "opportunity", text: "EU recovery funds", weight: 0.7, rating: 3 },
  { id: "t1", quadrant: "threat", text: "Low trust", weight: 0.3, rating: 2 },
];
const eur = (amount: string) => ({ amount: new Decimal(amount), currency: "EUR" });
const selected = sofia.plan?.selected ?? sofia.solutions.map((s) => s.id);
// reports of the two Sofia examples (a year apart), with few stability draws to keep runs short
const reportOptions = { generatedAt: "2021-02-15", stability: { draws: 50 } };
const sofiaReport = report.createReport(sofia, reportOptions);
const sofiaReport2022 = report.createReport(parseAssessment(sofiaJson("assessment-2022.json")), {
  ...reportOptions,
  generatedAt: "2022-02-15",
});
const comparison = report.compareReports([sofiaReport, sofiaReport2022]);
const firstSolution = sofia.solutions[0];

const cases: Record<string, Case> = {
  // frameworks
  "frameworks.getFramework": { args: () => ["un-losi-2022"] },
  "frameworks.localiseFramework": { args: () => [frameworks.iccCitizenParticipation, "bg"] },
  "frameworks.egdi": { args: () => [{ osi: 0.7092, tii: 0.7984, hci: 0.8221 }] },
  "frameworks.egovBand": { args: () => [0.7766] },
  "frameworks.epi": { args: () => [[12, 30, null, 21]] },
  // maturity
  "maturity.normalise": { args: () => [[2, 4, null, 6], { method: "minMax" }] },
  "maturity.aggregate": { args: () => [[40, null, 80], [1, 2, 1], { method: "geometric" }] },
  "maturity.levelFor": { args: () => [50, { levels: copy(mini.levels) }] },
  "maturity.scoreMaturity": {
    args: () => [mini, [...observations("sofia", 2), ...observations("plovdiv", 4)]],
  },
  "swot.assessReadiness": { args: () => [firstSolution] },
  "maturity.compareMaturity": {
    args: () => [
      maturity.scoreMaturity(mini, observations("sofia-2021", 2)),
      maturity.scoreMaturity(mini, observations("sofia-2022", 4)),
    ],
  },
  // needs
  "needs.rankNeeds": { args: () => [sofia] },
  "needs.needCoverage": { args: () => [sofia] },
  "needs.stakeholderCoverage": { args: () => [sofia] },
  // swot
  "swot.buildSwot": { args: () => [swotItems] },
  "swot.buildSwotForAssessment": { args: () => [sofia] },
  "swot.crossSwot": {
    args: () => [
      swot.buildSwot(swotItems as Parameters<typeof swot.buildSwot>[0]),
      [
        {
          id: "so-1",
          kind: "SO",
          items: ["s1", "o1"],
          text: "Bid for EU funds with the IT clusters",
        },
      ],
    ],
  },
  "swot.solutionDossier": { args: () => [firstSolution, sofia] },
  "swot.dossierGaps": { args: () => [firstSolution, sofia] },
  // prioritisation
  "prioritisation.ahpWeights": { args: () => [matrix3] },
  "prioritisation.randomIndex": { args: () => [4, "alonsoLamata2006"] },
  "prioritisation.topsis": { args: () => [decision.matrix, [0.6, 0.4], ["benefit", "cost"]] },
  "prioritisation.weightedSum": { args: () => [decision.matrix, [0.6, 0.4], ["benefit", "cost"]] },
  "prioritisation.bordaCount": {
    args: () => [
      [
        { ranking: ["platform", "dataPolicy", "infoPoints"], weight: 3 },
        { ranking: ["infoPoints", "platform", "dataPolicy"], weight: 2 },
      ],
    ],
  },
  "prioritisation.approvalVoting": {
    args: () => [
      [{ approvals: ["platform", "infoPoints"] }, { approvals: ["platform"] }],
      { alternatives: ["platform", "infoPoints", "chatbot"] },
    ],
  },
  "prioritisation.scoreVoting": {
    args: () => [
      [
        {
          scores: [
            { alternative: "platform", score: 5 },
            { alternative: "chatbot", score: 1 },
          ],
        },
        {
          scores: [
            { alternative: "platform", score: 3 },
            { alternative: "chatbot", score: 4 },
          ],
        },
      ],
      { scale: { min: 0, max: 5 } },
    ],
  },
  "prioritisation.dotVoting": {
    args: () => [
      [
        {
          points: [
            { alternative: "platform", points: 3 },
            { alternative: "chatbot", points: 2 },
          ],
        },
        { points: [{ alternative: "chatbot", points: 5 }] },
      ],
      { dotsPerVoter: 5 },
    ],
  },
  "prioritisation.kendallW": {
    args: () => [
      [
        [1, 2, 3, 4],
        [1, 3, 2, 4],
        [2, 1, 3, 4],
      ],
    ],
  },
  "prioritisation.buildReciprocalMatrix": {
    args: () => [
      ["impact", "cost", "support"],
      [
        { a: "impact", b: "cost", value: 3 },
        { a: "impact", b: "support", value: 5 },
        { a: "support", b: "cost", value: 1 / 2 },
      ],
    ],
  },
  "prioritisation.completeJudgements": {
    args: () => [
      ["a", "b", "c"],
      [
        { a: "a", b: "b", value: 2 },
        { a: "b", b: "c", value: 3 },
      ],
    ],
  },
  "prioritisation.mostInconsistentJudgement": {
    args: () => [
      [
        [1, 2, 6, 4],
        [1 / 2, 1, 1 / 3, 2],
        [1 / 6, 3, 1, 1 / 2],
        [1 / 4, 1 / 2, 2, 1],
      ],
      { labels: ["impact", "feasibility", "support", "cost"] },
    ],
  },
  "prioritisation.aggregateJudgements": {
    args: () => [
      [
        [
          [1, 4],
          [1 / 4, 1],
        ],
        [
          [1, 1],
          [1, 1],
        ],
      ],
      { respondents: ["city", "ngo"] },
    ],
  },
  "prioritisation.synthesiseHierarchy": {
    args: () => [
      {
        id: "goal",
        children: [
          { id: "impact", weight: 0.6, priorities: [3, 1] },
          {
            id: "feasibility",
            weight: 0.4,
            comparisons: [
              [1, 3],
              [1 / 3, 1],
            ],
            children: [
              { id: "cost", priorities: [1, 1] },
              { id: "time", priorities: [1, 3] },
            ],
          },
        ],
      },
      ["platform", "infoPoints"],
    ],
  },
  "prioritisation.buildDecision": { args: () => [sofia] },
  "prioritisation.prioritiseAssessment": { args: () => [sofia, { stability: false }] },
  "prioritisation.methodEntry": { args: () => ["topsis"] },
  "prioritisation.canDriveStability": { args: () => ["weightedSum"] },
  "prioritisation.decisionFromRecords": {
    args: () => [
      [
        { id: "a", cost: 3, reach: 10 },
        { id: "b", cost: 5, reach: 40 },
      ],
      {
        id: "id",
        criteria: [
          { column: "cost", kind: "cost", weight: 1 },
          { column: "reach", kind: "benefit", weight: 2 },
        ],
      },
    ],
  },
  "prioritisation.prioritise": { args: () => [decision, { method: "topsis" }] },
  "prioritisation.classifyImpactEffort": {
    args: () => [
      [
        { id: "infoPoints", impact: 3, effort: 1 },
        { id: "platform", impact: 5, effort: 4 },
        { id: "chatbot", impact: 2, effort: 3 },
      ],
      { impactThreshold: 3, effortThreshold: 3 },
    ],
  },
  "prioritisation.rankMoscow": {
    args: () => [
      [
        { id: "platform", category: "must", effort: 180 },
        { id: "chatbot", category: "wont", effort: 60 },
        { id: "infoPoints", category: "must", effort: 30 },
        { id: "eServices", category: "should", effort: 350 },
      ],
    ],
  },
  "prioritisation.scoreRice": {
    args: () => [
      [
        { id: "platform", reach: 20000, impact: 2, confidence: 0.8, effort: 12 },
        { id: "infoPoints", reach: 3000, impact: 1, confidence: 1, effort: 2 },
      ],
    ],
  },
  "prioritisation.compareRankings": {
    args: () => [
      [
        {
          name: "topsis",
          ranking: [
            { solution: "a", rank: 1 },
            { solution: "b", rank: 2 },
            { solution: "c", rank: 3 },
          ],
        },
        {
          name: "votes",
          ranking: [
            { solution: "a", rank: 1 },
            { solution: "c", rank: 2 },
            { solution: "b", rank: 3 },
          ],
        },
      ],
    ],
  },
  "prioritisation.selectWithinBudget": {
    args: () => [
      [
        { solution: "platform", score: 0.9, cost: eur("180000") },
        { solution: "eServices", score: 0.8, cost: eur("350000") },
        { solution: "infoPoints", score: 0.6, cost: eur("30000") },
      ],
      eur("250000"),
      { include: [{ solution: "infoPoints", author: "city council", reason: "already piloted" }] },
    ],
  },
  "prioritisation.rankStability": {
    args: () => [decision, { draws: 200, topK: 2 }],
    long: 300,
    runs: 40,
  },
  // timeline
  "timeline.bucketByHorizon": {
    args: () => [
      [
        { id: "pilot", duration: { months: 6 } },
        { id: "portal", start: "2021-03-01", end: "2022-03-31" },
        { id: "policy", duration: { months: 12, weeks: 2, days: 3 } },
        { id: "later" },
      ],
      { start: "2021-02-08" },
    ],
  },
  "timeline.scheduleSteps": {
    args: () => [
      [
        { id: "spec", duration: { months: 2 } },
        { id: "build", duration: { months: 6 }, dependsOn: [{ step: "spec" }] },
        { id: "launch", duration: { months: 1 }, dependsOn: [{ step: "build", lagDays: 14 }] },
        { id: "guide", duration: { weeks: 3 }, dependsOn: [{ step: "spec" }] },
      ],
      { start: "2021-03-01", milestones: [{ id: "live", afterStep: "launch" }] },
    ],
  },
  "timeline.groupByPeriod": {
    args: () => [
      [
        { id: "pilot", start: "2021-03-01", end: "2021-08-01" },
        { id: "portal", start: "2021-05-01", end: "2021-10-01" },
      ],
      { period: "quarter" },
    ],
  },
  // actions
  "actions.allocateBudget": { args: () => [eur("100000.00"), [1, 1, 1]] },
  "actions.buildActionPlan": { args: () => [sofia, [...selected]] },
  "actions.validateActionPlan": { args: () => [actions.buildActionPlan(sofia, [...selected])] },
  "actions.recordProgress": {
    args: () => {
      const plan = actions.buildActionPlan(sofia, [...selected]);
      const action = plan.actions.find((a) => a.kpis.length > 0) ?? plan.actions[0];
      const kpi = action?.kpis[0];
      return [
        plan,
        {
          kpis:
            kpi && action
              ? [{ action: action.id, kpi: kpi.id, value: 23, date: "2021-09-01" }]
              : [],
        },
        { asOf: "2021-09-01" },
      ];
    },
  },
  // report: each call renders or assembles a whole report, so fewer runs and shorter "long" arrays
  "report.createReport": { args: () => [sofia, copy(reportOptions)], long: 200, runs: 20 },
  "report.serialiseReport": { args: () => [sofiaReport], runs: 30 },
  "report.digestAssessment": { args: () => [sofia], runs: 30 },
  "report.migrateReport": { args: () => [sofiaReport], runs: 30 },
  "report.renderMarkdown": { args: () => [sofiaReport, { lang: "bg" }], long: 200, runs: 20 },
  "report.renderHtml": { args: () => [sofiaReport, { lang: "en" }], long: 200, runs: 20 },
  "report.toVegaLite": { args: () => [sofiaReport, "maturityRadar"], runs: 30 },
  "report.compareReports": { args: () => [[sofiaReport, sofiaReport2022]], long: 50, runs: 30 },
  "report.renderComparisonMarkdown": { args: () => [comparison, { lang: "en" }], runs: 30 },
  "report.renderComparisonHtml": { args: () => [comparison, { lang: "bg" }], runs: 30 },
  "report.getReportLabels": { args: () => ["bg"], runs: 30 },
};

// ------------------------------------------------------------------------------------------------

const exported = Object.entries(stages).flatMap(([stage, mod]) =>
  Object.entries(mod)
    .filter(([, v]) => typeof v === "function")
    .map(([name]) => `${stage}.${name}`),
);

describe("every exported computation function", () => {
  it("has a row of arguments in this test's table", () => {
    expect(exported.filter((name) => !(name in cases))).toStrictEqual([]);
    expect(Object.keys(cases).filter((name) => !exported.includes(name))).toStrictEqual([]);
  });

  for (const [name, c] of Object.entries(cases)) {
    const [stage, fnName] = name.split(".") as [string, string];
    it(`${name} gives a typed error or a finite result on NaN, ±Infinity, −0, empty and very long arrays`, () => {
      const fn = stages[stage]?.[fnName] as Fn | undefined;
      expect(typeof fn).toBe("function");
      const call = fn as Fn;
      const base = c.args();
      // the valid call works and is finite: the table's arguments are right
      expect(findNonFinite(call(...copy(base)))).toBeNull();
      fc.assert(
        fc.property(hostileArgs(base, c.long ?? 2000), ({ args, what }) => {
          let problem: string | null = null;
          try {
            const found = findNonFinite(call(...args));
            if (found !== null) problem = `${found} (input: ${what})`;
          } catch (e) {
            const p = errorProblem(e);
            if (p !== null) problem = `${p} (input: ${what})`;
          }
          expect(problem).toBeNull();
        }),
        { seed: SEED, numRuns: runs(c.runs ?? 60) },
      );
    });
  }
});
