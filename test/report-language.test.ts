/**
 * Issue 16, report side: a Bulgarian report is in Bulgarian (the framework's own Bulgarian texts
 * included), a report credits its framework's provenance and authors (only the built-in frameworks
 * are "designed by the icc-assessment project"), the summary states where its priorities come
 * from, and a score rounds the same in `icc-assess score` and in the report.
 */
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { createNumberFormatter } from "../src/_lib/numbers.js";
import { builtinFrameworks } from "../src/frameworks/index.js";
import { createReport, renderHtml, renderMarkdown } from "../src/report/index.js";
import { createFormatter } from "../src/report/_format.js";
import { defineFramework, parseAssessment } from "../src/schema/index.js";
import { runInProcess } from "./helpers/cli.js";
import { sofiaJson } from "./helpers/sofia.js";

const unescapeAll = new MarkdownIt().utils.unescapeAll;

/** A report's Markdown as text: backslash escapes and character references decoded. */
function markdownText(report: Parameters<typeof renderMarkdown>[0], lang: "en" | "bg"): string {
  return unescapeAll(renderMarkdown(report, { lang }));
}

/** Every string of a JSON value (keys aside). */
function strings(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof value === "string") out.add(value);
  else if (Array.isArray(value)) for (const x of value) strings(x, out);
  else if (typeof value === "object" && value !== null) {
    for (const x of Object.values(value)) strings(x, out);
  }
  return out;
}

/** A string as a regular expression that matches it only as whole words. */
function wholeWords(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "gu");
}

/**
 * Proper names and symbols the Bulgarian labels keep as they are: method and analysis names
 * (SWOT, TOWS, TOPSIS, the IFE/EFE matrices), the ICC programme, and the statistical symbols of
 * Kendall's W and its p-value.
 */
const PROPER_NAMES = new Set(["SWOT", "TOWS", "TOPSIS", "IFE", "EFE", "ICC", "W", "p"]);

/**
 * The words of a rendered report's text, and those in Latin script, after taking out what the
 * count is not about: the assessment's own strings (names, statements, titles the city wrote),
 * the titles of the framework's cited sources (a citation keeps its title), URLs, ids (kebab-case,
 * dotted, camelCase, `sha256:` digests and versions) and the provenance's parameters, which the
 * report prints as a JSON block of machine-readable values.
 */
function latinShare(text: string, own: ReadonlySet<string>) {
  let s = text.replace(/```json[\s\S]*?```/g, " ");
  for (const o of [...own].filter((x) => /\p{L}/u.test(x)).sort((a, b) => b.length - a.length)) {
    s = s.replace(wholeWords(o), " ");
  }
  s = s
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/sha256:[0-9a-f]+/g, " ")
    .replace(/[\p{L}\p{N}]+(?:[-_.@/][\p{L}\p{N}]+)+/gu, " ")
    .replace(/(?<![\p{L}\p{N}])\p{Ll}+\p{Lu}[\p{L}\p{N}]*/gu, " ");
  const words = s.match(/\p{L}+/gu) ?? [];
  const latin = words.filter((w) => /^\p{Script=Latin}+$/u.test(w) && !PROPER_NAMES.has(w));
  return { words: words.length, latin, share: latin.length / words.length };
}

/**
 * The visible text of an HTML report: no style sheet, no tags, entities decoded; a chart label cut
 * short with "…" is counted once, in the full text of its `<title>`.
 */
function htmlText(html: string): string {
  const body = html
    .replace(/<style>[\s\S]*?<\/style>/, " ")
    .replace(/(<title>[^<]*<\/title>)[^<]*…/g, "$1")
    .replace(/<details><summary>[^<]*<\/summary><pre>[\s\S]*?<\/pre><\/details>/g, " ")
    .replace(/<[^>]+>/g, " ");
  return unescapeAll(body);
}

describe("the Sofia 2022 report in Bulgarian", () => {
  const input = sofiaJson("assessment-2022.json");
  const report = createReport(parseAssessment(input, { frameworks: builtinFrameworks }), {
    generatedAt: "2022-03-01",
  });
  const framework = builtinFrameworks.find((f) => f.id === "icc-citizen-participation");
  const own = new Set([...strings(input), ...(framework?.sources ?? []).map((s) => s.title)]);

  it("has under 5 % Latin-script words outside proper names, ids and the example's own data", () => {
    const md = latinShare(markdownText(report, "bg"), own);
    const html = latinShare(htmlText(renderHtml(report, { lang: "bg" })), own);
    // a real count: the texts are long, and the English report would fail it
    expect(md.words).toBeGreaterThan(800);
    expect(html.words).toBeGreaterThan(800);
    expect(md.share, md.latin.join(" ")).toBeLessThan(0.05);
    expect(html.share, html.latin.join(" ")).toBeLessThan(0.05);
    const english = latinShare(markdownText(report, "en"), own);
    expect(english.share).toBeGreaterThan(0.5);
  });

  it("uses the framework's Bulgarian title, dimension and level names", () => {
    const md = markdownText(report, "bg");
    expect(md).toContain("Зрялост на гражданското участие и цифровата публична администрация");
    expect(md).toContain("| Отворени данни и прозрачност |");
    expect(md).toContain("| Напреднало |");
    for (const english of ["Open data and transparency", "| Advanced |", "Established"]) {
      expect(md).not.toContain(english);
    }
    // the English report keeps the framework's own texts
    expect(markdownText(report, "en")).toContain("| Open data and transparency |");
  });

  it("says the city chose its priorities and gives each one's computed rank", () => {
    const p = report.sections.prioritisation;
    expect(p?.prioritiesSource).toBe("plan");
    const rank = new Map(p?.ranking.map((x) => [x.solution, x.rank]));
    const md = markdownText(report, "en");
    const summary = md.slice(
      md.indexOf("## Summary"),
      md.indexOf("\n## ", md.indexOf("## Summary") + 1),
    );
    expect(summary).toContain("Priorities chosen by the city");
    for (const id of p?.priorities ?? []) {
      const title = p?.ranking.find((x) => x.solution === id)?.title as string;
      expect(summary).toContain(`${title} (rank ${rank.get(id)} of ${p?.ranking.length})`);
    }
    expect(markdownText(report, "bg")).toContain("Приоритети, избрани от града");
  });

  it("names the impact/effort quadrant without the horizon's term", () => {
    const en = markdownText(report, "en");
    const ie = en.slice(en.indexOf("| Solution | Impact | Effort | Quadrant |"));
    const table = ie.slice(0, ie.indexOf("\n\n"));
    expect(table).not.toContain("Quick win");
    expect(renderHtml(report, { lang: "en" })).toContain("High impact, low effort");
    expect(renderHtml(report, { lang: "bg" })).toContain("Голямо въздействие, малко усилие");
  });
});

describe("credit for the framework", () => {
  // the Sofia needs name the built-in framework's dimensions: the custom framework has the same ids
  const dimensionIds = (builtinFrameworks[0]?.dimensions ?? []).map((d) => d.id);
  const custom = defineFramework({
    id: "city-lab-maturity",
    version: "2.1",
    title: "City Lab maturity",
    provenance: "designed",
    authors: ["Ana Petrova", "Digital Cities Lab"],
    sources: [{ title: "City Lab handbook (2023)" }],
    dimensions: dimensionIds.map((id) => ({ id, title: `Area ${id}` })),
    indicators: dimensionIds.map((id, i) => ({
      id: `q${i + 1}`,
      dimension: id,
      title: "Has a portal",
      type: "binary",
    })),
    levels: [
      { id: "low", title: "Low", min: 0, max: 50 },
      { id: "high", title: "High", min: 50, max: 100 },
    ],
  });
  const input = sofiaJson();
  input["maturity"] = {
    framework: { id: custom.id, version: custom.version },
    observations: [{ unit: "sofia", indicator: "q1", value: true }],
  };
  const report = createReport(parseAssessment(input, { frameworks: [custom] }), {
    generatedAt: "2021-02-15",
    frameworks: [custom],
  });

  it("carries the framework's authors in the report", () => {
    expect(report.sections.maturity?.framework.authors).toStrictEqual([
      "Ana Petrova",
      "Digital Cities Lab",
    ]);
  });

  it("credits a custom framework's authors and never says the project designed it", () => {
    for (const lang of ["en", "bg"] as const) {
      for (const [text, sectionEnd] of [
        [markdownText(report, lang), "\n## "],
        [unescapeAll(renderHtml(report, { lang })), "</section>"],
      ] as const) {
        expect(text).toContain("Ana Petrova, Digital Cities Lab");
        expect(text).toContain("City Lab handbook (2023)");
        // the maturity section names no one but the authors; its heading is the last mention of
        // its name (the HTML's contents come first)
        const start = text.lastIndexOf(lang === "en" ? "Maturity profile" : "Профил на зрелостта");
        const maturity = text.slice(start, text.indexOf(sectionEnd, start));
        expect(maturity).toContain("Ana Petrova");
        expect(maturity).not.toContain("icc-assessment");
        expect(text).toMatch(
          /city-lab-maturity 2\.1 \((designed by|разработена от) Ana Petrova, Digital Cities Lab\)/,
        );
      }
    }
    expect(markdownText(report, "en")).toContain(
      "City Lab maturity (city-lab-maturity 2.1), designed by Ana Petrova, Digital Cities Lab.",
    );
  });

  it("says 'its authors' for a custom framework that names none", () => {
    const anonymous = defineFramework({ ...custom, id: "anonymous", authors: undefined });
    const doc = sofiaJson();
    doc["maturity"] = {
      framework: { id: "anonymous", version: "2.1" },
      observations: [{ unit: "sofia", indicator: "q1", value: false }],
    };
    const r = createReport(parseAssessment(doc, { frameworks: [anonymous] }), {
      generatedAt: "2021-02-15",
      frameworks: [anonymous],
    });
    expect(r.sections.maturity?.framework).not.toHaveProperty("authors");
    const md = markdownText(r, "en");
    expect(md).toContain("City Lab maturity (anonymous 2.1), designed by its authors.");
    expect(md).toContain("| Framework | anonymous 2.1 (designed by its authors) |");
    expect(md).not.toContain("anonymous 2.1), designed by the icc-assessment project");
  });

  it("says a built-in framework is designed by the project and not an official EC instrument", () => {
    const r = createReport(parseAssessment(sofiaJson(), { frameworks: builtinFrameworks }), {
      generatedAt: "2021-02-15",
    });
    expect(markdownText(r, "en")).toContain(
      "(icc-citizen-participation 1.0.0), designed by the icc-assessment project; not an official European Commission instrument.",
    );
    expect(markdownText(r, "bg")).toContain(
      "разработена от проекта icc-assessment; не е официален инструмент на Европейската комисия.",
    );
  });
});

describe("one number formatter for the CLI and the reports", () => {
  it("rounds the exact value of the double, as toFixed does, never the product x × 10", () => {
    const f = createNumberFormatter("en-GB", "n/a");
    // 3.4499999999999997 × 10 is 34.5 in binary: Math.round(x * 10) / 10 said 3.5
    expect(f.number(3.4499999999999997, 1)).toBe("3.4");
    expect(Math.round(3.4499999999999997 * 10) / 10).toBe(3.5);
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 3 }),
        (x, digits) => {
          const shown = Number(f.number(x, digits).replace(/,/g, ""));
          expect(shown).toBe(Number(x.toFixed(digits)) || 0);
        },
      ),
    );
  });

  it("formats numbers in the report exactly as the CLI's formatter does", () => {
    const cli = createNumberFormatter("en-GB", "n/a");
    const report = createFormatter("en-GB", "n/a");
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), (x) => {
        expect(report.number(x, 1)).toBe(cli.number(x, 1));
        expect(report.percent(x / 100)).toBe(cli.percent(x / 100));
      }),
    );
  });

  it("prints the same scores in icc-assess score and in the report", async () => {
    const file = "examples/sofia/assessment-2022.json";
    const run = await runInProcess(["score", file]);
    expect(run.code).toBe(0);
    const r = createReport(parseAssessment(sofiaJson("assessment-2022.json")), {
      generatedAt: "2022-03-01",
    });
    const m = r.sections.maturity;
    const F = createFormatter("en-GB", "n/a");
    const md = markdownText(r, "en");
    expect(run.stdout).toContain(`sofia: ${F.number(m?.overall.score ?? null, 1)} (`);
    expect(md).toContain(`(${F.number(m?.overall.score ?? null, 1)} / 100)`);
    for (const d of m?.dimensions ?? []) {
      const shown = F.number(d.score, 1);
      const row = run.stdout.split("\n").find((line) => line.trimStart().startsWith(d.title));
      expect(row, d.title).toMatch(new RegExp(`\\s${shown.replace(".", "\\.")}\\s`));
      expect(md).toContain(`| ${d.title} | ${shown} |`);
    }
  });
});
