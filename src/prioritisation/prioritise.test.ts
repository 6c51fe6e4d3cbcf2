import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeOf } from "../../test/helpers/errors.js";
import type { Decision } from "./buildDecision.js";
import { kendallW } from "./kendallW.js";
import { prioritise, type PrioritiseOptions } from "./prioritise.js";
import { topsis } from "./topsis.js";
import { weightedSum } from "./weightedSum.js";

const decision: Decision = {
  alternatives: ["p", "q", "r"],
  criteria: [
    { id: "impact", kind: "benefit", weight: 3, scale: { min: 1, max: 5 } },
    { id: "cost", kind: "cost", weight: 1, scale: { min: 0, max: 100 } },
  ],
  matrix: [
    [5, 80],
    [4, 20],
    [2, 10],
  ],
  ballots: [
    { ranking: ["q", "p", "r"], weight: 2 },
    { ranking: ["p", "q"] },
    {
      approvals: ["p", "r"],
      points: [{ alternative: "r", points: 3 }],
      scores: [{ alternative: "p", score: 4 }],
    },
  ],
};

describe("prioritise", () => {
  it("weighted sum: scale normalisation when every criterion has a scale, with contributions", () => {
    const r = prioritise(decision, { method: "weightedSum" });
    const direct = weightedSum(decision.matrix, [0.75, 0.25], ["benefit", "cost"], {
      normalisation: "scale",
      scales: [
        { min: 1, max: 5 },
        { min: 0, max: 100 },
      ],
    });
    expect(r.method).toBe("weightedSum");
    expect(r.parameters).toStrictEqual({
      normalisation: "scale",
      weights: [
        { criterion: "impact", kind: "benefit", weight: 0.75 },
        { criterion: "cost", kind: "cost", weight: 0.25 },
      ],
      weightSource: "decision",
      tieTolerance: direct.tieTolerance,
    });
    expect(r.ranking).toStrictEqual(
      [0, 1, 2]
        .map((i) => ({
          solution: decision.alternatives[i] as string,
          score: direct.scores[i] as number,
          rank: direct.ranks[i] as number,
        }))
        .sort((a, b) => a.rank - b.rank),
    );
    r.contributions.forEach((row, i) =>
      expect(row.reduce((s, x) => s + x, 0)).toBeCloseTo(direct.scores[i] as number, 14),
    );
  });

  it("weighted sum falls back to min-max when a criterion has no scale", () => {
    const d: Decision = {
      ...decision,
      criteria: [
        decision.criteria[0] as Decision["criteria"][number],
        { id: "cost", kind: "cost", weight: 1 },
      ],
    };
    expect(prioritise(d, { method: "weightedSum" }).parameters.normalisation).toBe("minMax");
  });

  it("TOPSIS: vector normalisation by default, with the intermediate tables", () => {
    const r = prioritise(decision, { method: "topsis" });
    const direct = topsis(decision.matrix, [3, 1], ["benefit", "cost"]);
    expect(r.parameters.normalisation).toBe("vector");
    expect(r.distanceToIdeal).toStrictEqual(direct.distanceToIdeal);
    expect(r.ideal).toStrictEqual(direct.ideal);
    expect(r.weighted).toHaveLength(3);
    expect(r.ranking.map((x) => x.score).sort()).toStrictEqual([...direct.closeness].sort());
    expect(
      prioritise(decision, { method: "topsis", normalisation: "minMax" }).parameters.normalisation,
    ).toBe("minMax");
  });

  it("AHP: ratio ratings from the scores (1/score for a cost) or the decision's comparisons", () => {
    const r = prioritise(decision, { method: "ahp" });
    // impact priorities 5/11, 4/11, 2/11; cost 1/80, 1/20, 1/10 normalised
    const cost = [1 / 80, 1 / 20, 1 / 10];
    const cs = cost.reduce((a, b) => a + b, 0);
    const expected = [5, 4, 2].map((x, i) => 0.75 * (x / 11) + 0.25 * ((cost[i] as number) / cs));
    const byId = Object.fromEntries(r.ranking.map((x) => [x.solution, x.score]));
    decision.alternatives.forEach((a, i) => expect(byId[a]).toBeCloseTo(expected[i] as number, 12));
    expect(r.ratings.map((x) => [x.criterion, x.source])).toStrictEqual([
      ["impact", "scores"],
      ["cost", "scores"],
    ]);
    expect(r.parameters).toMatchObject({
      mode: "distributive",
      ahpMethod: "eigenvector",
      randomIndex: "saaty1980",
    });
    const withComparisons = prioritise(
      {
        ...decision,
        comparisons: {
          impact: [
            [1, 1, 1],
            [1, 1, 1],
            [1, 1, 1],
          ],
        },
      },
      { method: "ahp", mode: "ideal", ahp: { randomIndex: "saaty2005" } },
    );
    expect(withComparisons.ratings[0]).toStrictEqual({
      criterion: "impact",
      source: "comparisons",
      priorities: [1, 1, 1],
      consistencyRatio: 0,
    });
    expect(withComparisons.parameters.randomIndex).toBe("saaty2005");
  });

  it("votes: Borda by default over the ranking ballots, with Kendall's W as consensus", () => {
    const r = prioritise(decision, { method: "votes" });
    // n = 3: q 2*2 + 1 = 5, p 2*1 + 2 = 4, r 0
    expect(r.ranking).toStrictEqual([
      { solution: "q", score: 5, rank: 1 },
      { solution: "p", score: 4, rank: 2 },
      { solution: "r", score: 0, rank: 3 },
    ]);
    expect(r.parameters).toStrictEqual({
      votingRule: "borda",
      ballotsUsed: 2,
      ballotsIgnored: 1,
      dotsPerVoter: null,
    });
    expect(r.consensus?.raters).toBe(2);
  });

  it("votes: approval, score and dot rules, consensus null with one ballot", () => {
    const a = prioritise(decision, { method: "votes", votingRule: "approval" });
    expect(a.ranking.map((x) => [x.solution, x.score])).toStrictEqual([
      ["p", 1],
      ["r", 1],
      ["q", 0],
    ]);
    expect(a.consensus).toBeNull();
    expect(a.consensusReason).toBe("Kendall's W needs at least 2 ballots, got 1");
    expect(prioritise(decision, { method: "votes", votingRule: "score" }).ranking[0]).toStrictEqual(
      { solution: "p", score: 4, rank: 1 },
    );
    const dot = prioritise(decision, { method: "votes", votingRule: "dot", dotsPerVoter: 3 });
    expect(dot.ranking[0]).toStrictEqual({ solution: "r", score: 3, rank: 1 });
    expect(dot.parameters.dotsPerVoter).toBe(3);
  });

  it("votes: consensus across ballots for every rule, and a reason when it cannot be computed", () => {
    const two: Decision = {
      ...decision,
      ballots: [{ approvals: ["p"] }, { approvals: ["p", "q"] }],
      alternatives: decision.alternatives,
    };
    expect(prioritise(two, { method: "votes", votingRule: "approval" }).consensus?.raters).toBe(2);
    const scores: Decision = {
      ...decision,
      ballots: [
        { scores: [{ alternative: "p", score: 1 }] },
        { scores: [{ alternative: "q", score: 2 }] },
      ],
    };
    expect(prioritise(scores, { method: "votes", votingRule: "score" }).consensus?.w).toBe(0.25);
    const dots: Decision = {
      ...decision,
      ballots: [
        { points: [{ alternative: "p", points: 1 }] },
        { points: [{ alternative: "p", points: 1 }] },
      ],
    };
    expect(prioritise(dots, { method: "votes", votingRule: "dot" }).consensus?.w).toBe(1);
    const tied: Decision = {
      ...decision,
      ballots: [{ approvals: [] }, { approvals: [] }, { approvals: ["p"] }],
    };
    expect(
      prioritise(
        { ...tied, ballots: [{ approvals: ["p", "q", "r"] }, { approvals: ["p", "q", "r"] }] },
        { method: "votes", votingRule: "approval" },
      ).consensusReason,
    ).toBe("every ballot ties every alternative");
    const single: Decision = {
      alternatives: ["p"],
      criteria: [{ id: "c", kind: "benefit", weight: 1 }],
      matrix: [[1]],
      ballots: [{ ranking: ["p"] }, { ranking: ["p"] }],
    };
    expect(prioritise(single, { method: "votes" }).consensusReason).toBe(
      "a single alternative has no order to agree on",
    );
  });

  it("votes: consensus over partial ballots equals Kendall's W of the full ballots × alternatives matrix, unnamed at 0", () => {
    const alternatives = ["a", "b", "c", "d", "e", "f"];
    const d: Decision = {
      alternatives,
      criteria: [{ id: "c", kind: "benefit", weight: 1 }],
      matrix: alternatives.map((_, i) => [i]),
      ballots: [
        {
          ranking: ["c", "a"],
          approvals: ["a"],
          scores: [
            { alternative: "a", score: -2 },
            { alternative: "b", score: 0 },
          ],
          points: [{ alternative: "f", points: 2 }],
        },
        {
          ranking: ["a", "b", "c", "d", "e", "f"],
          approvals: ["b", "c"],
          scores: [{ alternative: "c", score: 3 }],
          points: [
            { alternative: "f", points: 1 },
            { alternative: "e", points: 0 },
          ],
        },
        {
          ranking: ["e"],
          approvals: ["a", "f"],
          scores: [
            { alternative: "a", score: 3 },
            { alternative: "d", score: 3 },
          ],
          points: [{ alternative: "a", points: 2 }],
        },
      ],
    };
    // the dense rows as a reader would build them: higher = preferred, 0 when not named
    const n = alternatives.length;
    const row = (named: Record<string, number>) => alternatives.map((x) => named[x] ?? 0);
    const expected = {
      borda: [row({ c: n, a: n - 1 }), row({ a: 6, b: 5, c: 4, d: 3, e: 2, f: 1 }), row({ e: n })],
      approval: [row({ a: 1 }), row({ b: 1, c: 1 }), row({ a: 1, f: 1 })],
      score: [row({ a: -2, b: 0 }), row({ c: 3 }), row({ a: 3, d: 3 })],
      dot: [row({ f: 2 }), row({ f: 1, e: 0 }), row({ a: 2 })],
    } as const;
    for (const votingRule of ["borda", "approval", "score", "dot"] as const) {
      const r = prioritise(d, { method: "votes", votingRule });
      expect(r.consensus).toStrictEqual(kendallW(expected[votingRule]));
    }
  });

  it("returns the ranking sorted by rank then id, with equal ranks for exact ties", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })), {
          minLength: 2,
          maxLength: 8,
        }),
        fc.constantFrom<PrioritiseOptions["method"]>("weightedSum", "ahp"),
        (rows, method) => {
          const d: Decision = {
            alternatives: rows.map((_, i) => `s${String(rows.length - i).padStart(2, "0")}`),
            criteria: [
              { id: "a", kind: "benefit", weight: 1, scale: { min: 0, max: 3 } },
              { id: "b", kind: "cost", weight: 1, scale: { min: 0, max: 3 } },
            ],
            matrix: rows,
          };
          const r = prioritise(d, { method });
          r.ranking.forEach((x, k) => {
            const prev = r.ranking[k - 1];
            if (prev !== undefined) {
              expect(
                prev.rank < x.rank || (prev.rank === x.rank && prev.solution < x.solution),
              ).toBe(true);
              if (prev.score === x.score) expect(prev.rank).toBe(x.rank);
            }
          });
          const sameRow = rows.findIndex(
            (row, i) => rows.findIndex((o) => o[0] === row[0] && o[1] === row[1]) !== i,
          );
          if (sameRow >= 0) {
            const first = rows.findIndex(
              (o) => o[0] === rows[sameRow]?.[0] && o[1] === rows[sameRow]?.[1],
            );
            const rank = (id: string) => r.ranking.find((x) => x.solution === id)?.rank;
            expect(rank(d.alternatives[sameRow] as string)).toBe(
              rank(d.alternatives[first] as string),
            );
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  describe("bad input", () => {
    it("moves errors of the primitives to the decision's fields", () => {
      const flat: Decision = {
        ...decision,
        matrix: [
          [5, 80],
          [4, 80],
          [2, 80],
        ],
        criteria: decision.criteria.map((c) => ({ ...c, scale: undefined as never })),
      };
      const noScale: Decision = {
        ...flat,
        criteria: [
          { id: "impact", kind: "benefit", weight: 3 },
          { id: "cost", kind: "cost", weight: 1 },
        ],
      };
      expect(() =>
        prioritise(noScale, { method: "weightedSum" }),
      ).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: every alternative has the value 80 on criterion 1; min-max normalisation divides by the range, which is 0 (decision.criteria[1])]`,
      );
      const offScale: Decision = {
        ...decision,
        matrix: [
          [6, 80],
          [4, 20],
          [2, 10],
        ],
      };
      expect(codeOf(() => prioritise(offScale, { method: "weightedSum" }))).toStrictEqual({
        code: "out_of_range",
        path: ["decision", "matrix", 0, 0],
      });
      const partlyScaled: Decision = {
        ...decision,
        criteria: [
          decision.criteria[0] as Decision["criteria"][number],
          { id: "cost", kind: "cost", weight: 1 },
        ],
      };
      expect(
        codeOf(() => prioritise(partlyScaled, { method: "weightedSum", normalisation: "scale" })),
      ).toStrictEqual({
        code: "invalid_type",
        path: ["decision", "criteria", 1, "scale"],
      });
      expect(
        codeOf(() =>
          prioritise(
            {
              ...decision,
              matrix: [
                [1, NaN],
                [1, 2],
                [3, 4],
              ],
            },
            { method: "topsis" },
          ),
        ),
      ).toStrictEqual({
        code: "non_finite",
        path: ["decision", "matrix", 0, 1],
      });
    });

    it("rejects weights summing to 0 and negative weights at the criterion", () => {
      const zero: Decision = {
        ...decision,
        criteria: decision.criteria.map((c) => ({ ...c, weight: 0 })),
      };
      expect(codeOf(() => prioritise(zero, { method: "topsis" }))).toStrictEqual({
        code: "zero_weights",
        path: ["decision", "criteria"],
      });
      const neg: Decision = {
        ...decision,
        criteria: decision.criteria.map((c, j) => ({ ...c, weight: j === 1 ? -1 : 1 })),
      };
      expect(codeOf(() => prioritise(neg, { method: "topsis" }))).toStrictEqual({
        code: "negative_weight",
        path: ["decision", "criteria", 1, "weight"],
      });
    });

    it("rejects a matrix that is not alternatives x criteria", () => {
      expect(
        codeOf(() => prioritise({ ...decision, matrix: [[1, 2]] }, { method: "topsis" })),
      ).toStrictEqual({
        code: "length_mismatch",
        path: ["decision", "matrix"],
      });
      expect(
        codeOf(() =>
          prioritise({ ...decision, matrix: [[1, 2], [1], [1, 2]] }, { method: "topsis" }),
        ),
      ).toStrictEqual({
        code: "length_mismatch",
        path: ["decision", "matrix", 1],
      });
      expect(
        codeOf(() => prioritise({ ...decision, matrix: "x" as never }, { method: "topsis" })),
      ).toStrictEqual({ code: "invalid_type", path: ["decision", "matrix"] });
    });

    it("rejects malformed criteria and alternatives", () => {
      const c = (criteria: unknown): Decision => ({
        ...decision,
        criteria: criteria as Decision["criteria"],
      });
      expect(codeOf(() => prioritise(c([]), { method: "topsis" }))).toStrictEqual({
        code: "empty",
        path: ["decision", "criteria"],
      });
      expect(codeOf(() => prioritise(c("x"), { method: "topsis" }))).toStrictEqual({
        code: "invalid_type",
        path: ["decision", "criteria"],
      });
      expect(codeOf(() => prioritise(c([null, null]), { method: "topsis" }))).toStrictEqual({
        code: "invalid_type",
        path: ["decision", "criteria", 0],
      });
      expect(
        codeOf(() => prioritise(c([{ id: "", kind: "benefit", weight: 1 }]), { method: "topsis" })),
      ).toStrictEqual({
        code: "invalid_type",
        path: ["decision", "criteria", 0, "id"],
      });
      expect(
        codeOf(() =>
          prioritise(
            c([
              { id: "a", kind: "benefit", weight: 1 },
              { id: "a", kind: "cost", weight: 1 },
            ]),
            { method: "topsis" },
          ),
        ),
      ).toStrictEqual({
        code: "duplicate_id",
        path: ["decision", "criteria", 1, "id"],
      });
      expect(
        codeOf(() =>
          prioritise(
            c([
              { id: "a", kind: "good", weight: 1 },
              { id: "b", kind: "cost", weight: 1 },
            ]),
            { method: "topsis" },
          ),
        ),
      ).toStrictEqual({
        code: "invalid_value",
        path: ["decision", "criteria", 0, "kind"],
      });
      expect(
        codeOf(() =>
          prioritise({ ...decision, alternatives: ["p", "p", "r"] }, { method: "topsis" }),
        ),
      ).toStrictEqual({
        code: "duplicate_id",
        path: ["decision", "alternatives", 1],
      });
      expect(
        codeOf(() => prioritise(null as unknown as Decision, { method: "topsis" })),
      ).toStrictEqual({ code: "invalid_type", path: ["decision"] });
    });

    it("rejects AHP on scores that are not positive, and bad comparisons at their criterion", () => {
      const zero: Decision = {
        ...decision,
        matrix: [
          [5, 0],
          [4, 20],
          [2, 10],
        ],
      };
      expect(codeOf(() => prioritise(zero, { method: "ahp" }))).toStrictEqual({
        code: "non_positive_value",
        path: ["decision", "matrix", 0, 1],
      });
      const bad: Decision = {
        ...decision,
        comparisons: {
          cost: [
            [1, 2],
            [1, 1],
          ],
        },
      };
      expect(codeOf(() => prioritise(bad, { method: "ahp" }))).toStrictEqual({
        code: "not_reciprocal",
        path: ["decision", "comparisons", "cost", 1, 0],
      });
      const wrongSize: Decision = {
        ...decision,
        comparisons: {
          cost: [
            [1, 2],
            [0.5, 1],
          ],
        },
      };
      expect(codeOf(() => prioritise(wrongSize, { method: "ahp" }))).toStrictEqual({
        code: "length_mismatch",
        path: ["decision", "comparisons", "cost"],
      });
      expect(
        codeOf(() => prioritise(decision, { method: "ahp", ahp: { method: "power" as never } })),
      ).toStrictEqual({
        code: "invalid_value",
        path: ["options", "ahp", "method"],
      });
    });

    it("rejects votes without a ballot for the rule, unknown alternatives on a ballot, and bad options", () => {
      expect(() =>
        prioritise({ ...decision, ballots: [] }, { method: "votes" }),
      ).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: no ballot has ranking, which the borda rule counts (0 ballots in the decision) (decision.ballots)]`,
      );
      const unknown: Decision = {
        ...decision,
        ballots: [{ approvals: ["p"] }, { ranking: ["p", "zz"] }],
      };
      expect(codeOf(() => prioritise(unknown, { method: "votes" }))).toStrictEqual({
        code: "unknown_reference",
        path: ["decision", "ballots", 1, "ranking", 1],
      });
      expect(
        codeOf(() => prioritise({ ...decision, ballots: "x" as never }, { method: "votes" })),
      ).toStrictEqual({
        code: "invalid_type",
        path: ["decision", "ballots"],
      });
      expect(
        codeOf(() => prioritise(decision, { method: "votes", votingRule: "condorcet" as never })),
      ).toStrictEqual({
        code: "invalid_value",
        path: ["options", "votingRule"],
      });
      expect(
        codeOf(() => prioritise(decision, { method: "votes", votingRule: "dot", dotsPerVoter: 2 })),
      ).toStrictEqual({
        code: "budget",
        path: ["decision", "ballots", 2, "points"],
      });
      expect(
        codeOf(() => prioritise(decision, { method: "votes", dotsPerVoter: -1 })),
      ).toStrictEqual({
        code: "out_of_range",
        path: ["options", "dotsPerVoter"],
      });
      expect(codeOf(() => prioritise(decision, { method: "median" as never }))).toStrictEqual({
        code: "invalid_value",
        path: ["options", "method"],
      });
      expect(codeOf(() => prioritise(decision, {} as PrioritiseOptions))).toStrictEqual({
        code: "missing_field",
        path: ["options", "method"],
      });
      expect(
        codeOf(() => prioritise(decision, undefined as unknown as PrioritiseOptions)),
      ).toStrictEqual({ code: "missing_field", path: ["options"] });
      expect(
        codeOf(() => prioritise(decision, { method: "topsis", normalisation: "scale" })),
      ).toStrictEqual({
        code: "invalid_value",
        path: ["options", "normalisation"],
      });
    });
  });
});
