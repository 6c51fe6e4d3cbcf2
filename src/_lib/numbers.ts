/**
 * Number formatting for display, shared by the report renderers and the CLI, so a score rounds the
 * same everywhere: through `Intl.NumberFormat` for a locale, on the exact value of the double
 * (ECMA-402 rounds the stored binary value half away from zero). `Math.round(x * 10) / 10`
 * rounds the product, which can round up: 3.4499999999999997 × 10 is 34.5 in binary, so it showed
 * 3.5 where the value is below 3.45. Designed by this project.
 */

/** Formats numbers, integers and shares for one locale. */
export interface NumberFormatter {
  /** A number with at most `digits` decimals (default 2); `null` gives the "not available" text. */
  readonly number: (value: number | null, digits?: number) => string;
  /** An integer. */
  readonly integer: (value: number) => string;
  /** A share 0–1 as a percentage with at most `digits` decimals (default 0). */
  readonly percent: (value: number | null, digits?: number) => string;
}

// ECMA-402 2023 `signDisplay: "negative"`: -0 and values that round to zero print without a sign
const NO_NEGATIVE_ZERO = { signDisplay: "negative" } as unknown as Intl.NumberFormatOptions;

/**
 * A number formatter for an `Intl` locale (`en-GB`, `bg-BG`); `na` is the text shown for a
 * missing number. One `Intl.NumberFormat` is built per style and digits, on first use.
 */
export function createNumberFormatter(locale: string, na: string): NumberFormatter {
  const formats = new Map<string, Intl.NumberFormat>();
  const format = (digits: number, style: "decimal" | "percent" = "decimal"): Intl.NumberFormat => {
    const key = `${style}:${digits}`;
    let f = formats.get(key);
    if (f === undefined) {
      f = new Intl.NumberFormat(locale, {
        style,
        maximumFractionDigits: digits,
        ...NO_NEGATIVE_ZERO,
      });
      formats.set(key, f);
    }
    return f;
  };
  return {
    number: (value, digits = 2) => (value === null ? na : format(digits).format(value)),
    integer: (value) => format(0).format(value),
    percent: (value, digits = 0) => (value === null ? na : format(digits, "percent").format(value)),
  };
}
