import type {
  CriterionKind,
  FundingSource,
  Helix,
  IccTrack,
  Provenance,
  ReadinessLevel,
  ResourceKind,
  StakeholderKind,
  SwotQuadrant,
  TowsKind,
  WorkshopKind,
} from "../../schema/vocabularies.js";
import type { DossierGapCode } from "../../swot/dossierGaps.js";

/**
 * The charts of the HTML report, and of `toVegaLite`, in the order the report shows them.
 *
 * @example
 * ```ts
 * import { reportCharts } from "icc-assessment/report";
 * reportCharts.length; // => 6
 * reportCharts[0]; // => "maturityRadar"
 * ```
 */
export const reportCharts = [
  "maturityRadar",
  "swotGrid",
  "impactEffort",
  "ranking",
  "timeline",
  "budget",
] as const;
/** A chart of the report. */
export type ReportChart = (typeof reportCharts)[number];

/**
 * Sections of a rendered report, in the order the renderers show them: a summary, one per stage,
 * and the provenance.
 *
 * @example
 * ```ts
 * import { reportSectionKeys } from "icc-assessment/report";
 * reportSectionKeys.at(-1); // => "provenance"
 * ```
 */
export const reportSectionKeys = [
  "summary",
  "stakeholders",
  "workshops",
  "maturity",
  "benchmark",
  "recommendations",
  "needs",
  "swot",
  "prioritisation",
  "dossiers",
  "horizons",
  "actionPlan",
  "provenance",
] as const;
/** A report section. */
export type ReportSectionKey = (typeof reportSectionKeys)[number];

/**
 * Every text the renderers print that does not come from the assessment, in one language. A
 * language is one object of this type (see `src/report/i18n/en.ts`); templates use `{name}`
 * placeholders. Numbers, money and dates are formatted with `Intl` for `locale`.
 *
 * @example
 * ```ts
 * import { englishLabels, type ReportLabels } from "icc-assessment/report";
 * const de: ReportLabels = { ...englishLabels, lang: "de", locale: "de-DE" };
 * de.titles.report; // => "Maturity report: {city}"
 * ```
 */
export interface ReportLabels {
  /** The language's BCP 47 code, written to `<html lang>`. */
  readonly lang: string;
  /** The `Intl` locale for numbers, money and dates, e.g. `en-GB`. */
  readonly locale: string;
  /** The language's own name. */
  readonly languageName: string;
  /** Document titles and headings. */
  readonly titles: {
    /** `{city}` */
    readonly report: string;
    readonly comparison: string;
    readonly contents: string;
  };
  /** Section headings. */
  readonly sections: Readonly<Record<ReportSectionKey, string>>;
  /** Chart titles. */
  readonly charts: Readonly<Record<ReportChart, string>>;
  /** Column headers and field names. */
  readonly fields: {
    readonly id: string;
    readonly name: string;
    readonly title: string;
    readonly kind: string;
    readonly helix: string;
    readonly stakeholders: string;
    readonly participants: string;
    readonly share: string;
    readonly status: string;
    readonly date: string;
    readonly outputs: string;
    readonly missingGroups: string;
    readonly dimension: string;
    readonly score: string;
    readonly level: string;
    readonly target: string;
    readonly gap: string;
    readonly coverage: string;
    readonly rank: string;
    readonly statement: string;
    readonly votes: string;
    readonly raisedBy: string;
    readonly coveredBy: string;
    readonly quadrant: string;
    readonly text: string;
    readonly weight: string;
    readonly rating: string;
    readonly weightedScore: string;
    readonly strategy: string;
    readonly items: string;
    readonly solutions: string;
    readonly solution: string;
    readonly criterion: string;
    readonly method: string;
    readonly impact: string;
    readonly effort: string;
    readonly stability: string;
    readonly rankRange: string;
    readonly readiness: string;
    readonly theme: string;
    readonly description: string;
    readonly needs: string;
    readonly lead: string;
    readonly partners: string;
    readonly resources: string;
    readonly steps: string;
    readonly expectedResults: string;
    readonly cost: string;
    readonly funding: string;
    readonly source: string;
    readonly amount: string;
    readonly secured: string;
    readonly kpis: string;
    readonly baseline: string;
    readonly unit: string;
    readonly due: string;
    readonly risks: string;
    readonly likelihood: string;
    readonly gaps: string;
    readonly horizon: string;
    readonly start: string;
    readonly end: string;
    readonly rule: string;
    readonly owner: string;
    readonly total: string;
    readonly available: string;
    readonly remaining: string;
    readonly city: string;
    readonly programme: string;
    readonly track: string;
    readonly period: string;
    readonly framework: string;
    readonly version: string;
    readonly provenance: string;
    readonly authors: string;
    readonly sources: string;
    readonly library: string;
    readonly methodologyVersion: string;
    readonly formatVersion: string;
    readonly inputDigest: string;
    readonly generatedAt: string;
    readonly parameters: string;
    readonly seed: string;
    readonly draws: string;
    readonly agreement: string;
    readonly change: string;
    readonly overall: string;
    readonly position: string;
    readonly action: string;
    readonly priority: string;
  };
  /** Vocabularies. */
  readonly helices: Readonly<Record<Helix, string>>;
  readonly helixStatus: Readonly<Record<"missing" | "belowShare" | "ok", string>>;
  readonly stakeholderKinds: Readonly<Record<StakeholderKind, string>>;
  readonly workshopKinds: Readonly<Record<WorkshopKind, string>>;
  readonly quadrants: Readonly<Record<SwotQuadrant, string>>;
  readonly tows: Readonly<Record<TowsKind, string>>;
  readonly readiness: Readonly<Record<ReadinessLevel, string>>;
  readonly resourceKinds: Readonly<Record<ResourceKind, string>>;
  readonly horizons: Readonly<
    Record<"quickWin" | "longTerm" | "beyondHorizon" | "unscheduled", string>
  >;
  readonly fundingSources: Readonly<Record<FundingSource | "unfunded", string>>;
  readonly impactEffort: Readonly<
    Record<"quickWin" | "majorProject" | "fillIn" | "thanklessTask", string>
  >;
  /**
   * A framework's provenance; `{who}` (designed and mixed) is `text.theProject` for a built-in
   * framework, else its authors or `text.itsAuthors`.
   */
  readonly provenances: Readonly<Record<Provenance, string>>;
  readonly criterionKinds: Readonly<Record<CriterionKind, string>>;
  /** Where prioritisation weights come from. */
  readonly weightings: Readonly<Record<"criteria" | "ahp" | "equal", string>>;
  /** Strategic positions of the SWOT (IFE × EFE). */
  readonly positions: Readonly<
    Record<"aggressive" | "conservative" | "competitive" | "defensive", string>
  >;
  /** Factors of the needs ranking. */
  readonly needFactors: Readonly<Record<"votes" | "scores" | "gap" | "helix", string>>;
  readonly tracks: Readonly<Record<IccTrack, string>>;
  /** Prioritisation and aggregation method names, by id; an unknown id is shown as it is. */
  readonly methods: Readonly<Record<string, string>>;
  /**
   * What a solution's dossier still lacks, by gap code (an unknown code shows its message);
   * `readinessNotEvidenced` takes `{declared}` and `{assessed}`, the readiness levels.
   */
  readonly dossierGaps: Readonly<Record<DossierGapCode, string>>;
  /** The section "How we compare" (a benchmark among peer reports). */
  readonly benchmark: {
    /** `{count}` `{framework}`: the lead sentence. */
    readonly lead: string;
    readonly peerGroup: string;
    /** The peer group: `population` has `{band}`, `country` has `{country}`. */
    readonly groups: {
      readonly all: string;
      readonly population: string;
      readonly country: string;
      readonly ids: string;
    };
    readonly period: string;
    /** The period when the city's report has no date. */
    readonly noPeriod: string;
    /** `{months}`. */
    readonly monthsEitherSide: string;
    /** `{share}`: the coverage below which a peer is flagged. */
    readonly minCoverage: string;
    readonly columns: {
      readonly rank: string;
      readonly percentile: string;
      readonly q1: string;
      readonly median: string;
      readonly q3: string;
      readonly best: string;
      readonly toMedian: string;
      readonly toBest: string;
      readonly peers: string;
      readonly city: string;
      readonly country: string;
      readonly population: string;
      readonly version: string;
      readonly overall: string;
      readonly coverage: string;
      readonly flags: string;
      readonly digest: string;
      readonly generatedAt: string;
      readonly reason: string;
      readonly detail: string;
    };
    /** The overall score's row. */
    readonly overall: string;
    /** The chart's title. */
    readonly chart: string;
    /** What the chart's marks are. */
    readonly legend: string;
    readonly peersHeading: string;
    readonly excludedHeading: string;
    readonly methodHeading: string;
    /** No peer, or no report left out. */
    readonly none: string;
    /** `{dimension}` `{count}` `{cities}`: peers without a score on a dimension. */
    readonly missing: string;
    /** How a reader reproduces the benchmark from the peer reports. */
    readonly reproduce: string;
    readonly flags: Readonly<
      Record<"otherMinorVersion" | "otherPeriod" | "unknownDate" | "lowCoverage", string>
    >;
    readonly reasons: Readonly<
      Record<
        | "sameCity"
        | "noMaturity"
        | "otherFramework"
        | "otherMajorVersion"
        | "otherScale"
        | "outsidePeerGroup"
        | "superseded",
        string
      >
    >;
    readonly rules: {
      readonly rank: string;
      readonly percentile: string;
      readonly quartiles: string;
      readonly peers: string;
    };
  };
  /** The section "What would raise our maturity" (recommended answers). */
  readonly recommendations: {
    /** `{count}`: the lead sentence. */
    readonly lead: string;
    /** No dimension below its target or the top level. */
    readonly noGap: string;
    /** Dimensions with a gap, but no single answer raises them. */
    readonly noneFound: string;
    /** The heading of the list of dimensions with a gap. */
    readonly gapsHeading: string;
    /** `{dimension}` `{level}` `{target}`: a dimension below its target. */
    readonly belowTarget: string;
    /** `{dimension}` `{level}` `{goal}`: a dimension without a target, below the next level. */
    readonly belowNextLevel: string;
    readonly columns: {
      readonly rank: string;
      readonly question: string;
      readonly dimension: string;
      readonly current: string;
      readonly suggested: string;
      readonly dimensionScore: string;
      readonly level: string;
      readonly gain: string;
    };
    /** An unanswered question. */
    readonly unanswered: string;
    /** No option ticked. */
    readonly noneTicked: string;
    /** `{level}`: the suggested answer brings the dimension to its goal level. */
    readonly reaches: string;
    /** How the gain is computed, and who designed the rule. */
    readonly rule: string;
  };
  /** Sentences and fragments. */
  readonly text: {
    readonly notAvailable: string;
    readonly none: string;
    readonly yes: string;
    readonly no: string;
    /** `{count}` */
    readonly more: string;
    readonly noData: string;
    /** `{n}` */
    readonly months: string;
    /** `{library}` `{version}` */
    readonly generatedBy: string;
    readonly designedNotice: string;
    readonly illustrativeNotice: string;
    /** Who designed a built-in framework. */
    readonly theProject: string;
    /** Who designed a framework that names no authors. */
    readonly itsAuthors: string;
    /** Said of a built-in framework that is not documented by public sources. */
    readonly notOfficial: string;
    /** The priorities when the city chose them (`plan.selected`). */
    readonly prioritiesChosen: string;
    /** The priorities when the city chose none: the top of the computed ranking. */
    readonly prioritiesRanked: string;
    /** `{rank}` `{count}`: a priority's place in the computed ranking. */
    readonly rankOf: string;
    readonly overallLevel: string;
    readonly quickWins: string;
    readonly longTermProjects: string;
    readonly budgetTotal: string;
    readonly neverParticipated: string;
    readonly uncoveredNeeds: string;
    readonly primaryMethod: string;
    /** `{w}` `{p}` */
    readonly kendallW: string;
    /** `{draws}` `{seed}` */
    readonly stabilityNote: string;
    /** `{value}` */
    readonly consistencyRatio: string;
    readonly consistent: string;
    readonly inconsistent: string;
    readonly unfundedShare: string;
    readonly internal: string;
    readonly external: string;
    readonly reasonPrefix: string;
    readonly sharedThemes: string;
    readonly reports: string;
    readonly rankChanges: string;
    readonly newEntry: string;
    readonly dropped: string;
    readonly scoreLegend: string;
    readonly targetLegend: string;
    readonly projectStart: string;
    /** The start horizons are measured from, inside a rule: the plan's. */
    readonly fromPlanStart: string;
    /** The start horizons are measured from, inside a rule: the programme's. */
    readonly fromProgrammeStart: string;
    /** `{end}` `{limit}` `{origin}` `{months}`: an item that ends within a horizon. */
    readonly ruleWithin: string;
    /** `{end}` `{limit}` `{origin}` `{months}`: an item that ends after the last horizon. */
    readonly ruleAfter: string;
    /** An item with no end date and no duration. */
    readonly ruleUnscheduled: string;
    /** `{concentration}`: the weight perturbation of the rank-stability analysis. */
    readonly perturbation: string;
  };
}
