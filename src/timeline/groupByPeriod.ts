import type { PathSegment } from "../errors/AssessmentError.js";
import { assertArrayAt, checkRecord, isRecord } from "../_lib/assert.js";
import { isIsoDate } from "../_lib/dates.js";
import { compareIds } from "../_lib/sort.js";
import { nullish, oneOfOption, readOptions } from "../_lib/options.js";
import { checkEndNotBefore, checkUniqueId } from "./_shared.js";
import { checkDate } from "../_lib/dates.js";

/** Calendar periods a timeline can be viewed by. */
export const periodKinds = ["month", "quarter", "year"] as const;
/** A calendar period kind. */
export type PeriodKind = (typeof periodKinds)[number];

/** Something that occupies the calendar from `start` until it is complete on `end`. */
export interface PeriodItem {
  readonly id: string;
  readonly start: string;
  readonly end: string;
}

/** Options of {@link groupByPeriod}. */
export interface GroupByPeriodOptions {
  /** `month` (default), `quarter` or `year`. */
  readonly period?: PeriodKind | undefined;
}

/** One calendar period and the items in it (each list sorted by id). */
export interface PeriodGroup {
  /** `2021-03` (month), `2021-Q1` (quarter) or `2021` (year). */
  readonly period: string;
  /** First day of the period. */
  readonly start: string;
  /** Last day of the period. */
  readonly end: string;
  /** Items under way during the period: `start <= last day` and `end > first day`. */
  readonly active: readonly string[];
  /** Items starting in the period. */
  readonly starting: readonly string[];
  /** Items whose end date falls in the period. */
  readonly ending: readonly string[];
}

const MONTHS_PER: Readonly<Record<PeriodKind, number>> = { month: 1, quarter: 3, year: 12 };

const ITEMS: readonly PathSegment[] = ["items"];
const OPTIONS: readonly PathSegment[] = ["options"];
/** The options of {@link groupByPeriod} (`period: null` is the default, as `undefined`). */
const GROUP_OPTIONS = { period: nullish(oneOfOption(periodKinds), "month") };

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function lastDay(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Index of the period containing a date: months since year 0 divided by the period length. */
function periodIndex(date: string, months: number): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return Math.floor((y * 12 + m - 1) / months);
}

function describePeriod(index: number, kind: PeriodKind): PeriodGroup {
  const months = MONTHS_PER[kind];
  const first = index * months;
  const year = Math.floor(first / 12);
  const month = (first % 12) + 1;
  const lastMonth = month + months - 1;
  const period =
    kind === "month"
      ? `${pad(year, 4)}-${pad(month, 2)}`
      : kind === "quarter"
        ? `${pad(year, 4)}-Q${(month + 2) / 3}`
        : pad(year, 4);
  return {
    period,
    start: `${pad(year, 4)}-${pad(month, 2)}-01`,
    end: `${pad(year, 4)}-${pad(lastMonth, 2)}-${pad(lastDay(year, lastMonth), 2)}`,
    active: [],
    starting: [],
    ending: [],
  };
}

/**
 * Groups dated items by calendar month, quarter or year: which items are under way, start, and end
 * in each period, for per-month and per-quarter views of a schedule or an action plan.
 *
 * Rule (designed by this project, see docs/methodology/timeline-actions.md, Schedules): an item
 * occupies the half-open interval `[start, end)`, because `end` is the date it is complete (start +
 * duration, as in the horizons); it is active in a period when `start <= last day` and
 * `end > first day`, and an item with `start === end` is active in the period of that date. Periods
 * run without gaps from the period of the earliest start to the period of the latest end. Pure
 * calendar arithmetic, the same in every time zone.
 *
 * @param items - dated items `{ id, start, end }`, ids unique
 * @param options - `period`: `month` (default), `quarter` or `year`
 * @returns the periods in calendar order; an empty list for no items
 * @throws AssessmentError `invalid_type`, `invalid_id`, `duplicate_id`, `invalid_date`,
 *   `end_before_start` (an end before its start), `invalid_value` (an unknown period kind)
 * @example
 * ```ts
 * import { groupByPeriod } from "icc-assessment/timeline";
 * const quarters = groupByPeriod(
 *   [
 *     { id: "pilot", start: "2021-03-01", end: "2021-08-01" },
 *     { id: "portal", start: "2021-05-01", end: "2021-10-01" },
 *   ],
 *   { period: "quarter" },
 * );
 * quarters.map((q) => `${q.period}:${q.active.join("+")}`); // => ["2021-Q1:pilot", "2021-Q2:pilot+portal", "2021-Q3:pilot+portal", "2021-Q4:"]
 * quarters[3].ending; // => ["portal"]
 * ```
 */
export function groupByPeriod(
  items: readonly PeriodItem[],
  options: GroupByPeriodOptions = {},
): PeriodGroup[] {
  assertArrayAt(items, ITEMS, "items");
  const kind = readOptions(options, OPTIONS, "options", GROUP_OPTIONS).period;
  const months = MONTHS_PER[kind];
  const seen = new Set<string>();
  const parsed = items.map((raw, i) => {
    // paths and messages are built only for what is wrong
    const item = isRecord(raw) ? raw : checkRecord(raw, ["items", i], "item");
    const id = checkUniqueId(item["id"], seen, ITEMS, i, "item");
    const rawStart = item["start"];
    const rawEnd = item["end"];
    const start = isIsoDate(rawStart)
      ? rawStart
      : checkDate(rawStart, ["items", i, "start"], "start");
    const end = isIsoDate(rawEnd) ? rawEnd : checkDate(rawEnd, ["items", i, "end"], "end");
    checkEndNotBefore(start, end, ITEMS, i, "item", id);
    const first = periodIndex(start, months);
    const endIndex = periodIndex(end, months);
    // The last active period is the one holding the day before `end` (end is exclusive), unless the
    // item has no length.
    const endsOnPeriodStart = end.slice(8) === "01" && (Number(end.slice(5, 7)) - 1) % months === 0;
    const lastActive = end > start && endsOnPeriodStart ? endIndex - 1 : endIndex;
    return { id, first, lastActive, endIndex };
  });
  if (parsed.length === 0) return [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const it of parsed) {
    lo = Math.min(lo, it.first);
    hi = Math.max(hi, it.endIndex);
  }
  const groups: PeriodGroup[] = [];
  const active: string[][] = [];
  const starting: string[][] = [];
  const ending: string[][] = [];
  for (let x = lo; x <= hi; x++) {
    groups.push(describePeriod(x, kind));
    active.push([]);
    starting.push([]);
    ending.push([]);
  }
  for (const it of parsed) {
    (starting[it.first - lo] as string[]).push(it.id);
    (ending[it.endIndex - lo] as string[]).push(it.id);
    for (let x = it.first; x <= it.lastActive; x++) (active[x - lo] as string[]).push(it.id);
  }
  return groups.map((g, x) => ({
    ...g,
    active: (active[x] as string[]).sort(compareIds),
    starting: (starting[x] as string[]).sort(compareIds),
    ending: (ending[x] as string[]).sort(compareIds),
  }));
}
