import { describe, expect, it } from "vitest";
import { codeOf } from "../../test/helpers/errors.js";
import { rankMoscow, type MoscowItem } from "./rankMoscow.js";

describe("rankMoscow", () => {
  it("ranks by category, then score, and checks the Must share of effort against 60 %", () => {
    const r = rankMoscow([
      { id: "c", category: "could", effort: 10 },
      { id: "m2", category: "must", score: 2, effort: 40 },
      { id: "m1", category: "must", score: 5, effort: 30 },
      { id: "s", category: "should", effort: 20 },
      { id: "w", category: "wont", effort: 100 },
    ]);
    expect(r).toStrictEqual({
      ranking: [
        { id: "m1", category: "must", score: 5, rank: 1 },
        { id: "m2", category: "must", score: 2, rank: 2 },
        { id: "s", category: "should", score: null, rank: 3 },
        { id: "c", category: "could", score: null, rank: 4 },
        { id: "w", category: "wont", score: null, rank: 5 },
      ],
      categories: { must: ["m1", "m2"], should: ["s"], could: ["c"], wont: ["w"] },
      effort: {
        byCategory: { must: 70, should: 20, could: 10, wont: 100 },
        mustShare: 0.7,
        withinLimit: false,
        limit: 0.6,
        reason: null,
      },
    });
  });

  it("says why it cannot check effort when some is missing or nothing is planned", () => {
    const r = rankMoscow(
      [
        { id: "a", category: "must" },
        { id: "b", category: "must", effort: 3 },
      ],
      { mustEffortLimit: 0.8 },
    );
    expect(r.effort).toStrictEqual({
      byCategory: null,
      mustShare: null,
      withinLimit: null,
      limit: 0.8,
      reason: "no effort given for a",
    });
    const z = rankMoscow([{ id: "a", category: "wont", effort: 3 }]);
    expect(z.effort.mustShare).toBeNull();
    expect(z.effort.reason).toBe("the planned items (all but wont) have no effort");
  });

  it("lets items without scores share their category's rank", () => {
    const r = rankMoscow([
      { id: "b", category: "should" },
      { id: "a", category: "should" },
    ]);
    expect(r.ranking.map((x) => [x.id, x.rank])).toStrictEqual([
      ["a", 1],
      ["b", 1],
    ]);
  });

  describe("bad input", () => {
    it("rejects unknown categories, negative effort and a limit outside 0-1", () => {
      expect(() =>
        rankMoscow([{ id: "a", category: "maybe" as MoscowItem["category"] }]),
      ).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: category must be one of "must", "should", "could", "wont", got "maybe" (items[0].category)]`,
      );
      expect(codeOf(() => rankMoscow([{ id: "a", category: "must", effort: -1 }]))).toStrictEqual({
        code: "out_of_range",
        path: ["items", 0, "effort"],
      });
      expect(
        codeOf(() => rankMoscow([{ id: "a", category: "must", score: Infinity }])),
      ).toStrictEqual({
        code: "non_finite",
        path: ["items", 0, "score"],
      });
      expect(
        codeOf(() => rankMoscow([{ id: "a", category: "must" }], { mustEffortLimit: 1.5 })),
      ).toStrictEqual({
        code: "out_of_range",
        path: ["options", "mustEffortLimit"],
      });
      expect(codeOf(() => rankMoscow([]))).toStrictEqual({ code: "empty", path: ["items"] });
    });
  });
});
