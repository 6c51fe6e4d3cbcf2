import type { PathSegment } from "../errors/AssessmentError.js";
import type { Assessment } from "../schema/assessment.js";
import type { Need, Stakeholder } from "../schema/entities.js";
import { helices, type Helix } from "../schema/vocabularies.js";
import { failAt } from "../_lib/assert.js";
import { indexAssessment } from "../_lib/assessmentIndex.js";
import { assertParsed } from "../_lib/parsed.js";
import { compareIds, competitionRanks } from "../_lib/sort.js";
import { readValue, type Rule } from "../_lib/readValue.js";

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

/** A weight of a factor: a finite number, 0 or more. */
const WEIGHT: Rule = {
  kind: "number",
  min: 0,
  max: Number.MAX_VALUE,
  code: "negative_weight",
  expected: "must not be negative",
  name: (factor) => `weight of ${String(factor)}`,
  optional: true,
};

/** A level of `options.maturity.levels`. */
const LEVEL: Rule = {
  kind: "record",
  name: "level",
  fields: [["id", { kind: "id", name: "level id" }]],
};

/** The options, but for the maturity result (read after the weights are summed). */
const OPTIONS: Rule = {
  kind: "record",
  fields: [
    ["weights", { kind: "map", keys: needFactors, keyName: "factor", of: WEIGHT, optional: true }],
  ],
};

/** The maturity option up to its levels; the unit and `units` are read after. */
const MATURITY: Rule = {
  kind: "record",
  optional: true,
  fields: [["levels", { kind: "list", of: LEVEL, nonEmpty: true, unique: true }]],
};

const UNIT: Rule = { kind: "text", optional: true };

const UNITS: Rule = {
  kind: "list",
  of: { kind: "record", name: "unit result", fields: [["unit", { kind: "text" }]] },
};

const LIST: Rule = { kind: "list" };

/** A dimension of the unit's maturity result; its level, when given, is one of the levels. */
const DIMENSION: Rule = {
  kind: "record",
  name: "dimension result",
  fields: [
    ["id", { kind: "text", name: "dimension id" }],
    [
      "level",
      {
        kind: "record",
        nullable: true,
        fields: [["id", { kind: "string", name: "level id" }]],
      },
    ],
  ],
};

/** The factor weights (read), defaults filled in, divided by their sum. */
function normaliseWeights(
  weights: Readonly<Partial<Record<NeedFactor, number>>> | undefined,
): Record<NeedFactor, number> {
  const merged: Record<NeedFactor, number> = { ...DEFAULT_NEED_FACTOR_WEIGHTS };
  if (weights !== undefined) {
    for (const key of Object.keys(weights) as NeedFactor[]) {
      const value = weights[key];
      if (value !== undefined) merged[key] = value;
    }
  }
  const sum = needFactors.reduce((s, f) => s + merged[f], 0);
  if (!(sum > 0) || !Number.isFinite(sum)) {
    failAt(
      "zero_weights",
      ["options", "weights"],
      `factor weights must sum to a positive finite number, got ${sum}`,
    );
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

/**
 * The maturity option (a plain value, checked here) and the assessment's targets (parsed: one per
 * dimension); each target level must be one of the option's levels.
 */
function readMaturity(
  a: Assessment,
  maturity: RankNeedsMaturity | undefined,
  unitOption: string | undefined,
): Levels | null {
  readValue(maturity, MATURITY, ["options", "maturity"]);
  if (maturity === undefined) return null;
  const position = new Map<string, number>();
  maturity.levels.forEach((l, i) => position.set(l.id, i));
  readValue(unitOption, UNIT, ["options", "unit"]);
  const unit = unitOption ?? a.city.id;
  readValue(maturity.units, UNITS, ["options", "maturity", "units"]);
  let unitIndex = -1;
  for (let i = 0; i < maturity.units.length && unitIndex === -1; i++) {
    if ((maturity.units[i] as RankNeedsMaturity["units"][number]).unit === unit) unitIndex = i;
  }
  if (unitIndex === -1) {
    failAt(
      "unknown_reference",
      unitOption !== undefined ? ["options", "unit"] : ["assessment", "city", "id"],
      `no maturity result for unit ${JSON.stringify(unit)} in options.maturity.units`,
    );
  }

  const dims = (maturity.units[unitIndex] as RankNeedsMaturity["units"][number]).dimensions;
  const path: PathSegment[] = ["options", "maturity", "units", unitIndex, "dimensions"];
  readValue(dims, LIST, path);
  const current = new Map<string, string | null>();
  path.push(0);
  for (let i = 0; i < dims.length; i++) {
    path[5] = i;
    const d = dims[i] as RankNeedsMaturity["units"][number]["dimensions"][number];
    readValue(d, DIMENSION, path);
    const lid = d.level?.id;
    if (lid !== undefined && !position.has(lid)) {
      failAt(
        "unknown_reference",
        [...path, "level", "id"],
        `level ${JSON.stringify(lid)} is not among options.maturity.levels`,
      );
    }
    current.set(d.id, lid ?? null);
  }

  const targets = new Map<string, string>();
  const list = a.maturity?.targets ?? [];
  for (let i = 0; i < list.length; i++) {
    const t = list[i] as { readonly dimension: string; readonly level: string };
    if (!position.has(t.level)) {
      failAt(
        "unknown_reference",
        ["assessment", "maturity", "targets", i, "level"],
        `target level ${JSON.stringify(t.level)} is not among options.maturity.levels (${[...position.keys()].join(", ")}): the maturity result is of another level scale`,
      );
    }
    targets.set(t.dimension, t.level);
  }
  return { unit, count: position.size, position, current, targets };
}

interface RawNeed {
  readonly need: Need;
  readonly votes: number | null;
  readonly meanScore: number | null;
  readonly scoreCount: number;
  readonly helices: readonly Helix[];
}

/** The mean of a need's scores (dividing first keeps it finite near the largest double). */
function meanOf(scores: readonly { readonly value: number }[] | undefined): number | null {
  if (scores === undefined || scores.length === 0) return null;
  let sum = 0;
  for (const s of scores) sum += s.value / scores.length;
  return sum;
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

function gapFactor(
  dimension: string | undefined,
  levels: Levels | null,
  weight: number,
): NeedFactorContribution {
  const none = (explanation: string): NeedFactorContribution => ({
    factor: "gap",
    raw: null,
    normalised: 0,
    weight,
    contribution: 0,
    explanation,
  });
  if (levels === null) return none("no maturity result given (options.maturity); the gap counts 0");
  if (dimension === undefined) return none("the need has no dimension; the gap counts 0");
  const dim = dimension;
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
 * ranks on the unrounded score; ties share a rank and are listed by id. An assessment without
 * needs gives an empty ranking.
 *
 * The assessment is trusted as parsed: votes, scores, stakeholders and targets were checked by
 * `parseAssessment` (one score per stakeholder, one target per dimension). Only the options are
 * checked here.
 *
 * @param assessment - the parsed assessment (stakeholders, needs, and `maturity.targets` for the gap)
 * @param options - factor weights, the maturity result and the unit to read it for
 * @returns the ranked needs with each factor's raw value, normalised value, weight and contribution
 * @throws AssessmentError `not_parsed` (the assessment did not come from `parseAssessment`);
 *   for the options: `invalid_type` (an option of the wrong type), `empty` (no levels),
 *   `duplicate_id` (a level repeated), `unknown_reference` (a maturity unit, current level or
 *   target level missing from `options.maturity`), `invalid_value` (unknown factor),
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
  assertParsed(assessment, "assessment");
  readValue(options, OPTIONS, ["options"]);
  const weights = normaliseWeights(options.weights);
  const levels = readMaturity(assessment, options.maturity, options.unit);
  const stakeholders = indexAssessment(assessment).stakeholders;

  const raws: RawNeed[] = assessment.needs.map((need) => {
    const groups = new Set<Helix>();
    for (const s of need.raisedBy) groups.add((stakeholders.get(s) as Stakeholder).helix);
    return {
      need,
      votes: need.votes ?? null,
      meanScore: meanOf(need.scores),
      scoreCount: need.scores?.length ?? 0,
      helices: helices.filter((h) => groups.has(h)),
    };
  });
  let maxVotes = 0;
  let maxScore = 0;
  for (const r of raws) {
    maxVotes = Math.max(maxVotes, r.votes ?? 0);
    maxScore = Math.max(maxScore, r.meanScore ?? 0);
  }

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
      gapFactor(r.need.dimension, levels, weights.gap),
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
    helix: raws.length > 0,
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
        dimension: s.r.need.dimension ?? null,
        rank: ranks[i] as number,
        score: s.score,
        helices: s.r.helices,
        factors: s.factors,
      };
    }),
  };
}
