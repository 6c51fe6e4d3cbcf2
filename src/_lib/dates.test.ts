/**
 * Day and month arithmetic against date-fns in UTC, for every day from 1900 to 2100: the library
 * computes on integers, date-fns on `Date`s read in UTC (through UTC getters and setters here, so
 * the reference does not depend on the host's zone either). Run under the CI's zone matrix, the
 * library's answers must not change with the zone (issue 14).
 */
import { add } from "date-fns/add";
import { addMonths } from "date-fns/addMonths";
import { describe, expect, it } from "vitest";
import {
  addDaysIso,
  addDurationIso,
  addMonthsIso,
  dayNumber,
  daysBetween,
  fromDayNumber,
  isIsoDate,
} from "./dates.js";

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const utc = (s: string) => Date.parse(`${s}T00:00:00Z`);

/** date-fns' addMonths rule on a UTC date: keep the day, clamp it to the target month's length. */
function refAddMonths(s: string, months: number): string {
  const d = new Date(utc(s));
  const day = d.getUTCDate();
  const end = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months + 1, 0));
  return iso(Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), Math.min(day, end.getUTCDate())));
}

describe("calendar arithmetic", () => {
  it("matches the UTC reference for every day from 1900 to 2100", () => {
    const first = utc("1900-01-01");
    const last = utc("2100-12-31");
    let mismatches = 0;
    for (let t = first, n = dayNumber("1900-01-01"); t <= last; t += DAY, n++) {
      const s = iso(t);
      if (dayNumber(s) !== n || fromDayNumber(n) !== s) mismatches++;
      if (addDaysIso(s, 1) !== iso(t + DAY)) mismatches++;
      if (addMonthsIso(s, 6) !== refAddMonths(s, 6)) mismatches++;
      if (addMonthsIso(s, 15) !== refAddMonths(s, 15)) mismatches++;
      if (addMonthsIso(s, -1) !== refAddMonths(s, -1)) mismatches++;
      if (
        addDurationIso(s, { months: 1, weeks: 1, days: 3 }) !==
        iso(utc(refAddMonths(s, 1)) + 10 * DAY)
      )
        mismatches++;
      if (daysBetween("2000-01-01", s) !== Math.round((t - utc("2000-01-01")) / DAY)) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it.runIf(new Date(0).getTimezoneOffset() === 0 && !process.env["TZ"]?.includes("/"))(
    "is date-fns' addMonths and add, where the host zone is UTC (date-fns computes in local time)",
    () => {
      let mismatches = 0;
      for (let t = utc("1990-01-01"); t <= utc("2030-12-31"); t += DAY) {
        const s = iso(t);
        const local = new Date(t);
        if (addMonthsIso(s, 6) !== iso(addMonths(local, 6).getTime())) mismatches++;
        const dur = { months: 15, weeks: 2, days: 5 };
        if (addDurationIso(s, dur) !== iso(add(local, dur).getTime())) mismatches++;
      }
      expect(mismatches).toBe(0);
    },
  );

  it("gives the days a time zone skipped (Pacific/Kiritimati 1994-12-31, Pacific/Apia 2011-12-30)", () => {
    expect(addDaysIso("1994-12-30", 1)).toBe("1994-12-31");
    expect(addDaysIso("1994-12-31", 1)).toBe("1995-01-01");
    expect(daysBetween("1994-12-30", "1995-01-01")).toBe(2);
    expect(addDaysIso("2011-12-29", 1)).toBe("2011-12-30");
    expect(addDurationIso("2011-12-29", { days: 2 })).toBe("2011-12-31");
  });

  it("clamps to the end of the month as date-fns does", () => {
    expect(addMonthsIso("2020-08-31", 6)).toBe("2021-02-28");
    expect(addMonthsIso("2023-08-31", 6)).toBe("2024-02-29");
    expect(addDurationIso("2021-01-31", { months: 1, days: 1 })).toBe("2021-03-01");
  });

  it("recognises strict calendar dates only", () => {
    expect(isIsoDate("2021-02-29")).toBe(false);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2021-2-3")).toBe(false);
    expect(() => addDaysIso("2021-02-30", 1)).toThrow(/calendar date/);
  });
});
