import { describe, expect, it } from "vitest";
import { issue } from "../../test/helpers/errors.js";
import { sofiaReports } from "../../test/helpers/reports.js";
import { compareReports } from "./compareReports.js";
import { renderComparisonHtml } from "./renderComparisonHtml.js";

const [r2021, r2022] = sofiaReports();

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
