import { failAt } from "../_lib/assert.js";
import {
  clean,
  isConnected,
  judgementScales,
  principalEigenvector,
  readChoice,
  readJudgements,
  readOptions,
  toRows,
  type JudgementInput,
  type JudgementScale,
} from "./_shared.js";

/** Ways of completing an incomplete set of AHP judgements. */
export const completionMethods = ["harker", "logarithmicLeastSquares"] as const;
/** A completion method. */
export type CompletionMethod = (typeof completionMethods)[number];

/** Options of {@link completeJudgements}. */
export interface CompleteJudgementsOptions {
  /** `"harker"` (default) or `"logarithmicLeastSquares"`. */
  readonly method?: CompletionMethod;
  /** Scale check of the given judgements, as in `buildReciprocalMatrix`; default `"continuous"`. */
  readonly scale?: JudgementScale;
}

/** A judgement filled in by {@link completeJudgements}. */
export interface CompletedJudgement {
  /** The row item (earlier in `labels`). */
  readonly a: string;
  /** The column item. */
  readonly b: string;
  /** The filled ratio w_a / w_b. */
  readonly value: number;
}

/** Result of {@link completeJudgements}. */
export interface CompleteJudgementsResult {
  /** The items, in matrix order. */
  readonly labels: string[];
  /** The completed reciprocal matrix. */
  readonly matrix: number[][];
  /** The priorities the method derives from the given judgements (sum 1). */
  readonly weights: number[];
  /** The pairs that were missing and the values filled in, in label order. */
  readonly completed: CompletedJudgement[];
  /** Number of judgements given. */
  readonly judgementCount: number;
  /** The method used. */
  readonly method: CompletionMethod;
  /** The scale check applied to the given judgements. */
  readonly scale: JudgementScale;
}

/**
 * Completes an AHP comparison matrix when some pairs were not judged (a short workshop, a
 * respondent who skipped questions).
 *
 * Rule: the judged pairs must connect every item (at least n − 1 judgements forming a spanning
 * graph). Priorities w come from the given judgements only, then each missing entry is filled with
 * `a_ij = w_i / w_j` (and its reciprocal).
 * - `"harker"` (default): Harker (1987), "Alternative modes of questioning in the analytic
 *   hierarchy process", Mathematical Modelling 9(3–5):353–360 — the principal eigenvector of the
 *   matrix C with `c_ij = a_ij` for judged pairs, 0 for missing ones, and `c_ii = 1 + m_i` (m_i =
 *   missing entries in row i). The completed matrix has w as its principal eigenvector.
 * - `"logarithmicLeastSquares"`: Bozóki, Fülöp & Rónyai (2010), "On optimal completion of
 *   incomplete pairwise comparison matrices", Math. Comput. Modelling 52:318–333 — w minimises
 *   Σ over judged pairs of (ln a_ij − ln w_i + ln w_j)², found from the comparison graph's Laplacian;
 *   the completed matrix has w as its row geometric mean.
 *
 * @param labels - the items, in matrix order
 * @param judgements - at most one judgement per pair, on the 1–9 scale
 * @param options - the method and the scale check
 * @returns the completed matrix, the priorities, and every filled pair
 * @throws AssessmentError as {@link buildReciprocalMatrix} for the judgements; `missing_value`
 *   when the judged pairs do not connect every item; `invalid_value` for an unknown method
 * @example
 * ```ts
 * import { completeJudgements } from "icc-assessment/prioritisation";
 * const r = completeJudgements(["a", "b", "c"], [
 *   { a: "a", b: "b", value: 2 },
 *   { a: "b", b: "c", value: 3 },
 * ]);
 * r.completed.map((j) => [j.a, j.b, Math.round(j.value * 1000) / 1000]); // => [["a", "c", 6]]
 * r.method; // => "harker"
 * ```
 */
export function completeJudgements(
  labels: readonly string[],
  judgements: readonly JudgementInput[],
  options?: CompleteJudgementsOptions,
): CompleteJudgementsResult {
  const o = readOptions(options, ["options"]);
  const method = readChoice(o.method, completionMethods, "harker", ["options", "method"], "method");
  const scale = readChoice(o.scale, judgementScales, "continuous", ["options", "scale"], "scale");
  const r = readJudgements(labels, judgements, scale);
  const { n, data } = r;
  const link = isConnected(data, n);
  if (!link.connected) {
    failAt(
      "missing_value",
      ["judgements"],
      `judgements must connect every item, but nothing links ${JSON.stringify(r.labels[0])} with ${JSON.stringify(
        r.labels[link.unreached],
      )}; at least ${n - 1} judgements forming a chain or tree are needed`,
    );
  }
  const w = method === "harker" ? harker(data, n) : logLeastSquares(data, n);
  const matrix = new Float64Array(data);
  const completed: CompletedJudgement[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (data[i * n + j] === 0) {
        const v = (w[i] as number) / (w[j] as number);
        matrix[i * n + j] = v;
        matrix[j * n + i] = 1 / v;
        completed.push({ a: r.labels[i] as string, b: r.labels[j] as string, value: v });
      }
    }
  }
  return {
    labels: r.labels,
    matrix: toRows(matrix, n, n),
    weights: Array.from(w, clean),
    completed,
    judgementCount: r.given,
    method,
    scale,
  };
}

function harker(data: Float64Array, n: number): Float64Array {
  const c = new Float64Array(data);
  for (let i = 0; i < n; i++) {
    let missing = 0;
    for (let j = 0; j < n; j++) if (data[i * n + j] === 0) missing++;
    c[i * n + i] = 1 + missing;
  }
  return principalEigenvector(c, n).vector;
}

function logLeastSquares(data: Float64Array, n: number): Float64Array {
  // Laplacian system L y = b with y_0 = 0, solved on the remaining n − 1 unknowns
  const m = n - 1;
  const l = new Float64Array(m * m);
  const b = new Float64Array(m);
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const a = data[i * n + j] as number;
      if (i === j || a === 0) continue;
      l[(i - 1) * m + (i - 1)] = (l[(i - 1) * m + (i - 1)] as number) + 1;
      if (j > 0) l[(i - 1) * m + (j - 1)] = (l[(i - 1) * m + (j - 1)] as number) - 1;
      b[i - 1] = (b[i - 1] as number) + Math.log(a);
    }
  }
  // Gaussian elimination; L is symmetric positive definite once a node is fixed (connected graph)
  for (let k = 0; k < m; k++) {
    const pivot = l[k * m + k] as number;
    for (let r = k + 1; r < m; r++) {
      const f = (l[r * m + k] as number) / pivot;
      if (f === 0) continue;
      for (let c = k; c < m; c++)
        l[r * m + c] = (l[r * m + c] as number) - f * (l[k * m + c] as number);
      b[r] = (b[r] as number) - f * (b[k] as number);
    }
  }
  const y = new Float64Array(n);
  for (let k = m - 1; k >= 0; k--) {
    let s = b[k] as number;
    for (let c = k + 1; c < m; c++) s -= (l[k * m + c] as number) * (y[c + 1] as number);
    y[k + 1] = s / (l[k * m + k] as number);
  }
  const w = new Float64Array(n);
  let max = -Infinity;
  for (let i = 0; i < n; i++) max = Math.max(max, y[i] as number);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = Math.exp((y[i] as number) - max);
    w[i] = v;
    sum += v;
  }
  for (let i = 0; i < n; i++) w[i] = (w[i] as number) / sum;
  return w;
}
