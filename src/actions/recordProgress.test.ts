import { describe, expect, it } from "vitest";
import { thrown } from "../../test/helpers/errors.js";
import fc from "fast-check";
import { smallAssessment } from "../../test/helpers/assessments.js";
import type { Assessment } from "../schema/index.js";
import { buildActionPlan, type ActionPlan } from "./buildActionPlan.js";
import { recordProgress } from "./recordProgress.js";

/** The small assessment with one solution `s`. */
const doc = (extra: Record<string, unknown>): Assessment =>
  smallAssessment({ solutions: [{ id: "s", title: "S", readiness: "idea" }], ...extra });

/** One action from 2021-01-01 to 2021-12-31 (364 days) with a KPI 0 → 100 due at its end. */
function onePlan(action: Record<string, unknown> = {}): ActionPlan {
  return buildActionPlan(
    doc({
      actions: [
        {
          id: "act",
          solution: "s",
          title: "Act",
          owner: "city",
          start: "2021-01-01",
          end: "2021-12-31",
          kpis: [{ id: "users", title: "Users", unit: "users", baseline: 0, target: 100 }],
          ...action,
        },
      ],
    }),
    ["s"],
    { start: "2021-01-01" },
  );
}

const users = (value: number, date?: string) => ({
  kpis: [{ action: "act", kpi: "users", value, ...(date ? { date } : {}) }],
});

describe("recordProgress", () => {
  it("reports a KPI on track, with percent complete against the share of time elapsed", () => {
    // 2021-07-01 is 181 of 364 days in: 49.7% expected; 45% done is within 10 points
    const result = recordProgress(onePlan(), users(45, "2021-06-30"), { asOf: "2021-07-01" });
    expect(result).toStrictEqual({
      method: "recordProgress",
      asOf: "2021-07-01",
      tolerance: 10,
      actions: [
        {
          id: "act",
          title: "Act",
          solution: "s",
          owner: "city",
          horizon: "longTerm",
          start: "2021-01-01",
          end: "2021-12-31",
          status: "onTrack",
          reason: "no KPI behind schedule and no milestone overdue",
          percentComplete: 45,
          percentSource: "kpis",
          kpis: [
            {
              id: "users",
              title: "Users",
              unit: "users",
              baseline: 0,
              target: 100,
              direction: "increase",
              due: "2021-12-31",
              actual: 45,
              actualDate: "2021-06-30",
              percentComplete: 45,
              expectedPercent: (181 * 100) / 364,
              status: "onTrack",
              reason: "45% done against 49.7% of the time elapsed (tolerance 10 points)",
            },
          ],
          milestones: [],
        },
      ],
      summary: {
        byStatus: { completed: 0, notStarted: 0, onTrack: 1, atRisk: 0, late: 0 },
        percentComplete: 45,
      },
      ignored: { kpis: [], milestones: [] },
    });
  });

  it("puts a KPI more than the tolerance behind at risk, and the tolerance is a parameter", () => {
    const behind = recordProgress(onePlan(), users(30), { asOf: "2021-07-01" });
    expect([
      behind.actions[0]?.kpis[0]?.status,
      behind.actions[0]?.status,
      behind.actions[0]?.reason,
    ]).toStrictEqual(["atRisk", "atRisk", 'KPI "users" behind schedule']);
    expect(
      recordProgress(onePlan(), users(30), { asOf: "2021-07-01", tolerance: 20 }).actions[0]
        ?.status,
    ).toBe("onTrack");
  });

  it("marks a KPI achieved at its target and the action completed", () => {
    const result = recordProgress(onePlan(), users(120), { asOf: "2021-07-01" });
    expect(result.actions[0]?.kpis[0]).toMatchObject({
      status: "achieved",
      percentComplete: 120,
      reason: "120 users reaches the target 100",
    });
    expect([result.actions[0]?.status, result.actions[0]?.percentComplete]).toStrictEqual([
      "completed",
      100,
    ]);
  });

  it("marks a KPI late after its due date, and one without a value as no data or late", () => {
    expect(recordProgress(onePlan(), users(80), { asOf: "2022-01-15" }).actions[0]).toMatchObject({
      status: "late",
      reason: 'KPI "users" late; its end 2021-12-31 has passed without completion',
    });
    expect(recordProgress(onePlan(), {}, { asOf: "2021-03-01" }).actions[0]?.kpis[0]).toMatchObject(
      {
        status: "noData",
        actual: null,
        percentComplete: null,
      },
    );
    expect(recordProgress(onePlan(), {}, { asOf: "2022-01-01" }).actions[0]?.kpis[0]?.status).toBe(
      "late",
    );
  });

  it("measures a decreasing KPI from its baseline down to its target", () => {
    const plan = onePlan({
      kpis: [{ id: "users", title: "Waiting days", unit: "days", baseline: 20, target: 5 }],
    });
    const kpi = recordProgress(plan, users(15), { asOf: "2021-07-01" }).actions[0]?.kpis[0];
    expect([kpi?.direction, kpi?.percentComplete, kpi?.status]).toStrictEqual([
      "decrease",
      100 / 3,
      "atRisk",
    ]);
  });

  it("cannot measure progress without a baseline, but still sees a target met", () => {
    const plan = onePlan({ kpis: [{ id: "users", title: "Users", unit: "users", target: 100 }] });
    expect(
      recordProgress(plan, users(50), { asOf: "2021-07-01" }).actions[0]?.kpis[0],
    ).toMatchObject({
      status: "unknown",
      percentComplete: null,
      reason: "no baseline: progress towards the target cannot be measured",
    });
    expect(
      recordProgress(plan, users(100), { asOf: "2021-07-01" }).actions[0]?.kpis[0]?.status,
    ).toBe("achieved");
    const flat = onePlan({
      kpis: [
        {
          id: "users",
          title: "Users",
          unit: "users",
          baseline: 5,
          target: 5,
          direction: "decrease",
        },
      ],
    });
    expect(recordProgress(flat, users(7), { asOf: "2021-07-01" }).actions[0]?.kpis[0]?.reason).toBe(
      "the target equals the baseline: progress cannot be measured",
    );
    expect(recordProgress(flat, users(4), { asOf: "2021-07-01" }).actions[0]?.kpis[0]?.status).toBe(
      "achieved",
    );
  });

  it("never reports an infinite percentage for a target a hair from its baseline", () => {
    const plan = onePlan({
      kpis: [{ id: "users", title: "Users", unit: "users", baseline: 0, target: 1e-300 }],
    });
    // (−1e300 − 0) × 100 / 1e-300 overflows to −Infinity
    const kpi = recordProgress(plan, users(-1e300), { asOf: "2021-07-01" }).actions[0]?.kpis[0];
    expect([kpi?.percentComplete, kpi?.status, kpi?.reason]).toStrictEqual([
      null,
      "unknown",
      "the target is too close to the baseline to measure progress",
    ]);
  });

  it("says when there is no date to measure progress against", () => {
    const plan = onePlan({ end: undefined });
    const kpi = recordProgress(plan, users(10), { asOf: "2021-07-01" }).actions[0]?.kpis[0];
    expect([kpi?.due, kpi?.expectedPercent, kpi?.status]).toStrictEqual([null, null, "unknown"]);
  });

  it("takes the latest update on or before asOf, and leaves later ones out", () => {
    const result = recordProgress(
      onePlan(),
      {
        kpis: [
          { action: "act", kpi: "users", value: 20, date: "2021-05-01" },
          { action: "act", kpi: "users", value: 40, date: "2021-04-01" },
          { action: "act", kpi: "users", value: 99, date: "2021-08-01" },
        ],
      },
      { asOf: "2021-06-01" },
    );
    expect([result.actions[0]?.kpis[0]?.actual, result.ignored]).toStrictEqual([
      20,
      { kpis: [2], milestones: [] },
    ]);
    // an undated update counts as measured on asOf; on the same date the later one in the list wins
    const undated = recordProgress(
      onePlan(),
      {
        kpis: [
          { action: "act", kpi: "users", value: 10 },
          { action: "act", kpi: "users", value: 12, date: "2021-06-01" },
        ],
      },
      { asOf: "2021-06-01" },
    );
    expect(undated.actions[0]?.kpis[0]?.actual).toBe(12);
  });

  it("tracks milestones: reported status, overdue when still planned after its date, cancelled ones not counted", () => {
    const plan = onePlan({
      kpis: [],
      milestones: [
        { id: "m1", title: "M1", date: "2021-03-01" },
        { id: "m2", title: "M2", date: "2021-04-01" },
        { id: "m3", title: "M3", date: "2021-09-01" },
        { id: "m4", title: "M4", date: "2021-02-01", status: "cancelled" },
      ],
    });
    const result = recordProgress(
      plan,
      { milestones: [{ action: "act", milestone: "m2", status: "done", date: "2021-03-30" }] },
      { asOf: "2021-07-01" },
    );
    expect(result.actions[0]?.milestones).toStrictEqual([
      {
        id: "m1",
        title: "M1",
        date: "2021-03-01",
        status: "overdue",
        statusDate: null,
        reason: "still planned after its date 2021-03-01",
      },
      {
        id: "m2",
        title: "M2",
        date: "2021-04-01",
        status: "done",
        statusDate: "2021-03-30",
        reason: "done (reported on 2021-03-30)",
      },
      {
        id: "m3",
        title: "M3",
        date: "2021-09-01",
        status: "planned",
        statusDate: null,
        reason: "planned (as in the plan)",
      },
      {
        id: "m4",
        title: "M4",
        date: "2021-02-01",
        status: "cancelled",
        statusDate: null,
        reason: "cancelled (as in the plan)",
      },
    ]);
    expect(result.actions[0]).toMatchObject({
      status: "late",
      reason: 'milestone "m1" missed or overdue',
      percentComplete: 100 / 3,
      percentSource: "milestones",
    });
  });

  it("leaves out milestone updates dated after asOf", () => {
    const plan = onePlan({ kpis: [], milestones: [{ id: "m1", title: "M1", date: "2021-09-01" }] });
    const result = recordProgress(
      plan,
      { milestones: [{ action: "act", milestone: "m1", status: "done", date: "2021-09-02" }] },
      { asOf: "2021-08-01" },
    );
    expect([result.actions[0]?.milestones[0]?.status, result.ignored]).toStrictEqual([
      "planned",
      { kpis: [], milestones: [0] },
    ]);
  });

  it("completes an action whose milestones are all done", () => {
    const plan = onePlan({ kpis: [], milestones: [{ id: "m1", title: "M1", date: "2021-03-01" }] });
    const result = recordProgress(
      plan,
      { milestones: [{ action: "act", milestone: "m1", status: "done" }] },
      { asOf: "2021-03-01" },
    );
    expect(result.actions[0]?.status).toBe("completed");
  });

  it("reports an action before its start as not started", () => {
    const result = recordProgress(onePlan({ start: "2021-09-01" }), {}, { asOf: "2021-06-01" });
    expect([
      result.actions[0]?.status,
      result.actions[0]?.reason,
      result.actions[0]?.kpis[0]?.expectedPercent,
    ]).toStrictEqual(["notStarted", "starts on 2021-09-01", 0]);
  });

  it("gives no percent to an action with nothing to measure, and a null summary percent", () => {
    const result = recordProgress(onePlan({ kpis: [] }), {}, { asOf: "2021-06-01" });
    expect([
      result.actions[0]?.percentComplete,
      result.actions[0]?.percentSource,
      result.summary.percentComplete,
    ]).toStrictEqual([null, null, null]);
    expect(result.actions[0]?.status).toBe("onTrack");
  });

  it("expects a KPI due on the action's start day to be done from that day", () => {
    const plan = onePlan({
      kpis: [
        { id: "users", title: "Users", unit: "users", baseline: 0, target: 1, due: "2021-01-01" },
      ],
    });
    expect(
      recordProgress(plan, {}, { asOf: "2021-01-01" }).actions[0]?.kpis[0]?.expectedPercent,
    ).toBe(100);
  });

  it("keeps percentages and expectations within bounds, whatever the values", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 800 }),
        (value, day) => {
          const asOf = new Date(Date.UTC(2020, 11, 1 + day)).toISOString().slice(0, 10);
          const result = recordProgress(onePlan(), users(value, "2020-12-01"), { asOf });
          const act = result.actions[0];
          const kpi = act?.kpis[0];
          expect(Number.isFinite(kpi?.percentComplete)).toBe(true);
          expect(kpi?.expectedPercent).toBeGreaterThanOrEqual(0);
          expect(kpi?.expectedPercent).toBeLessThanOrEqual(100);
          expect(act?.percentComplete).toBeGreaterThanOrEqual(0);
          expect(act?.percentComplete).toBeLessThanOrEqual(100);
          expect(Object.is(act?.percentComplete, -0)).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });

  describe("bad input", () => {
    const plan = onePlan({ milestones: [{ id: "m1", title: "M1", date: "2021-03-01" }] });
    const asOf = { asOf: "2021-06-01" };
    const cases: [string, () => unknown, string, (string | number)[]][] = [
      [
        "a plan that is not an object",
        () => recordProgress(null as never, {}, asOf),
        "invalid_type",
        ["plan"],
      ],
      [
        "a plan without actions",
        () => recordProgress({} as never, {}, asOf),
        "invalid_type",
        ["plan", "actions"],
      ],
      [
        "an action that is not an object",
        () => recordProgress({ ...plan, actions: [7 as never] }, {}, asOf),
        "invalid_type",
        ["plan", "actions", 0],
      ],
      [
        "updates that are not an object",
        () => recordProgress(plan, [] as never, asOf),
        "invalid_type",
        ["updates"],
      ],
      [
        "KPI updates that are not an array",
        () => recordProgress(plan, { kpis: {} as never }, asOf),
        "invalid_type",
        ["updates", "kpis"],
      ],
      [
        "milestone updates that are not an array",
        () => recordProgress(plan, { milestones: "done" as never }, asOf),
        "invalid_type",
        ["updates", "milestones"],
      ],
      [
        "an update that is not an object",
        () => recordProgress(plan, { kpis: [null as never] }, asOf),
        "invalid_type",
        ["updates", "kpis", 0],
      ],
      [
        "an unknown action",
        () => recordProgress(plan, { kpis: [{ action: "ghost", kpi: "users", value: 1 }] }, asOf),
        "unknown_reference",
        ["updates", "kpis", 0, "action"],
      ],
      [
        "an unknown KPI",
        () => recordProgress(plan, { kpis: [{ action: "act", kpi: "ghost", value: 1 }] }, asOf),
        "unknown_reference",
        ["updates", "kpis", 0, "kpi"],
      ],
      [
        "an unknown milestone",
        () =>
          recordProgress(
            plan,
            { milestones: [{ action: "act", milestone: "ghost", status: "done" }] },
            asOf,
          ),
        "unknown_reference",
        ["updates", "milestones", 0, "milestone"],
      ],
      [
        "a NaN value",
        () => recordProgress(plan, users(Number.NaN), asOf),
        "non_finite",
        ["updates", "kpis", 0, "value"],
      ],
      [
        "an infinite value",
        () => recordProgress(plan, users(-Infinity), asOf),
        "non_finite",
        ["updates", "kpis", 0, "value"],
      ],
      [
        "a value given as a string",
        () =>
          recordProgress(
            plan,
            { kpis: [{ action: "act", kpi: "users", value: "45" as never }] },
            asOf,
          ),
        "invalid_type",
        ["updates", "kpis", 0, "value"],
      ],
      [
        "an invalid update date",
        () => recordProgress(plan, users(1, "2021-02-30"), asOf),
        "invalid_date",
        ["updates", "kpis", 0, "date"],
      ],
      [
        "an unknown milestone status",
        () =>
          recordProgress(
            plan,
            { milestones: [{ action: "act", milestone: "m1", status: "finished" as never }] },
            asOf,
          ),
        "invalid_value",
        ["updates", "milestones", 0, "status"],
      ],
      [
        "a plan KPI with a NaN baseline",
        () =>
          recordProgress(
            {
              ...plan,
              actions: [
                { ...plan.actions[0]!, kpis: [{ ...plan.actions[0]!.kpis[0]!, baseline: NaN }] },
              ],
            },
            {},
            asOf,
          ),
        "non_finite",
        ["plan", "actions", 0, "kpis", 0, "baseline"],
      ],
      [
        "a plan KPI with an infinite target",
        () =>
          recordProgress(
            {
              ...plan,
              actions: [
                { ...plan.actions[0]!, kpis: [{ ...plan.actions[0]!.kpis[0]!, target: Infinity }] },
              ],
            },
            {},
            asOf,
          ),
        "non_finite",
        ["plan", "actions", 0, "kpis", 0, "target"],
      ],
      [
        "a missing asOf",
        () => recordProgress(plan, {}, {} as never),
        "invalid_type",
        ["options", "asOf"],
      ],
      [
        "an invalid asOf",
        () => recordProgress(plan, {}, { asOf: "June 2021" }),
        "invalid_date",
        ["options", "asOf"],
      ],
      [
        "options that are not an object",
        () => recordProgress(plan, {}, "2021-06-01" as never),
        "invalid_type",
        ["options"],
      ],
      [
        "a negative tolerance",
        () => recordProgress(plan, {}, { asOf: "2021-06-01", tolerance: -1 }),
        "out_of_range",
        ["options", "tolerance"],
      ],
      [
        "a NaN tolerance",
        () => recordProgress(plan, {}, { asOf: "2021-06-01", tolerance: Number.NaN }),
        "non_finite",
        ["options", "tolerance"],
      ],
    ];
    it.each(cases)("rejects %s", (_name, fn, code, path) => {
      const err = thrown(fn);
      expect(err.code).toBe(code);
      expect(err.issues[0]?.path).toStrictEqual(path);
    });
  });
});
