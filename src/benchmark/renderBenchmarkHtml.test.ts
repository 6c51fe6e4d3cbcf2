import { describe, expect, it } from "vitest";
import { benchmarkCities } from "./benchmarkCities.js";
import { renderBenchmarkHtml } from "./renderBenchmarkHtml.js";
import { parseReport } from "../schema/parseReport.js";
import type { Report } from "../schema/report.js";

function miniReport(id: string, name: string, score: number | null, extra: object = {}): Report {
  return parseReport({
    formatVersion: "1.0",
    kind: "icc-assessment-report",
    city: { id, name, country: "BG", population: 300_000, ...extra },
    programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
    track: { id: "citizenParticipationDigitalPublicAdministration" },
    provenance: {
      library: { name: "icc-assessment", version: "0.1.0" },
      methodologyVersion: "1.0.0",
      frameworks: [],
      parameters: {},
      inputDigest: `sha256:${"ab".repeat(32)}`,
      generatedAt: "2021-02-15",
    },
    sections: {
      maturity: {
        framework: {
          id: "fw",
          version: "1.0.0",
          title: "A framework",
          provenance: "designed",
          sources: [],
        },
        unit: id,
        assessedOn: "2021-01-31",
        scale: { min: 0, max: 100 },
        levels: [],
        overall: { score, level: null, coverage: 1, reason: null },
        dimensions: [
          {
            id: "openData",
            title: "Open data and transparency of the city",
            parent: null,
            score: score === null ? null : score / 2,
            level: null,
            coverage: 1,
            target: null,
            gap: null,
            reason: null,
          },
        ],
        indicators: [],
      },
    },
  });
}

const hostile = '</title><script>alert(1)</script><a href="javascript:x">';

const result = () =>
  benchmarkCities(miniReport("sofia", "Sofia", 50), [
    miniReport("varna", "Varna", 60),
    miniReport("evil", hostile, 40),
    miniReport("other", "Other", 40, { country: "RO" }),
  ]);

describe("renderBenchmarkHtml", () => {
  it("is one self-contained file: no script, no external resource, a strict CSP", () => {
    const html = renderBenchmarkHtml(result());
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<[^>]*\s(src|href)=/i);
    expect(html).toContain("&lt;/title&gt;&lt;script&gt;");
  });

  it("draws the city, the quartile bar, the median and the best for each score", () => {
    const html = renderBenchmarkHtml(result());
    const svg = html.slice(html.indexOf("<svg"), html.indexOf("</svg>"));
    // overall and one dimension
    expect(svg.match(/<circle/g)).toHaveLength(2);
    expect(svg.match(/<rect/g)).toHaveLength(2);
    expect(svg.match(/<path/g)).toHaveLength(2);
    // the city's overall 50 on a 0–100 axis from x = 230 over 510 units
    expect(svg).toContain('<circle cx="485.0"');
  });

  it("shortens long titles and draws only what is there", () => {
    const html = renderBenchmarkHtml(benchmarkCities(miniReport("me", "Me", null), []));
    const svg = html.slice(html.indexOf("<svg"), html.indexOf("</svg>"));
    expect(svg).toContain(">Open data and transparency of the…</text>");
    expect(svg).not.toMatch(/<circle|<rect|<path/);
    expect(svg.match(/<line/g)).toHaveLength(5);
  });

  it("speaks Bulgarian with lang bg", () => {
    const html = renderBenchmarkHtml(result(), { lang: "bg" });
    expect(html).toContain('<html lang="bg">');
    expect(html).toContain("<title>Сравнение: Sofia сред сходни градове</title>");
    expect(html).toContain("Градове за сравнение");
  });
});
