/**
 * The Sofia example (examples/sofia/assessment.json, illustrative data modelled on Sofia's 2021 ICC
 * work): its action plan with quick wins and long-term projects, budgets by horizon and source,
 * KPIs, warnings, and a progress update at City Lab 4 (Nov–Dec 2021). Every expected number below
 * is worked out by hand from the example's data, as the comments show.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAssessment } from "../schema/index.js";
import { buildActionPlan } from "./buildActionPlan.js";
import { recordProgress } from "./recordProgress.js";
import { validateActionPlan } from "./validateActionPlan.js";

const sofia = parseAssessment(
  JSON.parse(
    readFileSync(join(import.meta.dirname, "../../examples/sofia/assessment.json"), "utf8"),
  ),
);
const selected = sofia.plan?.selected ?? [];
const plan = buildActionPlan(sofia, selected);
const amount = (m: { amount: { toFixed: (dp: number) => string } }): string => m.amount.toFixed(2);

describe("buildActionPlan on the Sofia example", () => {
  it("measures horizons from the plan start of 8 February 2021 (the second ICC seminar)", () => {
    expect([plan.parameters.start, plan.parameters.startSource]).toStrictEqual([
      "2021-02-08",
      "plan",
    ]);
  });

  it("splits the actions into quick wins, long-term projects and one beyond the horizon", () => {
    // quick wins end by 2021-08-08, long-term projects by 2022-05-08
    expect(plan.totals.byHorizon.map((h) => [h.horizon, h.actions])).toStrictEqual([
      [
        "quickWin",
        ["act-consultation-pilot", "act-data-policy", "sol-sofia-chooses", "sol-info-points"],
      ],
      ["longTerm", ["act-platform-build", "act-open-data-portal"]],
      ["beyondHorizon", ["sol-e-services"]],
      ["unscheduled", []],
    ]);
    expect(plan.actions.map((a) => [a.id, a.end, a.endSource])).toStrictEqual([
      ["act-consultation-pilot", "2021-07-01", "steps"], // 2021-03-01 + 1 month + 3 months
      ["act-platform-build", "2022-03-31", "end"],
      ["act-data-policy", "2021-08-01", "duration"], // 2021-04-01 + 4 months
      ["act-open-data-portal", "2022-04-30", "end"],
      ["sol-sofia-chooses", "2021-08-01", "duration"], // derived: 2021-03-01 + 5 months
      ["sol-info-points", "2021-07-31", "end"],
      ["sol-e-services", "2022-09-30", "end"], // after 2022-05-08: beyond the horizon
    ]);
  });

  it("keeps the owners, and derives actions for solutions without any", () => {
    expect(plan.solutions.map((s) => [s.id, s.actions, s.derived])).toStrictEqual([
      ["sol-platform", ["act-consultation-pilot", "act-platform-build"], false],
      ["sol-data-policy", ["act-data-policy", "act-open-data-portal"], false],
      ["sol-sofia-chooses", ["sol-sofia-chooses"], true],
      ["sol-info-points", ["sol-info-points"], true],
      ["sol-e-services", ["sol-e-services"], true],
    ]);
    expect(plan.actions.map((a) => a.owner)).toStrictEqual([
      "innovative-sofia",
      "innovative-sofia",
      "sofiaplan",
      "sofiaplan",
      "vision-sofia",
      "resonator",
      "innovative-sofia",
    ]);
  });

  it("schedules the platform's steps and dates its milestones", () => {
    const build = plan.actions[1];
    // spec 2021-04-01 → 06-01, build → 12-01, launch after 14 days' lag: 12-15 → 2022-01-15
    expect(build?.schedule?.span).toStrictEqual({
      start: "2021-04-01",
      finish: "2022-01-15",
      days: 289,
    });
    expect(build?.milestones.map((m) => [m.id, m.date])).toStrictEqual([
      ["platform-live", "2022-01-15"],
      ["first-year-review", "2022-12-15"],
    ]);
  });

  it("budgets by horizon: 110,000 + 265,000 + 350,000 = 725,000 EUR", () => {
    expect(
      plan.totals.byHorizon.map((h) => [
        h.horizon,
        amount(h.cost),
        amount(h.funding),
        amount(h.gap),
      ]),
    ).toStrictEqual([
      // 15,000 + 20,000 + 45,000 + 30,000; funded 15,000 + 10,000 + 45,000 + 20,000
      ["quickWin", "110000.00", "90000.00", "20000.00"],
      // 165,000 + 100,000; funded 135,000 + 90,000
      ["longTerm", "265000.00", "225000.00", "40000.00"],
      ["beyondHorizon", "350000.00", "300000.00", "50000.00"],
      ["unscheduled", "0.00", "0.00", "0.00"],
    ]);
    expect([
      amount(plan.totals.cost),
      amount(plan.totals.funding),
      amount(plan.totals.gap),
    ]).toStrictEqual(["725000.00", "615000.00", "110000.00"]);
  });

  it("budgets by funding source, with what is secured", () => {
    expect(
      plan.totals.bySource.map((s) => [s.source, amount(s.amount), amount(s.secured)]),
    ).toStrictEqual([
      ["eu", "320000.00", "0.00"], // 90,000 + 80,000 + 150,000
      ["national", "150000.00", "0.00"],
      ["regional", "0.00", "0.00"],
      ["municipal", "135000.00", "135000.00"], // 15,000 + 45,000 + 10,000 + 45,000 + 20,000
      ["private", "10000.00", "0.00"],
    ]);
  });

  it("spreads the cost over 2021 and 2022 by calendar days", () => {
    // platform build 165,000 × 275/364 days in 2021 → 124,656.59; portal 100,000 × 245/364 →
    // 67,307.69; e-services 350,000 × 214/486 → 154,115.23; the rest falls in 2021 entirely
    expect(plan.totals.byYear.map((y) => [y.year, amount(y.cost)])).toStrictEqual([
      [2021, "456079.51"],
      [2022, "268920.49"],
    ]);
  });

  it("compares the cost with the plan budget of 600,000 EUR", () => {
    expect([amount(plan.totals.budget!), amount(plan.totals.budgetRemaining!)]).toStrictEqual([
      "600000.00",
      "-125000.00",
    ]);
  });

  it("lists the KPIs with baseline, target, unit and due date", () => {
    expect(
      plan.actions.flatMap((a) =>
        a.kpis.map((k) => [a.id, k.id, k.baseline, k.target, k.unit, k.due]),
      ),
    ).toStrictEqual([
      ["act-consultation-pilot", "kpi-consultations", 0, 4, "consultations", "2021-07-31"],
      ["act-platform-build", "kpi-users", 0, 20000, "users", "2022-03-31"],
      ["act-platform-build", "kpi-proposals", null, 500, "proposals", "2022-03-31"],
      ["act-data-policy", "kpi-policy", 0, 1, "decision", "2021-08-01"],
      ["act-open-data-portal", "kpi-datasets", 5, 50, "datasets", "2022-04-30"],
      ["sol-sofia-chooses", "kpi-votes", 0, 10000, "votes", "2021-08-01"],
      ["sol-info-points", "kpi-meetings", 0, 6, "meetings", "2021-07-31"],
      ["sol-e-services", "kpi-eservices", 2, 10, "services", "2022-09-30"],
    ]);
    expect(plan.risks[0]).toMatchObject({
      action: "act-platform-build",
      id: "risk-procurement",
      score: 12,
    });
  });

  it("warns about the KPI without a baseline, the review after the programme, and the budget", () => {
    expect(validateActionPlan(plan).map((w) => [w.code, w.path])).toStrictEqual([
      ["kpi_without_baseline", ["actions", 1, "kpis", 1, "baseline"]],
      ["milestone_after_programme_end", ["actions", 1, "milestones", 1, "date"]],
      ["cost_exceeds_budget", ["totals", "cost"]],
    ]);
  });
});

describe("recordProgress on the Sofia example at City Lab 4 (30 November 2021)", () => {
  const progress = recordProgress(
    plan,
    {
      kpis: [
        {
          action: "act-consultation-pilot",
          kpi: "kpi-consultations",
          value: 5,
          date: "2021-07-20",
        },
        { action: "act-platform-build", kpi: "kpi-users", value: 0, date: "2021-11-15" },
        { action: "act-data-policy", kpi: "kpi-policy", value: 1, date: "2021-07-28" },
        { action: "act-open-data-portal", kpi: "kpi-datasets", value: 27, date: "2021-11-15" },
        { action: "sol-sofia-chooses", kpi: "kpi-votes", value: 7400, date: "2021-08-01" },
        { action: "sol-info-points", kpi: "kpi-meetings", value: 6, date: "2021-07-31" },
        { action: "sol-e-services", kpi: "kpi-eservices", value: 4, date: "2021-11-01" },
      ],
      milestones: [
        {
          action: "act-consultation-pilot",
          milestone: "first-consultation",
          status: "done",
          date: "2021-04-15",
        },
        {
          action: "act-consultation-pilot",
          milestone: "pilot-report",
          status: "done",
          date: "2021-07-05",
        },
        {
          action: "act-data-policy",
          milestone: "policy-adopted",
          status: "done",
          date: "2021-07-28",
        },
      ],
    },
    { asOf: "2021-11-30" },
  );

  it("says which actions are completed, on track, at risk or late", () => {
    expect(progress.actions.map((a) => [a.id, a.status])).toStrictEqual([
      ["act-consultation-pilot", "completed"],
      // 0 users after 243 of 364 days (66.8% of the time)
      ["act-platform-build", "atRisk"],
      ["act-data-policy", "completed"],
      // (27 − 5) / (50 − 5) = 48.9% done after 213 of 364 days (58.5%): within 10 points
      ["act-open-data-portal", "onTrack"],
      // 7,400 of 10,000 votes when the round closed on 2021-08-01
      ["sol-sofia-chooses", "late"],
      ["sol-info-points", "completed"],
      // (4 − 2) / (10 − 2) = 25% done after 182 of 486 days (37.4%): more than 10 points behind
      ["sol-e-services", "atRisk"],
    ]);
    expect(progress.summary.byStatus).toStrictEqual({
      completed: 3,
      notStarted: 0,
      onTrack: 1,
      atRisk: 2,
      late: 1,
    });
  });

  it("gives each KPI its percent complete and expected percent", () => {
    const portal = progress.actions[3]?.kpis[0];
    expect([portal?.percentComplete, portal?.expectedPercent]).toStrictEqual([
      (22 * 100) / 45,
      (213 * 100) / 364,
    ]);
    const services = progress.actions[6]?.kpis[0];
    expect([services?.percentComplete, services?.expectedPercent]).toStrictEqual([
      25,
      (182 * 100) / 486,
    ]);
    expect(progress.actions[1]?.kpis.map((k) => k.status)).toStrictEqual(["atRisk", "noData"]);
  });
});
