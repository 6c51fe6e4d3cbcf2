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
  described as d,
  DurationSchema,
  IdSchema,
  IsoDateSchema,
  list,
  NonNegativeMoneySchema,
  ref,
  shortString,
  TextSchema,
  TitleSchema,
} from "./common.js";

// Every field carries its description (`d`, zod metadata): the one home of the field docs that the
// JSON Schemas and docs/data-format.md show. A reference says what it refers to (`ref`).

const Finite = z.number();
/** A list of references to items of another collection. */
const refs = (what: string, description: string) => d(list(ref(what), 10_000), description);

/** A city. `country` is an ISO 3166-1 alpha-2 code. */
export const CitySchema = d(
  z.strictObject({
    id: d(IdSchema, "The city's id; maturity answers for the city use it as their unit."),
    name: d(TitleSchema, "The city's name, as reports show it."),
    country: d(
      z.string().check(
        z.regex(/^[A-Z]{2}$/, {
          message: "expected the city's ISO 3166-1 alpha-2 country code, such as BG, DE or FR",
        }),
      ),
      "The city's country: an ISO 3166-1 alpha-2 code in capitals, such as BG.",
    ),
    population: z.optional(
      d(z.number().check(z.int(), z.gte(0), z.lte(100_000_000)), "Number of inhabitants."),
    ),
  }),
  "The city assessed.",
);
/** A city. */
export type City = z.output<typeof CitySchema>;

/** A programme edition, such as `icc-2020`, with its start and end dates. */
export const ProgrammeSchema = d(
  z.strictObject({
    id: d(IdSchema, "The programme edition's id, such as `icc-2020`."),
    title: z.optional(
      d(TitleSchema, "The programme's name, such as Intelligent Cities Challenge."),
    ),
    start: d(
      IsoDateSchema,
      "First day of the programme; horizons start here when the plan gives no start.",
    ),
    end: d(IsoDateSchema, "Last day of the programme."),
  }),
  "The programme edition the assessment belongs to.",
);
/** A programme. */
export type Programme = z.output<typeof ProgrammeSchema>;

/** A thematic track: one of the five ICC 2020–22 tracks, or a custom one (`custom: true`, with a title). */
export const TrackSchema = d(
  z.strictObject({
    id: d(IdSchema, "One of the five ICC 2020–22 track ids, or a custom track's own id."),
    title: z.optional(d(TitleSchema, "The track's name; required for a custom track.")),
    custom: z.optional(
      d(z.boolean(), "True for a track that is not one of the five ICC tracks (default false)."),
    ),
  }),
  "The thematic track the city follows.",
);
/** A track. */
export type Track = z.output<typeof TrackSchema>;

/** A stakeholder organisation or group, with its quadruple-helix group. */
export const StakeholderSchema = d(
  z.strictObject({
    id: IdSchema,
    name: d(TitleSchema, "The organisation's or group's name."),
    helix: d(
      z.enum(helices),
      "Its quadruple-helix group: public sector, business, academia or civil society.",
    ),
    kind: d(z.enum(stakeholderKinds), "What kind of organisation or group it is."),
    description: z.optional(d(TextSchema, "What it does and why it takes part.")),
  }),
  "A stakeholder organisation or group taking part in the assessment.",
);
/** A stakeholder. */
export type Stakeholder = z.output<typeof StakeholderSchema>;

/** A workshop or meeting, with its participants (stakeholder ids) and outputs. */
export const WorkshopSchema = d(
  z.strictObject({
    id: IdSchema,
    kind: d(z.enum(workshopKinds), "What the workshop was for."),
    title: z.optional(d(TitleSchema, "The workshop's name.")),
    date: d(IsoDateSchema, "The day it took place."),
    participants: refs("a stakeholder in `stakeholders`", "The stakeholders who took part, by id."),
    outputs: z.optional(
      d(list(d(TextSchema, "One output."), 1000), "What the workshop produced, in words."),
    ),
  }),
  "A workshop or meeting of the stakeholders.",
);
/** A workshop. */
export type Workshop = z.output<typeof WorkshopSchema>;

/** A score given by one stakeholder (a need's importance, a vote's weight). */
export const StakeholderScoreSchema = d(
  z.strictObject({
    stakeholder: ref("the stakeholder in `stakeholders` who gave the score"),
    value: d(Finite.check(z.gte(0)), "The score given (≥ 0); higher means more important."),
  }),
  "A score given by one stakeholder.",
);

/** A need raised in a workshop. `dimension` is a dimension id of the assessment's framework. */
export const NeedSchema = d(
  z.strictObject({
    id: IdSchema,
    statement: d(TextSchema.check(z.minLength(1)), "The need, in the stakeholders' words."),
    dimension: z.optional(
      ref("a dimension of the maturity framework (`maturity.framework`) the need belongs to"),
    ),
    raisedBy: refs(
      "a stakeholder in `stakeholders`",
      "The stakeholders who raised the need, by id.",
    ),
    workshop: z.optional(ref("the workshop in `workshops` where the need was raised")),
    votes: z.optional(
      d(z.number().check(z.int(), z.gte(0)), "Dot votes or vote count the need received."),
    ),
    scores: z.optional(
      d(
        list(StakeholderScoreSchema, 10_000),
        "Importance scores given by stakeholders, one per stakeholder.",
      ),
    ),
  }),
  "A need raised by stakeholders.",
);
/** A need. */
export type Need = z.output<typeof NeedSchema>;

/** Evidence behind a SWOT item: an indicator id or a need id. */
export const EvidenceSchema = d(
  z.strictObject({
    indicator: z.optional(ref("an indicator of the maturity framework that supports the item")),
    need: z.optional(ref("a need in `needs` that supports the item")),
    note: z.optional(d(TextSchema, "The evidence in words.")),
  }),
  "Evidence behind a SWOT item: a maturity indicator, a need, or a note.",
);

/** A SWOT item: quadrant, text, optional weight (0–1) and rating (1–4), and evidence. */
export const SwotItemSchema = d(
  z.strictObject({
    id: IdSchema,
    quadrant: d(
      z.enum(swotQuadrants),
      "Strength or weakness (internal), opportunity or threat (external).",
    ),
    text: d(TextSchema.check(z.minLength(1)), "The item in words."),
    weight: z.optional(
      d(
        Finite.check(z.gte(0), z.lte(1)),
        "Its weight (0–1) in David's IFE/EFE matrix; weights of strengths and weaknesses sum to 1, as do those of opportunities and threats.",
      ),
    ),
    rating: z.optional(
      d(
        Finite.check(z.gte(1), z.lte(4)),
        "Its rating (1–4) in David's IFE/EFE matrix: how strongly the city's response holds (4 a major strength or a superior response).",
      ),
    ),
    evidence: z.optional(d(list(EvidenceSchema, 100), "What supports the item.")),
  }),
  "A SWOT item.",
);
/** A SWOT item. */
export type SwotItem = z.output<typeof SwotItemSchema>;

/**
 * A TOWS strategy: a kind (`SO`, `ST`, `WO`, `WT`), the city SWOT items it links, its text, and
 * optionally the solutions that carry it out.
 */
export const TowsStrategySchema = d(
  z.strictObject({
    id: IdSchema,
    kind: d(
      z.enum(towsKinds),
      "Which quadrants it pairs: SO, ST, WO or WT (S strength, W weakness, O opportunity, T threat).",
    ),
    items: d(
      list(ref("a city SWOT item in `swot`"), 100).check(z.minLength(1)),
      "The SWOT items the strategy links, from its two quadrants.",
    ),
    text: d(TextSchema.check(z.minLength(1)), "The strategy in words."),
    solutions: z.optional(
      refs("a solution in `solutions`", "The solutions that carry out the strategy."),
    ),
  }),
  "A TOWS strategy linking city SWOT items.",
);
/** A TOWS strategy. */
export type TowsStrategy = z.output<typeof TowsStrategySchema>;

/** One answer: unit (a city, or a city at a date), indicator, value or null. */
export const ObservationSchema = d(
  z.strictObject({
    unit: d(
      IdSchema,
      "Who or when the answer is for: the city's id (`city.id`), or another unit such as the city at a date.",
    ),
    indicator: ref("the indicator (question) of the maturity framework this answers"),
    value: d(
      z.union([
        d(Finite, "A numeric answer, or a Likert answer on the indicator's scale."),
        d(z.boolean(), "A yes/no answer."),
        d(shortString(100), "A categorical answer: the value of one option."),
        d(list(ref("a ticked option of the indicator"), 100), "A multi-select answer."),
        d(
          list(
            d(
              z.strictObject({
                row: ref("a row of the indicator's rating grid"),
                value: d(Finite, "The row's rating, on the indicator's scale."),
              }),
              "One rated row.",
            ),
            100,
          ),
          "A rating-grid answer: one rating per row.",
        ),
        d(z.null(), "Unanswered (unknown); never counted as 0."),
      ]),
      "The answer, of the indicator's type; null when unanswered.",
    ),
    source: z.optional(d(TextSchema, "Where the answer comes from.")),
    note: z.optional(d(TextSchema, "A comment on the answer.")),
  }),
  "One answer to one maturity question, for one unit.",
);
/** An observation. */
export type Observation = z.output<typeof ObservationSchema>;

/** A resource a solution or action needs. */
export const ResourceSchema = d(
  z.strictObject({
    kind: d(z.enum(resourceKinds), "What kind of resource it is."),
    description: d(TextSchema.check(z.minLength(1)), "The resource in words."),
    cost: z.optional(d(NonNegativeMoneySchema, "What it costs in total.")),
    quantity: z.optional(d(Finite.check(z.gte(0)), "How much of it is needed, in `unit`.")),
    unit: z.optional(d(TitleSchema, "The unit of `quantity`, such as person-months.")),
  }),
  "A resource a solution or action needs.",
);
/** A resource. */
export type Resource = z.output<typeof ResourceSchema>;

/** A finish-to-start dependency on another step, with an optional lag in days. */
export const DependencySchema = d(
  z.strictObject({
    step: ref("the step (of the same solution or action) that must finish first"),
    lagDays: z.optional(
      d(
        z.number().check(z.int(), z.gte(-3650), z.lte(3650)),
        "Days between that step's end and this step's start (negative: overlap). Default 0.",
      ),
    ),
  }),
  "A finish-to-start dependency on another step.",
);

/** A step of a solution or action. */
export const StepSchema = d(
  z.strictObject({
    id: d(IdSchema, "The step's id, unique among the steps of its solution or action."),
    title: d(TitleSchema, "The step in a few words."),
    start: z.optional(d(IsoDateSchema, "Its first day; default: when its dependencies allow.")),
    end: z.optional(d(IsoDateSchema, "Its last day.")),
    duration: z.optional(d(DurationSchema, "How long it takes, when no end is given.")),
    dependsOn: z.optional(
      d(list(DependencySchema, 1000), "Steps that must finish before this one starts."),
    ),
    owner: z.optional(ref("the stakeholder in `stakeholders` responsible for the step")),
  }),
  "A step of a solution or action.",
);
/** A step. */
export type Step = z.output<typeof StepSchema>;

/** A milestone, dated or reached when a step ends. */
export const MilestoneSchema = d(
  z.strictObject({
    id: IdSchema,
    title: d(TitleSchema, "The milestone in a few words."),
    date: z.optional(d(IsoDateSchema, "When it is due.")),
    afterStep: z.optional(ref("a step of the action; the milestone is reached when it ends")),
    status: z.optional(d(z.enum(milestoneStatuses), "Where it stands. Default planned.")),
  }),
  "A milestone of an action.",
);
/** A milestone. */
export type Milestone = z.output<typeof MilestoneSchema>;

/** A key performance indicator: baseline, target, unit and due date. */
export const KpiSchema = d(
  z.strictObject({
    id: IdSchema,
    title: d(TitleSchema, "What is measured."),
    unit: d(TitleSchema, "The unit of the baseline and target, such as % or visits per month."),
    baseline: z.optional(
      d(z.nullable(Finite), "The value at the start; null or absent when unknown."),
    ),
    target: d(Finite, "The value to reach."),
    due: z.optional(d(IsoDateSchema, "When the target should be reached.")),
    direction: z.optional(
      d(
        z.enum(kpiDirections),
        "Whether the KPI should increase or decrease; default: decrease when the target is below the baseline, else increase.",
      ),
    ),
  }),
  "A key performance indicator.",
);
/** A KPI. */
export type Kpi = z.output<typeof KpiSchema>;

/** A risk with likelihood and impact on 1–5 scales. */
export const RiskSchema = d(
  z.strictObject({
    id: IdSchema,
    title: d(TitleSchema, "The risk in a few words."),
    likelihood: d(
      z.number().check(z.int(), z.gte(1), z.lte(5)),
      "How likely it is, from 1 (rare) to 5 (almost certain).",
    ),
    impact: d(
      z.number().check(z.int(), z.gte(1), z.lte(5)),
      "How bad it would be, from 1 (negligible) to 5 (severe).",
    ),
    mitigation: z.optional(d(TextSchema, "What is done to prevent or soften it.")),
    owner: z.optional(ref("the stakeholder in `stakeholders` who watches the risk")),
  }),
  "A risk to a solution or action.",
);
/** A risk. */
export type Risk = z.output<typeof RiskSchema>;

/** Funding from one source. */
export const FundingSchema = d(
  z.strictObject({
    source: d(z.enum(fundingSources), "Where the money comes from."),
    amount: d(NonNegativeMoneySchema, "How much."),
    secured: z.optional(
      d(z.boolean(), "True when the money is committed; absent or false when it is only expected."),
    ),
    note: z.optional(d(TextSchema, "A comment, such as the call or programme.")),
  }),
  "Funding from one source.",
);
/** Funding. */
export type Funding = z.output<typeof FundingSchema>;

/** A candidate solution proposed by stakeholders. */
export const SolutionSchema = d(
  z.strictObject({
    id: IdSchema,
    title: d(TitleSchema, "The solution in a few words."),
    description: z.optional(d(TextSchema, "What the solution is and does.")),
    theme: z.optional(d(TitleSchema, "A theme that groups solutions in the report.")),
    proposedBy: z.optional(
      refs("a stakeholder in `stakeholders`", "The stakeholders who proposed it."),
    ),
    addressesNeeds: z.optional(refs("a need in `needs`", "The needs it addresses.")),
    track: z.optional(ref("the track it serves, when not the assessment's `track`")),
    readiness: d(
      z.enum(readinessLevels),
      "How ready it is, as declared: idea, concept, prepared, piloted or deployed.",
    ),
    swot: z.optional(d(list(SwotItemSchema, 1000), "The solution's own SWOT analysis.")),
    resources: z.optional(d(list(ResourceSchema, 1000), "The resources it needs.")),
    steps: z.optional(d(list(StepSchema, 10_000), "Its implementation steps.")),
    expectedResults: z.optional(
      d(
        list(d(TextSchema.check(z.minLength(1)), "One expected result."), 1000),
        "What it should achieve, in words.",
      ),
    ),
    start: z.optional(d(IsoDateSchema, "Its first day; default: the plan start.")),
    end: z.optional(d(IsoDateSchema, "Its last day; decides its horizon.")),
    duration: z.optional(
      d(DurationSchema, "How long it takes from its start, when no end is given."),
    ),
    cost: z.optional(d(NonNegativeMoneySchema, "Its total cost.")),
    funding: z.optional(d(list(FundingSchema, 100), "Its funding, by source.")),
    lead: z.optional(ref("the stakeholder in `stakeholders` who leads it")),
    partners: z.optional(
      refs("a stakeholder in `stakeholders`", "The stakeholders who take part."),
    ),
    kpis: z.optional(d(list(KpiSchema, 1000), "How its results are measured.")),
    risks: z.optional(d(list(RiskSchema, 1000), "What could go wrong.")),
    moscow: z.optional(
      d(z.enum(moscowCategories), "Its MoSCoW category: must, should, could or won't have."),
    ),
  }),
  "A candidate solution proposed by stakeholders.",
);
/** A solution. */
export type Solution = z.output<typeof SolutionSchema>;

/** A prioritisation criterion: benefit or cost, its scale and its weight. */
export const CriterionSchema = d(
  z.strictObject({
    id: IdSchema,
    title: d(TitleSchema, "The criterion in a few words."),
    kind: d(
      z.enum(criterionKinds),
      "benefit: a higher score is better; cost: a lower score is better.",
    ),
    scale: z.optional(
      d(
        z.strictObject({
          min: d(Finite, "Lowest score allowed."),
          max: d(Finite, "Highest score allowed."),
        }),
        "The range scores on this criterion must lie in.",
      ),
    ),
    weight: z.optional(
      d(
        Finite.check(z.gte(0)),
        "Its weight (≥ 0), divided by the sum of the weights; needed on every criterion unless `prioritisation.criteriaJudgements` give the weights (AHP).",
      ),
    ),
    description: z.optional(d(TextSchema, "What the criterion measures and how to score it.")),
  }),
  "A criterion the solutions are compared on.",
);
/** A criterion. */
export type Criterion = z.output<typeof CriterionSchema>;

/** A solution's value on a criterion, optionally by one rater. */
export const ScoreSchema = d(
  z.strictObject({
    solution: ref("the solution in `solutions` scored"),
    criterion: ref("the criterion in `criteria` it is scored on"),
    value: d(Finite, "The score, on the criterion's scale."),
    rater: z.optional(
      ref(
        "the stakeholder in `stakeholders` who gave the score; several raters' scores are averaged",
      ),
    ),
  }),
  "A solution's score on one criterion.",
);
/** A score. */
export type Score = z.output<typeof ScoreSchema>;

/** Points given to one solution on a ballot. */
export const AllocationSchema = d(
  z.strictObject({
    solution: ref("the solution in `solutions` the points go to"),
    points: d(Finite.check(z.gte(0)), "The points (dots, or a score) given to it."),
  }),
  "Points given to one solution.",
);

/** One stakeholder's ballot: a ranking, approvals, or points (dots or scores) over solutions. */
export const BallotSchema = d(
  z.strictObject({
    id: IdSchema,
    voter: ref("the stakeholder in `stakeholders` who cast the ballot"),
    workshop: z.optional(ref("the workshop in `workshops` where it was cast (its poll)")),
    weight: z.optional(d(Finite.check(z.gte(0)), "How much the ballot counts (≥ 0). Default 1.")),
    ranking: z.optional(
      refs("a solution in `solutions`", "The solutions in order of preference, best first."),
    ),
    approvals: z.optional(refs("a solution in `solutions`", "The solutions the voter approves.")),
    points: z.optional(
      d(list(AllocationSchema, 10_000), "Points (dots or scores) given to solutions."),
    ),
  }),
  "One stakeholder's ballot over the solutions.",
);
/** A ballot. */
export type Ballot = z.output<typeof BallotSchema>;

/** An action of the action plan, carrying out a solution. */
export const ActionSchema = d(
  z.strictObject({
    id: IdSchema,
    solution: ref("the solution in `solutions` the action carries out"),
    title: d(TitleSchema, "The action in a few words."),
    description: z.optional(d(TextSchema, "What the action does.")),
    owner: z.optional(ref("the stakeholder in `stakeholders` responsible for the action")),
    partners: z.optional(
      refs("a stakeholder in `stakeholders`", "The stakeholders who take part."),
    ),
    start: z.optional(d(IsoDateSchema, "Its first day; default: the plan start.")),
    end: z.optional(d(IsoDateSchema, "Its last day.")),
    duration: z.optional(d(DurationSchema, "How long it takes, when no end is given.")),
    steps: z.optional(d(list(StepSchema, 10_000), "Its steps.")),
    milestones: z.optional(d(list(MilestoneSchema, 1000), "Its milestones.")),
    resources: z.optional(d(list(ResourceSchema, 1000), "The resources it needs.")),
    cost: z.optional(d(NonNegativeMoneySchema, "Its total cost; default: its resources' costs.")),
    funding: z.optional(d(list(FundingSchema, 100), "Its funding, by source.")),
    kpis: z.optional(d(list(KpiSchema, 1000), "How its results are measured.")),
    risks: z.optional(d(list(RiskSchema, 1000), "What could go wrong.")),
  }),
  "An action of the action plan, carrying out a solution.",
);
/** An action. */
export type Action = z.output<typeof ActionSchema>;
