import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  budgetChart,
  fraction,
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
  const base = {
    chart: "maturityRadar",
    domain: [0, 100],
    digits: 1,
    fields: { dimension: "Dimension", score: "Score", level: "Level", target: "Target" },
    rings: [50, 100],
    ringLabels: [{ at: 25, label: "Low" }],
    legend: { score: "Score", target: "Target" },
  } as const;
  const point = (id: string, score: number | null, target: number | null) => ({
    id,
    label: id,
    score,
    target,
    level: null,
    text: score === null ? "n/a" : String(score),
  });

  it("draws a polygon for three or more axes, with the target dashed and missing scores hollow", () => {
    const svg = radarChart({
      ...base,
      title: `Radar ${hostile}`,
      points: [point("A", 50, 80), point("B", null, null), point(`C ${hostile}`, 140, 60)],
    });
    wellFormed(svg);
    expect(svg.match(/<polygon /g)?.length).toBe(4); // two rings, the target, the scores
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg).toContain('fill="#fff"'); // the missing score's hollow marker
    expect(svg).toContain("&lt;script&gt;");
  });

  it("falls back to circles and a polyline with fewer than three axes, without a target legend", () => {
    const svg = radarChart({
      ...base,
      title: "Two",
      points: [point("A", 20, null), point("B", 90, null)],
    });
    wellFormed(svg);
    expect(svg).toContain("<polyline ");
    expect(svg).not.toContain("<polygon ");
    expect(svg).not.toContain(">Target<");
  });
});

describe("swotGrid", () => {
  it("lists up to eight items per quadrant and says how many more there are", () => {
    const item = (quadrant: "strength" | "opportunity", i: number) => ({
      id: `${quadrant}-${i}`,
      quadrant,
      text: `item ${i} ${hostile}`,
      value: i % 2 ? 0.5 : null,
      valueText: i % 2 ? "0.5" : "",
    });
    const svg = swotGrid({
      chart: "swotGrid",
      title: "SWOT",
      valueTitle: "Weighted score",
      quadrants: [
        { key: "strength", title: "S", summary: "10" },
        { key: "weakness", title: "W", summary: "0" },
        { key: "opportunity", title: "O", summary: "1" },
        { key: "threat", title: "T", summary: "0" },
      ],
      points: [
        ...Array.from({ length: 10 }, (_, i) => item("strength", i)),
        item("opportunity", 0),
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
      chart: "impactEffort",
      title: "IE",
      thresholds: { impact: 3, effort: 250 },
      axes: { impact: "Impact", effort: "Effort" },
      quadrants: { quickWin: "QW", majorProject: "MP", fillIn: "FI", thanklessTask: "TT" },
      fields: { solution: "Solution", impact: "Impact", effort: "Effort", quadrant: "Quadrant" },
    } as const;
    const svg = impactEffortChart({
      ...base,
      points: [{ id: "a", label: hostile, rank: 1, impact: 5, effort: 0, quadrant: "quickWin" }],
      domain: { impact: [1, 5], effort: [0, 500] },
    });
    wellFormed(svg);
    expect(svg).toContain("<title>&lt;script&gt;");
    const flat = impactEffortChart({
      ...base,
      points: [
        { id: "x", label: "x", rank: null, impact: 2, effort: 2, quadrant: "unknown" as never },
      ],
      domain: { impact: [2, 2], effort: [2, 2] },
    });
    wellFormed(flat);
    expect(flat).toContain('fill="#607d8b"'); // unknown quadrant colour
  });
});

describe("rankingChart", () => {
  const row = (rank: number, score: number, stability: number | null) => ({
    id: `s${rank}`,
    rank,
    label: `s${rank}`,
    score,
    scoreText: String(score),
    stability,
    stabilityText: stability === null ? "n/a" : `${stability * 100}%`,
  });
  const base = {
    chart: "ranking",
    title: "Ranking",
    method: "Weighted sum",
    stability: null,
    headers: { score: "Score", stability: "Stability" },
  } as const;

  it("draws negative scores from zero and colours stability by level", () => {
    const svg = rankingChart({
      ...base,
      domain: [-0.2, 0.9],
      points: [row(1, 0.9, 0.95), row(2, -0.2, 0.6), row(3, 0.1, 0.1), row(4, 0, null)],
    });
    wellFormed(svg);
    expect(svg).toContain("#2e7d32");
    expect(svg).toContain("#d9822b");
    expect(svg).toContain("#c62828");
    wellFormed(rankingChart({ ...base, domain: [0, 0], points: [] }));
  });
});

describe("timelineChart", () => {
  it("draws dated items as bars and undated ones as a note, with ticks inside the range", () => {
    const svg = timelineChart({
      chart: "timeline",
      title: "Timeline",
      start: "2021-02-08",
      seriesTitle: "Horizon",
      series: [
        { key: "quickWin", label: "Quick win" },
        { key: "unscheduled", label: "Unscheduled" },
      ],
      boundaries: [
        { date: "2021-08-08", label: "6 months" },
        { date: "2022-05-08", label: "15 months" },
      ],
      ticks: [
        { date: "2021-02-08", label: "Feb" },
        { date: "2030-01-01", label: "outside" },
      ],
      points: [
        {
          id: "a",
          label: "a",
          horizon: "quickWin",
          horizonLabel: "Quick win",
          start: "2021-03-01",
          end: "2021-07-31",
          note: hostile,
        },
        {
          id: "b",
          label: "b",
          horizon: "unscheduled",
          horizonLabel: "Unscheduled",
          start: null,
          end: null,
          note: "Unscheduled",
        },
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
  const base = {
    chart: "budget",
    title: "Budget",
    currency: "EUR",
    axisTitle: "Amount (EUR)",
    seriesTitle: "Source",
    series: [{ key: "eu", label: "EU" }],
  } as const;

  it("stacks the segments and marks an empty bar", () => {
    const segment = (key: string, value: number) => ({ key, label: key, value, text: `${value}` });
    const svg = budgetChart({
      ...base,
      bars: [
        {
          id: "quickWin",
          label: "Quick win",
          points: [segment("eu", 10), segment("unfunded", 5)],
          totalText: "15",
        },
        { id: "longTerm", label: "Empty", points: [segment("eu", 0)], totalText: "0" },
      ],
      legend: [{ key: "eu", label: "EU" }],
    });
    wellFormed(svg);
    expect(svg.match(/<rect [^>]*fill="#1f4e9c"/g)?.length).toBe(2); // the segment and the legend swatch
    expect(svg).toContain('width="2" height="22" fill="#d0d5dc"');
    wellFormed(budgetChart({ ...base, bars: [], legend: [] }));
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

describe("fraction", () => {
  const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

  it("is a share in 0–1 for any finite numbers, monotone in the value, null for an empty range", () => {
    fc.assert(
      fc.property(finite, finite, finite, finite, (a, b, lo, hi) => {
        const fa = fraction(a, lo, hi);
        const fb = fraction(b, lo, hi);
        if (!(hi > lo)) {
          expect([fa, fb]).toStrictEqual([null, null]);
          return;
        }
        for (const f of [fa, fb] as number[]) {
          expect(Number.isFinite(f) && f >= 0 && f <= 1).toBe(true);
        }
        if (a <= b) expect(fa as number).toBeLessThanOrEqual(fb as number);
      }),
      { numRuns: 2000 },
    );
  });

  it("places the ends of a range whose width overflows, and its middle at one half", () => {
    const M = Number.MAX_VALUE;
    expect(fraction(-M, -M, M)).toBe(0);
    expect(fraction(M, -M, M)).toBe(1);
    expect(fraction(0, -M, M)).toBe(0.5);
    expect(fraction(1e308, -1, 1)).toBe(1);
    expect(fraction(-1e308, -1, 1)).toBe(0);
    expect(fraction(5, 5, 5)).toBeNull();
  });
});
