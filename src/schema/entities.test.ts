import { describe, expect, it } from "vitest";
import type * as z from "zod/mini";
import { checkJsonBounds, fromZodIssues } from "./issues.js";
import {
  ActionSchema,
  BallotSchema,
  CitySchema,
  CriterionSchema,
  KpiSchema,
  MilestoneSchema,
  NeedSchema,
  ObservationSchema,
  ProgrammeSchema,
  ResourceSchema,
  RiskSchema,
  ScoreSchema,
  SolutionSchema,
  StakeholderSchema,
  StepSchema,
  SwotItemSchema,
  TrackSchema,
  WorkshopSchema,
} from "./entities.js";
import { DurationSchema, MoneySchema } from "./common.js";
import { MaturityFrameworkSchema } from "./framework.js";

/** Issues the way the parse boundary reports them: bounds first, then the schema. */
function issues(schema: z.ZodMiniType, input: unknown) {
  const bounds = checkJsonBounds(input);
  if (bounds.length > 0) return bounds.map((i) => ({ code: i.code, path: i.path }));
  const r = schema.safeParse(input, { reportInput: true });
  return r.success
    ? []
    : fromZodIssues(r.error.issues).map((i) => ({ code: i.code, path: i.path }));
}

interface Case {
  readonly schema: z.ZodMiniType;
  readonly valid: Record<string, unknown>;
  /** A required string field, used for the missing-field, wrong-type and oversized-text cases. */
  readonly text: string;
  readonly textMax: number;
}

const money = { amount: "1000.00", currency: "EUR" };
const cases: Record<string, Case> = {
  City: {
    schema: CitySchema,
    valid: { id: "sofia", name: "Sofia", country: "BG", population: 1 },
    text: "name",
    textMax: 300,
  },
  Programme: {
    schema: ProgrammeSchema,
    valid: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
    text: "id",
    textMax: 100,
  },
  Track: {
    schema: TrackSchema,
    valid: { id: "custom-x", title: "Custom", custom: true },
    text: "id",
    textMax: 100,
  },
  Stakeholder: {
    schema: StakeholderSchema,
    valid: { id: "bait", name: "BAIT", helix: "business", kind: "association" },
    text: "name",
    textMax: 300,
  },
  Workshop: {
    schema: WorkshopSchema,
    valid: { id: "w", kind: "needsAssessment", date: "2021-01-07", participants: ["a"] },
    text: "id",
    textMax: 100,
  },
  Need: {
    schema: NeedSchema,
    valid: { id: "n", statement: "We need data", raisedBy: ["a"], votes: 3 },
    text: "statement",
    textMax: 10_000,
  },
  SwotItem: {
    schema: SwotItemSchema,
    valid: { id: "s", quadrant: "strength", text: "Strong ecosystem", weight: 0.5, rating: 4 },
    text: "text",
    textMax: 10_000,
  },
  Observation: {
    schema: ObservationSchema,
    valid: { unit: "sofia", indicator: "q1", value: 3 },
    text: "unit",
    textMax: 100,
  },
  Resource: {
    schema: ResourceSchema,
    valid: { kind: "budget", description: "Development", cost: money },
    text: "description",
    textMax: 10_000,
  },
  Step: {
    schema: StepSchema,
    valid: {
      id: "s1",
      title: "Specify",
      duration: { months: 2 },
      dependsOn: [{ step: "s0", lagDays: 3 }],
    },
    text: "title",
    textMax: 300,
  },
  Milestone: {
    schema: MilestoneSchema,
    valid: { id: "m", title: "Launch", date: "2021-06-01", status: "planned" },
    text: "title",
    textMax: 300,
  },
  Kpi: {
    schema: KpiSchema,
    valid: { id: "k", title: "Users", unit: "users", baseline: 0, target: 100, due: "2022-01-01" },
    text: "unit",
    textMax: 300,
  },
  Risk: {
    schema: RiskSchema,
    valid: { id: "r", title: "Low adoption", likelihood: 3, impact: 4 },
    text: "title",
    textMax: 300,
  },
  Solution: {
    schema: SolutionSchema,
    valid: {
      id: "sol",
      title: "Platform",
      readiness: "concept",
      cost: money,
      duration: { months: 6 },
    },
    text: "title",
    textMax: 300,
  },
  Criterion: {
    schema: CriterionSchema,
    valid: { id: "c", title: "Impact", kind: "benefit", weight: 0.4 },
    text: "title",
    textMax: 300,
  },
  Score: {
    schema: ScoreSchema,
    valid: { solution: "sol", criterion: "c", value: 4 },
    text: "solution",
    textMax: 100,
  },
  Ballot: {
    schema: BallotSchema,
    valid: { id: "b", voter: "v", ranking: ["a", "b"] },
    text: "voter",
    textMax: 100,
  },
  Action: {
    schema: ActionSchema,
    valid: { id: "a", solution: "sol", title: "Build", cost: money },
    text: "title",
    textMax: 300,
  },
  MaturityFramework: {
    schema: MaturityFrameworkSchema,
    valid: {
      id: "f",
      version: "1.0",
      title: "F",
      provenance: "designed",
      sources: [],
      dimensions: [{ id: "d", title: "D" }],
      indicators: [{ id: "q", dimension: "d", title: "Q", type: "binary" }],
      levels: [{ id: "l", title: "L", min: 0, max: 100 }],
    },
    text: "title",
    textMax: 300,
  },
};

describe("entity schemas", () => {
  for (const [name, c] of Object.entries(cases)) {
    describe(name, () => {
      it("accepts a valid value", () => {
        expect(issues(c.schema, c.valid)).toStrictEqual([]);
      });
      it("rejects a value of the wrong type", () => {
        expect(issues(c.schema, { ...c.valid, [c.text]: 42 })).toStrictEqual([
          { code: "invalid_type", path: [c.text] },
        ]);
        expect(issues(c.schema, "text")).toStrictEqual([{ code: "invalid_type", path: [] }]);
      });
      it("rejects a missing field", () => {
        const v: Record<string, unknown> = { ...c.valid };
        delete v[c.text];
        expect(issues(c.schema, v)).toStrictEqual([{ code: "missing_field", path: [c.text] }]);
      });
      it("reports an unknown key", () => {
        expect(issues(c.schema, { ...c.valid, surprise: 1 })).toStrictEqual([
          { code: "unknown_key", path: ["surprise"] },
        ]);
      });
      it("refuses prototype keys", () => {
        const v = JSON.parse(`{"__proto__": {"x": 1}, "constructor": 1}`) as Record<
          string,
          unknown
        >;
        expect(issues(c.schema, { ...c.valid, ...v })).toStrictEqual([
          { code: "forbidden_key", path: ["__proto__"] },
          { code: "forbidden_key", path: ["constructor"] },
        ]);
      });
      it("rejects an oversized text", () => {
        expect(issues(c.schema, { ...c.valid, [c.text]: "x".repeat(c.textMax + 1) })).toStrictEqual(
          [{ code: "too_large", path: [c.text] }],
        );
      });
    });
  }

  it("checks dates, money and durations inside entities", () => {
    expect(
      issues(WorkshopSchema, { ...cases["Workshop"]!.valid, date: "2021-13-01" }),
    ).toStrictEqual([{ code: "invalid_date", path: ["date"] }]);
    expect(issues(MoneySchema, { amount: 1000, currency: "EUR" })).toStrictEqual([
      { code: "invalid_money", path: ["amount"] },
    ]);
    expect(issues(MoneySchema, { amount: "1,000.00", currency: "EUR" })).toStrictEqual([
      { code: "invalid_money", path: ["amount"] },
    ]);
    expect(issues(MoneySchema, { amount: "10.00", currency: "EURO" })).toStrictEqual([
      { code: "invalid_money", path: ["currency"] },
    ]);
    expect(issues(DurationSchema, {})).toStrictEqual([{ code: "invalid_value", path: [] }]);
    expect(issues(DurationSchema, { months: 1.5 })).toStrictEqual([
      { code: "invalid_type", path: ["months"] },
    ]);
    expect(issues(DurationSchema, { days: -1 })).toStrictEqual([
      { code: "out_of_range", path: ["days"] },
    ]);
    expect(issues(RiskSchema, { ...cases["Risk"]!.valid, impact: 6 })).toStrictEqual([
      { code: "out_of_range", path: ["impact"] },
    ]);
    expect(issues(SwotItemSchema, { ...cases["SwotItem"]!.valid, quadrant: "hope" })).toStrictEqual(
      [{ code: "invalid_value", path: ["quadrant"] }],
    );
  });
});
