/**
 * One model per chart (issue 18): the HTML report's SVG chart and the Vega-Lite specification of
 * each chart are both written from the chart's model, and each carries exactly the model's points
 * — the SVG as marks placed by the model's values, the Vega-Lite spec as `data.values`.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reparse, sofiaReport } from "../../test/helpers/reports.js";
import { edgeAssessment } from "../../test/golden/edge.js";
import { daysBetween } from "../_lib/dates.js";
import { reportLanguages } from "../_lib/languages.js";
import type { Report } from "../schema/report.js";
import { parseAssessment } from "../schema/parseAssessment.js";
import {
  budgetModel,
  colourOf,
  impactEffortModel,
  radarModel,
  rankingModel,
  swotModel,
  timelineModel,
  type BudgetModel,
  type ChartModel,
  type ImpactEffortModel,
  type RadarModel,
  type RankingModel,
  type SwotModel,
  type TimelineModel,
} from "./_charts.js";
import { escapeHtml } from "../_lib/escape.js";
import { contextOf } from "./_reportDocument.js";
import {
  budgetChart,
  fraction,
  impactEffortChart,
  radarChart,
  rankingChart,
  swotGrid,
  timelineChart,
  truncate,
} from "./_svg.js";
import { createReport } from "./createReport.js";
import { getReportLabels } from "./getReportLabels.js";
import type { ReportChart } from "./i18n/labels.js";
import { renderHtml } from "./renderHtml.js";
import { toVegaLite, vegaLiteOf } from "./toVegaLite.js";

type Values = Record<string, unknown>[];
const valuesOf = (spec: Readonly<Record<string, unknown>>): Values =>
  (spec["data"] as { values: Values }).values;
const num = (s: string | undefined): number => Number(s);
/** SVG coordinates are written to 0.01. */
const near = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(0.006);
const share = (v: number, lo: number, hi: number, empty = 0) => fraction(v, lo, hi) ?? empty;

/** The models of a report's charts, for the charts its sections have data for. */
function modelsOf(report: Report, lang: (typeof reportLanguages)[number]): ChartModel[] {
  const c = contextOf(report, getReportLabels(lang));
  const s = report.sections;
  const out: ChartModel[] = [];
  if (s.maturity) out.push(radarModel(c, s.maturity));
  if (s.swot) out.push(swotModel(c, s.swot));
  if (s.prioritisation?.impactEffort) {
    out.push(impactEffortModel(c, s.prioritisation, s.prioritisation.impactEffort));
  }
  if (s.prioritisation) out.push(rankingModel(c, s.prioritisation));
  if (s.horizons) out.push(timelineModel(c, s.horizons));
  if (s.actionPlan) out.push(budgetModel(c, s.actionPlan));
  return out;
}

function svgOf(m: ChartModel): string {
  switch (m.chart) {
    case "maturityRadar":
      return radarChart(m);
    case "swotGrid":
      return swotGrid(m);
    case "impactEffort":
      return impactEffortChart(m);
    case "ranking":
      return rankingChart(m);
    case "timeline":
      return timelineChart(m);
    case "budget":
      return budgetChart(m);
  }
}

/** Each model point as the Vega-Lite spec must carry it. */
function expectedValues(m: ChartModel): Values {
  switch (m.chart) {
    case "maturityRadar":
      return m.points.map((p) => ({
        id: p.id,
        dimension: p.label,
        slot: 1,
        score: p.score,
        level: p.level,
        target: p.target,
      }));
    case "swotGrid": {
      const title = new Map(m.quadrants.map((q) => [q.key, q.title]));
      return m.points.map((p, order) => ({
        id: p.id,
        quadrant: title.get(p.quadrant),
        item: p.text,
        value: p.value ?? 1,
        weighted: p.value !== null,
        order,
      }));
    }
    case "impactEffort":
      return m.points.map((p) => ({
        solution: p.label,
        rank: p.rank,
        impact: p.impact,
        effort: p.effort,
        quadrant: m.quadrants[p.quadrant],
      }));
    case "ranking":
      return m.points.map((p) => ({
        solution: p.label,
        rank: p.rank,
        score: p.score,
        sameRank: p.stability,
      }));
    case "timeline":
      return m.points
        .filter((p) => p.end !== null)
        .map((p) => ({ solution: p.label, start: p.start, end: p.end, horizon: p.horizonLabel }));
    case "budget":
      return m.bars.flatMap((b) =>
        b.points.map((p) => ({ horizon: b.label, source: p.label, amount: p.value })),
      );
  }
}

/** The text of an SVG `<text>` as written (a shortened one after its full text's `<title>`). */
const shown = (text: string) => `${escapeHtml(text)}</text>`;

function expectRadarMarks(svg: string, m: RadarModel): void {
  const marks = [...svg.matchAll(/<circle cx="([^"]+)" cy="([^"]+)" r="4" fill="([^"]+)"/g)];
  expect(marks).toHaveLength(m.points.length);
  m.points.forEach((p, i) => {
    const [, x, y, fill] = marks[i] as RegExpMatchArray;
    const f = p.score === null ? 0 : share(p.score, m.domain[0], m.domain[1]);
    // the marker's distance from the centre (390, 260) is the score's share of the radius 170
    expect(Math.abs(Math.hypot(num(x) - 390, num(y) - 260) - 170 * f)).toBeLessThanOrEqual(0.01);
    expect(fill === "#fff").toBe(p.score === null);
    expect(svg).toContain(shown(truncate(p.label, 26)));
    expect(svg).toContain(shown(p.text));
  });
}

function expectSwotMarks(svg: string, m: SwotModel): void {
  const items = [...svg.matchAll(/>• ([^<]*)<\/text>/g)].map((x) => x[1]);
  const expected = m.quadrants.flatMap((q) =>
    m.points
      .filter((p) => p.quadrant === q.key)
      .slice(0, 8)
      .map((p) => escapeHtml(truncate(p.text, 52))),
  );
  expect(items).toStrictEqual(expected);
  for (const p of m.points) if (p.valueText !== "") expect(svg).toContain(shown(p.valueText));
  for (const q of m.quadrants) expect(svg).toContain(shown(q.summary));
}

function expectImpactEffortMarks(svg: string, m: ImpactEffortModel): void {
  const marks = [
    ...svg.matchAll(
      /<circle cx="([^"]+)" cy="([^"]+)" r="11" fill="([^"]+)" fill-opacity="0.9"><title>([^<]*)<\/title>/g,
    ),
  ];
  expect(marks).toHaveLength(m.points.length);
  m.points.forEach((p, i) => {
    const [, x, y, fill, title] = marks[i] as RegExpMatchArray;
    const [e0, e1] = m.domain.effort;
    const [i0, i1] = m.domain.impact;
    // the plot is 400 × 400 at (60, 20), with 24 of padding; effort to the right, impact up
    near(num(x), 84 + share(p.effort, e0, e1, 0.5) * 352);
    near(num(y), 396 - share(p.impact, i0, i1, 0.5) * 352);
    expect(fill).toBe(colourOf(p.quadrant));
    expect(title).toBe(escapeHtml(p.label));
  });
}

function expectRankingMarks(svg: string, m: RankingModel): void {
  const bars = [
    ...svg.matchAll(/<rect x="([^"]+)" y="[^"]+" width="([^"]+)" height="16" fill="#1f5fa8"/g),
  ];
  expect(bars).toHaveLength(m.points.length);
  const [lo, hi] = m.domain;
  const x = (v: number) => 280 + share(v, lo, hi) * 250;
  m.points.forEach((p, i) => {
    const [, x1, width] = bars[i] as RegExpMatchArray;
    // each bar runs from zero to the score on a 250-wide scale starting at 280
    near(num(x1), x(Math.min(0, p.score)));
    near(num(width), Math.max(2, x(Math.max(0, p.score)) - x(Math.min(0, p.score))));
    expect(svg).toContain(shown(`${p.rank}. ${truncate(p.label, 36)}`));
    expect(svg).toContain(shown(p.scoreText));
    expect(svg).toContain(shown(p.stabilityText));
  });
}

function expectTimelineMarks(svg: string, m: TimelineModel): void {
  const bars = [
    ...svg.matchAll(
      /<rect x="([^"]+)" y="[^"]+" width="([^"]+)" height="16" rx="3" fill="([^"]+)"><title>([^<]*)<\/title>/g,
    ),
  ];
  const dated = m.points.filter((p) => p.start !== null && p.end !== null);
  expect(bars).toHaveLength(dated.length);
  const dates = [
    m.start,
    ...m.boundaries.map((b) => b.date),
    ...dated.flatMap((p) => [p.start as string, p.end as string]),
  ].sort();
  const first = dates[0] as string;
  const span = Math.max(1, daysBetween(first, dates.at(-1) as string));
  const x = (d: string) => 260 + (daysBetween(first, d) / span) * 580;
  dated.forEach((p, i) => {
    const [, x1, width, fill, title] = bars[i] as RegExpMatchArray;
    near(num(x1), x(p.start as string));
    near(num(width), Math.max(3, x(p.end as string) - x(p.start as string)));
    expect(fill).toBe(colourOf(p.horizon));
    expect(title).toBe(escapeHtml(p.note));
  });
  for (const p of m.points) expect(svg).toContain(shown(truncate(p.label, 34)));
}

function expectBudgetMarks(svg: string, m: BudgetModel): void {
  const segments = [
    ...svg.matchAll(
      /<rect x="[^"]+" y="[^"]+" width="([^"]+)" height="22" fill="([^"]+)"><title>([^<]*)<\/title>/g,
    ),
  ];
  const max = Math.max(
    0,
    ...m.bars.map((b) => b.points.reduce((s, p) => s + Math.max(0, p.value), 0)),
  );
  const drawn = m.bars.flatMap((b) => b.points).filter((p) => share(p.value, 0, max) > 0);
  expect(segments).toHaveLength(drawn.length);
  drawn.forEach((p, i) => {
    const [, width, fill, title] = segments[i] as RegExpMatchArray;
    near(num(width), share(p.value, 0, max) * 400);
    expect(fill).toBe(colourOf(p.key));
    expect(title).toBe(escapeHtml(p.text));
  });
  for (const b of m.bars) expect(svg).toContain(shown(b.totalText));
}

function expectMarks(svg: string, m: ChartModel): void {
  switch (m.chart) {
    case "maturityRadar":
      return expectRadarMarks(svg, m);
    case "swotGrid":
      return expectSwotMarks(svg, m);
    case "impactEffort":
      return expectImpactEffortMarks(svg, m);
    case "ranking":
      return expectRankingMarks(svg, m);
    case "timeline":
      return expectTimelineMarks(svg, m);
    case "budget":
      return expectBudgetMarks(svg, m);
  }
}

/** Both renderings of each chart of a report come from its model and carry its points. */
function expectOneModel(report: Report, lang: (typeof reportLanguages)[number]): ReportChart[] {
  const html = renderHtml(report, { lang });
  const models = modelsOf(report, lang);
  for (const m of models) {
    const svg = svgOf(m);
    const spec = toVegaLite(report, m.chart, { lang });
    // the report's chart is the model drawn, and its Vega-Lite spec is the model written
    if (m.chart !== "budget" || m.bars.length > 0) expect(html).toContain(svg);
    expect(spec).toStrictEqual(vegaLiteOf(m));
    expect(spec["title"]).toBe(m.title);
    // as plain JSON: -0 is written as 0
    expect(valuesOf(spec)).toStrictEqual(JSON.parse(JSON.stringify(expectedValues(m))));
    expectMarks(svg, m);
  }
  return models.map((m) => m.chart);
}

const sofia = sofiaReport(100);
const edge = createReport(parseAssessment(edgeAssessment()), {
  generatedAt: "2023-04-01",
  stability: false,
});

describe("chart models", () => {
  it.each(reportLanguages)(
    "give the SVG and the Vega-Lite spec of each chart of the Sofia report (%s)",
    (lang) => {
      expect(expectOneModel(sofia, lang)).toStrictEqual([
        "maturityRadar",
        "swotGrid",
        "impactEffort",
        "ranking",
        "timeline",
        "budget",
      ]);
    },
  );

  it.each(reportLanguages)("do the same for a report at the edges (%s)", (lang) => {
    expect(expectOneModel(edge, lang)).toStrictEqual([
      "maturityRadar",
      "swotGrid",
      "ranking",
      "timeline",
      "budget",
    ]);
  });

  it("name a built-in framework's dimensions and levels in the report language, in both", () => {
    const [radar] = modelsOf(sofia, "bg") as [RadarModel];
    expect(radar.points[0]?.label).toBe("Стратегия и управление");
    const values = valuesOf(toVegaLite(sofia, "maturityRadar", { lang: "bg" }));
    expect(values[0]?.["dimension"]).toBe("Стратегия и управление");
    expect(radarChart(radar)).toContain(shown("Стратегия и управление"));
  });

  it("keep carrying the same points when the charted numbers are anything finite", () => {
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
    const ranking = sofia.sections.prioritisation?.ranking ?? [];
    const items = sofia.sections.prioritisation?.impactEffort?.items ?? [];
    const dims = sofia.sections.maturity?.dimensions ?? [];
    fc.assert(
      fc.property(
        fc.array(finite, { minLength: ranking.length, maxLength: ranking.length }),
        fc.array(fc.tuple(finite, finite), { minLength: items.length, maxLength: items.length }),
        fc.array(fc.option(finite), { minLength: dims.length, maxLength: dims.length }),
        fc.tuple(finite, finite),
        (scores, points, dimScores, [a, b]) => {
          const report = reparse(sofia, (json) => {
            const p = json["sections"].prioritisation;
            scores.forEach((s, i) => (p.ranking[i].score = s));
            points.forEach(([impact, effort], i) => {
              p.impactEffort.items[i].impact = impact;
              p.impactEffort.items[i].effort = effort;
            });
            const m = json["sections"].maturity;
            dimScores.forEach((s, i) => (m.dimensions[i].score = s));
            m.scale = { min: Math.min(a, b), max: Math.max(a, b) };
          });
          expectOneModel(report, "en");
        },
      ),
      { numRuns: 25, seed: 18 },
    );
  });
});
