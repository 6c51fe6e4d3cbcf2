import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeOf } from "../../test/helpers/errors.js";
import { aggregateJudgements, type JudgementAggregation } from "./aggregateJudgements.js";
import { ahpWeights } from "./ahpWeights.js";

const a = [
  [1, 3, 5],
  [1 / 3, 1, 2],
  [1 / 5, 1 / 2, 1],
];
const b = [
  [1, 1 / 2, 2],
  [2, 1, 4],
  [1 / 2, 1 / 4, 1],
];

describe("aggregateJudgements", () => {
  it("takes the weighted geometric mean of the judgements (AIJ) and reports each respondent", () => {
    const r = aggregateJudgements([a, b], { respondents: ["city", "ngo"], weights: [3, 1] });
    expect(r.method).toBe("geometricMeanOfJudgements");
    // a_01 = 3^0.75 * 0.5^0.25 by hand
    expect(
      Math.abs((((r.matrix as number[][])[0] as number[])[1] as number) - 3 ** 0.75 * 0.5 ** 0.25),
    ).toBeLessThan(1e-12);
    expect(r.weights).toStrictEqual(ahpWeights(r.matrix as number[][]).weights);
    expect(r.respondents.map((p) => [p.respondent, p.weight])).toStrictEqual([
      ["city", 0.75],
      ["ngo", 0.25],
    ]);
    expect(r.respondents[0]?.weights).toStrictEqual(ahpWeights(a).weights);
    expect(r.consistencyRatio).not.toBeNull();
    expect(r.reason).toBeNull();
    expect(r.parameters).toStrictEqual({
      ahpMethod: "eigenvector",
      randomIndex: "saaty1980",
      threshold: 0.1,
    });
  });

  it("averages the respondents' priorities (AIP) and builds no group matrix", () => {
    const r = aggregateJudgements([a, b], {
      method: "meanOfPriorities",
      ahp: { method: "geometricMean" },
    });
    const wa = ahpWeights(a, { method: "geometricMean" }).weights;
    const wb = ahpWeights(b, { method: "geometricMean" }).weights;
    r.weights.forEach((x, i) =>
      expect(Math.abs(x - ((wa[i] as number) + (wb[i] as number)) / 2)).toBeLessThan(1e-15),
    );
    expect(r.matrix).toBeNull();
    expect(r.consistencyRatio).toBeNull();
    expect(r.reason).toMatch(/no group matrix/);
    expect(r.respondents.map((p) => p.respondent)).toStrictEqual(["1", "2"]);
    expect(r.parameters.ahpMethod).toBe("geometricMean");
  });

  it("gives a respondent's own priorities back when alone, and weights summing to 1 in any case", () => {
    expect(aggregateJudgements([a]).weights).toStrictEqual(ahpWeights(a).weights);
    fc.assert(
      fc.property(
        fc.constantFrom<JudgementAggregation>("geometricMeanOfJudgements", "meanOfPriorities"),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 2 }),
        (method, lw) => {
          const r = aggregateJudgements([a, b], { method, weights: lw });
          expect(Math.abs(r.weights.reduce((s, x) => s + x, 0) - 1)).toBeLessThan(1e-12);
          expect(r.weights.every((x) => x > 0)).toBe(true);
        },
      ),
      { numRuns: 50 },
    );
  });

  describe("bad input", () => {
    it("names the respondent's matrix in the path of an error", () => {
      expect(() =>
        aggregateJudgements([
          a,
          [
            [1, 2],
            [2, 1],
          ],
        ]),
      ).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: matrix[1][0] must be 1/matrix[0][1] = 0.5, got 2 (matrices[1][1][0])]`,
      );
    });

    it("rejects matrices of different orders, no matrices, and mismatched respondents or weights", () => {
      expect(codeOf(() => aggregateJudgements([a, [[1]]]))).toStrictEqual({
        code: "length_mismatch",
        path: ["matrices", 1],
      });
      expect(codeOf(() => aggregateJudgements([]))).toStrictEqual({
        code: "empty",
        path: ["matrices"],
      });
      expect(codeOf(() => aggregateJudgements("x" as unknown as number[][][]))).toStrictEqual({
        code: "invalid_type",
        path: ["matrices"],
      });
      expect(codeOf(() => aggregateJudgements([a, b], { respondents: ["x"] }))).toStrictEqual({
        code: "length_mismatch",
        path: ["options", "respondents"],
      });
      expect(codeOf(() => aggregateJudgements([a, b], { weights: [0, 0] }))).toStrictEqual({
        code: "zero_weights",
        path: ["options", "weights"],
      });
      expect(codeOf(() => aggregateJudgements([a, b], { weights: [1, -1] }))).toStrictEqual({
        code: "negative_weight",
        path: ["options", "weights", 1],
      });
      expect(
        codeOf(() => aggregateJudgements([a], { method: "median" as JudgementAggregation })),
      ).toStrictEqual({
        code: "invalid_value",
        path: ["options", "method"],
      });
    });
  });
});
