import { describe as show, failAt } from "../_lib/assert.js";
import {
  clean,
  failNumber,
  failTooLarge,
  POSITIVE,
  principalEigenvector,
  readChoice,
  readMatrix,
  readOptionNumber,
  readOptions,
  SHARE,
  underPath,
} from "./_shared.js";
import {
  randomIndex,
  randomIndexTableNames,
  randomIndexTables,
  type RandomIndexTableName,
} from "./randomIndex.js";

/** Ways of deriving AHP priorities from a comparison matrix. */
export const ahpMethods = ["eigenvector", "geometricMean"] as const;
/** An AHP priority method. */
export type AhpMethod = (typeof ahpMethods)[number];

/** Saaty's consistency threshold: a matrix with CR ≤ 0.1 is accepted. */
export const DEFAULT_CONSISTENCY_THRESHOLD = 0.1;

/** Default tolerance of the reciprocity check: `|a_ij · a_ji − 1|` and `|a_ii − 1|` at most this. */
export const DEFAULT_RECIPROCAL_TOLERANCE = 1e-6;

/** Options of {@link ahpWeights}. */
export interface AhpWeightsOptions {
  /** `"eigenvector"` (Saaty's principal right eigenvector, default) or `"geometricMean"` (row geometric means). */
  readonly method?: AhpMethod;
  /** The random-index table for CR; default `"saaty1980"`. */
  readonly randomIndex?: RandomIndexTableName;
  /** CR at or below which the matrix counts as consistent; default 0.1. */
  readonly threshold?: number;
  /** Tolerance of the reciprocity check; default 1e-6. */
  readonly tolerance?: number;
}

/** Result of {@link ahpWeights}. */
export interface AhpWeightsResult {
  /** Priorities (weights) of the rows, positive, summing to 1. */
  readonly weights: number[];
  /** Principal eigenvalue estimate λmax. */
  readonly lambdaMax: number;
  /** CI = (λmax − n) / (n − 1); 0 for n ≤ 2. */
  readonly consistencyIndex: number;
  /** CR = CI / RI[n]; 0 for n ≤ 2. */
  readonly consistencyRatio: number;
  /** Whether CR ≤ threshold. */
  readonly isConsistent: boolean;
  /** The priority method used. */
  readonly method: AhpMethod;
  /** The random-index table used. */
  readonly randomIndex: RandomIndexTableName;
  /** RI[n] from that table (0 for n ≤ 2). */
  readonly randomIndexValue: number;
  /** The CR threshold used. */
  readonly threshold: number;
  /** Order of the matrix. */
  readonly n: number;
  /** Power iterations performed (0 for the geometric mean, which does not iterate). */
  readonly iterations: number;
}

/**
 * Priorities and consistency of an AHP pairwise comparison matrix.
 *
 * Rule: `matrix[i][j]` is the importance of item i over item j (Saaty's 1–9 scale or any positive
 * ratio), with `matrix[j][i] = 1 / matrix[i][j]` and ones on the diagonal. Priorities are the
 * principal right eigenvector normalised to sum 1 (`"eigenvector"`, Saaty 1980, by power iteration
 * to a summed change below 1e-13), or the normalised row geometric means (`"geometricMean"`,
 * Crawford & Williams 1985). λmax is the Perron eigenvalue, or for the geometric mean
 * `mean_i((A w)_i / w_i)`. CI = (λmax − n)/(n − 1), CR = CI / RI[n] with RI from a published
 * table ({@link randomIndexTables}); n ≤ 2 gives CI = CR = 0, and a λmax − n below 1e-12·n
 * (rounding on a consistent matrix) gives CI = 0. Consistent when CR ≤ threshold (0.1, Saaty's
 * 10 % rule).
 *
 * @param matrix - a square positive reciprocal matrix
 * @param options - method, random-index table, threshold, reciprocity tolerance
 * @returns the priorities, λmax, CI, CR, whether consistent, and every parameter used
 * @throws AssessmentError `invalid_type`, `empty`, `length_mismatch` (ragged), `non_finite`;
 *   `not_square`; `non_positive_value` (an entry ≤ 0); `not_reciprocal` (diagonal not 1 or
 *   `a_ij · a_ji` not 1); `invalid_value` (unknown method or table); `out_of_range` (threshold
 *   outside [0, 1], the table has no RI for n, or entries so extreme that λmax is beyond double
 *   precision, about 1.8e308: no result is NaN or infinite)
 * @example
 * ```ts
 * import { ahpWeights } from "icc-assessment/prioritisation";
 * const r = ahpWeights([
 *   [1, 3, 5],
 *   [1 / 3, 1, 2],
 *   [1 / 5, 1 / 2, 1],
 * ]);
 * r.weights.map((w) => Math.round(w * 1000) / 1000); // => [0.648, 0.23, 0.122]
 * Math.round(r.consistencyRatio * 1000) / 1000; // => 0.003
 * r.isConsistent; // => true
 * r.randomIndex; // => "saaty1980"
 * ```
 */
export function ahpWeights(
  matrix: readonly (readonly number[])[],
  options?: AhpWeightsOptions,
): AhpWeightsResult {
  const { method, table, threshold, tolerance } = readAhpOptions(options, "options");
  const { rows: n, cols, data: a } = readMatrix(matrix, ["matrix"]);
  if (cols !== n) {
    failAt("not_square", ["matrix"], `matrix must be square, got ${n} rows of ${cols} values`);
  }
  checkReciprocal(a, n, tolerance);

  // RI[n]; an order the table does not list fails in randomIndex, under options.randomIndex
  const ri =
    n <= 2
      ? 0
      : (randomIndexTables[table].values[n] ??
        underPath(["options", "randomIndex"], "n", () => randomIndex(n, table)));

  let w: Float64Array;
  let lambda: number;
  let iterations = 0;
  if (method === "eigenvector") {
    // entries so large that A·w could overflow: iterate on A / max (same vector, λ scaled back)
    let top = 0;
    for (let k = 0; k < n * n; k++) top = Math.max(top, a[k] as number);
    const scale = top * n > 1e300 ? top : 1;
    const e = principalEigenvector(scale === 1 ? a : a.map((x) => x / scale), n);
    w = e.vector;
    lambda = e.value * scale;
    iterations = e.iterations;
  } else {
    // row geometric means in logarithms, divided by the largest (so none overflows):
    // w_i ∝ exp(L_i − max L) with L_i = (1/n) Σ_j ln a_ij
    const logs = a.map(Math.log);
    const mean = new Float64Array(n);
    let top = -Infinity;
    for (let i = 0; i < n; i++) {
      let logSum = 0;
      for (let j = 0; j < n; j++) logSum += logs[i * n + j] as number;
      mean[i] = logSum / n;
      top = Math.max(top, mean[i] as number);
    }
    w = new Float64Array(n);
    let s = 0;
    for (let i = 0; i < n; i++) {
      const g = Math.exp((mean[i] as number) - top);
      w[i] = g;
      s += g;
    }
    for (let i = 0; i < n; i++) w[i] = (w[i] as number) / s;
    // λ = (1/n) Σ_i (A·w)_i / w_i, each a_ij · w_j / w_i as exp(ln a_ij + L_j − L_i), which stays
    // finite where w_i underflows
    let ratio = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        ratio += Math.exp((logs[i * n + j] as number) + (mean[j] as number) - (mean[i] as number));
      }
    }
    lambda = ratio / n;
  }
  if (!Number.isFinite(lambda)) failTooLarge(["matrix"], "λmax of this matrix");

  const ci = n <= 2 || lambda - n <= 1e-12 * n ? 0 : (lambda - n) / (n - 1);
  const cr = n <= 2 ? 0 : ci / ri;
  const weights = new Array<number>(n);
  for (let i = 0; i < n; i++) weights[i] = clean(w[i] as number);
  return {
    weights,
    lambdaMax: lambda,
    consistencyIndex: ci,
    consistencyRatio: cr,
    isConsistent: cr <= threshold,
    method,
    randomIndex: table,
    randomIndexValue: ri,
    threshold,
    n,
    iterations,
  };
}

/** {@link AhpWeightsOptions} after their checks, with the defaults filled in. */
export interface ReadAhpOptions {
  readonly method: AhpMethod;
  readonly table: RandomIndexTableName;
  readonly threshold: number;
  readonly tolerance: number;
}

/**
 * Checks the options of {@link ahpWeights} (for it and for the functions that pass them on); error
 * paths are `["options", …]`, or `["options", "ahp", …]` when `at` is `"options.ahp"`.
 */
export function readAhpOptions(
  options: AhpWeightsOptions | undefined,
  at: "options" | "options.ahp",
): ReadAhpOptions {
  const base = at === "options" ? OPTIONS : AHP_OPTIONS;
  const o = readOptions(options, base);
  const method =
    o.method === undefined
      ? "eigenvector"
      : readChoice(o.method, ahpMethods, "eigenvector", [...base, "method"], "method");
  const table =
    o.randomIndex === undefined
      ? "saaty1980"
      : readChoice(
          o.randomIndex,
          randomIndexTableNames,
          "saaty1980",
          [...base, "randomIndex"],
          "randomIndex",
        );
  const threshold = readOptionNumber(
    o.threshold,
    "threshold",
    SHARE,
    DEFAULT_CONSISTENCY_THRESHOLD,
    base,
  );
  const tolerance = readOptionNumber(
    o.tolerance,
    "tolerance",
    TOLERANCE,
    DEFAULT_RECIPROCAL_TOLERANCE,
    base,
  );
  return { method, table, threshold, tolerance };
}

const OPTIONS = ["options"] as const;
const AHP_OPTIONS = ["options", "ahp"] as const;
/** The reciprocity tolerance: from 0 to 0.5. */
const TOLERANCE = { min: 0, max: 0.5 } as const;

/**
 * Checks a positive reciprocal matrix row by row: a_ii = 1, then every entry of the row positive
 * (`non_positive_value`) and a_ji = 1/a_ij for j > i, both within the tolerance (`not_reciprocal`,
 * reported at a_ji; a non-positive a_ji is reported in its own row).
 */
function checkReciprocal(a: Float64Array, n: number, tolerance: number): void {
  for (let i = 0; i < n; i++) {
    // the column j of row i whose a_ji is not the reciprocal of a_ij (i itself: a_ii is not 1)
    let bad = Math.abs((a[i * n + i] as number) - 1) > tolerance ? i : -1;
    if (bad < 0) {
      for (let j = 0; j < n; j++) {
        const x = a[i * n + j] as number;
        if (x <= 0) failNumber(x, ["matrix", i, j], `matrix[${i}][${j}]`, POSITIVE);
        if (j > i) {
          const y = a[j * n + i] as number;
          if (y > 0 && Math.abs(x * y - 1) > tolerance) {
            bad = j;
            break;
          }
        }
      }
    }
    if (bad >= 0) {
      failAt(
        "not_reciprocal",
        ["matrix", bad, i],
        bad === i
          ? `matrix[${i}][${i}] must be 1 (an item compared with itself), got ${show(a[i * n + i])}`
          : `matrix[${bad}][${i}] must be 1/matrix[${i}][${bad}] = ${1 / (a[i * n + bad] as number)}, got ${show(a[bad * n + i])}`,
      );
    }
  }
}
