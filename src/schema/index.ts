/**
 * The domain model and exchange format: zod schemas with inferred types, the parse/safeParse
 * boundaries, framework validation and JSON Schema emission. The only module importing zod.
 *
 * @module schema
 */
export * from "./vocabularies.js";
export {
  AmountSchema,
  CurrencySchema,
  DurationSchema,
  IdSchema,
  IsoDateSchema,
  MoneySchema,
  NonNegativeMoneySchema,
  SourceSchema,
} from "./common.js";
export type { Duration, Money, Source } from "./common.js";
export {
  AggregationSpecSchema,
  DimensionSchema,
  IndicatorSchema,
  LevelBandSchema,
  MaturityFrameworkSchema,
  NormaliseSpecSchema,
} from "./framework.js";
export type {
  AggregationSpec,
  Dimension,
  Indicator,
  LevelBand,
  MaturityFramework,
  MaturityFrameworkInput,
  NormaliseSpec,
} from "./framework.js";
export {
  ActionSchema,
  BallotSchema,
  CitySchema,
  CriterionSchema,
  DependencySchema,
  FundingSchema,
  KpiSchema,
  MilestoneSchema,
  NeedSchema,
  ObservationSchema,
  ProgrammeSchema,
  ResourceSchema,
  RiskSchema,
  ScoreSchema,
  SolutionSchema,
  StakeholderSchema,
  StepSchema,
  SwotItemSchema,
  TowsStrategySchema,
  TrackSchema,
  WorkshopSchema,
} from "./entities.js";
export type {
  Action,
  Ballot,
  City,
  Criterion,
  Funding,
  Kpi,
  Milestone,
  Need,
  Observation,
  Programme,
  Resource,
  Risk,
  Score,
  Solution,
  Stakeholder,
  Step,
  SwotItem,
  TowsStrategy,
  Track,
  Workshop,
} from "./entities.js";
export { FormatVersionSchema } from "./version.js";
export {
  AssessmentSchema,
  JudgementSchema,
  MaturityInputSchema,
  PlanInputSchema,
  PrioritisationInputSchema,
} from "./assessment.js";
export type { Assessment, AssessmentData, AssessmentInput, Judgement } from "./assessment.js";
export {
  ProvenanceSchema,
  ReportMoneySchema,
  ReportSchema,
  ReportSectionsSchema,
} from "./report.js";
export type {
  Report,
  ReportData,
  ReportMoney,
  ReportProvenance,
  ReportSections,
} from "./report.js";
export { parseAssessment, safeParseAssessment } from "./parseAssessment.js";
export type { ParseAssessmentOptions } from "./parseAssessment.js";
export { validateAssessment } from "./validateAssessment.js";
export type { ValidateAssessmentOptions, ValidateAssessmentResult } from "./validateAssessment.js";
export { parseReport, safeParseReport } from "./parseReport.js";
export { AnswersSchema, parseAnswers, safeParseAnswers } from "./answers.js";
export type { Answers, AnswersData, AnswersInput, ParseAnswersOptions } from "./answers.js";
export { defineFramework, safeDefineFramework } from "./defineFramework.js";
export { checkFramework, resolveBands, DEFAULT_SCALE } from "./checkFramework.js";
export type { ResolvedBand } from "./checkFramework.js";
export { parseJson } from "./parseJson.js";
export type { ParseJsonOptions } from "./parseJson.js";
export { toJsonSchema, jsonSchemaId, jsonSchemaKinds } from "./toJsonSchema.js";
export type { JsonSchemaKind } from "./toJsonSchema.js";
export type { SafeParseResult } from "./_parse.js";
export type { Parsed, ParsedKind } from "../_lib/parsed.js";
export {
  AssessmentError,
  formatPath,
  isAssessmentError,
  errorCodes,
  warningCodes,
  warningMeanings,
} from "../errors/index.js";
export type { ErrorCode, Issue, PathSegment, WarningCode } from "../errors/index.js";
