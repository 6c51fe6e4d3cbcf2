import type { Assessment } from "../schema/assessment.js";
import { readAssessment, readNeeds, readSolutions, readStakeholders } from "./_shared.js";

/** A need and the solutions that address it. */
export interface CoveredNeed {
  /** The need's id. */
  readonly id: string;
  /** The need's statement. */
  readonly statement: string;
  /** Ids of the solutions that address it, in the assessment's order. */
  readonly solutions: readonly string[];
}

/** A solution and the needs it addresses. */
export interface CoveringSolution {
  /** The solution's id. */
  readonly id: string;
  /** The solution's title. */
  readonly title: string;
  /** Ids of the needs it addresses, as the solution lists them. */
  readonly needs: readonly string[];
}

/** The result of {@link needCoverage}. */
export interface NeedCoverageResult {
  /** Every need with the solutions addressing it, in the assessment's order. */
  readonly needs: readonly CoveredNeed[];
  /** Every solution with the needs it addresses, in the assessment's order. */
  readonly solutions: readonly CoveringSolution[];
  /** Needs that no solution addresses. */
  readonly uncoveredNeeds: readonly string[];
  /** Solutions that address no need. */
  readonly solutionsWithoutNeeds: readonly string[];
  /** Counts: covered + uncovered = needs; with + without = solutions; links counted once per pair. */
  readonly counts: {
    readonly needs: number;
    readonly coveredNeeds: number;
    readonly uncoveredNeeds: number;
    readonly solutions: number;
    readonly solutionsWithNeeds: number;
    readonly solutionsWithoutNeeds: number;
    readonly links: number;
  };
}

/**
 * Shows which solutions address which needs, the needs no solution addresses, and the solutions
 * that address no need.
 *
 * Rule: a solution addresses a need when the need's id is in its `addressesNeeds`. The ICC asks
 * that strategies rest on the needs stakeholders stated (documented, intelligentcitieschallenge.eu
 * City Lab 1); the table itself is designed by this project. Lists keep the assessment's order.
 *
 * @param assessment - the assessment (stakeholders, needs and solutions)
 * @returns the coverage both ways, the gaps and the counts
 * @throws AssessmentError `invalid_type` (a field of the wrong type), `duplicate_id` (need,
 *   solution or stakeholder id repeated, or a need listed twice by one solution),
 *   `unknown_reference` (a solution addresses an unknown need, a need names an unknown stakeholder)
 * @example
 * ```ts
 * import { parseAssessment } from "icc-assessment/schema";
 * import { needCoverage } from "icc-assessment/needs";
 * const assessment = parseAssessment({
 *   formatVersion: "1.0",
 *   city: { id: "sofia", name: "Sofia", country: "BG" },
 *   programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
 *   track: { id: "citizenParticipationDigitalPublicAdministration" },
 *   stakeholders: [],
 *   workshops: [],
 *   needs: [
 *     { id: "n-data", statement: "Open data", raisedBy: [] },
 *     { id: "n-skills", statement: "Data skills", raisedBy: [] },
 *   ],
 *   solutions: [
 *     { id: "portal", title: "Open-data portal", readiness: "concept", addressesNeeds: ["n-data"] },
 *     { id: "chatbot", title: "Chatbot", readiness: "idea" },
 *   ],
 * });
 * const c = needCoverage(assessment);
 * c.uncoveredNeeds; // => ["n-skills"]
 * c.solutionsWithoutNeeds; // => ["chatbot"]
 * ```
 */
export function needCoverage(assessment: Assessment): NeedCoverageResult {
  const a = readAssessment(assessment);
  const needs = readNeeds(a, readStakeholders(a));
  const solutions = readSolutions(a, new Set(needs.map((n) => n.id)));

  const byNeed = new Map<string, string[]>(needs.map((n) => [n.id, []]));
  for (const s of solutions) for (const n of s.needs) (byNeed.get(n) as string[]).push(s.id);

  const coveredNeeds: CoveredNeed[] = needs.map((n) => ({
    id: n.id,
    statement: n.statement,
    solutions: byNeed.get(n.id) as string[],
  }));
  const uncoveredNeeds = coveredNeeds.filter((n) => n.solutions.length === 0).map((n) => n.id);
  const solutionsWithoutNeeds = solutions.filter((s) => s.needs.length === 0).map((s) => s.id);
  return {
    needs: coveredNeeds,
    solutions: solutions.map((s) => ({ id: s.id, title: s.title, needs: [...s.needs] })),
    uncoveredNeeds,
    solutionsWithoutNeeds,
    counts: {
      needs: needs.length,
      coveredNeeds: needs.length - uncoveredNeeds.length,
      uncoveredNeeds: uncoveredNeeds.length,
      solutions: solutions.length,
      solutionsWithNeeds: solutions.length - solutionsWithoutNeeds.length,
      solutionsWithoutNeeds: solutionsWithoutNeeds.length,
      links: solutions.reduce((sum, s) => sum + s.needs.length, 0),
    },
  };
}
