import type { Decimal } from "decimal.js";
import type { PathSegment } from "../errors/AssessmentError.js";
import { assertArrayAt, assertString, describe, failAt, remapErrors } from "../_lib/assert.js";
import { daysBetween } from "../_lib/dates.js";
import { Dec, isDecimal } from "../_lib/decimal.js";
import { assertParsed } from "../_lib/parsed.js";
import { compareIds } from "../_lib/sort.js";
import type { Assessment } from "../schema/assessment.js";
import type { Money } from "../schema/common.js";
import type { Action, Resource, Solution } from "../schema/entities.js";
import {
  fundingSources,
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
import { scheduleSteps, type ScheduleStepsResult } from "../timeline/scheduleSteps.js";
import {
  dateOption,
  optional,
  readOptions,
  readValue,
  recordOption,
  type OptionSpec,
} from "../_lib/options.js";
import { allocateBudget } from "./allocateBudget.js";
import { currencyOption, decimalsOption } from "./_shared.js";

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

/** A selected solution's action, or the action derived from a solution without any. */
interface Source {
  readonly rec: Solution | Action;
  readonly id: string;
  readonly solution: Solution;
  readonly priority: number;
  readonly derived: boolean;
  /** Where `rec` is in the assessment: `[collection, index]`. */
  readonly collection: "solutions" | "actions";
  readonly index: number;
}

/** A source's money as given, before conversion into the plan currency. */
interface MoneyParts {
  readonly cost: Money | null;
  readonly costSource: PlannedAction["costSource"];
  /** Index of the first costed resource when the cost comes from the resources, else −1. */
  readonly costResource: number;
  readonly funding: readonly PlannedFunding[];
}

/** Converts an amount into the plan currency; `where` gives its path, built only on failure. */
type Convert = (m: Money, where: () => readonly PathSegment[]) => Decimal;

function at(s: Source, ...rest: readonly PathSegment[]): readonly PathSegment[] {
  return ["assessment", s.collection, s.index, ...rest];
}

/** `a − b`, with −0 normalised to 0. */
function minus(a: Decimal, b: Decimal): Decimal {
  const d = a.minus(b);
  return d.isZero() ? new Dec(0) : d;
}

/** −0 as 0 (a parsed number may be −0: JSON.parse("-0") is −0). */
function clean(x: number): number {
  return x === 0 ? 0 : x;
}

/** The exchange rates of the options (an object, checked by the options table), by currency. */
function checkRates(r: Readonly<Record<string, unknown>> | undefined): Map<string, Decimal> {
  const out = new Map<string, Decimal>();
  if (r === undefined) return out;
  for (const key of Object.keys(r).sort(compareIds)) {
    readValue(key, RATES, key, currencyOption);
    const raw = r[key];
    let rate: Decimal;
    if (isDecimal(raw)) rate = raw;
    else if (typeof raw === "string" && /^\d{1,20}(\.\d{1,20})?$/.test(raw)) rate = new Dec(raw);
    else {
      return failAt(
        "invalid_money",
        ["options", "rates", key],
        `rate must be a Decimal or a decimal string such as "0.51129" (never a JS number), got ${describe(raw)}`,
      );
    }
    if (!rate.isFinite() || !rate.gt(0)) {
      failAt(
        "out_of_range",
        ["options", "rates", key],
        `rate must be positive, got ${rate.toString()}`,
      );
    }
    out.set(key, new Dec(rate));
  }
  return out;
}

function createConverter(
  currency: string,
  rates: ReadonlyMap<string, Decimal>,
  decimals: number,
): Convert {
  return (m, where) => {
    if (m.currency === currency) return m.amount;
    const rate = rates.get(m.currency);
    if (rate === undefined) {
      failAt(
        "currency_mismatch",
        [...where(), "currency"],
        `amount is in ${m.currency} but the plan currency is ${currency}, and currencies are never added together without explicit rates: pass options.rates.${m.currency}`,
      );
    }
    return m.amount.times(rate).toDecimalPlaces(decimals, Dec.ROUND_HALF_EVEN);
  };
}

const NO_PATH: readonly PathSegment[] = [];
const OPTIONS: readonly PathSegment[] = ["options"];
const RATES: readonly PathSegment[] = ["options", "rates"];
/** The options of {@link buildActionPlan} (`horizons` are read by {@link bucketByHorizon}). */
const PLAN_OPTIONS = {
  start: optional(dateOption),
  decimals: decimalsOption,
  rates: optional(recordOption),
  currency: optional(currencyOption),
};

/**
 * The priorities: a non-empty array (`invalid_type`, `empty`) of distinct (`duplicate_id`) ids
 * (`invalid_type`) of solutions of the assessment (`unknown_reference`).
 */
function prioritySpec(position: ReadonlyMap<string, number>): OptionSpec<readonly string[]> {
  return {
    test: (value): value is readonly string[] => Array.isArray(value) && value.length > 0,
    code: "empty",
    expected: "a non-empty array of solution ids",
    explain: assertArrayAt,
    unique: true,
    each: {
      test: (value): value is string => typeof value === "string" && position.has(value),
      code: "unknown_reference",
      expected: "the id of a solution of the assessment",
      explain: assertString,
    },
  };
}

/** Collects the actions of the selected solutions (checked priorities), in priority order. */
function collectSources(
  a: Assessment,
  priorities: readonly string[],
  position: ReadonlyMap<string, number>,
): { sources: Source[]; selected: Solution[] } {
  const actions = a.actions ?? [];
  const own = new Map<string, number[]>();
  actions.forEach((act, k) => {
    const list = own.get(act.solution);
    if (list === undefined) own.set(act.solution, [k]);
    else list.push(k);
  });
  const sources: Source[] = [];
  const selected: Solution[] = [];
  for (let p = 0; p < priorities.length; p++) {
    const id = priorities[p] as string;
    const i = position.get(id) as number;
    const solution = a.solutions[i] as Solution;
    selected.push(solution);
    const ks = own.get(id);
    if (ks === undefined) {
      sources.push({
        rec: solution,
        id,
        solution,
        priority: p + 1,
        derived: true,
        collection: "solutions",
        index: i,
      });
      continue;
    }
    for (const k of ks) {
      const act = actions[k] as Action;
      sources.push({
        rec: act,
        id: act.id,
        solution,
        priority: p + 1,
        derived: false,
        collection: "actions",
        index: k,
      });
    }
  }
  return { sources, selected };
}

/** A source's cost (else its resources' costs, added up) and its funding, as given. */
function moneyOf(rec: Solution | Action): MoneyParts {
  const funding = (rec.funding ?? []).map((f): PlannedFunding => ({
    source: f.source,
    amount: f.amount,
    secured: f.secured === true,
    note: f.note ?? null,
  }));
  if (rec.cost !== undefined) {
    return { cost: rec.cost, costSource: "cost", costResource: -1, funding };
  }
  // the parser has checked that the costs added up here share one currency
  const resources = rec.resources ?? [];
  let first = -1;
  let amount = new Dec(0);
  for (let k = 0; k < resources.length; k++) {
    const cost = (resources[k] as Resource).cost;
    if (cost === undefined) continue;
    if (first < 0) first = k;
    amount = amount.plus(cost.amount);
  }
  if (first < 0) return { cost: null, costSource: null, costResource: -1, funding };
  const currency = ((resources[first] as Resource).cost as Money).currency;
  return { cost: { amount, currency }, costSource: "resources", costResource: first, funding };
}

/** The first currency among the sources' amounts (cost, else resources' costs, then funding). */
function firstCurrency(sources: readonly Source[]): string | undefined {
  for (const s of sources) {
    if (s.rec.cost !== undefined) return s.rec.cost.currency;
    for (const r of s.rec.resources ?? []) if (r.cost !== undefined) return r.cost.currency;
    const f = s.rec.funding?.[0];
    if (f !== undefined) return f.amount.currency;
  }
  return undefined;
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

function plannedKpis(rec: Solution | Action): PlannedKpi[] {
  return (rec.kpis ?? []).map((k): PlannedKpi => {
    const baseline = k.baseline === undefined || k.baseline === null ? null : clean(k.baseline);
    const target = clean(k.target);
    const direction: KpiDirection =
      k.direction ?? (baseline !== null && target < baseline ? "decrease" : "increase");
    return {
      id: k.id,
      title: k.title,
      unit: k.unit,
      baseline,
      target,
      due: k.due ?? null,
      direction,
      directionSource: k.direction === direction ? "declared" : "inferred",
    };
  });
}

function plannedRisks(rec: Solution | Action): PlannedRisk[] {
  return (rec.risks ?? []).map((r): PlannedRisk => ({
    id: r.id,
    title: r.title,
    likelihood: r.likelihood,
    impact: r.impact,
    score: r.likelihood * r.impact,
    mitigation: r.mitigation ?? null,
    owner: r.owner ?? null,
  }));
}

function plannedMilestones(s: Source, schedule: ScheduleStepsResult | null): PlannedMilestone[] {
  if (s.derived) return [];
  return ((s.rec as Action).milestones ?? []).map((m, k): PlannedMilestone => {
    // an action with milestones after a step has steps (the parser checked), so they are placed
    const placed = schedule?.milestones[k];
    const date = placed?.date ?? m.date ?? null;
    return {
      id: m.id,
      title: m.title,
      date,
      afterStep: m.afterStep ?? null,
      status: m.status ?? "planned",
      reason: placed?.reason ?? (date === null ? "no date and no step" : `dated ${date}`),
    };
  });
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
 * `cost`, else the sum of its resources' costs. Amounts in another currency than the plan's are
 * converted with `options.rates` (rounded half-even to `decimals`), never added without a rate.
 * Risk score = likelihood × impact. Cost by year is spread over the calendar days of `[start, end)`
 * with {@link allocateBudget}, so the years sum exactly to the cost.
 *
 * The assessment is trusted as `parseAssessment` returned it: the parser has refused whatever
 * would stop the plan with the default options (dependency cycles, dates the timeline cannot place,
 * several currencies, an action id taken by a derived action…). What is checked here is what the
 * parser cannot know: the priorities and the options.
 *
 * @param assessment - a parsed assessment (see `parseAssessment`)
 * @param priorities - ids of the selected solutions, highest priority first
 * @param options - plan start, horizons, currency, exchange rates, decimals
 * @returns the {@link ActionPlan}
 * @throws AssessmentError `not_parsed` (an assessment that did not come from `parseAssessment`);
 *   `invalid_type`, `empty`, `unknown_reference`, `duplicate_id` (priorities that are not an array,
 *   none, an id naming no solution, a solution twice); `invalid_type`, `invalid_date`,
 *   `invalid_value`, `invalid_money`, `out_of_range` (bad options: start, currency code, a rate
 *   given as a number or not positive, `decimals` outside 0–10); `currency_mismatch` (an
 *   `options.currency` other than the assessment's without a rate for it); and the errors of
 *   {@link bucketByHorizon} and {@link scheduleSteps} that `options.start` or `options.horizons`
 *   cause (an end before a later start, bad horizons, a date past 9999), with paths into
 *   `assessment` or `options`
 * @example
 * ```ts
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
  assertParsed(assessment, "assessment");
  const a = assessment;
  const position = new Map<string, number>();
  a.solutions.forEach((s, i) => position.set(s.id, i));
  const selection = readValue(priorities, NO_PATH, "priorities", prioritySpec(position));
  const opts = readOptions(options, OPTIONS, "options", PLAN_OPTIONS);

  let start: string;
  let startSource: ActionPlan["parameters"]["startSource"];
  if (opts.start !== undefined) {
    start = opts.start;
    startSource = "options";
  } else if (a.plan?.start !== undefined) {
    start = a.plan.start;
    startSource = "plan";
  } else {
    start = a.programme.start;
    startSource = "programme";
  }
  const decimals = opts.decimals;
  const rates = checkRates(opts.rates);
  const budgetInput = a.plan?.budget ?? null;

  const { sources, selected } = collectSources(a, selection, position);
  const money = sources.map((s) => moneyOf(s.rec));
  const currency = opts.currency ?? budgetInput?.currency ?? firstCurrency(sources) ?? "EUR";
  const convert = createConverter(currency, rates, decimals);

  // Schedules and horizons: with the default start the parser has checked that both succeed;
  // a start or horizons given as options can still be refused, with paths into the assessment.
  const schedules = sources.map((s): ScheduleStepsResult | null => {
    const steps = s.rec.steps;
    if (steps === undefined || steps.length === 0) return null;
    const milestones = s.derived ? undefined : (s.rec as Action).milestones;
    return remapErrors(
      () => scheduleSteps(steps, { start: s.rec.start ?? start, milestones }),
      // ["steps", …] and ["options", "milestones", …] point into the action
      (path) => at(s, ...(path[0] === "options" ? path.slice(1) : path)),
    );
  });
  const items = sources.map((s, i): HorizonItem => {
    const schedule = schedules[i] ?? null;
    const { start: own, end, duration } = s.rec;
    const base = { id: s.id, start: own, end, duration };
    if (end !== undefined || duration !== undefined || schedule === null) return base;
    const effectiveStart = own ?? start;
    if (schedule.span.finish < effectiveStart) {
      failAt(
        "end_before_start",
        at(s, "steps"),
        `the steps of action "${s.id}" finish on ${schedule.span.finish}, before the action starts on ${effectiveStart}`,
      );
    }
    return { ...base, end: schedule.span.finish };
  });
  const bucketed = remapErrors(
    () =>
      bucketByHorizon(items, {
        start,
        horizons: options.horizons,
      }),
    (path) =>
      path[0] === "items" ? at(sources[path[1] as number] as Source, ...path.slice(2)) : path,
  );
  const horizons = options.horizons ?? defaultHorizons;

  // Funding converted once, for the actions and for the totals.
  const fundingConverted: Decimal[][] = [];
  const actions = sources.map((s, i): PlannedAction => {
    const b = bucketed[i] as (typeof bucketed)[number];
    const m = money[i] as MoneyParts;
    const schedule = schedules[i] ?? null;
    const rec = s.rec;
    const endSource: PlannedAction["endSource"] =
      rec.end !== undefined
        ? "end"
        : rec.duration !== undefined
          ? "duration"
          : schedule !== null
            ? "steps"
            : null;
    const costBase =
      m.cost === null
        ? null
        : convert(m.cost, () =>
            m.costResource < 0 ? at(s, "cost") : at(s, "resources", m.costResource, "cost"),
          );
    const converted = m.funding.map((f, k) =>
      convert(f.amount, () => at(s, "funding", k, "amount")),
    );
    fundingConverted.push(converted);
    const fundingBase = converted.reduce((acc, x) => acc.plus(x), new Dec(0));
    const owner = s.derived ? s.solution.lead : (rec as Action).owner;
    return {
      id: s.id,
      solution: s.solution.id,
      priority: s.priority,
      title: rec.title,
      description: rec.description ?? null,
      derived: s.derived,
      source: [s.collection, s.index],
      owner: owner ?? null,
      partners: rec.partners ?? [],
      start: b.effectiveStart,
      end: b.effectiveEnd,
      endSource,
      horizon: b.horizon,
      horizonLabel: b.label,
      horizonReason:
        endSource === "steps" ? `steps finish ${b.reason.slice("end ".length)}` : b.reason,
      horizonRule: b.rule,
      schedule,
      milestones: plannedMilestones(s, schedule),
      resources: (rec.resources ?? []).map((r): Resource =>
        r.quantity === undefined ? r : { ...r, quantity: clean(r.quantity) },
      ),
      cost: m.cost,
      costSource: m.costSource,
      funding: m.funding,
      budget: {
        cost: costBase === null ? null : { amount: costBase, currency },
        funding: { amount: fundingBase, currency },
        gap: costBase === null ? null : { amount: minus(costBase, fundingBase), currency },
      },
      kpis: plannedKpis(rec),
      risks: plannedRisks(rec),
    };
  });

  const budget =
    budgetInput === null
      ? null
      : { amount: convert(budgetInput, () => ["assessment", "plan", "budget"]), currency };
  const totals = computeTotals(actions, fundingConverted, horizons, currency, decimals, budget);
  const dated = actions.flatMap((act) =>
    act.end === null ? [] : [{ id: act.id, start: act.start, end: act.end }],
  );
  const risks = actions
    .flatMap((act) => act.risks.map((r): PlanRisk => ({ action: act.id, ...r })))
    .sort((x, y) => y.score - x.score || compareIds(x.action, y.action) || compareIds(x.id, y.id));
  const bySolution = new Map<string, PlannedAction[]>();
  for (const act of actions) {
    const list = bySolution.get(act.solution);
    if (list === undefined) bySolution.set(act.solution, [act]);
    else list.push(act);
  }

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
    city: a.city.id,
    programme: { id: a.programme.id, start: a.programme.start, end: a.programme.end },
    priorities: [...priorities],
    solutions: selected.map((sol, p): PlannedSolution => {
      const own = bySolution.get(sol.id) ?? [];
      return {
        id: sol.id,
        title: sol.title,
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
  fundingConverted: readonly (readonly Decimal[])[],
  horizons: readonly Horizon[],
  currency: string,
  decimals: number,
  budget: Money | null,
): ActionPlanTotals {
  const sum = (xs: readonly Decimal[]): Money => ({
    amount: xs.reduce((acc, x) => acc.plus(x), new Dec(0)),
    currency,
  });
  const costOf = (act: PlannedAction): Decimal => act.budget.cost?.amount ?? new Dec(0);

  const byHorizonId = new Map<string, PlannedAction[]>();
  for (const act of actions) {
    const list = byHorizonId.get(act.horizon);
    if (list === undefined) byHorizonId.set(act.horizon, [act]);
    else list.push(act);
  }
  const horizonRows: { id: string; label: string }[] = [
    ...horizons.map((h) => ({ id: h.id, label: h.label })),
    { id: "beyondHorizon", label: "Beyond the horizon" },
    { id: "unscheduled", label: "Unscheduled" },
  ];
  const byHorizon = horizonRows.map((h): HorizonTotal => {
    const own = byHorizonId.get(h.id) ?? [];
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

  const sources = new Map<
    FundingSource,
    { amounts: Decimal[]; secured: Decimal[]; actions: Set<string> }
  >(fundingSources.map((source) => [source, { amounts: [], secured: [], actions: new Set() }]));
  actions.forEach((act, i) => {
    const converted = fundingConverted[i] as readonly Decimal[];
    act.funding.forEach((f, k) => {
      const row = sources.get(f.source) as NonNullable<ReturnType<typeof sources.get>>;
      const v = converted[k] as Decimal;
      row.amounts.push(v);
      if (f.secured) row.secured.push(v);
      row.actions.add(act.id);
    });
  });
  const bySource = fundingSources.map((source): SourceTotal => {
    const row = sources.get(source) as NonNullable<ReturnType<typeof sources.get>>;
    return {
      source,
      amount: sum(row.amounts),
      secured: sum(row.secured),
      actions: [...row.actions],
    };
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
      { decimals: Math.max(decimals, cost.decimalPlaces()) },
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
    if (act.cost !== null && act.budget.cost !== null) {
      const r = row(act.cost.currency);
      r.cost = r.cost.plus(act.cost.amount);
      r.costC = r.costC.plus(act.budget.cost.amount);
    }
    const converted = fundingConverted[i] as readonly Decimal[];
    act.funding.forEach((f, k) => {
      const r = row(f.amount.currency);
      r.funding = r.funding.plus(f.amount.amount);
      r.fundingC = r.fundingC.plus(converted[k] as Decimal);
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
