/**
 * Internal: the AHP method of `prioritise` on a checked decision (the registry's `ahp` entry). Not
 * exported from the stage.
 */
import { describe as show, failAt, remapErrors } from "../_lib/assert.js";
import { readAhpOptions } from "./ahpWeights.js";
import type { Decision } from "./buildDecision.js";
import type { AhpPrioritisation, MethodOptions, UsedWeight } from "./_model.js";
import { SYNTHESIS_DEFAULTS, synthesiseHierarchy, synthesisModes } from "./synthesiseHierarchy.js";
import { readChoice, readNumber } from "./_shared.js";
import { rankingOf, type Checked } from "./_decision.js";

/** The AHP method's defaults: the synthesis mode of {@link synthesiseHierarchy}. */
export const AHP_DEFAULTS = SYNTHESIS_DEFAULTS;

/**
 * Runs the AHP method on a checked decision (see `prioritise`): {@link synthesiseHierarchy} with
 * the criteria weights over the alternatives' local priorities per criterion, from the decision's
 * pairwise comparisons where given, else from the scores as ratio-scale ratings.
 */
export function byAhp(decision: Decision, d: Checked, options: MethodOptions): AhpPrioritisation {
  const { method: ahpMethod, table: randomIndex } = readAhpOptions(options.ahp, "options.ahp");
  const mode = readChoice(
    options.mode,
    synthesisModes,
    AHP_DEFAULTS.mode,
    ["options", "mode"],
    "mode",
  );
  const comparisons = decision.comparisons ?? {};
  const matrix = decision.matrix;
  const n = d.alternatives.length;
  const children = d.used.map((c, j) => {
    const given = Object.prototype.hasOwnProperty.call(comparisons, c.criterion)
      ? comparisons[c.criterion]
      : undefined;
    if (given !== undefined)
      return { id: c.criterion, weight: c.weight, alternativeComparisons: given };
    const cost = c.kind === "cost";
    const priorities = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const v: unknown = (matrix[i] as readonly unknown[])[j];
      const p = typeof v === "number" ? (cost ? 1 / v : v) : NaN;
      // a positive, finite rating (NaN fails too)
      if (!(p > 0 && p < Infinity)) badRating(v, i, j, c.criterion);
      priorities[i] = p;
    }
    return { id: c.criterion, weight: c.weight, priorities };
  });
  const r = underComparisons(d.used, () =>
    synthesiseHierarchy({ id: "(goal)", children }, d.alternatives, {
      mode,
      ...(options.ahp === undefined ? {} : { ahp: options.ahp }),
    }),
  );
  const scores = r.scores;
  const ranks = scoresToRanks(r.ranking, d.alternatives);
  return {
    method: "ahp",
    parameters: {
      mode,
      ahpMethod,
      randomIndex,
      weights: d.used,
      weightSource: d.weightSource,
    },
    ranking: rankingOf(d.alternatives, scores, ranks),
    ratings: r.criteria.map((c) => ({
      criterion: c.id,
      source: c.consistencyRatio === null ? "scores" : "comparisons",
      priorities: c.alternativePriorities as number[],
      consistencyRatio: c.consistencyRatio,
    })),
  };
}

/** Fails for a score the AHP method cannot rate by: not a positive finite number (or 1/score). */
function badRating(v: unknown, i: number, j: number, criterion: string): never {
  const path = ["decision", "matrix", i, j];
  readNumber(v, path, `matrix[${i}][${j}]`);
  failAt(
    "non_positive_value",
    path,
    `the AHP method rates alternatives by the ratio of their scores (1/score for a cost), which must be positive and finite, got ${show(v)}; give decision.comparisons for criterion ${show(criterion)} instead`,
  );
}

/** Moves hierarchy error paths (`["hierarchy", "children", j, "alternativeComparisons", …]`) to `["decision", "comparisons", id, …]`. */
function underComparisons<T>(used: readonly UsedWeight[], fn: () => T): T {
  return remapErrors(
    fn,
    (issuePath) => {
      const [, , j, , ...rest] = issuePath;
      return ["decision", "comparisons", (used[j as number] as UsedWeight).criterion, ...rest];
    },
    { addMissingPath: true },
  );
}

function scoresToRanks(
  sorted: readonly { alternative: string; rank: number }[],
  ids: readonly string[],
): number[] {
  const byId = new Map(sorted.map((x) => [x.alternative, x.rank]));
  return ids.map((id) => byId.get(id) as number);
}
