import { describe, expect, it } from "vitest";
import { kinds, kindsAnswers, kindsAssessment } from "../../test/helpers/kinds.js";
import { sofiaJson } from "../../test/helpers/sofia.js";
import { builtinFrameworks } from "../frameworks/builtinFrameworks.js";
import { iccCitizenParticipation } from "../frameworks/iccCitizenParticipation.js";
import { unLosi2022 } from "../frameworks/unLosi2022.js";
import { parseAssessment } from "../schema/parseAssessment.js";
import { needsFromGaps } from "./needsFromGaps.js";
import { recommendActions } from "./recommendActions.js";

const json = sofiaJson();
const sofia = parseAssessment(json, { frameworks: builtinFrameworks });
const recs = recommendActions(sofia, iccCitizenParticipation);

describe("needsFromGaps", () => {
  it("writes every kind of answer in words: scale, option texts, rows, numbers with their unit", () => {
    const r = recommendActions(kindsAssessment(kindsAnswers), kinds);
    const { needs } = needsFromGaps(r, kinds, { limit: 10 });
    const said = Object.fromEntries(
      needs.map((n) => [n.id, n.statement.replace(/^.*?: [^:]*?\. Today: /, "")]),
    );
    expect(said).toStrictEqual({
      "gap-lik": "2 (1–5). Aim: 5 (1–5).",
      "gap-cat": "Nothing yet. Aim: all.",
      "gap-bin": "no. Aim: yes.",
      "gap-multi": "none. Aim: Website; app.",
      "gap-grid": "Row one: 1. Aim: Row one: 2.",
      "gap-share": "30 %. Aim: 100 %.",
      "gap-budget": "10. Aim: 40.",
    });
    expect(needs[0]!.statement.startsWith('To move "')).toBe(true);
  });

  it("turns the top five recommendations into needs, in order, with their basis", () => {
    const r = needsFromGaps(recs, iccCitizenParticipation);
    expect(r.needs).toHaveLength(5);
    expect(r.basis).toStrictEqual(
      recs.recommendations.slice(0, 5).map((x) => ({
        need: `gap-${x.indicator}`,
        indicator: x.indicator,
        dimension: x.dimension,
        gain: x.gain,
      })),
    );
    expect(r.provenance).toBe("designed");
  });

  it("writes each statement from the framework's texts", () => {
    const top = recs.recommendations[0]!;
    const ind = iccCitizenParticipation.indicators.find((i) => i.id === top.indicator)!;
    const dim = recs.dimensions.find((d) => d.id === top.dimension)!;
    const text = (v: unknown) =>
      ind.rubric!.find((e) => e.answer === v)!.text.replace(/[.!?]+$/, "");
    const [en] = needsFromGaps(recs, iccCitizenParticipation, { limit: 1 }).needs;
    expect(en).toStrictEqual({
      id: `gap-${top.indicator}`,
      statement: `To move "${dim.title}" to the level "${dim.goal.title}": ${ind.question} Today: ${text(top.current)}. Aim: ${text(top.suggested)}.`,
      dimension: top.dimension,
      raisedBy: [],
    });
    const [bg] = needsFromGaps(recs, iccCitizenParticipation, { limit: 1, lang: "bg" }).needs;
    expect(bg!.statement).toBe(
      `За да достигне „${dim.title}“ ниво „${dim.goal.title}“: ${ind.question} Днес: ${text(top.current)}. Цел: ${text(top.suggested)}.`,
    );
  });

  it("gives needs an assessment accepts as they are", () => {
    const { needs } = needsFromGaps(recs, iccCitizenParticipation, { limit: 10, prefix: "draft." });
    const more = { ...json, needs: [...(json["needs"] as unknown[]), ...needs] };
    const parsed = parseAssessment(more, { frameworks: builtinFrameworks });
    expect(parsed.needs.slice(-needs.length)).toStrictEqual(needs);
    expect(needs.every((n) => n.id.startsWith("draft."))).toBe(true);
  });

  it("refuses another framework, a bad language or prefix, something that is not a result", () => {
    expect(() => needsFromGaps(recs, unLosi2022)).toThrowError(
      /framework_mismatch|recommendations are on framework/,
    );
    expect(() =>
      needsFromGaps(recs, iccCitizenParticipation, { lang: "fr" as never }),
    ).toThrowError('lang must be one of en, bg, got "fr"');
    expect(() => needsFromGaps(recs, iccCitizenParticipation, { prefix: "a b" })).toThrowError(
      /prefix must be/,
    );
    expect(() => needsFromGaps(recs, null as never)).toThrowError(/, got null$/);
    expect(() => needsFromGaps(null as never, iccCitizenParticipation)).toThrowError(
      "result must be the result of recommendActions, got null",
    );
  });
});
