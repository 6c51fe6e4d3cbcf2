import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { issue } from "../../test/helpers/errors.js";
import { migrateDocument } from "./_migrate.js";
import { migrateReport } from "./migrateReport.js";

describe("migrateReport", () => {
  it("returns a copy of a 1.x report unchanged", () => {
    const doc = { formatVersion: "1.0", kind: "icc-assessment-report", sections: { a: [1] } };
    const out = migrateReport(doc) as typeof doc;
    expect(out).toStrictEqual(doc);
    expect(out).not.toBe(doc);
    expect(out.sections).not.toBe(doc.sections);
    expect(migrateReport({ ...doc, formatVersion: "1.7" })).toStrictEqual({
      ...doc,
      formatVersion: "1.7",
    });
  });

  it("refuses a later major, an unknown earlier one, and malformed documents", () => {
    expect(issue(() => migrateReport({ formatVersion: "2.0" }))).toStrictEqual([
      "unsupported_version",
      ["formatVersion"],
    ]);
    expect(issue(() => migrateReport({ formatVersion: "0.9" }))).toStrictEqual([
      "unsupported_version",
      ["formatVersion"],
    ]);
    expect(issue(() => migrateReport({}))).toStrictEqual(["missing_field", ["formatVersion"]]);
    expect(issue(() => migrateReport({ formatVersion: 1 }))).toStrictEqual([
      "invalid_type",
      ["formatVersion"],
    ]);
    expect(issue(() => migrateReport({ formatVersion: "v1" }))).toStrictEqual([
      "invalid_value",
      ["formatVersion"],
    ]);
    expect(issue(() => migrateReport({ formatVersion: "1.0", kind: "assessment" }))).toStrictEqual([
      "invalid_value",
      ["kind"],
    ]);
    expect(
      issue(() => migrateReport({ formatVersion: "1.0", sections: { a: [1, Number.NaN] } })),
    ).toStrictEqual(["non_finite", ["sections", "a", 1]]);
    expect(migrateReport({ formatVersion: "1.0", x: -0 })).toStrictEqual({
      formatVersion: "1.0",
      x: 0,
    });
    for (const bad of [null, [], "1.0", 1]) {
      expect(issue(() => migrateReport(bad))).toStrictEqual(["invalid_type", []]);
    }
  });

  it("never mutates its input (fast-check)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (sections) => {
        const doc = { formatVersion: "1.0", sections };
        const before = JSON.stringify(doc);
        migrateReport(doc);
        expect(JSON.stringify(doc)).toBe(before);
      }),
      { numRuns: 100 },
    );
  });
});

describe("migrateDocument", () => {
  it("runs one step per major, so a 1 → 2 upgrade is one function", () => {
    const steps = [
      (d: Record<string, unknown>) => ({ ...d, formatVersion: "2.0", renamed: d["old"] }),
      (d: Record<string, unknown>) => ({ ...d, formatVersion: "3.0", third: true }),
    ];
    expect(migrateDocument({ formatVersion: "1.4", old: 5 }, steps, "3.0")).toStrictEqual({
      formatVersion: "3.0",
      old: 5,
      renamed: 5,
      third: true,
    });
    expect(migrateDocument({ formatVersion: "2.1" }, steps, "3.0")).toStrictEqual({
      formatVersion: "3.0",
      third: true,
    });
    expect(
      issue(() => migrateDocument({ formatVersion: "1.0" }, steps.slice(1), "3.0")),
    ).toStrictEqual(["unsupported_version", ["formatVersion"]]);
  });
});
