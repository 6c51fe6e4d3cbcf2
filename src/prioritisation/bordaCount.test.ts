import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeOf } from "../../test/helpers/errors.js";
import { bordaCount, type RankedBallot } from "./bordaCount.js";

// Wikipedia's Tennessee example: test/fixtures/reference/consensus.json
const fixture = JSON.parse(
  readFileSync(new URL("../../test/fixtures/reference/consensus.json", import.meta.url), "utf8"),
) as {
  cases: {
    borda_tennessee: {
      ballots: { weight: number; ranking: string[] }[];
      published: { totals: Record<string, number>; winner: string };
    };
  };
};
const tn = fixture.cases.borda_tennessee;

describe("bordaCount", () => {
  it("reproduces the published Tennessee totals exactly (n - i points, weighted ballots)", () => {
    const r = bordaCount(tn.ballots);
    expect(Object.fromEntries(r.map((t) => [t.alternative, t.points]))).toStrictEqual(
      tn.published.totals,
    );
    expect(r[0]?.alternative).toBe(tn.published.winner);
    expect(r.map((t) => t.rank)).toStrictEqual([1, 2, 3, 4]);
  });

  it("gives 0 points to alternatives left off a truncated ballot and lists declared unnamed ones", () => {
    const r = bordaCount([{ ranking: ["a", "b"] }, { ranking: ["c"] }], {
      alternatives: ["a", "b", "c", "d"],
    });
    expect(r).toStrictEqual([
      { alternative: "a", points: 3, rank: 1 },
      { alternative: "c", points: 3, rank: 1 },
      { alternative: "b", points: 2, rank: 3 },
      { alternative: "d", points: 0, rank: 4 },
    ]);
  });

  it("sums decimal weights exactly, so 0.1 + 0.2 ties with 0.3", () => {
    const r = bordaCount([
      { ranking: ["a", "b"], weight: 0.1 },
      { ranking: ["a", "b"], weight: 0.2 },
      { ranking: ["b", "a"], weight: 0.3 },
    ]);
    expect(r).toStrictEqual([
      { alternative: "a", points: 0.3, rank: 1 },
      { alternative: "b", points: 0.3, rank: 1 },
    ]);
  });

  it("does not depend on the order of the ballots and ranks are competition ranks", () => {
    const ballot = fc
      .shuffledSubarray(["a", "b", "c", "d", "e"], { minLength: 1 })
      .chain((ranking) =>
        fc.record({ ranking: fc.constant(ranking), weight: fc.integer({ min: 1, max: 5 }) }),
      );
    fc.assert(
      fc.property(fc.array(ballot, { minLength: 1, maxLength: 8 }), (ballots) => {
        const a = bordaCount(ballots);
        const b = bordaCount([...ballots].reverse());
        expect(b).toStrictEqual(a);
        a.forEach((t) => expect(t.rank).toBe(a.filter((u) => u.points > t.points).length + 1));
      }),
      { numRuns: 150 },
    );
  });

  describe("bad input", () => {
    it("rejects a ballot naming an unknown alternative", () => {
      expect(() =>
        bordaCount([{ ranking: ["a", "z"] }], { alternatives: ["a", "b"] }),
      ).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: ballots[0].ranking[1] names an unknown id "z" (ballots[0].ranking[1])]`,
      );
    });

    it("rejects an alternative ranked twice", () => {
      expect(codeOf(() => bordaCount([{ ranking: ["a", "b", "a"] }]))).toStrictEqual({
        code: "duplicate_id",
        path: ["ballots", 0, "ranking", 2],
      });
    });

    it("rejects bad weights", () => {
      expect(codeOf(() => bordaCount([{ ranking: ["a"], weight: -1 }]))).toStrictEqual({
        code: "negative_weight",
        path: ["ballots", 0, "weight"],
      });
      expect(codeOf(() => bordaCount([{ ranking: ["a"], weight: 0 }]))).toStrictEqual({
        code: "zero_weights",
        path: ["ballots"],
      });
      expect(codeOf(() => bordaCount([{ ranking: ["a"], weight: NaN }]))).toStrictEqual({
        code: "non_finite",
        path: ["ballots", 0, "weight"],
      });
    });

    it("rejects empty and malformed ballots", () => {
      expect(codeOf(() => bordaCount([]))).toStrictEqual({ code: "empty", path: ["ballots"] });
      expect(codeOf(() => bordaCount([{ ranking: [] }]))).toStrictEqual({
        code: "empty",
        path: ["ballots"],
      });
      expect(codeOf(() => bordaCount("x" as unknown as RankedBallot[]))).toStrictEqual({
        code: "invalid_type",
        path: ["ballots"],
      });
      expect(codeOf(() => bordaCount([null as unknown as RankedBallot]))).toStrictEqual({
        code: "invalid_type",
        path: ["ballots", 0],
      });
      expect(codeOf(() => bordaCount([{ ranking: "a" as unknown as string[] }]))).toStrictEqual({
        code: "invalid_type",
        path: ["ballots", 0, "ranking"],
      });
      expect(codeOf(() => bordaCount([{ ranking: [3 as unknown as string] }]))).toStrictEqual({
        code: "invalid_type",
        path: ["ballots", 0, "ranking", 0],
      });
      expect(
        codeOf(() => bordaCount([{ ranking: ["a"] }], { alternatives: ["a", "a"] })),
      ).toStrictEqual({
        code: "duplicate_id",
        path: ["options", "alternatives", 1],
      });
    });
  });
});
