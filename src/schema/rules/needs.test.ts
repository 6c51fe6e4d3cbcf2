import { describe, expect, it } from "vitest";
import { sofiaJson } from "../../../test/helpers/sofia.js";
import { needCoverage } from "../../needs/needCoverage.js";
import { rankNeeds } from "../../needs/rankNeeds.js";
import { stakeholderCoverage } from "../../needs/stakeholderCoverage.js";
import { parseAssessment, safeParseAssessment } from "../parseAssessment.js";
import { validateAssessment } from "../validateAssessment.js";

type Json = Record<string, unknown> & {
  needs: Record<string, unknown>[];
  workshops: Record<string, unknown>[];
  solutions: Record<string, unknown>[];
  maturity: { targets: Record<string, unknown>[] };
};

/** The Sofia example with `plant` applied; returns the errors of validateAssessment. */
function errorsOf(plant: (json: Json) => void) {
  const json = sofiaJson() as Json;
  plant(json);
  return validateAssessment(json).errors;
}

describe("checkNeeds (validateAssessment)", () => {
  it("accepts both Sofia examples, and the needs stages then run on them", () => {
    for (const file of ["assessment.json", "assessment-2022.json"]) {
      const r = validateAssessment(sofiaJson(file));
      expect(r.errors).toStrictEqual([]);
      const a = parseAssessment(sofiaJson(file));
      expect(rankNeeds(a).needs).toHaveLength(a.needs.length);
      expect(needCoverage(a).counts.needs).toBe(a.needs.length);
      expect(stakeholderCoverage(a).workshops).toHaveLength(a.workshops.length);
    }
  });

  it("refuses a stakeholder listed twice among those who raised a need", () => {
    const errors = errorsOf((j) => {
      (j.needs[0]?.["raisedBy"] as string[]).push("bcnl");
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.code).toBe("duplicate_id");
    expect(errors[0]?.path).toStrictEqual(["needs", 0, "raisedBy", 4]);
    expect(errors[0]?.message).toContain('raisedBy lists "bcnl" again (first at raisedBy[1])');
    expect(errors[0]?.message).toContain("expected each stakeholder once");
  });

  it("refuses a need scored twice by one stakeholder", () => {
    const errors = errorsOf((j) => {
      (j.needs[0]?.["scores"] as unknown[]).push({ stakeholder: "resonator", value: 1 });
    });
    expect(errors.map((e) => [e.code, e.path])).toStrictEqual([
      ["duplicate_id", ["needs", 0, "scores", 4, "stakeholder"]],
    ]);
    expect(errors[0]?.message).toBe(
      'stakeholder "resonator" scored this need twice (first at scores[2]); expected one score per stakeholder',
    );
  });

  it("refuses votes that are not whole numbers ≥ 0 and negative scores (the schema's rules)", () => {
    const errors = errorsOf((j) => {
      j.needs[0]!["votes"] = 1.5;
      j.needs[1]!["votes"] = -1;
      (j.needs[2]?.["scores"] as Record<string, unknown>[])[0]!["value"] = -2;
    });
    expect(errors.map((e) => e.path)).toStrictEqual([
      ["needs", 0, "votes"],
      ["needs", 1, "votes"],
      ["needs", 2, "scores", 0, "value"],
    ]);
    expect(errors[1]?.message).toContain("expected at least 0");
  });

  it("refuses a participant listed twice in a workshop", () => {
    const errors = errorsOf((j) => {
      (j.workshops[0]?.["participants"] as string[]).push("sofiaplan");
    });
    expect(errors.map((e) => [e.code, e.path])).toStrictEqual([
      ["duplicate_id", ["workshops", 0, "participants", 11]],
    ]);
    expect(errors[0]?.message).toContain('participants lists "sofiaplan" again');
    expect(errors[0]?.message).toContain("expected each stakeholder once");
  });

  it("refuses a need addressed twice by one solution", () => {
    const errors = errorsOf((j) => {
      (j.solutions[0]?.["addressesNeeds"] as string[]).push("n-one-stop");
    });
    expect(errors.map((e) => [e.code, e.path])).toStrictEqual([
      ["duplicate_id", ["solutions", 0, "addressesNeeds", 2]],
    ]);
    expect(errors[0]?.message).toContain("expected each need once");
  });

  it("refuses a second target level for a dimension", () => {
    const errors = errorsOf((j) => {
      j.maturity.targets.push({ dimension: "openData", level: "advanced" });
    });
    expect(errors.map((e) => [e.code, e.path])).toStrictEqual([
      ["duplicate_id", ["maturity", "targets", 7, "dimension"]],
    ]);
    expect(errors[0]?.message).toBe(
      'a second target for dimension "openData" (first at maturity.targets[2]); expected one target level per dimension',
    );
  });

  it("reports every problem at once", () => {
    const errors = errorsOf((j) => {
      (j.needs[0]?.["raisedBy"] as string[]).push("bcnl", "bcnl");
      (j.needs[3]?.["raisedBy"] as string[]).unshift("bcnl", "bcnl");
      (j.workshops[1]?.["participants"] as string[]).push("bcnl");
      j.maturity.targets.push({ dimension: "openData", level: "advanced" });
    });
    expect(errors.map((e) => e.path)).toStrictEqual([
      ["needs", 0, "raisedBy", 4],
      ["needs", 0, "raisedBy", 5],
      ["needs", 3, "raisedBy", 1],
      ["workshops", 1, "participants", 13],
      ["maturity", "targets", 7, "dimension"],
    ]);
  });

  it("leaves the needs stages nothing to refuse in a document it accepts", () => {
    const json = sofiaJson() as Json;
    json.needs[0]!["raisedBy"] = [];
    json.needs[1]!["scores"] = [];
    delete json.needs[2]!["votes"];
    json.workshops[0]!["participants"] = [];
    json.solutions[0]!["addressesNeeds"] = [];
    const r = safeParseAssessment(json);
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(() => rankNeeds(r.data)).not.toThrow();
    expect(() => needCoverage(r.data)).not.toThrow();
    expect(() => stakeholderCoverage(r.data)).not.toThrow();
  });
});
