/**
 * Helpers shared by the prioritisation functions: the checks of their plain arguments, each
 * written once (lists, numbers, ids, closed vocabularies, weights, options, ballots), fast
 * competition ranks and the principal eigenvector. Not exported from the stage.
 *
 * A check that runs per element is split in two: a test (`isNumberIn`, `isNewId`, `Array.isArray`)
 * on the success path, and a reader or `fail…` function called only when the test fails, which
 * builds the path and message and throws. So a loop over a large input allocates nothing for its
 * checks.
 */
import { checkRecord, describe as show, failAt, isRecord, remapErrors } from "../_lib/assert.js";
import { compareIds } from "../_lib/sort.js";
import type { Decimal } from "decimal.js";
import type { PathSegment } from "../errors/AssessmentError.js";
import type { ErrorCode } from "../errors/codes.js";
import { criterionKinds } from "../schema/vocabularies.js";

/** Turns -0 into 0 (outputs never carry a negative zero). */
export function clean(x: number): number {
  return x === 0 ? 0 : x;
}

/** A plain object read from an argument. */
export type Entry = Readonly<Record<string, unknown>>;

/** The path of an options object. */
const OPTIONS: readonly PathSegment[] = ["options"];

/**
 * Reads an array (at `path`, called `name`) of at least `least` values and, when `count` ≥ 0, of
 * exactly `count` values (one per `per`, e.g. `"criterion"`). Errors: `invalid_type` (not an
 * array); `empty` (none, when `least` is 1), `too_few_values` (fewer than `least` > 1);
 * `length_mismatch` (not `count`).
 */
export function readList(
  value: unknown,
  path: readonly PathSegment[],
  name: string,
  least = 0,
  count = -1,
  per = "",
): readonly unknown[] {
  if (!Array.isArray(value))
    failAt("invalid_type", path, `${name} must be an array, got ${show(value)}`);
  const n = value.length;
  if (n < least) {
    failAt(
      least === 1 ? "empty" : "too_few_values",
      path,
      `${name} must hold at least ${least} ${least === 1 ? "value" : "values"}, got ${n}`,
    );
  }
  if (count >= 0 && n !== count)
    failAt("length_mismatch", path, `${name} must hold one value per ${per} (${count}), got ${n}`);
  return value as readonly unknown[];
}

/** What {@link readNumber} accepts besides a finite number, and how it reports a refusal. */
export interface NumberRange {
  readonly min?: number;
  readonly max?: number;
  /** `min` itself is refused. */
  readonly exclusiveMin?: boolean;
  readonly integer?: boolean;
  /** The code of a value below `min` (default `out_of_range`), e.g. `negative_weight`. */
  readonly lowCode?: ErrorCode;
  /** An absent value (`undefined`) is `missing_field` rather than `invalid_type`. */
  readonly required?: boolean;
}

const ANY_NUMBER: NumberRange = {};
/** Numbers from 0 up. */
export const NON_NEGATIVE: NumberRange = { min: 0 };
/** Numbers from 0 to 1. */
export const SHARE: NumberRange = { min: 0, max: 1 };
/** Numbers above 0 (0 or less is `non_positive_value`). */
export const POSITIVE: NumberRange = { min: 0, exclusiveMin: true, lowCode: "non_positive_value" };
/** Dots of dot voting: whole numbers from 0 (on a ballot, and as a voter's budget). */
export const DOTS: NumberRange = { min: 0, integer: true };
/** Weights: numbers from 0 up (a negative one is `negative_weight`). */
export const WEIGHT: NumberRange = { min: 0, lowCode: "negative_weight" };

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
 * Throws the error of {@link readNumber} for a value {@link isNumberIn} refused: `invalid_type`
 * (`missing_field` for an absent required value), `non_finite`, `invalid_value` (not whole),
 * `out_of_range` or the range's `lowCode`.
 */
export function failNumber(
  value: unknown,
  path: readonly PathSegment[],
  name: string,
  range: NumberRange = ANY_NUMBER,
): never {
  if (typeof value !== "number") {
    failAt(
      value === undefined && range.required === true ? "missing_field" : "invalid_type",
      path,
      `${name} must be a number, got ${show(value)}`,
    );
  }
  if (!Number.isFinite(value))
    failAt("non_finite", path, `${name} must be a finite number, got ${show(value)}`);
  if (range.integer === true && !Number.isInteger(value)) {
    failAt("invalid_value", path, `${name} must be a whole number, got ${show(value)}`);
  }
  const { min, max } = range;
  const low = min !== undefined && (range.exclusiveMin === true ? value <= min : value < min);
  failAt(
    low ? (range.lowCode ?? "out_of_range") : "out_of_range",
    path,
    low
      ? `${name} must be ${range.exclusiveMin === true ? "greater than" : "at least"} ${min}, got ${show(value)}`
      : `${name} must be at most ${max}, got ${show(value)}`,
  );
}

/** Reads a finite number within `range` (inclusive unless `exclusiveMin`). */
export function readNumber(
  value: unknown,
  path: readonly PathSegment[],
  name: string,
  range: NumberRange = ANY_NUMBER,
): number {
  return isNumberIn(value, range) ? value : failNumber(value, path, name, range);
}

/**
 * Reads the number option `value` (the option `key`) within `range`, or `fallback` when it is
 * absent; its path (`[...base, key]`) is built only if it fails.
 */
export function readOptionNumber<F>(
  value: unknown,
  key: string,
  range: NumberRange,
  fallback: F,
  base: readonly PathSegment[] = OPTIONS,
): number | F {
  if (value === undefined) return fallback;
  return isNumberIn(value, range) ? value : failNumber(value, [...base, key], key, range);
}

/** Throws `invalid_value` for a value that is not one of `choices` (a closed vocabulary). */
export function failChoice(
  value: unknown,
  choices: readonly string[],
  path: readonly PathSegment[],
  name: string,
): never {
  failAt(
    "invalid_value",
    path,
    `${name} must be one of ${choices.map((c) => JSON.stringify(c)).join(", ")}, got ${show(value)}`,
  );
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
    failChoice(value, choices, path, name);
  }
  return value as T;
}

/** Reads an options object (undefined → `{}`); anything else than a plain object is an error. */
export function readOptions<T extends object>(
  options: T | undefined,
  path: readonly PathSegment[],
): T {
  if (options === undefined) return {} as T;
  return checkRecord(options, path, "options") as T;
}

/** Something ids can be looked up in: a Set of ids, or a Map keyed by id. */
export interface IdLookup {
  has(id: string): boolean;
}

/**
 * Whether `id` is a non-empty string, one of `known` (when given) and not in `seen` (when given):
 * the test of {@link failId}, for loops.
 */
export function isNewId(id: unknown, known: IdLookup | null, seen: IdLookup | null): id is string {
  return (
    typeof id === "string" &&
    id !== "" &&
    (known === null || known.has(id)) &&
    (seen === null || !seen.has(id))
  );
}

/**
 * Throws for an id {@link isNewId} refused: `invalid_type` (not a string; an empty string is
 * `emptyCode`), `unknown_reference` (not in `known`), else `duplicate_id` (it was seen).
 */
export function failId(
  id: unknown,
  path: readonly PathSegment[],
  name: string,
  known: IdLookup | null,
  emptyCode: ErrorCode = "invalid_type",
): never {
  if (typeof id !== "string" || id === "") {
    failAt(
      typeof id === "string" ? emptyCode : "invalid_type",
      path,
      `${name} must be a non-empty string id, got ${show(id)}`,
    );
  }
  if (known !== null && !known.has(id))
    failAt("unknown_reference", path, `${name} names an unknown id ${show(id)}`);
  failAt("duplicate_id", path, `${name} names ${show(id)} again`);
}

/**
 * Reads a list of distinct non-empty string ids: at least `least`, then each id, then exactly
 * `count` (one per `per`) when `count` ≥ 0 (see {@link readList}). Errors: those of
 * {@link readList}, `invalid_type`, `invalid_value` (empty string), `duplicate_id`.
 */
export function readIds(
  ids: unknown,
  path: readonly PathSegment[],
  name: string,
  least = 1,
  count = -1,
  per = "",
): string[] {
  const list = readList(ids, path, name, least);
  const seen = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const id = list[i];
    if (!isNewId(id, null, seen)) failId(id, [...path, i], `${name}[${i}]`, null, "invalid_value");
    seen.add(id);
  }
  // the count last: a repeated id is reported as such, not as one too many
  if (count >= 0 && list.length !== count) readList(list, path, name, 0, count, per);
  return [...(list as string[])];
}

/**
 * Reads a list (at `path`, called `name`) of at least `least` objects, each with a distinct
 * non-empty string under `key` (an id, recorded in `seen`, which may be shared by several lists).
 * Errors: those of {@link readList}; `invalid_type` (an element not an object, a key not a
 * non-empty string), `duplicate_id`.
 */
export function readKeyed(
  list: unknown,
  path: readonly PathSegment[],
  name: string,
  key: string,
  least = 1,
  seen = new Set<string>(),
): Entry[] {
  const items = readList(list, path, name, least);
  for (let i = 0; i < items.length; i++) {
    const item: unknown = items[i];
    const id = isRecord(item) ? item[key] : undefined;
    if (!isNewId(id, null, seen)) {
      const record = checkRecord(item, [...path, i], `${name}[${i}]`);
      failId(record[key], [...path, i, key], `${name}[${i}].${key}`, null);
    }
    seen.add(id);
  }
  return items as Entry[];
}

/**
 * Reads a non-empty list of objects with distinct string `id`s (for the item-based heuristics).
 * Errors: `invalid_type`, `empty`, `duplicate_id`.
 */
export function readItems(items: unknown, name = "items"): Entry[] {
  return readKeyed(items, [name], name, "id");
}

/** Reads `items[i][key]` as a number within `range`; its path and name are built only if it fails. */
export function readItemNumber(
  item: Entry,
  i: number,
  key: string,
  range: NumberRange = ANY_NUMBER,
): number {
  const v = item[key];
  return isNumberIn(v, range) ? v : failNumber(v, ["items", i, key], key, range);
}

/** Where {@link readWeights} finds each weight and what it accepts. */
export interface WeightSpec {
  /** What each weight stands for, in the `length_mismatch` message, e.g. `"criterion"`. */
  readonly per: string;
  /** The field of each element (an object) that holds its weight; null when the elements are the weights. */
  readonly key: string | null;
  /** The weight of an element without the field; null when the field is needed. */
  readonly fallback: number | null;
  /** What a weight may be. */
  readonly range: NumberRange;
  /** Whether the weights are divided by their sum (which must then be finite), or come back as read. */
  readonly normalise: boolean;
}

/** One weight per criterion, the elements being the weights: from 0 (a negative one is `negative_weight`). */
const CRITERION_WEIGHTS: WeightSpec = {
  per: "criterion",
  key: null,
  fallback: null,
  range: WEIGHT,
  normalise: true,
};

/**
 * Reads `count` weights from `values` (each element, or with `spec.key` that field of each element,
 * the `spec.fallback` when absent), the weight j at `[...path, j]` (with a key,
 * `[...path, j, key]`): each a finite number within `spec.range`, summing to a positive number,
 * finite when they are divided by it (else `zero_weights` at `path`). Returns them divided by
 * their sum (`spec.normalise`) or as read (-0 as 0). Errors: those of {@link readList} and
 * {@link failNumber}, `zero_weights`.
 */
export function readWeights(
  values: unknown,
  count: number,
  path: readonly PathSegment[],
  name = "weights",
  spec: WeightSpec = CRITERION_WEIGHTS,
): Float64Array {
  const list = readList(values, path, name, 0, count, spec.per);
  const { key, fallback, range, normalise } = spec;
  const out = new Float64Array(count);
  let sum = 0;
  for (let j = 0; j < count; j++) {
    let v: unknown = key === null ? list[j] : (list[j] as Entry)[key];
    if (v === undefined && fallback !== null) v = fallback;
    if (!isNumberIn(v, range)) {
      failNumber(
        v,
        key === null ? [...path, j] : [...path, j, key],
        key === null ? `${name}[${j}]` : `${name}[${j}].${key}`,
        range,
      );
    }
    out[j] = v + 0; // -0 becomes 0
    sum += v;
  }
  if (!(sum > 0) || (normalise && !Number.isFinite(sum))) {
    failAt(
      "zero_weights",
      path,
      `${name} must sum to a positive${normalise ? " finite" : ""} number, got ${sum}`,
    );
  }
  if (normalise) for (let j = 0; j < count; j++) out[j] = (out[j] as number) / sum;
  return out;
}

/** A scale `{ min, max }` with max > min. */
export interface Scale {
  readonly min: number;
  readonly max: number;
}

/** Whether `value` is a scale {@link failScale} accepts: an object of finite `min` < `max`. */
export function isScale(value: unknown): value is Scale {
  if (typeof value !== "object" || value === null) return false;
  const { min, max } = value as Entry;
  return isNumberIn(min) && isNumberIn(max) && max > min;
}

/**
 * Throws for a scale {@link isScale} refused: `invalid_type` (not an object, a bound not a
 * number), `non_finite`, `zero_spread` (max ≤ min).
 */
export function failScale(value: unknown, path: readonly PathSegment[], name: string): never {
  if (typeof value !== "object" || value === null) checkRecord(value, path, name);
  const s = value as Entry;
  const min = readNumber(s["min"], [...path, "min"], `${name}.min`);
  const max = readNumber(s["max"], [...path, "max"], `${name}.max`);
  failAt("zero_spread", path, `${name} must have max > min, got [${min}, ${max}]`);
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
 * row an array of as many values as the first, which has at least one (see {@link readList}).
 */
function readOutline(
  matrix: unknown,
  path: readonly PathSegment[],
  name: string,
): { rows: number; cols: number; list: readonly unknown[] } {
  const list = readList(matrix, path, name, 1);
  const rows = list.length;
  const first: unknown = list[0];
  if (!Array.isArray(first) || first.length === 0) readList(first, [...path, 0], `${name}[0]`, 1);
  const cols = (first as readonly unknown[]).length;
  for (let i = 1; i < rows; i++) {
    const row: unknown = list[i];
    if (!Array.isArray(row) || row.length !== cols)
      readList(row, [...path, i], `${name}[${i}]`, 0, cols, "column");
  }
  return { rows, cols, list };
}

/** Reads criterion kinds (`benefit` / `cost`), one per column; returns 1 for cost, 0 for benefit. */
function readKinds(criteria: unknown, count: number, path: readonly PathSegment[]): Uint8Array {
  const list = readList(criteria, path, "criteria", 0, count, "criterion");
  const out = new Uint8Array(count);
  for (let j = 0; j < count; j++) {
    const k: unknown = list[j];
    if (k === "cost") out[j] = 1;
    else if (k !== "benefit") failChoice(k, criterionKinds, [...path, j], `criteria[${j}]`);
  }
  return out;
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
 * The relative tie tolerance of the decision-matrix methods: two scores that differ by at most
 * this times the scale of the scores are tied (see {@link ranksDescending}). Rounding noise of a
 * weighted sum or a TOPSIS closeness is about 1e-16 of that scale per criterion, so 1e-9 covers it
 * with room for 10⁶ criteria, while any difference a person could mean is far larger. Designed by
 * this project.
 */
export const TIE_TOLERANCE = 1e-9;

/**
 * Fills `rankAt` with the competition ranks of the values of `sorted` (ascending) taken from the
 * largest: `rankAt[k]` is the rank of the k-th largest value. A value that differs from the next
 * larger one by at most `tolerance` joins its tie group (groups chain: a run of values each within
 * `tolerance` of the next shares one rank); a group's rank is one plus the number of values in the
 * groups above it ("1224"). With `tolerance` 0 only equal values tie.
 */
export function tieRanks(sorted: Float64Array, tolerance: number, rankAt: Float64Array): void {
  const n = sorted.length;
  let rank = 1;
  for (let k = 1; k < n; k++) {
    if ((sorted[n - k] as number) - (sorted[n - 1 - k] as number) > tolerance) rank = k + 1;
    rankAt[k] = rank;
  }
  if (n > 0) rankAt[0] = 1;
}

/**
 * Standard competition ranks ("1224") with rank 1 for the largest value; values within
 * `tolerance` of each other tie (chained, see {@link tieRanks}). A copy of the values is sorted by
 * the engine's numeric sort (a typed array's, no comparator callbacks), the tie groups are read
 * off in one pass, and each value's rank is that of its position, found by binary search. Equal
 * values always tie, so the result does not depend on the order of the values. O(n log n).
 */
export function ranksDescending(values: ArrayLike<number>, tolerance = 0): number[] {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const rankAt = new Float64Array(n);
  tieRanks(sorted, tolerance, rankAt);
  const ranks = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    ranks[i] = rankAt[countAbove(sorted, values[i] as number)] as number;
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

/** Fails for judgement `k`'s value: not a positive number, off the 1–9 scale or off Saaty's values. */
function badValue(value: unknown, k: number): never {
  const path = ["judgements", k, "value"];
  const v = readNumber(value, path, `judgements[${k}].value`, POSITIVE);
  const onScale = isNumberIn(v, JUDGEMENT_RANGE);
  failAt(
    onScale ? "invalid_value" : "out_of_range",
    path,
    onScale
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
  const list = readList(judgements, ["judgements"], "judgements");
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) data[i * n + i] = 1;
  const firstAt = new Map<number, number>();
  for (let k = 0; k < list.length; k++) {
    const j: unknown = list[k];
    if (!isRecord(j)) checkRecord(j, ["judgements", k], `judgements[${k}]`);
    const { a, b, value } = j as Entry;
    // an item's index, or a failure: not a string (invalid_type), or not a label (unknown_reference)
    const ia = typeof a === "string" ? index.get(a) : undefined;
    if (ia === undefined)
      failId(a, ["judgements", k, "a"], `judgements[${k}].a`, index, "unknown_reference");
    const ib = typeof b === "string" ? index.get(b) : undefined;
    if (ib === undefined)
      failId(b, ["judgements", k, "b"], `judgements[${k}].b`, index, "unknown_reference");
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

/** A Float64Array as a plain array, by a loop (Array.from iterates, several times slower). */
export function toList(values: Float64Array): number[] {
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i] as number;
  return out;
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
  const { rows, cols, list } = readOutline(matrix, ["matrix"], "matrix");
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
 * Criterion `j`'s divisor in a column normalisation — its range max − min (`"minMax"`, every
 * value `lo` when it is 0) or its Euclidean length (`"vector"`) — which must be finite (else
 * {@link failTooLarge}) and positive (else `zero_spread`: the column cannot be normalised).
 */
export function columnDivisor(
  divisor: number,
  j: number,
  lo: number,
  normalisation: "minMax" | "vector",
): number {
  if (!Number.isFinite(divisor)) failTooLarge(["criteria", j], `the values of criterion ${j}`);
  if (!(divisor > 0)) {
    failAt(
      "zero_spread",
      ["criteria", j],
      `every alternative has the value ${lo} on criterion ${j}; ${
        normalisation === "minMax"
          ? "min-max normalisation divides by the range"
          : "vector normalisation divides by the column's length"
      }, which is 0`,
    );
  }
  return divisor;
}

/** Fails with `out_of_range` at `path`: `what` (a computed value) overflows double precision. */
export function failTooLarge(path: readonly PathSegment[], what: string): never {
  failAt(
    "out_of_range",
    path,
    `${what} must stay below about 1.8e308 to be computed in double precision, got an overflow`,
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

/** Reads the ballots array: a non-empty array of objects. */
export function readBallotList(ballots: unknown): Entry[] {
  const list = readList(ballots, ["ballots"], "ballots", 1);
  for (let i = 0; i < list.length; i++) {
    if (!isRecord(list[i])) checkRecord(list[i], ["ballots", i], `ballots[${i}]`);
  }
  return list as Entry[];
}

/** Ballots' weights: the field `weight`, 1 when absent, counted as given (exact tallies). */
const BALLOT_WEIGHTS: WeightSpec = {
  per: "ballot",
  key: "weight",
  fallback: 1,
  range: WEIGHT,
  normalise: false,
};

/**
 * Each ballot's weight, as given (default 1): finite and non-negative, not all 0 (see
 * {@link readWeights}).
 */
export function readBallotWeights(list: readonly Entry[]): number[] {
  return Array.from(readWeights(list, list.length, ["ballots"], "ballots", BALLOT_WEIGHTS));
}

/** Ballot `i`'s list in field `key` (an array, else `invalid_type`). */
export function readBallotField(ballot: Entry, i: number, key: string): readonly unknown[] {
  const list = ballot[key];
  return Array.isArray(list) ? list : readList(list, ["ballots", i, key], `ballots[${i}].${key}`);
}

/**
 * Reads a list of alternative ids on ballot `i` (field `key`): non-empty strings, no repeats, and —
 * when the alternatives are declared — each one of them ({@link failId}).
 */
function readBallotIds(
  ballot: Entry,
  i: number,
  key: string,
  declared: ReadonlySet<string> | null,
): string[] {
  const list = readBallotField(ballot, i, key);
  const seen = new Set<string>();
  for (let j = 0; j < list.length; j++) {
    const id: unknown = list[j];
    if (!isNewId(id, declared, seen))
      failId(id, ["ballots", i, key, j], `ballots[${i}].${key}[${j}]`, declared);
    seen.add(id);
  }
  return list as string[];
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
 * every ballot's weight, their total. No alternative at all is refused by {@link tallyFromTotals}.
 */
export function readIdListBallots(
  ballots: unknown,
  options: { readonly alternatives?: readonly string[] } | undefined,
  key: "approvals" | "ranking",
): IdListBallots {
  const o = readOptions(options, OPTIONS);
  const declared = readAlternatives(o.alternatives);
  const declaredSet = declared === null ? null : new Set(declared);
  const list = readBallotList(ballots);
  const lists = list.map((b, i) => readBallotIds(b, i, key, declaredSet));
  const weights = readBallotWeights(list);
  const alternatives = declared ?? [...new Set(lists.flat())];
  return { alternatives, lists, weights };
}

/**
 * Turns exact (Decimal) totals into a tally sorted by points (descending), then by id, with
 * competition ranks computed on the exact totals. No alternative at all is `empty` at `ballots`,
 * with the message `none` (e.g. "no ballot places a dot"); a total beyond double precision (huge
 * ballot weights) is `out_of_range` at `ballots`.
 */
export function tallyFromTotals(totals: ReadonlyMap<string, Decimal>, none: string): VoteTally[] {
  if (totals.size === 0) failAt("empty", ["ballots"], none);
  const entries = [...totals.entries()].sort(
    (x, y) => y[1].comparedTo(x[1]) || compareIds(x[0], y[0]),
  );
  const out: VoteTally[] = [];
  entries.forEach(([alternative, points], k) => {
    const prev = entries[k - 1];
    const rank =
      prev !== undefined && prev[1].equals(points) ? (out[k - 1] as VoteTally).rank : k + 1;
    const value = points.toNumber();
    // exact totals of huge ballot weights can pass double precision: an error, never Infinity
    if (!Number.isFinite(value)) failTooLarge(["ballots"], `the points of ${show(alternative)}`);
    out.push({ alternative, points: clean(value), rank });
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
  if (typeof entry !== "object" || entry === null)
    checkRecord(entry, ["ballots", i, list, j], `ballots[${i}].${list}[${j}]`);
  const record = entry as Entry;
  const alternative = record["alternative"];
  if (!isNewId(alternative, declared, seen)) {
    failId(
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
