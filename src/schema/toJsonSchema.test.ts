import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import { sofiaJson } from "../../test/helpers/sofia.js";
import { toJsonSchema } from "./toJsonSchema.js";
import { minimalReport } from "../../test/helpers/reports.js";

function ajv() {
  const a = new Ajv2020({ strict: false, allErrors: true });
  a.addFormat("date", /^\d{4}-\d{2}-\d{2}$/);
  a.addFormat("uri", /^https?:\/\//);
  return a;
}

describe("toJsonSchema", () => {
  it("emits draft 2020-12 with a stable $id", () => {
    const s = toJsonSchema("assessment");
    expect(s["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(s["$id"]).toBe("https://cdn.jsdelivr.net/npm/icc-assessment/schema/assessment.v1.json");
  });

  it("validates the Sofia example with an independent validator (ajv)", () => {
    const validate = ajv().compile(toJsonSchema("assessment"));
    const ok = validate(sofiaJson());
    expect(validate.errors ?? []).toStrictEqual([]);
    expect(ok).toBe(true);
  });

  it("lets ajv reject what the parser rejects: money as a number, an unknown key, a bad date", () => {
    const validate = ajv().compile(toJsonSchema("assessment"));
    const doc = sofiaJson() as {
      solutions: { cost: { amount: unknown } }[];
      city: Record<string, unknown>;
      workshops: { date: string }[];
    };
    doc.solutions[0]!.cost.amount = 180000;
    expect(validate(doc)).toBe(false);
    const doc2 = sofiaJson() as typeof doc;
    doc2.city["mayor"] = "x";
    expect(validate(doc2)).toBe(false);
    const doc3 = sofiaJson() as typeof doc;
    doc3.workshops[0]!.date = "2021-02-30";
    expect(validate(doc3)).toBe(false);
  });

  it("validates a report envelope", () => {
    const validate = ajv().compile(toJsonSchema("report"));
    expect(validate(minimalReport())).toBe(true);
  });

  it("matches the schema files shipped in schema/ (re-run npm run build when this fails)", () => {
    for (const kind of ["assessment", "report"] as const) {
      const shipped = JSON.parse(
        readFileSync(new URL(`../../schema/${kind}.v1.json`, import.meta.url), "utf8"),
      ) as unknown;
      expect(shipped).toStrictEqual(toJsonSchema(kind));
    }
  });
});
