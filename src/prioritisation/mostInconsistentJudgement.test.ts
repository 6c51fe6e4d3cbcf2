import { describe, expect, it } from "vitest";
import { codeOf } from "../../test/helpers/errors.js";
import { mostInconsistentJudgement } from "./mostInconsistentJudgement.js";

// consistent with w = (6, 3, 1, 2)/12 except support/feasibility, flipped from 1/3 to 3
const m = [
  [1, 2, 6, 3],
  [1 / 2, 1, 1 / 3, 3 / 2],
  [1 / 6, 3, 1, 1 / 2],
  [1 / 3, 2 / 3, 2, 1],
];

describe("mostInconsistentJudgement", () => {
  it("finds the one judgement that breaks an otherwise consistent matrix and lowers CR when revised", () => {
    const r = mostInconsistentJudgement(m, {
      labels: ["impact", "feasibility", "support", "cost"],
    });
    expect(r.judgement?.row).toBe(2);
    expect(r.judgement?.column).toBe(1);
    expect([r.judgement?.a, r.judgement?.b]).toStrictEqual(["support", "feasibility"]);
    expect(r.judgement?.value).toBe(3);
    expect(r.judgement?.deviation).toBeGreaterThan(1);
    // epsilon table: a_ij * w_j / w_i with the diagonal at 1; the flagged entry is the maximum
    const all = r.deviations.flat();
    expect(Math.max(...all)).toBe(r.judgement?.deviation);
    r.deviations.forEach((row, i) => expect(row[i]).toBe(1));
    expect(r.consistencyRatioIfRevised).toBeLessThan(r.consistencyRatio);
    expect(r.method).toBe("eigenvector");
    expect(r.randomIndex).toBe("saaty1980");
  });

  it("has nothing to revisit in a consistent matrix or a 2 x 2 one, and says why", () => {
    const c = mostInconsistentJudgement([
      [1, 2, 4],
      [1 / 2, 1, 2],
      [1 / 4, 1 / 2, 1],
    ]);
    expect(c.judgement).toBeNull();
    expect(c.reason).toBe(
      "the matrix is consistent: every judgement equals the ratio of the priorities",
    );
    expect(c.consistencyRatioIfRevised).toBeNull();
    const two = mostInconsistentJudgement([
      [1, 7],
      [1 / 7, 1],
    ]);
    expect(two.reason).toBe("a matrix of order 2 is always consistent");
  });

  it("works without labels and with the geometric mean", () => {
    const r = mostInconsistentJudgement(m, { method: "geometricMean", randomIndex: "saaty2005" });
    expect(r.judgement?.a).toBeNull();
    expect([r.judgement?.row, r.judgement?.column]).toStrictEqual([2, 1]);
    expect(r.method).toBe("geometricMean");
  });

  describe("bad input", () => {
    it("rejects labels that do not match the matrix, and matrices ahpWeights rejects", () => {
      expect(codeOf(() => mostInconsistentJudgement(m, { labels: ["a", "b"] }))).toStrictEqual({
        code: "length_mismatch",
        path: ["options", "labels"],
      });
      expect(
        codeOf(() => mostInconsistentJudgement(m, { labels: ["a", "a", "b", "c"] })),
      ).toStrictEqual({
        code: "duplicate_id",
        path: ["options", "labels", 1],
      });
      expect(
        codeOf(() =>
          mostInconsistentJudgement([
            [1, 2],
            [1, 1],
          ]),
        ),
      ).toStrictEqual({ code: "not_reciprocal", path: ["matrix", 1, 0] });
    });
  });
});
