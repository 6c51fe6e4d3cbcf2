import { describe, expect, it } from "vitest";
import { locatePaths, syntaxErrorAt } from "../../src/cli/locate.js";

const at = (line: number, column: number) => ({ line, column });

describe("locatePaths", () => {
  const text = [
    "{",
    '  "a": [1, {"x": 2, "y": [3, 4]}, 5],',
    '  "b": {"c": "d", "skip": {"deep": [1, 2, {"z": 1}]}, "e": 7},',
    '  "b": {"c": "last"},',
    '  "q\\"k": "é", "ü": [true]',
    "}",
  ].join("\n");

  it("places array items at their value and object members at their key", () => {
    expect(locatePaths(text, [[], ["a"], ["a", 1, "y", 1], ["a", 2]])).toStrictEqual([
      at(1, 1),
      at(2, 3),
      at(2, 30),
      at(2, 35),
    ]);
  });

  it("takes a member given twice where JSON.parse takes it from: the last time", () => {
    expect(locatePaths(text, [["b"], ["b", "c"], ["b", "e"]])).toStrictEqual([
      at(4, 3),
      at(4, 9),
      // "e" is only in the first "b", which JSON.parse drops: the enclosing "b" is given
      at(4, 3),
    ]);
  });

  it("places a missing member or item at the nearest value that is there", () => {
    expect(locatePaths(text, [["a", 1, "missing"], ["zzz"], ["a", 9, "x"]])).toStrictEqual([
      at(2, 12),
      at(1, 1),
      at(2, 3),
    ]);
  });

  it("reads escaped and non-ASCII keys as JSON.parse does", () => {
    expect(locatePaths(text, [['q"k'], ["ü", 0]])).toStrictEqual([at(5, 3), at(5, 22)]);
  });

  it("counts lines across CRLF line breaks", () => {
    expect(locatePaths('{\r\n  "a": [\r\n    1,\r\n    2\r\n  ]\r\n}', [["a", 1]])).toStrictEqual([
      at(4, 5),
    ]);
  });

  it("locates paths in a text nested far deeper than documents may be, reading only the levels a path can name", () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    expect(locatePaths(deep, [[0, 0]])).toStrictEqual([{ line: 1, column: 3 }]);
  });
});

describe("syntaxErrorAt", () => {
  const where = (text: string) => {
    try {
      JSON.parse(text);
    } catch (e) {
      return syntaxErrorAt(text, (e as Error).message);
    }
    throw new Error(`${text} is JSON`);
  };

  it("finds the first mistake of strict JSON: comments, trailing commas, an early end", () => {
    expect(where('{"a": 1, // note\n"b": 2}')).toStrictEqual(at(1, 10));
    expect(where('{"a": [1,\n  2,\n]}')).toStrictEqual(at(3, 1));
    expect(where('{"a": 1,\n "b": 2')).toStrictEqual(at(2, 8));
    expect(where("")).toStrictEqual(at(1, 1));
    expect(where('{"a": "x\ny"}')).toStrictEqual(at(1, 7));
  });

  it("falls back to the engine's offset when the scanner cannot say", () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}x`;
    expect(where(deep)).toStrictEqual(at(1, 200_001));
    expect(syntaxErrorAt("{}", "Unexpected token")).toBeUndefined();
  });
});
