/**
 * Hostile text in an assessment must come out inert in every report format. The payloads
 * (test/browser/payloads.ts) go into stakeholder names, need statements, SWOT items, solution
 * titles, workshop titles and outputs, TOWS strategies, KPIs, risks and criteria; the browser
 * test opens the same HTML in Chromium.
 */
import { describe, expect, it } from "vitest";
import { hostileAssessment } from "../../test/browser/hostile.js";
import { injectionPayloads } from "../../test/browser/payloads.js";
import { builtinFrameworks } from "../frameworks/builtinFrameworks.js";
import { parseAssessment } from "../schema/parseAssessment.js";
import { escapeHtml, escapeMarkdown } from "../_lib/escape.js";
import { compareReports } from "./compareReports.js";
import { createReport } from "./createReport.js";
import { renderComparisonHtml } from "./renderComparisonHtml.js";
import { renderComparisonMarkdown } from "./renderComparisonMarkdown.js";
import { renderHtml } from "./renderHtml.js";
import { renderMarkdown } from "./renderMarkdown.js";
import { toVegaLite } from "./toVegaLite.js";

const report = createReport(
  parseAssessment(hostileAssessment(), { frameworks: builtinFrameworks }),
  {
    generatedAt: "2021-02-15",
    stability: { draws: 50 },
  },
);

// Everything the HTML renderers may write: tags and attributes, nothing else.
const TAGS = new Set([
  "html",
  "head",
  "meta",
  "title",
  "style",
  "body",
  "main",
  "header",
  "h1",
  "h2",
  "h3",
  "h4",
  "p",
  "strong",
  "nav",
  "ol",
  "ul",
  "li",
  "a",
  "section",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "figure",
  "svg",
  "rect",
  "line",
  "text",
  "circle",
  "polygon",
  "polyline",
  "details",
  "summary",
  "pre",
  "footer",
  "div",
]);
const ATTRIBUTES = new Set([
  "lang",
  "charset",
  "http-equiv",
  "content",
  "name",
  "href",
  "id",
  "class",
  "viewbox",
  "width",
  "height",
  "role",
  "aria-labelledby",
  "data-chart",
  "x",
  "y",
  "x1",
  "y1",
  "x2",
  "y2",
  "cx",
  "cy",
  "r",
  "rx",
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "text-anchor",
  "font-size",
  "font-weight",
  "font-style",
  "transform",
  "points",
]);

function checkHtml(html: string): void {
  expect(html.match(/<style>/g)?.length).toBe(1);
  const css = html.slice(html.indexOf("<style>"), html.indexOf("</style>"));
  expect(css).not.toMatch(/url\(|@import|expression/i);
  for (const tag of html.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    const name = (tag[1] as string).toLowerCase();
    expect(TAGS.has(name), `unexpected <${name}>`).toBe(true);
    for (const attr of (tag[2] as string).matchAll(/([^\s=]+)(?:="([^"]*)")?/g)) {
      const a = (attr[1] as string).toLowerCase();
      expect(ATTRIBUTES.has(a), `unexpected attribute ${a} on <${name}>`).toBe(true);
      if (a === "href") expect(attr[2]).toMatch(/^#[a-zA-Z]+$/);
    }
  }
  // every "<" the document contains starts one of the tags checked above (or a closing tag)
  const lts = html.match(/</g)?.length ?? 0;
  const tags = html.match(/<\/?[a-zA-Z][\w-]*[\s>/]|<!DOCTYPE html>/g)?.length ?? 0;
  expect(lts).toBe(tags);
  expect(html).not.toMatch(/\b(javascript|vbscript|data)\s*:/i);
}

function checkMarkdown(md: string): void {
  const prose = md.replace(/```json\n[\s\S]*?\n```/g, "");
  expect(prose).not.toContain("<");
  expect(prose).not.toMatch(/(?<!\\)\]\(|(?<!\\)!\[|(?<!\\)\]:/);
  expect(md).not.toMatch(/\b(javascript|vbscript|data)\s*:/i);
}

describe("renderHtml", () => {
  it("uses at least 20 payloads, each in stakeholder names, needs and SWOT items", () => {
    const a = hostileAssessment() as {
      stakeholders: { name: string }[];
      needs: { statement: string }[];
      swot: { text: string }[];
    };
    expect(injectionPayloads.length).toBeGreaterThanOrEqual(20);
    for (const p of injectionPayloads) {
      expect(a.stakeholders.some((s) => s.name.includes(p))).toBe(true);
      expect(a.needs.some((n) => n.statement.includes(p))).toBe(true);
      expect(a.swot.some((s) => s.text.includes(p))).toBe(true);
    }
  });

  it.each(["en", "bg"] as const)("keeps every payload inert as text (%s)", (lang) => {
    const html = renderHtml(report, { lang });
    checkHtml(html);
    for (const p of injectionPayloads) {
      // the stakeholder name is written whole, escaped, in the stakeholder table
      expect(html).toContain(escapeHtml(`${p}`));
    }
  });

  it("keeps every payload inert in a comparison", () => {
    checkHtml(renderComparisonHtml(compareReports([report, report])));
  });
});

describe("renderMarkdown", () => {
  it.each(["en", "bg"] as const)("keeps every payload inert as text (%s)", (lang) => {
    const md = renderMarkdown(report, { lang });
    checkMarkdown(md);
    for (const p of injectionPayloads) expect(md).toContain(escapeMarkdown(p));
  });

  it("keeps every payload inert in a comparison", () => {
    checkMarkdown(renderComparisonMarkdown(compareReports([report, report])));
  });
});

describe("toVegaLite", () => {
  it("passes user text as data values, which Vega renders as text", () => {
    const spec = toVegaLite(report, "swotGrid");
    const values = (spec["data"] as { values: { item: string }[] }).values;
    expect(values.some((v) => injectionPayloads.some((p) => v.item.includes(p)))).toBe(true);
  });
});
