/**
 * Internal: checks a Decision and runs the weighted sum or TOPSIS on it, for `prioritise` and
 * `rankStability`. Kept apart from `prioritise` so that `rankStability` does not pull in the
 * voting code (and decimal.js) when bundled. Not exported from the stage.
 */
import { describe as show, failAt, remapErrors } from "../_lib/assert.js";
import { orderByRankThenId } from "../_lib/sort.js";
import type { CriterionKind } from "../schema/vocabularies.js";
import type { Decision, DecisionWeightSource } from "./buildDecision.js";
import type {
  RankedSolution,
  TopsisPrioritisation,
  UsedWeight,
  WeightedSumPrioritisation,
} from "./prioritise.js";
import { topsis, topsisNormalisations, type TopsisNormalisation } from "./topsis.js";
import {
  weightedSum,
  weightedSumNormalisations,
  type CriterionScale,
  type WeightedSumNormalisation,
} from "./weightedSum.js";
import { clean, readChoice, readIds, readKeyed, readWeights } from "./_shared.js";

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
  if (typeof decision !== "object" || decision === null) {
    failAt("invalid_type", ["decision"], `decision must be an object, got ${show(decision)}`);
  }
  const alternatives = readIds(decision.alternatives, ["decision", "alternatives"], "alternatives");
  const criteria = readKeyed(decision.criteria, ["decision", "criteria"], "criteria", "id");
  const kinds: CriterionKind[] = [];
  const scales: (CriterionScale | undefined)[] = [];
  const raw: unknown[] = [];
  for (let j = 0; j < criteria.length; j++) {
    const { kind, weight, scale } = criteria[j] as Record<string, unknown>;
    if (kind !== "benefit" && kind !== "cost") {
      failAt(
        "invalid_value",
        ["decision", "criteria", j, "kind"],
        `criteria[${j}].kind must be "benefit" or "cost", got ${show(kind)}`,
      );
    }
    kinds.push(kind);
    scales.push(scale as CriterionScale | undefined);
    raw.push(weight);
  }
  const weights = Array.from(underDecision(() => readWeights(raw, raw.length, ["weights"])));
  const matrix: unknown = decision.matrix;
  if (!Array.isArray(matrix))
    failAt("invalid_type", ["decision", "matrix"], `matrix must be an array, got ${show(matrix)}`);
  if (matrix.length !== alternatives.length) {
    failAt(
      "length_mismatch",
      ["decision", "matrix"],
      `matrix must have one row per alternative (${alternatives.length}), got ${matrix.length}`,
    );
  }
  for (let i = 0; i < matrix.length; i++) {
    const r: unknown = matrix[i];
    if (!Array.isArray(r) || r.length !== kinds.length) badRow(r, i, kinds.length);
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

/** Fails for a matrix row that is not an array of one value per criterion. */
function badRow(r: unknown, i: number, m: number): never {
  if (!Array.isArray(r)) {
    failAt(
      "invalid_type",
      ["decision", "matrix", i],
      `matrix[${i}] must be an array, got ${show(r)}`,
    );
  }
  failAt(
    "length_mismatch",
    ["decision", "matrix", i],
    `matrix[${i}] must have one value per criterion (${m}), got ${r.length}`,
  );
}

/** Moves the paths of an error from a primitive's arguments to the decision's fields. */
export function underDecision<T>(fn: () => T): T {
  return remapErrors(
    fn,
    (issuePath) => {
      const [head, ...rest] = issuePath;
      if (head === "weights")
        return rest.length > 0
          ? ["decision", "criteria", ...rest, "weight"]
          : ["decision", "criteria"];
      if (head === "options" && rest[0] === "scales")
        return ["decision", "criteria", ...rest.slice(1), "scale"];
      return ["decision", ...issuePath];
    },
    { addMissingPath: true },
  );
}

/** Runs the weighted sum on a checked decision (see `prioritise`). */
export function byWeightedSum(
  decision: Decision,
  d: Checked,
  requested: WeightedSumNormalisation | TopsisNormalisation | undefined,
): WeightedSumPrioritisation {
  const allScaled = d.scales.every((s) => s !== undefined);
  const normalisation = readChoice(
    requested,
    weightedSumNormalisations,
    allScaled ? "scale" : "minMax",
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
    parameters: { normalisation, weights: d.used, weightSource: d.weightSource },
    ranking: rankingOf(d.alternatives, r.scores, r.ranks),
    normalised,
    contributions: normalised.map((row) => row.map((x, j) => clean(x * (d.weights[j] as number)))),
  };
}

/** Runs TOPSIS on a checked decision (see `prioritise`). */
export function byTopsis(
  decision: Decision,
  d: Checked,
  requested: WeightedSumNormalisation | TopsisNormalisation | undefined,
): TopsisPrioritisation {
  const normalisation = readChoice(
    requested,
    topsisNormalisations,
    "vector",
    ["options", "normalisation"],
    "normalisation",
  );
  const r = underDecision(() =>
    topsis(decision.matrix, d.weights, d.kinds, { normalisation, tables: true }),
  );
  return {
    method: "topsis",
    parameters: { normalisation, weights: d.used, weightSource: d.weightSource },
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
