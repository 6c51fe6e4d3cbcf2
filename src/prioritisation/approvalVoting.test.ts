import { describe, expect, it } from "vitest";
import { codeOf } from "../../test/helpers/errors.js";
import { approvalVoting } from "./approvalVoting.js";

describe("approvalVoting", () => {
  it("counts weighted approvals, ties share a rank and are listed by id", () => {
    expect(
      approvalVoting([
        { approvals: ["b", "a"], weight: 2 },
        { approvals: ["c"] },
        { approvals: ["c", "a"] },
      ]),
    ).toStrictEqual([
      { alternative: "a", points: 3, rank: 1 },
      { alternative: "b", points: 2, rank: 2 },
      { alternative: "c", points: 2, rank: 2 },
    ]);
  });

  it("accepts an empty approval list (an abstention) when others approve", () => {
    expect(approvalVoting([{ approvals: [] }, { approvals: ["a"] }])).toStrictEqual([
      { alternative: "a", points: 1, rank: 1 },
    ]);
  });

  describe("bad input", () => {
    it("rejects unknown alternatives, repeats, nothing approved and bad weights", () => {
      expect(
        codeOf(() => approvalVoting([{ approvals: ["x"] }], { alternatives: ["a"] })),
      ).toStrictEqual({
        code: "unknown_reference",
        path: ["ballots", 0, "approvals", 0],
      });
      expect(codeOf(() => approvalVoting([{ approvals: ["a", "a"] }]))).toStrictEqual({
        code: "duplicate_id",
        path: ["ballots", 0, "approvals", 1],
      });
      expect(codeOf(() => approvalVoting([{ approvals: [] }]))).toStrictEqual({
        code: "empty",
        path: ["ballots"],
      });
      expect(codeOf(() => approvalVoting([{ approvals: ["a"], weight: -2 }]))).toStrictEqual({
        code: "negative_weight",
        path: ["ballots", 0, "weight"],
      });
      expect(codeOf(() => approvalVoting([{ approvals: ["a"], weight: Infinity }]))).toStrictEqual({
        code: "non_finite",
        path: ["ballots", 0, "weight"],
      });
      expect(codeOf(() => approvalVoting([]))).toStrictEqual({ code: "empty", path: ["ballots"] });
    });
  });
});
