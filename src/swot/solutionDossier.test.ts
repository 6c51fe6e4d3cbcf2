import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { issue } from "../../test/helpers/errors.js";
import type { Assessment } from "../schema/assessment.js";
import { parseAssessment } from "../schema/parseAssessment.js";
import { sofiaJson } from "../../test/helpers/sofia.js";
import { solutionDossier } from "./solutionDossier.js";

const money = (m: { amount: Decimal; currency: string } | null | undefined) =>
  m ? `${m.amount.toFixed(2)} ${m.currency}` : null;

function sofia(): Assessment {
  return parseAssessment(sofiaJson());
}

function solution(a: Assessment, id: string) {
  const s = a.solutions.find((x) => x.id === id);
  if (!s) throw new Error(id);
  return s;
}

describe("solutionDossier", () => {
  it("gathers the per-solution analysis of the Sofia platform", () => {
    const a = sofia();
    const d = solutionDossier(solution(a, "sol-platform"), a);
    expect(d.solution).toStrictEqual({
      id: "sol-platform",
      title: "Integrated e-participation platform",
      description:
        "One platform for proposals, consultations, votes and feedback, linked to the city website.",
      theme: "integrated citizen-participation platform",
      track: null,
    });
    expect([d.readiness.level, d.readiness.consistent]).toStrictEqual(["prepared", true]);
    expect(d.needs.map((n) => n.id)).toStrictEqual(["n-one-stop", "n-feedback"]);
    expect(d.lead).toStrictEqual({
      id: "innovative-sofia",
      name: "Innovative Sofia (municipal innovation team)",
      helix: "public",
    });
    expect(d.partners.map((p) => [p.id, p.helix])).toStrictEqual([
      ["bait", "business"],
      ["bcnl", "civilSociety"],
    ]);
    expect(d.swot?.counts).toStrictEqual({ strength: 1, weakness: 1, opportunity: 1, threat: 1 });
    expect(d.swot?.threats).toStrictEqual([
      { id: "sp-t1", text: "Digital divide excludes part of the population" },
    ]);
    expect([d.swot?.ife, d.swot?.efe, d.swot?.position]).toStrictEqual([null, null, null]);
    expect(d.swotReason).toBeNull();
    // resources: staff (3 FTE, no cost), technology 40 000 EUR, budget 140 000 EUR
    expect(
      d.resources.byKind.map((k) => [k.kind, k.count, k.costs.map(money), k.unpriced]),
    ).toStrictEqual([
      ["staff", 1, [], 1],
      ["budget", 1, ["140000.00 EUR"], 0],
      ["partners", 0, [], 0],
      ["data", 0, [], 0],
      ["technology", 1, ["40000.00 EUR"], 0],
    ]);
    expect(d.resources.byCurrency.map(money)).toStrictEqual(["180000.00 EUR"]);
    expect(d.resources.items[0]).toStrictEqual({
      kind: "staff",
      description: "Product owner and two developers in the innovation team",
      cost: null,
      quantity: 3,
      unit: "FTE",
    });
    expect(money(d.cost)).toBe("180000.00 EUR");
    expect(d.schedule).toStrictEqual({ start: "2021-03-01", end: "2022-03-31", duration: null });
    expect(d.steps.map((s) => s.id)).toStrictEqual(["spec", "build", "launch"]);
    expect(d.expectedResults).toHaveLength(2);
    expect(d.kpis.map((k) => k.id)).toStrictEqual(["kpi-users", "kpi-feedback"]);
  });

  it("summarises a weighted solution SWOT with its totals and position", () => {
    const a = sofia();
    const d = solutionDossier(solution(a, "sol-data-policy"), a);
    expect(d.swot?.ife).toBeCloseTo(2.75, 12);
    expect(d.swot?.efe).toBeCloseTo(2.5, 12);
    expect(d.swot?.position?.quadrant).toBe("aggressive");
    expect(d.schedule.end).toBe("2022-04-30");
  });

  it("says when a solution has no SWOT and keeps absent fields null or empty", () => {
    const a = sofia();
    const d = solutionDossier(solution(a, "sol-chatbot"), a);
    expect([d.swot, d.swotReason]).toStrictEqual([null, "the solution has no SWOT items"]);
    expect([d.lead, d.partners, d.steps, d.kpis, d.expectedResults]).toStrictEqual([
      null,
      [],
      [],
      [],
      [],
    ]);
    expect(d.schedule).toStrictEqual({ start: null, end: null, duration: null });
    expect(d.resources.byCurrency).toStrictEqual([]);
    const skills = solutionDossier(solution(a, "sol-data-skills"), a);
    expect(skills.schedule.duration).toStrictEqual({ months: 4 });
  });

  it("sums costs exactly per currency and never across currencies", () => {
    const json = sofiaJson() as { solutions: Record<string, unknown>[] };
    const chatbot = json.solutions.find((x) => x["id"] === "sol-chatbot") as Record<
      string,
      unknown
    >;
    chatbot["resources"] = [
      { kind: "technology", description: "Licence", cost: { amount: "0.10", currency: "USD" } },
      { kind: "technology", description: "Hosting", cost: { amount: "0.20", currency: "USD" } },
      { kind: "budget", description: "Build", cost: { amount: "100.05", currency: "EUR" } },
    ];
    const a = parseAssessment(json);
    const d = solutionDossier(solution(a, "sol-chatbot"), a);
    expect(d.resources.byCurrency.map(money)).toStrictEqual(["100.05 EUR", "0.30 USD"]);
    expect(d.resources.byCurrency[1]?.amount.toString()).toBe("0.3");
    expect(d.resources.byKind[4]?.costs.map(money)).toStrictEqual(["0.30 USD"]);
    expect(d.resources.byKind[4]?.descriptions).toStrictEqual(["Licence", "Hosting"]);
    expect(d.resources.byKind[1]?.costs[0]?.amount).toBeInstanceOf(Decimal);
  });

  it("does not change its inputs", () => {
    const a = sofia();
    const before = JSON.stringify(a);
    solutionDossier(solution(a, "sol-platform"), a);
    expect(JSON.stringify(a)).toBe(before);
  });

  it("looks up the lead, partners and needs of each solution in the assessment's index", () => {
    const a = sofia();
    const dossiers = a.solutions.map((s) => solutionDossier(s, a));
    expect(dossiers.map((d) => [d.solution.id, d.lead?.id ?? null, d.needs.length])).toStrictEqual(
      a.solutions.map((s) => [s.id, s.lead ?? null, (s.addressesNeeds ?? []).length]),
    );
  });

  describe("bad input", () => {
    const a = sofia();

    it("refuses a solution that is not one of the assessment's", () => {
      const copy = { ...solution(a, "sol-platform") };
      expect(issue(() => solutionDossier(copy, a))).toStrictEqual(["not_parsed", ["solution"]]);
      expect(() => solutionDossier(copy, a)).toThrow(
        'another object with its id "sol-platform" (a copy or an edited solution)',
      );
      const other = { ...copy, id: "sol-other" };
      expect(() => solutionDossier(other, a)).toThrow(
        'a solution with id "sol-other", which the assessment does not have',
      );
      expect(() => solutionDossier(null as never, a)).toThrow(
        "solution must be one of assessment.solutions (an element of the parsed assessment), got null",
      );
    });

    it("refuses an assessment that did not come from parseAssessment", () => {
      const plain = JSON.parse(JSON.stringify(a)) as never;
      expect(issue(() => solutionDossier(solution(a, "sol-platform"), plain))).toStrictEqual([
        "not_parsed",
        ["assessment"],
      ]);
    });

    it("rejects malformed options, and evidence outside the given indicator ids", () => {
      const s = solution(a, "sol-data-policy");
      expect(issue(() => solutionDossier(s, a, 1 as never))).toStrictEqual([
        "invalid_type",
        ["options"],
      ]);
      expect(issue(() => solutionDossier(s, a, { ratingConvention: "x" as never }))).toStrictEqual([
        "invalid_value",
        ["options", "ratingConvention"],
      ]);
      expect(issue(() => solutionDossier(s, a, { indicators: [""] }))).toStrictEqual([
        "invalid_value",
        ["options", "indicators", 0],
      ]);
      const json = sofiaJson() as { solutions: Record<string, unknown>[] };
      const dp = json.solutions.find((x) => x["id"] === "sol-data-policy") as {
        swot: Record<string, unknown>[];
      };
      dp.swot[1] = { ...dp.swot[1], evidence: [{ note: "survey" }, { indicator: "sg.strategy" }] };
      const b = parseAssessment(json);
      const t = solution(b, "sol-data-policy");
      expect(issue(() => solutionDossier(t, b, { indicators: ["other"] }))).toStrictEqual([
        "unknown_reference",
        ["solution", "swot", 1, "evidence", 1, "indicator"],
      ]);
      expect(solutionDossier(t, b, { indicators: ["sg.strategy"] }).swot?.ife).toBeCloseTo(
        2.75,
        12,
      );
    });
  });
});
