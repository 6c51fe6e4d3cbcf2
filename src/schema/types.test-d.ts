import { describe, expectTypeOf, it } from "vitest";
import type { Decimal } from "decimal.js";
import type {
  Assessment,
  AssessmentInput,
  Helix,
  Indicator,
  MaturityFramework,
  Money,
  NormaliseSpec,
  Report,
  SafeParseResult,
  Solution,
  SwotQuadrant,
} from "./index.js";
import {
  parseAssessment,
  safeParseAssessment,
  parseReport,
  defineFramework,
  toJsonSchema,
} from "./index.js";
import type { AssessmentError, ErrorCode, Issue } from "../errors/index.js";

describe("schema types", () => {
  it("gives money as Decimal in memory and as a decimal string in JSON", () => {
    expectTypeOf<Money["amount"]>().toEqualTypeOf<Decimal>();
    expectTypeOf<
      NonNullable<AssessmentInput["solutions"][number]["cost"]>["amount"]
    >().toEqualTypeOf<string>();
    expectTypeOf<NonNullable<Solution["cost"]>>().toEqualTypeOf<Money>();
  });

  it("pins closed vocabularies as unions", () => {
    expectTypeOf<Helix>().toEqualTypeOf<"public" | "business" | "academia" | "civilSociety">();
    expectTypeOf<SwotQuadrant>().toEqualTypeOf<
      "strength" | "weakness" | "opportunity" | "threat"
    >();
    expectTypeOf<Indicator["type"]>().toEqualTypeOf<
      "binary" | "likert" | "numeric" | "categorical" | "multiSelect" | "ratingGrid"
    >();
    expectTypeOf<NormaliseSpec["method"]>().toEqualTypeOf<
      | "minMax"
      | "zScore"
      | "rank"
      | "percentRank"
      | "borda"
      | "distanceToMax"
      | "distanceToReference"
      | "goalposts"
    >();
  });

  it("pins dates as strings and the boundary signatures", () => {
    expectTypeOf<Assessment["programme"]["start"]>().toEqualTypeOf<string>();
    expectTypeOf(parseAssessment).returns.toEqualTypeOf<Assessment>();
    expectTypeOf(safeParseAssessment).returns.toEqualTypeOf<SafeParseResult<Assessment>>();
    expectTypeOf(parseReport).returns.toEqualTypeOf<Report>();
    expectTypeOf(defineFramework).returns.toEqualTypeOf<MaturityFramework>();
    expectTypeOf(toJsonSchema).parameter(0).toEqualTypeOf<"assessment" | "report" | "answers">();
  });

  it("pins the error shape", () => {
    expectTypeOf<AssessmentError["issues"]>().toEqualTypeOf<readonly Issue[]>();
    expectTypeOf<Issue["path"]>().toEqualTypeOf<readonly (string | number)[]>();
    expectTypeOf<AssessmentError["code"]>().toEqualTypeOf<ErrorCode>();
    const r = safeParseAssessment({});
    if (!r.success) expectTypeOf(r.issues).toEqualTypeOf<readonly Issue[]>();
  });
});
