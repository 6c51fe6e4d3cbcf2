import type { Decimal } from "decimal.js";
import { daysBetween } from "../_lib/dates.js";
import { Dec } from "../_lib/decimal.js";
import { compareIds } from "../_lib/sort.js";
import type { Money } from "../schema/common.js";
import { fundingSources, type FundingSource } from "../schema/vocabularies.js";
import type { Horizon } from "../timeline/defaultHorizons.js";
import { allocateBudget } from "./allocateBudget.js";
import { minus } from "./_planMoney.js";
import type {
  ActionPlanTotals,
  CurrencyTotal,
  HorizonTotal,
  PlannedAction,
  SourceTotal,
  YearTotal,
} from "./_planTypes.js";

/*
 * Step 4 of `buildActionPlan`: the plan's money in the plan currency, overall and by horizon,
 * funding source, calendar year and original currency, with the funding gap and the budget left.
 */

/** Adds amounts up into money of the plan currency. */
type Sum = (xs: readonly Decimal[]) => Money;

/** An action's cost in the plan currency, 0 without one. */
const costOf = (act: PlannedAction): Decimal => act.budget.cost?.amount ?? new Dec(0);

/** Cost, funding and gap of each horizon, then of "beyond the horizon" and "unscheduled". */
function totalsByHorizon(
  actions: readonly PlannedAction[],
  horizons: readonly Horizon[],
  sum: Sum,
  currency: string,
): HorizonTotal[] {
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
  return horizonRows.map((h): HorizonTotal => {
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
}

/** Funding (and the secured part) of each funding source, in the vocabulary's order. */
function totalsBySource(
  actions: readonly PlannedAction[],
  fundingConverted: readonly (readonly Decimal[])[],
  sum: Sum,
): SourceTotal[] {
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
  return fundingSources.map((source): SourceTotal => {
    const row = sources.get(source) as NonNullable<ReturnType<typeof sources.get>>;
    return {
      source,
      amount: sum(row.amounts),
      secured: sum(row.secured),
      actions: [...row.actions],
    };
  });
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
 * Cost by calendar year: each dated action's cost spread over the days of `[start, end)` with
 * `allocateBudget`, so that its years sum exactly to it; an undated one under `year: null`.
 */
function totalsByYear(
  actions: readonly PlannedAction[],
  decimals: number,
  currency: string,
): YearTotal[] {
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
  return [...years]
    .sort(([x], [y]) => (x === null ? 1 : y === null ? -1 : x - y))
    .map(([year, amount]): YearTotal => ({ year, cost: { amount, currency } }));
}

/** Cost and funding in each original currency, as given and converted, by currency code. */
function totalsByCurrency(
  actions: readonly PlannedAction[],
  fundingConverted: readonly (readonly Decimal[])[],
  currency: string,
): CurrencyTotal[] {
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
  return [...currencies]
    .sort(([x], [y]) => compareIds(x, y))
    .map(([c, r]): CurrencyTotal => ({
      currency: c,
      cost: { amount: r.cost, currency: c },
      funding: { amount: r.funding, currency: c },
      costConverted: { amount: r.costC, currency },
      fundingConverted: { amount: r.fundingC, currency },
    }));
}

/**
 * The plan's totals: cost, funding, secured funding, gap, the budget and what it leaves, the
 * actions without a cost, and the totals by horizon, source, year and currency.
 */
export function computeTotals(
  actions: readonly PlannedAction[],
  fundingConverted: readonly (readonly Decimal[])[],
  horizons: readonly Horizon[],
  currency: string,
  decimals: number,
  budget: Money | null,
): ActionPlanTotals {
  const sum: Sum = (xs) => ({
    amount: xs.reduce((acc, x) => acc.plus(x), new Dec(0)),
    currency,
  });
  const byHorizon = totalsByHorizon(actions, horizons, sum, currency);
  const bySource = totalsBySource(actions, fundingConverted, sum);
  const byYear = totalsByYear(actions, decimals, currency);
  const byCurrency = totalsByCurrency(actions, fundingConverted, currency);
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
