import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseAssessment } from "../schema/index.js";
import {
  buildDecision,
  compareRankings,
  prioritise,
  rankStability,
  selectWithinBudget,
} from "./index.js";

// The Sofia example (illustrative data modelled on Sofia's 2021 ICC e-government and citizen
// participation work): examples/sofia/assessment.json
const assessment = parseAssessment(
  JSON.parse(
    readFileSync(new URL("../../examples/sofia/assessment.json", import.meta.url), "utf8"),
  ),
);
const decision = buildDecision(assessment);

// Expected orders recomputed independently with numpy from the example's scores, weights and
// ballots (scale normalisation for the weighted sum; vector TOPSIS; Borda n - i points; AHP with
// ratio-scale ratings, 1/score for the cost).
const expected = {
  weightedSum: [
    "sol-platform",
    "sol-sofia-chooses",
    "sol-info-points",
    "sol-data-policy",
    "sol-data-skills",
    "sol-e-services",
    "sol-chatbot",
  ],
  topsis: [
    "sol-sofia-chooses",
    "sol-info-points",
    "sol-data-policy",
    "sol-platform",
    "sol-data-skills",
    "sol-chatbot",
    "sol-e-services",
  ],
  votes: [
    "sol-platform",
    "sol-data-policy",
    "sol-e-services",
    "sol-sofia-chooses",
    "sol-info-points",
    "sol-data-skills",
    "sol-chatbot",
  ],
  ahp: [
    "sol-info-points",
    "sol-data-skills",
    "sol-sofia-chooses",
    "sol-platform",
    "sol-data-policy",
    "sol-e-services",
    "sol-chatbot",
  ],
};

describe("Sofia example: prioritisation", () => {
  const results = {
    weightedSum: prioritise(decision, { method: "weightedSum" }),
    topsis: prioritise(decision, { method: "topsis" }),
    votes: prioritise(decision, { method: "votes" }),
    ahp: prioritise(decision, { method: "ahp" }),
  };

  it("builds the decision from the example's solutions, criteria and scores", () => {
    expect(decision.alternatives).toHaveLength(7);
    expect(decision.criteria.map((c) => [c.id, c.kind, c.weight])).toStrictEqual([
      ["impact", "benefit", 0.35],
      ["feasibility", "benefit", 0.25],
      ["support", "benefit", 0.2],
      ["cost", "cost", 0.2],
    ]);
    expect(decision.provenance?.weightSource).toBe("criteria");
  });

  it("ranks the solutions by four methods, each echoing its method and parameters", () => {
    for (const [method, r] of Object.entries(results)) {
      expect(r.method).toBe(method);
      expect(r.ranking.map((x) => x.solution)).toStrictEqual(
        expected[method as keyof typeof expected],
      );
      expect(r.ranking.map((x) => x.rank)).toStrictEqual([1, 2, 3, 4, 5, 6, 7]);
    }
    expect(results.weightedSum.parameters.normalisation).toBe("scale");
    expect(results.topsis.parameters.normalisation).toBe("vector");
    expect(results.votes.parameters.votingRule).toBe("borda");
    // Borda totals by hand: 7 ballots, first place 6 points
    expect(results.votes.tally.map((t) => t.points)).toStrictEqual([34, 33, 23, 19, 15, 12, 11]);
    expect(results.votes.consensus?.raters).toBe(7);
  });

  it("reports the agreement between the methods and the solutions they disagree on most", () => {
    const agreement = compareRankings(
      Object.entries(results).map(([name, r]) => ({ name, ranking: r.ranking })),
    );
    expect(agreement.methods).toStrictEqual(["weightedSum", "topsis", "votes", "ahp"]);
    expect(agreement.pairs).toHaveLength(6);
    for (const p of agreement.pairs) {
      expect(p.kendallTau).not.toBeNull();
      expect(Math.abs(p.kendallTau as number)).toBeLessThanOrEqual(1);
    }
    // from the expected orders above: data-skills 5/5/6/2, e-services 6/7/3/6, info-points 3/2/5/1
    expect(agreement.mostDisputed).toStrictEqual([
      "sol-data-skills",
      "sol-e-services",
      "sol-info-points",
    ]);
    expect(agreement.disagreements[0]?.spread).toBe(4);
    expect(agreement.concordance?.raters).toBe(4);
  });

  it("reports the stability of the top five under uncertain weights, reproducibly", () => {
    const a = rankStability(decision, { topK: 5, draws: 2000, rankProbabilities: true });
    const b = rankStability(decision, { topK: 5, draws: 2000, rankProbabilities: true });
    expect(b).toStrictEqual(a);
    expect(a.parameters).toMatchObject({
      seed: 20210208,
      topK: 5,
      perturbation: "dirichlet",
      concentration: 50,
    });
    expect(a.solutions.map((s) => s.solution)).toStrictEqual(expected.weightedSum);
    for (const s of a.solutions) {
      expect((s.rankProbabilities as number[]).reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
      expect(s.topKProbability).toBeGreaterThanOrEqual(0);
      expect(s.topKProbability).toBeLessThanOrEqual(1);
    }
    // no ties in a draw: each draw puts exactly five solutions in the top five and one in each rank
    const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
    expect(sum(a.solutions.map((s) => s.topKProbability))).toBeCloseTo(5, 12);
    for (let r = 0; r < 7; r++)
      expect(sum(a.solutions.map((s) => s.rankProbabilities?.[r] as number))).toBeCloseTo(1, 12);
    expect(a.smallestSwap).not.toBeNull();
    const other = rankStability(decision, {
      topK: 5,
      draws: 2000,
      seed: 1,
      rankProbabilities: true,
    });
    expect(other.solutions).not.toStrictEqual(a.solutions);
  });

  it("derives the criteria weights from the stakeholders' AHP judgements, completing the missing pair", () => {
    const ahp = buildDecision(assessment, { weights: "ahp" });
    const p = ahp.provenance;
    expect(p?.weightSource).toBe("ahp");
    expect(p?.criteriaAhp?.respondents.map((r) => r.respondent)).toStrictEqual([
      "bcnl",
      "innovative-sofia",
      "sofiaplan",
    ]);
    expect(
      p?.completedJudgements.map((c) => [c.respondent, c.completed.map((j) => [j.a, j.b])]),
    ).toStrictEqual([["bcnl", [["feasibility", "cost"]]]]);
    const w = ahp.criteria.map((c) => c.weight);
    expect(w.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
    // every respondent puts impact first
    expect(Math.max(...w)).toBe(w[0]);
    expect(prioritise(ahp, { method: "weightedSum" }).parameters.weightSource).toBe("ahp");
  });

  it("selects priority solutions within the plan's budget", () => {
    const cost = new Map(assessment.solutions.map((s) => [s.id, s.cost]));
    const budget = assessment.plan?.budget;
    expect(budget).toBeDefined();
    if (budget === undefined) return;
    const r = selectWithinBudget(
      results.weightedSum.ranking.map((x) => ({
        solution: x.solution,
        score: x.score,
        cost: cost.get(x.solution) ?? budget,
      })),
      budget,
    );
    // 180k + 45k + 30k + 120k + 25k = 400k fit in 600k; e-services (350k) does not; chatbot (60k) does
    expect(r.selected).toStrictEqual([
      "sol-platform",
      "sol-sofia-chooses",
      "sol-info-points",
      "sol-data-policy",
      "sol-data-skills",
      "sol-chatbot",
    ]);
    expect(r.total.amount.toString()).toBe("460000");
  });
});
