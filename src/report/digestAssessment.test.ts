import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sofiaJson } from "../../test/helpers/sofia.js";
import { AssessmentError } from "../errors/AssessmentError.js";
import { parseAssessment } from "../schema/parseAssessment.js";
import { digestAssessment } from "./digestAssessment.js";

describe("digestAssessment", () => {
  it("is the SHA-256 of the canonical JSON (checked against node:crypto)", () => {
    const a = parseAssessment(sofiaJson());
    const canonical = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(canonical)
        : v !== null && typeof v === "object" && !("toFixed" in v)
          ? Object.fromEntries(
              Object.keys(v)
                .sort()
                .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
            )
          : v !== null && typeof v === "object"
            ? (v as { toFixed: (n: number) => string }).toFixed(2)
            : v;
    const text = JSON.stringify(canonical(a));
    expect(digestAssessment(a)).toBe(
      `sha256:${createHash("sha256").update(text, "utf8").digest("hex")}`,
    );
  });

  it("does not depend on key order or on how an amount is written, but on any content change", () => {
    const json = sofiaJson();
    const digest = digestAssessment(parseAssessment(json));
    const solutions = json["solutions"] as { cost?: { amount: string } }[];
    (solutions[0] as { cost: { amount: string } }).cost.amount = "180000";
    expect(digestAssessment(parseAssessment(json))).toBe(digest);
    (solutions[0] as { cost: { amount: string } }).cost.amount = "180000.01";
    expect(digestAssessment(parseAssessment(json))).not.toBe(digest);
  });

  it("refuses values that are not JSON, with their path", () => {
    try {
      digestAssessment({ city: { population: Number.NaN } } as never);
      throw new Error("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(AssessmentError);
      expect((e as AssessmentError).code).toBe("non_finite");
      expect((e as AssessmentError).issues[0]?.path).toStrictEqual([
        "assessment",
        "city",
        "population",
      ]);
    }
  });
});
