import { describe, expect, it } from "vitest";
import { isEmptyCell, readNumberCell, readYesNoCell, showCell } from "./_cells.js";

describe("readNumberCell", () => {
  it("passes a finite number as it is and refuses NaN and infinities", () => {
    expect(readNumberCell(2.5, ".")).toBe(2.5);
    expect(readNumberCell(Number.NaN, ".")).toBeUndefined();
    expect(readNumberCell(Number.POSITIVE_INFINITY, ",")).toBeUndefined();
  });

  it("reads no number from a yes/no, an empty cell or a string in the other notation", () => {
    expect(readNumberCell(true, ".")).toBeUndefined();
    expect(readNumberCell(null, ".")).toBeUndefined();
    expect(readNumberCell(undefined, ",")).toBeUndefined();
    expect(readNumberCell(" 3,5 ", ",")).toBe(3.5);
    expect(readNumberCell("3.5", ",")).toBeUndefined();
    expect(readNumberCell("1,234", ".")).toBeUndefined();
    expect(readNumberCell("1e3", ".")).toBe(1000);
  });
});

describe("readYesNoCell", () => {
  it("reads 1 and 0 as yes and no, and no other number", () => {
    expect(readYesNoCell(1)).toBe(true);
    expect(readYesNoCell(0)).toBe(false);
    expect(readYesNoCell(2)).toBeUndefined();
    expect(readYesNoCell(false)).toBe(false);
  });

  it("reads the yes/no words in any case, and nothing from an empty cell", () => {
    expect(readYesNoCell(" YES ")).toBe(true);
    expect(readYesNoCell("n")).toBe(false);
    expect(readYesNoCell("maybe")).toBeUndefined();
    expect(readYesNoCell(null)).toBeUndefined();
    expect(readYesNoCell(undefined)).toBeUndefined();
  });
});

describe("showCell", () => {
  it("quotes text, shortens it past 60 characters, and shows other cells as they print", () => {
    expect(showCell("a")).toBe('"a"');
    expect(showCell("x".repeat(61))).toBe(`"${"x".repeat(60)}…"`);
    expect(showCell("x".repeat(60))).toBe(`"${"x".repeat(60)}"`);
    expect(showCell(3)).toBe("3");
    expect(showCell(null)).toBe("null");
    expect(showCell(undefined)).toBe("undefined");
  });
});

describe("isEmptyCell", () => {
  it("is true for missing, null and blank cells only", () => {
    expect([undefined, null, "", " \t"].map(isEmptyCell)).toStrictEqual([true, true, true, true]);
    expect([0, false, "0"].map(isEmptyCell)).toStrictEqual([false, false, false]);
  });
});
