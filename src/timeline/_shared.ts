import type { Duration } from "date-fns";
import type { PathSegment } from "../errors/AssessmentError.js";
import { describe, failAt, checkRecord, isRecord } from "../_lib/assert.js";
import { isIsoDate } from "../_lib/dates.js";

/** Largest part of a duration accepted (the exchange format's limit). */
const MAX_PART = 100_000;

/** The last calendar date the library computes with; later dates would break `YYYY-MM-DD` order. */
export const LAST_DATE = "9999-12-31";

/** The first calendar date the library computes with. */
const FIRST_DATE = "0000-01-01";

/** Asserts a non-empty string id. */
export function checkId(value: unknown, path: readonly PathSegment[], name: string): string {
  if (typeof value !== "string") {
    failAt("invalid_type", path, `${name} must be a string id, got ${describe(value)}`);
  }
  if (value.length === 0) failAt("invalid_id", path, `${name} must be a non-empty id, got ""`);
  return value;
}

/** Asserts a strict `YYYY-MM-DD` calendar date. */
export function checkDate(value: unknown, path: readonly PathSegment[], name: string): string {
  if (typeof value !== "string") {
    failAt(
      "invalid_type",
      path,
      `${name} must be a date string YYYY-MM-DD, got ${describe(value)}`,
    );
  }
  if (!isIsoDate(value)) {
    failAt(
      "invalid_date",
      path,
      `${name} must be a calendar date YYYY-MM-DD, got ${describe(value)}`,
    );
  }
  return value;
}

/** Asserts an optional date: `undefined` or a strict calendar date. */
export function checkOptionalDate(
  value: unknown,
  path: readonly PathSegment[],
  name: string,
): string | undefined {
  return value === undefined ? undefined : checkDate(value, path, name);
}

/** Asserts a whole number in `[min, max]`. */
export function checkWhole(
  value: unknown,
  path: readonly PathSegment[],
  name: string,
  min: number,
  max: number,
): number {
  if (typeof value !== "number") {
    failAt("invalid_type", path, `${name} must be a whole number, got ${describe(value)}`);
  }
  if (!Number.isFinite(value)) {
    failAt("non_finite", path, `${name} must be a finite whole number, got ${describe(value)}`);
  }
  if (!Number.isInteger(value)) {
    failAt("invalid_value", path, `${name} must be a whole number, got ${describe(value)}`);
  }
  if (value < min || value > max) {
    failAt(
      "out_of_range",
      path,
      `${name} must be between ${min} and ${max}, got ${describe(value)}`,
    );
  }
  return Object.is(value, -0) ? 0 : value;
}

/**
 * Asserts a duration of whole, non-negative months, weeks and days with at least one part, and no
 * other keys (years, hours… are not part of the format).
 */
export function checkDuration(value: unknown, path: readonly PathSegment[]): Duration {
  const d = isRecord(value) ? value : checkRecord(value, path, "duration");
  let parts = 0;
  for (const key in d) {
    if (key !== "months" && key !== "weeks" && key !== "days") {
      failAt(
        "unknown_key",
        [...path, key],
        `duration may only have months, weeks and days, got ${JSON.stringify(key)}`,
      );
    }
    const part = d[key];
    if (part === undefined) continue;
    parts++;
    if (Number.isInteger(part) && (part as number) >= 0 && (part as number) <= MAX_PART) continue;
    if (typeof part === "number" && part < 0) {
      failAt(
        "out_of_range",
        [...path, key],
        `duration.${key} must not be negative, got ${describe(part)}`,
      );
    }
    checkWhole(part, [...path, key], `duration.${key}`, 0, MAX_PART);
  }
  if (parts === 0) {
    failAt("invalid_value", path, "duration needs at least one of months, weeks, days, got none");
  }
  const out: { months?: number; weeks?: number; days?: number } = {};
  // -0 is a whole number too: normalise it
  if (d["months"] !== undefined) out.months = (d["months"] as number) + 0;
  if (d["weeks"] !== undefined) out.weeks = (d["weeks"] as number) + 0;
  if (d["days"] !== undefined) out.days = (d["days"] as number) + 0;
  return out;
}

/** A duration in words: `6 months 1 day`. */
export function formatDuration(d: Duration): string {
  const parts: string[] = [];
  const say = (n: number | undefined, one: string): void => {
    if (n !== undefined) parts.push(`${n} ${one}${n === 1 ? "" : "s"}`);
  };
  say(d.months, "month");
  say(d.weeks, "week");
  say(d.days, "day");
  return parts.join(" ");
}

/** Fails with `out_of_range` when a computed date leaves the years 0000–9999. */
export function checkComputedDate(
  date: string,
  path: readonly PathSegment[],
  what: string,
): string {
  // `fromDate` pads years to 4 digits: a year past 9999 is longer, a negative year sorts before 0000.
  if (date.length !== 10 || date > LAST_DATE || date < FIRST_DATE) {
    failAt("out_of_range", path, `${what} must fall within the years 0000–9999, got ${date}`);
  }
  return date;
}

/**
 * Days from 1970-01-01 to a strict `YYYY-MM-DD` date in the proleptic Gregorian calendar, by integer
 * arithmetic (H. Hinnant, "chrono-compatible low-level date algorithms", days_from_civil): no `Date`,
 * so no time zone can shift it. Checked against date-fns' `differenceInCalendarDays` in the tests.
 */
export function dayNumber(iso: string): number {
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const y = Number(iso.slice(0, 4)) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The date `n` days after 1970-01-01 (civil_from_days, the inverse of {@link dayNumber}). */
export function fromDayNumber(n: number): string {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const year = y < 0 ? `-${String(-y).padStart(4, "0")}` : String(y).padStart(4, "0");
  return `${year}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
