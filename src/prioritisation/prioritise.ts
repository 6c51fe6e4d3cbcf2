import { describe as show, failAt, remapErrors } from "../_lib/assert.js";
import type { CriterionKind } from "../schema/vocabularies.js";
import { readAhpOptions, type AhpMethod, type AhpWeightsOptions } from "./ahpWeights.js";
import { approvalVoting } from "./approvalVoting.js";
import { bordaCount } from "./bordaCount.js";
import type { Decision, DecisionBallot, DecisionWeightSource } from "./buildDecision.js";
import { dotVoting, type DotAllocation } from "./dotVoting.js";
import { kendallWOfSparse, type KendallWResult, type SparseRater } from "./kendallW.js";
import type { RandomIndexTableName } from "./randomIndex.js";
import { scoreVoting, type AlternativeScore } from "./scoreVoting.js";
import { synthesiseHierarchy, synthesisModes, type SynthesisMode } from "./synthesiseHierarchy.js";
import type { TopsisNormalisation } from "./topsis.js";
import type { WeightedSumNormalisation } from "./weightedSum.js";
import {
  DOTS,
  readChoice,
  readList,
  readNumber,
  readOptionNumber,
  type VoteTally,
} from "./_shared.js";
import { byTopsis, byWeightedSum, checkDecision, rankingOf, type Checked } from "./_decision.js";

/** Methods {@link prioritise} can rank a decision with. */
export const prioritisationMethods = ["weightedSum", "topsis", "ahp", "votes"] as const;
/** A prioritisation method. */
export type PrioritisationMethod = (typeof prioritisationMethods)[number];

/** Voting rules for the `votes` method. */
export const votingRules = ["borda", "approval", "score", "dot"] as const;
/** A voting rule. */
export type VotingRule = (typeof votingRules)[number];

/** Options of {@link prioritise}. */
export interface PrioritiseOptions {
  /** The method. */
  readonly method: PrioritisationMethod;
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

/** Result of {@link prioritise}: one shape per method, each with `method`, `parameters` and `ranking`. */
export type PrioritiseResult =
  WeightedSumPrioritisation | TopsisPrioritisation | AhpPrioritisation | VotesPrioritisation;

/**
 * Ranks the solutions of a {@link Decision} by one method and says exactly how.
 *
 * Rule: `"weightedSum"` — {@link weightedSum} with the criteria weights (normalisation `"scale"`
 * when every criterion declares a scale, else `"minMax"`); `"topsis"` — {@link topsis} (vector
 * normalisation by default); `"ahp"` — {@link synthesiseHierarchy} with the criteria weights over
 * the alternatives' local priorities per criterion, from the decision's pairwise `comparisons` where
 * given, otherwise from the scores as ratio-scale ratings (score, or 1/score for a cost, which must
 * be positive: Saaty's absolute measurement); `"votes"` — {@link bordaCount} (default),
 * {@link approvalVoting}, {@link scoreVoting} or {@link dotVoting} over the ballots that carry the
 * rule's field, with consensus measured by {@link kendallW} across those ballots (each ballot a
 * rater; unranked alternatives tie at the bottom; ballot weights do not enter W). Every result has
 * `ranking: { solution, score, rank }[]` sorted by rank then id, plus `method`, `parameters` and
 * the method's intermediate tables. Designed by this project over the cited methods.
 *
 * @param decision - the decision (from {@link buildDecision}, or built by hand)
 * @param options - the method and its options
 * @returns the ranking, the method, the parameters and intermediate tables
 * @throws AssessmentError every error of the method's function, with paths under `decision`
 *   (e.g. `["decision", "matrix", 2, 1]`, `["decision", "criteria", 0, "weight"]`);
 *   `length_mismatch` (matrix not alternatives × criteria); `invalid_value` (unknown method,
 *   rule or normalisation for the method); `missing_value` (no ballot for the rule);
 *   `non_positive_value` (AHP on scores that are not positive)
 * @example
 * ```ts
 * import { prioritise } from "icc-assessment/prioritisation";
 * const decision = {
 *   alternatives: ["platform", "sofiaChooses", "infoPoints"],
 *   criteria: [
 *     { id: "impact", kind: "benefit" as const, weight: 0.6, scale: { min: 1, max: 5 } },
 *     { id: "cost", kind: "cost" as const, weight: 0.4, scale: { min: 0, max: 500 } },
 *   ],
 *   matrix: [
 *     [5, 180],
 *     [4, 45],
 *     [3, 30],
 *   ],
 * };
 * const r = prioritise(decision, { method: "weightedSum" });
 * r.ranking.map((x) => [x.solution, x.rank]); // => [["platform", 1], ["sofiaChooses", 2], ["infoPoints", 3]]
 * r.parameters.normalisation; // => "scale"
 * prioritise(decision, { method: "topsis" }).ranking[0]?.solution; // => "sofiaChooses"
 * ```
 */
export function prioritise(
  decision: Decision,
  options: PrioritiseOptions & { readonly method: "weightedSum" },
): WeightedSumPrioritisation;
export function prioritise(
  decision: Decision,
  options: PrioritiseOptions & { readonly method: "topsis" },
): TopsisPrioritisation;
export function prioritise(
  decision: Decision,
  options: PrioritiseOptions & { readonly method: "ahp" },
): AhpPrioritisation;
export function prioritise(
  decision: Decision,
  options: PrioritiseOptions & { readonly method: "votes" },
): VotesPrioritisation;
export function prioritise(decision: Decision, options: PrioritiseOptions): PrioritiseResult;
export function prioritise(decision: Decision, options: PrioritiseOptions): PrioritiseResult {
  if (typeof options !== "object" || options === null) {
    failAt(
      "missing_field",
      ["options"],
      `options must name a method (${prioritisationMethods.join(", ")}), got ${show(options)}`,
    );
  }
  if (options.method === undefined) {
    failAt(
      "missing_field",
      ["options", "method"],
      `options.method is required: one of ${prioritisationMethods.join(", ")}`,
    );
  }
  const method = readChoice(
    options.method,
    prioritisationMethods,
    "weightedSum",
    ["options", "method"],
    "method",
  );
  const d = checkDecision(decision);
  switch (method) {
    case "weightedSum":
      return byWeightedSum(decision, d, options.normalisation);
    case "topsis":
      return byTopsis(decision, d, options.normalisation);
    case "ahp":
      return byAhp(decision, d, options);
    default:
      return byVotes(decision, d, options);
  }
}

function byAhp(decision: Decision, d: Checked, options: PrioritiseOptions): AhpPrioritisation {
  const { method: ahpMethod, table: randomIndex } = readAhpOptions(options.ahp, "options.ahp");
  const mode = readChoice(
    options.mode,
    synthesisModes,
    "distributive",
    ["options", "mode"],
    "mode",
  );
  const comparisons = decision.comparisons ?? {};
  const matrix = decision.matrix;
  const n = d.alternatives.length;
  const children = d.used.map((c, j) => {
    const given = Object.prototype.hasOwnProperty.call(comparisons, c.criterion)
      ? comparisons[c.criterion]
      : undefined;
    if (given !== undefined)
      return { id: c.criterion, weight: c.weight, alternativeComparisons: given };
    const cost = c.kind === "cost";
    const priorities = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const v: unknown = (matrix[i] as readonly unknown[])[j];
      const p = typeof v === "number" ? (cost ? 1 / v : v) : NaN;
      // a positive, finite rating (NaN fails too)
      if (!(p > 0 && p < Infinity)) badRating(v, i, j, c.criterion);
      priorities[i] = p;
    }
    return { id: c.criterion, weight: c.weight, priorities };
  });
  const r = underComparisons(d.used, () =>
    synthesiseHierarchy({ id: "(goal)", children }, d.alternatives, {
      mode,
      ...(options.ahp === undefined ? {} : { ahp: options.ahp }),
    }),
  );
  const scores = r.scores;
  const ranks = scoresToRanks(r.ranking, d.alternatives);
  return {
    method: "ahp",
    parameters: {
      mode,
      ahpMethod,
      randomIndex,
      weights: d.used,
      weightSource: d.weightSource,
    },
    ranking: rankingOf(d.alternatives, scores, ranks),
    ratings: r.criteria.map((c) => ({
      criterion: c.id,
      source: c.consistencyRatio === null ? "scores" : "comparisons",
      priorities: c.alternativePriorities as number[],
      consistencyRatio: c.consistencyRatio,
    })),
  };
}

/** Fails for a score the AHP method cannot rate by: not a positive finite number (or 1/score). */
function badRating(v: unknown, i: number, j: number, criterion: string): never {
  const path = ["decision", "matrix", i, j];
  readNumber(v, path, `matrix[${i}][${j}]`);
  failAt(
    "non_positive_value",
    path,
    `the AHP method rates alternatives by the ratio of their scores (1/score for a cost), which must be positive and finite, got ${show(v)}; give decision.comparisons for criterion ${show(criterion)} instead`,
  );
}

/** Moves hierarchy error paths (`["hierarchy", "children", j, "alternativeComparisons", …]`) to `["decision", "comparisons", id, …]`. */
function underComparisons<T>(used: readonly UsedWeight[], fn: () => T): T {
  return remapErrors(
    fn,
    (issuePath) => {
      const [, , j, , ...rest] = issuePath;
      return ["decision", "comparisons", (used[j as number] as UsedWeight).criterion, ...rest];
    },
    { addMissingPath: true },
  );
}

function scoresToRanks(
  sorted: readonly { alternative: string; rank: number }[],
  ids: readonly string[],
): number[] {
  const byId = new Map(sorted.map((x) => [x.alternative, x.rank]));
  return ids.map((id) => byId.get(id) as number);
}

const RULE_FIELD: Readonly<Record<VotingRule, keyof DecisionBallot>> = {
  borda: "ranking",
  approval: "approvals",
  score: "scores",
  dot: "points",
};

function byVotes(decision: Decision, d: Checked, options: PrioritiseOptions): VotesPrioritisation {
  const rule = readChoice(
    options.votingRule,
    votingRules,
    "borda",
    ["options", "votingRule"],
    "votingRule",
  );
  const dots = readOptionNumber(options.dotsPerVoter, "dotsPerVoter", DOTS, null);
  const all = readList(decision.ballots ?? [], ["decision", "ballots"], "ballots");
  const field = RULE_FIELD[rule];
  const index: number[] = [];
  all.forEach((b: unknown, i) => {
    if (typeof b === "object" && b !== null && (b as Record<string, unknown>)[field] !== undefined)
      index.push(i);
  });
  if (index.length === 0) {
    failAt(
      "missing_value",
      ["decision", "ballots"],
      `no ballot has ${field}, which the ${rule} rule counts (${all.length} ballots in the decision)`,
    );
  }
  const used = index.map((i) => all[i] as DecisionBallot);
  const alternatives = d.alternatives;
  const tally = underBallots(index, () => {
    switch (rule) {
      case "borda":
        return bordaCount(
          used.map((b) => ({ ranking: b.ranking as readonly string[], ...weightOf(b) })),
          { alternatives },
        );
      case "approval":
        return approvalVoting(
          used.map((b) => ({ approvals: b.approvals as readonly string[], ...weightOf(b) })),
          {
            alternatives,
          },
        );
      case "score":
        return scoreVoting(
          used.map((b) => ({ scores: b.scores as readonly AlternativeScore[], ...weightOf(b) })),
          {
            alternatives,
          },
        );
      default:
        return dotVoting(
          used.map((b) => ({ points: b.points as readonly DotAllocation[], ...weightOf(b) })),
          {
            alternatives,
            ...(dots === null ? {} : { dotsPerVoter: dots }),
          },
        );
    }
  });
  // ballots as raters: higher value = preferred
  let consensus: KendallWResult | null = null;
  let consensusReason: string | null = null;
  if (used.length < 2) consensusReason = `Kendall's W needs at least 2 ballots, got ${used.length}`;
  else if (alternatives.length < 2)
    consensusReason = "a single alternative has no order to agree on";
  else {
    // each ballot a sparse rater: the alternatives it names with their values, 0 for the rest
    const n = alternatives.length;
    const col = new Map(alternatives.map((a, i) => [a, i]));
    const raters = used.map((b) => sparseRater(b, rule, n, col));
    if (raters.every((r) => tiesEverything(r, n)))
      consensusReason = "every ballot ties every alternative";
    else consensus = kendallWOfSparse(raters, n);
  }
  return {
    method: "votes",
    parameters: {
      votingRule: rule,
      ballotsUsed: used.length,
      ballotsIgnored: all.length - used.length,
      dotsPerVoter: dots,
    },
    ranking: tally.map((t) => ({ solution: t.alternative, score: t.points, rank: t.rank })),
    tally,
    consensus,
    consensusReason,
  };
}

/**
 * A ballot as a rater of Kendall's W, higher value = preferred: Borda n − position, approval 1,
 * the score, or the dots, for the alternatives it names (the rule's tally has checked them: known,
 * each at most once); the alternatives it leaves out get 0.
 */
function sparseRater(
  b: DecisionBallot,
  rule: VotingRule,
  n: number,
  col: ReadonlyMap<string, number>,
): SparseRater {
  const named: readonly { alternative: string; value: number }[] =
    rule === "borda"
      ? (b.ranking as readonly string[]).map((a, pos) => ({ alternative: a, value: n - pos }))
      : rule === "approval"
        ? (b.approvals as readonly string[]).map((a) => ({ alternative: a, value: 1 }))
        : rule === "score"
          ? (b.scores as readonly AlternativeScore[]).map((x) => ({
              alternative: x.alternative,
              value: x.score,
            }))
          : (b.points as readonly DotAllocation[]).map((x) => ({
              alternative: x.alternative,
              value: x.points,
            }));
  return {
    objects: named.map((x) => col.get(x.alternative) as number),
    values: named.map((x) => x.value),
  };
}

/** Whether a rater gives all n alternatives the same value (0 to those it leaves out). */
function tiesEverything(r: SparseRater, n: number): boolean {
  const same = r.values.length < n ? 0 : r.values[0];
  for (let e = 0; e < r.values.length; e++) if (r.values[e] !== same) return false;
  return true;
}

function weightOf(b: DecisionBallot): { weight?: number } {
  return b.weight === undefined ? {} : { weight: b.weight };
}

/** Moves ballot error paths (`["ballots", k, …]`) to the decision's original ballot index. */
function underBallots<T>(index: readonly number[], fn: () => T): T {
  return remapErrors(
    fn,
    (issuePath) => {
      const [head, k, ...rest] = issuePath;
      return head === "ballots" && typeof k === "number"
        ? ["decision", "ballots", index[k] as number, ...rest]
        : ["decision", ...issuePath];
    },
    { addMissingPath: true },
  );
}
