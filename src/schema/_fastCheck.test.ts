import { describe, expect, it } from "vitest";
import fc from "fast-check";
import * as z from "zod";
import { validReport } from "../../test/adversarial/_documents.js";
import { compileFastCheck, type FastCheck } from "./_fastCheck.js";
import { runParse } from "./_parse.js";
import { checkJsonBounds, MAX_DEPTH } from "./issues.js";
import { safeParseReport } from "./parseReport.js";
import { minimalReport } from "../../test/helpers/reports.js";
import { ReportSchema } from "./report.js";

const compiled = (s: z.core.$ZodType): FastCheck => {
  const c = compileFastCheck(s);
  if (c === null) throw new Error("not compiled");
  return c;
};
/** The full parser's verdict (bounds, version, zod). */
const slow = (input: unknown): boolean =>
  runParse(ReportSchema, input, "report", () => ({ errors: [], warnings: [] }), { versioned: true })
    .success;
const fast = compiled(ReportSchema);

type Json = unknown;
/** Every path to a value in a JSON document. */
function paths(
  v: Json,
  at: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (typeof v === "object" && v !== null)
    for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}
function parentOf(doc: Json, path: readonly (string | number)[]): Record<string | number, Json> {
  let v = doc as Record<string | number, Json>;
  for (const k of path.slice(0, -1)) v = v[k] as Record<string | number, Json>;
  return v;
}

describe("compileFastCheck on the report schema", () => {
  it("compiles, and accepts the Sofia report and a minimal report", () => {
    expect(fast(validReport())).toBe(true);
    expect(fast(minimalReport())).toBe(true);
  });

  it("agrees with the full parser on 1,000 mutations of the Sofia report (fixed seed)", () => {
    const base = validReport();
    const all = paths(base).filter((p) => p.length > 0);
    const replacement = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom<Json>(
        -0,
        0,
        1,
        -1,
        0.5,
        1.5,
        1e21,
        "",
        "x".repeat(301),
        "2021-02-30",
        "2021-02-28",
        "EUR",
        "eur",
        null,
        true,
        [],
        {},
      ),
    );
    const mutation = fc.record({
      at: fc.nat({ max: all.length - 1 }),
      how: fc.constantFrom("replace", "delete", "addKey", "duplicateItem"),
      value: replacement,
      key: fc.constantFrom("extra", "__proto__", "constructor", "id", "title"),
    });
    let accepted = 0;
    fc.assert(
      fc.property(mutation, ({ at, how, value, key }) => {
        const doc = structuredClone(base);
        const path = all[at] as (string | number)[];
        const parent = parentOf(doc, path);
        const last = path[path.length - 1] as string | number;
        if (how === "replace") parent[last] = value;
        else if (how === "delete") {
          if (Array.isArray(parent)) parent.splice(last as number, 1);
          else delete parent[last];
        } else if (how === "addKey") {
          const target = parent[last];
          if (typeof target === "object" && target !== null && !Array.isArray(target)) {
            Object.defineProperty(target, key, {
              value,
              enumerable: true,
              configurable: true,
              writable: true,
            });
          }
        } else if (Array.isArray(parent)) parent.push(structuredClone(parent[last as number]));
        const f = fast(doc);
        if (f) accepted++;
        expect(f).toBe(slow(doc));
      }),
      { numRuns: 1000, seed: 7 },
    );
    // the mutations include valid documents, so the fast path is exercised both ways
    expect(accepted).toBeGreaterThan(25);
  });

  it("returns a copy of a valid report, equal to the full parser's output", () => {
    const doc = validReport();
    const r = safeParseReport(doc);
    const full = runParse(
      ReportSchema,
      validReport(),
      "report",
      () => ({ errors: [], warnings: [] }),
      { versioned: true },
    );
    // a fresh copy, never the caller's object
    expect(r.success && r.data).not.toBe(doc);
    expect(r.success && r.data).toStrictEqual(full.success && full.data);
  });

  it("leaves an unsupported major version, a bad digest and unknown keys to the full parser", () => {
    expect(fast({ ...minimalReport(), formatVersion: "2.0" })).toBe(true); // the version is checked first
    const r = safeParseReport({ ...minimalReport(), formatVersion: "2.0" });
    expect(r.success ? [] : r.issues.map((i) => i.code)).toStrictEqual(["unsupported_version"]);
    const bad = minimalReport();
    bad.provenance.inputDigest = "sha256:xyz";
    expect(fast(bad)).toBe(false);
    expect(fast({ ...minimalReport(), extra: 1 })).toBe(false);
  });
});

describe("compileFastCheck rules", () => {
  it("refuses non-plain objects, keys holding undefined and prototype keys; ignores symbol keys as zod does", () => {
    const c = compiled(z.strictObject({ a: z.number().optional() }));
    expect(c({ a: 1 })).toBe(true);
    expect(c({})).toBe(true);
    expect(c(Object.create(null) as object)).toBe(true);
    expect(c(new Date(0))).toBe(false);
    expect(
      c(
        new (class {
          a = 1;
        })(),
      ),
    ).toBe(false);
    expect(c({ a: undefined })).toBe(false);
    expect(c({ a: 1, [Symbol("s")]: 1 })).toBe(
      z.strictObject({ a: z.number().optional() }).safeParse({ a: 1, [Symbol("s")]: 1 }).success,
    );
    expect(c(JSON.parse('{"__proto__": {"a": 1}}'))).toBe(false);
    expect(c([])).toBe(false);
    expect(c(null)).toBe(false);
  });

  it("checks numbers exactly: finite, integer, inclusive and exclusive bounds", () => {
    const c = compiled(z.number().int().gt(0).lte(10));
    expect([1, 10].map(c)).toStrictEqual([true, true]);
    expect([0, 11, 1.5, Number.NaN, Infinity, "1", 2 ** 60].map(c)).toStrictEqual(
      Array(7).fill(false),
    );
    const int = compiled(z.int());
    expect([1, 1.5].map(int)).toStrictEqual([true, false]);
    const int32 = compiled(z.int32());
    expect([1, 2 ** 40].map(int32)).toStrictEqual([true, false]);
    const open = compiled(z.number().gte(-1).lt(1));
    expect([-1, 0.99, 1, -1.01, -0].map(open)).toStrictEqual([true, true, false, false, true]);
  });

  it("checks strings, dates, enums, literals, tuples and unions", () => {
    const s = compiled(z.string().min(2).max(3).regex(/^a/));
    expect(["ab", "abc", "a", "abcd", "bb", 1].map(s)).toStrictEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    const d = compiled(z.iso.date());
    expect(["2024-02-29", "2023-02-29", "2021-2-3"].map(d)).toStrictEqual([true, false, false]);
    const e = compiled(z.enum(["x", "y"]));
    expect(["x", "z", 0].map(e)).toStrictEqual([true, false, false]);
    const l = compiled(z.literal("k"));
    expect(["k", "K"].map(l)).toStrictEqual([true, false]);
    const t = compiled(z.tuple([z.number(), z.boolean()]));
    expect([[1, true], [1], [1, true, 2], [true, 1]].map(t)).toStrictEqual([
      true,
      false,
      false,
      false,
    ]);
    const u = compiled(z.union([z.string(), z.array(z.number()).max(1)]));
    expect(["a", [1], [1, 2], [[]]].map(u)).toStrictEqual([true, true, false, false]);
  });

  it("lets zod check a leaf whose rule it does not know, and accepts it only unchanged", () => {
    const url = compiled(z.url({ protocol: /^https?$/ }).max(50));
    expect(["https://example.org/", "ftp://example.org/", "not a url"].map(url)).toStrictEqual([
      true,
      false,
      false,
    ]);
    const refined = compiled(z.string().refine((x) => x.startsWith("a")));
    expect(["ab", "b"].map(refined)).toStrictEqual([true, false]);
    const trimmed = compiled(z.string().trim());
    expect(["a", " a"].map(trimmed)).toStrictEqual([true, false]);
  });

  it("bounds JSON values by depth and refuses prototype keys and non-finite numbers in them", () => {
    const c = compiled(z.record(z.string().max(5), z.json()));
    let deep: Json = 1;
    for (let i = 0; i < MAX_DEPTH - 1; i++) deep = [deep];
    expect(c({ a: deep })).toBe(true);
    expect(c({ a: [deep] })).toBe(false);
    // the same boundary as the bounds walk of the full parser
    expect(checkJsonBounds({ a: deep })).toStrictEqual([]);
    expect(checkJsonBounds({ a: [deep] }).map((i) => i.code)).toStrictEqual(["too_deep"]);
    expect(c({ a: { b: [1, "x", null, false] } })).toBe(true);
    expect(c({ a: { constructor: 1 } })).toBe(false);
    expect(c({ a: [Infinity] })).toBe(false);
    expect(c({ toolong: 1 })).toBe(false);
  });

  it("does not compile a schema whose output can differ from its input", () => {
    expect(compileFastCheck(z.object({ a: z.number() }))).toBeNull();
    expect(
      compileFastCheck(z.strictObject({ a: z.string().transform((x) => x.length) })),
    ).toBeNull();
    expect(compileFastCheck(z.strictObject({ a: z.number() }).refine(() => true))).toBeNull();
    expect(compileFastCheck(z.array(z.number().default(1)))).toBeNull();
    expect(compileFastCheck(z.tuple([z.number()], z.string()))).toBeNull();
    expect(compileFastCheck(z.tuple([z.number(), z.number().optional()]))).toBeNull();
    expect(compileFastCheck(z.record(z.enum(["a"]), z.number()).refine(() => true))).toBeNull();
    expect(compileFastCheck(z.xor([z.string(), z.string().min(2)]))).toBeNull();
  });

  it("checks a discriminated union exactly as zod does", () => {
    const u = z.discriminatedUnion("by", [
      z.strictObject({ by: z.literal("all") }),
      z.strictObject({ by: z.literal("ids"), ids: z.array(z.string()) }),
    ]);
    const c = compiled(u);
    const cases: unknown[] = [
      { by: "all" },
      { by: "ids", ids: ["a"] },
      { by: "ids" },
      { by: "all", ids: [] },
      { by: "none" },
      {},
      null,
    ];
    for (const v of cases) expect(c(v), JSON.stringify(v)).toBe(u.safeParse(v).success);
  });
});
