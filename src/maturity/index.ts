/**
 * Maturity scoring: normalise indicators, aggregate them up a framework's dimension tree, band the
 * scores into levels with an explain trace, compare two results, and assess solution readiness.
 *
 * @module maturity
 */
export { normalise } from "./normalise.js";
export { aggregate } from "./aggregate.js";
export type { AggregateOptions, ZeroPolicy } from "./aggregate.js";
export { levelFor } from "./levelFor.js";
export type { LevelBands, LevelRef } from "./levelFor.js";
export { scoreMaturity } from "./scoreMaturity.js";
export type {
  AggregationStep,
  AppliedAggregation,
  DimensionMethod,
  DimensionScore,
  IndicatorMethod,
  IndicatorScore,
  MaturityMethod,
  MaturityResult,
  ObservedValue,
  OverallScore,
  ScoreMaturityOptions,
  UnitMaturity,
} from "./scoreMaturity.js";
export { assessReadiness, readinessCriteria, readinessSteps } from "./assessReadiness.js";
export type {
  ReadinessAssessment,
  ReadinessCheck,
  ReadinessCriterion,
  ReadinessStep,
} from "./assessReadiness.js";
export { compareMaturity } from "./compareMaturity.js";
export type {
  CompareMaturityOptions,
  CompareMaturityResult,
  DimensionChange,
  ScoreChange,
  UnitComparison,
  UnitPair,
} from "./compareMaturity.js";
