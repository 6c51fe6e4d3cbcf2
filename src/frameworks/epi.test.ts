import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { thrown } from "../../test/helpers/errors.js";
import { epi } from "./epi.js";

describe("epi", () => {
  it("rescales raw scores to [0, 1] over the peer set, keeping nulls", () => {
    expect(epi([12, 30, null, 21])).toStrictEqual([0, 1, null, 0.5]);
  });

  it("property: the lowest score gets 0, the highest 1, all others in between", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 30 }),
        (xs) => {
          const out = epi(xs) as number[];
          expect(out[xs.indexOf(Math.min(...xs))]).toBe(0);
          expect(out[xs.indexOf(Math.max(...xs))]).toBe(1);
          for (const v of out) expect(v >= 0 && v <= 1).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("rejects a peer set it cannot rescale", () => {
    const cases: [unknown, string, (string | number)[]][] = [
      [[5], "too_few_values", ["rawScores"]],
      [[5, null], "too_few_values", ["rawScores"]],
      [[], "too_few_values", ["rawScores"]],
      [[3, 3], "zero_spread", ["rawScores"]],
      [[1, Number.NaN], "non_finite", ["rawScores", 1]],
      [[1, "2"], "invalid_type", ["rawScores", 1]],
      ["1,2", "invalid_type", ["rawScores"]],
      [[-1e308, 1e308], "non_finite", ["rawScores"]],
    ];
    for (const [input, code, path] of cases) {
      const e = thrown(() => epi(input as number[]));
      expect([e.code, e.issues[0]?.path]).toStrictEqual([code, path]);
    }
  });
});
