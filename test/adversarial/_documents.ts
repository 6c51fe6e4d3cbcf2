/** Valid documents the adversarial tests start from (fresh JSON copies, safe to mutate). */
import { iccCitizenParticipation } from "../../src/frameworks/iccCitizenParticipation.js";
import { createReport } from "../../src/report/createReport.js";
import { serialiseReport } from "../../src/report/serialiseReport.js";
import { parseAssessment } from "../../src/schema/parseAssessment.js";
import { sofiaJson } from "../helpers/sofia.js";

let reportText: string | null = null;

/** The report of the Sofia example, as JSON data. */
export function validReport(): Record<string, unknown> {
  reportText ??= serialiseReport(
    createReport(parseAssessment(sofiaJson()), { generatedAt: "2021-02-15" }),
  );
  return JSON.parse(reportText) as Record<string, unknown>;
}

/** The built-in ICC citizen-participation framework as JSON data. */
export function validFramework(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(iccCitizenParticipation)) as Record<string, unknown>;
}
