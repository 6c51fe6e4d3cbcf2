import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sofiaJson } from "../../../test/helpers/sofia.js";
import type { Issue } from "../../errors/AssessmentError.js";
import { buildDecision } from "../../prioritisation/buildDecision.js";
import { classifyImpactEffort } from "../../prioritisation/classifyImpactEffort.js";
import { compareRankings } from "../../prioritisation/compareRankings.js";
import { prioritise, type PrioritisationMethod } from "../../prioritisation/prioritise.js";
import { rankStability } from "../../prioritisation/rankStability.js";
import { safeParseAssessment } from "../parseAssessment.js";
import { validateAssessment } from "../validateAssessment.js";

type Json = any;

/** The Sofia example with a mistake planted by `plant`. */
function sofia(plant: (a: Json) => void, file = "assessment.json") {
  const a = sofiaJson(file) as Json;
  plant(a);
  return validateAssessment(a);
}

/** The issues of one code. */
const withCode = (issues: readonly Issue[], code: string) => issues.filter((i) => i.code === code);

/** The one issue of `code`, which must exist and be unique. */
function only(issues: readonly Issue[], code: string): Issue {
  const found = withCode(issues, code);
  expect(found.map((i) => i.path)).toHaveLength(1);
  return found[0] as Issue;
}

const prioritisationCodes = new Set([
  "missing_value",
  "out_of_range",
  "zero_weights",
  "missing_field",
  "duplicate_vote",
  "duplicate_id",
  "duplicate_judgement",
  "zero_spread",
  "non_positive_value",
  "too_few_values",
  "weights_normalised",
  "empty_ballot",
]);

describe("validateAssessment: prioritisation rules", () => {
  it("accepts both Sofia examples without a prioritisation issue", () => {
    for (const file of ["assessment.json", "assessment-2022.json"]) {
      const r = validateAssessment(sofiaJson(file));
      expect(r.errors).toStrictEqual([]);
      expect(r.warnings.filter((w) => prioritisationCodes.has(w.code))).toStrictEqual([]);
    }
  });

  describe("the score matrix", () => {
    it("refuses a solution without a score on a criterion, naming the missing pairs", () => {
      const r = sofia((a) => {
        a.scores = a.scores.filter(
          (s: Json) =>
            !(s.solution === "sol-chatbot" && (s.criterion === "cost" || s.criterion === "impact")),
        );
      });
      expect(r.valid).toBe(false);
      const i = only(r.errors, "missing_value");
      expect(i.path).toStrictEqual(["solutions", 6]);
      expect(i.message).toBe(
        'solution "sol-chatbot" has no score on criteria "impact", "cost"; every solution needs a score on every criterion (a missing score is never taken as 0)',
      );
    });

    it("refuses a score off its criterion's scale", () => {
      const r = sofia((a) => {
        a.scores[4].value = 6;
      });
      const i = only(r.errors, "out_of_range");
      expect(i.path).toStrictEqual(["scores", 4, "value"]);
      expect(i.message).toContain(
        'on criterion "impact" must lie on the criterion\'s scale [1, 5], got 6',
      );
    });

    it("refuses a scale whose max is not above its min", () => {
      const r = sofia((a) => {
        a.criteria[1].scale = { min: 5, max: 5 };
      });
      const i = only(r.errors, "invalid_value");
      expect(i.path).toStrictEqual(["criteria", 1, "scale"]);
      expect(i.message).toBe(
        'the scale of criterion "feasibility" must have max > min, got [5, 5]',
      );
    });

    it("refuses a scale too wide to compute with", () => {
      const r = sofia((a) => {
        a.criteria[3].scale = { min: -1e308, max: 1e308 };
      });
      const i = only(r.errors, "out_of_range");
      expect(i.path).toStrictEqual(["criteria", 3, "scale"]);
      expect(i.message).toContain('the scale of criterion "cost", [-1e+308, 1e+308], is too wide');
    });

    it("refuses cost scores too close to 0 for the AHP method's 1/score", () => {
      const r = sofia((a) => {
        a.scores[7].value = 5e-324;
      });
      const i = only(r.errors, "out_of_range");
      expect(i.path).toStrictEqual(["criteria", 3]);
      expect(i.message).toContain("which rates a cost by 1/score");
    });

    it("refuses scores too large to square", () => {
      const r = sofia((a) => {
        delete a.criteria[3].scale;
        a.scores[3].value = 1e200;
      });
      const i = only(r.errors, "out_of_range");
      expect(i.path).toStrictEqual(["criteria", 3]);
      expect(i.message).toContain('criterion "cost" are too large');
    });

    it("refuses a criterion without spread when the weighted sum falls back to min-max", () => {
      const r = sofia((a) => {
        delete a.criteria[0].scale;
        for (const s of a.scores) if (s.criterion === "impact") s.value = 3;
      });
      const i = only(r.errors, "zero_spread");
      expect(i.path).toStrictEqual(["criteria", 0]);
      expect(i.message).toContain('every solution has the value 3 on criterion "impact"');
      expect(i.message).toContain('because "impact" declares no scale');
    });

    it("refuses a criterion scored 0 by every solution (TOPSIS divides by its length)", () => {
      const r = sofia((a) => {
        delete a.prioritisation; // AHP would also refuse the zeros
        for (const s of a.scores) if (s.criterion === "cost") s.value = 0;
      });
      const i = only(r.errors, "zero_spread");
      expect(i.path).toStrictEqual(["criteria", 3]);
      expect(i.message).toContain('every solution scores 0 on criterion "cost"');
      expect(i.message).toContain("TOPSIS");
    });

    it("refuses solutions that differ on no weighted criterion", () => {
      const r = sofia((a) => {
        a.criteria.forEach((c: Json, j: number) => (c.weight = j === 3 ? 1 : 0));
        for (const s of a.scores) if (s.criterion === "cost") s.value = 100;
      });
      const i = only(r.errors, "zero_spread");
      expect(i.path).toStrictEqual(["scores"]);
      expect(i.message).toContain("do not differ on any criterion with a positive weight");
    });

    it("refuses a single scored solution, which no method can rank", () => {
      const r = sofia((a) => {
        const keep = "sol-platform";
        a.solutions = a.solutions.filter((s: Json) => s.id === keep);
        a.scores = a.scores.filter((s: Json) => s.solution === keep);
        delete a.ballots;
        a.plan.selected = [keep];
        a.actions = a.actions.filter((x: Json) => x.solution === keep);
        for (const t of a.tows) if (t.solutions) t.solutions = [];
      });
      const i = only(r.errors, "too_few_values");
      expect(i.path).toStrictEqual(["solutions"]);
      expect(i.message).toContain('a single solution, "sol-platform"');
    });

    it("refuses a score the AHP method cannot take a ratio of, when there are judgements", () => {
      const r = sofia((a) => {
        a.scores[7].value = 0;
      });
      const i = only(r.errors, "non_positive_value");
      expect(i.path).toStrictEqual(["scores", 7, "value"]);
      expect(i.message).toContain('"sol-sofia-chooses" scores 0 on criterion "cost"');
      // without judgements the AHP method does not run by default
      expect(
        sofia((a) => {
          a.scores[7].value = 0;
          delete a.prioritisation;
        }).valid,
      ).toBe(true);
    });
  });

  describe("criteria weights", () => {
    it("refuses weights that are all 0", () => {
      const r = sofia((a) => {
        for (const c of a.criteria) c.weight = 0;
      });
      const i = only(r.errors, "zero_weights");
      expect(i.path).toStrictEqual(["criteria"]);
      expect(i.message).toContain(
        'every criterion ("impact", "feasibility", "support", "cost") has weight 0',
      );
    });

    it("warns that weights not summing to 1 are normalised", () => {
      const r = sofia((a) => {
        a.criteria.forEach((c: Json, j: number) => (c.weight = j + 1));
      });
      expect(r.valid).toBe(true);
      const i = only(r.warnings, "weights_normalised");
      expect(i.path).toStrictEqual(["criteria"]);
      expect(i.message).toBe(
        "criteria weights sum to 10, not 1: they are divided by their sum (impact 0.1, feasibility 0.2, support 0.3, cost 0.4)",
      );
    });

    it("refuses a criterion without weight when no judgements can give the weights", () => {
      const r = sofia((a) => {
        delete a.criteria[2].weight;
        delete a.prioritisation;
      });
      const i = only(r.errors, "missing_field");
      expect(i.path).toStrictEqual(["criteria", 2, "weight"]);
      expect(i.message).toContain('criterion "support" has no weight');
      // with judgements, the weights come from AHP
      expect(sofia((a) => delete a.criteria[2].weight).valid).toBe(true);
    });
  });

  describe("ballots", () => {
    it("refuses a second ballot of one voter in one poll, naming the first", () => {
      const r = sofia((a) => {
        a.ballots[3].voter = a.ballots[1].voter;
      });
      const i = only(r.errors, "duplicate_vote");
      expect(i.path).toStrictEqual(["ballots", 3, "voter"]);
      expect(i.message).toBe(
        'stakeholder "bait" votes twice in workshop "ws-priorities": ballot "b4" after ballot "b2" (ballots[1]); one ballot per voter per poll',
      );
      const none = sofia((a) => {
        delete a.ballots[0].workshop;
        delete a.ballots[5].workshop;
        a.ballots[5].voter = a.ballots[0].voter;
      });
      expect(only(none.errors, "duplicate_vote").message).toContain(
        "votes twice outside any workshop",
      );
      // the same voter in another workshop is another poll
      const other = sofia((a) => {
        a.ballots[5].voter = a.ballots[0].voter;
        a.ballots[5].workshop = "ws-needs";
      });
      expect(withCode(other.errors, "duplicate_vote")).toStrictEqual([]);
    });

    it("refuses a solution listed twice in a ranking, approvals or points", () => {
      const r = sofia((a) => {
        a.ballots[0].ranking[3] = a.ballots[0].ranking[1];
        a.ballots[1].approvals = ["sol-platform", "sol-chatbot", "sol-platform"];
        a.ballots[2].points = [
          { solution: "sol-platform", points: 2 },
          { solution: "sol-platform", points: 1 },
        ];
      });
      expect(withCode(r.errors, "duplicate_id")).toStrictEqual([
        {
          code: "duplicate_id",
          path: ["ballots", 0, "ranking", 3],
          message:
            'ballot "b1" ranks "sol-data-policy" twice (ranking[1] and ranking[3]); list each solution once',
        },
        {
          code: "duplicate_id",
          path: ["ballots", 1, "approvals", 2],
          message:
            'ballot "b2" approves "sol-platform" twice (approvals[0] and approvals[2]); list each solution once',
        },
        {
          code: "duplicate_id",
          path: ["ballots", 2, "points", 1, "solution"],
          message:
            'ballot "b3" gives points to "sol-platform" twice (points[0] and points[1]); give each solution its points once',
        },
      ]);
    });

    it("refuses ballots of one kind that all weigh 0", () => {
      const r = sofia((a) => {
        for (const b of a.ballots) b.weight = 0;
      });
      const i = only(r.errors, "zero_weights");
      expect(i.path).toStrictEqual(["ballots"]);
      expect(i.message).toContain("every ballot with ranking has weight 0");
      expect(i.message).toContain("the Borda count");
      expect(sofia((a) => (a.ballots[0].weight = 0)).valid).toBe(true);
    });

    it("refuses ballot weights whose tally overflows double precision", () => {
      const r = sofia((a) => {
        a.ballots[0].weight = 1e308;
      });
      const i = only(r.errors, "out_of_range");
      expect(i.path).toStrictEqual(["ballots"]);
      expect(i.message).toContain("the ballots with ranking weigh too much");
    });

    it("warns about a ballot that ranks nothing or gives no points", () => {
      const r = sofia((a) => {
        a.ballots[0].ranking = [];
        a.ballots[1].points = [{ solution: "sol-platform", points: 0 }];
      });
      expect(r.valid).toBe(true);
      expect(withCode(r.warnings, "empty_ballot").map((w) => w.path)).toStrictEqual([
        ["ballots", 0, "ranking"],
        ["ballots", 1, "points"],
      ]);
      expect(withCode(r.warnings, "empty_ballot")[1]?.message).toBe(
        'ballot "b2" gives no points (total 0): it adds nothing to a dot vote',
      );
    });
  });

  describe("AHP judgements", () => {
    const J = ["prioritisation", "criteriaJudgements"];

    it("refuses a criterion compared with itself", () => {
      const r = sofia((a) => {
        a.prioritisation.criteriaJudgements[0].b = "impact";
      });
      const i = only(r.errors, "invalid_value");
      expect(i.path).toStrictEqual([...J, 0, "b"]);
      expect(i.message).toBe(
        'a judgement compares two different criteria, got "impact" with itself',
      );
    });

    it("refuses a pair judged twice by one respondent, in either orientation", () => {
      const r = sofia((a) => {
        a.prioritisation.criteriaJudgements[1] = {
          respondent: "innovative-sofia",
          a: "feasibility",
          b: "impact",
          value: 0.5,
        };
      });
      const i = only(r.errors, "duplicate_judgement");
      expect(i.path).toStrictEqual([...J, 1]);
      expect(i.message).toBe(
        'respondent "innovative-sofia" judges the pair "feasibility"/"impact" twice: first at prioritisation.criteriaJudgements[0]; give one judgement per pair and respondent',
      );
      // another respondent may judge the same pair
      const other = sofia((a) => (a.prioritisation.criteriaJudgements[6].respondent = "bait"));
      expect(withCode(other.errors, "duplicate_judgement")).toStrictEqual([]);
    });

    it("refuses a respondent whose judgements do not connect every criterion", () => {
      const r = sofia((a) => {
        // bcnl keeps impact/feasibility and support/feasibility: cost is left out
        a.prioritisation.criteriaJudgements = a.prioritisation.criteriaJudgements.filter(
          (j: Json, k: number) => j.respondent !== "bcnl" || k === 12 || k === 15,
        );
      });
      const i = only(r.errors, "missing_value");
      expect(i.path).toStrictEqual([...J, 12]);
      expect(i.message).toBe(
        'the judgements of respondent "bcnl" do not connect every criterion: nothing links "impact" with "cost"; each respondent needs at least 3 judgements forming a chain or tree (the pairs left out are then completed)',
      );
    });

    it("refuses judgements over more criteria than the random-index table lists", () => {
      const r = sofia((a) => {
        for (let k = 0; k < 12; k++) {
          a.criteria.push({ id: `extra-${k}`, title: `Extra ${k}`, kind: "benefit", weight: 0.1 });
          a.solutions.forEach((s: Json, i: number) =>
            a.scores.push({ solution: s.id, criterion: `extra-${k}`, value: i + 1 }),
          );
        }
        // one anonymous respondent who links every criterion to impact
        a.prioritisation.criteriaJudgements = a.criteria
          .slice(1)
          .map((c: Json) => ({ a: "impact", b: c.id, value: 2 }));
      });
      const i = only(r.errors, "out_of_range");
      expect(i.path).toStrictEqual(J);
      expect(i.message).toContain("at most 15 criteria");
      expect(i.message).toContain("got 16");
    });
  });
});

// ---- the stages accept what the parser accepts: single-field mutations of the examples ----

type Mut = (d: Json, r: number, v: Json) => void;
const at = (xs: readonly Json[], r: number): Json => xs[r % xs.length];
const numbers = fc.oneof(
  fc.constantFrom(0, -1, 1, 3, 5, 6, 0.1, 1e-200, 5e-324, 1e154, 1e200, 1e308, -1e308, 500, 501),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const muts: [fc.Arbitrary<Json>, Mut][] = [
  [numbers, (d, r, v) => (at(d.scores, r).value = v)],
  [fc.constant(0), (d, r) => d.scores.splice(r % d.scores.length, 1)],
  [fc.nat(), (d, r, k) => (at(d.scores, r).solution = at(d.solutions, k).id)],
  [fc.nat(), (d, r, k) => (at(d.scores, r).criterion = at(d.criteria, k).id)],
  [numbers, (d, r, v) => (at(d.criteria, r).weight = Math.abs(v))],
  [fc.constant(0), (d, r) => delete at(d.criteria, r).weight],
  [fc.constant(0), (d, r) => delete at(d.criteria, r).scale],
  [
    fc.tuple(numbers, numbers),
    (d, r, [lo, hi]) => (at(d.criteria, r).scale = { min: lo, max: hi }),
  ],
  [fc.constantFrom("benefit", "cost"), (d, r, v) => (at(d.criteria, r).kind = v)],
  [fc.constant(0), (d, r) => d.criteria.splice(r % d.criteria.length, 1)],
  [fc.nat(), (d, r, k) => (at(d.ballots ?? [{}], r).voter = at(d.stakeholders, k).id)],
  [fc.constant(0), (d, r) => delete at(d.ballots ?? [{}], r).workshop],
  [numbers, (d, r, v) => (at(d.ballots ?? [{}], r).weight = Math.abs(v))],
  [
    fc.nat(),
    (d, r, k) => {
      const b = at(d.ballots ?? [{ ranking: ["x"] }], r);
      if (b.ranking) b.ranking[k % b.ranking.length] = b.ranking[0];
    },
  ],
  [
    fc.constant(0),
    (d, r) => {
      const b = at(d.ballots ?? [{}], r);
      if (b.ranking) b.ranking = [];
    },
  ],
  [
    fc.nat(),
    (d, r, k) => {
      const b = at(d.ballots ?? [{}], r);
      b.points = [{ solution: at(d.solutions, k).id, points: k % 3 }];
    },
  ],
  [
    fc.nat(),
    (d, r, k) => {
      const j = d.prioritisation?.criteriaJudgements;
      if (j) at(j, r).a = at(d.criteria, k).id;
    },
  ],
  [
    fc.nat(),
    (d, r, k) => {
      const j = d.prioritisation?.criteriaJudgements;
      if (j) at(j, r).b = at(d.criteria, k).id;
    },
  ],
  [
    fc.nat(),
    (d, r, k) => {
      const j = d.prioritisation?.criteriaJudgements;
      if (j) at(j, r).respondent = at(d.stakeholders, k).id;
    },
  ],
  [
    fc.constant(0),
    (d, r) => {
      const j = d.prioritisation?.criteriaJudgements;
      if (j) delete at(j, r).respondent;
    },
  ],
  [
    fc.constant(0),
    (d, r) => {
      const j = d.prioritisation?.criteriaJudgements;
      if (j) j.splice(r % j.length, 1);
    },
  ],
  [fc.constant(0), (d) => delete d.prioritisation],
];
const mutation = fc
  .tuple(fc.integer({ min: 0, max: muts.length - 1 }), fc.nat())
  .chain(([m, r]) => (muts[m] as [fc.Arbitrary<Json>, Mut])[0].map((v) => [m, r, v] as const));

describe("validateAssessment: prioritisation rules, property", () => {
  it.each(["assessment.json", "assessment-2022.json"])(
    "a mutation of %s that the parser accepts goes through the report's prioritisation calls",
    (file) => {
      let accepted = 0;
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
          const d: Json = sofiaJson(file);
          for (const [m, r, v] of ms) (muts[m] as [fc.Arbitrary<Json>, Mut])[1](d, r, v);
          const res = safeParseAssessment(d);
          if (!res.success) return;
          const a = res.data;
          if ((a.criteria ?? []).length === 0 || (a.scores ?? []).length === 0) return;
          accepted++;
          // as createReport's prioritisation section, with default options
          const decision = buildDecision(a);
          const judged = (a.prioritisation?.criteriaJudgements ?? []).length > 0;
          const ahpDecision = judged ? buildDecision(a, { weights: "ahp" }) : decision;
          const methods: PrioritisationMethod[] = ["weightedSum", "topsis"];
          if ((a.ballots ?? []).some((b) => (b.ranking ?? []).length > 0)) methods.push("votes");
          if (judged) methods.push("ahp");
          const results = methods.map((method) =>
            prioritise(method === "ahp" ? ahpDecision : decision, { method }),
          );
          for (const r of results)
            for (const x of r.ranking) expect(Number.isFinite(x.score)).toBe(true);
          compareRankings(results.map((r) => ({ name: r.method, ranking: r.ranking })));
          rankStability(decision, { method: "weightedSum", draws: 5 });
          const col = (j: number) => decision.matrix.map((row) => row[j] as number);
          const mid = (j: number) => {
            const s = decision.criteria[j]?.scale;
            return s ? (s.min + s.max) / 2 : (Math.min(...col(j)) + Math.max(...col(j))) / 2;
          };
          classifyImpactEffort(
            decision.alternatives.map((id, i) => ({
              id,
              impact: col(0)[i] as number,
              effort: col(1)[i] as number,
            })),
            { impactThreshold: mid(0), effortThreshold: decision.criteria.length > 1 ? mid(1) : 0 },
          );
        }),
        { numRuns: Number(process.env["RUNS"] ?? 200), seed: Number(process.env["SEED"] ?? 7) },
      );
      expect(accepted).toBeGreaterThan(20);
    },
  );
});
