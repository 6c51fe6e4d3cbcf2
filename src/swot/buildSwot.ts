import type { SwotItem } from "../schema/entities.js";
import type { SwotQuadrant, TowsKind } from "../schema/vocabularies.js";
import { swotOf } from "./_shared.js";

/**
 * How IFE ratings are checked: `"david"` (default) keeps strengths at 3–4 and weaknesses at 1–2,
 * as David's IFE matrix prescribes; `"free"` allows any rating from 1 to 4 on every item.
 */
export type RatingConvention = "david" | "free";

/** Options of {@link buildSwot}. */
export interface BuildSwotOptions {
  /** Known indicator ids; when given, every evidence indicator must be one of them. */
  readonly indicators?: readonly string[] | ReadonlySet<string>;
  /** Known need ids; when given, every evidence need must be one of them. */
  readonly needs?: readonly string[] | ReadonlySet<string>;
  /** How IFE ratings are checked. Default `"david"`. */
  readonly ratingConvention?: RatingConvention;
}

/** One row of a factor evaluation matrix. */
export interface FactorEvaluationRow {
  /** The item's id. */
  readonly id: string;
  /** The item's quadrant. */
  readonly quadrant: SwotQuadrant;
  /** The item's text. */
  readonly text: string;
  /** The weight used (given, or 1/n under equal weighting). */
  readonly weight: number;
  /** The rating (1–4). */
  readonly rating: number;
  /** weight × rating. */
  readonly weightedScore: number;
}

/** An internal (IFE) or external (EFE) factor evaluation matrix. */
export interface FactorEvaluation {
  /** `IFE` for strengths and weaknesses, `EFE` for opportunities and threats. */
  readonly matrix: "IFE" | "EFE";
  /** `given` weights, or `equal` weights (1/n) when no item of the matrix has one. */
  readonly weighting: "given" | "equal";
  /** The rows, in the order of the items. */
  readonly rows: readonly FactorEvaluationRow[];
  /** Σ weight × rating, between 1 and 4. */
  readonly total: number;
  /** The conventional midpoint, 2.5. */
  readonly midpoint: number;
  /** Whether the total is at or above the midpoint. */
  readonly aboveMidpoint: boolean;
}

/** The strategic position read from the IFE and EFE totals. */
export interface SwotPosition {
  /** aggressive (IFE ≥ 2.5, EFE ≥ 2.5), conservative (IFE ≥ 2.5, EFE < 2.5), competitive (IFE < 2.5, EFE ≥ 2.5) or defensive. */
  readonly quadrant: "aggressive" | "conservative" | "competitive" | "defensive";
  /** The TOWS strategies the quadrant points to: SO, ST, WO or WT. */
  readonly strategies: TowsKind;
  /** The IFE total. */
  readonly ife: number;
  /** The EFE total. */
  readonly efe: number;
  /** The rule that placed it, in words. */
  readonly rule: string;
  /** The cell (1–9, I–IX) of David's internal–external matrix. */
  readonly ieCell: number;
  /** The region of that cell. */
  readonly ieRegion: "growAndBuild" | "holdAndMaintain" | "harvestOrDivest";
}

/** The result of {@link buildSwot}. */
export interface BuildSwotResult {
  /** Strengths (internal), in the order given. */
  readonly strengths: readonly SwotItem[];
  /** Weaknesses (internal), in the order given. */
  readonly weaknesses: readonly SwotItem[];
  /** Opportunities (external), in the order given. */
  readonly opportunities: readonly SwotItem[];
  /** Threats (external), in the order given. */
  readonly threats: readonly SwotItem[];
  /** Items per quadrant. */
  readonly counts: Readonly<Record<SwotQuadrant, number>>;
  /** The internal factor evaluation, or `null` (see `reasons.ife`). */
  readonly ife: FactorEvaluation | null;
  /** The external factor evaluation, or `null` (see `reasons.efe`). */
  readonly efe: FactorEvaluation | null;
  /** The strategic position, or `null` when either matrix is missing. */
  readonly position: SwotPosition | null;
  /** Why `ife`, `efe` or `position` is `null` (`null` when it is not). */
  readonly reasons: {
    readonly ife: string | null;
    readonly efe: string | null;
    readonly position: string | null;
  };
  /** The parameters used. */
  readonly parameters: {
    readonly ratingConvention: RatingConvention;
    readonly midpoint: number;
    readonly tolerance: number;
    readonly indicatorsChecked: boolean;
    readonly needsChecked: boolean;
  };
}

/**
 * Groups SWOT items by quadrant, validates them, and computes the internal and external factor
 * evaluation matrices and the strategic position they point to.
 *
 * Rules. Strengths and weaknesses are internal, opportunities and threats external. IFE and EFE
 * (David, *Strategic Management*, ch. 3–4; documented): within each matrix the weights sum to 1
 * (±1e-9), each item is rated 1–4, and the total Σ weight × rating lies between 1 and 4 with 2.5
 * as the midpoint. In the IFE a strength is rated 3 or 4 and a weakness 1 or 2 (David; enforced
 * unless `ratingConvention: "free"`); in the EFE the rating says how well the city responds to the
 * factor. A matrix where no item has a weight or rating is left out (`null` with the reason); one
 * where every item is rated but none weighted gets equal weights 1/n (designed by this project,
 * docs/decisions/0201). The position maps the two totals onto the quadrants of the SPACE matrix
 * (labels from David, ch. 6; the mapping is designed by this project, docs/decisions/0202):
 * IFE ≥ 2.5 and EFE ≥ 2.5 aggressive (SO strategies), IFE ≥ 2.5 and EFE < 2.5 conservative (ST),
 * IFE < 2.5 and EFE ≥ 2.5 competitive (WO), both < 2.5 defensive (WT); exactly 2.5 counts as
 * at or above. The cell of David's nine-cell internal–external matrix is given too (bands 1–1.99,
 * 2–2.99, 3–4).
 *
 * @param items - the SWOT items (of the city or of one solution)
 * @param options - known indicator and need ids for evidence links, and the rating convention
 * @returns the items by quadrant, the IFE and EFE matrices, and the position
 * @throws AssessmentError `empty` (no items), `missing_field` (an item without a quadrant; a
 *   matrix where only some items are rated or weighted; evidence with no link), `invalid_value`
 *   (unknown quadrant; weights not summing to 1, one issue per weight; bad option),
 *   `out_of_range` (rating outside 1–4 or against the convention, weight above 1),
 *   `negative_weight`, `non_finite`, `invalid_type`, `duplicate_id`, `unknown_reference`
 *   (evidence naming an unknown indicator or need)
 * @example
 * ```ts
 * import { buildSwot } from "icc-assessment/swot";
 * const swot = buildSwot([
 *   { id: "s1", quadrant: "strength", text: "Active IT clusters", weight: 0.6, rating: 4 },
 *   { id: "w1", quadrant: "weakness", text: "No data policy", weight: 0.4, rating: 2 },
 *   { id: "o1", quadrant: "opportunity", text: "EU recovery funds", weight: 0.7, rating: 3 },
 *   { id: "t1", quadrant: "threat", text: "Low trust", weight: 0.3, rating: 2 },
 * ]);
 * swot.ife?.total; // => 3.2
 * Math.round((swot.efe?.total ?? 0) * 100) / 100; // => 2.7
 * swot.position?.quadrant; // => "aggressive"
 * ```
 */
export function buildSwot(
  items: readonly SwotItem[],
  options: BuildSwotOptions = {},
): BuildSwotResult {
  return swotOf(items, ["items"], options, ["options"]);
}
