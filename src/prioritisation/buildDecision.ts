import { describe as show, failAt } from "../_lib/assert.js";
import { indexAssessment } from "../_lib/assessmentIndex.js";
import { assertParsed } from "../_lib/parsed.js";
import { compareIds } from "../_lib/sort.js";
import type { Assessment } from "../schema/assessment.js";
import type { Criterion } from "../schema/entities.js";
import type { CriterionKind } from "../schema/vocabularies.js";
import { readAhpOptions, type AhpWeightsOptions } from "./ahpWeights.js";
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
import { failId, readChoice, readIds, readOptions, type JudgementInput } from "./_shared.js";

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
 * Builds the decision model (solutions × criteria) from a parsed assessment.
 *
 * Rule (designed by this project, docs/methodology/prioritisation.md, The decision model): the
 * alternatives are the assessment's solutions (or `options.solutions`, in that order); the criteria
 * are `criteria`; each cell is the mean of the `scores` given for that solution and criterion
 * (several raters may score one cell; a mean that rounding puts a hair off its criterion's scale is
 * put back on it). Weights are the criteria's own `weight`s divided by their sum, or AHP weights
 * from `prioritisation.criteriaJudgements`: each respondent's judgements form a reciprocal matrix
 * (missing pairs completed by {@link completeJudgements}), and respondents are combined by {@link
 * aggregateJudgements}. By default the criteria's weights are used when every criterion has one or
 * there are no judgements, else the judgements. Ballots are carried over (entries for solutions
 * left out by `options.solutions` are dropped). The parser has checked what the decision needs
 * (every solution scored on every criterion, scores on their scales, usable weights and judgements:
 * see `validateAssessment`), so the assessment is trusted.
 *
 * Error paths start at the argument (docs/methodology/prioritisation.md, The decision model),
 * e.g. `["options", "solutions", 1]`.
 *
 * @param assessment - an assessment returned by `parseAssessment`
 * @param options - weight source, judgement aggregation and completion, solution subset, AHP options
 * @returns the decision, with its provenance (weight source, AHP details, raters per cell)
 * @throws AssessmentError `not_parsed` (not from `parseAssessment`); `empty` (no criteria, no
 *   solutions or no scores: nothing to prioritise); `missing_field` (`options.weights` asks for
 *   the criteria's weights and one has none, or for AHP weights and there are no judgements);
 *   `unknown_reference`, `duplicate_id` (`options.solutions`); `invalid_value` (an unknown option
 *   value); the errors of {@link ahpWeights}'s options at `["options", "ahp", …]`
 * @example
 * ```ts
 * import { parseAssessment } from "icc-assessment/schema";
 * import { buildDecision } from "icc-assessment/prioritisation";
 * const assessment = parseAssessment({
 *   formatVersion: "1.0",
 *   city: { id: "sofia", name: "Sofia", country: "BG" },
 *   programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
 *   track: { id: "citizenParticipationDigitalPublicAdministration" },
 *   stakeholders: [
 *     { id: "city", name: "City hall", helix: "public", kind: "cityDepartment" },
 *     { id: "ngo", name: "Civic NGO", helix: "civilSociety", kind: "ngo" },
 *   ],
 *   workshops: [],
 *   needs: [],
 *   solutions: [
 *     { id: "platform", title: "E-participation platform", readiness: "prepared" },
 *     { id: "infoPoints", title: "Information points", readiness: "piloted" },
 *   ],
 *   criteria: [
 *     { id: "impact", title: "Impact", kind: "benefit", weight: 3 },
 *     { id: "cost", title: "Cost", kind: "cost", weight: 1 },
 *   ],
 *   scores: [
 *     { solution: "platform", criterion: "impact", value: 5, rater: "city" },
 *     { solution: "platform", criterion: "impact", value: 4, rater: "ngo" },
 *     { solution: "platform", criterion: "cost", value: 180 },
 *     { solution: "infoPoints", criterion: "impact", value: 3 },
 *     { solution: "infoPoints", criterion: "cost", value: 30 },
 *   ],
 * });
 * const d = buildDecision(assessment);
 * d.matrix; // => [[4.5, 180], [3, 30]]
 * d.criteria.map((c) => c.weight); // => [0.75, 0.25]
 * d.provenance?.raters; // => [[2, 1], [1, 1]]
 * ```
 */
export function buildDecision(assessment: Assessment, options?: BuildDecisionOptions): Decision {
  assertParsed(assessment, "assessment");
  const o = readOptions(options, ["options"]);
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
  const requested =
    o.weights === undefined
      ? undefined
      : readChoice(o.weights, decisionWeightSources, "criteria", ["options", "weights"], "weights");
  if (o.ahp !== undefined) readAhpOptions(o.ahp, "options.ahp");
  const index = indexAssessment(assessment);
  let alternatives: string[];
  if (o.solutions === undefined) alternatives = assessment.solutions.map((s) => s.id);
  else {
    alternatives = readIds(o.solutions, ["options", "solutions"], "solutions");
    for (let i = 0; i < alternatives.length; i++) {
      const id = alternatives[i] as string;
      if (!index.solutions.has(id))
        failId(id, ["options", "solutions", i], `solutions[${i}]`, index.solutions);
    }
  }
  // something to prioritise (the parser lets an assessment go without): criteria, solutions and
  // scores
  const criteria = assessment.criteria ?? [];
  const scores = assessment.scores ?? [];
  const needed = [
    ["criteria", criteria],
    ["solutions", alternatives],
    ["scores", scores],
  ] as const;
  for (const [key, list] of needed) {
    if (list.length === 0) {
      failAt(
        "empty",
        ["assessment", key],
        `the assessment has no ${key}, so there is nothing to prioritise`,
      );
    }
  }
  const row = new Map(alternatives.map((id, i) => [id, i]));
  const col = new Map(criteria.map((c, j) => [c.id, j]));
  const n = alternatives.length;
  const m = criteria.length;

  // mean over raters per cell; the parser saw to a score in every cell, each on its scale
  const sums = new Float64Array(n * m);
  const counts: number[][] = Array.from({ length: n }, () => new Array<number>(m).fill(0));
  for (const s of scores) {
    const i = row.get(s.solution);
    if (i === undefined) continue; // a solution left out by options.solutions
    const j = col.get(s.criterion) as number;
    sums[i * m + j] = (sums[i * m + j] as number) + s.value;
    (counts[i] as number[])[j] = ((counts[i] as number[])[j] as number) + 1;
  }
  const matrix = counts.map((r, i) =>
    r.map((c, j) => {
      const mean = (sums[i * m + j] as number) / c;
      const scale = (criteria[j] as Criterion).scale;
      return scale === undefined ? mean : Math.min(scale.max, Math.max(scale.min, mean));
    }),
  );

  // weights
  const judgements = assessment.prioritisation?.criteriaJudgements ?? [];
  const source =
    requested ??
    (judgements.length === 0 || criteria.every((c) => c.weight !== undefined) ? "criteria" : "ahp");
  let weights: number[];
  let criteriaAhp: AggregateJudgementsResult | null = null;
  const completed: { respondent: string; completed: CompletedJudgement[] }[] = [];
  if (source === "criteria") {
    // the parser saw to a weight on every criterion, summing to a positive number, unless the
    // judgements give the weights by default and options.weights asks for these instead
    const unweighted = criteria.findIndex((c) => c.weight === undefined);
    if (unweighted >= 0) {
      failAt(
        "missing_field",
        ["assessment", "criteria", unweighted, "weight"],
        `criterion ${show(criteria[unweighted]?.id)} has no weight, and options.weights asks for the criteria's own weights; leave options.weights out to derive them from the judgements`,
      );
    }
    let total = 0;
    for (const c of criteria) total += c.weight as number;
    weights = criteria.map((c) => (c.weight as number) / total);
  } else {
    if (judgements.length === 0) {
      failAt(
        "missing_field",
        ["assessment", "prioritisation", "criteriaJudgements"],
        "AHP weights need prioritisation.criteriaJudgements, and the assessment has none",
      );
    }
    // the parser saw to judgements that compare two criteria, once per pair and respondent, that
    // connect every criterion, and to no more criteria than the random-index tables list
    const labels = criteria.map((c) => c.id);
    const byRespondent = new Map<string, JudgementInput[]>();
    for (const j of judgements) {
      const r = j.respondent ?? ANONYMOUS;
      const list = byRespondent.get(r);
      if (list === undefined) byRespondent.set(r, [j]);
      else list.push(j);
    }
    const respondents = [...byRespondent.keys()].sort(compareIds);
    const matrices = respondents.map((r) => {
      // a complete set comes back unchanged (completed = []), as buildReciprocalMatrix builds it
      const c = completeJudgements(labels, byRespondent.get(r) as JudgementInput[], {
        method: completion,
      });
      if (c.completed.length > 0) completed.push({ respondent: r, completed: c.completed });
      return c.matrix;
    });
    criteriaAhp = aggregateJudgements(matrices, {
      method: aggregation,
      respondents,
      ...(o.ahp === undefined ? {} : { ahp: o.ahp }),
    });
    weights = criteriaAhp.weights;
  }

  const subset = o.solutions !== undefined;
  const keep = (ids: readonly string[]) => (subset ? ids.filter((id) => row.has(id)) : [...ids]);
  const ballots: DecisionBallot[] = (assessment.ballots ?? []).map((b) => ({
    id: b.id,
    voter: b.voter,
    ...(b.weight === undefined ? {} : { weight: b.weight }),
    ...(b.ranking === undefined ? {} : { ranking: keep(b.ranking) }),
    ...(b.approvals === undefined ? {} : { approvals: keep(b.approvals) }),
    ...(b.points === undefined
      ? {}
      : {
          points: b.points
            .filter((p) => !subset || row.has(p.solution))
            .map((p) => ({ alternative: p.solution, points: p.points })),
        }),
  }));

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
