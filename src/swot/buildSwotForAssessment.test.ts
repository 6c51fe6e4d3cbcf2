import { describe, expect, it } from "vitest";
import { issue } from "../../test/helpers/errors.js";
import { parseAssessment } from "../schema/parseAssessment.js";
import { sofiaJson } from "../../test/helpers/sofia.js";
import { buildSwotForAssessment } from "./buildSwotForAssessment.js";

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
    a["maturity"] = { framework: { id: "mini", version: "1.0" }, observations: [] };
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

  it("passes the rating convention on", () => {
    const a = raw({
      swot: [
        { id: "s1", quadrant: "strength", text: "x", weight: 1, rating: 2 },
        { id: "o1", quadrant: "opportunity", text: "y", weight: 1, rating: 2 },
      ],
    });
    expect(issue(() => buildSwotForAssessment(a as never))).toStrictEqual([
      "out_of_range",
      ["assessment", "swot", 0, "rating"],
    ]);
    expect(
      buildSwotForAssessment(a as never, { ratingConvention: "free" }).city?.position?.quadrant,
    ).toBe("defensive");
  });

  describe("bad input", () => {
    it("reports SWOT errors with paths from the assessment root", () => {
      const a = raw();
      a.solutions[0]!["swot"] = [{ id: "x", text: "No quadrant" }];
      expect(issue(() => buildSwotForAssessment(a as never))).toStrictEqual([
        "missing_field",
        ["assessment", "solutions", 0, "swot", 0, "quadrant"],
      ]);
      const b = raw({
        swot: [{ id: "s", quadrant: "strength", text: "x", evidence: [{ need: "ghost" }] }],
      });
      expect(() => buildSwotForAssessment(b as never)).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: unknown need id "ghost" (assessment.swot[0].evidence[0].need)]`,
      );
    });

    it("reports TOWS errors with paths under assessment.tows", () => {
      const a = raw({
        tows: [{ id: "st", kind: "ST", items: ["s1", "t1"], text: "x", solutions: ["ghost"] }],
      });
      expect(issue(() => buildSwotForAssessment(a as never))).toStrictEqual([
        "unknown_reference",
        ["assessment", "tows", 0, "solutions", 0],
      ]);
      const b = raw({ tows: [{ id: "so", kind: "SO", items: ["s1", "t1"], text: "x" }] });
      expect(() => buildSwotForAssessment(b as never)).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: "t1" is a threat; an SO strategy links strengths and opportunities only (assessment.tows[0].items[1])]`,
      );
      const c = raw({ swot: [], tows: [{ id: "so", kind: "SO", items: ["s1"], text: "x" }] });
      expect(issue(() => buildSwotForAssessment(c as never))).toStrictEqual([
        "unknown_reference",
        ["assessment", "tows", 0, "items", 0],
      ]);
    });

    it("rejects malformed assessments and options", () => {
      expect(issue(() => buildSwotForAssessment(null as never))).toStrictEqual([
        "invalid_type",
        ["assessment"],
      ]);
      expect(issue(() => buildSwotForAssessment(raw() as never, [] as never))).toStrictEqual([
        "invalid_type",
        ["options"],
      ]);
      expect(issue(() => buildSwotForAssessment(raw({ needs: 1 }) as never))).toStrictEqual([
        "invalid_type",
        ["assessment", "needs"],
      ]);
      expect(
        issue(() => buildSwotForAssessment(raw({ solutions: [{ id: "s" }] }) as never)),
      ).toStrictEqual(["invalid_type", ["assessment", "solutions", 0, "title"]]);
      expect(issue(() => buildSwotForAssessment(raw({ swot: "x" }) as never))).toStrictEqual([
        "invalid_type",
        ["assessment", "swot"],
      ]);
      expect(
        issue(() => buildSwotForAssessment(raw() as never, { indicators: 1 as never })),
      ).toStrictEqual(["invalid_type", ["options", "indicators"]]);
      const m = raw({
        frameworks: [{ id: "f", version: "1", indicators: "x" }],
        maturity: { framework: { id: "f", version: "1" } },
      });
      expect(issue(() => buildSwotForAssessment(m as never))).toStrictEqual([
        "invalid_type",
        ["assessment", "frameworks", 0, "indicators"],
      ]);
      const n = raw({ frameworks: [], maturity: { framework: "f" } });
      expect(issue(() => buildSwotForAssessment(n as never))).toStrictEqual([
        "invalid_type",
        ["assessment", "maturity", "framework"],
      ]);
    });
  });
});
