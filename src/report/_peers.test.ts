import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { issue } from "../../test/helpers/errors.js";
import { sofiaJson } from "../../test/helpers/sofia.js";
import { benchmarkCities } from "../benchmark/benchmarkCities.js";
import { builtinFrameworks } from "../frameworks/builtinFrameworks.js";
import { parseAssessment } from "../schema/parseAssessment.js";
import { parseReport } from "../schema/parseReport.js";
import type { Report } from "../schema/report.js";
import { createReport } from "./createReport.js";
import { benchmarkRecord } from "./_peers.js";
import { renderHtml } from "./renderHtml.js";
import { renderMarkdown } from "./renderMarkdown.js";
import { serialiseReport } from "./serialiseReport.js";

const sofia = parseAssessment(sofiaJson(), { frameworks: builtinFrameworks });
// the city's report without peers (and without recommendations, which these tests do not read)
const base = createReport(sofia, {
  generatedAt: "2021-02-15",
  stability: false,
  recommendations: false,
});
const dims = base.sections.maturity?.dimensions ?? [];

let digits = 0;
/**
 * A peer report made from the city's: another city, its own digest, and the given overall and
 * per-dimension scores (a fraction of the scale each), parsed as a published report would be.
 */
function peer(
  id: string,
  scores: readonly (number | null)[],
  change: (json: Record<string, any>) => void = () => {},
): Report {
  const json = JSON.parse(serialiseReport(base)) as Record<string, any>;
  json["city"] = { id, name: `Peer ${id}`, country: "RO", population: 300_000 };
  json["provenance"]["inputDigest"] = `sha256:${(++digits).toString(16).padStart(64, "0")}`;
  json["sections"] = { maturity: json["sections"]["maturity"] };
  const m = json["sections"]["maturity"];
  m["unit"] = id;
  m["overall"]["score"] = scores[0] ?? null;
  m["dimensions"].forEach((d: Record<string, any>, j: number) => {
    d["score"] = scores[j + 1] ?? null;
  });
  change(json);
  return parseReport(json);
}

const panel = Array.from({ length: 40 }, (_, i) =>
  peer(
    `p${String(i).padStart(2, "0")}`,
    [0, ...dims].map((_, j) => ((i * 37 + j * 11) % 101) * 0.99),
  ),
);

describe("createReport with peers (How we compare)", () => {
  const report = createReport(sofia, {
    generatedAt: "2021-02-15",
    stability: false,
    recommendations: false,
    peers: panel,
    benchmark: { note: "A test panel." },
  });
  const b = report.sections.benchmark;

  it("records benchmarkCities' result on the city's report, the peer set with each report's identity", () => {
    expect(b).toBeDefined();
    const direct = benchmarkCities(base, panel);
    expect(b).toStrictEqual(benchmarkRecord(direct, "A test panel."));
    expect(
      b?.peers.map((p) => [p.city, p.inputDigest, p.generatedAt, p.frameworkVersion]),
    ).toStrictEqual(
      panel.map((p) => [p.city.id, p.provenance.inputDigest, p.provenance.generatedAt, "1.0.0"]),
    );
    expect(report.provenance.parameters["benchmark"]).toStrictEqual({
      peerGroup: { by: "all" },
      periodMonths: 12,
      minCoverage: 0.8,
      given: 40,
      used: 40,
      excluded: 0,
    });
  });

  it("a reader holding the peer reports gets the same numbers from the recorded identities", () => {
    const published = parseReport(JSON.parse(serialiseReport(report)));
    const ids = new Set(
      published.sections.benchmark?.peers.map((p) => `${p.city} ${p.inputDigest} ${p.generatedAt}`),
    );
    // the reader's collection holds more reports than were used, in another order
    const collection = [...panel].reverse().concat(peer("other", [50]));
    const chosen = collection.filter((r) =>
      ids.has(`${r.city.id} ${r.provenance.inputDigest} ${r.provenance.generatedAt}`),
    );
    const again = benchmarkCities(base, chosen);
    expect(again.overall).toStrictEqual(benchmarkCities(base, panel).overall);
    expect(published.sections.benchmark?.overall.median).toBe(again.overall.median);
    expect(published.sections.benchmark?.dimensions.map((d) => d.percentile)).toStrictEqual(
      again.dimensions.map((d) => d.percentile),
    );
  });

  it("percentile, rank and quartiles agree with a computation written out here", () => {
    const values = panel
      .map((p) => p.sections.maturity?.overall.score as number)
      .sort((x, y) => x - y);
    const s = base.sections.maturity?.overall.score as number;
    const q = (p: number) => {
      const h = (values.length - 1) * p;
      const lo = Math.floor(h);
      return (
        (values[lo] as number) +
        (h - lo) *
          ((values[Math.min(lo + 1, values.length - 1)] as number) - (values[lo] as number))
      );
    };
    const below = values.filter((v) => v < s).length;
    const tied = values.filter((v) => v === s).length;
    expect(b?.overall.q1).toBeCloseTo(q(0.25), 9);
    expect(b?.overall.median).toBeCloseTo(q(0.5), 9);
    expect(b?.overall.q3).toBeCloseTo(q(0.75), 9);
    expect(b?.overall.percentile).toBeCloseTo(((below + tied / 2) / values.length) * 100, 9);
    expect(b?.overall.rank).toBe(values.filter((v) => v > s).length + 1);
  });

  it("round-trips through JSON and parseReport unchanged", () => {
    const text = serialiseReport(report);
    expect(serialiseReport(parseReport(JSON.parse(text)))).toBe(text);
  });

  it("leaves a report without peers as it was: no section, no parameter", () => {
    expect(base.sections.benchmark).toBeUndefined();
    expect(base.provenance.parameters["benchmark"]).toBeUndefined();
    expect(renderMarkdown(base)).not.toContain("How we compare");
  });

  it("lists the reports left out with the reason, and the flagged peers, in the section and in the text", () => {
    const other = peer("zz-other", [40], (j) => {
      j["sections"]["maturity"]["framework"]["id"] = "another-framework";
    });
    const minor = peer("zz-minor", [60], (j) => {
      j["sections"]["maturity"]["framework"]["version"] = "1.1.0";
      j["sections"]["maturity"]["overall"]["coverage"] = 0.5;
    });
    const r = createReport(sofia, {
      generatedAt: "2021-02-15",
      stability: false,
      recommendations: false,
      peers: [panel[0] as Report, other, minor],
    });
    const s = r.sections.benchmark;
    expect(s?.excluded.map((x) => [x.city, x.reason])).toStrictEqual([
      ["zz-other", "otherFramework"],
    ]);
    expect(s?.peers.map((p) => [p.city, p.flags])).toStrictEqual([
      ["p00", []],
      ["zz-minor", ["otherMinorVersion", "lowCoverage"]],
    ]);
    const md = renderMarkdown(r);
    expect(md).toContain("another framework");
    expect(md).toContain("other minor version, low answer coverage");
    const bg = renderMarkdown(r, { lang: "bg" });
    expect(bg).toContain("## Как се сравняваме");
    expect(bg).toContain("друга рамка");
  });

  it("renders the section after the maturity profile in Markdown and HTML, en and bg", () => {
    const md = renderMarkdown(report);
    const headings = md.split("\n").filter((l) => l.startsWith("## "));
    expect(headings.indexOf("## How we compare")).toBe(headings.indexOf("## Maturity profile") + 1);
    expect(md).toContain("A test panel.");
    expect(md).toContain(`| **Overall** | ${(b?.overall.score as number).toFixed(1)} |`);
    // a real CommonMark renderer sees the tables as tables
    const html = new MarkdownIt().render(md);
    expect(html).toMatch(/<th[^>]*>Percentile<\/th>/);
    const page = renderHtml(report, { lang: "bg" });
    expect(page).toContain('<section id="benchmark">');
    expect(page).toContain('<a href="#benchmark">Как се сравняваме</a>');
    expect(page).toContain('data-chart="benchmark"');
    expect(renderMarkdown(report, { lang: "bg" })).toContain("| **Общо** |");
  });

  it("escapes a hostile peer name and note everywhere", () => {
    const evil = peer("evil", [99, 99], (j) => {
      j["city"]["name"] = "<img src=x onerror=alert(1)> [x](javascript:alert(1))";
    });
    const r = createReport(sofia, {
      generatedAt: "2021-02-15",
      stability: false,
      recommendations: false,
      peers: [evil],
      benchmark: { note: "<script>alert(1)</script>" },
    });
    const page = renderHtml(r);
    expect(page).not.toMatch(/<script|<img/i);
    expect(page).toContain("&lt;img src=x");
    const md = renderMarkdown(r);
    expect(new MarkdownIt().render(md)).not.toMatch(/<script|<img|href="javascript/i);
  });

  it("draws a chart whose every coordinate is a finite number inside the picture, for any scores", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }), {
            minLength: dims.length + 1,
            maxLength: dims.length + 1,
          }),
          { minLength: 0, maxLength: 6 },
        ),
        (rows) => {
          digits = 0;
          const peers = rows.map((scores, i) => peer(`q${i}`, scores));
          const r = createReport(sofia, {
            generatedAt: "2021-02-15",
            stability: false,
            recommendations: false,
            peers,
          });
          const page = renderHtml(r);
          const svg =
            /<svg class="chart" id="chart-benchmark"[\s\S]*?<\/svg>/.exec(page)?.[0] ?? "";
          expect(svg).not.toBe("");
          expect(svg).not.toMatch(/NaN|Infinity/);
          const [w, h] = (/viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg) ?? []).slice(1).map(Number);
          for (const m of svg.matchAll(/\b(?:x|x1|x2|cx)="(-?[\d.]+)"/g)) {
            const v = Number(m[1]);
            expect(v >= 0 && v <= (w as number)).toBe(true);
          }
          for (const m of svg.matchAll(/\b(?:y|y1|y2|cy)="(-?[\d.]+)"/g)) {
            const v = Number(m[1]);
            expect(v >= 0 && v <= (h as number)).toBe(true);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it("refuses bad peers and options with paths into createReport's options", () => {
    const o = { generatedAt: "2021-02-15", stability: false, recommendations: false } as const;
    expect(issue(() => createReport(sofia, { ...o, peers: "x" as never }))).toStrictEqual([
      "invalid_type",
      ["options", "peers"],
    ]);
    expect(
      issue(() =>
        createReport(sofia, {
          ...o,
          peers: [panel[0] as Report, JSON.parse(serialiseReport(base))],
        }),
      ),
    ).toStrictEqual(["not_parsed", ["options", "peers", 1]]);
    expect(
      issue(() =>
        createReport(sofia, {
          ...o,
          peers: panel,
          benchmark: { peerGroup: { by: "planet" } as never },
        }),
      ),
    ).toStrictEqual(["invalid_value", ["options", "benchmark", "peerGroup", "by"]]);
    expect(
      issue(() => createReport(sofia, { ...o, peers: panel, benchmark: { minCoverage: 2 } })),
    ).toStrictEqual(["out_of_range", ["options", "benchmark", "minCoverage"]]);
    expect(
      issue(() => createReport(sofia, { ...o, peers: panel, benchmark: { note: 5 as never } })),
    ).toStrictEqual(["invalid_type", ["options", "benchmark", "note"]]);
    const noMaturity = parseAssessment({
      ...sofiaJson(),
      maturity: undefined,
      frameworks: undefined,
    });
    expect(issue(() => createReport(noMaturity, { ...o, peers: panel }))).toStrictEqual([
      "missing_value",
      ["options", "peers"],
    ]);
  });
});
