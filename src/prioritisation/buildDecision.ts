import { describe as show, failAt, remapErrors } from "../_lib/assert.js";
import { compareIds } from "../_lib/sort.js";
import type { PathSegment } from "../errors/AssessmentError.js";
import type { Assessment } from "../schema/assessment.js";
import type { CriterionKind } from "../schema/vocabularies.js";
import type { AhpWeightsOptions } from "./ahpWeights.js";
import {
  aggregateJudgements,
  judgementAggregations,
  type AggregateJudgementsResult,
  type JudgementAggregation,
} from "./aggregateJudgements.js";
import {
  completeJudgements,
  completionMethods,
  type CompletedJudgement,
  type CompletionMethod,
} from "./completeJudgements.js";
import type { DotAllocation } from "./dotVoting.js";
import type { AlternativeScore } from "./scoreVoting.js";
import type { CriterionScale } from "./weightedSum.js";
import { readChoice, readIds, readOptions } from "./_shared.js";

/** A criterion of a {@link Decision}. */
export interface DecisionCriterion {
  /** The criterion's id. */
  readonly id: string;
  /** `"benefit"` (more is better) or `"cost"` (less is better). */
  readonly kind: CriterionKind;
  /** Its weight (normalised to sum 1 when used). */
  readonly weight: number;
  /** Its declared scale, if any. */
  readonly scale?: CriterionScale;
  /** Its title, if any. */
  readonly title?: string;
}

/** A stakeholder ballot of a {@link Decision}: a ranking, approvals, dots or scores over the alternatives. */
export interface DecisionBallot {
  /** The ballot's id. */
  readonly id?: string;
  /** The voter's id. */
  readonly voter?: string;
  /** Its weight; default 1. */
  readonly weight?: number;
  /** Alternatives best first (Borda). */
  readonly ranking?: readonly string[];
  /** Approved alternatives (approval voting). */
  readonly approvals?: readonly string[];
  /** Dots per alternative (dot voting). */
  readonly points?: readonly DotAllocation[];
  /** Scores per alternative (score voting). */
  readonly scores?: readonly AlternativeScore[];
}

/** How {@link buildDecision} made a decision from an assessment. */
export interface DecisionProvenance {
  /** Where the criteria weights came from. */
  readonly weightSource: DecisionWeightSource;
  /** The AHP aggregation of the criteria judgements, when weights came from AHP. */
  readonly criteriaAhp: AggregateJudgementsResult | null;
  /** Judgements filled in per respondent (when some pairs were not judged). */
  readonly completedJudgements: readonly {
    /** The respondent's id (`"(anonymous)"` for judgements without one). */
    readonly respondent: string;
    /** The pairs filled in. */
    readonly completed: CompletedJudgement[];
  }[];
  /** The completion method used for missing judgements. */
  readonly completion: CompletionMethod;
  /** Number of scores averaged per cell (alternatives × criteria). */
  readonly raters: number[][];
  /** How several raters' scores of one cell are combined. */
  readonly scoreAggregation: "mean";
}

/**
 * The decision model shared by every prioritisation method: alternatives (solutions) × criteria,
 * with criteria weights, and optionally stakeholder ballots and pairwise comparisons of the
 * alternatives per criterion (for AHP).
 */
export interface Decision {
  /** The alternatives' ids (solution ids), in matrix row order. */
  readonly alternatives: readonly string[];
  /** The criteria, in matrix column order. */
  readonly criteria: readonly DecisionCriterion[];
  /** Values: `matrix[i][j]` is alternative i on criterion j. */
  readonly matrix: readonly (readonly number[])[];
  /** Stakeholder ballots over the alternatives. */
  readonly ballots?: readonly DecisionBallot[];
  /** Per criterion id, a pairwise comparison matrix of the alternatives (AHP). */
  readonly comparisons?: Readonly<Record<string, readonly (readonly number[])[]>>;
  /** How the decision was built from an assessment. */
  readonly provenance?: DecisionProvenance;
}

/** Where criteria weights come from. */
export const decisionWeightSources = ["criteria", "ahp"] as const;
/** A source of criteria weights. */
export type DecisionWeightSource = (typeof decisionWeightSources)[number];

/** The parts of an assessment a decision is built from. */
export type DecisionAssessment = Pick<
  Assessment,
  "solutions" | "criteria" | "scores" | "ballots" | "prioritisation"
>;

/** Options of {@link buildDecision}. */
export interface BuildDecisionOptions {
  /**
   * `"criteria"`: each criterion's `weight`; `"ahp"`: derived from
   * `prioritisation.criteriaJudgements`. Default: `"criteria"` when every criterion has a weight,
   * else `"ahp"` when there are judgements.
   */
  readonly weights?: DecisionWeightSource;
  /** How several respondents' judgements are combined; default `"geometricMeanOfJudgements"`. */
  readonly aggregation?: JudgementAggregation;
  /** How a respondent's missing judgements are filled; default `"harker"`. */
  readonly completion?: CompletionMethod;
  /** Only these solutions (default: all, in document order). */
  readonly solutions?: readonly string[];
  /** Options of the AHP weight calculation. */
  readonly ahp?: AhpWeightsOptions;
}

const ANONYMOUS = "(anonymous)";

/**
 * Builds the decision model (solutions × criteria) from an assessment.
 *
 * Rule (designed by this project, decision note 0305): the alternatives are the assessment's
 * solutions (or `options.solutions`, in that order); the criteria are `criteria`; each cell is the
 * mean of the `scores` given for that solution and criterion (several raters may score one cell),
 * and every cell must have at least one score — a missing score is an error, never a 0. A score
 * outside its criterion's declared scale is an error. Weights are the criteria's own `weight`s, or
 * AHP weights from `prioritisation.criteriaJudgements`: each respondent's judgements form a
 * reciprocal matrix (missing pairs completed by {@link completeJudgements}), and respondents are
 * combined by {@link aggregateJudgements}. Ballots are carried over (entries for solutions left
 * out by `options.solutions` are dropped).
 *
 * Error paths start at the argument (decision note 0206), e.g. `["assessment", "scores", 4, "value"]`.
 *
 * @param assessment - a parsed assessment (solutions, criteria, scores, ballots, prioritisation)
 * @param options - weight source, judgement aggregation and completion, solution subset, AHP options
 * @returns the decision, with its provenance (weight source, AHP details, raters per cell)
 * @throws AssessmentError `empty` (no criteria or no solutions); `missing_value` (a solution
 *   without a score on a criterion); `out_of_range` (a score off its scale); `unknown_reference`
 *   (a score, judgement or chosen solution naming an unknown id); `missing_field` (a criterion
 *   without weight and no judgements); `zero_weights`; and the errors of
 *   {@link buildReciprocalMatrix}, {@link completeJudgements} and {@link aggregateJudgements} at
 *   the judgement's document path
 * @example
 * ```ts
 * import { buildDecision } from "icc-assessment/prioritisation";
 * const d = buildDecision({
 *   solutions: [
 *     { id: "platform", title: "E-participation platform", readiness: "prepared" },
 *     { id: "infoPoints", title: "Information points", readiness: "piloted" },
 *   ],
 *   criteria: [
 *     { id: "impact", title: "Impact", kind: "benefit", weight: 3 },
 *     { id: "cost", title: "Cost", kind: "cost", weight: 1 },
 *   ],
 *   scores: [
 *     { solution: "platform", criterion: "impact", value: 5, rater: "a" },
 *     { solution: "platform", criterion: "impact", value: 4, rater: "b" },
 *     { solution: "platform", criterion: "cost", value: 180 },
 *     { solution: "infoPoints", criterion: "impact", value: 3 },
 *     { solution: "infoPoints", criterion: "cost", value: 30 },
 *   ],
 * });
 * d.matrix; // => [[4.5, 180], [3, 30]]
 * d.criteria.map((c) => c.weight); // => [0.75, 0.25]
 * d.provenance?.raters; // => [[2, 1], [1, 1]]
 * ```
 */
export function buildDecision(
  assessment: DecisionAssessment,
  options?: BuildDecisionOptions,
): Decision {
  const o = readOptions(options, ["options"]);
  if (typeof assessment !== "object" || assessment === null) {
    failAt("invalid_type", ["assessment"], `assessment must be an object, got ${show(assessment)}`);
  }
  const completion = readChoice(
    o.completion,
    completionMethods,
    "harker",
    ["options", "completion"],
    "completion",
  );
  const aggregation = readChoice(
    o.aggregation,
    judgementAggregations,
    "geometricMeanOfJudgements",
    ["options", "aggregation"],
    "aggregation",
  );
  const criteria = assessment.criteria ?? [];
  if (!Array.isArray(criteria) || criteria.length === 0) {
    failAt(
      "empty",
      ["assessment", "criteria"],
      "the assessment has no criteria to prioritise its solutions by",
    );
  }
  const allSolutions = (assessment.solutions ?? []).map((s) => s.id);
  const known = new Set(allSolutions);
  let alternatives: string[];
  if (o.solutions === undefined) alternatives = allSolutions;
  else {
    alternatives = readIds(o.solutions, ["options", "solutions"], "solutions");
    alternatives.forEach((id, i) => {
      if (!known.has(id))
        failAt(
          "unknown_reference",
          ["options", "solutions", i],
          `no solution has the id ${show(id)}`,
        );
    });
  }
  if (alternatives.length === 0)
    failAt("empty", ["assessment", "solutions"], "the assessment has no solutions to prioritise");
  const row = new Map(alternatives.map((id, i) => [id, i]));
  const col = new Map(criteria.map((c, j) => [c.id, j]));
  const n = alternatives.length;
  const m = criteria.length;

  // mean over raters per cell
  const sums = Array.from({ length: n }, () => new Array<number>(m).fill(0));
  const counts = Array.from({ length: n }, () => new Array<number>(m).fill(0));
  (assessment.scores ?? []).forEach((s, k) => {
    const j = col.get(s.criterion);
    if (j === undefined) {
      failAt(
        "unknown_reference",
        ["assessment", "scores", k, "criterion"],
        `scores[${k}] names an unknown criterion ${show(s.criterion)}`,
      );
    }
    if (!known.has(s.solution)) {
      failAt(
        "unknown_reference",
        ["assessment", "scores", k, "solution"],
        `scores[${k}] names an unknown solution ${show(s.solution)}`,
      );
    }
    const i = row.get(s.solution);
    if (i === undefined) return; // a solution left out by options.solutions
    const v = s.value;
    if (typeof v !== "number" || !Number.isFinite(v)) {
      failAt(
        "non_finite",
        ["assessment", "scores", k, "value"],
        `scores[${k}].value must be a finite number, got ${show(v)}`,
      );
    }
    const scale = criteria[j]?.scale;
    if (scale !== undefined && (v < scale.min || v > scale.max)) {
      failAt(
        "out_of_range",
        ["assessment", "scores", k, "value"],
        `scores[${k}].value must lie on the scale of criterion ${show(s.criterion)} [${scale.min}, ${scale.max}], got ${v}`,
      );
    }
    (sums[i] as number[])[j] = ((sums[i] as number[])[j] as number) + v;
    (counts[i] as number[])[j] = ((counts[i] as number[])[j] as number) + 1;
  });
  const matrix = sums.map((r, i) =>
    r.map((s, j) => {
      const c = (counts[i] as number[])[j] as number;
      if (c === 0) {
        failAt(
          "missing_value",
          ["assessment", "scores"],
          `no score for solution ${show(alternatives[i])} on criterion ${show(criteria[j]?.id)}; every solution needs a score on every criterion`,
        );
      }
      return s / c;
    }),
  );

  // weights
  const judgements = assessment.prioritisation?.criteriaJudgements ?? [];
  const allWeighted = criteria.every((c) => c.weight !== undefined);
  const source =
    o.weights === undefined
      ? allWeighted || judgements.length === 0
        ? "criteria"
        : "ahp"
      : readChoice(o.weights, decisionWeightSources, "criteria", ["options", "weights"], "weights");
  let weights: number[];
  let criteriaAhp: AggregateJudgementsResult | null = null;
  const completed: { respondent: string; completed: CompletedJudgement[] }[] = [];
  if (source === "criteria") {
    weights = criteria.map((c, j) => {
      if (c.weight === undefined) {
        failAt(
          "missing_field",
          ["assessment", "criteria", j, "weight"],
          `criterion ${show(c.id)} has no weight; give every criterion a weight or add prioritisation.criteriaJudgements`,
        );
      }
      if (!(c.weight >= 0) || !Number.isFinite(c.weight)) {
        failAt(
          "negative_weight",
          ["assessment", "criteria", j, "weight"],
          `criteria[${j}].weight must be a non-negative number, got ${show(c.weight)}`,
        );
      }
      return c.weight;
    });
    const total = weights.reduce((a, b) => a + b, 0);
    if (!(total > 0))
      failAt(
        "zero_weights",
        ["assessment", "criteria"],
        `criteria weights must sum to a positive number, got ${total}`,
      );
    weights = weights.map((w) => w / total);
  } else {
    if (judgements.length === 0) {
      failAt(
        "missing_field",
        ["assessment", "prioritisation", "criteriaJudgements"],
        "AHP weights need prioritisation.criteriaJudgements, and the assessment has none",
      );
    }
    const labels = criteria.map((c) => c.id);
    const byRespondent = new Map<string, number[]>();
    judgements.forEach((j, k) => {
      const r = j.respondent ?? ANONYMOUS;
      byRespondent.set(r, [...(byRespondent.get(r) ?? []), k]);
    });
    const respondents = [...byRespondent.keys()].sort(compareIds);
    const matrices = respondents.map((r) => {
      const idx = byRespondent.get(r) as number[];
      const subset = idx.map((k) => judgements[k] as (typeof judgements)[number]);
      return atDocumentPath(idx, () => {
        // a complete set comes back unchanged (completed = []), as buildReciprocalMatrix builds it
        const c = completeJudgements(labels, subset, { method: completion });
        if (c.completed.length > 0) completed.push({ respondent: r, completed: c.completed });
        return c.matrix;
      });
    });
    criteriaAhp = atDocumentPath([], () =>
      aggregateJudgements(matrices, {
        method: aggregation,
        respondents,
        ...(o.ahp === undefined ? {} : { ahp: o.ahp }),
      }),
    );
    weights = criteriaAhp.weights;
  }

  const ballots: DecisionBallot[] = (assessment.ballots ?? []).map((b) => {
    const keep = (ids: readonly string[]) => ids.filter((id) => row.has(id));
    return {
      id: b.id,
      voter: b.voter,
      ...(b.weight === undefined ? {} : { weight: b.weight }),
      ...(b.ranking === undefined ? {} : { ranking: keep(b.ranking) }),
      ...(b.approvals === undefined ? {} : { approvals: keep(b.approvals) }),
      ...(b.points === undefined
        ? {}
        : {
            points: b.points
              .filter((p) => row.has(p.solution))
              .map((p) => ({ alternative: p.solution, points: p.points })),
          }),
    };
  });

  return {
    alternatives,
    criteria: criteria.map((c, j) => ({
      id: c.id,
      kind: c.kind,
      weight: weights[j] as number,
      ...(c.scale === undefined ? {} : { scale: { min: c.scale.min, max: c.scale.max } }),
      title: c.title,
    })),
    matrix,
    ballots,
    provenance: {
      weightSource: source,
      criteriaAhp,
      completedJudgements: completed,
      completion,
      raters: counts,
      scoreAggregation: "mean",
    },
  };
}

/**
 * Runs `fn` and moves judgement error paths to the document: `["judgements", k, …]` (an index into
 * one respondent's subset) becomes `["assessment", "prioritisation", "criteriaJudgements", idx[k], …]`, and
 * other paths go under `["assessment", "prioritisation", "criteriaJudgements"]`; `judgements[k]` in a message
 * becomes `criteriaJudgements[idx[k]]`.
 */
function atDocumentPath<T>(idx: readonly number[], fn: () => T): T {
  const base: PathSegment[] = ["assessment", "prioritisation", "criteriaJudgements"];
  return remapErrors(
    fn,
    (issuePath) => {
      const [head, k, ...rest] = issuePath;
      return head === "judgements" && typeof k === "number"
        ? [...base, idx[k] as number, ...rest]
        : [...base];
    },
    {
      rewrite: (body) =>
        body.replace(
          /\bjudgements\[(\d+)\]/g,
          (_, k: string) => `criteriaJudgements[${idx[Number(k)] as number}]`,
        ),
      addMissingPath: true,
    },
  );
}
