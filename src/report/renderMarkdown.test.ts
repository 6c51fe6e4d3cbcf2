import { describe, expect, it } from "vitest";
import { issue } from "../../test/helpers/errors.js";
import { reparse, sofiaReport } from "../../test/helpers/reports.js";
import { edgeAssessment } from "../../test/golden/edge.js";
import { sofiaJson } from "../../test/helpers/sofia.js";
import { builtinFrameworks } from "../frameworks/builtinFrameworks.js";
import { parseAssessment } from "../schema/parseAssessment.js";
import { createReport } from "./createReport.js";
import { en } from "./i18n/en.js";
import { renderMarkdown } from "./renderMarkdown.js";

const report = sofiaReport();

describe("renderMarkdown", () => {
  const md = renderMarkdown(report);

  it("writes the title, the context and one section per stage in English by default", () => {
    const headings = md.split("\n").filter((l) => l.startsWith("## "));
    expect(md.split("\n")[0]).toBe("# Maturity report: Sofia");
    expect(headings).toStrictEqual([
      "## Summary",
      "## Stakeholders",
      "## Workshops",
      "## Maturity profile",
      "## What would raise our maturity",
      "## Ranked needs",
      "## City SWOT and TOWS strategies",
      "## Prioritisation",
      "## Solution dossiers",
      "## Quick wins and long-term projects",
      "## Action plan and budget",
      "## Provenance",
    ]);
    expect(md).toContain(
      "**Track:** Citizen participation and digitisation of public administration",
    );
    expect(md).toContain(`| Input digest | ${report.provenance.inputDigest} |`);
  });

  it("summarises the level, the city's priorities with their ranks, quick wins, long-term projects and budget", () => {
    const summary = md.slice(md.indexOf("## Summary"), md.indexOf("## Stakeholders"));
    expect(summary).toContain(
      `- **Overall maturity:** ${report.sections.maturity?.overall.level?.title}`,
    );
    expect(summary).toContain(
      "- **Priorities chosen by the city \\(with their rank in the computed ranking\\):** Integrated e-participation platform \\(rank 1 of 7\\);",
    );
    expect(summary).toMatch(/- \*\*Quick wins:\*\* .*"Living" information points/);
    expect(summary).toContain("- **Budget:** Cost €725,000.00");
  });

  it("writes numbers, money and dates in Bulgarian with lang bg", () => {
    const bg = renderMarkdown(report, { lang: "bg" });
    expect(bg.split("\n")[0]).toBe("# Доклад за зрелостта: Sofia");
    expect(bg).toContain("## Профил на зрелостта");
    expect(bg).toContain("7 януари 2021 г.");
    expect(bg).toContain("725\u00a0000,00\u00a0€");
  });

  it("takes custom labels for another language", () => {
    const de = renderMarkdown(report, {
      labels: {
        ...en,
        lang: "de",
        locale: "de-DE",
        titles: { ...en.titles, report: "Reifegradbericht: {city}" },
      },
    });
    expect(de.split("\n")[0]).toBe("# Reifegradbericht: Sofia");
    expect(de).toContain("725.000,00\u00a0€");
  });

  it("is deterministic and ends with one newline", () => {
    expect(renderMarkdown(report)).toBe(md);
    expect(md.endsWith("\n")).toBe(true);
    expect(md.endsWith("\n\n")).toBe(false);
  });

  it("writes no raw HTML and no link outside the parameters' JSON code block", () => {
    const prose = md.replace(/```json\n[\s\S]*?\n```/g, "");
    expect(prose).not.toBe(md);
    expect(prose).not.toContain("<");
    expect(prose).not.toMatch(/(?<!\\)\]\(/);
  });

  it("renders a report without sections with a short summary", () => {
    const bare = reparse(report, (json) => (json["sections"] = {}));
    const text = renderMarkdown(bare);
    expect(text).toContain("_No data in the assessment._");
    expect(text.split("\n").filter((l) => l.startsWith("## "))).toStrictEqual([
      "## Summary",
      "## Provenance",
    ]);
  });

  it("refuses what is not a report, or an unknown language, with a path", () => {
    for (const value of [null, { ...report, sections: { needs: 5 } }, { ...report }]) {
      expect(issue(() => renderMarkdown(value as never))).toStrictEqual(["not_parsed", ["report"]]);
    }
    expect(issue(() => renderMarkdown(report, { lang: "fr" as never }))).toStrictEqual([
      "invalid_value",
      ["options", "lang"],
    ]);
    expect(issue(() => renderMarkdown(report, "bg" as never))).toStrictEqual([
      "invalid_type",
      ["options"],
    ]);
  });

  it("refuses custom labels without a usable locale or sections", () => {
    expect(issue(() => renderMarkdown(report, { labels: null as never }))).toStrictEqual([
      "invalid_type",
      ["options", "labels"],
    ]);
    expect(
      issue(() => renderMarkdown(report, { labels: { ...en, lang: 5 } as never })),
    ).toStrictEqual(["invalid_type", ["options", "labels", "lang"]]);
    expect(
      issue(() => renderMarkdown(report, { labels: { ...en, locale: "not a locale!" } })),
    ).toStrictEqual(["invalid_value", ["options", "labels", "locale"]]);
    expect(
      issue(() => renderMarkdown(report, { labels: { ...en, fields: undefined } as never })),
    ).toStrictEqual(["missing_field", ["options", "labels", "fields"]]);
  });

  it("writes missing values as n/a and a custom track by its title", () => {
    const edge = createReport(parseAssessment(edgeAssessment()), {
      generatedAt: "2023-04-01",
      stability: { draws: 20 },
    });
    const text = renderMarkdown(edge);
    expect(text).toContain("**Track:** Smart tourism \\(custom\\)");
    expect(text).toContain("| Empty | n/a | n/a |");
    expect(text).toContain("- Why: coverage 0% is below the minimum 50%");
    expect(text).toContain("| Listed venues | n/a | 40 | venues |");
    expect(text).toContain("- **Long-term projects:** none");
    expect(renderMarkdown(edge, { lang: "bg" })).toContain("| Empty | н/д | н/д |");
  });

  it("leaves out stability columns without stability draws and says why agreement is missing", () => {
    const single = createReport(parseAssessment(sofiaJson(), { frameworks: builtinFrameworks }), {
      generatedAt: "2021-02-15",
      methods: ["votes"],
      stability: false,
    });
    const text = renderMarkdown(single);
    expect(text).toContain("| Rank | Solution | Score | Votes \\(Borda count\\) |");
    expect(text).toContain("- Agreement between methods: only one method was run");
    expect(text).not.toContain("Same rank in draws");
  });
});
