import type { Assessment } from "../schema/assessment.js";
import { assertParsed } from "../_lib/parsed.js";

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
 * The assessment is trusted as parsed: every addressed need exists and no solution lists one twice.
 *
 * @param assessment - the parsed assessment (needs and solutions)
 * @returns the coverage both ways, the gaps and the counts
 * @throws AssessmentError `not_parsed` (the assessment did not come from `parseAssessment`)
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
  assertParsed(assessment, "assessment");
  const { needs, solutions } = assessment;
  const byNeed = new Map<string, string[]>();
  for (const n of needs) byNeed.set(n.id, []);
  let links = 0;
  let withNeeds = 0;
  const solutionsWithoutNeeds: string[] = [];
  const covering: CoveringSolution[] = solutions.map((s) => {
    const addressed = s.addressesNeeds ?? [];
    for (const n of addressed) (byNeed.get(n) as string[]).push(s.id);
    links += addressed.length;
    if (addressed.length > 0) withNeeds++;
    else solutionsWithoutNeeds.push(s.id);
    return { id: s.id, title: s.title, needs: [...addressed] };
  });

  const uncoveredNeeds: string[] = [];
  const coveredNeeds: CoveredNeed[] = needs.map((n) => {
    const by = byNeed.get(n.id) as string[];
    if (by.length === 0) uncoveredNeeds.push(n.id);
    return { id: n.id, statement: n.statement, solutions: by };
  });
  return {
    needs: coveredNeeds,
    solutions: covering,
    uncoveredNeeds,
    solutionsWithoutNeeds,
    counts: {
      needs: needs.length,
      coveredNeeds: needs.length - uncoveredNeeds.length,
      uncoveredNeeds: uncoveredNeeds.length,
      solutions: solutions.length,
      solutionsWithNeeds: withNeeds,
      solutionsWithoutNeeds: solutionsWithoutNeeds.length,
      links,
    },
  };
}
