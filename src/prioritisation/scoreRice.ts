import { orderByRankThenId } from "../_lib/sort.js";
import {
  clean,
  failTooLarge,
  NON_NEGATIVE,
  POSITIVE,
  ranksDescending,
  readItemNumber,
  readItems,
  SHARE,
} from "./_shared.js";

/** An item to score with RICE. */
export interface RiceItem {
  /** The item's id (a solution id). */
  readonly id: string;
  /** People or events reached per period (≥ 0). */
  readonly reach: number;
  /** Impact per person (≥ 0; Intercom's scale is 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal). */
  readonly impact: number;
  /** Confidence in the estimates, from 0 to 1 (e.g. 0.8 for 80 %). */
  readonly confidence: number;
  /** Effort (person-months or any unit shared by all items), > 0. */
  readonly effort: number;
}

/** One scored item. */
export interface RiceScore extends RiceItem {
  /** Reach × impact × confidence / effort. */
  readonly score: number;
  /** Competition rank by score (1 = highest). */
  readonly rank: number;
}

/** Result of {@link scoreRice}. */
export interface ScoreRiceResult {
  /** Items by rank, then id. */
  readonly ranking: RiceScore[];
  /** The formula applied. */
  readonly formula: "reach × impact × confidence / effort";
}

/**
 * RICE prioritisation score: reach × impact × confidence / effort.
 *
 * Rule (McBride 2016, "RICE: Simple prioritization for product managers", Intercom blog): the
 * score is the product of reach, impact and confidence (a share from 0 to 1) divided by effort;
 * higher is better. Ranks are competition ranks on the unrounded scores, ties listed by id.
 *
 * @param items - items with reach, impact, confidence and effort
 * @returns the scored items by rank, and the formula
 * @throws AssessmentError `invalid_type`, `empty`, `duplicate_id` (items); `non_finite`;
 *   `out_of_range` (negative reach or impact, confidence outside 0–1); `non_positive_value`
 *   (effort ≤ 0)
 * @example
 * ```ts
 * import { scoreRice } from "icc-assessment/prioritisation";
 * const r = scoreRice([
 *   { id: "platform", reach: 20000, impact: 2, confidence: 0.8, effort: 12 },
 *   { id: "infoPoints", reach: 3000, impact: 1, confidence: 1, effort: 2 },
 * ]);
 * r.ranking.map((x) => [x.id, Math.round(x.score), x.rank]); // => [["platform", 2667, 1], ["infoPoints", 1500, 2]]
 * ```
 */
export function scoreRice(items: readonly RiceItem[]): ScoreRiceResult {
  const list = readItems(items);
  const read = list.map((item, i) => {
    const reach = readItemNumber(item, i, "reach", NON_NEGATIVE);
    const impact = readItemNumber(item, i, "impact", NON_NEGATIVE);
    const confidence = readItemNumber(item, i, "confidence", SHARE);
    const effort = readItemNumber(item, i, "effort", POSITIVE);
    const score = (reach * impact * confidence) / effort;
    if (!Number.isFinite(score)) failTooLarge(["items", i], `the RICE score of items[${i}]`);
    return {
      id: item["id"] as string,
      reach: clean(reach),
      impact: clean(impact),
      confidence: clean(confidence),
      effort,
      score: clean(score),
    };
  });
  const scores = read.map((r) => r.score);
  const ranks = ranksDescending(scores);
  const ranking = orderByRankThenId(
    ranks,
    read.map((r) => r.id),
  ).map((i) => ({ ...(read[i] as (typeof read)[number]), rank: ranks[i] as number }));
  return { ranking, formula: "reach × impact × confidence / effort" };
}
