import { failAt } from "../_lib/assert.js";
import {
  judgementScales,
  readChoice,
  readJudgements,
  readOptions,
  toRows,
  type JudgementInput,
  type JudgementScale,
} from "./_shared.js";

export { judgementScales };
export type { JudgementInput, JudgementScale };

/** Options of {@link buildReciprocalMatrix}. */
export interface BuildReciprocalMatrixOptions {
  /**
   * `"continuous"` (default): any value from 1/9 to 9, as the assessment format allows;
   * `"saaty"`: only Saaty's 17 values 1–9 and 1/2–1/9.
   */
  readonly scale?: JudgementScale;
}

/** Result of {@link buildReciprocalMatrix}. */
export interface BuildReciprocalMatrixResult {
  /** The items, in the order of the rows and columns. */
  readonly labels: string[];
  /** The full reciprocal matrix: `matrix[i][j]` = importance of `labels[i]` over `labels[j]`. */
  readonly matrix: number[][];
  /** Number of judgements read (n(n − 1)/2). */
  readonly judgementCount: number;
  /** The scale check applied. */
  readonly scale: JudgementScale;
}

/**
 * Builds the full reciprocal AHP matrix from one judgement per pair of items.
 *
 * Rule (Saaty 1980): a judgement `{ a, b, value }` says how much more important `a` is than `b` on
 * the 1–9 scale (1 equal, 3 moderate, 5 strong, 7 very strong, 9 extreme; reciprocals 1/3 … 1/9
 * when `b` is the more important). It fills `matrix[a][b] = value` and `matrix[b][a] = 1/value`;
 * the diagonal is 1. A pair may be given in either orientation but only once, and every pair must
 * be judged (use {@link completeJudgements} when some are missing).
 *
 * @param labels - the items compared (distinct ids), in matrix order
 * @param judgements - one judgement per unordered pair
 * @param options - the scale check
 * @returns the labels, the full matrix, the number of judgements and the scale used
 * @throws AssessmentError `invalid_type`, `empty`, `duplicate_id` (labels); `unknown_reference`
 *   (a judgement names an unknown item); `invalid_value` (an item compared with itself, a pair
 *   judged twice, a value off Saaty's scale with `scale: "saaty"`); `non_positive_value` (value ≤
 *   0); `out_of_range` (value outside 1/9–9); `missing_value` (a pair not judged)
 * @example
 * ```ts
 * import { buildReciprocalMatrix } from "icc-assessment/prioritisation";
 * const r = buildReciprocalMatrix(["impact", "cost", "support"], [
 *   { a: "impact", b: "cost", value: 3 },
 *   { a: "impact", b: "support", value: 5 },
 *   { a: "support", b: "cost", value: 1 / 2 },
 * ]);
 * r.matrix; // => [[1, 3, 5], [1 / 3, 1, 2], [1 / 5, 1 / 2, 1]]
 * ```
 */
export function buildReciprocalMatrix(
  labels: readonly string[],
  judgements: readonly JudgementInput[],
  options?: BuildReciprocalMatrixOptions,
): BuildReciprocalMatrixResult {
  const o = readOptions(options, ["options"]);
  const scale = readChoice(o.scale, judgementScales, "continuous", ["options", "scale"], "scale");
  const r = readJudgements(labels, judgements, scale);
  const { n, data } = r;
  const missing: string[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (data[i * n + j] === 0) missing.push(`${r.labels[i]}/${r.labels[j]}`);
    }
  }
  if (missing.length > 0) {
    const shown = missing.slice(0, 5).join(", ");
    failAt(
      "missing_value",
      ["judgements"],
      `judgements must cover every pair of the ${n} items; ${missing.length} missing (${shown}${
        missing.length > 5 ? ", …" : ""
      }); use completeJudgements to fill them`,
    );
  }
  return { labels: r.labels, matrix: toRows(data, n, n), judgementCount: r.given, scale };
}
