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

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
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

  it("converts other currencies with explicit rates, rounding half-even to the cent", () => {
    const a = doc({
      solutions: [
        {
          id: "s",
          title: "S",
          readiness: "idea",
          end: "2021-12-31",
          cost: { amount: "1000.00", currency: "BGN" },
          funding: [
            { source: "national", amount: { amount: "33.33", currency: "BGN" } },
            { source: "eu", amount: eur("100.00") },
          ],
        },
      ],
      plan: { start: "2021-01-01", budget: eur("600.00") },
    });
    const plan = buildActionPlan(a, ["s"], { rates: { BGN: "0.51129" } });
    // 1000.00 × 0.51129 = 511.29; 33.33 × 0.51129 = 17.0412957 → 17.04
    expect(json(plan.actions[0]?.budget)).toStrictEqual({
      cost: { amount: "511.29", currency: "EUR" },
      funding: { amount: "117.04", currency: "EUR" },
      gap: { amount: "394.25", currency: "EUR" },
    });
    expect(json(plan.totals.byCurrency)).toStrictEqual([
      {
        currency: "BGN",
        cost: { amount: "1000", currency: "BGN" },
        funding: { amount: "33.33", currency: "BGN" },
        costConverted: { amount: "511.29", currency: "EUR" },
        fundingConverted: { amount: "17.04", currency: "EUR" },
      },
      {
        currency: "EUR",
        cost: { amount: "0", currency: "EUR" },
        funding: { amount: "100", currency: "EUR" },
        costConverted: { amount: "0", currency: "EUR" },
        fundingConverted: { amount: "100", currency: "EUR" },
      },
    ]);
    expect(json(plan.parameters.rates)).toStrictEqual([{ currency: "BGN", rate: "0.51129" }]);
    expect(plan.totals.budgetRemaining?.amount.toString()).toBe("88.71");
  });

  it("converts mixed-currency resources into the plan currency", () => {
    const plan = buildActionPlan(
      doc({
        solutions: [
          {
            id: "s",
            title: "S",
            readiness: "idea",
            resources: [
              { kind: "technology", description: "Hosting", cost: eur("10.00") },
              { kind: "budget", description: "Build", cost: { amount: "100.00", currency: "BGN" } },
            ],
          },
        ],
      }),
      ["s"],
      { currency: "EUR", rates: { BGN: new Decimal("0.5") } },
    );
    expect(json(plan.actions[0]?.cost)).toStrictEqual({ amount: "60", currency: "EUR" });
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
    const a = {
      ...doc({ solutions: [{ id: "s", title: "S", readiness: "idea" }] }),
      actions: [
        {
          id: "a",
          solution: "s",
          title: "A",
          kpis: [{ id: "k", title: "K", unit: "u", baseline: -0, target: -0 }],
          resources: [{ kind: "staff", description: "x", quantity: -0 }],
        },
      ],
    } as unknown as Assessment;
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

  it("does not mutate the assessment and gives the same plan twice", () => {
    const a = deepFreeze(doc({ solutions: [infoPoints], plan: { start: "2021-02-08" } }));
    expect(json(buildActionPlan(a, ["info-points"]))).toStrictEqual(
      json(buildActionPlan(a, ["info-points"])),
    );
  });

  describe("properties", () => {
    const money = fc.record({
      cents: fc.integer({ min: 0, max: 10_000_000 }),
      currency: fc.constantFrom("EUR", "BGN"),
    });
    const toMoney = (m: { cents: number; currency: string }) => ({
      amount: (m.cents / 100).toFixed(2),
      currency: m.currency,
    });
    const solution = fc.record({
      endDays: fc.option(fc.integer({ min: 0, max: 900 }), { nil: undefined }),
      startDays: fc.integer({ min: 0, max: 300 }),
      cost: fc.option(money, { nil: undefined }),
      funding: fc.array(
        fc.record({
          source: fc.constantFrom("eu", "national", "regional", "municipal", "private"),
          money,
          secured: fc.boolean(),
        }),
        { maxLength: 3 },
      ),
    });
    const plans = fc.array(solution, { minLength: 1, maxLength: 8 }).map((sols) => {
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
            amount: toMoney(f.money),
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

    it("without rates, a plan mixing currencies is refused rather than added up", () => {
      fc.assert(
        fc.property(plans, (a) => {
          const currencies = new Set(
            a.solutions.flatMap((s) => [
              ...(s.cost ? [s.cost.currency] : []),
              ...(s.funding ?? []).map((f) => f.amount.currency),
            ]),
          );
          const build = () =>
            buildActionPlan(
              a,
              a.solutions.map((s) => s.id),
              { currency: "EUR" },
            );
          if (currencies.has("BGN")) expect(thrown(build).code).toBe("currency_mismatch");
          else expect(build().totals.currency).toBe("EUR");
        }),
        { numRuns: 100 },
      );
    });
  });

  describe("bad input", () => {
    const base = { solutions: [infoPoints] };
    const withAction = (action: Record<string, unknown>): Assessment =>
      doc({
        solutions: [infoPoints],
        actions: [{ id: "act", solution: "info-points", title: "Act", ...action }],
      });
    /** An assessment that skipped parseAssessment: money given as JS numbers. */
    const unparsed = {
      ...doc(base),
      solutions: [{ ...doc(base).solutions[0], cost: { amount: 30000, currency: "EUR" } }],
    } as unknown as Assessment;
    const steps = (dependsOn: unknown[]) => [
      { id: "a", title: "A", duration: { months: 1 }, dependsOn: [{ step: "b" }] },
      { id: "b", title: "B", duration: { months: 1 }, dependsOn },
    ];
    const cyclic = {
      ...doc(base),
      actions: [
        { id: "act", solution: "info-points", title: "Act", steps: steps([{ step: "a" }]) },
      ],
    } as unknown as Assessment;
    const unknownDep = {
      ...doc(base),
      actions: [
        { id: "act", solution: "info-points", title: "Act", steps: steps([{ step: "ghost" }]) },
      ],
    } as unknown as Assessment;
    const negative = {
      ...doc(base),
      actions: [{ id: "act", solution: "info-points", title: "Act", duration: { months: -2 } }],
    } as unknown as Assessment;
    const endBeforeStart = {
      ...doc(base),
      actions: [
        {
          id: "act",
          solution: "info-points",
          title: "Act",
          start: "2021-05-01",
          end: "2021-04-01",
        },
      ],
    } as unknown as Assessment;
    const badDate = {
      ...doc(base),
      actions: [{ id: "act", solution: "info-points", title: "Act", end: "2021-02-30" }],
    } as unknown as Assessment;
    const bgnFunding = withAction({
      cost: eur("10.00"),
      funding: [{ source: "eu", amount: { amount: "5.00", currency: "BGN" } }],
    });
    const duplicate = doc({
      solutions: [infoPoints, { id: "other", title: "Other", readiness: "idea" }],
      actions: [{ id: "info-points", solution: "other", title: "Clash" }],
    });
    const lonelyMilestone = {
      ...doc(base),
      actions: [
        {
          id: "act",
          solution: "info-points",
          title: "Act",
          milestones: [{ id: "m", title: "M", afterStep: "x" }],
        },
      ],
    } as unknown as Assessment;
    const stepsBeforeStart = withAction({
      start: "2021-06-01",
      steps: [{ id: "old", title: "Old", start: "2021-01-01", end: "2021-02-01" }],
    });

    /** The parsed assessment with one top-level key replaced, as a caller skipping the parser might. */
    const patched = (key: string, value: unknown): Assessment =>
      ({ ...doc(base), [key]: value }) as unknown as Assessment;
    const patchedAction = (action: Record<string, unknown>): Assessment =>
      patched("actions", [{ id: "act", solution: "info-points", title: "Act", ...action }]);
    const act = ["assessment", "actions", 0];
    const more: [string, () => unknown, string, (string | number)[]][] = [
      [
        "a NaN KPI baseline",
        () =>
          buildActionPlan(
            patchedAction({ kpis: [{ id: "k", title: "K", unit: "u", baseline: NaN, target: 1 }] }),
            ["info-points"],
          ),
        "non_finite",
        [...act, "kpis", 0, "baseline"],
      ],
      [
        "an infinite resource quantity",
        () =>
          buildActionPlan(
            patchedAction({ resources: [{ kind: "staff", description: "x", quantity: Infinity }] }),
            ["info-points"],
          ),
        "non_finite",
        [...act, "resources", 0, "quantity"],
      ],
      [
        "a negative resource quantity",
        () =>
          buildActionPlan(
            patchedAction({ resources: [{ kind: "staff", description: "x", quantity: -1 }] }),
            ["info-points"],
          ),
        "out_of_range",
        [...act, "resources", 0, "quantity"],
      ],
      [
        "a milestone after an unknown step",
        () =>
          buildActionPlan(
            patchedAction({
              steps: [{ id: "x", title: "X", duration: { days: 1 } }],
              milestones: [{ id: "m", title: "M", afterStep: "ghost" }],
            }),
            ["info-points"],
          ),
        "unknown_reference",
        [...act, "milestones", 0, "afterStep"],
      ],
      [
        "an unknown funding source",
        () =>
          buildActionPlan(
            patchedAction({
              funding: [{ source: "lottery", amount: { amount: new Decimal(1), currency: "EUR" } }],
            }),
            ["info-points"],
          ),
        "invalid_value",
        [...act, "funding", 0, "source"],
      ],
      [
        "funding that is not an array",
        () => buildActionPlan(patchedAction({ funding: { source: "eu" } }), ["info-points"]),
        "invalid_type",
        [...act, "funding"],
      ],
      [
        "an unknown milestone status",
        () =>
          buildActionPlan(
            patchedAction({ milestones: [{ id: "m", title: "M", status: "late" }] }),
            ["info-points"],
          ),
        "invalid_value",
        [...act, "milestones", 0, "status"],
      ],
      [
        "a milestone without a title",
        () => buildActionPlan(patchedAction({ milestones: [{ id: "m" }] }), ["info-points"]),
        "invalid_type",
        [...act, "milestones", 0, "title"],
      ],
      [
        "a KPI target given as a string",
        () =>
          buildActionPlan(
            patchedAction({ kpis: [{ id: "k", title: "K", unit: "u", target: "10" }] }),
            ["info-points"],
          ),
        "invalid_type",
        [...act, "kpis", 0, "target"],
      ],
      [
        "a KPI without a unit",
        () =>
          buildActionPlan(patchedAction({ kpis: [{ id: "k", title: "K", target: 10 }] }), [
            "info-points",
          ]),
        "invalid_type",
        [...act, "kpis", 0, "unit"],
      ],
      [
        "a KPI with an invalid due date",
        () =>
          buildActionPlan(
            patchedAction({
              kpis: [{ id: "k", title: "K", unit: "u", target: 10, due: "2021-13-01" }],
            }),
            ["info-points"],
          ),
        "invalid_date",
        [...act, "kpis", 0, "due"],
      ],
      [
        "a risk likelihood of 6",
        () =>
          buildActionPlan(
            patchedAction({ risks: [{ id: "r", title: "R", likelihood: 6, impact: 1 }] }),
            ["info-points"],
          ),
        "out_of_range",
        [...act, "risks", 0, "likelihood"],
      ],
      [
        "a risk without an id",
        () =>
          buildActionPlan(patchedAction({ risks: [{ title: "R", likelihood: 1, impact: 1 }] }), [
            "info-points",
          ]),
        "invalid_type",
        [...act, "risks", 0, "id"],
      ],
      [
        "an action without a title",
        () => buildActionPlan(patchedAction({ title: undefined }), ["info-points"]),
        "invalid_type",
        [...act, "title"],
      ],
      [
        "an action without a solution",
        () => buildActionPlan(patched("actions", [{ id: "act", title: "Act" }]), ["info-points"]),
        "invalid_type",
        [...act, "solution"],
      ],
      [
        "an action without an id",
        () =>
          buildActionPlan(patched("actions", [{ solution: "info-points", title: "Act" }]), [
            "info-points",
          ]),
        "invalid_type",
        [...act, "id"],
      ],
      [
        "an action that is not an object",
        () => buildActionPlan(patched("actions", [null]), ["info-points"]),
        "invalid_type",
        act,
      ],
      [
        "a resource that is not an object",
        () => buildActionPlan(patchedAction({ resources: ["staff"] }), ["info-points"]),
        "invalid_type",
        [...act, "resources", 0],
      ],
      [
        "a resource cost given as a JS number",
        () =>
          buildActionPlan(
            patchedAction({
              resources: [
                { kind: "staff", description: "x", cost: { amount: 5, currency: "EUR" } },
              ],
            }),
            ["info-points"],
          ),
        "invalid_money",
        [...act, "resources", 0, "cost", "amount"],
      ],
      [
        "a negative cost",
        () =>
          buildActionPlan(patchedAction({ cost: { amount: new Decimal(-5), currency: "EUR" } }), [
            "info-points",
          ]),
        "out_of_range",
        [...act, "cost", "amount"],
      ],
      [
        "a solution without an id",
        () => buildActionPlan(patched("solutions", [{ title: "S" }]), ["info-points"]),
        "invalid_type",
        ["assessment", "solutions", 0, "id"],
      ],
      [
        "solutions that are not an array",
        () => buildActionPlan(patched("solutions", {}), ["info-points"]),
        "invalid_type",
        ["assessment", "solutions"],
      ],
      [
        "a programme without an id",
        () =>
          buildActionPlan(patched("programme", { start: "2020-09-28", end: "2022-11-30" }), [
            "info-points",
          ]),
        "invalid_type",
        ["assessment", "programme", "id"],
      ],
      [
        "a programme with an invalid end",
        () =>
          buildActionPlan(patched("programme", { id: "p", start: "2020-09-28", end: "2022" }), [
            "info-points",
          ]),
        "invalid_date",
        ["assessment", "programme", "end"],
      ],
      [
        "a city without an id",
        () => buildActionPlan(patched("city", { name: "Sofia" }), ["info-points"]),
        "invalid_type",
        ["assessment", "city", "id"],
      ],
      [
        "an invalid plan start",
        () => buildActionPlan(patched("plan", { start: "2021-02-30" }), ["info-points"]),
        "invalid_date",
        ["assessment", "plan", "start"],
      ],
      [
        "a plan budget given as a JS number",
        () =>
          buildActionPlan(patched("plan", { budget: { amount: 600000, currency: "EUR" } }), [
            "info-points",
          ]),
        "invalid_money",
        ["assessment", "plan", "budget", "amount"],
      ],
      [
        "a budget in another currency without a rate",
        () =>
          buildActionPlan(
            patched("plan", { budget: { amount: new Decimal(1), currency: "BGN" } }),
            ["info-points"],
            { currency: "EUR" },
          ),
        "currency_mismatch",
        ["assessment", "plan", "budget", "currency"],
      ],
    ];
    it.each(more)("rejects %s", (_name, fn, code, path) => {
      const err = thrown(fn);
      expect(err.code).toBe(code);
      expect(err.issues[0]?.path).toStrictEqual(path);
    });

    const cases: [string, () => unknown, string, (string | number)[]][] = [
      [
        "a cost given as a JS number",
        () => buildActionPlan(unparsed, ["info-points"]),
        "invalid_money",
        ["assessment", "solutions", 0, "cost", "amount"],
      ],
      [
        "a cycle among an action's steps",
        () => buildActionPlan(cyclic, ["info-points"]),
        "cycle",
        ["assessment", "actions", 0, "steps", 0, "dependsOn", 0, "step"],
      ],
      [
        "an unknown dependency",
        () => buildActionPlan(unknownDep, ["info-points"]),
        "unknown_reference",
        ["assessment", "actions", 0, "steps", 1, "dependsOn", 0, "step"],
      ],
      [
        "a negative duration",
        () => buildActionPlan(negative, ["info-points"]),
        "out_of_range",
        ["assessment", "actions", 0, "duration", "months"],
      ],
      [
        "an end before the start",
        () => buildActionPlan(endBeforeStart, ["info-points"]),
        "end_before_start",
        ["assessment", "actions", 0, "end"],
      ],
      [
        "an invalid date",
        () => buildActionPlan(badDate, ["info-points"]),
        "invalid_date",
        ["assessment", "actions", 0, "end"],
      ],
      [
        "mixed currencies without rates",
        () => buildActionPlan(bgnFunding, ["info-points"]),
        "currency_mismatch",
        ["assessment", "actions", 0, "funding", 0, "amount", "currency"],
      ],
      [
        "steps that finish before their action starts",
        () => buildActionPlan(stepsBeforeStart, ["info-points"]),
        "end_before_start",
        ["assessment", "actions", 0, "steps"],
      ],
      [
        "a milestone after a step of an action without steps",
        () => buildActionPlan(lonelyMilestone, ["info-points"]),
        "unknown_reference",
        ["assessment", "actions", 0, "milestones", 0, "afterStep"],
      ],
      [
        "an action id that clashes with a derived action",
        () => buildActionPlan(duplicate, ["info-points", "other"]),
        "duplicate_id",
        ["assessment", "actions", 0, "id"],
      ],
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
        "an assessment that is not an object",
        () => buildActionPlan(null as never, ["x"]),
        "invalid_type",
        ["assessment"],
      ],
      [
        "an assessment without a programme",
        () => buildActionPlan({ solutions: [] } as never, ["x"]),
        "invalid_type",
        ["assessment", "programme"],
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
    ];
    it.each(cases)("rejects %s", (_name, fn, code, path) => {
      const err = thrown(fn);
      expect(err.code).toBe(code);
      expect(err.issues[0]?.path).toStrictEqual(path);
    });

    it("names the steps of a cycle and explains a currency mismatch", () => {
      expect(() => buildActionPlan(cyclic, ["info-points"])).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: steps must not depend on each other in a cycle, got a → b → a (assessment.actions[0].steps[0].dependsOn[0].step)]`,
      );
      expect(() => buildActionPlan(bgnFunding, ["info-points"])).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: amount is in BGN but the plan currency is EUR, and currencies are never added together without explicit rates: pass options.rates.BGN (assessment.actions[0].funding[0].amount.currency)]`,
      );
      expect(() => buildActionPlan(unparsed, ["info-points"])).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: cost.amount must be a Decimal (money is never a JS number; parse the assessment with parseAssessment), got 30000 (assessment.solutions[0].cost.amount)]`,
      );
    });
  });
});
