import { describe, expect, it } from "vitest";
import { codeOf } from "../../test/helpers/errors.js";
import { dotVoting, type DotBallot } from "./dotVoting.js";

describe("dotVoting", () => {
  it("sums dots times ballot weight and lists declared alternatives without dots", () => {
    expect(
      dotVoting(
        [
          {
            points: [
              { alternative: "a", points: 2 },
              { alternative: "b", points: 1 },
            ],
            weight: 2,
          },
          { points: [{ alternative: "b", points: 3 }] },
        ],
        { alternatives: ["a", "b", "c"], dotsPerVoter: 3 },
      ),
    ).toStrictEqual([
      { alternative: "b", points: 5, rank: 1 },
      { alternative: "a", points: 4, rank: 2 },
      { alternative: "c", points: 0, rank: 3 },
    ]);
  });

  describe("bad input", () => {
    const one = (points: unknown): DotBallot[] => [{ points: points as DotBallot["points"] }];
    it("rejects more dots than a voter has", () => {
      expect(() =>
        dotVoting(one([{ alternative: "a", points: 4 }]), { dotsPerVoter: 3 }),
      ).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: ballots[0] places 4 dots, more than the 3 each voter has (ballots[0].points)]`,
      );
    });

    it("rejects fractional or negative dots, repeats, unknown alternatives and malformed entries", () => {
      expect(codeOf(() => dotVoting(one([{ alternative: "a", points: 1.5 }])))).toStrictEqual({
        code: "invalid_value",
        path: ["ballots", 0, "points", 0, "points"],
      });
      expect(codeOf(() => dotVoting(one([{ alternative: "a", points: -1 }])))).toStrictEqual({
        code: "out_of_range",
        path: ["ballots", 0, "points", 0, "points"],
      });
      expect(
        codeOf(() =>
          dotVoting(
            one([
              { alternative: "a", points: 1 },
              { alternative: "a", points: 1 },
            ]),
          ),
        ),
      ).toStrictEqual({
        code: "duplicate_id",
        path: ["ballots", 0, "points", 1, "alternative"],
      });
      expect(
        codeOf(() => dotVoting(one([{ alternative: "z", points: 1 }]), { alternatives: ["a"] })),
      ).toStrictEqual({
        code: "unknown_reference",
        path: ["ballots", 0, "points", 0, "alternative"],
      });
      expect(codeOf(() => dotVoting(one([{ alternative: 1, points: 1 }])))).toStrictEqual({
        code: "invalid_type",
        path: ["ballots", 0, "points", 0, "alternative"],
      });
      expect(codeOf(() => dotVoting(one([7])))).toStrictEqual({
        code: "invalid_type",
        path: ["ballots", 0, "points", 0],
      });
      expect(codeOf(() => dotVoting(one("a")))).toStrictEqual({
        code: "invalid_type",
        path: ["ballots", 0, "points"],
      });
      expect(codeOf(() => dotVoting(one([])))).toStrictEqual({ code: "empty", path: ["ballots"] });
      expect(codeOf(() => dotVoting(one([]), { dotsPerVoter: 2.5 }))).toStrictEqual({
        code: "invalid_value",
        path: ["options", "dotsPerVoter"],
      });
    });
  });
});
