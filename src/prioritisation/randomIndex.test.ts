import { describe, expect, it } from "vitest";
import { codeOf } from "../../test/helpers/errors.js";
import {
  randomIndex,
  randomIndexTableNames,
  randomIndexTables,
  type RandomIndexTableName,
} from "./randomIndex.js";

describe("randomIndex", () => {
  it("looks n up in the named table, Saaty 1980 by default (values as in test/fixtures/reference/ahp.json)", () => {
    expect(randomIndex(3)).toBe(0.58);
    expect(randomIndex(12)).toBe(1.48);
    expect(randomIndex(12, "saaty2005")).toBe(1.54);
    expect(randomIndex(15, "alonsoLamata2006")).toBe(1.5838);
    expect(randomIndex(100, "doneganDodd1991")).toBe(1.6339);
  });

  it("gives 0 for n = 1 and 2 in every table, each of which names its source", () => {
    for (const name of randomIndexTableNames) {
      expect(randomIndex(1, name)).toBe(0);
      expect(randomIndex(2, name)).toBe(0);
      expect(randomIndexTables[name].name).toBe(name);
      expect(randomIndexTables[name].source.length).toBeGreaterThan(20);
    }
  });

  describe("bad input", () => {
    it("does not interpolate an order the table lacks", () => {
      expect(() => randomIndex(21, "doneganDodd1991")).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: the doneganDodd1991 random-index table has no value for n = 21 (it lists n = 1–100 with gaps above 20); no value is interpolated (n)]`,
      );
      expect(codeOf(() => randomIndex(16))).toStrictEqual({ code: "out_of_range", path: ["n"] });
    });

    it("rejects n that is not a whole number of at least 1, and unknown tables", () => {
      expect(codeOf(() => randomIndex(0))).toStrictEqual({ code: "invalid_value", path: ["n"] });
      expect(codeOf(() => randomIndex(2.5))).toStrictEqual({ code: "invalid_value", path: ["n"] });
      expect(codeOf(() => randomIndex(NaN))).toStrictEqual({ code: "non_finite", path: ["n"] });
      expect(codeOf(() => randomIndex("3" as unknown as number))).toStrictEqual({
        code: "invalid_type",
        path: ["n"],
      });
      expect(codeOf(() => randomIndex(3, "tummalaLing" as RandomIndexTableName))).toStrictEqual({
        code: "invalid_value",
        path: ["table"],
      });
    });
  });
});
