import type { RuleContext } from "./context.js";
import { error } from "./context.js";

/**
 * Reports every id that `ids` (the list `field` of `collection[i]`) repeats, at its second and
 * later places: `duplicate_id` at `[collection, i, field, j]`.
 */
export function checkRepeats(
  ctx: RuleContext,
  ids: readonly string[] | undefined,
  collection: string,
  i: number,
  field: string,
  what: string,
): void {
  if (ids === undefined || ids.length < 2) return;
  const first = new Map<string, number>();
  for (let j = 0; j < ids.length; j++) {
    const id = ids[j] as string;
    const k = first.get(id);
    if (k === undefined) first.set(id, j);
    else
      error(
        ctx,
        "duplicate_id",
        [collection, i, field, j],
        `${field} lists ${JSON.stringify(id)} again (first at ${field}[${k}]); expected each ${what} once`,
      );
  }
}

/**
 * The needs rules of validateAssessment: what `rankNeeds`, `needCoverage` and
 * `stakeholderCoverage` would otherwise refuse about a document (designed by this project).
 *
 * - A need is raised by each stakeholder once (`needs[i].raisedBy`), and scored by each
 *   stakeholder once (`needs[i].scores[j].stakeholder`): a repeat would count twice in the helix
 *   breadth or the mean score.
 * - A workshop lists each participant once (`workshops[i].participants`): a repeat would count
 *   twice in the helix shares.
 * - A solution addresses each need once (`solutions[i].addressesNeeds`): coverage counts links
 *   once per pair.
 * - One target level per dimension (`maturity.targets[i].dimension`): the maturity gap of a need
 *   reads the dimension's target.
 *
 * Each repeat is `duplicate_id` at its second and later places. Votes (whole numbers ≥ 0) and
 * score values (≥ 0) are checked by the schema; stakeholders and needs resolve by the reference
 * rules.
 */
export function checkNeeds(ctx: RuleContext): void {
  const a = ctx.a;
  for (let i = 0; i < a.needs.length; i++) {
    const need = a.needs[i] as (typeof a.needs)[number];
    checkRepeats(ctx, need.raisedBy, "needs", i, "raisedBy", "stakeholder");
    const scores = need.scores;
    if (scores === undefined || scores.length < 2) continue;
    const first = new Map<string, number>();
    for (let j = 0; j < scores.length; j++) {
      const who = (scores[j] as { readonly stakeholder: string }).stakeholder;
      const k = first.get(who);
      if (k === undefined) first.set(who, j);
      else
        error(
          ctx,
          "duplicate_id",
          ["needs", i, "scores", j, "stakeholder"],
          `stakeholder ${JSON.stringify(who)} scored this need twice (first at scores[${k}]); expected one score per stakeholder`,
        );
    }
  }
  for (let i = 0; i < a.workshops.length; i++) {
    checkRepeats(ctx, a.workshops[i]?.participants, "workshops", i, "participants", "stakeholder");
  }
  for (let i = 0; i < a.solutions.length; i++) {
    checkRepeats(ctx, a.solutions[i]?.addressesNeeds, "solutions", i, "addressesNeeds", "need");
  }
  const targets = a.maturity?.targets;
  if (targets !== undefined && targets.length > 1) {
    const first = new Map<string, number>();
    for (let i = 0; i < targets.length; i++) {
      const dim = (targets[i] as { readonly dimension: string }).dimension;
      const k = first.get(dim);
      if (k === undefined) first.set(dim, i);
      else
        error(
          ctx,
          "duplicate_id",
          ["maturity", "targets", i, "dimension"],
          `a second target for dimension ${JSON.stringify(dim)} (first at maturity.targets[${k}]); expected one target level per dimension`,
        );
    }
  }
}
