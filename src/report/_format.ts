/**
 * Number, money and date formatting for the renderers, through `Intl` for the report's language.
 * Dates are calendar dates `YYYY-MM-DD`: they are built with `Date.UTC` and formatted in the
 * `UTC` time zone, so the host's time zone can never shift the day.
 */
import { createNumberFormatter, type NumberFormatter } from "../_lib/numbers.js";

/** Formats numbers, money and dates for one locale. */
export interface Formatter extends NumberFormatter {
  /** Money from its JSON form (decimal string + ISO 4217 currency), exactly from the string. */
  readonly money: (money: { readonly amount: string; readonly currency: string }) => string;
  /** A calendar date `YYYY-MM-DD` in the language's long form. */
  readonly date: (iso: string) => string;
  /** A calendar date as month and year, for chart axes. */
  readonly month: (iso: string) => string;
}

function utc(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(2000, 0, 1));
  date.setUTCFullYear(y, m - 1, d);
  return date;
}

/** A formatter for an `Intl` locale; `na` is the text shown for a missing number. */
export function createFormatter(locale: string, na: string): Formatter {
  const currencies = new Map<string, Intl.NumberFormat>();
  const longDate = new Intl.DateTimeFormat(locale, { timeZone: "UTC", dateStyle: "long" });
  const monthYear = new Intl.DateTimeFormat(locale, {
    timeZone: "UTC",
    year: "numeric",
    month: "short",
  });
  return {
    // numbers round as in the CLI: one formatter (src/_lib/numbers.ts)
    ...createNumberFormatter(locale, na),
    money: ({ amount, currency }) => {
      let f = currencies.get(currency);
      if (f === undefined) {
        f = new Intl.NumberFormat(locale, { style: "currency", currency });
        currencies.set(currency, f);
      }
      // Intl.NumberFormat formats a decimal string exactly (ECMA-402 10th edition, 2023)
      return f.format(amount as unknown as number);
    },
    date: (iso) => longDate.format(utc(iso)),
    month: (iso) => monthYear.format(utc(iso)),
  };
}

/** Fills `{name}` placeholders of a label template. Unknown placeholders are left as they are. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.hasOwn(values, key) ? String(values[key]) : whole,
  );
}
