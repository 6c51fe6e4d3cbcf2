import { describe, expect, it } from "vitest";
import { smallAssessment } from "../../test/helpers/assessments.js";
import { issue } from "../../test/helpers/errors.js";
import { parseAssessment } from "../schema/parseAssessment.js";
import { sofiaJson } from "../../test/helpers/sofia.js";
import type { Solution } from "../schema/entities.js";
import { dossierGapCodes, dossierGaps } from "./dossierGaps.js";
import { solutionDossier } from "./solutionDossier.js";

const sofia = () => parseAssessment(sofiaJson());

describe("dossierGaps", () => {
  it("lists the gaps of each Sofia priority solution before it can enter the action plan", () => {
    // read off the example by hand: info points and e-services lack resources and steps, so the
    // record does not support their declared readiness (piloted, prepared); "Sofia chooses" has no steps.
    const a = sofia();
    const gaps = (a.plan?.selected ?? []).map((id) => {
      const r = dossierGaps(a.solutions.find((s) => s.id === id) as never, a);
      return [r.solution, r.ready, r.gaps.map((g) => g.code)];
    });
    expect(gaps).toStrictEqual([
      ["sol-platform", true, []],
      ["sol-data-policy", true, []],
      ["sol-sofia-chooses", false, ["noSteps"]],
      ["sol-info-points", false, ["noResources", "noSteps", "readinessNotEvidenced"]],
      ["sol-e-services", false, ["noResources", "noSteps", "readinessNotEvidenced"]],
    ]);
  });

  it("explains each gap with a path relative to the solution", () => {
    const a = sofia();
    const r = dossierGaps(a.solutions.find((s) => s.id === "sol-info-points") as never, a);
    expect(r.gaps).toStrictEqual([
      { code: "noResources", path: ["resources"], message: "no resources are identified" },
      { code: "noSteps", path: ["steps"], message: "no implementation steps are defined" },
      {
        code: "readinessNotEvidenced",
        path: ["readiness"],
        message:
          'declared "piloted" but the record supports "concept"; missing: The resources needed are identified; Implementation steps are defined',
      },
    ]);
  });

  it("finds every kind of gap in a bare solution", () => {
    const bare = {
      id: "bare",
      title: "Bare idea",
      readiness: "idea",
      resources: [{ kind: "budget", description: "Build" }],
      kpis: [
        { id: "k1", title: "Users", unit: "users", target: 10, baseline: null },
        { id: "k2", title: "Votes", unit: "votes", target: 10, baseline: 0, due: "2022-01-01" },
      ],
    };
    const a = smallAssessment({ solutions: [bare, { ...bare, id: "bare-no-kpi", kpis: [] }] });
    const of = (id: string) => a.solutions.find((s) => s.id === id) as Solution;
    const r = dossierGaps(of("bare"), a);
    expect(r.gaps.map((g) => [g.code, g.path])).toStrictEqual([
      ["noNeeds", ["addressesNeeds"]],
      ["noLead", ["lead"]],
      ["noSwot", ["swot"]],
      ["budgetWithoutAmount", ["resources", 0, "cost"]],
      ["noSteps", ["steps"]],
      ["noExpectedResults", ["expectedResults"]],
      ["noCost", ["cost"]],
      ["noSchedule", ["end"]],
      ["kpiWithoutBaseline", ["kpis", 0, "baseline"]],
      ["kpiWithoutDue", ["kpis", 0, "due"]],
    ]);
    const noKpi = dossierGaps(of("bare-no-kpi"), a);
    expect(noKpi.gaps.map((g) => g.code)).toContain("noKpi");
    expect(dossierGapCodes).toHaveLength(13);
  });

  it("takes a dossier as well as a solution, and gives the same answer", () => {
    const a = sofia();
    const s = a.solutions.find((x) => x.id === "sol-e-services");
    const d = solutionDossier(s as never, a);
    expect(dossierGaps(d)).toStrictEqual(dossierGaps(s as never, a));
  });

  describe("bad input", () => {
    it("needs the assessment to build a solution's dossier", () => {
      const a = sofia();
      expect(issue(() => dossierGaps(a.solutions[0] as never))).toStrictEqual([
        "missing_field",
        ["assessment"],
      ]);
    });

    it("rejects a malformed dossier", () => {
      const a = sofia();
      const d = solutionDossier(a.solutions[0] as never, a);
      expect(issue(() => dossierGaps({ ...d, kpis: undefined } as never))).toStrictEqual([
        "invalid_type",
        ["dossier", "kpis"],
      ]);
      expect(issue(() => dossierGaps({ ...d, resources: { items: 3 } } as never))).toStrictEqual([
        "invalid_type",
        ["dossier", "resources", "items"],
      ]);
      expect(issue(() => dossierGaps({ ...d, resources: [] } as never))).toStrictEqual([
        "invalid_type",
        ["dossier", "resources"],
      ]);
      expect(issue(() => dossierGaps({ ...d, solution: [] } as never))).toStrictEqual([
        "invalid_type",
        ["dossier", "solution"],
      ]);
      expect(issue(() => dossierGaps({ ...d, schedule: null } as never))).toStrictEqual([
        "invalid_type",
        ["dossier", "schedule"],
      ]);
    });

    it("refuses a solution that is not one of the assessment's, and an unparsed assessment", () => {
      const a = sofia();
      expect(
        issue(() => dossierGaps({ ...a.solutions[0], lead: "ghost" } as never, a)),
      ).toStrictEqual(["not_parsed", ["solution"]]);
      expect(issue(() => dossierGaps(null as never, a))).toStrictEqual([
        "not_parsed",
        ["solution"],
      ]);
      const d = solutionDossier(a.solutions[0] as Solution, a);
      const plain = JSON.parse(JSON.stringify(a)) as never;
      expect(issue(() => dossierGaps(d, plain))).toStrictEqual(["not_parsed", ["assessment"]]);
      expect(dossierGaps(d, a)).toStrictEqual(dossierGaps(d));
    });
  });
});
