import { describe, expect, it } from "vitest";
import { issue } from "../../test/helpers/errors.js";
import { sofiaReports } from "../../test/helpers/reports.js";
import { compareReports } from "./compareReports.js";
import { renderComparisonMarkdown } from "./renderComparisonMarkdown.js";

const [r2021, r2022] = sofiaReports();

describe("renderComparisonMarkdown", () => {
  it("writes the reports, maturity with changes, ranks, themes and budgets", () => {
    const md = renderComparisonMarkdown(compareReports([r2021, r2022]));
    expect(md.split("\n").filter((l) => l.startsWith("## "))).toStrictEqual([
      "## Reports",
      "## Maturity profile",
      "## Rank changes",
      "## Shared solution themes",
      "## Action plan and budget",
    ]);
    expect(md).toMatch(
      /\| \*\*Overall\*\* \| [\d.]+ \\\(\w+\\\) \| [\d.]+ \\\(\w+\\\) \| [+-]?[\d.]+ \|/,
    );
  });

  it("writes Bulgarian with lang bg and refuses what is not a comparison", () => {
    const bg = renderComparisonMarkdown(compareReports([r2021, r2022]), { lang: "bg" });
    expect(bg).toContain("## Промени в класирането");
    expect(issue(() => renderComparisonMarkdown({} as never))).toStrictEqual([
      "invalid_type",
      ["comparison"],
    ]);
    expect(
      issue(() => renderComparisonMarkdown({ reports: [], rankings: [], themes: 3 } as never)),
    ).toStrictEqual(["invalid_document", ["comparison"]]);
  });
});
