import { Dec } from "../_lib/decimal.js";
import type { Decimal } from "decimal.js";
import {
  DOTS,
  readAlternatives,
  readBallotList,
  readBallotField,
  readBallotWeights,
  readBallotEntry,
  readOptionNumber,
  readOptions,
  tallyFromTotals,
  type VoteTally,
} from "./_shared.js";
import { failAt } from "../_lib/assert.js";

/** Dots a voter puts on one alternative. */
export interface DotAllocation {
  /** The alternative's id. */
  readonly alternative: string;
  /** Number of dots (a whole number ≥ 0). */
  readonly points: number;
}

/** A dot-voting ballot. */
export interface DotBallot {
  /** Where the voter put their dots (each alternative at most once). */
  readonly points: readonly DotAllocation[];
  /** Weight of the ballot; default 1. */
  readonly weight?: number;
}

/** Options of {@link dotVoting}. */
export interface DotVotingOptions {
  /** Dots each voter may place; a ballot placing more is an error. Default: no limit. */
  readonly dotsPerVoter?: number;
  /** The full list of alternatives; ballots naming others are errors, unnamed ones get 0. */
  readonly alternatives?: readonly string[];
}

/**
 * Dot voting (dotmocracy): each voter places a number of dots on the alternatives, several on one
 * if they like; the most dotted wins.
 *
 * Rule (a common workshop facilitation technique, "dotmocracy"; counted as cumulative voting,
 * Glasser 1959, "Game theory and cumulative voting for corporate directors", Management Science
 * 5(2):151–156): an alternative's points are Σ over ballots of dots × ballot weight. Dots
 * are whole numbers; with `dotsPerVoter`, a ballot may place at most that many. Tallies are exact;
 * equal totals share a rank and are listed by id.
 *
 * @param ballots - dot allocations per voter
 * @param options - the dot budget and the full list of alternatives
 * @returns one line per alternative, sorted by rank, then id
 * @throws AssessmentError `invalid_type`, `empty`; `duplicate_id` (an alternative twice on a
 *   ballot); `unknown_reference`; `invalid_value` (fractional dots); `out_of_range` (negative dots);
 *   `budget` (more dots than `dotsPerVoter`); `non_finite`, `negative_weight`, `zero_weights`;
 *   `out_of_range` also for ballot weights so large that a total is beyond double precision
 * @example
 * ```ts
 * import { dotVoting } from "icc-assessment/prioritisation";
 * const tally = dotVoting(
 *   [
 *     { points: [{ alternative: "platform", points: 3 }, { alternative: "chatbot", points: 2 }] },
 *     { points: [{ alternative: "chatbot", points: 5 }] },
 *   ],
 *   { dotsPerVoter: 5 },
 * );
 * tally.map((t) => [t.alternative, t.points]); // => [["chatbot", 7], ["platform", 3]]
 * ```
 */
export function dotVoting(ballots: readonly DotBallot[], options?: DotVotingOptions): VoteTally[] {
  const o = readOptions(options, ["options"]);
  const budget = readOptionNumber(o.dotsPerVoter, "dotsPerVoter", DOTS, null);
  const declared = readAlternatives(o.alternatives);
  const declaredSet = declared === null ? null : new Set(declared);
  const list = readBallotList(ballots);
  const weights = readBallotWeights(list);
  const totals = new Map<string, Decimal>((declared ?? []).map((a) => [a, new Dec(0)]));
  list.forEach((b, i) => {
    const raw = readBallotField(b, i, "points");
    const seen = new Set<string>();
    let used = 0;
    const w = new Dec(weights[i] as number);
    for (let j = 0; j < raw.length; j++) {
      const e = readBallotEntry(raw[j], i, j, "points", DOTS, declaredSet, seen);
      used += e.value;
      totals.set(e.alternative, (totals.get(e.alternative) ?? new Dec(0)).plus(w.times(e.value)));
    }
    if (budget !== null && used > budget) {
      failAt(
        "budget",
        ["ballots", i, "points"],
        `ballots[${i}] places ${used} dots, more than the ${budget} each voter has`,
      );
    }
  });
  return tallyFromTotals(totals, "no ballot places a dot");
}
