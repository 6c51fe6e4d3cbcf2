import { AssessmentError, formatPath, type PathSegment } from "../errors/AssessmentError.js";
import type { SwotItem } from "../schema/entities.js";
import { swotQuadrants } from "../schema/vocabularies.js";
import { describe, failAt } from "../_lib/assert.js";
import {
  ARRAY,
  checkEvidenceIds,
  computeSwot,
  isInternal,
  KNOWN_IDS,
  RATING_CONVENTION,
  TOLERANCE,
  toIdSet,
} from "./_shared.js";
import { readValue, type Rule } from "../_lib/readValue.js";
import type { BuildSwotResult, RatingConvention } from "./_types.js";

export type {
  BuildSwotResult,
  FactorEvaluation,
  FactorEvaluationRow,
  RatingConvention,
  SwotPosition,
} from "./_types.js";

/** Options of {@link buildSwot}. */
export interface BuildSwotOptions {
  /** Known indicator ids; when given, every evidence indicator must be one of them. */
  readonly indicators?: readonly string[] | ReadonlySet<string>;
  /** Known need ids; when given, every evidence need must be one of them. */
  readonly needs?: readonly string[] | ReadonlySet<string>;
  /** How IFE ratings are checked. Default `"david"`. */
  readonly ratingConvention?: RatingConvention;
}

/** One evidence entry of a SWOT item. */
type Evidence = NonNullable<SwotItem["evidence"]>[number];

/** A SWOT item as a plain value. */
const ITEM: Rule = {
  kind: "record",
  name: "SWOT item",
  fields: [
    ["id", { kind: "id" }],
    ["quadrant", { kind: "oneOf", choices: swotQuadrants, required: true }],
    ["text", { kind: "text" }],
    [
      "weight",
      {
        kind: "number",
        min: 0,
        max: 1,
        expected: "must be between 0 and 1",
        weight: true,
        optional: true,
      },
    ],
    [
      "rating",
      { kind: "number", min: 1, max: 4, expected: "must be between 1 and 4", optional: true },
    ],
    ["evidence", { kind: "list", optional: true }],
  ],
};

/** One evidence entry as a plain value (at least one of its fields: checked by `checkItems`). */
const EVIDENCE: Rule = {
  kind: "record",
  name: "evidence",
  fields: [
    ["note", { kind: "string", optional: true }],
    ["indicator", { kind: "text", optional: true }],
    ["need", { kind: "text", optional: true }],
  ],
};

const OPTIONS: Rule = {
  kind: "record",
  fields: [
    ["indicators", KNOWN_IDS],
    ["needs", KNOWN_IDS],
    ["ratingConvention", RATING_CONVENTION],
  ],
};

/** Checks the items (plain values) and returns copies: the input is never returned or changed. */
function checkItems(
  items: unknown,
  indicators: ReadonlySet<string> | null,
  needs: ReadonlySet<string> | null,
): SwotItem[] {
  const path: PathSegment[] = ["items"];
  readValue(items, ARRAY, path);
  const seen = new Set<string>();
  const out: SwotItem[] = [];
  path.push(0);
  for (let i = 0; i < (items as readonly unknown[]).length; i++) {
    path[1] = i;
    const item = (items as readonly SwotItem[])[i] as SwotItem;
    readValue(item, ITEM, path, seen);
    const { id, quadrant, text, weight, rating } = item;
    let evidence: Evidence[] | undefined;
    if (item.evidence !== undefined) {
      evidence = [];
      path.push("evidence", 0);
      for (let j = 0; j < item.evidence.length; j++) {
        path[3] = j;
        const e = item.evidence[j] as Evidence;
        readValue(e, EVIDENCE, path);
        const { indicator, need, note } = e;
        if (indicator === undefined && need === undefined && note === undefined)
          failAt("missing_field", path.slice(), "evidence needs an indicator, a need or a note");
        checkEvidenceIds(e, indicators, needs, path);
        evidence.push({
          ...(indicator !== undefined ? { indicator } : {}),
          ...(need !== undefined ? { need } : {}),
          ...(note !== undefined ? { note } : {}),
        });
      }
      path.length = 2;
    }
    out.push({
      id,
      quadrant,
      text,
      ...(weight !== undefined ? { weight } : {}),
      ...(rating !== undefined ? { rating } : {}),
      ...(evidence !== undefined ? { evidence } : {}),
    });
  }
  return out;
}

/**
 * Checks one matrix against the weighted-SWOT rules (docs/methodology/needs-swot.md): rated all or
 * none, weighted all or none, weights summing to 1, and David's convention in the IFE.
 */
function checkMatrix(
  matrix: "IFE" | "EFE",
  list: readonly SwotItem[],
  convention: RatingConvention,
): void {
  const what = matrix === "IFE" ? "strengths and weaknesses" : "opportunities and threats";
  const entries: number[] = [];
  let rated = 0;
  let weighted = 0;
  for (let i = 0; i < list.length; i++) {
    const item = list[i] as SwotItem;
    if (isInternal(item.quadrant) !== (matrix === "IFE")) continue;
    entries.push(i);
    if (item.rating !== undefined) rated++;
    if (item.weight !== undefined) weighted++;
  }
  if (rated === 0 && weighted === 0) return;
  const unrated = entries.find((i) => list[i]?.rating === undefined);
  if (unrated !== undefined) {
    failAt(
      "missing_field",
      ["items", unrated, "rating"],
      `every one of the ${what} needs a rating once one has a weight or rating (${rated} of ${entries.length} rated)`,
    );
  }
  if (convention === "david" && matrix === "IFE") {
    for (const i of entries) {
      const { quadrant, rating } = list[i] as SwotItem & { rating: number };
      if (quadrant === "strength" ? rating < 3 : rating > 2) {
        failAt(
          "out_of_range",
          ["items", i, "rating"],
          quadrant === "strength"
            ? `a strength is rated 3 (minor strength) or 4 (major strength) in an IFE matrix, got ${describe(rating)}; pass ratingConvention: "free" to allow any rating from 1 to 4`
            : `a weakness is rated 1 (major weakness) or 2 (minor weakness) in an IFE matrix, got ${describe(rating)}; pass ratingConvention: "free" to allow any rating from 1 to 4`,
        );
      }
    }
  }
  if (weighted === 0) return;
  const unweighted = entries.find((i) => list[i]?.weight === undefined);
  if (unweighted !== undefined) {
    failAt(
      "missing_field",
      ["items", unweighted, "weight"],
      `every one of the ${what} needs a weight once one has a weight (${weighted} of ${entries.length} weighted), or none for equal weights`,
    );
  }
  let sum = 0;
  for (const i of entries) sum += list[i]?.weight as number;
  if (Math.abs(sum - 1) > TOLERANCE) {
    throw new AssessmentError(
      entries.map((i) => {
        const p = ["items", i, "weight"];
        return {
          code: "invalid_value" as const,
          path: p,
          message: `the weights of the ${what} must sum to 1 (±${TOLERANCE}), got ${sum}; this weight is ${list[i]?.weight} (${formatPath(p)})`,
        };
      }),
    );
  }
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
 * docs/methodology/needs-swot.md, Weighted SWOT). The position maps the two totals onto the
 * quadrants of the SPACE matrix (labels from David, ch. 6; the mapping is designed by this project,
 * docs/methodology/needs-swot.md, Strategic position):
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
  readValue(options, OPTIONS, ["options"]);
  const indicators = toIdSet(options.indicators);
  const needs = toIdSet(options.needs);
  const ratingConvention = options.ratingConvention ?? "david";
  const list = checkItems(items, indicators, needs);
  if (list.length === 0)
    failAt("empty", ["items"], "items must not be empty: a SWOT needs at least one item");
  checkMatrix("IFE", list, ratingConvention);
  checkMatrix("EFE", list, ratingConvention);
  return computeSwot(list, {
    ratingConvention,
    indicatorsChecked: indicators !== null,
    needsChecked: needs !== null,
  });
}
