/**
 * Computation kernels shared by the maturity stage, and the checks of the arguments they take.
 * Callers validate their input first (except that `normaliseValues` checks its values as it reads
 * them); the kernels never throw, they report a degenerate or invalid case through their result so
 * that each public function can raise it with its own path (or turn it into null with a reason).
 * A check of one value (an argument, an option, a spec field) has one home, {@link checkValue},
 * driven by a {@link Rule}; the checks build paths and messages only for what fails.
 */
import type { PathSegment } from "../errors/AssessmentError.js";
import { describe, fail, isRecord } from "../_lib/assert.js";
import { aggregationMethods, normalisationMethods } from "../schema/vocabularies.js";
import type { AggregationMethod, NormalisationMethod } from "../schema/vocabularies.js";
import type { ErrorCode } from "../errors/codes.js";
import type { NormaliseSpec } from "../schema/framework.js";
import type { ResolvedBand } from "../schema/checkFramework.js";

/** What a value ≤ 0 in a geometric, harmonic or generalised (p ≤ 0) mean does. */
export interface ZeroPolicy {
  /** `"error"` (default) raises `non_positive_value`; `"shift"` adds `shift` before and removes it after. */
  readonly nonPositive?: "error" | "shift";
  /** The constant added to every value under `"shift"`. Default 1. */
  readonly shift?: number;
}

/** Why values cannot be normalised: a degenerate indicator, or values that are not numbers. */
export interface Degenerate {
  readonly code: "zero_spread" | "too_few_values" | "invalid_type";
  readonly message: string;
}

/** What {@link normaliseValues} returns for a value that is neither a finite number nor null. */
export const NOT_NUMBERS: Degenerate = {
  code: "invalid_type",
  message: "values must be finite numbers or null",
};

const noZero = (v: number): number => (v === 0 ? 0 : v);

/** Standard competition ranks ("1224"), ascending: the smallest value gets rank 1; nulls stay null. */
function ranksAscending(x: readonly (number | null)[]): (number | null)[] {
  const idx: number[] = [];
  for (let i = 0; i < x.length; i++) if (x[i] !== null) idx.push(i);
  idx.sort((i, j) => (x[i] as number) - (x[j] as number) || i - j);
  const out: (number | null)[] = new Array<number | null>(x.length).fill(null);
  let rank = 0;
  let prev = Number.NaN;
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k] as number;
    const v = x[i] as number;
    if (k === 0 || v !== prev) rank = k + 1;
    out[i] = rank;
    prev = v;
  }
  return out;
}

const spreadError = (method: string, what: string, lowest: number): Degenerate => ({
  code: "zero_spread",
  message: `${method} needs ${what}, but every value is ${describe(lowest)}`,
});

/** A normalisation with bounded results: every method but z-scores. */
export type BoundedSpec = Exclude<NormaliseSpec, { method: "zScore" }>;

/**
 * Normalises values by a validated spec (not a z-score: `normalise` computes those), COINr-style:
 * values are multiplied by the direction first. Returns the normalised values, or why they cannot
 * be computed ({@link NOT_NUMBERS} when a value is neither a finite number nor null: the first
 * pass checks them, so callers need not).
 */
export function normaliseValues(
  values: readonly (number | null)[],
  spec: BoundedSpec,
): (number | null)[] | Degenerate {
  const d = spec.direction ?? 1;
  const n = values.length;
  const x: (number | null)[] = new Array<number | null>(n);
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number | null;
    if (v === null) {
      x[i] = null;
      continue;
    }
    if (typeof v !== "number" || v - v !== 0) return NOT_NUMBERS;
    const y = noZero(v * d);
    x[i] = y;
    count++;
    if (y < min) min = y;
    if (y > max) max = y;
  }
  const method = spec.method;
  if (method !== "goalposts" && count < 2) {
    return {
      code: "too_few_values",
      message: `${method} compares units with each other and needs at least two values, got ${count}`,
    };
  }
  // every method but ranks: out = (x − from) / span × mul + add
  let from = min;
  let span = max - min;
  let mul = 1;
  let add = 0;
  let lo = -Infinity;
  let hi = Infinity;
  switch (method) {
    case "goalposts": {
      from = d === 1 ? spec.low : -spec.high;
      span = (d === 1 ? spec.high : -spec.low) - from;
      mul = spec.scale ?? 100;
      lo = 0;
      hi = 1;
      break;
    }
    case "minMax": {
      if (max === min) return spreadError(method, "values that differ", min * d);
      const range = spec.range ?? [0, 100];
      mul = range[1] - range[0];
      add = range[0];
      break;
    }
    case "distanceToMax":
      // 1 − (max − x) / (max − min) = (x − max) / (max − min) + 1
      if (max === min) return spreadError(method, "values that differ", min * d);
      from = max;
      add = 1;
      break;
    case "distanceToReference": {
      // 1 − (ref − x) / (ref − min)
      const ref = noZero(spec.reference * d);
      if (ref === min) {
        return {
          code: "zero_spread",
          message: `distanceToReference needs a reference that differs from the lowest (direction-adjusted) value, but both are ${describe(min * d)}`,
        };
      }
      from = ref;
      span = ref - min;
      add = 1;
      break;
    }
    default: {
      // rank, percentRank, borda
      const r = ranksAscending(x);
      return r.map((v) =>
        v === null
          ? null
          : method === "rank"
            ? v
            : method === "borda"
              ? v - 1
              : (v - 1) / (count - 1),
      );
    }
  }
  for (let i = 0; i < n; i++) {
    const v = x[i] as number | null;
    if (v === null) continue;
    const y = (v - from) / span;
    x[i] = noZero((y > hi ? hi : y < lo ? lo : y) * mul + add);
  }
  return x;
}

/**
 * What a checked value must be: one of a closed vocabulary (an array of the allowed values), or
 * `"number"` (finite), `"positive"` (finite and > 0), `"weight"` (finite and ≥ 0), `"nullable"`
 * (finite or null), `"string"`, `"array"` or `"record"` (a plain object: not null, not an array).
 */
export type Rule =
  | readonly unknown[]
  | "number"
  | "positive"
  | "weight"
  | "nullable"
  | "string"
  | "array"
  | "record";

/** Whether `value` meets `rule`: the test of {@link checkValue} without its path and message. */
export function meets(value: unknown, rule: Rule): boolean {
  if (typeof rule !== "string") return rule.includes(value);
  if (rule === "array") return Array.isArray(value);
  if (rule === "record") return isRecord(value);
  if (rule === "string") return typeof value === "string";
  if (typeof value !== "number" || value - value !== 0)
    return rule === "nullable" && value === null;
  return rule === "positive" ? value > 0 : rule !== "weight" || value >= 0;
}

const EXPECTED: Readonly<Record<Exclude<Rule, readonly unknown[]>, string>> = {
  number: "a finite number",
  positive: "a positive finite number",
  weight: "a non-negative finite number",
  nullable: "a finite number or null",
  string: "a string",
  array: "an array",
  record: "an object",
};

/**
 * Checks one argument, option or spec field, the stage's one home for such a check: throws at
 * `[...at, key]` (`at` alone without a key) unless `value` meets `rule`, naming the field by its
 * path (the path and message are built only on failure). An undefined value passes unless
 * `absent` gives the code to raise for it. Otherwise the code says what is wrong:
 * `invalid_value` for a value outside a vocabulary or a number that is not positive,
 * `negative_weight` for a negative weight, `non_finite` for NaN or ±Infinity, else
 * `invalid_type`.
 */
export function checkValue(
  value: unknown,
  rule: Rule,
  at: readonly PathSegment[],
  key?: PathSegment,
  absent?: ErrorCode,
): void {
  // small enough to be inlined: the failure is raised out of line
  if (value === undefined ? absent !== undefined : !meets(value, rule)) {
    refuse(value, rule, at, key, absent);
  }
}

/** Raises what {@link checkValue} found wrong. */
function refuse(
  value: unknown,
  rule: Rule,
  at: readonly PathSegment[],
  key: PathSegment | undefined,
  absent: ErrorCode | undefined,
): never {
  const path = key === undefined ? at : [...at, key];
  let code: ErrorCode;
  if (value === undefined) code = absent as ErrorCode;
  else if (typeof rule !== "string") code = "invalid_value";
  else if (typeof value !== "number" || rule === "string" || rule === "array" || rule === "record")
    code = "invalid_type";
  else if (value - value !== 0) code = "non_finite";
  else code = rule === "weight" ? "negative_weight" : "invalid_value";
  let name = "";
  for (const seg of path)
    name += typeof seg === "number" ? `[${seg}]` : name === "" ? seg : `.${seg}`;
  return fail(
    code,
    path,
    `${name} must be ${typeof rule === "string" ? EXPECTED[rule] : `one of ${rule.join(", ")}`}, got ${describe(value)}`,
  );
}

const METHODS: readonly unknown[] = normalisationMethods;
/** The methods `scoreMaturity` takes: every one but the unbounded z-score. */
const BOUNDED_METHODS: readonly unknown[] = [
  "minMax",
  "rank",
  "percentRank",
  "borda",
  "distanceToMax",
  "distanceToReference",
  "goalposts",
] satisfies readonly Exclude<NormalisationMethod, "zScore">[];
const DIRECTIONS: readonly unknown[] = [1, -1];
const DEGENERATE: readonly unknown[] = ["error", "null"];

/** A spec object as an unchecked caller gives it. */
export type Rec = Readonly<Record<string, unknown>>;

/**
 * Validates a normalisation spec given by an unchecked caller; `path` points at the spec (paths
 * and messages are built only on failure). For `scoreMaturity` (`scoring`), a z-score is refused
 * (it is unbounded) and a declared direction must be the indicator's; otherwise a z-score's
 * targets are checked. Returns the spec typed.
 */
export function checkNormaliseSpec(
  spec: unknown,
  path: readonly PathSegment[],
  scoring?: { readonly direction: 1 | -1 | undefined },
): NormaliseSpec {
  checkValue(spec, "record", path, undefined, "invalid_type");
  const s = spec as Rec;
  const method = s["method"];
  checkValue(method, METHODS, path, "method", "invalid_value");
  checkValue(s["direction"], DIRECTIONS, path, "direction");
  checkValue(s["degenerate"], DEGENERATE, path, "degenerate");
  switch (method) {
    case "minMax": {
      const range = s["range"];
      if (range === undefined) break;
      if (!Array.isArray(range) || range.length !== 2) {
        fail(
          "invalid_type",
          [...path, "range"],
          `range must be a pair [low, high], got ${describe(range)}`,
        );
      }
      const [lo, hi] = range as unknown[];
      for (let k = 0; k < 2; k++) {
        const v = k === 0 ? lo : hi;
        if (typeof v !== "number" || !Number.isFinite(v)) {
          fail(
            "non_finite",
            [...path, "range", k],
            `range[${k}] must be a finite number, got ${describe(v)}`,
          );
        }
      }
      if (!((lo as number) < (hi as number))) {
        fail(
          "invalid_value",
          [...path, "range"],
          `range must be increasing, got [${describe(lo)}, ${describe(hi)}]`,
        );
      }
      break;
    }
    case "distanceToReference":
      checkValue(s["reference"], "number", path, "reference", "missing_field");
      break;
    case "goalposts": {
      const low = s["low"];
      const high = s["high"];
      checkValue(low, "number", path, "low", "missing_field");
      checkValue(high, "number", path, "high", "missing_field");
      if (low === high) {
        fail(
          "zero_spread",
          [...path, "high"],
          `goalposts low and high must differ, got ${describe(low)} and ${describe(high)}`,
        );
      }
      checkValue(s["scale"], "positive", path, "scale");
      break;
    }
    case "zScore":
      if (scoring !== undefined) break;
      checkValue(s["mean"], "number", path, "mean");
      checkValue(s["sd"], "positive", path, "sd");
      break;
    default:
      break;
  }
  if (scoring !== undefined) {
    checkValue(method, BOUNDED_METHODS, path, "method");
    if (scoring.direction !== undefined)
      checkValue(s["direction"], [scoring.direction], path, "direction");
  }
  return spec as NormaliseSpec;
}

/** A resolved aggregation: the method, its power and the zero policy. */
export interface ResolvedAggregation {
  readonly method: AggregationMethod;
  /** The power of the generalised mean (1 arithmetic, 0 geometric, −1 harmonic). */
  readonly p: number;
  /** The constant added before and removed after a geometric/harmonic/power mean; 0 when none. */
  readonly shift: number;
}

const AGGREGATIONS: readonly unknown[] = aggregationMethods;
const NON_POSITIVE: readonly unknown[] = ["error", "shift"];

/**
 * Validates an aggregation spec's method and power (`spec` is read like a record; `path` points
 * at it) and a zero policy (at `zeroPath`); paths and messages are built only on failure.
 */
export function resolveAggregation(
  spec: { readonly method?: unknown; readonly p?: unknown },
  zeroPolicy: unknown,
  path: readonly PathSegment[],
  zeroPath: readonly PathSegment[],
): ResolvedAggregation {
  const m = spec.method ?? "arithmetic";
  checkValue(m, AGGREGATIONS, path, "method");
  let power = m === "geometric" ? 0 : m === "harmonic" ? -1 : 1;
  if (m === "generalised") {
    checkValue(spec.p, "number", path, "p", "missing_field");
    power = spec.p as number;
  }
  let shift = 0;
  if (zeroPolicy !== undefined) {
    checkValue(zeroPolicy, "record", zeroPath);
    const z = zeroPolicy as Rec;
    const np = z["nonPositive"] ?? "error";
    checkValue(np, NON_POSITIVE, zeroPath, "nonPositive");
    const sh = z["shift"] ?? 1;
    if (typeof sh !== "number" || !Number.isFinite(sh) || !(sh > 0)) {
      fail(
        "invalid_value",
        [...zeroPath, "shift"],
        `shift must be a positive finite number, got ${describe(sh)}`,
      );
    }
    if (np === "shift") shift = sh;
  }
  return { method: m as AggregationMethod, p: power, shift };
}

const VALUES = ["values"] as const;
const WEIGHTS = ["weights"] as const;
const ROOT: readonly PathSegment[] = [];

/**
 * Throws at the first entry that `normalise` and `aggregate` refuse: `values` must be an array of
 * finite numbers or nulls (`strict`: no nulls, `missing_value`) and, when `weighted`, non-empty,
 * with one finite, non-negative weight per value, each value checked before its weight. The slow
 * path of those functions, run only when their own pass found a problem; returns when there is
 * none.
 */
export function explainValues(
  values: unknown,
  weights: unknown,
  weighted: boolean,
  strict: boolean,
): void {
  checkValue(values, "array", ROOT, "values", "invalid_type");
  const list = values as readonly unknown[];
  if (weighted) {
    if (list.length === 0) fail("empty", VALUES, "values must not be empty");
    checkValue(weights, "array", ROOT, "weights", "invalid_type");
    const n = (weights as readonly unknown[]).length;
    if (n !== list.length) {
      fail(
        "length_mismatch",
        WEIGHTS,
        `weights must have one weight per value (${list.length}), got ${n} (weights)`,
      );
    }
  }
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (v === null && strict) {
      fail(
        "missing_value",
        ["values", i],
        `values[${i}] is missing and the spec says missing: "error"`,
      );
    }
    checkValue(v, "nullable", VALUES, i, "invalid_type");
    if (weighted)
      checkValue((weights as readonly unknown[])[i], "weight", WEIGHTS, i, "invalid_type");
  }
}

/** Why {@link aggregateValues} cannot compute a mean. */
export interface AggregateFailure {
  readonly code: "non_positive_value" | "non_finite";
  /** The position of the offending value; −1 for an overflow of the mean. */
  readonly index: number;
  readonly message: string;
}

/**
 * Weighted power mean of the non-null (and non-NaN) values with positive weight, weights
 * renormalised over them. p = 1 arithmetic, p = 0 geometric, p = −1 harmonic. The result is kept
 * within the range of the aggregated values (a mean cannot leave it; this removes floating-point
 * overshoot). Returns the mean, `null` when there is nothing to aggregate, or a failure (the only
 * object it returns).
 */
export function aggregateValues(
  values: ArrayLike<number | null>,
  weights: readonly number[],
  agg: ResolvedAggregation,
): number | null | AggregateFailure {
  const { p, shift } = agg;
  let sw = 0;
  let s = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const raw = values[i];
    const w = weights[i] as number;
    if (raw === null || raw === undefined || raw !== raw || w === 0) continue; // null or NaN: missing
    const v = raw + shift;
    if (raw < lo) lo = raw;
    if (raw > hi) hi = raw;
    sw += w;
    if (p === 1) {
      s += w * v;
    } else if (p <= 0 ? !(v > 0) : v < 0) {
      const what = p <= 0 ? "positive" : "non-negative";
      const mean =
        p === 0 ? "a geometric mean" : p === -1 ? "a harmonic mean" : `a power mean with p = ${p}`;
      return {
        code: "non_positive_value",
        index: i,
        message: `${mean} needs ${what} values${shift !== 0 ? ` after the shift of ${shift}` : ""}, got ${describe(raw)}`,
      };
    } else if (p === 0) {
      s += w * Math.log(v);
    } else {
      s += w * Math.pow(v, p);
    }
  }
  if (sw === 0) return null;
  let r = p === 1 ? s / sw : p === 0 ? Math.exp(s / sw) : Math.pow(s / sw, 1 / p);
  r -= shift;
  if (!Number.isFinite(r)) {
    return {
      code: "non_finite",
      index: -1,
      message: "the mean overflowed the range of floating-point numbers",
    };
  }
  r = r < lo ? lo : r > hi ? hi : r;
  return noZero(r);
}

/** Whether a resolved band contains a score, by its declared inclusivity. */
export function bandContains(b: ResolvedBand, s: number): boolean {
  return (
    (s > b.min || (b.minInclusive && s === b.min)) && (s < b.max || (b.maxInclusive && s === b.max))
  );
}

/** The index of the first band (lowest first) that contains the score, or −1. */
export function findBand(bands: readonly ResolvedBand[], s: number): number {
  for (let i = 0; i < bands.length; i++) if (bandContains(bands[i] as ResolvedBand, s)) return i;
  return -1;
}
