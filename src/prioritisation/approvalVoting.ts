import { Dec } from "../_lib/decimal.js";
import type { Decimal } from "decimal.js";
import { readIdListBallots, tallyFromTotals, type VoteTally } from "./_shared.js";

/** An approval ballot: the alternatives the voter approves of. */
export interface ApprovalBallot {
  /** Approved alternative ids (order does not matter). */
  readonly approvals: readonly string[];
  /** Weight of the ballot; default 1. */
  readonly weight?: number;
}

/** Options of {@link approvalVoting}. */
export interface ApprovalVotingOptions {
  /** The full list of alternatives; ballots naming others are errors, unnamed ones get 0. */
  readonly alternatives?: readonly string[];
}

/**
 * Approval voting: each voter approves of any number of alternatives; the most approved wins.
 *
 * Rule (Brams & Fishburn 1978, "Approval voting", American Political Science Review 72(3):831–847):
 * an alternative's points are the summed weights of the ballots approving it. Tallies are exact
 * decimal sums; equal totals share a rank and are listed by id.
 *
 * @param ballots - approval ballots
 * @param options - the full list of alternatives
 * @returns one line per alternative, sorted by rank, then id
 * @throws AssessmentError `invalid_type`, `empty` (no ballots or no alternative approved);
 *   `duplicate_id`; `unknown_reference`; `non_finite`, `negative_weight`, `zero_weights`;
 *   `out_of_range` (ballot weights so large that a total is beyond double precision)
 * @example
 * ```ts
 * import { approvalVoting } from "icc-assessment/prioritisation";
 * const tally = approvalVoting(
 *   [{ approvals: ["platform", "infoPoints"] }, { approvals: ["platform"] }],
 *   { alternatives: ["platform", "infoPoints", "chatbot"] },
 * );
 * tally.map((t) => [t.alternative, t.points, t.rank]); // => [["platform", 2, 1], ["infoPoints", 1, 2], ["chatbot", 0, 3]]
 * ```
 */
export function approvalVoting(
  ballots: readonly ApprovalBallot[],
  options?: ApprovalVotingOptions,
): VoteTally[] {
  const {
    alternatives,
    lists: approvals,
    weights,
  } = readIdListBallots(ballots, options, "approvals");
  const totals = new Map<string, Decimal>(alternatives.map((a) => [a, new Dec(0)]));
  approvals.forEach((list, i) => {
    const w = new Dec(weights[i] as number);
    for (const alt of list) totals.set(alt, (totals.get(alt) as Decimal).plus(w));
  });
  return tallyFromTotals(totals, "no ballot approves any alternative");
}
