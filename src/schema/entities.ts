import * as z from "zod";
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
  country: z.string().regex(/^[A-Z]{2}$/, { message: "expected an ISO 3166-1 alpha-2 country code such as BG" }),
  population: z.number().int().min(0).max(100_000_000).optional(),
});
/** A city. */
export type City = z.output<typeof CitySchema>;

/** A programme edition, such as `icc-2020`, with its start and end dates. */
export const ProgrammeSchema = z.strictObject({
  id: IdSchema,
  title: TitleSchema.optional(),
  start: IsoDateSchema,
  end: IsoDateSchema,
});
/** A programme. */
export type Programme = z.output<typeof ProgrammeSchema>;

/** A thematic track: one of the five ICC 2020–22 tracks, or a custom one (`custom: true`, with a title). */
export const TrackSchema = z.strictObject({
  id: IdSchema,
  title: TitleSchema.optional(),
  custom: z.boolean().optional(),
});
/** A track. */
export type Track = z.output<typeof TrackSchema>;

/** A stakeholder organisation or group, with its quadruple-helix group. */
export const StakeholderSchema = z.strictObject({
  id: IdSchema,
  name: TitleSchema,
  helix: z.enum(helices),
  kind: z.enum(stakeholderKinds),
  description: TextSchema.optional(),
});
/** A stakeholder. */
export type Stakeholder = z.output<typeof StakeholderSchema>;

/** A workshop or meeting, with its participants (stakeholder ids) and outputs. */
export const WorkshopSchema = z.strictObject({
  id: IdSchema,
  kind: z.enum(workshopKinds),
  title: TitleSchema.optional(),
  date: IsoDateSchema,
  participants: Ids,
  outputs: list(TextSchema, 1000).optional(),
});
/** A workshop. */
export type Workshop = z.output<typeof WorkshopSchema>;

/** A score given by one stakeholder (a need's importance, a vote's weight). */
export const StakeholderScoreSchema = z.strictObject({ stakeholder: IdSchema, value: Finite.min(0) });

/** A need raised in a workshop. `dimension` is a dimension id of the assessment's framework. */
export const NeedSchema = z.strictObject({
  id: IdSchema,
  statement: TextSchema.min(1),
  dimension: IdSchema.optional(),
  raisedBy: Ids,
  workshop: IdSchema.optional(),
  /** Dot votes or vote count received. */
  votes: z.number().int().min(0).optional(),
  /** Importance scores given by stakeholders. */
  scores: list(StakeholderScoreSchema, 10_000).optional(),
});
/** A need. */
export type Need = z.output<typeof NeedSchema>;

/** Evidence behind a SWOT item: an indicator id or a need id. */
export const EvidenceSchema = z.strictObject({
  indicator: IdSchema.optional(),
  need: IdSchema.optional(),
  note: TextSchema.optional(),
});

/** A SWOT item: quadrant, text, optional weight (0–1) and rating (1–4), and evidence. */
export const SwotItemSchema = z.strictObject({
  id: IdSchema,
  quadrant: z.enum(swotQuadrants),
  text: TextSchema.min(1),
  weight: Finite.min(0).max(1).optional(),
  rating: Finite.min(1).max(4).optional(),
  evidence: list(EvidenceSchema, 100).optional(),
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
  items: list(IdSchema, 100).min(1),
  text: TextSchema.min(1),
  solutions: Ids.optional(),
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
    z.string().max(100),
    list(IdSchema, 100),
    list(z.strictObject({ row: IdSchema, value: Finite }), 100),
    z.null(),
  ]),
  source: TextSchema.optional(),
  note: TextSchema.optional(),
});
/** An observation. */
export type Observation = z.output<typeof ObservationSchema>;

/** A resource a solution or action needs. */
export const ResourceSchema = z.strictObject({
  kind: z.enum(resourceKinds),
  description: TextSchema.min(1),
  cost: NonNegativeMoneySchema.optional(),
  quantity: Finite.min(0).optional(),
  unit: TitleSchema.optional(),
});
/** A resource. */
export type Resource = z.output<typeof ResourceSchema>;

/** A finish-to-start dependency on another step, with an optional lag in days. */
export const DependencySchema = z.strictObject({
  step: IdSchema,
  lagDays: z.number().int().min(-3650).max(3650).optional(),
});

/** A step of a solution or action. */
export const StepSchema = z.strictObject({
  id: IdSchema,
  title: TitleSchema,
  start: IsoDateSchema.optional(),
  end: IsoDateSchema.optional(),
  duration: DurationSchema.optional(),
  dependsOn: list(DependencySchema, 1000).optional(),
  owner: IdSchema.optional(),
});
/** A step. */
export type Step = z.output<typeof StepSchema>;

/** A milestone, dated or reached when a step ends. */
export const MilestoneSchema = z.strictObject({
  id: IdSchema,
  title: TitleSchema,
  date: IsoDateSchema.optional(),
  afterStep: IdSchema.optional(),
  status: z.enum(milestoneStatuses).optional(),
});
/** A milestone. */
export type Milestone = z.output<typeof MilestoneSchema>;

/** A key performance indicator: baseline, target, unit and due date. */
export const KpiSchema = z.strictObject({
  id: IdSchema,
  title: TitleSchema,
  unit: TitleSchema,
  baseline: Finite.nullable().optional(),
  target: Finite,
  due: IsoDateSchema.optional(),
  direction: z.enum(kpiDirections).optional(),
});
/** A KPI. */
export type Kpi = z.output<typeof KpiSchema>;

/** A risk with likelihood and impact on 1–5 scales. */
export const RiskSchema = z.strictObject({
  id: IdSchema,
  title: TitleSchema,
  likelihood: z.number().int().min(1).max(5),
  impact: z.number().int().min(1).max(5),
  mitigation: TextSchema.optional(),
  owner: IdSchema.optional(),
});
/** A risk. */
export type Risk = z.output<typeof RiskSchema>;

/** Funding from one source. */
export const FundingSchema = z.strictObject({
  source: z.enum(fundingSources),
  amount: NonNegativeMoneySchema,
  secured: z.boolean().optional(),
  note: TextSchema.optional(),
});
/** Funding. */
export type Funding = z.output<typeof FundingSchema>;

/** A candidate solution proposed by stakeholders. */
export const SolutionSchema = z.strictObject({
  id: IdSchema,
  title: TitleSchema,
  description: TextSchema.optional(),
  theme: TitleSchema.optional(),
  proposedBy: Ids.optional(),
  addressesNeeds: Ids.optional(),
  track: IdSchema.optional(),
  readiness: z.enum(readinessLevels),
  swot: list(SwotItemSchema, 1000).optional(),
  resources: list(ResourceSchema, 1000).optional(),
  steps: list(StepSchema, 10_000).optional(),
  expectedResults: list(TextSchema.min(1), 1000).optional(),
  start: IsoDateSchema.optional(),
  end: IsoDateSchema.optional(),
  duration: DurationSchema.optional(),
  cost: NonNegativeMoneySchema.optional(),
  funding: list(FundingSchema, 100).optional(),
  lead: IdSchema.optional(),
  partners: Ids.optional(),
  kpis: list(KpiSchema, 1000).optional(),
  risks: list(RiskSchema, 1000).optional(),
  moscow: z.enum(moscowCategories).optional(),
});
/** A solution. */
export type Solution = z.output<typeof SolutionSchema>;

/** A prioritisation criterion: benefit or cost, its scale and its weight. */
export const CriterionSchema = z.strictObject({
  id: IdSchema,
  title: TitleSchema,
  kind: z.enum(criterionKinds),
  scale: z.strictObject({ min: Finite, max: Finite }).optional(),
  weight: Finite.min(0).optional(),
  description: TextSchema.optional(),
});
/** A criterion. */
export type Criterion = z.output<typeof CriterionSchema>;

/** A solution's value on a criterion, optionally by one rater. */
export const ScoreSchema = z.strictObject({
  solution: IdSchema,
  criterion: IdSchema,
  value: Finite,
  rater: IdSchema.optional(),
});
/** A score. */
export type Score = z.output<typeof ScoreSchema>;

/** Points given to one solution on a ballot. */
export const AllocationSchema = z.strictObject({ solution: IdSchema, points: Finite.min(0) });

/** One stakeholder's ballot: a ranking, approvals, or points (dots or scores) over solutions. */
export const BallotSchema = z.strictObject({
  id: IdSchema,
  voter: IdSchema,
  workshop: IdSchema.optional(),
  weight: Finite.min(0).optional(),
  ranking: Ids.optional(),
  approvals: Ids.optional(),
  points: list(AllocationSchema, 10_000).optional(),
});
/** A ballot. */
export type Ballot = z.output<typeof BallotSchema>;

/** An action of the action plan, carrying out a solution. */
export const ActionSchema = z.strictObject({
  id: IdSchema,
  solution: IdSchema,
  title: TitleSchema,
  description: TextSchema.optional(),
  owner: IdSchema.optional(),
  partners: Ids.optional(),
  start: IsoDateSchema.optional(),
  end: IsoDateSchema.optional(),
  duration: DurationSchema.optional(),
  steps: list(StepSchema, 10_000).optional(),
  milestones: list(MilestoneSchema, 1000).optional(),
  resources: list(ResourceSchema, 1000).optional(),
  cost: NonNegativeMoneySchema.optional(),
  funding: list(FundingSchema, 100).optional(),
  kpis: list(KpiSchema, 1000).optional(),
  risks: list(RiskSchema, 1000).optional(),
});
/** An action. */
export type Action = z.output<typeof ActionSchema>;
