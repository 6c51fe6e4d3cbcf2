import { describe, expect, it } from "vitest";
import { issue } from "../../test/helpers/errors.js";
import { reparse, sofiaReport } from "../../test/helpers/reports.js";
import { edgeAssessment } from "../../test/golden/edge.js";
import { parseAssessment } from "../schema/parseAssessment.js";
import { createReport } from "./createReport.js";
import { en } from "./i18n/en.js";
import { reportCharts } from "./i18n/labels.js";
import { renderHtml } from "./renderHtml.js";

const report = sofiaReport();

describe("renderHtml", () => {
  const html = renderHtml(report);

  it("writes one HTML document in the report language with a policy that forbids scripts and loads", () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    );
    expect(html).toContain("<title>Maturity report: Sofia</title>");
    expect(html.trimEnd().endsWith("</html>")).toBe(true);
  });

  it("draws every chart as inline SVG", () => {
    for (const chart of reportCharts) {
      expect(html).toContain(`data-chart="${chart}"`);
    }
    expect(html.match(/<svg /g)?.length).toBe(reportCharts.length);
  });

  it("loads nothing and runs nothing: no script, no external URL, no resource attribute", () => {
    expect(html).not.toMatch(/<script|<iframe|<img|<link|<object|<embed/i);
    expect(html).not.toMatch(/\s(src|srcset|action|formaction|xlink:href)=/i);
    expect(html).not.toMatch(/https?:|url\(|@import/i);
    for (const m of html.matchAll(/\shref="([^"]*)"/g)) expect(m[1]).toMatch(/^#[a-zA-Z]+$/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it("writes labels, numbers, money and dates in Bulgarian with lang bg", () => {
    const bg = renderHtml(report, { lang: "bg" });
    expect(bg).toContain('<html lang="bg">');
    expect(bg).toContain("<title>Доклад за зрелостта: Sofia</title>");
    expect(bg).toContain("Зрелост по измерения");
    expect(bg).toContain("8 февруари 2021 г.");
    expect(bg).toContain("725&#160;000,00&#160;€".replace(/&#160;/g, "\u00a0"));
  });

  it("takes custom labels for another language", () => {
    const de = renderHtml(report, { labels: { ...en, lang: "de", locale: "de-DE" } });
    expect(de).toContain('<html lang="de">');
    expect(de).toContain("725.000,00\u00a0€");
  });

  it("is deterministic", () => {
    expect(renderHtml(report)).toBe(html);
  });

  it("leaves out the charts whose data the report does not have", () => {
    const bare = renderHtml(reparse(report, (json) => (json["sections"] = {})));
    expect(bare).not.toContain("<svg");
    expect(bare).toContain("No data in the assessment.");
  });

  it("refuses what is not a report, or an unknown language, with a path", () => {
    // anything but a report from createReport or parseReport, even a copy of one, is not_parsed
    for (const value of ["report", { ...report }, JSON.parse(JSON.stringify(report))]) {
      expect(issue(() => renderHtml(value as never))).toStrictEqual(["not_parsed", ["report"]]);
    }
    expect(issue(() => renderHtml(report, { lang: "de" as never }))).toStrictEqual([
      "invalid_value",
      ["options", "lang"],
    ]);
  });

  it("draws only the charts an assessment at the edges has data for", () => {
    const edge = createReport(parseAssessment(edgeAssessment()), {
      generatedAt: "2023-04-01",
      stability: { draws: 20 },
    });
    const page = renderHtml(edge);
    const charts = [...page.matchAll(/data-chart="(\w+)"/g)].map((m) => m[1]);
    expect(charts).toStrictEqual(["maturityRadar", "swotGrid", "ranking", "timeline", "budget"]);
    expect(page).toContain("<polyline "); // two top-level dimensions: no polygon
  });
});
