import { compareIds } from "../_lib/sort.js";
import type { Assessment } from "../schema/assessment.js";
import { buildDecision, type Decision, type DecisionCriterion } from "./buildDecision.js";
import { classifyImpactEffort, type ImpactEffortQuadrant } from "./classifyImpactEffort.js";
import { prioritise, type PrioritiseResult } from "./prioritise.js";
import {
  canDriveStability,
  methodEntry,
  prioritisationRegistry,
  type PrioritisationMethod,
} from "./prioritisationRegistry.js";
import {
  DEFAULT_DRAWS,
  DEFAULT_SEED,
  rankStability,
  type RankStabilityResult,
} from "./rankStability.js";

/** Options of {@link prioritiseAssessment}. */
export interface PrioritiseAssessmentOptions {
  /**
   * The methods, the first giving the ranking. Default: every method of the registry that runs by
   * default on the assessment, in the registry's order (weighted sum, TOPSIS, then votes when
   * there are ranked ballots, then AHP when there are criteria judgements).
   */
  readonly methods?: readonly PrioritisationMethod[];
  /**
   * Rank stability of the first method: the number of draws (default 1000) and the seed (default
   * 20210208), or `false` to skip it.
   */
  readonly stability?: { readonly draws?: number; readonly seed?: number } | false;
}

/** The impact/effort placement of an assessment's solutions, from its decision. */
export interface DecisionImpactEffort {
  /** The benefit criterion with the largest weight (ties: the smallest id). */
  readonly impactCriterion: string;
  /** The cost criterion with the largest weight (ties: the smallest id). */
  readonly effortCriterion: string;
  /** The thresholds: the middle of each criterion's scale (of its values, without a scale). */
  readonly thresholds: { readonly impact: number; readonly effort: number };
  /** Each criterion's scale (its smallest and largest value, without a scale). */
  readonly domain: {
    readonly impact: [number, number];
    readonly effort: [number, number];
  };
  /** Every solution with its impact, effort, quadrant and the rule that placed it. */
  readonly items: {
    readonly solution: string;
    readonly impact: number;
    readonly effort: number;
    readonly quadrant: ImpactEffortQuadrant;
    readonly rule: string;
  }[];
}

/** Result of {@link prioritiseAssessment}. */
export interface PrioritiseAssessmentResult {
  /** The methods run, the first giving the ranking. */
  readonly methods: PrioritisationMethod[];
  /** Each method's result, in the order of `methods`. */
  readonly results: PrioritiseResult[];
  /** The first method's result. */
  readonly primary: PrioritiseResult;
  /** The decision with the criteria's own weights. */
  readonly decision: Decision;
  /** The decision with the criteria weights of the AHP judgements (`decision` when there are none). */
  readonly ahpDecision: Decision;
  /** The decision the first method ran on. */
  readonly primaryDecision: Decision;
  /**
   * Rank stability of the first method (of the weighted sum when the first method's weights
   * cannot be perturbed), without the n × n rank probabilities; null when skipped.
   */
  readonly stability: RankStabilityResult<null> | null;
  /** The impact/effort placement; null without a benefit and a cost criterion. */
  readonly impactEffort: DecisionImpactEffort | null;
  /** How the impact/effort placement chose its criteria and thresholds, in words. */
  readonly impactEffortRule: string;
}

/** How {@link prioritiseAssessment} places solutions by impact and effort. */
const IMPACT_EFFORT_RULE =
  "the benefit and cost criteria with the largest weights; thresholds at the middle of their declared scales, else of their values' range";

/**
 * Prioritises an assessment's solutions the way its report and `icc-assess prioritise` do: each
 * method on its decision, the rank stability of the first, and the impact/effort placement.
 *
 * Rule (designed by this project): the methods are those given, else every method of
 * {@link prioritisationRegistry} that runs by default on the assessment, in the registry's order;
 * each runs with {@link prioritise}'s defaults on the decision of {@link buildDecision} — the AHP
 * method, when the assessment has criteria judgements, on the decision whose criteria weights come
 * from them. The rank stability ({@link rankStability}: Dirichlet perturbation, 1000 draws, seed
 * 20210208 unless given) perturbs the first method when it can, else the weighted sum, on the first
 * method's decision. The impact/effort placement ({@link classifyImpactEffort}) takes the benefit
 * and the cost criterion with the largest weights (ties: the smallest id) and thresholds at the
 * middle of their scales (of their values, for a criterion without a scale).
 *
 * @param assessment - a parsed assessment with criteria, scores and solutions
 * @param options - the methods, and the stability's draws and seed (or `false`)
 * @returns every method's result, the decisions, the stability analysis and the impact/effort placement
 * @throws AssessmentError every error of {@link buildDecision}, {@link prioritise} and
 *   {@link rankStability} (e.g. `not_parsed`; `out_of_range` for draws outside 1–100,000)
 * @example
 * ```ts
 * import { prioritiseAssessment } from "icc-assessment/prioritisation";
 * import { parseAssessment } from "icc-assessment/schema";
 * const a = parseAssessment({
 *   formatVersion: "1.0",
 *   city: { id: "sofia", name: "Sofia", country: "BG" },
 *   programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
 *   track: { id: "citizenParticipationDigitalPublicAdministration" },
 *   stakeholders: [{ id: "city", name: "Innovative Sofia", helix: "public", kind: "cityDepartment" }],
 *   workshops: [{ id: "ws1", kind: "needsAssessment", date: "2021-01-07", participants: ["city"] }],
 *   needs: [{ id: "n1", statement: "One place to propose and follow decisions", raisedBy: ["city"] }],
 *   solutions: [
 *     { id: "platform", title: "E-participation platform", readiness: "prepared", addressesNeeds: ["n1"] },
 *     { id: "infoPoints", title: "Info points", readiness: "idea", addressesNeeds: ["n1"] },
 *   ],
 *   criteria: [
 *     { id: "impact", title: "Impact", kind: "benefit", weight: 0.6, scale: { min: 1, max: 5 } },
 *     { id: "cost", title: "Cost", kind: "cost", weight: 0.4, scale: { min: 0, max: 500 } },
 *   ],
 *   scores: [
 *     { solution: "platform", criterion: "impact", value: 5 },
 *     { solution: "platform", criterion: "cost", value: 180 },
 *     { solution: "infoPoints", criterion: "impact", value: 3 },
 *     { solution: "infoPoints", criterion: "cost", value: 30 },
 *   ],
 * });
 * const r = prioritiseAssessment(a, { stability: { draws: 100 } });
 * r.methods; // => ["weightedSum", "topsis"]
 * r.primary.ranking.map((x) => x.solution); // => ["platform", "infoPoints"]
 * r.stability?.method; // => "weightedSum"
 * r.impactEffort?.thresholds; // => { impact: 3, effort: 250 }
 * ```
 */
export function prioritiseAssessment(
  assessment: Assessment,
  options: PrioritiseAssessmentOptions = {},
): PrioritiseAssessmentResult {
  const decision = buildDecision(assessment);
  const judged = (assessment.prioritisation?.criteriaJudgements ?? []).length > 0;
  const ahpDecision = judged ? buildDecision(assessment, { weights: "ahp" }) : decision;
  const methods: PrioritisationMethod[] =
    options.methods === undefined
      ? prioritisationRegistry.filter((e) => e.runsByDefault(assessment)).map((e) => e.id)
      : [...options.methods];
  const decisionOf = (method: PrioritisationMethod): Decision =>
    methodEntry(method).weights === "ahp" ? ahpDecision : decision;
  const results = methods.map((method) => prioritise(decisionOf(method), { method }));
  const primary = results[0] as PrioritiseResult;
  const primaryDecision = decisionOf(primary.method);
  const s = options.stability;
  const stability =
    s === false
      ? null
      : rankStability(primaryDecision, {
          ...(canDriveStability(primary.method) ? { method: primary.method as "weightedSum" } : {}),
          draws: s?.draws ?? DEFAULT_DRAWS,
          seed: s?.seed ?? DEFAULT_SEED,
          rankProbabilities: false,
        });
  return {
    methods,
    results,
    primary,
    decision,
    ahpDecision,
    primaryDecision,
    stability,
    impactEffort: impactEffortOf(decision),
    impactEffortRule: IMPACT_EFFORT_RULE,
  };
}

/** The criterion of a kind with the largest weight (ties: the smallest id), with its column. */
function heaviest(
  decision: Decision,
  kind: "benefit" | "cost",
): { c: DecisionCriterion; j: number } | undefined {
  return decision.criteria
    .map((c, j) => ({ c, j }))
    .filter((x) => x.c.kind === kind)
    .sort((x, y) => y.c.weight - x.c.weight || compareIds(x.c.id, y.c.id))[0];
}

function impactEffortOf(decision: Decision): DecisionImpactEffort | null {
  const benefit = heaviest(decision, "benefit");
  const cost = heaviest(decision, "cost");
  if (benefit === undefined || cost === undefined) return null;
  const column = (j: number) => decision.matrix.map((row) => row[j] as number);
  const domainOf = (c: DecisionCriterion, values: readonly number[]): [number, number] =>
    c.scale ? [c.scale.min, c.scale.max] : [Math.min(...values), Math.max(...values)];
  const impacts = column(benefit.j);
  const efforts = column(cost.j);
  const impactDomain = domainOf(benefit.c, impacts);
  const effortDomain = domainOf(cost.c, efforts);
  // halves first: the middle of any finite scale is finite
  const thresholds = {
    impact: impactDomain[0] / 2 + impactDomain[1] / 2,
    effort: effortDomain[0] / 2 + effortDomain[1] / 2,
  };
  const placed = classifyImpactEffort(
    decision.alternatives.map((id, i) => ({
      id,
      impact: impacts[i] as number,
      effort: efforts[i] as number,
    })),
    { impactThreshold: thresholds.impact, effortThreshold: thresholds.effort },
  );
  return {
    impactCriterion: benefit.c.id,
    effortCriterion: cost.c.id,
    thresholds,
    domain: { impact: impactDomain, effort: effortDomain },
    items: placed.items.map((p) => ({
      solution: p.id,
      impact: p.impact,
      effort: p.effort,
      quadrant: p.quadrant,
      rule: p.rule,
    })),
  };
}
