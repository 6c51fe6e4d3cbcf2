import { describe, expect, it } from "vitest";
import { issue } from "../../test/helpers/errors.js";
import { reparse, sofiaReport } from "../../test/helpers/reports.js";
import { edgeAssessment } from "../../test/golden/edge.js";
import { parseAssessment } from "../schema/parseAssessment.js";
import { createReport } from "./createReport.js";
import { reportCharts } from "./i18n/labels.js";
import { toVegaLite } from "./toVegaLite.js";

const report = sofiaReport(100);

const values = (spec: Readonly<Record<string, unknown>>) =>
  (spec["data"] as { values: Record<string, unknown>[] }).values;

describe("toVegaLite", () => {
  it.each(reportCharts)("gives a Vega-Lite v5 spec with inline data for %s", (chart) => {
    const spec = toVegaLite(report, chart);
    expect(spec["$schema"]).toBe("https://vega.github.io/schema/vega-lite/v5.json");
    expect(typeof spec["title"]).toBe("string");
    expect(typeof spec["description"]).toBe("string");
    expect(values(spec).length).toBeGreaterThan(0);
    expect(["mark", "layer", "hconcat", "spec"].some((k) => k in spec)).toBe(true);
    // plain JSON, the same each time
    expect(JSON.parse(JSON.stringify(spec))).toStrictEqual(spec);
    expect(toVegaLite(report, chart)).toStrictEqual(spec);
  });

  it("carries the report's numbers", () => {
    const radar = values(toVegaLite(report, "maturityRadar"));
    expect(radar.map((v) => v["score"])).toStrictEqual(
      report.sections.maturity?.dimensions.filter((d) => d.parent === null).map((d) => d.score),
    );
    const ranking = values(toVegaLite(report, "ranking"));
    expect(ranking.map((v) => v["rank"])).toStrictEqual(
      report.sections.prioritisation?.ranking.map((r) => r.rank),
    );
    const budget = values(toVegaLite(report, "budget"));
    const total = budget.reduce((s, v) => s + (v["amount"] as number), 0);
    expect(total).toBe(Number(report.sections.actionPlan?.budget.cost.amount));
    const timeline = values(toVegaLite(report, "timeline"));
    expect(timeline.length).toBe(
      report.sections.horizons?.items.filter((i) => i.end !== null).length,
    );
    const swot = values(toVegaLite(report, "swotGrid"));
    expect(swot.length).toBe(report.sections.swot?.items.length);
    const ie = values(toVegaLite(report, "impactEffort"));
    expect(ie.length).toBe(report.sections.prioritisation?.impactEffort?.items.length);
  });

  it("names titles and categories in Bulgarian with lang bg", () => {
    const spec = toVegaLite(report, "timeline", { lang: "bg" });
    expect(spec["title"]).toBe("Времева линия по хоризонти");
    expect(values(spec).some((v) => v["horizon"] === "Бърза победа")).toBe(true);
  });

  it("names a built-in framework's dimensions and levels, and the ranking's method, as the HTML chart does", () => {
    const radar = values(toVegaLite(report, "maturityRadar", { lang: "bg" }));
    expect(radar.map((v) => [v["dimension"], v["level"]]).slice(0, 2)).toStrictEqual([
      ["Стратегия и управление", "Утвърдено"],
      ["Електронни публични услуги", "Напреднало"],
    ]);
    const ranking = toVegaLite(report, "ranking") as { hconcat: { encoding: any }[] };
    expect(ranking.hconcat[0]?.encoding.x.title).toBe("Score (Weighted sum)");
  });

  it("refuses an unknown chart, and a chart whose section the report lacks", () => {
    expect(issue(() => toVegaLite(report, "pie" as never))).toStrictEqual([
      "invalid_value",
      ["chart"],
    ]);
    const bare = reparse(report, (json) => (json["sections"] = {}));
    expect(issue(() => toVegaLite(bare, "maturityRadar"))).toStrictEqual([
      "missing_value",
      ["report", "sections", "maturity"],
    ]);
    const noIe = reparse(report, (json) => (json["sections"].prioritisation.impactEffort = null));
    expect(issue(() => toVegaLite(noIe, "impactEffort"))).toStrictEqual([
      "missing_value",
      ["report", "sections", "prioritisation", "impactEffort"],
    ]);
    expect(issue(() => toVegaLite(null as never, "budget"))).toStrictEqual([
      "not_parsed",
      ["report"],
    ]);
    expect(issue(() => toVegaLite({ ...report }, "budget"))).toStrictEqual([
      "not_parsed",
      ["report"],
    ]);
    expect(issue(() => toVegaLite(report, "budget", { lang: "xx" as never }))).toStrictEqual([
      "invalid_value",
      ["options", "lang"],
    ]);
  });

  it("keeps missing scores as null and unscheduled solutions out of the timeline", () => {
    const edge = createReport(parseAssessment(edgeAssessment()), {
      generatedAt: "2023-04-01",
      stability: false,
    });
    const radar = values(toVegaLite(edge, "maturityRadar"));
    expect(radar.map((v) => [v["id"], v["score"], v["target"]])).toStrictEqual([
      ["root", 10, null],
      ["empty", null, null],
    ]);
    expect(values(toVegaLite(edge, "ranking")).map((v) => v["sameRank"])).toStrictEqual([
      null,
      null,
      null,
    ]);
    expect(values(toVegaLite(edge, "swotGrid")).map((v) => v["value"])).toStrictEqual([1, 1]);
    expect(values(toVegaLite(edge, "budget"))).toStrictEqual([
      { horizon: "Quick win", source: "Private", amount: 1500 },
    ]);
  });
});
