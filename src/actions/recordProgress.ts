import type { PathSegment } from "../errors/AssessmentError.js";
import {
  assertFiniteAt,
  describe,
  failAt,
  assertOneOfAt,
  checkRecord,
  isRecord,
} from "../_lib/assert.js";
import { daysBetween, isIsoDate } from "../_lib/dates.js";
import {
  milestoneStatuses,
  type KpiDirection,
  type MilestoneStatus,
} from "../schema/vocabularies.js";
import { dateOption, listOption, nullish, numberOption, readOptions } from "../_lib/options.js";
import type { ActionPlan, PlannedAction } from "./buildActionPlan.js";
import { checkPlan } from "./_shared.js";
import { checkDate } from "../_lib/dates.js";

/** A KPI value measured for one action. */
export interface KpiUpdate {
  readonly action: string;
  readonly kpi: string;
  readonly value: number;
  /** When it was measured; an update without a date counts as measured on `asOf`. */
  readonly date?: string | undefined;
  readonly note?: string | undefined;
}

/** A milestone's status reported for one action. */
export interface MilestoneUpdate {
  readonly action: string;
  readonly milestone: string;
  readonly status: MilestoneStatus;
  readonly date?: string | undefined;
  readonly note?: string | undefined;
}

/** Updates collected between two City Labs (or a whole log: updates after `asOf` are left out). */
export interface ProgressUpdates {
  readonly kpis?: readonly KpiUpdate[] | undefined;
  readonly milestones?: readonly MilestoneUpdate[] | undefined;
}

/** Options of {@link recordProgress}. */
export interface RecordProgressOptions {
  /** The status date `YYYY-MM-DD` (passed in: the library never reads the clock). */
  readonly asOf: string;
  /** Percentage points a KPI may trail its expected progress and still be on track (default 10). */
  readonly tolerance?: number | undefined;
}

/** States of a KPI at `asOf`. */
export const kpiProgressStatuses = [
  "achieved",
  "onTrack",
  "atRisk",
  "late",
  "noData",
  "unknown",
] as const;
/** A KPI state. */
export type KpiProgressStatus = (typeof kpiProgressStatuses)[number];

/** States of an action at `asOf`. */
export const actionProgressStatuses = [
  "completed",
  "notStarted",
  "onTrack",
  "atRisk",
  "late",
] as const;
/** An action state. */
export type ActionProgressStatus = (typeof actionProgressStatuses)[number];

/** A milestone state at `asOf`: a reported status, or `overdue` (still planned, date passed). */
export type MilestoneProgressStatus = MilestoneStatus | "overdue";

/** One KPI at `asOf`. */
export interface KpiProgress {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly baseline: number | null;
  readonly target: number;
  readonly direction: KpiDirection;
  /** The KPI's due date, else the action's end; `null` when neither is known. */
  readonly due: string | null;
  /** The latest value measured on or before `asOf`. */
  readonly actual: number | null;
  readonly actualDate: string | null;
  /** `(actual − baseline) / (target − baseline) × 100`, unclamped; `null` when it cannot be computed. */
  readonly percentComplete: number | null;
  /** Share of the time from the action start to `due` elapsed at `asOf`, 0–100. */
  readonly expectedPercent: number | null;
  readonly status: KpiProgressStatus;
  readonly reason: string;
}

/** One milestone at `asOf`. */
export interface MilestoneProgress {
  readonly id: string;
  readonly title: string;
  readonly date: string | null;
  readonly status: MilestoneProgressStatus;
  /** Date of the update that set the status, or `null` when it comes from the plan. */
  readonly statusDate: string | null;
  readonly reason: string;
}

/** One action at `asOf`. */
export interface ActionProgress {
  readonly id: string;
  readonly title: string;
  readonly solution: string;
  readonly owner: string | null;
  readonly horizon: string;
  readonly start: string;
  readonly end: string | null;
  readonly status: ActionProgressStatus;
  readonly reason: string;
  /** Mean of the KPIs' percentages clamped to 0–100, else the share of milestones done. */
  readonly percentComplete: number | null;
  readonly percentSource: "kpis" | "milestones" | null;
  readonly kpis: readonly KpiProgress[];
  readonly milestones: readonly MilestoneProgress[];
}

/** The result of {@link recordProgress}. */
export interface RecordProgressResult {
  readonly method: "recordProgress";
  readonly asOf: string;
  readonly tolerance: number;
  readonly actions: readonly ActionProgress[];
  readonly summary: {
    /** Number of actions in each state. */
    readonly byStatus: Readonly<Record<ActionProgressStatus, number>>;
    /** Mean percent complete of the actions that have one, or `null`. */
    readonly percentComplete: number | null;
  };
  /** Indices of updates dated after `asOf`, left out. */
  readonly ignored: { readonly kpis: readonly number[]; readonly milestones: readonly number[] };
}

const DEFAULT_TOLERANCE = 10;

const UPDATES: readonly PathSegment[] = ["updates"];
const OPTIONS: readonly PathSegment[] = ["options"];
const NO_UPDATES: readonly unknown[] = [];
/** The lists of updates (`null` or left out: none). */
const UPDATE_LISTS = {
  kpis: nullish(listOption, NO_UPDATES),
  milestones: nullish(listOption, NO_UPDATES),
};
/** The options of {@link recordProgress} (`tolerance: null` is the default, as `undefined`). */
const PROGRESS_OPTIONS = {
  asOf: dateOption,
  tolerance: nullish(numberOption(0), DEFAULT_TOLERANCE),
};

function clean(x: number): number {
  return x === 0 ? 0 : x;
}

function mean(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : clean(xs.reduce((a, b) => a + b, 0) / xs.length);
}

function kpiProgress(
  act: PlannedAction,
  k: PlannedAction["kpis"][number],
  update: { value: number; date: string } | undefined,
  asOf: string,
  tolerance: number,
): KpiProgress {
  const due = k.due ?? act.end;
  let expected: number | null = null;
  if (due !== null) {
    const total = daysBetween(act.start, due);
    expected =
      total <= 0
        ? asOf >= due
          ? 100
          : 0
        : clean(Math.min(100, Math.max(0, (daysBetween(act.start, asOf) * 100) / total)));
  }
  const actual = update?.value ?? null;
  const raw =
    actual === null || k.baseline === null || k.target === k.baseline
      ? null
      : ((actual - k.baseline) * 100) / (k.target - k.baseline);
  // a target too close to the baseline can overflow to ±Infinity: never put that in a result
  const percent = raw === null || !Number.isFinite(raw) ? null : clean(raw);
  const passed = due !== null && asOf > due;
  const base = {
    id: k.id,
    title: k.title,
    unit: k.unit,
    baseline: k.baseline,
    target: k.target,
    direction: k.direction,
    due,
    actual,
    actualDate: update?.date ?? null,
    percentComplete: percent,
    expectedPercent: expected,
  };
  const says = (status: KpiProgressStatus, reason: string): KpiProgress => ({
    ...base,
    status,
    reason,
  });
  if (actual === null) {
    return passed
      ? says("late", `no value reported and the due date ${due} has passed`)
      : says("noData", "no value reported yet");
  }
  const met =
    percent !== null
      ? percent >= 100
      : k.direction === "increase"
        ? actual >= k.target
        : actual <= k.target;
  if (met) return says("achieved", `${actual} ${k.unit} reaches the target ${k.target}`);
  if (passed)
    return says(
      "late",
      `${actual} ${k.unit} misses the target ${k.target} after the due date ${due}`,
    );
  if (percent === null) {
    return says(
      "unknown",
      k.baseline === null
        ? "no baseline: progress towards the target cannot be measured"
        : k.target === k.baseline
          ? "the target equals the baseline: progress cannot be measured"
          : "the target is too close to the baseline to measure progress",
    );
  }
  if (expected === null)
    return says("unknown", "no due date and no action end to measure progress against");
  const gap = expected - percent;
  return gap <= tolerance
    ? says(
        "onTrack",
        `${round1(percent)}% done against ${round1(expected)}% of the time elapsed (tolerance ${tolerance} points)`,
      )
    : says(
        "atRisk",
        `${round1(percent)}% done against ${round1(expected)}% of the time elapsed: more than ${tolerance} points behind`,
      );
}

/** A KPI's number in the plan, finite, with −0 as 0; the path is built only when it is not. */
function number(value: unknown, i: number, j: number, key: "baseline" | "target"): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    assertFiniteAt(value, ["plan", "actions", i, "kpis", j, key], `KPI ${key}`);
  }
  return clean(value);
}

function round1(x: number): number {
  return clean(Math.round(x * 10) / 10);
}

/** The plan's actions by id, and the keys `action\u0000id` of their KPIs and milestones. */
interface PlanIndex {
  readonly byId: ReadonlyMap<string, PlannedAction>;
  readonly kpiKeys: ReadonlySet<string>;
  readonly milestoneKeys: ReadonlySet<string>;
}

/** Indexes the plan's actions once (each must be an object: `invalid_type`). */
function indexPlan(actions: readonly PlannedAction[]): PlanIndex {
  const byId = new Map<string, PlannedAction>();
  const kpiKeys = new Set<string>();
  const milestoneKeys = new Set<string>();
  for (let i = 0; i < actions.length; i++) {
    const act = actions[i] as PlannedAction;
    if (!isRecord(act)) checkRecord(act, ["plan", "actions", i], "action");
    byId.set(act.id, act);
    for (const k of act.kpis) kpiKeys.add(`${act.id}\u0000${k.id}`);
    for (const m of act.milestones) milestoneKeys.add(`${act.id}\u0000${m.id}`);
  }

  return { byId, kpiKeys, milestoneKeys };
}

/** The latest update of each KPI and milestone (by date, then list order) up to `asOf`. */
interface LatestUpdates {
  readonly kpiUpdates: ReadonlyMap<string, { value: number; date: string }>;
  readonly milestoneUpdates: ReadonlyMap<string, { status: MilestoneStatus; date: string }>;
  /** Positions of the updates dated after `asOf`, which are not applied. */
  readonly ignored: { kpis: number[]; milestones: number[] };
}

/**
 * Reads the updates against the plan: each names a known action and one of its KPIs or
 * milestones (`unknown_reference`), with a date (default `asOf`), a finite value or a milestone
 * status; keeps the latest per KPI and milestone, and sets aside those dated after `asOf`.
 */
function readUpdates(
  u: { readonly kpis: readonly unknown[]; readonly milestones: readonly unknown[] },
  index: PlanIndex,
  asOf: string,
): LatestUpdates {
  const { byId, kpiKeys, milestoneKeys } = index;
  const ignored = { kpis: [] as number[], milestones: [] as number[] };
  /** Latest update per key: by date, then by list order. */
  const latest = <T extends { date: string }>(map: Map<string, T>, key: string, value: T): void => {
    const prev = map.get(key);
    if (prev === undefined || value.date >= prev.date) map.set(key, value);
  };
  /** The update's action, reference and date; its path is built only when something is wrong. */
  const common = (
    raw: unknown,
    i: number,
    what: "kpi" | "milestone",
  ): { key: string; date: string; rec: Readonly<Record<string, unknown>> } => {
    const list = what === "kpi" ? "kpis" : "milestones";
    const rec = isRecord(raw) ? raw : checkRecord(raw, ["updates", list, i], "update");
    const actionId = rec["action"];
    const act = typeof actionId === "string" ? byId.get(actionId) : undefined;
    if (act === undefined) {
      failAt(
        "unknown_reference",
        ["updates", list, i, "action"],
        `update names unknown action ${describe(actionId)}`,
      );
    }
    const ref = rec[what];
    const key = `${act.id}\u0000${String(ref)}`;
    if (typeof ref !== "string" || !(what === "kpi" ? kpiKeys : milestoneKeys).has(key)) {
      failAt(
        "unknown_reference",
        ["updates", list, i, what],
        `action "${act.id}" has no ${what === "kpi" ? "KPI" : "milestone"} ${describe(ref)}`,
      );
    }
    const d = rec["date"];
    const date =
      d === undefined
        ? asOf
        : isIsoDate(d)
          ? d
          : checkDate(d, ["updates", list, i, "date"], "date");
    return { key, date, rec };
  };

  const kpiUpdates = new Map<string, { value: number; date: string }>();
  u.kpis.forEach((raw, i) => {
    const { key, date, rec } = common(raw, i, "kpi");
    const value = rec["value"];
    if (typeof value !== "number" || !Number.isFinite(value)) {
      assertFiniteAt(value, ["updates", "kpis", i, "value"], "value");
    }
    if (date > asOf) ignored.kpis.push(i);
    else latest(kpiUpdates, key, { value: clean(value as number), date });
  });
  const milestoneUpdates = new Map<string, { status: MilestoneStatus; date: string }>();
  u.milestones.forEach((raw, i) => {
    const { key, date, rec } = common(raw, i, "milestone");
    const status = rec["status"];
    if (!(milestoneStatuses as readonly unknown[]).includes(status)) {
      assertOneOfAt(status, milestoneStatuses, ["updates", "milestones", i, "status"], "status");
    }
    if (date > asOf) ignored.milestones.push(i);
    else latest(milestoneUpdates, key, { status: status as MilestoneStatus, date });
  });

  return { kpiUpdates, milestoneUpdates, ignored };
}

/**
 * An action's status and its reason: `completed` (every KPI achieved, every counted milestone
 * done), else `notStarted` before its start, else `late` (a late KPI, a missed or overdue
 * milestone, or its end passed), else `atRisk` (a KPI behind schedule), else `onTrack`.
 */
function statusOf(
  act: PlannedAction,
  kpis: readonly KpiProgress[],
  milestones: readonly MilestoneProgress[],
  counted: readonly MilestoneProgress[],
  asOf: string,
): { status: ActionProgressStatus; reason: string } {
  const names = (xs: readonly { id: string }[]): string => xs.map((x) => `"${x.id}"`).join(", ");
  const lateKpis = kpis.filter((k) => k.status === "late");
  const lateMilestones = milestones.filter((m) => m.status === "missed" || m.status === "overdue");
  const riskyKpis = kpis.filter((k) => k.status === "atRisk");
  let status: ActionProgressStatus;
  let reason: string;
  if (
    kpis.length + counted.length > 0 &&
    kpis.every((k) => k.status === "achieved") &&
    counted.every((m) => m.status === "done")
  ) {
    status = "completed";
    reason = "every KPI achieved and every milestone done";
  } else if (asOf < act.start) {
    status = "notStarted";
    reason = `starts on ${act.start}`;
  } else if (
    lateKpis.length > 0 ||
    lateMilestones.length > 0 ||
    (act.end !== null && asOf > act.end)
  ) {
    status = "late";
    const parts = [
      ...(lateKpis.length > 0 ? [`KPI ${names(lateKpis)} late`] : []),
      ...(lateMilestones.length > 0
        ? [`milestone ${names(lateMilestones)} missed or overdue`]
        : []),
      ...(act.end !== null && asOf > act.end
        ? [`its end ${act.end} has passed without completion`]
        : []),
    ];
    reason = parts.join("; ");
  } else if (riskyKpis.length > 0) {
    status = "atRisk";
    reason = `KPI ${names(riskyKpis)} behind schedule`;
  } else {
    status = "onTrack";
    reason = "no KPI behind schedule and no milestone overdue";
  }
  return { status, reason };
}

/** The progress of action `i`: its KPIs and milestones, its percentage and its status with the reason. */
function actionProgress(
  act: PlannedAction,
  i: number,
  updates: LatestUpdates,
  asOf: string,
  tolerance: number,
): ActionProgress {
  const { kpiUpdates, milestoneUpdates } = updates;
  const kpis = act.kpis.map((k, j) => {
    // the plan may have been edited since buildActionPlan: its numbers are checked again
    const checked = {
      ...k,
      baseline: k.baseline === null ? null : number(k.baseline, i, j, "baseline"),
      target: number(k.target, i, j, "target"),
    };
    return kpiProgress(act, checked, kpiUpdates.get(`${act.id}\u0000${k.id}`), asOf, tolerance);
  });
  const milestones = act.milestones.map((m): MilestoneProgress => {
    const upd = milestoneUpdates.get(`${act.id}\u0000${m.id}`);
    const reported = upd?.status ?? m.status;
    const overdue = reported === "planned" && m.date !== null && m.date < asOf;
    return {
      id: m.id,
      title: m.title,
      date: m.date,
      status: overdue ? "overdue" : reported,
      statusDate: upd?.date ?? null,
      reason: overdue
        ? `still planned after its date ${m.date}`
        : upd === undefined
          ? `${reported} (as in the plan)`
          : `${reported} (reported on ${upd.date})`,
    };
  });
  const counted = milestones.filter((m) => m.status !== "cancelled");
  const kpiPercents = kpis.flatMap((k) =>
    k.percentComplete === null ? [] : [Math.min(100, Math.max(0, k.percentComplete))],
  );
  let percentComplete: number | null = null;
  let percentSource: ActionProgress["percentSource"] = null;
  if (kpiPercents.length > 0) {
    percentComplete = mean(kpiPercents);
    percentSource = "kpis";
  } else if (counted.length > 0) {
    percentComplete = clean(
      (counted.filter((m) => m.status === "done").length * 100) / counted.length,
    );
    percentSource = "milestones";
  }
  const { status, reason } = statusOf(act, kpis, milestones, counted, asOf);
  return {
    id: act.id,
    title: act.title,
    solution: act.solution,
    owner: act.owner,
    horizon: act.horizon,
    start: act.start,
    end: act.end,
    status,
    reason,
    percentComplete,
    percentSource,
    kpis,
    milestones,
  };
}

/**
 * Follows up an action plan at a date: KPI values against baseline and target, milestone status,
 * percent complete, and whether each action is completed, not started, on track, at risk or late.
 *
 * Rules (designed by this project, docs/methodology/timeline-actions.md, Monitoring; the ICC
 * documents only that cities report progress against their roadmap at later City Labs): a KPI's
 * actual is its latest value measured on or before `asOf`; percent complete = (actual − baseline) /
 * (target − baseline) × 100; expected percent = the share of the time from the action start to the
 * KPI's due date (else the action end) elapsed at `asOf`. A KPI is `achieved` at 100% (or, without
 * a baseline, once the target is met), `late` when its due date has passed, `onTrack` when it
 * trails the expected percent by at most `tolerance` points (default 10), else `atRisk`; `noData`
 * without a value, `unknown` when progress cannot be measured. A planned milestone whose date is
 * before `asOf` is `overdue`. An action is `completed` when all its KPIs are achieved and all its
 * milestones (except cancelled ones) done; else `notStarted` before its start; else `late` when a
 * KPI is late, a milestone missed or overdue, or its end has passed; else `atRisk` when a KPI is at
 * risk; else `onTrack`.
 *
 * @param plan - a plan from {@link buildActionPlan}
 * @param updates - KPI values and milestone statuses, each naming its action
 * @param options - `asOf` (required) and `tolerance`
 * @returns the progress of every action and a summary
 * @throws AssessmentError `unknown_reference` (an update naming an unknown action, KPI or
 *   milestone), `invalid_date` (`asOf` or an update date), `invalid_value` (an unknown milestone
 *   status), `invalid_type`, `non_finite` (a NaN or infinite value), `out_of_range` (a negative
 *   tolerance)
 * @example
 * ```ts
 * import { buildActionPlan, recordProgress } from "icc-assessment/actions";
 * import { parseAssessment } from "icc-assessment/schema";
 * const plan = buildActionPlan(
 *   parseAssessment({
 *     formatVersion: "1.0",
 *     city: { id: "sofia", name: "Sofia", country: "BG" },
 *     programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
 *     track: { id: "citizenParticipationDigitalPublicAdministration" },
 *     stakeholders: [],
 *     workshops: [],
 *     needs: [],
 *     solutions: [
 *       { id: "open-data", title: "Open data portal", readiness: "concept",
 *         start: "2021-04-01", end: "2022-04-01",
 *         kpis: [{ id: "datasets", title: "Datasets published", unit: "datasets", baseline: 5, target: 50 }] },
 *     ],
 *   }),
 *   ["open-data"],
 * );
 * const progress = recordProgress(plan, { kpis: [{ action: "open-data", kpi: "datasets", value: 23, date: "2021-09-01" }] }, { asOf: "2021-09-01" });
 * progress.actions[0].kpis[0].percentComplete; // => 40
 * progress.actions[0].status; // => "onTrack"
 * ```
 */
export function recordProgress(
  plan: ActionPlan,
  updates: ProgressUpdates,
  options: RecordProgressOptions,
): RecordProgressResult {
  const { actions } = checkPlan(plan);
  const u = readOptions(updates, UPDATES, "updates", UPDATE_LISTS);
  const { asOf, tolerance } = readOptions(options, OPTIONS, "options", PROGRESS_OPTIONS);
  const index = indexPlan(actions);
  const updatesRead = readUpdates(u, index, asOf);
  const { ignored } = updatesRead;
  const progress = actions.map((act, i) => actionProgress(act, i, updatesRead, asOf, tolerance));

  const byStatus = Object.fromEntries(actionProgressStatuses.map((s) => [s, 0])) as Record<
    ActionProgressStatus,
    number
  >;
  for (const a of progress) byStatus[a.status] += 1;
  return {
    method: "recordProgress",
    asOf,
    tolerance: clean(tolerance),
    actions: progress,
    summary: {
      byStatus,
      percentComplete: mean(
        progress.flatMap((a) => (a.percentComplete === null ? [] : [a.percentComplete])),
      ),
    },
    ignored,
  };
}
