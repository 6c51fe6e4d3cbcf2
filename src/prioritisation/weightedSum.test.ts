import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeOf } from "../../test/helpers/errors.js";
import type { CriterionKind } from "../schema/vocabularies.js";
import { weightedSum, type WeightedSumNormalisation } from "./weightedSum.js";

const m = [
  [5, 180],
  [4, 45],
  [3, 30],
];
const k: CriterionKind[] = ["benefit", "cost"];

describe("weightedSum", () => {
  it("normalises min-max by default, reversing costs, and echoes its parameters", () => {
    // r = [[1, 0], [0.5, 0.9], [0, 1]] by hand; scores 0.6·r1 + 0.4·r2
    const r = weightedSum(m, [3, 2], k, { tables: true });
    expect(r.normalisation).toBe("minMax");
    expect(r.weights).toStrictEqual([0.6, 0.4]);
    expect(r.normalised).toStrictEqual([
      [1, 0],
      [0.5, 0.9],
      [0, 1],
    ]);
    expect(r.scores.map((s) => Math.round(s * 1e12) / 1e12)).toStrictEqual([0.6, 0.66, 0.4]);
    expect(r.ranks).toStrictEqual([2, 1, 3]);
  });

  it("normalises by the maximum (benefit x / max, cost min / x)", () => {
    const r = weightedSum(m, [0.5, 0.5], k, { normalisation: "max", tables: true });
    expect(r.normalised).toStrictEqual([
      [1, 30 / 180],
      [4 / 5, 30 / 45],
      [3 / 5, 1],
    ]);
    // scores 0.5·[1, 0.8, 0.6] + 0.5·[1/6, 2/3, 1] = [0.583, 0.733, 0.8]
    expect(r.ranks).toStrictEqual([3, 2, 1]);
  });

  it("normalises on declared scales, independent of which alternatives are present", () => {
    const scales = [
      { min: 1, max: 5 },
      { min: 0, max: 500 },
    ];
    const r = weightedSum(m, [0.5, 0.5], k, { normalisation: "scale", scales, tables: true });
    expect(r.normalised).toStrictEqual([
      [1, 0.64],
      [0.75, 0.91],
      [0.5, 0.94],
    ]);
    const subset = weightedSum(m.slice(1), [0.5, 0.5], k, { normalisation: "scale", scales });
    expect(subset.scores).toStrictEqual(r.scores.slice(1));
  });

  it("uses raw values with no normalisation (benefits only)", () => {
    const r = weightedSum(
      [
        [1, 2],
        [3, 0],
      ],
      [1, 1],
      ["benefit", "benefit"],
      { normalisation: "none" },
    );
    expect(r.scores).toStrictEqual([1.5, 1.5]);
    expect(r.ranks).toStrictEqual([1, 1]);
    expect(r.normalised).toBeNull();
  });

  describe("properties", () => {
    const input = fc
      .record({ n: fc.integer({ min: 2, max: 8 }), c: fc.integer({ min: 1, max: 5 }) })
      .chain(({ n, c }) =>
        fc.record({
          matrix: fc.array(
            fc.array(fc.integer({ min: 1, max: 9 }), { minLength: c, maxLength: c }),
            { minLength: n, maxLength: n },
          ),
          weights: fc
            .array(fc.integer({ min: 0, max: 5 }), { minLength: c, maxLength: c })
            .filter((w) => w.some((x) => x > 0)),
          kinds: fc.array(fc.constantFrom<CriterionKind>("benefit", "cost"), {
            minLength: c,
            maxLength: c,
          }),
          normalisation: fc.constantFrom<WeightedSumNormalisation>("max", "scale"),
        }),
      );

    it("scores stay in [0, 1] and ranks count the better scores beyond the tie tolerance", () => {
      fc.assert(
        fc.property(input, ({ matrix, weights, kinds, normalisation }) => {
          const scales = kinds.map(() => ({ min: 0, max: 10 }));
          const r = weightedSum(matrix, weights, kinds, { normalisation, scales });
          // the scale of the scores is at most 1 (every r_ij in [0, 1], weights summing to 1)
          expect(r.tieTolerance).toBeGreaterThanOrEqual(0);
          expect(r.tieTolerance).toBeLessThanOrEqual(1e-9 + 1e-24);
          // a reference: sorted from the best, a new rank wherever the gap exceeds the tolerance
          const order = r.scores.map((s, i) => [s, i] as const).sort((x, y) => y[0] - x[0]);
          const expected = new Array<number>(order.length);
          order.forEach(([s, i], k) => {
            const prev = order[k - 1];
            expected[i] =
              prev !== undefined && prev[0] - s <= r.tieTolerance
                ? (expected[prev[1]] as number)
                : k + 1;
          });
          expect(r.ranks).toStrictEqual(expected);
          r.scores.forEach((s) => {
            expect(s).toBeGreaterThanOrEqual(0);
            expect(s).toBeLessThanOrEqual(1 + 1e-12);
          });
        }),
        { numRuns: 150 },
      );
    });

    it("does not depend on the order of the alternatives", () => {
      fc.assert(
        fc.property(
          input.chain((x) =>
            fc
              .shuffledSubarray(
                x.matrix.map((_, i) => i),
                { minLength: x.matrix.length, maxLength: x.matrix.length },
              )
              .map((perm) => ({ ...x, perm })),
          ),
          ({ matrix, weights, kinds, normalisation, perm }) => {
            const scales = kinds.map(() => ({ min: 0, max: 10 }));
            const a = weightedSum(matrix, weights, kinds, { normalisation, scales });
            const b = weightedSum(
              perm.map((i) => matrix[i] as number[]),
              weights,
              kinds,
              { normalisation, scales },
            );
            expect(b.scores).toStrictEqual(perm.map((i) => a.scores[i] as number));
            expect(b.ranks).toStrictEqual(perm.map((i) => a.ranks[i] as number));
          },
        ),
        { numRuns: 100 },
      );
    });
  });

  describe("bad input", () => {
    it("rejects a criterion whose values are all equal under min-max", () => {
      expect(() =>
        weightedSum(
          [
            [1, 4],
            [2, 4],
          ],
          [1, 1],
          k,
        ),
      ).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: every alternative has the value 4 on criterion 1; min-max normalisation divides by the range, which is 0 (criteria[1])]`,
      );
    });

    it("rejects values the max normalisation cannot divide by", () => {
      expect(
        codeOf(() =>
          weightedSum(
            [
              [1, 0],
              [2, 4],
            ],
            [1, 1],
            k,
            { normalisation: "max" },
          ),
        ),
      ).toStrictEqual({
        code: "non_positive_value",
        path: ["matrix", 0, 1],
      });
      expect(
        codeOf(() =>
          weightedSum(
            [
              [-1, 1],
              [2, 4],
            ],
            [1, 1],
            k,
            { normalisation: "max" },
          ),
        ),
      ).toStrictEqual({
        code: "non_positive_value",
        path: ["matrix", 0, 0],
      });
      expect(
        codeOf(() =>
          weightedSum(
            [
              [0, 1],
              [0, 4],
            ],
            [1, 1],
            k,
            { normalisation: "max" },
          ),
        ),
      ).toStrictEqual({
        code: "non_positive_value",
        path: ["matrix", 0, 0],
      });
    });

    it("rejects bad scales and values off their scale", () => {
      const s = [
        { min: 1, max: 5 },
        { min: 0, max: 100 },
      ];
      expect(codeOf(() => weightedSum(m, [1, 1], k, { normalisation: "scale" }))).toStrictEqual({
        code: "missing_field",
        path: ["options", "scales"],
      });
      expect(
        codeOf(() => weightedSum(m, [1, 1], k, { normalisation: "scale", scales: s })),
      ).toStrictEqual({
        code: "out_of_range",
        path: ["matrix", 0, 1],
      });
      expect(
        codeOf(() =>
          weightedSum(m, [1, 1], k, {
            normalisation: "scale",
            scales: [s[0] as { min: number; max: number }],
          }),
        ),
      ).toStrictEqual({
        code: "length_mismatch",
        path: ["options", "scales"],
      });
      expect(
        codeOf(() =>
          weightedSum(m, [1, 1], k, {
            normalisation: "scale",
            scales: [
              { min: 5, max: 5 },
              { min: 0, max: 500 },
            ],
          }),
        ),
      ).toStrictEqual({ code: "zero_spread", path: ["options", "scales", 0] });
      expect(
        codeOf(() => weightedSum(m, [1, 1], k, { normalisation: "scale", scales: {} as never })),
      ).toStrictEqual({
        code: "invalid_type",
        path: ["options", "scales"],
      });
      expect(
        codeOf(() =>
          weightedSum(m, [1, 1], k, { normalisation: "scale", scales: [null, null] as never }),
        ),
      ).toStrictEqual({
        code: "invalid_type",
        path: ["options", "scales", 0],
      });
      expect(
        codeOf(() =>
          weightedSum(m, [1, 1], k, {
            normalisation: "scale",
            scales: [
              { min: NaN, max: 5 },
              { min: 0, max: 500 },
            ],
          }),
        ),
      ).toStrictEqual({ code: "non_finite", path: ["options", "scales", 0, "min"] });
    });

    it("rejects values too large for double precision", () => {
      expect(codeOf(() => weightedSum([[-1.5e308], [1.5e308]], [1], ["benefit"]))).toStrictEqual({
        code: "out_of_range",
        path: ["criteria", 0],
      });
    });

    it("rejects a cost criterion without normalisation", () => {
      expect(codeOf(() => weightedSum(m, [1, 1], k, { normalisation: "none" }))).toStrictEqual({
        code: "invalid_value",
        path: ["criteria", 1],
      });
    });

    it("rejects weights summing to 0, NaN cells and ragged rows", () => {
      expect(codeOf(() => weightedSum(m, [0, 0], k))).toStrictEqual({
        code: "zero_weights",
        path: ["weights"],
      });
      expect(
        codeOf(() =>
          weightedSum(
            [
              [1, NaN],
              [2, 3],
            ],
            [1, 1],
            k,
          ),
        ),
      ).toStrictEqual({ code: "non_finite", path: ["matrix", 0, 1] });
      expect(codeOf(() => weightedSum([[1, 2], [2]], [1, 1], k))).toStrictEqual({
        code: "length_mismatch",
        path: ["matrix", 1],
      });
      expect(
        codeOf(() =>
          weightedSum(m, [1, 1], k, { normalisation: "zScore" as WeightedSumNormalisation }),
        ),
      ).toStrictEqual({
        code: "invalid_value",
        path: ["options", "normalisation"],
      });
    });
  });
});
