import { describe, expect, it } from "vitest";
import { thrown } from "../../test/helpers/errors.js";
import { AssessmentError } from "../errors/AssessmentError.js";
import {
  assertArray,
  assertArrayAt,
  assertFinite,
  assertFiniteAt,
  assertIds,
  assertList,
  assertOneOf,
  assertOneOfAt,
  assertRecord,
  assertString,
  checkRecord,
  failAt,
  isRecord,
  remapErrors,
} from "./assert.js";

describe("failAt", () => {
  it("appends the formatted path to the message", () => {
    const e = thrown(() =>
      failAt("out_of_range", ["items", 3, "rating"], "rating must be between 1 and 4, got 5"),
    );
    expect(e.issues).toStrictEqual([
      {
        code: "out_of_range",
        path: ["items", 3, "rating"],
        message: "rating must be between 1 and 4, got 5 (items[3].rating)",
      },
    ]);
  });
});

describe("shape assertions", () => {
  it("accept well-formed values", () => {
    expect(() => assertRecord({}, ["x"], "x")).not.toThrow();
    const rec = { a: 1 };
    expect(checkRecord(rec, ["x"], "x")).toBe(rec);
    expect([isRecord({}), isRecord([]), isRecord(null), isRecord("a")]).toStrictEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(assertList([1], ["x"], "x")).toStrictEqual([1]);
    expect(() => assertString("a", ["x"], "x", { nonEmpty: true })).not.toThrow();
    expect(() => assertFiniteAt(0, ["x"], "x")).not.toThrow();
    expect(assertIds(["a", "b"], ["x"], "x")).toStrictEqual(["a", "b"]);
  });

  it("reject values of the wrong type with the path", () => {
    expect(thrown(() => assertRecord([], ["a"], "a")).code).toBe("invalid_type");
    expect(thrown(() => assertRecord(null, ["a"], "a")).code).toBe("invalid_type");
    expect(thrown(() => checkRecord([], ["a"], "a")).issues[0]?.message).toBe(
      "a must be an object, got an array of length 0 (a)",
    );
    expect(thrown(() => assertList({}, ["a"], "a")).code).toBe("invalid_type");
    expect(thrown(() => assertString(1, ["a"], "a")).code).toBe("invalid_type");
    expect(thrown(() => assertString(" ", ["a"], "a", { nonEmpty: true })).code).toBe(
      "invalid_value",
    );
    expect(thrown(() => assertFiniteAt("1", ["a"], "a")).code).toBe("invalid_type");
    expect(thrown(() => assertFiniteAt(Number.NaN, ["a"], "a")).code).toBe("non_finite");
    expect(thrown(() => assertFiniteAt(-Infinity, ["a"], "a")).code).toBe("non_finite");
  });

  it("reject repeated or empty ids", () => {
    const dup = thrown(() => assertIds(["a", "a"], ["ids"], "ids"));
    expect([dup.code, dup.issues[0]?.path]).toStrictEqual(["duplicate_id", ["ids", 1]]);
    const empty = thrown(() => assertIds(["a", ""], ["ids"], "ids"));
    expect([empty.code, empty.issues[0]?.path]).toStrictEqual(["invalid_value", ["ids", 1]]);
  });
});

describe("fail and failAt wordings", () => {
  it("keep the message as given in assertFinite and assertArray, append the path in the At forms", () => {
    expect(thrown(() => assertFinite(Number.NaN, ["v", 1], "v[1]")).issues).toStrictEqual([
      { code: "non_finite", path: ["v", 1], message: "v[1] must be a finite number, got NaN" },
    ]);
    expect(thrown(() => assertFiniteAt(Number.NaN, ["v", 1], "v[1]")).issues).toStrictEqual([
      {
        code: "non_finite",
        path: ["v", 1],
        message: "v[1] must be a finite number, got NaN (v[1])",
      },
    ]);
    expect(thrown(() => assertArray(1, ["v"], "v")).issues[0]?.message).toBe(
      "v must be an array, got 1",
    );
    expect(thrown(() => assertList(1, ["v"], "v")).issues[0]?.message).toBe(
      "v must be an array, got 1 (v)",
    );
    expect(thrown(() => assertArray([], ["v"], "v", { nonEmpty: true })).issues).toStrictEqual([
      { code: "empty", path: ["v"], message: "v must not be empty" },
    ]);
    expect(thrown(() => assertArrayAt(1, ["v"], "v")).issues[0]?.message).toBe(
      "v must be an array, got 1 (v)",
    );
    expect(thrown(() => assertArrayAt([], ["v"], "v", { nonEmpty: true })).issues).toStrictEqual([
      { code: "empty", path: ["v"], message: "v must not be empty (v)" },
    ]);
    expect(() => assertArrayAt([], ["v"], "v")).not.toThrow();
  });

  it("name the vocabulary in assertOneOf and assertOneOfAt, and let its members through", () => {
    const kinds = ["a", "b"] as const;
    expect(thrown(() => assertOneOf("c", kinds, ["k"], "kind")).issues).toStrictEqual([
      { code: "invalid_value", path: ["k"], message: 'kind must be one of a, b, got "c"' },
    ]);
    expect(thrown(() => assertOneOfAt(1, kinds, ["x", 0, "k"], "kind")).issues).toStrictEqual([
      {
        code: "invalid_value",
        path: ["x", 0, "k"],
        message: "kind must be one of a, b, got 1 (x[0].k)",
      },
    ]);
    const v: unknown = "b";
    assertOneOfAt(v, kinds, ["k"], "kind");
    const narrowed: "a" | "b" = v;
    expect(narrowed).toBe("b");
  });
});

describe("remapErrors", () => {
  it("returns the value when nothing is thrown", () => {
    expect(
      remapErrors(
        () => 1,
        (p) => ["a", ...p],
      ),
    ).toBe(1);
  });

  it("moves paths and rewrites the path at the end of messages", () => {
    const e = thrown(() =>
      remapErrors(
        () => failAt("empty", ["items", 0], "no"),
        (p) => ["assessment", "swot", ...p],
      ),
    );
    expect(e.issues).toStrictEqual([
      {
        code: "empty",
        path: ["assessment", "swot", "items", 0],
        message: "no (assessment.swot.items[0])",
      },
    ]);
    const dropped = thrown(() =>
      remapErrors(
        () => failAt("empty", ["links", 2], "no"),
        (p) => ["assessment", "tows", ...p.slice(1)],
      ),
    );
    expect(dropped.issues[0]?.path).toStrictEqual(["assessment", "tows", 2]);
    expect(dropped.issues[0]?.message).toBe("no (assessment.tows[2])");
  });

  it("leaves messages without a path suffix alone and rethrows other errors untouched", () => {
    const plain = new AssessmentError([{ code: "empty", path: ["x"], message: "plain" }]);
    const e = thrown(() =>
      remapErrors(
        () => {
          throw plain;
        },
        (p) => ["p", ...p],
      ),
    );
    expect(e.issues[0]).toStrictEqual({ code: "empty", path: ["p", "x"], message: "plain" });
    const other = new TypeError("boom");
    expect(() =>
      remapErrors(
        () => {
          throw other;
        },
        (p) => ["p", ...p],
      ),
    ).toThrow(other);
  });

  it("with addMissingPath, ends every message with its new path; rewrite changes the rest", () => {
    const boom = (): never => {
      throw new AssessmentError([
        { code: "empty", path: ["a", 1], message: "nothing here (a[1])" },
        { code: "empty", path: ["b"], message: "no suffix" },
      ]);
    };
    const e = thrown(() => remapErrors(boom, (p) => ["x", ...p], { addMissingPath: true }));
    expect(e.issues.map((i) => [i.path, i.message])).toStrictEqual([
      [["x", "a", 1], "nothing here (x.a[1])"],
      [["x", "b"], "no suffix (x.b)"],
    ]);
    const rewritten = thrown(() =>
      remapErrors(boom, (p) => ["x", ...p], {
        addMissingPath: true,
        rewrite: (body) => body.toUpperCase(),
      }),
    );
    expect(rewritten.issues.map((i) => i.message)).toStrictEqual([
      "NOTHING HERE (x.a[1])",
      "NO SUFFIX (x.b)",
    ]);
  });
});
