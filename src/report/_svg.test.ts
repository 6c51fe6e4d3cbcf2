import { describe, expect, it } from "vitest";
import {
  budgetChart,
  groupedBarChart,
  impactEffortChart,
  radarChart,
  rankingChart,
  swotGrid,
  timelineChart,
  truncate,
} from "./_svg.js";

const hostile = "<script>alert(1)</script>\"'&";

function wellFormed(svg: string): void {
  expect(svg.startsWith("<svg ")).toBe(true);
  expect(svg.endsWith("</svg>")).toBe(true);
  expect(svg).toMatch(/viewBox="0 0 \d+(\.\d+)? \d+(\.\d+)?"/);
  expect(svg).not.toMatch(/NaN|Infinity|="-0"/);
  expect(svg).not.toContain("<script");
}

describe("truncate", () => {
  it("shortens by code point with an ellipsis and collapses white space", () => {
    expect(truncate("abc", 3)).toBe("abc");
    expect(truncate("abcd", 3)).toBe("ab…");
    expect(truncate("a\n  b", 10)).toBe("a b");
    expect(truncate("😀😀😀😀", 3)).toBe("😀😀…");
  });
});

describe("radarChart", () => {
  const rings = [0.5, 1];
  const ringLabels = [{ at: 0.25, label: "Low" }];
  const legend = { score: "Score", target: "Target" };

  it("draws a polygon for three or more axes, with the target dashed and missing scores hollow", () => {
    const svg = radarChart({
      title: `Radar ${hostile}`,
      axes: [
        { label: "A", value: 0.5, target: 0.8, display: "50" },
        { label: "B", value: null, target: null, display: "n/a" },
        { label: `C ${hostile}`, value: 1.4, target: 0.6, display: "100" },
      ],
      rings,
      ringLabels,
      legend,
    });
    wellFormed(svg);
    expect(svg.match(/<polygon /g)?.length).toBe(4); // two rings, the target, the scores
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg).toContain('fill="#fff"'); // the missing score's hollow marker
    expect(svg).toContain("&lt;script&gt;");
  });

  it("falls back to circles and a polyline with fewer than three axes, without a target legend", () => {
    const svg = radarChart({
      title: "Two",
      axes: [
        { label: "A", value: 0.2, target: null, display: "" },
        { label: "B", value: 0.9, target: null, display: "" },
      ],
      rings,
      ringLabels,
      legend,
    });
    wellFormed(svg);
    expect(svg).toContain("<polyline ");
    expect(svg).not.toContain("<polygon ");
    expect(svg).not.toContain(">Target<");
  });
});

describe("swotGrid", () => {
  it("lists up to eight items per quadrant and says how many more there are", () => {
    const items = Array.from({ length: 10 }, (_, i) => ({
      text: `item ${i} ${hostile}`,
      value: i % 2 ? "0.5" : "",
    }));
    const svg = swotGrid({
      title: "SWOT",
      quadrants: [
        { key: "strength", title: "S", items, summary: "10" },
        { key: "weakness", title: "W", items: [], summary: "0" },
        { key: "opportunity", title: "O", items: items.slice(0, 1), summary: "1" },
        { key: "threat", title: "T", items: [], summary: "0" },
      ],
      more: (n) => `+ ${n} more`,
      empty: "none",
    });
    wellFormed(svg);
    expect(svg).toContain("+ 2 more");
    expect(svg.match(/>none</g)?.length).toBe(2);
    expect(svg).not.toContain("item 9");
  });
});

describe("impactEffortChart", () => {
  it("places points by the domain and survives a degenerate domain", () => {
    const base = {
      title: "IE",
      thresholds: { impact: 3, effort: 250 },
      axes: { impact: "Impact", effort: "Effort" },
      quadrants: { quickWin: "QW", majorProject: "MP", fillIn: "FI", thanklessTask: "TT" },
    };
    const svg = impactEffortChart({
      ...base,
      points: [{ label: hostile, marker: "1", impact: 5, effort: 0, quadrant: "quickWin" }],
      domain: { impact: [1, 5], effort: [0, 500] },
    });
    wellFormed(svg);
    expect(svg).toContain("<title>&lt;script&gt;");
    const flat = impactEffortChart({
      ...base,
      points: [{ label: "x", marker: "1", impact: 2, effort: 2, quadrant: "unknown" }],
      domain: { impact: [2, 2], effort: [2, 2] },
    });
    wellFormed(flat);
    expect(flat).toContain('fill="#607d8b"'); // unknown quadrant colour
  });
});

describe("rankingChart", () => {
  it("draws negative scores from zero and colours stability by level", () => {
    const svg = rankingChart({
      title: "Ranking",
      headers: { score: "Score", stability: "Stability" },
      rows: [
        {
          rank: 1,
          label: "a",
          score: 0.9,
          scoreText: "0.9",
          stability: 0.95,
          stabilityText: "95%",
        },
        {
          rank: 2,
          label: "b",
          score: -0.2,
          scoreText: "-0.2",
          stability: 0.6,
          stabilityText: "60%",
        },
        { rank: 3, label: "c", score: 0.1, scoreText: "0.1", stability: 0.1, stabilityText: "10%" },
        { rank: 4, label: "d", score: 0, scoreText: "0", stability: null, stabilityText: "n/a" },
      ],
    });
    wellFormed(svg);
    expect(svg).toContain("#2e7d32");
    expect(svg).toContain("#d9822b");
    expect(svg).toContain("#c62828");
    wellFormed(rankingChart({ title: "empty", headers: { score: "", stability: "" }, rows: [] }));
  });
});

describe("timelineChart", () => {
  it("draws dated items as bars and undated ones as a note, with ticks inside the range", () => {
    const svg = timelineChart({
      title: "Timeline",
      start: "2021-02-08",
      boundaries: [
        { date: "2021-08-08", label: "6 months" },
        { date: "2022-05-08", label: "15 months" },
      ],
      ticks: [
        { date: "2021-02-08", label: "Feb" },
        { date: "2030-01-01", label: "outside" },
      ],
      items: [
        { label: "a", horizon: "quickWin", start: "2021-03-01", end: "2021-07-31", note: hostile },
        { label: "b", horizon: "unscheduled", start: null, end: null, note: "Unscheduled" },
      ],
      legend: [{ key: "quickWin", label: "Quick win" }],
    });
    wellFormed(svg);
    expect(svg).toContain(">Unscheduled<");
    expect(svg).not.toContain("outside");
    expect(svg).toContain("&lt;script&gt;");
  });
});

describe("budgetChart", () => {
  it("stacks the segments and marks an empty bar", () => {
    const svg = budgetChart({
      title: "Budget",
      bars: [
        {
          label: "Quick win",
          segments: [
            { key: "eu", value: 10, text: "EU 10" },
            { key: "unfunded", value: 5, text: "5" },
          ],
          totalText: "15",
        },
        { label: "Empty", segments: [{ key: "eu", value: 0, text: "0" }], totalText: "0" },
      ],
      legend: [{ key: "eu", label: "EU" }],
    });
    wellFormed(svg);
    expect(svg.match(/<rect [^>]*fill="#1f4e9c"/g)?.length).toBe(2); // the segment and the legend swatch
    expect(svg).toContain('width="2" height="22" fill="#d0d5dc"');
    wellFormed(budgetChart({ title: "none", bars: [], legend: [] }));
  });
});

describe("groupedBarChart", () => {
  it("draws one bar per series and a note for a missing value", () => {
    const svg = groupedBarChart({
      id: "cmp",
      title: "Compare",
      series: ["2021", "2022"],
      domain: [0, 100],
      groups: [{ label: "A", values: [20, null], texts: ["20", "n/a"] }],
    });
    wellFormed(svg);
    expect(svg).toContain('id="chart-cmp"');
    expect(svg).toContain('font-style="italic" fill="#5f6b7a">n/a<');
  });
});
