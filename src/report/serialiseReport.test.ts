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
        '{\n  "$schema": "https://icc-assessment.org/schema/report.v1.json",\n  "city": {',
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
        const shuffled = {
          ...Object.fromEntries(
            reverseTop ? Object.entries(report).reverse() : Object.entries(report),
          ),
          sections: Object.fromEntries(
            reverseSections
              ? Object.entries(report.sections).reverse()
              : Object.entries(report.sections),
          ),
        } as typeof report;
        expect(serialiseReport(shuffled)).toBe(text);
      }),
      { numRuns: 8 },
    );
  });

  it("refuses a value that is not JSON, with its path under report", () => {
    try {
      serialiseReport({
        ...report,
        period: { start: "2021-01-01", end: undefined as never },
        extra: [Infinity],
      } as never);
      throw new Error("no error");
    } catch (e) {
      expect((e as AssessmentError).code).toBe("non_finite");
      expect((e as AssessmentError).issues[0]?.path).toStrictEqual(["report", "extra", 0]);
    }
  });
});
