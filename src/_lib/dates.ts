import type { Duration } from "date-fns";
import { AssessmentError, type PathSegment } from "../errors/AssessmentError.js";
import { describe, failAt } from "./assert.js";

/**
 * Calendar-date helpers. Dates travel as `YYYY-MM-DD` strings; arithmetic is on whole days, by
 * integers in the proleptic Gregorian calendar: no `Date` is made, so no host time zone (not even
 * one that skipped a calendar day, such as Pacific/Kiritimati on 1994-12-31 or Pacific/Apia on
 * 2011-12-30) can move a result. Month arithmetic follows date-fns' `addMonths` (the day of the
 * month is kept, clamped to the target month's last day: 31 August + 6 months = 28 February) and
 * durations follow date-fns' `add` (months first, then weeks × 7 + days); the tests sweep every
 * day from 1900 to 2100 against date-fns run in UTC.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `y` is a leap year of the proleptic Gregorian calendar. */
function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in month `m` (1–12) of year `y`. */
function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Whether `s` is a real calendar date in strict `YYYY-MM-DD` form. */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== "string") return false;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** Throws `invalid_date` with `path` unless `s` is a strict calendar date. */
function checkIsoDate(s: string, path: readonly PathSegment[]): void {
  if (!isIsoDate(s)) {
    throw new AssessmentError([
      {
        code: "invalid_date",
        path,
        message: `expected a calendar date YYYY-MM-DD, got ${JSON.stringify(s)}`,
      },
    ]);
  }
}

/**
 * Days from 1970-01-01 to a `YYYY-MM-DD` date, by integer arithmetic (H. Hinnant, "chrono-compatible
 * low-level date algorithms", days_from_civil).
 */
function civilToDays(y0: number, m: number, d: number): number {
  const y = y0 - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Days from 1970-01-01 to a strict `YYYY-MM-DD` date (negative before 1970). */
export function dayNumber(iso: string): number {
  return civilToDays(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/** Formats year, month and day as `YYYY-MM-DD` (a year past 9999 is longer; a negative one has a sign). */
function format(y: number, m: number, d: number): string {
  const year = y < 0 ? `-${String(-y).padStart(4, "0")}` : String(y).padStart(4, "0");
  return `${year}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
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
  return format(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

/** `y-m-d` plus `months` calendar months, the day clamped to the target month's length. */
function plusMonths(y: number, m: number, d: number, months: number): [number, number, number] {
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return [ny, nm, Math.min(d, daysInMonth(ny, nm))];
}

/** `date` plus `months` calendar months, with date-fns end-of-month clamping (31 Aug + 6 = 28 Feb). */
export function addMonthsIso(date: string, months: number): string {
  checkIsoDate(date, []);
  const [y, m, d] = plusMonths(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)),
    Number(date.slice(8, 10)),
    months,
  );
  return format(y, m, d);
}

/** `date` plus a duration of whole years, months, weeks and days (date-fns `add`: months first). */
export function addDurationIso(date: string, duration: Duration): string {
  checkIsoDate(date, []);
  let y = Number(date.slice(0, 4));
  let m = Number(date.slice(5, 7));
  let d = Number(date.slice(8, 10));
  const months = (duration.months ?? 0) + (duration.years ?? 0) * 12;
  if (months !== 0) [y, m, d] = plusMonths(y, m, d, months);
  const days = (duration.days ?? 0) + (duration.weeks ?? 0) * 7;
  return days === 0 ? format(y, m, d) : fromDayNumber(civilToDays(y, m, d) + days);
}

/** `date` plus `days` days (negative allowed). */
export function addDaysIso(date: string, days: number): string {
  checkIsoDate(date, []);
  return fromDayNumber(dayNumber(date) + days);
}

/** Calendar days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  checkIsoDate(a, []);
  checkIsoDate(b, []);
  return dayNumber(b) - dayNumber(a);
}

/** Compares two ISO dates (string order is calendar order for strict `YYYY-MM-DD`). */
export function compareIsoDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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

/** A duration in words: `6 months 1 day`. */
export function formatDuration(d: {
  readonly months?: number | undefined;
  readonly weeks?: number | undefined;
  readonly days?: number | undefined;
}): string {
  const parts: string[] = [];
  const say = (n: number | undefined, one: string): void => {
    if (n !== undefined) parts.push(`${n} ${one}${n === 1 ? "" : "s"}`);
  };
  say(d.months, "month");
  say(d.weeks, "week");
  say(d.days, "day");
  return parts.join(" ");
}
