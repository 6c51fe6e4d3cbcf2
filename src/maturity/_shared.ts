/**
 * Unchecked computation kernels shared by the maturity stage. Callers validate their input first;
 * these functions never throw, they report a degenerate or invalid case through their result so
 * that each public function can raise it with its own path (or turn it into null with a reason).
 */
import type { PathSegment } from "../errors/AssessmentError.js";
import { describe, fail, assertOneOf } from "../_lib/assert.js";
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

/** A degenerate normalisation: why it cannot be computed. */
export interface Degenerate {
  readonly code: "zero_spread" | "too_few_values";
  readonly message: string;
}

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

/**
 * Normalises validated values by a validated spec, COINr-style: values are multiplied by the
 * direction first. Returns the normalised values, or why they cannot be computed.
 */
export function normaliseValues(
  values: readonly (number | null)[],
  spec: NormaliseSpec,
): (number | null)[] | Degenerate {
  const d = spec.direction ?? 1;
  const n = values.length;
  const x: (number | null)[] = new Array<number | null>(n);
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      x[i] = null;
      continue;
    }
    const y = noZero(v * d);
    x[i] = y;
    count++;
    if (y < min) min = y;
    if (y > max) max = y;
  }
  const out: (number | null)[] = new Array<number | null>(n).fill(null);
  if (spec.method === "goalposts") {
    const a = d === 1 ? spec.low : -spec.high;
    const b = d === 1 ? spec.high : -spec.low;
    const scale = spec.scale ?? 100;
    for (let i = 0; i < n; i++) {
      const v = x[i];
      if (v === null || v === undefined) continue;
      const y = (v - a) / (b - a);
      out[i] = noZero((y > 1 ? 1 : y < 0 ? 0 : y) * scale);
    }
    return out;
  }
  if (count < 2) {
    return {
      code: "too_few_values",
      message: `${spec.method} compares units with each other and needs at least two values, got ${count}`,
    };
  }
  const spreadError = (what: string): Degenerate => ({
    code: "zero_spread",
    message: `${spec.method} needs ${what}, but every value is ${describe(min * d)}`,
  });
  switch (spec.method) {
    case "minMax": {
      if (max === min) return spreadError("values that differ");
      const [lo, hi] = spec.range ?? [0, 100];
      for (let i = 0; i < n; i++) {
        const v = x[i];
        if (v !== null && v !== undefined)
          out[i] = noZero(((v - min) / (max - min)) * (hi - lo) + lo);
      }
      return out;
    }
    case "zScore": {
      // sums run over the sorted values, so the result does not depend on the order of the units
      const sorted: number[] = [];
      for (let i = 0; i < n; i++) {
        const v = x[i];
        if (v !== null && v !== undefined) sorted.push(v);
      }
      sorted.sort((a, b) => a - b);
      let total = 0;
      for (const v of sorted) total += v;
      const mean = total / count;
      let ss = 0;
      for (const v of sorted) ss += (v - mean) * (v - mean);
      const sd = Math.sqrt(ss / (count - 1));
      if (!(sd > 0)) return spreadError("a positive standard deviation");
      const m = spec.mean ?? 0;
      const s = spec.sd ?? 1;
      for (let i = 0; i < n; i++) {
        const v = x[i];
        if (v !== null && v !== undefined) out[i] = noZero(((v - mean) / sd) * s + m);
      }
      return out;
    }
    case "rank":
    case "percentRank":
    case "borda": {
      const r = ranksAscending(x);
      for (let i = 0; i < n; i++) {
        const v = r[i];
        if (v === null || v === undefined) continue;
        out[i] =
          spec.method === "rank" ? v : spec.method === "borda" ? v - 1 : (v - 1) / (count - 1);
      }
      return out;
    }
    case "distanceToMax": {
      if (max === min) return spreadError("values that differ");
      for (let i = 0; i < n; i++) {
        const v = x[i];
        if (v !== null && v !== undefined) out[i] = noZero(1 - (max - v) / (max - min));
      }
      return out;
    }
    case "distanceToReference": {
      const ref = noZero(spec.reference * d);
      if (ref === min) {
        return {
          code: "zero_spread",
          message: `distanceToReference needs a reference that differs from the lowest (direction-adjusted) value, but both are ${describe(min * d)}`,
        };
      }
      for (let i = 0; i < n; i++) {
        const v = x[i];
        if (v !== null && v !== undefined) out[i] = noZero(1 - (ref - v) / (ref - min));
      }
      return out;
    }
  }
}

/**
 * Validates a normalisation spec given by an unchecked caller; `path` points at the spec.
 * Returns it typed.
 */
export function checkNormaliseSpec(spec: unknown, path: readonly PathSegment[]): NormaliseSpec {
  if (typeof spec !== "object" || spec === null || Array.isArray(spec)) {
    fail("invalid_type", path, `the normalisation spec must be an object, got ${describe(spec)}`);
  }
  const s = spec as Readonly<Record<string, unknown>>;
  const method = s["method"];
  assertOneOf(method, normalisationMethods, [...path, "method"], "method");
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
  const finite = (key: string, required: boolean): number | undefined => {
    const v = s[key];
    if (v === undefined) {
      if (required) fail("missing_field", [...path, key], `${method as string} needs ${key}`);
      return undefined;
    }
    if (typeof v !== "number")
      fail("invalid_type", [...path, key], `${key} must be a number, got ${describe(v)}`);
    if (!Number.isFinite(v))
      fail("non_finite", [...path, key], `${key} must be a finite number, got ${describe(v)}`);
    return v;
  };
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
      for (const [k, v] of [
        [0, lo],
        [1, hi],
      ] as const) {
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
    case "zScore": {
      finite("mean", false);
      const sd = finite("sd", false);
      if (sd !== undefined && !(sd > 0)) {
        fail("invalid_value", [...path, "sd"], `sd must be positive, got ${describe(sd)}`);
      }
      break;
    }
    case "distanceToReference":
      finite("reference", true);
      break;
    case "goalposts": {
      const low = finite("low", true) as number;
      const high = finite("high", true) as number;
      if (low === high) {
        fail(
          "zero_spread",
          [...path, "high"],
          `goalposts low and high must differ, got ${low} and ${high}`,
        );
      }
      const scale = finite("scale", false);
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

/** Validates a method name, its power and a zero policy; `path` points at the spec. */
export function resolveAggregation(
  method: unknown,
  p: unknown,
  zeroPolicy: unknown,
  path: readonly PathSegment[],
  zeroPath: readonly PathSegment[],
): ResolvedAggregation {
  const m = method ?? "arithmetic";
  assertOneOf(m, aggregationMethods, [...path, "method"], "method");
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
    const z = zeroPolicy as Readonly<Record<string, unknown>>;
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
  return { method: m, p: power, shift };
}

/** The outcome of {@link aggregateValues}: a value, null (nothing to aggregate) or a failure. */
export type AggregateOutcome =
  | { readonly ok: true; readonly value: number | null }
  | {
      readonly ok: false;
      readonly code: "non_positive_value" | "non_finite";
      readonly index: number;
      readonly message: string;
    };

const NULL_OUTCOME: AggregateOutcome = { ok: true, value: null };

/**
 * Weighted power mean of the non-null (and non-NaN) values with positive weight, weights renormalised over them.
 * p = 1 arithmetic, p = 0 geometric, p = −1 harmonic. The result is kept within the range of the
 * aggregated values (a mean cannot leave it; this removes floating-point overshoot).
 */
export function aggregateValues(
  values: ArrayLike<number | null>,
  weights: readonly number[],
  agg: ResolvedAggregation,
): AggregateOutcome {
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
        ok: false,
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
  if (sw === 0) return NULL_OUTCOME;
  let r = p === 1 ? s / sw : p === 0 ? Math.exp(s / sw) : Math.pow(s / sw, 1 / p);
  r -= shift;
  if (!Number.isFinite(r)) {
    return {
      ok: false,
      code: "non_finite",
      index: -1,
      message: "the mean overflowed the range of floating-point numbers",
    };
  }
  r = r < lo ? lo : r > hi ? hi : r;
  return { ok: true, value: noZero(r) };
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
