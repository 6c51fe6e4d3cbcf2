import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { AssessmentError } from "../errors/AssessmentError.js";
import { parseReport, safeParseReport } from "./parseReport.js";
import { minimalReport } from "../../test/helpers/reports.js";

describe("parseReport", () => {
  it("accepts a minimal report", () => {
    expect(parseReport(minimalReport()).kind).toBe("icc-assessment-report");
  });

  it("rejects an unknown major version, a bad digest and unknown keys with their paths", () => {
    const r1 = safeParseReport({ ...minimalReport(), formatVersion: "2.1" });
    expect(r1.success ? [] : r1.issues.map((i) => [i.code, i.path])).toStrictEqual([
      ["unsupported_version", ["formatVersion"]],
    ]);
    const bad = minimalReport();
    bad.provenance.inputDigest = "md5:abc";
    const r2 = safeParseReport(bad);
    expect(r2.success ? [] : r2.issues.map((i) => [i.code, i.path])).toStrictEqual([
      ["invalid_value", ["provenance", "inputDigest"]],
    ]);
    const r3 = safeParseReport({ ...minimalReport(), extra: 1 });
    expect(r3.success ? [] : r3.issues.map((i) => [i.code, i.path])).toStrictEqual([
      ["unknown_key", ["extra"]],
    ]);
  });

  it("throws only AssessmentError on arbitrary JSON (1,000 runs)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        try {
          parseReport(v);
          return true;
        } catch (e) {
          return e instanceof AssessmentError;
        }
      }),
      { numRuns: 1000, seed: 42 },
    );
  });
});
