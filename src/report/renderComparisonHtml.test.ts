import { describe, expect, it } from "vitest";
import { sofiaJson } from "../../test/helpers/sofia.js";
import { AssessmentError } from "../errors/AssessmentError.js";
import { builtinFrameworks } from "../frameworks/builtinFrameworks.js";
import { parseAssessment } from "../schema/parseAssessment.js";
import { compareReports } from "./compareReports.js";
import { createReport } from "./createReport.js";
import { renderComparisonHtml } from "./renderComparisonHtml.js";

const options = { generatedAt: "2022-02-20", stability: false } as const;
const r2021 = createReport(
  parseAssessment(sofiaJson(), { frameworks: builtinFrameworks }),
  options,
);
const r2022 = createReport(
  parseAssessment(sofiaJson("assessment-2022.json"), { frameworks: builtinFrameworks }),
  options,
);

function issue(f: () => unknown): [string, readonly unknown[]] {
  try {
    f();
  } catch (e) {
    if (e instanceof AssessmentError) return [e.code, e.issues[0]?.path ?? []];
    throw e;
  }
  throw new Error("expected an AssessmentError");
}

describe("renderComparisonHtml", () => {
  it("draws maturity by dimension as grouped bars in a self-contained page", () => {
    const html = renderComparisonHtml(compareReports([r2021, r2022]), { lang: "en" });
    expect(html).toContain('data-chart="comparisonMaturity"');
    expect(html).not.toMatch(/<script|https?:/);
    expect(renderComparisonHtml(compareReports([r2021, r2022]))).toBe(html);
    expect(issue(() => renderComparisonHtml(null as never))).toStrictEqual([
      "invalid_type",
      ["comparison"],
    ]);
  });
});
