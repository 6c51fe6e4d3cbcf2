import type { Decimal } from "decimal.js";
import { checkRecord, describe as show, failAt } from "../_lib/assert.js";
import { Dec, isDecimal } from "../_lib/decimal.js";
import { compareIds } from "../_lib/sort.js";
import type { PathSegment } from "../errors/AssessmentError.js";
import type { Money } from "../schema/common.js";
import {
  isNumberIn,
  ranksDescending,
  readChoice,
  readKeyed,
  readList,
  readNumber,
  readOptions,
  TIE_TOLERANCE,
} from "./_shared.js";

/** Greedy orders for {@link selectWithinBudget}. */
export const budgetStrategies = ["score", "scorePerCost"] as const;
/** A greedy order. */
export type BudgetStrategy = (typeof budgetStrategies)[number];

/** A solution competing for the budget. */
export interface BudgetCandidate {
  /** The solution's id. */
  readonly solution: string;
  /** Its priority score (higher is better), e.g. from `prioritise`. */
  readonly score: number;
  /** Its cost. */
  readonly cost: Money;
}

/** A manual decision to include or exclude a solution, with who made it and why. */
export interface BudgetOverride {
  /** The solution's id. */
  readonly solution: string;
  /** Who decided (a person or body). */
  readonly author: string;
  /** Why. */
  readonly reason: string;
}

/** Options of {@link selectWithinBudget}. */
export interface SelectWithinBudgetOptions {
  /** `"score"` (default): highest score first; `"scorePerCost"`: highest score per unit of cost first. */
  readonly strategy?: BudgetStrategy;
  /** Solutions selected whatever their score (they are paid for first). */
  readonly include?: readonly BudgetOverride[];
  /** Solutions never selected. */
  readonly exclude?: readonly BudgetOverride[];
}

/** What happened to one candidate. */
export interface BudgetDecision {
  /** The solution's id. */
  readonly solution: string;
  /** Its score. */
  readonly score: number;
  /** Its cost. */
  readonly cost: Money;
  /**
   * Score per unit of cost; null for a free solution (cost 0), which is considered first, and for
   * a ratio beyond double precision (see `scorePerCostReason`).
   */
  readonly scorePerCost: number | null;
  /** Why `scorePerCost` is null, if it is. */
  readonly scorePerCostReason: string | null;
  /** `included` (manual), `selected` (fits), `skipped` (does not fit), `excluded` (manual). */
  readonly outcome: "included" | "selected" | "skipped" | "excluded";
  /** Why, in words. */
  readonly reason: string;
  /** Total committed after this candidate (for included and selected ones). */
  readonly committed: Money;
}

/** Result of {@link selectWithinBudget}. */
export interface SelectWithinBudgetResult {
  /** The greedy order used. */
  readonly strategy: BudgetStrategy;
  /**
   * Scores that differ by at most this much tie: 1e-9 times the largest |score| (scores per
   * cost tie within 1e-9 times the largest |score per cost|).
   */
  readonly tieTolerance: number;
  /** The budget. */
  readonly budget: Money;
  /** Every candidate in the order considered (inclusions first, exclusions last). */
  readonly decisions: BudgetDecision[];
  /** Ids of the selected solutions (included and selected), in that order. */
  readonly selected: string[];
  /** Total cost of the selected solutions. */
  readonly total: Money;
  /** Budget minus total. */
  readonly remaining: Money;
  /** Every manual override, as given. */
  readonly overrides: {
    /** The solution. */
    readonly solution: string;
    /** Included or excluded. */
    readonly action: "include" | "exclude";
    /** Who decided. */
    readonly author: string;
    /** Why. */
    readonly reason: string;
  }[];
}

/**
 * Chooses solutions in priority order until a budget is spent, recording every manual decision.
 *
 * Rule (designed by this project; greedy heuristics for the 0–1 knapsack, Dantzig 1957): manual
 * inclusions are taken first (they must fit the budget together); manual exclusions are never
 * taken; the rest are considered in order of score (`"score"`, ties by lower cost, then id) or of
 * score per unit of cost (`"scorePerCost"`, free solutions first, ties by higher score, then id),
 * and each is selected when its cost fits what is left, otherwise skipped (later, cheaper ones
 * may still fit). Scores within 1e-9 times the largest |score| of each other tie (so do scores per
 * cost, within 1e-9 times the largest of them; tie groups chain, as in `weightedSum`), so that
 * solutions equal in exact arithmetic are ordered by their tie-breaks, not by rounding noise.
 * Score per cost is computed exactly (Decimal) for the order; the number reported is null when it
 * is beyond double precision. Money is exact (Decimal); every cost must be in the budget's
 * currency.
 *
 * @param candidates - solutions with a score and a cost
 * @param budget - the money available
 * @param options - the greedy order and the manual inclusions and exclusions (with author and reason)
 * @returns every candidate's outcome and reason, the selection, total and remaining money
 * @throws AssessmentError `invalid_type`, `empty`, `duplicate_id` (candidates); `invalid_money`
 *   (an amount that is not a Decimal, or negative); `currency_mismatch`; `non_finite` (a score);
 *   `unknown_reference` (an override naming no candidate); `missing_field` (an override without
 *   author or reason); `invalid_value` (a solution both included and excluded, or overridden
 *   twice); `budget` (the inclusions alone exceed the budget)
 * @example
 * ```ts
 * import { selectWithinBudget } from "icc-assessment/prioritisation";
 * import { Decimal } from "decimal.js";
 * const eur = (amount: string) => ({ amount: new Decimal(amount), currency: "EUR" });
 * const r = selectWithinBudget(
 *   [
 *     { solution: "platform", score: 0.9, cost: eur("180000") },
 *     { solution: "eServices", score: 0.8, cost: eur("350000") },
 *     { solution: "infoPoints", score: 0.6, cost: eur("30000") },
 *   ],
 *   eur("250000"),
 *   { include: [{ solution: "infoPoints", author: "city council", reason: "already piloted" }] },
 * );
 * r.selected; // => ["infoPoints", "platform"]
 * r.remaining.amount.toString(); // => "40000"
 * r.decisions.find((d) => d.solution === "eServices")?.outcome; // => "skipped"
 * ```
 */
export function selectWithinBudget(
  candidates: readonly BudgetCandidate[],
  budget: Money,
  options?: SelectWithinBudgetOptions,
): SelectWithinBudgetResult {
  const o = readOptions(options, ["options"]);
  const strategy = readChoice(
    o.strategy,
    budgetStrategies,
    "score",
    ["options", "strategy"],
    "strategy",
  );
  const limit = readMoney(budget, ["budget"], "budget");
  const currency = budget.currency;
  const list = readKeyed(candidates, ["candidates"], "candidates", "solution");
  const index = new Map<string, number>();
  const read = list.map((c, i) => {
    const solution = c["solution"] as string;
    const { score, cost } = c;
    if (!isNumberIn(score) || !isMoney(cost) || cost.currency !== currency) {
      badCandidate(c, i, currency);
    }
    index.set(solution, i);
    const amount = new Dec(cost.amount);
    const s = score === 0 ? 0 : score;
    // exact for the order; as a number, null beyond double precision
    const exact = amount.isZero() ? null : new Dec(s).div(amount);
    const value = exact === null ? null : exact.toNumber();
    const ratio = value !== null && Number.isFinite(value) ? value + 0 : null;
    const ratioReason =
      exact === null
        ? "free: it costs nothing"
        : ratio === null
          ? `score per cost ${exact.toExponential(6)} is beyond double precision (about 1.8e308)`
          : null;
    return { solution, score: s, cost, amount, exact, ratio, ratioReason };
  });
  // tie groups: ranks of the scores and of the exact scores per cost, within their tolerances
  let largest = 0;
  for (const r of read) largest = Math.max(largest, Math.abs(r.score));
  const tieTolerance = TIE_TOLERANCE * largest;
  const scoreRank = ranksDescending(
    read.map((r) => r.score),
    tieTolerance,
  );
  const ratioRank = exactRanks(read.map((r) => r.exact));

  const overrides: SelectWithinBudgetResult["overrides"] = [];
  const action = new Map<
    string,
    { action: "include" | "exclude"; author: string; reason: string }
  >();
  for (const kind of ["include", "exclude"] as const) {
    if (o[kind] === undefined) continue;
    readList(o[kind], ["options", kind], kind).forEach((x: unknown, k) => {
      const { solution, author, reason } = (typeof x === "object" && x !== null ? x : {}) as Record<
        string,
        unknown
      >;
      if (
        typeof solution !== "string" ||
        !index.has(solution) ||
        !isText(author) ||
        !isText(reason) ||
        action.has(solution)
      ) {
        badOverride(x, kind, k, index, action);
      }
      action.set(solution, { action: kind, author, reason });
      overrides.push({ solution, action: kind, author, reason });
    });
  }

  const at = new Map(read.map((r, i) => [r, i]));
  type Row = (typeof read)[number];
  const scoreOrder = (a: Row, b: Row) =>
    (scoreRank[at.get(a) as number] as number) - (scoreRank[at.get(b) as number] as number);
  const byScore = (a: Row, b: Row) =>
    scoreOrder(a, b) || a.amount.comparedTo(b.amount) || compareIds(a.solution, b.solution);
  const byRatio = (a: Row, b: Row) =>
    (ratioRank[at.get(a) as number] as number) - (ratioRank[at.get(b) as number] as number) ||
    scoreOrder(a, b) ||
    compareIds(a.solution, b.solution);
  const order = [...read].sort(strategy === "score" ? byScore : byRatio);
  const included = order.filter((r) => action.get(r.solution)?.action === "include");
  const excluded = order.filter((r) => action.get(r.solution)?.action === "exclude");
  const rest = order.filter((r) => !action.has(r.solution));

  let committed: Decimal = new Dec(0);
  const money = (amount: Decimal): Money => ({ amount, currency });
  const decisions: BudgetDecision[] = [];
  const selected: string[] = [];
  for (const r of included) {
    committed = committed.plus(r.amount);
    const o2 = action.get(r.solution) as { author: string; reason: string };
    decisions.push({
      solution: r.solution,
      score: r.score,
      cost: r.cost,
      scorePerCost: r.ratio,
      scorePerCostReason: r.ratioReason,
      outcome: "included",
      reason: `included by ${o2.author}: ${o2.reason}`,
      committed: money(committed),
    });
    selected.push(r.solution);
  }
  if (committed.greaterThan(limit)) {
    failAt(
      "budget",
      ["options", "include"],
      `the manual inclusions cost ${committed.toString()} ${currency}, more than the budget of ${limit.toString()} ${currency}`,
    );
  }
  for (const r of rest) {
    const left = limit.minus(committed);
    if (r.amount.lessThanOrEqualTo(left)) {
      committed = committed.plus(r.amount);
      decisions.push({
        solution: r.solution,
        score: r.score,
        cost: r.cost,
        scorePerCost: r.ratio,
        scorePerCostReason: r.ratioReason,
        outcome: "selected",
        reason: `fits: costs ${r.amount.toString()} of ${left.toString()} ${currency} left`,
        committed: money(committed),
      });
      selected.push(r.solution);
    } else {
      decisions.push({
        solution: r.solution,
        score: r.score,
        cost: r.cost,
        scorePerCost: r.ratio,
        scorePerCostReason: r.ratioReason,
        outcome: "skipped",
        reason: `does not fit: costs ${r.amount.toString()} but only ${left.toString()} ${currency} is left`,
        committed: money(committed),
      });
    }
  }
  for (const r of excluded) {
    const o2 = action.get(r.solution) as { author: string; reason: string };
    decisions.push({
      solution: r.solution,
      score: r.score,
      cost: r.cost,
      scorePerCost: r.ratio,
      scorePerCostReason: r.ratioReason,
      outcome: "excluded",
      reason: `excluded by ${o2.author}: ${o2.reason}`,
      committed: money(committed),
    });
  }
  return {
    strategy,
    tieTolerance,
    budget: money(limit),
    decisions,
    selected,
    total: money(committed),
    remaining: money(limit.minus(committed)),
    overrides,
  };
}

/**
 * Competition ranks of exact scores per cost, largest first, free solutions (null) ahead of all:
 * ratios within 1e-9 times the largest |ratio| of the next larger one tie (chained).
 */
function exactRanks(ratios: readonly (Decimal | null)[]): number[] {
  const order = ratios
    .map((_, i) => i)
    .sort((i, j) => {
      const a = ratios[i] as Decimal | null;
      const b = ratios[j] as Decimal | null;
      if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
      return b.comparedTo(a);
    });
  let largest = new Dec(0);
  for (const r of ratios) if (r !== null && r.abs().greaterThan(largest)) largest = r.abs();
  const tolerance = largest.times(TIE_TOLERANCE);
  const ranks = new Array<number>(ratios.length);
  order.forEach((i, k) => {
    const prev = k === 0 ? undefined : (order[k - 1] as number);
    const a = prev === undefined ? undefined : ratios[prev];
    const b = ratios[i] as Decimal | null;
    const tied =
      prev !== undefined &&
      (a === null || b === null ? a === b : (a as Decimal).minus(b).lessThanOrEqualTo(tolerance));
    ranks[i] = tied ? (ranks[prev] as number) : k + 1;
  });
  return ranks;
}

/** Whether `value` is money {@link readMoney} accepts. */
function isMoney(value: unknown): value is Money {
  if (typeof value !== "object" || value === null) return false;
  const { amount, currency } = value as Record<string, unknown>;
  return (
    isDecimal(amount) &&
    amount.isFinite() &&
    !amount.isNegative() &&
    typeof currency === "string" &&
    /^[A-Z]{3}$/.test(currency)
  );
}

/** Whether `value` is a string with a non-space character. */
function isText(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}

/** Fails for candidate `i`, whose score is not a number or cost not money in the budget's currency. */
function badCandidate(c: Readonly<Record<string, unknown>>, i: number, currency: string): never {
  readNumber(c["score"], ["candidates", i, "score"], "score");
  const cost = c["cost"];
  readMoney(cost, ["candidates", i, "cost"], "cost");
  failAt(
    "currency_mismatch",
    ["candidates", i, "cost", "currency"],
    `the cost of ${show(c["solution"])} is in ${show((cost as Money).currency)} but the budget is in ${show(currency)}`,
  );
}

/** Fails for manual `kind` override `k`: not `{ solution, author, reason }` naming a candidate once. */
function badOverride(
  x: unknown,
  kind: "include" | "exclude",
  k: number,
  index: ReadonlyMap<string, number>,
  action: ReadonlyMap<string, { action: "include" | "exclude" }>,
): never {
  const p: PathSegment[] = ["options", kind, k];
  if (typeof x !== "object" || x === null) checkRecord(x, p, `${kind}[${k}]`);
  const { solution, author, reason } = x as Record<string, unknown>;
  if (typeof solution !== "string" || !index.has(solution)) {
    failAt(
      "unknown_reference",
      [...p, "solution"],
      `${kind}[${k}] names no candidate: ${show(solution)}`,
    );
  }
  for (const [key, v] of [
    ["author", author],
    ["reason", reason],
  ] as const) {
    if (!isText(v)) {
      failAt(
        "missing_field",
        [...p, key],
        `a manual ${kind === "include" ? "inclusion" : "exclusion"} must record its ${key}, got ${show(v)}`,
      );
    }
  }
  failAt(
    "invalid_value",
    [...p, "solution"],
    `${show(solution)} is already ${action.get(solution)?.action}d manually`,
  );
}

/**
 * Reads money `{ amount, currency }`: `invalid_type` (not an object), `invalid_money` (an amount
 * that is not a non-negative finite Decimal, or a currency that is not an ISO 4217 code).
 */
function readMoney(value: unknown, path: readonly PathSegment[], name: string): Decimal {
  if (typeof value !== "object" || value === null) checkRecord(value, path, name);
  const { amount, currency } = value as Record<string, unknown>;
  if (!isDecimal(amount) || !amount.isFinite() || amount.isNegative()) {
    failAt(
      "invalid_money",
      [...path, "amount"],
      `${name}.amount must be a non-negative finite Decimal (money is never a JS number), got ${
        isDecimal(amount) ? amount.toString() : show(amount)
      }`,
    );
  }
  if (typeof currency !== "string" || !/^[A-Z]{3}$/.test(currency)) {
    failAt(
      "invalid_money",
      [...path, "currency"],
      `${name}.currency must be an ISO 4217 code such as EUR, got ${show(currency)}`,
    );
  }
  return new Dec(amount);
}
