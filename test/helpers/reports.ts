import { builtinFrameworks } from "../../src/frameworks/builtinFrameworks.js";
import { createReport } from "../../src/report/createReport.js";
import { parseAssessment } from "../../src/schema/parseAssessment.js";
import { parseReport } from "../../src/schema/parseReport.js";
import type { Report } from "../../src/schema/report.js";
import { sofiaJson } from "./sofia.js";

/** A minimal valid report document (a fresh copy on each call, safe to mutate). */
export const minimalReport = () => ({
  formatVersion: "1.0",
  kind: "icc-assessment-report",
  city: { id: "sofia", name: "Sofia", country: "BG" },
  programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
  track: { id: "citizenParticipationDigitalPublicAdministration" },
  provenance: {
    library: { name: "icc-assessment", version: "0.1.0" },
    methodologyVersion: "1.0.0",
    frameworks: [],
    parameters: {},
    inputDigest: `sha256:${"0".repeat(64)}`,
    generatedAt: "2021-02-15",
  },
  sections: {},
});

/**
 * The report of the Sofia example (parsed against the built-in frameworks), generated on
 * 2021-02-15 with `draws` stability draws.
 */
export function sofiaReport(draws = 200): Report {
  return createReport(parseAssessment(sofiaJson(), { frameworks: builtinFrameworks }), {
    generatedAt: "2021-02-15",
    stability: { draws },
  });
}

/** The reports of the Sofia example of 2021 and its 2022 follow-up, without stability draws. */
export function sofiaReports(): [Report, Report] {
  const options = { generatedAt: "2022-02-20", stability: false } as const;
  const of = (file?: string) =>
    createReport(parseAssessment(sofiaJson(file), { frameworks: builtinFrameworks }), options);
  return [of(), of("assessment-2022.json")];
}

/**
 * A report changed as JSON and parsed again: parsed reports are frozen and marked, so a test that
 * needs a variant edits a plain copy and goes through `parseReport`, as a published one would.
 */
export function reparse(report: Report, change: (json: Record<string, any>) => void): Report {
  const json = JSON.parse(JSON.stringify(report)) as Record<string, any>;
  change(json);
  return parseReport(json);
}
