import type { PathSegment } from "../errors/AssessmentError.js";
import { Dec } from "../_lib/decimal.js";
import type { Assessment } from "../schema/assessment.js";
import type { Money } from "../schema/common.js";
import type { Action, Resource, Solution } from "../schema/entities.js";
import type { PlannedAction, PlannedFunding } from "./_planTypes.js";

/*
 * Step 1 of `buildActionPlan`: the actions of the selected solutions (or an action derived from a
 * solution without any), where each comes from in the assessment, and its money as given.
 */

/** A selected solution's action, or the action derived from a solution without any. */
export /** A selected solution's action, or the action derived from a solution without any. */
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

/** The path of a field of a source in the assessment: `["assessment", collection, index, …rest]`. */
export function at(s: Source, ...rest: readonly PathSegment[]): readonly PathSegment[] {
  return ["assessment", s.collection, s.index, ...rest];
}

/** Collects the actions of the selected solutions (checked priorities), in priority order. */
export function collectSources(
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

/** A source's money as given, before conversion into the plan currency. */
export interface MoneyParts {
  readonly cost: Money | null;
  readonly costSource: PlannedAction["costSource"];
  /** Index of the first costed resource when the cost comes from the resources, else −1. */
  readonly costResource: number;
  readonly funding: readonly PlannedFunding[];
}

/** A source's cost (else its resources' costs, added up) and its funding, as given. */
export function moneyOf(rec: Solution | Action): MoneyParts {
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
export function firstCurrency(sources: readonly Source[]): string | undefined {
  for (const s of sources) {
    if (s.rec.cost !== undefined) return s.rec.cost.currency;
    for (const r of s.rec.resources ?? []) if (r.cost !== undefined) return r.cost.currency;
    const f = s.rec.funding?.[0];
    if (f !== undefined) return f.amount.currency;
  }
  return undefined;
}
