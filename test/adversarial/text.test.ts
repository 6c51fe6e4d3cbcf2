/**
 * Text (issue 14, item 8): lone surrogates are refused with their path when an assessment or a
 * report is parsed; bidi controls never reach rendered HTML or Markdown; and no Markdown renderer
 * makes a link the user did not write. The Markdown is rendered with markdown-it with `linkify`
 * on (GFM-style autolinks of bare URLs, `www.` and e-mail addresses) and must contain no `<a`:
 * the library writes no link of its own in Markdown.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { compareReports } from "../../src/report/compareReports.js";
import { renderComparisonHtml } from "../../src/report/renderComparisonHtml.js";
import { renderComparisonMarkdown } from "../../src/report/renderComparisonMarkdown.js";
import { renderHtml } from "../../src/report/renderHtml.js";
import { renderMarkdown } from "../../src/report/renderMarkdown.js";
import { safeParseAssessment } from "../../src/schema/parseAssessment.js";
import { parseReport, safeParseReport } from "../../src/schema/parseReport.js";
import type { Report } from "../../src/schema/report.js";
import { sofiaJson } from "../helpers/sofia.js";
import { runs, SEED } from "./_hostile.js";

type Path = readonly (string | number)[];

const md = new MarkdownIt({ linkify: true });

/** The Sofia report as published (the golden file). */
const base = JSON.parse(
  readFileSync(new URL("../golden/v1.0/sofia-2021.report.json", import.meta.url), "utf8"),
) as Record<string, unknown>;

function stringPaths(v: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (typeof v === "string") out.push(path);
  else if (Array.isArray(v)) v.forEach((x, i) => stringPaths(x, [...path, i], out));
  else if (typeof v === "object" && v !== null)
    for (const [k, x] of Object.entries(v)) stringPaths(x, [...path, k], out);
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

const BIDI = [
  "\u202A",
  "\u202B",
  "\u202C",
  "\u202D",
  "\u202E",
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
  "\u200E",
  "\u200F",
  "\u061C",
];
const BIDI_RE = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** Pieces of text that renderers turn into links, and bidi controls. */
const fragments = fc.constantFrom(
  "http://",
  "https://",
  "HTTPS://",
  "ftp://",
  "www.",
  "WWW.",
  "example.com",
  "sofia.bg",
  "xn--80adxhks.xn--p1ai",
  "/path?q=1#x",
  "mailto:",
  "xmpp:",
  "a@b.c",
  "user@example.org",
  "icc-citizen-participation@1.0.0",
  "@",
  ".",
  ":",
  "//",
  "<",
  ">",
  "<http://example.com>",
  "<a@b.co>",
  "[x](http://e.com)",
  "![i](http://e.com/i.png)",
  "[ref]: http://e.com",
  "javascript:alert(1)",
  "&lt;",
  "\\",
  " ",
  "-",
  "_",
  "1.0",
  ...BIDI,
);

const hostileText = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fragments },
      { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
    ),
    {
      minLength: 1,
      maxLength: 12,
    },
  )
  .map((parts) => parts.join(""));

const paths = stringPaths(base);

/** The Sofia report with up to 30 strings replaced by hostile text (what the schema refuses undone). */
const hostileReport: fc.Arbitrary<Report> = fc
  .array(fc.tuple(fc.constantFrom(...paths), hostileText), { minLength: 1, maxLength: 30 })
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

/** Every user-text field of the report set to one string (those the schema accepts). */
function everyField(text: string): Report {
  const doc = structuredClone(base);
  for (const path of paths) setAt(doc, path, text);
  for (let attempt = 0; attempt < 5; attempt++) {
    const r = safeParseReport(doc);
    if (r.success) return r.data;
    for (const issue of r.issues) setAt(doc, issue.path, getAt(base, issue.path));
  }
  return parseReport(doc);
}

/** The links markdown-it makes of a Markdown text. */
function links(markdown: string): string[] {
  return [...md.render(markdown).matchAll(/<a [^>]*>/g)].map((m) => m[0]);
}

describe("Markdown of hostile text through a CommonMark renderer with autolinks", () => {
  it("the Sofia report's Markdown has no link, so every link found would be one the user did not write", () => {
    const report = parseReport(structuredClone(base));
    expect(links(renderMarkdown(report))).toStrictEqual([]);
    const comparison = compareReports([report, report]);
    expect(links(renderComparisonMarkdown(comparison))).toStrictEqual([]);
  });

  it("makes no link of URLs, www., domains or e-mail addresses in any user-text field", () => {
    for (const text of [
      "see http://example.com and https://e.org/x",
      "www.example.com",
      "write to a@b.co or user@example.org",
      "<http://example.com> <a@b.co>",
      "icc-citizen-participation@1.0.0",
      "mailto:x@y.zz",
      "ftp://files.example.net",
    ]) {
      const report = everyField(text);
      expect(links(renderMarkdown(report))).toStrictEqual([]);
      expect(links(renderMarkdown(report, { lang: "bg" }))).toStrictEqual([]);
      const comparison = compareReports([report, report]);
      expect(links(renderComparisonMarkdown(comparison))).toStrictEqual([]);
    }
  });

  it("shows the text as written: the escapes render as the characters they stand for", () => {
    const report = everyField("www.example.com a@b.co http://x.org 3.5");
    const html = md.render(renderMarkdown(report));
    expect(html).toContain("www.example.com a@b.co http://x.org 3.5");
  });

  it("makes no link and lets no bidi control through, for random hostile text (property)", () => {
    fc.assert(
      fc.property(hostileReport, (report) => {
        const markdown = renderMarkdown(report);
        expect(links(markdown)).toStrictEqual([]);
        expect(BIDI_RE.test(markdown)).toBe(false);
        expect(BIDI_RE.test(renderHtml(report))).toBe(false);
        const comparison = compareReports([report, report]);
        const cmp = renderComparisonMarkdown(comparison);
        expect(links(cmp)).toStrictEqual([]);
        expect(BIDI_RE.test(cmp)).toBe(false);
        expect(BIDI_RE.test(renderComparisonHtml(comparison))).toBe(false);
      }),
      { seed: SEED, numRuns: runs(200) },
    );
  });
});

describe("bidi controls", () => {
  it("become U+FFFD in HTML and Markdown, every one of them", () => {
    const report = everyField(`a${BIDI.join("b")}c`);
    for (const out of [renderHtml(report), renderMarkdown(report)]) {
      expect(BIDI_RE.test(out)).toBe(false);
      expect(out).toContain(`a${BIDI.map(() => "\uFFFD").join("b")}c`);
    }
  });
});

/** Whether every surrogate code unit of `s` is half of a pair (by code units, not by regex). */
function wellFormed(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

describe("lone surrogates", () => {
  const lone = ["\uD800", "\uDBFF", "\uDC00", "\uDFFF", "a\uDC00\uD800b"];

  it("are refused in an assessment, with the path of the field", () => {
    for (const s of lone) {
      const doc = sofiaJson();
      (doc["city"] as Record<string, unknown>)["name"] = `Sofia${s}`;
      const r = safeParseAssessment(doc);
      expect(r.success).toBe(false);
      if (!r.success) {
        expect(r.issues.map((i) => [i.code, i.path])).toStrictEqual([
          ["invalid_value", ["city", "name"]],
        ]);
        expect(r.issues[0]?.message).toContain("lone surrogate");
      }
    }
  });

  it("are refused in a report, in every kind of string field, with its path", () => {
    const cases: Path[] = [
      ["city", "name"],
      ["sections", "needs", "ranked", 0, "statement"],
      ["sections", "needs", "method"],
      ["provenance", "generatedAt"],
    ];
    for (const path of cases) {
      const doc = structuredClone(base);
      setAt(doc, path, `x\uD83Dy`);
      const r = safeParseReport(doc);
      expect(r.success).toBe(false);
      if (!r.success) expect(r.issues.map((i) => i.path)).toContainEqual(path);
    }
  });

  it("refuse exactly the strings with a lone half, and accept a pair (an emoji)", () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.oneof(
            fc.constantFrom("\uD800", "\uDBFF", "\uDC00", "\uDFFF"),
            fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
          ),
          maxLength: 30,
        }),
        (s) => {
          const doc = structuredClone(base);
          setAt(doc, ["city", "name"], `Sofia ${s}`.slice(0, 300));
          const r = safeParseReport(doc);
          expect(r.success).toBe(wellFormed(`Sofia ${s}`.slice(0, 300)));
        },
      ),
      { seed: SEED, numRuns: runs(300) },
    );
    const doc = structuredClone(base);
    setAt(doc, ["city", "name"], "Sofia 🏙️");
    expect(safeParseReport(doc).success).toBe(true);
  });
});
