import type { Assessment } from "../schema/assessment.js";
import type { Criterion, Need, Solution, Stakeholder, Workshop } from "../schema/entities.js";

/** An assessment's collections by id, built once per parsed assessment. */
export interface AssessmentIndex {
  readonly stakeholders: ReadonlyMap<string, Stakeholder>;
  readonly workshops: ReadonlyMap<string, Workshop>;
  readonly needs: ReadonlyMap<string, Need>;
  readonly solutions: ReadonlyMap<string, Solution>;
  readonly criteria: ReadonlyMap<string, Criterion>;
}

const cache = new WeakMap<Assessment, AssessmentIndex>();

function byId<T extends { readonly id: string }>(items: readonly T[] | undefined): Map<string, T> {
  const m = new Map<string, T>();
  for (const x of items ?? []) m.set(x.id, x);
  return m;
}

/**
 * The collections of a parsed assessment by id. A parsed assessment is frozen and its ids are
 * unique (the parser checked both), so the index is built on first use and kept for the life of
 * the assessment: every stage of one pipeline shares it.
 */
export function indexAssessment(a: Assessment): AssessmentIndex {
  let index = cache.get(a);
  if (index === undefined) {
    index = {
      stakeholders: byId(a.stakeholders),
      workshops: byId(a.workshops),
      needs: byId(a.needs),
      solutions: byId(a.solutions),
      criteria: byId(a.criteria),
    };
    cache.set(a, index);
  }
  return index;
}
