import * as z from "zod/mini";
import {
  criterionKinds,
  fundingSources,
  helices,
  kpiDirections,
  milestoneStatuses,
  moscowCategories,
  readinessLevels,
  resourceKinds,
  stakeholderKinds,
  swotQuadrants,
  towsKinds,
  workshopKinds,
} from "./vocabularies.js";
import {
  DurationSchema,
  IdSchema,
  IsoDateSchema,
  list,
  NonNegativeMoneySchema,
  TextSchema,
  TitleSchema,
} from "./common.js";

const Finite = z.number();
const Ids = list(IdSchema, 10_000);

/** A city. `country` is an ISO 3166-1 alpha-2 code. */
export const CitySchema = z.strictObject({
  id: IdSchema,
  name: TitleSchema,
  country: z
    .string()
    .check(
      z.regex(/^[A-Z]{2}$/, { message: "expected an ISO 3166-1 alpha-2 country code such as BG" }),
    ),
  population: z.optional(z.number().check(z.int(), z.gte(0), z.lte(100_000_000))),
});
/** A city. */
export type City = z.output<typeof CitySchema>;

/** A programme edition, such as `icc-2020`, with its start and end dates. */
export const ProgrammeSchema = z.strictObject({
  id: IdSchema,
  title: z.optional(TitleSchema),
  start: IsoDateSchema,
  end: IsoDateSchema,
});
/** A programme. */
export type Programme = z.output<typeof ProgrammeSchema>;

/** A thematic track: one of the five ICC 2020–22 tracks, or a custom one (`custom: true`, with a title). */
export const TrackSchema = z.strictObject({
  id: IdSchema,
  title: z.optional(TitleSchema),
  custom: z.optional(z.boolean()),
});
/** A track. */
export type Track = z.output<typeof TrackSchema>;

/** A stakeholder organisation or group, with its quadruple-helix group. */
export const StakeholderSchema = z.strictObject({
  id: IdSchema,
  name: TitleSchema,
  helix: z.enum(helices),
  kind: z.enum(stakeholderKinds),
  description: z.optional(TextSchema),
});
/** A stakeholder. */
export type Stakeholder = z.output<typeof StakeholderSchema>;

/** A workshop or meeting, with its participants (stakeholder ids) and outputs. */
export const WorkshopSchema = z.strictObject({
  id: IdSchema,
  kind: z.enum(workshopKinds),
  title: z.optional(TitleSchema),
  date: IsoDateSchema,
  participants: Ids,
  outputs: z.optional(list(TextSchema, 1000)),
});
/** A workshop. */
export type Workshop = z.output<typeof WorkshopSchema>;

/** A score given by one stakeholder (a need's importance, a vote's weight). */
export const StakeholderScoreSchema = z.strictObject({
  stakeholder: IdSchema,
  value: Finite.check(z.gte(0)),
});

/** A need raised in a workshop. `dimension` is a dimension id of the assessment's framework. */
export const NeedSchema = z.strictObject({
  id: IdSchema,
  statement: TextSchema.check(z.minLength(1)),
  dimension: z.optional(IdSchema),
  raisedBy: Ids,
  workshop: z.optional(IdSchema),
  /** Dot votes or vote count received. */
  votes: z.optional(z.number().check(z.int(), z.gte(0))),
  /** Importance scores given by stakeholders. */
  scores: z.optional(list(StakeholderScoreSchema, 10_000)),
});
/** A need. */
export type Need = z.output<typeof NeedSchema>;

/** Evidence behind a SWOT item: an indicator id or a need id. */
export const EvidenceSchema = z.strictObject({
  indicator: z.optional(IdSchema),
  need: z.optional(IdSchema),
  note: z.optional(TextSchema),
});

/** A SWOT item: quadrant, text, optional weight (0–1) and rating (1–4), and evidence. */
export const SwotItemSchema = z.strictObject({
  id: IdSchema,
  quadrant: z.enum(swotQuadrants),
  text: TextSchema.check(z.minLength(1)),
  weight: z.optional(Finite.check(z.gte(0), z.lte(1))),
  rating: z.optional(Finite.check(z.gte(1), z.lte(4))),
  evidence: z.optional(list(EvidenceSchema, 100)),
});
/** A SWOT item. */
export type SwotItem = z.output<typeof SwotItemSchema>;

/**
 * A TOWS strategy: a kind (`SO`, `ST`, `WO`, `WT`), the city SWOT items it links, its text, and
 * optionally the solutions that carry it out.
 */
export const TowsStrategySchema = z.strictObject({
  id: IdSchema,
  kind: z.enum(towsKinds),
  items: list(IdSchema, 100).check(z.minLength(1)),
  text: TextSchema.check(z.minLength(1)),
  solutions: z.optional(Ids),
});
/** A TOWS strategy. */
export type TowsStrategy = z.output<typeof TowsStrategySchema>;

/** One answer: unit (a city, or a city at a date), indicator, value or null. */
export const ObservationSchema = z.strictObject({
  unit: IdSchema,
  indicator: IdSchema,
  value: z.union([
    Finite,
    z.boolean(),
    z.string().check(z.maxLength(100)),
    list(IdSchema, 100),
    list(z.strictObject({ row: IdSchema, value: Finite }), 100),
    z.null(),
  ]),
  source: z.optional(TextSchema),
  note: z.optional(TextSchema),
});
/** An observation. */
export type Observation = z.output<typeof ObservationSchema>;

/** A resource a solution or action needs. */
export const ResourceSchema = z.strictObject({
  kind: z.enum(resourceKinds),
  description: TextSchema.check(z.minLength(1)),
  cost: z.optional(NonNegativeMoneySchema),
  quantity: z.optional(Finite.check(z.gte(0))),
  unit: z.optional(TitleSchema),
});
/** A resource. */
export type Resource = z.output<typeof ResourceSchema>;

/** A finish-to-start dependency on another step, with an optional lag in days. */
export const DependencySchema = z.strictObject({
  step: IdSchema,
  lagDays: z.optional(z.number().check(z.int(), z.gte(-3650), z.lte(3650))),
});

/** A step of a solution or action. */
export const StepSchema = z.strictObject({
  id: IdSchema,
  title: TitleSchema,
  start: z.optional(IsoDateSchema),
  end: z.optional(IsoDateSchema),
  duration: z.optional(DurationSchema),
  dependsOn: z.optional(list(DependencySchema, 1000)),
  owner: z.optional(IdSchema),
});
/** A step. */
export type Step = z.output<typeof StepSchema>;

/** A milestone, dated or reached when a step ends. */
export const MilestoneSchema = z.strictObject({
  id: IdSchema,
  title: TitleSchema,
  date: z.optional(IsoDateSchema),
  afterStep: z.optional(IdSchema),
  status: z.optional(z.enum(milestoneStatuses)),
});
/** A milestone. */
export type Milestone = z.output<typeof MilestoneSchema>;

/** A key performance indicator: baseline, target, unit and due date. */
export const KpiSchema = z.strictObject({
  id: IdSchema,
  title: TitleSchema,
  unit: TitleSchema,
  baseline: z.optional(z.nullable(Finite)),
  target: Finite,
  due: z.optional(IsoDateSchema),
  direction: z.optional(z.enum(kpiDirections)),
});
/** A KPI. */
export type Kpi = z.output<typeof KpiSchema>;

/** A risk with likelihood and impact on 1–5 scales. */
export const RiskSchema = z.strictObject({
  id: IdSchema,
  title: TitleSchema,
  likelihood: z.number().check(z.int(), z.gte(1), z.lte(5)),
  impact: z.number().check(z.int(), z.gte(1), z.lte(5)),
  mitigation: z.optional(TextSchema),
  owner: z.optional(IdSchema),
});
/** A risk. */
export type Risk = z.output<typeof RiskSchema>;

/** Funding from one source. */
export const FundingSchema = z.strictObject({
  source: z.enum(fundingSources),
  amount: NonNegativeMoneySchema,
  secured: z.optional(z.boolean()),
  note: z.optional(TextSchema),
});
/** Funding. */
export type Funding = z.output<typeof FundingSchema>;

/** A candidate solution proposed by stakeholders. */
export const SolutionSchema = z.strictObject({
  id: IdSchema,
  title: TitleSchema,
  description: z.optional(TextSchema),
  theme: z.optional(TitleSchema),
  proposedBy: z.optional(Ids),
  addressesNeeds: z.optional(Ids),
  track: z.optional(IdSchema),
  readiness: z.enum(readinessLevels),
  swot: z.optional(list(SwotItemSchema, 1000)),
  resources: z.optional(list(ResourceSchema, 1000)),
  steps: z.optional(list(StepSchema, 10_000)),
  expectedResults: z.optional(list(TextSchema.check(z.minLength(1)), 1000)),
  start: z.optional(IsoDateSchema),
  end: z.optional(IsoDateSchema),
  duration: z.optional(DurationSchema),
  cost: z.optional(NonNegativeMoneySchema),
  funding: z.optional(list(FundingSchema, 100)),
  lead: z.optional(IdSchema),
  partners: z.optional(Ids),
  kpis: z.optional(list(KpiSchema, 1000)),
  risks: z.optional(list(RiskSchema, 1000)),
  moscow: z.optional(z.enum(moscowCategories)),
});
/** A solution. */
export type Solution = z.output<typeof SolutionSchema>;

/** A prioritisation criterion: benefit or cost, its scale and its weight. */
export const CriterionSchema = z.strictObject({
  id: IdSchema,
  title: TitleSchema,
  kind: z.enum(criterionKinds),
  scale: z.optional(z.strictObject({ min: Finite, max: Finite })),
  weight: z.optional(Finite.check(z.gte(0))),
  description: z.optional(TextSchema),
});
/** A criterion. */
export type Criterion = z.output<typeof CriterionSchema>;

/** A solution's value on a criterion, optionally by one rater. */
export const ScoreSchema = z.strictObject({
  solution: IdSchema,
  criterion: IdSchema,
  value: Finite,
  rater: z.optional(IdSchema),
});
/** A score. */
export type Score = z.output<typeof ScoreSchema>;

/** Points given to one solution on a ballot. */
export const AllocationSchema = z.strictObject({
  solution: IdSchema,
  points: Finite.check(z.gte(0)),
});

/** One stakeholder's ballot: a ranking, approvals, or points (dots or scores) over solutions. */
export const BallotSchema = z.strictObject({
  id: IdSchema,
  voter: IdSchema,
  workshop: z.optional(IdSchema),
  weight: z.optional(Finite.check(z.gte(0))),
  ranking: z.optional(Ids),
  approvals: z.optional(Ids),
  points: z.optional(list(AllocationSchema, 10_000)),
});
/** A ballot. */
export type Ballot = z.output<typeof BallotSchema>;

/** An action of the action plan, carrying out a solution. */
export const ActionSchema = z.strictObject({
  id: IdSchema,
  solution: IdSchema,
  title: TitleSchema,
  description: z.optional(TextSchema),
  owner: z.optional(IdSchema),
  partners: z.optional(Ids),
  start: z.optional(IsoDateSchema),
  end: z.optional(IsoDateSchema),
  duration: z.optional(DurationSchema),
  steps: z.optional(list(StepSchema, 10_000)),
  milestones: z.optional(list(MilestoneSchema, 1000)),
  resources: z.optional(list(ResourceSchema, 1000)),
  cost: z.optional(NonNegativeMoneySchema),
  funding: z.optional(list(FundingSchema, 100)),
  kpis: z.optional(list(KpiSchema, 1000)),
  risks: z.optional(list(RiskSchema, 1000)),
});
/** An action. */
export type Action = z.output<typeof ActionSchema>;
