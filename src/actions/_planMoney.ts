import type { Decimal } from "decimal.js";
import type { PathSegment } from "../errors/AssessmentError.js";
import { describe, failAt } from "../_lib/assert.js";
import { Dec, isDecimal } from "../_lib/decimal.js";
import { currencyOption, RATE_PATTERN } from "../_lib/money.js";
import { readValue } from "../_lib/options.js";
import { compareIds } from "../_lib/sort.js";
import type { Money } from "../schema/common.js";

/*
 * The money rules of `buildActionPlan`: exchange rates read from the options, and the conversion
 * of an amount into the plan currency (never without a rate).
 */

const RATES: readonly PathSegment[] = ["options", "rates"];

/** Converts an amount into the plan currency; `where` gives its path, built only on failure. */
export type Convert = (m: Money, where: () => readonly PathSegment[]) => Decimal;

/** `a − b`, with −0 normalised to 0. */
export function minus(a: Decimal, b: Decimal): Decimal {
  const d = a.minus(b);
  return d.isZero() ? new Dec(0) : d;
}

/** The exchange rates of the options (an object, checked by the options table), by currency. */
export function checkRates(r: Readonly<Record<string, unknown>> | undefined): Map<string, Decimal> {
  const out = new Map<string, Decimal>();
  if (r === undefined) return out;
  for (const key of Object.keys(r).sort(compareIds)) {
    readValue(key, RATES, key, currencyOption);
    const raw = r[key];
    let rate: Decimal;
    if (isDecimal(raw)) rate = raw;
    else if (typeof raw === "string" && RATE_PATTERN.test(raw)) rate = new Dec(raw);
    else {
      return failAt(
        "invalid_money",
        ["options", "rates", key],
        `rate must be a Decimal or a decimal string such as "0.51129" (never a JS number), got ${describe(raw)}`,
      );
    }
    if (!rate.isFinite() || !rate.gt(0)) {
      failAt(
        "out_of_range",
        ["options", "rates", key],
        `rate must be positive, got ${rate.toString()}`,
      );
    }
    out.set(key, new Dec(rate));
  }
  return out;
}

/**
 * The converter into `currency`: an amount in it as it is, one in another currency times its
 * rate, rounded half-even to `decimals`; `currency_mismatch` without a rate.
 */
export function createConverter(
  currency: string,
  rates: ReadonlyMap<string, Decimal>,
  decimals: number,
): Convert {
  return (m, where) => {
    if (m.currency === currency) return m.amount;
    const rate = rates.get(m.currency);
    if (rate === undefined) {
      failAt(
        "currency_mismatch",
        [...where(), "currency"],
        `amount is in ${m.currency} but the plan currency is ${currency}, and currencies are never added together without explicit rates: pass options.rates.${m.currency}`,
      );
    }
    return m.amount.times(rate).toDecimalPlaces(decimals, Dec.ROUND_HALF_EVEN);
  };
}
