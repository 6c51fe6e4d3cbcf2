import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sofiaJson } from "../../test/helpers/sofia.js";
import { AssessmentError } from "../errors/AssessmentError.js";
import { builtinFrameworks } from "../frameworks/builtinFrameworks.js";
import { parseAssessment } from "../schema/parseAssessment.js";
import { parseReport } from "../schema/parseReport.js";
import { createReport } from "./createReport.js";
import { serialiseReport } from "./serialiseReport.js";

describe("serialiseReport", () => {
  const report = createReport(parseAssessment(sofiaJson(), { frameworks: builtinFrameworks }), {
    generatedAt: "2021-02-15",
    stability: { draws: 50 },
  });
  const text = serialiseReport(report);

  it("writes sorted keys with two-space indentation and a final newline", () => {
    expect(
      text.startsWith(
        '{\n  "$schema": "https://cdn.jsdelivr.net/npm/icc-assessment/schema/report.v1.json",\n  "city": {',
      ),
    ).toBe(true);
    expect(text.endsWith("}\n")).toBe(true);
  });

  it("parses back to an equal report that serialises to the same bytes", () => {
    const back = parseReport(JSON.parse(text));
    expect(back).toStrictEqual(report);
    expect(serialiseReport(back)).toBe(text);
  });

  it("does not depend on the key order of the report object (fast-check)", () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), (reverseTop, reverseSections) => {
        // parseReport keeps the key order of what it is given
        const shuffled = parseReport({
          ...Object.fromEntries(
            reverseTop ? Object.entries(report).reverse() : Object.entries(report),
          ),
          sections: Object.fromEntries(
            reverseSections
              ? Object.entries(report.sections).reverse()
              : Object.entries(report.sections),
          ),
        });
        expect(serialiseReport(shuffled)).toBe(text);
      }),
      { numRuns: 8 },
    );
  });

  it("refuses a value that did not come from createReport or parseReport (not_parsed)", () => {
    for (const value of [JSON.parse(text), { ...report, extra: [Infinity] }, undefined]) {
      try {
        serialiseReport(value as never);
        throw new Error("no error");
      } catch (e) {
        expect((e as AssessmentError).code).toBe("not_parsed");
        expect((e as AssessmentError).issues[0]?.path).toStrictEqual(["report"]);
      }
    }
  });
});
