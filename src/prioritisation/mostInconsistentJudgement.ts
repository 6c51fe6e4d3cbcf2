import { ahpWeights, type AhpWeightsOptions } from "./ahpWeights.js";
import { failTooLarge, nearestSaatyValue, readIds, readList, readOptions } from "./_shared.js";
import type { AhpMethod } from "./ahpWeights.js";
import type { RandomIndexTableName } from "./randomIndex.js";

/** Options of {@link mostInconsistentJudgement}. */
export interface MostInconsistentJudgementOptions extends AhpWeightsOptions {
  /** Names of the rows/columns, used in the result (default: none, indices only). */
  readonly labels?: readonly string[];
}

/** The judgement to revisit, found by {@link mostInconsistentJudgement}. */
export interface InconsistentJudgement {
  /** Row index i (the judgement `matrix[i][j]` is the one above 1 in ε). */
  readonly row: number;
  /** Column index j. */
  readonly column: number;
  /** `labels[i]`, when labels were given. */
  readonly a: string | null;
  /** `labels[j]`, when labels were given. */
  readonly b: string | null;
  /** The current judgement a_ij. */
  readonly value: number;
  /** The value consistent with the priorities: w_i / w_j. */
  readonly suggested: number;
  /** The nearest value of Saaty's 1–9 scale to `suggested` (on the log scale). */
  readonly suggestedOnScale: number;
  /** ε_ij = a_ij · w_j / w_i (≥ 1; 1 means perfectly consistent). */
  readonly deviation: number;
}

/** Result of {@link mostInconsistentJudgement}. */
export interface MostInconsistentJudgementResult {
  /** The judgement with the largest ε_ij, or `null` when the matrix is consistent. */
  readonly judgement: InconsistentJudgement | null;
  /** Why `judgement` is null. */
  readonly reason: string | null;
  /** The whole table ε_ij = a_ij · w_j / w_i (diagonal 1). */
  readonly deviations: number[][];
  /** CR of the matrix as given. */
  readonly consistencyRatio: number;
  /** CR after replacing the judgement by `suggestedOnScale` (and its reciprocal); null when none. */
  readonly consistencyRatioIfRevised: number | null;
  /** The AHP method used for w. */
  readonly method: AhpMethod;
  /** The random-index table used for CR. */
  readonly randomIndex: RandomIndexTableName;
}

const CONSISTENT_EPS = 1e-9;

/**
 * Finds the judgement a workshop should revisit first to improve an inconsistent AHP matrix.
 *
 * Rule (Saaty 2003, "Decision-making with the AHP: Why is the principal eigenvector necessary",
 * EJOR 145(1):85–91, §5): with priorities w, compute ε_ij = a_ij · w_j / w_i for every pair; the
 * entry with the largest ε_ij departs most from the ratio w_i / w_j the other judgements imply,
 * and replacing it by w_i / w_j (here also rounded to the nearest 1–9 scale value) lowers the
 * inconsistency most. Ties go to the smallest row, then column. A matrix whose largest ε_ij is
 * within 1e-9 of 1 is consistent and has no judgement to revisit.
 *
 * @param matrix - a square positive reciprocal matrix (as for {@link ahpWeights})
 * @param options - labels, and the {@link ahpWeights} options used for w and CR
 * @returns the judgement (or null with a reason), the ε table, CR now and CR after revising it
 * @throws AssessmentError as {@link ahpWeights}; `length_mismatch` when `labels` does not match the
 *   matrix order; `invalid_type` / `duplicate_id` for bad labels; `out_of_range` when the
 *   priorities are so far apart (extreme entries) that a deviation or the suggested value is
 *   beyond double precision
 * @example
 * ```ts
 * import { mostInconsistentJudgement } from "icc-assessment/prioritisation";
 * const r = mostInconsistentJudgement(
 *   [
 *     [1, 2, 6, 4],
 *     [1 / 2, 1, 1 / 3, 2],
 *     [1 / 6, 3, 1, 1 / 2],
 *     [1 / 4, 1 / 2, 2, 1],
 *   ],
 *   { labels: ["impact", "feasibility", "support", "cost"] },
 * );
 * [r.judgement?.a, r.judgement?.b, r.judgement?.value]; // => ["support", "feasibility", 3]
 * r.judgement?.suggestedOnScale; // => 1
 * Math.round(r.consistencyRatio * 1000) / 1000; // => 0.282
 * Math.round((r.consistencyRatioIfRevised ?? 0) * 1000) / 1000; // => 0.077
 * ```
 */
export function mostInconsistentJudgement(
  matrix: readonly (readonly number[])[],
  options?: MostInconsistentJudgementOptions,
): MostInconsistentJudgementResult {
  const o = readOptions(options, ["options"]);
  const labels = o.labels === undefined ? null : readIds(o.labels, ["options", "labels"], "labels");
  const { labels: _labels, ...ahpOptions } = o;
  const base = ahpWeights(matrix, ahpOptions);
  const n = base.n;
  // one label per row, checked once the order is known
  if (labels !== null && labels.length !== n)
    readList(labels, ["options", "labels"], "labels", 0, n, "matrix row");
  const w = base.weights;
  const deviations: number[][] = [];
  let best = { i: -1, j: -1, eps: 1 };
  for (let i = 0; i < n; i++) {
    const row = matrix[i] as readonly number[];
    const out = new Array<number>(n);
    for (let j = 0; j < n; j++) {
      const eps = i === j ? 1 : ((row[j] as number) * (w[j] as number)) / (w[i] as number);
      // priorities so far apart that a_ij · w_j / w_i leaves double precision (or one of them
      // underflowed to 0): an error, never Infinity or NaN
      if (!Number.isFinite(eps))
        failTooLarge(["matrix", i, j], `the deviation a_ij · w_j / w_i of matrix[${i}][${j}]`);
      out[j] = eps;
      if (i !== j && eps > best.eps) best = { i, j, eps };
    }
    deviations.push(out);
  }
  if (best.i < 0 || best.eps - 1 <= CONSISTENT_EPS) {
    return {
      judgement: null,
      reason:
        n <= 2
          ? `a matrix of order ${n} is always consistent`
          : "the matrix is consistent: every judgement equals the ratio of the priorities",
      deviations,
      consistencyRatio: base.consistencyRatio,
      consistencyRatioIfRevised: null,
      method: base.method,
      randomIndex: base.randomIndex,
    };
  }
  const { i, j } = best;
  const suggested = (w[i] as number) / (w[j] as number);
  if (!Number.isFinite(suggested))
    failTooLarge(["matrix", i, j], `the suggested value w_i / w_j of matrix[${i}][${j}]`);
  const onScale = nearestSaatyValue(suggested);
  const revised = matrix.map((row) => [...row]);
  (revised[i] as number[])[j] = onScale;
  (revised[j] as number[])[i] = 1 / onScale;
  const after = ahpWeights(revised, ahpOptions);
  return {
    judgement: {
      row: i,
      column: j,
      a: labels === null ? null : (labels[i] as string),
      b: labels === null ? null : (labels[j] as string),
      value: (matrix[i] as readonly number[])[j] as number,
      suggested,
      suggestedOnScale: onScale,
      deviation: best.eps,
    },
    reason: null,
    deviations,
    consistencyRatio: base.consistencyRatio,
    consistencyRatioIfRevised: after.consistencyRatio,
    method: base.method,
    randomIndex: base.randomIndex,
  };
}
