import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeOf } from "../../test/helpers/errors.js";
import { ahpWeights } from "./ahpWeights.js";
import { completeJudgements, type CompletionMethod } from "./completeJudgements.js";
import type { JudgementInput } from "./buildReciprocalMatrix.js";

const labels = ["a", "b", "c", "d", "e"];
const partial: JudgementInput[] = [
  { a: "a", b: "b", value: 2 },
  { a: "b", b: "c", value: 3 },
  { a: "a", b: "c", value: 3 },
  { a: "c", b: "d", value: 5 },
  { a: "b", b: "e", value: 1 / 3 },
];

describe("completeJudgements", () => {
  it("completes a spanning tree of judgements consistently (both methods)", () => {
    for (const method of ["harker", "logarithmicLeastSquares"] as const) {
      const r = completeJudgements(
        ["x", "y", "z"],
        [
          { a: "x", b: "y", value: 2 },
          { a: "y", b: "z", value: 3 },
        ],
        { method },
      );
      expect(r.method).toBe(method);
      expect(r.completed).toHaveLength(1);
      expect(r.completed[0]?.value).toBeCloseTo(6, 9);
      expect(ahpWeights(r.matrix).consistencyRatio).toBeLessThan(1e-9);
    }
  });

  it("Harker: the completed matrix's principal eigenvector is the Harker priority vector", () => {
    const r = completeJudgements(labels, partial);
    const w = ahpWeights(r.matrix).weights;
    w.forEach((x, i) => expect(Math.abs(x - (r.weights[i] as number))).toBeLessThan(1e-10));
    expect(r.completed.map((j) => `${j.a}/${j.b}`)).toStrictEqual([
      "a/d",
      "a/e",
      "b/d",
      "c/e",
      "d/e",
    ]);
    expect(r.judgementCount).toBe(5);
  });

  it("logarithmic least squares: the completed matrix's row geometric means are its priorities", () => {
    const r = completeJudgements(labels, partial, { method: "logarithmicLeastSquares" });
    const w = ahpWeights(r.matrix, { method: "geometricMean" }).weights;
    w.forEach((x, i) => expect(Math.abs(x - (r.weights[i] as number))).toBeLessThan(1e-12));
  });

  it("leaves a complete set of judgements as it is", () => {
    const r = completeJudgements(["x", "y"], [{ a: "y", b: "x", value: 4 }]);
    expect(r.completed).toStrictEqual([]);
    expect(r.matrix).toStrictEqual([
      [1, 0.25],
      [4, 1],
    ]);
  });

  it("keeps every given judgement and fills reciprocals", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 4, maxLength: 4 }),
        fc.constantFrom<CompletionMethod>("harker", "logarithmicLeastSquares"),
        (vals, method) => {
          const ids = ["p", "q", "r", "s", "t"];
          const js = vals.map((v, i) => ({
            a: ids[i] as string,
            b: ids[i + 1] as string,
            value: v,
          }));
          const r = completeJudgements(ids, js, { method });
          js.forEach((j, i) => expect((r.matrix[i] as number[])[i + 1]).toBe(j.value));
          r.matrix.forEach((row, i) =>
            row.forEach((x, k) =>
              expect(Math.abs(x * ((r.matrix[k] as number[])[i] as number) - 1)).toBeLessThan(1e-9),
            ),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  describe("bad input", () => {
    it("rejects judgements that do not connect every item", () => {
      expect(() =>
        completeJudgements(
          ["a", "b", "c", "d"],
          [
            { a: "a", b: "b", value: 2 },
            { a: "c", b: "d", value: 2 },
          ],
        ),
      ).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: judgements must connect every item, but nothing links "a" with "c"; at least 3 judgements forming a chain or tree are needed (judgements)]`,
      );
    });

    it("rejects bad judgements as buildReciprocalMatrix does, and unknown methods", () => {
      expect(
        codeOf(() => completeJudgements(["a", "b"], [{ a: "a", b: "b", value: -2 }])),
      ).toStrictEqual({
        code: "non_positive_value",
        path: ["judgements", 0, "value"],
      });
      expect(
        codeOf(() =>
          completeJudgements(["a", "b"], [{ a: "a", b: "b", value: 2 }], {
            method: "mean" as CompletionMethod,
          }),
        ),
      ).toStrictEqual({
        code: "invalid_value",
        path: ["options", "method"],
      });
    });
  });
});
