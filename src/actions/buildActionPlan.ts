import type { Decimal } from "decimal.js";
import { formatPath, type PathSegment } from "../errors/AssessmentError.js";
import {
  describe,
  failAt,
  assertOneOfAt,
  remapErrors,
  assertArrayAt,
  checkRecord,
} from "../_lib/assert.js";
import { daysBetween } from "../_lib/dates.js";
import { Dec, isDecimal } from "../_lib/decimal.js";
import { compareIds } from "../_lib/sort.js";
import type { Assessment } from "../schema/assessment.js";
import type { Money } from "../schema/common.js";
import type { Resource } from "../schema/entities.js";
import {
  fundingSources,
  milestoneStatuses,
  type FundingSource,
  type KpiDirection,
  type MilestoneStatus,
} from "../schema/vocabularies.js";
import {
  bucketByHorizon,
  type HorizonItem,
  type HorizonRule,
} from "../timeline/bucketByHorizon.js";
import { defaultHorizons, type Horizon } from "../timeline/defaultHorizons.js";
import { groupByPeriod, type PeriodGroup } from "../timeline/groupByPeriod.js";
import {
  scheduleSteps,
  type ScheduleMilestoneInput,
  type ScheduleStepInput,
  type ScheduleStepsResult,
} from "../timeline/scheduleSteps.js";
import { allocateBudget } from "./allocateBudget.js";
import { checkCurrency, checkDecimals, checkDate, checkMoney, finite, minus } from "./_shared.js";

/** Options of {@link buildActionPlan}. */
export interface BuildActionPlanOptions {
  /** Plan start `YYYY-MM-DD`; default `assessment.plan.start`, else the programme start. */
  readonly start?: string | undefined;
  /** Horizons (default {@link defaultHorizons}: quick win 6 months, long term 15 months). */
  readonly horizons?: readonly Horizon[] | undefined;
  /**
   * Currency of the totals; default the plan budget's currency, else the first amount's, else EUR.
   */
  readonly currency?: string | undefined;
  /**
   * Exchange rates into `currency`: `{ BGN: "0.51129" }` means 1 BGN = 0.51129 units of the plan
   * currency. Decimals or decimal strings, never JS numbers. Without a rate an amount in another
   * currency is an error: currencies are never added together silently.
   */
  readonly rates?: Readonly<Record<string, Decimal | string>> | undefined;
  /** Decimal places of converted amounts and of the split by year (default 2). */
  readonly decimals?: number | undefined;
}

/** A milestone of a planned action, dated from its own date or from the step it follows. */
export interface PlannedMilestone {
  readonly id: string;
  readonly title: string;
  readonly date: string | null;
  readonly afterStep: string | null;
  /** As recorded in the assessment (default `planned`). */
  readonly status: MilestoneStatus;
  readonly reason: string;
}

/** Funding of an action from one source. */
export interface PlannedFunding {
  readonly source: FundingSource;
  readonly amount: Money;
  readonly secured: boolean;
  readonly note: string | null;
}

/** A KPI with its direction declared or inferred (target below baseline means `decrease`). */
export interface PlannedKpi {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly baseline: number | null;
  readonly target: number;
  readonly due: string | null;
  readonly direction: KpiDirection;
  readonly directionSource: "declared" | "inferred";
}

/** A risk with its score `likelihood × impact` (1–25). */
export interface PlannedRisk {
  readonly id: string;
  readonly title: string;
  readonly likelihood: number;
  readonly impact: number;
  readonly score: number;
  readonly mitigation: string | null;
  readonly owner: string | null;
}

/** One action of the plan. */
export interface PlannedAction {
  readonly id: string;
  readonly solution: string;
  /** Position of its solution in the priorities, 1 = first. */
  readonly priority: number;
  readonly title: string;
  readonly description: string | null;
  /** `true` when the solution listed no action and this one was built from the solution itself. */
  readonly derived: boolean;
  /** Where the action comes from in the assessment, e.g. `["actions", 3]` or `["solutions", 0]`. */
  readonly source: readonly PathSegment[];
  /** The lead stakeholder, or `null` when none is named. */
  readonly owner: string | null;
  readonly partners: readonly string[];
  /** Its own start, or the plan start. */
  readonly start: string;
  /** Its end, or start + duration, or the finish of its steps; `null` when unknown. */
  readonly end: string | null;
  readonly endSource: "end" | "duration" | "steps" | null;
  /** The horizon id (`quickWin`, `longTerm`, `beyondHorizon`, `unscheduled`, or a custom one). */
  readonly horizon: string;
  readonly horizonLabel: string;
  readonly horizonReason: string;
  readonly horizonRule: HorizonRule;
  /** The schedule of its steps, or `null` when it has none. */
  readonly schedule: ScheduleStepsResult | null;
  readonly milestones: readonly PlannedMilestone[];
  readonly resources: readonly Resource[];
  /** Its cost, or the sum of its resources' costs, or `null` when neither is given. */
  readonly cost: Money | null;
  readonly costSource: "cost" | "resources" | null;
  readonly funding: readonly PlannedFunding[];
  /** Cost, funding and gap (cost − funding) in the plan currency; cost and gap `null` without a cost. */
  readonly budget: {
    readonly cost: Money | null;
    readonly funding: Money;
    readonly gap: Money | null;
  };
  readonly kpis: readonly PlannedKpi[];
  readonly risks: readonly PlannedRisk[];
}

/** A selected solution and its actions. */
export interface PlannedSolution {
  readonly id: string;
  readonly title: string;
  readonly priority: number;
  readonly actions: readonly string[];
  /** `true` when its only action was derived from the solution. */
  readonly derived: boolean;
}

/** A risk of any action, for the plan-wide risk list. */
export interface PlanRisk extends PlannedRisk {
  readonly action: string;
}

/** Totals of one horizon, in the plan currency. */
export interface HorizonTotal {
  readonly horizon: string;
  readonly label: string;
  readonly actions: readonly string[];
  readonly cost: Money;
  readonly funding: Money;
  readonly gap: Money;
}

/** Funding from one source, in the plan currency. */
export interface SourceTotal {
  readonly source: FundingSource;
  readonly amount: Money;
  readonly secured: Money;
  readonly actions: readonly string[];
}

/** Cost falling in one calendar year (spread by days), or in `year: null` for undated actions. */
export interface YearTotal {
  readonly year: number | null;
  readonly cost: Money;
}

/** Amounts in one original currency, and the same amounts converted into the plan currency. */
export interface CurrencyTotal {
  readonly currency: string;
  readonly cost: Money;
  readonly funding: Money;
  readonly costConverted: Money;
  readonly fundingConverted: Money;
}

/** The plan's money: overall, by horizon, by funding source, by year and by currency. */
export interface ActionPlanTotals {
  readonly currency: string;
  readonly cost: Money;
  readonly funding: Money;
  readonly secured: Money;
  /** `cost − funding`; negative when funding exceeds cost. */
  readonly gap: Money;
  /** The plan budget (`assessment.plan.budget`) converted, or `null`. */
  readonly budget: Money | null;
  /** `budget − cost`, or `null` without a budget. */
  readonly budgetRemaining: Money | null;
  /** Actions with no cost: they add nothing to the cost totals. */
  readonly actionsWithoutCost: readonly string[];
  readonly byHorizon: readonly HorizonTotal[];
  readonly bySource: readonly SourceTotal[];
  readonly byYear: readonly YearTotal[];
  readonly byCurrency: readonly CurrencyTotal[];
}

/** The ICC action plan built by {@link buildActionPlan}. */
export interface ActionPlan {
  readonly method: "buildActionPlan";
  /** Every parameter used, including defaults. */
  readonly parameters: {
    readonly start: string;
    readonly startSource: "options" | "plan" | "programme";
    readonly horizons: readonly Horizon[];
    readonly currency: string;
    readonly rates: readonly { readonly currency: string; readonly rate: Decimal }[];
    readonly decimals: number;
  };
  readonly city: string;
  readonly programme: { readonly id: string; readonly start: string; readonly end: string };
  readonly priorities: readonly string[];
  readonly solutions: readonly PlannedSolution[];
  /** Actions in priority order, then in the order the assessment lists them. */
  readonly actions: readonly PlannedAction[];
  /** Every risk, highest score first (ties by action id, then risk id). */
  readonly risks: readonly PlanRisk[];
  readonly totals: ActionPlanTotals;
  /** Per-month and per-quarter views of the dated actions. */
  readonly calendar: {
    readonly months: readonly PeriodGroup[];
    readonly quarters: readonly PeriodGroup[];
  };
}

type Rec = Readonly<Record<string, unknown>>;

interface Source {
  readonly rec: Rec;
  readonly id: string;
  readonly solution: Rec;
  readonly solutionId: string;
  readonly priority: number;
  readonly derived: boolean;
  readonly path: readonly PathSegment[];
}

interface Converter {
  readonly currency: string;
  readonly decimals: number;
  readonly rates: ReadonlyMap<string, Decimal>;
  convert(m: Money, path: readonly PathSegment[]): Decimal;
}

/** A required text field: a string, else `invalid_type`. */
function text(value: unknown, path: readonly PathSegment[], name: string): string {
  if (typeof value !== "string") {
    failAt("invalid_type", path, `${name} must be a string, got ${describe(value)}`);
  }
  return value;
}

function str(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

function list(value: unknown, path: readonly PathSegment[], name: string): readonly unknown[] {
  if (value === undefined) return [];
  assertArrayAt(value, path, name);
  return value;
}

function checkRates(value: unknown): Map<string, Decimal> {
  const out = new Map<string, Decimal>();
  if (value === undefined) return out;
  const r = checkRecord(value, ["options", "rates"], "rates");
  for (const key of Object.keys(r).sort(compareIds)) {
    const path = ["options", "rates", key];
    checkCurrency(key, path, "a rate's currency");
    const raw = r[key];
    let rate: Decimal;
    if (isDecimal(raw)) rate = raw;
    else if (typeof raw === "string" && /^\d{1,20}(\.\d{1,20})?$/.test(raw)) rate = new Dec(raw);
    else {
      return failAt(
        "invalid_money",
        path,
        `rate must be a Decimal or a decimal string such as "0.51129" (never a JS number), got ${describe(raw)}`,
      );
    }
    if (!rate.isFinite() || !rate.gt(0)) {
      failAt("out_of_range", path, `rate must be positive, got ${rate.toString()}`);
    }
    out.set(key, new Dec(rate));
  }
  return out;
}

function createConverter(
  currency: string,
  rates: ReadonlyMap<string, Decimal>,
  decimals: number,
): Converter {
  return {
    currency,
    decimals,
    rates,
    convert(m, path) {
      if (m.currency === currency) return m.amount;
      const rate = rates.get(m.currency);
      if (rate === undefined) {
        failAt(
          "currency_mismatch",
          [...path, "currency"],
          `amount is in ${m.currency} but the plan currency is ${currency}, and currencies are never added together without explicit rates: pass options.rates.${m.currency}`,
        );
      }
      return m.amount.times(rate).toDecimalPlaces(decimals, Dec.ROUND_HALF_EVEN);
    },
  };
}

/** Collects the actions of the selected solutions, in priority order. */
function collectSources(
  a: Rec,
  priorities: readonly string[],
): { sources: Source[]; solutions: Rec[] } {
  const solutions = list(a["solutions"], ["assessment", "solutions"], "solutions");
  const actions = list(a["actions"], ["assessment", "actions"], "actions");
  const solutionIndex = new Map<string, number>();
  solutions.forEach((s, k) => {
    const rec = checkRecord(s, ["assessment", "solutions", k], "solution");
    solutionIndex.set(text(rec["id"], ["assessment", "solutions", k, "id"], "solution id"), k);
  });
  const actionsBySolution = new Map<string, number[]>();
  actions.forEach((act, k) => {
    const rec = checkRecord(act, ["assessment", "actions", k], "action");
    const sol = text(rec["solution"], ["assessment", "actions", k, "solution"], "action solution");
    text(rec["id"], ["assessment", "actions", k, "id"], "action id");
    actionsBySolution.set(sol, [...(actionsBySolution.get(sol) ?? []), k]);
  });
  const seenPriorities = new Set<string>();
  const seenActions = new Map<string, readonly PathSegment[]>();
  const sources: Source[] = [];
  const selected: Rec[] = [];
  priorities.forEach((id, p) => {
    if (typeof id !== "string") {
      failAt(
        "invalid_type",
        ["priorities", p],
        `priority must be a solution id, got ${describe(id)}`,
      );
    }
    const k = solutionIndex.get(id);
    if (k === undefined) {
      failAt("unknown_reference", ["priorities", p], `priority names unknown solution "${id}"`);
    }
    if (seenPriorities.has(id)) {
      failAt("duplicate_id", ["priorities", p], `priority must not repeat solution "${id}"`);
    }
    seenPriorities.add(id);
    const solution = solutions[k] as Rec;
    selected.push(solution);
    const own = actionsBySolution.get(id) ?? [];
    const add = (rec: Rec, path: readonly PathSegment[], derived: boolean): void => {
      const actionId = rec["id"] as string;
      if (seenActions.has(actionId)) {
        failAt(
          "duplicate_id",
          [...path, "id"],
          `action id "${actionId}" is used twice in the plan (also at ${formatPath(seenActions.get(actionId) as PathSegment[])})`,
        );
      }
      seenActions.set(actionId, path);
      sources.push({ rec, id: actionId, solution, solutionId: id, priority: p + 1, derived, path });
    };
    if (own.length === 0) add(solution, ["assessment", "solutions", k], true);
    else own.forEach((ak) => add(actions[ak] as Rec, ["assessment", "actions", ak], false));
  });
  return { sources, solutions: selected };
}

/** Days of `[start, end)` in each calendar year. */
function daysByYear(start: string, end: string): { year: number; days: number }[] {
  const first = Number(start.slice(0, 4));
  const last = Number(end.slice(0, 4));
  const out: { year: number; days: number }[] = [];
  for (let y = first; y <= last; y++) {
    const from = y === first ? start : `${String(y).padStart(4, "0")}-01-01`;
    const to = y === last ? end : `${String(y + 1).padStart(4, "0")}-01-01`;
    const days = daysBetween(from, to);
    if (days > 0) out.push({ year: y, days });
  }
  return out;
}

/**
 * Builds the ICC action plan of the selected solutions: their actions with owners, partners,
 * scheduled steps and milestones, resources and costs, funding by source, KPIs, risks and horizon,
 * and the plan's totals by horizon, funding source, year and currency with the funding gap.
 *
 * Documented by the ICC: priority solutions are split into quick wins (about 6 months) and
 * long-term projects (about 15 months), and each gets resources, steps and expected results
 * (Innovative Sofia, 8 February 2021); an action plan names lead and participating actors (DCC
 * roadmap) and tracks predefined KPIs. Designed by this project: the fields and the rules below
 * (docs/methodology/timeline-actions.md, decisions 0402–0405).
 *
 * Rules: each selected solution contributes the actions that name it, in the order listed; a
 * solution with none contributes one action derived from itself (title, lead as owner, partners,
 * dates, steps, cost, funding, KPIs, risks). An action starts on its own start or the plan start;
 * its steps are scheduled with {@link scheduleSteps} from there; its end is its `end`, else start +
 * `duration`, else the finish of its steps, and {@link bucketByHorizon} places it. Its cost is
 * `cost`, else the sum of its resources' costs. Amounts in another currency are converted with
 * `options.rates` (rounded half-even to `decimals`), never added without a rate. Risk score =
 * likelihood × impact. Cost by year is spread over the calendar days of `[start, end)` with
 * {@link allocateBudget}, so the years sum exactly to the cost.
 *
 * @param assessment - a parsed assessment (see `parseAssessment`): money must be `Decimal`
 * @param priorities - ids of the selected solutions, highest priority first
 * @param options - plan start, horizons, currency, exchange rates, decimals
 * @returns the {@link ActionPlan}
 * @throws AssessmentError `unknown_reference` (a priority naming no solution, a milestone after an
 *   unknown step, a dependency on an unknown step), `duplicate_id` (a priority twice, an action id
 *   twice), `empty` (no priorities), `currency_mismatch` (an amount in another currency without a
 *   rate), `invalid_money` (an amount that is not a Decimal, e.g. a JS number; a rate given as a
 *   number), `invalid_value` (a bad currency code), `out_of_range` (negative money or duration, a
 *   non-positive rate, `decimals` outside 0–10), `cycle`, `end_before_start`, `invalid_date`,
 *   `missing_field`, `invalid_type`, and the errors of {@link bucketByHorizon} and
 *   {@link scheduleSteps}, with paths into `assessment`, `priorities` or `options`
 * @example
 * ```ts
 * import { Decimal } from "decimal.js";
 * import { buildActionPlan } from "icc-assessment/actions";
 * import { parseAssessment } from "icc-assessment/schema";
 * const assessment = parseAssessment({
 *   formatVersion: "1.0",
 *   city: { id: "sofia", name: "Sofia", country: "BG" },
 *   programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
 *   track: { id: "citizenParticipationDigitalPublicAdministration" },
 *   stakeholders: [{ id: "resonator", name: "Resonator", helix: "civilSociety", kind: "ngo" }],
 *   workshops: [],
 *   needs: [],
 *   solutions: [
 *     { id: "info-points", title: "Information points", readiness: "piloted", lead: "resonator",
 *       end: "2021-07-31", cost: { amount: "30000.00", currency: "EUR" },
 *       funding: [{ source: "municipal", amount: { amount: "20000.00", currency: "EUR" } }] },
 *   ],
 *   plan: { start: "2021-02-08" },
 * });
 * const plan = buildActionPlan(assessment, ["info-points"]);
 * plan.actions[0].horizon; // => "quickWin"
 * plan.totals.gap.amount.toFixed(2); // => "10000.00"
 * plan.totals.byYear.map((y) => [y.year, y.cost.amount.toFixed(2)]); // => [[2021, "30000.00"]]
 * ```
 */
export function buildActionPlan(
  assessment: Assessment,
  priorities: readonly string[],
  options: BuildActionPlanOptions = {},
): ActionPlan {
  const a = checkRecord(assessment, ["assessment"], "assessment");
  assertArrayAt(priorities, ["priorities"], "priorities", { nonEmpty: true });
  const opts = checkRecord(options, ["options"], "options");
  const programme = checkRecord(a["programme"], ["assessment", "programme"], "programme");
  const programmeId = text(programme["id"], ["assessment", "programme", "id"], "programme id");
  const programmeStart = checkDate(
    programme["start"],
    ["assessment", "programme", "start"],
    "programme start",
  );
  const programmeEnd = checkDate(
    programme["end"],
    ["assessment", "programme", "end"],
    "programme end",
  );
  const planInput =
    a["plan"] === undefined ? {} : checkRecord(a["plan"], ["assessment", "plan"], "plan");

  let start: string;
  let startSource: ActionPlan["parameters"]["startSource"];
  if (opts["start"] !== undefined) {
    start = checkDate(opts["start"], ["options", "start"], "start");
    startSource = "options";
  } else if (planInput["start"] !== undefined) {
    start = checkDate(planInput["start"], ["assessment", "plan", "start"], "plan start");
    startSource = "plan";
  } else {
    start = programmeStart;
    startSource = "programme";
  }
  const decimals = checkDecimals(opts["decimals"]);
  const rates = checkRates(opts["rates"]);
  const budgetInput =
    planInput["budget"] === undefined
      ? null
      : checkMoney(planInput["budget"], ["assessment", "plan", "budget"], "plan budget");

  const { sources, solutions } = collectSources(a, priorities);

  // First pass: money as given, validated, to choose the plan currency.
  interface MoneyParts {
    cost: Money | null;
    costPath: readonly PathSegment[];
    costSource: PlannedAction["costSource"];
    resourceCosts: { money: Money; path: readonly PathSegment[] }[];
    funding: { f: PlannedFunding; path: readonly PathSegment[] }[];
  }
  const money: MoneyParts[] = sources.map((s) => {
    const resources = list(s.rec["resources"], [...s.path, "resources"], "resources");
    const resourceCosts = resources.flatMap((r, k) => {
      const rec = checkRecord(r, [...s.path, "resources", k], "resource");
      if (rec["cost"] === undefined) return [];
      const path = [...s.path, "resources", k, "cost"];
      return [{ money: checkMoney(rec["cost"], path, "resource cost"), path }];
    });
    const funding = list(s.rec["funding"], [...s.path, "funding"], "funding").map((f, k) => {
      const path = [...s.path, "funding", k];
      const rec = checkRecord(f, path, "funding");
      const source = rec["source"];
      assertOneOfAt(source, fundingSources, [...path, "source"], "funding source");
      return {
        f: {
          source,
          amount: checkMoney(rec["amount"], [...path, "amount"], "funding amount"),
          secured: rec["secured"] === true,
          note: str(rec["note"]),
        },
        path: [...path, "amount"],
      };
    });
    if (s.rec["cost"] !== undefined) {
      const costPath = [...s.path, "cost"];
      return {
        cost: checkMoney(s.rec["cost"], costPath, "cost"),
        costPath,
        costSource: "cost",
        resourceCosts,
        funding,
      };
    }
    return { cost: null, costPath: [...s.path, "cost"], costSource: null, resourceCosts, funding };
  });
  const firstCurrency = money
    .flatMap((m) => [
      m.cost,
      ...m.resourceCosts.map((r) => r.money),
      ...m.funding.map((f) => f.f.amount),
    ])
    .find((m) => m !== null)?.currency;
  const currency =
    opts["currency"] !== undefined
      ? checkCurrency(opts["currency"], ["options", "currency"], "currency")
      : (budgetInput?.currency ?? firstCurrency ?? "EUR");
  const converter = createConverter(currency, rates, decimals);

  // Costs from resources when no cost is given: one currency as is, mixed currencies converted.
  money.forEach((m) => {
    if (m.cost !== null || m.resourceCosts.length === 0) return;
    const currencies = new Set(m.resourceCosts.map((r) => r.money.currency));
    if (currencies.size === 1) {
      const cur = m.resourceCosts[0]?.money.currency as string;
      m.cost = {
        amount: m.resourceCosts.reduce((acc, r) => acc.plus(r.money.amount), new Dec(0)),
        currency: cur,
      };
    } else {
      m.cost = {
        amount: m.resourceCosts.reduce(
          (acc, r) => acc.plus(converter.convert(r.money, r.path)),
          new Dec(0),
        ),
        currency,
      };
    }
    m.costSource = "resources";
    m.costPath = m.resourceCosts[0]?.path as readonly PathSegment[];
  });

  // Schedules and horizons.
  const ownStarts = sources.map((s) =>
    s.rec["start"] === undefined
      ? undefined
      : checkDate(s.rec["start"], [...s.path, "start"], "start"),
  );
  const effectiveStarts = ownStarts.map((own) => own ?? start);
  const schedules = sources.map((s, i): ScheduleStepsResult | null => {
    const steps = list(s.rec["steps"], [...s.path, "steps"], "steps");
    if (steps.length === 0) return null;
    const milestones = s.rec["milestones"];
    return remapErrors(
      () =>
        scheduleSteps(steps as readonly ScheduleStepInput[], {
          start: effectiveStarts[i] as string,
          milestones: milestones as readonly ScheduleMilestoneInput[] | undefined,
        }),
      // ["steps", …] and ["options", "milestones", …] point into the action
      (path) => [...s.path, ...(path[0] === "options" ? path.slice(1) : path)],
    );
  });
  const items = sources.map((s, i): HorizonItem => {
    const schedule = schedules[i] ?? null;
    const own = ownStarts[i];
    const base = {
      id: s.id,
      start: own,
      end: s.rec["end"] as string | undefined,
      duration: s.rec["duration"] as HorizonItem["duration"],
    };
    if (base.end !== undefined || base.duration !== undefined || schedule === null) return base;
    const effectiveStart = effectiveStarts[i] as string;
    if (schedule.span.finish < effectiveStart) {
      failAt(
        "end_before_start",
        [...s.path, "steps"],
        `the steps of action "${s.id}" finish on ${schedule.span.finish}, before the action starts on ${effectiveStart}`,
      );
    }
    return { ...base, end: schedule.span.finish };
  });
  const bucketed = remapErrors(
    () =>
      bucketByHorizon(items, {
        start,
        horizons: opts["horizons"] as readonly Horizon[] | undefined,
      }),
    (path) =>
      path[0] === "items"
        ? [...(sources[path[1] as number] as Source).path, ...path.slice(2)]
        : path,
  );
  const horizons = (opts["horizons"] as readonly Horizon[] | undefined) ?? defaultHorizons;

  const actions = sources.map((s, i): PlannedAction => {
    const b = bucketed[i] as (typeof bucketed)[number];
    const m = money[i] as MoneyParts;
    const schedule = schedules[i] ?? null;
    const endSource: PlannedAction["endSource"] =
      s.rec["end"] !== undefined
        ? "end"
        : s.rec["duration"] !== undefined
          ? "duration"
          : schedule !== null
            ? "steps"
            : null;
    const milestoneRecs = list(s.rec["milestones"], [...s.path, "milestones"], "milestones");
    const milestones = milestoneRecs.map((raw, k): PlannedMilestone => {
      const rec = checkRecord(raw, [...s.path, "milestones", k], "milestone");
      const placed = schedule?.milestones[k];
      const statusRaw = rec["status"] ?? "planned";
      assertOneOfAt(
        statusRaw,
        milestoneStatuses,
        [...s.path, "milestones", k, "status"],
        "milestone status",
      );
      const afterStep = str(rec["afterStep"]);
      if (placed === undefined && afterStep !== null) {
        failAt(
          "unknown_reference",
          [...s.path, "milestones", k, "afterStep"],
          `milestone follows unknown step "${afterStep}": the action has no steps`,
        );
      }
      const date =
        placed?.date ??
        (rec["date"] === undefined
          ? null
          : checkDate(rec["date"], [...s.path, "milestones", k, "date"], "milestone date"));
      return {
        id: text(rec["id"], [...s.path, "milestones", k, "id"], "milestone id"),
        title: text(rec["title"], [...s.path, "milestones", k, "title"], "milestone title"),
        date,
        afterStep,
        status: statusRaw,
        reason: placed?.reason ?? (date === null ? "no date and no step" : `dated ${date}`),
      };
    });
    const kpis = list(s.rec["kpis"], [...s.path, "kpis"], "kpis").map((raw, k): PlannedKpi => {
      const rec = checkRecord(raw, [...s.path, "kpis", k], "KPI");
      const baseline =
        rec["baseline"] === undefined || rec["baseline"] === null
          ? null
          : finite(rec["baseline"], [...s.path, "kpis", k, "baseline"], "KPI baseline");
      const target = finite(rec["target"], [...s.path, "kpis", k, "target"], "KPI target");
      const declared = rec["direction"];
      const direction: KpiDirection =
        declared === "increase" || declared === "decrease"
          ? declared
          : baseline !== null && target < baseline
            ? "decrease"
            : "increase";
      return {
        id: text(rec["id"], [...s.path, "kpis", k, "id"], "KPI id"),
        title: text(rec["title"], [...s.path, "kpis", k, "title"], "KPI title"),
        unit: text(rec["unit"], [...s.path, "kpis", k, "unit"], "KPI unit"),
        baseline,
        target,
        due:
          rec["due"] === undefined
            ? null
            : checkDate(rec["due"], [...s.path, "kpis", k, "due"], "KPI due date"),
        direction,
        directionSource: declared === direction ? "declared" : "inferred",
      };
    });
    const risks = list(s.rec["risks"], [...s.path, "risks"], "risks").map((raw, k): PlannedRisk => {
      const rec = checkRecord(raw, [...s.path, "risks", k], "risk");
      const check = (key: "likelihood" | "impact"): number => {
        const v = rec[key];
        if (typeof v !== "number" || !Number.isInteger(v) || v < 1 || v > 5) {
          failAt(
            "out_of_range",
            [...s.path, "risks", k, key],
            `risk ${key} must be a whole number from 1 to 5, got ${describe(v)}`,
          );
        }
        return v;
      };
      const likelihood = check("likelihood");
      const impact = check("impact");
      return {
        id: text(rec["id"], [...s.path, "risks", k, "id"], "risk id"),
        title: text(rec["title"], [...s.path, "risks", k, "title"], "risk title"),
        likelihood,
        impact,
        score: likelihood * impact,
        mitigation: str(rec["mitigation"]),
        owner: str(rec["owner"]),
      };
    });
    const costBase = m.cost === null ? null : converter.convert(m.cost, m.costPath);
    const fundingBase = m.funding.reduce(
      (acc, f) => acc.plus(converter.convert(f.f.amount, f.path)),
      new Dec(0),
    );
    const owner = s.derived ? s.rec["lead"] : s.rec["owner"];
    return {
      id: s.id,
      solution: s.solutionId,
      priority: s.priority,
      title: text(s.rec["title"], [...s.path, "title"], "title"),
      description: str(s.rec["description"]),
      derived: s.derived,
      source: s.path.slice(1),
      owner: str(owner),
      partners: (list(s.rec["partners"], [...s.path, "partners"], "partners") as unknown[]).filter(
        (x): x is string => typeof x === "string",
      ),
      start: b.effectiveStart,
      end: b.effectiveEnd,
      endSource,
      horizon: b.horizon,
      horizonLabel: b.label,
      horizonReason:
        endSource === "steps" ? `steps finish ${b.reason.slice("end ".length)}` : b.reason,
      horizonRule: b.rule,
      schedule,
      milestones,
      resources: list(s.rec["resources"], [...s.path, "resources"], "resources").map(
        (raw, k): Resource => {
          const rec = raw as Resource;
          if (rec.quantity === undefined) return rec;
          const path = [...s.path, "resources", k, "quantity"];
          const quantity = finite(rec.quantity, path, "resource quantity");
          if (quantity < 0) {
            failAt("out_of_range", path, `resource quantity must not be negative, got ${quantity}`);
          }
          return { ...rec, quantity };
        },
      ),
      cost: m.cost,
      costSource: m.costSource,
      funding: m.funding.map((f) => f.f),
      budget: {
        cost: costBase === null ? null : { amount: costBase, currency },
        funding: { amount: fundingBase, currency },
        gap: costBase === null ? null : { amount: minus(costBase, fundingBase), currency },
      },
      kpis,
      risks,
    };
  });

  const totals = computeTotals(actions, money, horizons, converter, budgetInput);
  const dated = actions.flatMap((act) =>
    act.end === null ? [] : [{ id: act.id, start: act.start, end: act.end }],
  );
  const risks = actions
    .flatMap((act) => act.risks.map((r): PlanRisk => ({ action: act.id, ...r })))
    .sort((x, y) => y.score - x.score || compareIds(x.action, y.action) || compareIds(x.id, y.id));

  return {
    method: "buildActionPlan",
    parameters: {
      start,
      startSource,
      horizons: horizons.map((h) => ({ id: h.id, label: h.label, months: h.months })),
      currency,
      rates: [...rates].map(([c, rate]) => ({ currency: c, rate })),
      decimals,
    },
    city: text(
      checkRecord(a["city"], ["assessment", "city"], "city")["id"],
      ["assessment", "city", "id"],
      "city id",
    ),
    programme: { id: programmeId, start: programmeStart, end: programmeEnd },
    priorities: [...priorities],
    solutions: solutions.map((sol, p): PlannedSolution => {
      const id = sol["id"] as string;
      const own = actions.filter((act) => act.solution === id);
      return {
        id,
        title: sol["title"] as string,
        priority: p + 1,
        actions: own.map((act) => act.id),
        derived: own.some((act) => act.derived),
      };
    }),
    actions,
    risks,
    totals,
    calendar: {
      months: groupByPeriod(dated, { period: "month" }),
      quarters: groupByPeriod(dated, { period: "quarter" }),
    },
  };
}

function computeTotals(
  actions: readonly PlannedAction[],
  money: readonly {
    cost: Money | null;
    funding: readonly { f: PlannedFunding; path: readonly PathSegment[] }[];
  }[],
  horizons: readonly Horizon[],
  converter: Converter,
  budgetInput: Money | null,
): ActionPlanTotals {
  const currency = converter.currency;
  const sum = (xs: readonly Decimal[]): Money => ({
    amount: xs.reduce((acc, x) => acc.plus(x), new Dec(0)),
    currency,
  });
  const costOf = (act: PlannedAction): Decimal => act.budget.cost?.amount ?? new Dec(0);

  const horizonRows: { id: string; label: string }[] = [
    ...horizons.map((h) => ({ id: h.id, label: h.label })),
    { id: "beyondHorizon", label: "Beyond the horizon" },
    { id: "unscheduled", label: "Unscheduled" },
  ];
  const byHorizon = horizonRows.map((h): HorizonTotal => {
    const own = actions.filter((act) => act.horizon === h.id);
    const cost = sum(own.map(costOf));
    const funding = sum(own.map((act) => act.budget.funding.amount));
    return {
      horizon: h.id,
      label: h.label,
      actions: own.map((act) => act.id),
      cost,
      funding,
      gap: { amount: minus(cost.amount, funding.amount), currency },
    };
  });

  const bySource = fundingSources.map((source): SourceTotal => {
    const amounts: Decimal[] = [];
    const secured: Decimal[] = [];
    const ids = new Set<string>();
    actions.forEach((act, i) => {
      (money[i] as (typeof money)[number]).funding.forEach(({ f, path }) => {
        if (f.source !== source) return;
        const v = converter.convert(f.amount, path);
        amounts.push(v);
        if (f.secured) secured.push(v);
        ids.add(act.id);
      });
    });
    return { source, amount: sum(amounts), secured: sum(secured), actions: [...ids] };
  });

  const years = new Map<number | null, Decimal>();
  const addYear = (year: number | null, v: Decimal): void => {
    years.set(year, (years.get(year) ?? new Dec(0)).plus(v));
  };
  for (const act of actions) {
    const cost = act.budget.cost?.amount;
    if (cost === undefined) continue;
    if (act.end === null) {
      addYear(null, cost);
      continue;
    }
    const spread = daysByYear(act.start, act.end);
    if (spread.length === 0) {
      addYear(Number(act.start.slice(0, 4)), cost);
      continue;
    }
    const split = allocateBudget(
      cost,
      spread.map((y) => y.days),
      {
        decimals: Math.max(converter.decimals, cost.decimalPlaces()),
      },
    );
    spread.forEach((y, k) => addYear(y.year, split.amounts[k] as Decimal));
  }
  const byYear = [...years]
    .sort(([x], [y]) => (x === null ? 1 : y === null ? -1 : x - y))
    .map(([year, amount]): YearTotal => ({ year, cost: { amount, currency } }));

  const currencies = new Map<
    string,
    { cost: Decimal; funding: Decimal; costC: Decimal; fundingC: Decimal }
  >();
  const row = (c: string) => {
    let r = currencies.get(c);
    if (r === undefined) {
      r = { cost: new Dec(0), funding: new Dec(0), costC: new Dec(0), fundingC: new Dec(0) };
      currencies.set(c, r);
    }
    return r;
  };
  actions.forEach((act, i) => {
    const m = money[i];
    if (act.cost !== null && act.budget.cost !== null) {
      const r = row(act.cost.currency);
      r.cost = r.cost.plus(act.cost.amount);
      r.costC = r.costC.plus(act.budget.cost.amount);
    }
    (m as (typeof money)[number]).funding.forEach(({ f, path }) => {
      const r = row(f.amount.currency);
      r.funding = r.funding.plus(f.amount.amount);
      r.fundingC = r.fundingC.plus(converter.convert(f.amount, path));
    });
  });
  const byCurrency = [...currencies]
    .sort(([x], [y]) => compareIds(x, y))
    .map(([c, r]): CurrencyTotal => ({
      currency: c,
      cost: { amount: r.cost, currency: c },
      funding: { amount: r.funding, currency: c },
      costConverted: { amount: r.costC, currency },
      fundingConverted: { amount: r.fundingC, currency },
    }));

  const cost = sum(actions.map(costOf));
  const funding = sum(actions.map((act) => act.budget.funding.amount));
  const secured = sum(bySource.map((s) => s.secured.amount));
  const budget =
    budgetInput === null
      ? null
      : { amount: converter.convert(budgetInput, ["assessment", "plan", "budget"]), currency };
  return {
    currency,
    cost,
    funding,
    secured,
    gap: { amount: minus(cost.amount, funding.amount), currency },
    budget,
    budgetRemaining:
      budget === null ? null : { amount: minus(budget.amount, cost.amount), currency },
    actionsWithoutCost: actions.filter((act) => act.cost === null).map((act) => act.id),
    byHorizon,
    bySource,
    byYear,
    byCurrency,
  };
}
