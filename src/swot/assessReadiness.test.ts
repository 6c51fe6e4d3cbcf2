import { describe, expect, it } from "vitest";
import { thrown } from "../../test/helpers/errors.js";
import { assessReadiness, readinessCriteria, readinessSteps } from "./assessReadiness.js";
import { Dec } from "../_lib/decimal.js";
import { parseAssessment } from "../schema/index.js";
import type { Solution } from "../schema/entities.js";
import { sofiaJson } from "../../test/helpers/sofia.js";

const money = (amount: string, currency = "EUR") => ({ amount: new Dec(amount), currency });

const concept: Solution = {
  id: "s1",
  title: "Open data portal",
  readiness: "concept",
  description: "A portal for the city's datasets",
  addressesNeeds: ["n1"],
  expectedResults: ["100 datasets online"],
};

const prepared: Solution = {
  ...concept,
  readiness: "prepared",
  lead: "city",
  swot: [{ id: "w1", quadrant: "weakness", text: "Few staff" }],
  resources: [{ kind: "staff", description: "Two data stewards" }],
  steps: [{ id: "st1", title: "Inventory", duration: { months: 2 } }],
  cost: money("50000.00"),
  end: "2022-03-31",
  kpis: [{ id: "k1", title: "Datasets", unit: "datasets", target: 100 }],
};

const deployed: Solution = {
  ...prepared,
  readiness: "deployed",
  partners: ["university"],
  funding: [
    { source: "municipal", amount: money("30000.00"), secured: true },
    { source: "eu", amount: money("20000.00"), secured: true },
  ],
  kpis: [{ id: "k1", title: "Datasets", unit: "datasets", baseline: 12, target: 100 }],
  risks: [{ id: "r1", title: "Data quality", likelihood: 3, impact: 3, mitigation: "Review" }],
};

describe("assessReadiness", () => {
  it("places a bare named proposal at idea and lists the concept criteria as missing", () => {
    const r = assessReadiness({ id: "x", title: "Chatbot", readiness: "idea" });
    expect(r).toMatchObject({
      solution: "x",
      level: "idea",
      index: 1,
      title: "Idea",
      next: "concept",
      declared: "idea",
      consistent: true,
      missingForDeclared: [],
      missingForNext: [
        "A description says what the solution is and does",
        "It addresses at least one need raised by stakeholders",
        "At least one expected result is stated",
      ],
    });
    expect(r.criteria.map((c) => c.id)).toStrictEqual([
      "concept.description",
      "concept.needs",
      "concept.expectedResults",
    ]);
  });

  it("places a solution with a description, needs and results at concept", () => {
    const r = assessReadiness(concept);
    expect(r.level).toBe("concept");
    expect(r.index).toBe(2);
    expect(r.next).toBe("prepared");
    expect(r.missingForNext).toHaveLength(7);
  });

  it("places a fully analysed solution at prepared and asks for the pilot next", () => {
    const r = assessReadiness(prepared);
    expect(r.level).toBe("prepared");
    expect(r.consistent).toBe(true);
    expect(r.criteria).toStrictEqual([
      {
        level: "piloted",
        id: "piloted.declared",
        criterion: "A pilot has run (the readiness is declared piloted or deployed)",
        met: false,
      },
      {
        level: "piloted",
        id: "piloted.partners",
        criterion: "At least one partner stakeholder is engaged",
        met: false,
      },
      { level: "piloted", id: "piloted.funding", criterion: "Some funding is secured", met: false },
      {
        level: "piloted",
        id: "piloted.baseline",
        criterion: "At least one KPI has a measured baseline",
        met: false,
      },
    ]);
  });

  it("accepts a duration instead of an end date as the schedule", () => {
    const { end: _end, ...rest } = prepared;
    expect(assessReadiness({ ...rest, duration: { months: 6 } }).level).toBe("prepared");
    expect(assessReadiness(rest).level).toBe("concept");
  });

  it("never goes beyond prepared without a declared pilot, however complete the record", () => {
    const r = assessReadiness({ ...deployed, readiness: "prepared" });
    expect(r.level).toBe("prepared");
    expect(r.missingForNext).toStrictEqual([
      "A pilot has run (the readiness is declared piloted or deployed)",
    ]);
  });

  it("confirms a declared deployment backed by the record, with nothing missing", () => {
    const r = assessReadiness(deployed);
    expect(r).toMatchObject({
      level: "deployed",
      index: 5,
      title: "Deployed",
      next: null,
      criteria: [],
      missingForNext: [],
      consistent: true,
    });
    expect(r.checks.every((c) => c.met)).toBe(true);
  });

  it("flags a declared level the record does not support and says what is missing", () => {
    const r = assessReadiness({ ...concept, readiness: "piloted" });
    expect(r.level).toBe("concept");
    expect(r.declared).toBe("piloted");
    expect(r.consistent).toBe(false);
    expect(r.missingForDeclared).toContain("A lead stakeholder is named");
    expect(r.missingForDeclared).toContain("Some funding is secured");
    expect(r.missingForDeclared).not.toContain(
      "Secured funding in the cost's currency covers the estimated cost",
    );
  });

  it("counts only secured funding in the cost's currency towards full funding", () => {
    const partly: Solution = {
      ...deployed,
      funding: [
        { source: "municipal", amount: money("30000.00"), secured: true },
        { source: "eu", amount: money("20000.00"), secured: false },
        { source: "private", amount: money("90000.00", "USD"), secured: true },
      ],
    };
    const r = assessReadiness(partly);
    expect(r.level).toBe("piloted");
    expect(r.missingForNext).toStrictEqual([
      "Secured funding in the cost's currency covers the estimated cost",
    ]);
  });

  it("needs every KPI baseline and a mitigation for every risk to be deployed", () => {
    const noBaseline = assessReadiness({
      ...deployed,
      kpis: [
        { id: "k1", title: "Datasets", unit: "datasets", baseline: 12, target: 100 },
        { id: "k2", title: "Downloads", unit: "downloads", baseline: null, target: 1000 },
      ],
    });
    expect(noBaseline.missingForNext).toStrictEqual(["Every KPI has a measured baseline"]);
    const noMitigation = assessReadiness({
      ...deployed,
      risks: [{ id: "r1", title: "Data quality", likelihood: 3, impact: 3 }],
    });
    expect(noMitigation.missingForNext).toStrictEqual([
      "Risks are identified, each with a mitigation",
    ]);
    const { cost: _cost, ...noCost } = deployed;
    expect(assessReadiness(noCost).level).toBe("concept");
  });

  it("reads decimal strings as money when the solution was not parsed", () => {
    const raw = {
      ...deployed,
      cost: { amount: "50000.00", currency: "EUR" },
      funding: [{ source: "eu", amount: { amount: "50000.00", currency: "EUR" }, secured: true }],
    } as unknown as Solution;
    expect(assessReadiness(raw).level).toBe("deployed");
  });

  it("does not change its input", () => {
    const copy = structuredClone(concept);
    assessReadiness(concept);
    expect(concept).toStrictEqual(copy);
  });

  it("assesses the Sofia example's solutions", () => {
    const a = parseAssessment(sofiaJson());
    const byId = new Map(a.solutions.map((s) => [s.id, assessReadiness(s)]));
    expect(byId.get("sol-platform")).toMatchObject({ level: "prepared", consistent: true });
    expect(byId.get("sol-chatbot")).toMatchObject({ level: "idea", consistent: true });
    for (const r of byId.values()) expect(r.index).toBeGreaterThanOrEqual(1);
  });

  it("publishes criteria for every step above idea, each with a unique id", () => {
    const ids = readinessCriteria.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const step of readinessSteps) {
      expect(readinessCriteria.some((c) => c.level === step.level)).toBe(true);
    }
    expect(readinessSteps.map((s) => s.index)).toStrictEqual([1, 2, 3, 4, 5]);
  });

  it("rejects a value that is not a solution", () => {
    const e = thrown(() => assessReadiness(null as unknown as Solution));
    expect(e.code).toBe("invalid_type");
    expect(e.issues[0]?.path).toStrictEqual(["solution"]);
    expect(thrown(() => assessReadiness([] as unknown as Solution)).code).toBe("invalid_type");
  });

  it("rejects an unknown declared readiness", () => {
    expect(() =>
      assessReadiness({ ...concept, readiness: "launched" } as unknown as Solution),
    ).toThrowErrorMatchingInlineSnapshot(
      `[AssessmentError: solution.readiness must be one of idea, concept, prepared, piloted, deployed, got "launched"]`,
    );
    const e = thrown(() =>
      assessReadiness({ ...concept, readiness: "launched" } as unknown as Solution),
    );
    expect(e.issues[0]?.path).toStrictEqual(["solution", "readiness"]);
  });

  it("rejects a list field that is not an array", () => {
    const e = thrown(() => assessReadiness({ ...concept, kpis: "none" } as unknown as Solution));
    expect(e.code).toBe("invalid_type");
    expect(e.issues[0]?.path).toStrictEqual(["solution", "kpis"]);
  });

  it("rejects an unreadable money amount", () => {
    const bad = { ...deployed, cost: { amount: 50000, currency: "EUR" } } as unknown as Solution;
    const e = thrown(() => assessReadiness(bad));
    expect(e.code).toBe("invalid_money");
    expect(e.issues[0]?.path).toStrictEqual(["solution", "cost", "amount"]);
    const badFunding = {
      ...deployed,
      funding: [{ source: "eu", amount: { amount: "lots", currency: "EUR" }, secured: true }],
    } as unknown as Solution;
    const e2 = thrown(() => assessReadiness(badFunding));
    expect(e2.issues[0]?.path).toStrictEqual(["solution", "funding", 0, "amount", "amount"]);
    const nullCost = { ...deployed, cost: null } as unknown as Solution;
    expect(thrown(() => assessReadiness(nullCost)).code).toBe("invalid_money");
  });
});
