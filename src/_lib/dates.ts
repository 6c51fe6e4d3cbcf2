// one module per function: the date-fns root re-exports ~250 modules, all loaded by node at import
import { add } from "date-fns/add";
import { addMonths } from "date-fns/addMonths";
import { differenceInCalendarDays } from "date-fns/differenceInCalendarDays";
import type { Duration } from "date-fns";
import { AssessmentError, type PathSegment } from "../errors/AssessmentError.js";

/**
 * Calendar-date helpers. Dates travel as `YYYY-MM-DD` strings; arithmetic goes through date-fns on a
 * `Date` at local noon, so no daylight-saving jump (which happens around midnight) can move the
 * calendar day, and every time zone gives the same answer.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

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

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Parses a strict date, throwing `invalid_date` with `path` when it is not one. */
export function toDate(s: string, path: readonly PathSegment[] = []): Date {
  if (!isIsoDate(s)) {
    throw new AssessmentError([
      {
        code: "invalid_date",
        path,
        message: `expected a calendar date YYYY-MM-DD, got ${JSON.stringify(s)}`,
      },
    ]);
  }
  const [y, m, d] = s.split("-").map(Number) as [number, number, number];
  const date = new Date(2000, 0, 1, 12, 0, 0, 0);
  date.setFullYear(y, m - 1, d);
  return date;
}

/** Formats a local-noon `Date` back to `YYYY-MM-DD`. */
export function fromDate(date: Date): string {
  const y = date.getFullYear();
  const m = date.getMonth() + 1;
  const d = date.getDate();
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** `date` plus `months` calendar months, with date-fns end-of-month clamping (31 Aug + 6 = 28 Feb). */
export function addMonthsIso(date: string, months: number): string {
  return fromDate(addMonths(toDate(date), months));
}

/** `date` plus a duration of whole months, weeks and days (date-fns `add`). */
export function addDurationIso(date: string, duration: Duration): string {
  return fromDate(add(toDate(date), duration));
}

/** `date` plus `days` days (negative allowed). */
export function addDaysIso(date: string, days: number): string {
  return fromDate(add(toDate(date), { days }));
}

/** Calendar days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  return differenceInCalendarDays(toDate(b), toDate(a));
}

/** Compares two ISO dates (string order is calendar order for strict `YYYY-MM-DD`). */
export function compareIsoDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
