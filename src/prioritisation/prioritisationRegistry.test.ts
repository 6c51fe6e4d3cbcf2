import { describe, expect, it } from "vitest";
import { sofiaJson } from "../../test/helpers/sofia.js";
import { builtinFrameworks } from "../frameworks/builtinFrameworks.js";
import { createReport } from "../report/createReport.js";
import { parseAssessment } from "../schema/parseAssessment.js";
import type { Decision } from "./buildDecision.js";
import { prioritise } from "./prioritise.js";
import {
  canDriveStability,
  methodEntry,
  prioritisationMethods,
  prioritisationRegistry,
} from "./prioritisationRegistry.js";
import { prioritiseAssessment } from "./prioritiseAssessment.js";
import { DEFAULT_DRAWS, DEFAULT_SEED, stabilityMethods } from "./rankStability.js";

const decision: Decision = {
  alternatives: ["p", "q", "r"],
  criteria: [
    { id: "impact", kind: "benefit", weight: 0.6 },
    { id: "cost", kind: "cost", weight: 0.4 },
  ],
  matrix: [
    [5, 180],
    [4, 45],
    [3, 30],
  ],
  ballots: [{ ranking: ["p", "q", "r"] }, { ranking: ["q", "p", "r"] }],
};

const sofia = () => parseAssessment(sofiaJson(), { frameworks: builtinFrameworks });

describe("prioritisationRegistry", () => {
  it("lists each method once, in the default order, and prioritisationMethods are its ids", () => {
    const ids = prioritisationRegistry.map((e) => e.id);
    expect(ids).toStrictEqual(["weightedSum", "topsis", "votes", "ahp"]);
    expect(prioritisationMethods).toStrictEqual(ids);
    for (const id of ids) expect(methodEntry(id).id).toBe(id);
  });

  it("runs each method through prioritise with the defaults it states", () => {
    for (const entry of prioritisationRegistry) {
      const r = prioritise(decision, { method: entry.id });
      expect(r.method).toBe(entry.id);
      const parameters = r.parameters as Readonly<Record<string, unknown>>;
      for (const [key, value] of Object.entries(entry.defaults)) {
        // weightedSum's "withScales" applies only when every criterion declares a scale
        if (key in parameters) expect(parameters[key]).toBe(value);
      }
    }
  });

  it("says which methods rank stability can perturb: exactly rankStability's", () => {
    for (const id of prioritisationMethods) {
      expect(canDriveStability(id)).toBe((stabilityMethods as readonly string[]).includes(id));
    }
  });
});

describe("prioritiseAssessment", () => {
  it("runs the methods that apply by default, the AHP one on the AHP weights, with the default stability", () => {
    const a = sofia();
    const r = prioritiseAssessment(a);
    expect(r.methods).toStrictEqual(
      prioritisationRegistry.filter((e) => e.runsByDefault(a)).map((e) => e.id),
    );
    expect(r.methods).toStrictEqual(["weightedSum", "topsis", "votes", "ahp"]);
    expect(r.results.map((x) => x.method)).toStrictEqual(r.methods);
    expect(r.primaryDecision).toBe(r.decision);
    expect(r.results[3]).toStrictEqual(prioritise(r.ahpDecision, { method: "ahp" }));
    expect(r.stability?.method).toBe("weightedSum");
    expect(r.stability?.parameters.draws).toBe(DEFAULT_DRAWS);
    expect(r.stability?.parameters.seed).toBe(DEFAULT_SEED);
    expect(r.impactEffort?.impactCriterion).toBe("impact");
  });

  it("perturbs the first method when it can, else the weighted sum on the first method's decision", () => {
    const a = sofia();
    const topsisFirst = prioritiseAssessment(a, { methods: ["topsis"], stability: { draws: 10 } });
    expect(topsisFirst.stability?.method).toBe("topsis");
    const ahpFirst = prioritiseAssessment(a, {
      methods: ["ahp", "votes"],
      stability: { draws: 10 },
    });
    expect(ahpFirst.stability?.method).toBe("weightedSum");
    expect(ahpFirst.primaryDecision).toBe(ahpFirst.ahpDecision);
    expect(ahpFirst.stability?.parameters.weights).toStrictEqual(
      prioritise(ahpFirst.ahpDecision, { method: "weightedSum" }).parameters.weights,
    );
    expect(prioritiseAssessment(a, { stability: false }).stability).toBeNull();
  });

  it("is what the report shows: its rankings, stability and impact/effort", () => {
    const a = sofia();
    const r = prioritiseAssessment(a, { stability: { draws: 50 } });
    const report = createReport(a, { generatedAt: "2021-02-15", stability: { draws: 50 } });
    const section = report.sections.prioritisation;
    expect(section?.methods.map((m) => m.method)).toStrictEqual(r.methods);
    expect(section?.ranking.map((x) => [x.solution, x.rank])).toStrictEqual(
      r.primary.ranking.map((x) => [x.solution, x.rank]),
    );
    expect(section?.stability?.rows.map((x) => x.sameRank)).toStrictEqual(
      r.stability?.solutions.map((x) => x.sameRankProbability),
    );
    expect(section?.impactEffort).toStrictEqual(r.impactEffort);
  });
});
