import { Dec } from "../_lib/decimal.js";
import type { Decimal } from "decimal.js";
import { readIdListBallots, tallyFromTotals, type VoteTally } from "./_shared.js";

export type { VoteTally };

/** A ranked ballot: alternatives best first, and how many voters (or how much weight) it stands for. */
export interface RankedBallot {
  /** Alternative ids, best first; alternatives left out get no points from this ballot. */
  readonly ranking: readonly string[];
  /** Weight of the ballot (number of voters, voter-percent, …); default 1. */
  readonly weight?: number;
}

/** Options of {@link bordaCount}. */
export interface BordaCountOptions {
  /**
   * The full list of alternatives. When given, a ballot naming anything else is an error and
   * alternatives no ballot names appear with 0 points; n is its length. Default: every
   * alternative named on some ballot.
   */
  readonly alternatives?: readonly string[];
}

/**
 * Borda count over ranked ballots, with weighted ballots and exact tallies.
 *
 * Rule (de Borda 1781; Wikipedia "Borda count", conventions as
 * test/fixtures/reference/consensus.json): with n alternatives, the alternative in position i
 * (1-based) of a ballot gets n − i points — first n − 1, last 0 — times the ballot's weight;
 * totals are summed over ballots. A ballot that ranks only some alternatives (truncated) gives the
 * listed ones n − i points and the others 0 (the "pessimistic" treatment;
 * docs/methodology/prioritisation.md, Votes). Totals are exact decimal sums (no floating-point
 * drift deciding a tie); equal totals share a rank and are listed by id.
 *
 * @param ballots - ranked ballots, best first
 * @param options - the full list of alternatives
 * @returns one line per alternative, sorted by rank, then id
 * @throws AssessmentError `invalid_type`, `empty` (no ballots, or nothing ranked); `duplicate_id`
 *   (an alternative twice on a ballot); `unknown_reference` (a ballot names an alternative not in
 *   `options.alternatives`); `non_finite`, `negative_weight`, `zero_weights` (ballot weights);
 *   `out_of_range` (ballot weights so large that a total is beyond double precision)
 * @example
 * ```ts
 * import { bordaCount } from "icc-assessment/prioritisation";
 * const tally = bordaCount([
 *   { ranking: ["platform", "dataPolicy", "infoPoints"], weight: 3 },
 *   { ranking: ["infoPoints", "platform", "dataPolicy"], weight: 2 },
 * ]);
 * tally; // => [{ alternative: "platform", points: 8, rank: 1 }, { alternative: "infoPoints", points: 4, rank: 2 }, { alternative: "dataPolicy", points: 3, rank: 3 }]
 * ```
 */
export function bordaCount(
  ballots: readonly RankedBallot[],
  options?: BordaCountOptions,
): VoteTally[] {
  const { alternatives, lists: rankings, weights } = readIdListBallots(ballots, options, "ranking");
  const n = alternatives.length;
  const totals = new Map<string, Decimal>(alternatives.map((a) => [a, new Dec(0)]));
  rankings.forEach((ranking, i) => {
    const w = new Dec(weights[i] as number);
    ranking.forEach((alt, pos) => {
      totals.set(alt, (totals.get(alt) as Decimal).plus(w.times(n - 1 - pos)));
    });
  });
  return tallyFromTotals(totals, "no ballot ranks any alternative");
}
