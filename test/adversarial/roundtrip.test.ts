/**
 * Round trips and versions (issue 14, item 7): whatever `createReport` writes from a valid
 * assessment, `parseReport` reads back and `compareReports` compares — money within the one digit
 * limit of the format, collections within the report schema's caps — and a report of a later
 * minor version is read with its unknown fields dropped (a warning each), a later major refused.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { builtinFrameworks } from "../../src/frameworks/builtinFrameworks.js";
import { compareReports } from "../../src/report/compareReports.js";
import { createReport } from "../../src/report/createReport.js";
import { migrateReport } from "../../src/report/migrateReport.js";
import { serialiseReport } from "../../src/report/serialiseReport.js";
import { parseAssessment, safeParseAssessment } from "../../src/schema/parseAssessment.js";
import { parseReport, safeParseReport } from "../../src/schema/parseReport.js";
import type { Assessment } from "../../src/schema/assessment.js";
import { sofiaJson } from "../helpers/sofia.js";
import { expectAssessmentError, runs, SEED } from "./_hostile.js";

type Path = readonly (string | number)[];
type Json = Record<string, any>;

function leaves(v: unknown, keep: (x: unknown, key: string | number) => boolean): Path[] {
  const out: Path[] = [];
  const walk = (x: unknown, path: Path) => {
    const key = path[path.length - 1] ?? "";
    if (keep(x, key)) out.push(path);
    if (Array.isArray(x)) x.forEach((y, i) => walk(y, [...path, i]));
    else if (typeof x === "object" && x !== null)
      for (const [k, y] of Object.entries(x)) walk(y, [...path, k]);
  };
  walk(v, []);
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

const sofia = sofiaJson();
const amounts = leaves(sofia, (x, k) => k === "amount" && typeof x === "string");
const numbers = leaves(sofia, (x) => typeof x === "number");

/** Amounts the format accepts, up to its 15 integer digits and 6 decimals. */
const amount = fc.oneof(
  fc.constantFrom(
    "999999999999999.999999",
    "999999999999999",
    "0",
    "0.000001",
    "100000000000000.5",
  ),
  fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), fc.nat({ max: 999_999 }))
    .map(([i, d]) => `${i}.${String(d).padStart(6, "0")}`),
);

/**
 * Valid assessments: the Sofia example with money amounts and numbers replaced (large amounts
 * included); each change the parser refuses is undone, so every value is one `parseAssessment`
 * accepts.
 */
const assessment: fc.Arbitrary<Assessment> = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom(...amounts), amount), { maxLength: 12 }),
    fc.array(
      fc.tuple(
        fc.constantFrom(...numbers),
        fc.oneof(fc.integer({ min: -5, max: 100 }), fc.double({ min: 0, max: 1e6, noNaN: true })),
      ),
      { maxLength: 12 },
    ),
  )
  .map(([money, nums]) => {
    const doc = sofiaJson();
    for (const [path, value] of [...money, ...nums]) setAt(doc, path, value);
    for (let attempt = 0; attempt < 6; attempt++) {
      const r = safeParseAssessment(doc, { frameworks: builtinFrameworks });
      if (r.success) return r.data;
      for (const issue of r.issues) {
        // undo the change at the issue's path, or the nearest changed value above it
        for (let n = issue.path.length; n >= 0; n--) {
          const p = issue.path.slice(0, n);
          const original = getAt(sofia, p);
          if (original !== undefined && typeof original !== "object") {
            setAt(doc, p, original);
            break;
          }
        }
      }
    }
    for (const [path] of [...money, ...nums]) setAt(doc, path, getAt(sofia, path));
    return parseAssessment(doc, { frameworks: builtinFrameworks });
  });

describe("createReport → serialiseReport → parseReport → compareReports", () => {
  it("reads back and compares whatever createReport writes from a valid assessment (property)", () => {
    fc.assert(
      fc.property(assessment, (a) => {
        let report;
        try {
          report = createReport(a, { generatedAt: "2021-02-15", stability: { draws: 10 } });
        } catch (e) {
          // the one documented refusal: an action-plan total beyond the format's money
          expectAssessmentError(e);
          expect(e.issues.map((i) => [i.code, i.path.slice(0, 3)])).toStrictEqual([
            ["out_of_range", ["report", "sections", "actionPlan"]],
          ]);
          return;
        }
        const text = serialiseReport(report);
        const r = safeParseReport(JSON.parse(text));
        expect(r.success ? [] : r.issues).toStrictEqual([]);
        const again = parseReport(migrateReport(JSON.parse(text)));
        expect(serialiseReport(again)).toBe(text);
        expect(compareReports([report, again]).reports).toHaveLength(2);
      }),
      { seed: SEED, numRuns: runs(40) },
    );
  });

  it("refuses at validation a plan whose total cost has more than 15 integer digits", () => {
    const doc = sofiaJson() as Json;
    for (const act of doc["actions"]) act.cost = { amount: "999999999999999.00", currency: "EUR" };
    const r = safeParseAssessment(doc, { frameworks: builtinFrameworks });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.map((i) => i.code)).toStrictEqual(["out_of_range"]);
    expect(r.issues[0]?.message).toContain("15 integer digits");
  });

  it("refuses, with a typed error at the amount, a report whose converted totals pass 15 integer digits", () => {
    const doc = sofiaJson() as Json;
    for (const act of doc["actions"]) act.cost = { amount: "999999999.00", currency: "EUR" };
    const a = parseAssessment(doc, { frameworks: builtinFrameworks });
    try {
      createReport(a, {
        generatedAt: "2021-02-15",
        stability: false,
        currency: "BGN",
        rates: { EUR: "1000000000" },
      });
      expect.unreachable("createReport wrote a total no reader accepts");
    } catch (e) {
      expectAssessmentError(e);
      expect(e.issues[0]?.code).toBe("out_of_range");
      expect(e.issues[0]?.path.slice(0, 3)).toStrictEqual(["report", "sections", "actionPlan"]);
      expect(e.issues[0]?.message).toContain("15 integer digits");
    }
  });

  it("reads back an action plan with more risks and actions than the old caps of 10,000", () => {
    const doc = sofiaJson() as Json;
    const risks = Array.from({ length: 1000 }, (_, i) => ({
      id: `r${i}`,
      title: `Risk ${i}`,
      likelihood: 1 + (i % 5),
      impact: 1 + ((i * 7) % 5),
    }));
    const base = doc["actions"][0];
    doc["actions"] = Array.from({ length: 11 }, (_, i) => ({
      ...base,
      id: `act-${i}`,
      milestones: [],
      risks,
    }));
    const report = createReport(parseAssessment(doc, { frameworks: builtinFrameworks }), {
      generatedAt: "2021-02-15",
      stability: false,
    });
    expect(report.sections.actionPlan?.risks.length).toBeGreaterThan(10_000);
    const r = safeParseReport(JSON.parse(serialiseReport(report)));
    expect(r.success ? [] : r.issues.slice(0, 3)).toStrictEqual([]);
  });
});

describe("format versions", () => {
  const golden = () =>
    JSON.parse(
      serialiseReport(
        createReport(parseAssessment(sofiaJson()), { generatedAt: "2021-02-15", stability: false }),
      ),
    ) as Json;

  it("reads a 1.1 report with unknown optional fields, dropping each with a warning naming it", () => {
    const doc = golden();
    doc["formatVersion"] = "1.1";
    doc["publishedBy"] = { name: "Sofia" };
    doc["sections"]["needs"]["clusters"] = [1, 2];
    doc["sections"]["needs"]["ranked"][0]["confidence"] = 0.9;
    const r = safeParseReport(doc);
    expect(r.success).toBe(true);
    const byPath = (x: readonly unknown[], y: readonly unknown[]) =>
      JSON.stringify(x) < JSON.stringify(y) ? -1 : 1;
    expect(r.warnings.map((w) => [w.code, w.path]).sort(byPath)).toStrictEqual(
      [
        ["dropped_field", ["publishedBy"]],
        ["dropped_field", ["sections", "needs", "clusters"]],
        ["dropped_field", ["sections", "needs", "ranked", 0, "confidence"]],
      ].sort(byPath),
    );
    if (r.success) {
      expect(r.data.formatVersion).toBe("1.1");
      expect(Object.hasOwn(r.data, "publishedBy")).toBe(false);
      expect(Object.hasOwn(r.data.sections.needs as object, "clusters")).toBe(false);
      // and it compares with a 1.0 report
      expect(compareReports([r.data, parseReport(golden())]).reports).toHaveLength(2);
    }
    // the caller's document is left as it was
    expect(doc["publishedBy"]).toStrictEqual({ name: "Sofia" });
  });

  it("still refuses an unknown field in a 1.0 report, and a real error in a 1.1 report", () => {
    const v10 = golden();
    v10["publishedBy"] = 1;
    const r10 = safeParseReport(v10);
    expect(r10.success ? [] : r10.issues.map((i) => i.code)).toStrictEqual(["unknown_key"]);
    const v11 = golden();
    v11["formatVersion"] = "1.1";
    v11["publishedBy"] = 1;
    v11["city"]["country"] = 7;
    const r11 = safeParseReport(v11);
    expect(r11.success).toBe(false);
    if (!r11.success) {
      expect(r11.issues.map((i) => [i.code, i.path])).toStrictEqual([
        ["invalid_type", ["city", "country"]],
      ]);
      expect(r11.warnings.map((w) => w.code)).toStrictEqual(["dropped_field"]);
    }
  });

  it("refuses 2.0 saying which format it reads, in parseReport and migrateReport alike", () => {
    const doc = golden();
    doc["formatVersion"] = "2.0";
    const r = safeParseReport(doc);
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.issues[0]?.code).toBe("unsupported_version");
      expect(r.issues[0]?.message).toContain("this library reads format 1.x");
    }
    try {
      migrateReport(doc);
      expect.unreachable();
    } catch (e) {
      expectAssessmentError(e);
      expect(e.issues[0]?.code).toBe("unsupported_version");
      expect(e.issues[0]?.message).toContain("this library reads format 1.x");
    }
  });

  it("checks a version one way: leading zeros and other malformed versions are refused by every reader", () => {
    for (const v of [
      "01.0",
      "1.00",
      "1.01",
      "1",
      "1.0.0",
      " 1.0",
      "1.0 ",
      "+1.0",
      "1e0.0",
      "١.٠",
    ]) {
      const doc = golden();
      doc["formatVersion"] = v;
      const r = safeParseReport(doc);
      expect(r.success ? "accepted" : r.issues[0]?.code).toBe("invalid_value");
      let migrated: string;
      try {
        migrateReport(doc);
        migrated = "accepted";
      } catch (e) {
        expectAssessmentError(e);
        migrated = e.issues[0]?.code as string;
      }
      expect(migrated).toBe("invalid_value");
    }
    for (const v of ["1.0", "1.1", "1.10", "1.999999999"]) {
      const doc = golden();
      doc["formatVersion"] = v;
      expect(safeParseReport(doc).success).toBe(true);
      expect(() => migrateReport(doc)).not.toThrow();
    }
  });
});
