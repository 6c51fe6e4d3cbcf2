import { describe, expect, it } from "vitest";
import { thrown } from "../../test/helpers/errors.js";
import { smallAssessment } from "../../test/helpers/assessments.js";
import fc from "fast-check";
import { Decimal } from "decimal.js";
import type { Assessment } from "../schema/index.js";
import { buildActionPlan, type ActionPlan } from "./buildActionPlan.js";

const eur = (amount: string) => ({ amount, currency: "EUR" });

const doc = smallAssessment;

/** JSON view of a value: Decimals become strings, as in a report. */
function json<T>(value: T): unknown {
  return JSON.parse(JSON.stringify(value));
}

const infoPoints = {
  id: "info-points",
  title: "Information points",
  readiness: "piloted",
  lead: "ngo",
  partners: ["city"],
  start: "2021-03-15",
  end: "2021-07-31",
  cost: eur("30000.00"),
  funding: [{ source: "municipal", amount: eur("20000.00"), secured: true }],
  kpis: [
    {
      id: "meetings",
      title: "District meetings held",
      unit: "meetings",
      baseline: 0,
      target: 6,
      due: "2021-07-31",
    },
  ],
  risks: [{ id: "turnout", title: "Low turnout", likelihood: 2, impact: 3 }],
};

describe("buildActionPlan", () => {
  it("derives one action from a selected solution without actions, and explains the whole plan", () => {
    const plan = buildActionPlan(doc({ solutions: [infoPoints], plan: { start: "2021-02-08" } }), [
      "info-points",
    ]);
    expect(json(plan)).toStrictEqual({
      method: "buildActionPlan",
      parameters: {
        start: "2021-02-08",
        startSource: "plan",
        horizons: [
          { id: "quickWin", label: "Quick win", months: 6 },
          { id: "longTerm", label: "Long-term project", months: 15 },
        ],
        currency: "EUR",
        rates: [],
        decimals: 2,
      },
      city: "sofia",
      programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
      priorities: ["info-points"],
      solutions: [
        {
          id: "info-points",
          title: "Information points",
          priority: 1,
          actions: ["info-points"],
          derived: true,
        },
      ],
      actions: [
        {
          id: "info-points",
          solution: "info-points",
          priority: 1,
          title: "Information points",
          description: null,
          derived: true,
          source: ["solutions", 0],
          owner: "ngo",
          partners: ["city"],
          start: "2021-03-15",
          end: "2021-07-31",
          endSource: "end",
          horizon: "quickWin",
          horizonLabel: "Quick win",
          horizonReason:
            "end 2021-07-31, on or before 2021-08-08 (plan start 2021-02-08 + 6 months): Quick win",
          horizonRule: {
            horizon: "quickWin",
            text: "effective end on or before start + 6 months (2021-08-08)",
            after: null,
            onOrBefore: "2021-08-08",
            months: 6,
          },
          schedule: null,
          milestones: [],
          resources: [],
          cost: { amount: "30000", currency: "EUR" },
          costSource: "cost",
          funding: [
            {
              source: "municipal",
              amount: { amount: "20000", currency: "EUR" },
              secured: true,
              note: null,
            },
          ],
          budget: {
            cost: { amount: "30000", currency: "EUR" },
            funding: { amount: "20000", currency: "EUR" },
            gap: { amount: "10000", currency: "EUR" },
          },
          kpis: [
            {
              id: "meetings",
              title: "District meetings held",
              unit: "meetings",
              baseline: 0,
              target: 6,
              due: "2021-07-31",
              direction: "increase",
              directionSource: "inferred",
            },
          ],
          risks: [
            {
              id: "turnout",
              title: "Low turnout",
              likelihood: 2,
              impact: 3,
              score: 6,
              mitigation: null,
              owner: null,
            },
          ],
        },
      ],
      risks: [
        {
          action: "info-points",
          id: "turnout",
          title: "Low turnout",
          likelihood: 2,
          impact: 3,
          score: 6,
          mitigation: null,
          owner: null,
        },
      ],
      totals: {
        currency: "EUR",
        cost: { amount: "30000", currency: "EUR" },
        funding: { amount: "20000", currency: "EUR" },
        secured: { amount: "20000", currency: "EUR" },
        gap: { amount: "10000", currency: "EUR" },
        budget: null,
        budgetRemaining: null,
        actionsWithoutCost: [],
        byHorizon: [
          {
            horizon: "quickWin",
            label: "Quick win",
            actions: ["info-points"],
            cost: { amount: "30000", currency: "EUR" },
            funding: { amount: "20000", currency: "EUR" },
            gap: { amount: "10000", currency: "EUR" },
          },
          {
            horizon: "longTerm",
            label: "Long-term project",
            actions: [],
            cost: { amount: "0", currency: "EUR" },
            funding: { amount: "0", currency: "EUR" },
            gap: { amount: "0", currency: "EUR" },
          },
          {
            horizon: "beyondHorizon",
            label: "Beyond the horizon",
            actions: [],
            cost: { amount: "0", currency: "EUR" },
            funding: { amount: "0", currency: "EUR" },
            gap: { amount: "0", currency: "EUR" },
          },
          {
            horizon: "unscheduled",
            label: "Unscheduled",
            actions: [],
            cost: { amount: "0", currency: "EUR" },
            funding: { amount: "0", currency: "EUR" },
            gap: { amount: "0", currency: "EUR" },
          },
        ],
        bySource: [
          {
            source: "eu",
            amount: { amount: "0", currency: "EUR" },
            secured: { amount: "0", currency: "EUR" },
            actions: [],
          },
          {
            source: "national",
            amount: { amount: "0", currency: "EUR" },
            secured: { amount: "0", currency: "EUR" },
            actions: [],
          },
          {
            source: "regional",
            amount: { amount: "0", currency: "EUR" },
            secured: { amount: "0", currency: "EUR" },
            actions: [],
          },
          {
            source: "municipal",
            amount: { amount: "20000", currency: "EUR" },
            secured: { amount: "20000", currency: "EUR" },
            actions: ["info-points"],
          },
          {
            source: "private",
            amount: { amount: "0", currency: "EUR" },
            secured: { amount: "0", currency: "EUR" },
            actions: [],
          },
        ],
        byYear: [{ year: 2021, cost: { amount: "30000", currency: "EUR" } }],
        byCurrency: [
          {
            currency: "EUR",
            cost: { amount: "30000", currency: "EUR" },
            funding: { amount: "20000", currency: "EUR" },
            costConverted: { amount: "30000", currency: "EUR" },
            fundingConverted: { amount: "20000", currency: "EUR" },
          },
        ],
      },
      calendar: {
        months: [
          {
            period: "2021-03",
            start: "2021-03-01",
            end: "2021-03-31",
            active: ["info-points"],
            starting: ["info-points"],
            ending: [],
          },
          {
            period: "2021-04",
            start: "2021-04-01",
            end: "2021-04-30",
            active: ["info-points"],
            starting: [],
            ending: [],
          },
          {
            period: "2021-05",
            start: "2021-05-01",
            end: "2021-05-31",
            active: ["info-points"],
            starting: [],
            ending: [],
          },
          {
            period: "2021-06",
            start: "2021-06-01",
            end: "2021-06-30",
            active: ["info-points"],
            starting: [],
            ending: [],
          },
          {
            period: "2021-07",
            start: "2021-07-01",
            end: "2021-07-31",
            active: ["info-points"],
            starting: [],
            ending: ["info-points"],
          },
        ],
        quarters: [
          {
            period: "2021-Q1",
            start: "2021-01-01",
            end: "2021-03-31",
            active: ["info-points"],
            starting: ["info-points"],
            ending: [],
          },
          {
            period: "2021-Q2",
            start: "2021-04-01",
            end: "2021-06-30",
            active: ["info-points"],
            starting: [],
            ending: [],
          },
          {
            period: "2021-Q3",
            start: "2021-07-01",
            end: "2021-09-30",
            active: ["info-points"],
            starting: [],
            ending: ["info-points"],
          },
        ],
      },
    });
  });

  it("uses a solution's listed actions in order, with their own owners, steps and milestones", () => {
    const a = doc({
      solutions: [
        {
          id: "platform",
          title: "Platform",
          readiness: "prepared",
          lead: "city",
          cost: eur("1.00"),
        },
        { id: "other", title: "Other", readiness: "idea" },
      ],
      actions: [
        { id: "other-action", solution: "other", title: "Not selected" },
        {
          id: "build",
          solution: "platform",
          title: "Build",
          owner: "ngo",
          start: "2021-04-01",
          steps: [
            { id: "spec", title: "Spec", duration: { months: 2 } },
            { id: "dev", title: "Dev", duration: { months: 6 }, dependsOn: [{ step: "spec" }] },
          ],
          milestones: [
            { id: "live", title: "Live", afterStep: "dev", status: "planned" },
            { id: "kickoff", title: "Kick-off", date: "2021-04-01", status: "done" },
          ],
        },
        { id: "pilot", solution: "platform", title: "Pilot", duration: { weeks: 6 } },
      ],
    });
    const plan = buildActionPlan(a, ["platform"], { start: "2021-03-01" });
    expect(plan.parameters.startSource).toBe("options");
    expect(
      plan.actions.map((x) => [
        x.id,
        x.owner,
        x.derived,
        x.source,
        x.start,
        x.end,
        x.endSource,
        x.horizon,
      ]),
    ).toStrictEqual([
      ["build", "ngo", false, ["actions", 1], "2021-04-01", "2021-12-01", "steps", "longTerm"],
      ["pilot", null, false, ["actions", 2], "2021-03-01", "2021-04-12", "duration", "quickWin"],
    ]);
    expect(plan.actions[0]?.horizonReason).toBe(
      "steps finish 2021-12-01, on or before 2022-06-01 (plan start 2021-03-01 + 15 months): Long-term project",
    );
    expect(plan.actions[0]?.schedule?.criticalPath).toStrictEqual(["spec", "dev"]);
    expect(plan.actions[0]?.milestones).toStrictEqual([
      {
        id: "live",
        title: "Live",
        date: "2021-12-01",
        afterStep: "dev",
        status: "planned",
        reason: 'reached when step "dev" finishes on 2021-12-01',
      },
      {
        id: "kickoff",
        title: "Kick-off",
        date: "2021-04-01",
        afterStep: null,
        status: "done",
        reason: "dated 2021-04-01",
      },
    ]);
    expect(plan.solutions).toStrictEqual([
      {
        id: "platform",
        title: "Platform",
        priority: 1,
        actions: ["build", "pilot"],
        derived: false,
      },
    ]);
    // the solution's own cost is not used when it has actions
    expect(plan.totals.actionsWithoutCost).toStrictEqual(["build", "pilot"]);
  });

  it("starts the plan at the programme start when neither options nor the plan give one", () => {
    const plan = buildActionPlan(doc({ solutions: [{ id: "s", title: "S", readiness: "idea" }] }), [
      "s",
    ]);
    expect([
      plan.parameters.start,
      plan.parameters.startSource,
      plan.actions[0]?.horizon,
    ]).toStrictEqual(["2020-09-28", "programme", "unscheduled"]);
  });

  it("takes the cost from the resources when an action has none", () => {
    const plan = buildActionPlan(
      doc({
        solutions: [
          {
            id: "s",
            title: "S",
            readiness: "idea",
            resources: [
              { kind: "technology", description: "Hosting", cost: eur("40000.00") },
              { kind: "staff", description: "Team" },
              { kind: "budget", description: "Build", cost: eur("125000.50") },
            ],
          },
        ],
      }),
      ["s"],
    );
    expect([plan.actions[0]?.costSource, plan.actions[0]?.cost?.amount.toString()]).toStrictEqual([
      "resources",
      "165000.5",
    ]);
  });

  it("converts another currency with explicit rates, rounding half-even to the cent", () => {
    const bgn = (amount: string) => ({ amount, currency: "BGN" });
    const a = doc({
      solutions: [
        {
          id: "s",
          title: "S",
          readiness: "idea",
          end: "2021-12-31",
          cost: bgn("1000.00"),
          funding: [
            { source: "national", amount: bgn("33.33") },
            { source: "eu", amount: bgn("195.58") },
          ],
        },
      ],
      plan: { start: "2021-01-01", budget: bgn("1173.50") },
    });
    const plan = buildActionPlan(a, ["s"], { currency: "EUR", rates: { BGN: "0.51129" } });
    // 1000.00 × 0.51129 = 511.29; 33.33 × 0.51129 = 17.0412957 → 17.04; 195.58 × 0.51129 =
    // 99.9980982 → 100.00
    expect(json(plan.actions[0]?.budget)).toStrictEqual({
      cost: { amount: "511.29", currency: "EUR" },
      funding: { amount: "117.04", currency: "EUR" },
      gap: { amount: "394.25", currency: "EUR" },
    });
    expect(json(plan.totals.byCurrency)).toStrictEqual([
      {
        currency: "BGN",
        cost: { amount: "1000", currency: "BGN" },
        funding: { amount: "228.91", currency: "BGN" },
        costConverted: { amount: "511.29", currency: "EUR" },
        fundingConverted: { amount: "117.04", currency: "EUR" },
      },
    ]);
    expect(json(plan.parameters.rates)).toStrictEqual([{ currency: "BGN", rate: "0.51129" }]);
    // 1173.50 × 0.51129 = 599.998815 → 600.00, less the cost 511.29
    expect(plan.totals.budgetRemaining?.amount.toString()).toBe("88.71");
  });

  it("converts the resources' costs of an action without a cost into the plan currency", () => {
    const plan = buildActionPlan(
      doc({
        solutions: [
          {
            id: "s",
            title: "S",
            readiness: "idea",
            resources: [
              {
                kind: "technology",
                description: "Hosting",
                cost: { amount: "20.00", currency: "BGN" },
              },
              { kind: "budget", description: "Build", cost: { amount: "100.00", currency: "BGN" } },
            ],
          },
        ],
      }),
      ["s"],
      { currency: "EUR", rates: { BGN: new Decimal("0.5") } },
    );
    expect(json([plan.actions[0]?.cost, plan.actions[0]?.budget.cost])).toStrictEqual([
      { amount: "120", currency: "BGN" },
      { amount: "60", currency: "EUR" },
    ]);
  });

  it("spreads a cost over calendar years by days, exactly", () => {
    const plan = buildActionPlan(
      doc({
        solutions: [
          {
            id: "a",
            title: "A",
            readiness: "idea",
            start: "2021-11-01",
            end: "2022-03-01",
            cost: eur("1000.00"),
          },
          {
            id: "b",
            title: "B",
            readiness: "idea",
            start: "2021-06-01",
            end: "2021-06-01",
            cost: eur("5.00"),
          },
          { id: "c", title: "C", readiness: "idea", cost: eur("7.00") },
        ],
      }),
      ["a", "b", "c"],
      { start: "2021-01-01" },
    );
    // a: 61 days in 2021, 59 in 2022 → 508.33 + 491.67; b has no length: its start year; c is undated
    expect(json(plan.totals.byYear)).toStrictEqual([
      { year: 2021, cost: { amount: "513.33", currency: "EUR" } },
      { year: 2022, cost: { amount: "491.67", currency: "EUR" } },
      { year: null, cost: { amount: "7", currency: "EUR" } },
    ]);
  });

  it("dates milestones of an action without steps from their own dates only", () => {
    const plan = buildActionPlan(
      doc({
        solutions: [{ id: "s", title: "S", readiness: "idea" }],
        actions: [
          {
            id: "a",
            solution: "s",
            title: "A",
            milestones: [
              { id: "m1", title: "M1", date: "2021-05-01" },
              { id: "m2", title: "M2" },
            ],
          },
        ],
      }),
      ["s"],
    );
    expect(plan.actions[0]?.milestones.map((m) => [m.id, m.date, m.reason])).toStrictEqual([
      ["m1", "2021-05-01", "dated 2021-05-01"],
      ["m2", null, "no date and no step"],
    ]);
  });

  it("writes −0 as 0 in KPIs and resource quantities", () => {
    // JSON.parse("-0") is −0, and the parser keeps numbers as they are
    const a = doc({
      solutions: [{ id: "s", title: "S", readiness: "idea" }],
      actions: [
        {
          id: "a",
          solution: "s",
          title: "A",
          kpis: [{ id: "k", title: "K", unit: "u", baseline: -0, target: -0 }],
          resources: [{ kind: "staff", description: "x", quantity: -0 }],
        },
      ],
    });
    const action = buildActionPlan(a, ["s"]).actions[0];
    expect(Object.is(action?.kpis[0]?.baseline, 0)).toBe(true);
    expect(Object.is(action?.kpis[0]?.target, 0)).toBe(true);
    expect(Object.is(action?.resources[0]?.quantity, 0)).toBe(true);
  });

  it("infers a decreasing KPI and keeps a declared direction", () => {
    const plan = buildActionPlan(
      doc({
        solutions: [
          {
            id: "s",
            title: "S",
            readiness: "idea",
            kpis: [
              { id: "wait", title: "Waiting days", unit: "days", baseline: 20, target: 5 },
              { id: "visits", title: "Visits", unit: "visits", target: 5, direction: "decrease" },
            ],
          },
        ],
      }),
      ["s"],
    );
    expect(plan.actions[0]?.kpis.map((k) => [k.id, k.direction, k.directionSource])).toStrictEqual([
      ["wait", "decrease", "inferred"],
      ["visits", "decrease", "declared"],
    ]);
  });

  it("lists every risk by score, then action id, then risk id", () => {
    const plan = buildActionPlan(
      doc({
        solutions: [
          {
            id: "b",
            title: "B",
            readiness: "idea",
            risks: [
              { id: "r1", title: "x", likelihood: 2, impact: 2 },
              { id: "r0", title: "y", likelihood: 4, impact: 1 },
            ],
          },
          {
            id: "a",
            title: "A",
            readiness: "idea",
            risks: [
              { id: "r9", title: "z", likelihood: 1, impact: 4 },
              { id: "r2", title: "w", likelihood: 5, impact: 5 },
            ],
          },
        ],
      }),
      ["b", "a"],
    );
    expect(plan.risks.map((r) => `${r.action}/${r.id}:${r.score}`)).toStrictEqual([
      "a/r2:25",
      "a/r9:4",
      "b/r0:4",
      "b/r1:4",
    ]);
  });

  it("passes custom horizons through to every action and to the totals", () => {
    const plan = buildActionPlan(
      doc({ solutions: [{ id: "s", title: "S", readiness: "idea", duration: { months: 2 } }] }),
      ["s"],
      { start: "2021-01-01", horizons: [{ id: "sprint", label: "Sprint", months: 3 }] },
    );
    expect(plan.actions[0]?.horizon).toBe("sprint");
    expect(plan.totals.byHorizon.map((h) => h.horizon)).toStrictEqual([
      "sprint",
      "beyondHorizon",
      "unscheduled",
    ]);
  });

  it("gives the same plan twice from one (frozen) parsed assessment", () => {
    const a = doc({ solutions: [infoPoints], plan: { start: "2021-02-08" } });
    expect(Object.isFrozen(a.solutions[0])).toBe(true);
    expect(json(buildActionPlan(a, ["info-points"]))).toStrictEqual(
      json(buildActionPlan(a, ["info-points"])),
    );
  });

  describe("properties", () => {
    const money = fc.integer({ min: 0, max: 10_000_000 });
    const solution = fc.record({
      endDays: fc.option(fc.integer({ min: 0, max: 900 }), { nil: undefined }),
      startDays: fc.integer({ min: 0, max: 300 }),
      cost: fc.option(money, { nil: undefined }),
      funding: fc.array(
        fc.record({
          source: fc.constantFrom("eu", "national", "regional", "municipal", "private"),
          cents: money,
          secured: fc.boolean(),
        }),
        { maxLength: 3 },
      ),
    });
    // the parser refuses a document mixing currencies: each plan is in one, EUR or BGN
    const plans = fc
      .tuple(fc.constantFrom("EUR", "BGN"), fc.array(solution, { minLength: 1, maxLength: 8 }))
      .map(([currency, sols]) => {
        const toMoney = (cents: number) => ({ amount: (cents / 100).toFixed(2), currency });
        const day = (n: number) => new Date(Date.UTC(2021, 0, 1 + n)).toISOString().slice(0, 10);
        return doc({
          solutions: sols.map((s, i) => ({
            id: `s${i}`,
            title: `S${i}`,
            readiness: "idea",
            start: day(s.startDays),
            ...(s.endDays === undefined ? {} : { end: day(s.startDays + s.endDays) }),
            ...(s.cost === undefined ? {} : { cost: toMoney(s.cost) }),
            funding: s.funding.map((f) => ({
              source: f.source,
              amount: toMoney(f.cents),
              secured: f.secured,
            })),
          })),
        });
      });
    const sum = (xs: readonly { amount: Decimal }[]) =>
      xs.reduce((acc, x) => acc.plus(x.amount), new Decimal(0));

    it("totals by horizon, by year and by currency equal the total cost; by horizon and by source the total funding", () => {
      fc.assert(
        fc.property(plans, (a) => {
          const plan: ActionPlan = buildActionPlan(
            a,
            a.solutions.map((s) => s.id),
            {
              start: "2021-01-01",
              currency: "EUR",
              rates: { BGN: "0.51129" },
            },
          );
          const t = plan.totals;
          expect(sum(t.byHorizon.map((h) => h.cost)).eq(t.cost.amount)).toBe(true);
          expect(sum(t.byYear.map((y) => y.cost)).eq(t.cost.amount)).toBe(true);
          expect(sum(t.byCurrency.map((c) => c.costConverted)).eq(t.cost.amount)).toBe(true);
          expect(
            sum(plan.actions.flatMap((x) => (x.budget.cost === null ? [] : [x.budget.cost]))).eq(
              t.cost.amount,
            ),
          ).toBe(true);
          expect(sum(t.byHorizon.map((h) => h.funding)).eq(t.funding.amount)).toBe(true);
          expect(sum(t.bySource.map((s) => s.amount)).eq(t.funding.amount)).toBe(true);
          expect(sum(t.byCurrency.map((c) => c.fundingConverted)).eq(t.funding.amount)).toBe(true);
          expect(sum(t.bySource.map((s) => s.secured)).eq(t.secured.amount)).toBe(true);
          expect(t.gap.amount.eq(t.cost.amount.minus(t.funding.amount))).toBe(true);
          // every year share is a whole number of cents
          for (const y of t.byYear) expect(y.cost.amount.times(100).isInteger()).toBe(true);
          // the horizons partition the actions
          const placed = t.byHorizon.flatMap((h) => h.actions);
          expect([...placed].sort()).toStrictEqual(plan.actions.map((x) => x.id).sort());
        }),
        { numRuns: 100 },
      );
    });

    it("without a rate, amounts in another currency than the plan's are refused rather than added up", () => {
      fc.assert(
        fc.property(plans, (a) => {
          const amounts = a.solutions.flatMap((s) => [
            ...(s.cost ? [s.cost] : []),
            ...(s.funding ?? []).map((f) => f.amount),
          ]);
          const build = () =>
            buildActionPlan(
              a,
              a.solutions.map((s) => s.id),
              { currency: "EUR" },
            );
          if (amounts.some((m) => m.currency === "BGN")) {
            expect(thrown(build).code).toBe("currency_mismatch");
          } else expect(build().totals.currency).toBe("EUR");
        }),
        { numRuns: 100 },
      );
    });
  });

  describe("bad input", () => {
    const base = { solutions: [infoPoints] };
    const act = ["assessment", "actions", 0];

    it("refuses an assessment that did not come from the parser", () => {
      const plain = JSON.parse(JSON.stringify(doc(base))) as Assessment;
      const err = thrown(() => buildActionPlan(plain, ["info-points"]));
      expect([err.code, err.issues[0]?.path]).toStrictEqual(["not_parsed", ["assessment"]]);
      expect(err.message).toContain("parseAssessment");
    });

    const cases: [string, () => unknown, string, (string | number)[]][] = [
      ["no priorities", () => buildActionPlan(doc(base), []), "empty", ["priorities"]],
      [
        "priorities not an array",
        () => buildActionPlan(doc(base), "info-points" as never),
        "invalid_type",
        ["priorities"],
      ],
      [
        "an unknown priority",
        () => buildActionPlan(doc(base), ["info-points", "ghost"]),
        "unknown_reference",
        ["priorities", 1],
      ],
      [
        "a repeated priority",
        () => buildActionPlan(doc(base), ["info-points", "info-points"]),
        "duplicate_id",
        ["priorities", 1],
      ],
      [
        "a priority that is not a string",
        () => buildActionPlan(doc(base), [7 as never]),
        "invalid_type",
        ["priorities", 0],
      ],
      [
        "options that are not an object",
        () => buildActionPlan(doc(base), ["info-points"], [] as never),
        "invalid_type",
        ["options"],
      ],
      [
        "an invalid start option",
        () => buildActionPlan(doc(base), ["info-points"], { start: "2021-02-29" }),
        "invalid_date",
        ["options", "start"],
      ],
      [
        "a start option too late for the horizons",
        () => buildActionPlan(doc(base), ["info-points"], { start: "9999-06-01" }),
        "out_of_range",
        ["options", "start"],
      ],
      [
        "a rate given as a JS number",
        () => buildActionPlan(doc(base), ["info-points"], { rates: { BGN: 0.51129 as never } }),
        "invalid_money",
        ["options", "rates", "BGN"],
      ],
      [
        "a zero rate",
        () => buildActionPlan(doc(base), ["info-points"], { rates: { BGN: "0" } }),
        "out_of_range",
        ["options", "rates", "BGN"],
      ],
      [
        "a rate for a bad currency code",
        () => buildActionPlan(doc(base), ["info-points"], { rates: { lev: "0.5" } }),
        "invalid_value",
        ["options", "rates", "lev"],
      ],
      [
        "a bad plan currency",
        () => buildActionPlan(doc(base), ["info-points"], { currency: "€" }),
        "invalid_value",
        ["options", "currency"],
      ],
      [
        "a plan currency without a rate for the assessment's amounts",
        () => buildActionPlan(doc(base), ["info-points"], { currency: "BGN" }),
        "currency_mismatch",
        ["assessment", "solutions", 0, "cost", "currency"],
      ],
      [
        "a plan currency without a rate for the budget",
        () =>
          buildActionPlan(
            doc({
              solutions: [{ id: "s", title: "S", readiness: "idea" }],
              plan: { budget: { amount: "1.00", currency: "BGN" } },
            }),
            ["s"],
            { currency: "EUR" },
          ),
        "currency_mismatch",
        ["assessment", "plan", "budget", "currency"],
      ],
      [
        "decimals out of range",
        () => buildActionPlan(doc(base), ["info-points"], { decimals: -1 }),
        "out_of_range",
        ["options", "decimals"],
      ],
      [
        "bad horizons",
        () => buildActionPlan(doc(base), ["info-points"], { horizons: [] }),
        "empty",
        ["options", "horizons"],
      ],
      [
        "a start option after the end of a solution without its own start",
        () =>
          buildActionPlan(
            doc({ solutions: [{ id: "s", title: "S", readiness: "idea", end: "2021-03-01" }] }),
            ["s"],
            { start: "2021-06-01" },
          ),
        "end_before_start",
        ["assessment", "solutions", 0, "end"],
      ],
      [
        "a start option after the deadline of a step",
        () =>
          buildActionPlan(
            doc({
              ...base,
              actions: [
                {
                  id: "act",
                  solution: "info-points",
                  title: "Act",
                  steps: [{ id: "due", title: "Due", end: "2021-03-01" }],
                },
              ],
            }),
            ["info-points"],
            { start: "2021-06-01" },
          ),
        "end_before_start",
        [...act, "steps", 0, "end"],
      ],
      [
        "a start option after the steps of an action finish",
        () =>
          buildActionPlan(
            doc({
              ...base,
              actions: [
                {
                  id: "act",
                  solution: "info-points",
                  title: "Act",
                  steps: [{ id: "old", title: "Old", start: "2021-01-01", end: "2021-02-01" }],
                },
              ],
            }),
            ["info-points"],
            { start: "2021-06-01" },
          ),
        "end_before_start",
        [...act, "steps"],
      ],
    ];
    it.each(cases)("rejects %s", (_name, fn, code, path) => {
      const err = thrown(fn);
      expect(err.code).toBe(code);
      expect(err.issues[0]?.path).toStrictEqual(path);
    });

    it("explains a currency without a rate", () => {
      expect(() =>
        buildActionPlan(doc(base), ["info-points"], { currency: "BGN" }),
      ).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: amount is in EUR but the plan currency is BGN, and currencies are never added together without explicit rates: pass options.rates.EUR (assessment.solutions[0].cost.currency)]`,
      );
    });
  });
});
