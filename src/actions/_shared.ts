import type { PathSegment } from "../errors/AssessmentError.js";
import { describe, failAt } from "../_lib/assert.js";
import { checkDate } from "../timeline/_shared.js";

// the same date check as the timeline stage, which the action plan builds on
export { checkDate };

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
