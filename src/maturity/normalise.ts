import { describe, fail, failAt } from "../_lib/assert.js";
import type { NormaliseSpec } from "../schema/framework.js";
import {
  checkNormaliseSpec,
  explainValues,
  normaliseValues,
  NOT_NUMBERS,
  type Degenerate,
} from "./_shared.js";

/**
 * Normalises one indicator's values across units onto a common scale, the way the OECD/JRC
 * Handbook on Constructing Composite Indicators (2008, §1.5) describes and the JRC's COINr package
 * (`n_*` functions, v1.1) computes.
 *
 * Every method first multiplies the values by `direction` (default 1), so a −1 indicator is
 * reversed before normalising, as COINr does; `null` stays `null` and never becomes 0.
 * With x the direction-adjusted values and min, max, mean, sd over the non-null ones:
 * - `minMax`: (x − min) / (max − min) × (hi − lo) + lo, `range` [lo, hi] default [0, 100];
 * - `zScore`: (x − mean) / sd × `sd` + `mean` (targets default 0 and 1), sd the sample standard
 *   deviation (n − 1);
 * - `rank`: rank among the non-null values, smallest = 1, ties take the minimum rank;
 * - `percentRank`: (rank − 1) / (n − 1); `borda`: rank − 1;
 * - `distanceToMax`: 1 − (max − x) / (max − min);
 * - `distanceToReference`: 1 − (ref − x) / (ref − min), `reference` in the indicator's own units
 *   (multiplied by the direction like the values; COINr `n_dist2ref`, uncapped);
 * - `goalposts`: clamp((x − low) / (high − low), 0, 1) × `scale` (default 100); for direction −1,
 *   (high − x) / (high − low), i.e. COINr's flipped goalposts. The only absolute method: it works
 *   for a single unit.
 *
 * Every method but `goalposts` compares units and needs at least two non-null values
 * (`too_few_values`); `minMax`, `zScore`, `distanceToMax` need a non-zero spread and
 * `distanceToReference` a reference different from the minimum (`zero_spread`). With
 * `degenerate: "null"` such a case returns all `null` instead of raising
 * (docs/methodology/maturity.md, Degenerate indicators).
 *
 * @param values - one value per unit, `null` when missing
 * @param spec - the method and its parameters
 * @returns the normalised values, in the order of `values`
 * @throws AssessmentError `invalid_type` / `non_finite` for a value that is not a finite number
 *   or null (path `["values", i]`); `invalid_type`, `invalid_value`, `missing_field`, `non_finite`
 *   or `zero_spread` for a bad spec (path `["spec", …]`); `too_few_values` or `zero_spread` for a
 *   degenerate indicator (path `["values"]`); `non_finite` when the result would overflow
 * @example
 * ```ts
 * import { normalise } from "icc-assessment/maturity";
 * normalise([2, 4, null, 6], { method: "minMax" }); // => [0, 50, null, 100]
 * normalise([2, 4, 6], { method: "minMax", direction: -1 }); // => [100, 50, 0]
 * normalise([3, 1, 3], { method: "rank" }); // => [2, 1, 2]
 * normalise([3], { method: "goalposts", low: 1, high: 5 }); // => [50]
 * ```
 */
export function normalise(
  values: readonly (number | null)[],
  spec: NormaliseSpec,
): (number | null)[] {
  if (!Array.isArray(values)) explainValues(values, undefined, false, false);
  let s: NormaliseSpec;
  try {
    s = checkNormaliseSpec(spec, SPEC);
  } catch (e) {
    explainValues(values, undefined, false, false); // bad values are reported before a bad spec
    throw e;
  }
  // both check the values as they read them
  const out = s.method === "zScore" ? zScores(values, s) : normaliseValues(values, s);
  if (out === NOT_NUMBERS) explainValues(values, undefined, false, false);
  if (!Array.isArray(out)) {
    if (s.degenerate === "null") return values.map(() => null);
    return failAt(out.code, VALUES, out.message);
  }
  for (let i = 0; i < out.length; i++) {
    const v = out[i];
    if (v !== null && v !== undefined && v - v !== 0) {
      fail(
        "non_finite",
        ["values", i],
        `normalising values[${i}] overflowed the range of floating-point numbers (values)`,
      );
    }
  }
  return out;
}

const SPEC = ["spec"] as const;
const VALUES = ["values"] as const;
const noZero = (v: number): number => (v === 0 ? 0 : v);

/**
 * (x − mean) / sd × `sd` + `mean` with the sample standard deviation; the sums run over the sorted
 * values, so the result does not depend on the order of the units.
 */
function zScores(
  values: readonly (number | null)[],
  spec: NormaliseSpec & { method: "zScore" },
): (number | null)[] | Degenerate {
  const d = spec.direction ?? 1;
  const sorted: number[] = [];
  for (const v of values) {
    if (v === null) continue;
    if (typeof v !== "number" || v - v !== 0) return NOT_NUMBERS;
    sorted.push(noZero(v * d));
  }
  const count = sorted.length;
  if (count < 2) {
    return {
      code: "too_few_values",
      message: `zScore compares units with each other and needs at least two values, got ${count}`,
    };
  }
  sorted.sort((a, b) => a - b);
  let total = 0;
  for (const v of sorted) total += v;
  const mean = total / count;
  let ss = 0;
  for (const v of sorted) ss += (v - mean) * (v - mean);
  const sd = Math.sqrt(ss / (count - 1));
  if (!(sd > 0)) {
    return {
      code: "zero_spread",
      message: `zScore needs a positive standard deviation, but every value is ${describe((sorted[0] as number) * d)}`,
    };
  }
  const m = spec.mean ?? 0;
  const k = spec.sd ?? 1;
  return values.map((v) => (v === null ? null : noZero(((noZero(v * d) - mean) / sd) * k + m)));
}
