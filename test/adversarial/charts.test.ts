/**
 * Finite charts (issue 14, item 6): a schema-valid report from another producer may hold any
 * finite numbers — scores of ±1.8e308, a scale whose minimum equals its maximum, an impact/effort
 * point far outside its domain — and the HTML charts (inline SVG), the Vega-Lite specifications
 * and the comparison charts must still never show NaN or ±Infinity. Reports are the Sofia report
 * with numbers replaced by extreme values; a change the schema refuses is undone, so every report
 * rendered is one `parseReport` accepts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareReports } from "../../src/report/compareReports.js";
import { reportCharts } from "../../src/report/i18n/labels.js";
import { renderComparisonHtml } from "../../src/report/renderComparisonHtml.js";
import { renderComparisonMarkdown } from "../../src/report/renderComparisonMarkdown.js";
import { renderHtml } from "../../src/report/renderHtml.js";
import { renderMarkdown } from "../../src/report/renderMarkdown.js";
import { toVegaLite } from "../../src/report/toVegaLite.js";
import { parseReport, safeParseReport } from "../../src/schema/parseReport.js";
import type { Report } from "../../src/schema/report.js";
import { readFileSync } from "node:fs";
import { runs, SEED } from "./_hostile.js";

type Path = readonly (string | number)[];

/** Every path to a number in a JSON value. */
function numberPaths(v: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (typeof v === "number") out.push(path);
  else if (Array.isArray(v)) v.forEach((x, i) => numberPaths(x, [...path, i], out));
  else if (typeof v === "object" && v !== null)
    for (const [k, x] of Object.entries(v)) numberPaths(x, [...path, k], out);
  return out;
}

function setAt(doc: unknown, path: Path, value: unknown): void {
  let o = doc as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  o[path[path.length - 1] as string | number] = value;
}

function getAt(doc: unknown, path: Path): unknown {
  let o = doc as Record<string | number, unknown>;
  for (const k of path) o = o[k] as Record<string | number, unknown>;
  return o;
}

/** The Sofia report as published (the golden file: a report another run of the library wrote). */
const base = JSON.parse(
  readFileSync(new URL("../golden/v1.0/sofia-2021.report.json", import.meta.url), "utf8"),
) as Record<string, unknown>;
const paths = numberPaths(base);
/** The numbers the charts draw from (scales, domains, thresholds, scores, shares, weights). */
const CHARTED =
  /^(score|impact|effort|min|max|domain|thresholds|weight|rating|weightedScore|sameRank|top|meanRank|target|baseline|0|1|total|midpoint|ife|efe)$/;
const charted = paths.filter((p) => p.some((k) => typeof k === "string" && CHARTED.test(k)));

/** Finite numbers that break naive scales: extremes, denormals, zero, and values that repeat. */
const extreme = fc.oneof(
  fc.constantFrom(
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
    -Number.MIN_VALUE,
    0,
    1,
    -1,
    1e300,
    -1e300,
    Number.MAX_SAFE_INTEGER,
    -Number.MAX_SAFE_INTEGER,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
);

/**
 * The Sofia report with up to 40 numbers replaced; each replacement the schema refuses is undone
 * (the report has no rule across fields, so each issue's path is one replaced number).
 */
const extremeReport: fc.Arbitrary<Report> = fc
  .array(
    fc.tuple(
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...charted) },
        { weight: 1, arbitrary: fc.constantFrom(...paths) },
      ),
      extreme,
    ),
    { minLength: 1, maxLength: 40 },
  )
  .map((changes) => {
    const doc = structuredClone(base);
    for (const [path, value] of changes) setAt(doc, path, value);
    for (let attempt = 0; attempt < 5; attempt++) {
      const r = safeParseReport(doc);
      if (r.success) return r.data;
      for (const issue of r.issues) setAt(doc, issue.path, getAt(base, issue.path));
    }
    return parseReport(doc);
  });

const NON_FINITE = /NaN|Infinity/;

/** The first non-finite text in a rendering, with some context, or null. */
function nonFinite(text: string): string | null {
  const m = NON_FINITE.exec(text);
  return m === null ? null : text.slice(Math.max(0, m.index - 80), m.index + 20);
}

describe("charts of schema-valid reports with extreme numbers", () => {
  it("never render NaN or Infinity in HTML, Markdown, Vega-Lite or a comparison", () => {
    fc.assert(
      fc.property(extremeReport, extremeReport, (report, other) => {
        const outputs = [
          renderHtml(report),
          renderMarkdown(report),
          renderHtml(report, { lang: "bg" }),
        ];
        for (const chart of reportCharts) {
          try {
            outputs.push(JSON.stringify(toVegaLite(report, chart)));
          } catch (e) {
            // a chart whose section the report lacks is refused, never drawn from nothing
            expect((e as { code?: string }).code).toBe("missing_value");
          }
        }
        const comparison = compareReports([report, other]);
        outputs.push(renderComparisonHtml(comparison), renderComparisonMarkdown(comparison));
        outputs.push(JSON.stringify(comparison));
        for (const text of outputs) expect(nonFinite(text)).toBeNull();
      }),
      { seed: SEED, numRuns: runs(150) },
    );
  });

  it("draw a point outside the impact/effort domain inside the frame, and a zero-width scale", () => {
    const doc = structuredClone(base) as Record<string, any>;
    const ie = doc["sections"]["prioritisation"]["impactEffort"];
    ie.items[0].impact = 1e308;
    ie.items[0].effort = -1e308;
    ie.domain.impact = [5, 5];
    ie.domain.effort = [-Number.MAX_VALUE, Number.MAX_VALUE];
    doc["sections"]["maturity"]["scale"] = { min: 7, max: 7 };
    doc["sections"]["prioritisation"]["ranking"][0].score = Number.MAX_VALUE;
    doc["sections"]["prioritisation"]["ranking"][1].score = -Number.MAX_VALUE;
    const html = renderHtml(parseReport(doc));
    expect(nonFinite(html)).toBeNull();
    const svg = /<svg[^>]*data-chart="impactEffort"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? "";
    const cys = [...svg.matchAll(/<circle cx="([^"]+)" cy="([^"]+)"/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(cys.length).toBeGreaterThan(0);
    // inside the 760 × 480 view box
    for (const [x, y] of cys) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(760);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(480);
    }
  });
});
