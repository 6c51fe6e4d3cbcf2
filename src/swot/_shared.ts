import type { PathSegment } from "../errors/AssessmentError.js";
import type { SwotItem } from "../schema/entities.js";
import type { SwotQuadrant, TowsKind } from "../schema/vocabularies.js";
import { failAt } from "../_lib/assert.js";
import type { Rule } from "../_lib/readValue.js";
import { compareIds } from "../_lib/sort.js";
import type {
  BuildSwotResult,
  CrossSwotResult,
  FactorEvaluation,
  FactorEvaluationRow,
  RatingConvention,
  SwotPosition,
  TowsStrategyResult,
} from "./_types.js";

/** The conventional midpoint of an IFE or EFE total (David, Strategic Management). */
export const MIDPOINT = 2.5;
/** Tolerance on the sum of weights and on the boundaries of totals. */
export const TOLERANCE = 1e-9;

/** Whether a quadrant is internal (strengths and weaknesses, the IFE matrix). */
export function isInternal(q: SwotQuadrant): boolean {
  return q === "strength" || q === "weakness";
}

/** One evidence entry of a SWOT item. */
type Evidence = NonNullable<SwotItem["evidence"]>[number];

/** Any array (its elements are read by the caller). */
export const ARRAY: Rule = { kind: "list" };

/** The rule of an option naming known ids: an array or a Set of non-empty strings. */
export const KNOWN_IDS: Rule = { kind: "list", of: { kind: "text" }, sets: true, optional: true };

/** The rule of the `ratingConvention` option. */
export const RATING_CONVENTION: Rule = {
  kind: "oneOf",
  choices: ["david", "free"],
  optional: true,
};

/** The options of the functions on a parsed assessment: known indicators and the convention. */
export const ASSESSMENT_OPTIONS: Rule = {
  kind: "record",
  fields: [
    ["indicators", KNOWN_IDS],
    ["ratingConvention", RATING_CONVENTION],
  ],
};

/** The ids of a {@link KNOWN_IDS} option already read, as a set (`null` when not given). */
export function toIdSet(value: Iterable<string> | undefined): ReadonlySet<string> | null {
  if (value === undefined) return null;
  return value instanceof Set ? (value as ReadonlySet<string>) : new Set(value);
}

const EVIDENCE_IDS = ["indicator", "need"] as const;

/**
 * Checks the indicator and need of one evidence entry against the ids the caller gave (`null`:
 * not checked); `path` is where the entry is.
 */
export function checkEvidenceIds(
  entry: Evidence,
  indicators: ReadonlySet<string> | null,
  needs: ReadonlySet<string> | null,
  path: readonly PathSegment[],
): void {
  for (const key of EVIDENCE_IDS) {
    const id = entry[key];
    const known = key === "indicator" ? indicators : needs;
    if (id !== undefined && known !== null && !known.has(id))
      failAt("unknown_reference", [...path, key], `unknown ${key} id ${JSON.stringify(id)}`);
  }
}

/**
 * Checks every evidence indicator of `items` against ids the caller gave (`options.indicators`);
 * `path` is where the items are.
 */
export function checkIndicators(
  items: readonly SwotItem[],
  known: ReadonlySet<string>,
  path: readonly PathSegment[],
): void {
  const at: PathSegment[] = [...path, 0, "evidence", 0];
  for (let i = 0; i < items.length; i++) {
    const evidence = (items[i] as SwotItem).evidence;
    if (evidence === undefined) continue;
    at[path.length] = i;
    for (let j = 0; j < evidence.length; j++) {
      at[path.length + 2] = j;
      checkEvidenceIds(evidence[j] as Evidence, known, null, at);
    }
  }
}

/**
 * One factor evaluation matrix of items known to be sound (rated all or none, weighted all or
 * none, weights summing to 1): `null` with the reason when the matrix is empty or unweighted.
 */
function evaluate(
  matrix: "IFE" | "EFE",
  entries: readonly SwotItem[],
): { value: FactorEvaluation | null; reason: string | null } {
  const what = matrix === "IFE" ? "strengths and weaknesses" : "opportunities and threats";
  if (entries.length === 0) return { value: null, reason: `no ${what}, so no ${matrix} matrix` };
  let rated = 0;
  let weighted = 0;
  for (const e of entries) {
    if (e.rating !== undefined) rated++;
    if (e.weight !== undefined) weighted++;
  }
  if (rated === 0 && weighted === 0) {
    return {
      value: null,
      reason: `no weights or ratings on the ${what}: an unweighted SWOT, so no ${matrix} matrix`,
    };
  }
  const equal = 1 / entries.length;
  let raw = 0;
  const rows: FactorEvaluationRow[] = entries.map((e) => {
    const weight = weighted === 0 ? equal : (e.weight as number);
    const rating = e.rating as number;
    const weightedScore = weight * rating;
    raw += weightedScore;
    return { id: e.id, quadrant: e.quadrant, text: e.text, weight, rating, weightedScore };
  });
  const total = Math.min(4, Math.max(1, raw));
  return {
    value: {
      matrix,
      weighting: weighted === 0 ? "equal" : "given",
      rows,
      total,
      midpoint: MIDPOINT,
      aboveMidpoint: total >= MIDPOINT - TOLERANCE,
    },
    reason: null,
  };
}

/** Band of a total on the IE matrix axis: 0 strong/high (≥ 3), 1 average/medium (≥ 2), 2 weak/low. */
function ieBand(total: number): 0 | 1 | 2 {
  if (total >= 3 - TOLERANCE) return 0;
  if (total >= 2 - TOLERANCE) return 1;
  return 2;
}

const IE_REGIONS = [
  "growAndBuild",
  "growAndBuild",
  "holdAndMaintain",
  "growAndBuild",
  "holdAndMaintain",
  "harvestOrDivest",
  "holdAndMaintain",
  "harvestOrDivest",
  "harvestOrDivest",
] as const;

/** The strategic position from the IFE and EFE totals. */
export function positionOf(ife: number, efe: number): SwotPosition {
  const strongInside = ife >= MIDPOINT - TOLERANCE;
  const strongOutside = efe >= MIDPOINT - TOLERANCE;
  const quadrant = strongInside
    ? strongOutside
      ? "aggressive"
      : "conservative"
    : strongOutside
      ? "competitive"
      : "defensive";
  const strategies = (
    { aggressive: "SO", conservative: "ST", competitive: "WO", defensive: "WT" } as const
  )[quadrant];
  const cell = ieBand(efe) * 3 + ieBand(ife) + 1;
  return {
    quadrant,
    strategies,
    ife,
    efe,
    rule: `IFE ${strongInside ? "≥" : "<"} 2.5 and EFE ${strongOutside ? "≥" : "<"} 2.5 → ${quadrant}`,
    ieCell: cell,
    ieRegion: IE_REGIONS[cell - 1] as SwotPosition["ieRegion"],
  };
}

/** What {@link computeSwot} records about how the items were checked. */
export interface SwotChecks {
  readonly ratingConvention: RatingConvention;
  readonly indicatorsChecked: boolean;
  readonly needsChecked: boolean;
}

/**
 * The SWOT computation on items known to be sound: checked by `buildSwot`, or parsed (the parser
 * enforces the weighted-SWOT rules, docs/methodology/needs-swot.md). Never throws.
 */
export function computeSwot(list: readonly SwotItem[], checks: SwotChecks): BuildSwotResult {
  const strengths: SwotItem[] = [];
  const weaknesses: SwotItem[] = [];
  const opportunities: SwotItem[] = [];
  const threats: SwotItem[] = [];
  const internal: SwotItem[] = [];
  const external: SwotItem[] = [];
  const lists: Readonly<Record<SwotQuadrant, SwotItem[]>> = {
    strength: strengths,
    weakness: weaknesses,
    opportunity: opportunities,
    threat: threats,
  };
  for (const item of list) {
    lists[item.quadrant].push(item);
    (isInternal(item.quadrant) ? internal : external).push(item);
  }
  const ife = evaluate("IFE", internal);
  const efe = evaluate("EFE", external);
  const position = ife.value && efe.value ? positionOf(ife.value.total, efe.value.total) : null;
  return {
    strengths,
    weaknesses,
    opportunities,
    threats,
    counts: {
      strength: strengths.length,
      weakness: weaknesses.length,
      opportunity: opportunities.length,
      threat: threats.length,
    },
    ife: ife.value,
    efe: efe.value,
    position,
    reasons: {
      ife: ife.reason,
      efe: efe.reason,
      position: position ? null : "the position needs both an IFE and an EFE total",
    },
    parameters: {
      ratingConvention: checks.ratingConvention,
      midpoint: MIDPOINT,
      tolerance: TOLERANCE,
      indicatorsChecked: checks.indicatorsChecked,
      needsChecked: checks.needsChecked,
    },
  };
}

/** A TOWS strategy known to be sound (checked by `crossSwot`, or parsed). */
export interface SoundTowsLink {
  readonly id: string;
  readonly kind: TowsKind;
  readonly text: string;
  readonly items: readonly string[];
  readonly solutions?: readonly string[] | undefined;
}

/** Position of each kind in `towsKinds` (SO, ST, WO, WT). */
const KIND_ORDER: Readonly<Record<TowsKind, number>> = { SO: 0, ST: 1, WO: 2, WT: 3 };

/**
 * The TOWS computation on strategies known to be sound: every item is one of `quadrantOf`, of one
 * of its kind's two quadrants, listed once. `order` is the SWOT's items, strengths first, then
 * weaknesses, opportunities and threats. Never throws.
 */
export function towsOf(
  order: readonly { readonly id: string; readonly quadrant: SwotQuadrant }[],
  quadrantOf: ReadonlyMap<string, SwotQuadrant>,
  links: readonly SoundTowsLink[],
  solutionsChecked: boolean,
): CrossSwotResult {
  const strategies = links.map((link): TowsStrategyResult => {
    const byQuadrant: Record<SwotQuadrant, string[]> = {
      strength: [],
      weakness: [],
      opportunity: [],
      threat: [],
    };
    for (const item of link.items) byQuadrant[quadrantOf.get(item) as SwotQuadrant].push(item);
    return {
      id: link.id,
      kind: link.kind,
      text: link.text,
      strengths: byQuadrant.strength,
      weaknesses: byQuadrant.weakness,
      opportunities: byQuadrant.opportunity,
      threats: byQuadrant.threat,
      solutions: [...(link.solutions ?? [])],
    };
  });
  strategies.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareIds(a.id, b.id));

  const matrix: Record<TowsKind, string[]> = { SO: [], ST: [], WO: [], WT: [] };
  const usedBy = new Map<string, string[]>();
  for (const o of order) usedBy.set(o.id, []);
  const strategiesWithoutSolutions: string[] = [];
  for (const s of strategies) {
    matrix[s.kind].push(s.id);
    if (s.solutions.length === 0) strategiesWithoutSolutions.push(s.id);
    for (const list of [s.strengths, s.weaknesses, s.opportunities, s.threats]) {
      for (const item of list) (usedBy.get(item) as string[]).push(s.id);
    }
  }
  const unused: Record<SwotQuadrant, string[]> = {
    strength: [],
    weakness: [],
    opportunity: [],
    threat: [],
  };
  for (const o of order) {
    if ((usedBy.get(o.id) as string[]).length === 0) unused[o.quadrant].push(o.id);
  }
  return {
    strategies,
    matrix,
    unused: {
      strengths: unused.strength,
      weaknesses: unused.weakness,
      opportunities: unused.opportunity,
      threats: unused.threat,
    },
    usage: order.map((o) => ({
      item: o.id,
      quadrant: o.quadrant,
      strategies: usedBy.get(o.id) as string[],
    })),
    strategiesWithoutSolutions,
    solutionsChecked,
  };
}
