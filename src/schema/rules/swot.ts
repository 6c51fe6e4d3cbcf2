import type { PathSegment } from "../../errors/AssessmentError.js";
import type { SwotItem, TowsStrategy } from "../entities.js";
import type { SwotQuadrant } from "../vocabularies.js";
import type { RuleContext } from "./context.js";
import { error } from "./context.js";
import { checkRepeats } from "./needs.js";
import { missingQuadrantMessage, towsQuadrants, wrongQuadrantMessage } from "../../_lib/tows.js";

/**
 * Tolerance on the sum of a matrix's weights (docs/methodology/needs-swot.md, Weighted SWOT;
 * `buildSwot` uses the same).
 */
const TOLERANCE = 1e-9;

/** Where a SWOT list is: the city's (`solution` undefined) or a solution's. */
function at(solution: number | undefined, ...rest: PathSegment[]): PathSegment[] {
  return solution === undefined ? ["swot", ...rest] : ["solutions", solution, "swot", ...rest];
}

/** Per matrix (0: IFE, 1: EFE): items, rated, weighted, and the weights summed in item order. */
interface Tally {
  n: number;
  rated: number;
  weighted: number;
  sum: number;
}

/**
 * One SWOT list against the weighted-SWOT rules (docs/methodology/needs-swot.md), as `buildSwot`
 * applies them by default: per matrix (strengths and weaknesses; opportunities and threats),
 * ratings and weights all or none, given weights summing to 1 (±1e-9), David's convention in the
 * IFE (strengths 3–4, weaknesses 1–2); and every evidence entry naming an indicator, a need or a
 * note.
 */
function checkSwotList(
  ctx: RuleContext,
  items: readonly SwotItem[] | undefined,
  solution: number | undefined,
): void {
  if (items === undefined || items.length === 0) return;
  const tally: [Tally, Tally] = [
    { n: 0, rated: 0, weighted: 0, sum: 0 },
    { n: 0, rated: 0, weighted: 0, sum: 0 },
  ];
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as SwotItem;
    const t = tally[item.quadrant === "strength" || item.quadrant === "weakness" ? 0 : 1];
    t.n++;
    if (item.weight !== undefined) {
      t.weighted++;
      t.sum += item.weight;
    }
    const r = item.rating;
    if (r !== undefined) {
      t.rated++;
      if (item.quadrant === "strength" && r < 3)
        error(
          ctx,
          "out_of_range",
          at(solution, i, "rating"),
          `a strength is rated 3 (minor strength) or 4 (major strength) in David's IFE matrix, got ${r}`,
        );
      else if (item.quadrant === "weakness" && r > 2)
        error(
          ctx,
          "out_of_range",
          at(solution, i, "rating"),
          `a weakness is rated 1 (major weakness) or 2 (minor weakness) in David's IFE matrix, got ${r}`,
        );
    }
    const evidence = item.evidence;
    if (evidence !== undefined) {
      for (let j = 0; j < evidence.length; j++) {
        const e = evidence[j] as NonNullable<SwotItem["evidence"]>[number];
        if (e.indicator === undefined && e.need === undefined && e.note === undefined)
          error(
            ctx,
            "missing_field",
            at(solution, i, "evidence", j),
            "evidence needs an indicator, a need or a note, got none of them",
          );
      }
    }
  }
  for (const m of [0, 1] as const) {
    const t = tally[m];
    const partRated = (t.rated > 0 || t.weighted > 0) && t.rated < t.n;
    const partWeighted = t.weighted > 0 && t.weighted < t.n;
    const badSum = t.weighted === t.n && t.n > 0 && Math.abs(t.sum - 1) > TOLERANCE;
    if (partRated || partWeighted || badSum) matrixIssues(ctx, items, solution, m, t);
  }
}

/** Reports the items of matrix `m` that break the all-or-none rules, or every weight of a bad sum. */
function matrixIssues(
  ctx: RuleContext,
  items: readonly SwotItem[],
  solution: number | undefined,
  m: 0 | 1,
  t: Tally,
): void {
  const what = m === 0 ? "strengths and weaknesses" : "opportunities and threats";
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as SwotItem;
    if ((item.quadrant === "strength" || item.quadrant === "weakness" ? 0 : 1) !== m) continue;
    if (item.rating === undefined)
      error(
        ctx,
        "missing_field",
        at(solution, i, "rating"),
        `every one of the ${what} needs a rating (1–4) once one has a weight or rating (${t.rated} of ${t.n} rated); this one has none`,
      );
    if (t.weighted > 0 && item.weight === undefined)
      error(
        ctx,
        "missing_field",
        at(solution, i, "weight"),
        `every one of the ${what} needs a weight once one has a weight (${t.weighted} of ${t.n} weighted), or none for equal weights; this one has none`,
      );
    if (t.weighted === t.n && Math.abs(t.sum - 1) > TOLERANCE)
      error(
        ctx,
        "invalid_value",
        at(solution, i, "weight"),
        `the weights of the ${what} must sum to 1 (±${TOLERANCE}), got ${t.sum}; this weight is ${item.weight}`,
      );
  }
}

/**
 * One TOWS strategy against the TOWS rules (docs/methodology/needs-swot.md), as `crossSwot` applies
 * them: each linked item once, of one of its kind's two quadrants, at least one of each; each
 * solution once. Unknown items are left to the reference rules.
 */
function checkTows(
  ctx: RuleContext,
  t: TowsStrategy,
  i: number,
  quadrantOf: ReadonlyMap<string, SwotQuadrant>,
): void {
  checkRepeats(ctx, t.items, "tows", i, "items", "SWOT item");
  checkRepeats(ctx, t.solutions, "tows", i, "solutions", "solution");
  const [first, second] = towsQuadrants[t.kind];
  let firsts = 0;
  let seconds = 0;
  let unknown = false;
  for (let j = 0; j < t.items.length; j++) {
    const item = t.items[j] as string;
    const q = quadrantOf.get(item);
    if (q === undefined) unknown = true;
    else if (q === first) firsts++;
    else if (q === second) seconds++;
    else
      error(ctx, "invalid_value", ["tows", i, "items", j], wrongQuadrantMessage(item, q, t.kind));
  }
  if (unknown) return;
  if (firsts === 0)
    error(ctx, "invalid_value", ["tows", i, "items"], missingQuadrantMessage(t.kind, first));
  if (seconds === 0)
    error(ctx, "invalid_value", ["tows", i, "items"], missingQuadrantMessage(t.kind, second));
}

/**
 * The SWOT rules of validateAssessment: what `buildSwotForAssessment`, `solutionDossier` and the
 * SWOT sections of `createReport` would otherwise refuse about a document, with their default
 * options (designed by this project after F. R. David's IFE/EFE matrices and Weihrich's TOWS
 * matrix; docs/methodology/needs-swot.md, Weighted SWOT and TOWS).
 *
 * For the city SWOT (`swot`) and each solution's (`solutions[i].swot`), per matrix (strengths and
 * weaknesses; opportunities and threats):
 * - ratings all or none, and weights all or none: `missing_field` on each item lacking one once
 *   another item of the matrix has it;
 * - given weights summing to 1 (±1e-9): otherwise `invalid_value` on each weight of the matrix;
 * - David's convention: a strength rated 3 or 4, a weakness 1 or 2 (`out_of_range`); weights
 *   (0–1) and ratings (1–4) are on their scales by the schema;
 * - evidence naming an indicator, a need or a note (`missing_field`).
 * Each TOWS strategy (`tows[i]`) links each item once (`duplicate_id`), only items of its kind's
 * two quadrants and at least one of each (`invalid_value`), and each solution once
 * (`duplicate_id`). A solution names each partner once (`solutions[i].partners`,
 * `duplicate_id`).
 */
export function checkSwot(ctx: RuleContext): void {
  const a = ctx.a;
  checkSwotList(ctx, a.swot, undefined);
  for (let i = 0; i < a.solutions.length; i++) {
    const s = a.solutions[i] as (typeof a.solutions)[number];
    checkSwotList(ctx, s.swot, i);
    checkRepeats(ctx, s.partners, "solutions", i, "partners", "partner");
  }
  const tows = a.tows;
  if (tows === undefined || tows.length === 0) return;
  const quadrantOf = new Map<string, SwotQuadrant>();
  for (const item of a.swot ?? [])
    if (!quadrantOf.has(item.id)) quadrantOf.set(item.id, item.quadrant);
  for (let i = 0; i < tows.length; i++) checkTows(ctx, tows[i] as TowsStrategy, i, quadrantOf);
}
