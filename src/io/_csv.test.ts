import { describe, expect, it } from "vitest";
import { AssessmentError } from "../errors/AssessmentError.js";
import { detectDelimiter, parseCsvRows, type CsvDelimiter } from "./_csv.js";

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof AssessmentError)
      return e.issues.map((i) => `${i.code} ${JSON.stringify(i.path)}: ${i.message}`);
    throw e;
  }
  throw new Error("expected an AssessmentError");
}

describe("detectDelimiter", () => {
  it("skips a byte-order mark and counts only the first line, outside quotes", () => {
    expect(detectDelimiter("\uFEFF;a;b,c\n,,,,")).toBe(";");
    expect(detectDelimiter('"a;b;c",d\n')).toBe(",");
    expect(detectDelimiter("a\tb\tc;d")).toBe("\t");
    expect(detectDelimiter("abc")).toBe(",");
    // a tie goes to the earlier delimiter of the list
    expect(detectDelimiter("a;b,c")).toBe(",");
  });
});

describe("parseCsvRows", () => {
  it("refuses text that is not a string, and a delimiter it does not read", () => {
    expect(issuesOf(() => parseCsvRows(42 as unknown as string, undefined))).toStrictEqual([
      "invalid_type []: expected CSV text, got number",
    ]);
    expect(issuesOf(() => parseCsvRows("a|b", "|" as CsvDelimiter))).toStrictEqual([
      'invalid_value ["options","delimiter"]: delimiter must be one of ",", ";" or a tab, got "|"',
    ]);
  });

  it("reports an unclosed quote as an invalid document naming csv-parse's reason", () => {
    const issues = issuesOf(() => parseCsvRows('a,b\n"open,1\n', ","));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^invalid_document \[\]: not readable as CSV: .*quote/i);
  });

  it("uses the delimiter it is given rather than the detected one", () => {
    expect(parseCsvRows("a;b,c\n1;2,3\n", ",")).toStrictEqual([
      ["a;b", "c"],
      ["1;2", "3"],
    ]);
    expect(parseCsvRows("\uFEFFa;b\n\n1;2\n", undefined)).toStrictEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });
});
