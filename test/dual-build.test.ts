/**
 * One program may load both builds of the package (a CommonJS dependency beside an ES module app):
 * a value parsed by one build is accepted by the other, so the parsed mark must not depend on
 * which copy of the library made it (it is a registered `Symbol.for` property).
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
});
