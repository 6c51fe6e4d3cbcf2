import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeOf } from "../../test/helpers/errors.js";
import {
  synthesiseHierarchy,
  type HierarchyNode,
  type SynthesisMode,
} from "./synthesiseHierarchy.js";

const alts = ["x", "y", "z"];
const goal: HierarchyNode = {
  id: "goal",
  comparisons: [
    [1, 3],
    [1 / 3, 1],
  ],
  children: [
    {
      id: "benefit",
      children: [
        { id: "impact", weight: 2, priorities: [5, 3, 2] },
        {
          id: "reach",
          weight: 2,
          alternativeComparisons: [
            [1, 2, 4],
            [1 / 2, 1, 2],
            [1 / 4, 1 / 2, 1],
          ],
        },
      ],
    },
    { id: "feasibility", priorities: [1, 1, 2] },
  ],
};

describe("synthesiseHierarchy", () => {
  it("multiplies local weights down the tree and sums global weight x local priority", () => {
    const r = synthesiseHierarchy(goal, alts);
    expect(r.criteria.map((c) => [c.id, c.level, c.isLeaf])).toStrictEqual([
      ["benefit", 1, false],
      ["impact", 2, true],
      ["reach", 2, true],
      ["feasibility", 1, true],
    ]);
    // benefit 0.75 (comparisons 3:1), impact and reach 0.5 each of it
    const g = Object.fromEntries(r.criteria.map((c) => [c.id, c.globalWeight]));
    expect(g["benefit"]).toBeCloseTo(0.75, 12);
    expect(g["impact"]).toBeCloseTo(0.375, 12);
    expect(g["reach"]).toBeCloseTo(0.375, 12);
    expect(g["feasibility"]).toBeCloseTo(0.25, 12);
    expect(r.criteria.find((c) => c.id === "impact")?.path).toStrictEqual(["benefit", "impact"]);
    // x: 0.375*0.5 + 0.375*4/7 + 0.25*0.25 by hand
    expect(r.scores[0]).toBeCloseTo(0.375 * 0.5 + (0.375 * 4) / 7 + 0.25 * 0.25, 10);
    expect(r.scores.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(r.ranking.map((a) => a.alternative)).toStrictEqual(["x", "y", "z"]);
    expect(r.consistencyRatio).toBe(0);
    expect(r.criteria.find((c) => c.id === "reach")?.consistencyRatio).toBe(0);
    expect(r.criteria.find((c) => c.id === "impact")?.consistencyRatio).toBeNull();
    expect(r.mode).toBe("distributive");
  });

  it("divides leaf priorities by their maximum in the ideal mode", () => {
    const r = synthesiseHierarchy(goal, alts, { mode: "ideal" });
    expect(r.criteria.find((c) => c.id === "impact")?.alternativePriorities).toStrictEqual([
      1, 0.6, 0.4,
    ]);
    expect(r.scores.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(r.mode).toBe("ideal");
  });

  it("leaf global weights sum to 1 and scores do not depend on the order of the criteria", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            w: fc.integer({ min: 1, max: 9 }),
            p: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 3, maxLength: 3 }),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        fc.constantFrom<SynthesisMode>("distributive", "ideal"),
        (crit, mode) => {
          const kids = crit.map((c, i) => ({
            id: `c${i}`,
            weight: c.w,
            priorities: c.p.some((x) => x > 0) ? c.p : [1, 1, 1],
          }));
          const a = synthesiseHierarchy({ id: "g", children: kids }, alts, { mode });
          const b = synthesiseHierarchy({ id: "g", children: [...kids].reverse() }, alts, { mode });
          expect(
            a.criteria.filter((c) => c.isLeaf).reduce((s, c) => s + c.globalWeight, 0),
          ).toBeCloseTo(1, 12);
          a.scores.forEach((s, i) => expect(s).toBeCloseTo(b.scores[i] as number, 12));
        },
      ),
      { numRuns: 100 },
    );
  });

  describe("bad input", () => {
    const leaf = (id: string, extra: Partial<HierarchyNode> = {}): HierarchyNode => ({
      id,
      weight: 1,
      priorities: [1, 2, 3],
      ...extra,
    });
    it("rejects a criterion without children or ratings", () => {
      expect(() =>
        synthesiseHierarchy({ id: "g", children: [{ id: "a", weight: 1 }] }, alts),
      ).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: criterion "a" must give exactly one of children, priorities or alternativeComparisons, got none (hierarchy.children[0])]`,
      );
      expect(codeOf(() => synthesiseHierarchy({ id: "g" }, alts))).toStrictEqual({
        code: "missing_field",
        path: ["hierarchy", "children"],
      });
    });

    it("rejects ambiguous weighting and ratings", () => {
      expect(
        codeOf(() =>
          synthesiseHierarchy(
            {
              id: "g",
              comparisons: [
                [1, 2],
                [0.5, 1],
              ],
              children: [leaf("a"), leaf("b")],
            },
            alts,
          ),
        ),
      ).toStrictEqual({
        code: "invalid_value",
        path: ["hierarchy", "children", 0, "weight"],
      });
      expect(
        codeOf(() =>
          synthesiseHierarchy(
            { id: "g", children: [leaf("a", { alternativeComparisons: [[1]] })] },
            alts,
          ),
        ),
      ).toStrictEqual({ code: "invalid_value", path: ["hierarchy", "children", 0] });
      expect(
        codeOf(() =>
          synthesiseHierarchy(
            {
              id: "g",
              children: [{ id: "a", weight: 1, priorities: [1, 1, 1], children: [leaf("b")] }],
            },
            alts,
          ),
        ),
      ).toStrictEqual({ code: "invalid_value", path: ["hierarchy", "children", 0] });
    });

    it("rejects missing or bad child weights", () => {
      expect(
        codeOf(() =>
          synthesiseHierarchy({ id: "g", children: [{ id: "a", priorities: [1, 1, 1] }] }, alts),
        ),
      ).toStrictEqual({
        code: "missing_field",
        path: ["hierarchy", "children", 0, "weight"],
      });
      expect(
        codeOf(() => synthesiseHierarchy({ id: "g", children: [leaf("a", { weight: -1 })] }, alts)),
      ).toStrictEqual({
        code: "negative_weight",
        path: ["hierarchy", "children", 0, "weight"],
      });
      expect(
        codeOf(() => synthesiseHierarchy({ id: "g", children: [leaf("a", { weight: 0 })] }, alts)),
      ).toStrictEqual({
        code: "zero_weights",
        path: ["hierarchy", "children"],
      });
    });

    it("rejects priorities and matrices of the wrong size, negative or all-zero priorities", () => {
      expect(
        codeOf(() =>
          synthesiseHierarchy({ id: "g", children: [leaf("a", { priorities: [1, 2] })] }, alts),
        ),
      ).toStrictEqual({
        code: "length_mismatch",
        path: ["hierarchy", "children", 0, "priorities"],
      });
      expect(
        codeOf(() =>
          synthesiseHierarchy({ id: "g", children: [leaf("a", { priorities: [1, -2, 1] })] }, alts),
        ),
      ).toStrictEqual({
        code: "out_of_range",
        path: ["hierarchy", "children", 0, "priorities", 1],
      });
      expect(
        codeOf(() =>
          synthesiseHierarchy({ id: "g", children: [leaf("a", { priorities: [0, 0, 0] })] }, alts),
        ),
      ).toStrictEqual({
        code: "zero_spread",
        path: ["hierarchy", "children", 0, "priorities"],
      });
      expect(
        codeOf(() =>
          synthesiseHierarchy(
            { id: "g", children: [leaf("a", { priorities: "x" as unknown as number[] })] },
            alts,
          ),
        ),
      ).toStrictEqual({
        code: "invalid_type",
        path: ["hierarchy", "children", 0, "priorities"],
      });
      const noP: HierarchyNode = {
        id: "a",
        weight: 1,
        alternativeComparisons: [
          [1, 2],
          [0.5, 1],
        ],
      };
      expect(codeOf(() => synthesiseHierarchy({ id: "g", children: [noP] }, alts))).toStrictEqual({
        code: "length_mismatch",
        path: ["hierarchy", "children", 0, "alternativeComparisons"],
      });
      expect(
        codeOf(() =>
          synthesiseHierarchy(
            {
              id: "g",
              comparisons: [[1]],
              children: [
                { id: "a", priorities: [1, 1, 1] },
                { id: "b", priorities: [1, 1, 1] },
              ],
            },
            alts,
          ),
        ),
      ).toStrictEqual({
        code: "length_mismatch",
        path: ["hierarchy", "comparisons"],
      });
      expect(
        codeOf(() =>
          synthesiseHierarchy(
            {
              id: "g",
              comparisons: [
                [1, 2],
                [1, 1],
              ],
              children: [
                { id: "a", priorities: [1, 1, 1] },
                { id: "b", priorities: [1, 1, 1] },
              ],
            },
            alts,
          ),
        ),
      ).toStrictEqual({
        code: "not_reciprocal",
        path: ["hierarchy", "comparisons", 1, 0],
      });
    });

    it("rejects duplicate ids, malformed nodes and bad alternatives", () => {
      expect(
        codeOf(() => synthesiseHierarchy({ id: "g", children: [leaf("a"), leaf("a")] }, alts)),
      ).toStrictEqual({
        code: "duplicate_id",
        path: ["hierarchy", "children", 1, "id"],
      });
      expect(
        codeOf(() =>
          synthesiseHierarchy({ id: "g", children: [null as unknown as HierarchyNode] }, alts),
        ),
      ).toStrictEqual({
        code: "invalid_type",
        path: ["hierarchy", "children", 0],
      });
      expect(
        codeOf(() =>
          synthesiseHierarchy({ id: "g", children: "a" as unknown as HierarchyNode[] }, alts),
        ),
      ).toStrictEqual({
        code: "invalid_type",
        path: ["hierarchy", "children"],
      });
      expect(
        codeOf(() => synthesiseHierarchy({ id: 3 } as unknown as HierarchyNode, alts)),
      ).toStrictEqual({
        code: "invalid_type",
        path: ["hierarchy", "id"],
      });
      expect(codeOf(() => synthesiseHierarchy(goal, []))).toStrictEqual({
        code: "empty",
        path: ["alternatives"],
      });
      expect(
        codeOf(() => synthesiseHierarchy(goal, alts, { mode: "max" as SynthesisMode })),
      ).toStrictEqual({
        code: "invalid_value",
        path: ["options", "mode"],
      });
    });
  });
});
