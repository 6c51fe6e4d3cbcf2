/**
 * Needs assessment: ranked needs with each factor's contribution, which solutions cover which
 * needs, and which stakeholder groups took part.
 *
 * @module needs
 */
export { rankNeeds, needFactors, DEFAULT_NEED_FACTOR_WEIGHTS } from "./rankNeeds.js";
export type {
  NeedFactor,
  NeedFactorContribution,
  RankedNeed,
  RankNeedsFactor,
  RankNeedsMaturity,
  RankNeedsOptions,
  RankNeedsResult,
} from "./rankNeeds.js";
export { needCoverage } from "./needCoverage.js";
export type { CoveredNeed, CoveringSolution, NeedCoverageResult } from "./needCoverage.js";
export { stakeholderCoverage, DEFAULT_MIN_HELIX_SHARE } from "./stakeholderCoverage.js";
export type {
  HelixOverall,
  HelixParticipation,
  HelixStatus,
  StakeholderCoverageOptions,
  StakeholderCoverageResult,
  WorkshopParticipation,
} from "./stakeholderCoverage.js";
