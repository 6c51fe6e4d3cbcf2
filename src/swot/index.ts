/**
 * SWOT and TOWS: SWOT items grouped and weighted (IFE/EFE matrices, strategic position), TOWS
 * strategies from explicit links, and the ICC per-solution dossier with its readiness and gaps.
 *
 * @module swot
 */
export { buildSwot } from "./buildSwot.js";
export type {
  BuildSwotOptions,
  BuildSwotResult,
  FactorEvaluation,
  FactorEvaluationRow,
  RatingConvention,
  SwotPosition,
} from "./buildSwot.js";
export { buildSwotForAssessment } from "./buildSwotForAssessment.js";
export type {
  BuildSwotForAssessmentOptions,
  BuildSwotForAssessmentResult,
  SolutionSwot,
} from "./buildSwotForAssessment.js";
export { crossSwot } from "./crossSwot.js";
export type {
  CrossSwotOptions,
  CrossSwotResult,
  SwotQuadrantLists,
  TowsItemUsage,
  TowsLink,
  TowsStrategyResult,
} from "./crossSwot.js";
export { assessReadiness, readinessCriteria, readinessSteps } from "./assessReadiness.js";
export type {
  ReadinessAssessment,
  ReadinessCheck,
  ReadinessCriterion,
  ReadinessStep,
} from "./assessReadiness.js";
export { solutionDossier } from "./solutionDossier.js";
export type {
  DossierResource,
  DossierResourceKind,
  DossierResources,
  DossierStakeholder,
  SolutionDossier,
  SolutionDossierOptions,
  SwotSummary,
} from "./solutionDossier.js";
export { dossierGaps, dossierGapCodes } from "./dossierGaps.js";
export type { DossierGap, DossierGapCode, DossierGapsResult } from "./dossierGaps.js";
