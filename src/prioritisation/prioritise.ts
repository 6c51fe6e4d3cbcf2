import { describe as show, failAt } from "../_lib/assert.js";
import type { Decision } from "./buildDecision.js";
import {
  methodEntry,
  prioritisationMethods,
  prioritisationRegistry,
  type PrioritisationMethod,
} from "./prioritisationRegistry.js";
import { readChoice } from "./_shared.js";
import { checkDecision } from "./_decision.js";

export { prioritisationMethods, type PrioritisationMethod } from "./prioritisationRegistry.js";
export { votingRules, type VotingRule } from "./_model.js";
export type {
  AhpCriterionRating,
  AhpPrioritisation,
  MethodOptions,
  RankedSolution,
  TopsisPrioritisation,
  UsedWeight,
  VotesPrioritisation,
  WeightedSumPrioritisation,
} from "./_model.js";
import type { MethodOptions } from "./_model.js";

/** Options of {@link prioritise}. */
export interface PrioritiseOptions extends MethodOptions {
  /** The method. */
  readonly method: PrioritisationMethod;
}

/**
 * Result of {@link prioritise}: one shape per method of the registry, each with `method`,
 * `parameters` and `ranking`.
 */
export type PrioritiseResult = ReturnType<(typeof prioritisationRegistry)[number]["run"]>;

/** The result of {@link prioritise} with one method. */
export type PrioritisationOf<M extends PrioritisationMethod> = Extract<
  PrioritiseResult,
  { readonly method: M }
>;

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
export function prioritise<M extends PrioritisationMethod>(
  decision: Decision,
  options: PrioritiseOptions & { readonly method: M },
): PrioritisationOf<M>;
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
  return methodEntry(method).run(decision, d, options);
}
