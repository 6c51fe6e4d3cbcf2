/**
 * Closed vocabularies of the domain, as `as const` arrays with derived union types.
 *
 * This module imports no zod, so computation code can use the values at run time without pulling
 * the schema library into a bundle. Sources: the ICC 2020–22 tracks are documented by the
 * programme (intelligentcitieschallenge.eu, "Wrapping up the 2nd ICC City Lab"); helix groups,
 * stakeholder kinds, workshop kinds, readiness levels, resource kinds and funding sources are
 * designed by this project from the methodology notes in docs/methodology.md.
 */

/** The current exchange-format version written by this library. */
export const FORMAT_VERSION = "1.0" as const;

/** Major versions of the exchange format this library can read. */
export const SUPPORTED_FORMAT_MAJORS = [1] as const;

/**
 * Version of the computation rules. Bumped whenever a computed number for the same input can
 * change (see CHANGELOG.md).
 */
export const METHODOLOGY_VERSION = "1.0.0" as const;

/** The five thematic tracks of the ICC 2020–22 edition (documented). */
export const iccTracks = [
  "greenEconomyLocalGreenDeals",
  "citizenParticipationDigitalPublicAdministration",
  "upskillingReskilling",
  "supplyChainsMobility",
  "greenDigitalTourism",
] as const;
/** One of the five ICC 2020–22 tracks. */
export type IccTrack = (typeof iccTracks)[number];

/** English titles of the ICC 2020–22 tracks, as the programme named them. */
export const iccTrackTitles: Readonly<Record<IccTrack, string>> = {
  greenEconomyLocalGreenDeals: "Green economy and local green deals",
  citizenParticipationDigitalPublicAdministration:
    "Citizen participation and digitisation of public administration",
  upskillingReskilling: "Upskilling and reskilling",
  supplyChainsMobility: "Supply chains, logistics and the economics of mobility",
  greenDigitalTourism: "Green and digital transition in tourism",
};

/** Quadruple-helix groups of a stakeholder (designed: the sources name businesses, knowledge institutions and citizens). */
export const helices = ["public", "business", "academia", "civilSociety"] as const;
/** A quadruple-helix group. */
export type Helix = (typeof helices)[number];

/** Kinds of stakeholder organisation. */
export const stakeholderKinds = [
  "cluster",
  "association",
  "ngo",
  "planningBody",
  "fund",
  "university",
  "company",
  "cityDepartment",
  "citizenGroup",
  "other",
] as const;
/** A kind of stakeholder organisation. */
export type StakeholderKind = (typeof stakeholderKinds)[number];

/** Kinds of workshop and meeting in the ICC/DCC process. */
export const workshopKinds = [
  "needsAssessment",
  "solutionPrioritisation",
  "visionAmbition",
  "strategy",
  "roadmap",
  "peerReview",
  "cityLab",
] as const;
/** A kind of workshop. */
export type WorkshopKind = (typeof workshopKinds)[number];

/** SWOT quadrants. Strengths and weaknesses are internal; opportunities and threats external. */
export const swotQuadrants = ["strength", "weakness", "opportunity", "threat"] as const;
/** A SWOT quadrant. */
export type SwotQuadrant = (typeof swotQuadrants)[number];

/**
 * Kinds of TOWS strategy (Weihrich 1982): SO uses strengths to take opportunities, ST uses
 * strengths to meet threats, WO takes opportunities to overcome weaknesses, WT reduces weaknesses
 * and avoids threats.
 */
export const towsKinds = ["SO", "ST", "WO", "WT"] as const;
/** A TOWS strategy kind. */
export type TowsKind = (typeof towsKinds)[number];

/** Answer types of a maturity indicator. */
export const indicatorTypes = [
  "binary",
  "likert",
  "numeric",
  "categorical",
  "multiSelect",
  "ratingGrid",
] as const;
/** An indicator's answer type. */
export type IndicatorType = (typeof indicatorTypes)[number];

/** Solution readiness, lowest first (level 1 = idea … level 5 = deployed). */
export const readinessLevels = ["idea", "concept", "prepared", "piloted", "deployed"] as const;
/** A solution readiness level. */
export type ReadinessLevel = (typeof readinessLevels)[number];

/** Prioritisation criterion kinds: more is better (benefit) or less is better (cost). */
export const criterionKinds = ["benefit", "cost"] as const;
/** A criterion kind. */
export type CriterionKind = (typeof criterionKinds)[number];

/** Whether a framework or default is documented by a public source, designed by this project, or both. */
export const provenances = ["documented", "designed", "mixed"] as const;
/** A provenance label. */
export type Provenance = (typeof provenances)[number];

/** Aggregation methods (OECD/JRC Handbook; COINr a_amean, a_gmean, a_hmean, generalised mean). */
export const aggregationMethods = ["arithmetic", "geometric", "harmonic", "generalised"] as const;
/** An aggregation method. */
export type AggregationMethod = (typeof aggregationMethods)[number];

/** Normalisation methods (OECD/JRC Handbook; COINr n_* functions). */
export const normalisationMethods = [
  "minMax",
  "zScore",
  "rank",
  "percentRank",
  "borda",
  "distanceToMax",
  "distanceToReference",
  "goalposts",
] as const;
/** A normalisation method. */
export type NormalisationMethod = (typeof normalisationMethods)[number];

/** What an unanswered question means: skipped (weights renormalise) or scored as zero. */
export const unansweredPolicies = ["skip", "zero"] as const;
/** An unanswered-question policy. */
export type UnansweredPolicy = (typeof unansweredPolicies)[number];

/** Kinds of resource a solution needs. */
export const resourceKinds = ["staff", "budget", "partners", "data", "technology"] as const;
/** A resource kind. */
export type ResourceKind = (typeof resourceKinds)[number];

/** Kinds of funding source. */
export const fundingSources = ["eu", "national", "regional", "municipal", "private"] as const;
/** A funding source kind. */
export type FundingSource = (typeof fundingSources)[number];

/** MoSCoW categories. */
export const moscowCategories = ["must", "should", "could", "wont"] as const;
/** A MoSCoW category. */
export type MoscowCategory = (typeof moscowCategories)[number];

/** Which way a KPI should move. */
export const kpiDirections = ["increase", "decrease"] as const;
/** A KPI direction. */
export type KpiDirection = (typeof kpiDirections)[number];

/** Milestone states reported in monitoring. */
export const milestoneStatuses = ["planned", "done", "missed", "cancelled"] as const;
/** A milestone state. */
export type MilestoneStatus = (typeof milestoneStatuses)[number];

// the list lives with nothing else, so no pack of texts is loaded to read it (see _lib/languages.ts)
export { reportLanguages, type ReportLanguage } from "../_lib/languages.js";

/** The documents that have a JSON Schema. */
export const jsonSchemaKinds = ["assessment", "report", "answers"] as const;
/** A document kind. */
export type JsonSchemaKind = (typeof jsonSchemaKinds)[number];

/**
 * The `$id` of a document kind's JSON Schema for format major 1, and the `$schema` a document
 * names: the schema file shipped in the package (`schema/<kind>.v1.json`), served by the jsDelivr
 * npm CDN from the latest published version of the package, so an editor can fetch it and offer
 * completion. The file name carries the format's major version (the package's own version does
 * not matter to a document), so the URL serves from the first release on and stays valid while
 * the package reads format 1. Designed by this project.
 *
 * @param kind - `"assessment"`, `"report"` or `"answers"`
 * @returns the schema's URL
 * @example
 * ```ts
 * import { jsonSchemaId } from "icc-assessment/schema";
 * jsonSchemaId("assessment"); // => "https://cdn.jsdelivr.net/npm/icc-assessment/schema/assessment.v1.json"
 * ```
 */
export function jsonSchemaId(kind: JsonSchemaKind): string {
  return `https://cdn.jsdelivr.net/npm/icc-assessment/schema/${kind}.v1.json`;
}
