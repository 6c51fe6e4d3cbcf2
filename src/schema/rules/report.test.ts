/**
 * What createReport needs of a document is refused by validateAssessment first, once (whichever
 * rule module owns it), and what it accepts gives a report with default options.
 */
import { describe, expect, it } from "vitest";
import { sofiaJson } from "../../../test/helpers/sofia.js";
import { createReport } from "../../report/createReport.js";
import { parseAssessment } from "../parseAssessment.js";
import { validateAssessment } from "../validateAssessment.js";

type Observation = { unit: string };
const observationsOf = (json: Record<string, unknown>) =>
  (json["maturity"] as { observations: Observation[] }).observations;

const maturityErrors = (json: Record<string, unknown>) =>
  validateAssessment(json).errors.filter((e) => e.path[0] === "maturity");

const report = (json: Record<string, unknown>) =>
  createReport(parseAssessment(json), { generatedAt: "2021-02-15", stability: false });

describe("what createReport needs of a document (validateAssessment)", () => {
  it("accepts the Sofia examples, and createReport reports them", () => {
    for (const file of ["assessment.json", "assessment-2022.json"]) {
      expect(validateAssessment(sofiaJson(file)).errors, file).toStrictEqual([]);
      expect(report(sofiaJson(file)).sections.maturity?.unit, file).toBe("sofia");
    }
  });

  it("accepts a maturity part without observations; createReport scores the city as not assessed", () => {
    const json = sofiaJson();
    (json["maturity"] as Record<string, unknown>)["observations"] = [];
    expect(maturityErrors(json)).toStrictEqual([]);
    const maturity = report(json).sections.maturity;
    expect(maturity?.unit).toBe("sofia");
    expect(maturity?.overall.score).toBeNull();
    expect(maturity?.overall.level).toBeNull();
  });

  it("refuses observations of several units none of which is the city, once, naming them", () => {
    const json = sofiaJson();
    observationsOf(json).forEach((o, i) => (o.unit = i % 2 === 0 ? "sofia-north" : "sofia-south"));
    const errors = maturityErrors(json);
    expect(errors.map((e) => [e.code, e.path.slice(0, 2)])).toStrictEqual([
      ["invalid_value", ["maturity", "observations"]],
    ]);
    expect(errors[0]?.message).toContain("sofia-north");
    expect(errors[0]?.message).toContain("sofia-south");
    expect(errors[0]?.message).toContain('"sofia"');
  });

  it("accepts one unit that is not the city, and several units when one is the city; createReport takes the only one, else the city's", () => {
    const one = sofiaJson();
    for (const o of observationsOf(one)) o.unit = "sofia-2021";
    expect(maturityErrors(one)).toStrictEqual([]);
    expect(report(one).sections.maturity?.unit).toBe("sofia-2021");
    const several = sofiaJson();
    const obs = observationsOf(several);
    obs.push(...obs.map((o) => ({ ...o, unit: "plovdiv" })));
    // the city's answers may come after the other unit's
    obs.reverse();
    expect(maturityErrors(several)).toStrictEqual([]);
    expect(report(several).sections.maturity?.unit).toBe("sofia");
  });
});
