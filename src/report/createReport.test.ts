import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { issue } from "../../test/helpers/errors.js";
import { edgeAssessment } from "../../test/golden/edge.js";
import { sofiaJson } from "../../test/helpers/sofia.js";
import { buildActionPlan } from "../actions/buildActionPlan.js";
import { builtinFrameworks } from "../frameworks/builtinFrameworks.js";
import { scoreMaturity } from "../maturity/scoreMaturity.js";
import { rankNeeds } from "../needs/rankNeeds.js";
import { buildDecision } from "../prioritisation/buildDecision.js";
import { prioritise } from "../prioritisation/prioritise.js";
import { parseAssessment } from "../schema/parseAssessment.js";
import { safeParseReport } from "../schema/parseReport.js";
import { METHODOLOGY_VERSION } from "../schema/vocabularies.js";
import { isParsed } from "../_lib/parsed.js";
import { LIBRARY_VERSION } from "../_lib/version.js";
import { createReport } from "./createReport.js";
import { digestAssessment } from "./digestAssessment.js";
import { serialiseReport } from "./serialiseReport.js";

const sofia = (file = "assessment.json") =>
  parseAssessment(sofiaJson(file), { frameworks: builtinFrameworks });

const minimal = (extra: Record<string, unknown> = {}) =>
  parseAssessment({
    formatVersion: "1.0",
    city: { id: "sofia", name: "Sofia", country: "BG" },
    programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
    track: { id: "citizenParticipationDigitalPublicAdministration" },
    stakeholders: [{ id: "city", name: "City hall", helix: "public", kind: "cityDepartment" }],
    workshops: [],
    needs: [],
    solutions: [],
    ...extra,
  });

// One report of the Sofia example, shared by the tests that only read it.
const a2021 = sofia();
const report = createReport(a2021, { generatedAt: "2021-02-15" });

describe("createReport", () => {
  it("produces a report that the report schema accepts, with every section", () => {
    const parsed = safeParseReport(JSON.parse(serialiseReport(report)));
    expect(parsed.success ? [] : parsed.issues).toStrictEqual([]);
    expect(Object.keys(report.sections).sort()).toStrictEqual([
      "actionPlan",
      "dossiers",
      "horizons",
      "maturity",
      "needs",
      "prioritisation",
      "recommendations",
      "stakeholders",
      "swot",
      "workshops",
    ]);
  });

  it("records the provenance: versions, framework, digest of the input and generatedAt as given", () => {
    expect(report.formatVersion).toBe("1.0");
    expect(report.kind).toBe("icc-assessment-report");
    expect(report.$schema).toBe(
      "https://cdn.jsdelivr.net/npm/icc-assessment/schema/report.v1.json",
    );
    expect(report.provenance.library).toStrictEqual({
      name: "icc-assessment",
      version: LIBRARY_VERSION,
    });
    expect(report.provenance.methodologyVersion).toBe(METHODOLOGY_VERSION);
    expect(report.provenance.frameworks).toStrictEqual([
      { id: "icc-citizen-participation", version: "1.0.0", provenance: "designed" },
    ]);
    expect(report.provenance.inputDigest).toBe(digestAssessment(a2021));
    expect(report.provenance.generatedAt).toBe("2021-02-15");
    expect(report.provenance.parameters.prioritisation?.["stability"]).toMatchObject({
      draws: 1000,
      seed: 20210208,
      method: "weightedSum",
    });
    expect(Object.keys(report.provenance.parameters).sort()).toStrictEqual([
      "actionPlan",
      "horizons",
      "maturity",
      "needs",
      "prioritisation",
      "recommendations",
      "stakeholders",
      "swot",
    ]);
  });

  it("copies the context and takes the period from the workshops and the maturity date", () => {
    expect(report.city).toStrictEqual({
      id: "sofia",
      name: "Sofia",
      country: "BG",
      population: 1280000,
    });
    expect(report.period).toStrictEqual({ start: "2021-01-07", end: "2021-02-08" });
    const later = createReport(sofia("assessment-2022.json"), { generatedAt: "2022-02-20" });
    expect(later.period?.end).toBe("2022-02-15");
    expect(createReport(minimal(), { generatedAt: "2021-02-15" }).period).toStrictEqual({
      start: "2020-09-28",
      end: "2022-11-30",
    });
  });

  it("gives byte-identical JSON for the same input, whatever the key order of the input file", () => {
    const again = createReport(sofia(), { generatedAt: "2021-02-15" });
    expect(serialiseReport(again)).toBe(serialiseReport(report));
    const reversed = JSON.parse(JSON.stringify(sofiaJson()), (_k, v: unknown) =>
      v !== null && typeof v === "object" && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).reverse())
        : v,
    ) as Record<string, unknown>;
    const fromReversed = createReport(
      parseAssessment(reversed, { frameworks: builtinFrameworks }),
      {
        generatedAt: "2021-02-15",
      },
    );
    expect(serialiseReport(fromReversed)).toBe(serialiseReport(report));
  });

  it("does not change its input", () => {
    const a = sofia();
    const before = digestAssessment(a);
    createReport(a, { generatedAt: "2021-02-15", stability: { draws: 20 } });
    expect(digestAssessment(a)).toBe(before);
  });

  it("reports the maturity profile as scoreMaturity computes it, with targets and gaps", () => {
    const fw = builtinFrameworks.find(
      (f) => f.id === "icc-citizen-participation",
    ) as (typeof builtinFrameworks)[number];
    const unit = scoreMaturity(fw, a2021.maturity?.observations ?? []).units[0];
    const m = report.sections.maturity;
    expect(m?.unit).toBe("sofia");
    expect(m?.overall.score).toBe(unit?.overall.score);
    expect(m?.dimensions.map((d) => d.score)).toStrictEqual(unit?.dimensions.map((d) => d.score));
    // open data: level "initial" (index 0), target "established" (index 2): two levels to go
    const openData = m?.dimensions.find((d) => d.id === "openData");
    expect([openData?.level?.id, openData?.target?.id, openData?.gap]).toStrictEqual([
      "initial",
      "established",
      2,
    ]);
  });

  it("ranks the needs with the maturity gaps, as rankNeeds does", () => {
    const fw = builtinFrameworks.find(
      (f) => f.id === "icc-citizen-participation",
    ) as (typeof builtinFrameworks)[number];
    const maturity = scoreMaturity(fw, a2021.maturity?.observations ?? []);
    const ranked = rankNeeds(a2021, { maturity, unit: "sofia" });
    expect(report.sections.needs?.ranked.map((n) => [n.id, n.rank])).toStrictEqual(
      ranked.needs.map((n) => [n.id, n.rank]),
    );
    expect(report.sections.needs?.ranked[0]?.coveredBy).toStrictEqual([
      "sol-platform",
      "sol-sofia-chooses",
    ]);
  });

  it("ranks the solutions by the weighted sum first, with TOPSIS and the Borda count beside it", () => {
    const p = report.sections.prioritisation;
    const ws = prioritise(buildDecision(a2021), { method: "weightedSum" });
    expect(p?.primary).toBe("weightedSum");
    const ahp = (a2021.prioritisation?.criteriaJudgements ?? []).length > 0 ? ["ahp"] : [];
    expect(p?.methods.map((m) => m.method)).toStrictEqual([
      "weightedSum",
      "topsis",
      "votes",
      ...ahp,
    ]);
    expect(p?.ranking.map((r) => [r.solution, r.rank, r.score])).toStrictEqual(
      ws.ranking.map((r) => [r.solution, r.rank, r.score]),
    );
    expect(p?.criteria.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1, 12);
    expect(p?.agreement.kendallW?.w).toBeGreaterThan(0);
    expect(p?.priorities).toStrictEqual(a2021.plan?.selected);
    // the AHP method takes its weights from the stakeholders' pairwise judgements
    expect(p?.weighting).toBe("criteria");
    expect(p?.ahp?.method).toBe("geometricMeanOfJudgements");
    expect(p?.ahp?.consistencyRatio).toBe(
      buildDecision(a2021, { weights: "ahp" }).provenance?.criteriaAhp?.consistencyRatio,
    );
    const ahpRanking = prioritise(buildDecision(a2021, { weights: "ahp" }), {
      method: "ahp",
    }).ranking;
    expect(p?.methods[3]?.ranking.map((r) => r.solution)).toStrictEqual(
      ahpRanking.map((r) => r.solution),
    );
    expect(p?.prioritiesSource).toBe("plan");
  });

  it("reports rank stability with shares in [0, 1] and the base rank inside the range seen", () => {
    const s = report.sections.prioritisation?.stability;
    expect(s?.draws).toBe(1000);
    expect(s?.rows.length).toBe(a2021.solutions.length);
    for (const row of s?.rows ?? []) {
      expect(row.sameRank).toBeGreaterThanOrEqual(0);
      expect(row.sameRank).toBeLessThanOrEqual(1);
      expect(row.minRank).toBeLessThanOrEqual(row.rank);
      expect(row.maxRank).toBeGreaterThanOrEqual(row.rank);
    }
  });

  it("places the solutions on the impact/effort matrix by the top benefit and cost criteria", () => {
    const ie = report.sections.prioritisation?.impactEffort;
    expect([ie?.impactCriterion, ie?.effortCriterion]).toStrictEqual(["impact", "cost"]);
    // thresholds at the middle of the declared scales: impact 1–5, cost 0–500
    expect(ie?.thresholds).toStrictEqual({ impact: 3, effort: 250 });
    expect(ie?.items.find((i) => i.solution === "sol-e-services")?.quadrant).toBe("majorProject");
  });

  it("buckets every solution by horizon from the plan start", () => {
    const h = report.sections.horizons;
    expect(h?.start).toBe("2021-02-08");
    expect(Object.fromEntries((h?.items ?? []).map((i) => [i.solution, i.horizon]))).toStrictEqual({
      "sol-platform": "longTerm",
      "sol-sofia-chooses": "quickWin",
      "sol-data-policy": "longTerm",
      "sol-data-skills": "longTerm",
      "sol-e-services": "beyondHorizon",
      "sol-info-points": "quickWin",
      "sol-chatbot": "unscheduled",
    });
  });

  it("reports the action plan budget as buildActionPlan totals it, split by horizon and source", () => {
    const plan = buildActionPlan(a2021, a2021.plan?.selected ?? []);
    const b = report.sections.actionPlan?.budget;
    expect(b?.cost.amount).toBe(plan.totals.cost.amount.toFixed(2));
    expect(b?.available).toStrictEqual({ amount: "600000.00", currency: "EUR" });
    // the funding by source within each horizon adds up to the horizon's funding
    for (const h of b?.byHorizon ?? []) {
      const sum = h.bySource.reduce((s, x) => s + Number(x.amount.amount), 0);
      expect(sum).toBeCloseTo(Number(h.funding.amount), 2);
    }
    // money stays a decimal string
    expect(JSON.stringify(report.sections.actionPlan)).not.toMatch(/"amount":\d/);
  });

  it("builds a dossier per solution, with its gaps", () => {
    const d = report.sections.dossiers ?? [];
    expect(d.map((x) => x.solution)).toStrictEqual(a2021.solutions.map((s) => s.id));
    const chatbot = d.find((x) => x.solution === "sol-chatbot");
    expect(chatbot?.gaps.map((g) => g.code)).toContain("noSchedule");
  });

  it("leaves out the sections whose stage has no input", () => {
    const r = createReport(minimal(), { generatedAt: "2021-02-15" });
    expect(Object.keys(r.sections).sort()).toStrictEqual(["stakeholders", "workshops"]);
    expect(r.provenance.frameworks).toStrictEqual([]);
  });

  it("takes the priorities from the ranking when the plan selects none", () => {
    const json = sofiaJson();
    delete (json["plan"] as Record<string, unknown>)["selected"];
    const r = createReport(parseAssessment(json, { frameworks: builtinFrameworks }), {
      generatedAt: "2021-02-15",
      stability: false,
    });
    expect(r.sections.prioritisation?.prioritiesSource).toBe("ranking");
    expect(r.sections.prioritisation?.priorities).toStrictEqual(
      r.sections.prioritisation?.ranking.map((x) => x.solution),
    );
    expect(r.sections.prioritisation?.stability).toBeNull();
    expect(r.provenance.parameters.prioritisation?.["stability"]).toBe(false);
  });

  it("runs the methods asked for, the first giving the ranking, and AHP when there are judgements", () => {
    const r = createReport(a2021, {
      generatedAt: "2021-02-15",
      methods: ["topsis", "weightedSum"],
      stability: { draws: 50, seed: 7 },
    });
    expect(r.sections.prioritisation?.primary).toBe("topsis");
    expect(r.sections.prioritisation?.stability?.method).toBe("topsis");
    expect(r.sections.prioritisation?.stability?.seed).toBe(7);
    const json = sofiaJson();
    json["prioritisation"] = {
      criteriaJudgements: [
        { a: "impact", b: "feasibility", value: 2 },
        { a: "impact", b: "support", value: 3 },
        { a: "impact", b: "cost", value: 2 },
        { a: "feasibility", b: "support", value: 2 },
        { a: "feasibility", b: "cost", value: 1 },
        { a: "support", b: "cost", value: 1 / 2 },
      ],
    };
    const withAhp = createReport(parseAssessment(json, { frameworks: builtinFrameworks }), {
      generatedAt: "2021-02-15",
      stability: { draws: 20 },
    });
    expect(withAhp.sections.prioritisation?.methods.map((m) => m.method)).toStrictEqual([
      "weightedSum",
      "topsis",
      "votes",
      "ahp",
    ]);
  });

  it("uses a votes primary method with perturbed weighted sums for stability", () => {
    const r = createReport(a2021, {
      generatedAt: "2021-02-15",
      methods: ["votes"],
      stability: { draws: 20 },
    });
    expect(r.sections.prioritisation?.stability?.method).toBe("weightedSum");
    expect(r.sections.prioritisation?.agreement).toStrictEqual({
      kendallW: null,
      reason: "only one method was run",
      disputed: [],
    });
  });

  it("accepts a date-time for generatedAt and echoes it", () => {
    const r = createReport(minimal(), { generatedAt: "2021-02-15T10:30:00+02:00" });
    expect(r.provenance.generatedAt).toBe("2021-02-15T10:30:00+02:00");
  });

  it("gives the same report for every valid generatedAt except that field (fast-check)", () => {
    const base = serialiseReport(createReport(minimal(), { generatedAt: "2000-01-01" }));
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(1990, 0, 1)),
          max: new Date(Date.UTC(2100, 0, 1)),
          noInvalidDate: true,
        }),
        (d) => {
          const day = d.toISOString().slice(0, 10);
          const text = serialiseReport(createReport(minimal(), { generatedAt: day }));
          expect(text.replace(`"generatedAt": "${day}"`, '"generatedAt": "2000-01-01"')).toBe(base);
        },
      ),
      { numRuns: 50 },
    );
  });

  it("keeps stability shares consistent for any seed (fast-check)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        const s = createReport(a2021, { generatedAt: "2021-02-15", stability: { draws: 30, seed } })
          .sections.prioritisation?.stability;
        expect(s?.seed).toBe(seed);
        for (const row of s?.rows ?? []) {
          expect(row.top).toBeGreaterThanOrEqual(row.sameRank * 0 + 0);
          expect(row.top).toBeLessThanOrEqual(1);
          expect(row.minRank).toBeLessThanOrEqual(row.maxRank);
        }
      }),
      { numRuns: 10 },
    );
  });

  it("refuses options it cannot use, with the path of the option", () => {
    const a = minimal();
    expect(issue(() => createReport(a, undefined as never))).toStrictEqual([
      "missing_field",
      ["options"],
    ]);
    expect(issue(() => createReport(a, {} as never))).toStrictEqual([
      "missing_field",
      ["options", "generatedAt"],
    ]);
    for (const bad of [
      "yesterday",
      "2021-02-30",
      "2021-02-15T10:30",
      20210215,
      "2021-02-15T25:00:00Z".slice(0, 10) + "X",
    ]) {
      expect(issue(() => createReport(a, { generatedAt: bad as never }))).toStrictEqual([
        "invalid_value",
        ["options", "generatedAt"],
      ]);
    }
    const at = { generatedAt: "2021-02-15" };
    expect(issue(() => createReport(a, { ...at, stability: "yes" as never }))).toStrictEqual([
      "invalid_type",
      ["options", "stability"],
    ]);
    for (const draws of [0, 1.5, Number.NaN, Infinity, -3, 200_000]) {
      expect(issue(() => createReport(a, { ...at, stability: { draws } }))).toStrictEqual([
        "out_of_range",
        ["options", "stability", "draws"],
      ]);
    }
    expect(issue(() => createReport(a, { ...at, stability: { seed: -1 } }))).toStrictEqual([
      "out_of_range",
      ["options", "stability", "seed"],
    ]);
    expect(issue(() => createReport(a, { ...at, methods: [] }))).toStrictEqual([
      "empty",
      ["options", "methods"],
    ]);
    expect(
      issue(() => createReport(a, { ...at, methods: ["weightedSum", "magic" as never] })),
    ).toStrictEqual(["invalid_value", ["options", "methods", 1]]);
    expect(issue(() => createReport(a, { ...at, methods: ["topsis", "topsis"] }))).toStrictEqual([
      "duplicate_id",
      ["options", "methods", 1],
    ]);
    expect(issue(() => createReport(a, { ...at, frameworks: {} as never }))).toStrictEqual([
      "invalid_type",
      ["options", "frameworks"],
    ]);
    expect(issue(() => createReport(a, { ...at, unit: 5 as never }))).toStrictEqual([
      "invalid_type",
      ["options", "unit"],
    ]);
  });

  it("refuses an assessment that did not come from parseAssessment (not_parsed)", () => {
    const at = { generatedAt: "2021-02-15" };
    // the JSON of a valid assessment, and a copy of a parsed one, are not parsed assessments
    const text = JSON.stringify(sofiaJson());
    for (const value of [JSON.parse(text), { ...a2021 }, null, []]) {
      expect(issue(() => createReport(value as never, at))).toStrictEqual([
        "not_parsed",
        ["assessment"],
      ]);
    }
    expect(() => createReport(JSON.parse(text) as never, at)).toThrow(/call parseAssessment first/);
  });

  it("returns a fresh report, frozen and marked as parsed, that parseReport accepts as it is", () => {
    expect(isParsed(report, "report")).toBe(true);
    expect(Object.isFrozen(report)).toBe(true);
    expect(Object.isFrozen(report.sections.prioritisation?.ranking[0])).toBe(true);
    const again = safeParseReport(report);
    expect(again.success ? again.data : again.issues).toStrictEqual(report);
  });

  it("refuses a framework or unit it cannot find", () => {
    const at = { generatedAt: "2021-02-15" };
    // parsed against the built-in frameworks, reported against none of them
    expect(issue(() => createReport(a2021, { ...at, frameworks: [] }))).toStrictEqual([
      "unknown_reference",
      ["options", "frameworks"],
    ]);
    expect(
      issue(() => createReport(a2021, { ...at, unit: "plovdiv", stability: false })),
    ).toStrictEqual(["unknown_reference", ["options", "unit"]]);
    const json = sofiaJson();
    const obs = (json["maturity"] as { observations: { unit: string }[] }).observations;
    obs.push(...obs.map((o) => ({ ...o, unit: "plovdiv" })));
    const twoUnits = parseAssessment(json, { frameworks: builtinFrameworks });
    expect(
      createReport(twoUnits, { ...at, unit: "plovdiv", stability: false }).sections.maturity?.unit,
    ).toBe("plovdiv");
  });

  it("passes a stage's refusal of an option through with the option's path", () => {
    const at = { generatedAt: "2021-02-15", stability: false } as const;
    expect(issue(() => createReport(a2021, { ...at, rates: { BGN: "-1" } }))).toStrictEqual([
      "invalid_money",
      ["options", "rates", "BGN"],
    ]);
    expect(issue(() => createReport(a2021, { ...at, minHelixShare: 2 }))[0]).toBe("out_of_range");
  });

  it("accepts only real date-times with offsets within ±14:00 as generatedAt", () => {
    const at = { stability: false } as const;
    for (const ok of [
      "2021-02-15",
      "2021-02-15T23:59:59.5Z",
      "2021-02-15T10:00+14:00",
      "2021-02-15T10:00-09:30",
    ])
      expect(createReport(a2021, { ...at, generatedAt: ok }).provenance.generatedAt).toBe(ok);
    for (const bad of [
      "2021-02-15T99:99Z",
      "2021-02-15T24:00Z",
      "2021-02-15T10:00+25:00",
      "2021-02-15T10:00+14:30",
      "2021-02-30",
    ])
      expect(
        issue(() => createReport(a2021, { ...at, generatedAt: bad })),
        bad,
      ).toStrictEqual(["invalid_value", ["options", "generatedAt"]]);
  });

  it("reports the action plan in another currency with its rate", () => {
    const at = { generatedAt: "2021-02-15", stability: false } as const;
    const eur = createReport(a2021, at).sections.actionPlan;
    const bgn = createReport(a2021, { ...at, currency: "BGN", rates: { EUR: "1.95583" } }).sections
      .actionPlan;
    expect(eur?.currency).toBe("EUR");
    expect(bgn?.currency).toBe("BGN");
    const cost = (p: typeof eur) => Number(p?.budget.byHorizon[0]?.cost?.amount ?? "NaN");
    expect(cost(eur)).toBe(110_000);
    expect(cost(bgn)).toBeCloseTo(110_000 * 1.95583, 2);
    expect(issue(() => createReport(a2021, { ...at, currency: "BGN" }))[0]).toBe(
      "currency_mismatch",
    );
  });

  it("reports what cannot be computed as null with a reason, on an assessment at the edges", () => {
    const r = createReport(parseAssessment(edgeAssessment()), {
      generatedAt: "2023-04-01",
      stability: { draws: 20 },
    });
    expect(safeParseReport(JSON.parse(serialiseReport(r))).success).toBe(true);
    const m = r.sections.maturity;
    expect(r.provenance.frameworks).toStrictEqual([
      { id: "edge-framework", version: "2.1", provenance: "designed" },
    ]);
    expect(m?.assessedOn).toBe("2023-03-01");
    expect(m?.dimensions.find((d) => d.id === "child")?.parent).toBe("root");
    const empty = m?.dimensions.find((d) => d.id === "empty");
    expect([empty?.score, empty?.level, empty?.target, empty?.gap]).toStrictEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(empty?.reason).toMatch(/coverage/);
    expect(r.period).toStrictEqual({ start: "2023-03-01", end: "2023-03-01" });
    const swot = r.sections.swot;
    expect([swot?.ife, swot?.efe, swot?.position, swot?.tows, swot?.unused]).toStrictEqual([
      null,
      null,
      null,
      [],
      [],
    ]);
    expect(swot?.reasons.length).toBe(4);
    const p = r.sections.prioritisation;
    expect(p?.impactEffort).toBeNull(); // no cost criterion
    expect(p?.ahp).toBeNull();
    expect(p?.ranking.map((x) => x.rank)).toStrictEqual([1, 1, 3]);
    const plan = r.sections.actionPlan;
    expect(plan?.budget.available).toBeNull();
    expect(plan?.budget.remaining).toBeNull();
    expect(plan?.actions.find((x) => x.id === "act-a")?.owner).toBeNull();
    expect(Number(plan?.budget.gap.amount)).toBeLessThan(0);
    expect(r.sections.dossiers?.find((d) => d.solution === "a")?.kpis[0]).toStrictEqual({
      id: "k",
      title: "Listed venues",
      unit: "venues",
      baseline: null,
      target: 40,
      due: null,
    });
    expect(r.sections.horizons?.startSource).toBe("programme");
  });

  it("reports a city SWOT without TOWS and TOWS without a city SWOT", () => {
    const withTows = edgeAssessment() as Record<string, any>;
    withTows["swot"].push({ id: "o1", quadrant: "opportunity", text: "Tourism recovery" });
    withTows["tows"] = [
      { id: "t1", kind: "SO", items: ["s1", "o1"], text: "Use the museum for recovery" },
    ];
    const r = createReport(parseAssessment(withTows), {
      generatedAt: "2023-04-01",
      stability: false,
    });
    expect(r.sections.swot?.tows).toStrictEqual([
      {
        id: "t1",
        kind: "SO",
        text: "Use the museum for recovery",
        items: ["s1", "o1"],
        solutions: [],
      },
    ]);
    expect(r.sections.swot?.unused).toStrictEqual(["w1"]);
    const none = edgeAssessment();
    delete none["swot"];
    expect(
      createReport(parseAssessment(none), { generatedAt: "2023-04-01", stability: false }).sections
        .swot,
    ).toBeUndefined();
  });

  it("orders workshops by date then id and copies those without a title or outputs", () => {
    const r = createReport(parseAssessment(edgeAssessment()), {
      generatedAt: "2023-04-01",
      stability: false,
    });
    expect(
      r.sections.workshops?.map((w) => [w.id, w.title, w.outputs, w.participants]),
    ).toStrictEqual([
      ["w1", null, [], 0],
      ["w2", null, [], 2],
    ]);
    expect(r.sections.workshops?.[0]?.helices.every((h) => h.share === null)).toBe(true);
    // approvals only: no ranked ballot, so no Borda count among the default methods
    expect(r.sections.prioritisation?.methods.map((m) => m.method)).toStrictEqual([
      "weightedSum",
      "topsis",
    ]);
  });

  it("ranks needs without a maturity section and skips prioritisation without scores", () => {
    const json = sofiaJson();
    delete json["maturity"];
    delete json["scores"];
    const r = createReport(parseAssessment(json, { frameworks: builtinFrameworks }), {
      generatedAt: "2021-02-15",
    });
    expect(r.sections.maturity).toBeUndefined();
    expect(r.sections.needs?.factors.find((f) => f.factor === "gap")?.available).toBe(false);
    expect(r.sections.prioritisation).toBeUndefined();
    // the plan's selection still drives the action plan
    expect(r.sections.actionPlan?.actions.map((x) => x.solution)).toContain("sol-platform");
  });

  it("ranks by AHP first when asked, perturbing the AHP weights for stability", () => {
    const r = createReport(a2021, {
      generatedAt: "2021-02-15",
      methods: ["ahp", "weightedSum"],
      stability: { draws: 20 },
    });
    const p = r.sections.prioritisation;
    expect(p?.primary).toBe("ahp");
    expect(p?.weighting).toBe("ahp");
    const ahpWeights = buildDecision(a2021, { weights: "ahp" }).criteria.map((c) => c.weight);
    expect(p?.criteria.map((c) => c.weight)).toStrictEqual(ahpWeights);
    expect(p?.stability?.method).toBe("weightedSum");
  });

  it("measures impact and effort on the values when the criteria declare no scale", () => {
    const json = edgeAssessment() as Record<string, any>;
    json["criteria"].push({ id: "effort", title: "Effort", kind: "cost", weight: 1 });
    json["scores"].push(
      { solution: "a", criterion: "effort", value: 2 },
      { solution: "b", criterion: "effort", value: 8 },
      { solution: "c", criterion: "effort", value: 4 },
    );
    const ie = createReport(parseAssessment(json), { generatedAt: "2023-04-01", stability: false })
      .sections.prioritisation?.impactEffort;
    // the benefit criteria tie on weight: the smaller id, "ease", wins
    expect(ie?.impactCriterion).toBe("ease");
    expect(ie?.domain).toStrictEqual({ impact: [2, 3], effort: [2, 8] });
    expect(ie?.thresholds).toStrictEqual({ impact: 2.5, effort: 5 });
  });

  it("picks the city's own unit among several", () => {
    const two = sofiaJson();
    const obs = (two["maturity"] as { observations: { unit: string }[] }).observations;
    obs.push(...obs.map((o) => ({ ...o, unit: "plovdiv" })));
    const r = createReport(parseAssessment(two, { frameworks: builtinFrameworks }), {
      generatedAt: "2021-02-15",
      stability: false,
    });
    expect(r.sections.maturity?.unit).toBe("sofia");
  });
});
