import { describe, expect, it } from "vitest";
import { smallAssessment } from "../../test/helpers/assessments.js";
import { codeOf, thrown } from "../../test/helpers/errors.js";
import { sofiaJson } from "../../test/helpers/sofia.js";
import type { Assessment } from "../schema/assessment.js";
import { buildDecision, type BuildDecisionOptions } from "./buildDecision.js";
import { aggregateJudgements } from "./aggregateJudgements.js";
import { buildReciprocalMatrix } from "./buildReciprocalMatrix.js";
import type { CompletionMethod } from "./completeJudgements.js";
import { weightedSum } from "./weightedSum.js";

const parts = () => ({
  solutions: [
    { id: "s1", title: "One", readiness: "idea" },
    { id: "s2", title: "Two", readiness: "concept" },
    { id: "s3", title: "Three", readiness: "piloted" },
  ],
  criteria: [
    { id: "impact", title: "Impact", kind: "benefit", scale: { min: 1, max: 5 }, weight: 2 },
    { id: "cost", title: "Cost", kind: "cost", weight: 2 },
  ] as Record<string, unknown>[],
  scores: [
    { solution: "s1", criterion: "impact", value: 5, rater: "city" },
    { solution: "s1", criterion: "impact", value: 3, rater: "ngo" },
    { solution: "s1", criterion: "cost", value: 100 },
    { solution: "s2", criterion: "impact", value: 4 },
    { solution: "s2", criterion: "cost", value: 50 },
    { solution: "s3", criterion: "impact", value: 2 },
    { solution: "s3", criterion: "cost", value: 10 },
  ] as Record<string, unknown>[],
  ballots: [
    { id: "b1", voter: "city", ranking: ["s2", "s1", "s3"], weight: 2 },
    { id: "b2", voter: "ngo", approvals: ["s1", "s3"], points: [{ solution: "s3", points: 2 }] },
  ],
});

const base = (extra: Record<string, unknown> = {}): Assessment =>
  smallAssessment({ ...parts(), ...extra });

/** Three criteria without weights, weighed by two respondents' judgements (one incomplete). */
const judged = (judgements: readonly Record<string, unknown>[]): Assessment => {
  const p = parts();
  return base({
    criteria: [
      { id: "impact", title: "Impact", kind: "benefit" },
      { id: "cost", title: "Cost", kind: "cost" },
      { id: "reach", title: "Reach", kind: "benefit" },
    ],
    scores: [
      ...p.scores,
      ...["s1", "s2", "s3"].map((s, i) => ({ solution: s, criterion: "reach", value: i + 1 })),
    ],
    prioritisation: { criteriaJudgements: judgements },
  });
};

const twoRespondents = [
  { respondent: "ngo", a: "impact", b: "cost", value: 3 },
  { respondent: "ngo", a: "impact", b: "reach", value: 2 },
  { respondent: "ngo", a: "reach", b: "cost", value: 1 },
  { respondent: "city", a: "impact", b: "cost", value: 2 },
  { respondent: "city", a: "cost", b: "reach", value: 2 },
];

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
        { id: "b1", voter: "city", weight: 2, ranking: ["s2", "s1", "s3"] },
        {
          id: "b2",
          voter: "ngo",
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
    expect(d.ballots?.[1]?.points).toStrictEqual([{ alternative: "s3", points: 2 }]);
  });

  it("keeps a mean on its criterion's scale when rounding would push it off", () => {
    // (0.1 + 0.1 + 0.1) / 3 is 0.10000000000000002 in double precision
    const p = parts();
    const a = base({
      criteria: [
        { id: "impact", title: "Impact", kind: "benefit", scale: { min: 0, max: 0.1 }, weight: 1 },
        { id: "cost", title: "Cost", kind: "cost", scale: { min: 0, max: 500 }, weight: 1 },
      ],
      scores: [
        ...p.scores.filter((s) => s["criterion"] === "cost"),
        ...["city", "ngo", undefined].map((rater) => ({
          solution: "s1",
          criterion: "impact",
          value: 0.1,
          ...(rater === undefined ? {} : { rater }),
        })),
        { solution: "s2", criterion: "impact", value: 0.05 },
        { solution: "s3", criterion: "impact", value: 0 },
      ],
    });
    const d = buildDecision(a);
    expect(d.matrix.map((r) => r[0])).toStrictEqual([0.1, 0.05, 0]);
    const scales = d.criteria.map((c) => c.scale as { min: number; max: number });
    const kinds = d.criteria.map((c) => c.kind);
    const weights = d.criteria.map((c) => c.weight);
    const r = weightedSum(d.matrix, weights, kinds, { normalisation: "scale", scales });
    expect(r.ranks).toStrictEqual([1, 2, 3]);
  });

  it("derives weights from AHP judgements per respondent, completing and aggregating them", () => {
    const a = judged(twoRespondents);
    const d = buildDecision(a);
    const p = d.provenance;
    expect(p?.weightSource).toBe("ahp");
    expect(p?.completedJudgements).toStrictEqual([
      {
        respondent: "city",
        completed: [{ a: "impact", b: "reach", value: expect.closeTo(4, 6) as number }],
      },
    ]);
    const ngo = buildReciprocalMatrix(
      ["impact", "cost", "reach"],
      twoRespondents.slice(0, 3) as { a: string; b: string; value: number }[],
    ).matrix;
    const city = [
      [1, 2, 4],
      [1 / 2, 1, 2],
      [1 / 4, 1 / 2, 1],
    ];
    const expected = aggregateJudgements([city, ngo], { respondents: ["city", "ngo"] }).weights;
    d.criteria.forEach((c, j) => expect(c.weight).toBeCloseTo(expected[j] as number, 9));
    const aip = buildDecision(a, {
      aggregation: "meanOfPriorities",
      completion: "logarithmicLeastSquares",
    });
    expect(aip.provenance?.criteriaAhp?.method).toBe("meanOfPriorities");
    expect(aip.provenance?.completion).toBe("logarithmicLeastSquares");
    // anonymous judgements form one respondent
    const anon = buildDecision(
      judged([
        { a: "impact", b: "cost", value: 2 },
        { a: "cost", b: "reach", value: 2 },
        { a: "impact", b: "reach", value: 4 },
      ]),
    );
    expect(anon.provenance?.criteriaAhp?.respondents.map((r) => r.respondent)).toStrictEqual([
      "(anonymous)",
    ]);
    expect(anon.criteria.map((c) => c.weight)).toStrictEqual(
      [4 / 7, 2 / 7, 1 / 7].map((x) => expect.closeTo(x, 12) as number),
    );
  });

  it("uses the judgements when asked, even when every criterion has a weight", () => {
    const d = buildDecision(
      smallAssessment({
        ...parts(),
        prioritisation: { criteriaJudgements: [{ a: "impact", b: "cost", value: 3 }] },
      }),
      { weights: "ahp" },
    );
    expect(d.provenance?.weightSource).toBe("ahp");
    expect(d.criteria.map((c) => c.weight)).toStrictEqual(
      [0.75, 0.25].map((x) => expect.closeTo(x, 12) as number),
    );
  });

  describe("bad input", () => {
    it("refuses an assessment that did not come from the parser", () => {
      const e = thrown(() => buildDecision(JSON.parse(JSON.stringify(sofiaJson())) as Assessment));
      expect(e.issues[0]?.code).toBe("not_parsed");
      expect(e.issues[0]?.path).toStrictEqual(["assessment"]);
    });

    it("refuses an assessment with nothing to prioritise", () => {
      expect(codeOf(() => buildDecision(base({ criteria: [], scores: [] })))).toStrictEqual({
        code: "empty",
        path: ["assessment", "criteria"],
      });
      expect(
        codeOf(() => buildDecision(base({ solutions: [], scores: [], ballots: [] }))),
      ).toStrictEqual({ code: "empty", path: ["assessment", "solutions"] });
      expect(codeOf(() => buildDecision(base({ scores: [] })))).toStrictEqual({
        code: "empty",
        path: ["assessment", "scores"],
      });
    });

    it("refuses a weight source the assessment cannot give", () => {
      expect(codeOf(() => buildDecision(base(), { weights: "ahp" }))).toStrictEqual({
        code: "missing_field",
        path: ["assessment", "prioritisation", "criteriaJudgements"],
      });
      expect(() =>
        buildDecision(judged(twoRespondents), { weights: "criteria" }),
      ).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: criterion "impact" has no weight, and options.weights asks for the criteria's own weights; leave options.weights out to derive them from the judgements (assessment.criteria[0].weight)]`,
      );
    });

    it("refuses unknown or repeated chosen solutions and bad options", () => {
      const a = base();
      expect(codeOf(() => buildDecision(a, { solutions: ["s1", "nope"] }))).toStrictEqual({
        code: "unknown_reference",
        path: ["options", "solutions", 1],
      });
      expect(codeOf(() => buildDecision(a, { solutions: ["s1", "s1"] }))).toStrictEqual({
        code: "duplicate_id",
        path: ["options", "solutions", 1],
      });
      expect(
        codeOf(() => buildDecision(a, { completion: "guess" as CompletionMethod })),
      ).toStrictEqual({ code: "invalid_value", path: ["options", "completion"] });
      expect(
        codeOf(() => buildDecision(a, { weights: "votes" } as unknown as BuildDecisionOptions)),
      ).toStrictEqual({ code: "invalid_value", path: ["options", "weights"] });
      expect(
        codeOf(() =>
          buildDecision(a, { ahp: { method: "mean" } } as unknown as BuildDecisionOptions),
        ),
      ).toStrictEqual({ code: "invalid_value", path: ["options", "ahp", "method"] });
      expect(codeOf(() => buildDecision(a, { ahp: { threshold: 2 } }))).toStrictEqual({
        code: "out_of_range",
        path: ["options", "ahp", "threshold"],
      });
      expect(
        codeOf(() => buildDecision(a, "all" as unknown as BuildDecisionOptions)),
      ).toStrictEqual({ code: "invalid_type", path: ["options"] });
    });
  });
});
