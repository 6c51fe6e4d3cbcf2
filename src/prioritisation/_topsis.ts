/**
 * The one TOPSIS core, used by `topsis` (one set of weights) and `rankStability` (a set of
 * weights per draw and per sweep point): plain arrays in, plain arrays out, tight loops. Not
 * exported from the stage.
 *
 * A frame holds what does not depend on the weights — each column's normalisation
 * r_ij = (x_ij − off_j) / div_j and its smallest and largest value — so that weighing it
 * ({@link weighFrame}) and scoring the alternatives ({@link topsisCloseness}) cost O(m) and
 * O(n·m) per set of weights.
 */
import { columnDivisor, type DecisionInput } from "./_shared.js";

/** Normalisations TOPSIS can apply. */
export const topsisNormalisations = ["vector", "minMax"] as const;
/** A TOPSIS normalisation. */
export type TopsisNormalisation = (typeof topsisNormalisations)[number];

/** What TOPSIS needs of the columns, whatever the weights. */
export interface TopsisFrame {
  /** Number of criteria. */
  readonly cols: number;
  /** Vector normalisation (the ideal of a cost criterion is its smallest value). */
  readonly vector: boolean;
  /** 1 for a cost criterion. */
  readonly cost: Uint8Array;
  /** r = (x − off) / div. */
  readonly off: Float64Array;
  /** r = (x − off) / div (negative for a cost criterion under min-max). */
  readonly div: Float64Array;
  /** Each column's minimum. */
  readonly lo: Float64Array;
  /** Each column's maximum. */
  readonly hi: Float64Array;
}

/**
 * The frame of a checked decision matrix: `"vector"` divides by each column's Euclidean length,
 * `"minMax"` maps [min, max] to [0, 1] (reversed for a cost). Errors: `zero_spread` (a column of
 * zeros under vector normalisation, of equal values under min-max), `out_of_range` (a divisor
 * that overflows), as {@link columnDivisor}.
 */
export function topsisFrame(input: DecisionInput, normalisation: TopsisNormalisation): TopsisFrame {
  const { cols, min, max, sumSq, cost } = input;
  const vector = normalisation === "vector";
  const off = new Float64Array(cols);
  const div = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    const lo = min[j] as number;
    if (vector) div[j] = columnDivisor(Math.sqrt(sumSq[j] as number), j, 0, "vector");
    else {
      const range = columnDivisor((max[j] as number) - lo, j, lo, "minMax");
      const isCost = cost[j] === 1;
      off[j] = isCost ? (max[j] as number) : lo;
      div[j] = isCost ? -range : range;
    }
  }
  return { cols, vector, cost, off, div, lo: min, hi: max };
}

/**
 * Weighs a frame with weights `w` (summing to 1): `f_j = w_j / div_j`, so v_ij = (x_ij − off_j)·f_j,
 * and the ideal and anti-ideal per criterion — the best and worst v of the column (with vector
 * normalisation the ideal of a cost criterion is its smallest v) — computed by the same expression
 * on the column's extreme values, so that they equal an alternative's v exactly.
 */
export function weighFrame(
  frame: TopsisFrame,
  w: ArrayLike<number>,
  f: Float64Array,
  ideal: Float64Array,
  anti: Float64Array,
): void {
  const { cols, vector, cost, off, div, lo, hi } = frame;
  for (let j = 0; j < cols; j++) {
    const fj = (w[j] as number) / (div[j] as number);
    f[j] = fj;
    const o = off[j] as number;
    const vLo = ((lo[j] as number) - o) * fj + 0; // + 0: -0 becomes 0
    const vHi = ((hi[j] as number) - o) * fj + 0;
    const better = vLo > vHi ? vLo : vHi;
    const worse = vLo > vHi ? vHi : vLo;
    const reversed = vector && cost[j] === 1;
    ideal[j] = reversed ? worse : better;
    anti[j] = reversed ? better : worse;
  }
}

/** Where {@link topsisCloseness} writes besides the closeness (each null to skip it). */
export interface TopsisTables {
  /** D+ per alternative. */
  readonly dPlus: Float64Array | null;
  /** D− per alternative. */
  readonly dMinus: Float64Array | null;
  /** The weighted normalised matrix v, row-major. */
  readonly v: Float64Array | null;
}

const NO_TABLES: TopsisTables = { dPlus: null, dMinus: null, v: null };

/**
 * Scores the alternatives `first` to `end − 1` of `matrix` (all by default) on a weighed frame,
 * the one place TOPSIS does its arithmetic per cell: v_ij = (x_ij − off_j)·f_j, D+ and D− the
 * Euclidean distances of v_i to the ideal and the anti-ideal, and the relative closeness
 * C = D− / (D+ + D−), written at `i − first` into `closeness` (and D+, D− and v into `tables`
 * when asked). An alternative that is both the ideal and the anti-ideal (D+ = D− = 0, possible
 * only when no weighted criterion differs) gets closeness 1/2: every alternative is then such,
 * and they all tie. Returns the first such alternative, or −1.
 */
export function topsisCloseness(
  matrix: readonly (readonly number[])[],
  frame: TopsisFrame,
  f: Float64Array,
  ideal: Float64Array,
  anti: Float64Array,
  closeness: Float64Array,
  tables: TopsisTables = NO_TABLES,
  first = 0,
  end = matrix.length,
): number {
  const { cols, off } = frame;
  const { dPlus, dMinus, v } = tables;
  let degenerate = -1;
  for (let i = first; i < end; i++) {
    const row = matrix[i] as readonly number[];
    const k = i - first;
    const base = k * cols;
    let sp = 0;
    let sm = 0;
    for (let j = 0; j < cols; j++) {
      const vij = ((row[j] as number) - (off[j] as number)) * (f[j] as number);
      if (v !== null) v[base + j] = vij;
      const p = vij - (ideal[j] as number);
      const q = vij - (anti[j] as number);
      sp += p * p;
      sm += q * q;
    }
    const dp = Math.sqrt(sp);
    const dm = Math.sqrt(sm);
    const total = dp + dm;
    if (dPlus !== null) dPlus[k] = dp;
    if (dMinus !== null) dMinus[k] = dm;
    if (total > 0) closeness[k] = dm / total;
    else {
      if (degenerate < 0) degenerate = i;
      closeness[k] = 0.5;
    }
  }
  return degenerate;
}

/**
 * The relative closeness of alternative `i` alone on a weighed frame (see
 * {@link topsisCloseness}); `scratch` holds at least one number.
 */
export function topsisRow(
  matrix: readonly (readonly number[])[],
  i: number,
  frame: TopsisFrame,
  f: Float64Array,
  ideal: Float64Array,
  anti: Float64Array,
  scratch: Float64Array,
): number {
  topsisCloseness(matrix, frame, f, ideal, anti, scratch, NO_TABLES, i, i + 1);
  return scratch[0] as number;
}
