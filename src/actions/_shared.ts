import type { Decimal } from "decimal.js";
import type { PathSegment } from "../errors/AssessmentError.js";
import { checkRecord, describe, failAt } from "../_lib/assert.js";
import { Dec, isDecimal } from "../_lib/decimal.js";
import type { Money } from "../schema/common.js";
import { checkDate } from "../timeline/_shared.js";

// the same date check as the timeline stage, which the action plan builds on
export { checkDate };

/** Asserts a finite number and returns it, with −0 as 0. */
export function finite(value: unknown, path: readonly PathSegment[], name: string): number {
  if (typeof value !== "number") {
    failAt("invalid_type", path, `${name} must be a number, got ${describe(value)}`);
  }
  if (!Number.isFinite(value)) {
    failAt("non_finite", path, `${name} must be a finite number, got ${describe(value)}`);
  }
  return value === 0 ? 0 : value;
}

/** Reads `options.decimals`: a whole number from 0 to 10, default 2. */
export function checkDecimals(value: unknown): number {
  const decimals = value ?? 2;
  if (
    typeof decimals !== "number" ||
    !Number.isInteger(decimals) ||
    decimals < 0 ||
    decimals > 10
  ) {
    failAt(
      "out_of_range",
      ["options", "decimals"],
      `decimals must be a whole number from 0 to 10, got ${describe(decimals)}`,
    );
  }
  return decimals;
}

const CURRENCY_RE = /^[A-Z]{3}$/;

/** Asserts an ISO 4217 currency code. */
export function checkCurrency(value: unknown, path: readonly PathSegment[], name: string): string {
  if (typeof value !== "string" || !CURRENCY_RE.test(value)) {
    failAt(
      "invalid_value",
      path,
      `${name} must be an ISO 4217 currency code such as "EUR", got ${describe(value)}`,
    );
  }
  return value;
}

/**
 * Asserts a finite decimal.js `Decimal` (never a JS number: money is exact), not negative unless
 * `allowNegative`.
 */
export function checkDecimal(
  value: unknown,
  path: readonly PathSegment[],
  name: string,
  allowNegative = false,
): Decimal {
  if (!isDecimal(value)) {
    failAt(
      "invalid_money",
      path,
      `${name} must be a Decimal (money is never a JS number; parse the assessment with parseAssessment), got ${describe(value)}`,
    );
  }
  if (!value.isFinite())
    failAt("non_finite", path, `${name} must be finite, got ${value.toString()}`);
  if (!allowNegative && value.isNegative() && !value.isZero()) {
    failAt("out_of_range", path, `${name} must not be negative, got ${value.toString()}`);
  }
  return value.isZero() ? new Dec(0) : value;
}

/** Asserts money `{ amount: Decimal, currency }` with a non-negative amount. */
export function checkMoney(value: unknown, path: readonly PathSegment[], name: string): Money {
  const m = checkRecord(value, path, name);
  const amount = checkDecimal(m["amount"], [...path, "amount"], `${name}.amount`);
  const currency = checkCurrency(m["currency"], [...path, "currency"], `${name}.currency`);
  return { amount, currency };
}

/** `a − b`, with −0 normalised to 0. */
export function minus(a: Decimal, b: Decimal): Decimal {
  const d = a.minus(b);
  return d.isZero() ? new Dec(0) : d;
}
