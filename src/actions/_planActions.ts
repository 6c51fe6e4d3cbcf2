import type { Decimal } from "decimal.js";
import { Dec } from "../_lib/decimal.js";
import type { Action, Resource, Solution } from "../schema/entities.js";
import type { KpiDirection } from "../schema/vocabularies.js";
import type { BucketedItem } from "../timeline/bucketByHorizon.js";
import type { ScheduleStepsResult } from "../timeline/scheduleSteps.js";
import { minus, type Convert } from "./_planMoney.js";
import { at, type MoneyParts, type Source } from "./_planSources.js";
import type {
  PlannedAction,
  PlannedKpi,
  PlannedMilestone,
  PlannedRisk,
  PlannedSolution,
} from "./_planTypes.js";

/*
 * Step 3 of `buildActionPlan`: each action of the plan, from its source, its schedule, its
 * horizon and its money converted into the plan currency; and the selected solutions with their
 * actions.
 */

/** −0 as 0 (a parsed number may be −0: JSON.parse("-0") is −0). */
function clean(x: number): number {
  return x === 0 ? 0 : x;
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
 * One action of the plan: where its end comes from, its horizon, its schedule and milestones, its
 * cost (converted, then its funding, in that order) and gap, KPIs and risks. Returns the action
 * and its funding amounts converted, which the totals add up again.
 */
export function planAction(
  s: Source,
  b: BucketedItem,
  m: MoneyParts,
  schedule: ScheduleStepsResult | null,
  convert: Convert,
  currency: string,
): { readonly action: PlannedAction; readonly fundingConverted: Decimal[] } {
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
  const converted = m.funding.map((f, k) => convert(f.amount, () => at(s, "funding", k, "amount")));
  const fundingBase = converted.reduce((acc, x) => acc.plus(x), new Dec(0));
  const owner = s.derived ? s.solution.lead : (rec as Action).owner;
  const action: PlannedAction = {
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
  return { action, fundingConverted: converted };
}

/** The selected solutions in priority order, each with the ids of its actions. */
export function plannedSolutions(
  selected: readonly Solution[],
  actions: readonly PlannedAction[],
): PlannedSolution[] {
  const bySolution = new Map<string, PlannedAction[]>();
  for (const act of actions) {
    const list = bySolution.get(act.solution);
    if (list === undefined) bySolution.set(act.solution, [act]);
    else list.push(act);
  }
  return selected.map((sol, p): PlannedSolution => {
    const own = bySolution.get(sol.id) ?? [];
    return {
      id: sol.id,
      title: sol.title,
      priority: p + 1,
      actions: own.map((act) => act.id),
      derived: own.some((act) => act.derived),
    };
  });
}
