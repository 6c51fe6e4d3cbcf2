/**
 * The offline questionnaire form in a real browser: Debian's Chromium driven by playwright-core,
 * as test/browser/report.test.ts does. The form of the built-in framework (which has every answer
 * type) is filled by keyboard and click, checked in the page (an invalid number is marked and
 * nothing is saved), saved (the download captured), reloaded into a fresh page, parsed with
 * parseAnswers, merged into an assessment with mergeAnswers, and scored: the score equals
 * scoreMaturity on the same answers written directly. The page must request nothing, log no error
 * (a Content-Security-Policy violation is one) and open no dialog. Screenshots at 1280 and 390 px
 * go to test/artifacts/ (git-ignored).
 *
 * Without /usr/bin/chromium the test is skipped with a message, except in CI (CI=true).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { iccCitizenParticipation } from "../../src/frameworks/iccCitizenParticipation.js";
import { mergeAnswers } from "../../src/io/merge.js";
import { defineFramework } from "../../src/schema/defineFramework.js";
import { renderQuestionnaire } from "../../src/io/questionnaire/renderQuestionnaire.js";
import { scoreMaturity } from "../../src/maturity/scoreMaturity.js";
import { parseAnswers } from "../../src/schema/answers.js";
import type { Observation } from "../../src/schema/entities.js";
import { parseAssessment } from "../../src/schema/parseAssessment.js";
import { sofiaJson } from "../helpers/sofia.js";

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
  readonly downloads: string[];
}

async function open(
  context: BrowserContext,
  file: string,
  width: number,
): Promise<{ page: Page; log: PageLog }> {
  const url = pathToFileURL(file).href;
  const log: PageLog = { requests: [], errors: [], dialogs: [], downloads: [] };
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.route("**/*", async (route) => {
    const u = route.request().url();
    if (u === url) await route.continue();
    else {
      log.requests.push(u);
      await route.abort();
    }
  });
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") log.errors.push(m.text());
  });
  page.on("pageerror", (e) => log.errors.push(e.message));
  page.on("dialog", async (d) => {
    log.dialogs.push(d.message());
    await d.dismiss();
  });
  page.on("download", (d) => log.downloads.push(d.suggestedFilename()));
  await page.goto(url, { waitUntil: "load" });
  return { page, log };
}

/** The fieldset of a question, by its indicator id. */
function question(page: Page, id: string): Locator {
  return page.locator("fieldset.q", {
    has: page.locator(".qid", { hasText: new RegExp(`^${id.replace(/\./g, "\\.")}$`) }),
  });
}

/** The answers this test gives, by indicator id: every answer type, and some left unanswered. */
const given: Readonly<Record<string, Observation["value"]>> = {
  "sg.strategy": true, // binary, by click
  "sg.monitoring": true, // binary, by keyboard (arrow from "not answered")
  "sg.ownership": 3, // likert
  "sg.budget": "annual", // categorical
  "sg.coCreation": ["business", "residents"], // multiSelect, by keyboard (space)
  "ds.online": 62.5, // numeric, %
  "ip.quality": [
    { row: "accessibility", value: 4 },
    { row: "followUp", value: 2 },
  ], // ratingGrid, two of four rows
};

describe.skipIf(!available && !inCi)("the questionnaire form in Chromium", () => {
  let context: BrowserContext;
  let profile: string;
  let downloads: string;

  beforeAll(async () => {
    expect(available, `Chromium is required in CI but ${CHROMIUM} is missing`).toBe(true);
    mkdirSync(artifacts, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), "icc-chromium-"));
    downloads = mkdtempSync(join(tmpdir(), "icc-downloads-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      acceptDownloads: true,
      downloadsPath: downloads,
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
      viewport: { width: 1280, height: 900 },
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  });

  it("is filled, checked, saved, reopened, imported and scored as the library scores the answers", async () => {
    const fw = iccCitizenParticipation;
    const types = new Set(fw.indicators.map((i) => i.type));
    expect(types.size).toBe(6);
    const file = join(artifacts, "questionnaire-icc.en.html");
    writeFileSync(file, renderQuestionnaire(fw, { lang: "en", format: "html" }));
    const { page, log } = await open(context, file, 1280);
    expect(await page.textContent("#p-total")).toBe("0 of 32 answered");

    // the unit and the date
    await page.getByLabel("City (unit) id").fill("sofia");
    await page.locator("#answeredOn").fill("2021-02-08");

    // binary by click; binary by keyboard: focus "not answered", arrow to the next radio (yes)
    await question(page, "sg.strategy").locator('input[value="true"]').click();
    await question(page, "sg.monitoring").locator('input[value=""]').focus();
    await page.keyboard.press("ArrowDown");
    // likert, categorical
    await question(page, "sg.ownership").locator('input[value="3"]').check();
    await question(page, "sg.budget").locator('input[value="annual"]').check();
    // multiSelect by keyboard: ticking an option marks the question answered
    const co = question(page, "sg.coCreation");
    await co.locator('input[value="business"]').focus();
    await page.keyboard.press("Space");
    await co.locator('input[value="residents"]').focus();
    await page.keyboard.press("Space");
    expect(await co.locator('input[name^="s"][value="answered"]').isChecked()).toBe(true);
    // a rating grid, two of its rows
    const grid = question(page, "ip.quality");
    await grid.getByRole("radio", { name: "Accessible venues and times: 4" }).check();
    await grid.getByRole("radio", { name: "Follow-up: what happened to the input: 2" }).check();

    // numeric: an invalid percentage is marked, and nothing is saved
    const online = question(page, "ds.online");
    const input = online.locator('input[type="number"]');
    await input.fill("150");
    const error = online.locator("p.error");
    expect(await error.isVisible()).toBe(true);
    expect(await error.textContent()).toBe(
      "Enter a number from 0 to 100, or leave the field empty.",
    );
    expect(await input.getAttribute("aria-invalid")).toBe("true");
    await page.click("#save");
    const problems = page.locator("#problems");
    expect(await problems.isVisible()).toBe(true);
    expect(await problems.textContent()).toContain(
      "Nothing was saved. Fix these first:ds.online: Enter a number from 0 to 100",
    );
    expect(await page.evaluate(() => (globalThis as any).document.activeElement.id)).toBe(
      "problems",
    );
    await online.screenshot({ path: join(artifacts, "questionnaire-invalid.1280.png") });

    // fixed: saved as one download, the only one
    await input.fill("62.5");
    expect(await error.isHidden()).toBe(true);
    expect(await page.textContent("#p-total")).toBe("7 of 32 answered");
    expect(await page.locator('[data-dim="strategyGovernance"]').first().textContent()).toBe("5/5");
    await page.screenshot({ path: join(artifacts, "questionnaire-icc.1280.png"), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#save")]);
    expect(download.suggestedFilename()).toBe("answers-sofia.json");
    const savedPath = join(downloads, "answers-sofia.json");
    await download.saveAs(savedPath);
    expect(log.downloads).toStrictEqual(["answers-sofia.json"]);
    expect(await page.textContent("#status")).toBe("Saved 7 answers for sofia.");
    expect(await problems.isHidden()).toBe(true);
    expect(log).toMatchObject({ requests: [], errors: [], dialogs: [] });
    await page.close();

    // the saved file: every question, unanswered ones as null
    const saved = JSON.parse(readFileSync(savedPath, "utf8")) as {
      observations: Observation[];
    };
    const expected = fw.indicators.map((ind) => ({
      unit: "sofia",
      indicator: ind.id,
      value: given[ind.id] ?? null,
    }));
    expect(saved).toStrictEqual({
      format: "icc-assessment/answers",
      formatVersion: "1.0",
      framework: { id: fw.id, version: fw.version },
      answeredOn: "2021-02-08",
      observations: expected,
    });

    // reopened in a fresh page at 390 px: the controls show the saved answers
    const fresh = await open(context, file, 390);
    const p = fresh.page;
    await p.locator("#open").setInputFiles(savedPath);
    await p.waitForFunction(
      () => (globalThis as any).document.getElementById("status").textContent !== "",
    );
    expect(await p.textContent("#status")).toBe("Opened answers-sofia.json: 7 answers for sofia.");
    expect(await p.inputValue("#unit")).toBe("sofia");
    expect(await p.inputValue("#answeredOn")).toBe("2021-02-08");
    expect(await p.textContent("#p-total")).toBe("7 of 32 answered");
    const checkedValues = async (id: string) =>
      question(p, id)
        .locator("input:checked")
        .evaluateAll((els) => els.map((e) => `${(e as any).name}=${(e as any).value}`));
    expect(await checkedValues("sg.strategy")).toStrictEqual(["a0=true"]);
    expect(await checkedValues("sg.monitoring")).toStrictEqual(["a3=true"]);
    expect(await checkedValues("sg.ownership")).toStrictEqual(["a1=3"]);
    expect(await checkedValues("sg.budget")).toStrictEqual(["a2=annual"]);
    expect(await checkedValues("sg.coCreation")).toStrictEqual([
      "s4=answered",
      "m4=business",
      "m4=residents",
    ]);
    expect(await checkedValues("sg.ownership")).toHaveLength(1);
    expect(await question(p, "ds.online").locator("input[type=number]").inputValue()).toBe("62.5");
    const gridK = await question(p, "ip.quality").getAttribute("id");
    expect(await checkedValues("ip.quality")).toStrictEqual([
      `g${gridK?.slice(1)}-0=4`,
      `g${gridK?.slice(1)}-1=`,
      `g${gridK?.slice(1)}-2=`,
      `g${gridK?.slice(1)}-3=2`,
    ]);
    expect(await checkedValues("od.policy")).toStrictEqual([
      `a${(await question(p, "od.policy").getAttribute("id"))?.slice(1)}=`,
    ]);
    await p.screenshot({ path: join(artifacts, "questionnaire-icc.390.png") });
    await question(p, "ip.quality").screenshot({
      path: join(artifacts, "questionnaire-grid.390.png"),
    });
    await question(p, "sg.coCreation").screenshot({
      path: join(artifacts, "questionnaire-multi.390.png"),
    });
    // nothing sticks out of the page at 390 px
    expect(await p.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBe(
      390,
    );
    expect(fresh.log).toMatchObject({ requests: [], errors: [], dialogs: [], downloads: [] });
    await p.close();

    // imported and scored: the same score as the answers written directly
    const answers = parseAnswers(saved);
    // parsed answers have zod's optional fields (`answeredOn?: string | undefined`), which
    // mergeAnswers' AnswersFile type does not spell out under exactOptionalPropertyTypes
    const merged = mergeAnswers(
      sofiaJson() as Record<string, unknown>,
      answers as Parameters<typeof mergeAnswers>[1],
    );
    const assessment = parseAssessment(merged);
    const viaForm = scoreMaturity(fw, assessment.maturity?.observations ?? []);
    const direct = scoreMaturity(
      fw,
      expected.filter((o) => o.value !== null),
    );
    const sofia = viaForm.units.find((u) => u.unit === "sofia");
    expect(sofia?.overall.score).toBeCloseTo(direct.units[0]?.overall.score as number, 10);
    expect(sofia?.dimensions.map((d) => d.score)).toStrictEqual(
      direct.units[0]?.dimensions.map((d) => d.score),
    );
  });

  it("opens a value between scale points, and refuses a file of another framework, leaving the form as it was", async () => {
    const file = join(artifacts, "questionnaire-icc.en.html");
    const { page, log } = await open(context, file, 1280);
    // a combined answer (a median of two respondents) keeps its value: a radio is added for it
    const median = join(downloads, "median.json");
    writeFileSync(
      median,
      JSON.stringify({
        format: "icc-assessment/answers",
        formatVersion: "1.0",
        framework: { id: "icc-citizen-participation", version: "1.0.0" },
        observations: [{ unit: "plovdiv", indicator: "sg.ownership", value: 2.5 }],
        respondents: [{ unit: "plovdiv", count: 2 }],
      }),
    );
    await page.locator("#open").setInputFiles(median);
    await page.locator("#status").filter({ hasText: "median.json" }).waitFor();
    const ownership = question(page, "sg.ownership");
    expect(await ownership.locator('input[value="2.5"]').isChecked()).toBe(true);
    expect(await ownership.getByText("2.5 (from the file)").isVisible()).toBe(true);
    expect(await page.inputValue("#unit")).toBe("plovdiv");
    expect(await page.textContent("#p-total")).toBe("1 of 32 answered");
    await page.reload();
    await page.locator("#status").waitFor({ state: "attached" });
    const other = join(downloads, "losi.json");
    writeFileSync(
      other,
      JSON.stringify({
        format: "icc-assessment/answers",
        formatVersion: "1.0",
        framework: { id: "un-losi-2022", version: "1.0.0" },
        observations: [],
      }),
    );
    await page.locator("#open").setInputFiles(other);
    await page.locator("#problems").waitFor({ state: "visible" });
    expect(await page.textContent("#problems")).toBe(
      "Could not open losi.json; the form is unchanged:the file answers un-losi-2022@1.0.0, this form asks icc-citizen-participation@1.0.0.",
    );
    expect(await page.textContent("#p-total")).toBe("0 of 32 answered");
    expect(log).toMatchObject({ requests: [], errors: [], dialogs: [] });
    await page.close();
  });

  it("keeps hostile framework texts inert: shown as text, no dialog, no request, no error", async () => {
    const hostile = `<img src=x onerror=alert(1)><script>alert(2)</script>"'`;
    const fw = defineFramework({
      id: "hostile",
      version: "1.0",
      title: `Hostile ${hostile}`,
      provenance: "designed",
      sources: [{ title: hostile, url: "https://example.org/" }],
      dimensions: [{ id: "d", title: hostile, description: hostile }],
      indicators: [
        { id: "b", dimension: "d", title: hostile, question: hostile, type: "binary" },
        {
          id: "c",
          dimension: "d",
          title: "C",
          type: "categorical",
          options: [{ value: "x", text: hostile, score: 100 }],
          rubric: [{ answer: "x", text: hostile }],
        },
      ],
      levels: [{ id: "l", title: hostile, min: 0, max: 100 }],
    });
    const file = join(artifacts, "questionnaire-hostile.bg.html");
    writeFileSync(file, renderQuestionnaire(fw, { lang: "bg", format: "html" }));
    const { page, log } = await open(context, file, 390);
    expect(await page.title()).toBe(`Въпросник: Hostile ${hostile}`);
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.locator("script").count()).toBe(2);
    await question(page, "c").locator('input[value="x"]').check();
    expect(await page.textContent("#p-total")).toBe("1 от 2 с отговор");
    expect(log).toMatchObject({ requests: [], errors: [], dialogs: [] });
    await page.close();
  });
});
