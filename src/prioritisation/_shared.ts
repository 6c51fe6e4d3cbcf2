/**
 * Helpers shared by the prioritisation functions: validation in one pass over plain arrays,
 * fast competition ranks and the principal eigenvector. Not exported from the stage.
 */
import { describe as show, failAt, remapErrors } from "../_lib/assert.js";
import { compareIds } from "../_lib/sort.js";
import type { Decimal } from "decimal.js";
import type { PathSegment } from "../errors/AssessmentError.js";

/** Turns -0 into 0 (outputs never carry a negative zero). */
export function clean(x: number): number {
  return x === 0 ? 0 : x;
}

/** A validated dense matrix, row-major in a Float64Array. */
export interface DenseMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/**
 * Reads a non-empty rectangular matrix of finite numbers in one pass. Errors: `invalid_type`
 * (not an array, a row not an array, a cell not a number), `empty`, `length_mismatch` (ragged),
 * `non_finite`.
 */
export function readMatrix(
  matrix: unknown,
  path: readonly PathSegment[],
  name = "matrix",
): DenseMatrix {
  const { rows, cols, list } = readOutline(matrix, path, name);
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const row = list[i] as readonly unknown[];
    const base = i * cols;
    for (let j = 0; j < cols; j++) {
      const v: unknown = row[j];
      if (typeof v !== "number" || v - v !== 0)
        failNumber(v, [...path, i, j], `${name}[${i}][${j}]`);
      data[base + j] = v;
    }
  }
  return { rows, cols, data };
}

/**
 * Checks the outline of a matrix, everything but its cells: an array of at least one row, every
 * row an array of as many values as the first, which has at least one. Errors: `invalid_type`,
 * `empty`, `length_mismatch`; `rowHint` and `valueHint` say in the `empty` messages what a row and
 * a value stand for (e.g. " (alternative)").
 */
function readOutline(
  matrix: unknown,
  path: readonly PathSegment[],
  name: string,
  rowHint = "",
  valueHint = "",
): { rows: number; cols: number; list: readonly unknown[] } {
  if (!Array.isArray(matrix)) {
    failAt("invalid_type", path, `${name} must be an array of rows, got ${show(matrix)}`);
  }
  const rows = matrix.length;
  if (rows === 0) failAt("empty", path, `${name} must have at least one row${rowHint}`);
  const first: unknown = matrix[0];
  if (!Array.isArray(first)) badRow(first, 0, 0, path, name);
  const cols = first.length;
  if (cols === 0)
    failAt("empty", [...path, 0], `${name}[0] must have at least one value${valueHint}`);
  for (let i = 1; i < rows; i++) {
    const row: unknown = matrix[i];
    if (!Array.isArray(row) || row.length !== cols) badRow(row, i, cols, path, name);
  }
  return { rows, cols, list: matrix };
}

/** Fails for row `i`: not an array, or not of the first row's length `cols`. */
function badRow(
  row: unknown,
  i: number,
  cols: number,
  path: readonly PathSegment[],
  name: string,
): never {
  if (!Array.isArray(row)) {
    failAt("invalid_type", [...path, i], `${name}[${i}] must be an array, got ${show(row)}`);
  }
  failAt(
    "length_mismatch",
    [...path, i],
    `${name}[${i}] must have ${cols} values like row 0, got ${row.length}`,
  );
}

/**
 * Reads weights for `count` criteria: finite, non-negative, summing to a positive number; returns
 * them divided by their sum. Errors: `invalid_type`, `length_mismatch`, `non_finite`,
 * `negative_weight`, `zero_weights`.
 */
export function readWeights(
  weights: unknown,
  count: number,
  path: readonly PathSegment[],
  name = "weights",
): Float64Array {
  readPerColumn(weights, count, path, name, "one weight");
  const out = new Float64Array(count);
  let sum = 0;
  for (let j = 0; j < count; j++) {
    const v: unknown = weights[j];
    if (typeof v !== "number" || v - v !== 0) failNumber(v, [...path, j], `${name}[${j}]`);
    if (v < 0)
      failAt("negative_weight", [...path, j], `${name}[${j}] must not be negative, got ${show(v)}`);
    out[j] = v + 0; // -0 becomes 0
    sum += v;
  }
  if (!(sum > 0) || !Number.isFinite(sum)) {
    failAt("zero_weights", path, `${name} must sum to a positive finite number, got ${sum}`);
  }
  for (let j = 0; j < count; j++) out[j] = (out[j] as number) / sum;
  return out;
}

/** Checks an array of one value per matrix column (`count`): `invalid_type`, `length_mismatch`. */
function readPerColumn(
  list: unknown,
  count: number,
  path: readonly PathSegment[],
  name: string,
  what: string,
): asserts list is readonly unknown[] {
  if (!Array.isArray(list) || list.length !== count) {
    failAt(
      Array.isArray(list) ? "length_mismatch" : "invalid_type",
      path,
      `${name} must be an array of ${what} per criterion (${count}), got ${Array.isArray(list) ? `${list.length}` : show(list)}`,
    );
  }
}

/** Reads criterion kinds (`benefit` / `cost`); returns 1 for cost, 0 for benefit. */
function readKinds(criteria: unknown, count: number, path: readonly PathSegment[]): Uint8Array {
  readPerColumn(criteria, count, path, "criteria", 'one kind ("benefit" or "cost")');
  const out = new Uint8Array(count);
  for (let j = 0; j < count; j++) {
    const k: unknown = criteria[j];
    if (k === "cost") out[j] = 1;
    else if (k !== "benefit") {
      failAt(
        "invalid_value",
        [...path, j],
        `criteria[${j}] must be "benefit" or "cost", got ${show(k)}`,
      );
    }
  }
  return out;
}

/**
 * Reads a list of distinct non-empty string ids. Errors: `invalid_type`, `empty` (when `nonEmpty`),
 * `invalid_value` (empty string), `duplicate_id`.
 */
export function readIds(
  ids: unknown,
  path: readonly PathSegment[],
  name: string,
  nonEmpty = true,
): string[] {
  if (!Array.isArray(ids))
    failAt("invalid_type", path, `${name} must be an array of ids, got ${show(ids)}`);
  if (nonEmpty && ids.length === 0) failAt("empty", path, `${name} must not be empty`);
  const seen = new Set<string>();
  ids.forEach((id: unknown, i) => {
    if (typeof id !== "string") {
      failAt("invalid_type", [...path, i], `${name}[${i}] must be a string id, got ${show(id)}`);
    }
    if (id === "")
      failAt("invalid_value", [...path, i], `${name}[${i}] must not be an empty string`);
    if (seen.has(id)) failAt("duplicate_id", [...path, i], `${name} lists ${show(id)} twice`);
    seen.add(id);
  });
  return [...(ids as string[])];
}

/** Reads an options object (undefined → `{}`); anything else than a plain object is an error. */
export function readOptions<T extends object>(
  options: T | undefined,
  path: readonly PathSegment[],
): T {
  if (options === undefined) return {} as T;
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    failAt("invalid_type", path, `options must be an object, got ${show(options)}`);
  }
  return options;
}

/** Reads one of a closed list of string values, with a default for `undefined`. */
export function readChoice<T extends string>(
  value: unknown,
  choices: readonly T[],
  fallback: T,
  path: readonly PathSegment[],
  name: string,
): T {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || !(choices as readonly string[]).includes(value)) {
    failAt(
      "invalid_value",
      path,
      `${name} must be one of ${choices.map((c) => JSON.stringify(c)).join(", ")}, got ${show(value)}`,
    );
  }
  return value as T;
}

/** What {@link readNumber} accepts besides a finite number. */
export interface NumberRange {
  readonly min?: number;
  readonly max?: number;
  /** `min` itself is refused. */
  readonly exclusiveMin?: boolean;
  readonly integer?: boolean;
}

const ANY_NUMBER: NumberRange = {};
/** Numbers from 0 up. */
export const NON_NEGATIVE: NumberRange = { min: 0 };
/** Numbers from 0 to 1. */
export const SHARE: NumberRange = { min: 0, max: 1 };

/**
 * Whether `value` is a finite number within `range`: the test of {@link readNumber} without its
 * path and message, for loops that build those only when a value fails ({@link failNumber}).
 */
export function isNumberIn(value: unknown, range: NumberRange = ANY_NUMBER): value is number {
  if (typeof value !== "number" || value - value !== 0) return false;
  if (range.integer === true && !Number.isInteger(value)) return false;
  const { min, max } = range;
  if (min !== undefined && (range.exclusiveMin === true ? value <= min : value < min)) return false;
  return max === undefined || value <= max;
}

/**
 * Throws the error of {@link readNumber} for a value {@link isNumberIn} refused: `invalid_type`,
 * `non_finite`, `invalid_value` (not whole), `out_of_range`.
 */
export function failNumber(
  value: unknown,
  path: readonly PathSegment[],
  name: string,
  range: NumberRange = ANY_NUMBER,
): never {
  if (typeof value !== "number")
    failAt("invalid_type", path, `${name} must be a number, got ${show(value)}`);
  if (!Number.isFinite(value))
    failAt("non_finite", path, `${name} must be a finite number, got ${show(value)}`);
  if (range.integer === true && !Number.isInteger(value)) {
    failAt("invalid_value", path, `${name} must be a whole number, got ${show(value)}`);
  }
  const { min, max } = range;
  const low = min !== undefined && (range.exclusiveMin === true ? value <= min : value < min);
  failAt(
    "out_of_range",
    path,
    low
      ? `${name} must be ${range.exclusiveMin === true ? "greater than" : "at least"} ${min}, got ${show(value)}`
      : `${name} must be at most ${max}, got ${show(value)}`,
  );
}

/** Reads a finite number within [min, max] (inclusive unless `exclusiveMin`). */
export function readNumber(
  value: unknown,
  path: readonly PathSegment[],
  name: string,
  range: NumberRange = ANY_NUMBER,
): number {
  return isNumberIn(value, range) ? value : failNumber(value, path, name, range);
}

/**
 * How many values of `sorted` (ascending) are greater than `v`, by binary search for the first
 * index whose value is > v: v's competition rank, descending, is this count plus one.
 */
export function countAbove(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) > v) hi = mid;
    else lo = mid + 1;
  }
  return sorted.length - lo;
}

/**
 * Standard competition ranks ("1224") with rank 1 for the largest value: a copy of the values is
 * sorted by the engine's numeric sort (a typed array's, no comparator callbacks) and each value's
 * rank is one plus the number of values above it, found by binary search. O(n log n).
 */
export function ranksDescending(values: ArrayLike<number>): number[] {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const ranks = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    ranks[i] = countAbove(sorted, values[i] as number) + 1;
  }
  return ranks;
}

/** Midranks (average ranks for ties), rank 1 for the smallest value. */
export function averageRanksAscending(values: ArrayLike<number>): number[] {
  const n = values.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort(
    (i, j) => (values[i] as number) - (values[j] as number) || i - j,
  );
  const out = new Array<number>(n);
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && values[idx[end] as number] === values[idx[start] as number]) end++;
    const avg = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) out[idx[k] as number] = avg;
    start = end;
  }
  return out;
}

/** Sizes of the groups of equal values (only groups of two or more). */
export function tieGroups(values: ArrayLike<number>): number[] {
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  const out: number[] = [];
  let run = 1;
  for (let i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && sorted[i] === sorted[i - 1]) run++;
    else {
      if (run > 1) out.push(run);
      run = 1;
    }
  }
  return out;
}

/** Result of {@link principalEigenvector}. */
export interface Eigen {
  readonly vector: Float64Array;
  readonly value: number;
  readonly iterations: number;
}

/** Convergence tolerance of the power iteration: sum of absolute changes of the vector. */
export const POWER_TOLERANCE = 1e-13;
/** Iteration cap of the power iteration. */
export const POWER_MAX_ITERATIONS = 10_000;

/**
 * Principal right eigenvector (normalised to sum 1) and eigenvalue of a non-negative irreducible
 * n × n matrix by power iteration from the uniform vector (Perron–Frobenius; Saaty 1980).
 */
export function principalEigenvector(a: Float64Array, n: number): Eigen {
  let w = new Float64Array(n).fill(1 / n);
  let y = new Float64Array(n);
  let lambda = 0;
  let iterations = 0;
  while (iterations < POWER_MAX_ITERATIONS) {
    iterations++;
    let s = 0;
    for (let i = 0; i < n; i++) {
      let acc = 0;
      const base = i * n;
      for (let j = 0; j < n; j++) acc += (a[base + j] as number) * (w[j] as number);
      y[i] = acc;
      s += acc;
    }
    let diff = 0;
    for (let i = 0; i < n; i++) {
      const v = (y[i] as number) / s;
      diff += Math.abs(v - (w[i] as number));
      y[i] = v;
    }
    lambda = s;
    const t = w;
    w = y;
    y = t;
    if (diff < POWER_TOLERANCE) break;
  }
  return { vector: w, value: lambda, iterations };
}

/** One pairwise judgement: `value` is the importance of `a` over `b`. */
export interface JudgementInput {
  /** The first item. */
  readonly a: string;
  /** The second item. */
  readonly b: string;
  /** How much more important `a` is than `b` (1–9, or 1/9–1 when `b` is the more important). */
  readonly value: number;
}

/** How judgement values are checked: any ratio in [1/9, 9], or Saaty's 17 scale values only. */
export const judgementScales = ["continuous", "saaty"] as const;
/** A judgement scale check. */
export type JudgementScale = (typeof judgementScales)[number];

const SCALE_EPS = 1e-9;

/** Nearest value of Saaty's scale (1–9 and 1/2–1/9), measured on the log scale. */
export function nearestSaatyValue(x: number): number {
  const r = x >= 1 ? x : 1 / x;
  const lo = Math.min(9, Math.max(1, Math.floor(r)));
  const hi = Math.min(9, lo + 1);
  const best = Math.log(r) - Math.log(lo) <= Math.log(hi) - Math.log(r) ? lo : hi;
  return x >= 1 ? best : 1 / best;
}

/** Judgement values accepted: Saaty's 1–9 scale and its reciprocals, with a rounding margin. */
const JUDGEMENT_RANGE: NumberRange = { min: 1 / 9 - SCALE_EPS, max: 9 + SCALE_EPS };

/** Whether a judgement value is one of Saaty's 17 values (1–9 and 1/2–1/9). */
function onSaatyScale(v: number): boolean {
  const r = v >= 1 ? v : 1 / v;
  return Math.abs(r - Math.round(r)) <= SCALE_EPS;
}

/** Fails for judgement `k`'s item `key` (`a` or `b`): not a label, or an unknown one. */
function badItem(id: unknown, k: number, key: "a" | "b"): never {
  if (typeof id !== "string") {
    failAt(
      "invalid_type",
      ["judgements", k, key],
      `judgements[${k}].${key} must be a label, got ${show(id)}`,
    );
  }
  failAt(
    "unknown_reference",
    ["judgements", k, key],
    `judgements[${k}].${key} names an unknown item ${show(id)}`,
  );
}

/** Fails for judgement `k`'s value: not a number, not positive, off the 1–9 scale or off Saaty's values. */
function badValue(value: unknown, k: number): never {
  const path = ["judgements", k, "value"];
  const v = readNumber(value, path, `judgements[${k}].value`);
  if (v <= 0)
    failAt("non_positive_value", path, `judgements[${k}].value must be positive, got ${show(v)}`);
  failAt(
    isNumberIn(v, JUDGEMENT_RANGE) ? "invalid_value" : "out_of_range",
    path,
    isNumberIn(v, JUDGEMENT_RANGE)
      ? `judgements[${k}].value must be one of Saaty's values 1–9 or 1/2–1/9, got ${show(v)}`
      : `judgements[${k}].value must be on the 1–9 scale (from 1/9 to 9), got ${show(v)}`,
  );
}

/** Judgements read into an n × n matrix (0 where no judgement was given, 1 on the diagonal). */
export interface ReadJudgements {
  readonly labels: string[];
  readonly n: number;
  readonly data: Float64Array;
  readonly given: number;
}

/**
 * Reads labelled judgements into a matrix; every error path starts at `judgements`. Missing
 * pairs stay 0 (callers decide).
 */
export function readJudgements(
  labels: unknown,
  judgements: unknown,
  scale: JudgementScale,
): ReadJudgements {
  const ids = readIds(labels, ["labels"], "labels");
  const n = ids.length;
  const index = new Map(ids.map((id, i) => [id, i]));
  if (!Array.isArray(judgements)) {
    failAt("invalid_type", ["judgements"], `judgements must be an array, got ${show(judgements)}`);
  }
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) data[i * n + i] = 1;
  const firstAt = new Map<number, number>();
  for (let k = 0; k < judgements.length; k++) {
    const j: unknown = judgements[k];
    if (typeof j !== "object" || j === null || Array.isArray(j)) {
      failAt(
        "invalid_type",
        ["judgements", k],
        `judgements[${k}] must be an object { a, b, value }, got ${show(j)}`,
      );
    }
    const { a, b, value } = j as Record<string, unknown>;
    const ia = typeof a === "string" ? index.get(a) : undefined;
    if (ia === undefined) badItem(a, k, "a");
    const ib = typeof b === "string" ? index.get(b) : undefined;
    if (ib === undefined) badItem(b, k, "b");
    if (ia === ib) {
      failAt(
        "invalid_value",
        ["judgements", k, "b"],
        `judgements[${k}] compares ${show(a)} with itself`,
      );
    }
    if (!isNumberIn(value, JUDGEMENT_RANGE) || (scale === "saaty" && !onSaatyScale(value))) {
      badValue(value, k);
    }
    const key = Math.min(ia, ib) * n + Math.max(ia, ib);
    const first = firstAt.get(key);
    if (first !== undefined) {
      failAt(
        "invalid_value",
        ["judgements", k],
        `judgements[${k}] judges the pair ${show(a)}/${show(b)} again (first at judgements[${first}])`,
      );
    }
    firstAt.set(key, k);
    data[ia * n + ib] = value;
    data[ib * n + ia] = 1 / value;
  }
  return { labels: ids, n, data, given: firstAt.size };
}

/** Whether the pairs judged connect every item (a spanning comparison graph). */
export function isConnected(
  data: Float64Array,
  n: number,
): { connected: boolean; unreached: number } {
  const seen = new Uint8Array(n);
  const stack = [0];
  seen[0] = 1;
  let count = 1;
  while (stack.length > 0) {
    const i = stack.pop() as number;
    for (let j = 0; j < n; j++) {
      if (seen[j] === 0 && (data[i * n + j] as number) > 0) {
        seen[j] = 1;
        count++;
        stack.push(j);
      }
    }
  }
  return { connected: count === n, unreached: seen.indexOf(0) };
}

/** Dense n × n Float64Array to nested arrays. */
export function toRows(data: Float64Array, rows: number, cols: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < rows; i++) {
    const row = new Array<number>(cols);
    for (let j = 0; j < cols; j++) row[j] = clean(data[i * cols + j] as number);
    out.push(row);
  }
  return out;
}

/**
 * Runs `fn` with error paths moved under `prefix`: a path starting with `from` has that first
 * segment replaced by `prefix`; any other path gets `prefix` put before it.
 */
export function underPath<T>(prefix: readonly PathSegment[], from: string, fn: () => T): T {
  return remapErrors(fn, (path) => [...prefix, ...(path[0] === from ? path.slice(1) : path)], {
    addMissingPath: true,
  });
}

/** The checked input of a decision-matrix method (TOPSIS, weighted sum). */
export interface DecisionInput {
  /** Number of alternatives (matrix rows). */
  readonly rows: number;
  /** Number of criteria (matrix columns). */
  readonly cols: number;
  /** Each column's minimum. */
  readonly min: Float64Array;
  /** Each column's maximum. */
  readonly max: Float64Array;
  /** Each column's sum of squares. */
  readonly sumSq: Float64Array;
  /** One weight per criterion, divided by their sum. */
  readonly weights: Float64Array;
  /** 1 for a cost criterion, 0 for a benefit. */
  readonly cost: Uint8Array;
}

/**
 * Reads the input of a decision-matrix method (TOPSIS, weighted sum), in this order: the
 * alternatives × criteria matrix in one pass (errors as {@link readMatrix}), collecting each
 * column's minimum, maximum and sum of squares on the way; one weight per criterion
 * ({@link readWeights}); one kind per criterion ({@link readKinds}). The matrix itself is not
 * copied: callers read it again, as a hand-written loop would.
 */
export function readDecisionInput(
  matrix: unknown,
  weights: unknown,
  criteria: unknown,
): DecisionInput {
  const { rows, cols, list } = readOutline(
    matrix,
    ["matrix"],
    "matrix",
    " (alternative)",
    " (criterion)",
  );
  const min = new Float64Array(cols).fill(Infinity);
  const max = new Float64Array(cols).fill(-Infinity);
  const sumSq = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const row = list[i] as readonly unknown[];
    for (let j = 0; j < cols; j++) {
      const v: unknown = row[j];
      if (typeof v !== "number" || v - v !== 0)
        failNumber(v, ["matrix", i, j], `matrix[${i}][${j}]`);
      if (v < (min[j] as number)) min[j] = v;
      if (v > (max[j] as number)) max[j] = v;
      sumSq[j] = (sumSq[j] as number) + v * v;
    }
  }
  return {
    rows,
    cols,
    min,
    max,
    sumSq,
    weights: readWeights(weights, cols, ["weights"]),
    cost: readKinds(criteria, cols, ["criteria"]),
  };
}

/**
 * The range (max − min) of criterion `j` for min-max normalisation: finite (else `out_of_range`)
 * and positive (else `zero_spread`).
 */
export function minMaxRange(lo: number, hi: number, j: number): number {
  const range = hi - lo;
  if (!Number.isFinite(range)) failTooLarge(j);
  if (!(range > 0)) {
    failAt(
      "zero_spread",
      ["criteria", j],
      `every alternative has the value ${lo} on criterion ${j}; min-max normalisation divides by the range, which is 0`,
    );
  }
  return range;
}

/** Fails with `out_of_range`: criterion `j`'s values overflow when normalised. */
export function failTooLarge(j: number): never {
  failAt(
    "out_of_range",
    ["criteria", j],
    `the values of criterion ${j} are too large to normalise in double precision`,
  );
}

/** One line of a vote tally: an alternative, its points and its competition rank. */
export interface VoteTally {
  /** The alternative's id. */
  readonly alternative: string;
  /** Its (weighted) points. */
  readonly points: number;
  /** Competition rank by points (1 = most; ties share the lowest rank). */
  readonly rank: number;
}

/** Reads the optional declared list of alternatives of a vote. */
export function readAlternatives(alternatives: unknown): string[] | null {
  if (alternatives === undefined) return null;
  return readIds(alternatives, ["options", "alternatives"], "alternatives");
}

/** Reads ballot `i`'s weight (default 1): finite and non-negative. */
function readBallotWeight(ballot: Readonly<Record<string, unknown>>, i: number): number {
  const w = ballot["weight"];
  if (w === undefined) return 1;
  if (isNumberIn(w, NON_NEGATIVE)) return w;
  const path = ["ballots", i, "weight"];
  const v = readNumber(w, path, `ballots[${i}].weight`);
  failAt("negative_weight", path, `ballots[${i}].weight must not be negative, got ${v}`);
}

/** Reads the ballots array: an array of objects, non-empty. */
export function readBallotList(ballots: unknown): Readonly<Record<string, unknown>>[] {
  if (!Array.isArray(ballots))
    failAt("invalid_type", ["ballots"], `ballots must be an array, got ${show(ballots)}`);
  if (ballots.length === 0) failAt("empty", ["ballots"], "ballots must hold at least one ballot");
  return ballots.map((b: unknown, i) => {
    if (typeof b !== "object" || b === null || Array.isArray(b)) {
      failAt("invalid_type", ["ballots", i], `ballots[${i}] must be an object, got ${show(b)}`);
    }
    return b as Readonly<Record<string, unknown>>;
  });
}

/**
 * Reads a list of alternative ids on ballot `i` (field `key`): strings, no repeats, and — when the
 * alternatives are declared — each one of them.
 */
function readBallotIds(
  ballot: Readonly<Record<string, unknown>>,
  i: number,
  key: string,
  declared: ReadonlySet<string> | null,
): string[] {
  const list = readBallotField(ballot, i, key);
  const seen = new Set<string>();
  for (let j = 0; j < list.length; j++) {
    const id: unknown = list[j];
    if (!isAlternative(id, declared, seen)) {
      badAlternative(id, ["ballots", i, key, j], `ballots[${i}].${key}[${j}]`, declared);
    }
    seen.add(id);
  }
  return list as string[];
}

/** Ballot `i`'s list in field `key` (an array, else `invalid_type`). */
export function readBallotField(
  ballot: Readonly<Record<string, unknown>>,
  i: number,
  key: string,
): readonly unknown[] {
  const list = ballot[key];
  if (!Array.isArray(list)) {
    failAt(
      "invalid_type",
      ["ballots", i, key],
      `ballots[${i}].${key} must be an array, got ${show(list)}`,
    );
  }
  return list;
}

/** Whether `id` is a new alternative id: a non-empty string, declared if a list was given, not seen yet. */
function isAlternative(
  id: unknown,
  declared: ReadonlySet<string> | null,
  seen: ReadonlySet<string>,
): id is string {
  return (
    typeof id === "string" && id !== "" && (declared === null || declared.has(id)) && !seen.has(id)
  );
}

/** Fails for an id {@link isAlternative} refused: `invalid_type`, `unknown_reference`, `duplicate_id`. */
function badAlternative(
  id: unknown,
  path: readonly PathSegment[],
  name: string,
  declared: ReadonlySet<string> | null,
): never {
  if (typeof id !== "string" || id === "") {
    failAt("invalid_type", path, `${name} must be an alternative id, got ${show(id)}`);
  }
  if (declared !== null && !declared.has(id)) {
    failAt("unknown_reference", path, `${name} names an unknown alternative ${show(id)}`);
  }
  failAt("duplicate_id", path, `${name} names ${show(id)}, already named on this ballot`);
}

/** The checked ballots of a vote whose ballots list alternatives (approval voting, Borda count). */
export interface IdListBallots {
  /** The declared alternatives, or else every alternative named on some ballot. */
  readonly alternatives: string[];
  /** Each ballot's list of alternative ids. */
  readonly lists: string[][];
  /** Each ballot's weight. */
  readonly weights: number[];
}

/**
 * Reads a vote whose ballots list alternative ids in field `key`, in this order: the options and
 * their declared `alternatives`, the ballot list, every ballot's ids ({@link readBallotIds}),
 * every ballot's weight, their total; then fails with `empty` and message `none` when no
 * alternative is declared or named.
 */
export function readIdListBallots(
  ballots: unknown,
  options: { readonly alternatives?: readonly string[] } | undefined,
  key: "approvals" | "ranking",
  none: string,
): IdListBallots {
  const o = readOptions(options, ["options"]);
  const declared = readAlternatives(o.alternatives);
  const declaredSet = declared === null ? null : new Set(declared);
  const list = readBallotList(ballots);
  const lists = list.map((b, i) => readBallotIds(b, i, key, declaredSet));
  const weights = readBallotWeights(list);
  const alternatives = declared ?? [...new Set(lists.flat())];
  if (alternatives.length === 0) failAt("empty", ["ballots"], none);
  return { alternatives, lists, weights };
}

/** Each ballot's weight ({@link readBallotWeight}); the weights must not all vanish. */
export function readBallotWeights(list: readonly Readonly<Record<string, unknown>>[]): number[] {
  const weights = list.map((b, i) => readBallotWeight(b, i));
  const total = weights.reduce((s, w) => s + w, 0);
  if (!(total > 0))
    failAt(
      "zero_weights",
      ["ballots"],
      `ballot weights must sum to a positive number, got ${total}`,
    );
  return weights;
}

/**
 * Turns exact (Decimal) totals into a tally sorted by points (descending), then by id, with
 * competition ranks computed on the exact totals.
 */
export function tallyFromTotals(totals: ReadonlyMap<string, Decimal>): VoteTally[] {
  const entries = [...totals.entries()].sort(
    (x, y) => y[1].comparedTo(x[1]) || compareIds(x[0], y[0]),
  );
  const out: VoteTally[] = [];
  entries.forEach(([alternative, points], k) => {
    const prev = entries[k - 1];
    const rank =
      prev !== undefined && prev[1].equals(points) ? (out[k - 1] as VoteTally).rank : k + 1;
    out.push({ alternative, points: clean(points.toNumber()), rank });
  });
  return out;
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** ln Γ(x) for x ≥ 0.5 (Lanczos approximation, g = 7, n = 9; relative error about 1e-15). */
export function logGamma(x: number): number {
  const z = x - 1;
  let a = LANCZOS[0] as number;
  for (let i = 1; i < 9; i++) a += (LANCZOS[i] as number) / (z + i);
  const tt = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(tt) - tt + Math.log(a);
}

const EPS = Number.EPSILON;
const FPMIN = 1e-300;

/** Q(a, x) = Γ(a, x)/Γ(a), the regularised upper incomplete gamma function (Numerical Recipes gammq). */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const lead = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    // series for P(a, x)
    let ap = a;
    let del = 1 / a;
    let sum = del;
    for (let k = 0; k < 10_000; k++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * EPS) break;
    }
    return Math.max(0, 1 - sum * Math.exp(lead));
  }
  // modified Lentz continued fraction for Q(a, x)
  let b = x + 1 - a;
  let c = 1 / FPMIN;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = b + an / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return Math.min(1, Math.exp(lead) * h);
}

/** Upper-tail probability P(X ≥ x) of a chi-square variable with `df` degrees of freedom. */
export function chiSquaredUpperTail(x: number, df: number): number {
  return gammaQ(df / 2, x / 2);
}

/** Reads `items[i][key]` as a number within `range`; its path and name are built only if it fails. */
export function readItemNumber(
  item: Readonly<Record<string, unknown>>,
  i: number,
  key: string,
  range: NumberRange = ANY_NUMBER,
): number {
  const v = item[key];
  return isNumberIn(v, range) ? v : failNumber(v, ["items", i, key], key, range);
}

/**
 * Reads a non-empty list of objects with distinct string `id`s (for the item-based heuristics).
 * Errors: `invalid_type`, `empty`, `duplicate_id`.
 */
export function readItems(items: unknown, name = "items"): Readonly<Record<string, unknown>>[] {
  return readKeyed(items, [name], name, "id");
}

/**
 * Reads a list (at `path`, called `name`) of at least `least` objects, each with a distinct
 * non-empty string under `key` (an id). Errors: `invalid_type` (not an array, an element not an
 * object, a key not a non-empty string), `empty` (no element, when `least` is 1),
 * `too_few_values` (fewer than `least` > 1), `duplicate_id`.
 */
export function readKeyed(
  list: unknown,
  path: readonly PathSegment[],
  name: string,
  key: string,
  least = 1,
): Readonly<Record<string, unknown>>[] {
  if (!Array.isArray(list))
    failAt("invalid_type", path, `${name} must be an array, got ${show(list)}`);
  if (list.length < least) {
    failAt(
      least === 1 ? "empty" : "too_few_values",
      path,
      least === 1
        ? `${name} must not be empty`
        : `${name} must hold at least ${least}, got ${list.length}`,
    );
  }
  const seen = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    const id =
      typeof item === "object" && item !== null && !Array.isArray(item)
        ? (item as Record<string, unknown>)[key]
        : undefined;
    if (typeof id !== "string" || id === "" || seen.has(id))
      badKeyed(item, i, path, name, key, seen);
    seen.set(id, i);
  }
  return list as Readonly<Record<string, unknown>>[];
}

/** Fails for element `i` of a {@link readKeyed} list: not an object, or its key missing or used. */
function badKeyed(
  item: unknown,
  i: number,
  path: readonly PathSegment[],
  name: string,
  key: string,
  seen: ReadonlyMap<string, number>,
): never {
  if (typeof item !== "object" || item === null || Array.isArray(item)) {
    failAt("invalid_type", [...path, i], `${name}[${i}] must be an object, got ${show(item)}`);
  }
  const id = (item as Record<string, unknown>)[key];
  if (typeof id !== "string" || id === "") {
    failAt(
      "invalid_type",
      [...path, i, key],
      `${name}[${i}].${key} must be a non-empty string, got ${show(id)}`,
    );
  }
  failAt(
    "duplicate_id",
    [...path, i, key],
    `${name}[${i}].${key} ${show(id)} is already used by ${name}[${seen.get(id)}]`,
  );
}

/**
 * Reads entry `j` of ballot `i`'s `points` or `scores` (dot or score voting): an object whose
 * `alternative` is a non-empty id, declared when a list of alternatives was given, not named twice
 * on the ballot (recorded in `seen`), and whose value (`points` or `score`) satisfies `range`.
 */
export function readBallotEntry(
  entry: unknown,
  i: number,
  j: number,
  key: "points" | "score",
  range: NumberRange,
  declared: ReadonlySet<string> | null,
  seen: Set<string>,
): { alternative: string; value: number } {
  const list = key === "points" ? "points" : "scores";
  if (typeof entry !== "object" || entry === null) {
    failAt(
      "invalid_type",
      ["ballots", i, list, j],
      `ballots[${i}].${list}[${j}] must be { alternative, ${key} }, got ${show(entry)}`,
    );
  }
  const record = entry as Record<string, unknown>;
  const alternative = record["alternative"];
  if (!isAlternative(alternative, declared, seen)) {
    badAlternative(
      alternative,
      ["ballots", i, list, j, "alternative"],
      `ballots[${i}].${list}[${j}].alternative`,
      declared,
    );
  }
  seen.add(alternative);
  const value = record[key];
  if (!isNumberIn(value, range)) failNumber(value, ["ballots", i, list, j, key], key, range);
  return { alternative, value };
}
