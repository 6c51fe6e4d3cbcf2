import type { Decimal } from "decimal.js";
import type { PathSegment } from "../errors/AssessmentError.js";
import { checkRecord, describe, failAt } from "./assert.js";
import { Dec, isDecimal } from "./decimal.js";
import { nullish, wholeOption, type OptionSpec } from "./options.js";

/**
 * The one home of what money is (DESIGN.md: a decimal string and an ISO 4217 currency in JSON, a
 * `Decimal` in memory, never a JS number). The parser's schemas (`schema/common.ts`), the action
 * plan's options, solution readiness and budget selection read money through these, so the rules
 * and their wording are stated once.
 */

/** An ISO 4217 currency code as the format writes it: three capital letters. */
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

/**
 * A money amount in JSON: a decimal string with an optional minus, up to 15 integer digits
 * without leading zeros, and up to 6 decimals (`"125000.00"`).
 */
export const AMOUNT_PATTERN = /^-?(0|[1-9]\d{0,14})(\.\d{1,6})?$/;

/** An exchange rate given as a string: a positive decimal, up to 20 digits either side of the point. */
export const RATE_PATTERN = /^\d{1,20}(\.\d{1,20})?$/;

/** What a currency code must look like, as messages say it. */
export const CURRENCY_EXPECTED = 'an ISO 4217 currency code such as "EUR"';

/** Whether `value` is a currency code (three capital letters). */
export function isCurrencyCode(value: unknown): value is string {
  return typeof value === "string" && CURRENCY_PATTERN.test(value);
}

/** Whether `value` is an amount as JSON writes it ({@link AMOUNT_PATTERN}). */
export function isAmountString(value: unknown): value is string {
  return typeof value === "string" && AMOUNT_PATTERN.test(value);
}

/** A currency code read as an option, a rate's key or a total's currency (`invalid_value`). */
export const currencyOption: OptionSpec<string> = {
  test: isCurrencyCode,
  code: "invalid_value",
  expected: CURRENCY_EXPECTED,
};

/** The decimals of a currency's minor unit as an option: a whole number 0–10, default 2 (`null` too). */
export const decimalsOption = /* @__PURE__ */ nullish(wholeOption(0, 10), 2);

/**
 * An amount given as a `Decimal` or as an amount string (a document not yet parsed), as a
 * `Decimal` of the library's configuration; `null` when it is neither.
 */
export function amountOf(value: unknown): Decimal | null {
  if (isDecimal(value)) return new Dec(value);
  return isAmountString(value) ? new Dec(value) : null;
}

/**
 * Reads money `{ amount, currency }` given in memory: `invalid_type` (not an object),
 * `invalid_money` at `[...path, "amount"]` (an amount that is not a non-negative finite
 * `Decimal`: money is never a JS number) or at `[...path, "currency"]` (not a currency code).
 * Returns the amount.
 */
export function readMoney(value: unknown, path: readonly PathSegment[], name: string): Decimal {
  if (typeof value !== "object" || value === null) checkRecord(value, path, name);
  const { amount, currency } = value as Readonly<Record<string, unknown>>;
  if (!isDecimal(amount) || !amount.isFinite() || amount.isNegative()) {
    failAt(
      "invalid_money",
      [...path, "amount"],
      `${name}.amount must be a non-negative finite Decimal (money is never a JS number), got ${
        isDecimal(amount) ? amount.toString() : describe(amount)
      }`,
    );
  }
  if (!isCurrencyCode(currency)) {
    failAt(
      "invalid_money",
      [...path, "currency"],
      `${name}.currency must be an ISO 4217 code such as EUR, got ${describe(currency)}`,
    );
  }
  return new Dec(amount);
}

/** Whether `value` is money {@link readMoney} accepts. */
export function isMoney(
  value: unknown,
): value is { readonly amount: Decimal; readonly currency: string } {
  if (typeof value !== "object" || value === null) return false;
  const { amount, currency } = value as Readonly<Record<string, unknown>>;
  return isDecimal(amount) && amount.isFinite() && !amount.isNegative() && isCurrencyCode(currency);
}
