import type { Decimal } from "decimal.js";
import { buildActionPlan, type ActionPlan } from "../actions/buildActionPlan.js";
import { builtinFrameworks } from "../frameworks/builtinFrameworks.js";
import {
  scoreMaturity,
  type MaturityResult,
  type UnitMaturity,
} from "../maturity/scoreMaturity.js";
import { needCoverage } from "../needs/needCoverage.js";
import { rankNeeds } from "../needs/rankNeeds.js";
import { stakeholderCoverage } from "../needs/stakeholderCoverage.js";
import type { DecisionProvenance } from "../prioritisation/buildDecision.js";
import { compareRankings } from "../prioritisation/compareRankings.js";
import { MAX_DRAWS } from "../prioritisation/rankStability.js";
import {
  prioritisationMethods,
  type PrioritisationMethod,
} from "../prioritisation/prioritisationRegistry.js";
import { prioritiseAssessment } from "../prioritisation/prioritiseAssessment.js";
import type { Assessment } from "../schema/assessment.js";
import type { Money } from "../schema/common.js";
import type { Criterion, Need, Solution, Stakeholder, Workshop } from "../schema/entities.js";
import type { MaturityFramework } from "../schema/framework.js";
import type { Report, ReportData, ReportMoney, ReportSections } from "../schema/report.js";
import { FORMAT_VERSION, jsonSchemaId, METHODOLOGY_VERSION } from "../schema/vocabularies.js";
import { buildSwotForAssessment } from "../swot/buildSwotForAssessment.js";
import { dossierGaps } from "../swot/dossierGaps.js";
import { solutionDossier } from "../swot/solutionDossier.js";
import { bucketByHorizon } from "../timeline/bucketByHorizon.js";
import { defaultHorizons } from "../timeline/defaultHorizons.js";
import type { PathSegment } from "../errors/AssessmentError.js";
import { describe, fail, failAt, isRecord } from "../_lib/assert.js";
import {
  listOption,
  oneOfOption,
  optional,
  readFields,
  stringOption,
  wholeOption,
  type OptionTable,
} from "../_lib/options.js";
import { frameworkOf } from "../_lib/frameworkOf.js";
import { addMonthsIso, isIsoDate } from "../_lib/dates.js";
import { Dec, moneyString } from "../_lib/decimal.js";
import { isAmountString } from "../_lib/money.js";
import { compareIds } from "../_lib/sort.js";
import { indexAssessment } from "../_lib/assessmentIndex.js";
import { assertParsed, markParsed } from "../_lib/parsed.js";
import { LIBRARY_NAME, LIBRARY_VERSION } from "../_lib/version.js";
import { canonicalCopy } from "./_canonical.js";
import { digestAssessment } from "./digestAssessment.js";
import { benchmarkSection } from "./_peers.js";
import type { BenchmarkCitiesOptions } from "../benchmark/benchmarkCities.js";
import { recommendationsSection } from "./_recommendations.js";

/** The `$schema` written into every report. */
const REPORT_SCHEMA_ID = /* @__PURE__ */ jsonSchemaId("report");

/** Options of {@link createReport}. */
export interface CreateReportOptions {
  /**
   * When the report is generated (`YYYY-MM-DD` or an ISO 8601 date-time), passed in: the library
   * never reads a clock. Required.
   */
  readonly generatedAt: string;
  /**
   * Frameworks the assessment may refer to, besides those it embeds. Default: the built-in
   * frameworks (`builtinFrameworks`).
   */
  readonly frameworks?: readonly MaturityFramework[];
  /**
   * The maturity unit to report (a city, or a city at a date). Default: the only unit of the
   * observations, else the city's id.
   */
  readonly unit?: string;
  /**
   * Prioritisation methods, the first giving the report's ranking. Default: `weightedSum`,
   * `topsis`, then `votes` (Borda count) when there are ranked ballots, then `ahp` when the
   * assessment has criteria judgements.
   */
  readonly methods?: readonly PrioritisationMethod[];
  /**
   * Rank stability: how many draws of perturbed weights and the seed, or `false` to skip it.
   * Default `{ draws: 1000, seed: 20210208 }`.
   */
  readonly stability?: { readonly draws?: number; readonly seed?: number } | false;
  /** Minimum share of workshop participants per helix group (default 0.1). */
  readonly minHelixShare?: number;
  /**
   * The currency of the action plan's money in the report. Default: the document's own (a parsed
   * assessment has one currency). Another currency needs its rate in `rates`.
   */
  readonly currency?: string;
  /**
   * Exchange rates into `currency`, e.g. `{ BGN: "0.51129" }` (1 BGN = 0.51129 units of
   * `currency`; decimal strings).
   */
  readonly rates?: Readonly<Record<string, string>>;
  /**
   * Peer reports (from `parseReport` or `createReport`) to benchmark the city against with
   * `benchmarkCities`: adds the section "How we compare" (`sections.benchmark`), which records
   * the peer set. Default: none, and no such section.
   */
  readonly peers?: readonly Report[];
  /**
   * How the city is benchmarked against `peers` (the options of `benchmarkCities`: peer group,
   * period, coverage threshold) and a note shown with the section, such as that the peers are
   * synthetic.
   */
  readonly benchmark?: BenchmarkCitiesOptions & {
    /** A line shown with the section and kept in it (plain text), e.g. that the peers are synthetic. */
    readonly note?: string;
  };
  /**
   * The section "What would raise our maturity" (`recommendActions`): at most `limit`
   * recommendations (default 10), or `false` to leave it out. Present by default whenever the
   * unit has maturity answers.
   */
  readonly recommendations?: { readonly limit?: number } | false;
}

/**
 * Refuses a section whose money a report cannot carry: every amount of the format, in an
 * assessment as in a report, has at most 15 integer digits and 6 decimals (one limit, so whatever
 * `createReport` writes, `parseReport` reads). A total of the action plan (a sum of up to 20,000
 * actions' costs, or an amount converted with `options.rates`) can pass it: then the report is
 * refused with `out_of_range` at the amount, rather than written and refused by its readers.
 * Designed by this project. An iterative walk of plain section data.
 */
function checkAmounts(section: unknown, root: readonly PathSegment[]): void {
  // paths are built only for the amount refused: each entry points back to its parent
  interface Entry {
    readonly v: unknown;
    readonly parent: Entry | null;
    readonly key: PathSegment;
  }
  const pathOf = (e: Entry): PathSegment[] => {
    const path: PathSegment[] = [];
    for (let x: Entry | null = e; x !== null && x.parent !== null; x = x.parent) path.push(x.key);
    return [...root, ...path.reverse()];
  };
  const stack: Entry[] = [{ v: section, parent: null, key: "" }];
  while (stack.length > 0) {
    const e = stack.pop() as Entry;
    const v = e.v;
    if (typeof v !== "object" || v === null) continue;
    if (Array.isArray(v)) {
      v.forEach((x: unknown, i) => stack.push({ v: x, parent: e, key: i }));
      continue;
    }
    const r = v as Record<string, unknown>;
    const amount = r["amount"];
    if (typeof amount === "string" && typeof r["currency"] === "string") {
      if (!isAmountString(amount)) {
        failAt(
          "out_of_range",
          [...pathOf(e), "amount"],
          `the action plan's amount ${amount} ${r["currency"] as string} is beyond what the format's money can carry (at most 15 integer digits and 6 decimals), so no reader could read the report; check the costs, the funding and options.rates`,
        );
      }
      continue;
    }
    for (const k of Object.keys(r)) stack.push({ v: r[k], parent: e, key: k });
  }
}

function money(m: Money): ReportMoney {
  return { amount: moneyString(m.amount), currency: m.currency };
}

function moneyOrNull(m: Money | null | undefined): ReportMoney | null {
  return m === null || m === undefined ? null : money(m);
}

/**
 * A calendar date, or a date-time with a zone: hours 00–23, minutes and seconds 00–59, an offset
 * within ±14:00 (the widest in use, Pacific/Kiritimati), or `Z`.
 */
const GENERATED_AT =
  /^\d{4}-\d{2}-\d{2}(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00)))?$/;

const OPTIONS: readonly PathSegment[] = ["options"];

/**
 * The options of {@link createReport} checked here (the stages check the others). Built on first
 * use, not when the module loads: the table names the prioritisation methods, and a bundle that
 * imports only a renderer from this stage must not keep them (and with them decimal.js).
 */
const reportOptions = () =>
  ({
    generatedAt: {
      test: (value: unknown): value is string =>
        typeof value === "string" &&
        value.length <= 40 &&
        GENERATED_AT.test(value) &&
        isIsoDate(value.slice(0, 10)),
      code: "invalid_value",
      expected: 'a date YYYY-MM-DD or an ISO 8601 date-time with a zone, such as "2021-02-15"',
      required: true,
    },
    stability: optional({
      test: (value: unknown): value is object =>
        value === false || (typeof value === "object" && value !== null),
      code: "invalid_type",
      expected: "{ draws, seed } or false",
      at: ["options", "stability"],
      fields: {
        draws: optional(wholeOption(1, MAX_DRAWS)),
        seed: optional(wholeOption(0, 0xffffffff)),
      },
    }),
    methods: optional({
      test: (value: unknown): value is readonly unknown[] =>
        Array.isArray(value) && value.length > 0,
      code: "empty",
      expected: `a non-empty array of ${prioritisationMethods.join(", ")}`,
      each: oneOfOption(prioritisationMethods),
      unique: true,
    }),
    frameworks: optional({ ...listOption, expected: "an array of frameworks" }),
    unit: optional(stringOption),
  }) satisfies OptionTable;
let REPORT_OPTIONS: ReturnType<typeof reportOptions> | undefined;

function checkOptions(options: CreateReportOptions): CreateReportOptions {
  if (!isRecord(options)) {
    fail(
      "missing_field",
      OPTIONS,
      `options must be an object with generatedAt, got ${describe(options)}`,
    );
  }
  readFields(options, OPTIONS, (REPORT_OPTIONS ??= reportOptions()));
  return options;
}

/** The period the assessment covers: its workshops and maturity answers, else the programme. */
function periodOf(a: Assessment): { start: string; end: string } {
  const dates = [
    ...a.workshops.map((w) => w.date),
    ...(a.maturity?.assessedOn !== undefined ? [a.maturity.assessedOn] : []),
  ].sort(compareIds);
  const first = dates[0];
  const last = dates[dates.length - 1];
  return first !== undefined && last !== undefined
    ? { start: first, end: last }
    : { start: a.programme.start, end: a.programme.end };
}

type Sections = { -readonly [K in keyof ReportSections]: ReportSections[K] };
type Parameters = Record<string, Record<string, unknown>>;

function stakeholdersSection(
  a: Assessment,
  options: CreateReportOptions,
  sections: Sections,
  parameters: Parameters,
): void {
  const cov = stakeholderCoverage(
    a,
    options.minHelixShare === undefined ? {} : { minHelixShare: options.minHelixShare },
  );
  const membersByHelix = new Map<
    string,
    { id: string; name: string; kind: Stakeholder["kind"] }[]
  >();
  for (const s of a.stakeholders) {
    const members = membersByHelix.get(s.helix);
    const member = { id: s.id, name: s.name, kind: s.kind };
    if (members === undefined) membersByHelix.set(s.helix, [member]);
    else members.push(member);
  }
  parameters["stakeholders"] = { minHelixShare: cov.minHelixShare };
  sections.stakeholders = {
    total: cov.overall.stakeholders,
    participants: cov.overall.participants,
    minHelixShare: cov.minHelixShare,
    byHelix: cov.overall.helices.map((h) => ({
      helix: h.helix,
      stakeholders: h.stakeholders,
      participants: h.participants,
      share: h.share,
      status: h.status,
      members: membersByHelix.get(h.helix) ?? [],
    })),
    missing: [...cov.overall.missing],
    belowShare: [...cov.overall.belowShare],
    neverParticipated: cov.neverParticipated.map((s) => ({
      id: s.id,
      name: s.name,
      helix: s.helix,
    })),
  };
  const workshops = indexAssessment(a).workshops;
  sections.workshops = cov.workshops
    .map((w) => {
      const src = workshops.get(w.id) as Workshop;
      return {
        id: w.id,
        kind: w.kind,
        title: src.title ?? null,
        date: w.date,
        participants: w.participants,
        helices: w.helices.map((h) => ({
          helix: h.helix,
          participants: h.participants,
          share: h.share,
          status: h.status,
        })),
        missing: [...w.missing],
        outputs: [...(src.outputs ?? [])],
      };
    })
    .sort((x, y) => compareIds(x.date, y.date) || compareIds(x.id, y.id));
}

/**
 * The framework `maturity.framework` names, looked up as the parser does: embedded in the
 * assessment, else in `options.frameworks` (default: the built-in frameworks). The parser has
 * resolved it against its own list; only frameworks passed here that differ from those can miss.
 */
function findFramework(a: Assessment, options: CreateReportOptions): MaturityFramework {
  const ref = (a.maturity as NonNullable<Assessment["maturity"]>).framework;
  const fw = frameworkOf(a, options.frameworks ?? builtinFrameworks);
  if (fw === undefined) {
    const known = [...(a.frameworks ?? []), ...(options.frameworks ?? builtinFrameworks)];
    fail(
      "unknown_reference",
      ["options", "frameworks"],
      `the assessment's framework ${JSON.stringify(`${ref.id}@${ref.version}`)} is neither embedded in it nor in options.frameworks (known: ${known.map((f) => `${f.id}@${f.version}`).join(", ")}): pass the frameworks the assessment was parsed with`,
    );
  }
  return fw;
}

/**
 * The maturity rules in words, as the report's provenance states them beside their parameters
 * (docs/methodology/maturity.md explains each).
 */
const MATURITY_RULES = {
  coverage:
    "answered share of the indicator weight below the node; below minCoverage the score is null",
  indicatorScore: "scale min + position × (scale max − scale min), on [0, 100]",
  levels:
    "the framework's bands; a band contains s when s > min (or = min, inclusive) and s < max (or = max, inclusive)",
} as const;

function maturitySection(
  a: Assessment,
  options: CreateReportOptions,
  sections: Sections,
  parameters: Parameters,
): { result: MaturityResult; unit: string } | null {
  const input = a.maturity;
  if (input === undefined) return null;
  const fw = findFramework(a, options);
  // no answers yet: the city, every question unanswered ("not assessed")
  const result = scoreMaturity(
    fw,
    input.observations,
    input.observations.length === 0 ? { units: [a.city.id] } : {},
  );
  // the parser has checked that several units include the city
  const wanted =
    options.unit ??
    (result.units.length === 1 ? (result.units[0] as UnitMaturity).unit : a.city.id);
  const scored = result.units.find((u) => u.unit === wanted);
  if (scored === undefined) {
    fail(
      "unknown_reference",
      ["options", "unit"],
      `options.unit ${JSON.stringify(wanted)} has no observations (units: ${result.units.map((u) => u.unit).join(", ")})`,
    );
  }
  const unit = scored.unit;
  const levelIndex = new Map(result.levels.map((l, i) => [l.id, i]));
  const targets = new Map((input.targets ?? []).map((t) => [t.dimension, t.level]));
  parameters["maturity"] = {
    framework: `${result.framework.id}@${result.framework.version}`,
    unit,
    minCoverage: result.method.minCoverage,
    aggregation: { ...result.method.aggregation },
    missing: result.method.missing,
    zeroPolicy: { ...result.method.zeroPolicy },
    ...MATURITY_RULES,
  };
  sections.maturity = {
    framework: {
      id: result.framework.id,
      version: result.framework.version,
      title: result.framework.title,
      provenance: result.framework.provenance,
      sources: result.framework.sources.map((s) => ({
        title: s.title,
        ...(s.url !== undefined ? { url: s.url } : {}),
        ...(s.note !== undefined ? { note: s.note } : {}),
      })),
      // the framework's own authors, credited by the renderers (absent when it names none)
      ...(fw.authors !== undefined && fw.authors.length > 0 ? { authors: [...fw.authors] } : {}),
    },
    unit,
    assessedOn: input.assessedOn ?? null,
    scale: { min: result.scale.min, max: result.scale.max },
    levels: result.levels.map((l) => ({
      id: l.id,
      title: l.title,
      min: l.min,
      max: l.max,
      minInclusive: l.minInclusive,
      maxInclusive: l.maxInclusive,
    })),
    overall: {
      score: scored.overall.score,
      level: scored.overall.level
        ? {
            id: scored.overall.level.id,
            title: scored.overall.level.title,
            index: scored.overall.level.index,
          }
        : null,
      coverage: scored.overall.coverage,
      reason: scored.overall.reason ?? null,
    },
    dimensions: scored.dimensions.map((d) => {
      const targetId = targets.get(d.id);
      const ti = targetId === undefined ? undefined : levelIndex.get(targetId);
      const target =
        targetId === undefined || ti === undefined
          ? null
          : { id: targetId, title: (result.levels[ti] as { title: string }).title, index: ti };
      return {
        id: d.id,
        title: d.title,
        parent: d.parent,
        score: d.score,
        level: d.level ? { id: d.level.id, title: d.level.title, index: d.level.index } : null,
        coverage: d.coverage,
        target,
        gap: target !== null && d.level !== null ? target.index - d.level.index : null,
        reason: d.reason ?? null,
      };
    }),
    indicators: scored.indicators.map((i) => ({
      id: i.id,
      dimension: i.dimension,
      answered: i.answered,
      score: i.score,
      weight: i.weight,
      reason: i.reason ?? null,
    })),
  };
  return { result, unit };
}

function needsSection(
  a: Assessment,
  maturity: { result: MaturityResult; unit: string } | null,
  sections: Sections,
  parameters: Parameters,
): void {
  if (a.needs.length === 0) return;
  const ranked = rankNeeds(a, maturity ? { maturity: maturity.result, unit: maturity.unit } : {});
  const coverage = needCoverage(a);
  const coveredBy = new Map(coverage.needs.map((n) => [n.id, n.solutions]));
  const needs = indexAssessment(a).needs;
  parameters["needs"] = {
    method: ranked.method,
    unit: ranked.unit,
    weights: Object.fromEntries(ranked.factors.map((f) => [f.factor, f.weight])),
  };
  sections.needs = {
    method: ranked.method,
    factors: ranked.factors.map((f) => ({
      factor: f.factor,
      weight: f.weight,
      available: f.available,
      rule: f.rule,
    })),
    ranked: ranked.needs.map((n) => ({
      id: n.id,
      statement: n.statement,
      dimension: n.dimension,
      rank: n.rank,
      score: n.score,
      helices: [...n.helices],
      raisedBy: [...(needs.get(n.id) as Need).raisedBy],
      coveredBy: [...(coveredBy.get(n.id) as readonly string[])],
      contributions: n.factors.map((f) => ({
        factor: f.factor,
        raw: f.raw,
        normalised: f.normalised,
        weight: f.weight,
        contribution: f.contribution,
      })),
    })),
    uncovered: [...coverage.uncoveredNeeds],
    solutionsWithoutNeeds: [...coverage.solutionsWithoutNeeds],
  };
}

function swotSection(a: Assessment, sections: Sections, parameters: Parameters): void {
  const swot = buildSwotForAssessment(a);
  const city = swot.city;
  // TOWS strategies link city SWOT items, so there are none without a city SWOT
  if (city === null) return;
  const weighted = new Map(
    [...(city.ife?.rows ?? []), ...(city.efe?.rows ?? [])].map((r) => [r.id, r.weightedScore]),
  );
  const items = [...city.strengths, ...city.weaknesses, ...city.opportunities, ...city.threats];
  const evaluation = (e: NonNullable<typeof city.ife>) => ({
    total: e.total,
    weighting: e.weighting,
    midpoint: e.midpoint,
    aboveMidpoint: e.aboveMidpoint,
  });
  const tows = swot.tows;
  parameters["swot"] = { ...city.parameters };
  sections.swot = {
    items: items.map((i) => ({
      id: i.id,
      quadrant: i.quadrant,
      text: i.text,
      weight: i.weight ?? null,
      rating: i.rating ?? null,
      weightedScore: weighted.get(i.id) ?? null,
    })),
    counts: { ...city.counts },
    ife: city.ife ? evaluation(city.ife) : null,
    efe: city.efe ? evaluation(city.efe) : null,
    position: city.position
      ? {
          quadrant: city.position.quadrant,
          strategies: city.position.strategies,
          ife: city.position.ife,
          efe: city.position.efe,
          rule: city.position.rule,
        }
      : null,
    reasons: [city.reasons.ife, city.reasons.efe, city.reasons.position, swot.towsReason].filter(
      (r): r is string => r !== null,
    ),
    tows: (tows?.strategies ?? []).map((s) => ({
      id: s.id,
      kind: s.kind,
      text: s.text,
      items: [...s.strengths, ...s.weaknesses, ...s.opportunities, ...s.threats],
      solutions: [...s.solutions],
    })),
    unused: tows
      ? [
          ...tows.unused.strengths,
          ...tows.unused.weaknesses,
          ...tows.unused.opportunities,
          ...tows.unused.threats,
        ]
      : [],
  };
}

function dossiersSection(a: Assessment, sections: Sections): void {
  if (a.solutions.length === 0) return;
  sections.dossiers = a.solutions.map((s) => {
    const d = solutionDossier(s, a);
    const gaps = dossierGaps(d, a);
    const texts = (list: readonly { id: string; text: string }[]) =>
      list.map((x) => ({ id: x.id, text: x.text }));
    return {
      solution: s.id,
      title: s.title,
      description: d.solution.description,
      theme: d.solution.theme,
      readiness: {
        declared: d.readiness.declared,
        assessed: d.readiness.level,
        index: d.readiness.index,
        consistent: d.readiness.consistent,
        missingForNext: [...d.readiness.missingForNext],
      },
      needs: d.needs.map((n) => ({ id: n.id, statement: n.statement })),
      lead: d.lead ? { id: d.lead.id, name: d.lead.name, helix: d.lead.helix } : null,
      partners: d.partners.map((p) => ({ id: p.id, name: p.name, helix: p.helix })),
      swot: d.swot
        ? {
            strength: texts(d.swot.strengths),
            weakness: texts(d.swot.weaknesses),
            opportunity: texts(d.swot.opportunities),
            threat: texts(d.swot.threats),
          }
        : null,
      resources: d.resources.items.map((r) => ({
        kind: r.kind,
        description: r.description,
        cost: moneyOrNull(r.cost),
        quantity: r.quantity,
        unit: r.unit,
      })),
      steps: d.steps.map((st) => ({
        id: st.id,
        title: st.title,
        start: st.start ?? null,
        end: st.end ?? null,
      })),
      expectedResults: [...d.expectedResults],
      cost: moneyOrNull(d.cost),
      funding: (s.funding ?? []).map((f) => ({
        source: f.source,
        amount: money(f.amount),
        secured: f.secured === true,
      })),
      kpis: d.kpis.map((k) => ({
        id: k.id,
        title: k.title,
        unit: k.unit,
        baseline: k.baseline ?? null,
        target: k.target,
        due: k.due ?? null,
      })),
      risks: (s.risks ?? []).map((r) => ({
        id: r.id,
        title: r.title,
        likelihood: r.likelihood,
        impact: r.impact,
        mitigation: r.mitigation ?? null,
      })),
      gaps: gaps.gaps.map((g) => ({ code: g.code, message: g.message })),
    };
  });
}

function prioritisationSection(
  a: Assessment,
  options: CreateReportOptions,
  sections: Sections,
  parameters: Parameters,
): string[] {
  const selected = a.plan?.selected ?? [];
  if (
    (a.criteria ?? []).length === 0 ||
    (a.scores ?? []).length === 0 ||
    a.solutions.length === 0
  ) {
    return [...selected];
  }
  // the methods, their decisions, the stability method and the impact/effort criteria: the
  // prioritisation registry's defaults, as icc-assess prioritise applies them
  const {
    methods,
    results,
    primary,
    decision,
    ahpDecision,
    primaryDecision,
    stability: stable,
    impactEffort,
    impactEffortRule,
  } = prioritiseAssessment(a, {
    ...(options.methods === undefined ? {} : { methods: options.methods }),
    ...(options.stability === undefined ? {} : { stability: options.stability }),
  });
  const { solutions, criteria } = indexAssessment(a);
  // buildDecision's weights are normalised to sum 1; the votes method uses none of its own
  const usedWeight = new Map(
    primary.method === "votes"
      ? primaryDecision.criteria.map((c) => [c.id, c.weight])
      : primary.parameters.weights.map((w) => [w.criterion, w.weight]),
  );
  const provenance = primaryDecision.provenance as DecisionProvenance;
  const ahp = methods.includes("ahp")
    ? (ahpDecision.provenance as DecisionProvenance).criteriaAhp
    : null;

  let agreement: NonNullable<ReportSections["prioritisation"]>["agreement"];
  if (results.length >= 2) {
    const cmp = compareRankings(results.map((r) => ({ name: r.method, ranking: r.ranking })));
    agreement = {
      kendallW: cmp.concordance
        ? {
            w: cmp.concordance.w,
            chiSquared: cmp.concordance.chiSquared,
            degreesOfFreedom: cmp.concordance.degreesOfFreedom,
            pValue: cmp.concordance.pValue,
          }
        : null,
      reason: cmp.concordanceReason,
      disputed: cmp.disagreements.filter((d) => d.spread > 0).map((d) => d.solution),
    };
  } else {
    agreement = { kendallW: null, reason: "only one method was run", disputed: [] };
  }

  const priorities = selected.length > 0 ? [...selected] : primary.ranking.map((r) => r.solution);
  const stability: NonNullable<ReportSections["prioritisation"]>["stability"] = stable
    ? {
        method: stable.method,
        draws: stable.parameters.draws,
        seed: stable.parameters.seed,
        // the report always draws from the default Dirichlet perturbation
        perturbation: `${stable.parameters.perturbation}, concentration ${stable.parameters.concentration}`,
        topK: stable.parameters.topK,
        rows: stable.solutions.map((x) => ({
          solution: x.solution,
          rank: x.baseRank,
          sameRank: x.sameRankProbability,
          top: x.topKProbability,
          minRank: x.minRank,
          maxRank: x.maxRank,
          meanRank: x.meanRank,
        })),
        smallestSwap:
          stable.smallestSwap &&
          stable.smallestSwap.threshold !== null &&
          stable.smallestSwap.change !== null
            ? {
                criterion: stable.smallestSwap.criterion,
                weight: stable.smallestSwap.weight,
                threshold: stable.smallestSwap.threshold,
                change: stable.smallestSwap.change,
              }
            : null,
        swapReason: stable.swapReason,
      }
    : null;

  parameters["prioritisation"] = {
    primary: primary.method,
    weightSource: provenance.weightSource,
    scoreAggregation: provenance.scoreAggregation,
    completion: provenance.completion,
    methods: results.map((r) => ({ method: r.method, parameters: jsonParameters(r.parameters) })),
    stability: stable ? jsonParameters({ method: stable.method, ...stable.parameters }) : false,
    impactEffort: impactEffort
      ? {
          impact: impactEffort.impactCriterion,
          effort: impactEffort.effortCriterion,
          thresholds: impactEffort.thresholds,
          rule: impactEffortRule,
        }
      : null,
  };
  sections.prioritisation = {
    criteria: decision.criteria.map((c) => ({
      id: c.id,
      title: (criteria.get(c.id) as Criterion).title,
      kind: c.kind,
      weight: usedWeight.get(c.id) as number,
    })),
    weighting: provenance.weightSource,
    ahp: ahp
      ? {
          method: ahp.method,
          randomIndex: ahp.parameters.randomIndex,
          consistencyRatio: ahp.consistencyRatio,
          isConsistent:
            ahp.consistencyRatio === null ? null : ahp.consistencyRatio <= ahp.parameters.threshold,
          threshold: ahp.parameters.threshold,
        }
      : null,
    primary: primary.method,
    ranking: primary.ranking.map((r) => ({
      solution: r.solution,
      title: (solutions.get(r.solution) as Solution).title,
      score: r.score,
      rank: r.rank,
    })),
    methods: results.map((r) => ({
      method: r.method,
      ranking: r.ranking.map((x) => ({ solution: x.solution, score: x.score, rank: x.rank })),
    })),
    agreement,
    stability,
    impactEffort,
    priorities,
    prioritiesSource: selected.length > 0 ? "plan" : "ranking",
  };
  return priorities;
}

/** Method parameters as JSON: Decimal → string, arrays and objects copied. */
function jsonParameters(value: unknown): unknown {
  return canonicalCopy(value);
}

function horizonsSection(
  a: Assessment,
  priorities: readonly string[],
  sections: Sections,
  parameters: Parameters,
): void {
  if (a.solutions.length === 0) return;
  const start = a.plan?.start ?? a.programme.start;
  const items = bucketByHorizon(
    a.solutions.map((s) => ({
      id: s.id,
      ...(s.start !== undefined ? { start: s.start } : {}),
      ...(s.end !== undefined ? { end: s.end } : {}),
      ...(s.duration !== undefined ? { duration: s.duration } : {}),
    })),
    { start },
  );
  const solutions = indexAssessment(a).solutions;
  const wanted = new Set(priorities);
  parameters["horizons"] = {
    start,
    startSource: a.plan?.start !== undefined ? "plan" : "programme",
    rule: "an item ending on or before start + months is in that horizon (date-fns month arithmetic)",
  };
  sections.horizons = {
    start,
    startSource: a.plan?.start !== undefined ? "plan" : "programme",
    horizons: [
      ...defaultHorizons.map((h) => ({
        id: h.id,
        label: h.label,
        months: h.months,
        onOrBefore: addMonthsIso(start, h.months),
      })),
      { id: "beyondHorizon", label: "Beyond the horizon", months: null, onOrBefore: null },
      { id: "unscheduled", label: "Unscheduled", months: null, onOrBefore: null },
    ],
    items: items.map((i) => ({
      solution: i.id,
      title: (solutions.get(i.id) as Solution).title,
      horizon: i.horizon,
      start: i.effectiveStart,
      end: i.effectiveEnd,
      priority: wanted.has(i.id),
      reason: i.reason,
    })),
  };
}

function actionPlanSection(
  a: Assessment,
  priorities: readonly string[],
  options: CreateReportOptions,
  sections: Sections,
  parameters: Parameters,
): void {
  if (priorities.length === 0) return;
  const plan: ActionPlan = buildActionPlan(a, priorities, {
    ...(options.currency === undefined ? {} : { currency: options.currency }),
    ...(options.rates === undefined ? {} : { rates: options.rates }),
  });
  const currency = plan.totals.currency;
  const rates = new Map(plan.parameters.rates.map((r) => [r.currency, r.rate]));
  // buildActionPlan has refused any currency without a rate, so every rate needed is there
  const convert = (m: Money): Decimal =>
    m.currency === currency
      ? new Dec(m.amount)
      : new Dec(m.amount)
          .times(rates.get(m.currency) as Decimal)
          .toDecimalPlaces(plan.parameters.decimals);
  const people = indexAssessment(a).stakeholders;
  const bySourceInHorizon = new Map<string, Map<string, Decimal>>();
  for (const action of plan.actions) {
    const cells = bySourceInHorizon.get(action.horizon) ?? new Map<string, Decimal>();
    bySourceInHorizon.set(action.horizon, cells);
    for (const f of action.funding) {
      cells.set(f.source, (cells.get(f.source) ?? new Dec(0)).plus(convert(f.amount)));
    }
  }
  parameters["actionPlan"] = jsonParameters(plan.parameters) as Record<string, unknown>;
  sections.actionPlan = {
    currency,
    actions: plan.actions.map((act) => {
      const owner = act.owner === null ? undefined : people.get(act.owner);
      return {
        id: act.id,
        solution: act.solution,
        priority: act.priority,
        title: act.title,
        owner: owner ? { id: owner.id, name: owner.name, helix: owner.helix } : null,
        start: act.start,
        end: act.end,
        horizon: act.horizon,
        cost: moneyOrNull(act.budget.cost),
        funding: money(act.budget.funding),
        gap: moneyOrNull(act.budget.gap),
        milestones: act.milestones.map((m) => ({
          id: m.id,
          title: m.title,
          date: m.date,
          status: m.status,
        })),
        kpis: act.kpis.map((k) => ({
          id: k.id,
          title: k.title,
          unit: k.unit,
          baseline: k.baseline,
          target: k.target,
          due: k.due,
          direction: k.direction,
        })),
      };
    }),
    budget: {
      cost: money(plan.totals.cost),
      funding: money(plan.totals.funding),
      secured: money(plan.totals.secured),
      gap: money(plan.totals.gap),
      available: moneyOrNull(plan.totals.budget),
      remaining: moneyOrNull(plan.totals.budgetRemaining),
      actionsWithoutCost: [...plan.totals.actionsWithoutCost],
      byHorizon: plan.totals.byHorizon.map((h) => {
        const cells = bySourceInHorizon.get(h.horizon) ?? new Map<string, Decimal>();
        return {
          horizon: h.horizon,
          cost: money(h.cost),
          funding: money(h.funding),
          gap: money(h.gap),
          bySource: [...cells.entries()]
            .filter(([, amount]) => !amount.isZero())
            .map(([source, amount]) => ({
              source: source as (typeof plan.totals.bySource)[number]["source"],
              amount: { amount: moneyString(amount), currency },
            }))
            .sort((x, y) => compareIds(x.source, y.source)),
        };
      }),
      bySource: plan.totals.bySource.map((s) => ({
        source: s.source,
        amount: money(s.amount),
        secured: money(s.secured),
      })),
    },
    risks: plan.risks.map((r) => ({
      action: r.action,
      id: r.id,
      title: r.title,
      likelihood: r.likelihood,
      impact: r.impact,
      score: r.score,
    })),
  };
}

/**
 * Runs every stage of the ICC methodology on an assessment and returns the versioned report a city
 * publishes: context, stakeholders by helix group, workshops, maturity profile, what would raise
 * the maturity most, how the city compares with peer reports (when `peers` are given), ranked
 * needs, city SWOT with TOWS strategies, solution dossiers, prioritisation (weights, each method's ranking,
 * agreement between methods, rank stability, impact/effort), horizon buckets, action plan and
 * budget, and the provenance of every number.
 *
 * Pipeline (designed by this project; each stage documents its own method and sources):
 * `stakeholderCoverage` → `scoreMaturity` (the referenced framework, embedded or built-in) →
 * `recommendActions` (the first `recommendations.limit`, default 10; left out without answers) →
 * `rankNeeds` (with the maturity gaps) and `needCoverage` → `buildSwotForAssessment` →
 * `solutionDossier` and `dossierGaps` per solution → `buildDecision` and `prioritise` per method,
 * `compareRankings` between them, rank stability under perturbed weights, `classifyImpactEffort`
 * (the benefit and the cost criterion with the largest weights, thresholds at the middle of their
 * declared scales, else of their values' range) → `bucketByHorizon` from the plan start →
 * `buildActionPlan` of the priorities (`plan.selected`, else the ranking) → with `peers`,
 * `benchmarkCities` of the report so far among them (its section records each peer report used by city id, input digest and
 * `generatedAt`, and every report left out with the reason, so the benchmark can be reproduced).
 * A stage without input leaves its section out. Provenance
 * records the library and methodology versions, each framework's id, version and provenance,
 * every parameter and seed, the SHA-256 of the canonical input ({@link digestAssessment}) and
 * `generatedAt` as given. The result is plain JSON (money as decimal strings), identical for the
 * same input and options; write it with {@link serialiseReport}.
 *
 * The assessment is trusted: `validateAssessment` (icc-assessment/schema) has refused everything about it that any
 * stage would refuse, so with default options a parsed assessment always gives a report. The
 * result is a fresh, frozen value marked as parsed, like one `parseReport` returns.
 *
 * @param assessment - a parsed assessment (`parseAssessment`)
 * @param options - `generatedAt` (required), frameworks, maturity unit, methods, stability draws
 *   and seed, minimum helix share, exchange rates, peers and the benchmark options, the number
 *   of recommendations
 * @returns the report (format {@link FORMAT_VERSION})
 * @throws AssessmentError `not_parsed` (an assessment that did not come from `parseAssessment`),
 *   `missing_field` / `invalid_value` (`["options", "generatedAt"]`), `out_of_range` (stability
 *   draws or seed), `invalid_value` / `duplicate_id` / `empty` (`options.methods`), `invalid_type`
 *   (an option of the wrong type), `unknown_reference` (`options.frameworks` without the
 *   assessment's framework, or an `options.unit` without observations), `out_of_range` at
 *   `["report", "sections", "actionPlan", …, "amount"]` (an action-plan amount or total beyond the
 *   format's 15 integer digits, which no reader would accept), and the codes of a stage
 *   refusing an option (for example `currency_mismatch` for funding in a currency whose rate is
 *   not among `options.rates`); `not_parsed` (`["options", "peers", i]`, a peer that did not
 *   come from `parseReport` or `createReport`), `missing_value` (`["options", "peers"]`, peers
 *   for an assessment without a maturity part), the option errors of `benchmarkCities` at
 *   `["options", "benchmark", …]`, `invalid_type` / `out_of_range`
 *   (`["options", "recommendations", "limit"]`)
 * @example
 * ```ts
 * import { parseAssessment } from "icc-assessment/schema";
 * import { createReport } from "icc-assessment/report";
 * const assessment = parseAssessment({
 *   formatVersion: "1.0",
 *   city: { id: "sofia", name: "Sofia", country: "BG" },
 *   programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
 *   track: { id: "citizenParticipationDigitalPublicAdministration" },
 *   stakeholders: [{ id: "city", name: "Innovative Sofia", helix: "public", kind: "cityDepartment" }],
 *   workshops: [{ id: "ws1", kind: "needsAssessment", date: "2021-01-07", participants: ["city"] }],
 *   needs: [{ id: "n1", statement: "One place to propose and follow decisions", raisedBy: ["city"], votes: 9 }],
 *   solutions: [{ id: "platform", title: "E-participation platform", readiness: "prepared", addressesNeeds: ["n1"] }],
 * });
 * const report = createReport(assessment, { generatedAt: "2021-02-15" });
 * report.sections.needs?.ranked[0]?.coveredBy; // => ["platform"]
 * report.sections.stakeholders?.missing; // => ["business", "academia", "civilSociety"]
 * report.provenance.inputDigest.startsWith("sha256:"); // => true
 * ```
 */
export function createReport(assessment: Assessment, options: CreateReportOptions): Report {
  assertParsed(assessment, "assessment");
  const a = assessment;
  const o = checkOptions(options);
  const sections: Sections = {};
  const parameters: Parameters = {};
  stakeholdersSection(a, o, sections, parameters);
  const maturity = maturitySection(a, o, sections, parameters);
  const recommended =
    maturity === null
      ? null
      : recommendationsSection(a, findFramework(a, o), maturity.unit, o.recommendations);
  if (recommended !== null) {
    sections.recommendations = recommended.section;
    parameters["recommendations"] = recommended.parameters;
  }
  needsSection(a, maturity, sections, parameters);
  swotSection(a, sections, parameters);
  dossiersSection(a, sections);
  const priorities = prioritisationSection(a, o, sections, parameters);
  horizonsSection(a, priorities, sections, parameters);
  actionPlanSection(a, priorities, o, sections, parameters);
  checkAmounts(sections.actionPlan, ["report", "sections", "actionPlan"]);
  const frameworks = maturity
    ? [
        {
          id: maturity.result.framework.id,
          version: maturity.result.framework.version,
          provenance: maturity.result.framework.provenance,
        },
      ]
    : [];
  const draft = {
    $schema: REPORT_SCHEMA_ID,
    formatVersion: FORMAT_VERSION,
    kind: "icc-assessment-report",
    city: { ...a.city },
    programme: { ...a.programme },
    track: { ...a.track },
    period: periodOf(a),
    provenance: {
      library: { name: LIBRARY_NAME, version: LIBRARY_VERSION },
      methodologyVersion: METHODOLOGY_VERSION,
      frameworks,
      parameters,
      inputDigest: digestAssessment(a),
      generatedAt: o.generatedAt,
    },
    sections,
  };
  if (o.peers !== undefined) {
    const b = benchmarkSection(draft, o.peers, o.benchmark);
    sections.benchmark = b.section;
    parameters["benchmark"] = b.parameters;
  }
  // one canonical copy: plain data only, sorted keys, no -0, every number finite; the result is a
  // fresh value, frozen and marked like one parseReport returns
  return markParsed(canonicalCopy(draft, ["report"]) as ReportData, "report");
}
