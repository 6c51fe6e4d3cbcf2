import { describe, expect, it } from "vitest";
import { sofiaJson } from "../../test/helpers/sofia.js";
import { AssessmentError } from "../errors/AssessmentError.js";
import { builtinFrameworks } from "../frameworks/builtinFrameworks.js";
import { parseAssessment } from "../schema/parseAssessment.js";
import { compareReports } from "./compareReports.js";
import { createReport } from "./createReport.js";
import { renderComparisonMarkdown } from "./renderComparisonMarkdown.js";

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
