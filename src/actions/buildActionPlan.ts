import type { Decimal } from "decimal.js";
import type { PathSegment } from "../errors/AssessmentError.js";
import { assertArrayAt, assertString } from "../_lib/assert.js";
import { currencyOption, decimalsOption } from "../_lib/money.js";
import {
  dateOption,
  optional,
  readOptions,
  readValue,
  recordOption,
  type OptionSpec,
} from "../_lib/options.js";
import { assertParsed } from "../_lib/parsed.js";
import { compareIds } from "../_lib/sort.js";
import type { Assessment } from "../schema/assessment.js";
import { defaultHorizons, type Horizon } from "../timeline/defaultHorizons.js";
import { groupByPeriod } from "../timeline/groupByPeriod.js";
import { planAction, plannedSolutions } from "./_planActions.js";
import { checkRates, createConverter } from "./_planMoney.js";
import { placeSources, scheduleSources } from "./_planSchedule.js";
import { collectSources, firstCurrency, moneyOf } from "./_planSources.js";
import { computeTotals } from "./_planTotals.js";
import type { ActionPlan, PlannedAction, PlanRisk } from "./_planTypes.js";

export type {
  ActionPlan,
  ActionPlanTotals,
  CurrencyTotal,
  HorizonTotal,
  PlannedAction,
  PlannedFunding,
  PlannedKpi,
  PlannedMilestone,
  PlannedRisk,
  PlannedSolution,
  PlanRisk,
  SourceTotal,
  YearTotal,
} from "./_planTypes.js";

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

const NO_PATH: readonly PathSegment[] = [];
const OPTIONS: readonly PathSegment[] = ["options"];
/** The options of {@link buildActionPlan} (`horizons` are read by `bucketByHorizon`). */
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

/** The plan start: the option, else the plan's, else the programme's; and which it was. */
function planStart(
  a: Assessment,
  given: string | undefined,
): { start: string; startSource: ActionPlan["parameters"]["startSource"] } {
  if (given !== undefined) return { start: given, startSource: "options" };
  if (a.plan?.start !== undefined) return { start: a.plan.start, startSource: "plan" };
  return { start: a.programme.start, startSource: "programme" };
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
 * (docs/methodology/timeline-actions.md, Action plan).
 *
 * Rules: each selected solution contributes the actions that name it, in the order listed; a
 * solution with none contributes one action derived from itself (title, lead as owner, partners,
 * dates, steps, cost, funding, KPIs, risks). An action starts on its own start or the plan start;
 * its steps are scheduled with `scheduleSteps` from there; its end is its `end`, else start +
 * `duration`, else the finish of its steps, and `bucketByHorizon` places it. Its cost is
 * `cost`, else the sum of its resources' costs. Amounts in another currency than the plan's are
 * converted with `options.rates` (rounded half-even to `decimals`), never added without a rate.
 * Risk score = likelihood × impact. Cost by year is spread over the calendar days of `[start, end)`
 * with `allocateBudget`, so the years sum exactly to the cost.
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
 *   `bucketByHorizon` and `scheduleSteps` that `options.start` or `options.horizons`
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
  const { start, startSource } = planStart(a, opts.start);
  const decimals = opts.decimals;
  const rates = checkRates(opts.rates);
  const budgetInput = a.plan?.budget ?? null;

  // 1. the actions of the selected solutions, and their money as given (_planSources)
  const { sources, selected } = collectSources(a, selection, position);
  const money = sources.map((s) => moneyOf(s.rec));
  const currency = opts.currency ?? budgetInput?.currency ?? firstCurrency(sources) ?? "EUR";
  const convert = createConverter(currency, rates, decimals);

  // 2. schedules and horizons (_planSchedule)
  const schedules = scheduleSources(sources, start);
  const bucketed = placeSources(sources, schedules, start, options.horizons);
  const horizons = options.horizons ?? defaultHorizons;

  // 3. the actions, their money converted once for the actions and for the totals (_planActions)
  const fundingConverted: Decimal[][] = [];
  const actions = sources.map((s, i): PlannedAction => {
    const planned = planAction(
      s,
      bucketed[i] as (typeof bucketed)[number],
      money[i] as (typeof money)[number],
      schedules[i] ?? null,
      convert,
      currency,
    );
    fundingConverted.push(planned.fundingConverted);
    return planned.action;
  });

  // 4. the totals (_planTotals), the risks by score, the calendar
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

  return {
    method: "buildActionPlan",
    parameters: {
      start,
      startSource,
      horizons: horizons.map((h: Horizon) => ({ id: h.id, label: h.label, months: h.months })),
      currency,
      rates: [...rates].map(([c, rate]) => ({ currency: c, rate })),
      decimals,
    },
    city: a.city.id,
    programme: { id: a.programme.id, start: a.programme.start, end: a.programme.end },
    priorities: [...priorities],
    solutions: plannedSolutions(selected, actions),
    actions,
    risks,
    totals,
    calendar: {
      months: groupByPeriod(dated, { period: "month" }),
      quarters: groupByPeriod(dated, { period: "quarter" }),
    },
  };
}
