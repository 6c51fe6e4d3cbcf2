import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { issue } from "../../test/helpers/errors.js";
import type { Assessment } from "../schema/assessment.js";
import { iccCitizenParticipation } from "../frameworks/iccCitizenParticipation.js";
import { scoreMaturity } from "../maturity/scoreMaturity.js";
import { parseAssessment } from "../schema/parseAssessment.js";
import { sofiaJson } from "../../test/helpers/sofia.js";
import {
  DEFAULT_NEED_FACTOR_WEIGHTS,
  needFactors,
  rankNeeds,
  type RankNeedsMaturity,
} from "./rankNeeds.js";

const stakeholders = [
  { id: "city", name: "City hall", helix: "public", kind: "cityDepartment" },
  { id: "it", name: "IT association", helix: "business", kind: "association" },
  { id: "uni", name: "University", helix: "academia", kind: "university" },
  { id: "ngo", name: "Civic NGO", helix: "civilSociety", kind: "ngo" },
];

function doc(needs: unknown[], extra: Record<string, unknown> = {}): Assessment {
  return parseAssessment({
    formatVersion: "1.0",
    city: { id: "sofia", name: "Sofia", country: "BG" },
    programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
    track: { id: "citizenParticipationDigitalPublicAdministration" },
    stakeholders,
    workshops: [],
    needs,
    solutions: [],
    ...extra,
  });
}

const maturity: RankNeedsMaturity = {
  levels: [{ id: "l1" }, { id: "l2" }, { id: "l3" }, { id: "l4" }, { id: "l5" }],
  units: [
    {
      unit: "sofia",
      dimensions: [
        { id: "eParticipation", level: { id: "l2", index: 2 } },
        { id: "openData", level: { id: "l1", index: 1 } },
        { id: "skills", level: null },
        { id: "services", level: { id: "l4", index: 4 } },
      ],
    },
    { unit: "plovdiv", dimensions: [{ id: "openData", level: { id: "l3", index: 3 } }] },
  ],
};

/** A framework with the dimensions and the five levels the tests use (bands of 20 points). */
function framework(id: string, dimensions: readonly string[], levels: readonly string[]) {
  const width = 100 / levels.length;
  return {
    id,
    version: "1.0",
    title: id,
    provenance: "designed",
    sources: [],
    dimensions: dimensions.map((d) => ({ id: d, title: d })),
    indicators: dimensions.map((d) => ({ id: `i-${d}`, dimension: d, title: d, type: "binary" })),
    levels: levels.map((l, i) => ({ id: l, title: l, min: i * width, max: (i + 1) * width })),
  };
}

const withTargets = {
  frameworks: [
    framework(
      "demo",
      ["eParticipation", "openData", "skills", "services", "mobility"],
      ["l1", "l2", "l3", "l4", "l5"],
    ),
  ],
  maturity: {
    framework: { id: "demo", version: "1.0" },
    observations: [{ unit: "sofia", indicator: "i-openData", value: null }],
    targets: [
      { dimension: "eParticipation", level: "l4" },
      { dimension: "openData", level: "l5" },
      { dimension: "skills", level: "l3" },
      { dimension: "services", level: "l3" },
    ],
  },
};

describe("rankNeeds", () => {
  it("ranks the Sofia needs by the default weights (hand-computed: votes/14, mean score/(14/3), helix/4)", () => {
    // Sofia example: votes 14,11,12,6,9,5,8,7; mean scores 4.5, 14/3, 4.6, 3.5, 3.5, 11/3, 11/3, 3.5;
    // helix groups 3,2,3,2,1,2,2,2; no maturity result, so no gap. Scores computed by hand.
    const r = rankNeeds(parseAssessment(sofiaJson()));
    const expected: [string, number][] = [
      ["n-one-stop", 0.3 + 0.2 * (4.5 / (14 / 3)) + 0.15],
      ["n-open-data", 0.3 * (12 / 14) + 0.2 * (4.6 / (14 / 3)) + 0.15],
      ["n-feedback", 0.3 * (11 / 14) + 0.2 + 0.1],
      ["n-offline", 0.3 * (8 / 14) + 0.2 * (11 / 14) + 0.1],
      ["n-budgeting", 0.15 + 0.15 + 0.1],
      ["n-e-services", 0.3 * (9 / 14) + 0.15 + 0.05],
      ["n-data-skills", 0.3 * (6 / 14) + 0.15 + 0.1],
      ["n-interop", 0.3 * (5 / 14) + 0.2 * (11 / 14) + 0.1],
    ];
    expect(r.needs.map((n) => n.id)).toStrictEqual(expected.map(([id]) => id));
    r.needs.forEach((n, i) => {
      expect(n.score).toBeCloseTo(expected[i]?.[1] as number, 12);
      expect(n.rank).toBe(i + 1);
    });
    expect(r.unit).toBeNull();
    expect(r.factors).toStrictEqual([
      {
        factor: "votes",
        weight: 0.3,
        available: true,
        rule: "dot votes ÷ the most votes any need received",
      },
      {
        factor: "scores",
        weight: 0.2,
        available: true,
        rule: "mean stakeholder score ÷ the highest mean score of any need",
      },
      {
        factor: "gap",
        weight: 0.3,
        available: false,
        rule: "max(0, target level position − current level position) ÷ (number of levels − 1)",
      },
      {
        factor: "helix",
        weight: 0.2,
        available: true,
        rule: "distinct helix groups among the stakeholders who raised the need ÷ 4",
      },
    ]);
  });

  it("explains every factor of a need", () => {
    const r = rankNeeds(parseAssessment(sofiaJson()));
    const top = r.needs[0];
    expect(top?.helices).toStrictEqual(["public", "business", "civilSociety"]);
    expect(top?.factors.map((f) => [f.factor, f.raw, f.weight])).toStrictEqual([
      ["votes", 14, 0.3],
      ["scores", 4.5, 0.2],
      ["gap", null, 0.3],
      ["helix", 3, 0.2],
    ]);
    expect(top?.factors[0]?.explanation).toBe("14 votes ÷ the maximum 14 = 1");
    expect(top?.factors[1]?.explanation).toBe(
      "mean score 4.5 from 4 stakeholders ÷ the maximum 4.667 = 0.964",
    );
    expect(top?.factors[2]?.explanation).toBe(
      "no maturity result given (options.maturity); the gap counts 0",
    );
    expect(top?.factors[3]?.explanation).toBe(
      "3 of 4 helix groups (public, business, civilSociety)",
    );
  });

  it("adds the maturity gap: target minus current level position over the number of steps", () => {
    const a = doc(
      [
        {
          id: "n-part",
          statement: "Participation",
          dimension: "eParticipation",
          raisedBy: ["city"],
          votes: 2,
        },
        {
          id: "n-data",
          statement: "Open data",
          dimension: "openData",
          raisedBy: ["city"],
          votes: 2,
        },
        { id: "n-skills", statement: "Skills", dimension: "skills", raisedBy: ["city"], votes: 2 },
        {
          id: "n-serv",
          statement: "Services",
          dimension: "services",
          raisedBy: ["city"],
          votes: 2,
        },
        { id: "n-none", statement: "No dimension", raisedBy: ["city"], votes: 2 },
        {
          id: "n-unknown",
          statement: "Unassessed",
          dimension: "mobility",
          raisedBy: ["city"],
          votes: 2,
        },
      ],
      withTargets,
    );
    const r = rankNeeds(a, { maturity });
    const gap = (id: string) => r.needs.find((n) => n.id === id)?.factors[2];
    // openData: l5 (position 4) − l1 (position 0) = 4 of 4 steps; eParticipation: l4 (3) − l2 (1) = 2 of 4
    expect(gap("n-data")).toStrictEqual({
      factor: "gap",
      raw: 4,
      normalised: 1,
      weight: 0.3,
      contribution: 0.3,
      explanation: 'target "l5" (position 4) − current "l1" (position 0) = 4; max(0, 4) ÷ 4 = 1',
    });
    expect(gap("n-part")?.normalised).toBe(0.5);
    // services already above target: raw −1, normalised 0
    expect([gap("n-serv")?.raw, gap("n-serv")?.normalised]).toStrictEqual([-1, 0]);
    expect(gap("n-skills")?.explanation).toBe(
      'the level of dimension "skills" could not be computed; the gap counts 0',
    );
    expect(gap("n-none")?.explanation).toBe("the need has no dimension; the gap counts 0");
    expect(gap("n-unknown")?.explanation).toBe(
      'no maturity result for dimension "mobility"; the gap counts 0',
    );
    expect(r.needs.map((n) => n.id)).toStrictEqual([
      "n-data",
      "n-part",
      "n-none",
      "n-serv",
      "n-skills",
      "n-unknown",
    ]);
    expect(r.needs.map((n) => n.rank)).toStrictEqual([1, 2, 3, 3, 3, 3]);
    expect(r.unit).toBe("sofia");
    expect(r.factors[2]?.available).toBe(true);
  });

  it("reads the maturity of another unit when asked", () => {
    const a = doc(
      [{ id: "n", statement: "Open data", dimension: "openData", raisedBy: [] }],
      withTargets,
    );
    const r = rankNeeds(a, { maturity, unit: "plovdiv" });
    expect(r.unit).toBe("plovdiv");
    expect(r.needs[0]?.factors[2]?.raw).toBe(2);
  });

  it("says when a dimension has no target level", () => {
    const a = doc([{ id: "n", statement: "Open data", dimension: "openData", raisedBy: [] }]);
    const r = rankNeeds(a, { maturity });
    expect(r.needs[0]?.factors[2]?.explanation).toBe(
      'no target level for dimension "openData"; the gap counts 0',
    );
  });

  it("has no gap on a one-level scale", () => {
    const a = doc([{ id: "n", statement: "x", dimension: "d", raisedBy: [] }], {
      frameworks: [framework("f", ["d"], ["only"])],
      maturity: {
        framework: { id: "f", version: "1.0" },
        observations: [{ unit: "sofia", indicator: "i-d", value: null }],
        targets: [{ dimension: "d", level: "only" }],
      },
    });
    const r = rankNeeds(a, {
      maturity: {
        levels: [{ id: "only" }],
        units: [{ unit: "sofia", dimensions: [{ id: "d", level: { id: "only", index: 1 } }] }],
      },
    });
    expect(r.needs[0]?.factors[2]).toStrictEqual({
      factor: "gap",
      raw: 0,
      normalised: 0,
      weight: 0.3,
      contribution: 0,
      explanation: "the level scale has a single level, so there is no gap",
    });
  });

  it("uses given factor weights, keeps defaults for the others, and divides by the sum", () => {
    const a = doc([
      { id: "a", statement: "x", raisedBy: ["city"], votes: 10 },
      { id: "b", statement: "y", raisedBy: ["city", "it", "uni", "ngo"], votes: 1 },
    ]);
    expect(rankNeeds(a).needs.map((n) => n.id)).toStrictEqual(["a", "b"]);
    const r = rankNeeds(a, { weights: { votes: 0, helix: 0.5 } });
    expect(r.factors.map((f) => f.weight)).toStrictEqual([0, 0.2, 0.3, 0.5]);
    expect(r.needs.map((n) => n.id)).toStrictEqual(["b", "a"]);
    expect(DEFAULT_NEED_FACTOR_WEIGHTS).toStrictEqual({
      votes: 0.3,
      scores: 0.2,
      gap: 0.3,
      helix: 0.2,
    });
  });

  it("says when a need has no votes or scores, and when nobody voted", () => {
    const a = doc([
      { id: "a", statement: "x", raisedBy: [], votes: 0, scores: [] },
      { id: "b", statement: "y", raisedBy: [] },
    ]);
    const r = rankNeeds(a);
    expect(r.needs.map((n) => [n.id, n.rank, n.score])).toStrictEqual([
      ["a", 1, 0],
      ["b", 1, 0],
    ]);
    const [votesA, scoresA, , helixA] = r.needs[0]?.factors ?? [];
    expect(votesA?.explanation).toBe("no need received a vote");
    expect(scoresA?.explanation).toBe("no stakeholder scored this need");
    expect(helixA?.explanation).toBe("raised by no stakeholder of any helix group");
    expect(r.needs[1]?.factors[0]?.explanation).toBe("no votes recorded for this need");
    expect(r.factors.map((f) => f.available)).toStrictEqual([true, false, false, true]);
  });

  it("keeps mean scores finite for huge values", () => {
    const big = Number.MAX_VALUE;
    const a = doc([
      {
        id: "a",
        statement: "x",
        raisedBy: [],
        scores: [
          { stakeholder: "city", value: big },
          { stakeholder: "it", value: big },
        ],
      },
      { id: "b", statement: "y", raisedBy: [], scores: [{ stakeholder: "city", value: big / 2 }] },
    ]);
    const r = rankNeeds(a);
    expect(r.needs.map((n) => [n.id, n.factors[1]?.raw, n.factors[1]?.normalised])).toStrictEqual([
      ["a", big, 1],
      ["b", big / 2, 0.5],
    ]);
  });

  it("says when every mean score is 0", () => {
    const a = doc([
      { id: "a", statement: "x", raisedBy: [], scores: [{ stakeholder: "city", value: 0 }] },
    ]);
    expect(rankNeeds(a).needs[0]?.factors[1]).toStrictEqual({
      factor: "scores",
      raw: 0,
      normalised: 0,
      weight: 0.2,
      contribution: 0,
      explanation: "every need's mean score is 0",
    });
  });

  it("gives tied needs the same rank and lists them by id", () => {
    const a = doc([
      { id: "z", statement: "x", raisedBy: ["city"], votes: 3 },
      { id: "m", statement: "y", raisedBy: ["it"], votes: 3 },
      { id: "a", statement: "z", raisedBy: ["ngo"], votes: 1 },
    ]);
    expect(rankNeeds(a).needs.map((n) => [n.id, n.rank])).toStrictEqual([
      ["m", 1],
      ["z", 1],
      ["a", 3],
    ]);
  });

  it("does not change its input", () => {
    const a = doc(
      [{ id: "n", statement: "Open data", dimension: "openData", raisedBy: ["city"], votes: 3 }],
      withTargets,
    );
    const before = JSON.stringify(a);
    const m = JSON.stringify(maturity);
    rankNeeds(a, { maturity, weights: { gap: 0.5 } });
    expect(JSON.stringify(a)).toBe(before);
    expect(JSON.stringify(maturity)).toBe(m);
  });

  it("ranks the Sofia needs with the gaps from its maturity result", () => {
    const a = parseAssessment(sofiaJson(), { frameworks: [iccCitizenParticipation] });
    const m = scoreMaturity(iccCitizenParticipation, a.maturity?.observations ?? []);
    const r = rankNeeds(a, { maturity: m });
    expect(r.unit).toBe("sofia");
    expect(r.factors.find((f) => f.factor === "gap")?.available).toBe(true);
    const levels = m.levels.map((l) => l.id);
    const current = new Map(m.units[0]?.dimensions.map((d) => [d.id, d.level?.id ?? null]));
    const targets = new Map(a.maturity?.targets?.map((t) => [t.dimension, t.level]));
    for (const n of r.needs) {
      const gap = n.factors[2];
      const cur = current.get(n.dimension ?? "") ?? null;
      const target = targets.get(n.dimension ?? "");
      if (cur !== null && target !== undefined) {
        const raw = levels.indexOf(target) - levels.indexOf(cur);
        expect(gap?.raw).toBe(raw);
        expect(gap?.normalised).toBe(Math.max(0, raw) / (levels.length - 1));
      } else {
        expect(gap?.raw).toBeNull();
      }
      expect(n.factors.reduce((s, f) => s + f.contribution, 0)).toBe(n.score);
    }
  });

  it("property: the ranking does not depend on the order of needs, and contributions sum to the score", () => {
    const need = fc.record({
      votes: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
      scores: fc.option(
        fc
          .subarray(["city", "it", "uni", "ngo"])
          .chain((who) =>
            fc.tuple(
              ...who.map((s) =>
                fc.integer({ min: 0, max: 5 }).map((value) => ({ stakeholder: s, value })),
              ),
            ),
          ),
        { nil: undefined },
      ),
      raisedBy: fc.subarray(["city", "it", "uni", "ngo"]),
      dimension: fc.constantFrom("eParticipation", "openData", "skills", "services", undefined),
    });
    fc.assert(
      fc.property(
        fc.array(need, { minLength: 1, maxLength: 8 }).chain((list) =>
          fc.tuple(
            fc.constant(list),
            fc.shuffledSubarray(
              list.map((_, i) => i),
              { minLength: list.length, maxLength: list.length },
            ),
          ),
        ),
        ([raw, permutation]) => {
          const needs = raw.map((n, i) => ({
            id: `n${i}`,
            statement: "s",
            raisedBy: n.raisedBy,
            ...(n.votes !== undefined ? { votes: n.votes } : {}),
            ...(n.scores !== undefined ? { scores: n.scores } : {}),
            ...(n.dimension !== undefined ? { dimension: n.dimension } : {}),
          }));
          const shuffled = permutation.map((i) => needs[i]);
          const r1 = rankNeeds(doc(needs, withTargets), { maturity });
          const r2 = rankNeeds(doc(shuffled, withTargets), { maturity });
          expect(r2.needs).toStrictEqual(r1.needs);
          for (const n of r1.needs) {
            const sum = n.factors.reduce((s, f) => s + f.contribution, 0);
            expect(sum).toBe(n.score);
            expect(n.score).toBeGreaterThanOrEqual(0);
            expect(n.score).toBeLessThanOrEqual(1 + 1e-12);
            expect(n.factors.map((f) => f.factor)).toStrictEqual([...needFactors]);
          }
          const ranks = r1.needs.map((n) => n.rank);
          expect(ranks).toStrictEqual([...ranks].sort((x, y) => x - y));
        },
      ),
      { numRuns: 100 },
    );
  });

  describe("bad input", () => {
    const good = () => doc([{ id: "n", statement: "x", raisedBy: ["city"], votes: 1 }]);
    const raw = () =>
      JSON.parse(JSON.stringify(good())) as Record<string, unknown> & {
        needs: Record<string, unknown>[];
      };

    it("refuses an assessment that did not come from parseAssessment, and bad options", () => {
      expect(issue(() => rankNeeds(raw() as never))).toStrictEqual(["not_parsed", ["assessment"]]);
      expect(issue(() => rankNeeds(null as never))).toStrictEqual(["not_parsed", ["assessment"]]);
      expect(issue(() => rankNeeds(good(), 3 as never))).toStrictEqual([
        "invalid_type",
        ["options"],
      ]);
    });

    it("ranks an assessment without needs as an empty list", () => {
      const r = rankNeeds(doc([]));
      expect(r.needs).toStrictEqual([]);
      expect(r.factors.map((f) => [f.factor, f.weight, f.available])).toStrictEqual([
        ["votes", 0.3, false],
        ["scores", 0.2, false],
        ["gap", 0.3, false],
        ["helix", 0.2, false],
      ]);
    });

    it("rejects bad weights", () => {
      const a = good();
      expect(issue(() => rankNeeds(a, { weights: { votes: -1 } }))).toStrictEqual([
        "negative_weight",
        ["options", "weights", "votes"],
      ]);
      expect(issue(() => rankNeeds(a, { weights: { gap: Number.NaN } }))).toStrictEqual([
        "non_finite",
        ["options", "weights", "gap"],
      ]);
      expect(issue(() => rankNeeds(a, { weights: { urgency: 1 } as never }))).toStrictEqual([
        "invalid_value",
        ["options", "weights", "urgency"],
      ]);
      expect(
        issue(() => rankNeeds(a, { weights: { votes: 0, scores: 0, gap: 0, helix: 0 } })),
      ).toStrictEqual(["zero_weights", ["options", "weights"]]);
      expect(issue(() => rankNeeds(a, { weights: [] as never }))).toStrictEqual([
        "invalid_type",
        ["options", "weights"],
      ]);
      expect(issue(() => rankNeeds(a, { weights: { votes: 1e308, gap: 1e308 } }))).toStrictEqual([
        "zero_weights",
        ["options", "weights"],
      ]);
      expect(rankNeeds(a, { weights: { votes: undefined } as never }).factors[0]?.weight).toBe(0.3);
    });

    it("rejects bad maturity input", () => {
      const a = doc(
        [{ id: "n", statement: "x", dimension: "openData", raisedBy: [] }],
        withTargets,
      );
      const cases: [unknown, string, unknown[]][] = [
        [{ ...maturity, levels: [] }, "empty", ["options", "maturity", "levels"]],
        [
          { ...maturity, levels: [{ id: "l1" }, { id: "l1" }] },
          "duplicate_id",
          ["options", "maturity", "levels", 1, "id"],
        ],
        [{ ...maturity, units: [] }, "unknown_reference", ["assessment", "city", "id"]],
        [{ ...maturity, units: "x" }, "invalid_type", ["options", "maturity", "units"]],
        [
          {
            ...maturity,
            units: [
              { unit: "sofia", dimensions: [{ id: "openData", level: { id: "l9", index: 9 } }] },
            ],
          },
          "unknown_reference",
          ["options", "maturity", "units", 0, "dimensions", 0, "level", "id"],
        ],
        [
          { ...maturity, units: [{ unit: "sofia", dimensions: [{ id: "openData", level: 3 }] }] },
          "invalid_type",
          ["options", "maturity", "units", 0, "dimensions", 0, "level"],
        ],
        [
          { ...maturity, units: [{ unit: "sofia", dimensions: [{ id: 3, level: null }] }] },
          "invalid_type",
          ["options", "maturity", "units", 0, "dimensions", 0, "id"],
        ],
        [
          {
            ...maturity,
            units: [{ unit: "sofia", dimensions: [{ id: "openData", level: { id: 2 } }] }],
          },
          "invalid_type",
          ["options", "maturity", "units", 0, "dimensions", 0, "level", "id"],
        ],
        [{ ...maturity, units: [null] }, "invalid_type", ["options", "maturity", "units", 0]],
        [
          { ...maturity, units: [{ unit: "" }] },
          "invalid_value",
          ["options", "maturity", "units", 0, "unit"],
        ],
        [
          { ...maturity, units: [{ unit: "sofia" }] },
          "invalid_type",
          ["options", "maturity", "units", 0, "dimensions"],
        ],
        [
          { ...maturity, units: [{ unit: "sofia", dimensions: [7] }] },
          "invalid_type",
          ["options", "maturity", "units", 0, "dimensions", 0],
        ],
        [{ ...maturity, levels: ["l1"] }, "invalid_type", ["options", "maturity", "levels", 0]],
        [
          { ...maturity, levels: [{ id: "" }] },
          "invalid_value",
          ["options", "maturity", "levels", 0, "id"],
        ],
        ["x", "invalid_type", ["options", "maturity"]],
      ];
      for (const [m, code, path] of cases) {
        expect(issue(() => rankNeeds(a, { maturity: m as never }))).toStrictEqual([code, path]);
      }
      expect(issue(() => rankNeeds(a, { maturity, unit: "varna" }))).toStrictEqual([
        "unknown_reference",
        ["options", "unit"],
      ]);
      expect(issue(() => rankNeeds(a, { maturity, unit: 3 as never }))).toStrictEqual([
        "invalid_type",
        ["options", "unit"],
      ]);
    });

    it("refuses a maturity result whose levels are not those of the targets", () => {
      // the parser checked the target levels against the assessment's framework; the maturity
      // result given as an option may come from another scale
      const a = doc([{ id: "n", statement: "x", dimension: "d", raisedBy: [] }], {
        frameworks: [framework("f", ["d"], ["only"])],
        maturity: {
          framework: { id: "f", version: "1.0" },
          observations: [{ unit: "sofia", indicator: "i-d", value: null }],
          targets: [{ dimension: "d", level: "only" }],
        },
      });
      expect(issue(() => rankNeeds(a, { maturity }))).toStrictEqual([
        "unknown_reference",
        ["assessment", "maturity", "targets", 0, "level"],
      ]);
      expect(() => rankNeeds(a, { maturity })).toThrow(
        'target level "only" is not among options.maturity.levels (l1, l2, l3, l4, l5)',
      );
    });

    it("pins the message of an error", () => {
      expect(() =>
        rankNeeds(good(), { weights: { votes: -1 } }),
      ).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: weight of votes must not be negative, got -1 (options.weights.votes)]`,
      );
    });
  });
});
