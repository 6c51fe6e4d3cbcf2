import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { thrown } from "../../test/helpers/errors.js";
import { levelFor } from "./levelFor.js";
import { resolveBands } from "../schema/checkFramework.js";
import { unLosi2022 } from "../frameworks/unLosi2022.js";
import { iccCitizenParticipation } from "../frameworks/iccCitizenParticipation.js";

const levels = [
  { id: "low", title: "Low", min: 0, max: 50 },
  { id: "high", title: "High", min: 50, max: 100 },
];

describe("levelFor", () => {
  it("uses the default convention: lower bound inclusive, upper exclusive, the top band including the maximum", () => {
    expect(levelFor(0, { levels })).toStrictEqual({ id: "low", title: "Low", index: 0 });
    expect(levelFor(49.999, { levels })?.id).toBe("low");
    expect(levelFor(50, { levels })?.id).toBe("high");
    expect(levelFor(100, { levels })?.id).toBe("high");
  });

  it("honours declared inclusivity (UN LOSI: more than 75 % is very high)", () => {
    expect(levelFor(75, unLosi2022)).toStrictEqual({ id: "high", title: "High LOSI", index: 2 });
    expect(levelFor(75.5, unLosi2022)?.id).toBe("veryHigh");
  });

  it("accepts resolved bands and a framework's own scale", () => {
    const bands = resolveBands({
      levels: [
        { id: "a", title: "A", min: 1, max: 3 },
        { id: "b", title: "B", min: 3, max: 5 },
      ],
      scale: { min: 1, max: 5 },
    });
    expect(levelFor(5, bands)?.id).toBe("b");
    expect(levelFor(1, bands)?.id).toBe("a");
    // given unsorted, resolved bands are taken lowest first
    expect(levelFor(4, [...bands].reverse())).toStrictEqual({ id: "b", title: "B", index: 1 });
  });

  it("accepts a framework's levels as written, and agrees with the framework on every score", () => {
    expect(levelFor(100, levels)).toStrictEqual({ id: "high", title: "High", index: 1 });
    expect(levelFor(50, levels)?.id).toBe("high");
    expect(levelFor(75, unLosi2022.levels)?.id).toBe("high");
    for (const f of [iccCitizenParticipation, unLosi2022]) {
      fc.assert(
        fc.property(fc.double({ min: -10, max: 110, noNaN: true }), (s) => {
          expect(levelFor(s, f.levels)).toStrictEqual(levelFor(s, f));
          expect(levelFor(s, f.levels)).toStrictEqual(levelFor(s, resolveBands(f)));
        }),
        { numRuns: 200 },
      );
    }
  });

  it("returns null for a score in no band", () => {
    expect(levelFor(-1, { levels })).toBeNull();
    expect(levelFor(101, { levels })).toBeNull();
  });

  it("property: the built-in frameworks' bands give every score on the scale exactly one level, in order", () => {
    for (const f of [iccCitizenParticipation, unLosi2022]) {
      fc.assert(
        fc.property(
          fc.double({ min: 0, max: 100, noNaN: true }),
          fc.double({ min: 0, max: 100, noNaN: true }),
          (a, b) => {
            const [lo, hi] = a <= b ? [a, b] : [b, a];
            const la = levelFor(lo, f);
            const lb = levelFor(hi, f);
            expect(la).not.toBeNull();
            expect((la?.index ?? 0) <= (lb?.index ?? 0)).toBe(true);
          },
        ),
        { numRuns: 150 },
      );
    }
  });

  it("rejects a score that is not a finite number and bands of the wrong shape", () => {
    const cases: [unknown, unknown, string, (string | number)[]][] = [
      [Number.NaN, { levels }, "non_finite", ["score"]],
      ["50", { levels }, "invalid_type", ["score"]],
      [50, null, "invalid_type", ["bands"]],
      [50, { levels: "x" }, "invalid_type", ["bands"]],
      [
        50,
        { levels: [{ id: "a", title: "A", min: "0", max: 1 }] },
        "invalid_type",
        ["bands", "levels", 0],
      ],
      [50, [{ id: "a", min: 0, max: 100 }], "invalid_type", ["bands", 0]],
      [
        50,
        [{ id: "a", title: "A", min: 0, max: 100, maxInclusive: "yes" }],
        "invalid_type",
        ["bands", 0],
      ],
    ];
    for (const [score, bands, code, path] of cases) {
      const e = thrown(() => levelFor(score as number, bands as never));
      expect([e.code, e.issues[0]?.path]).toStrictEqual([code, path]);
    }
  });
});
