import * as z from "zod/mini";
import type { Parsed } from "../_lib/parsed.js";
import { FORMAT_VERSION } from "./vocabularies.js";
import {
  described as d,
  IdSchema,
  IsoDateSchema,
  list,
  NonNegativeMoneySchema,
  NotesSchema,
  ref,
  shortString,
  withMeta,
} from "./common.js";
import {
  ActionSchema,
  BallotSchema,
  CitySchema,
  CriterionSchema,
  NeedSchema,
  ObservationSchema,
  ProgrammeSchema,
  ScoreSchema,
  SolutionSchema,
  StakeholderSchema,
  SwotItemSchema,
  TowsStrategySchema,
  TrackSchema,
  WorkshopSchema,
} from "./entities.js";
import { MaturityFrameworkSchema } from "./framework.js";
import { FormatVersionSchema } from "./version.js";

/** `formatVersion` of an assessment: the one version pattern of every document (`./version.ts`). */
const AssessmentFormatVersionSchema = d(
  FormatVersionSchema,
  'The exchange format version, "MAJOR.MINOR"; this library reads major 1.',
);

/** The maturity part of an assessment: which framework, the answers, and the target levels. */
export const MaturityInputSchema = d(
  z.strictObject({
    framework: d(
      z.strictObject({
        id: d(
          IdSchema,
          "Id of the framework: a built-in one, one in `frameworks`, or one passed to the validator.",
        ),
        version: d(shortString(20), "The framework's exact version."),
      }),
      "The maturity framework the answers are for.",
    ),
    assessedOn: z.optional(d(IsoDateSchema, "When the answers were collected.")),
    observations: d(
      list(ObservationSchema, 1_000_000),
      "The answers: one per unit and indicator (null when unanswered).",
    ),
    targets: z.optional(
      d(
        list(
          d(
            z.strictObject({
              dimension: ref("a dimension of the framework"),
              level: ref("a level of the framework (`levels[].id`) the city aims at"),
            }),
            "The level the city aims at in one dimension.",
          ),
          1000,
        ),
        "Target level per dimension, used for maturity gaps in needs ranking and the report.",
      ),
    ),
  }),
  "The maturity self-assessment: which framework, and the answers to its questions.",
);

/** A pairwise judgement between two criteria on Saaty's 1–9 scale (value = importance of a over b). */
export const JudgementSchema = d(
  z.strictObject({
    respondent: z.optional(ref("the stakeholder in `stakeholders` who judged")),
    a: ref("the first criterion in `criteria`"),
    b: ref("the second criterion in `criteria`"),
    value: d(
      z.number().check(z.gte(1 / 9), z.lte(9)),
      "How much more important a is than b, on Saaty's scale from 1/9 to 9 (1: equal).",
    ),
  }),
  "A pairwise comparison of two criteria (AHP).",
);
/** A pairwise judgement. */
export type Judgement = z.output<typeof JudgementSchema>;

/** Prioritisation input beyond scores: AHP judgements on the criteria. */
export const PrioritisationInputSchema = d(
  z.strictObject({
    criteriaJudgements: z.optional(
      d(
        list(JudgementSchema, 100_000),
        "Pairwise comparisons of the criteria; with them, AHP gives the criteria weights.",
      ),
    ),
  }),
  "Prioritisation input beyond the scores.",
);

/** The plan: its start date (horizons are measured from it), selected solutions, and budget. */
export const PlanInputSchema = d(
  z.strictObject({
    start: z.optional(
      d(
        IsoDateSchema,
        "The plan start: quick wins end within 6 months of it, long-term projects within 15. Default: the programme start.",
      ),
    ),
    selected: z.optional(
      d(
        list(ref("a solution in `solutions`"), 10_000),
        "The priority solutions the city selected, in priority order.",
      ),
    ),
    budget: z.optional(d(NonNegativeMoneySchema, "The money available for the action plan.")),
  }),
  "The action plan's start, selected solutions and budget.",
);

const AssessmentShape = z.strictObject({
  $schema: z.optional(
    d(
      shortString(2000),
      "URL or path of this document's JSON Schema, for editors; not read by the library.",
    ),
  ),
  formatVersion: AssessmentFormatVersionSchema,
  notes: z.optional(d(NotesSchema, "Free-text notes on the document, one string or several.")),
  city: CitySchema,
  programme: ProgrammeSchema,
  track: TrackSchema,
  stakeholders: d(list(StakeholderSchema, 10_000), "The stakeholders taking part."),
  workshops: d(list(WorkshopSchema, 1000), "The workshops held."),
  frameworks: z.optional(
    d(
      list(MaturityFrameworkSchema, 20),
      "Maturity frameworks of the city's own, embedded (the built-in ones need not be).",
    ),
  ),
  maturity: z.optional(MaturityInputSchema),
  needs: d(list(NeedSchema, 10_000), "The needs raised."),
  swot: z.optional(d(list(SwotItemSchema, 1000), "The city's SWOT items.")),
  tows: z.optional(
    d(list(TowsStrategySchema, 1000), "TOWS strategies built on the city's SWOT items."),
  ),
  solutions: d(list(SolutionSchema, 10_000), "The candidate solutions."),
  criteria: z.optional(d(list(CriterionSchema, 100), "The criteria the solutions are scored on.")),
  scores: z.optional(
    d(
      list(ScoreSchema, 1_000_000),
      "Each solution's score on each criterion (by rater, optionally).",
    ),
  ),
  ballots: z.optional(d(list(BallotSchema, 100_000), "Stakeholders' votes on the solutions.")),
  prioritisation: z.optional(PrioritisationInputSchema),
  plan: z.optional(PlanInputSchema),
  actions: z.optional(
    d(
      list(ActionSchema, 10_000),
      "Actions of the action plan, when spelt out beyond the solutions.",
    ),
  ),
});

/** The whole input for one city: the document a city writes and `parseAssessment` reads. */
export const AssessmentSchema = withMeta(AssessmentShape, {
  title: "ICC assessment",
  description: `An Intelligent Cities Challenge assessment of one city (icc-assessment format ${FORMAT_VERSION}).`,
});

/** An assessment's data as the schema shapes it (money as Decimal), before the semantic rules. */
export type AssessmentData = z.output<typeof AssessmentSchema>;
/**
 * A parsed assessment: the fresh, frozen value `parseAssessment` returns (money as Decimal). Stage
 * functions trust it; a hand-built object is a type error, and `not_parsed` at run time.
 */
export type Assessment = Parsed<AssessmentData, "assessment">;
/** An assessment as written in JSON. */
export type AssessmentInput = z.input<typeof AssessmentSchema>;
