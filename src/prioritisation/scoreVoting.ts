import { Dec } from "../_lib/decimal.js";
import type { Decimal } from "decimal.js";
import {
  failScale,
  isScale,
  readAlternatives,
  readBallotList,
  readBallotField,
  readBallotWeights,
  readChoice,
  readBallotEntry,
  readOptions,
  tallyFromTotals,
  type NumberRange,
  type VoteTally,
} from "./_shared.js";
import { describe as show, failAt } from "../_lib/assert.js";
import type { CriterionScale } from "./weightedSum.js";

/** One score on a score ballot. */
export interface AlternativeScore {
  /** The alternative's id. */
  readonly alternative: string;
  /** The score given. */
  readonly score: number;
}

/** A score (range) ballot. */
export interface ScoreBallot {
  /** Scores given (each alternative at most once; unscored alternatives are left out). */
  readonly scores: readonly AlternativeScore[];
  /** Weight of the ballot; default 1. */
  readonly weight?: number;
}

/** How {@link scoreVoting} combines the scores. */
export const scoreAggregates = ["sum", "mean"] as const;
/** A score aggregate. */
export type ScoreAggregate = (typeof scoreAggregates)[number];

/** Options of {@link scoreVoting}. */
export interface ScoreVotingOptions {
  /** `"sum"` (default): weighted total; `"mean"`: weighted mean over the ballots that scored it. */
  readonly aggregate?: ScoreAggregate;
  /** Allowed scores, e.g. `{ min: 0, max: 5 }`; a score outside is an error. Default: any finite. */
  readonly scale?: CriterionScale;
  /** The full list of alternatives; ballots naming others are errors. */
  readonly alternatives?: readonly string[];
}

/**
 * Score (range) voting: each voter scores the alternatives on a scale; the highest total (or
 * mean) wins.
 *
 * Rule (Smith 2000, "Range voting"; as in pabulib's "scoring" vote type): with `"sum"`, an
 * alternative's points are Σ weight × score (unscored counts nothing); with `"mean"`, they are that
 * sum divided by the total weight of the ballots that scored it, so an alternative nobody scored
 * has no mean and is an error. Tallies are exact decimals; equal totals share a rank and are
 * listed by id.
 *
 * @param ballots - score ballots
 * @param options - sum or mean, the allowed scale, and the full list of alternatives
 * @returns one line per alternative, sorted by rank, then id
 * @throws AssessmentError `invalid_type`, `empty`; `duplicate_id`; `unknown_reference`;
 *   `out_of_range` (a score off the scale, or a total beyond double precision); `zero_spread` (scale max ≤ min); `missing_value` (an
 *   alternative nobody scored, under `"mean"`); `non_finite`, `negative_weight`, `zero_weights`
 * @example
 * ```ts
 * import { scoreVoting } from "icc-assessment/prioritisation";
 * const ballots = [
 *   { scores: [{ alternative: "platform", score: 5 }, { alternative: "chatbot", score: 1 }] },
 *   { scores: [{ alternative: "platform", score: 3 }, { alternative: "chatbot", score: 4 }] },
 * ];
 * scoreVoting(ballots, { scale: { min: 0, max: 5 } }).map((t) => [t.alternative, t.points]); // => [["platform", 8], ["chatbot", 5]]
 * scoreVoting(ballots, { aggregate: "mean" }).map((t) => t.points); // => [4, 2.5]
 * ```
 */
export function scoreVoting(
  ballots: readonly ScoreBallot[],
  options?: ScoreVotingOptions,
): VoteTally[] {
  const o = readOptions(options, ["options"]);
  const aggregate = readChoice(
    o.aggregate,
    scoreAggregates,
    "sum",
    ["options", "aggregate"],
    "aggregate",
  );
  const s: unknown = o.scale;
  if (s !== undefined && !isScale(s)) failScale(s, ["options", "scale"], "scale");
  const scale: CriterionScale | null = s === undefined ? null : { min: s.min, max: s.max };
  const declared = readAlternatives(o.alternatives);
  const declaredSet = declared === null ? null : new Set(declared);
  const list = readBallotList(ballots);
  const weights = readBallotWeights(list);
  const sums = new Map<string, Decimal>((declared ?? []).map((a) => [a, new Dec(0)]));
  const mass = new Map<string, Decimal>((declared ?? []).map((a) => [a, new Dec(0)]));
  const range: NumberRange = scale ?? {};
  list.forEach((b, i) => {
    const raw = readBallotField(b, i, "scores");
    const seen = new Set<string>();
    const w = new Dec(weights[i] as number);
    for (let j = 0; j < raw.length; j++) {
      const e = readBallotEntry(raw[j], i, j, "score", range, declaredSet, seen);
      sums.set(e.alternative, (sums.get(e.alternative) ?? new Dec(0)).plus(w.times(e.value)));
      mass.set(e.alternative, (mass.get(e.alternative) ?? new Dec(0)).plus(w));
    }
  });
  const none = "no ballot scores any alternative";
  if (aggregate === "sum") return tallyFromTotals(sums, none);
  const means = new Map<string, Decimal>();
  for (const [alt, sum] of sums) {
    const m = mass.get(alt) as Decimal;
    if (m.isZero()) {
      failAt(
        "missing_value",
        ["ballots"],
        `no ballot (with positive weight) scores ${show(alt)}, so it has no mean score`,
      );
    }
    means.set(alt, sum.dividedBy(m));
  }
  return tallyFromTotals(means, none);
}
