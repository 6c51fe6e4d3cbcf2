/**
 * Deeply nested (10,000 levels) and huge (100 MB of text, millions of values) inputs end with a
 * clear AssessmentError in every parse function (their time and memory are measured by
 * `npm run bench`, never asserted in a test).
 */
import { describe, expect, it } from "vitest";
import { parseAssessment } from "../../src/schema/parseAssessment.js";
import { parseReport } from "../../src/schema/parseReport.js";
import { defineFramework } from "../../src/schema/defineFramework.js";
import { parseJson } from "../../src/schema/parseJson.js";
import { MAX_NODES } from "../../src/schema/issues.js";
import { sofiaJson } from "../helpers/sofia.js";
import { expectAssessmentError } from "./_hostile.js";

const parsers = [
  ["parseAssessment", parseAssessment],
  ["parseReport", parseReport],
  ["defineFramework", defineFramework],
] as const;

/** Calls `fn`, expecting an AssessmentError; returns its codes. */
function rejection(fn: () => unknown): { code: string; codes: string[] } {
  try {
    fn();
  } catch (e) {
    expectAssessmentError(e);
    return { code: e.code, codes: e.issues.map((i) => i.code) };
  }
  throw new Error("expected an AssessmentError, the call returned");
}

function nestedArrays(depth: number): unknown {
  let v: unknown = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

function nestedObjects(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = { formatVersion: "1.0", a: v };
  return v;
}

describe("deeply nested input", () => {
  for (const [name, parse] of parsers) {
    it(`${name} refuses arrays and objects nested 10,000 levels with too_deep`, () => {
      for (const value of [nestedArrays(10_000), nestedObjects(10_000)]) {
        const r = rejection(() => parse(value));
        expect(r.codes).toStrictEqual(["too_deep"]);
      }
    });
  }

  it("parseAssessment refuses a valid document with 10,000 levels nested in one field", () => {
    const doc = sofiaJson();
    doc["notes"] = nestedArrays(10_000);
    const r = rejection(() => parseAssessment(doc));
    expect(r.codes).toStrictEqual(["too_deep"]);
  });

  it("parseJson reads 10,000 levels of JSON text, and parseAssessment then refuses them", () => {
    const text = `${"[".repeat(10_000)}${"]".repeat(10_000)}`;
    const r = rejection(() => parseAssessment(parseJson(text)));
    expect(r.codes).toStrictEqual(["too_deep"]);
  });
});

describe("huge input", () => {
  it("parseJson refuses 100 MB of text with too_large before parsing it", () => {
    const text = `[${"0,".repeat(50_000_000)}0]`;
    const r = rejection(() => parseJson(text));
    expect(r.code).toBe("too_large");
    // nothing was parsed: the heap grew by far less than the text
  });

  for (const [name, parse] of parsers) {
    it(`${name} refuses more than ${MAX_NODES} values with too_large`, () => {
      const many = new Array<number>(MAX_NODES + 1).fill(0);
      for (const value of [many, { formatVersion: "1.0", notes: many }]) {
        const r = rejection(() => parse(value));
        expect(r.codes).toStrictEqual(["too_large"]);
      }
    });
  }
});
