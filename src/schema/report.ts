import * as z from "zod/mini";
import type { Parsed } from "../_lib/parsed.js";
import {
  AmountSchema,
  CurrencySchema,
  IdSchema,
  IsoDateSchema,
  list,
  SourceSchema,
  TextSchema,
  TitleSchema,
  withMeta,
} from "./common.js";
import { CitySchema, ProgrammeSchema, TrackSchema } from "./entities.js";
import { FormatVersionSchema } from "./assessment.js";
import {
  criterionKinds,
  fundingSources,
  helices,
  kpiDirections,
  milestoneStatuses,
  provenances,
  readinessLevels,
  resourceKinds,
  stakeholderKinds,
  swotQuadrants,
  towsKinds,
  workshopKinds,
} from "./vocabularies.js";

// Numbers in a report are finite (the parser refuses NaN and ±Infinity before the schema runs).
const Num = z.number();
const Share = z.number().check(z.gte(0), z.lte(1));
const Count = z.number().check(z.int(), z.gte(0));
const Rank = z.number().check(z.int(), z.gte(1));
const Ids = list(IdSchema, 10_000);
const Texts = list(TextSchema, 1000);
const HelixSchema = z.enum(helices);

/**
 * Money in a report: `{ "amount": "125000.00", "currency": "EUR" }`. Unlike the assessment's money,
 * it stays a decimal string after parsing: a report is plain JSON data.
 */
export const ReportMoneySchema = withMeta(
  z.strictObject({ amount: AmountSchema, currency: CurrencySchema }),
  { description: "Money as a decimal string amount and an ISO 4217 currency." },
);
/** Money in a report (JSON form). */
export type ReportMoney = z.output<typeof ReportMoneySchema>;

const LevelRefSchema = z.strictObject({
  id: IdSchema,
  title: TitleSchema,
  /** 0 for the lowest level. */
  index: Count,
});

const HelixStatusSchema = z.enum(["missing", "belowShare", "ok"]);

/** Stakeholders by quadruple-helix group and their participation in the workshops. */
export const StakeholdersSectionSchema = z.strictObject({
  total: Count,
  /** Distinct stakeholders who took part in at least one workshop. */
  participants: Count,
  minHelixShare: Share,
  byHelix: list(
    z.strictObject({
      helix: HelixSchema,
      stakeholders: Count,
      participants: Count,
      share: z.nullable(Share),
      status: HelixStatusSchema,
      members: list(
        z.strictObject({ id: IdSchema, name: TitleSchema, kind: z.enum(stakeholderKinds) }),
        10_000,
      ),
    }),
    helices.length,
  ),
  missing: list(HelixSchema, helices.length),
  belowShare: list(HelixSchema, helices.length),
  neverParticipated: list(
    z.strictObject({ id: IdSchema, name: TitleSchema, helix: HelixSchema }),
    10_000,
  ),
});

/** The workshops, by date, with their participation per helix group. */
export const WorkshopsSectionSchema = list(
  z.strictObject({
    id: IdSchema,
    kind: z.enum(workshopKinds),
    title: z.nullable(TitleSchema),
    date: IsoDateSchema,
    participants: Count,
    helices: list(
      z.strictObject({
        helix: HelixSchema,
        participants: Count,
        share: z.nullable(Share),
        status: HelixStatusSchema,
      }),
      helices.length,
    ),
    missing: list(HelixSchema, helices.length),
    outputs: Texts,
  }),
  1000,
);

/** The maturity profile: the framework, the overall score and level, and each dimension. */
export const MaturitySectionSchema = z.strictObject({
  framework: z.strictObject({
    id: IdSchema,
    version: z.string().check(z.maxLength(20)),
    title: TitleSchema,
    provenance: z.enum(provenances),
    sources: list(SourceSchema, 50),
  }),
  /** The unit scored (the city, or the city at a date). */
  unit: IdSchema,
  assessedOn: z.nullable(IsoDateSchema),
  scale: z.strictObject({ min: Num, max: Num }),
  levels: list(
    z.strictObject({
      id: IdSchema,
      title: TitleSchema,
      min: Num,
      max: Num,
      minInclusive: z.boolean(),
      maxInclusive: z.boolean(),
    }),
    100,
  ),
  overall: z.strictObject({
    score: z.nullable(Num),
    level: z.nullable(LevelRefSchema),
    coverage: Share,
    reason: z.nullable(TextSchema),
  }),
  dimensions: list(
    z.strictObject({
      id: IdSchema,
      title: TitleSchema,
      parent: z.nullable(IdSchema),
      score: z.nullable(Num),
      level: z.nullable(LevelRefSchema),
      coverage: Share,
      /** The target level from the assessment, or null. */
      target: z.nullable(LevelRefSchema),
      /** Levels between the current level and the target (target index − level index), or null. */
      gap: z.nullable(z.number().check(z.int())),
      reason: z.nullable(TextSchema),
    }),
    1000,
  ),
  indicators: list(
    z.strictObject({
      id: IdSchema,
      dimension: IdSchema,
      answered: z.boolean(),
      score: z.nullable(Num),
      weight: Num,
      reason: z.nullable(TextSchema),
    }),
    10_000,
  ),
});

/** The ranked needs with each factor's contribution and the solutions that cover them. */
export const NeedsSectionSchema = z.strictObject({
  method: z.string().check(z.maxLength(50)),
  factors: list(
    z.strictObject({
      factor: z.string().check(z.maxLength(50)),
      weight: Num,
      available: z.boolean(),
      rule: TextSchema,
    }),
    20,
  ),
  ranked: list(
    z.strictObject({
      id: IdSchema,
      statement: TextSchema,
      dimension: z.nullable(IdSchema),
      rank: Rank,
      score: Num,
      helices: list(HelixSchema, helices.length),
      raisedBy: Ids,
      coveredBy: Ids,
      contributions: list(
        z.strictObject({
          factor: z.string().check(z.maxLength(50)),
          raw: z.nullable(Num),
          normalised: Num,
          weight: Num,
          contribution: Num,
        }),
        20,
      ),
    }),
    10_000,
  ),
  uncovered: Ids,
  solutionsWithoutNeeds: Ids,
});

const FactorEvaluationSchema = z.strictObject({
  total: Num,
  weighting: z.enum(["given", "equal"]),
  midpoint: Num,
  aboveMidpoint: z.boolean(),
});

/** The city SWOT (weighted when the items carry weights and ratings) and its TOWS strategies. */
export const SwotSectionSchema = z.strictObject({
  items: list(
    z.strictObject({
      id: IdSchema,
      quadrant: z.enum(swotQuadrants),
      text: TextSchema,
      weight: z.nullable(Num),
      rating: z.nullable(Num),
      weightedScore: z.nullable(Num),
    }),
    1000,
  ),
  counts: z.strictObject({
    strength: Count,
    weakness: Count,
    opportunity: Count,
    threat: Count,
  }),
  ife: z.nullable(FactorEvaluationSchema),
  efe: z.nullable(FactorEvaluationSchema),
  position: z.nullable(
    z.strictObject({
      quadrant: z.enum(["aggressive", "conservative", "competitive", "defensive"]),
      strategies: z.enum(towsKinds),
      ife: Num,
      efe: Num,
      rule: TextSchema,
    }),
  ),
  reasons: Texts,
  tows: list(
    z.strictObject({
      id: IdSchema,
      kind: z.enum(towsKinds),
      text: TextSchema,
      items: Ids,
      solutions: Ids,
    }),
    1000,
  ),
  /** SWOT items no TOWS strategy uses (empty when there are no strategies). */
  unused: Ids,
});

const StakeholderRefSchema = z.strictObject({
  id: IdSchema,
  name: TitleSchema,
  helix: HelixSchema,
});
const SwotTextsSchema = list(z.strictObject({ id: IdSchema, text: TextSchema }), 1000);

/** The ICC per-solution analysis: SWOT, readiness, resources, steps, expected results, and gaps. */
export const DossiersSectionSchema = list(
  z.strictObject({
    solution: IdSchema,
    title: TitleSchema,
    description: z.nullable(TextSchema),
    theme: z.nullable(TitleSchema),
    readiness: z.strictObject({
      declared: z.enum(readinessLevels),
      assessed: z.enum(readinessLevels),
      /** 1 (idea) … 5 (deployed), of the assessed level. */
      index: z.number().check(z.int(), z.gte(1), z.lte(5)),
      consistent: z.boolean(),
      missingForNext: Texts,
    }),
    needs: list(z.strictObject({ id: IdSchema, statement: TextSchema }), 10_000),
    lead: z.nullable(StakeholderRefSchema),
    partners: list(StakeholderRefSchema, 10_000),
    swot: z.nullable(
      z.strictObject({
        strength: SwotTextsSchema,
        weakness: SwotTextsSchema,
        opportunity: SwotTextsSchema,
        threat: SwotTextsSchema,
      }),
    ),
    resources: list(
      z.strictObject({
        kind: z.enum(resourceKinds),
        description: TextSchema,
        cost: z.nullable(ReportMoneySchema),
        quantity: z.nullable(Num),
        unit: z.nullable(TitleSchema),
      }),
      1000,
    ),
    steps: list(
      z.strictObject({
        id: IdSchema,
        title: TitleSchema,
        start: z.nullable(IsoDateSchema),
        end: z.nullable(IsoDateSchema),
      }),
      10_000,
    ),
    expectedResults: Texts,
    cost: z.nullable(ReportMoneySchema),
    funding: list(
      z.strictObject({
        source: z.enum(fundingSources),
        amount: ReportMoneySchema,
        secured: z.boolean(),
      }),
      100,
    ),
    kpis: list(
      z.strictObject({
        id: IdSchema,
        title: TitleSchema,
        unit: TitleSchema,
        baseline: z.nullable(Num),
        target: Num,
        due: z.nullable(IsoDateSchema),
      }),
      1000,
    ),
    risks: list(
      z.strictObject({
        id: IdSchema,
        title: TitleSchema,
        likelihood: z.number().check(z.int(), z.gte(1), z.lte(5)),
        impact: z.number().check(z.int(), z.gte(1), z.lte(5)),
        mitigation: z.nullable(TextSchema),
      }),
      1000,
    ),
    gaps: list(
      z.strictObject({ code: z.string().check(z.maxLength(50)), message: TextSchema }),
      100,
    ),
  }),
  10_000,
);

const RankedSolutionSchema = z.strictObject({ solution: IdSchema, score: Num, rank: Rank });

/** How the solutions were ranked: criteria and weights, each method's ranking, agreement, stability. */
export const PrioritisationSectionSchema = z.strictObject({
  criteria: list(
    z.strictObject({
      id: IdSchema,
      title: TitleSchema,
      kind: z.enum(criterionKinds),
      /** The weight used, normalised to sum to 1. */
      weight: Num,
    }),
    100,
  ),
  /** Where the weights come from: the criteria, AHP judgements, or equal weights. */
  weighting: z.enum(["criteria", "ahp", "equal"]),
  ahp: z.nullable(
    z.strictObject({
      /** How several respondents' judgements were combined. */
      method: z.string().check(z.maxLength(50)),
      randomIndex: z.string().check(z.maxLength(50)),
      /** CR of the combined judgements, or null when no matrix is combined (mean of priorities). */
      consistencyRatio: z.nullable(Num),
      isConsistent: z.nullable(z.boolean()),
      threshold: Num,
    }),
  ),
  /** The method whose ranking is the report's ranking. */
  primary: z.string().check(z.maxLength(50)),
  ranking: list(
    z.strictObject({ solution: IdSchema, title: TitleSchema, score: Num, rank: Rank }),
    10_000,
  ),
  methods: list(
    z.strictObject({
      method: z.string().check(z.maxLength(50)),
      ranking: list(RankedSolutionSchema, 10_000),
    }),
    20,
  ),
  agreement: z.strictObject({
    /** Kendall's W over the methods' rankings, or null with a reason. */
    kendallW: z.nullable(
      z.strictObject({ w: Num, chiSquared: Num, degreesOfFreedom: Num, pValue: Num }),
    ),
    reason: z.nullable(TextSchema),
    /** Solutions whose rank differs between methods. */
    disputed: Ids,
  }),
  stability: z.nullable(
    z.strictObject({
      /** The method whose weights were perturbed (weightedSum or topsis). */
      method: z.string().check(z.maxLength(50)),
      draws: Count,
      seed: z.number().check(z.int()),
      /** The perturbation in words, e.g. `dirichlet, concentration 50`. */
      perturbation: TextSchema,
      topK: Rank,
      rows: list(
        z.strictObject({
          solution: IdSchema,
          /** Its rank with the given weights. */
          rank: Rank,
          /** Share of draws in which the solution kept that rank. */
          sameRank: Share,
          /** Share of draws in which the solution ranked in the top `topK`. */
          top: Share,
          /** Best and worst rank seen over the draws. */
          minRank: Rank,
          maxRank: Rank,
          meanRank: Num,
        }),
        10_000,
      ),
      /** The smallest change of one criterion's weight that swaps the first two, or null. */
      smallestSwap: z.nullable(
        z.strictObject({ criterion: IdSchema, weight: Num, threshold: Num, change: Num }),
      ),
      swapReason: z.nullable(TextSchema),
    }),
  ),
  impactEffort: z.nullable(
    z.strictObject({
      impactCriterion: IdSchema,
      effortCriterion: IdSchema,
      thresholds: z.strictObject({ impact: Num, effort: Num }),
      domain: z.strictObject({
        impact: z.tuple([Num, Num]),
        effort: z.tuple([Num, Num]),
      }),
      items: list(
        z.strictObject({
          solution: IdSchema,
          impact: Num,
          effort: Num,
          quadrant: z.enum(["quickWin", "majorProject", "fillIn", "thanklessTask"]),
          rule: TextSchema,
        }),
        10_000,
      ),
    }),
  ),
  /** The priority solutions the action plan carries out, in priority order. */
  priorities: Ids,
  prioritiesSource: z.enum(["plan", "ranking"]),
});

/** The solutions bucketed into quick wins, long-term projects, beyond the horizon and unscheduled. */
export const HorizonsSectionSchema = z.strictObject({
  start: IsoDateSchema,
  startSource: z.enum(["plan", "programme"]),
  horizons: list(
    z.strictObject({
      id: IdSchema,
      label: TitleSchema,
      months: z.nullable(z.number().check(z.int(), z.gte(0))),
      onOrBefore: z.nullable(IsoDateSchema),
    }),
    50,
  ),
  items: list(
    z.strictObject({
      solution: IdSchema,
      title: TitleSchema,
      horizon: IdSchema,
      start: IsoDateSchema,
      end: z.nullable(IsoDateSchema),
      priority: z.boolean(),
      reason: TextSchema,
    }),
    10_000,
  ),
});

/** The action plan of the priority solutions and its budget by horizon and funding source. */
export const ActionPlanSectionSchema = z.strictObject({
  currency: CurrencySchema,
  actions: list(
    z.strictObject({
      id: IdSchema,
      solution: IdSchema,
      priority: Rank,
      title: TitleSchema,
      owner: z.nullable(StakeholderRefSchema),
      start: IsoDateSchema,
      end: z.nullable(IsoDateSchema),
      horizon: IdSchema,
      cost: z.nullable(ReportMoneySchema),
      funding: ReportMoneySchema,
      gap: z.nullable(ReportMoneySchema),
      milestones: list(
        z.strictObject({
          id: IdSchema,
          title: TitleSchema,
          date: z.nullable(IsoDateSchema),
          status: z.enum(milestoneStatuses),
        }),
        1000,
      ),
      kpis: list(
        z.strictObject({
          id: IdSchema,
          title: TitleSchema,
          unit: TitleSchema,
          baseline: z.nullable(Num),
          target: Num,
          due: z.nullable(IsoDateSchema),
          direction: z.enum(kpiDirections),
        }),
        1000,
      ),
    }),
    10_000,
  ),
  budget: z.strictObject({
    cost: ReportMoneySchema,
    funding: ReportMoneySchema,
    secured: ReportMoneySchema,
    gap: ReportMoneySchema,
    available: z.nullable(ReportMoneySchema),
    remaining: z.nullable(ReportMoneySchema),
    actionsWithoutCost: Ids,
    byHorizon: list(
      z.strictObject({
        horizon: IdSchema,
        cost: ReportMoneySchema,
        funding: ReportMoneySchema,
        gap: ReportMoneySchema,
        /** Funding by source; the unfunded part is `gap` when positive. */
        bySource: list(
          z.strictObject({ source: z.enum(fundingSources), amount: ReportMoneySchema }),
          fundingSources.length,
        ),
      }),
      50,
    ),
    bySource: list(
      z.strictObject({
        source: z.enum(fundingSources),
        amount: ReportMoneySchema,
        secured: ReportMoneySchema,
      }),
      fundingSources.length,
    ),
  }),
  risks: list(
    z.strictObject({
      action: IdSchema,
      id: IdSchema,
      title: TitleSchema,
      likelihood: z.number().check(z.int(), z.gte(1), z.lte(5)),
      impact: z.number().check(z.int(), z.gte(1), z.lte(5)),
      score: Num,
    }),
    10_000,
  ),
});

const StageParametersSchema = z.record(z.string().check(z.maxLength(100)), z.json());

/** Every method parameter and seed used, by stage. */
export const ReportParametersSchema = z.strictObject({
  stakeholders: z.optional(StageParametersSchema),
  maturity: z.optional(StageParametersSchema),
  needs: z.optional(StageParametersSchema),
  swot: z.optional(StageParametersSchema),
  prioritisation: z.optional(StageParametersSchema),
  horizons: z.optional(StageParametersSchema),
  actionPlan: z.optional(StageParametersSchema),
});

/** Where a report came from and how it was computed. */
export const ProvenanceSchema = z.strictObject({
  library: z.strictObject({ name: TitleSchema, version: z.string().check(z.maxLength(50)) }),
  methodologyVersion: z.string().check(z.maxLength(50)),
  frameworks: list(
    z.strictObject({
      id: IdSchema,
      version: z.string().check(z.maxLength(20)),
      provenance: z.enum(provenances),
    }),
    20,
  ),
  /** Every method parameter and seed used, by stage. */
  parameters: ReportParametersSchema,
  /** SHA-256 of the canonical JSON of the input assessment: `sha256:<64 hex>`. */
  inputDigest: z
    .string()
    .check(
      z.regex(/^sha256:[0-9a-f]{64}$/, { message: "expected sha256:<64 lowercase hex digits>" }),
    ),
  /** When the report was generated, passed in by the caller (never read from a clock by the library). */
  generatedAt: z.string().check(z.maxLength(40)),
});
/** Report provenance. */
export type ReportProvenance = z.output<typeof ProvenanceSchema>;

/** The results of each stage; a section is absent when its stage had no input. */
export const ReportSectionsSchema = z.strictObject({
  stakeholders: z.optional(StakeholdersSectionSchema),
  workshops: z.optional(WorkshopsSectionSchema),
  maturity: z.optional(MaturitySectionSchema),
  needs: z.optional(NeedsSectionSchema),
  swot: z.optional(SwotSectionSchema),
  dossiers: z.optional(DossiersSectionSchema),
  prioritisation: z.optional(PrioritisationSectionSchema),
  horizons: z.optional(HorizonsSectionSchema),
  actionPlan: z.optional(ActionPlanSectionSchema),
});
/** The sections of a report. */
export type ReportSections = z.output<typeof ReportSectionsSchema>;

/** The versioned report envelope: what a city publishes and other cities compare. */
export const ReportSchema = withMeta(
  z.strictObject({
    $schema: z.optional(z.string().check(z.maxLength(2000))),
    formatVersion: FormatVersionSchema,
    kind: z.literal("icc-assessment-report"),
    city: CitySchema,
    programme: ProgrammeSchema,
    track: TrackSchema,
    period: z.optional(z.strictObject({ start: z.iso.date(), end: z.iso.date() })),
    provenance: ProvenanceSchema,
    sections: ReportSectionsSchema,
  }),
  {
    title: "ICC assessment report",
    description: "A versioned icc-assessment report of one city.",
  },
);
/** A report's data as the schema shapes it. */
export type ReportData = z.output<typeof ReportSchema>;
/**
 * A report as `parseReport` or `createReport` returns it: a fresh, frozen value the renderers and
 * `compareReports` trust; a hand-built object is a type error, and `not_parsed` at run time.
 */
export type Report = Parsed<ReportData, "report">;
