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

// The page functions below run in the browser; the project compiles without the DOM library, so
// the few browser globals they use are declared here, for this module only.
declare const window: Record<string, unknown>;
declare const document: any;

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
