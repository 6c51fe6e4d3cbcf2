/**
 * The plan rules of validateAssessment, each planted in the otherwise valid Sofia example
 * (examples/sofia/assessment.json): what the timeline and action-plan stages would refuse with the
 * default options is refused by the parser first, with the path of the mistake and a message that
 * names what was expected and what was got.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildActionPlan } from "../../actions/buildActionPlan.js";
import { bucketByHorizon } from "../../timeline/bucketByHorizon.js";
import { sofiaJson } from "../../../test/helpers/sofia.js";
import { safeParseAssessment } from "../parseAssessment.js";
import { validateAssessment } from "../validateAssessment.js";

type Doc = any;

function plant(change: (doc: Doc) => void, file?: string) {
  const doc = sofiaJson(file) as Doc;
  change(doc);
  return validateAssessment(doc);
}

/** The errors as `[code, path]`, for comparing with what is expected. */
function codes(r: ReturnType<typeof validateAssessment>): [string, readonly unknown[]][] {
  return r.errors.map((e) => [e.code, e.path]);
}

/** The one error (the test fails when there is not exactly one). */
function only(r: ReturnType<typeof validateAssessment>) {
  expect(r.errors, JSON.stringify(r.errors, null, 1)).toHaveLength(1);
  return r.errors[0] as { code: string; path: readonly unknown[]; message: string };
}

describe("checkPlan", () => {
  it("accepts both Sofia examples", () => {
    for (const file of ["assessment.json", "assessment-2022.json"]) {
      expect(plant(() => undefined, file).errors).toStrictEqual([]);
    }
  });

  describe("end and duration", () => {
    it("refuses a solution whose end and duration disagree, giving both dates", () => {
      // sol-platform starts 2021-03-01 and ends 2022-03-31; 5 months from its start is 2021-08-01
      const e = only(plant((d) => (d.solutions[0].duration = { months: 5 })));
      expect([e.code, e.path]).toStrictEqual(["duration_mismatch", ["solutions", 0, "duration"]]);
      expect(e.message).toBe(
        "duration 5 months from its start 2021-03-01 ends on 2021-08-01, but end is 2022-03-31: give the end or the duration, or make them agree",
      );
    });

    it("accepts an end and a duration that agree", () => {
      // sol-sofia-chooses: 2021-03-01 + 5 months = 2021-08-01
      expect(plant((d) => (d.solutions[1].end = "2021-08-01")).errors).toStrictEqual([]);
    });

    it("measures the duration of an action without a start from the plan start", () => {
      const r = plant((d) => {
        delete d.actions[2].start; // act-data-policy: 4 months
        d.actions[2].end = "2021-08-01";
      });
      const e = only(r);
      expect([e.code, e.path]).toStrictEqual(["duration_mismatch", ["actions", 2, "duration"]]);
      expect(e.message).toContain("the plan start 2021-02-08 (plan.start");
      expect(e.message).toContain("ends on 2021-06-08, but end is 2021-08-01");
      const agree = plant((d) => {
        delete d.actions[2].start;
        d.actions[2].end = "2021-06-08";
      });
      expect(agree.errors).toStrictEqual([]);
    });

    it("uses the programme start when the plan has none", () => {
      const e = only(
        plant((d) => {
          delete d.plan.start;
          delete d.actions[2].start;
          d.actions[2].end = "2021-06-08";
        }),
      );
      expect(e.message).toContain("the plan start 2020-09-28 (programme.start");
      expect(e.message).toContain("ends on 2021-01-28");
    });

    it("refuses a step whose own start, end and duration disagree", () => {
      const e = only(
        plant((d) =>
          Object.assign(d.solutions[0].steps[0], {
            start: "2021-03-01",
            end: "2021-04-01",
            duration: { months: 2 },
          }),
        ),
      );
      expect([e.code, e.path]).toStrictEqual([
        "duration_mismatch",
        ["solutions", 0, "steps", 0, "duration"],
      ]);
      expect(e.message).toContain('step "spec"');
      expect(e.message).toContain("ends on 2021-05-01, but its end is 2021-04-01");
    });
  });

  describe("horizons", () => {
    it("refuses an end before the plan start for an item without a start of its own", () => {
      // sol-chatbot has no dates: it would start on the plan start, after its end
      const e = only(plant((d) => (d.solutions[6].end = "2021-01-31")));
      expect([e.code, e.path]).toStrictEqual(["end_before_start", ["solutions", 6, "end"]]);
      expect(e.message).toContain(
        "end 2021-01-31 is before the plan start 2021-02-08 (plan.start)",
      );
    });

    it("refuses a duration that ends past 9999-12-31", () => {
      const e = only(
        plant((d) => {
          d.solutions[1].start = "9999-10-01";
          d.solutions[1].duration = { months: 5 };
        }),
      );
      expect([e.code, e.path]).toStrictEqual(["out_of_range", ["solutions", 1, "duration"]]);
      expect(e.message).toContain("9999-12-31");
    });

    it("refuses a plan start too late for the 15-month horizon, from the plan or the programme", () => {
      const e = only(plant((d) => (d.plan.start = "9999-01-01")));
      expect([e.code, e.path]).toStrictEqual(["out_of_range", ["plan", "start"]]);
      expect(e.message).toContain("start + 15 months must fall on or before 9999-12-31");
      const p = only(
        plant((d) => {
          delete d.plan.start;
          d.programme = { ...d.programme, start: "9999-01-01", end: "9999-12-31" };
        }),
      );
      expect([p.code, p.path]).toStrictEqual(["out_of_range", ["programme", "start"]]);
    });
  });

  describe("steps", () => {
    it("refuses steps whose dependencies form a cycle, naming the cycle", () => {
      // spec → build → launch; make spec depend on launch
      const e = only(plant((d) => (d.solutions[0].steps[0].dependsOn = [{ step: "launch" }])));
      expect([e.code, e.path]).toStrictEqual([
        "cycle",
        ["solutions", 0, "steps", 1, "dependsOn", 0, "step"],
      ]);
      expect(e.message).toBe(
        "steps must not depend on each other in a cycle, got build → launch → spec → build",
      );
    });

    it("refuses a step that depends on itself", () => {
      const e = only(plant((d) => (d.actions[0].steps[0].dependsOn = [{ step: "select" }])));
      expect([e.code, e.path]).toStrictEqual([
        "cycle",
        ["actions", 0, "steps", 0, "dependsOn", 0, "step"],
      ]);
      expect(e.message).toContain("select → select");
    });

    it("reports each cycle once, in every list", () => {
      const r = plant((d) => {
        d.solutions[2].steps[0].dependsOn = [{ step: "policy" }]; // inventory ⇄ policy
        d.solutions[2].steps.push(
          { id: "x", title: "X", duration: { days: 1 }, dependsOn: [{ step: "y" }] },
          { id: "y", title: "Y", duration: { days: 1 }, dependsOn: [{ step: "x" }] },
        );
        d.actions[1].steps[1].dependsOn.push({ step: "launch" }); // build ⇄ launch
      });
      expect(codes(r)).toStrictEqual([
        ["cycle", ["solutions", 2, "steps", 0, "dependsOn", 0, "step"]],
        ["cycle", ["solutions", 2, "steps", 3, "dependsOn", 0, "step"]],
        ["cycle", ["actions", 1, "steps", 1, "dependsOn", 1, "step"]],
      ]);
      expect(r.errors.map((e) => e.message.slice(e.message.indexOf("got ")))).toStrictEqual([
        "got inventory → policy → inventory",
        "got x → y → x",
        "got build → launch → build",
      ]);
    });

    it("refuses a step with neither a duration nor an end", () => {
      const e = only(plant((d) => delete d.actions[1].steps[0].duration));
      expect([e.code, e.path]).toStrictEqual([
        "missing_field",
        ["actions", 1, "steps", 0, "duration"],
      ]);
      expect(e.message).toBe('step "spec" needs a duration or an end date, got neither');
    });

    it("refuses a deadline its step cannot meet, naming the step that holds it up", () => {
      // act-consultation-pilot starts 2021-03-01; "select" (1 month) finishes 2021-04-01
      const e = only(
        plant((d) => {
          delete d.actions[0].steps[1].duration;
          d.actions[0].steps[1].end = "2021-03-15";
        }),
      );
      expect([e.code, e.path]).toStrictEqual([
        "end_before_start",
        ["actions", 0, "steps", 1, "end"],
      ]);
      expect(e.message).toBe(
        'step "pilot" must be complete by its end 2021-03-15, but it cannot start before 2021-04-01 (after step "select" finishes): give it a later end, or a duration instead',
      );
    });

    it("refuses steps that finish before the action they set the end of starts", () => {
      const e = only(
        plant((d) => {
          // act-consultation-pilot (from 2021-03-01) has no end and no duration: its steps end it
          Object.assign(d.actions[0].steps[0], { start: "2021-01-04", end: "2021-01-29" });
          Object.assign(d.actions[0].steps[1], { start: "2021-02-01", end: "2021-02-26" });
          delete d.actions[0].steps[0].duration;
          delete d.actions[0].steps[1].duration;
        }),
      );
      expect([e.code, e.path]).toStrictEqual(["end_before_start", ["actions", 0, "steps"]]);
      expect(e.message).toContain(
        "the steps finish on 2021-02-26, before the action starts on 2021-03-01",
      );
    });

    it("refuses a schedule that runs past 9999-12-31", () => {
      const e = only(
        plant((d) => {
          d.solutions[0].start = "9999-06-01";
          d.solutions[0].end = "9999-12-31";
        }),
      );
      // spec (2 months) ends 9999-08-01; build (6 months) would end in year 10000
      expect([e.code, e.path]).toStrictEqual(["out_of_range", ["solutions", 0, "steps", 1]]);
      expect(e.message).toContain('step "build" would finish after 9999-12-31');
    });

    it("refuses a milestone after a step of an action without steps (reference rules)", () => {
      const r = plant((d) => delete d.actions[0].steps);
      expect(codes(r)).toStrictEqual([
        ["unknown_reference", ["actions", 0, "milestones", 1, "afterStep"]],
      ]);
    });
  });

  describe("currencies", () => {
    it("refuses a funding amount in USD on a solution costed in EUR", () => {
      const e = only(plant((d) => (d.solutions[0].funding[0].amount.currency = "USD")));
      expect([e.code, e.path]).toStrictEqual([
        "currency_mismatch",
        ["solutions", 0, "funding", 0, "amount", "currency"],
      ]);
      expect(e.message).toBe(
        "funding amount is in USD, but the plan's other amounts are in EUR (first at plan.budget): the action plan adds up costs, funding and the budget, and never adds two currencies without exchange rates; give every amount in EUR",
      );
    });

    it("points at the odd amount, not at the others, whatever comes first", () => {
      const r = plant((d) => {
        delete d.plan.budget;
        d.solutions[0].cost.currency = "BGN";
        d.actions[3].funding[1].amount.currency = "BGN";
      });
      expect(codes(r)).toStrictEqual([
        ["currency_mismatch", ["solutions", 0, "cost", "currency"]],
        ["currency_mismatch", ["actions", 3, "funding", 1, "amount", "currency"]],
      ]);
      expect(r.errors[0]?.message).toContain(
        "other amounts are in EUR (first at solutions[0].funding[0].amount)",
      );
    });

    it("refuses a plan budget in another currency than the amounts", () => {
      const e = only(plant((d) => (d.plan.budget.currency = "BGN")));
      expect([e.code, e.path]).toStrictEqual(["currency_mismatch", ["plan", "budget", "currency"]]);
      expect(e.message).toContain("the plan budget is in BGN");
    });

    it("counts the resources' costs of an item only when it has no cost", () => {
      // sol-platform is costed: its resources' costs are not added up
      expect(
        plant((d) => (d.solutions[0].resources[1].cost.currency = "USD")).errors,
      ).toStrictEqual([]);
      const e = only(
        plant((d) => {
          delete d.solutions[0].cost;
          d.solutions[0].resources[1].cost.currency = "USD";
        }),
      );
      expect([e.code, e.path]).toStrictEqual([
        "currency_mismatch",
        ["solutions", 0, "resources", 1, "cost", "currency"],
      ]);
      expect(e.message).toContain("resource cost (the solution has no cost");
    });
  });

  describe("totals", () => {
    const huge = (d: Doc, amount: string) => {
      for (const a of d.actions) if (a.cost) a.cost.amount = amount;
    };
    it("refuses costs whose total passes 15 integer digits, at the amount that passes it", () => {
      const r = plant((d) => huge(d, "999999999999999"));
      const e = only(r);
      expect(e.code).toBe("out_of_range");
      expect(e.path).toStrictEqual(["actions", 1, "cost"]);
      expect(e.message).toContain("total costs reach 10^15");
    });

    it("refuses funding whose total passes 15 integer digits, at the funding that passes it", () => {
      const r = plant((d) => {
        for (const x of [...d.solutions, ...d.actions])
          for (const f of x.funding ?? []) f.amount.amount = "600000000000000";
      });
      const e = only(r);
      expect(e.code).toBe("out_of_range");
      expect(e.path.at(-1)).toBe("funding");
      expect(e.message).toContain("total funding reach 10^15");
    });

    it("adds up the resources' costs of an item without a cost, and not a solution's that has actions", () => {
      const r = plant((d) => {
        const solo = d.solutions.find((s: Doc) => !d.actions.some((a: Doc) => a.solution === s.id));
        delete solo.cost;
        solo.resources = [
          {
            kind: "budget",
            description: "a",
            cost: { amount: "600000000000000", currency: "EUR" },
          },
          {
            kind: "budget",
            description: "b",
            cost: { amount: "600000000000000", currency: "EUR" },
          },
        ];
        // a solution carried by actions: its own cost is not added again
        const led = d.solutions.find((s: Doc) => d.actions.some((a: Doc) => a.solution === s.id));
        led.cost = { amount: "999999999999999", currency: "EUR" };
      });
      const e = only(r);
      expect(e.path.slice(0, 1)).toStrictEqual(["solutions"]);
      expect(e.path.at(-1)).toBe("resources");
    });

    it("accepts a total just below the limit, and createReport then writes it", async () => {
      const { createReport } = await import("../../report/createReport.js");
      const doc = sofiaJson() as Doc;
      const costed = (doc.actions as Doc[]).filter((a) => a.cost);
      costed.forEach((a, i) => (a.cost.amount = i === 0 ? "999999990000000" : "1"));
      const r = safeParseAssessment(doc);
      expect(r.success).toBe(true);
      if (r.success)
        expect(() =>
          createReport(r.data, { generatedAt: "2021-02-15", stability: false }),
        ).not.toThrow();
    });
  });

  describe("the plan", () => {
    it("refuses plan.selected naming a solution twice", () => {
      const e = only(plant((d) => d.plan.selected.push("sol-platform")));
      expect([e.code, e.path]).toStrictEqual(["duplicate_id", ["plan", "selected", 5]]);
      expect(e.message).toContain('"sol-platform" again (first at plan.selected[0])');
    });

    it("refuses an action id taken by the action derived from a solution without actions", () => {
      const e = only(plant((d) => (d.actions[0].id = "sol-info-points")));
      expect([e.code, e.path]).toStrictEqual(["duplicate_id", ["actions", 0, "id"]]);
      expect(e.message).toContain("solutions[5], which has no actions");
    });

    it("reports every plan mistake at once", () => {
      const r = plant((d) => {
        d.solutions[0].duration = { months: 5 };
        d.solutions[0].steps[0].dependsOn = [{ step: "launch" }];
        d.solutions[0].funding[0].amount.currency = "USD";
        d.plan.selected.push("sol-platform");
      });
      expect(codes(r).map(([code]) => code)).toStrictEqual([
        "duplicate_id",
        "duration_mismatch",
        "cycle",
        "currency_mismatch",
      ]);
    });
  });

  it("accepts nothing the timeline or the action plan would then refuse (planted at random)", () => {
    const dates = fc.constantFrom(
      "2020-01-15",
      "2021-01-31",
      "2021-02-08",
      "2021-03-01",
      "2021-06-30",
      "2022-12-31",
      "0000-01-01",
      "9998-11-30",
      "9999-12-31",
    );
    const durations = fc.constantFrom(
      { months: 1 },
      { months: 5 },
      { weeks: 2, days: 3 },
      { days: 100_000 },
      { months: 100_000 },
    );
    const items = (d: Doc): Doc[] => [...d.solutions, ...d.actions];
    const steps = (d: Doc): [Doc, Doc][] =>
      items(d).flatMap((x) => (x.steps ?? []).map((s: Doc) => [x, s]));
    const at = <T>(xs: readonly T[], k: number): T => xs[k % xs.length] as T;
    const mistakes: fc.Arbitrary<(d: Doc) => void>[] = [
      fc.tuple(fc.nat(), dates).map(
        ([k, v]) =>
          (d: Doc) =>
            (at(items(d), k).start = v),
      ),
      fc.tuple(fc.nat(), dates).map(
        ([k, v]) =>
          (d: Doc) =>
            (at(items(d), k).end = v),
      ),
      fc.tuple(fc.nat(), durations).map(
        ([k, v]) =>
          (d: Doc) =>
            (at(items(d), k).duration = v),
      ),
      fc.tuple(fc.nat(), fc.constantFrom("start", "end", "duration")).map(
        ([k, v]) =>
          (d: Doc) =>
            delete at(items(d), k)[v],
      ),
      fc.tuple(fc.nat(), dates).map(
        ([k, v]) =>
          (d: Doc) =>
            (at(steps(d), k)[1].end = v),
      ),
      fc.tuple(fc.nat(), dates).map(
        ([k, v]) =>
          (d: Doc) =>
            (at(steps(d), k)[1].start = v),
      ),
      fc.tuple(fc.nat(), fc.constantFrom("duration", "dependsOn")).map(
        ([k, v]) =>
          (d: Doc) =>
            delete at(steps(d), k)[1][v],
      ),
      fc
        .tuple(fc.nat(), fc.nat(), fc.integer({ min: -3650, max: 3650 }))
        .map(([k, j, lag]) => (d: Doc) => {
          const [item, step] = at(steps(d), k);
          const other = at(item.steps as Doc[], j);
          step.dependsOn = [...(step.dependsOn ?? []), { step: other.id, lagDays: lag }];
        }),
      dates.map((v) => (d: Doc) => (d.plan.start = v)),
      fc.tuple(fc.nat(), fc.constantFrom("USD", "BGN")).map(([k, v]) => (d: Doc) => {
        const x = at(items(d), k);
        if (x.cost !== undefined) x.cost.currency = v;
        else if (x.funding?.[0] !== undefined) x.funding[0].amount.currency = v;
      }),
    ];
    fc.assert(
      fc.property(
        fc.constantFrom("assessment.json", "assessment-2022.json"),
        fc.array(fc.oneof(...mistakes), { minLength: 1, maxLength: 3 }),
        (file, planted) => {
          const d = sofiaJson(file) as Doc;
          for (const p of planted) p(d);
          const r = safeParseAssessment(d);
          if (!r.success) return;
          const a = r.data;
          // createReport's horizons section, and its action plan with the default options
          bucketByHorizon(
            a.solutions.map((s) => ({
              id: s.id,
              start: s.start,
              end: s.end,
              duration: s.duration,
            })),
            { start: a.plan?.start ?? a.programme.start },
          );
          const selected = a.plan?.selected ?? [];
          if (selected.length > 0) buildActionPlan(a, selected);
          buildActionPlan(
            a,
            a.solutions.map((s) => s.id),
          );
        },
      ),
      { numRuns: 100, seed: 20210208 },
    );
  });
});
