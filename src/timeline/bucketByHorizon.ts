import type { PathSegment } from "../errors/AssessmentError.js";
import { describe, failAt, assertArrayAt, checkRecord, isRecord } from "../_lib/assert.js";
import {
  addDurationIso,
  addMonthsIso,
  checkDate,
  formatDuration,
  isIsoDate,
} from "../_lib/dates.js";
import { defaultHorizons, type Horizon } from "./defaultHorizons.js";
import { dateOption, nonEmptyListOption, optional, readOptions } from "../_lib/options.js";
import {
  checkDuration,
  checkEndNotBefore,
  checkUniqueId,
  failOutOfCalendar,
  inCalendar,
  isWholeDuration,
} from "./_shared.js";
import { checkWhole, isWhole } from "../_lib/assert.js";

/** A duration of whole months, weeks and days (the date-fns `Duration` subset the format allows). */
export interface WholeDuration {
  readonly months?: number | undefined;
  readonly weeks?: number | undefined;
  readonly days?: number | undefined;
}

/** Something to place on the timeline: an action, a solution, a step. */
export interface HorizonItem {
  /** Unique id among the items. */
  readonly id: string;
  /** Own start date; defaults to the plan start. */
  readonly start?: string | undefined;
  /** End date; when given it is the effective end (a duration is then ignored). */
  readonly end?: string | undefined;
  /** Whole months, weeks and days; the effective end is the start plus this (date-fns `add`). */
  readonly duration?: WholeDuration | undefined;
}

/** Options of {@link bucketByHorizon}. */
export interface BucketByHorizonOptions {
  /** The plan (or programme) start date `s`, `YYYY-MM-DD`: horizons are measured from it. */
  readonly start: string;
  /**
   * Horizons in increasing order of `months` (default {@link defaultHorizons}: quick win 6, long
   * term 15). Items ending after the last one are `beyondHorizon`.
   */
  readonly horizons?: readonly Horizon[] | undefined;
}

/**
 * The rule that placed an item: `after < effectiveEnd <= onOrBefore` (bounds that are `null` are
 * open), or no effective end at all for `unscheduled`.
 */
export interface HorizonRule {
  /** The horizon the rule assigns. */
  readonly horizon: string;
  /** The rule in words, with its dates. */
  readonly text: string;
  /** Exclusive lower bound (the previous horizon's limit), or `null`. */
  readonly after: string | null;
  /** Inclusive upper bound (start + `months`), or `null`. */
  readonly onOrBefore: string | null;
  /** The horizon's length in months, or `null` for `beyondHorizon` and `unscheduled`. */
  readonly months: number | null;
}

/** One item placed on a horizon; results come in the order of the input items. */
export interface BucketedItem {
  readonly id: string;
  /** A horizon id, `beyondHorizon`, or `unscheduled`. */
  readonly horizon: string;
  /** The horizon's label (`Beyond the horizon`, `Unscheduled` for the two fixed buckets). */
  readonly label: string;
  /** The item's own start, or the plan start. */
  readonly effectiveStart: string;
  /** The end date, or start + duration; `null` when the item has neither. */
  readonly effectiveEnd: string | null;
  /** Where the effective end came from. */
  readonly endSource: "end" | "duration" | null;
  /** Why this item landed where it did, in words. */
  readonly reason: string;
  /** The rule that placed it (shared by every item of the same horizon). */
  readonly rule: HorizonRule;
}

/** Reserved id of the bucket after the last horizon. */
const BEYOND = "beyondHorizon";
/** Reserved id of the bucket of items with neither end nor duration. */
const UNSCHEDULED = "unscheduled";

interface Placement {
  readonly horizon: string;
  readonly label: string;
  readonly reason: string;
  readonly rule: HorizonRule;
}

interface Limit {
  readonly horizon: Horizon;
  readonly date: string;
  readonly rule: HorizonRule;
}

const ITEMS: readonly PathSegment[] = ["items"];
const OPTIONS: readonly PathSegment[] = ["options"];
const HORIZONS: readonly PathSegment[] = ["options", "horizons"];
/** The options of {@link bucketByHorizon}. */
const BUCKET_OPTIONS = { start: dateOption, horizons: optional(nonEmptyListOption) };

/** Checks the horizons of a custom list; paths and messages are built only for what is wrong. */
function checkHorizons(list: readonly unknown[]): readonly Horizon[] {
  const seen = new Set<string>();
  let previous = -1;
  return list.map((raw, k) => {
    const h = isRecord(raw) ? raw : checkRecord(raw, ["options", "horizons", k], "horizon");
    const id = checkUniqueId(h["id"], seen, HORIZONS, k, "horizon");
    if (id === BEYOND || id === UNSCHEDULED) {
      failAt(
        "invalid_value",
        ["options", "horizons", k, "id"],
        `horizon id must not be the reserved id "${id}"`,
      );
    }
    const label = h["label"];
    if (typeof label !== "string" || label.length === 0) {
      failAt(
        "invalid_type",
        ["options", "horizons", k, "label"],
        `horizon label must be a non-empty string, got ${describe(label)}`,
      );
    }
    const rawMonths = h["months"];
    const months = isWhole(rawMonths, 0, 12_000)
      ? rawMonths + 0
      : checkWhole(rawMonths, ["options", "horizons", k, "months"], "horizon months", 0, 12_000);
    if (months <= previous) {
      failAt(
        "invalid_value",
        ["options", "horizons", k, "months"],
        `horizon months must be more than the previous horizon's ${previous} (horizons increase), got ${months}`,
      );
    }
    previous = months;
    return { id, label, months };
  });
}

/** An optional item date, checked without building a path unless it is wrong. */
function optionalDate(value: unknown, i: number, key: "start" | "end"): string | undefined {
  if (value === undefined || isIsoDate(value)) return value;
  return checkDate(value, ["items", i, key], key);
}

function result(
  id: string,
  p: Placement,
  effectiveStart: string,
  effectiveEnd: string,
  endSource: "end" | "duration",
): BucketedItem {
  return {
    id,
    horizon: p.horizon,
    label: p.label,
    effectiveStart,
    effectiveEnd,
    endSource,
    reason: p.reason,
    rule: p.rule,
  };
}

function limitsFor(start: string, horizons: readonly Horizon[], custom: boolean): Limit[] {
  let after: string | null = null;
  let afterMonths: number | null = null;
  return horizons.map((horizon, k) => {
    const date = addMonthsIso(start, horizon.months);
    if (!inCalendar(date)) {
      failOutOfCalendar(
        date,
        custom ? ["options", "horizons", k, "months"] : ["options", "start"],
        `start + ${horizon.months} months`,
      );
    }
    const upper = `start + ${horizon.months} months (${date})`;
    const text =
      after === null
        ? `effective end on or before ${upper}`
        : `effective end after start + ${afterMonths} months (${after}) and on or before ${upper}`;
    const rule: HorizonRule = Object.freeze({
      horizon: horizon.id,
      text,
      after,
      onOrBefore: date,
      months: horizon.months,
    });
    after = date;
    afterMonths = horizon.months;
    return { horizon, date, rule };
  });
}

/**
 * Places items on planning horizons: quick wins, long-term projects, beyond the horizon, or
 * unscheduled.
 *
 * Rule (fixed by the project's design, after the ICC's documented 6- and 15-month horizons): an
 * item without its own start starts at the plan start `s`; its effective end `e` is its `end`, or
 * its start plus its `duration` (date-fns `add`, whole months then weeks and days, with end-of-month
 * clamping: 31 August + 6 months = 28 February). With the default horizons, `e <= addMonths(s, 6)`
 * is a `quickWin`, `addMonths(s, 6) < e <= addMonths(s, 15)` is `longTerm`, a later `e` is
 * `beyondHorizon`, and an item with neither end nor duration is `unscheduled`. Every result carries
 * the {@link HorizonRule} that placed it and a reason. Calendar dates only: the answer is the same in
 * every time zone. See docs/methodology/timeline-actions.md, Horizons.
 *
 * @param items - the items, each `{ id, start?, end?, duration? }` with a unique id
 * @param options - `start` (the plan start) and optionally custom `horizons`
 * @returns one {@link BucketedItem} per item, in input order
 * @throws AssessmentError `invalid_type` (not an array or object, wrong field type), `invalid_id`
 *   (empty id), `duplicate_id` (an id twice, or a horizon id twice), `invalid_date` (not a calendar
 *   date), `end_before_start` (end before the item's start), `out_of_range` (a negative duration
 *   part, or a date past year 9999), `non_finite` / `invalid_value` (a duration part that is not a
 *   whole number, an empty duration, horizons not increasing, a reserved horizon id), `unknown_key`
 *   (a duration part other than months, weeks, days), `empty` (no horizons)
 * @example
 * ```ts
 * import { bucketByHorizon } from "icc-assessment/timeline";
 * const placed = bucketByHorizon(
 *   [
 *     { id: "info-points", end: "2021-07-31" },
 *     { id: "platform", start: "2021-03-01", duration: { months: 13 } },
 *     { id: "e-services", end: "2022-09-30" },
 *     { id: "chatbot" },
 *   ],
 *   { start: "2021-02-08" },
 * );
 * placed.map((b) => b.horizon); // => ["quickWin", "longTerm", "beyondHorizon", "unscheduled"]
 * placed[1].effectiveEnd; // => "2022-04-01"
 * placed[0].rule.text; // => "effective end on or before start + 6 months (2021-08-08)"
 * ```
 */
export function bucketByHorizon(
  items: readonly HorizonItem[],
  options: BucketByHorizonOptions,
): BucketedItem[] {
  assertArrayAt(items, ITEMS, "items");
  const opts = readOptions(options, OPTIONS, "options", BUCKET_OPTIONS);
  const start = opts.start;
  const horizons = opts.horizons === undefined ? defaultHorizons : checkHorizons(opts.horizons);
  const limits = limitsFor(start, horizons, opts.horizons !== undefined);
  const last = limits[limits.length - 1] as Limit;
  const beyondRule: HorizonRule = Object.freeze({
    horizon: BEYOND,
    text: `effective end after start + ${last.horizon.months} months (${last.date})`,
    after: last.date,
    onOrBefore: null,
    months: null,
  });
  const unscheduledRule: HorizonRule = Object.freeze({
    horizon: UNSCHEDULED,
    text: "no end date and no duration",
    after: null,
    onOrBefore: null,
    months: null,
  });

  /** Where an end lands, with its reason; `endText` says how the end was found. */
  const place = (effectiveEnd: string, endText: string): Placement => {
    for (const limit of limits) {
      if (effectiveEnd <= limit.date) {
        return {
          horizon: limit.horizon.id,
          label: limit.horizon.label,
          reason: `${endText}, on or before ${limit.date} (plan start ${start} + ${limit.horizon.months} months): ${limit.horizon.label}`,
          rule: limit.rule,
        };
      }
    }
    return {
      horizon: BEYOND,
      label: "Beyond the horizon",
      reason: `${endText}, after ${last.date} (plan start ${start} + ${last.horizon.months} months): beyond the horizon`,
      rule: beyondRule,
    };
  };

  const seen = new Set<string>();
  // Items usually share a start, a handful of durations and of end dates: place each once.
  const byEnd = new Map<string, Placement>();
  const byDuration = new Map<string, { readonly end: string; readonly placement: Placement }>();
  return items.map((raw, i): BucketedItem => {
    // Fast paths first: paths and messages are only built when something is wrong.
    const item = isRecord(raw) ? raw : checkRecord(raw, ["items", i], "item");
    const id = checkUniqueId(item["id"], seen, ITEMS, i, "item");
    const ownStart = optionalDate(item["start"], i, "start");
    const end = optionalDate(item["end"], i, "end");
    const rawDuration = item["duration"];
    const duration =
      rawDuration === undefined || isWholeDuration(rawDuration)
        ? rawDuration
        : checkDuration(rawDuration, ["items", i, "duration"]);
    const effectiveStart = ownStart ?? start;

    if (end !== undefined) {
      checkEndNotBefore(effectiveStart, end, ITEMS, i, "item", id);
      let placement = byEnd.get(end);
      if (placement === undefined) {
        placement = place(end, `end ${end}`);
        byEnd.set(end, placement);
      }
      return result(id, placement, effectiveStart, end, "end");
    }
    if (duration !== undefined) {
      const key = `${ownStart ?? ""}|${duration.months ?? ""}|${duration.weeks ?? ""}|${duration.days ?? ""}`;
      let computed = byDuration.get(key);
      if (computed === undefined) {
        const computedEnd = addDurationIso(effectiveStart, duration);
        if (!inCalendar(computedEnd)) {
          failOutOfCalendar(computedEnd, ["items", i, "duration"], "start + duration");
        }
        const from = ownStart === undefined ? `plan start ${start}` : `start ${ownStart}`;
        computed = {
          end: computedEnd,
          placement: place(computedEnd, `${from} + ${formatDuration(duration)} = ${computedEnd}`),
        };
        byDuration.set(key, computed);
      }
      return result(id, computed.placement, effectiveStart, computed.end, "duration");
    }
    return {
      id,
      horizon: UNSCHEDULED,
      label: "Unscheduled",
      effectiveStart,
      effectiveEnd: null,
      endSource: null,
      reason: "unscheduled: the item has no end date and no duration",
      rule: unscheduledRule,
    };
  });
}
