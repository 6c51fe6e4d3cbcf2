import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { sofiaJson } from "../../test/helpers/sofia.js";
import { AssessmentError } from "../errors/AssessmentError.js";
import { parseAssessment, safeParseAssessment } from "./parseAssessment.js";
import type { MaturityFramework } from "./framework.js";

type Json = Record<string, unknown>;

/** The issues of a failed parse (fails the test when the parse succeeds). */
function issuesOf(input: unknown, frameworks?: readonly MaturityFramework[]) {
  const r = safeParseAssessment(input, frameworks ? { frameworks } : {});
  if (r.success) throw new Error("expected the document to be rejected");
  return r.issues.map((i) => ({ code: i.code, path: i.path }));
}

type Raw = any;

function mutate(f: (doc: Raw) => void): Json {
  const doc = sofiaJson() as Raw;
  f(doc);
  return doc;
}

describe("parseAssessment", () => {
  it("accepts the Sofia example and turns money into Decimal", () => {
    const a = parseAssessment(sofiaJson());
    expect(a.city.name).toBe("Sofia");
    const cost = a.solutions[0]?.cost;
    expect(cost?.currency).toBe("EUR");
    expect(cost?.amount.toFixed(2)).toBe("180000.00");
    expect(cost?.amount.plus("0.1").toString()).toBe("180000.1");
  });

  it("accepts a minimal assessment with only the required collections", () => {
    const minimal = {
      formatVersion: "1.0",
      city: { id: "x", name: "X", country: "BG" },
      programme: { id: "p", start: "2021-01-01", end: "2022-01-01" },
      track: { id: "upskillingReskilling" },
      stakeholders: [],
      workshops: [],
      needs: [],
      solutions: [],
    };
    expect(parseAssessment(minimal).track.id).toBe("upskillingReskilling");
  });

  it("does not mutate its input", () => {
    const doc = sofiaJson();
    const copy = JSON.parse(JSON.stringify(doc)) as unknown;
    parseAssessment(doc);
    expect(doc).toStrictEqual(copy);
  });

  it("rejects a value of the wrong type with invalid_type and its path", () => {
    expect(issuesOf(mutate((d) => (d.city.population = "1280000")))).toStrictEqual([
      { code: "invalid_type", path: ["city", "population"] },
    ]);
    expect(issuesOf(42)).toStrictEqual([{ code: "invalid_type", path: [] }]);
    expect(issuesOf([])).toStrictEqual([{ code: "invalid_type", path: [] }]);
  });

  it("rejects a missing field with missing_field", () => {
    expect(issuesOf(mutate((d) => delete d.city.name))).toStrictEqual([
      { code: "missing_field", path: ["city", "name"] },
    ]);
  });

  it("rejects impossible and badly written dates", () => {
    expect(issuesOf(mutate((d) => (d.workshops[0].date = "2021-02-30")))).toStrictEqual([
      { code: "invalid_date", path: ["workshops", 0, "date"] },
    ]);
    expect(issuesOf(mutate((d) => (d.workshops[0].date = "2021-2-3")))).toStrictEqual([
      { code: "invalid_date", path: ["workshops", 0, "date"] },
    ]);
    expect(issuesOf(mutate((d) => (d.workshops[0].date = "2021-01-07T10:00:00Z")))).toStrictEqual([
      { code: "invalid_date", path: ["workshops", 0, "date"] },
    ]);
  });

  it("rejects money given as a JS number, a malformed amount or currency", () => {
    expect(issuesOf(mutate((d) => (d.solutions[0].cost.amount = 180000)))).toStrictEqual([
      { code: "invalid_money", path: ["solutions", 0, "cost", "amount"] },
    ]);
    expect(issuesOf(mutate((d) => (d.solutions[0].cost = 180000)))).toStrictEqual([
      { code: "invalid_type", path: ["solutions", 0, "cost"] },
    ]);
    expect(issuesOf(mutate((d) => (d.solutions[0].cost.amount = "1e5")))).toStrictEqual([
      { code: "invalid_money", path: ["solutions", 0, "cost", "amount"] },
    ]);
    expect(issuesOf(mutate((d) => (d.solutions[0].cost.currency = "eur")))).toStrictEqual([
      { code: "invalid_money", path: ["solutions", 0, "cost", "currency"] },
    ]);
    expect(issuesOf(mutate((d) => (d.solutions[0].cost.amount = "-5.00")))).toStrictEqual([
      { code: "invalid_money", path: ["solutions", 0, "cost", "amount"] },
    ]);
  });

  it("rejects duplicate ids with the path of the second occurrence", () => {
    const issues = issuesOf(mutate((d) => (d.stakeholders[1].id = d.stakeholders[0].id)));
    expect(issues[0]).toStrictEqual({ code: "duplicate_id", path: ["stakeholders", 1, "id"] });
  });

  it("rejects dangling references", () => {
    expect(issuesOf(mutate((d) => (d.workshops[0].participants[2] = "nobody")))).toStrictEqual([
      { code: "unknown_reference", path: ["workshops", 0, "participants", 2] },
    ]);
    expect(issuesOf(mutate((d) => (d.solutions[1].addressesNeeds = ["n-missing"])))).toStrictEqual([
      { code: "unknown_reference", path: ["solutions", 1, "addressesNeeds", 0] },
    ]);
    // the score's own cell is then missing too
    expect(issuesOf(mutate((d) => (d.scores[0].criterion = "beauty")))).toStrictEqual([
      { code: "unknown_reference", path: ["scores", 0, "criterion"] },
      { code: "missing_value", path: ["solutions", 0] },
    ]);
    expect(
      issuesOf(mutate((d) => (d.solutions[0].steps[1].dependsOn[0].step = "ghost"))),
    ).toStrictEqual([
      { code: "unknown_reference", path: ["solutions", 0, "steps", 1, "dependsOn", 0, "step"] },
    ]);
  });

  it("checks need dimensions against a framework it is given", () => {
    const framework = {
      id: "mini",
      version: "1.0",
      title: "Mini",
      provenance: "designed",
      sources: [],
      dimensions: [{ id: "eParticipation", title: "E-participation" }],
      indicators: [{ id: "q1", dimension: "eParticipation", title: "Q1", type: "binary" }],
      levels: [{ id: "all", title: "All", min: 0, max: 100 }],
    } as MaturityFramework;
    const doc = mutate((d) => {
      d.maturity = { framework: { id: "mini", version: "1.0" }, observations: [] };
    });
    const issues = issuesOf(doc, [framework]);
    // every need whose dimension is not eParticipation is reported
    expect(
      issues.every(
        (i) => i.code === "unknown_reference" && i.path[0] === "needs" && i.path[2] === "dimension",
      ),
    ).toBe(true);
    const others = (doc["needs"] as { dimension?: string }[]).filter(
      (n) => n.dimension !== undefined && n.dimension !== "eParticipation",
    );
    expect(others.length).toBeGreaterThan(0);
    expect(issues.length).toBe(others.length);
  });

  it("reports unknown keys, one issue per key", () => {
    expect(issuesOf(mutate((d) => (d.city.mayor = "someone")))).toStrictEqual([
      { code: "unknown_key", path: ["city", "mayor"] },
    ]);
  });

  it("refuses prototype keys anywhere without polluting any prototype", () => {
    const text = JSON.stringify(sofiaJson()).replace(
      '"city":{',
      '"city":{"__proto__":{"polluted":true},',
    );
    expect(issuesOf(JSON.parse(text))).toStrictEqual([
      { code: "forbidden_key", path: ["city", "__proto__"] },
    ]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(
      issuesOf(mutate((d) => (d.needs[0] = { ...d.needs[0], constructor: { prototype: {} } }))),
    ).toStrictEqual([{ code: "forbidden_key", path: ["needs", 0, "constructor"] }]);
  });

  it("rejects oversized texts and collections", () => {
    expect(issuesOf(mutate((d) => (d.needs[0].statement = "x".repeat(10_001))))).toStrictEqual([
      { code: "too_large", path: ["needs", 0, "statement"] },
    ]);
    expect(issuesOf(mutate((d) => (d.city.name = "y".repeat(301))))).toStrictEqual([
      { code: "too_large", path: ["city", "name"] },
    ]);
  });

  it("rejects NaN, Infinity and numbers written as strings", () => {
    expect(issuesOf(mutate((d) => (d.scores[0].value = Number.NaN)))).toStrictEqual([
      { code: "non_finite", path: ["scores", 0, "value"] },
    ]);
    expect(issuesOf(mutate((d) => (d.scores[0].value = Number.POSITIVE_INFINITY)))).toStrictEqual([
      { code: "non_finite", path: ["scores", 0, "value"] },
    ]);
    expect(issuesOf(mutate((d) => (d.scores[0].value = "5")))).toStrictEqual([
      { code: "invalid_type", path: ["scores", 0, "value"] },
    ]);
  });

  it("refuses an unknown major format version before reading the rest", () => {
    expect(issuesOf({ formatVersion: "2.0", anything: true })).toStrictEqual([
      { code: "unsupported_version", path: ["formatVersion"] },
    ]);
    expect(issuesOf({ formatVersion: "one" })[0]).toStrictEqual({
      code: "invalid_value",
      path: ["formatVersion"],
    });
  });

  it("accepts a later minor version of the same major", () => {
    expect(parseAssessment(mutate((d) => (d.formatVersion = "1.7"))).formatVersion).toBe("1.7");
  });

  it("rejects an end before its start", () => {
    expect(issuesOf(mutate((d) => (d.programme.end = "2019-01-01")))).toStrictEqual([
      { code: "end_before_start", path: ["programme", "end"] },
    ]);
    expect(issuesOf(mutate((d) => (d.solutions[0].end = "2021-01-01")))).toStrictEqual([
      { code: "end_before_start", path: ["solutions", 0, "end"] },
    ]);
  });

  it("requires a title for a custom track and refuses an unknown track id otherwise", () => {
    expect(issuesOf(mutate((d) => (d.track = { id: "smart-lighting" })))).toStrictEqual([
      { code: "invalid_value", path: ["track", "id"] },
    ]);
    expect(
      issuesOf(mutate((d) => (d.track = { id: "smart-lighting", custom: true }))),
    ).toStrictEqual([{ code: "missing_field", path: ["track", "title"] }]);
    expect(
      parseAssessment(
        mutate((d) => (d.track = { id: "smart-lighting", custom: true, title: "Smart lighting" })),
      ).track.custom,
    ).toBe(true);
  });

  it("refuses documents nested too deeply, without overflowing the stack", () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const issues = issuesOf(mutate((d) => (d.notes = deep)));
    expect(issues).toStrictEqual([
      { code: "too_deep", path: ["notes", ...Array.from({ length: 63 }, () => 0)] },
    ]);
  });

  it("throws an AssessmentError whose message names the field, what was expected and what was received", () => {
    expect(() =>
      parseAssessment(mutate((d) => (d.city.population = "many"))),
    ).toThrowErrorMatchingInlineSnapshot(
      `[AssessmentError: expected number, received string (numbers are never written as strings) (city.population)]`,
    );
  });

  it("throws only AssessmentError on arbitrary JSON (1,000 runs)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          parseAssessment(value);
        } catch (e) {
          return e instanceof AssessmentError && e.issues.length > 0;
        }
        return true;
      }),
      { numRuns: 1000, seed: 20210208 },
    );
  });

  it("throws only AssessmentError when parts of a valid document are replaced by arbitrary JSON", () => {
    const base = sofiaJson();
    const keys = Object.keys(base);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue(), (key, value) => {
        const doc = { ...sofiaJson(), [key]: value };
        const r = safeParseAssessment(doc);
        return r.success || (r.error instanceof AssessmentError && r.issues.length > 0);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe("safeParseAssessment", () => {
  it("returns the data on success and issues with the error on failure", () => {
    const ok = safeParseAssessment(sofiaJson());
    expect(ok.success).toBe(true);
    const bad = safeParseAssessment({});
    expect(bad.success).toBe(false);
    if (!bad.success) {
      expect(bad.error.code).toBe("invalid_document");
      expect(bad.issues.map((i) => i.path[0])).toStrictEqual([
        "formatVersion",
        "city",
        "programme",
        "track",
        "stakeholders",
        "workshops",
        "needs",
        "solutions",
      ]);
    }
  });
});

describe("safeParseAssessment on input that cannot be read", () => {
  it("returns an issue instead of throwing when a getter or a proxy throws", () => {
    const doc = sofiaJson();
    Object.defineProperty(doc, "city", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    const r = safeParseAssessment(doc);
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.issues[0]?.code).toBe("invalid_type");
      expect(r.issues[0]?.message).toContain("boom");
    }
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(safeParseAssessment(proxy).success).toBe(false);
  });
});

describe("a parsed assessment is the parser's own value", () => {
  it("is a fresh, frozen copy: changing the caller's object afterwards changes nothing", () => {
    const input = sofiaJson() as Record<string, any>;
    const a = parseAssessment(input);
    expect(a).not.toBe(input);
    expect(a.solutions).not.toBe(input["solutions"]);
    input["city"]["name"] = "Plovdiv";
    input["solutions"].length = 0;
    expect(a.city.name).toBe("Sofia");
    expect(a.solutions.length).toBeGreaterThan(0);
    expect(Object.isFrozen(a) && Object.isFrozen(a.solutions[0])).toBe(true);
    expect(() => {
      (a.city as { name: string }).name = "Plovdiv";
    }).toThrow(TypeError);
  });
});
