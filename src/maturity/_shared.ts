/**
 * Computation kernels shared by the maturity stage, and the checks of the specs they take.
 * Callers validate their input first (except that `normaliseValues` checks its values as it reads
 * them); the kernels never throw, they report a degenerate or invalid case through their result so
 * that each public function can raise it with its own path (or turn it into null with a reason).
 * The checks build paths and messages only for what fails.
 */
import type { PathSegment } from "../errors/AssessmentError.js";
import { describe, fail } from "../_lib/assert.js";
import { aggregationMethods, normalisationMethods } from "../schema/vocabularies.js";
import type { AggregationMethod } from "../schema/vocabularies.js";
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

const METHODS: readonly unknown[] = normalisationMethods;

/** Reads an optional (or required) finite number of a spec; the path is built only on failure. */
export function specNumber(
  s: Rec,
  key: string,
  path: readonly PathSegment[],
  method: string,
  required: boolean,
): number | undefined {
  const v = s[key];
  if (typeof v === "number" && v - v === 0) return v;
  if (v === undefined) {
    if (required) fail("missing_field", [...path, key], `${method} needs ${key}`);
    return undefined;
  }
  return fail(
    typeof v === "number" ? "non_finite" : "invalid_type",
    [...path, key],
    `${key} must be a ${typeof v === "number" ? "finite " : ""}number, got ${describe(v)}`,
  );
}

/** A spec object as an unchecked caller gives it. */
export type Rec = Readonly<Record<string, unknown>>;

/**
 * Validates a normalisation spec given by an unchecked caller, all but a z-score's targets (which
 * `normalise` checks: the maturity scoring refuses z-scores); `path` points at the spec (paths and
 * messages are built only on failure). Returns it typed.
 */
export function checkNormaliseSpec(spec: unknown, path: readonly PathSegment[]): NormaliseSpec {
  if (typeof spec !== "object" || spec === null || Array.isArray(spec)) {
    fail("invalid_type", path, `the normalisation spec must be an object, got ${describe(spec)}`);
  }
  const s = spec as Rec;
  const method = s["method"];
  if (typeof method !== "string" || !METHODS.includes(method)) {
    fail(
      "invalid_value",
      [...path, "method"],
      `method must be one of ${normalisationMethods.join(", ")}, got ${describe(method)}`,
    );
  }
  const direction = s["direction"];
  if (direction !== undefined && direction !== 1 && direction !== -1) {
    fail(
      "invalid_value",
      [...path, "direction"],
      `direction must be 1 or -1, got ${describe(direction)}`,
    );
  }
  const degenerate = s["degenerate"];
  if (degenerate !== undefined && degenerate !== "error" && degenerate !== "null") {
    fail(
      "invalid_value",
      [...path, "degenerate"],
      `degenerate must be "error" or "null", got ${describe(degenerate)}`,
    );
  }
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
      specNumber(s, "reference", path, method, true);
      break;
    case "goalposts": {
      const low = specNumber(s, "low", path, method, true) as number;
      const high = specNumber(s, "high", path, method, true) as number;
      if (low === high) {
        fail(
          "zero_spread",
          [...path, "high"],
          `goalposts low and high must differ, got ${low} and ${high}`,
        );
      }
      const scale = specNumber(s, "scale", path, method, false);
      if (scale !== undefined && !(scale > 0)) {
        fail("invalid_value", [...path, "scale"], `scale must be positive, got ${describe(scale)}`);
      }
      break;
    }
    default:
      break;
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

/**
 * Validates a method name, its power and a zero policy; `path` points at the spec (paths and
 * messages are built only on failure).
 */
export function resolveAggregation(
  method: unknown,
  p: unknown,
  zeroPolicy: unknown,
  path: readonly PathSegment[],
  zeroPath: readonly PathSegment[],
): ResolvedAggregation {
  const m = method ?? "arithmetic";
  if (!AGGREGATIONS.includes(m)) {
    fail(
      "invalid_value",
      [...path, "method"],
      `method must be one of ${aggregationMethods.join(", ")}, got ${describe(m)}`,
    );
  }
  let power = m === "geometric" ? 0 : m === "harmonic" ? -1 : 1;
  if (m === "generalised") {
    if (p === undefined)
      fail("missing_field", [...path, "p"], "the generalised mean needs its power p");
    if (typeof p !== "number")
      fail("invalid_type", [...path, "p"], `p must be a number, got ${describe(p)}`);
    if (!Number.isFinite(p))
      fail("non_finite", [...path, "p"], `p must be a finite number, got ${describe(p)}`);
    power = p;
  }
  let shift = 0;
  if (zeroPolicy !== undefined) {
    if (typeof zeroPolicy !== "object" || zeroPolicy === null || Array.isArray(zeroPolicy)) {
      fail("invalid_type", zeroPath, `zeroPolicy must be an object, got ${describe(zeroPolicy)}`);
    }
    const z = zeroPolicy as Rec;
    const np = z["nonPositive"] ?? "error";
    if (np !== "error" && np !== "shift") {
      fail(
        "invalid_value",
        [...zeroPath, "nonPositive"],
        `nonPositive must be "error" or "shift", got ${describe(np)}`,
      );
    }
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
