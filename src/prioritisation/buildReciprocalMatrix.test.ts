import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeOf } from "../../test/helpers/errors.js";
import { ahpWeights } from "./ahpWeights.js";
import {
  buildReciprocalMatrix,
  type JudgementInput,
  type JudgementScale,
} from "./buildReciprocalMatrix.js";

const labels = ["a", "b", "c"];
const full: JudgementInput[] = [
  { a: "a", b: "b", value: 3 },
  { a: "c", b: "a", value: 1 / 5 },
  { a: "b", b: "c", value: 2 },
];

describe("buildReciprocalMatrix", () => {
  it("fills both triangles from one judgement per pair, in either orientation", () => {
    expect(buildReciprocalMatrix(labels, full)).toStrictEqual({
      labels,
      matrix: [
        [1, 3, 5],
        [1 / 3, 1, 2],
        [1 / 5, 1 / 2, 1],
      ],
      judgementCount: 3,
      scale: "continuous",
    });
  });

  it("accepts Saaty's 17 values with the saaty scale and a single item with no judgements", () => {
    expect(buildReciprocalMatrix(labels, full, { scale: "saaty" }).matrix[2]).toStrictEqual([
      1 / 5,
      1 / 2,
      1,
    ]);
    expect(buildReciprocalMatrix(["only"], []).matrix).toStrictEqual([[1]]);
  });

  it("always builds a matrix ahpWeights accepts", () => {
    const value = fc.oneof(
      fc.integer({ min: 1, max: 9 }),
      fc.integer({ min: 2, max: 9 }).map((x) => 1 / x),
    );
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 8 })
          .chain((n) =>
            fc
              .array(value, { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 })
              .map((v) => ({ n, v })),
          ),
        ({ n, v }) => {
          const ids = Array.from({ length: n }, (_, i) => `c${i}`);
          const js: JudgementInput[] = [];
          let k = 0;
          for (let i = 0; i < n; i++)
            for (let j = i + 1; j < n; j++)
              js.push({ a: ids[i] as string, b: ids[j] as string, value: v[k++] as number });
          const r = buildReciprocalMatrix(ids, js, { scale: "saaty" });
          expect(ahpWeights(r.matrix).n).toBe(n);
        },
      ),
      { numRuns: 100 },
    );
  });

  describe("bad input", () => {
    it("rejects a judgement of 0 or below, and one outside 1/9-9", () => {
      expect(() =>
        buildReciprocalMatrix(labels, [{ a: "a", b: "b", value: 0 }]),
      ).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: judgements[0].value must be greater than 0, got 0 (judgements[0].value)]`,
      );
      expect(
        codeOf(() => buildReciprocalMatrix(labels, [{ a: "a", b: "b", value: 10 }])),
      ).toStrictEqual({
        code: "out_of_range",
        path: ["judgements", 0, "value"],
      });
      expect(
        codeOf(() => buildReciprocalMatrix(labels, [{ a: "a", b: "b", value: 0.1 }])),
      ).toStrictEqual({
        code: "out_of_range",
        path: ["judgements", 0, "value"],
      });
      expect(
        codeOf(() => buildReciprocalMatrix(labels, [{ a: "a", b: "b", value: NaN }])),
      ).toStrictEqual({
        code: "non_finite",
        path: ["judgements", 0, "value"],
      });
    });

    it("rejects values off Saaty's scale when asked to", () => {
      expect(
        codeOf(() =>
          buildReciprocalMatrix(labels, [{ a: "a", b: "b", value: 2.5 }], { scale: "saaty" }),
        ),
      ).toStrictEqual({
        code: "invalid_value",
        path: ["judgements", 0, "value"],
      });
      expect(
        codeOf(() => buildReciprocalMatrix(labels, full, { scale: "log" as JudgementScale })),
      ).toStrictEqual({
        code: "invalid_value",
        path: ["options", "scale"],
      });
    });

    it("rejects unknown items, self-comparisons and pairs judged twice", () => {
      expect(
        codeOf(() => buildReciprocalMatrix(labels, [{ a: "a", b: "z", value: 2 }])),
      ).toStrictEqual({
        code: "unknown_reference",
        path: ["judgements", 0, "b"],
      });
      expect(
        codeOf(() => buildReciprocalMatrix(labels, [{ a: "a", b: "a", value: 1 }])),
      ).toStrictEqual({
        code: "invalid_value",
        path: ["judgements", 0, "b"],
      });
      expect(
        codeOf(() =>
          buildReciprocalMatrix(labels, [
            { a: "a", b: "b", value: 2 },
            { a: "b", b: "a", value: 1 / 2 },
          ]),
        ),
      ).toStrictEqual({ code: "invalid_value", path: ["judgements", 1] });
    });

    it("rejects missing pairs, naming them", () => {
      expect(() =>
        buildReciprocalMatrix(labels, [{ a: "a", b: "b", value: 2 }]),
      ).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: judgements must cover every pair of the 3 items; 2 missing (a/c, b/c); use completeJudgements to fill them (judgements)]`,
      );
      const many = Array.from({ length: 5 }, (_, i) => `x${i}`);
      expect(codeOf(() => buildReciprocalMatrix(many, []))).toStrictEqual({
        code: "missing_value",
        path: ["judgements"],
      });
    });

    it("rejects bad labels and malformed judgements", () => {
      expect(codeOf(() => buildReciprocalMatrix([], []))).toStrictEqual({
        code: "empty",
        path: ["labels"],
      });
      expect(codeOf(() => buildReciprocalMatrix(["a", "a"], []))).toStrictEqual({
        code: "duplicate_id",
        path: ["labels", 1],
      });
      expect(codeOf(() => buildReciprocalMatrix(["a", ""], []))).toStrictEqual({
        code: "invalid_value",
        path: ["labels", 1],
      });
      expect(codeOf(() => buildReciprocalMatrix(["a", 1 as unknown as string], []))).toStrictEqual({
        code: "invalid_type",
        path: ["labels", 1],
      });
      expect(codeOf(() => buildReciprocalMatrix("a" as unknown as string[], []))).toStrictEqual({
        code: "invalid_type",
        path: ["labels"],
      });
      expect(
        codeOf(() => buildReciprocalMatrix(labels, {} as unknown as JudgementInput[])),
      ).toStrictEqual({ code: "invalid_type", path: ["judgements"] });
      expect(
        codeOf(() => buildReciprocalMatrix(labels, [null as unknown as JudgementInput])),
      ).toStrictEqual({ code: "invalid_type", path: ["judgements", 0] });
      expect(
        codeOf(() =>
          buildReciprocalMatrix(labels, [{ a: 1, b: "b", value: 2 } as unknown as JudgementInput]),
        ),
      ).toStrictEqual({
        code: "invalid_type",
        path: ["judgements", 0, "a"],
      });
    });
  });
});
