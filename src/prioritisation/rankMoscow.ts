import { compareIds } from "../_lib/sort.js";
import { moscowCategories, type MoscowCategory } from "../schema/vocabularies.js";
import {
  clean,
  failChoice,
  NON_NEGATIVE,
  readItemNumber,
  readItems,
  readOptionNumber,
  readOptions,
  SHARE,
} from "./_shared.js";

/** An item with its MoSCoW category. */
export interface MoscowItem {
  /** The item's id (a solution id). */
  readonly id: string;
  /** `must`, `should`, `could` or `wont` (won't have this time). */
  readonly category: MoscowCategory;
  /** Optional score ordering items within a category (higher first). */
  readonly score?: number;
  /** Optional effort (any unit shared by all items), for the Must-effort check. */
  readonly effort?: number;
}

/** DSDM's guideline: Must Haves take at most 60 % of the effort. */
export const DEFAULT_MUST_EFFORT_LIMIT = 0.6;

/** Options of {@link rankMoscow}. */
export interface RankMoscowOptions {
  /** Largest share of the total effort the Musts may take; default 0.6 (DSDM). */
  readonly mustEffortLimit?: number;
}

/** One ranked item. */
export interface MoscowRanked {
  /** The item's id. */
  readonly id: string;
  /** Its category. */
  readonly category: MoscowCategory;
  /** Its score, or null when none was given. */
  readonly score: number | null;
  /** Competition rank: by category, then by score (items without a score tie within their category). */
  readonly rank: number;
}

/** The effort check of {@link rankMoscow}. */
export interface MoscowEffort {
  /** Effort per category (null when some item lacks an effort, or their total is beyond double precision). */
  readonly byCategory: Readonly<Record<MoscowCategory, number>> | null;
  /** Must effort / effort of all categories except `wont`; null when it cannot be computed. */
  readonly mustShare: number | null;
  /** Whether mustShare ≤ limit; null when mustShare is null. */
  readonly withinLimit: boolean | null;
  /** The limit used. */
  readonly limit: number;
  /** Why mustShare is null, if it is. */
  readonly reason: string | null;
}

/** Result of {@link rankMoscow}. */
export interface RankMoscowResult {
  /** Items by rank, then id. */
  readonly ranking: MoscowRanked[];
  /** Ids per category, in ranking order. */
  readonly categories: Readonly<Record<MoscowCategory, string[]>>;
  /** The Must-effort check. */
  readonly effort: MoscowEffort;
}

/**
 * Orders items by MoSCoW category (Must, Should, Could, Won't) and checks that the Musts leave
 * room for contingency.
 *
 * Rule (Clegg & Barker 1994, Case Method Fast-Track: A RAD Approach; DSDM Agile Project Framework,
 * "MoSCoW prioritisation"): categories rank must < should < could < wont; within a category an
 * optional score orders items (higher first), and items without a score share their category's
 * rank. When every item has an effort, the Musts' share of the effort of everything planned
 * (all but `wont`) is compared with DSDM's guideline of at most 60 %.
 *
 * @param items - items with a category, and optionally a score and an effort
 * @param options - the Must-effort limit
 * @returns the ranking, the ids per category and the effort check
 * @throws AssessmentError `invalid_type`, `empty`, `duplicate_id` (items); `invalid_value` (an
 *   unknown category); `non_finite` / `out_of_range` (score, a negative effort, a limit outside 0–1)
 * @example
 * ```ts
 * import { rankMoscow } from "icc-assessment/prioritisation";
 * const r = rankMoscow([
 *   { id: "platform", category: "must", effort: 180 },
 *   { id: "chatbot", category: "wont", effort: 60 },
 *   { id: "infoPoints", category: "must", effort: 30 },
 *   { id: "eServices", category: "should", effort: 350 },
 * ]);
 * r.ranking.map((x) => [x.id, x.rank]); // => [["infoPoints", 1], ["platform", 1], ["eServices", 3], ["chatbot", 4]]
 * r.effort.mustShare; // => 0.375
 * r.effort.withinLimit; // => true
 * ```
 */
export function rankMoscow(
  items: readonly MoscowItem[],
  options?: RankMoscowOptions,
): RankMoscowResult {
  const o = readOptions(options, ["options"]);
  const limit = readOptionNumber(
    o.mustEffortLimit,
    "mustEffortLimit",
    SHARE,
    DEFAULT_MUST_EFFORT_LIMIT,
  );
  const list = readItems(items);
  const missingEffort: string[] = [];
  const read = list.map((item, i) => {
    const category = item["category"] as MoscowCategory;
    if (!moscowCategories.includes(category))
      failChoice(category, moscowCategories, ["items", i, "category"], "category");
    const score = item["score"] === undefined ? null : clean(readItemNumber(item, i, "score"));
    const effort =
      item["effort"] === undefined ? null : readItemNumber(item, i, "effort", NON_NEGATIVE);
    if (effort === null) missingEffort.push(item["id"] as string);
    return { id: item["id"] as string, category, score, effort };
  });
  const key = (x: (typeof read)[number]) => moscowCategories.indexOf(x.category);
  const sorted = [...read].sort(
    (a, b) => key(a) - key(b) || (b.score ?? 0) - (a.score ?? 0) || compareIds(a.id, b.id),
  );
  const ranking: MoscowRanked[] = [];
  sorted.forEach((x, k) => {
    const prev = sorted[k - 1];
    const same =
      prev !== undefined && prev.category === x.category && (prev.score ?? 0) === (x.score ?? 0);
    ranking.push({
      id: x.id,
      category: x.category,
      score: x.score,
      rank: same ? (ranking[k - 1] as MoscowRanked).rank : k + 1,
    });
  });
  const categories: Record<MoscowCategory, string[]> = {
    must: [],
    should: [],
    could: [],
    wont: [],
  };
  for (const r of ranking) categories[r.category].push(r.id);

  let effort: MoscowEffort;
  if (missingEffort.length > 0) {
    effort = {
      byCategory: null,
      mustShare: null,
      withinLimit: null,
      limit,
      reason: `no effort given for ${missingEffort.slice(0, 5).join(", ")}${missingEffort.length > 5 ? ", …" : ""}`,
    };
  } else {
    const byCategory: Record<MoscowCategory, number> = { must: 0, should: 0, could: 0, wont: 0 };
    for (const x of read) byCategory[x.category] += x.effort as number;
    const planned = byCategory.must + byCategory.should + byCategory.could;
    const total = planned + byCategory.wont;
    effort = !Number.isFinite(total)
      ? {
          byCategory: null,
          mustShare: null,
          withinLimit: null,
          limit,
          reason: "the total effort is beyond double precision (about 1.8e308)",
        }
      : planned > 0
        ? {
            byCategory,
            mustShare: byCategory.must / planned,
            withinLimit: byCategory.must / planned <= limit,
            limit,
            reason: null,
          }
        : {
            byCategory,
            mustShare: null,
            withinLimit: null,
            limit,
            reason: "the planned items (all but wont) have no effort",
          };
  }
  return { ranking, categories, effort };
}
