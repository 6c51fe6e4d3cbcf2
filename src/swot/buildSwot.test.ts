import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { thrown, issue } from "../../test/helpers/errors.js";
import type { SwotItem } from "../schema/entities.js";
import { parseAssessment } from "../schema/parseAssessment.js";
import { sofiaJson } from "../../test/helpers/sofia.js";
import { buildSwot } from "./buildSwot.js";

const item = (
  id: string,
  quadrant: SwotItem["quadrant"],
  weight?: number,
  rating?: number,
): SwotItem => ({
  id,
  quadrant,
  text: `${quadrant} ${id}`,
  ...(weight !== undefined ? { weight } : {}),
  ...(rating !== undefined ? { rating } : {}),
});

/** One internal and one external item with weight 1: the totals are the two ratings. */
const pair = (ife: number, efe: number) =>
  buildSwot([item("i", "strength", 1, ife), item("e", "opportunity", 1, efe)], {
    ratingConvention: "free",
  });

describe("buildSwot", () => {
  it("weighs the Sofia city SWOT (hand-computed IFE 3.1, EFE 3.0: aggressive, IE cell I)", () => {
    // IFE = .3×4 + .25×4 + .15×3 + .15×1 + .1×2 + .05×2 = 3.10; EFE = .35×4 + .2×3 + .15×3 + .15×2 + .1×2 + .05×1 = 3.00
    const a = parseAssessment(sofiaJson());
    const s = buildSwot(a.swot ?? [], { needs: a.needs.map((n) => n.id) });
    expect(s.counts).toStrictEqual({ strength: 3, weakness: 3, opportunity: 3, threat: 3 });
    expect(s.ife?.total).toBeCloseTo(3.1, 12);
    expect(s.efe?.total).toBeCloseTo(3.0, 12);
    expect(s.ife?.weighting).toBe("given");
    expect(s.ife?.rows.map((r) => r.id)).toStrictEqual([
      "s-ecosystem",
      "s-innovation-team",
      "s-ngo",
      "w-fragmented",
      "w-data-policy",
      "w-legacy",
    ]);
    expect(s.position).toStrictEqual({
      quadrant: "aggressive",
      strategies: "SO",
      ife: s.ife?.total,
      efe: s.efe?.total,
      rule: "IFE ≥ 2.5 and EFE ≥ 2.5 → aggressive",
      ieCell: 1,
      ieRegion: "growAndBuild",
    });
    expect(s.reasons).toStrictEqual({ ife: null, efe: null, position: null });
    expect(s.parameters).toStrictEqual({
      ratingConvention: "david",
      midpoint: 2.5,
      tolerance: 1e-9,
      indicatorsChecked: false,
      needsChecked: true,
    });
  });

  it("reproduces a published EFE worked example (total 2.35)", () => {
    // EFE matrix for a cinema complex, "Business strategy Assignment 2" (scribd.com/document/461581521):
    // weights .25 .2 .1 .05 .15 .25, ratings 3 3 2 2 3 1, total weighted score 2.35.
    const rows: [number, number][] = [
      [0.25, 3],
      [0.2, 3],
      [0.1, 2],
      [0.05, 2],
      [0.15, 3],
      [0.25, 1],
    ];
    const s = buildSwot(
      rows.map(([w, r], i) => item(`x${i}`, i < 3 || i === 4 ? "opportunity" : "threat", w, r)),
    );
    expect(Math.round((s.efe?.total ?? 0) * 100) / 100).toBe(2.35);
    expect(s.ife).toBeNull();
    expect(s.reasons.ife).toBe("no strengths and weaknesses, so no IFE matrix");
    expect(s.position).toBeNull();
    expect(s.reasons.position).toBe("the position needs both an IFE and an EFE total");
  });

  it("places totals in David's internal–external matrix like a published exercise", () => {
    // IE matrix exercise (scribd.com/document/482647549): (IFE, EFE) → region
    const cases: [number, number, string][] = [
      [2.8, 1.3, "harvestOrDivest"],
      [3.5, 1.5, "holdAndMaintain"],
      [1.2, 2.4, "harvestOrDivest"],
      [2.0, 1.2, "harvestOrDivest"],
      [1.8, 1.7, "harvestOrDivest"],
      [3.8, 3.5, "growAndBuild"],
      [3.1, 1.6, "holdAndMaintain"],
    ];
    for (const [ife, efe, region] of cases) expect(pair(ife, efe).position?.ieRegion).toBe(region);
    // cells I–IX row by row: EFE high/medium/low, IFE strong/average/weak
    const cells = [
      [3.5, 3.5],
      [2.5, 3.5],
      [1.5, 3.5],
      [3.5, 2.5],
      [2.5, 2.5],
      [1.5, 2.5],
      [3.5, 1.5],
      [2.5, 1.5],
      [1.5, 1.5],
    ].map(([i, e]) => pair(i as number, e as number).position?.ieCell);
    expect(cells).toStrictEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(pair(3, 2).position?.ieCell).toBe(4);
    expect(pair(1.9999, 1.9999).position?.ieCell).toBe(9);
  });

  it("maps the two totals to the four strategic positions, 2.5 counting as at or above", () => {
    expect(pair(2.5, 2.5).position?.quadrant).toBe("aggressive");
    expect(pair(3, 2).position?.quadrant).toBe("conservative");
    expect(pair(3, 2).position?.strategies).toBe("ST");
    expect(pair(2, 3).position?.quadrant).toBe("competitive");
    expect(pair(2, 3).position?.strategies).toBe("WO");
    expect(pair(2.4999, 2.4999).position?.quadrant).toBe("defensive");
    expect(pair(2.4999, 2.4999).position?.rule).toBe("IFE < 2.5 and EFE < 2.5 → defensive");
    // 0.7 × 3 + 0.3 × 4/3 is 2.4999999999999996 in binary floating point; within 1e-9 it counts as 2.5
    expect(0.7 * 3 + 0.3 * (4 / 3)).toBeLessThan(2.5);
    const s = buildSwot(
      [
        item("s", "strength", 0.7, 3),
        item("w", "weakness", 0.3, 4 / 3),
        item("o", "opportunity", 0.5, 3),
        item("t", "threat", 0.5, 2),
      ],
      { ratingConvention: "free" },
    );
    expect(s.ife?.total).toBeCloseTo(2.5, 12);
    expect(s.ife?.aboveMidpoint).toBe(true);
    expect(s.position?.quadrant).toBe("aggressive");
  });

  it("leaves an unweighted SWOT without matrices, and says why", () => {
    const s = buildSwot([item("s", "strength"), item("t", "threat")]);
    expect(s.strengths.map((i) => i.id)).toStrictEqual(["s"]);
    expect(s.threats.map((i) => i.id)).toStrictEqual(["t"]);
    expect(s.ife).toBeNull();
    expect(s.reasons.ife).toBe(
      "no weights or ratings on the strengths and weaknesses: an unweighted SWOT, so no IFE matrix",
    );
    expect(s.reasons.efe).toBe(
      "no weights or ratings on the opportunities and threats: an unweighted SWOT, so no EFE matrix",
    );
  });

  it("splits weights equally when every item is rated and none weighted", () => {
    const s = buildSwot([
      item("s", "strength", undefined, 4),
      item("w", "weakness", undefined, 1),
      item("o", "opportunity", undefined, 3),
    ]);
    expect(s.ife).toStrictEqual({
      matrix: "IFE",
      weighting: "equal",
      rows: [
        {
          id: "s",
          quadrant: "strength",
          text: "strength s",
          weight: 0.5,
          rating: 4,
          weightedScore: 2,
        },
        {
          id: "w",
          quadrant: "weakness",
          text: "weakness w",
          weight: 0.5,
          rating: 1,
          weightedScore: 0.5,
        },
      ],
      total: 2.5,
      midpoint: 2.5,
      aboveMidpoint: true,
    });
    expect(s.efe?.total).toBe(3);
  });

  it("copies the items and keeps their order within each quadrant", () => {
    const items = [item("o1", "opportunity"), item("s1", "strength"), item("o2", "opportunity")];
    const s = buildSwot(items);
    expect(s.opportunities.map((i) => i.id)).toStrictEqual(["o1", "o2"]);
    expect(s.opportunities[0]).not.toBe(items[0]);
    expect(s.opportunities[0]).toStrictEqual(items[0]);
  });

  it("keeps evidence links and checks them against known indicators and needs", () => {
    const items: SwotItem[] = [
      { ...item("s", "strength"), evidence: [{ indicator: "i1", note: "survey" }, { need: "n1" }] },
    ];
    const s = buildSwot(items, { indicators: new Set(["i1"]), needs: ["n1"] });
    expect(s.strengths[0]?.evidence).toStrictEqual([
      { indicator: "i1", note: "survey" },
      { need: "n1" },
    ]);
    expect(s.parameters.indicatorsChecked).toBe(true);
  });

  it("property: factor-evaluation totals stay within 1–4 and the position follows the totals", () => {
    const quadrant = fc.constantFrom(
      "strength",
      "weakness",
      "opportunity",
      "threat",
    ) as fc.Arbitrary<SwotItem["quadrant"]>;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            quadrant,
            w: fc.double({ min: 0.01, max: 1, noNaN: true }),
            r: fc.double({ min: 1, max: 4, noNaN: true }),
          }),
          {
            minLength: 1,
            maxLength: 12,
          },
        ),
        (raw) => {
          const sum = (internal: boolean) =>
            raw
              .filter((x) => (x.quadrant === "strength" || x.quadrant === "weakness") === internal)
              .reduce((s, x) => s + x.w, 0);
          const si = sum(true);
          const se = sum(false);
          const items = raw.map((x, i) => {
            const internal = x.quadrant === "strength" || x.quadrant === "weakness";
            const weight = Math.min(1, x.w / (internal ? si : se));
            return item(`i${i}`, x.quadrant, weight, x.r);
          });
          const s = buildSwot(items, { ratingConvention: "free" });
          for (const m of [s.ife, s.efe]) {
            if (m === null) continue;
            expect(m.total).toBeGreaterThanOrEqual(1);
            expect(m.total).toBeLessThanOrEqual(4);
          }
          if (s.position && s.ife && s.efe) {
            expect(s.position.quadrant).toBe(
              s.ife.total >= 2.5 - 1e-9
                ? s.efe.total >= 2.5 - 1e-9
                  ? "aggressive"
                  : "conservative"
                : s.efe.total >= 2.5 - 1e-9
                  ? "competitive"
                  : "defensive",
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  describe("bad input", () => {
    it("rejects an item without a quadrant, or with an unknown one", () => {
      const noQuadrant = { id: "x", text: "Something" } as unknown as SwotItem;
      expect(issue(() => buildSwot([item("s", "strength"), noQuadrant]))).toStrictEqual([
        "missing_field",
        ["items", 1, "quadrant"],
      ]);
      expect(
        issue(() => buildSwot([{ ...item("s", "strength"), quadrant: "risk" as never }])),
      ).toStrictEqual(["invalid_value", ["items", 0, "quadrant"]]);
    });

    it("rejects weights that do not sum to 1, with one issue per weight", () => {
      const e = thrown(() =>
        buildSwot([
          item("s", "strength", 0.5, 4),
          item("w", "weakness", 0.4, 2),
          item("o", "opportunity", 1, 3),
        ]),
      );
      expect(e.code).toBe("invalid_value");
      expect(e.issues.map((i) => i.path)).toStrictEqual([
        ["items", 0, "weight"],
        ["items", 1, "weight"],
      ]);
      expect(e.issues[0]?.message).toBe(
        "the weights of the strengths and weaknesses must sum to 1 (±1e-9), got 0.9; this weight is 0.5 (items[0].weight)",
      );
    });

    it("rejects ratings outside 1–4", () => {
      for (const [rating, code] of [
        [0, "out_of_range"],
        [4.5, "out_of_range"],
        [Number.NaN, "non_finite"],
        [Infinity, "non_finite"],
        ["3", "invalid_type"],
      ] as const) {
        expect(
          issue(() => buildSwot([{ ...item("o", "opportunity", 1), rating: rating as number }])),
        ).toStrictEqual([code, ["items", 0, "rating"]]);
      }
    });

    it("holds strengths to 3–4 and weaknesses to 1–2 unless the convention is free", () => {
      expect(() => buildSwot([item("s", "strength", 1, 2)])).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: a strength is rated 3 (minor strength) or 4 (major strength) in an IFE matrix, got 2; pass ratingConvention: "free" to allow any rating from 1 to 4 (items[0].rating)]`,
      );
      expect(
        issue(() => buildSwot([item("s", "strength", 0.5, 3), item("w", "weakness", 0.5, 3)])),
      ).toStrictEqual(["out_of_range", ["items", 1, "rating"]]);
      expect(
        buildSwot([item("s", "strength", 0.5, 2), item("w", "weakness", 0.5, 3)], {
          ratingConvention: "free",
        }).ife?.total,
      ).toBe(2.5);
      expect(
        issue(() => buildSwot([item("s", "strength")], { ratingConvention: "loose" as never })),
      ).toStrictEqual(["invalid_value", ["options", "ratingConvention"]]);
    });

    it("rejects a matrix where only some items are rated or weighted", () => {
      expect(
        issue(() => buildSwot([item("s", "strength", 0.5, 4), item("w", "weakness")])),
      ).toStrictEqual(["missing_field", ["items", 1, "rating"]]);
      expect(
        issue(() => buildSwot([item("s", "strength", 1, 4), item("w", "weakness", undefined, 2)])),
      ).toStrictEqual(["missing_field", ["items", 1, "weight"]]);
      expect(issue(() => buildSwot([item("o", "opportunity", 1)]))).toStrictEqual([
        "missing_field",
        ["items", 0, "rating"],
      ]);
    });

    it("rejects bad weights", () => {
      expect(issue(() => buildSwot([item("s", "strength", -0.1, 3)]))).toStrictEqual([
        "negative_weight",
        ["items", 0, "weight"],
      ]);
      expect(issue(() => buildSwot([item("s", "strength", 1.2, 3)]))).toStrictEqual([
        "out_of_range",
        ["items", 0, "weight"],
      ]);
      expect(issue(() => buildSwot([item("s", "strength", Number.NaN, 3)]))).toStrictEqual([
        "non_finite",
        ["items", 0, "weight"],
      ]);
    });

    it("rejects unknown evidence ids", () => {
      const withEvidence = (evidence: unknown) => [
        { ...item("s", "strength"), evidence } as SwotItem,
      ];
      expect(
        issue(() => buildSwot(withEvidence([{ indicator: "i9" }]), { indicators: ["i1"] })),
      ).toStrictEqual(["unknown_reference", ["items", 0, "evidence", 0, "indicator"]]);
      expect(
        issue(() => buildSwot(withEvidence([{ need: "n1" }, { need: "n9" }]), { needs: ["n1"] })),
      ).toStrictEqual(["unknown_reference", ["items", 0, "evidence", 1, "need"]]);
      expect(issue(() => buildSwot(withEvidence([{}])))).toStrictEqual([
        "missing_field",
        ["items", 0, "evidence", 0],
      ]);
      expect(issue(() => buildSwot(withEvidence([{ need: 3 }])))).toStrictEqual([
        "invalid_type",
        ["items", 0, "evidence", 0, "need"],
      ]);
      expect(issue(() => buildSwot(withEvidence([{ indicator: "" }])))).toStrictEqual([
        "invalid_value",
        ["items", 0, "evidence", 0, "indicator"],
      ]);
      expect(issue(() => buildSwot(withEvidence([{ note: 3 }])))).toStrictEqual([
        "invalid_type",
        ["items", 0, "evidence", 0, "note"],
      ]);
      expect(issue(() => buildSwot(withEvidence(["n1"])))).toStrictEqual([
        "invalid_type",
        ["items", 0, "evidence", 0],
      ]);
      expect(issue(() => buildSwot(withEvidence("n1")))).toStrictEqual([
        "invalid_type",
        ["items", 0, "evidence"],
      ]);
      expect(issue(() => buildSwot(withEvidence([]), { needs: "n1" as never }))).toStrictEqual([
        "invalid_type",
        ["options", "needs"],
      ]);
      expect(issue(() => buildSwot(withEvidence([]), { indicators: [""] }))).toStrictEqual([
        "invalid_value",
        ["options", "indicators", 0],
      ]);
    });

    it("rejects empty, malformed and duplicate items", () => {
      expect(issue(() => buildSwot([]))).toStrictEqual(["empty", ["items"]]);
      expect(issue(() => buildSwot("s" as never))).toStrictEqual(["invalid_type", ["items"]]);
      expect(issue(() => buildSwot([null as never]))).toStrictEqual(["invalid_type", ["items", 0]]);
      expect(issue(() => buildSwot([item("s", "strength"), item("s", "threat")]))).toStrictEqual([
        "duplicate_id",
        ["items", 1, "id"],
      ]);
      expect(issue(() => buildSwot([{ ...item("s", "strength"), id: 1 as never }]))).toStrictEqual([
        "invalid_type",
        ["items", 0, "id"],
      ]);
      expect(issue(() => buildSwot([{ ...item("s", "strength"), text: " " }]))).toStrictEqual([
        "invalid_value",
        ["items", 0, "text"],
      ]);
      expect(issue(() => buildSwot([item("s", "strength")], 1 as never))).toStrictEqual([
        "invalid_type",
        ["options"],
      ]);
    });
  });
});
