import type { Duration } from "date-fns";
import type { PathSegment } from "../errors/AssessmentError.js";
import { checkWhole, describe, failAt, checkRecord, isRecord, isWhole } from "../_lib/assert.js";

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

/**
 * Reads the id of element `i` of a list at `list` (`items`, `steps`, `options.horizons`): a
 * non-empty string not seen before in the list, added to `seen`. `what` names the element.
 */
export function checkUniqueId(
  value: unknown,
  seen: Set<string>,
  list: readonly PathSegment[],
  i: number,
  what: string,
): string {
  const id = isId(value) ? value : checkId(value, [...list, i, "id"], `${what} id`);
  if (seen.has(id)) {
    failAt("duplicate_id", [...list, i, "id"], `${what} id must be unique, got "${id}" twice`);
  }
  seen.add(id);
  return id;
}

/**
 * Asserts that element `i` (with id `id`) of the list at `list` does not end before its start:
 * `end >= start` (strict `YYYY-MM-DD` dates, so string order is calendar order). `startName` says
 * which start (`start`, `earliest start`).
 */
export function checkEndNotBefore(
  start: string,
  end: string,
  list: readonly PathSegment[],
  i: number,
  what: string,
  id: string,
  startName = "start",
): void {
  if (end < start) {
    failAt(
      "end_before_start",
      [...list, i, "end"],
      `end of ${what} "${id}" must not be before its ${startName} ${start}, got ${end}`,
    );
  }
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

/** Whether a computed date falls within the years 0000–9999 the library computes with. */
export function inCalendar(date: string): boolean {
  // `fromDate` pads years to 4 digits: a year past 9999 is longer, a negative year sorts before 0000.
  return date.length === 10 && date <= LAST_DATE && date >= FIRST_DATE;
}

/** Fails with `out_of_range`: a computed date left the years 0000–9999. */
export function failOutOfCalendar(date: string, path: readonly PathSegment[], what: string): never {
  return failAt("out_of_range", path, `${what} must fall within the years 0000–9999, got ${date}`);
}
