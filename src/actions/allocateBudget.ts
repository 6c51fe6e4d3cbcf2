import type { Decimal } from "decimal.js";
import type { PathSegment } from "../errors/AssessmentError.js";
import { describe, failAt, assertArrayAt, isRecord } from "../_lib/assert.js";
import { Dec, isDecimal } from "../_lib/decimal.js";
import type { Money } from "../schema/common.js";
import { readOptions, readValue } from "../_lib/options.js";
import { currencyOption, decimalsOption } from "../_lib/money.js";

/** Options of {@link allocateBudget}. */
export interface AllocateBudgetOptions {
  /** Decimal places of the smallest unit handed out (the currency's minor unit); default 2. */
  readonly decimals?: number | undefined;
}

/** The result of {@link allocateBudget}. */
export interface AllocateBudgetResult {
  /** `"largestRemainder"` (Hamilton's method on minor units). */
  readonly method: "largestRemainder";
  /** The total split, echoed. */
  readonly total: Decimal;
  /** The total's currency, or `null` when a bare `Decimal` was split. */
  readonly currency: string | null;
  /** The minor unit used, in decimal places. */
  readonly decimals: number;
  /** The weights, echoed as exact decimals. */
  readonly weights: readonly Decimal[];
  /** One amount per weight, each a whole number of minor units; they sum exactly to `total`. */
  readonly amounts: readonly Decimal[];
  /** How many minor units the largest-remainder step handed out (fewer than the number of parts). */
  readonly remainderUnits: number;
}

const TOTAL: readonly PathSegment[] = ["total"];
const TOTAL_AMOUNT: readonly PathSegment[] = ["total", "amount"];
const WEIGHTS: readonly PathSegment[] = ["weights"];
const OPTIONS: readonly PathSegment[] = ["options"];
/** The options of {@link allocateBudget}. */
const ALLOCATE_OPTIONS = { decimals: decimalsOption };

/**
 * Asserts a finite `Decimal` that is not negative (−0 passes): `non_finite`, or `negative` for a
 * negative one. The path is `at`, or `[...at, i]` for element `i`; it is built only on failure.
 */
function checkNonNegative(
  value: Decimal,
  name: string,
  negative: "out_of_range" | "negative_weight",
  at: readonly PathSegment[],
  i?: number,
): void {
  if (!value.isFinite()) {
    failAt(
      "non_finite",
      i === undefined ? at : [...at, i],
      `${name} must be finite, got ${value.toString()}`,
    );
  }
  if (value.isNegative() && !value.isZero()) {
    failAt(
      negative,
      i === undefined ? at : [...at, i],
      `${name} must not be negative, got ${value.toString()}`,
    );
  }
}

/** A weight as an exact decimal; the path and message are built only when it is refused. */
function toWeight(value: unknown, i: number): Decimal {
  if (typeof value === "number" && value >= 0 && value !== Infinity) {
    return new Dec(value === 0 ? 0 : value);
  }
  // a number left here is negative, NaN or infinite: checked as a Decimal
  const weight = typeof value === "number" ? new Dec(value) : value;
  if (!isDecimal(weight)) {
    failAt(
      "invalid_type",
      [...WEIGHTS, i],
      `weight must be a number or a Decimal, got ${describe(value)}`,
    );
  }
  checkNonNegative(weight, "weight", "negative_weight", WEIGHTS, i);
  return new Dec(weight.isZero() ? 0 : weight);
}

/** A non-negative integer Decimal as a BigInt. */
function big(d: Decimal): bigint {
  return BigInt(d.toFixed(0));
}

/**
 * Splits a budget exactly in proportion to weights: every part is a whole number of minor units and
 * the parts sum to the total, to the cent.
 *
 * Method: the largest-remainder (Hamilton) method on minor units, as dinero.js `allocate` does for
 * money. Each part first gets the whole units of `total × weight / Σ weights` (computed exactly with
 * integers); the units left over go one each to the parts with the largest remainders, ties to the
 * lower index. Designed by this project after dinero.js; see docs/methodology/timeline-actions.md,
 * Money.
 *
 * @param total - the amount to split: Money `{ amount: Decimal, currency }` or a bare `Decimal`, not
 *   negative, with no more decimals than `decimals`
 * @param weights - non-negative numbers or Decimals with a positive sum (ratios, shares, days…)
 * @param options - `decimals` of the minor unit (default 2)
 * @returns the amounts, in the order of the weights, with the method and parameters echoed
 * @throws AssessmentError `invalid_money` (a JS number or other non-Decimal amount, or more decimals
 *   than the minor unit), `invalid_value` (a bad currency code), `out_of_range` (a negative total,
 *   `decimals` outside 0–10), `non_finite`, `invalid_type`, `empty` (no weights),
 *   `negative_weight`, `zero_weights` (weights summing to 0)
 * @example
 * ```ts
 * import { Decimal } from "decimal.js";
 * import { allocateBudget } from "icc-assessment/actions";
 * const split = allocateBudget({ amount: new Decimal("100000.00"), currency: "EUR" }, [1, 1, 1]);
 * split.amounts.map(String); // => ["33333.34", "33333.33", "33333.33"]
 * split.remainderUnits; // => 1
 * ```
 */
export function allocateBudget(
  total: Money | Decimal,
  weights: readonly (number | Decimal)[],
  options: AllocateBudgetOptions = {},
): AllocateBudgetResult {
  // Money `{ amount, currency }` or a bare Decimal: either way the amount must be a Decimal.
  const isMoney = !isDecimal(total) && isRecord(total);
  const raw = isMoney ? total["amount"] : total;
  const at = isMoney ? TOTAL_AMOUNT : TOTAL;
  if (!isDecimal(raw)) {
    failAt(
      "invalid_money",
      at,
      isMoney
        ? `total.amount must be a Decimal (money is never a JS number; parse the assessment with parseAssessment), got ${describe(raw)}`
        : `total must be Money { amount: Decimal, currency } or a Decimal (never a JS number), got ${describe(raw)}`,
    );
  }
  checkNonNegative(raw, isMoney ? "total.amount" : "total", "out_of_range", at);
  const amount = raw.isZero() ? new Dec(0) : raw;
  const currency = isMoney ? readValue(total["currency"], TOTAL, "currency", currencyOption) : null;
  const { decimals } = readOptions(options, OPTIONS, "options", ALLOCATE_OPTIONS);
  const unitsPerOne = new Dec(10).pow(decimals);
  const scaled = amount.times(unitsPerOne);
  if (!scaled.isInteger()) {
    failAt(
      "invalid_money",
      currency === null ? ["total"] : ["total", "amount"],
      `total must be a whole number of minor units (${decimals} decimals), got ${amount.toString()}`,
    );
  }
  assertArrayAt(weights, WEIGHTS, "weights", { nonEmpty: true });
  const ws = weights.map(toWeight);
  // Integer weights: scale every weight by the same power of ten.
  const places = ws.reduce((m, w) => Math.max(m, w.decimalPlaces()), 0);
  const scale = new Dec(10).pow(places);
  const ints = ws.map((w) => big(w.times(scale)));
  const sum = ints.reduce((a, b) => a + b, 0n);
  if (sum === 0n) {
    failAt("zero_weights", WEIGHTS, "weights must sum to a positive number, got 0");
  }
  const units = big(scaled);
  const floors = ints.map((w) => (units * w) / sum);
  const remainders = ints.map((w) => (units * w) % sum);
  let left = units - floors.reduce((a, b) => a + b, 0n);
  const remainderUnits = Number(left);
  const byRemainder = ints
    .map((_, i) => i)
    .sort((i, j) => {
      const ri = remainders[i] as bigint;
      const rj = remainders[j] as bigint;
      return ri > rj ? -1 : ri < rj ? 1 : i - j;
    });
  for (const i of byRemainder) {
    if (left === 0n) break;
    floors[i] = (floors[i] as bigint) + 1n;
    left -= 1n;
  }
  return {
    method: "largestRemainder",
    total: amount,
    currency,
    decimals,
    weights: ws,
    amounts: floors.map((u) => new Dec(u.toString()).div(unitsPerOne)),
    remainderUnits,
  };
}
