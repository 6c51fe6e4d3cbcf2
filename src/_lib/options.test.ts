import { describe, expect, it } from "vitest";
import { issue } from "../../test/helpers/errors.js";
import {
  dateOption,
  nonEmptyListOption,
  nullish,
  oneOfOption,
  optional,
  readOptions,
  readValue,
  wholeOption,
} from "./options.js";

const OPTIONS = ["options"] as const;

describe("readOptions", () => {
  it("returns every option of the table, with the fallbacks of those left out", () => {
    const table = {
      period: nullish(oneOfOption(["month", "year"]), "month"),
      decimals: optional(wholeOption(0, 10), 2),
      start: optional(dateOption),
    };
    expect(readOptions({}, OPTIONS, "options", table)).toStrictEqual({
      period: "month",
      decimals: 2,
      start: undefined,
    });
    expect(readOptions({ period: null, decimals: 0 }, OPTIONS, "options", table)).toStrictEqual({
      period: "month",
      decimals: 0,
      start: undefined,
    });
  });

  it("refuses null for an option that may only be left out, with the spec's code and path", () => {
    const table = { decimals: optional(wholeOption(0, 10), 2) };
    expect(issue(() => readOptions({ decimals: null }, OPTIONS, "options", table))).toStrictEqual([
      "out_of_range",
      ["options", "decimals"],
    ]);
    expect(issue(() => readOptions(3, OPTIONS, "options", table))).toStrictEqual([
      "invalid_type",
      ["options"],
    ]);
  });

  it("says missing_field only for a required option; else the explanation or the spec's code", () => {
    const required = { at: { ...dateOption, required: true as const } };
    expect(issue(() => readOptions({}, OPTIONS, "options", required))).toStrictEqual([
      "missing_field",
      ["options", "at"],
    ]);
    // a date left out is not a string: the date check's own code
    expect(issue(() => readOptions({}, OPTIONS, "options", { at: dateOption }))).toStrictEqual([
      "invalid_type",
      ["options", "at"],
    ]);
    expect(
      issue(() => readOptions({ at: "2021-02-30" }, OPTIONS, "options", { at: dateOption })),
    ).toStrictEqual(["invalid_date", ["options", "at"]]);
  });

  it("reads each element of a list, and refuses a repeated one", () => {
    const spec = { ...nonEmptyListOption, each: oneOfOption(["a", "b"]), unique: true };
    expect(readValue(["a", "b"], [], "xs", spec)).toStrictEqual(["a", "b"]);
    expect(issue(() => readValue("a", [], "xs", spec))).toStrictEqual(["invalid_type", ["xs"]]);
    expect(issue(() => readValue([], [], "xs", spec))).toStrictEqual(["empty", ["xs"]]);
    expect(issue(() => readValue(["a", "c"], [], "xs", spec))).toStrictEqual([
      "invalid_value",
      ["xs", 1],
    ]);
    expect(issue(() => readValue(["a", "b", "a"], [], "xs", spec))).toStrictEqual([
      "duplicate_id",
      ["xs", 2],
    ]);
  });

  it("names the field, what was expected and what it got", () => {
    expect(() =>
      readOptions({ decimals: 11 }, OPTIONS, "options", { decimals: wholeOption(0, 10) }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[AssessmentError: decimals must be a whole number from 0 to 10, got 11 (options.decimals)]`,
    );
  });
});
