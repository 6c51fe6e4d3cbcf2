import type { PathSegment } from "../errors/AssessmentError.js";
import type { Assessment } from "../schema/assessment.js";
import type { Solution } from "../schema/entities.js";
import { failAt } from "../_lib/assert.js";
import { assertParsed } from "../_lib/parsed.js";
import {
  solutionDossier,
  type SolutionDossier,
  type SolutionDossierOptions,
} from "./solutionDossier.js";
import { ARRAY } from "./_shared.js";
import { readValue, type Rule } from "../_lib/readValue.js";

/** What can be missing before a solution can enter an action plan, in the order it is checked. */
export const dossierGapCodes = [
  "noNeeds",
  "noLead",
  "noSwot",
  "noResources",
  "budgetWithoutAmount",
  "noSteps",
  "noExpectedResults",
  "noCost",
  "noSchedule",
  "noKpi",
  "kpiWithoutBaseline",
  "kpiWithoutDue",
  "readinessNotEvidenced",
] as const;
/** A kind of dossier gap. */
export type DossierGapCode = (typeof dossierGapCodes)[number];

/** One thing missing from a solution's dossier. */
export interface DossierGap {
  /** What is missing. */
  readonly code: DossierGapCode;
  /** Where, relative to the solution (`["kpis", 1, "baseline"]`). */
  readonly path: readonly PathSegment[];
  /** The gap in words. */
  readonly message: string;
}

/** The result of {@link dossierGaps}. */
export interface DossierGapsResult {
  /** The solution's id. */
  readonly solution: string;
  /** Whether nothing is missing. */
  readonly ready: boolean;
  /** The gaps, in the order of {@link dossierGapCodes} (KPI gaps in KPI order). */
  readonly gaps: readonly DossierGap[];
}

function isDossier(subject: unknown): subject is SolutionDossier {
  return (
    typeof subject === "object" &&
    subject !== null &&
    typeof (subject as { readiness?: unknown }).readiness === "object" &&
    typeof (subject as { solution?: unknown }).solution === "object"
  );
}

const RECORD: Rule = { kind: "record", fields: [] };

/** The parts of a dossier (a plain value) that {@link dossierGaps} reads. */
const DOSSIER: Rule = {
  kind: "record",
  fields: [
    ["needs", ARRAY],
    ["steps", ARRAY],
    ["expectedResults", ARRAY],
    ["kpis", ARRAY],
    ["partners", ARRAY],
    ["resources", { kind: "record", fields: [["items", ARRAY]] }],
    ["schedule", RECORD],
    ["solution", RECORD],
  ],
};

/**
 * Lists what is missing before a solution can enter an action plan, each gap with a code, a path
 * relative to the solution and a message.
 *
 * Rule (designed by this project, docs/methodology/needs-swot.md, Gaps before the action plan): a
 * plan-ready solution addresses a need, has a lead, a SWOT, resources (a budget resource with an
 * amount), steps, expected results, a cost, a schedule (an end date or a duration, so that it can
 * be placed in a horizon) and at least one KPI, every KPI with a baseline and a due date, and
 * evidence that supports its declared readiness. The ICC documents the per-solution analysis (SWOT,
 * resources, steps, expected results) and the need for KPIs; the list as a gate is ours.
 *
 * @param subject - a dossier from {@link solutionDossier}, or a solution of `assessment` (its
 *   dossier is built)
 * @param assessment - the parsed assessment, needed when `subject` is a solution
 * @param options - passed to {@link solutionDossier} when `subject` is a solution
 * @returns the solution id, whether it is ready, and the gaps
 * @throws AssessmentError `missing_field` (a solution without the assessment), `not_parsed` (an
 *   assessment that did not come from `parseAssessment`), `invalid_type` (a malformed dossier),
 *   and the codes of {@link solutionDossier}
 * @example
 * ```ts
 * import { parseAssessment } from "icc-assessment/schema";
 * import { dossierGaps } from "icc-assessment/swot";
 * const assessment = parseAssessment({
 *   formatVersion: "1.0",
 *   city: { id: "sofia", name: "Sofia", country: "BG" },
 *   programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
 *   track: { id: "citizenParticipationDigitalPublicAdministration" },
 *   stakeholders: [],
 *   workshops: [],
 *   needs: [{ id: "n1", statement: "Open data", raisedBy: [] }],
 *   solutions: [{
 *     id: "portal", title: "Open-data portal", readiness: "idea", addressesNeeds: ["n1"],
 *     kpis: [{ id: "k1", title: "Datasets", unit: "datasets", target: 50, due: "2022-06-30" }],
 *   }],
 * });
 * const r = dossierGaps(assessment.solutions[0], assessment);
 * r.ready; // => false
 * r.gaps.map((g) => g.code).slice(0, 3); // => ["noLead", "noSwot", "noResources"]
 * r.gaps.find((g) => g.code === "kpiWithoutBaseline")?.path; // => ["kpis", 0, "baseline"]
 * ```
 */
export function dossierGaps(
  subject: SolutionDossier | Solution,
  assessment?: Assessment,
  options: SolutionDossierOptions = {},
): DossierGapsResult {
  let d: SolutionDossier;
  if (isDossier(subject)) {
    if (assessment !== undefined) assertParsed(assessment, "assessment");
    readValue(subject, DOSSIER, ["dossier"]);
    d = subject;
  } else {
    if (assessment === undefined) {
      failAt(
        "missing_field",
        ["assessment"],
        "the assessment is needed to build the dossier of a solution",
      );
    }
    d = solutionDossier(subject, assessment, options);
  }
  const gaps: DossierGap[] = [];
  const gap = (code: DossierGapCode, path: readonly PathSegment[], message: string) =>
    gaps.push({ code, path, message });

  if (d.needs.length === 0) gap("noNeeds", ["addressesNeeds"], "the solution addresses no need");
  if (d.lead === null) gap("noLead", ["lead"], "no lead stakeholder is named");
  if (d.swot === null) gap("noSwot", ["swot"], "the solution has no SWOT analysis");
  if (d.resources.items.length === 0)
    gap("noResources", ["resources"], "no resources are identified");
  d.resources.items.forEach((r, i) => {
    if (r.kind === "budget" && r.cost === null) {
      gap(
        "budgetWithoutAmount",
        ["resources", i, "cost"],
        `the budget resource "${r.description}" has no amount`,
      );
    }
  });
  if (d.steps.length === 0) gap("noSteps", ["steps"], "no implementation steps are defined");
  if (d.expectedResults.length === 0)
    gap("noExpectedResults", ["expectedResults"], "no expected result is stated");
  if (d.cost === null) gap("noCost", ["cost"], "the cost is not estimated");
  if (d.schedule.end === null && d.schedule.duration === null) {
    gap(
      "noSchedule",
      ["end"],
      "no end date or duration, so the solution cannot be placed in a horizon",
    );
  }
  if (d.kpis.length === 0) gap("noKpi", ["kpis"], "no KPI is defined");
  const kpiGaps: DossierGap[] = [];
  d.kpis.forEach((k, i) => {
    if (k.baseline === undefined || k.baseline === null) {
      kpiGaps.push({
        code: "kpiWithoutBaseline",
        path: ["kpis", i, "baseline"],
        message: `KPI "${k.id}" has no baseline`,
      });
    }
    if (k.due === undefined) {
      kpiGaps.push({
        code: "kpiWithoutDue",
        path: ["kpis", i, "due"],
        message: `KPI "${k.id}" has no due date`,
      });
    }
  });
  gaps.push(
    ...kpiGaps.filter((g) => g.code === "kpiWithoutBaseline"),
    ...kpiGaps.filter((g) => g.code === "kpiWithoutDue"),
  );
  if (!d.readiness.consistent) {
    gap(
      "readinessNotEvidenced",
      ["readiness"],
      `declared "${d.readiness.declared}" but the record supports "${d.readiness.level}"; missing: ${d.readiness.missingForDeclared.join("; ")}`,
    );
  }
  return { solution: d.solution.id, ready: gaps.length === 0, gaps };
}
