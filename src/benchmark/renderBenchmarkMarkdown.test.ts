import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { parseReport } from "../schema/parseReport.js";
import type { Report } from "../schema/report.js";
import { benchmarkCities } from "./benchmarkCities.js";
import { renderBenchmarkMarkdown } from "./renderBenchmarkMarkdown.js";

function miniReport(
  id: string,
  name: string,
  score: number | null,
  extra: object = {},
  change: (json: any) => void = () => {},
): Report {
  const json: any = {
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
            title: "Open data",
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
  };
  change(json);
  return parseReport(json);
}

const hostile = "Evil | *city* [x](javascript:alert(1)) <img src=x onerror=alert(1)>";

const result = () =>
  benchmarkCities(miniReport("sofia", "Sofia", 50), [
    miniReport("varna", "Varna", 60.25),
    miniReport("evil", hostile, 40),
    miniReport("plovdiv", "Plovdiv", 55, { country: "RO" }),
  ]);

describe("renderBenchmarkMarkdown", () => {
  it("prints every kind of row: missing numbers, no peers, the groups, an undated city", () => {
    const undated = (j: any) => {
      j.sections.maturity.assessedOn = null;
      j.provenance.generatedAt = "unknown";
    };
    const city = miniReport("sofia", "Sofia", null, { population: 1_300_000 }, undated);
    const none = benchmarkCities(city, [miniReport("sofia", "Sofia again", 10)], {
      peerGroup: { by: "population" },
    });
    const md = renderBenchmarkMarkdown(none);
    expect(md).toContain("Peer group: population band XXL \\(1,000,000–\\)");
    expect(md).toContain("Period: none \\(the city's report has no date\\)");
    expect(md).toContain("| Overall | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | 0 |");
    expect(md).toContain("## Peers\n\nnone");
    expect(md).toContain("| 1 | sofia | the city itself |");
    const country = renderBenchmarkMarkdown(
      benchmarkCities(city, [miniReport("x", "X", 10, { population: undefined }, undated)], {
        peerGroup: { by: "country" },
      }),
    );
    expect(country).toContain("Peer group: country BG");
    expect(country).toContain("| X | BG | n/a | n/a | 1.0.0 | 10 | 100% | no date |");
    const ids = renderBenchmarkMarkdown(
      benchmarkCities(city, [miniReport("x", "X", 10)], { peerGroup: { ids: ["x", "y"] } }),
    );
    expect(ids).toContain("Peer group: the listed cities: x, y");
    expect(ids).toContain("## Reports left out\n\nnone");
    const band = renderBenchmarkMarkdown(
      benchmarkCities(miniReport("me", "Me", 10), [], { peerGroup: { by: "population" } }),
    );
    expect(band).toContain("Peer group: population band L \\(250,000–500,000\\)");
  });

  it("prints the standing table, the peers and the method in English", () => {
    const md = renderBenchmarkMarkdown(result());
    expect(md.split("\n")[0]).toBe("# Benchmark: Sofia among its peers");
    expect(md).toContain("Peers used: 3; Reports left out: 0");
    expect(md).toContain(
      "| Dimension | Score | Rank | Percentile | Q1 | Median | Q3 | Best in class | To median | To best | Peers |",
    );
    // peers 40, 55, 60.25: rank 3 of 4, percentile 1/3, median 55, best 60.25 (Varna)
    expect(md).toContain(
      "| Overall | 50 | 3 / 4 | 33.3 | 47.5 | 55 | 57.6 | 60.3 \\(Varna\\) | -5 | -10.3 | 3 |",
    );
    expect(md).toContain("| Open data | 25 | 3 / 4 |");
    expect(md).toContain("## Method");
  });

  it("prints Bulgarian labels and numbers with --lang bg, and a note under the title", () => {
    const md = renderBenchmarkMarkdown(result(), { lang: "bg", note: "Синтетични данни" });
    expect(md).toContain("# Сравнение: Sofia сред сходни градове");
    expect(md).toContain("Синтетични данни");
    expect(md).toContain("| Общо | 50 | 3 / 4 | 33,3 |");
  });

  it("escapes every string from a report: no link, no HTML, no extra table cell", () => {
    const md = renderBenchmarkMarkdown(result());
    const html = new MarkdownIt().render(md);
    expect(html).not.toContain("<a ");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<em>");
    const row = html.split("<tr>").find((r) => r.includes("Evil"))!;
    expect(row.match(/<td/g)).toHaveLength(9);
  });

  it("refuses what is not a benchmark, bad options and an unknown language", () => {
    expect(() => renderBenchmarkMarkdown(result(), "en" as never)).toThrowError(
      'options must be an object, got "en"',
    );
    expect(() => renderBenchmarkMarkdown(result(), { note: 1 as never })).toThrowError(
      "note must be a string, got 1",
    );
    expect(() => renderBenchmarkMarkdown({} as never)).toThrowError(
      "result must be the result of benchmarkCities, got object",
    );
    expect(() => renderBenchmarkMarkdown(result(), { lang: "de" as never })).toThrowError(
      'lang must be one of en, bg, got "de"',
    );
  });
});
