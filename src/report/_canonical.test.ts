import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { issue } from "../../test/helpers/errors.js";
import { Dec } from "../_lib/decimal.js";
import { canonicalCopy, canonicalJson } from "./_canonical.js";

describe("canonicalJson", () => {
  it("sorts keys by code units at every level and leaves out undefined members", () => {
    const v = { b: 1, a: { z: [3, { y: true, x: null }], é: "e", B: undefined, A: "a" } };
    expect(canonicalJson(v)).toBe('{"a":{"A":"a","z":[3,{"x":null,"y":true}],"é":"e"},"b":1}');
  });

  it("writes the pretty form like JSON.stringify with two spaces, on sorted keys", () => {
    const v = { b: [1, 2], a: {}, c: [], d: { e: "f" } };
    expect(canonicalJson(v, 2)).toBe(
      JSON.stringify({ a: {}, b: [1, 2], c: [], d: { e: "f" } }, null, 2),
    );
  });

  it("writes -0 as 0 and Decimals as decimal strings with at least two decimals", () => {
    expect(canonicalJson([-0, 0.1, 1e21, new Dec("125000"), new Dec("0.125")])).toBe(
      '[0,0.1,1e+21,"125000.00","0.125"]',
    );
  });

  it("refuses what is not JSON, naming the path", () => {
    expect(issue(() => canonicalJson({ a: [1, Number.NaN] }))).toStrictEqual([
      "non_finite",
      ["a", 1],
    ]);
    expect(issue(() => canonicalJson({ a: Infinity }))).toStrictEqual(["non_finite", ["a"]]);
    expect(issue(() => canonicalJson([undefined]))).toStrictEqual(["invalid_type", [0]]);
    expect(issue(() => canonicalJson({ f: () => 1 }))).toStrictEqual(["invalid_type", ["f"]]);
    expect(issue(() => canonicalJson({ n: 1n }))).toStrictEqual(["invalid_type", ["n"]]);
    expect(issue(() => canonicalJson({ d: new Date(0) }))).toStrictEqual(["invalid_type", ["d"]]);
    expect(issue(() => canonicalJson({ m: new Dec(Infinity) }))).toStrictEqual([
      "non_finite",
      ["m"],
    ]);
    const cyclic: Record<string, unknown> = {};
    cyclic["self"] = { back: cyclic };
    expect(issue(() => canonicalJson(cyclic))).toStrictEqual(["invalid_value", ["self", "back"]]);
  });

  it("accepts the same object twice when it is not a cycle", () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: [shared] })).toBe('{"a":{"x":1},"b":[{"x":1}]}');
  });

  it("accepts objects without a prototype", () => {
    const o = Object.create(null) as Record<string, unknown>;
    o["k"] = 1;
    expect(canonicalJson(o)).toBe('{"k":1}');
  });

  it("parses back to the same value and does not depend on key insertion order", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = canonicalJson(v);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(canonicalJson(JSON.parse(canonicalJson(v, 2)))).toBe(text);
        const reversed = JSON.parse(JSON.stringify(v), (_k, x: unknown) =>
          x !== null && typeof x === "object" && !Array.isArray(x)
            ? Object.fromEntries(Object.entries(x).reverse())
            : x,
        ) as unknown;
        expect(canonicalJson(reversed)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});

describe("canonicalCopy", () => {
  it("gives what JSON.parse(canonicalJson(value)) gives, as a fresh copy", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const c = canonicalCopy(v);
        expect(c).toStrictEqual(JSON.parse(canonicalJson(v)));
        expect(canonicalJson(c)).toBe(canonicalJson(v));
        if (typeof v === "object" && v !== null) expect(c).not.toBe(v);
      }),
      { numRuns: 200 },
    );
    const c = canonicalCopy({ b: [-0, new Dec("5")], a: undefined, c: { z: 1, y: 2 } }) as Record<
      string,
      Record<string, unknown>
    >;
    expect(Object.keys(c)).toStrictEqual(["b", "c"]);
    expect(Object.keys(c["c"] as object)).toStrictEqual(["y", "z"]);
    expect(Object.is((c["b"] as unknown as number[])[0], 0)).toBe(true);
    expect((c["b"] as unknown as unknown[])[1]).toBe("5.00");
  });

  it("keeps a __proto__ key as data, never as the copy's prototype", () => {
    const c = canonicalCopy(JSON.parse('{"__proto__": {"polluted": true}}')) as object;
    expect(Object.getPrototypeOf(c)).toBe(Object.prototype);
    expect(Object.keys(c)).toStrictEqual(["__proto__"]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("refuses what canonicalJson refuses, with the same paths", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic["self"] = { back: cyclic };
    for (const bad of [{ a: [1, Number.NaN] }, [undefined], { d: new Date(0) }, cyclic]) {
      expect(issue(() => canonicalCopy(bad, ["report"]))).toStrictEqual(
        issue(() => canonicalJson(bad, 0, ["report"])),
      );
    }
  });
});
