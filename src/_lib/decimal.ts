import { Decimal } from "decimal.js";

/**
 * The library's private Decimal constructor: 40 significant digits, banker's rounding, never
 * `Decimal.set` on the shared constructor (a user's own configuration stays theirs).
 * Instances are ordinary `Decimal` values.
 */
export const Dec: typeof Decimal = /* @__PURE__ */ Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -40,
  toExpPos: 40,
});

/** Whether a value is a decimal.js `Decimal` (from any clone). */
export function isDecimal(value: unknown): value is Decimal {
  return Decimal.isDecimal(value);
}

/** A money amount as its canonical JSON string: plain notation, at least 2 decimals. */
export function moneyString(amount: Decimal): string {
  const dp = Math.max(2, amount.decimalPlaces());
  return new Dec(amount).toFixed(dp);
}
