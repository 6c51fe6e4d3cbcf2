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

/** Whether a value is a non-empty string id (the fast check; {@link checkId} says what is wrong). */
export function isId(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}

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

/** Whether a value is a whole number in `[min, max]` (the fast check of {@link checkWhole}). */
export function isWhole(value: unknown, min: number, max: number): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
}

/** Asserts a whole number in `[min, max]`; returns it with −0 as 0. */
export function checkWhole(
  value: unknown,
  path: readonly PathSegment[],
  name: string,
  min: number,
  max: number,
): number {
  if (isWhole(value, min, max)) return value + 0;
  if (typeof value !== "number") {
    failAt("invalid_type", path, `${name} must be a whole number, got ${describe(value)}`);
  }
  if (!Number.isFinite(value)) {
    failAt("non_finite", path, `${name} must be a finite whole number, got ${describe(value)}`);
  }
  if (!Number.isInteger(value)) {
    failAt("invalid_value", path, `${name} must be a whole number, got ${describe(value)}`);
  }
  return failAt(
    "out_of_range",
    path,
    `${name} must be between ${min} and ${max}, got ${describe(value)}`,
  );
}

/**
 * Whether a value is a duration of whole, non-negative months, weeks and days (at most
 * 100,000 each) with at least one part and no other keys: the fast check, without a path;
 * {@link checkDuration} says what is wrong.
 */
export function isWholeDuration(value: unknown): value is Duration {
  if (!isRecord(value)) return false;
  let parts = 0;
  for (const key in value) {
    if (key !== "months" && key !== "weeks" && key !== "days") return false;
    const part = value[key];
    if (part === undefined) continue;
    if (!isWhole(part, 0, MAX_PART)) return false;
    parts++;
  }
  return parts > 0;
}

/**
 * Throws the first problem of a value that is not a duration of whole, non-negative months, weeks
 * and days with at least one part and no other keys (years, hours… are not part of the format).
 */
export function checkDuration(value: unknown, path: readonly PathSegment[]): never {
  const d = checkRecord(value, path, "duration");
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
    if (typeof part === "number" && part < 0) {
      failAt(
        "out_of_range",
        [...path, key],
        `duration.${key} must not be negative, got ${describe(part)}`,
      );
    }
    checkWhole(part, [...path, key], `duration.${key}`, 0, MAX_PART);
  }
  return failAt(
    "invalid_value",
    path,
    "duration needs at least one of months, weeks, days, got none",
  );
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

/** Whether a computed date falls within the years 0000–9999 the library computes with. */
export function inCalendar(date: string): boolean {
  // `fromDate` pads years to 4 digits: a year past 9999 is longer, a negative year sorts before 0000.
  return date.length === 10 && date <= LAST_DATE && date >= FIRST_DATE;
}

/** Fails with `out_of_range`: a computed date left the years 0000–9999. */
export function failOutOfCalendar(date: string, path: readonly PathSegment[], what: string): never {
  return failAt("out_of_range", path, `${what} must fall within the years 0000–9999, got ${date}`);
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
