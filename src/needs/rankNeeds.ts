import type { PathSegment } from "../errors/AssessmentError.js";
import type { Assessment } from "../schema/assessment.js";
import { helices, type Helix } from "../schema/vocabularies.js";
import {
  assertFiniteAt,
  assertList,
  assertRecord,
  assertString,
  describe,
  failAt,
} from "../_lib/assert.js";
import { compareIds, competitionRanks } from "../_lib/sort.js";
import { readAssessment, readNeeds, readStakeholders, type NeedRef } from "./_shared.js";

/** The factors {@link rankNeeds} combines, in the order they are reported. */
export const needFactors = ["votes", "scores", "gap", "helix"] as const;
/** A factor of {@link rankNeeds}. */
export type NeedFactor = (typeof needFactors)[number];

/**
 * Default weights of the {@link rankNeeds} factors (designed by this project): what stakeholders
 * said counts half (dot votes 0.3, importance scores 0.2), the maturity gap 0.3, helix breadth 0.2.
 */
export const DEFAULT_NEED_FACTOR_WEIGHTS: Readonly<Record<NeedFactor, number>> = Object.freeze({
  votes: 0.3,
  scores: 0.2,
  gap: 0.3,
  helix: 0.2,
});

/**
 * The maturity input of {@link rankNeeds}: the level scale and, per unit, the level reached in each
 * dimension. The result of `scoreMaturity` has this shape.
 */
export interface RankNeedsMaturity {
  /** The levels, lowest first. */
  readonly levels: readonly { readonly id: string }[];
  /** Per unit (a city), the level of each dimension (`null` when it could not be computed). */
  readonly units: readonly {
    readonly unit: string;
    readonly dimensions: readonly {
      readonly id: string;
      readonly level: { readonly id: string; readonly index: number } | null;
    }[];
  }[];
}

/** Options of {@link rankNeeds}. */
export interface RankNeedsOptions {
  /**
   * Factor weights; a factor left out keeps its default ({@link DEFAULT_NEED_FACTOR_WEIGHTS}).
   * The weights are then divided by their sum.
   */
  readonly weights?: Readonly<Partial<Record<NeedFactor, number>>>;
  /** Maturity results (from `scoreMaturity`) giving the current level of each dimension. */
  readonly maturity?: RankNeedsMaturity;
  /** The unit whose maturity is used. Default: `assessment.city.id`. */
  readonly unit?: string;
}

/** One factor's part in a need's score. */
export interface NeedFactorContribution {
  /** Which factor. */
  readonly factor: NeedFactor;
  /**
   * The raw value: dot votes, mean stakeholder score, target − current level positions, or the
   * number of helix groups; `null` when the need has no data for the factor.
   */
  readonly raw: number | null;
  /** The raw value on 0–1 (0 when `raw` is `null`). */
  readonly normalised: number;
  /** The factor's weight (the weights sum to 1). */
  readonly weight: number;
  /** `weight × normalised`; the contributions sum to the need's score. */
  readonly contribution: number;
  /** The computation in words, or why the factor has no value for this need. */
  readonly explanation: string;
}

/** A need with its rank, score and the contribution of each factor. */
export interface RankedNeed {
  /** The need's id. */
  readonly id: string;
  /** The need's statement. */
  readonly statement: string;
  /** The need's dimension, or `null`. */
  readonly dimension: string | null;
  /** Competition rank (1 = most pressing; ties share the lowest rank). */
  readonly rank: number;
  /** The weighted score on 0–1 (unrounded). */
  readonly score: number;
  /** The helix groups that raised the need, in vocabulary order. */
  readonly helices: readonly Helix[];
  /** Each factor's part, in the order of {@link needFactors}. */
  readonly factors: readonly NeedFactorContribution[];
}

/** A factor as used for the whole ranking. */
export interface RankNeedsFactor {
  /** Which factor. */
  readonly factor: NeedFactor;
  /** The effective weight (after dividing by the sum). */
  readonly weight: number;
  /** Whether at least one need has a value for this factor. */
  readonly available: boolean;
  /** How the raw value becomes a 0–1 value. */
  readonly rule: string;
}

/** The result of {@link rankNeeds}. */
export interface RankNeedsResult {
  /** The method: a weighted sum of normalised factors. */
  readonly method: "weightedFactors";
  /** The factors, their effective weights and whether any need had data for them. */
  readonly factors: readonly RankNeedsFactor[];
  /** The maturity unit whose levels were used, or `null` when no maturity result was given. */
  readonly unit: string | null;
  /** The needs, ordered by rank, then by id. */
  readonly needs: readonly RankedNeed[];
}

const RULES: Readonly<Record<NeedFactor, string>> = {
  votes: "dot votes ÷ the most votes any need received",
  scores: "mean stakeholder score ÷ the highest mean score of any need",
  gap: "max(0, target level position − current level position) ÷ (number of levels − 1)",
  helix: "distinct helix groups among the stakeholders who raised the need ÷ 4",
};

function readWeights(weights: unknown): Record<NeedFactor, number> {
  const path: PathSegment[] = ["options", "weights"];
  const merged: Record<NeedFactor, number> = { ...DEFAULT_NEED_FACTOR_WEIGHTS };
  if (weights !== undefined) {
    assertRecord(weights, path, "weights");
    for (const [key, value] of Object.entries(weights)) {
      if (!(needFactors as readonly string[]).includes(key)) {
        failAt(
          "invalid_value",
          [...path, key],
          `unknown factor ${JSON.stringify(key)}; factors are ${needFactors.join(", ")}`,
        );
      }
      if (value === undefined) continue;
      assertFiniteAt(value, [...path, key], `weight of ${key}`);
      if (value < 0)
        failAt(
          "negative_weight",
          [...path, key],
          `weight of ${key} must not be negative, got ${describe(value)}`,
        );
      merged[key as NeedFactor] = value;
    }
  }
  const sum = needFactors.reduce((s, f) => s + merged[f], 0);
  if (!(sum > 0) || !Number.isFinite(sum)) {
    failAt("zero_weights", path, `factor weights must sum to a positive finite number, got ${sum}`);
  }
  for (const f of needFactors) merged[f] = merged[f] / sum;
  return merged;
}

interface Levels {
  readonly unit: string;
  readonly count: number;
  readonly position: ReadonlyMap<string, number>;
  readonly current: ReadonlyMap<string, string | null>;
  readonly targets: ReadonlyMap<string, string>;
}

function readMaturity(
  a: Readonly<Record<string, unknown>>,
  maturity: unknown,
  unitOption: unknown,
): Levels | null {
  if (maturity === undefined) return null;
  const mp: PathSegment[] = ["options", "maturity"];
  assertRecord(maturity, mp, "maturity");
  const levelList = assertList(maturity["levels"], [...mp, "levels"], "levels");
  if (levelList.length === 0) failAt("empty", [...mp, "levels"], "levels must not be empty");
  const position = new Map<string, number>();
  levelList.forEach((l, i) => {
    assertRecord(l, [...mp, "levels", i], "level");
    const id = l["id"];
    assertString(id, [...mp, "levels", i, "id"], "level id", { nonEmpty: true });
    if (position.has(id))
      failAt(
        "duplicate_id",
        [...mp, "levels", i, "id"],
        `duplicate level id ${JSON.stringify(id)}`,
      );
    position.set(id, i);
  });

  let unit: string;
  if (unitOption !== undefined) {
    assertString(unitOption, ["options", "unit"], "unit", { nonEmpty: true });
    unit = unitOption;
  } else {
    const city = a["city"];
    assertRecord(city, ["assessment", "city"], "city");
    const id = city["id"];
    assertString(id, ["assessment", "city", "id"], "city id", { nonEmpty: true });
    unit = id;
  }
  const units = assertList(maturity["units"], [...mp, "units"], "units");
  let unitIndex = -1;
  units.forEach((u, i) => {
    assertRecord(u, [...mp, "units", i], "unit result");
    assertString(u["unit"], [...mp, "units", i, "unit"], "unit", { nonEmpty: true });
    if (u["unit"] === unit && unitIndex === -1) unitIndex = i;
  });
  if (unitIndex === -1) {
    failAt(
      "unknown_reference",
      unitOption !== undefined ? ["options", "unit"] : ["assessment", "city", "id"],
      `no maturity result for unit ${JSON.stringify(unit)} in options.maturity.units`,
    );
  }
  const up: PathSegment[] = [...mp, "units", unitIndex, "dimensions"];
  const dims = assertList(
    (units[unitIndex] as Record<string, unknown>)["dimensions"],
    up,
    "dimensions",
  );
  const current = new Map<string, string | null>();
  dims.forEach((d, i) => {
    assertRecord(d, [...up, i], "dimension result");
    const id = d["id"];
    assertString(id, [...up, i, "id"], "dimension id", { nonEmpty: true });
    const level = d["level"];
    if (level === null || level === undefined) {
      current.set(id, null);
      return;
    }
    assertRecord(level, [...up, i, "level"], "level");
    const lid = level["id"];
    assertString(lid, [...up, i, "level", "id"], "level id");
    if (!position.has(lid)) {
      failAt(
        "unknown_reference",
        [...up, i, "level", "id"],
        `level ${JSON.stringify(lid)} is not among options.maturity.levels`,
      );
    }
    current.set(id, lid);
  });

  const targets = new Map<string, string>();
  const m = a["maturity"];
  if (m !== undefined) {
    assertRecord(m, ["assessment", "maturity"], "maturity");
    const tp: PathSegment[] = ["assessment", "maturity", "targets"];
    const list = assertList(m["targets"] ?? [], tp, "targets");
    list.forEach((t, i) => {
      assertRecord(t, [...tp, i], "target");
      const dim = t["dimension"];
      const level = t["level"];
      assertString(dim, [...tp, i, "dimension"], "dimension", { nonEmpty: true });
      assertString(level, [...tp, i, "level"], "level", { nonEmpty: true });
      if (targets.has(dim))
        failAt(
          "duplicate_id",
          [...tp, i, "dimension"],
          `a second target for dimension ${JSON.stringify(dim)}`,
        );
      if (!position.has(level)) {
        failAt(
          "unknown_reference",
          [...tp, i, "level"],
          `target level ${JSON.stringify(level)} is not among options.maturity.levels`,
        );
      }
      targets.set(dim, level);
    });
  }
  return { unit, count: levelList.length, position, current, targets };
}

interface RawNeed {
  readonly need: NeedRef;
  readonly votes: number | null;
  readonly meanScore: number | null;
  readonly scoreCount: number;
  readonly helices: readonly Helix[];
}

function readVotes(
  need: NeedRef,
  stakeholders: ReadonlyMap<string, unknown>,
): Omit<RawNeed, "need" | "helices"> {
  const p: PathSegment[] = ["assessment", "needs", need.index];
  const v = need.record["votes"];
  if (v !== undefined) {
    assertFiniteAt(v, [...p, "votes"], "votes");
    if (v < 0 || !Number.isInteger(v)) {
      failAt(
        "out_of_range",
        [...p, "votes"],
        `votes must be a whole number ≥ 0, got ${describe(v)}`,
      );
    }
  }
  const scores = need.record["scores"];
  let meanScore: number | null = null;
  let scoreCount = 0;
  if (scores !== undefined) {
    const list = assertList(scores, [...p, "scores"], "scores");
    const seen = new Set<string>();
    let sum = 0;
    list.forEach((s, j) => {
      const sp: PathSegment[] = [...p, "scores", j];
      assertRecord(s, sp, "score");
      const who = s["stakeholder"];
      assertString(who, [...sp, "stakeholder"], "stakeholder", { nonEmpty: true });
      if (!stakeholders.has(who))
        failAt(
          "unknown_reference",
          [...sp, "stakeholder"],
          `unknown stakeholder id ${JSON.stringify(who)}`,
        );
      if (seen.has(who))
        failAt(
          "duplicate_id",
          [...sp, "stakeholder"],
          `stakeholder ${JSON.stringify(who)} scored this need twice`,
        );
      seen.add(who);
      const value = s["value"];
      assertFiniteAt(value, [...sp, "value"], "score value");
      if (value < 0)
        failAt("out_of_range", [...sp, "value"], `score value must be ≥ 0, got ${describe(value)}`);
      // dividing first keeps the mean finite even for values near the largest double
      sum += value / list.length;
    });
    scoreCount = list.length;
    if (scoreCount > 0) meanScore = sum;
  }
  return { votes: (v as number | undefined) ?? null, meanScore, scoreCount };
}

function shareOfMax(
  factor: "votes" | "scores",
  raw: number | null,
  max: number,
  weight: number,
  text: { readonly missing: string; readonly value: string; readonly allZero: string },
): NeedFactorContribution {
  if (raw === null) {
    return { factor, raw: null, normalised: 0, weight, contribution: 0, explanation: text.missing };
  }
  const normalised = max > 0 ? raw / max + 0 : 0; // + 0: -0 becomes 0
  const explanation =
    max > 0 ? `${text.value} ÷ the maximum ${fmt(max)} = ${fmt(normalised)}` : text.allZero;
  return {
    factor,
    raw: raw + 0,
    normalised,
    weight,
    contribution: weight * normalised,
    explanation,
  };
}

function gapFactor(need: NeedRef, levels: Levels | null, weight: number): NeedFactorContribution {
  const none = (explanation: string): NeedFactorContribution => ({
    factor: "gap",
    raw: null,
    normalised: 0,
    weight,
    contribution: 0,
    explanation,
  });
  if (levels === null) return none("no maturity result given (options.maturity); the gap counts 0");
  if (need.dimension === null) return none("the need has no dimension; the gap counts 0");
  const dim = need.dimension;
  if (!levels.current.has(dim))
    return none(`no maturity result for dimension ${JSON.stringify(dim)}; the gap counts 0`);
  const cur = levels.current.get(dim) ?? null;
  if (cur === null)
    return none(
      `the level of dimension ${JSON.stringify(dim)} could not be computed; the gap counts 0`,
    );
  const target = levels.targets.get(dim);
  if (target === undefined)
    return none(`no target level for dimension ${JSON.stringify(dim)}; the gap counts 0`);
  const c = levels.position.get(cur) as number;
  const t = levels.position.get(target) as number;
  const raw = t - c;
  const steps = levels.count - 1;
  const normalised = steps > 0 ? Math.max(0, raw) / steps : 0;
  const explanation =
    steps > 0
      ? `target ${JSON.stringify(target)} (position ${t}) − current ${JSON.stringify(cur)} (position ${c}) = ${raw}; max(0, ${raw}) ÷ ${steps} = ${fmt(normalised)}`
      : "the level scale has a single level, so there is no gap";
  return { factor: "gap", raw, normalised, weight, contribution: weight * normalised, explanation };
}

function fmt(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}

/**
 * Ranks the needs of an assessment by a weighted sum of four normalised factors, and shows each
 * factor's contribution so that a facilitator can explain the order.
 *
 * Designed by this project (the ICC documents a needs-assessment workshop, not a ranking rule).
 * For need i, score_i = Σ_f w_f · x_{i,f}, with the weights w_f divided by their sum and:
 * - votes: x = votes_i ÷ max_j votes_j (dot votes or vote count; 0 without votes);
 * - scores: x = mean score_i ÷ max_j mean score_j (importance scores given by stakeholders);
 * - gap: x = max(0, t − c) ÷ (L − 1), where t and c are the positions of the dimension's target
 *   level (`assessment.maturity.targets`) and current level (`options.maturity`) in the list of
 *   L levels; 0, with the reason, when the need has no dimension, no result or no target;
 * - helix: x = distinct quadruple-helix groups among the stakeholders who raised the need ÷ 4.
 * Defaults: votes 0.3, scores 0.2, gap 0.3, helix 0.2. A factor without data for a need counts 0
 * for it and says why; weights are never silently moved to other factors. Ranks are competition
 * ranks on the unrounded score; ties share a rank and are listed by id.
 *
 * @param assessment - the assessment (stakeholders, needs, and `maturity.targets` for the gap)
 * @param options - factor weights, the maturity result and the unit to read it for
 * @returns the ranked needs with each factor's raw value, normalised value, weight and contribution
 * @throws AssessmentError `invalid_type` (a field of the wrong type), `empty` (no needs or no
 *   levels), `duplicate_id` (need, stakeholder, level, target or score repeated),
 *   `unknown_reference` (unknown stakeholder, level or maturity unit), `invalid_value` (unknown
 *   factor or helix), `out_of_range` (negative or fractional votes, negative score),
 *   `non_finite`, `negative_weight`, `zero_weights`
 * @example
 * ```ts
 * import { parseAssessment } from "icc-assessment/schema";
 * import { rankNeeds } from "icc-assessment/needs";
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
 *   needs: [
 *     { id: "n-data", statement: "Open data", raisedBy: ["city"], votes: 4 },
 *     { id: "n-voice", statement: "A say in decisions", raisedBy: ["city", "ngo"], votes: 8 },
 *   ],
 *   solutions: [],
 * });
 * const r = rankNeeds(assessment);
 * r.needs.map((n) => [n.id, n.rank]); // => [["n-voice", 1], ["n-data", 2]]
 * r.needs[0].factors.map((f) => f.contribution); // => [0.3, 0, 0, 0.1]
 * ```
 */
export function rankNeeds(assessment: Assessment, options: RankNeedsOptions = {}): RankNeedsResult {
  const a = readAssessment(assessment);
  assertRecord(options as unknown, ["options"], "options");
  const weights = readWeights(options.weights);
  const stakeholders = readStakeholders(a);
  const needs = readNeeds(a, stakeholders);
  if (needs.length === 0)
    failAt("empty", ["assessment", "needs"], "needs must not be empty: there is nothing to rank");
  const levels = readMaturity(a, options.maturity, options.unit);

  const raws: RawNeed[] = needs.map((need) => {
    const groups = new Set(
      need.raisedBy.map((s) => (stakeholders.get(s) as { helix: Helix }).helix),
    );
    return {
      need,
      ...readVotes(need, stakeholders),
      helices: helices.filter((h) => groups.has(h)),
    };
  });
  const maxVotes = Math.max(0, ...raws.map((r) => r.votes ?? 0));
  const maxScore = Math.max(0, ...raws.map((r) => r.meanScore ?? 0));

  const scored = raws.map((r) => {
    const helixCount = r.helices.length;
    const factors: NeedFactorContribution[] = [
      shareOfMax("votes", r.votes, maxVotes, weights.votes, {
        missing: "no votes recorded for this need",
        value: `${r.votes} votes`,
        allZero: "no need received a vote",
      }),
      shareOfMax("scores", r.meanScore, maxScore, weights.scores, {
        missing: "no stakeholder scored this need",
        value: `mean score ${fmt(r.meanScore ?? 0)} from ${r.scoreCount} stakeholder${r.scoreCount === 1 ? "" : "s"}`,
        allZero: "every need's mean score is 0",
      }),
      gapFactor(r.need, levels, weights.gap),
      {
        factor: "helix",
        raw: helixCount,
        normalised: helixCount / helices.length,
        weight: weights.helix,
        contribution: (weights.helix * helixCount) / helices.length,
        explanation:
          helixCount === 0
            ? "raised by no stakeholder of any helix group"
            : `${helixCount} of ${helices.length} helix groups (${r.helices.join(", ")})`,
      },
    ];
    const score = factors.reduce((s, f) => s + f.contribution, 0);
    return { r, factors, score };
  });

  const ranks = competitionRanks(scored.map((s) => s.score));
  const order = scored
    .map((_, i) => i)
    .sort(
      (i, j) =>
        (ranks[i] as number) - (ranks[j] as number) ||
        compareIds(scored[i]!.r.need.id, scored[j]!.r.need.id),
    );

  const available: Record<NeedFactor, boolean> = {
    votes: raws.some((r) => r.votes !== null),
    scores: raws.some((r) => r.meanScore !== null),
    gap: scored.some((s) => s.factors[2]!.raw !== null),
    helix: true,
  };
  return {
    method: "weightedFactors",
    factors: needFactors.map((factor) => ({
      factor,
      weight: weights[factor],
      available: available[factor],
      rule: RULES[factor],
    })),
    unit: levels?.unit ?? null,
    needs: order.map((i) => {
      const s = scored[i]!;
      return {
        id: s.r.need.id,
        statement: s.r.need.statement,
        dimension: s.r.need.dimension,
        rank: ranks[i] as number,
        score: s.score,
        helices: s.r.helices,
        factors: s.factors,
      };
    }),
  };
}
