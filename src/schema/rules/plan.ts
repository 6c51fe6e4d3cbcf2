import { formatPath, type PathSegment } from "../../errors/AssessmentError.js";
import {
  addDaysIso,
  addDurationIso,
  addMonthsIso,
  daysBetween,
  formatDuration,
} from "../../_lib/dates.js";
import { Dec } from "../../_lib/decimal.js";
import { compareIds } from "../../_lib/sort.js";
import { defaultHorizons } from "../../timeline/defaultHorizons.js";
import type { Duration, Money } from "../common.js";
import type { Action, Solution, Step } from "../entities.js";
import { error, type RuleContext } from "./context.js";

/**
 * The plan rules: what the timeline and action-plan stages (`bucketByHorizon`, `scheduleSteps`,
 * `buildActionPlan`) and `createReport`'s horizons and action-plan sections would refuse, with the
 * default options, about a document of the right shape. Designed by this project.
 *
 * An item (a solution or an action) starts on its own `start`, else on the plan start
 * (`plan.start`, else `programme.start`), exactly as the stages measure it. Rules:
 * - the plan start plus the longest default horizon (15 months) stays within year 9999;
 * - `plan.selected` names each solution once;
 * - an item without its own start does not end before the plan start;
 * - an item with both `end` and `duration` has them agree (start + duration = end), and start +
 *   duration stays within year 9999;
 * - steps: each has a `duration` or an `end`; with its own `start`, `end` and `duration` they agree;
 *   no `dependsOn` cycle (one error per cycle, naming its steps); a step given only an `end` (a
 *   deadline) can start by then; the schedule stays within the years 0000–9999; the steps of an
 *   item with neither end nor duration do not all finish before the item starts;
 * - an action's id is not the id of a solution without actions (whose derived action takes it);
 * - one currency for every amount the action plan adds up: the plan budget, each solution's and
 *   action's cost (else its resources' costs) and funding. Exchange rates are an option of the
 *   stage, not part of the document, so a document mixing currencies is refused;
 * - with one currency, the total costs and the total funding stay below 10^15, so every amount a
 *   report of the plan writes fits the format's 15 integer digits.
 */
export function checkPlan(ctx: RuleContext): void {
  const a = ctx.a;
  const planStart = a.plan?.start;
  const start = planStart ?? a.programme.start;
  const startWhere = planStart !== undefined ? "plan.start" : "programme.start";
  checkHorizonRange(ctx, start, startWhere);
  checkSelected(ctx);
  const plan: PlanStart = { date: start, where: startWhere };
  a.solutions.forEach((s, i) => checkItem(ctx, s, "solutions", i, plan));
  (a.actions ?? []).forEach((act, k) => checkItem(ctx, act, "actions", k, plan));
  checkDerivedIds(ctx);
  if (checkCurrencies(ctx)) checkTotals(ctx);
}

/** The date items without their own start start on, and where the document gives it. */
interface PlanStart {
  readonly date: string;
  readonly where: "plan.start" | "programme.start";
}

type Item = Solution | Action;
type Collection = "solutions" | "actions";

/** The last date the stages compute with. */
const LAST_DATE = "9999-12-31";
const EPOCH = "1970-01-01";
const MIN_DAY = daysBetween(EPOCH, "0000-01-01");
const MAX_DAY = daysBetween(EPOCH, LAST_DATE);

/** Whether a computed date is a `YYYY-MM-DD` date of the years 0000–9999. */
function inRange(date: string): boolean {
  return date.length === 10 && date <= LAST_DATE && date >= "0000-01-01";
}

/** `date` plus a duration of the format (date-fns `add`, as the timeline computes it). */
function plus(date: string, d: Duration): string {
  // a parsed duration has no key set to undefined
  return addDurationIso(date, d as Parameters<typeof addDurationIso>[1]);
}

/** An upper bound on the days of a duration (a month has at most 31 days). */
function maxDays(d: Duration): number {
  return (d.months ?? 0) * 31 + (d.weeks ?? 0) * 7 + (d.days ?? 0);
}

/**
 * Whether `date + days` surely stays before year 9999, without date arithmetic. For a schedule,
 * `date` is the latest date given and `days` bounds every step's length and positive lag (a
 * month has at most 31 days), so no finish can pass it: nearly every document needs no forward
 * pass at all.
 */
function surelyInRange(date: string, days: number): boolean {
  return Number(date.slice(0, 4)) + Math.ceil(days / 365) + 1 < 9999;
}

function checkHorizonRange(ctx: RuleContext, start: string, where: string): void {
  const months = Math.max(...defaultHorizons.map((h) => h.months));
  if (surelyInRange(start, months * 31)) return;
  const limit = addMonthsIso(start, months);
  if (!inRange(limit)) {
    error(
      ctx,
      "out_of_range",
      where.split("."),
      `the plan starts on ${start} (${where}), too late for the horizons: start + ${months} months must fall on or before ${LAST_DATE}, got ${limit}`,
    );
  }
}

function checkSelected(ctx: RuleContext): void {
  const selected = ctx.a.plan?.selected;
  if (selected === undefined) return;
  const first = new Map<string, number>();
  selected.forEach((id, i) => {
    const at = first.get(id);
    if (at === undefined) first.set(id, i);
    else {
      error(
        ctx,
        "duplicate_id",
        ["plan", "selected", i],
        `plan.selected must name each solution once, got ${JSON.stringify(id)} again (first at plan.selected[${at}])`,
      );
    }
  });
}

function checkItem(
  ctx: RuleContext,
  item: Item,
  collection: Collection,
  i: number,
  plan: PlanStart,
): void {
  const own = item.start;
  const base = own ?? plan.date;
  const { end, duration } = item;
  // an end before the item's own start is reported by the reference rules
  const broken = own !== undefined && end !== undefined && end < own;
  if (own === undefined && end !== undefined && end < plan.date) {
    error(
      ctx,
      "end_before_start",
      [collection, i, "end"],
      `end ${end} is before the plan start ${plan.date} (${plan.where}), when a ${noun(collection)} without its own start starts: give it a start, or an end on or after ${plan.date}`,
    );
  }
  if (duration !== undefined && !broken) {
    if (end !== undefined) {
      const computed = plus(base, duration);
      if (computed !== end) {
        error(
          ctx,
          "duration_mismatch",
          [collection, i, "duration"],
          `duration ${formatDuration(duration)} from ${from(own, plan)} ends on ${inRange(computed) ? computed : `a date past ${LAST_DATE}`}, but end is ${end}: give the end or the duration, or make them agree`,
        );
      }
    } else if (!surelyInRange(base, maxDays(duration))) {
      const computed = plus(base, duration);
      if (!inRange(computed)) {
        error(
          ctx,
          "out_of_range",
          [collection, i, "duration"],
          `duration ${formatDuration(duration)} from ${from(own, plan)} ends past ${LAST_DATE}, the last date the timeline computes with`,
        );
      }
    }
  }
  const steps = item.steps;
  if (steps !== undefined && steps.length > 0) {
    const spanCheck = end === undefined && duration === undefined;
    checkSteps(ctx, steps, { collection, i }, base, spanCheck);
  }
}

function noun(collection: Collection): string {
  return collection === "solutions" ? "solution" : "action";
}

function from(own: string | undefined, plan: PlanStart): string {
  return own !== undefined
    ? `its start ${own}`
    : `the plan start ${plan.date} (${plan.where}; it has no start of its own)`;
}

/** The item whose steps are checked: paths are built from it only for what is wrong. */
interface Owner {
  readonly collection: Collection;
  readonly i: number;
}

/** The path of an item's steps, and into them. */
function stepsAt(owner: Owner, ...rest: readonly PathSegment[]): PathSegment[] {
  return [owner.collection, owner.i, "steps", ...rest];
}

/** A dependency resolved to the index of its step. */
interface Dep {
  readonly pred: number;
  readonly lag: number;
  /** Position in the step's `dependsOn`. */
  readonly j: number;
}

/**
 * The steps of one item, scheduled as `scheduleSteps` does from the item's start `base`. Problems of
 * the shape or of references (an unknown step, a duplicate id, an end before a start) are reported
 * by the reference rules; a list with any of them is not scheduled here.
 */
function checkSteps(
  ctx: RuleContext,
  steps: readonly Step[],
  owner: Owner,
  base: string,
  spanCheck: boolean,
): void {
  const n = steps.length;
  const index = new Map<string, number>();
  let schedulable = true;
  for (let i = 0; i < n; i++) {
    const id = (steps[i] as Step).id;
    if (index.has(id)) schedulable = false;
    else index.set(id, i);
  }
  // One pass: the step rules, and what decides whether a forward pass is needed at all.
  let deadlines = false;
  let allOwnStart = true;
  let backward = true; // every dependency on an earlier step: no cycle possible
  // the schedule lies within [earliest − back, latest + days] (see `surelyInRange`)
  let latest = base;
  let earliest = base;
  let days = 0;
  let back = 0;
  for (let i = 0; i < n; i++) {
    const s = steps[i] as Step;
    const { start, end, duration } = s;
    if (end === undefined && duration === undefined) {
      schedulable = false;
      error(
        ctx,
        "missing_field",
        stepsAt(owner, i, "duration"),
        `step ${JSON.stringify(s.id)} needs a duration or an end date, got neither`,
      );
    }
    if (start === undefined) {
      allOwnStart = false;
      if (end !== undefined) deadlines = true;
    } else {
      if (start > latest) latest = start;
      if (start < earliest) earliest = start;
    }
    if (end !== undefined) {
      if (end > latest) latest = end;
      if (end < earliest) earliest = end;
    }
    if (start !== undefined && end !== undefined) {
      // an end before the start is reported by the reference rules
      if (end < start) schedulable = false;
      else {
        days += (Number(end.slice(0, 4)) - Number(start.slice(0, 4)) + 1) * 366;
        if (duration !== undefined) checkStepDuration(ctx, s, start, end, duration, owner, i);
      }
    } else if (end === undefined && duration !== undefined) days += maxDays(duration);
    const raw = s.dependsOn;
    if (raw === undefined) continue;
    for (const d of raw) {
      const pred = index.get(d.step);
      if (pred === undefined) schedulable = false;
      else if (pred >= i) backward = false;
      const lag = d.lagDays ?? 0;
      if (lag > 0) days += lag;
      else if (-lag > back) back = -lag;
    }
  }
  let deps: Dep[][] | null = null;
  let order: number[] | null = null;
  if (!backward) {
    deps = dependencies(steps, index);
    order = topologicalOrder(deps);
    if (order.length < n) {
      reportCycles(ctx, steps, deps, owner);
      return;
    }
  }
  if (!schedulable) return;
  const bounded =
    surelyInRange(latest, days) && Number(earliest.slice(0, 4)) - Math.ceil(back / 365) - 1 > 0;
  if (!deadlines && !(spanCheck && allOwnStart) && bounded) return;
  forwardPass(
    ctx,
    steps,
    deps ?? dependencies(steps, index),
    order ?? steps.map((_, i) => i),
    owner,
    base,
    spanCheck,
  );
}

/** A step's own start, end and duration must agree. */
function checkStepDuration(
  ctx: RuleContext,
  s: Step,
  start: string,
  end: string,
  duration: Duration,
  owner: Owner,
  i: number,
): void {
  const computed = plus(start, duration);
  if (computed === end) return;
  error(
    ctx,
    "duration_mismatch",
    stepsAt(owner, i, "duration"),
    `step ${JSON.stringify(s.id)}: duration ${formatDuration(duration)} from its start ${start} ends on ${inRange(computed) ? computed : `a date past ${LAST_DATE}`}, but its end is ${end}: give the end or the duration, or make them agree`,
  );
}

/** The dependencies of each step resolved to step indices (unknown steps left out). */
function dependencies(steps: readonly Step[], index: ReadonlyMap<string, number>): Dep[][] {
  return steps.map((s) => {
    const list: Dep[] = [];
    const raw = s.dependsOn ?? [];
    for (let j = 0; j < raw.length; j++) {
      const d = raw[j] as NonNullable<Step["dependsOn"]>[number];
      const pred = index.get(d.step);
      if (pred !== undefined) list.push({ pred, lag: d.lagDays ?? 0, j });
    }
    return list;
  });
}

/** Kahn's algorithm: the steps in an order where each comes after its predecessors (partial on a cycle). */
function topologicalOrder(deps: readonly (readonly Dep[])[]): number[] {
  const n = deps.length;
  const successors: number[][] = Array.from({ length: n }, () => []);
  const indegree = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    for (const d of deps[i] as readonly Dep[]) {
      (successors[d.pred] as number[]).push(i);
      indegree[i] = (indegree[i] as number) + 1;
    }
  }
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (indegree[i] === 0) order.push(i);
  for (let k = 0; k < order.length; k++) {
    for (const w of successors[order[k] as number] as number[]) {
      indegree[w] = (indegree[w] as number) - 1;
      if (indegree[w] === 0) order.push(w);
    }
  }
  return order;
}

/**
 * One error per strongly connected component with a cycle (Tarjan, 1972, iteratively), naming one
 * cycle of it the way `scheduleSteps` does: from its smallest id, in dependency order, with the path
 * of the dependency that closes it.
 */
function reportCycles(
  ctx: RuleContext,
  steps: readonly Step[],
  deps: readonly (readonly Dep[])[],
  owner: Owner,
): void {
  const n = deps.length;
  const number = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  let counter = 0;
  const components: number[][] = [];
  for (let root = 0; root < n; root++) {
    if (number[root] !== -1) continue;
    const calls: number[] = [root];
    const next: number[] = [0];
    number[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (calls.length > 0) {
      const top = calls.length - 1;
      const v = calls[top] as number;
      const e = next[top] as number;
      const out = deps[v] as readonly Dep[];
      if (e < out.length) {
        next[top] = e + 1;
        const w = (out[e] as Dep).pred;
        if (number[w] === -1) {
          number[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
          calls.push(w);
          next.push(0);
        } else if (onStack[w]) low[v] = Math.min(low[v] as number, number[w] as number);
        continue;
      }
      calls.pop();
      next.pop();
      if (calls.length > 0) {
        const u = calls[calls.length - 1] as number;
        low[u] = Math.min(low[u] as number, low[v] as number);
      }
      if (low[v] === number[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = false;
          component.push(w);
        } while (w !== v);
        const selfLoop = (deps[v] as readonly Dep[]).some((d) => d.pred === v);
        if (component.length > 1 || selfLoop) components.push(component);
      }
    }
  }
  const id = (i: number): string => (steps[i] as Step).id;
  const byId = (x: number, y: number): number => compareIds(id(x), id(y));
  const found = components.map((component) => {
    const members = new Set(component);
    // Every member has a predecessor among the members: walk predecessors (smallest id first)
    // until a step repeats; the walk from that step back to itself is a cycle.
    const visitedAt = new Map<number, number>();
    const walk: number[] = [];
    let v = [...component].sort(byId)[0] as number;
    while (!visitedAt.has(v)) {
      visitedAt.set(v, walk.length);
      walk.push(v);
      const preds = (deps[v] as readonly Dep[])
        .map((d) => d.pred)
        .filter((u) => members.has(u))
        .sort(byId);
      v = preds[0] as number;
    }
    // walk[k..] follows predecessors: reversed, it reads in dependency order
    const cycle = walk.slice(visitedAt.get(v)).reverse();
    let first = 0;
    cycle.forEach((s, k) => {
      if (byId(s, cycle[first] as number) < 0) first = k;
    });
    return [...cycle.slice(first), ...cycle.slice(0, first)];
  });
  found.sort((x, y) => (x[0] as number) - (y[0] as number));
  for (const ordered of found) {
    const head = ordered[0] as number;
    const prev = ordered[ordered.length - 1] as number;
    const dep = (deps[head] as readonly Dep[]).find((d) => d.pred === prev) as Dep;
    const names = [...ordered, head].map(id).join(" → ");
    error(
      ctx,
      "cycle",
      stepsAt(owner, head, "dependsOn", dep.j, "step"),
      `steps must not depend on each other in a cycle, got ${names}`,
    );
  }
}

/** The forward pass of `scheduleSteps` (earliest starts and finishes), reporting what it refuses. */
function forwardPass(
  ctx: RuleContext,
  steps: readonly Step[],
  deps: readonly (readonly Dep[])[],
  order: readonly number[],
  owner: Owner,
  base: string,
  spanCheck: boolean,
): void {
  const what = noun(owner.collection);
  const day = (iso: string): number => daysBetween(EPOCH, iso);
  const date = (n: number): string => addDaysIso(EPOCH, n);
  const planDay = day(base);
  const finish = new Array<number>(steps.length);
  let spanFinish = -Infinity;
  for (const i of order) {
    const s = steps[i] as Step;
    const own = s.start === undefined ? planDay : day(s.start);
    let start = own;
    let driver: number | null = null;
    for (const d of deps[i] as readonly Dep[]) {
      const at = (finish[d.pred] as number) + d.lag;
      if (at < MIN_DAY || at > MAX_DAY) {
        error(
          ctx,
          "out_of_range",
          stepsAt(owner, i, "dependsOn", d.j, "lagDays"),
          `step ${JSON.stringify(s.id)} would start ${d.lag} days after step ${JSON.stringify((steps[d.pred] as Step).id)} finishes on ${date(finish[d.pred] as number)}, outside the years 0000–9999`,
        );
        return;
      }
      if (at > start) {
        start = at;
        driver = d.pred;
      }
    }
    let f: number;
    if (s.end !== undefined && s.start !== undefined) f = start + (day(s.end) - own);
    else if (s.end !== undefined) {
      f = day(s.end);
      if (f < start) {
        const why =
          driver === null
            ? `when its ${what} starts`
            : `after step ${JSON.stringify((steps[driver] as Step).id)} finishes`;
        error(
          ctx,
          "end_before_start",
          stepsAt(owner, i, "end"),
          `step ${JSON.stringify(s.id)} must be complete by its end ${s.end}, but it cannot start before ${date(start)} (${why}): give it a later end, or a duration instead`,
        );
      }
    } else {
      const dur = s.duration as Duration;
      f =
        dur.months === undefined || dur.months === 0
          ? start + (dur.weeks ?? 0) * 7 + (dur.days ?? 0)
          : dayOrNaN(plus(date(start), dur));
    }
    if (!(f >= MIN_DAY && f <= MAX_DAY)) {
      error(
        ctx,
        "out_of_range",
        stepsAt(owner, i),
        `step ${JSON.stringify(s.id)} would finish after ${LAST_DATE}, the last date the timeline computes with`,
      );
      return;
    }
    finish[i] = f;
    if (f > spanFinish) spanFinish = f;
  }
  if (spanCheck && spanFinish < planDay) {
    error(
      ctx,
      "end_before_start",
      stepsAt(owner),
      `the steps finish on ${date(spanFinish)}, before the ${what} starts on ${base} (${formatPath([owner.collection, owner.i])} has no end and no duration, so its steps set its end)`,
    );
  }
}

/** Days from 1970-01-01 to a computed date, `NaN` when it left the years 0000–9999. */
function dayOrNaN(iso: string): number {
  return inRange(iso) ? daysBetween(EPOCH, iso) : Number.NaN;
}

function checkDerivedIds(ctx: RuleContext): void {
  const actions = ctx.a.actions;
  if (actions === undefined || actions.length === 0) return;
  const withActions = new Set<string>();
  for (const act of actions) withActions.add(act.solution);
  const solutionAt = new Map<string, number>();
  ctx.a.solutions.forEach((s, i) => {
    if (!solutionAt.has(s.id)) solutionAt.set(s.id, i);
  });
  actions.forEach((act, k) => {
    const i = solutionAt.get(act.id);
    if (i === undefined || withActions.has(act.id)) return;
    error(
      ctx,
      "duplicate_id",
      ["actions", k, "id"],
      `action id ${JSON.stringify(act.id)} is also the id of solution solutions[${i}], which has no actions: the action plan derives an action with that id from the solution; rename the action`,
    );
  });
}

/**
 * One currency for the amounts the action plan adds up. The odd ones out are reported: the
 * reference is the currency of most amounts (the plan budget counting as one), ties going to the
 * budget's, then to the first amount's (solutions, then actions, in document order). Returns
 * whether the plan has one currency (so its totals can be checked).
 */
function checkCurrencies(ctx: RuleContext): boolean {
  const a = ctx.a;
  const items: [Collection, readonly Item[]][] = [
    ["solutions", a.solutions],
    ["actions", a.actions ?? []],
  ];
  // First pass, cheap: is there more than one currency at all?
  const budget = a.plan?.budget;
  let first = budget?.currency;
  let mixed = false;
  const same = (m: Money): void => {
    if (first === undefined) first = m.currency;
    else if (m.currency !== first) mixed = true;
  };
  for (const [, list] of items) for (const item of list) eachAmount(item, same);
  if (!mixed) return true;
  // On failure only: how many amounts in each currency (a Map keeps the order of first appearance).
  const counts = new Map<string, number>();
  const count = (m: Money): void => {
    counts.set(m.currency, (counts.get(m.currency) ?? 0) + 1);
  };
  if (budget !== undefined) count(budget);
  for (const [, list] of items) for (const item of list) eachAmount(item, count);
  let currency = "";
  let most = 0;
  for (const [c, n] of counts) {
    if (n > most) {
      currency = c;
      most = n;
    }
  }
  // Second pass, on failure only: report each amount in another currency, with its path.
  const where = budget?.currency === currency ? "plan.budget" : firstIn(items, currency);
  const odd = (m: Money, p: readonly PathSegment[], what: string): void => {
    error(
      ctx,
      "currency_mismatch",
      [...p, "currency"],
      `${what} is in ${m.currency}, but the plan's other amounts are in ${currency} (first at ${where}): the action plan adds up costs, funding and the budget, and never adds two currencies without exchange rates; give every amount in ${currency}`,
    );
  };
  if (budget !== undefined && budget.currency !== currency) {
    odd(budget, ["plan", "budget"], "the plan budget");
  }
  for (const [collection, list] of items) {
    for (let i = 0; i < list.length; i++) {
      const item = list[i] as Item;
      if (item.cost !== undefined) {
        if (item.cost.currency !== currency) odd(item.cost, [collection, i, "cost"], "cost");
      } else if (item.resources !== undefined) {
        item.resources.forEach((r, k) => {
          if (r.cost !== undefined && r.cost.currency !== currency) {
            odd(
              r.cost,
              [collection, i, "resources", k, "cost"],
              `resource cost (the ${noun(collection)} has no cost, so its resources' costs are added up)`,
            );
          }
        });
      }
      item.funding?.forEach((f, k) => {
        if (f.amount.currency !== currency) {
          odd(f.amount, [collection, i, "funding", k, "amount"], "funding amount");
        }
      });
    }
  }
  return false;
}

/** Largest amount the format's money carries: 15 integer digits (`_lib/money.ts`, AMOUNT_PATTERN). */
const MONEY_LIMIT = "1e15";

/**
 * The totals the action plan writes fit the format's money: the costs it adds up (each action's,
 * and each solution's without actions, whose derived action carries it) and the funding, each
 * below 10^15, so every total, subtotal and remainder a report writes has at most 15 integer
 * digits and `createReport` never refuses it. Reported once per total, at the amount that passes
 * the limit. Runs only when the plan has one currency.
 */
function checkTotals(ctx: RuleContext): void {
  const a = ctx.a;
  const withActions = new Set((a.actions ?? []).map((x) => x.solution));
  const items: [Collection, readonly Item[]][] = [
    ["actions", a.actions ?? []],
    ["solutions", a.solutions],
  ];
  let cost = new Dec(0);
  let funding = new Dec(0);
  let costDone = false;
  let fundingDone = false;
  for (const [collection, list] of items) {
    for (let i = 0; i < list.length; i++) {
      const item = list[i] as Item;
      if (collection === "solutions" && withActions.has(item.id)) continue;
      if (!costDone) {
        if (item.cost !== undefined) cost = cost.plus(item.cost.amount);
        else for (const r of item.resources ?? []) if (r.cost) cost = cost.plus(r.cost.amount);
        if (cost.gte(MONEY_LIMIT)) {
          costDone = true;
          tooLarge(ctx, [collection, i, item.cost !== undefined ? "cost" : "resources"], "costs");
        }
      }
      if (!fundingDone && item.funding !== undefined) {
        for (const f of item.funding) funding = funding.plus(f.amount.amount);
        if (funding.gte(MONEY_LIMIT)) {
          fundingDone = true;
          tooLarge(ctx, [collection, i, "funding"], "funding");
        }
      }
    }
  }
}

/** Reports a total that passes the money limit, at the amount where it does. */
function tooLarge(ctx: RuleContext, path: PathSegment[], what: "costs" | "funding"): void {
  error(
    ctx,
    "out_of_range",
    path,
    `the action plan's total ${what} reach 10^15 here: the format's money carries at most 15 integer digits, so no report of this plan could be written; check the amounts (a unit mistake?)`,
  );
}

/** The amounts of an item the action plan adds up: its cost, else its resources' costs; funding. */
function eachAmount(item: Item, visit: (m: Money) => void): void {
  if (item.cost !== undefined) visit(item.cost);
  else if (item.resources !== undefined) {
    for (const r of item.resources) if (r.cost !== undefined) visit(r.cost);
  }
  if (item.funding !== undefined) for (const f of item.funding) visit(f.amount);
}

/** Where the first amount in `currency` is, as a path for a message. */
function firstIn(items: readonly [Collection, readonly Item[]][], currency: string): string {
  for (const [collection, list] of items) {
    for (let i = 0; i < list.length; i++) {
      const found = firstAmount(list[i] as Item, currency);
      if (found !== undefined) return formatPath([collection, i, ...found]);
    }
  }
  return currency;
}

/** Where in an item its first added-up amount in `currency` is. */
function firstAmount(item: Item, currency: string): readonly PathSegment[] | undefined {
  if (item.cost !== undefined) {
    if (item.cost.currency === currency) return ["cost"];
  } else {
    const resources = item.resources ?? [];
    for (let k = 0; k < resources.length; k++) {
      const cost = (resources[k] as NonNullable<Item["resources"]>[number]).cost;
      if (cost !== undefined && cost.currency === currency) return ["resources", k, "cost"];
    }
  }
  const funding = item.funding ?? [];
  for (let k = 0; k < funding.length; k++) {
    if ((funding[k] as NonNullable<Item["funding"]>[number]).amount.currency === currency) {
      return ["funding", k, "amount"];
    }
  }
  return undefined;
}
