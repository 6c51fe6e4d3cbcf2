import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  addDaysIso,
  dayNumber,
  daysBetween,
  formatDuration,
  fromDayNumber,
} from "../_lib/dates.js";

// From 2010, so that no date (even 5000 days earlier) falls on a day a time zone skipped, such as
// 1994-12-31 in Pacific/Kiritimati, where date-fns (on local Dates) cannot be the reference.
const isoDate = fc
  .date({
    min: new Date(Date.UTC(2010, 0, 1)),
    max: new Date(Date.UTC(2200, 11, 31)),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

describe("dayNumber", () => {
  it("counts days from 1970-01-01, across leap years and century rules", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("2000-03-01") - dayNumber("2000-02-28")).toBe(2); // 2000 is a leap year
    expect(dayNumber("2100-03-01") - dayNumber("2100-02-28")).toBe(1); // 2100 is not
    expect(dayNumber("0000-01-01")).toBe(-719_528);
    expect(fromDayNumber(dayNumber("9999-12-31"))).toBe("9999-12-31");
    expect(fromDayNumber(dayNumber("0000-01-01") - 1)).toBe("-0001-12-31");
  });

  it("agrees with date-fns on differences and on adding days, and round-trips", () => {
    fc.assert(
      fc.property(isoDate, isoDate, fc.integer({ min: -5000, max: 5000 }), (a, b, k) => {
        expect(dayNumber(b) - dayNumber(a)).toBe(daysBetween(a, b));
        expect(fromDayNumber(dayNumber(a) + k)).toBe(addDaysIso(a, k));
        expect(fromDayNumber(dayNumber(a))).toBe(a);
      }),
      { numRuns: 200 },
    );
  });
});

describe("formatDuration", () => {
  it("writes whole months, weeks and days in words", () => {
    expect(formatDuration({ months: 1, weeks: 2, days: 0 })).toBe("1 month 2 weeks 0 days");
  });
});
