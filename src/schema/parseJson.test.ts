import { describe, expect, it } from "vitest";
import { parseJson } from "./parseJson.js";
import { AssessmentError } from "../errors/AssessmentError.js";

describe("parseJson", () => {
  it("parses JSON text", () => {
    expect(parseJson('{"a":[1,"x",null]}')).toStrictEqual({ a: [1, "x", null] });
  });

  it("turns a syntax error into invalid_json", () => {
    try {
      parseJson("{ nope");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AssessmentError);
      expect((e as AssessmentError).code).toBe("invalid_json");
    }
  });

  it("refuses comments and trailing commas (strict JSON), with a message on one line", () => {
    for (const text of [
      '{"a": 1, // note\n"b": 2}',
      '{"a": [1, 2,],\n"b": 2}',
      "",
      "{\n  'a': 1\n}",
    ]) {
      try {
        parseJson(text);
        expect.unreachable();
      } catch (e) {
        expect((e as AssessmentError).code, text).toBe("invalid_json");
        expect((e as AssessmentError).message, text).not.toMatch(/[\r\n]/);
      }
    }
  });

  it("refuses text over the limit before parsing it", () => {
    expect(() => parseJson("[1, 2, 3]", { maxLength: 5 })).toThrowErrorMatchingInlineSnapshot(
      `[AssessmentError: document is 9 characters long, more than the limit of 5]`,
    );
  });

  it("refuses a value that is not text", () => {
    expect(() => parseJson(42 as unknown as string)).toThrow(AssessmentError);
  });
});
