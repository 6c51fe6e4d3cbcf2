/**
 * Internal: checks a Decision and runs the weighted sum or TOPSIS on it, for `prioritise` and
 * `rankStability`. Kept apart from `prioritise` so that `rankStability` does not pull in the
 * voting code (and decimal.js) when bundled. Not exported from the stage.
 */
import { checkRecord, remapErrors } from "../_lib/assert.js";
import { orderByRankThenId } from "../_lib/sort.js";
import { criterionKinds, type CriterionKind } from "../schema/vocabularies.js";
import type { Decision, DecisionWeightSource } from "./buildDecision.js";
import type {
  RankedSolution,
  TopsisPrioritisation,
  UsedWeight,
  WeightedSumPrioritisation,
} from "./_model.js";
import {
  topsis,
  TOPSIS_DEFAULTS,
  topsisNormalisations,
  type TopsisNormalisation,
} from "./topsis.js";
import {
  weightedSum,
  WEIGHTED_SUM_DEFAULTS,
  weightedSumNormalisations,
  type CriterionScale,
  type WeightedSumNormalisation,
} from "./weightedSum.js";
import {
  clean,
  failChoice,
  readChoice,
  readIds,
  readKeyed,
  readList,
  readWeights,
  WEIGHT,
  type WeightSpec,
} from "./_shared.js";

/** The criteria's weights: the field `weight` of each criterion, from 0. */
const CRITERIA_WEIGHTS: WeightSpec = {
  per: "criterion",
  key: "weight",
  fallback: null,
  range: WEIGHT,
  normalise: true,
};

/** A decision after its checks: ids, kinds, normalised weights and scales. */
export interface Checked {
  readonly alternatives: string[];
  readonly kinds: CriterionKind[];
  readonly weights: number[];
  readonly used: UsedWeight[];
  readonly scales: (CriterionScale | undefined)[];
  readonly weightSource: DecisionWeightSource | "decision";
}

/** Checks a decision's alternatives, criteria and matrix shape; paths start at `decision`. */
export function checkDecision(decision: Decision): Checked {
  if (typeof decision !== "object" || decision === null)
    checkRecord(decision, ["decision"], "decision");
  const alternatives = readIds(decision.alternatives, ["decision", "alternatives"], "alternatives");
  const criteria = readKeyed(decision.criteria, ["decision", "criteria"], "criteria", "id");
  const m = criteria.length;
  const kinds: CriterionKind[] = [];
  const scales: (CriterionScale | undefined)[] = [];
  for (let j = 0; j < m; j++) {
    const { kind, scale } = criteria[j] as Record<string, unknown>;
    if (kind !== "benefit" && kind !== "cost")
      failChoice(kind, criterionKinds, ["decision", "criteria", j, "kind"], `criteria[${j}].kind`);
    kinds.push(kind);
    scales.push(scale as CriterionScale | undefined);
  }
  const weights = Array.from(
    readWeights(criteria, m, ["decision", "criteria"], "criteria", CRITERIA_WEIGHTS),
  );
  const matrix = readList(
    decision.matrix,
    ["decision", "matrix"],
    "matrix",
    0,
    alternatives.length,
    "alternative",
  );
  for (let i = 0; i < matrix.length; i++) {
    const r: unknown = matrix[i];
    if (!Array.isArray(r) || r.length !== m)
      readList(r, ["decision", "matrix", i], `matrix[${i}]`, 0, m, "criterion");
  }
  return {
    alternatives,
    kinds,
    weights,
    used: (criteria as { id: string }[]).map((c, j) => ({
      criterion: c.id,
      kind: kinds[j] as CriterionKind,
      weight: weights[j] as number,
    })),
    scales,
    weightSource: decision.provenance?.weightSource ?? "decision",
  };
}

/**
 * Moves the paths of an error from a primitive's arguments to the decision's fields (the weights
 * it is given were checked by {@link checkDecision}, so no error points at them).
 */
export function underDecision<T>(fn: () => T): T {
  return remapErrors(
    fn,
    (issuePath) => {
      const [head, ...rest] = issuePath;
      if (head === "options" && rest[0] === "scales")
        return ["decision", "criteria", ...rest.slice(1), "scale"];
      return ["decision", ...issuePath];
    },
    { addMissingPath: true },
  );
}

/** The options of `prioritise` the weighted sum and TOPSIS read. */
export interface NormalisationOptions {
  /** The normalisation (each method has its own default). */
  readonly normalisation?: WeightedSumNormalisation | TopsisNormalisation | undefined;
}

/** Runs the weighted sum on a checked decision (see `prioritise`). */
export function byWeightedSum(
  decision: Decision,
  d: Checked,
  options: NormalisationOptions,
): WeightedSumPrioritisation {
  const allScaled = d.scales.every((s) => s !== undefined);
  const normalisation = readChoice(
    options.normalisation,
    weightedSumNormalisations,
    allScaled ? WEIGHTED_SUM_DEFAULTS.withScales : WEIGHTED_SUM_DEFAULTS.normalisation,
    ["options", "normalisation"],
    "normalisation",
  );
  const r = underDecision(() =>
    weightedSum(decision.matrix, d.weights, d.kinds, {
      normalisation,
      tables: true,
      ...(normalisation === "scale" ? { scales: d.scales as CriterionScale[] } : {}),
    }),
  );
  const normalised = r.normalised as number[][];
  return {
    method: "weightedSum",
    parameters: {
      normalisation,
      weights: d.used,
      weightSource: d.weightSource,
      tieTolerance: r.tieTolerance,
    },
    ranking: rankingOf(d.alternatives, r.scores, r.ranks),
    normalised,
    contributions: normalised.map((row) => row.map((x, j) => clean(x * (d.weights[j] as number)))),
  };
}

/** Runs TOPSIS on a checked decision (see `prioritise`). */
export function byTopsis(
  decision: Decision,
  d: Checked,
  options: NormalisationOptions,
): TopsisPrioritisation {
  const normalisation = readChoice(
    options.normalisation,
    topsisNormalisations,
    TOPSIS_DEFAULTS.normalisation,
    ["options", "normalisation"],
    "normalisation",
  );
  const r = underDecision(() =>
    topsis(decision.matrix, d.weights, d.kinds, { normalisation, tables: true }),
  );
  return {
    method: "topsis",
    parameters: {
      normalisation,
      weights: d.used,
      weightSource: d.weightSource,
      tieTolerance: r.tieTolerance,
    },
    ranking: rankingOf(d.alternatives, r.closeness, r.ranks),
    weighted: r.weighted as number[][],
    ideal: r.ideal,
    antiIdeal: r.antiIdeal,
    distanceToIdeal: r.distanceToIdeal,
    distanceToAntiIdeal: r.distanceToAntiIdeal,
  };
}

/** The ranking shape every result shares: by rank, then id. */
export function rankingOf(
  ids: readonly string[],
  scores: readonly number[],
  ranks: readonly number[],
): RankedSolution[] {
  return orderByRankThenId(ranks, ids).map((i) => ({
    solution: ids[i] as string,
    score: scores[i] as number,
    rank: ranks[i] as number,
  }));
}
