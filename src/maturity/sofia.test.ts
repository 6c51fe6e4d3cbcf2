import { describe, expect, it } from "vitest";
import { scoreMaturity } from "./scoreMaturity.js";
import { compareMaturity } from "./compareMaturity.js";
import { builtinFrameworks, getFramework } from "../frameworks/index.js";
import { parseAssessment } from "../schema/index.js";
import { sofiaJson } from "../../test/helpers/sofia.js";

/**
 * The Sofia example (illustrative answers) scored with icc-citizen-participation 1.0.0. The
 * expected numbers are worked out by hand from the framework's rules (position of each answer,
 * equal weights, arithmetic means; see docs/methodology/maturity.md), e.g. strategy and governance
 * 2021: adopted strategy 1, ownership (2 − 0)/4 = 0.5, budget "adHoc" 35/100, monitoring 0,
 * co-creation 3 of 5 = 0.6 → (1 + 0.5 + 0.35 + 0 + 0.6) / 5 × 100 = 49.
 */
const expected2021: Record<string, [number, string]> = {
  strategyGovernance: [49, "established"],
  digitalServices: [62, "advanced"], // (0.35 + 1 + 1 + 0.25 + 0.5) / 5
  openData: [9, "initial"], // (0 + 0.2 + max(0, 1 − 1)/4 + 0 + 0.25) / 5
  eParticipation: [23, "emerging"], // (0.67 + 0.25 + 0 + 0) / 4, platform reach unanswered
  inPersonParticipation: [(0.5 + 0.4 + 0 + (8 / 3 - 1) / 4) * 25, "emerging"], // grid: mean of 3 rated rows
  technologyInteroperability: [(0.3 + 0.5 + 0) * (100 / 3), "emerging"], // security unanswered
  ecosystemSkills: [57.5, "established"], // (20/80 + 0.8 + 1 + 0.25) / 4
};
const expected2022: Record<string, [number, string]> = {
  strategyGovernance: [89, "leading"],
  digitalServices: [69.6, "advanced"],
  openData: [71, "advanced"],
  eParticipation: [74.8, "advanced"],
  inPersonParticipation: [72.8125, "advanced"],
  technologyInteroperability: [41.25, "established"],
  ecosystemSkills: [68.4375, "advanced"],
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function score(file: string) {
  const a = parseAssessment(sofiaJson(file), { frameworks: builtinFrameworks });
  const m = a.maturity;
  if (!m) throw new Error("the example has no maturity section");
  const framework = getFramework(m.framework.id, m.framework.version);
  return { a, result: scoreMaturity(framework, m.observations) };
}

describe("Sofia example", () => {
  it("parses against the built-in frameworks, observations and targets included", () => {
    const a = parseAssessment(sofiaJson(), { frameworks: builtinFrameworks });
    expect(a.maturity?.framework).toStrictEqual({
      id: "icc-citizen-participation",
      version: "1.0.0",
    });
    expect(a.maturity?.assessedOn).toBe("2021-01-31");
    expect(a.maturity?.targets).toHaveLength(7);
    expect(
      a.maturity?.observations.filter((o) => o.value === null).map((o) => o.indicator),
    ).toStrictEqual(["ep.users", "ti.security"]);
  });

  it("gets a score and a level for every dimension in 2021, with its trace", () => {
    const { result } = score("assessment.json");
    expect(result.framework.provenance).toBe("designed");
    expect(result.units.map((u) => u.unit)).toStrictEqual(["sofia"]);
    const u = result.units[0];
    if (!u) throw new Error("no unit");
    for (const d of u.dimensions) {
      const [s, level] = expected2021[d.id] as [number, string];
      expect(d.score, d.id).toBeCloseTo(s, 9);
      expect(d.level?.id, d.id).toBe(level);
      const step = u.trace.find((t) => t.node === "dimension" && t.id === d.id);
      expect(step?.score).toBe(d.score);
      expect(step?.components.length).toBeGreaterThanOrEqual(4);
      expect(step?.aggregation.method).toBe("arithmetic");
    }
    expect(u.overall.score).toBeCloseTo(mean(Object.values(expected2021).map((x) => x[0])), 9);
    expect(u.overall.level?.id).toBe("emerging");
    expect(u.overall.coverage).toBeCloseTo((1 + 1 + 1 + 0.8 + 1 + 0.75 + 1) / 7, 12);
  });

  it("explains a skipped answer and the reweighting it causes", () => {
    const u = score("assessment.json").result.units[0];
    const users = u?.indicators.find((i) => i.id === "ep.users");
    expect(users).toMatchObject({ answered: false, score: null, effectiveWeight: 0 });
    expect(users?.reason).toContain("skipped");
    const ep = u?.trace.find((t) => t.id === "eParticipation");
    expect(ep?.effectiveWeights).toStrictEqual([0.25, 0.25, 0.25, 0.25, 0]);
    expect(ep?.coverage).toBe(0.8);
  });

  it("shows the progress of the 2022 follow-up per dimension and overall", () => {
    const y2021 = score("assessment.json");
    const y2022 = score("assessment-2022.json");
    expect(y2022.a.maturity?.assessedOn).toBe("2022-02-15");
    const c = compareMaturity(y2021.result, y2022.result);
    const pair = c.pairs[0];
    expect(pair?.a).toBe("sofia");
    for (const d of pair?.dimensions ?? []) {
      const from = expected2021[d.id] as [number, string];
      const to = expected2022[d.id] as [number, string];
      expect(d.change, d.id).toBeCloseTo(to[0] - from[0], 9);
      expect([d.levelFrom?.id, d.levelTo?.id], d.id).toStrictEqual([from[1], to[1]]);
    }
    expect(pair?.overall.to).toBeCloseTo(mean(Object.values(expected2022).map((x) => x[0])), 9);
    expect(pair?.overall.levelChange).toBe(2); // emerging → advanced
  });
});
