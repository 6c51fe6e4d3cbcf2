import type { Duration } from "date-fns";
import type { WholeDuration } from "./bucketByHorizon.js";

import type { PathSegment } from "../errors/AssessmentError.js";
import { failAt, assertArrayAt, checkRecord, isRecord } from "../_lib/assert.js";
import { addDurationIso, dayNumber, fromDayNumber, isIsoDate } from "../_lib/dates.js";
import { compareIds } from "../_lib/sort.js";
import { dateOption, listOption, optional, readOptions } from "../_lib/options.js";
import {
  checkDuration,
  checkEndNotBefore,
  checkId,
  checkUniqueId,
  failOutOfCalendar,
  inCalendar,
  isId,
  isWholeDuration,
  LAST_DATE,
} from "./_shared.js";
import { checkDate } from "../_lib/dates.js";
import { checkWhole, isWhole } from "../_lib/assert.js";

/** A finish-to-start dependency: this step starts `lagDays` after `step` finishes. */
export interface StepDependency {
  /** Id of the predecessor step. */
  readonly step: string;
  /** Days between the predecessor's finish and this step's start (may be negative); default 0. */
  readonly lagDays?: number | undefined;
}

/** A step to schedule (the shape of the format's `Step`). */
export interface ScheduleStepInput {
  readonly id: string;
  readonly title?: string | undefined;
  /** Start no earlier than this date. */
  readonly start?: string | undefined;
  /** With `start`: the step lasts `end − start` days; without: the step must finish on this date. */
  readonly end?: string | undefined;
  /** Whole months, weeks and days (used when there is no `end`). */
  readonly duration?: WholeDuration | undefined;
  readonly dependsOn?: readonly StepDependency[] | undefined;
  readonly owner?: string | undefined;
}

/** A milestone to place: on its own date, or when a step finishes. */
export interface ScheduleMilestoneInput {
  readonly id: string;
  readonly title?: string | undefined;
  readonly date?: string | undefined;
  /** Id of the step whose finish reaches the milestone. */
  readonly afterStep?: string | undefined;
}

/** Options of {@link scheduleSteps}. */
export interface ScheduleStepsOptions {
  /** The date steps without their own start and without predecessors start on, `YYYY-MM-DD`. */
  readonly start: string;
  /** Milestones to date from the schedule. */
  readonly milestones?: readonly ScheduleMilestoneInput[] | undefined;
}

/** One scheduled step (calendar dates; `finish` is the date the step is complete). */
export interface ScheduledStep {
  readonly id: string;
  readonly title: string | null;
  readonly owner: string | null;
  /** Position in the topological order (0-based). */
  readonly order: number;
  /** Earliest start. */
  readonly start: string;
  /** Earliest finish: the date the step is complete, where a successor with no lag may start. */
  readonly finish: string;
  /** `finish − start` in calendar days. */
  readonly days: number;
  /** How the length was set: from `end` given alone (a deadline), `start` and `end`, or `duration`. */
  readonly lengthSource: "end" | "startEnd" | "duration";
  /** The step's own start, or `null`. */
  readonly plannedStart: string | null;
  /** Days the dependencies pushed the start past its own start (0 when not pushed or none). */
  readonly slipDays: number;
  /** The predecessor whose finish (plus lag) set the start, or `null` when none did. */
  readonly drivenBy: string | null;
  /** Latest start that does not delay the plan's finish (each step keeps its length in days). */
  readonly latestStart: string;
  /** Latest finish that does not delay the plan's finish. */
  readonly latestFinish: string;
  /** `latestStart − start` in days. */
  readonly totalFloatDays: number;
  /** Whether the step has no float (`totalFloatDays === 0`). */
  readonly critical: boolean;
}

/** A milestone placed on the calendar. */
export interface ScheduledMilestone {
  readonly id: string;
  readonly title: string | null;
  /** Its own date, else the finish of `afterStep`; `null` when it has neither. */
  readonly date: string | null;
  readonly source: "date" | "afterStep" | null;
  readonly afterStep: string | null;
  readonly reason: string;
}

/** The result of {@link scheduleSteps}. */
export interface ScheduleStepsResult {
  /** `"criticalPathMethod"`: forward and backward pass over finish-to-start dependencies. */
  readonly method: "criticalPathMethod";
  /** The `start` option, echoed. */
  readonly start: string;
  /** Step ids in topological order (Kahn's algorithm, ready steps taken by id). */
  readonly order: readonly string[];
  /** The steps, in input order. */
  readonly steps: readonly ScheduledStep[];
  /** The chain of driving steps that ends with the latest finish (ties: smallest id), first to last. */
  readonly criticalPath: readonly string[];
  /** From the earliest start to the latest finish. */
  readonly span: { readonly start: string; readonly finish: string; readonly days: number };
  /** The milestones, in input order. */
  readonly milestones: readonly ScheduledMilestone[];
}

interface Parsed {
  readonly id: string;
  readonly title: string | null;
  readonly owner: string | null;
  readonly start: string | undefined;
  readonly end: string | undefined;
  readonly duration: Duration | undefined;
  readonly deps: readonly { readonly pred: number; readonly lag: number; readonly j: number }[];
}

/** A binary min-heap of step indices ordered by step id. */
function createHeap(ids: readonly string[]): {
  push: (i: number) => void;
  pop: () => number | undefined;
} {
  const h: number[] = [];
  const less = (a: number, b: number): boolean =>
    compareIds(ids[h[a] as number] as string, ids[h[b] as number] as string) < 0;
  const swap = (a: number, b: number): void => {
    const t = h[a] as number;
    h[a] = h[b] as number;
    h[b] = t;
  };
  return {
    push(i) {
      h.push(i);
      let c = h.length - 1;
      while (c > 0) {
        const parent = (c - 1) >> 1;
        if (!less(c, parent)) break;
        swap(c, parent);
        c = parent;
      }
    },
    pop() {
      if (h.length === 0) return undefined;
      const top = h[0];
      const tail = h.pop() as number;
      if (h.length > 0) {
        h[0] = tail;
        let c = 0;
        for (;;) {
          const l = 2 * c + 1;
          const r = l + 1;
          let m = c;
          if (l < h.length && less(l, m)) m = l;
          if (r < h.length && less(r, m)) m = r;
          if (m === c) break;
          swap(c, m);
          c = m;
        }
      }
      return top;
    },
  };
}

/** Largest lag accepted, in days (100 years). */
const MAX_LAG = 36_500;
const NO_DEPS: Parsed["deps"] = [];
const STEPS: readonly PathSegment[] = ["steps"];
const OPTIONS: readonly PathSegment[] = ["options"];
/** The options of {@link scheduleSteps}. */
const SCHEDULE_OPTIONS = { start: dateOption, milestones: optional(listOption) };

/** An optional date of step `i`, checked without building a path unless it is wrong. */
function optionalDate(value: unknown, i: number, key: "start" | "end"): string | undefined {
  if (value === undefined || isIsoDate(value)) return value;
  return checkDate(value, ["steps", i, key], key);
}

/** Reads the steps; paths and messages are built only for what is wrong. */
function parseSteps(steps: readonly unknown[]): Parsed[] {
  const index = new Map<string, number>();
  const seen = new Set<string>();
  const records = steps.map((raw, i) => {
    const s = isRecord(raw) ? raw : checkRecord(raw, ["steps", i], "step");
    index.set(checkUniqueId(s["id"], seen, STEPS, i, "step"), i);
    return s;
  });
  return records.map((s, i): Parsed => {
    const id = s["id"] as string;
    const title = s["title"];
    const owner = s["owner"];
    const start = optionalDate(s["start"], i, "start");
    const end = optionalDate(s["end"], i, "end");
    if (start !== undefined && end !== undefined)
      checkEndNotBefore(start, end, STEPS, i, "step", id);
    const rawDuration = s["duration"];
    const duration =
      rawDuration === undefined || isWholeDuration(rawDuration)
        ? rawDuration
        : checkDuration(rawDuration, ["steps", i, "duration"]);
    if (end === undefined && duration === undefined) {
      failAt(
        "missing_field",
        ["steps", i, "duration"],
        `step "${id}" needs a duration or an end date, got neither`,
      );
    }
    const rawDeps = s["dependsOn"];
    let deps = NO_DEPS;
    if (rawDeps !== undefined) {
      if (!Array.isArray(rawDeps)) assertArrayAt(rawDeps, ["steps", i, "dependsOn"], "dependsOn");
      deps = (rawDeps as readonly unknown[]).map((rd, j) => {
        const d = isRecord(rd) ? rd : checkRecord(rd, ["steps", i, "dependsOn", j], "dependency");
        const rawRef = d["step"];
        const ref = isId(rawRef)
          ? rawRef
          : checkId(rawRef, ["steps", i, "dependsOn", j, "step"], "dependency step");
        const pred = index.get(ref);
        if (pred === undefined) {
          failAt(
            "unknown_reference",
            ["steps", i, "dependsOn", j, "step"],
            `step "${id}" depends on unknown step "${ref}"`,
          );
        }
        const rawLag = d["lagDays"];
        const lag =
          rawLag === undefined
            ? 0
            : isWhole(rawLag, -MAX_LAG, MAX_LAG)
              ? rawLag + 0
              : checkWhole(
                  rawLag,
                  ["steps", i, "dependsOn", j, "lagDays"],
                  "lagDays",
                  -MAX_LAG,
                  MAX_LAG,
                );
        return { pred, lag, j };
      });
    }
    return {
      id,
      title: typeof title === "string" ? title : null,
      owner: typeof owner === "string" ? owner : null,
      start,
      end,
      duration,
      deps,
    };
  });
}

/** Names the steps of one cycle among the steps Kahn's algorithm could not order. */
function reportCycle(parsed: readonly Parsed[], remaining: ReadonlySet<number>): never {
  // Every remaining step has a remaining predecessor: walk predecessors (smallest id first) until a
  // step repeats; the walk from that step back to itself is a cycle.
  const start = [...remaining].sort((a, b) =>
    compareIds((parsed[a] as Parsed).id, (parsed[b] as Parsed).id),
  )[0] as number;
  const visitedAt = new Map<number, number>();
  const walk: number[] = [];
  let v = start;
  while (!visitedAt.has(v)) {
    visitedAt.set(v, walk.length);
    walk.push(v);
    const preds = (parsed[v] as Parsed).deps
      .map((d) => d.pred)
      .filter((u) => remaining.has(u))
      .sort((a, b) => compareIds((parsed[a] as Parsed).id, (parsed[b] as Parsed).id));
    v = preds[0] as number;
  }
  // walk[k..] follows predecessors: reverse it to read in dependency order.
  const cycle = walk.slice(visitedAt.get(v)).reverse();
  // Rotate so that the smallest id comes first.
  let first = 0;
  cycle.forEach((s, k) => {
    if (compareIds((parsed[s] as Parsed).id, (parsed[cycle[first] as number] as Parsed).id) < 0)
      first = k;
  });
  const ordered = [...cycle.slice(first), ...cycle.slice(0, first)];
  const head = ordered[0] as number;
  const prev = ordered[ordered.length - 1] as number;
  const dep = (parsed[head] as Parsed).deps.find((d) => d.pred === prev) as Parsed["deps"][number];
  const names = [...ordered, head].map((s) => (parsed[s] as Parsed).id).join(" → ");
  failAt(
    "cycle",
    ["steps", head, "dependsOn", dep.j, "step"],
    `steps must not depend on each other in a cycle, got ${names}`,
  );
}

/** Kahn's algorithm with a min-heap on ids: the steps in dependency order, ready steps by id. */
function topologicalOrder(parsed: readonly Parsed[], ids: readonly string[]): number[] {
  const n = parsed.length;
  const successors: number[][] = Array.from({ length: n }, () => []);
  const indegree = new Array<number>(n).fill(0);
  parsed.forEach((s, i) =>
    s.deps.forEach((d) => {
      (successors[d.pred] as number[]).push(i);
      indegree[i] = (indegree[i] as number) + 1;
    }),
  );
  const heap = createHeap(ids);
  indegree.forEach((deg, i) => {
    if (deg === 0) heap.push(i);
  });
  const order: number[] = [];
  for (let v = heap.pop(); v !== undefined; v = heap.pop()) {
    order.push(v);
    for (const w of successors[v] as number[]) {
      indegree[w] = (indegree[w] as number) - 1;
      if (indegree[w] === 0) heap.push(w);
    }
  }
  if (order.length < n) {
    const remaining = new Set<number>();
    indegree.forEach((deg, i) => {
      if (deg > 0) remaining.add(i);
    });
    reportCycle(parsed, remaining);
  }

  return order;
}

/** The earliest dates of each step (day numbers), the predecessor that drives it, and more. */
interface ForwardPass {
  readonly es: number[];
  readonly ef: number[];
  readonly driver: (number | null)[];
  readonly lengthSource: ScheduledStep["lengthSource"][];
  readonly slip: number[];
}

/**
 * The forward pass on day numbers (integers): months go through date-fns, days are plain sums.
 * Each step starts on the latest of its own start (or the plan start) and its predecessors'
 * finishes plus lags, and finishes by its duration, its length or its end.
 */
function forwardPass(
  parsed: readonly Parsed[],
  ids: readonly string[],
  order: readonly number[],
  planStart: string,
): ForwardPass {
  const n = parsed.length;
  const MIN_DAY = dayNumber("0000-01-01");
  const MAX_DAY = dayNumber(LAST_DATE);
  const es = new Array<number>(n);
  const ef = new Array<number>(n);
  const driver = new Array<number | null>(n).fill(null);
  const lengthSource = new Array<ScheduledStep["lengthSource"]>(n);
  const slip = new Array<number>(n).fill(0);
  const planDay = dayNumber(planStart);
  for (const i of order) {
    const s = parsed[i] as Parsed;
    const base = s.start === undefined ? planDay : dayNumber(s.start);
    let start = base;
    let best = -Infinity;
    let bestPred = -1;
    for (const d of s.deps) {
      const day = (ef[d.pred] as number) + d.lag;
      if (day < MIN_DAY || day > MAX_DAY) {
        failOutOfCalendar(
          fromDayNumber(day),
          ["steps", i, "dependsOn", d.j, "lagDays"],
          "predecessor finish + lag",
        );
      }
      if (
        day > best ||
        (day === best && compareIds(ids[d.pred] as string, ids[bestPred] as string) < 0)
      ) {
        best = day;
        bestPred = d.pred;
      }
    }
    if (bestPred >= 0 && best >= base) {
      start = best;
      driver[i] = bestPred;
    }
    if (s.start !== undefined) slip[i] = start - base;
    let finish: number;
    if (s.end !== undefined && s.start !== undefined) {
      lengthSource[i] = "startEnd";
      finish = start + (dayNumber(s.end) - base);
    } else if (s.end !== undefined) {
      lengthSource[i] = "end";
      finish = dayNumber(s.end);
      if (finish < start) {
        checkEndNotBefore(fromDayNumber(start), s.end, STEPS, i, "step", s.id, "earliest start");
      }
    } else {
      lengthSource[i] = "duration";
      const dur = s.duration as Duration;
      if (dur.months === undefined || dur.months === 0) {
        finish = start + (dur.weeks ?? 0) * 7 + (dur.days ?? 0);
      } else {
        const date = addDurationIso(fromDayNumber(start), dur);
        if (!inCalendar(date)) failOutOfCalendar(date, ["steps", i], `finish of step "${s.id}"`);
        finish = dayNumber(date);
      }
    }
    if (finish < MIN_DAY || finish > MAX_DAY) {
      failOutOfCalendar(fromDayNumber(finish), ["steps", i], `finish of step "${s.id}"`);
    }
    es[i] = start;
    ef[i] = finish;
  }

  return { es, ef, driver, lengthSource, slip };
}

/** The span of the schedule and its last step, then the backward pass: latest dates by step. */
function backwardPass(
  parsed: readonly Parsed[],
  ids: readonly string[],
  order: readonly number[],
  es: readonly number[],
  ef: readonly number[],
): { spanStart: number; spanFinish: number; last: number; ls: number[]; lf: number[] } {
  const n = parsed.length;
  let spanStart = es[0] as number;
  let spanFinish = ef[0] as number;
  let last = 0;
  for (let i = 0; i < n; i++) {
    if ((es[i] as number) < spanStart) spanStart = es[i] as number;
    const f = ef[i] as number;
    if (
      f > spanFinish ||
      (f === spanFinish && compareIds(ids[i] as string, ids[last] as string) < 0)
    ) {
      spanFinish = f;
      last = i;
    }
  }
  const lf = new Array<number>(n).fill(spanFinish);
  const ls = new Array<number>(n);
  for (let k = n - 1; k >= 0; k--) {
    const i = order[k] as number;
    ls[i] = (lf[i] as number) - ((ef[i] as number) - (es[i] as number));
    for (const d of (parsed[i] as Parsed).deps) {
      const cand = (ls[i] as number) - d.lag;
      if (cand < (lf[d.pred] as number)) lf[d.pred] = cand;
    }
  }

  return { spanStart, spanFinish, last, ls, lf };
}

/** A milestone of the options: on its date, else when the step it follows finishes. */
function placeMilestone(
  raw: unknown,
  j: number,
  stepIndex: ReadonlyMap<string, number>,
  ef: readonly number[],
): ScheduledMilestone {
  // paths and messages are built only for what is wrong
  const m = isRecord(raw) ? raw : checkRecord(raw, ["options", "milestones", j], "milestone");
  const rawId = m["id"];
  const id = isId(rawId)
    ? rawId
    : checkId(rawId, ["options", "milestones", j, "id"], "milestone id");
  const title = typeof m["title"] === "string" ? m["title"] : null;
  const rawDate = m["date"];
  const date =
    rawDate === undefined || isIsoDate(rawDate)
      ? rawDate
      : checkDate(rawDate, ["options", "milestones", j, "date"], "date");
  const rawAfter = m["afterStep"];
  const after =
    rawAfter === undefined || isId(rawAfter)
      ? rawAfter
      : checkId(rawAfter, ["options", "milestones", j, "afterStep"], "afterStep");
  let stepFinish: string | undefined;
  if (after !== undefined) {
    const si = stepIndex.get(after);
    if (si === undefined) {
      failAt(
        "unknown_reference",
        ["options", "milestones", j, "afterStep"],
        `milestone "${id}" follows unknown step "${after}"`,
      );
    }
    stepFinish = fromDayNumber(ef[si] as number);
  }
  if (date !== undefined) {
    const note =
      stepFinish !== undefined && date < stepFinish
        ? `; before step "${after}" finishes on ${stepFinish}`
        : "";
    return {
      id,
      title,
      date,
      source: "date",
      afterStep: after ?? null,
      reason: `dated ${date}${note}`,
    };
  }
  if (stepFinish !== undefined) {
    return {
      id,
      title,
      date: stepFinish,
      source: "afterStep",
      afterStep: after as string,
      reason: `reached when step "${after}" finishes on ${stepFinish}`,
    };
  }
  return {
    id,
    title,
    date: null,
    source: null,
    afterStep: null,
    reason: "no date and no step",
  };
}

/**
 * Schedules steps with finish-to-start dependencies: topological order, earliest start and
 * finish, latest dates and float, the critical path, the span and the milestones.
 *
 * Method: the critical path method (Kelley & Walker, 1959) on calendar dates. Steps are ordered
 * with Kahn's algorithm (1962), taking ready steps by id so the order is deterministic. Forward
 * pass: a step starts on the latest of its own `start` (or the `start` option when it has none) and
 * each predecessor's finish plus `lagDays`; it finishes at start + `duration` (date-fns `add`), or
 * keeps its `end − start` length in days, or (with `end` alone) must finish on `end`. A finish date
 * is the date the step is complete, so a successor with no lag starts on it (the same convention
 * as the horizons). Backward pass: each step keeps its length in days; float is latest start minus
 * earliest start, and a step with no float is critical. The critical path is the chain of driving
 * predecessors ending at the latest finish. Designed by this project; see
 * docs/methodology/timeline-actions.md, Schedules.
 *
 * @param steps - the steps, ids unique, each with a `duration` or an `end`
 * @param options - `start` of the schedule and optional `milestones`
 * @returns the schedule; see {@link ScheduleStepsResult}
 * @throws AssessmentError `cycle` (steps depending on each other, named in the message),
 *   `unknown_reference` (a dependency or milestone naming no step), `duplicate_id`, `empty` (no
 *   steps), `missing_field` (a step with neither duration nor end), `end_before_start` (end before
 *   its own start, or a deadline the dependencies make impossible), `invalid_date`, `invalid_type`,
 *   `invalid_id`, `out_of_range` (negative duration, lag beyond 100 years, a date past 9999),
 *   `non_finite` / `invalid_value` / `unknown_key` (a malformed duration or lag)
 * @example
 * ```ts
 * import { scheduleSteps } from "icc-assessment/timeline";
 * const plan = scheduleSteps(
 *   [
 *     { id: "spec", duration: { months: 2 } },
 *     { id: "build", duration: { months: 6 }, dependsOn: [{ step: "spec" }] },
 *     { id: "launch", duration: { months: 1 }, dependsOn: [{ step: "build", lagDays: 14 }] },
 *     { id: "guide", duration: { weeks: 3 }, dependsOn: [{ step: "spec" }] },
 *   ],
 *   { start: "2021-03-01", milestones: [{ id: "live", afterStep: "launch" }] },
 * );
 * plan.criticalPath; // => ["spec", "build", "launch"]
 * plan.span; // => { start: "2021-03-01", finish: "2021-12-15", days: 289 }
 * plan.milestones[0].date; // => "2021-12-15"
 * plan.steps[3].totalFloatDays; // => 207
 * ```
 */
export function scheduleSteps(
  steps: readonly ScheduleStepInput[],
  options: ScheduleStepsOptions,
): ScheduleStepsResult {
  assertArrayAt(steps, STEPS, "steps", { nonEmpty: true });
  const opts = readOptions(options, OPTIONS, "options", SCHEDULE_OPTIONS);
  const planStart = opts.start;
  const parsed = parseSteps(steps);
  const n = parsed.length;
  const ids = parsed.map((s) => s.id);
  const order = topologicalOrder(parsed, ids);
  const { es, ef, driver, lengthSource, slip } = forwardPass(parsed, ids, order, planStart);
  const { spanStart, spanFinish, last, ls, lf } = backwardPass(parsed, ids, order, es, ef);

  const criticalPath: string[] = [];
  for (let v: number | null = last; v !== null; v = driver[v] as number | null) {
    criticalPath.push(ids[v] as string);
  }
  criticalPath.reverse();

  const position = new Array<number>(n);
  order.forEach((i, k) => {
    position[i] = k;
  });
  const scheduled = parsed.map((s, i): ScheduledStep => {
    const float = (ls[i] as number) - (es[i] as number);
    return {
      id: s.id,
      title: s.title,
      owner: s.owner,
      order: position[i] as number,
      start: fromDayNumber(es[i] as number),
      finish: fromDayNumber(ef[i] as number),
      days: (ef[i] as number) - (es[i] as number),
      lengthSource: lengthSource[i] as ScheduledStep["lengthSource"],
      plannedStart: s.start ?? null,
      slipDays: slip[i] as number,
      drivenBy: driver[i] === null ? null : (ids[driver[i] as number] as string),
      latestStart: fromDayNumber(ls[i] as number),
      latestFinish: fromDayNumber(lf[i] as number),
      totalFloatDays: float,
      critical: float === 0,
    };
  });

  const stepIndex = new Map(ids.map((id, i) => [id, i]));
  const milestones = (opts.milestones ?? []).map((raw, j) => placeMilestone(raw, j, stepIndex, ef));

  return {
    method: "criticalPathMethod",
    start: planStart,
    order: order.map((i) => ids[i] as string),
    steps: scheduled,
    criticalPath,
    span: {
      start: fromDayNumber(spanStart),
      finish: fromDayNumber(spanFinish),
      days: spanFinish - spanStart,
    },
    milestones,
  };
}
