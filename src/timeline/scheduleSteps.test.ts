import { describe, expect, it } from "vitest";
import { thrown } from "../../test/helpers/errors.js";
import fc from "fast-check";
import { addDaysIso } from "../_lib/dates.js";
import { scheduleSteps, type ScheduleStepInput } from "./scheduleSteps.js";

const start = "2021-03-01";

describe("scheduleSteps", () => {
  it("schedules the Sofia platform steps with a lag, and explains each one", () => {
    const result = scheduleSteps(
      [
        { id: "spec", title: "Requirements with stakeholders", duration: { months: 2 } },
        {
          id: "build",
          title: "Configure and integrate the platform",
          duration: { months: 6 },
          dependsOn: [{ step: "spec" }],
          owner: "innovative-sofia",
        },
        {
          id: "launch",
          title: "Public launch",
          duration: { months: 1 },
          dependsOn: [{ step: "build", lagDays: 14 }],
        },
      ],
      { start, milestones: [{ id: "live", title: "Platform live", afterStep: "launch" }] },
    );
    expect(result).toStrictEqual({
      method: "criticalPathMethod",
      start: "2021-03-01",
      order: ["spec", "build", "launch"],
      steps: [
        {
          id: "spec",
          title: "Requirements with stakeholders",
          owner: null,
          order: 0,
          start: "2021-03-01",
          finish: "2021-05-01",
          days: 61,
          lengthSource: "duration",
          plannedStart: null,
          slipDays: 0,
          drivenBy: null,
          latestStart: "2021-03-01",
          latestFinish: "2021-05-01",
          totalFloatDays: 0,
          critical: true,
        },
        {
          id: "build",
          title: "Configure and integrate the platform",
          owner: "innovative-sofia",
          order: 1,
          start: "2021-05-01",
          finish: "2021-11-01",
          days: 184,
          lengthSource: "duration",
          plannedStart: null,
          slipDays: 0,
          drivenBy: "spec",
          latestStart: "2021-05-01",
          latestFinish: "2021-11-01",
          totalFloatDays: 0,
          critical: true,
        },
        {
          id: "launch",
          title: "Public launch",
          owner: null,
          order: 2,
          start: "2021-11-15",
          finish: "2021-12-15",
          days: 30,
          lengthSource: "duration",
          plannedStart: null,
          slipDays: 0,
          drivenBy: "build",
          latestStart: "2021-11-15",
          latestFinish: "2021-12-15",
          totalFloatDays: 0,
          critical: true,
        },
      ],
      criticalPath: ["spec", "build", "launch"],
      span: { start: "2021-03-01", finish: "2021-12-15", days: 289 },
      milestones: [
        {
          id: "live",
          title: "Platform live",
          date: "2021-12-15",
          source: "afterStep",
          afterStep: "launch",
          reason: 'reached when step "launch" finishes on 2021-12-15',
        },
      ],
    });
  });

  it("orders independent steps by id whatever their input order (Kahn with an id tie-break)", () => {
    const steps = ["c", "a", "d", "b"].map((id) => ({ id, duration: { days: 1 } }));
    const result = scheduleSteps(steps, { start });
    expect(result.order).toStrictEqual(["a", "b", "c", "d"]);
    expect(result.steps.map((s) => s.id)).toStrictEqual(["c", "a", "d", "b"]);
    expect(result.steps.map((s) => s.order)).toStrictEqual([2, 0, 3, 1]);
    expect(result.criticalPath).toStrictEqual(["a"]);
  });

  it("starts a step on the latest of its predecessors' finishes plus lags, ties going to the smaller id", () => {
    const result = scheduleSteps(
      [
        { id: "x", duration: { days: 10 } },
        { id: "w", duration: { days: 5 } },
        {
          id: "join",
          duration: { days: 1 },
          dependsOn: [{ step: "x" }, { step: "w", lagDays: 5 }],
        },
      ],
      { start },
    );
    const join = result.steps[2];
    expect([join?.start, join?.drivenBy]).toStrictEqual(["2021-03-11", "w"]);
    expect(result.steps.map((s) => s.critical)).toStrictEqual([true, true, true]);
    expect(result.criticalPath).toStrictEqual(["w", "join"]);
  });

  it("lets a negative lag overlap a step with its predecessor", () => {
    const result = scheduleSteps(
      [
        { id: "a", duration: { days: 10 } },
        { id: "b", duration: { days: 10 }, dependsOn: [{ step: "a", lagDays: -3 }] },
      ],
      { start },
    );
    expect(result.steps.map((s) => [s.start, s.finish])).toStrictEqual([
      ["2021-03-01", "2021-03-11"],
      ["2021-03-08", "2021-03-18"],
    ]);
  });

  it("treats a step's own start as 'no earlier than', and records the slip when dependencies push it", () => {
    const result = scheduleSteps(
      [
        { id: "a", duration: { days: 20 } },
        { id: "b", start: "2021-03-10", end: "2021-03-15", dependsOn: [{ step: "a" }] },
        { id: "c", start: "2021-06-01", duration: { days: 1 }, dependsOn: [{ step: "a" }] },
      ],
      { start },
    );
    expect(
      result.steps.map((s) => [s.id, s.start, s.finish, s.lengthSource, s.slipDays, s.drivenBy]),
    ).toStrictEqual([
      ["a", "2021-03-01", "2021-03-21", "duration", 0, null],
      ["b", "2021-03-21", "2021-03-26", "startEnd", 11, "a"],
      ["c", "2021-06-01", "2021-06-02", "duration", 0, null],
    ]);
    expect(result.criticalPath).toStrictEqual(["c"]);
    // "c" waits for its own start, so "a" and "b" can slip 68 days without delaying the finish
    expect(result.steps.map((s) => s.totalFloatDays)).toStrictEqual([68, 68, 0]);
  });

  it("finishes a step given only an end on that date (a deadline)", () => {
    const result = scheduleSteps(
      [
        { id: "a", duration: { days: 5 } },
        { id: "report", end: "2021-03-31", dependsOn: [{ step: "a" }] },
      ],
      { start },
    );
    expect(result.steps[1]).toMatchObject({
      start: "2021-03-06",
      finish: "2021-03-31",
      days: 25,
      lengthSource: "end",
    });
  });

  it("computes float for a branch off the critical path", () => {
    const result = scheduleSteps(
      [
        { id: "a", duration: { days: 10 } },
        { id: "long", duration: { days: 30 }, dependsOn: [{ step: "a" }] },
        { id: "short", duration: { days: 5 }, dependsOn: [{ step: "a" }] },
        { id: "end", duration: { days: 2 }, dependsOn: [{ step: "long" }, { step: "short" }] },
      ],
      { start },
    );
    const short = result.steps[2];
    expect([
      short?.start,
      short?.latestStart,
      short?.totalFloatDays,
      short?.critical,
    ]).toStrictEqual(["2021-03-11", "2021-04-05", 25, false]);
    expect(result.criticalPath).toStrictEqual(["a", "long", "end"]);
    expect(result.span).toStrictEqual({ start: "2021-03-01", finish: "2021-04-12", days: 42 });
  });

  it("starts the span at the earliest own start, even before the schedule start", () => {
    const result = scheduleSteps([{ id: "early", start: "2021-02-01", duration: { days: 3 } }], {
      start,
    });
    expect(result.span).toStrictEqual({ start: "2021-02-01", finish: "2021-02-04", days: 3 });
  });

  it("dates milestones from their own date or their step, and says when neither is known", () => {
    const result = scheduleSteps([{ id: "a", duration: { months: 1 } }], {
      start,
      milestones: [
        { id: "m1", date: "2021-03-15", afterStep: "a" },
        { id: "m2", date: "2021-05-01" },
        { id: "m3" },
      ],
    });
    expect(result.milestones).toStrictEqual([
      {
        id: "m1",
        title: null,
        date: "2021-03-15",
        source: "date",
        afterStep: "a",
        reason: 'dated 2021-03-15; before step "a" finishes on 2021-04-01',
      },
      {
        id: "m2",
        title: null,
        date: "2021-05-01",
        source: "date",
        afterStep: null,
        reason: "dated 2021-05-01",
      },
      {
        id: "m3",
        title: null,
        date: null,
        source: null,
        afterStep: null,
        reason: "no date and no step",
      },
    ]);
  });

  it("does not mutate its input", () => {
    const steps = Object.freeze([
      Object.freeze({ id: "a", duration: Object.freeze({ days: 3 }) }),
      Object.freeze({
        id: "b",
        duration: Object.freeze({ months: 1 }),
        dependsOn: Object.freeze([Object.freeze({ step: "a", lagDays: 2 })]),
      }),
    ]);
    const options = Object.freeze({
      start,
      milestones: Object.freeze([Object.freeze({ id: "m", afterStep: "b" })]),
    });
    expect(scheduleSteps(steps, options)).toStrictEqual(scheduleSteps(steps, options));
  });

  it("handles a 10,000-step chain with branches", () => {
    const steps: ScheduleStepInput[] = Array.from({ length: 10_000 }, (_, i) => ({
      id: `s${String(i).padStart(5, "0")}`,
      duration: { days: 1 + (i % 3) },
      dependsOn: i === 0 ? [] : [{ step: `s${String(Math.floor(i / 2)).padStart(5, "0")}` }],
    }));
    const result = scheduleSteps(steps, { start: "2020-01-01" });
    expect(result.order).toHaveLength(10_000);
    expect(result.criticalPath[0]).toBe("s00000");
  });

  describe("properties", () => {
    /** A random DAG: each step depends only on steps generated before it, then the list is shuffled. */
    const dag = fc
      .array(
        fc.record({
          duration: fc.record({ months: fc.nat(3), weeks: fc.nat(2), days: fc.nat(20) }),
          preds: fc.array(fc.record({ k: fc.nat(), lag: fc.integer({ min: -10, max: 30 }) }), {
            maxLength: 3,
          }),
          ownStart: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
        }),
        { minLength: 1, maxLength: 25 },
      )
      .chain((raw) => {
        const steps: ScheduleStepInput[] = raw.map((r, i) => ({
          id: `step-${i}`,
          duration:
            r.duration.months + r.duration.weeks + r.duration.days === 0 ? { days: 1 } : r.duration,
          ...(r.ownStart === undefined ? {} : { start: addDaysIso(start, r.ownStart) }),
          dependsOn:
            i === 0
              ? []
              : [...new Map(r.preds.map((p) => [p.k % i, p.lag])).entries()].map(([k, lag]) => ({
                  step: `step-${k}`,
                  lagDays: lag,
                })),
        }));
        return fc.shuffledSubarray(steps, { minLength: steps.length, maxLength: steps.length });
      });

    it("every schedule respects every dependency, and the order is topological", () => {
      fc.assert(
        fc.property(dag, (steps) => {
          const result = scheduleSteps(steps, { start });
          const byId = new Map(result.steps.map((s) => [s.id, s]));
          const position = new Map(result.order.map((id, k) => [id, k]));
          for (const step of steps) {
            const s = byId.get(step.id);
            for (const d of step.dependsOn ?? []) {
              const pred = byId.get(d.step);
              expect(s!.start >= addDaysIso(pred!.finish, d.lagDays ?? 0)).toBe(true);
              expect(position.get(d.step)!).toBeLessThan(position.get(step.id)!);
            }
            expect(s!.start >= (step.start ?? start)).toBe(true);
          }
        }),
        { numRuns: 150 },
      );
    });

    it("floats are never negative, latest dates never precede earliest ones, the critical path has no float", () => {
      fc.assert(
        fc.property(dag, (steps) => {
          const result = scheduleSteps(steps, { start });
          for (const s of result.steps) {
            expect(s.totalFloatDays).toBeGreaterThanOrEqual(0);
            expect(s.latestStart >= s.start).toBe(true);
            expect(s.latestFinish >= s.finish).toBe(true);
            expect(s.finish <= result.span.finish && s.start >= result.span.start).toBe(true);
          }
          const byId = new Map(result.steps.map((s) => [s.id, s]));
          for (const id of result.criticalPath) expect(byId.get(id)?.critical).toBe(true);
          expect(byId.get(result.criticalPath.at(-1)!)?.finish).toBe(result.span.finish);
        }),
        { numRuns: 150 },
      );
    });

    it("does not depend on the input order", () => {
      fc.assert(
        fc.property(dag, (steps) => {
          const a = scheduleSteps(steps, { start });
          const b = scheduleSteps([...steps].reverse(), { start });
          expect(b.order).toStrictEqual(a.order);
          expect(b.criticalPath).toStrictEqual(a.criticalPath);
          expect([...b.steps].reverse()).toStrictEqual(a.steps);
        }),
        { numRuns: 100 },
      );
    });
  });

  describe("bad input", () => {
    it("names the steps of a cycle", () => {
      const err = thrown(() =>
        scheduleSteps(
          [
            { id: "c", duration: { days: 1 }, dependsOn: [{ step: "b" }] },
            { id: "a", duration: { days: 1 }, dependsOn: [{ step: "c" }] },
            { id: "b", duration: { days: 1 }, dependsOn: [{ step: "a" }] },
            { id: "after", duration: { days: 1 }, dependsOn: [{ step: "a" }] },
            { id: "free", duration: { days: 1 } },
          ],
          { start },
        ),
      );
      expect(err.code).toBe("cycle");
      expect(err.issues[0]?.path).toStrictEqual(["steps", 1, "dependsOn", 0, "step"]);
      expect(err.message).toMatchInlineSnapshot(
        `"steps must not depend on each other in a cycle, got a → b → c → a (steps[1].dependsOn[0].step)"`,
      );
    });

    it("names a step that depends on itself", () => {
      const err = thrown(() =>
        scheduleSteps([{ id: "a", duration: { days: 1 }, dependsOn: [{ step: "a" }] }], { start }),
      );
      expect([err.code, err.issues[0]?.path, err.message]).toStrictEqual([
        "cycle",
        ["steps", 0, "dependsOn", 0, "step"],
        "steps must not depend on each other in a cycle, got a → a (steps[0].dependsOn[0].step)",
      ]);
    });

    it("finds the cycle beyond a step that merely follows it", () => {
      const err = thrown(() =>
        scheduleSteps(
          [
            { id: "a", duration: { days: 1 }, dependsOn: [{ step: "z" }] },
            { id: "y", duration: { days: 1 }, dependsOn: [{ step: "z" }] },
            { id: "z", duration: { days: 1 }, dependsOn: [{ step: "y" }] },
          ],
          { start },
        ),
      );
      expect(err.message).toBe(
        "steps must not depend on each other in a cycle, got y → z → y (steps[1].dependsOn[0].step)",
      );
      expect(err.issues[0]?.path).toStrictEqual(["steps", 1, "dependsOn", 0, "step"]);
    });

    const cases: [string, () => unknown, string, (string | number)[]][] = [
      [
        "steps not an array",
        () => scheduleSteps({} as never, { start }),
        "invalid_type",
        ["steps"],
      ],
      ["no steps", () => scheduleSteps([], { start }), "empty", ["steps"]],
      [
        "options missing",
        () => scheduleSteps([{ id: "a", duration: { days: 1 } }], null as never),
        "invalid_type",
        ["options"],
      ],
      [
        "an invalid start",
        () => scheduleSteps([{ id: "a", duration: { days: 1 } }], { start: "2021-02-29" }),
        "invalid_date",
        ["options", "start"],
      ],
      [
        "a step that is not an object",
        () => scheduleSteps(["a" as never], { start }),
        "invalid_type",
        ["steps", 0],
      ],
      [
        "a duplicate step id",
        () =>
          scheduleSteps(
            [
              { id: "a", duration: { days: 1 } },
              { id: "a", duration: { days: 1 } },
            ],
            { start },
          ),
        "duplicate_id",
        ["steps", 1, "id"],
      ],
      [
        "an unknown dependency",
        () =>
          scheduleSteps([{ id: "a", duration: { days: 1 }, dependsOn: [{ step: "ghost" }] }], {
            start,
          }),
        "unknown_reference",
        ["steps", 0, "dependsOn", 0, "step"],
      ],
      [
        "dependsOn not an array",
        () =>
          scheduleSteps([{ id: "a", duration: { days: 1 }, dependsOn: "b" as never }], { start }),
        "invalid_type",
        ["steps", 0, "dependsOn"],
      ],
      [
        "a dependency that is not an object",
        () =>
          scheduleSteps([{ id: "a", duration: { days: 1 }, dependsOn: ["b" as never] }], { start }),
        "invalid_type",
        ["steps", 0, "dependsOn", 0],
      ],
      [
        "a NaN lag",
        () =>
          scheduleSteps(
            [
              { id: "a", duration: { days: 1 } },
              { id: "b", duration: { days: 1 }, dependsOn: [{ step: "a", lagDays: Number.NaN }] },
            ],
            { start },
          ),
        "non_finite",
        ["steps", 1, "dependsOn", 0, "lagDays"],
      ],
      [
        "a fractional lag",
        () =>
          scheduleSteps(
            [
              { id: "a", duration: { days: 1 } },
              { id: "b", duration: { days: 1 }, dependsOn: [{ step: "a", lagDays: 0.5 }] },
            ],
            { start },
          ),
        "invalid_value",
        ["steps", 1, "dependsOn", 0, "lagDays"],
      ],
      [
        "a negative duration",
        () => scheduleSteps([{ id: "a", duration: { weeks: -2 } }], { start }),
        "out_of_range",
        ["steps", 0, "duration", "weeks"],
      ],
      [
        "an infinite duration",
        () => scheduleSteps([{ id: "a", duration: { days: -Infinity } }], { start }),
        "out_of_range",
        ["steps", 0, "duration", "days"],
      ],
      [
        "a step with neither duration nor end",
        () => scheduleSteps([{ id: "a" }], { start }),
        "missing_field",
        ["steps", 0, "duration"],
      ],
      [
        "an end before its start",
        () => scheduleSteps([{ id: "a", start: "2021-05-02", end: "2021-05-01" }], { start }),
        "end_before_start",
        ["steps", 0, "end"],
      ],
      [
        "a deadline before the earliest start",
        () =>
          scheduleSteps(
            [
              { id: "a", duration: { months: 2 } },
              { id: "b", end: "2021-04-01", dependsOn: [{ step: "a" }] },
            ],
            { start },
          ),
        "end_before_start",
        ["steps", 1, "end"],
      ],
      [
        "an invalid step date",
        () => scheduleSteps([{ id: "a", start: "2021-04-31", duration: { days: 1 } }], { start }),
        "invalid_date",
        ["steps", 0, "start"],
      ],
      [
        "a finish past year 9999",
        () => scheduleSteps([{ id: "a", start: "9999-12-01", duration: { months: 1 } }], { start }),
        "out_of_range",
        ["steps", 0],
      ],
      [
        "a lag past year 9999",
        () =>
          scheduleSteps(
            [
              { id: "a", start: "9999-12-01", end: "9999-12-02" },
              { id: "b", end: "9999-12-31", dependsOn: [{ step: "a", lagDays: 60 }] },
            ],
            { start },
          ),
        "out_of_range",
        ["steps", 1, "dependsOn", 0, "lagDays"],
      ],
      [
        "milestones not an array",
        () =>
          scheduleSteps([{ id: "a", duration: { days: 1 } }], { start, milestones: {} as never }),
        "invalid_type",
        ["options", "milestones"],
      ],
      [
        "a milestone after an unknown step",
        () =>
          scheduleSteps([{ id: "a", duration: { days: 1 } }], {
            start,
            milestones: [{ id: "m", afterStep: "b" }],
          }),
        "unknown_reference",
        ["options", "milestones", 0, "afterStep"],
      ],
      [
        "a milestone with an invalid date",
        () =>
          scheduleSteps([{ id: "a", duration: { days: 1 } }], {
            start,
            milestones: [{ id: "m", date: "2021-1-1" }],
          }),
        "invalid_date",
        ["options", "milestones", 0, "date"],
      ],
    ];
    it.each(cases)("rejects %s", (_name, fn, code, path) => {
      const err = thrown(fn);
      expect(err.code).toBe(code);
      expect(err.issues[0]?.path).toStrictEqual(path);
    });
  });
});
