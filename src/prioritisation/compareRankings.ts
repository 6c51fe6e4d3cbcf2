import { describe as show, failAt } from "../_lib/assert.js";
import { compareIds } from "../_lib/sort.js";
import { kendallW, type KendallWResult } from "./kendallW.js";
import {
  averageRanksAscending,
  failId,
  failNumber,
  isNumberIn,
  readKeyed,
  type NumberRange,
} from "./_shared.js";

/** One ranked solution, as in a `prioritise` result's `ranking`. */
export interface RankedEntry {
  /** The solution's id. */
  readonly solution: string;
  /** Its rank (1 = best; ties share a rank). */
  readonly rank: number;
}

/** A named ranking to compare. */
export interface NamedRanking {
  /** A name for the method or source, e.g. `"topsis"` or `"votes"`. */
  readonly name: string;
  /** The ranking: every solution once. */
  readonly ranking: readonly RankedEntry[];
}

/** Agreement between two of the rankings. */
export interface RankingPairAgreement {
  /** Name of the first ranking. */
  readonly a: string;
  /** Name of the second ranking. */
  readonly b: string;
  /** Kendall's tau-b, from −1 (reversed) to 1 (same order); null when undefined. */
  readonly kendallTau: number | null;
  /** Spearman's rho on average ranks, from −1 to 1; null when undefined. */
  readonly spearmanRho: number | null;
  /** Why a coefficient is null, if one is. */
  readonly reason: string | null;
}

/** How one solution fares across the rankings. */
export interface RankDisagreement {
  /** The solution's id. */
  readonly solution: string;
  /** Its rank in each ranking, in the order of `methods`. */
  readonly ranks: number[];
  /** Highest rank minus lowest rank: 0 when every ranking agrees. */
  readonly spread: number;
}

/** Result of {@link compareRankings}. */
export interface CompareRankingsResult {
  /** The rankings' names, in input order. */
  readonly methods: string[];
  /** Agreement for every pair of rankings, in input order. */
  readonly pairs: RankingPairAgreement[];
  /** Every solution, largest spread first, then by id. */
  readonly disagreements: RankDisagreement[];
  /** Solutions with the largest spread (empty when all rankings agree). */
  readonly mostDisputed: string[];
  /** Kendall's W across all rankings; null when it cannot be computed. */
  readonly concordance: KendallWResult | null;
  /** Why `concordance` is null, if it is. */
  readonly concordanceReason: string | null;
}

/**
 * Compares rankings of the same solutions (from different methods or groups): pairwise Kendall's
 * tau-b and Spearman's rho, Kendall's W across all, and the solutions they disagree on most.
 *
 * Rule: tau-b = (concordant − discordant pairs) / √((n₀ − n₁)(n₀ − n₂)), with n₀ = n(n − 1)/2 and
 * n₁, n₂ the pairs tied in each ranking (Kendall 1945, "The treatment of ties in ranking
 * problems", Biometrika 33(3):239–251); rho = Pearson's correlation of the average ranks (Spearman
 * 1904, with ties averaged as in R's `cor(method = "spearman")`). A coefficient is null when a
 * ranking ties every solution (there is no order to correlate). A solution's spread is its highest
 * minus its lowest rank; the most disputed are those with the largest positive spread. W is
 * {@link kendallW} with the rankings as raters.
 *
 * @param rankings - at least two named rankings of the same solutions
 * @returns pairwise agreement, the solutions by disagreement, and overall concordance
 * @throws AssessmentError `invalid_type`, `too_few_values` (fewer than two rankings), `empty`;
 *   `duplicate_id` (a name or a solution twice); `unknown_reference` (a solution the first
 *   ranking lacks); `missing_value` (a solution missing from a ranking); `non_finite` /
 *   `out_of_range` (a rank below 1)
 * @example
 * ```ts
 * import { compareRankings } from "icc-assessment/prioritisation";
 * const r = compareRankings([
 *   { name: "topsis", ranking: [{ solution: "a", rank: 1 }, { solution: "b", rank: 2 }, { solution: "c", rank: 3 }] },
 *   { name: "votes", ranking: [{ solution: "a", rank: 1 }, { solution: "c", rank: 2 }, { solution: "b", rank: 3 }] },
 * ]);
 * Math.round((r.pairs[0]?.kendallTau ?? 0) * 1000) / 1000; // => 0.333
 * r.pairs[0]?.spearmanRho; // => 0.5
 * r.mostDisputed; // => ["b", "c"]
 * ```
 */
export function compareRankings(rankings: readonly NamedRanking[]): CompareRankingsResult {
  const list = readKeyed(rankings, ["rankings"], "rankings", "name", 2);
  const names: string[] = [];
  const tables: Map<string, number>[] = [];
  list.forEach((r, k) => {
    const name = r["name"] as string;
    const ranking = r["ranking"];
    names.push(name);
    const entries = readKeyed(ranking, ["rankings", k, "ranking"], "ranking", "solution");
    const table = new Map<string, number>();
    const first = tables[0];
    for (let i = 0; i < entries.length; i++) {
      const { solution, rank } = entries[i] as Readonly<Record<string, unknown>>;
      if ((first !== undefined && !first.has(solution as string)) || !isNumberIn(rank, RANKS)) {
        badEntry(solution as string, rank, k, i, first);
      }
      table.set(solution as string, rank);
    }
    if (first !== undefined && table.size !== first.size) {
      const missing = [...first.keys()].find((s) => !table.has(s)) as string;
      failAt(
        "missing_value",
        ["rankings", k, "ranking"],
        `rankings[${k}] does not rank ${show(missing)}`,
      );
    }
    tables.push(table);
  });

  const solutions = [...(tables[0] as Map<string, number>).keys()].sort(compareIds);
  const n = solutions.length;
  const vectors = tables.map((t) => solutions.map((s) => t.get(s) as number));
  const pairs: RankingPairAgreement[] = [];
  for (let x = 0; x < vectors.length; x++) {
    for (let y = x + 1; y < vectors.length; y++) {
      const tau = kendallTauB(vectors[x] as number[], vectors[y] as number[]);
      const rho = spearman(vectors[x] as number[], vectors[y] as number[]);
      pairs.push({
        a: names[x] as string,
        b: names[y] as string,
        kendallTau: tau,
        spearmanRho: rho,
        reason:
          tau === null || rho === null
            ? n < 2
              ? "a single solution has no order to compare"
              : "one of the rankings ties every solution, so there is no order to correlate"
            : null,
      });
    }
  }
  const disagreements: RankDisagreement[] = solutions
    .map((solution, i) => {
      const ranks = vectors.map((v) => v[i] as number);
      return { solution, ranks, spread: Math.max(...ranks) - Math.min(...ranks) };
    })
    .sort((p, q) => q.spread - p.spread || compareIds(p.solution, q.solution));
  const maxSpread = disagreements[0]?.spread ?? 0;
  const mostDisputed =
    maxSpread > 0 ? disagreements.filter((d) => d.spread === maxSpread).map((d) => d.solution) : [];

  let concordance: KendallWResult | null = null;
  let concordanceReason: string | null = null;
  if (n < 2) concordanceReason = "a single solution has no order to agree on";
  else {
    if (vectors.every((v) => v.every((x) => x === v[0])))
      concordanceReason = "every ranking ties every solution";
    else concordance = kendallW(vectors);
  }
  return { methods: names, pairs, disagreements, mostDisputed, concordance, concordanceReason };
}

const RANKS: NumberRange = { min: 1 };

/** Fails for entry `i` of ranking `k`: a solution rankings[0] does not rank, or a rank below 1. */
function badEntry(
  solution: string,
  rank: unknown,
  k: number,
  i: number,
  first: ReadonlyMap<string, number> | undefined,
): never {
  if (first !== undefined && !first.has(solution)) {
    const path = ["rankings", k, "ranking", i, "solution"];
    failId(solution, path, `rankings[${k}].ranking[${i}].solution`, first);
  }
  failNumber(rank, ["rankings", k, "ranking", i, "rank"], "rank", RANKS);
}

/**
 * Kendall's tau-b in O(n log n) (Knight 1966, "A computer method for calculating Kendall's tau
 * with ungrouped data", JASA 61(314):436–439): sort the pairs by a then b; the pairs tied in a (n₁)
 * and tied in both (n₃) are counted from runs of that order, the pairs tied in b (n₂) from runs of
 * b sorted, and the discordant pairs are the strict inversions of b in that order, counted by a
 * bottom-up merge sort. concordant − discordant = n₀ − n₁ − n₂ + n₃ − 2·discordant: whole numbers,
 * so the same value as counting every pair.
 */
function kendallTauB(a: readonly number[], b: readonly number[]): number | null {
  const n = a.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((i, j) => (a[i] as number) - (a[j] as number) || (b[i] as number) - (b[j] as number));
  let tiesA = 0;
  let tiesBoth = 0;
  let runA = 1;
  let runBoth = 1;
  let bs = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    bs[k] = b[i] as number;
    if (k === 0) continue;
    const h = order[k - 1] as number;
    if (a[i] === a[h]) {
      tiesA += runA++;
      if (b[i] === b[h]) tiesBoth += runBoth++;
      else runBoth = 1;
    } else {
      runA = 1;
      runBoth = 1;
    }
  }
  // merge sort of b in this order, counting the pairs whose b falls (strictly)
  let discordant = 0;
  let spare = new Float64Array(n);
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let x = lo;
      let y = mid;
      let k = lo;
      while (x < mid && y < hi) {
        if ((bs[y] as number) < (bs[x] as number)) {
          discordant += mid - x;
          spare[k++] = bs[y++] as number;
        } else spare[k++] = bs[x++] as number;
      }
      while (x < mid) spare[k++] = bs[x++] as number;
      while (y < hi) spare[k++] = bs[y++] as number;
    }
    [bs, spare] = [spare, bs];
  }
  let tiesB = 0;
  let runB = 1;
  for (let k = 1; k < n; k++) {
    if (bs[k] === bs[k - 1]) tiesB += runB++;
    else runB = 1;
  }
  const n0 = (n * (n - 1)) / 2;
  const s = n0 - tiesA - tiesB + tiesBoth - 2 * discordant;
  const d = Math.sqrt((n0 - tiesA) * (n0 - tiesB));
  return d > 0 ? Math.max(-1, Math.min(1, s / d)) : null;
}

function spearman(a: readonly number[], b: readonly number[]): number | null {
  const ra = averageRanksAscending(a);
  const rb = averageRanksAscending(b);
  const n = a.length;
  const mean = (n + 1) / 2;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const x = (ra[i] as number) - mean;
    const y = (rb[i] as number) - mean;
    sab += x * y;
    saa += x * x;
    sbb += y * y;
  }
  const d = Math.sqrt(saa * sbb);
  return d > 0 ? Math.max(-1, Math.min(1, sab / d)) : null;
}
