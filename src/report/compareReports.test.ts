import { describe, expect, it } from "vitest";
import { issue } from "../../test/helpers/errors.js";
import { reparse, sofiaReports } from "../../test/helpers/reports.js";
import type { Report } from "../schema/report.js";
import { compareReports } from "./compareReports.js";
import { renderComparisonMarkdown } from "./renderComparisonMarkdown.js";

const [r2021, r2022] = sofiaReports();

function withFramework(r: Report, id: string, version: string): Report {
  return reparse(r, (json) => {
    json["sections"].maturity.framework = { ...json["sections"].maturity.framework, id, version };
  });
}

describe("compareReports", () => {
  const c = compareReports([r2021, r2022]);

  it("lists the reports in the order given, labelled by city and period", () => {
    expect(c.reports.map((r) => r.label)).toStrictEqual([
      `Sofia ${r2021.period?.end}`,
      `Sofia ${r2022.period?.end}`,
    ]);
    expect(c.reports[1]?.inputDigest).toBe(r2022.provenance.inputDigest);
    expect(c.framework).toStrictEqual({
      id: "icc-citizen-participation",
      major: "1",
      versions: ["1.0.0"],
    });
  });

  it("puts maturity by dimension side by side with the change from first to last", () => {
    const m = c.maturity;
    expect(m?.overall.scores).toStrictEqual([
      r2021.sections.maturity?.overall.score,
      r2022.sections.maturity?.overall.score,
    ]);
    const open = m?.dimensions.find((d) => d.id === "openData");
    const before = r2021.sections.maturity?.dimensions.find((d) => d.id === "openData")
      ?.score as number;
    const after = r2022.sections.maturity?.dimensions.find((d) => d.id === "openData")
      ?.score as number;
    expect(open?.change).toBe(after - before);
    expect(m?.dimensions.map((d) => d.id)).toStrictEqual(
      r2021.sections.maturity?.dimensions.map((d) => d.id),
    );
  });

  it("follows each solution's rank and the shared themes and budgets", () => {
    const first = c.rankings[0];
    expect(first?.ranks.length).toBe(2);
    expect(
      c.rankings.every((x) => x.change === (x.ranks[0] as number) - (x.ranks[1] as number)),
    ).toBe(true);
    expect(c.themes.filter((t) => t.shared).length).toBeGreaterThan(0);
    expect(c.budgets.map((b) => b.currency)).toStrictEqual(["EUR", "EUR"]);
  });

  it("marks solutions new or dropped when they are ranked in one report only", () => {
    const renamed = reparse(r2022, (json) => {
      json["sections"].prioritisation.ranking = [
        { solution: "sol-new", title: "A new solution", score: 1, rank: 1 },
      ];
    });
    const cmp = compareReports([r2021, renamed]);
    expect(cmp.rankings[0]).toStrictEqual({
      solution: "sol-new",
      title: "A new solution",
      ranks: [null, 1],
      change: null,
    });
    const md = renderComparisonMarkdown(cmp);
    expect(md).toMatch(/\| A new solution \| +\| 1 \| new \|/);
    expect(md).toMatch(/\| Integrated e-participation platform \| 1 \| +\| dropped \|/);
  });

  it("compares cities with different frameworks' minor versions but not different majors or ids", () => {
    expect(
      compareReports([r2021, withFramework(r2022, "icc-citizen-participation", "1.2.0")]).framework
        ?.versions,
    ).toStrictEqual(["1.0.0", "1.2.0"]);
    expect(
      issue(() =>
        compareReports([r2021, withFramework(r2022, "icc-citizen-participation", "2.0.0")]),
      ),
    ).toStrictEqual(["framework_mismatch", ["reports", 1, "sections", "maturity", "framework"]]);
    expect(
      issue(() => compareReports([r2021, r2022, withFramework(r2021, "un-losi-2022", "1.0.0")])),
    ).toStrictEqual(["framework_mismatch", ["reports", 2, "sections", "maturity", "framework"]]);
  });

  it("compares reports without a maturity section on everything else", () => {
    const bare = reparse(r2021, (json) => delete json["sections"].maturity);
    const cmp = compareReports([bare, r2022]);
    expect(cmp.framework?.id).toBe("icc-citizen-participation");
    expect(cmp.maturity?.overall.scores[0]).toBeNull();
    expect(cmp.maturity?.overall.change).toBeNull();
    const none = compareReports([bare, bare]);
    expect([none.framework, none.maturity]).toStrictEqual([null, null]);
    const empty = reparse(r2021, (json) => {
      delete json["period"];
      json["sections"] = {};
    });
    const nothing = compareReports([empty, empty]);
    expect([nothing.rankings, nothing.themes]).toStrictEqual([[], []]);
    expect(nothing.budgets[0]).toStrictEqual({
      currency: null,
      cost: null,
      funding: null,
      gap: null,
      available: null,
    });
    expect(nothing.reports[0]?.label).toBe(`Sofia ${r2021.provenance.generatedAt}`);
    const md = renderComparisonMarkdown(nothing);
    expect(md.split("\n").filter((l) => l.startsWith("## "))).toStrictEqual(["## Reports"]);
  });

  it("refuses fewer than two reports, and anything that is not a report", () => {
    expect(issue(() => compareReports([r2021]))).toStrictEqual(["too_few_values", ["reports"]]);
    expect(issue(() => compareReports("x" as never))).toStrictEqual(["invalid_type", ["reports"]]);
    expect(issue(() => compareReports([r2021, null as never]))).toStrictEqual([
      "not_parsed",
      ["reports", 1],
    ]);
    // a report as plain JSON (not through parseReport) is refused, with its index
    expect(issue(() => compareReports([r2021, JSON.parse(JSON.stringify(r2022))]))).toStrictEqual([
      "not_parsed",
      ["reports", 1],
    ]);
  });
});
