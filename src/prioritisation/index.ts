/**
 * Prioritisation: one decision model (solutions × criteria) ranked by weighted sum, AHP, TOPSIS or
 * stakeholder votes; the AHP workshop tools (reciprocal matrices, inconsistent judgements, missing
 * judgements, group aggregation, hierarchies); impact/effort, MoSCoW and RICE; agreement between
 * methods, rank stability under uncertain weights, and selection within a budget. Every result
 * echoes its method and parameters.
 *
 * @module prioritisation
 */
export {
  ahpWeights,
  ahpMethods,
  DEFAULT_CONSISTENCY_THRESHOLD,
  DEFAULT_RECIPROCAL_TOLERANCE,
} from "./ahpWeights.js";
export type { AhpMethod, AhpWeightsOptions, AhpWeightsResult } from "./ahpWeights.js";
export { randomIndex, randomIndexTables, randomIndexTableNames } from "./randomIndex.js";
export type { RandomIndexTable, RandomIndexTableName } from "./randomIndex.js";
export { topsis, topsisNormalisations } from "./topsis.js";
export type { TopsisNormalisation, TopsisOptions, TopsisResult } from "./topsis.js";
export { weightedSum, weightedSumNormalisations } from "./weightedSum.js";
export type {
  CriterionScale,
  WeightedSumNormalisation,
  WeightedSumOptions,
  WeightedSumResult,
} from "./weightedSum.js";
export { bordaCount } from "./bordaCount.js";
export type { BordaCountOptions, RankedBallot, VoteTally } from "./bordaCount.js";
export { approvalVoting } from "./approvalVoting.js";
export type { ApprovalBallot, ApprovalVotingOptions } from "./approvalVoting.js";
export { scoreVoting, scoreAggregates } from "./scoreVoting.js";
export type {
  AlternativeScore,
  ScoreAggregate,
  ScoreBallot,
  ScoreVotingOptions,
} from "./scoreVoting.js";
export { dotVoting } from "./dotVoting.js";
export type { DotAllocation, DotBallot, DotVotingOptions } from "./dotVoting.js";
export { kendallW } from "./kendallW.js";
export type { KendallWOptions, KendallWResult } from "./kendallW.js";
export { buildReciprocalMatrix, judgementScales } from "./buildReciprocalMatrix.js";
export type {
  BuildReciprocalMatrixOptions,
  BuildReciprocalMatrixResult,
  JudgementInput,
  JudgementScale,
} from "./buildReciprocalMatrix.js";
export { completeJudgements, completionMethods } from "./completeJudgements.js";
export type {
  CompletedJudgement,
  CompleteJudgementsOptions,
  CompleteJudgementsResult,
  CompletionMethod,
} from "./completeJudgements.js";
export { mostInconsistentJudgement } from "./mostInconsistentJudgement.js";
export type {
  InconsistentJudgement,
  MostInconsistentJudgementOptions,
  MostInconsistentJudgementResult,
} from "./mostInconsistentJudgement.js";
export { aggregateJudgements, judgementAggregations } from "./aggregateJudgements.js";
export type {
  AggregateJudgementsOptions,
  AggregateJudgementsResult,
  JudgementAggregation,
  RespondentPriorities,
} from "./aggregateJudgements.js";
export { synthesiseHierarchy, synthesisModes } from "./synthesiseHierarchy.js";
export type {
  HierarchyAlternativeScore,
  HierarchyCriterionWeight,
  HierarchyNode,
  SynthesiseHierarchyOptions,
  SynthesiseHierarchyResult,
  SynthesisMode,
} from "./synthesiseHierarchy.js";
export { buildDecision, decisionWeightSources } from "./buildDecision.js";
export { decisionFromRecords } from "./decisionFromRecords.js";
export type { DecisionFromRecordsOptions, RecordCriterion } from "./decisionFromRecords.js";
export type {
  BuildDecisionOptions,
  Decision,
  DecisionBallot,
  DecisionCriterion,
  DecisionProvenance,
  DecisionWeightSource,
} from "./buildDecision.js";
export { prioritise, prioritisationMethods, votingRules } from "./prioritise.js";
export type {
  AhpCriterionRating,
  AhpPrioritisation,
  PrioritisationMethod,
  PrioritisationOf,
  PrioritiseOptions,
  PrioritiseResult,
  RankedSolution,
  TopsisPrioritisation,
  UsedWeight,
  VotesPrioritisation,
  VotingRule,
  WeightedSumPrioritisation,
} from "./prioritise.js";
export { classifyImpactEffort, impactEffortQuadrants } from "./classifyImpactEffort.js";
export type {
  ClassifyImpactEffortOptions,
  ClassifyImpactEffortResult,
  ImpactEffortItem,
  ImpactEffortPlacement,
  ImpactEffortQuadrant,
} from "./classifyImpactEffort.js";
export { rankMoscow, DEFAULT_MUST_EFFORT_LIMIT } from "./rankMoscow.js";
export type {
  MoscowEffort,
  MoscowItem,
  MoscowRanked,
  RankMoscowOptions,
  RankMoscowResult,
} from "./rankMoscow.js";
export { scoreRice } from "./scoreRice.js";
export type { RiceItem, RiceScore, ScoreRiceResult } from "./scoreRice.js";
export { compareRankings } from "./compareRankings.js";
export type {
  CompareRankingsResult,
  NamedRanking,
  RankDisagreement,
  RankedEntry,
  RankingPairAgreement,
} from "./compareRankings.js";
export {
  rankStability,
  stabilityMethods,
  weightPerturbations,
  DEFAULT_SEED,
  DEFAULT_DRAWS,
  DEFAULT_CONCENTRATION,
  DEFAULT_UNIFORM_RANGE,
  MAX_DRAWS,
} from "./rankStability.js";
export type {
  RankStabilityOptions,
  RankStabilityResult,
  SolutionStability,
  StabilityMethod,
  SwapThreshold,
  SweepPoint,
  WeightPerturbation,
} from "./rankStability.js";
export { selectWithinBudget, budgetStrategies } from "./selectWithinBudget.js";
export type {
  BudgetCandidate,
  BudgetDecision,
  BudgetOverride,
  BudgetStrategy,
  SelectWithinBudgetOptions,
  SelectWithinBudgetResult,
} from "./selectWithinBudget.js";
export {
  prioritisationRegistry,
  canDriveStability,
  methodEntry,
} from "./prioritisationRegistry.js";
export type { MethodWeights, PrioritisationMethodEntry } from "./prioritisationRegistry.js";
export type { MethodOptions } from "./_model.js";
export type { Checked, NormalisationOptions } from "./_decision.js";
export { prioritiseAssessment } from "./prioritiseAssessment.js";
export type {
  DecisionImpactEffort,
  PrioritiseAssessmentOptions,
  PrioritiseAssessmentResult,
} from "./prioritiseAssessment.js";
