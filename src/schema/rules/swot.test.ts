import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { thrown } from "../../../test/helpers/errors.js";
import { sofiaJson } from "../../../test/helpers/sofia.js";
import { AssessmentError } from "../../errors/AssessmentError.js";
import { buildSwot } from "../../swot/buildSwot.js";
import { buildSwotForAssessment } from "../../swot/buildSwotForAssessment.js";
import { crossSwot, type TowsLink } from "../../swot/crossSwot.js";
import { dossierGaps } from "../../swot/dossierGaps.js";
import { solutionDossier } from "../../swot/solutionDossier.js";
import type { SwotItem } from "../entities.js";
import { safeParseAssessment } from "../parseAssessment.js";
import { validateAssessment } from "../validateAssessment.js";

type Item = Record<string, unknown>;
type Json = Record<string, unknown> & {
  needs: Item[];
  swot: Item[];
  tows: (Item & { items: string[] })[];
  solutions: (Item & { swot?: Item[] })[];
};

/** The Sofia example with `plant` applied; returns the errors of validateAssessment. */
function errorsOf(plant: (json: Json) => void) {
  const json = sofiaJson() as Json;
  plant(json);
  return validateAssessment(json).errors;
}

/** The first issue `buildSwot` (plain values, default options) raises on `items`, or null. */
function buildSwotIssue(items: unknown[], needs: string[]) {
  try {
    buildSwot(items as SwotItem[], { needs });
    return null;
  } catch (e) {
    if (!(e instanceof AssessmentError)) throw e;
    return e.issues[0] ?? null;
  }
}

describe("checkSwot (validateAssessment)", () => {
  it("accepts both Sofia examples, and the SWOT stages then run on them", () => {
    for (const file of ["assessment.json", "assessment-2022.json"]) {
      const r = safeParseAssessment(sofiaJson(file));
      expect(r.success ? [] : r.issues).toStrictEqual([]);
      if (!r.success) continue;
      expect(buildSwotForAssessment(r.data).solutions).toHaveLength(r.data.solutions.length);
      for (const s of r.data.solutions)
        expect(dossierGaps(solutionDossier(s, r.data)).solution).toBe(s.id);
    }
  });

  it("refuses city SWOT weights that no longer sum to 1, one issue per weight of the matrix", () => {
    const errors = errorsOf((j) => {
      j.swot[0]!["weight"] = 0.4;
    });
    expect(errors.map((e) => [e.code, e.path])).toStrictEqual(
      [0, 1, 2, 3, 4, 5].map((i) => ["invalid_value", ["swot", i, "weight"]]),
    );
    expect(errors[0]?.message).toMatch(
      /^the weights of the strengths and weaknesses must sum to 1 \(±1e-9\), got 1\.1\d*; this weight is 0\.4$/,
    );
  });

  it("refuses a solution's SWOT weights that no longer sum to 1", () => {
    const errors = errorsOf((j) => {
      (j.solutions[2]?.swot as Item[])[4]!["weight"] = 0.6;
    });
    expect(errors.map((e) => [e.code, e.path])).toStrictEqual(
      [4, 5, 6].map((i) => ["invalid_value", ["solutions", 2, "swot", i, "weight"]]),
    );
    expect(errors[2]?.message).toContain(
      "the weights of the opportunities and threats must sum to 1 (±1e-9), got 1.1",
    );
  });

  it("refuses a matrix where only some items are rated or weighted", () => {
    const errors = errorsOf((j) => {
      delete j.swot[1]!["rating"];
      delete j.swot[6]!["weight"];
    });
    expect(errors.map((e) => [e.code, e.path])).toStrictEqual([
      ["missing_field", ["swot", 1, "rating"]],
      ["missing_field", ["swot", 6, "weight"]],
    ]);
    expect(errors[0]?.message).toBe(
      "every one of the strengths and weaknesses needs a rating (1–4) once one has a weight or rating (5 of 6 rated); this one has none",
    );
    expect(errors[1]?.message).toContain(
      "needs a weight once one has a weight (5 of 6 weighted), or none for equal weights",
    );
  });

  it("refuses ratings against David's IFE convention", () => {
    const errors = errorsOf((j) => {
      j.swot[0]!["rating"] = 2;
      j.swot[3]!["rating"] = 3;
      j.swot[6]!["rating"] = 1;
    });
    expect(errors.map((e) => [e.code, e.path])).toStrictEqual([
      ["out_of_range", ["swot", 0, "rating"]],
      ["out_of_range", ["swot", 3, "rating"]],
    ]);
    expect(errors[0]?.message).toBe(
      "a strength is rated 3 (minor strength) or 4 (major strength) in David's IFE matrix, got 2",
    );
    expect(errors[1]?.message).toBe(
      "a weakness is rated 1 (major weakness) or 2 (minor weakness) in David's IFE matrix, got 3",
    );
  });

  it("refuses weights and ratings off their scales (the schema's rules)", () => {
    const errors = errorsOf((j) => {
      j.swot[6]!["rating"] = 5;
      (j.solutions[2]?.swot as Item[])[0]!["weight"] = -0.1;
    });
    expect(errors.map((e) => [e.code, e.path])).toStrictEqual([
      ["out_of_range", ["swot", 6, "rating"]],
      ["out_of_range", ["solutions", 2, "swot", 0, "weight"]],
    ]);
    expect(errors[0]?.message).toContain("expected at most 4");
  });

  it("refuses evidence that names nothing", () => {
    const errors = errorsOf((j) => {
      (j.solutions[1]?.swot as Item[])[0]!["evidence"] = [{ need: "n-budgeting" }, {}];
    });
    expect(errors.map((e) => [e.code, e.path])).toStrictEqual([
      ["missing_field", ["solutions", 1, "swot", 0, "evidence", 1]],
    ]);
    expect(errors[0]?.message).toBe(
      "evidence needs an indicator, a need or a note, got none of them",
    );
  });

  it("refuses a TOWS strategy that links an item of the wrong quadrant", () => {
    const errors = errorsOf((j) => {
      j.tows[0]!.items = ["s-innovation-team", "t-trust", "o-eu-funds"];
    });
    expect(errors.map((e) => [e.code, e.path])).toStrictEqual([
      ["invalid_value", ["tows", 0, "items", 1]],
    ]);
    expect(errors[0]?.message).toBe(
      '"t-trust" is a threat; an SO strategy links strengths and opportunities only',
    );
  });

  it("refuses a TOWS strategy that misses one of its two quadrants", () => {
    const errors = errorsOf((j) => {
      j.tows[3]!.items = ["o-national-egov"];
    });
    expect(errors.map((e) => [e.code, e.path])).toStrictEqual([
      ["invalid_value", ["tows", 3, "items"]],
    ]);
    expect(errors[0]?.message).toBe("a WO strategy needs at least one of the weaknesses, got none");
    const second = errorsOf((j) => {
      j.tows[1]!.items = ["s-ecosystem"];
    });
    expect(second.map((e) => [e.code, e.path, e.message])).toStrictEqual([
      [
        "invalid_value",
        ["tows", 1, "items"],
        "an SO strategy needs at least one of the opportunities, got none",
      ],
    ]);
  });

  it("refuses items and solutions listed twice by a strategy, and partners listed twice", () => {
    const errors = errorsOf((j) => {
      j.tows[1]!.items = ["s-ecosystem", "o-icc-network", "s-ecosystem"];
      j.tows[0]!["solutions"] = ["sol-platform", "sol-platform"];
      (j.solutions[0]?.["partners"] as string[]).push("bait");
    });
    expect(errors.map((e) => [e.code, e.path])).toStrictEqual([
      ["duplicate_id", ["solutions", 0, "partners", 2]],
      ["duplicate_id", ["tows", 0, "solutions", 1]],
      ["duplicate_id", ["tows", 1, "items", 2]],
    ]);
    expect(errors[2]?.message).toBe(
      'items lists "s-ecosystem" again (first at items[0]); expected each SWOT item once',
    );
  });

  it("leaves unknown TOWS items and repeated SWOT ids to the reference rules", () => {
    const errors = errorsOf((j) => {
      j.tows[0]!.items = ["s-ecosystem", "o-ghost"];
    });
    expect(errors.map((e) => [e.code, e.path])).toStrictEqual([
      ["unknown_reference", ["tows", 0, "items", 1]],
    ]);
    const repeated = errorsOf((j) => {
      j.swot.push({ ...j.swot[0], weight: 0 });
    });
    expect(repeated.map((e) => [e.code, e.path])).toStrictEqual([
      ["duplicate_id", ["swot", 12, "id"]],
    ]);
  });

  it("refuses what buildSwot and crossSwot refuse, at the same place", () => {
    const cases: [(j: Json) => void, number][] = [
      [(j) => void (j.swot[0]!["weight"] = 0.4), 0],
      [(j) => void delete j.swot[1]!["rating"], 1],
      [(j) => void delete j.swot[6]!["weight"], 6],
      [(j) => void (j.swot[4]!["rating"] = 3), 4],
      [(j) => void (j.swot[2]!["evidence"] = [{}]), 2],
    ];
    for (const [plant, index] of cases) {
      const json = sofiaJson() as Json;
      plant(json);
      const parser = validateAssessment(json).errors[0];
      const plain = buildSwotIssue(
        json.swot,
        json.needs.map((n) => n["id"] as string),
      );
      expect([parser?.code, parser?.path]).toStrictEqual([
        plain?.code,
        ["swot", ...(plain?.path.slice(1) ?? [])],
      ]);
      expect(parser?.path[1]).toBe(index);
    }
    const json = sofiaJson() as Json;
    json.tows[0]!.items = ["s-innovation-team", "t-trust", "o-eu-funds"];
    const parser = validateAssessment(json).errors[0];
    const e = thrown(() =>
      crossSwot(buildSwot(json.swot as unknown as SwotItem[]), json.tows as unknown as TowsLink[]),
    );
    expect([parser?.code, parser?.path]).toStrictEqual([
      e.code,
      ["tows", ...(e.issues[0]?.path.slice(1) ?? [])],
    ]);
  });

  it("property: a SWOT the parser accepts is one buildSwot accepts, and the stages then run", () => {
    const weight = fc.constantFrom(undefined, 0, 0.05, 0.1, 0.15, 0.25, 0.3, 0.35, 1);
    const rating = fc.constantFrom(undefined, 1, 2, 2.5, 3, 4);
    const edits = fc.array(fc.tuple(fc.nat({ max: 11 }), weight, rating), {
      minLength: 1,
      maxLength: 3,
    });
    fc.assert(
      fc.property(edits, fc.boolean(), (list, inSolution) => {
        const json = sofiaJson() as Json;
        const items = inSolution ? (json.solutions[2]?.swot as Item[]) : json.swot;
        for (const [k, w, r] of list) {
          const item = items[k % items.length] as Item;
          if (w === undefined) delete item["weight"];
          else item["weight"] = w;
          if (r === undefined) delete item["rating"];
          else item["rating"] = r;
        }
        const r = safeParseAssessment(json);
        const plain = buildSwotIssue(
          items,
          json.needs.map((n) => n["id"] as string),
        );
        expect(r.success).toBe(plain === null);
        if (r.success) {
          expect(() => buildSwotForAssessment(r.data)).not.toThrow();
          for (const s of r.data.solutions) expect(() => solutionDossier(s, r.data)).not.toThrow();
        } else {
          const prefix = inSolution ? ["solutions", 2, "swot"] : ["swot"];
          expect(r.issues.map((i) => i.path)).toContainEqual([
            ...prefix,
            ...(plain?.path.slice(1) ?? []),
          ]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
