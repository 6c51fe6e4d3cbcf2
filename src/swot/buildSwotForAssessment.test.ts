import { describe, expect, it } from "vitest";
import { issue } from "../../test/helpers/errors.js";
import { parseAssessment } from "../schema/parseAssessment.js";
import { sofiaJson } from "../../test/helpers/sofia.js";
import { buildSwotForAssessment } from "./buildSwotForAssessment.js";
import { crossSwot } from "./crossSwot.js";

type Raw = Record<string, unknown> & { solutions: Record<string, unknown>[] };

function raw(extra: Record<string, unknown> = {}): Raw {
  return {
    formatVersion: "1.0",
    city: { id: "sofia", name: "Sofia", country: "BG" },
    programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
    track: { id: "citizenParticipationDigitalPublicAdministration" },
    stakeholders: [],
    workshops: [],
    needs: [{ id: "n1", statement: "Open data", raisedBy: [] }],
    swot: [
      { id: "s1", quadrant: "strength", text: "Clusters", evidence: [{ need: "n1" }] },
      { id: "t1", quadrant: "threat", text: "Low trust" },
    ],
    solutions: [
      {
        id: "portal",
        title: "Portal",
        readiness: "idea",
        swot: [{ id: "p-s1", quadrant: "strength", text: "Cheap" }],
      },
      { id: "app", title: "App", readiness: "idea" },
    ],
    ...extra,
  } as Raw;
}

describe("buildSwotForAssessment", () => {
  it("builds the Sofia city SWOT, its TOWS strategies and one SWOT per solution", () => {
    const a = parseAssessment(sofiaJson());
    const r = buildSwotForAssessment(a);
    expect(r.city?.position?.quadrant).toBe("aggressive");
    expect(r.cityReason).toBeNull();
    expect(r.tows?.matrix.SO).toStrictEqual(["so-eu-platform", "so-peer-open-data"]);
    expect(r.towsReason).toBeNull();
    expect(r.solutions.map((s) => [s.solution, s.swot === null, s.reason])).toStrictEqual([
      ["sol-platform", false, null],
      ["sol-sofia-chooses", false, null],
      ["sol-data-policy", false, null],
      ["sol-data-skills", true, "the solution has no SWOT items"],
      ["sol-e-services", false, null],
      ["sol-info-points", false, null],
      ["sol-chatbot", true, "the solution has no SWOT items"],
    ]);
    // the data-policy SWOT is weighted: IFE = .4×4 + .2×3 + .25×1 + .15×2 = 2.75; EFE = .5×3 + .2×2 + .3×2 = 2.5
    const dp = r.solutions.find((s) => s.solution === "sol-data-policy")?.swot;
    expect(dp?.ife?.total).toBeCloseTo(2.75, 12);
    expect(dp?.efe?.total).toBeCloseTo(2.5, 12);
    expect(dp?.position?.quadrant).toBe("aggressive");
    expect(dp?.parameters.needsChecked).toBe(true);
  });

  it("says when there is no city SWOT or no TOWS strategy", () => {
    const none = raw();
    delete none["swot"];
    expect(buildSwotForAssessment(parseAssessment(none)).cityReason).toBe(
      "the assessment has no city SWOT items",
    );
    const r = buildSwotForAssessment(parseAssessment(raw({ swot: [] })));
    expect([r.city, r.cityReason, r.tows, r.towsReason]).toStrictEqual([
      null,
      "the assessment has no city SWOT items",
      null,
      "the assessment has no TOWS strategies",
    ]);
  });

  it("checks evidence indicators against the framework the assessment embeds, or the given ids", () => {
    const a = raw();
    a["frameworks"] = [
      {
        id: "mini",
        version: "1.0",
        title: "Mini",
        provenance: "designed",
        sources: [],
        dimensions: [{ id: "d", title: "D" }],
        indicators: [{ id: "i1", dimension: "d", title: "I", type: "binary" }],
        levels: [{ id: "l", title: "L", min: 0, max: 100 }],
      },
    ];
    a["maturity"] = {
      framework: { id: "mini", version: "1.0" },
      observations: [{ unit: "sofia", indicator: "i1", value: null }],
    };
    a.solutions[0]!["swot"] = [
      { id: "p-s1", quadrant: "strength", text: "Cheap", evidence: [{ indicator: "i1" }] },
    ];
    const parsed = parseAssessment(a);
    expect(buildSwotForAssessment(parsed).solutions[0]?.swot?.parameters.indicatorsChecked).toBe(
      true,
    );
    expect(issue(() => buildSwotForAssessment(parsed, { indicators: ["other"] }))).toStrictEqual([
      "unknown_reference",
      ["assessment", "solutions", 0, "swot", 0, "evidence", 0, "indicator"],
    ]);
    const noFramework = parseAssessment(raw());
    expect(buildSwotForAssessment(noFramework).city?.parameters.indicatorsChecked).toBe(false);
  });

  it("records the rating convention it is given, which changes no number", () => {
    const a = parseAssessment(sofiaJson());
    const david = buildSwotForAssessment(a);
    const free = buildSwotForAssessment(a, { ratingConvention: "free" });
    expect(david.city?.parameters.ratingConvention).toBe("david");
    expect(free.city?.parameters.ratingConvention).toBe("free");
    expect(free.city?.ife).toStrictEqual(david.city?.ife);
    expect(free.solutions[2]?.swot?.efe).toStrictEqual(david.solutions[2]?.swot?.efe);
  });

  it("builds the TOWS strategies of a parsed assessment as crossSwot does", () => {
    const a = parseAssessment(sofiaJson());
    const r = buildSwotForAssessment(a);
    expect(r.tows).toStrictEqual(
      crossSwot(r.city as NonNullable<typeof r.city>, a.tows ?? [], {
        solutions: a.solutions.map((s) => s.id),
      }),
    );
    expect(r.tows?.unused).toStrictEqual({
      strengths: [],
      weaknesses: [],
      opportunities: [],
      threats: ["t-procurement"],
    });
  });

  describe("bad input", () => {
    it("refuses an assessment that did not come from parseAssessment", () => {
      expect(issue(() => buildSwotForAssessment(raw() as never))).toStrictEqual([
        "not_parsed",
        ["assessment"],
      ]);
      expect(issue(() => buildSwotForAssessment(null as never))).toStrictEqual([
        "not_parsed",
        ["assessment"],
      ]);
    });

    it("rejects malformed options", () => {
      const a = parseAssessment(raw());
      expect(issue(() => buildSwotForAssessment(a, [] as never))).toStrictEqual([
        "invalid_type",
        ["options"],
      ]);
      expect(issue(() => buildSwotForAssessment(a, { indicators: 1 as never }))).toStrictEqual([
        "invalid_type",
        ["options", "indicators"],
      ]);
      expect(
        issue(() => buildSwotForAssessment(a, { ratingConvention: "loose" as never })),
      ).toStrictEqual(["invalid_value", ["options", "ratingConvention"]]);
    });

    it("checks city evidence against the given indicator ids", () => {
      const a = parseAssessment(
        raw({
          swot: [{ id: "s1", quadrant: "strength", text: "x", evidence: [{ indicator: "i9" }] }],
        }),
      );
      expect(() => buildSwotForAssessment(a, { indicators: new Set(["i1"]) })).toThrow(
        'unknown indicator id "i9" (assessment.swot[0].evidence[0].indicator)',
      );
      expect(
        buildSwotForAssessment(a, { indicators: ["i9"] }).city?.parameters.indicatorsChecked,
      ).toBe(true);
    });
  });
});
