import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { issue } from "../../test/helpers/errors.js";
import { sofiaJson } from "../../test/helpers/sofia.js";
import { recommendActions } from "../benchmark/recommendActions.js";
import { builtinFrameworks } from "../frameworks/builtinFrameworks.js";
import { iccCitizenParticipation } from "../frameworks/iccCitizenParticipation.js";
import { parseAssessment } from "../schema/parseAssessment.js";
import { parseReport } from "../schema/parseReport.js";
import { createReport } from "./createReport.js";
import { DEFAULT_RECOMMENDATIONS, recommendationsRecord } from "./_recommendations.js";
import { renderHtml } from "./renderHtml.js";
import { renderMarkdown } from "./renderMarkdown.js";
import { serialiseReport } from "./serialiseReport.js";

const parse = (json: Record<string, unknown>) =>
  parseAssessment(json, { frameworks: builtinFrameworks });
const sofia = parse(sofiaJson());
const options = { generatedAt: "2021-02-15", stability: false } as const;
const report = createReport(sofia, options);
const section = report.sections.recommendations;

describe("createReport: What would raise our maturity", () => {
  it("records recommendActions' result on the report's unit, the first 10", () => {
    const direct = recommendActions(sofia, iccCitizenParticipation, {
      unit: "sofia",
      limit: DEFAULT_RECOMMENDATIONS,
    });
    expect(section).toStrictEqual(recommendationsRecord(direct, 10));
    expect(section?.items).toHaveLength(10);
    expect(report.provenance.parameters["recommendations"]).toStrictEqual({
      unit: "sofia",
      limit: 10,
      provenance: "designed",
      rule: direct.rule,
    });
  });

  it("the top recommendation's gain is the overall score of the report with that answer changed, minus the score now", () => {
    const top = section?.items[0];
    expect(top).toBeDefined();
    const json = sofiaJson();
    const maturity = json["maturity"] as {
      observations: { unit: string; indicator: string; value: unknown }[];
    };
    const o = maturity.observations.find(
      (x) => x.unit === "sofia" && x.indicator === top?.indicator,
    );
    if (o) o.value = top?.suggested;
    else
      maturity.observations.push({
        unit: "sofia",
        indicator: top?.indicator as string,
        value: top?.suggested,
      });
    const changed = createReport(parse(json), { ...options, recommendations: false });
    const before = report.sections.maturity?.overall.score as number;
    const after = changed.sections.maturity?.overall.score as number;
    expect(top?.gain).toBeCloseTo(after - before, 9);
    expect(top?.gain).toBeGreaterThan(0);
    // its dimension's score in the changed report is the one recorded
    const dim = changed.sections.maturity?.dimensions.find((d) => d.id === top?.dimension);
    expect(top?.dimensionScore.after).toBeCloseTo(dim?.score as number, 9);
  });

  it("is ordered by gain, ranked 1…n, and each item's dimension is one of the gaps", () => {
    const items = section?.items ?? [];
    const gaps = new Set(section?.dimensions.map((d) => d.id));
    items.forEach((x, i) => {
      expect(x.rank).toBe(i + 1);
      expect(gaps.has(x.dimension)).toBe(true);
      if (i > 0) expect((items[i - 1]?.gain as number) >= (x.gain as number)).toBe(true);
    });
  });

  it("keeps `limit` recommendations, or none of the section with false", () => {
    const three = createReport(sofia, { ...options, recommendations: { limit: 3 } });
    expect(three.sections.recommendations?.items.map((x) => x.indicator)).toStrictEqual(
      section?.items.slice(0, 3).map((x) => x.indicator),
    );
    expect(three.sections.recommendations?.limit).toBe(3);
    const none = createReport(sofia, { ...options, recommendations: false });
    expect(none.sections.recommendations).toBeUndefined();
    expect(none.provenance.parameters["recommendations"]).toBeUndefined();
  });

  it("is absent without maturity answers, and says there is no gap when every dimension is at its target", () => {
    const json = sofiaJson();
    delete json["maturity"];
    expect(createReport(parse(json), options).sections.recommendations).toBeUndefined();
    const empty = sofiaJson();
    (empty["maturity"] as { observations: unknown[] }).observations = [];
    expect(createReport(parse(empty), options).sections.recommendations).toBeUndefined();
    const later = createReport(parse(sofiaJson("assessment-2022.json")), options);
    expect(later.sections.recommendations?.dimensions).toStrictEqual([]);
    expect(later.sections.recommendations?.items).toStrictEqual([]);
    expect(renderMarkdown(later)).toContain(
      "Every dimension is at its target level \\(or at the top level\\): there is no gap to close.",
    );
  });

  it("round-trips through JSON and parseReport", () => {
    const text = serialiseReport(report);
    expect(serialiseReport(parseReport(JSON.parse(text)))).toBe(text);
  });

  it("renders after the maturity profile in en and bg, questions and answers in the report language", () => {
    const en = renderMarkdown(report);
    const headings = en.split("\n").filter((l) => l.startsWith("## "));
    expect(headings.indexOf("## What would raise our maturity")).toBe(
      headings.indexOf("## Maturity profile") + 1,
    );
    expect(en).toContain(
      "| 1 | Integration platform | Technology and interoperability | no | **yes** |",
    );
    const bg = renderMarkdown(report, { lang: "bg" });
    expect(bg).toContain("## Какво би повишило зрелостта ни");
    expect(bg).toContain(
      "| 1 | Платформа за интеграция | Технологии и оперативна съвместимост | не | **да** |",
    );
    expect(new MarkdownIt().render(bg)).toMatch(/<th[^>]*>Предложен отговор<\/th>/);
    const page = renderHtml(report, { lang: "bg" });
    expect(page).toContain('<section id="recommendations">');
    expect(page).toContain("<strong>да</strong>");
  });

  it("refuses a bad option with its path", () => {
    expect(
      issue(() => createReport(sofia, { ...options, recommendations: { limit: 0 } })),
    ).toStrictEqual(["out_of_range", ["options", "recommendations", "limit"]]);
    expect(
      issue(() => createReport(sofia, { ...options, recommendations: { limit: "3" as never } })),
    ).toStrictEqual(["invalid_type", ["options", "recommendations", "limit"]]);
    expect(
      issue(() => createReport(sofia, { ...options, recommendations: true as never })),
    ).toStrictEqual(["invalid_type", ["options", "recommendations"]]);
  });
});
