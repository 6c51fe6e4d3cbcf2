import { describe, expect, it } from "vitest";
import { codeOf } from "../../test/helpers/errors.js";
import { scoreVoting, type ScoreAggregate, type ScoreBallot } from "./scoreVoting.js";

const ballots: ScoreBallot[] = [
  {
    scores: [
      { alternative: "a", score: 5 },
      { alternative: "b", score: 2 },
    ],
    weight: 2,
  },
  { scores: [{ alternative: "b", score: 4 }] },
];

describe("scoreVoting", () => {
  it("sums weighted scores by default", () => {
    expect(scoreVoting(ballots)).toStrictEqual([
      { alternative: "a", points: 10, rank: 1 },
      { alternative: "b", points: 8, rank: 2 },
    ]);
  });

  it("averages over the ballots that scored each alternative", () => {
    // a: 10 / 2 = 5; b: (4 + 4) / 3
    const r = scoreVoting(ballots, { aggregate: "mean", scale: { min: 0, max: 5 } });
    expect(r.map((t) => t.alternative)).toStrictEqual(["a", "b"]);
    expect(r[0]?.points).toBe(5);
    expect(Math.abs((r[1]?.points ?? 0) - 8 / 3)).toBeLessThan(1e-15);
  });

  it("lists declared alternatives nobody scored with 0 under sum", () => {
    expect(
      scoreVoting([{ scores: [{ alternative: "a", score: 1 }] }], { alternatives: ["a", "b"] }),
    ).toStrictEqual([
      { alternative: "a", points: 1, rank: 1 },
      { alternative: "b", points: 0, rank: 2 },
    ]);
  });

  describe("bad input", () => {
    it("rejects a mean for an alternative nobody scored", () => {
      expect(() =>
        scoreVoting([{ scores: [{ alternative: "a", score: 1 }] }], {
          aggregate: "mean",
          alternatives: ["a", "b"],
        }),
      ).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: no ballot (with positive weight) scores "b", so it has no mean score (ballots)]`,
      );
    });

    it("rejects scores off the scale, bad scales, repeats and unknown alternatives", () => {
      const one = (scores: unknown): ScoreBallot[] => [{ scores: scores as ScoreBallot["scores"] }];
      expect(
        codeOf(() =>
          scoreVoting(one([{ alternative: "a", score: 6 }]), { scale: { min: 0, max: 5 } }),
        ),
      ).toStrictEqual({
        code: "out_of_range",
        path: ["ballots", 0, "scores", 0, "score"],
      });
      expect(
        codeOf(() =>
          scoreVoting(one([{ alternative: "a", score: 1 }]), { scale: { min: 5, max: 0 } }),
        ),
      ).toStrictEqual({
        code: "zero_spread",
        path: ["options", "scale"],
      });
      expect(
        codeOf(() => scoreVoting(one([{ alternative: "a", score: 1 }]), { scale: 5 as never })),
      ).toStrictEqual({
        code: "invalid_type",
        path: ["options", "scale"],
      });
      expect(codeOf(() => scoreVoting(one([{ alternative: "a", score: NaN }])))).toStrictEqual({
        code: "non_finite",
        path: ["ballots", 0, "scores", 0, "score"],
      });
      expect(
        codeOf(() =>
          scoreVoting(
            one([
              { alternative: "a", score: 1 },
              { alternative: "a", score: 2 },
            ]),
          ),
        ),
      ).toStrictEqual({
        code: "duplicate_id",
        path: ["ballots", 0, "scores", 1, "alternative"],
      });
      expect(
        codeOf(() => scoreVoting(one([{ alternative: "q", score: 1 }]), { alternatives: ["a"] })),
      ).toStrictEqual({
        code: "unknown_reference",
        path: ["ballots", 0, "scores", 0, "alternative"],
      });
      expect(codeOf(() => scoreVoting(one([{ alternative: "", score: 1 }])))).toStrictEqual({
        code: "invalid_type",
        path: ["ballots", 0, "scores", 0, "alternative"],
      });
      expect(codeOf(() => scoreVoting(one([0])))).toStrictEqual({
        code: "invalid_type",
        path: ["ballots", 0, "scores", 0],
      });
      expect(codeOf(() => scoreVoting(one({})))).toStrictEqual({
        code: "invalid_type",
        path: ["ballots", 0, "scores"],
      });
      expect(codeOf(() => scoreVoting(one([])))).toStrictEqual({
        code: "empty",
        path: ["ballots"],
      });
      expect(
        codeOf(() => scoreVoting(ballots, { aggregate: "median" as ScoreAggregate })),
      ).toStrictEqual({
        code: "invalid_value",
        path: ["options", "aggregate"],
      });
    });
  });
});
