import type { Assessment } from "../schema/assessment.js";
import { assertList, assertRecord, assertString, remapErrors } from "../_lib/assert.js";
import type { BuildSwotResult, RatingConvention } from "./buildSwot.js";
import { crossSwot, type CrossSwotResult, type TowsLink } from "./crossSwot.js";
import { embeddedIndicators, idsOf, readIdSet, swotOf } from "./_shared.js";

/** Options of {@link buildSwotForAssessment}. */
export interface BuildSwotForAssessmentOptions {
  /**
   * Known indicator ids for evidence links. Default: the indicators of the assessment's framework
   * when the assessment embeds it; otherwise evidence indicators are not checked.
   */
  readonly indicators?: readonly string[] | ReadonlySet<string>;
  /** How IFE ratings are checked. Default `"david"`. */
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

/**
 * Builds the city SWOT, its TOWS strategies, and one SWOT per solution from an assessment, with
 * every evidence link checked against the assessment's needs (and indicators, when known).
 *
 * Rules: those of {@link buildSwot} for each SWOT and of {@link crossSwot} for the strategies in
 * `assessment.tows` (checked against the city SWOT and the solutions). The ICC analyses the city
 * in a SWOT and each priority solution in its own SWOT (documented: DCC assessment reports;
 * Innovative Sofia, February 2021). A city or solution without SWOT items gets `null` and the
 * reason, never an empty analysis.
 *
 * @param assessment - the assessment (needs, `swot`, `tows`, solutions)
 * @param options - known indicator ids and the rating convention
 * @returns the city SWOT, the TOWS strategies and the SWOT of each solution
 * @throws AssessmentError the codes of {@link buildSwot} and {@link crossSwot}, with paths from
 *   the assessment root (`["assessment", "solutions", 2, "swot", 0, "rating"]`), and
 *   `invalid_type` for a field of the wrong type
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
  assertRecord(assessment as unknown, ["assessment"], "assessment");
  const a = assessment as unknown as Readonly<Record<string, unknown>>;
  assertRecord(options as unknown, ["options"], "options");
  const needs = idsOf(
    assertList(a["needs"], ["assessment", "needs"], "needs"),
    ["assessment", "needs"],
    "need",
  );
  const given = readIdSet(options.indicators, ["options", "indicators"], "indicators");
  const indicators = given ?? embeddedIndicators(a);
  const swotOptions = {
    needs,
    ...(indicators ? { indicators } : {}),
    ...(options.ratingConvention !== undefined
      ? { ratingConvention: options.ratingConvention }
      : {}),
  };

  const citySwot = a["swot"];
  const hasCity = citySwot !== undefined && !(Array.isArray(citySwot) && citySwot.length === 0);
  const city = hasCity ? swotOf(citySwot, ["assessment", "swot"], swotOptions, ["options"]) : null;

  const solutionList = assertList(a["solutions"], ["assessment", "solutions"], "solutions");
  const solutionIds = idsOf(solutionList, ["assessment", "solutions"], "solution");

  let tows: CrossSwotResult | null = null;
  let towsReason: string | null = null;
  const links = a["tows"];
  if (links === undefined || (Array.isArray(links) && links.length === 0)) {
    towsReason = "the assessment has no TOWS strategies";
  } else {
    // without a city SWOT every linked item is unknown, and crossSwot says so
    const swot = city ?? { strengths: [], weaknesses: [], opportunities: [], threats: [] };
    // the first segment of every path (["links", k, …]) becomes ["assessment", "tows"]
    tows = remapErrors(
      () => crossSwot(swot, links as readonly TowsLink[], { solutions: solutionIds }),
      (path) => ["assessment", "tows", ...path.slice(1)],
    );
  }

  const solutions = solutionList.map((s, i): SolutionSwot => {
    const rec = s as Readonly<Record<string, unknown>>;
    const title = rec["title"];
    assertString(title, ["assessment", "solutions", i, "title"], "title");
    const items = rec["swot"];
    const id = rec["id"] as string;
    if (items === undefined || (Array.isArray(items) && items.length === 0)) {
      return { solution: id, title, swot: null, reason: "the solution has no SWOT items" };
    }
    return {
      solution: id,
      title,
      swot: swotOf(items, ["assessment", "solutions", i, "swot"], swotOptions, ["options"]),
      reason: null,
    };
  });

  return {
    city,
    cityReason: city ? null : "the assessment has no city SWOT items",
    tows,
    towsReason,
    solutions,
  };
}
