import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  averageRanksAscending,
  chiSquaredUpperTail,
  gammaQ,
  logGamma,
  nearestSaatyValue,
  ranksDescending,
} from "./_shared.js";

describe("chiSquaredUpperTail", () => {
  it.each([
    // scipy.stats.chi2.sf(x, df), scipy 1.17
    [0.5, 1, 0.47950012218695337],
    [3.84, 1, 0.05004352124870519],
    [6.635, 1, 0.009999419574042536],
    [10, 2, 0.006737946999085468],
    [13.777777777778, 7, 0.05527792989157023],
    [25, 10, 0.005345505487134069],
    [100, 90, 0.22104023262544467],
    [0.01, 5, 0.9999994699729957],
    [200, 3, 4.218541107192018e-43],
  ])("P(chi2 >= %s | df %s) = %s (scipy)", (x, df, p) => {
    expect(Math.abs(chiSquaredUpperTail(x, df) - p) / p).toBeLessThan(1e-10);
  });

  it("is 1 at 0 and exp(-x/2) for 2 degrees of freedom", () => {
    expect(chiSquaredUpperTail(0, 4)).toBe(1);
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 60, noNaN: true }), (x) => {
        expect(Math.abs(chiSquaredUpperTail(x, 2) - Math.exp(-x / 2))).toBeLessThan(1e-14);
      }),
      { numRuns: 100 },
    );
  });

  it("agrees with scipy's gammaincc far in the tail", () => {
    expect(
      Math.abs(gammaQ(3.5, 200) - 2.3852710811123476e-82) / 2.3852710811123476e-82,
    ).toBeLessThan(1e-9);
  });
});

describe("logGamma", () => {
  it.each([
    // scipy.special.gammaln
    [0.5, 0.5723649429247],
    [1, 0],
    [1.5, -0.12078223763524526],
    [2, 0],
    [3.5, 1.2009736023470743],
    [10, 12.801827480081469],
    [100.5, 361.43554046777757],
  ])("ln Gamma(%s) = %s", (x, v) => {
    expect(Math.abs(logGamma(x) - v)).toBeLessThan(1e-12);
  });
});

describe("ranksDescending", () => {
  it("gives competition ranks with ties sharing the lowest rank", () => {
    expect(ranksDescending([3, 5, 5, 1, 3])).toStrictEqual([3, 1, 1, 5, 3]);
    expect(ranksDescending([])).toStrictEqual([]);
    expect(ranksDescending([0, -0])).toStrictEqual([1, 1]);
  });

  it("agrees with counting strictly larger values", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 30 }), (xs) => {
        expect(ranksDescending(xs)).toStrictEqual(
          xs.map((x) => xs.filter((y) => y > x).length + 1),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("ranks long random, sorted, reversed and constant arrays", () => {
    const check = (xs: number[]) =>
      expect(ranksDescending(xs)).toStrictEqual(xs.map((x) => xs.filter((y) => y > x).length + 1));
    const rnd = Array.from({ length: 1000 }, (_, i) => ((i * 7919) % 1009) / 7);
    check(rnd);
    check([...rnd].sort((x, y) => x - y));
    check([...rnd].sort((x, y) => y - x));
    check(new Array<number>(500).fill(3));
  });
});

describe("averageRanksAscending", () => {
  it("averages the ranks a tie spans", () => {
    expect(averageRanksAscending([10, 20, 10, 30])).toStrictEqual([1.5, 3, 1.5, 4]);
  });
});

describe("nearestSaatyValue", () => {
  it("rounds on the log scale and stays within 1/9 to 9", () => {
    expect(nearestSaatyValue(2.4)).toBe(2);
    expect(nearestSaatyValue(2.5)).toBe(3);
    expect(nearestSaatyValue(1 / 2.5)).toBe(1 / 3);
    expect(nearestSaatyValue(30)).toBe(9);
    expect(nearestSaatyValue(1 / 30)).toBe(1 / 9);
    expect(nearestSaatyValue(1)).toBe(1);
    expect(nearestSaatyValue(0.95)).toBe(1);
  });
});
