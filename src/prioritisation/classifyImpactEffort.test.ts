import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeOf } from "../../test/helpers/errors.js";
import {
  classifyImpactEffort,
  type ClassifyImpactEffortOptions,
  type ImpactEffortItem,
} from "./classifyImpactEffort.js";

const t = { impactThreshold: 3, effortThreshold: 3 };

describe("classifyImpactEffort", () => {
  it("places each item in its quadrant with the rule that placed it, values on a threshold counting as high", () => {
    const r = classifyImpactEffort(
      [
        { id: "d", impact: 1, effort: 5 },
        { id: "c", impact: 2, effort: 2 },
        { id: "b", impact: 3, effort: 3 },
        { id: "a", impact: 3, effort: 2.9 },
      ],
      t,
    );
    expect(r).toStrictEqual({
      items: [
        {
          id: "a",
          impact: 3,
          effort: 2.9,
          quadrant: "quickWin",
          rule: "impact 3 ≥ 3 and effort 2.9 < 3",
        },
        {
          id: "b",
          impact: 3,
          effort: 3,
          quadrant: "majorProject",
          rule: "impact 3 ≥ 3 and effort 3 ≥ 3",
        },
        {
          id: "c",
          impact: 2,
          effort: 2,
          quadrant: "fillIn",
          rule: "impact 2 < 3 and effort 2 < 3",
        },
        {
          id: "d",
          impact: 1,
          effort: 5,
          quadrant: "thanklessTask",
          rule: "impact 1 < 3 and effort 5 ≥ 3",
        },
      ],
      quadrants: { quickWin: ["a"], majorProject: ["b"], fillIn: ["c"], thanklessTask: ["d"] },
      thresholds: { impact: 3, effort: 3, rule: "high when value >= threshold" },
    });
  });

  it("orders within a quadrant by impact, then effort, then id", () => {
    const r = classifyImpactEffort(
      [
        { id: "z", impact: 4, effort: 1 },
        { id: "y", impact: 5, effort: 2 },
        { id: "x", impact: 4, effort: 1 },
        { id: "w", impact: 4, effort: 0 },
      ],
      t,
    );
    expect(r.quadrants.quickWin).toStrictEqual(["y", "w", "x", "z"]);
  });

  it("partitions its input and does not depend on input order", () => {
    const item = fc.record({
      impact: fc.integer({ min: 0, max: 5 }),
      effort: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 12 }), (raw) => {
        const items = raw.map((x, i) => ({ id: `s${i}`, ...x }));
        const r = classifyImpactEffort(items, t);
        const all = Object.values(r.quadrants).flat().sort();
        expect(all).toStrictEqual(items.map((x) => x.id).sort());
        expect(classifyImpactEffort([...items].reverse(), t)).toStrictEqual(r);
      }),
      { numRuns: 100 },
    );
  });

  describe("bad input", () => {
    it("requires both thresholds", () => {
      expect(() =>
        classifyImpactEffort([{ id: "a", impact: 1, effort: 1 }], {
          impactThreshold: 3,
        } as ClassifyImpactEffortOptions),
      ).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: effortThreshold must be a number, got undefined (options.effortThreshold)]`,
      );
      expect(
        codeOf(() => classifyImpactEffort([], undefined as unknown as ClassifyImpactEffortOptions)),
      ).toStrictEqual({
        code: "missing_field",
        path: ["options"],
      });
      expect(
        codeOf(() => classifyImpactEffort([], { impactThreshold: NaN, effortThreshold: 1 })),
      ).toStrictEqual({
        code: "non_finite",
        path: ["options", "impactThreshold"],
      });
    });

    it("rejects empty lists, duplicate ids and non-numeric values", () => {
      expect(codeOf(() => classifyImpactEffort([], t))).toStrictEqual({
        code: "empty",
        path: ["items"],
      });
      expect(
        codeOf(() =>
          classifyImpactEffort(
            [
              { id: "a", impact: 1, effort: 1 },
              { id: "a", impact: 2, effort: 1 },
            ],
            t,
          ),
        ),
      ).toStrictEqual({ code: "duplicate_id", path: ["items", 1, "id"] });
      expect(
        codeOf(() =>
          classifyImpactEffort(
            [{ id: "a", impact: "high", effort: 1 } as unknown as ImpactEffortItem],
            t,
          ),
        ),
      ).toStrictEqual({
        code: "invalid_type",
        path: ["items", 0, "impact"],
      });
      expect(
        codeOf(() =>
          classifyImpactEffort([{ id: 4, impact: 1, effort: 1 } as unknown as ImpactEffortItem], t),
        ),
      ).toStrictEqual({
        code: "invalid_type",
        path: ["items", 0, "id"],
      });
      expect(
        codeOf(() => classifyImpactEffort([null as unknown as ImpactEffortItem], t)),
      ).toStrictEqual({
        code: "invalid_type",
        path: ["items", 0],
      });
      expect(
        codeOf(() => classifyImpactEffort({} as unknown as ImpactEffortItem[], t)),
      ).toStrictEqual({
        code: "invalid_type",
        path: ["items"],
      });
    });
  });
});
