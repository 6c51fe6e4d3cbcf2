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
    const a = sofia();
    const s = {
      ...solution(a, "sol-chatbot"),
      resources: [
        {
          kind: "technology" as const,
          description: "Licence",
          cost: { amount: new Decimal("0.10"), currency: "USD" },
        },
        {
          kind: "technology" as const,
          description: "Hosting",
          cost: { amount: new Decimal("0.20"), currency: "USD" },
        },
        {
          kind: "budget" as const,
          description: "Build",
          cost: { amount: new Decimal("100.05"), currency: "EUR" },
        },
      ],
    };
    const d = solutionDossier(s, a);
    expect(d.resources.byCurrency.map(money)).toStrictEqual(["100.05 EUR", "0.30 USD"]);
    expect(d.resources.byCurrency[1]?.amount.toString()).toBe("0.3");
    expect(d.resources.byKind[4]?.costs.map(money)).toStrictEqual(["0.30 USD"]);
  });

  it("accepts decimal strings for money in unparsed input", () => {
    const a = sofia();
    const s = { ...solution(a, "sol-chatbot"), cost: { amount: "60000.00", currency: "EUR" } };
    expect(money(solutionDossier(s as never, a).cost)).toBe("60000.00 EUR");
  });

  it("does not change its inputs", () => {
    const a = sofia();
    const before = JSON.stringify(a);
    solutionDossier(solution(a, "sol-platform"), a);
    expect(JSON.stringify(a)).toBe(before);
  });

  describe("bad input", () => {
    const a = sofia();
    const base = () => ({ ...solution(a, "sol-platform") }) as Record<string, unknown>;
    const call = (patch: Record<string, unknown>) => () =>
      solutionDossier({ ...base(), ...patch } as never, a);

    it("rejects unknown lead, partners and needs", () => {
      expect(issue(call({ lead: "ghost" }))).toStrictEqual([
        "unknown_reference",
        ["solution", "lead"],
      ]);
      expect(issue(call({ partners: ["bait", "ghost"] }))).toStrictEqual([
        "unknown_reference",
        ["solution", "partners", 1],
      ]);
      expect(issue(call({ addressesNeeds: ["n-ghost"] }))).toStrictEqual([
        "unknown_reference",
        ["solution", "addressesNeeds", 0],
      ]);
    });

    it("rejects bad money", () => {
      expect(issue(call({ cost: { amount: 100, currency: "EUR" } }))).toStrictEqual([
        "invalid_money",
        ["solution", "cost", "amount"],
      ]);
      expect(issue(call({ cost: { amount: "1e5", currency: "EUR" } }))).toStrictEqual([
        "invalid_money",
        ["solution", "cost", "amount"],
      ]);
      expect(issue(call({ cost: { amount: new Decimal(-1), currency: "EUR" } }))).toStrictEqual([
        "invalid_money",
        ["solution", "cost", "amount"],
      ]);
      expect(
        issue(call({ cost: { amount: new Decimal(Number.NaN), currency: "EUR" } })),
      ).toStrictEqual(["invalid_money", ["solution", "cost", "amount"]]);
      expect(issue(call({ cost: { amount: "10.00", currency: "euro" } }))).toStrictEqual([
        "invalid_money",
        ["solution", "cost", "currency"],
      ]);
      expect(
        issue(
          call({
            resources: [
              { kind: "budget", description: "x", cost: { amount: "x", currency: "EUR" } },
            ],
          }),
        ),
      ).toStrictEqual(["invalid_money", ["solution", "resources", 0, "cost", "amount"]]);
    });

    it("rejects bad resources, KPIs and steps", () => {
      expect(issue(call({ resources: [{ kind: "money", description: "x" }] }))).toStrictEqual([
        "invalid_value",
        ["solution", "resources", 0, "kind"],
      ]);
      expect(
        issue(call({ resources: [{ kind: "staff", description: "x", quantity: -1 }] })),
      ).toStrictEqual(["out_of_range", ["solution", "resources", 0, "quantity"]]);
      expect(issue(call({ resources: [{ kind: "staff", description: "" }] }))).toStrictEqual([
        "invalid_value",
        ["solution", "resources", 0, "description"],
      ]);
      expect(
        issue(call({ kpis: [{ id: "k", title: "t", unit: "u", target: Number.NaN }] })),
      ).toStrictEqual(["non_finite", ["solution", "kpis", 0, "target"]]);
      expect(
        issue(call({ kpis: [{ id: "k", title: "t", unit: "u", target: 1, baseline: "0" }] })),
      ).toStrictEqual(["invalid_type", ["solution", "kpis", 0, "baseline"]]);
      expect(issue(call({ steps: [{ id: "s" }] }))).toStrictEqual([
        "invalid_type",
        ["solution", "steps", 0, "title"],
      ]);
      expect(issue(call({ expectedResults: [""] }))).toStrictEqual([
        "invalid_value",
        ["solution", "expectedResults", 0],
      ]);
      expect(issue(call({ duration: 5 }))).toStrictEqual([
        "invalid_type",
        ["solution", "duration"],
      ]);
      expect(issue(call({ theme: 5 }))).toStrictEqual(["invalid_type", ["solution", "theme"]]);
    });

    it("reports SWOT errors under solution.swot", () => {
      expect(
        issue(call({ swot: [{ id: "x", quadrant: "strength", text: "t", rating: 7 }] })),
      ).toStrictEqual(["out_of_range", ["solution", "swot", 0, "rating"]]);
      expect(
        issue(
          call({
            swot: [{ id: "x", quadrant: "strength", text: "t", evidence: [{ need: "ghost" }] }],
          }),
        ),
      ).toStrictEqual(["unknown_reference", ["solution", "swot", 0, "evidence", 0, "need"]]);
    });

    it("rejects malformed solutions, assessments and options", () => {
      expect(issue(() => solutionDossier(null as never, a))).toStrictEqual([
        "invalid_type",
        ["solution"],
      ]);
      expect(issue(() => solutionDossier(base() as never, "a" as never))).toStrictEqual([
        "invalid_type",
        ["assessment"],
      ]);
      expect(issue(() => solutionDossier(base() as never, a, 1 as never))).toStrictEqual([
        "invalid_type",
        ["options"],
      ]);
      expect(issue(call({ readiness: "ready" }))).toStrictEqual([
        "invalid_value",
        ["solution", "readiness"],
      ]);
      expect(issue(call({ title: "" }))).toStrictEqual(["invalid_value", ["solution", "title"]]);
      const badPeople = { ...a, stakeholders: [{ id: "x", name: "X", helix: "press" }] };
      expect(issue(() => solutionDossier(base() as never, badPeople as never))).toStrictEqual([
        "invalid_value",
        ["assessment", "stakeholders", 0, "helix"],
      ]);
      const badNeeds = { ...a, needs: [{ id: 1 }] };
      expect(issue(() => solutionDossier(base() as never, badNeeds as never))).toStrictEqual([
        "invalid_type",
        ["assessment", "needs", 0, "id"],
      ]);
    });
  });
});
