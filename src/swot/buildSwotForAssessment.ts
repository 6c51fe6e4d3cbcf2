import { frameworkOf } from "../_lib/frameworkOf.js";
import type { Assessment } from "../schema/assessment.js";
import type { SwotQuadrant } from "../schema/vocabularies.js";
import { assertParsed } from "../_lib/parsed.js";
import type { BuildSwotResult, RatingConvention } from "./buildSwot.js";
import type { CrossSwotResult } from "./crossSwot.js";
import {
  ASSESSMENT_OPTIONS,
  checkIndicators,
  computeSwot,
  toIdSet,
  towsOf,
  type SwotChecks,
} from "./_shared.js";
import { readValue } from "../_lib/readValue.js";

/** Options of {@link buildSwotForAssessment}. */
export interface BuildSwotForAssessmentOptions {
  /**
   * Known indicator ids: when given, every evidence indicator must be one of them (the parser has
   * already checked them against the assessment's framework).
   */
  readonly indicators?: readonly string[] | ReadonlySet<string>;
  /**
   * The rating convention recorded in each SWOT's `parameters`. Default `"david"`, which the
   * parser enforces on every assessment: the option changes no number.
   */
  readonly ratingConvention?: RatingConvention;
}

/** One solution's SWOT. */
export interface SolutionSwot {
  /** The solution's id. */
  readonly solution: string;
  /** The solution's title. */
  readonly title: string;
  /** Its SWOT, or `null` when it has no SWOT items. */
  readonly swot: BuildSwotResult | null;
  /** Why `swot` is `null`, or `null`. */
  readonly reason: string | null;
}

/** The result of {@link buildSwotForAssessment}. */
export interface BuildSwotForAssessmentResult {
  /** The city SWOT, or `null` when the assessment has none. */
  readonly city: BuildSwotResult | null;
  /** Why `city` is `null`, or `null`. */
  readonly cityReason: string | null;
  /** The TOWS strategies of the city SWOT, or `null` when the assessment has none. */
  readonly tows: CrossSwotResult | null;
  /** Why `tows` is `null`, or `null`. */
  readonly towsReason: string | null;
  /** One SWOT per solution, in the assessment's order. */
  readonly solutions: readonly SolutionSwot[];
}

/** Whether the assessment embeds the framework its maturity part uses. */
function embedsItsFramework(a: Assessment): boolean {
  return frameworkOf(a, []) !== undefined;
}

/**
 * Builds the city SWOT, its TOWS strategies, and one SWOT per solution from an assessment.
 *
 * Rules: those of {@link buildSwot} for each SWOT and of {@link crossSwot} for the strategies in
 * `assessment.tows`. The ICC analyses the city in a SWOT and each priority solution in its own
 * SWOT (documented: DCC assessment reports; Innovative Sofia, February 2021). A city or solution
 * without SWOT items gets `null` and the reason, never an empty analysis. The assessment is
 * trusted as parsed: `parseAssessment` has checked every SWOT against the weighted-SWOT rules
 * (ratings and weights all or none per matrix, weights summing to 1, David's rating convention),
 * every evidence link, and every TOWS strategy against the TOWS rules
 * (docs/methodology/needs-swot.md). `parameters.indicatorsChecked` says whether indicator ids were
 * given or the assessment embeds its framework; `parameters.needsChecked` is always true.
 *
 * @param assessment - the parsed assessment (needs, `swot`, `tows`, solutions)
 * @param options - known indicator ids and the rating convention to record
 * @returns the city SWOT, the TOWS strategies and the SWOT of each solution
 * @throws AssessmentError `not_parsed` (the assessment did not come from `parseAssessment`);
 *   `unknown_reference` (an evidence indicator not among `options.indicators`, with its path
 *   from the assessment root, e.g. `["assessment", "solutions", 2, "swot", 0, "evidence", 0,
 *   "indicator"]`); `invalid_type` or `invalid_value` (a malformed option)
 * @example
 * ```ts
 * import { parseAssessment } from "icc-assessment/schema";
 * import { buildSwotForAssessment } from "icc-assessment/swot";
 * const assessment = parseAssessment({
 *   formatVersion: "1.0",
 *   city: { id: "sofia", name: "Sofia", country: "BG" },
 *   programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
 *   track: { id: "citizenParticipationDigitalPublicAdministration" },
 *   stakeholders: [],
 *   workshops: [],
 *   needs: [],
 *   swot: [
 *     { id: "s1", quadrant: "strength", text: "Active IT clusters" },
 *     { id: "o1", quadrant: "opportunity", text: "EU recovery funds" },
 *   ],
 *   tows: [{ id: "so1", kind: "SO", items: ["s1", "o1"], text: "Bid with the clusters" }],
 *   solutions: [{ id: "portal", title: "Open-data portal", readiness: "idea" }],
 * });
 * const r = buildSwotForAssessment(assessment);
 * r.city?.counts.strength; // => 1
 * r.tows?.matrix.SO; // => ["so1"]
 * r.solutions[0].reason; // => "the solution has no SWOT items"
 * ```
 */
export function buildSwotForAssessment(
  assessment: Assessment,
  options: BuildSwotForAssessmentOptions = {},
): BuildSwotForAssessmentResult {
  assertParsed(assessment, "assessment");
  readValue(options, ASSESSMENT_OPTIONS, ["options"]);
  const given = toIdSet(options.indicators);
  const checks: SwotChecks = {
    ratingConvention: options.ratingConvention ?? "david",
    indicatorsChecked: given !== null || embedsItsFramework(assessment),
    needsChecked: true,
  };

  const citySwot = assessment.swot ?? [];
  if (given) checkIndicators(citySwot, given, ["assessment", "swot"]);
  const city = citySwot.length > 0 ? computeSwot(citySwot, checks) : null;

  let tows: CrossSwotResult | null = null;
  const links = assessment.tows ?? [];
  if (links.length > 0) {
    // the parser resolves every linked item among the city SWOT items, so there is a city SWOT
    const c = city as BuildSwotResult;
    const order = [...c.strengths, ...c.weaknesses, ...c.opportunities, ...c.threats];
    const quadrantOf = new Map<string, SwotQuadrant>();
    for (const item of order) quadrantOf.set(item.id, item.quadrant);
    tows = towsOf(order, quadrantOf, links, true);
  }

  const solutions = assessment.solutions.map((s, i): SolutionSwot => {
    const items = s.swot ?? [];
    if (items.length === 0)
      return {
        solution: s.id,
        title: s.title,
        swot: null,
        reason: "the solution has no SWOT items",
      };
    if (given) checkIndicators(items, given, ["assessment", "solutions", i, "swot"]);
    return { solution: s.id, title: s.title, swot: computeSwot(items, checks), reason: null };
  });

  return {
    city,
    cityReason: city ? null : "the assessment has no city SWOT items",
    tows,
    towsReason: tows ? null : "the assessment has no TOWS strategies",
    solutions,
  };
}
