import { describe, expect, it } from "vitest";
import { codeOf } from "../../test/helpers/errors.js";
import {
  buildDecision,
  type BuildDecisionOptions,
  type DecisionAssessment,
} from "./buildDecision.js";
import { aggregateJudgements } from "./aggregateJudgements.js";
import { buildReciprocalMatrix } from "./buildReciprocalMatrix.js";
import type { CompletionMethod } from "./completeJudgements.js";

const base = (): DecisionAssessment => ({
  solutions: [
    { id: "s1", title: "One", readiness: "idea" },
    { id: "s2", title: "Two", readiness: "concept" },
    { id: "s3", title: "Three", readiness: "piloted" },
  ],
  criteria: [
    { id: "impact", title: "Impact", kind: "benefit", scale: { min: 1, max: 5 }, weight: 2 },
    { id: "cost", title: "Cost", kind: "cost", weight: 2 },
  ],
  scores: [
    { solution: "s1", criterion: "impact", value: 5, rater: "r1" },
    { solution: "s1", criterion: "impact", value: 3, rater: "r2" },
    { solution: "s1", criterion: "cost", value: 100 },
    { solution: "s2", criterion: "impact", value: 4 },
    { solution: "s2", criterion: "cost", value: 50 },
    { solution: "s3", criterion: "impact", value: 2 },
    { solution: "s3", criterion: "cost", value: 10 },
  ],
  ballots: [
    { id: "b1", voter: "v1", ranking: ["s2", "s1", "s3"], weight: 2 },
    { id: "b2", voter: "v2", approvals: ["s1", "s3"], points: [{ solution: "s3", points: 2 }] },
  ],
});

describe("buildDecision", () => {
  it("averages raters per cell, normalises given weights and carries the ballots over", () => {
    const d = buildDecision(base());
    expect(d).toStrictEqual({
      alternatives: ["s1", "s2", "s3"],
      criteria: [
        { id: "impact", kind: "benefit", weight: 0.5, scale: { min: 1, max: 5 }, title: "Impact" },
        { id: "cost", kind: "cost", weight: 0.5, title: "Cost" },
      ],
      matrix: [
        [4, 100],
        [4, 50],
        [2, 10],
      ],
      ballots: [
        { id: "b1", voter: "v1", weight: 2, ranking: ["s2", "s1", "s3"] },
        {
          id: "b2",
          voter: "v2",
          approvals: ["s1", "s3"],
          points: [{ alternative: "s3", points: 2 }],
        },
      ],
      provenance: {
        weightSource: "criteria",
        criteriaAhp: null,
        completedJudgements: [],
        completion: "harker",
        raters: [
          [2, 1],
          [1, 1],
          [1, 1],
        ],
        scoreAggregation: "mean",
      },
    });
  });

  it("keeps only the chosen solutions, in the chosen order, and drops their ballot entries", () => {
    const d = buildDecision(base(), { solutions: ["s3", "s1"] });
    expect(d.alternatives).toStrictEqual(["s3", "s1"]);
    expect(d.matrix).toStrictEqual([
      [2, 10],
      [4, 100],
    ]);
    expect(d.ballots?.[0]?.ranking).toStrictEqual(["s1", "s3"]);
  });

  it("derives weights from AHP judgements per respondent, completing and aggregating them", () => {
    const a = base();
    const judged: DecisionAssessment = {
      ...a,
      criteria: [
        { id: "impact", title: "Impact", kind: "benefit" },
        { id: "cost", title: "Cost", kind: "cost" },
        { id: "reach", title: "Reach", kind: "benefit" },
      ],
      scores: [
        ...(a.scores ?? []),
        ...["s1", "s2", "s3"].map((s) => ({ solution: s, criterion: "reach", value: 1 })),
      ],
      prioritisation: {
        criteriaJudgements: [
          { respondent: "r2", a: "impact", b: "cost", value: 3 },
          { respondent: "r2", a: "impact", b: "reach", value: 2 },
          { respondent: "r2", a: "reach", b: "cost", value: 1 },
          { respondent: "r1", a: "impact", b: "cost", value: 2 },
          { respondent: "r1", a: "cost", b: "reach", value: 2 },
        ],
      },
    };
    const d = buildDecision(judged);
    const p = d.provenance;
    expect(p?.weightSource).toBe("ahp");
    expect(p?.completedJudgements).toStrictEqual([
      {
        respondent: "r1",
        completed: [{ a: "impact", b: "reach", value: expect.closeTo(4, 6) as number }],
      },
    ]);
    const r2 = buildReciprocalMatrix(
      ["impact", "cost", "reach"],
      (judged.prioritisation?.criteriaJudgements ?? []).slice(0, 3),
    ).matrix;
    const r1 = [
      [1, 2, 4],
      [1 / 2, 1, 2],
      [1 / 4, 1 / 2, 1],
    ];
    const expected = aggregateJudgements([r1, r2], { respondents: ["r1", "r2"] }).weights;
    d.criteria.forEach((c, j) => expect(c.weight).toBeCloseTo(expected[j] as number, 9));
    const aip = buildDecision(judged, {
      aggregation: "meanOfPriorities",
      completion: "logarithmicLeastSquares",
    });
    expect(aip.provenance?.criteriaAhp?.method).toBe("meanOfPriorities");
    expect(aip.provenance?.completion).toBe("logarithmicLeastSquares");
    // anonymous judgements form one respondent
    const anon = buildDecision({
      ...judged,
      prioritisation: {
        criteriaJudgements: [
          { a: "impact", b: "cost", value: 2 },
          { a: "cost", b: "reach", value: 2 },
          { a: "impact", b: "reach", value: 4 },
        ],
      },
    });
    expect(anon.provenance?.criteriaAhp?.respondents.map((r) => r.respondent)).toStrictEqual([
      "(anonymous)",
    ]);
    expect(anon.criteria.map((c) => c.weight)).toStrictEqual(
      [4 / 7, 2 / 7, 1 / 7].map((x) => expect.closeTo(x, 12) as number),
    );
  });

  describe("bad input", () => {
    it("rejects a solution without a score on a criterion, never scoring it 0", () => {
      const a = base();
      expect(() =>
        buildDecision({ ...a, scores: (a.scores ?? []).slice(0, 6) }),
      ).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: no score for solution "s3" on criterion "cost"; every solution needs a score on every criterion (assessment.scores)]`,
      );
    });

    it("rejects a score off its criterion's scale and scores naming unknown ids", () => {
      const a = base();
      const scores = [...(a.scores ?? [])];
      scores[3] = { solution: "s2", criterion: "impact", value: 6 };
      expect(codeOf(() => buildDecision({ ...a, scores }))).toStrictEqual({
        code: "out_of_range",
        path: ["assessment", "scores", 3, "value"],
      });
      expect(
        codeOf(() =>
          buildDecision({ ...a, scores: [{ solution: "s9", criterion: "impact", value: 1 }] }),
        ),
      ).toStrictEqual({
        code: "unknown_reference",
        path: ["assessment", "scores", 0, "solution"],
      });
      expect(
        codeOf(() =>
          buildDecision({ ...a, scores: [{ solution: "s1", criterion: "x", value: 1 }] }),
        ),
      ).toStrictEqual({
        code: "unknown_reference",
        path: ["assessment", "scores", 0, "criterion"],
      });
      expect(
        codeOf(() =>
          buildDecision({ ...a, scores: [{ solution: "s1", criterion: "cost", value: NaN }] }),
        ),
      ).toStrictEqual({
        code: "non_finite",
        path: ["assessment", "scores", 0, "value"],
      });
    });

    it("rejects missing weights without judgements, and weights summing to 0", () => {
      const a = base();
      const criteria = [
        { id: "impact", title: "Impact", kind: "benefit" as const },
        { id: "cost", title: "Cost", kind: "cost" as const, weight: 1 },
      ];
      expect(codeOf(() => buildDecision({ ...a, criteria }))).toStrictEqual({
        code: "missing_field",
        path: ["assessment", "criteria", 0, "weight"],
      });
      const zero = (a.criteria ?? []).map((c) => ({ ...c, weight: 0 }));
      expect(codeOf(() => buildDecision({ ...a, criteria: zero }))).toStrictEqual({
        code: "zero_weights",
        path: ["assessment", "criteria"],
      });
      const neg = (a.criteria ?? []).map((c) => ({ ...c, weight: -1 }));
      expect(codeOf(() => buildDecision({ ...a, criteria: neg }))).toStrictEqual({
        code: "negative_weight",
        path: ["assessment", "criteria", 0, "weight"],
      });
      expect(codeOf(() => buildDecision(a, { weights: "ahp" }))).toStrictEqual({
        code: "missing_field",
        path: ["assessment", "prioritisation", "criteriaJudgements"],
      });
    });

    it("puts judgement errors at their document path", () => {
      const a = base();
      const bad = {
        ...a,
        prioritisation: {
          criteriaJudgements: [
            { respondent: "x", a: "impact", b: "cost", value: 2 },
            { respondent: "y", a: "impact", b: "impact", value: 1 },
          ],
        },
      };
      expect(() => buildDecision(bad, { weights: "ahp" })).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: criteriaJudgements[1] compares "impact" with itself (assessment.prioritisation.criteriaJudgements[1].b)]`,
      );
      const disconnected = {
        ...a,
        criteria: [
          ...(a.criteria ?? []),
          { id: "reach", title: "Reach", kind: "benefit" as const },
          { id: "time", title: "Time", kind: "cost" as const },
        ],
        scores: [
          ...(a.scores ?? []),
          ...["s1", "s2", "s3"].flatMap((s) =>
            ["reach", "time"].map((criterion) => ({ solution: s, criterion, value: 1 })),
          ),
        ],
        prioritisation: {
          criteriaJudgements: [
            { a: "impact", b: "cost", value: 2 },
            { a: "reach", b: "time", value: 2 },
          ],
        },
      };
      expect(codeOf(() => buildDecision(disconnected, { weights: "ahp" }))).toStrictEqual({
        code: "missing_value",
        path: ["assessment", "prioritisation", "criteriaJudgements"],
      });
    });

    it("rejects no criteria, no solutions, unknown chosen solutions and bad options", () => {
      const a = base();
      expect(codeOf(() => buildDecision({ ...a, criteria: [] }))).toStrictEqual({
        code: "empty",
        path: ["assessment", "criteria"],
      });
      const { criteria: _c, ...noCriteria } = a;
      expect(codeOf(() => buildDecision(noCriteria as DecisionAssessment))).toStrictEqual({
        code: "empty",
        path: ["assessment", "criteria"],
      });
      const { solutions: _s, ...noSolutions } = a;
      expect(codeOf(() => buildDecision(noSolutions as DecisionAssessment))).toStrictEqual({
        code: "empty",
        path: ["assessment", "solutions"],
      });
      expect(codeOf(() => buildDecision({ ...a, solutions: [] }))).toStrictEqual({
        code: "empty",
        path: ["assessment", "solutions"],
      });
      expect(codeOf(() => buildDecision(a, { solutions: ["s1", "nope"] }))).toStrictEqual({
        code: "unknown_reference",
        path: ["options", "solutions", 1],
      });
      expect(
        codeOf(() => buildDecision(a, { completion: "guess" as CompletionMethod })),
      ).toStrictEqual({
        code: "invalid_value",
        path: ["options", "completion"],
      });
      expect(
        codeOf(() => buildDecision(a, { weights: "votes" } as unknown as BuildDecisionOptions)),
      ).toStrictEqual({
        code: "invalid_value",
        path: ["options", "weights"],
      });
      expect(codeOf(() => buildDecision(null as unknown as DecisionAssessment))).toStrictEqual({
        code: "invalid_type",
        path: ["assessment"],
      });
    });
  });
});
