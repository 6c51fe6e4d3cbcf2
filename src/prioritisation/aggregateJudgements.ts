import {
  ahpWeights,
  type AhpMethod,
  type AhpWeightsOptions,
  type AhpWeightsResult,
} from "./ahpWeights.js";
import {
  clean,
  readChoice,
  readIds,
  readList,
  readOptions,
  readWeights,
  WEIGHT,
  type WeightSpec,
} from "./_shared.js";
import { failAt, remapErrors } from "../_lib/assert.js";
import type { RandomIndexTableName } from "./randomIndex.js";

/** Respondent weights: one per matrix, from 0 (a negative one is `negative_weight`). */
const RESPONDENT_WEIGHTS: WeightSpec = {
  per: "matrix",
  key: null,
  fallback: null,
  range: WEIGHT,
  normalise: true,
};

/** Ways of combining several respondents' AHP judgements (Forman & Peniwati 1998). */
export const judgementAggregations = ["geometricMeanOfJudgements", "meanOfPriorities"] as const;
/** A way of combining respondents. */
export type JudgementAggregation = (typeof judgementAggregations)[number];

/** Options of {@link aggregateJudgements}. */
export interface AggregateJudgementsOptions {
  /** `"geometricMeanOfJudgements"` (AIJ, default) or `"meanOfPriorities"` (AIP). */
  readonly method?: JudgementAggregation;
  /** Respondent ids, one per matrix (default `"1"`, `"2"`, …). */
  readonly respondents?: readonly string[];
  /** Respondent weights, one per matrix (default equal); normalised to sum 1. */
  readonly weights?: readonly number[];
  /** Options for each {@link ahpWeights} call (method, random-index table, threshold). */
  readonly ahp?: AhpWeightsOptions;
}

/** One respondent in {@link AggregateJudgementsResult}. */
export interface RespondentPriorities {
  /** The respondent's id. */
  readonly respondent: string;
  /** The respondent's weight in the aggregate (sums to 1 over respondents). */
  readonly weight: number;
  /** The respondent's own priorities. */
  readonly weights: number[];
  /** The respondent's own CR. */
  readonly consistencyRatio: number;
  /** Whether that CR is within the threshold. */
  readonly isConsistent: boolean;
}

/** Result of {@link aggregateJudgements}. */
export interface AggregateJudgementsResult {
  /** The aggregation used. */
  readonly method: JudgementAggregation;
  /** The group's priorities (sum 1). */
  readonly weights: number[];
  /** The aggregated matrix (AIJ); `null` for the mean of priorities, which builds none. */
  readonly matrix: number[][] | null;
  /** CR of the aggregated matrix (AIJ); `null` for the mean of priorities. */
  readonly consistencyRatio: number | null;
  /** Why `matrix` and `consistencyRatio` are null, if they are. */
  readonly reason: string | null;
  /** Each respondent's priorities and consistency, in input order. */
  readonly respondents: RespondentPriorities[];
  /** The AHP parameters used for every matrix. */
  readonly parameters: {
    /** The AHP priority method. */
    readonly ahpMethod: AhpMethod;
    /** The random-index table. */
    readonly randomIndex: RandomIndexTableName;
    /** The CR threshold. */
    readonly threshold: number;
  };
}

/**
 * Combines several respondents' pairwise comparison matrices into group priorities.
 *
 * Rule (Forman & Peniwati 1998, "Aggregating individual judgments and priorities with the
 * analytic hierarchy process", EJOR 108(1):165–169):
 * - `"geometricMeanOfJudgements"` (AIJ, default; for a group acting as one decision maker): each
 *   entry is the weighted geometric mean Π_k a_ij(k)^λ_k of the respondents' judgements, which keeps
 *   the matrix reciprocal; the priorities and CR are those of that matrix.
 * - `"meanOfPriorities"` (AIP; for separate individuals): each respondent's priorities are
 *   computed, then averaged arithmetically with weights λ_k; no group matrix (and no group CR)
 *   exists.
 *
 * Every respondent's own priorities and CR are reported in both cases, so inconsistent
 * respondents can be asked to revisit their judgements.
 *
 * @param matrices - one reciprocal matrix per respondent, all of the same order
 * @param options - aggregation, respondent ids and weights, and the AHP options
 * @returns the group priorities, the aggregated matrix and CR (AIJ), and each respondent's
 *   priorities and CR
 * @throws AssessmentError `invalid_type`, `empty` (no matrices); `length_mismatch` (matrices of
 *   different orders, or respondents/weights not one per matrix); every {@link ahpWeights} error,
 *   with its path under `matrices[k]`; `negative_weight`, `zero_weights` for respondent weights;
 *   `duplicate_id` (respondents); `invalid_value` (unknown method)
 * @example
 * ```ts
 * import { aggregateJudgements } from "icc-assessment/prioritisation";
 * const r = aggregateJudgements(
 *   [
 *     [
 *       [1, 4],
 *       [1 / 4, 1],
 *     ],
 *     [
 *       [1, 1],
 *       [1, 1],
 *     ],
 *   ],
 *   { respondents: ["city", "ngo"] },
 * );
 * r.matrix; // => [[1, 2], [0.5, 1]]
 * r.weights.map((w) => Math.round(w * 1000) / 1000); // => [0.667, 0.333]
 * r.respondents.map((p) => p.respondent); // => ["city", "ngo"]
 * ```
 */
export function aggregateJudgements(
  matrices: readonly (readonly (readonly number[])[])[],
  options?: AggregateJudgementsOptions,
): AggregateJudgementsResult {
  const o = readOptions(options, ["options"]);
  const method = readChoice(
    o.method,
    judgementAggregations,
    "geometricMeanOfJudgements",
    ["options", "method"],
    "method",
  );
  const k = readList(matrices, ["matrices"], "matrices", 1).length;
  const ids =
    o.respondents === undefined
      ? matrices.map((_, i) => String(i + 1))
      : readIds(o.respondents, ["options", "respondents"], "respondents", 1, k, "matrix");
  const lambda =
    o.weights === undefined
      ? new Float64Array(k).fill(1 / k)
      : readWeights(o.weights, k, ["options", "weights"], "weights", RESPONDENT_WEIGHTS);
  const ahp = readOptions(o.ahp, ["options", "ahp"]);

  // one error handler for every matrix: the failing matrix's index is read when an error passes
  let at = 0;
  const individual = remapErrors(
    () => {
      const out: AhpWeightsResult[] = [];
      for (; at < k; at++)
        out.push(ahpWeights(matrices[at] as readonly (readonly number[])[], ahp));
      return out;
    },
    (path) => ["matrices", at, ...(path[0] === "matrix" ? path.slice(1) : path)],
    { addMissingPath: true },
  );
  const n = (individual[0] as { n: number }).n;
  individual.forEach((res, r) => {
    if (res.n !== n) {
      failAt(
        "length_mismatch",
        ["matrices", r],
        `matrices must all have the order of matrices[0] (${n}), got ${res.n}`,
      );
    }
  });
  const first = individual[0] as (typeof individual)[number];
  const respondents: RespondentPriorities[] = individual.map((res, r) => ({
    respondent: ids[r] as string,
    weight: lambda[r] as number,
    weights: res.weights,
    consistencyRatio: res.consistencyRatio,
    isConsistent: res.isConsistent,
  }));
  const parameters = {
    ahpMethod: first.method,
    randomIndex: first.randomIndex,
    threshold: first.threshold,
  };

  if (method === "meanOfPriorities") {
    const w = new Array<number>(n).fill(0);
    individual.forEach((res, r) => {
      res.weights.forEach((x, i) => {
        w[i] = (w[i] as number) + (lambda[r] as number) * x;
      });
    });
    return {
      method,
      weights: w.map(clean),
      matrix: null,
      consistencyRatio: null,
      reason:
        "the mean of priorities combines each respondent's priorities and builds no group matrix",
      respondents,
      parameters,
    };
  }

  const matrix: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(n);
    for (let j = 0; j < n; j++) {
      if (i === j) {
        row[j] = 1;
        continue;
      }
      if (j < i) {
        row[j] = 1 / ((matrix[j] as number[])[i] as number);
        continue;
      }
      if (k === 1) {
        row[j] = ((matrices[0] as number[][])[i] as number[])[j] as number;
        continue;
      }
      let logSum = 0;
      for (let r = 0; r < k; r++) {
        logSum +=
          (lambda[r] as number) *
          Math.log(((matrices[r] as number[][])[i] as number[])[j] as number);
      }
      row[j] = Math.exp(logSum);
    }
    matrix.push(row);
  }
  const group = ahpWeights(matrix, ahp);
  return {
    method,
    weights: group.weights,
    matrix,
    consistencyRatio: group.consistencyRatio,
    reason: null,
    respondents,
    parameters,
  };
}
