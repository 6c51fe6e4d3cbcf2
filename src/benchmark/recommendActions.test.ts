import { describe, expect, it } from "vitest";
import { kinds, kindsAnswers, kindsAssessment } from "../../test/helpers/kinds.js";
import { sofiaJson } from "../../test/helpers/sofia.js";
import { builtinFrameworks } from "../frameworks/builtinFrameworks.js";
import { iccCitizenParticipation } from "../frameworks/iccCitizenParticipation.js";
import { scoreMaturity } from "../maturity/scoreMaturity.js";
import { createReport } from "../report/createReport.js";
import type { Assessment } from "../schema/assessment.js";
import { defineFramework } from "../schema/defineFramework.js";
import type { Observation } from "../schema/entities.js";
import { parseAssessment } from "../schema/parseAssessment.js";
import { recommendActions } from "./recommendActions.js";

const sofia = () => parseAssessment(sofiaJson(), { frameworks: builtinFrameworks });

/** The overall score with one answer changed, recomputed from scratch. */
function rescored(a: Assessment, indicator: string, value: Observation["value"]): number | null {
  const obs = a.maturity!.observations.filter((o) => o.indicator !== indicator);
  obs.push({ unit: "sofia", indicator, value });
  return scoreMaturity(iccCitizenParticipation, obs).units[0]!.overall.score;
}

const mini = defineFramework({
  id: "mini",
  version: "1.0",
  title: "Mini",
  provenance: "designed",
  sources: [],
  dimensions: [
    { id: "d", title: "Data" },
    { id: "e", title: "Engagement" },
  ],
  indicators: [
    { id: "grade", dimension: "d", type: "likert", scale: { min: 0, max: 4 }, title: "Grade" },
    { id: "forum", dimension: "e", type: "binary", title: "Forum" },
    { id: "app", dimension: "e", type: "binary", title: "App", unanswered: "skip" },
  ],
  levels: [
    { id: "low", title: "Low", min: 0, max: 50 },
    { id: "high", title: "High", min: 50, max: 100 },
  ],
});

function miniAssessment(
  observations: readonly Observation[],
  targets?: readonly { dimension: string; level: string }[],
): Assessment {
  return parseAssessment(
    {
      formatVersion: "1.0",
      city: { id: "sofia", name: "Sofia", country: "BG" },
      programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
      track: { id: "citizenParticipationDigitalPublicAdministration" },
      stakeholders: [],
      workshops: [],
      needs: [],
      solutions: [],
      maturity: {
        framework: { id: "mini", version: "1.0" },
        observations,
        ...(targets ? { targets } : {}),
      },
    },
    { frameworks: [mini] },
  );
}

describe("recommendActions", () => {
  describe("on every kind of question", () => {
    const a = kindsAssessment(kindsAnswers);
    const r = recommendActions(a, kinds);

    it("suggests the best answer of each kind when none reaches the next level", () => {
      expect(r.unit).toBe("sofia");
      expect(
        Object.fromEntries(
          r.recommendations.map((x) => [x.indicator, [x.suggested, x.reachesGoal]]),
        ),
      ).toStrictEqual({
        bin: [true, false],
        lik: [5, false],
        cat: ["all", false],
        multi: [["web", "app"], false],
        // a grid averages its answered rows: row one at the top is as good as every row at the
        // top, and comes first among the answers tried
        grid: [[{ row: "r1", value: 2 }], false],
        share: [100, false],
        // min-max across the units: the best answer another unit gave
        budget: [40, true],
      });
    });

    it("gives each gain by rescoring every unit with that one answer changed", () => {
      const base = scoreMaturity(kinds, a.maturity!.observations, {
        units: ["plovdiv", "sofia", "varna"],
      });
      for (const x of r.recommendations) {
        const obs = a.maturity!.observations.map((o) =>
          o.unit === "sofia" && o.indicator === x.indicator ? { ...o, value: x.suggested } : o,
        );
        const after = scoreMaturity(kinds, obs).units.find((u) => u.unit === "sofia")!;
        expect(x.gain).toBe(after.overall.score! - base.units[1]!.overall.score!);
      }
    });

    it("recommends nothing it cannot score: no answers at all", () => {
      const empty = recommendActions(kindsAssessment([]), kinds);
      expect(empty.unit).toBe("sofia");
      expect(empty.overall.score).toBeNull();
      expect(empty.dimensions.map((d) => [d.id, d.score, d.goal.id])).toStrictEqual([
        ["k", null, "l0"],
        ["m", null, "l0"],
      ]);
      expect(empty.recommendations).toStrictEqual([]);
      expect(() => recommendActions(kindsAssessment([]), kinds, { unit: "x" })).toThrowError(
        'unit "x" has no observations (units: none)',
      );
    });
  });

  describe("on the Sofia example", () => {
    const a = sofia();
    const r = recommendActions(a, iccCitizenParticipation);

    it("the top recommendation's gain equals the recomputed score difference", () => {
      const top = r.recommendations[0]!;
      expect(top.rank).toBe(1);
      const before = scoreMaturity(iccCitizenParticipation, a.maturity!.observations).units[0]!
        .overall.score!;
      const after = rescored(a, top.indicator, top.suggested)!;
      expect(top.gain).toBe(after - before);
      expect(top.overall).toStrictEqual({ before, after });
      // the overall score the report publishes is the same starting point
      const report = createReport(a, { generatedAt: "2021-02-15", stability: false });
      expect(report.sections.maturity!.overall.score).toBe(before);
    });

    it("so does every other recommendation's, and they come by gain, largest first", () => {
      expect(r.recommendations.length).toBeGreaterThan(5);
      for (const x of r.recommendations) {
        expect(x.gain).toBe(rescored(a, x.indicator, x.suggested)! - r.overall.score!);
        expect(x.dimensionScore.after!).toBeGreaterThan(x.dimensionScore.before!);
        expect(x.reachesGoal).toBe(
          x.level.after!.index >= r.dimensions.find((d) => d.id === x.dimension)!.goal.index,
        );
      }
      const gains = r.recommendations.map((x) => x.gain!);
      expect(gains).toStrictEqual([...gains].sort((p, q) => q - p));
      expect(r.recommendations.map((x) => x.rank)).toStrictEqual(
        r.recommendations.map((_, i) => i + 1),
      );
    });

    it("takes the dimensions below their targets, and only those", () => {
      const report = createReport(a, { generatedAt: "2021-02-15", stability: false });
      const below = report.sections
        .maturity!.dimensions.filter((d) => d.gap !== null && d.gap > 0)
        .map((d) => d.id);
      expect(r.dimensions.map((d) => d.id)).toStrictEqual(below);
      expect(r.dimensions.every((d) => d.basis === "belowTarget")).toBe(true);
      const gapDims = new Set(below);
      expect(r.recommendations.every((x) => gapDims.has(x.dimension))).toBe(true);
      expect(r.provenance).toBe("designed");
    });

    it("names the question, today's answer and the suggested one", () => {
      const top = r.recommendations[0]!;
      const ind = iccCitizenParticipation.indicators.find((i) => i.id === top.indicator)!;
      expect(top.title).toBe(ind.title);
      expect(top.question).toBe(ind.question);
      const now = a.maturity!.observations.find((o) => o.indicator === top.indicator);
      expect(top.current).toStrictEqual(now?.value ?? null);
      expect(top.suggested).not.toStrictEqual(top.current);
    });

    it("keeps the first ones with limit", () => {
      const two = recommendActions(a, iccCitizenParticipation, { limit: 2 });
      expect(two.recommendations).toStrictEqual(r.recommendations.slice(0, 2));
    });

    it("returns plain JSON data", () => {
      expect(JSON.parse(JSON.stringify(r))).toStrictEqual(r);
    });
  });

  it("suggests the smallest answer that reaches the next level, not the best one", () => {
    const r = recommendActions(
      miniAssessment([
        { unit: "sofia", indicator: "grade", value: 1 },
        { unit: "sofia", indicator: "forum", value: true },
      ]),
      mini,
    );
    // grade 1 → 25 (low); 2 → 50 reaches "high", 3 and 4 too: 2 is suggested
    expect(r.dimensions.map((d) => [d.id, d.basis, d.goal.id])).toStrictEqual([
      ["d", "belowNextLevel", "high"],
    ]);
    expect(
      r.recommendations.map((x) => [x.indicator, x.current, x.suggested, x.reachesGoal]),
    ).toStrictEqual([["grade", 1, 2, true]]);
    // overall: mean of d (25 → 50) and e (100): 62.5 → 75
    expect(r.recommendations[0]!.gain).toBe(12.5);
  });

  it("suggests the best answer when none reaches the next level, and answers a skipped question", () => {
    const r = recommendActions(
      miniAssessment(
        [
          { unit: "sofia", indicator: "grade", value: 4 },
          { unit: "sofia", indicator: "forum", value: false },
        ],
        [
          { dimension: "d", level: "high" },
          { dimension: "e", level: "high" },
        ],
      ),
      mini,
    );
    expect(r.dimensions.map((d) => [d.id, d.basis])).toStrictEqual([["e", "belowTarget"]]);
    expect(
      r.recommendations.map((x) => [x.indicator, x.current, x.suggested, x.gain, x.reachesGoal]),
    ).toStrictEqual([
      // forum true: e = 100 (app skipped), overall 50 → 100
      ["forum", false, true, 50, true],
      // app true: e = mean(0, 100) = 50, overall 50 → 75
      ["app", null, true, 25, true],
    ]);
  });

  it("has nothing to recommend at the top level", () => {
    const r = recommendActions(
      miniAssessment([
        { unit: "sofia", indicator: "grade", value: 4 },
        { unit: "sofia", indicator: "forum", value: true },
        { unit: "sofia", indicator: "app", value: true },
      ]),
      mini,
    );
    expect(r.dimensions).toStrictEqual([]);
    expect(r.recommendations).toStrictEqual([]);
  });

  describe("refuses", () => {
    it("an assessment that was not parsed (not_parsed)", () => {
      expect(() => recommendActions(sofiaJson() as never, iccCitizenParticipation)).toThrowError(
        expect.objectContaining({ code: "not_parsed" }) as Error,
      );
    });

    it("another framework than the assessment's (framework_mismatch)", () => {
      expect(() => recommendActions(sofia(), null as never)).toThrowError(/, got null$/);
      expect(() => recommendActions(sofia(), mini)).toThrowError(
        "the assessment's answers are on framework icc-citizen-participation@1.0.0, got mini@1.0",
      );
    });

    it("an assessment without maturity answers, an unknown unit, a bad limit", () => {
      const json = sofiaJson();
      delete json["maturity"];
      const bare = parseAssessment(json, { frameworks: builtinFrameworks });
      expect(() => recommendActions(bare, iccCitizenParticipation)).toThrowError(
        /no maturity part/,
      );
      expect(() =>
        recommendActions(sofia(), iccCitizenParticipation, { unit: "plovdiv" }),
      ).toThrowError('unit "plovdiv" has no observations (units: sofia)');
      expect(() => recommendActions(sofia(), iccCitizenParticipation, { limit: 0 })).toThrowError(
        /limit must be between 1 and 1000000/,
      );
    });
  });
});
