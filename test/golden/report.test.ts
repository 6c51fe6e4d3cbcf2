/**
 * Golden reports and snapshots.
 *
 * - `v1.0/*.report.json` are reports written by this library in format 1.0 (produced from the
 *   bundled Sofia example). They are frozen: every later version must still read them, through
 *   `migrateReport` and `parseReport`, and they must validate against the shipped JSON Schema.
 * - `snapshots/*.md` are the Markdown reports of the Sofia example in English and Bulgarian. They
 *   change when the example or a computation changes: review the diff, then update them with
 *   `npx vitest run test/golden -u`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { sofiaJson } from "../helpers/sofia.js";
import { builtinFrameworks } from "../../src/frameworks/index.js";
import {
  createReport,
  migrateReport,
  renderMarkdown,
  serialiseReport,
} from "../../src/report/index.js";
import { parseAssessment, parseReport } from "../../src/schema/index.js";

const here = import.meta.dirname;
const goldenDir = join(here, "v1.0");
const goldens = readdirSync(goldenDir).filter((f) => f.endsWith(".report.json"));

const sofia2021 = () =>
  createReport(parseAssessment(sofiaJson(), { frameworks: builtinFrameworks }), {
    generatedAt: "2021-02-15",
  });

/** The shipped JSON Schema, with an independent validator (ajv, draft 2020-12). */
function shippedValidator() {
  const schema = JSON.parse(readFileSync(join(here, "..", "..", "schema", "report.v1.json"), "utf8")) as object;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  ajv.addFormat("date", /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat("uri", /^https?:\/\/\S+$/);
  return ajv.compile(schema);
}

describe("golden reports", () => {
  let validate: ReturnType<typeof shippedValidator>;
  beforeAll(() => {
    validate = shippedValidator();
  });

  it("there is a golden report for format 1.0", () => {
    expect(goldens.length).toBeGreaterThan(0);
  });

  it.each(goldens)("%s still migrates, parses and validates against the shipped schema", (file) => {
    const doc = JSON.parse(readFileSync(join(goldenDir, file), "utf8")) as unknown;
    const report = parseReport(migrateReport(doc));
    expect(report.formatVersion).toBe("1.0");
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it("a fresh Sofia report validates against the shipped schema and is byte-identical twice", () => {
    const text = serialiseReport(sofia2021());
    expect(validate(JSON.parse(text)), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(serialiseReport(sofia2021())).toBe(text);
  });

  it("the validator is not a rubber stamp: it rejects a broken report", () => {
    const broken = JSON.parse(serialiseReport(sofia2021())) as Record<string, any>;
    broken["sections"]["actionPlan"]["budget"]["cost"]["amount"] = 725000;
    broken["sections"]["maturity"]["extra"] = true;
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath).sort()).toStrictEqual([
      "/sections/actionPlan/budget/cost/amount",
      "/sections/maturity",
    ]);
  });
});

/**
 * Every difference between two JSON values: numbers compared to a relative 1e-9, everything else
 * exactly, keys of both sides visited. Paths in the differences are JSON paths.
 */
function differences(a: unknown, b: unknown, path = "$", out: string[] = []): string[] {
  if (typeof a === "number" && typeof b === "number") {
    if (Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)))
      out.push(`${path}: ${a} became ${b}`);
  } else if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
    if (a !== b) out.push(`${path}: ${JSON.stringify(a)} became ${JSON.stringify(b)}`);
  } else if (Array.isArray(a) !== Array.isArray(b)) {
    out.push(`${path}: an ${Array.isArray(a) ? "array" : "object"} became another kind`);
  } else {
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    for (const k of new Set([...Object.keys(x), ...Object.keys(y)]))
      differences(x[k], y[k], `${path}.${k}`, out);
  }
  return out;
}

describe("drift: the golden reports against freshly computed ones", () => {
  for (const [golden, file] of [
    ["sofia-2021.report.json", "assessment.json"],
    ["sofia-2022.report.json", "assessment-2022.json"],
  ] as const) {
    it(`${golden} equals a fresh report of examples/sofia/${file}, value by value (numbers to 1e-9)`, () => {
      const gold = JSON.parse(readFileSync(join(goldenDir, golden), "utf8")) as Record<string, any>;
      const fresh = JSON.parse(
        serialiseReport(
          createReport(parseAssessment(sofiaJson(file)), {
            generatedAt: gold["provenance"]["generatedAt"] as string,
          }),
        ),
      ) as Record<string, any>;
      // what names the producer may differ; everything computed may not
      fresh["provenance"]["library"] = gold["provenance"]["library"];
      expect(differences(gold, fresh)).toStrictEqual([]);
    });
  }

  it("sees a change of 0.01 % in one score", () => {
    const gold = JSON.parse(readFileSync(join(goldenDir, "sofia-2021.report.json"), "utf8")) as Record<string, any>;
    const nudged = structuredClone(gold);
    const dim = nudged["sections"]["maturity"]["dimensions"][0];
    dim.score = dim.score * 1.0001;
    expect(differences(gold, nudged)).toHaveLength(1);
  });
});

describe("renderMarkdown", () => {
  const report = sofia2021();
  it("matches the English snapshot of the Sofia report", async () => {
    await expect(renderMarkdown(report, { lang: "en" })).toMatchFileSnapshot("./snapshots/sofia-2021.en.md");
  });
  it("matches the Bulgarian snapshot of the Sofia report", async () => {
    await expect(renderMarkdown(report, { lang: "bg" })).toMatchFileSnapshot("./snapshots/sofia-2021.bg.md");
  });
});
