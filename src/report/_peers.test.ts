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

describe("createReport with peers: peer groups, and the section's edge cases in the text", () => {
  const o = { generatedAt: "2021-02-15", stability: false, recommendations: false } as const;

  it("records each kind of peer group with its parameters, and names it in the text", () => {
    const someone = peer("p-fr", [50], (j) => {
      j["city"]["country"] = "FR";
      j["city"]["population"] = 2_500_000;
    });
    const peers = [...panel.slice(0, 3), someone];
    const cases = [
      {
        group: { by: "population", bands: [{ id: "big", min: 200_000, max: 2_000_000 }] },
        record: {
          by: "population",
          band: { id: "big", min: 200_000, max: 2_000_000 },
          bands: [{ id: "big", min: 200_000, max: 2_000_000 }],
        },
        parameter: { by: "population", band: "big" },
        used: ["p00", "p01", "p02"],
        text: "population band big (200,000–2,000,000)",
      },
      {
        group: { by: "population" },
        parameter: { by: "population", band: "XXL" },
        used: ["p-fr"],
        text: "population band XXL (1,000,000–)",
      },
      {
        group: { by: "country" },
        record: { by: "country", country: sofia.city.country },
        parameter: { by: "country", country: sofia.city.country },
        used: [],
        text: `country ${sofia.city.country}`,
      },
      {
        group: { ids: ["p-fr", "p01"] },
        record: { by: "ids", ids: ["p-fr", "p01"] },
        parameter: { by: "ids", ids: ["p-fr", "p01"] },
        used: ["p-fr", "p01"],
        text: "the listed cities: p-fr, p01",
      },
    ] as const;
    for (const k of cases) {
      const r = createReport(sofia, {
        ...o,
        peers,
        benchmark: { peerGroup: k.group as never, periodMonths: 6 },
      });
      const b = r.sections.benchmark;
      if ("record" in k) expect(b?.peerGroup).toStrictEqual(k.record);
      expect(b?.peers.map((p) => p.city).sort()).toStrictEqual([...k.used].sort());
      expect(b?.excluded.map((x) => x.reason)).toStrictEqual(
        Array.from({ length: 4 - k.used.length }, () => "outsidePeerGroup"),
      );
      expect(r.provenance.parameters["benchmark"]).toMatchObject({
        peerGroup: k.parameter,
        periodMonths: 6,
        used: k.used.length,
        excluded: 4 - k.used.length,
      });
      // the Markdown escapes ( and ): compare the text it shows
      expect(renderMarkdown(r).replace(/\\(.)/g, "$1")).toContain(`**Peer group:** ${k.text}`);
    }
  });

  it("refuses a note over 10,000 characters, and a population group for a city without a population", () => {
    expect(
      issue(() =>
        createReport(sofia, { ...o, peers: panel, benchmark: { note: "x".repeat(10_001) } }),
      ),
    ).toStrictEqual(["out_of_range", ["options", "benchmark", "note"]]);
    const json = sofiaJson();
    delete (json["city"] as Record<string, unknown>)["population"];
    const unsized = parseAssessment(json, { frameworks: builtinFrameworks });
    expect(
      issue(() =>
        createReport(unsized, {
          ...o,
          peers: panel,
          benchmark: { peerGroup: { by: "population" } },
        }),
      ),
    ).toStrictEqual(["missing_value", ["city", "city", "population"]]);
  });

  it("writes n/a for what a peer or a score lacks, cuts the list of missing peers at 20, and nests a sub-dimension", () => {
    const many = Array.from({ length: 25 }, (_, i) => `m${String(i).padStart(2, "0")}`);
    const json = JSON.parse(
      serialiseReport(createReport(sofia, { ...o, peers: panel.slice(0, 3) })),
    ) as Record<string, any>;
    const b = json["sections"]["benchmark"];
    b["note"] = null;
    b["period"] = null;
    b["overall"] = { ...b["overall"], rank: null, best: null, missing: many };
    const sub = b["dimensions"][1];
    sub["parent"] = b["dimensions"][0]["id"];
    sub["id"] = "zz.sub"; // no dimension of the framework: its own title is shown
    sub["title"] = "A sub-dimension whose title is far too long for the chart";
    sub["missing"] = [];
    sub["score"] = null;
    sub["reason"] = "no peer has a score here";
    b["peers"][0] = { ...b["peers"][0], population: null, date: null };
    b["excluded"] = [];
    const r = parseReport(json);
    const md = renderMarkdown(r).replace(/\\(.)/g, "$1");
    expect(md).not.toContain("A test panel.");
    expect(md).toContain("**Period:** none (the city's report has no date)");
    expect(md).toMatch(/\| \*\*Overall\*\* \| [\d.]+ \| n\/a \|/);
    expect(md).toContain(
      `Overall: peer reports without a score here: 25 (${many.slice(0, 20).join(", ")}, …); they do not count here.`,
    );
    expect(md).not.toContain("m20");
    expect(md).toContain(`– ${sub["title"]}: no peer has a score here`);
    expect(md).toContain(`| Peer p00 (p00) | RO | n/a | n/a | 1.0.0 |`);
    // no report was left out: the heading is followed by "none"
    expect(md).toMatch(/### Reports left out\n\n_none_/);
    const svg = /<svg class="chart" id="chart-benchmark"[\s\S]*?<\/svg>/.exec(renderHtml(r))?.[0];
    // the long title is cut in the chart, with its whole text as the tooltip
    expect(svg).toContain(`<title>– ${sub["title"]}</title>`);
    // no circle for the sub-dimension the city has no score on
    expect(svg?.match(/<circle /g)?.length).toBe(
      b["dimensions"].filter((d: { score: unknown }) => d.score !== null).length + 1,
    );
    // no best peer for the overall score: one diamond less than there are rows with a best peer
    expect(svg?.match(/<path /g)?.length).toBe(
      b["dimensions"].filter((d: { best: unknown }) => d.best !== null).length,
    );
  });

  it("places the recommendations after the maturity profile, with or without a benchmark", () => {
    const withRecs = createReport(sofia, { generatedAt: "2021-02-15", stability: false });
    const withBoth = createReport(sofia, {
      generatedAt: "2021-02-15",
      stability: false,
      peers: panel.slice(0, 2),
    });
    const headings = (r: Report) =>
      renderMarkdown(r)
        .split("\n")
        .filter((l) => l.startsWith("## "));
    const one = headings(withRecs);
    expect(one.indexOf("## What would raise our maturity")).toBe(
      one.indexOf("## Maturity profile") + 1,
    );
    expect(one).not.toContain("## How we compare");
    const two = headings(withBoth);
    const at = two.indexOf("## Maturity profile");
    expect(two.slice(at, at + 3)).toStrictEqual([
      "## Maturity profile",
      "## How we compare",
      "## What would raise our maturity",
    ]);
  });

  it("draws every mark at the chart's left edge on an empty scale, and places the section after the summary without a maturity profile", () => {
    const json = JSON.parse(
      serialiseReport(createReport(sofia, { ...o, peers: panel.slice(0, 3) })),
    ) as Record<string, any>;
    json["sections"]["benchmark"]["scale"] = { min: 50, max: 50 };
    const svg =
      /<svg class="chart" id="chart-benchmark"[\s\S]*?<\/svg>/.exec(
        renderHtml(parseReport(json)),
      )?.[0] ?? "";
    const cx = [...svg.matchAll(/<circle cx="([^"]+)"/g)].map((m) => m[1]);
    expect(cx.length).toBeGreaterThan(0);
    expect(new Set(cx)).toStrictEqual(new Set(["250"]));
    expect(svg).not.toMatch(/NaN|Infinity/);

    delete json["sections"]["maturity"];
    const headings = renderMarkdown(parseReport(json))
      .split("\n")
      .filter((l) => l.startsWith("## "));
    expect(headings.slice(0, 2)).toStrictEqual(["## Summary", "## How we compare"]);
  });
});
