/**
 * The HTML report in a real browser: Debian's Chromium driven by playwright-core. One launch opens
 * the Sofia report and a report full of injection payloads, and checks that every chart renders
 * with non-empty boxes, that the page requests nothing but itself, logs no console error, opens no
 * dialog and runs no script. Screenshots go to test/artifacts/ (git-ignored).
 *
 * Without /usr/bin/chromium the test is skipped with a message — except in CI (CI=true), where it
 * runs and fails: `.ci/run` installs Chromium with apt-get.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sofiaJson } from "../helpers/sofia.js";
import { builtinFrameworks } from "../../src/frameworks/index.js";
import { createReport, renderHtml, reportCharts } from "../../src/report/index.js";
import { parseAssessment } from "../../src/schema/index.js";
import { hostileAssessment } from "./hostile.js";
import { injectionPayloads } from "./payloads.js";
import { pdfLines, readPdfText, type PdfLine } from "./pdf.js";

// The page functions below run in the browser; the project compiles without the DOM library, so
// the few browser globals they use are declared here, for this module only.
declare const window: Record<string, unknown>;
declare const document: any;
declare const getComputedStyle: (element: unknown) => { fontSize: string };

/** A4 in points, and the print margins the report's CSS asks for (18 mm top and bottom, 16 mm sides). */
const A4 = { width: 595.92, height: 842.88 };
const MM = 72 / 25.4;
const MARGIN = { vertical: 18 * MM, horizontal: 16 * MM };
/** Lines at least this large (points) are headings: h1 20 pt, h2 15 pt, h3 12 pt; text is 10 pt. */
const HEADING_PT = 11;

/**
 * The print rules a PDF of the report keeps: every page A4 with its number ("3 / 19") centred in
 * the bottom margin, all other text inside the margins, and no heading as the last line of its
 * page (a heading stays with the block it introduces). Returns what breaks them.
 */
function printProblems(lines: readonly PdfLine[], pages: number): string[] {
  const problems: string[] = [];
  for (let page = 1; page <= pages; page++) {
    const own = lines.filter((l) => l.page === page);
    const number = own.find((l) => l.text.replace(/\s+/g, " ").trim() === `${page} / ${pages}`);
    if (
      number === undefined ||
      number.y > MARGIN.vertical ||
      Math.abs(number.x - A4.width / 2) > 40
    ) {
      problems.push(
        `page ${page}: no page number "${page} / ${pages}" centred in the bottom margin`,
      );
    }
    const body = own.filter((l) => l !== number);
    for (const l of body) {
      if (
        l.y < MARGIN.vertical - 1 ||
        l.y + l.size > A4.height - MARGIN.vertical + 1 ||
        l.x < MARGIN.horizontal - 1
      ) {
        problems.push(
          `page ${page}: "${l.text.slice(0, 40)}" outside the margins (x ${l.x.toFixed(1)}, y ${l.y.toFixed(1)})`,
        );
      }
    }
    const last = body.at(-1);
    if (last !== undefined && last.size >= HEADING_PT && page < pages) {
      problems.push(`page ${page}: the heading "${last.text.slice(0, 40)}" is alone at the bottom`);
    }
  }
  return problems;
}

const CHROMIUM = "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
const inCi = process.env["CI"] === "true";
const artifacts = join(import.meta.dirname, "..", "artifacts");

if (!available && !inCi) {
  process.stderr.write(
    `\n[test/browser] SKIPPED: ${CHROMIUM} was not found. Install Debian's chromium (apt-get install -y chromium) to run the browser test; in CI (CI=true) it never skips.\n\n`,
  );
}

interface PageLog {
  readonly requests: string[];
  readonly errors: string[];
  readonly dialogs: string[];
}

/** Opens a file in a new page, recording every request that is not the file, every error and dialog. */
async function open(context: BrowserContext, file: string): Promise<{ page: Page; log: PageLog }> {
  const url = pathToFileURL(file).href;
  const log: PageLog = { requests: [], errors: [], dialogs: [] };
  const page = await context.newPage();
  await page.route("**/*", async (route) => {
    if (route.request().url() === url) await route.continue();
    else {
      log.requests.push(route.request().url());
      await route.abort();
    }
  });
  page.on("console", (m) => {
    if (m.type() === "error") log.errors.push(m.text());
  });
  page.on("pageerror", (e) => log.errors.push(e.message));
  page.on("dialog", async (d) => {
    log.dialogs.push(d.message());
    await d.dismiss();
  });
  await page.goto(url, { waitUntil: "load" });
  return { page, log };
}

/** Each chart's id and the sizes of its box and of its drawn content. */
async function chartBoxes(page: Page) {
  return page.$$eval("svg[data-chart]", (els) =>
    els.map((el) => {
      const svg = el as any;
      const box = svg.getBoundingClientRect();
      const content = svg.getBBox();
      return {
        chart: svg.dataset["chart"] ?? "",
        width: box.width,
        height: box.height,
        contentWidth: content.width,
        contentHeight: content.height,
        shapes: svg.querySelectorAll("rect, line, circle, polygon, polyline, text").length,
      };
    }),
  );
}

describe.skipIf(!available && !inCi)("renderHtml in Chromium", () => {
  let context: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    expect(available, `Chromium is required in CI but ${CHROMIUM} is missing`).toBe(true);
    mkdirSync(artifacts, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), "icc-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
      viewport: { width: 1100, height: 900 },
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it("renders every chart of the Sofia report with non-empty boxes, offline and without errors", async () => {
    const report = createReport(parseAssessment(sofiaJson(), { frameworks: builtinFrameworks }), {
      generatedAt: "2021-02-15",
    });
    const file = join(artifacts, "report-sofia.en.html");
    writeFileSync(file, renderHtml(report, { lang: "en" }));
    const { page, log } = await open(context, file);
    const boxes = await chartBoxes(page);
    expect(boxes.map((b) => b.chart).sort()).toStrictEqual([...reportCharts].sort());
    for (const b of boxes) {
      expect(b.width, b.chart).toBeGreaterThan(100);
      expect(b.height, b.chart).toBeGreaterThan(100);
      expect(b.contentWidth, b.chart).toBeGreaterThan(50);
      expect(b.contentHeight, b.chart).toBeGreaterThan(50);
      expect(b.shapes, b.chart).toBeGreaterThan(5);
    }
    expect(await page.title()).toBe("Maturity report: Sofia");
    expect(log).toStrictEqual({ requests: [], errors: [], dialogs: [] });
    await page.screenshot({ path: join(artifacts, "report-sofia.en.png"), fullPage: true });
    await page.close();
  });

  it("keeps chart text at least 11 CSS px at 390 px, and prints A4 pages with margins, page numbers and no orphaned heading", async () => {
    const report = createReport(
      parseAssessment(sofiaJson("assessment-2022.json"), { frameworks: builtinFrameworks }),
      { generatedAt: "2022-03-01" },
    );
    const html = renderHtml(report, { lang: "bg" });
    const file = join(artifacts, "report-sofia-2022.bg.html");
    writeFileSync(file, html);
    const { page, log } = await open(context, file);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({
      path: join(artifacts, "report-sofia-2022.bg.1280.png"),
      fullPage: true,
    });
    await page.setViewportSize({ width: 390, height: 844 });
    const phone = await page.evaluate(() => ({
      // the size a reader sees: the computed font size (in the SVG's user units) times its scale
      sizes: [...document.querySelectorAll("svg.chart text")].map((t: any) => {
        const m = t.getScreenCTM();
        return parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
      }) as number[],
      pageWidth: document.scrollingElement.scrollWidth as number,
    }));
    expect(phone.sizes.length).toBeGreaterThan(50);
    expect(Math.min(...phone.sizes)).toBeGreaterThanOrEqual(11 - 1e-6);
    // charts and tables scroll sideways in their own boxes; the page itself does not
    expect(phone.pageWidth).toBeLessThanOrEqual(390);
    await page.screenshot({
      path: join(artifacts, "report-sofia-2022.bg.390.png"),
      fullPage: true,
    });

    const pdf = await page.pdf({ format: "A4" });
    writeFileSync(join(artifacts, "report-sofia-2022.bg.pdf"), pdf);
    const text = readPdfText(pdf);
    expect(text.pages.length).toBeGreaterThan(5);
    for (const p of text.pages) {
      expect(p.width).toBeCloseTo(A4.width, 0);
      expect(p.height).toBeCloseTo(A4.height, 0);
    }
    const lines = pdfLines(text);
    // the Bulgarian headings are there, so the reader read the text
    expect(lines.map((l) => l.text.normalize("NFKC"))).toContain("Профил на зрелостта");
    expect(printProblems(lines, text.pages.length)).toStrictEqual([]);
    expect(log).toStrictEqual({ requests: [], errors: [], dialogs: [] });

    // the check is not a rubber stamp: without the print CSS, no page has a number or margins
    const bare = html.replace(/@page \{[^\n]*\}\n/, "").replace(/@media print \{[\s\S]*?\n\}/, "");
    expect(bare.length).toBeLessThan(html.length);
    await page.setContent(bare, { waitUntil: "load" });
    const plain = readPdfText(await page.pdf({ format: "A4" }));
    const plainProblems = printProblems(pdfLines(plain), plain.pages.length);
    expect(plainProblems.filter((p) => p.includes("no page number"))).toHaveLength(
      plain.pages.length,
    );
    expect(plainProblems.some((p) => p.includes("outside the margins"))).toBe(true);
    await page.close();
  });

  it("keeps every injection payload inert: no dialog, no script, no request, no handler", async () => {
    const report = createReport(
      parseAssessment(hostileAssessment(), { frameworks: builtinFrameworks }),
      {
        generatedAt: "2021-02-15",
        stability: { draws: 100 },
      },
    );
    const file = join(artifacts, "report-hostile.bg.html");
    writeFileSync(file, renderHtml(report, { lang: "bg" }));
    const { page, log } = await open(context, file);
    const dom = await page.evaluate(() => ({
      xss: window["__xss"] ?? null,
      scripts: document.scripts.length,
      embedded: document.querySelectorAll(
        "img, iframe, object, embed, link, base, form, math, details[ontoggle]",
      ).length,
      handlers: [...document.querySelectorAll("*")].filter((el: any) =>
        [...el.attributes].some((a: any) => a.name.startsWith("on")),
      ).length,
      styles: document.querySelectorAll("style").length,
      text: document.body.innerText,
    }));
    expect(dom.xss).toBeNull();
    expect([dom.scripts, dom.embedded, dom.handlers, dom.styles]).toStrictEqual([0, 0, 0, 1]);
    // the payloads are there, shown as text
    for (const p of injectionPayloads.filter(
      (x) => !x.includes("\n") && !/[\u202A-\u202E]/.test(x),
    )) {
      expect(dom.text).toContain(p.replace(/\s+/g, " ").trim());
    }
    const boxes = await chartBoxes(page);
    expect(boxes.length).toBe(reportCharts.length);
    expect(log).toStrictEqual({ requests: [], errors: [], dialogs: [] });
    await page.screenshot({ path: join(artifacts, "report-hostile.bg.png"), fullPage: true });
    await page.close();
  });
});
