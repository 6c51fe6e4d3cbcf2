/**
 * Internal: the result and option types of `prioritise`, and the voting rules, below every module
 * that runs a method (the registry, the method adapters, `rankStability`), so none of them imports
 * `prioritise` and the stage has no import cycle. `prioritise` re-exports them.
 */
import type { CriterionKind } from "../schema/vocabularies.js";
import type { AhpMethod, AhpWeightsOptions } from "./ahpWeights.js";
import type { DecisionWeightSource } from "./buildDecision.js";
import type { KendallWResult } from "./kendallW.js";
import type { RandomIndexTableName } from "./randomIndex.js";
import type { SynthesisMode } from "./synthesiseHierarchy.js";
import type { TopsisNormalisation } from "./_topsis.js";
import type { WeightedSumNormalisation } from "./weightedSum.js";
import type { VoteTally } from "./_shared.js";

/** Voting rules. */
export const votingRules = ["borda", "approval", "score", "dot"] as const;
/** A voting rule. */
export type VotingRule = (typeof votingRules)[number];

/** The options of {@link prioritise} every method reads (all but `method`). */
export interface MethodOptions {
  /**
   * Normalisation: for `weightedSum` one of `"minMax" | "max" | "scale" | "none"` (default
   * `"scale"` when every criterion declares a scale, else `"minMax"`); for `topsis` `"vector"`
   * (default) or `"minMax"`.
   */
  readonly normalisation?: WeightedSumNormalisation | TopsisNormalisation;
  /** `ahp`: `"distributive"` (default) or `"ideal"`. */
  readonly mode?: SynthesisMode;
  /** `ahp`: options of every {@link ahpWeights} call. */
  readonly ahp?: AhpWeightsOptions;
  /** `votes`: `"borda"` (default), `"approval"`, `"score"` or `"dot"`. */
  readonly votingRule?: VotingRule;
  /** `votes` with `"dot"`: dots per voter. */
  readonly dotsPerVoter?: number;
}

/** One ranked solution: the shape every prioritisation result shares (reports depend on it). */
export interface RankedSolution {
  /** The solution's id. */
  readonly solution: string;
  /** Its score under the method (weighted sum, closeness, global priority or points). */
  readonly score: number;
  /** Competition rank (1 = best; ties share the lowest rank). */
  readonly rank: number;
}

/** A criterion's weight as used. */
export interface UsedWeight {
  /** The criterion's id. */
  readonly criterion: string;
  /** `benefit` or `cost`. */
  readonly kind: CriterionKind;
  /** The weight used (sum 1). */
  readonly weight: number;
}

interface ResultBase {
  /** Solutions sorted by rank, then id. */
  readonly ranking: RankedSolution[];
}

/** `prioritise` result for the weighted sum. */
export interface WeightedSumPrioritisation extends ResultBase {
  /** The method. */
  readonly method: "weightedSum";
  /** Parameters used. */
  readonly parameters: {
    /** The normalisation. */
    readonly normalisation: WeightedSumNormalisation;
    /** The criteria weights used. */
    readonly weights: UsedWeight[];
    /** Where the weights came from (`"decision"` for a decision built by hand). */
    readonly weightSource: DecisionWeightSource | "decision";
    /** Scores within this much of each other tie (1e-9 of the scale of the scores, see {@link weightedSum}). */
    readonly tieTolerance: number;
  };
  /** Normalised values r_ij (alternatives × criteria). */
  readonly normalised: number[][];
  /** Contributions w_j · r_ij (alternatives × criteria); rows sum to the score. */
  readonly contributions: number[][];
}

/** `prioritise` result for TOPSIS. */
export interface TopsisPrioritisation extends ResultBase {
  /** The method. */
  readonly method: "topsis";
  /** Parameters used. */
  readonly parameters: {
    /** The normalisation. */
    readonly normalisation: TopsisNormalisation;
    /** The criteria weights used. */
    readonly weights: UsedWeight[];
    /** Where the weights came from (`"decision"` for a decision built by hand). */
    readonly weightSource: DecisionWeightSource | "decision";
    /** Closeness values within this much of each other tie (1e-9, see {@link topsis}). */
    readonly tieTolerance: number;
  };
  /** Weighted normalised values v_ij. */
  readonly weighted: number[][];
  /** The ideal solution per criterion. */
  readonly ideal: number[];
  /** The anti-ideal solution per criterion. */
  readonly antiIdeal: number[];
  /** D+ per alternative (decision order). */
  readonly distanceToIdeal: number[];
  /** D− per alternative (decision order). */
  readonly distanceToAntiIdeal: number[];
}

/** How the alternatives were rated under one criterion in the AHP method. */
export interface AhpCriterionRating {
  /** The criterion's id. */
  readonly criterion: string;
  /** `"comparisons"` (pairwise matrix in the decision) or `"scores"` (ratio of the scores; 1/score for a cost). */
  readonly source: "comparisons" | "scores";
  /** Local priorities of the alternatives under it (after the mode), decision order. */
  readonly priorities: number[];
  /** CR of the comparisons; null for scores. */
  readonly consistencyRatio: number | null;
}

/** `prioritise` result for AHP. */
export interface AhpPrioritisation extends ResultBase {
  /** The method. */
  readonly method: "ahp";
  /** Parameters used. */
  readonly parameters: {
    /** The synthesis mode. */
    readonly mode: SynthesisMode;
    /** The AHP priority method for comparison matrices. */
    readonly ahpMethod: AhpMethod;
    /** The random-index table for their CR. */
    readonly randomIndex: RandomIndexTableName;
    /** The criteria weights used. */
    readonly weights: UsedWeight[];
    /** Where the weights came from (`"decision"` for a decision built by hand). */
    readonly weightSource: DecisionWeightSource | "decision";
  };
  /** Per criterion, the alternatives' local priorities and where they came from. */
  readonly ratings: AhpCriterionRating[];
}

/** `prioritise` result for stakeholder votes. */
export interface VotesPrioritisation extends ResultBase {
  /** The method. */
  readonly method: "votes";
  /** Parameters used. */
  readonly parameters: {
    /** The voting rule. */
    readonly votingRule: VotingRule;
    /** Ballots that carry the rule's field (counted). */
    readonly ballotsUsed: number;
    /** Ballots without it (not counted). */
    readonly ballotsIgnored: number;
    /** The dot budget, or null when none was set. */
    readonly dotsPerVoter: number | null;
  };
  /** The tally, by rank then id. */
  readonly tally: VoteTally[];
  /** Kendall's W across the ballots used (unweighted); null when it cannot be computed. */
  readonly consensus: KendallWResult | null;
  /** Why `consensus` is null, if it is. */
  readonly consensusReason: string | null;
}
