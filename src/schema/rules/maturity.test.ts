import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreMaturity } from "../../maturity/scoreMaturity.js";
import { sofiaJson } from "../../../test/helpers/sofia.js";
import type { MaturityFramework } from "../framework.js";
import { safeParseAssessment } from "../parseAssessment.js";
import { validateAssessment } from "../validateAssessment.js";

type Doc = any;
type Issue = { code: string; path: readonly (string | number)[]; message: string };

/** The Sofia example with `change` planted, validated against the built-in frameworks. */
function plant(change: (d: Doc) => void) {
  const d = sofiaJson() as Doc;
  change(d);
  return validateAssessment(d);
}

/** The issues at `path`. */
const at = (issues: readonly Issue[], ...path: (string | number)[]) =>
  issues.filter((i) => JSON.stringify(i.path) === JSON.stringify(path));

/** The only issue at `path`, as code and message. */
function only(issues: readonly Issue[], ...path: (string | number)[]): Issue {
  const found = at(issues, ...path);
  expect(found, JSON.stringify(issues, null, 1)).toHaveLength(1);
  return found[0] as Issue;
}

const levels = (min: number, max: number) => [{ id: "all", title: "All", min, max }];

/** A small framework: dimensions a and b, b1 under b; one indicator of each kind. */
function mini(over: Partial<MaturityFramework> = {}): MaturityFramework {
  return {
    id: "mini",
    version: "1.0",
    title: "Mini",
    provenance: "designed",
    sources: [],
    dimensions: [
      { id: "a", title: "A" },
      { id: "b", title: "B" },
      { id: "b1", title: "B1", parent: "b" },
    ],
    indicators: [
      { id: "bin", dimension: "a", title: "Binary", type: "binary" },
      { id: "lik", dimension: "a", title: "Likert", type: "likert", scale: { min: 1, max: 5 } },
      {
        id: "num",
        dimension: "b",
        title: "Numeric",
        type: "numeric",
        normalisation: { method: "goalposts", low: 0, high: 10 },
      },
      {
        id: "grid",
        dimension: "b1",
        title: "Grid",
        type: "ratingGrid",
        scale: { min: 0, max: 4 },
        rows: [
          { id: "r1", text: "R1" },
          { id: "r2", text: "R2" },
        ],
      },
    ],
    levels: levels(0, 100),
    ...over,
  };
}

/** A minimal assessment of Sofia embedding `framework`, with these observations. */
function doc(framework: MaturityFramework, observations: readonly object[]): Doc {
  return {
    formatVersion: "1.0",
    city: { id: "sofia", name: "Sofia", country: "BG" },
    programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
    track: { id: "citizenParticipationDigitalPublicAdministration" },
    stakeholders: [
      { id: "city", name: "Innovation team", helix: "public", kind: "cityDepartment" },
    ],
    workshops: [],
    needs: [],
    solutions: [],
    frameworks: [framework],
    maturity: { framework: { id: framework.id, version: framework.version }, observations },
  };
}

const o = (unit: string, indicator: string, value: unknown) => ({ unit, indicator, value });

describe("checkMaturity (validateAssessment)", () => {
  describe("answers against their indicator, on the Sofia example", () => {
    it("refuses a Likert answer off its scale, naming the scale", () => {
      const r = plant((d) => (d.maturity.observations[1].value = 7));
      const i = only(r.errors, "maturity", "observations", 1, "value");
      expect(i.code).toBe("out_of_range");
      expect(i.message).toBe(
        'indicator "sg.ownership" is a Likert question: expected a number on its scale 0–4, got 7',
      );
    });

    it('refuses the string "35" where a number is expected', () => {
      const r = plant((d) => (d.maturity.observations[5].value = "35"));
      const i = only(r.errors, "maturity", "observations", 5, "value");
      expect(i.code).toBe("invalid_type");
      expect(i.message).toBe('indicator "ds.online" is numeric (%): expected a number, got "35"');
      const lik = only(
        plant((d) => (d.maturity.observations[1].value = "2")).errors,
        "maturity",
        "observations",
        1,
        "value",
      );
      expect(lik.code).toBe("invalid_type");
    });

    it("refuses a percentage outside 0–100, and takes any number for other units", () => {
      for (const v of [150, -1]) {
        const r = plant((d) => (d.maturity.observations[5].value = v));
        const i = only(r.errors, "maturity", "observations", 5, "value");
        expect(i.code).toBe("out_of_range");
        expect(i.message).toBe(
          `indicator "ds.online" is a percentage: expected a number from 0 to 100, got ${v}`,
        );
      }
      // od.datasets counts datasets: 250 is above its upper goalpost (200) and scores as 200
      expect(plant((d) => (d.maturity.observations[11].value = 250)).valid).toBe(true);
    });

    it("refuses a yes/no answer that is not a boolean", () => {
      const r = plant((d) => (d.maturity.observations[0].value = 1));
      const i = only(r.errors, "maturity", "observations", 0, "value");
      expect(i.code).toBe("invalid_type");
      expect(i.message).toContain("expected true, false or null, got 1");
    });

    it("refuses a categorical answer that is not an option, listing the options", () => {
      const r = plant((d) => (d.maturity.observations[2].value = "sometimes"));
      const i = only(r.errors, "maturity", "observations", 2, "value");
      expect(i.code).toBe("invalid_value");
      expect(i.message).toBe(
        'indicator "sg.budget" takes one of its options (none, adHoc, annual, multiYear), got "sometimes"',
      );
      const list = plant((d) => (d.maturity.observations[2].value = ["adHoc"]));
      expect(only(list.errors, "maturity", "observations", 2, "value").code).toBe("invalid_type");
    });

    it("refuses a multi-select answer that is not a list of known options without repeats", () => {
      const r = plant(
        (d) => (d.maturity.observations[4].value = ["business", "media", "business"]),
      );
      const unknown = only(r.errors, "maturity", "observations", 4, "value", 1);
      expect(unknown.code).toBe("invalid_value");
      expect(unknown.message).toContain('got "media"');
      expect(unknown.message).toContain("business, academia, civilSociety, residents, otherCities");
      const twice = only(r.errors, "maturity", "observations", 4, "value", 2);
      expect(twice.code).toBe("duplicate_id");
      expect(twice.message).toBe('indicator "sg.coCreation": option "business" is ticked twice');
      const single = plant((d) => (d.maturity.observations[4].value = "business"));
      expect(only(single.errors, "maturity", "observations", 4, "value").code).toBe("invalid_type");
      expect(plant((d) => (d.maturity.observations[4].value = [])).valid).toBe(true);
    });

    it("refuses rating-grid answers with unknown or repeated rows, or values off the scale", () => {
      const r = plant(
        (d) =>
          (d.maturity.observations[23].value = [
            { row: "accessibility", value: 6 },
            { row: "comfort", value: 2 },
            { row: "information", value: 2 },
            { row: "information", value: 3 },
          ]),
      );
      const off = only(r.errors, "maturity", "observations", 23, "value", 0, "value");
      expect(off.code).toBe("out_of_range");
      expect(off.message).toBe(
        'indicator "ip.quality", row "accessibility": expected a number on the scale 1–5, got 6',
      );
      const row = only(r.errors, "maturity", "observations", 23, "value", 1, "row");
      expect(row.code).toBe("unknown_reference");
      expect(row.message).toContain("accessibility, information, facilitation, followUp");
      expect(only(r.errors, "maturity", "observations", 23, "value", 3, "row").code).toBe(
        "duplicate_id",
      );
      expect(r.errors).toHaveLength(3);
      const notGrid = plant((d) => (d.maturity.observations[23].value = ["accessibility"]));
      expect(only(notGrid.errors, "maturity", "observations", 23, "value", 0).code).toBe(
        "invalid_type",
      );
      const number = plant((d) => (d.maturity.observations[23].value = 3));
      expect(only(number.errors, "maturity", "observations", 23, "value").message).toContain(
        "expected a list of { row, value } with rows accessibility, information, facilitation, followUp",
      );
    });

    it("accepts null for every kind of question", () => {
      const r = plant((d) => d.maturity.observations.forEach((x: Doc) => (x.value = null)));
      expect(r).toStrictEqual({ valid: true, errors: [], warnings: [] });
    });

    it("refuses a unit answering the same indicator twice, pointing at the repeat", () => {
      const r = plant((d) => d.maturity.observations.push({ ...d.maturity.observations[3] }));
      const i = only(r.errors, "maturity", "observations", 32);
      expect(i.code).toBe("duplicate_id");
      expect(i.message).toBe(
        'unit "sofia" answers indicator "sg.monitoring" again (first at maturity.observations[3])',
      );
    });

    it("reports every wrong answer at once", () => {
      const r = plant((d) => {
        d.maturity.observations[1].value = 7;
        d.maturity.observations[5].value = "35";
        d.maturity.observations[9].value = "never";
      });
      expect(r.errors.map((e) => e.path[2])).toStrictEqual([1, 5, 9]);
    });
  });

  describe("units", () => {
    it("warns once per unit that is not the city, at its first observation", () => {
      const r = plant((d) => {
        d.maturity.observations[3].unit = "plovdiv";
        d.maturity.observations[7].unit = "plovdiv";
      });
      expect(r.valid).toBe(true);
      expect(r.warnings).toStrictEqual([
        {
          code: "unit_not_city",
          path: ["maturity", "observations", 3, "unit"],
          message:
            'unit "plovdiv" is not the city\'s id "sofia": the report shows the city\'s own unit and leaves "plovdiv" out',
        },
      ]);
    });

    it("accepts a single unit that is not the city's id, with a warning", () => {
      const r = plant((d) => d.maturity.observations.forEach((x: Doc) => (x.unit = "sofia-2021")));
      expect(r.valid).toBe(true);
      expect(only(r.warnings, "maturity", "observations", 0, "unit").message).toBe(
        'unit "sofia-2021" is not the city\'s id "sofia": the report scores it as the city\'s maturity',
      );
    });

    it("refuses several units none of which is the city (a report would not know which to show)", () => {
      const r = plant((d) =>
        d.maturity.observations.forEach(
          (x: Doc, i: number) => (x.unit = i % 2 === 0 ? "sofia-north" : "sofia-south"),
        ),
      );
      const i = only(r.errors, "maturity", "observations");
      expect(i.code).toBe("invalid_value");
      expect(i.message).toContain("sofia-north, sofia-south");
      expect(i.message).toContain('"sofia"');
      expect(r.warnings).toStrictEqual([]);
    });

    it("accepts a maturity part without observations (nothing answered yet)", () => {
      const r = plant((d) => (d.maturity.observations = []));
      expect(r.errors).toStrictEqual([]);
    });
  });

  describe("the framework as scoreMaturity uses it", () => {
    it("refuses z-scores, conflicting directions and a generalised mean without p", () => {
      const f = mini({
        aggregation: { method: "generalised" },
        indicators: [
          ...mini().indicators,
          {
            id: "z",
            dimension: "a",
            title: "Z",
            type: "numeric",
            normalisation: { method: "zScore" },
          },
          {
            id: "dir",
            dimension: "a",
            title: "Dir",
            type: "numeric",
            direction: -1,
            normalisation: { method: "goalposts", low: 0, high: 1, direction: 1 },
          },
        ],
      });
      const r = validateAssessment(doc(f, [o("sofia", "bin", true)]));
      expect(r.errors.map((e) => [e.code, e.path])).toStrictEqual([
        ["invalid_value", ["frameworks", 0, "indicators", 4, "normalisation", "method"]],
        ["invalid_value", ["frameworks", 0, "indicators", 5, "normalisation", "direction"]],
        ["missing_field", ["frameworks", 0, "aggregation", "p"]],
      ]);
    });

    it("checks a framework passed in options as it checks an embedded one, at the reference", () => {
      const f = mini({ id: "given", levels: levels(0, 50) });
      const d = doc(f, [o("sofia", "bin", true)]);
      delete d.frameworks;
      const r = validateAssessment(d, { frameworks: [f] });
      const i = only(r.errors, "maturity", "framework");
      expect(i.code).toBe("band_gap");
      expect(i.message).toContain('(framework "given@1.0", levels[0])');
    });

    it("refuses a relative numeric indicator answered by one unit, or with no spread", () => {
      const f = mini();
      (f.indicators[2] as { normalisation: object }).normalisation = { method: "minMax" };
      const one = validateAssessment(doc(f, [o("sofia", "num", 4)]));
      const i = only(one.errors, "maturity", "observations", 0, "value");
      expect(i.code).toBe("too_few_values");
      expect(i.message).toContain("normalised with minMax, which compares units");
      const flat = validateAssessment(
        doc(f, [o("sofia", "num", 4), o("sofia-2022", "num", 4), o("sofia-2023", "num", null)]),
      );
      expect(only(flat.errors, "maturity", "observations", 0, "value").code).toBe("zero_spread");
      const spread = validateAssessment(doc(f, [o("sofia", "num", 4), o("sofia-2022", "num", 6)]));
      expect(spread.valid).toBe(true);
      (f.indicators[2] as { normalisation: object }).normalisation = {
        method: "minMax",
        degenerate: "null",
      };
      expect(validateAssessment(doc(f, [o("sofia", "num", 4)])).valid).toBe(true);
    });

    it("refuses a geometric mean that would meet a score of 0, at the aggregation", () => {
      const f = mini({
        dimensions: [
          { id: "a", title: "A", aggregation: { method: "geometric" } },
          ...mini().dimensions.slice(1),
        ],
      });
      const r = validateAssessment(doc(f, [o("sofia", "bin", false), o("sofia", "lik", 3)]));
      const i = only(r.errors, "frameworks", 0, "dimensions", 0, "aggregation");
      expect(i.code).toBe("non_positive_value");
      expect(i.message).toContain(
        'unit "sofia", dimension "a": a geometric mean needs positive scores, but indicator "bin" scores 0',
      );
      expect(
        validateAssessment(doc(f, [o("sofia", "bin", true), o("sofia", "lik", 3)])).valid,
      ).toBe(true);
      // the framework's own aggregation applies to the overall score too
      const overall = mini({ aggregation: { method: "harmonic" } });
      const r2 = validateAssessment(
        doc(overall, [o("sofia", "bin", false), o("sofia", "lik", 1), o("sofia", "num", 5)]),
      );
      expect(only(r2.errors, "frameworks", 0, "aggregation").message).toContain(
        'unit "sofia", dimension "a": a harmonic mean',
      );
    });
  });

  it("property: an embedded framework's answers are accepted exactly when scoreMaturity can score them", () => {
    const agg = fc.constantFrom(
      undefined,
      { method: "arithmetic" as const },
      { method: "geometric" as const },
      { method: "harmonic" as const },
      { method: "generalised" as const, p: 2 },
      { method: "generalised" as const, p: -0.5 },
    );
    const spec = fc.constantFrom<object>(
      { method: "goalposts", low: 0, high: 10 },
      { method: "goalposts", low: 0, high: 10, direction: -1 },
      { method: "minMax" },
      { method: "minMax", degenerate: "null" },
      { method: "rank" },
      { method: "borda", degenerate: "null" },
      { method: "percentRank" },
      { method: "distanceToMax" },
      { method: "distanceToReference", reference: 10 },
    );
    const values: Record<string, fc.Arbitrary<unknown>> = {
      bin: fc.boolean(),
      lik: fc.integer({ min: 0, max: 6 }),
      num: fc.constantFrom(0, 4, 10, 12),
      grid: fc.subarray([
        { row: "r1", value: 0 },
        { row: "r2", value: 4 },
      ]),
    };
    const answer = (id: string) => fc.option(values[id] as fc.Arbitrary<unknown>, { freq: 4 });
    const arb = fc.record({
      aggA: agg,
      aggB: agg,
      aggB1: agg,
      aggAll: agg,
      scale: fc.constantFrom([0, 100], [10, 20], [-50, 50]),
      minCoverage: fc.constantFrom(undefined, 0, 0.5, 1),
      spec,
      zero: fc.constantFrom("skip" as const, "zero" as const),
      // weights of bin, lik, num (0 takes an indicator out of its mean) and grid (alone in b1)
      weights: fc.tuple(
        fc.constantFrom(0, 1, 2),
        fc.constantFrom(0, 1, 2),
        fc.constantFrom(0, 1, 2),
        fc.constantFrom(1, 3),
      ),
      units: fc.subarray(["sofia-2022", "sofia-2023"]),
      answers: fc.array(
        fc.record({
          bin: answer("bin"),
          lik: answer("lik"),
          num: answer("num"),
          grid: answer("grid"),
        }),
        { minLength: 3, maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(arb, (x) => {
        const [min, max] = x.scale as [number, number];
        const base = mini();
        const f = mini({
          scale: { min, max },
          levels: levels(min, max),
          ...(x.aggAll ? { aggregation: x.aggAll } : {}),
          ...(x.minCoverage !== undefined ? { minCoverage: x.minCoverage } : {}),
          dimensions: base.dimensions.map((d, j) => {
            const a = [x.aggA, x.aggB, x.aggB1][j];
            return a ? { ...d, aggregation: a } : d;
          }),
          indicators: base.indicators.map((ind, k) => ({
            ...ind,
            weight: x.weights[k] as number,
            unanswered: x.zero,
            ...(ind.type === "numeric" ? { normalisation: x.spec } : {}),
          })) as MaturityFramework["indicators"],
        });
        const observations: { unit: string; indicator: string; value: unknown }[] = [];
        ["sofia", ...x.units].forEach((unit, u) => {
          for (const [indicator, value] of Object.entries(x.answers[u] as object)) {
            if (value !== null || indicator === "bin")
              observations.push(o(unit, indicator, value ?? null));
          }
        });
        const r = safeParseAssessment(doc(f, observations));
        let refused = false;
        try {
          scoreMaturity(f, observations as never);
        } catch {
          refused = true;
        }
        expect(
          r.success,
          JSON.stringify({ f, observations, issues: r.success ? [] : r.issues }),
        ).toBe(!refused);
      }),
      { numRuns: 400, seed: 20240513 },
    );
  });
});
