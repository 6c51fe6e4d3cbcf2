import * as z from "zod/mini";
import type { Parsed } from "../_lib/parsed.js";
import { FORMAT_VERSION } from "./vocabularies.js";
import {
  IdSchema,
  IsoDateSchema,
  list,
  NonNegativeMoneySchema,
  NotesSchema,
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

/** `formatVersion` of a document: `"MAJOR.MINOR"`. Only major 1 is read by this version. */
export const FormatVersionSchema = z
  .string()
  .check(z.regex(/^\d+\.\d+$/, { message: 'expected a format version such as "1.0"' }));

/** The maturity part of an assessment: which framework, the answers, and the target levels. */
export const MaturityInputSchema = z.strictObject({
  framework: z.strictObject({ id: IdSchema, version: z.string().check(z.maxLength(20)) }),
  assessedOn: z.optional(IsoDateSchema),
  observations: list(ObservationSchema, 1_000_000),
  /** Target level per dimension, used for maturity gaps in needs ranking. */
  targets: z.optional(list(z.strictObject({ dimension: IdSchema, level: IdSchema }), 1000)),
});

/** A pairwise judgement between two criteria on Saaty's 1–9 scale (value = importance of a over b). */
export const JudgementSchema = z.strictObject({
  respondent: z.optional(IdSchema),
  a: IdSchema,
  b: IdSchema,
  value: z.number().check(z.gte(1 / 9), z.lte(9)),
});
/** A pairwise judgement. */
export type Judgement = z.output<typeof JudgementSchema>;

/** Prioritisation input beyond scores: AHP judgements on the criteria. */
export const PrioritisationInputSchema = z.strictObject({
  criteriaJudgements: z.optional(list(JudgementSchema, 100_000)),
});

/** The plan: its start date (horizons are measured from it), selected solutions, and budget. */
export const PlanInputSchema = z.strictObject({
  start: z.optional(IsoDateSchema),
  selected: z.optional(list(IdSchema, 10_000)),
  budget: z.optional(NonNegativeMoneySchema),
});

const AssessmentShape = z.strictObject({
  $schema: z.optional(z.string().check(z.maxLength(2000))),
  formatVersion: FormatVersionSchema,
  notes: z.optional(NotesSchema),
  city: CitySchema,
  programme: ProgrammeSchema,
  track: TrackSchema,
  stakeholders: list(StakeholderSchema, 10_000),
  workshops: list(WorkshopSchema, 1000),
  frameworks: z.optional(list(MaturityFrameworkSchema, 20)),
  maturity: z.optional(MaturityInputSchema),
  needs: list(NeedSchema, 10_000),
  swot: z.optional(list(SwotItemSchema, 1000)),
  tows: z.optional(list(TowsStrategySchema, 1000)),
  solutions: list(SolutionSchema, 10_000),
  criteria: z.optional(list(CriterionSchema, 100)),
  scores: z.optional(list(ScoreSchema, 1_000_000)),
  ballots: z.optional(list(BallotSchema, 100_000)),
  prioritisation: z.optional(PrioritisationInputSchema),
  plan: z.optional(PlanInputSchema),
  actions: z.optional(list(ActionSchema, 10_000)),
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
