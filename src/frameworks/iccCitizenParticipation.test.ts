import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { iccCitizenParticipation } from "./iccCitizenParticipation.js";
import { indicatorTypes } from "../schema/vocabularies.js";

describe("iccCitizenParticipation", () => {
  it("has the seven dimension ids the Sofia example's needs refer to", () => {
    expect(iccCitizenParticipation.dimensions.map((d) => d.id)).toStrictEqual([
      "strategyGovernance",
      "digitalServices",
      "openData",
      "eParticipation",
      "inPersonParticipation",
      "technologyInteroperability",
      "ecosystemSkills",
    ]);
    const sofia = JSON.parse(
      readFileSync(
        fileURLToPath(new URL("../../examples/sofia/assessment.json", import.meta.url)),
        "utf8",
      ),
    ) as { needs: { dimension?: string }[] };
    const ids = new Set(iccCitizenParticipation.dimensions.map((d) => d.id));
    for (const n of sofia.needs)
      if (n.dimension !== undefined) expect(ids.has(n.dimension)).toBe(true);
  });

  it("is labelled as designed, with five levels of 20 points", () => {
    expect(iccCitizenParticipation.provenance).toBe("designed");
    expect(iccCitizenParticipation.levels.map((l) => [l.id, l.min, l.max])).toStrictEqual([
      ["initial", 0, 20],
      ["emerging", 20, 40],
      ["established", 40, 60],
      ["advanced", 60, 80],
      ["leading", 80, 100],
    ]);
    for (const l of iccCitizenParticipation.levels) expect(l.rubric).toBeTruthy();
  });

  it("has about thirty indicators using every answer type, each with a question and a rubric for every answer", () => {
    const inds = iccCitizenParticipation.indicators;
    expect(inds.length).toBeGreaterThanOrEqual(28);
    expect(inds.length).toBeLessThanOrEqual(35);
    expect(new Set(inds.map((i) => i.type))).toStrictEqual(new Set(indicatorTypes));
    for (const ind of inds) {
      expect(ind.question, ind.id).toBeTruthy();
      const answers = (ind.rubric ?? []).map((r) => r.answer);
      switch (ind.type) {
        case "binary":
          expect(answers, ind.id).toStrictEqual([true, false]);
          break;
        case "likert":
        case "ratingGrid": {
          const all = [];
          for (let v = ind.scale.min; v <= ind.scale.max; v++) all.push(v);
          expect(answers, ind.id).toStrictEqual(all);
          break;
        }
        case "categorical":
        case "multiSelect":
          expect(answers, ind.id).toStrictEqual(ind.options.map((o) => o.value));
          break;
        case "numeric":
          expect(ind.normalisation.method, ind.id).toBe("goalposts");
          if (ind.normalisation.method === "goalposts") {
            expect(answers, ind.id).toContain(ind.normalisation.low);
            expect(answers, ind.id).toContain(ind.normalisation.high);
          }
          break;
      }
    }
  });

  it("covers each dimension with at least four indicators", () => {
    for (const d of iccCitizenParticipation.dimensions) {
      expect(
        iccCitizenParticipation.indicators.filter((i) => i.dimension === d.id).length,
        d.id,
      ).toBeGreaterThanOrEqual(4);
    }
  });
});
