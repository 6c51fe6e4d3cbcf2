/**
 * One program may load both builds of the package (a CommonJS dependency beside an ES module app):
 * a value parsed by one build is accepted by the other, so the parsed mark must not depend on
 * which copy of the library made it (it is a registered `Symbol.for` property), and neither must
 * the error brand.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { sofiaJson } from "./helpers/sofia.js";

const require = createRequire(import.meta.url);

describe("the ESM and CommonJS builds together", () => {
  it("accept each other's parsed assessments and reports", async () => {
    const cjsSchema = require("icc-assessment/schema") as typeof import("../src/schema/index.js");
    const cjsReport = require("icc-assessment/report") as typeof import("../src/report/index.js");
    // through a variable, so the type check does not need dist/ (it is built by the test setup)
    const pkg = "icc-assessment";
    const esmSchema = (await import(`${pkg}/schema`)) as typeof import("../src/schema/index.js");
    const esmReport = (await import(`${pkg}/report`)) as typeof import("../src/report/index.js");
    expect(cjsSchema.parseAssessment).not.toBe(esmSchema.parseAssessment);
    const at = { generatedAt: "2021-02-15", stability: false } as const;
    const fromCjs = esmReport.createReport(cjsSchema.parseAssessment(sofiaJson()), at);
    const fromEsm = cjsReport.createReport(esmSchema.parseAssessment(sofiaJson()), at);
    expect(cjsReport.serialiseReport(fromCjs)).toBe(esmReport.serialiseReport(fromEsm));
    expect(cjsReport.renderMarkdown(fromEsm, { lang: "en" })).toBe(
      esmReport.renderMarkdown(fromCjs, { lang: "en" }),
    );
  });

  it("recognise each other's errors, by isAssessmentError and by instanceof", async () => {
    const cjs = require("icc-assessment") as typeof import("../src/index.js");
    const pkg = "icc-assessment";
    const esm = (await import(pkg)) as typeof import("../src/index.js");
    expect(cjs.AssessmentError).not.toBe(esm.AssessmentError);
    const caught = (parse: typeof esm.parseAssessment): unknown => {
      try {
        parse({});
      } catch (e) {
        return e;
      }
      return undefined;
    };
    const fromCjs = caught(cjs.parseAssessment);
    const fromEsm = caught(esm.parseAssessment);
    for (const e of [fromCjs, fromEsm]) {
      expect(esm.isAssessmentError(e)).toBe(true);
      expect(cjs.isAssessmentError(e)).toBe(true);
      expect(e instanceof esm.AssessmentError).toBe(true);
      expect(e instanceof cjs.AssessmentError).toBe(true);
    }
    // and an error that only looks like one is not one
    const lookalike = Object.assign(new Error("x"), { code: "invalid_document", issues: [] });
    expect(esm.isAssessmentError(lookalike)).toBe(false);
    expect(lookalike instanceof cjs.AssessmentError).toBe(false);
  });
});
