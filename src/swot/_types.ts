import type { SwotItem } from "../schema/entities.js";
import type { SwotQuadrant, TowsKind } from "../schema/vocabularies.js";

/*
 * The result types of `buildSwot` and `crossSwot`, which the stage's shared computations
 * (`_shared.ts`) build: declared here, below both, so that no module of the stage imports one
 * that imports it back. `buildSwot.ts` and `crossSwot.ts` re-export them.
 */

/**
 * How IFE ratings are checked: `"david"` (default) keeps strengths at 3–4 and weaknesses at 1–2,
 * as David's IFE matrix prescribes; `"free"` allows any rating from 1 to 4 on every item.
 */
export type RatingConvention = "david" | "free";

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

/** The result of `buildSwot`. */
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

/** A checked TOWS strategy with its items split by quadrant. */
export interface TowsStrategyResult {
  /** The strategy's id. */
  readonly id: string;
  /** SO, ST, WO or WT. */
  readonly kind: TowsKind;
  /** What the strategy does. */
  readonly text: string;
  /** Linked strengths, in the order given. */
  readonly strengths: readonly string[];
  /** Linked weaknesses, in the order given. */
  readonly weaknesses: readonly string[];
  /** Linked opportunities, in the order given. */
  readonly opportunities: readonly string[];
  /** Linked threats, in the order given. */
  readonly threats: readonly string[];
  /** Solutions that carry it out. */
  readonly solutions: readonly string[];
}

/** How often one SWOT item is used. */
export interface TowsItemUsage {
  /** The item's id. */
  readonly item: string;
  /** Its quadrant. */
  readonly quadrant: SwotQuadrant;
  /** Ids of the strategies that use it, in result order. */
  readonly strategies: readonly string[];
}

/** The result of `crossSwot`. */
export interface CrossSwotResult {
  /** The strategies, ordered by kind (SO, ST, WO, WT), then by id. */
  readonly strategies: readonly TowsStrategyResult[];
  /** Strategy ids in each cell of the TOWS matrix. */
  readonly matrix: Readonly<Record<TowsKind, readonly string[]>>;
  /** Items that no strategy uses, per quadrant, in the SWOT's order. */
  readonly unused: {
    readonly strengths: readonly string[];
    readonly weaknesses: readonly string[];
    readonly opportunities: readonly string[];
    readonly threats: readonly string[];
  };
  /** Every item with the strategies that use it, strengths first, then weaknesses, opportunities, threats. */
  readonly usage: readonly TowsItemUsage[];
  /** Strategies linked to no solution. */
  readonly strategiesWithoutSolutions: readonly string[];
  /** Whether solution ids were checked against `options.solutions`. */
  readonly solutionsChecked: boolean;
}
