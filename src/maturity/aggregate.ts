import { fail, failAt } from "../_lib/assert.js";
import type { AggregationMethod } from "../schema/vocabularies.js";
import {
  aggregateValues,
  checkValue,
  explainValues,
  resolveAggregation,
  type ResolvedAggregation,
  type ZeroPolicy,
} from "./_shared.js";

export type { ZeroPolicy } from "./_shared.js";

/** How {@link aggregate} combines values. */
export interface AggregateOptions {
  /** `"arithmetic"` (default), `"geometric"`, `"harmonic"` or `"generalised"` (needs `p`). */
  readonly method?: AggregationMethod;
  /** The power of the generalised mean; read only when `method` is `"generalised"`. */
  readonly p?: number;
  /** `"reweight"` (default): weights renormalise over the non-missing values; `"error"`: a missing value raises. */
  readonly missing?: "reweight" | "error";
  /** What a value ≤ 0 does in a geometric, harmonic or p ≤ 0 mean. Default: it raises. */
  readonly zeroPolicy?: ZeroPolicy;
}

/**
 * Aggregates values into one weighted mean: arithmetic, geometric, harmonic or generalised (power
 * p). Source: OECD/JRC Handbook on Constructing Composite Indicators (2008, §1.6) and COINr
 * `a_amean`, `a_gmean`, `a_hmean`, `a_genmean`.
 *
 * With the weights w renormalised over the non-missing values x (`missing: "reweight"`, COINr's
 * behaviour): arithmetic Σ w·x / Σ w; geometric exp(Σ w·ln x / Σ w); harmonic Σ w / Σ (w / x);
 * generalised (Σ w·x^p / Σ w)^(1/p), which is arithmetic at p = 1, geometric at p = 0 and harmonic
 * at p = −1. Values with weight 0 take no part. All values missing (or only zero weights left) →
 * `null`. A geometric, harmonic or p ≤ 0 mean needs values > 0 (p > 0: values ≥ 0) and raises
 * otherwise, unless `zeroPolicy: { nonPositive: "shift", shift }` is declared: then every value is
 * shifted by `shift` (default 1) before the mean and the shift is taken off the result (designed by
 * this project; docs/methodology/maturity.md, Aggregation). The result is kept within the range of
 * the values.
 *
 * @param values - the values, `null` when missing
 * @param weights - one weight per value, ≥ 0 and summing to a positive number
 * @param spec - method, power, missing-value and zero policies
 * @returns the weighted mean, or `null` when nothing is left to aggregate
 * @throws AssessmentError `invalid_type` / `non_finite` for a bad value (path `["values", i]`) or
 *   weight (`["weights", i]`); `empty` for no values; `length_mismatch` when the lengths differ;
 *   `negative_weight` (`["weights", i]`); `zero_weights` (`["weights"]`); `missing_value` under
 *   `missing: "error"` (`["values", i]`); `non_positive_value` (`["values", i]`); `invalid_value`,
 *   `missing_field` for a bad spec (`["spec", …]`); `non_finite` when the mean overflows
 * @example
 * ```ts
 * import { aggregate } from "icc-assessment/maturity";
 * aggregate([40, null, 80], [1, 1, 3]); // => 70
 * Math.round(aggregate([4, 16], [1, 1], { method: "geometric" }) * 1e9) / 1e9; // => 8
 * aggregate([null, null], [1, 1]); // => null
 * Math.round(aggregate([0, 3], [1, 1], { method: "geometric", zeroPolicy: { nonPositive: "shift" } }) * 1000) / 1000; // => 1
 * ```
 */
export function aggregate(
  values: readonly (number | null)[],
  weights: readonly number[],
  spec?: AggregateOptions,
): number | null {
  if (
    !Array.isArray(values) ||
    values.length === 0 ||
    !Array.isArray(weights) ||
    weights.length !== values.length
  ) {
    explainValues(values, weights, true, false);
  }
  checkValue(spec, "record", SPEC);
  const o = spec === undefined ? NO_OPTIONS : spec;
  const missing = o.missing;
  checkValue(missing, MISSING, SPEC, "missing");
  const strict = missing === "error";
  const agg =
    o.method === undefined && o.zeroPolicy === undefined
      ? ARITHMETIC
      : resolveAggregation(o, o.zeroPolicy, SPEC, ZERO_POLICY);
  // the weighted arithmetic mean (the common case) is computed in the checking pass; the other
  // means check every value first, then compute (aggregateValues)
  const plain = agg.p === 1 && agg.shift === 0;
  let sum = 0;
  let sw = 0;
  let s = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const w = weights[i] as number;
    if (
      (v === null ? strict : typeof v !== "number" || v - v !== 0) ||
      typeof w !== "number" ||
      w - w !== 0 ||
      w < 0
    ) {
      explainValues(values, weights, true, strict);
    }
    sum += w;
    if (plain && v !== null && w !== 0) {
      sw += w;
      s += w * (v as number);
      if ((v as number) < lo) lo = v as number;
      if ((v as number) > hi) hi = v as number;
    }
  }
  if (!(sum > 0) || !Number.isFinite(sum)) {
    fail(
      "zero_weights",
      ["weights"],
      `weights must sum to a positive finite number, got ${sum} (weights)`,
    );
  }
  if (plain) {
    if (sw === 0) return null;
    const r = s / sw;
    if (r - r === 0) return r < lo ? lo : r > hi ? hi : r === 0 ? 0 : r;
    // an overflow: aggregateValues computes the same mean and reports it
  }
  const r = aggregateValues(values, weights, agg);
  if (typeof r !== "object" || r === null) return r;
  return failAt(r.code, r.index >= 0 ? ["values", r.index] : VALUES, r.message);
}

const NO_OPTIONS: AggregateOptions = {};
const ARITHMETIC: ResolvedAggregation = { method: "arithmetic", p: 1, shift: 0 };
const MISSING: readonly unknown[] = ["reweight", "error"];
const SPEC = ["spec"] as const;
const VALUES = ["values"] as const;
const ZERO_POLICY = ["spec", "zeroPolicy"] as const;
