import type { Assessment } from "../schema/assessment.js";
import type { Observation } from "../schema/entities.js";
import type { Indicator, MaturityFramework } from "../schema/framework.js";
import { checkRecord, checkWhole, fail } from "../_lib/assert.js";
import { assertParsed } from "../_lib/parsed.js";
import { compareIds } from "../_lib/sort.js";
import {
  scoreMaturity,
  type DimensionScore,
  type IndicatorScore,
  type MaturityResult,
  type ObservedValue,
  type UnitMaturity,
} from "../maturity/scoreMaturity.js";
import type { LevelRef } from "../maturity/levelFor.js";

/** Options of {@link recommendActions}. */
export interface RecommendActionsOptions {
  /**
   * The maturity unit (a city, or a city at a date). Default: the only unit of the observations,
   * else the city's id (as `createReport` chooses it).
   */
  readonly unit?: string;
  /** At most this many recommendations, the first ones in order (default: all). */
  readonly limit?: number;
}

/** Why a dimension gets recommendations. */
export type RecommendationBasis = "belowTarget" | "belowNextLevel";

/** A dimension below its target, or below the next level when it has no target. */
export interface GapDimension {
  readonly id: string;
  readonly title: string;
  readonly score: number | null;
  readonly level: LevelRef | null;
  /** The target level from the assessment, or `null`. */
  readonly target: LevelRef | null;
  /** The level a suggested answer aims at: the next one above the current level (the lowest when unscored). */
  readonly goal: LevelRef;
  readonly basis: RecommendationBasis;
}

/** One question whose better answer raises the score, with the answer and the gain. */
export interface Recommendation {
  /** 1 for the largest gain in the overall score. */
  readonly rank: number;
  readonly indicator: string;
  readonly title: string;
  readonly question: string | null;
  /** The dimension the question belongs to (one of the result's `dimensions`). */
  readonly dimension: string;
  /** The answer now (`null`: unanswered). */
  readonly current: ObservedValue;
  /** The suggested answer. */
  readonly suggested: ObservedValue;
  /** The question's score with the current and with the suggested answer. */
  readonly indicatorScore: { readonly before: number | null; readonly after: number | null };
  /** Its dimension's score and level before and after. */
  readonly dimensionScore: { readonly before: number | null; readonly after: number | null };
  readonly level: { readonly before: LevelRef | null; readonly after: LevelRef | null };
  /** Whether the suggested answer alone brings the dimension to its goal level. */
  readonly reachesGoal: boolean;
  readonly overall: { readonly before: number | null; readonly after: number | null };
  /**
   * The overall score after minus before, each computed by `scoreMaturity` (one rescoring with only
   * this answer changed); `null` when either overall score is null.
   */
  readonly gain: number | null;
}

/** The result of {@link recommendActions}: plain JSON data. */
export interface RecommendActionsResult {
  readonly unit: string;
  readonly framework: { readonly id: string; readonly version: string; readonly title: string };
  readonly scale: { readonly min: number; readonly max: number };
  readonly overall: { readonly score: number | null; readonly level: LevelRef | null };
  /** The dimensions with a gap, in framework order. */
  readonly dimensions: readonly GapDimension[];
  /** By gain in the overall score (largest first; null last), then dimension gain, then indicator id. */
  readonly recommendations: readonly Recommendation[];
  readonly provenance: "designed";
  readonly rule: string;
}

const RULE =
  "for each dimension below its target level (or, without a target, below the top level), each of its questions is rescored with every better answer; among the answers that raise the dimension's score, the one that reaches the next level with the smallest rise, else the one with the largest rise; gain = overall score after − before, both by scoreMaturity";

/** Grid points of a goalposts range: low, 10 % steps, high. */
const STEPS = 10;

function sameValue(a: ObservedValue, b: ObservedValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The answers to try for one question (designed by this project): every other answer of a closed
 * question; for a multi-select, the current ticks with one more positive option or one fewer
 * negative one, and all positive options; for a rating grid, one row set to each value, and every
 * row at the top; for a numeric question normalised with goalposts, 11 evenly spaced values from
 * the low to the high goalpost, otherwise the best value another unit answered.
 */
function candidatesFor(
  ind: Indicator,
  current: ObservedValue,
  others: readonly ObservedValue[],
): ObservedValue[] {
  const out: ObservedValue[] = [];
  const push = (v: ObservedValue) => {
    if (!sameValue(v, current) && !out.some((x) => sameValue(x, v))) out.push(v);
  };
  switch (ind.type) {
    case "binary":
      push(true);
      push(false);
      break;
    case "likert":
      for (let v = ind.scale.min; v <= ind.scale.max; v++) push(v);
      break;
    case "categorical":
      for (const o of ind.options) push(o.value);
      break;
    case "multiSelect": {
      const ticked = Array.isArray(current) ? (current as readonly string[]) : [];
      const order = (ids: Set<string>) =>
        ind.options.filter((o) => ids.has(o.value)).map((o) => o.value);
      for (const o of ind.options) {
        const set = new Set(ticked);
        if (o.weight > 0 && !set.has(o.value)) set.add(o.value);
        else if (o.weight < 0 && set.has(o.value)) set.delete(o.value);
        else continue;
        push(order(set));
      }
      push(ind.options.filter((o) => o.weight > 0).map((o) => o.value));
      break;
    }
    case "ratingGrid": {
      const now = new Map<string, number>();
      if (Array.isArray(current)) {
        for (const c of current as readonly { row: string; value: number }[])
          now.set(c.row, c.value);
      }
      const grid = (m: ReadonlyMap<string, number>) =>
        ind.rows
          .filter((r) => m.has(r.id))
          .map((r) => ({ row: r.id, value: m.get(r.id) as number }));
      for (const r of ind.rows) {
        for (let v = ind.scale.min; v <= ind.scale.max; v++) {
          if (now.get(r.id) === v) continue;
          push(grid(new Map([...now, [r.id, v]])));
        }
      }
      push(ind.rows.map((r) => ({ row: r.id, value: ind.scale.max })));
      break;
    }
    case "numeric": {
      const spec = ind.normalisation;
      if (spec.method === "goalposts") {
        for (let k = 0; k <= STEPS; k++) push((spec.low * (STEPS - k) + spec.high * k) / STEPS);
      } else {
        const dir = spec.direction ?? ind.direction ?? 1;
        let best: number | null = null;
        for (const v of others) {
          if (typeof v === "number" && (best === null || v * dir > best * dir)) best = v;
        }
        if (best !== null) push(best);
      }
      break;
    }
  }
  return out;
}

function levelRef(l: LevelRef | null): LevelRef | null {
  return l === null ? null : { id: l.id, title: l.title, index: l.index };
}

/**
 * Recommends the answers that would raise a city's maturity most: for every dimension below its
 * target level (or, without a target, below the top level), the questions whose better answer
 * raises the dimension's score, each with the answer that reaches the next level's band (the
 * smallest such rise; the best answer when none reaches it), ordered by the gain in the overall
 * score.
 *
 * Rules (designed by this project; docs/methodology/benchmarking.md): the gain is not estimated.
 * Each candidate answer is scored by `scoreMaturity` with only that answer changed (every other
 * observation, unit and option as they are), and the gain is that result's overall score minus
 * the current one, so it equals the recomputed difference exactly. The answers tried are listed
 * in the methodology (every answer of a closed question; one more tick of a multi-select; one row
 * of a rating grid at each value; 11 values between a numeric question's goalposts). A question
 * is recommended only when an answer raises its dimension's score (or makes it scorable); a
 * dimension without enough answers for a score aims at the lowest level. One rescoring per
 * candidate answer: 130 for the Sofia example on the built-in 32-question framework.
 *
 * @param assessment - the parsed assessment (answers and targets), from `parseAssessment`
 * @param framework - the framework its maturity part names (same id and version)
 * @param options - the unit, and at most how many recommendations
 * @returns the dimensions with a gap and the recommendations, plain JSON data
 * @throws AssessmentError `not_parsed` (`["assessment"]`), `missing_value` (the assessment has no
 *   maturity part), `framework_mismatch` (another framework than the assessment names),
 *   `unknown_reference` (`options.unit` has no observations), `invalid_type` / `out_of_range`
 *   (options), and the errors of `scoreMaturity` for a framework that is not valid
 * @example
 * ```ts
 * import { parseAssessment } from "icc-assessment/schema";
 * import { defineFramework } from "icc-assessment/schema";
 * import { recommendActions } from "icc-assessment/benchmark";
 * const framework = defineFramework({
 *   id: "mini", version: "1.0", title: "Mini", provenance: "designed", sources: [],
 *   dimensions: [{ id: "d", title: "Data" }],
 *   indicators: [
 *     { id: "portal", dimension: "d", type: "binary", title: "Open data portal" },
 *     { id: "formats", dimension: "d", type: "likert", scale: { min: 0, max: 4 }, title: "Open formats" },
 *   ],
 *   levels: [
 *     { id: "low", title: "Low", min: 0, max: 50 },
 *     { id: "high", title: "High", min: 50, max: 100 },
 *   ],
 * });
 * const a = parseAssessment(
 *   {
 *     formatVersion: "1.0",
 *     city: { id: "sofia", name: "Sofia", country: "BG" },
 *     programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
 *     track: { id: "citizenParticipationDigitalPublicAdministration" },
 *     stakeholders: [], workshops: [], needs: [], solutions: [],
 *     maturity: {
 *       framework: { id: "mini", version: "1.0" },
 *       observations: [
 *         { unit: "sofia", indicator: "portal", value: false },
 *         { unit: "sofia", indicator: "formats", value: 1 },
 *       ],
 *     },
 *   },
 *   { frameworks: [framework] },
 * );
 * const r = recommendActions(a, framework);
 * r.overall.score; // => 12.5
 * r.recommendations.map((x) => [x.indicator, x.suggested, x.gain]); // => [["portal", true, 50], ["formats", 4, 37.5]]
 * ```
 */
export function recommendActions(
  assessment: Assessment,
  framework: MaturityFramework,
  options: RecommendActionsOptions = {},
): RecommendActionsResult {
  assertParsed(assessment, "assessment", ["assessment"]);
  const o = checkRecord(options, ["options"], "options");
  const limit =
    o["limit"] === undefined
      ? Number.POSITIVE_INFINITY
      : checkWhole(o["limit"], ["options", "limit"], "limit", 1, 1_000_000);
  const input = assessment.maturity;
  if (input === undefined) {
    return fail(
      "missing_value",
      ["assessment", "maturity"],
      "the assessment has no maturity part: there are no answers to improve",
    );
  }
  if (
    typeof framework !== "object" ||
    framework === null ||
    framework.id !== input.framework.id ||
    framework.version !== input.framework.version
  ) {
    return fail(
      "framework_mismatch",
      ["framework"],
      `the assessment's answers are on framework ${input.framework.id}@${input.framework.version}, got ${
        typeof framework === "object" && framework !== null
          ? `${String(framework.id)}@${String(framework.version)}`
          : String(framework)
      }`,
    );
  }
  const observations = input.observations;
  const unitIds = [...new Set(observations.map((x) => x.unit))].sort(compareIds);
  const unit = options.unit ?? (unitIds.length === 1 ? (unitIds[0] as string) : assessment.city.id);
  if (!unitIds.includes(unit)) {
    if (options.unit !== undefined || unitIds.length > 0) {
      return fail(
        "unknown_reference",
        ["options", "unit"],
        `unit ${JSON.stringify(unit)} has no observations (units: ${unitIds.join(", ") || "none"})`,
      );
    }
    unitIds.push(unit);
  }
  const scoreOptions = { units: unitIds };
  const u = unitIds.indexOf(unit);
  const score = (obs: readonly Observation[]): UnitMaturity =>
    scoreMaturity(framework, obs, scoreOptions).units[u] as UnitMaturity;
  const result: MaturityResult = scoreMaturity(framework, observations, scoreOptions);
  const base = result.units[u] as UnitMaturity;
  const levels = result.levels;
  const top = levels.length - 1;
  const levelOf = (i: number): LevelRef => ({
    id: (levels[i] as { id: string }).id,
    title: (levels[i] as { title: string }).title,
    index: i,
  });
  const levelIndex = new Map(levels.map((l, i) => [l.id, i]));
  const targets = new Map((input.targets ?? []).map((t) => [t.dimension, t.level]));

  const gaps: GapDimension[] = [];
  const gapOf = new Map<string, GapDimension>();
  for (const d of base.dimensions) {
    const li = d.level?.index ?? null;
    const targetId = targets.get(d.id);
    const ti = targetId === undefined ? undefined : levelIndex.get(targetId);
    let basis: RecommendationBasis;
    if (ti !== undefined) {
      if (li !== null && li >= ti) continue;
      basis = "belowTarget";
    } else {
      if (li !== null && li >= top) continue;
      basis = "belowNextLevel";
    }
    const g: GapDimension = {
      id: d.id,
      title: d.title,
      score: d.score,
      level: levelRef(d.level),
      target: ti === undefined ? null : levelOf(ti),
      goal: levelOf(li === null ? 0 : li + 1),
      basis,
    };
    gaps.push(g);
    gapOf.set(d.id, g);
  }

  // where each answer of the unit is, and the other units' answers per indicator
  const at = new Map<string, number>();
  const others = new Map<string, ObservedValue[]>();
  observations.forEach((x, i) => {
    if (x.unit === unit) at.set(x.indicator, i);
    else {
      const list = others.get(x.indicator);
      if (list) list.push(x.value);
      else others.set(x.indicator, [x.value]);
    }
  });
  const dimIndex = new Map(base.dimensions.map((d, j) => [d.id, j]));

  const found: Omit<Recommendation, "rank">[] = [];
  framework.indicators.forEach((ind, k) => {
    const gap = gapOf.get(ind.dimension);
    if (gap === undefined) return;
    const j = dimIndex.get(ind.dimension) as number;
    const pos = at.get(ind.id);
    const current: ObservedValue =
      pos === undefined ? null : (observations[pos] as Observation).value;
    const before = base.dimensions[j]?.score ?? null;
    let pick: { value: ObservedValue; unit: UnitMaturity; reaches: boolean } | null = null;
    for (const value of candidatesFor(ind, current, others.get(ind.id) ?? [])) {
      const obs = observations.slice();
      const changed: Observation = { unit, indicator: ind.id, value };
      if (pos === undefined) obs.push(changed);
      else obs[pos] = { ...(observations[pos] as Observation), value };
      const after = score(obs);
      const d = after.dimensions[j];
      const s = d?.score ?? null;
      if (s === null || (before !== null && !(s > before))) continue;
      // a score always falls in a band (checkFramework: the bands cover the scale)
      const reaches = (d?.level as LevelRef).index >= gap.goal.index;
      if (pick === null) {
        pick = { value, unit: after, reaches };
        continue;
      }
      const ps = pick.unit.dimensions[j]?.score as number;
      // reaching the goal wins; among those, the smallest rise; otherwise the largest rise
      if (reaches && (!pick.reaches || s < ps)) pick = { value, unit: after, reaches };
      else if (!reaches && !pick.reaches && s > ps) pick = { value, unit: after, reaches };
    }
    if (pick === null) return;
    const bd = base.dimensions[j] as DimensionScore;
    const ad = pick.unit.dimensions[j] as DimensionScore;
    const ob = base.overall.score;
    const oa = pick.unit.overall.score;
    found.push({
      indicator: ind.id,
      title: ind.title,
      question: ind.question ?? null,
      dimension: ind.dimension,
      current,
      suggested: pick.value,
      indicatorScore: {
        before: base.indicators[k]?.score ?? null,
        after: (pick.unit.indicators[k] as IndicatorScore).score,
      },
      dimensionScore: { before, after: ad.score },
      level: { before: levelRef(bd.level), after: levelRef(ad.level) },
      reachesGoal: pick.reaches,
      overall: { before: ob, after: oa },
      gain: ob === null || oa === null ? null : oa - ob,
    });
  });

  const dimGain = (r: Omit<Recommendation, "rank">) =>
    (r.dimensionScore.after as number) - (r.dimensionScore.before ?? 0);
  const byGain = (a: number | null, b: number | null) =>
    a === null ? (b === null ? 0 : 1) : b === null ? -1 : b - a;
  found.sort(
    (a, b) =>
      byGain(a.gain, b.gain) || dimGain(b) - dimGain(a) || compareIds(a.indicator, b.indicator),
  );
  const recommendations = found
    .slice(0, Math.min(found.length, limit))
    .map((r, i): Recommendation => ({ rank: i + 1, ...r }));

  return {
    unit,
    framework: { id: framework.id, version: framework.version, title: framework.title },
    scale: { min: result.scale.min, max: result.scale.max },
    overall: { score: base.overall.score, level: levelRef(base.overall.level) },
    dimensions: gaps,
    recommendations,
    provenance: "designed",
    rule: RULE,
  };
}
