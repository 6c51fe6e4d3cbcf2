/**
 * Maturity scoring: normalise indicators, aggregate them up a framework's dimension tree, band the
 * scores into levels with an explain trace, and compare two results. (Solution readiness,
 * `assessReadiness`, is part of the solution dossier: `icc-assessment/swot`.)
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
export { compareMaturity } from "./compareMaturity.js";
export type {
  CompareMaturityOptions,
  CompareMaturityResult,
  DimensionChange,
  ScoreChange,
  UnitComparison,
  UnitPair,
} from "./compareMaturity.js";
