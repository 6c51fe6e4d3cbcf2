/**
 * How several respondents' answers to one question for one unit become one answer: the one
 * home of the rules, read by `answersFromTable` (through {@link combineAnswers}) and quoted by
 * docs/methodology/data-in.md (a test checks the page quotes every rule).
 */
import type { IndicatorType } from "../../schema/vocabularies.js";

/**
 * The rule that combines several respondents' answers, per answer type. Designed by this project
 * (docs/methodology/data-in.md): ordinal answers take the lower median, so the result is always
 * one of the answers given (an option of the scale, never a value between two); numeric answers
 * take the arithmetic mean; yes/no answers and ticked options need more than half of the
 * respondents who answered (a tie is no: a self-assessment should not claim a practice half of its
 * respondents deny). Unanswered cells are left out of every rule; a question nobody answered for a
 * unit becomes `null` (not answered), never `false` or 0.
 *
 * @example
 * ```ts
 * import { surveyCombinationRules } from "icc-assessment/io";
 * surveyCombinationRules.likert.rule; // => "lowerMedian"
 * surveyCombinationRules.binary.rule; // => "majority"
 * ```
 */
export const surveyCombinationRules = {
  binary: {
    rule: "majority",
    text: "yes when more than half of the respondents who answered said yes; a tie is no",
  },
  likert: {
    rule: "lowerMedian",
    text: "the lower median of the answers (for an even count, the smaller of the two middle answers), so the result is a point of the scale that someone chose",
  },
  numeric: {
    rule: "mean",
    text: "the arithmetic mean of the answers",
  },
  categorical: {
    rule: "lowerMedian",
    text: "the options are ordered by their score (equal scores in the framework's order) and the lower median option is taken",
  },
  multiSelect: {
    rule: "majorityPerOption",
    text: "an option is ticked when more than half of the respondents who answered the question ticked it (a tie is not ticked); the answer may tick no option",
  },
  ratingGrid: {
    rule: "lowerMedianPerRow",
    text: "each row takes the lower median of the answers to that row; a row nobody answered is left out",
  },
} as const satisfies Readonly<Record<IndicatorType, { rule: string; text: string }>>;

/** The text every combined answer's note and the docs share for unanswered cells. */
export const UNANSWERED_RULE =
  "empty cells are unanswered and left out; a question nobody answered for a unit is null" as const;

/** The index of the lower median of n sorted values (n ≥ 1). */
export function lowerMedianIndex(n: number): number {
  return Math.floor((n - 1) / 2);
}

/** The lower median of numbers (n ≥ 1). */
export function lowerMedian(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[lowerMedianIndex(sorted.length)] as number;
}

/** The arithmetic mean of numbers (n ≥ 1), summed in a stable order. */
export function mean(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/** Whether `count` of `n` is more than half. */
export function isMajority(count: number, n: number): boolean {
  return 2 * count > n;
}
