import { describe, expect, it } from "vitest";
import { thrown } from "../../test/helpers/errors.js";
import { smallAssessment } from "../../test/helpers/assessments.js";
import { buildActionPlan } from "./buildActionPlan.js";
import { validateActionPlan } from "./validateActionPlan.js";

const eur = (amount: string) => ({ amount, currency: "EUR" });

const doc = smallAssessment;

const kpi = { id: "k", title: "K", unit: "u", baseline: 0, target: 1 };
const good = {
  id: "good",
  title: "Good",
  readiness: "prepared",
  lead: "city",
  end: "2021-06-30",
  cost: eur("10.00"),
  kpis: [kpi],
};

describe("validateActionPlan", () => {
  it("has nothing to say about a complete plan", () => {
    const plan = buildActionPlan(doc({ solutions: [good] }), ["good"], { start: "2021-01-01" });
    expect(validateActionPlan(plan)).toStrictEqual([]);
  });

  it("warns about missing owner, KPI, baseline and cost, and an unscheduled action", () => {
    const plan = buildActionPlan(
      doc({
        solutions: [
          { id: "bare", title: "Bare", readiness: "idea" },
          {
            ...good,
            id: "nobase",
            kpis: [
              { ...kpi, baseline: null },
              { ...kpi, id: "k2" },
            ],
          },
        ],
      }),
      ["bare", "nobase"],
      { start: "2021-01-01" },
    );
    expect(validateActionPlan(plan)).toStrictEqual([
      {
        code: "missing_owner",
        path: ["actions", 0, "owner"],
        message: 'action "bare" has no owner (lead stakeholder)',
      },
      { code: "missing_kpi", path: ["actions", 0, "kpis"], message: 'action "bare" has no KPI' },
      {
        code: "missing_cost",
        path: ["actions", 0, "cost"],
        message: 'action "bare" has no cost and no costed resources',
      },
      {
        code: "unscheduled_action",
        path: ["actions", 0, "end"],
        message: 'action "bare" has no end, no duration and no steps, so it has no horizon',
      },
      {
        code: "kpi_without_baseline",
        path: ["actions", 1, "kpis", 0, "baseline"],
        message: 'KPI "k" of action "nobase" has no baseline, so progress cannot be measured',
      },
    ]);
  });

  it("warns about actions, steps and milestones beyond the programme end", () => {
    const plan = buildActionPlan(
      doc({
        solutions: [{ id: "s", title: "S", readiness: "idea" }],
        actions: [
          {
            id: "late",
            solution: "s",
            title: "Late",
            owner: "city",
            start: "2022-06-01",
            end: "2022-10-01",
            cost: eur("1.00"),
            kpis: [kpi],
            steps: [{ id: "x", title: "X", duration: { months: 6 } }],
            milestones: [
              { id: "ok", title: "On time", date: "2022-11-30" },
              { id: "review", title: "Review", afterStep: "x" },
            ],
          },
        ],
      }),
      ["s"],
      { start: "2021-01-01" },
    );
    expect(validateActionPlan(plan)).toStrictEqual([
      {
        code: "steps_after_end",
        path: ["actions", 0, "schedule", "span", "finish"],
        message:
          'the steps of action "late" finish on 2022-12-01, after the action\'s end 2022-10-01',
      },
      {
        code: "milestone_after_programme_end",
        path: ["actions", 0, "milestones", 1, "date"],
        message:
          'milestone "review" of action "late" falls on 2022-12-01, after the programme ends on 2022-11-30',
      },
    ]);
    const later = buildActionPlan(doc({ solutions: [{ ...good, end: "2022-12-01" }] }), ["good"]);
    expect(validateActionPlan(later).map((w) => [w.code, w.path])).toStrictEqual([
      ["action_after_programme_end", ["actions", 0, "end"]],
    ]);
  });

  it("warns when a stakeholder owns more actions under way in a month than allowed", () => {
    const actions = ["a", "b", "c", "d"].map((id, k) => ({
      id,
      solution: "s",
      title: id,
      owner: "city",
      start: "2021-01-01",
      end: k === 3 ? "2021-02-01" : "2021-03-01",
      cost: eur("1.00"),
      kpis: [kpi],
    }));
    const plan = buildActionPlan(
      doc({ solutions: [{ id: "s", title: "S", readiness: "idea" }], actions }),
      ["s"],
    );
    expect(validateActionPlan(plan)).toStrictEqual([
      {
        code: "owner_overloaded",
        path: ["actions", 0, "owner"],
        message:
          'stakeholder "city" owns more than 3 actions under way in one month: 2021-01 (a, b, c, d)',
      },
    ]);
    expect(validateActionPlan(plan, { maxActionsPerOwnerPerMonth: 2 })[0]?.message).toBe(
      'stakeholder "city" owns more than 2 actions under way in one month: 2021-01 (a, b, c, d); 2021-02 (a, b, c)',
    );
    expect(validateActionPlan(plan, { maxActionsPerOwnerPerMonth: 4 })).toStrictEqual([]);
  });

  it("warns when the plan costs more than its budget", () => {
    const plan = buildActionPlan(
      doc({ solutions: [good], plan: { start: "2021-01-01", budget: eur("9.99") } }),
      ["good"],
    );
    expect(validateActionPlan(plan)).toStrictEqual([
      {
        code: "cost_exceeds_budget",
        path: ["totals", "cost"],
        message: "the plan costs 10.00 EUR, more than its budget of 9.99 EUR",
      },
    ]);
  });

  describe("bad input", () => {
    const plan = buildActionPlan(doc({ solutions: [good] }), ["good"]);
    const cases: [string, () => unknown, string, (string | number)[]][] = [
      [
        "a plan that is not an object",
        () => validateActionPlan(null as never),
        "invalid_type",
        ["plan"],
      ],
      [
        "a plan without actions",
        () => validateActionPlan({ ...plan, actions: undefined } as never),
        "invalid_type",
        ["plan", "actions"],
      ],
      [
        "a plan without a programme end",
        () =>
          validateActionPlan({ ...plan, programme: { id: "x", start: "2021-01-01", end: "soon" } }),
        "invalid_date",
        ["plan", "programme", "end"],
      ],
      [
        "an action that is not an object",
        () => validateActionPlan({ ...plan, actions: [null as never] }),
        "invalid_type",
        ["plan", "actions", 0],
      ],
      [
        "a plan without a calendar",
        () => validateActionPlan({ ...plan, calendar: null as never }),
        "invalid_type",
        ["plan", "calendar"],
      ],
      [
        "a zero monthly limit",
        () => validateActionPlan(plan, { maxActionsPerOwnerPerMonth: 0 }),
        "out_of_range",
        ["options", "maxActionsPerOwnerPerMonth"],
      ],
      [
        "a fractional monthly limit",
        () => validateActionPlan(plan, { maxActionsPerOwnerPerMonth: 2.5 }),
        "out_of_range",
        ["options", "maxActionsPerOwnerPerMonth"],
      ],
      [
        "a NaN monthly limit",
        () => validateActionPlan(plan, { maxActionsPerOwnerPerMonth: Number.NaN }),
        "out_of_range",
        ["options", "maxActionsPerOwnerPerMonth"],
      ],
      [
        "options that are not an object",
        () => validateActionPlan(plan, 3 as never),
        "invalid_type",
        ["options"],
      ],
    ];
    it.each(cases)("rejects %s", (_name, fn, code, path) => {
      const err = thrown(fn);
      expect(err.code).toBe(code);
      expect(err.issues[0]?.path).toStrictEqual(path);
    });
  });
});
