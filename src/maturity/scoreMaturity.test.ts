import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { thrown } from "../../test/helpers/errors.js";
import { AssessmentError } from "../errors/AssessmentError.js";
import { scoreMaturity, type MaturityResult, type ScoreMaturityOptions } from "./scoreMaturity.js";
import { unLosi2022 } from "../frameworks/unLosi2022.js";
import type { Observation } from "../schema/entities.js";
import type { MaturityFramework, NormaliseSpec } from "../schema/framework.js";

const levels = [
  { id: "low", title: "Low", min: 0, max: 40 },
  { id: "mid", title: "Mid", min: 40, max: 70 },
  { id: "high", title: "High", min: 70, max: 100 },
];

/** A framework with every answer type, a sub-dimension and a relative numeric indicator. */
const framework: MaturityFramework = {
  id: "test",
  version: "1.2.0",
  title: "Test framework",
  provenance: "designed",
  sources: [],
  dimensions: [
    { id: "a", title: "A" },
    { id: "b", title: "B", weight: 3 },
    { id: "b1", title: "B1", parent: "b" },
  ],
  indicators: [
    { id: "a.bin", dimension: "a", title: "Binary", type: "binary" },
    {
      id: "a.lik",
      dimension: "a",
      title: "Likert",
      type: "likert",
      scale: { min: 1, max: 5 },
      direction: -1,
      weight: 2,
    },
    {
      id: "a.cat",
      dimension: "a",
      title: "Categorical",
      type: "categorical",
      options: [
        { value: "x", score: 20 },
        { value: "y", score: 80 },
      ],
    },
    {
      id: "b.multi",
      dimension: "b",
      title: "Multi",
      type: "multiSelect",
      options: [
        { value: "p", weight: 2 },
        { value: "q", weight: 1 },
        { value: "r", weight: -1 },
      ],
    },
    {
      id: "b.num",
      dimension: "b",
      title: "Goalposts",
      type: "numeric",
      normalisation: { method: "goalposts", low: 10, high: 30, scale: 10 },
    },
    {
      id: "b1.grid",
      dimension: "b1",
      title: "Grid",
      type: "ratingGrid",
      scale: { min: 0, max: 4 },
      rows: [
        { id: "r1", text: "Row 1" },
        { id: "r2", text: "Row 2" },
        { id: "r3", text: "Row 3" },
      ],
    },
    {
      id: "b1.rel",
      dimension: "b1",
      title: "Relative",
      type: "numeric",
      direction: -1,
      normalisation: { method: "minMax" },
    },
  ],
  levels,
};

const o = (unit: string, indicator: string, value: Observation["value"]): Observation => ({
  unit,
  indicator,
  value,
});

const observations: Observation[] = [
  o("u1", "a.bin", true),
  o("u1", "a.lik", 2),
  o("u1", "a.cat", "y"),
  o("u1", "b.multi", ["p", "r"]),
  o("u1", "b.num", 25),
  o("u1", "b1.grid", [
    { row: "r1", value: 4 },
    { row: "r2", value: 2 },
  ]),
  o("u1", "b1.rel", 10),
  o("u2", "a.bin", false),
  o("u2", "b.num", null),
  o("u2", "b1.rel", 30),
  o("u3", "b1.rel", 20),
];

function deepFreeze<T>(x: T): T {
  if (typeof x === "object" && x !== null) {
    Object.values(x).forEach(deepFreeze);
    Object.freeze(x);
  }
  return x;
}

const unitOf = (r: MaturityResult, id: string) => {
  const u = r.units.find((x) => x.unit === id);
  if (!u) throw new Error(`no unit ${id}`);
  return u;
};

describe("scoreMaturity", () => {
  const result = scoreMaturity(framework, observations);
  const u1 = unitOf(result, "u1");

  it("echoes the framework, the scale, the levels and sorts the units by id", () => {
    expect(result.framework).toStrictEqual({
      id: "test",
      version: "1.2.0",
      title: "Test framework",
      provenance: "designed",
      sources: [],
    });
    expect(result.scale).toStrictEqual({ min: 0, max: 100 });
    expect(result.levels.map((l) => [l.id, l.minInclusive, l.maxInclusive])).toStrictEqual([
      ["low", true, false],
      ["mid", true, false],
      ["high", true, true],
    ]);
    expect(result.units.map((u) => u.unit)).toStrictEqual(["u1", "u2", "u3"]);
  });

  it("scores each answer type by its rule onto the scale", () => {
    const by = Object.fromEntries(u1.indicators.map((i) => [i.id, i]));
    // binary true → max
    expect(by["a.bin"]).toStrictEqual({
      id: "a.bin",
      dimension: "a",
      type: "binary",
      raw: true,
      answered: true,
      value: 1,
      direction: 1,
      normalised: 1,
      score: 100,
      weight: 1,
      effectiveWeight: 0.25,
    });
    // likert (2 − 1)/(5 − 1) = 0.25, reversed by direction −1 → 0.75
    expect(by["a.lik"]).toMatchObject({
      value: 2,
      direction: -1,
      normalised: 0.75,
      score: 75,
      weight: 2,
      effectiveWeight: 0.5,
    });
    // categorical: the option's score
    expect(by["a.cat"]).toMatchObject({ raw: "y", value: 80, normalised: 0.8, score: 80 });
    // multiSelect: max(0, 2 − 1) / (2 + 1)
    expect(by["b.multi"]?.value).toBe(1);
    expect(by["b.multi"]?.score).toBeCloseTo(100 / 3, 12);
    // goalposts (25 − 10)/(30 − 10) × 10 = 7.5 → position 0.75
    expect(by["b.num"]).toMatchObject({ value: 25, normalised: 0.75, score: 75 });
    // grid: mean of answered rows (4 + 2)/2 = 3 → 3/4
    expect(by["b1.grid"]).toMatchObject({ value: 3, normalised: 0.75, score: 75 });
    // relative, direction −1: the lowest of 10, 30, 20 scores best
    expect(by["b1.rel"]).toMatchObject({ value: 10, direction: -1, normalised: 1, score: 100 });
    expect(unitOf(result, "u2").indicators.find((i) => i.id === "b1.rel")?.score).toBe(0);
    expect(unitOf(result, "u3").indicators.find((i) => i.id === "b1.rel")?.score).toBe(50);
  });

  it("aggregates dimensions bottom-up with their weights, and the overall score", () => {
    const d = Object.fromEntries(u1.dimensions.map((x) => [x.id, x]));
    expect(d["a"]).toStrictEqual({
      id: "a",
      title: "A",
      parent: null,
      score: 82.5, // (100·1 + 75·2 + 80·1) / 4
      level: { id: "high", title: "High", index: 2 },
      coverage: 1,
      minCoverage: 0.5,
    });
    expect(d["b1"]?.score).toBe(87.5); // (75 + 100) / 2
    expect(d["b1"]?.parent).toBe("b");
    expect(d["b"]?.score).toBeCloseTo((100 / 3 + 75 + 87.5) / 3, 10);
    expect(u1.overall.score).toBeCloseTo((82.5 + 3 * ((100 / 3 + 75 + 87.5) / 3)) / 4, 10);
    expect(u1.overall.level?.id).toBe("mid");
    expect(u1.overall.coverage).toBe(1);
  });

  it("records the trace of every aggregation in the order it ran", () => {
    expect(u1.trace.map((s) => `${s.node}:${s.id}`)).toStrictEqual([
      "dimension:b1",
      "dimension:a",
      "dimension:b",
      "overall:overall",
    ]);
    const a = u1.trace[1];
    expect(a).toStrictEqual({
      node: "dimension",
      id: "a",
      aggregation: { method: "arithmetic", p: 1, shift: 0 },
      components: ["a.bin", "a.lik", "a.cat"],
      kinds: ["indicator", "indicator", "indicator"],
      scores: [100, 75, 80],
      weights: [1, 2, 1],
      effectiveWeights: [0.25, 0.5, 0.25],
      coverage: 1,
      minCoverage: 0.5,
      score: 82.5,
    });
    expect(u1.trace[2]?.components).toStrictEqual(["b.multi", "b.num", "b1"]);
    expect(u1.trace[2]?.kinds).toStrictEqual(["indicator", "indicator", "dimension"]);
    expect(u1.trace[3]?.components).toStrictEqual(["a", "b"]);
    expect(u1.trace[3]?.effectiveWeights).toStrictEqual([0.25, 0.75]);
  });

  it("skips unanswered indicators and nulls a dimension below its minimum coverage, with reasons", () => {
    const u2 = unitOf(result, "u2");
    const ind = Object.fromEntries(u2.indicators.map((i) => [i.id, i]));
    expect(ind["b.num"]).toMatchObject({
      raw: null,
      answered: false,
      value: null,
      normalised: null,
      score: null,
      effectiveWeight: 0,
      reason: "unanswered: skipped, the weights of the other components renormalise",
    });
    expect(ind["a.cat"]?.raw).toBeNull();
    const dims = Object.fromEntries(u2.dimensions.map((d) => [d.id, d]));
    expect(dims["a"]).toMatchObject({
      score: null,
      level: null,
      coverage: 0.25,
      reason: "coverage 25% is below the minimum 50%",
    });
    expect(dims["b1"]).toMatchObject({ score: 0, coverage: 0.5, level: { id: "low" } });
    expect(dims["b"]?.score).toBeNull();
    expect(u2.overall).toMatchObject({ score: null, level: null, coverage: 0.1875 });
    expect(u2.overall.reason).toBe("coverage 18.8% is below the minimum 50%");
  });

  it("scores unanswered questions as the scale minimum under unanswered: zero", () => {
    const f: MaturityFramework = {
      ...framework,
      minCoverage: 0,
      indicators: framework.indicators.map((i) => ({ ...i, unanswered: "zero" as const })),
    };
    const u2 = unitOf(scoreMaturity(f, observations), "u2");
    const a = u2.dimensions.find((d) => d.id === "a");
    expect(a).toMatchObject({ score: 0, coverage: 0.25 });
    expect(u2.indicators.find((i) => i.id === "a.cat")).toMatchObject({
      answered: false,
      normalised: 0,
      score: 0,
      reason: "unanswered: scored as the scale minimum",
    });
  });

  it("gives a reason when a node has coverage but no score at all", () => {
    const f: MaturityFramework = { ...framework, minCoverage: 0 };
    const u3 = unitOf(scoreMaturity(f, observations), "u3");
    expect(u3.dimensions.find((d) => d.id === "a")).toMatchObject({
      score: null,
      reason: "no component has a score",
    });
  });

  it("treats an empty rating grid as unanswered", () => {
    const r = scoreMaturity(framework, [o("u1", "b1.grid", []), o("u1", "a.bin", true)]);
    expect(r.units[0]?.indicators.find((i) => i.id === "b1.grid")).toMatchObject({
      raw: [],
      answered: false,
      score: null,
    });
  });

  it("uses the framework's own scale", () => {
    const f: MaturityFramework = {
      ...framework,
      scale: { min: 1, max: 5 },
      indicators: [
        { id: "q", dimension: "a", title: "Q", type: "binary" },
        ...framework.indicators.slice(3),
      ],
      levels: [
        { id: "lo", title: "Lo", min: 1, max: 3 },
        { id: "hi", title: "Hi", min: 3, max: 5 },
      ],
    };
    const r = scoreMaturity(
      f,
      [o("c", "q", false), o("c", "b.num", 30), o("c", "b.multi", ["q"])],
      {
        units: ["c"],
      },
    );
    const u = r.units[0];
    expect(u?.indicators.find((i) => i.id === "q")?.score).toBe(1);
    expect(u?.indicators.find((i) => i.id === "b.num")?.score).toBe(5);
    expect(u?.dimensions[0]?.level?.id).toBe("lo");
    expect(r.scale).toStrictEqual({ min: 1, max: 5 });
  });

  it("uses the requested units in their order, scoring a unit without answers as unanswered", () => {
    const r = scoreMaturity(framework, observations, { units: ["u3", "u1", "u2", "u4"] });
    expect(r.units.map((u) => u.unit)).toStrictEqual(["u3", "u1", "u2", "u4"]);
    const u4 = unitOf(r, "u4");
    expect(u4.overall.score).toBeNull();
    expect(u4.indicators.every((i) => i.score === null)).toBe(true);
    expect(r.method.units).toBe("options");
  });

  it("echoes every method parameter", () => {
    expect(result.method).toMatchObject({
      missing: "reweight",
      minCoverage: 0.5,
      aggregation: { method: "arithmetic", p: 1, shift: 0 },
      zeroPolicy: { nonPositive: "error", shift: 0 },
      units: "id",
    });
    expect(result.method.indicators.find((i) => i.id === "b1.rel")).toStrictEqual({
      id: "b1.rel",
      type: "numeric",
      direction: -1,
      weight: 1,
      unanswered: "skip",
      normalisation: { method: "minMax", direction: -1 },
    });
    expect(result.method.dimensions.find((d) => d.id === "b")).toStrictEqual({
      id: "b",
      parent: null,
      weight: 3,
      aggregation: { method: "arithmetic", p: 1, shift: 0 },
      minCoverage: 0.5,
      components: ["b.multi", "b.num", "b1"],
    });
    expect(result.method).toStrictEqual({
      missing: "reweight",
      minCoverage: 0.5,
      aggregation: { method: "arithmetic", p: 1, shift: 0 },
      zeroPolicy: { nonPositive: "error", shift: 0 },
      units: "id",
      indicators: result.method.indicators,
      dimensions: result.method.dimensions,
    });
    expect(
      result.method.indicators.map((m) => [m.id, m.type, m.direction, m.unanswered]),
    ).toStrictEqual([
      ["a.bin", "binary", 1, "skip"],
      ["a.lik", "likert", -1, "skip"],
      ["a.cat", "categorical", 1, "skip"],
      ["b.multi", "multiSelect", 1, "skip"],
      ["b.num", "numeric", 1, "skip"],
      ["b1.grid", "ratingGrid", 1, "skip"],
      ["b1.rel", "numeric", -1, "skip"],
    ]);
  });

  it("applies and echoes every bounded numeric method", () => {
    const methods = [
      { method: "minMax", range: [0, 10] },
      { method: "goalposts", low: 0, high: 10 },
      { method: "rank" },
      { method: "borda" },
      { method: "percentRank" },
      { method: "distanceToMax" },
      { method: "distanceToReference", reference: 5 },
    ] as NormaliseSpec[];
    for (const spec of methods) {
      const f: MaturityFramework = {
        ...framework,
        indicators: [
          { id: "n", dimension: "a", title: "N", type: "numeric", normalisation: spec },
          ...framework.indicators.slice(3),
        ],
      };
      const r = scoreMaturity(f, [o("x", "n", 2), o("y", "n", 8), o("z", "n", 4)]);
      expect(r.method.indicators[0]?.normalisation).toStrictEqual({ ...spec, direction: 1 });
      const scores = r.units.map((u) => u.indicators[0]?.score as number);
      // every method orders x < z < y and stays on the scale
      expect(scores[0]).toBeLessThan(scores[2] as number);
      expect(scores[2]).toBeLessThan(scores[1] as number);
      for (const s of scores) expect(s >= 0 && s <= 100).toBe(true);
    }
  });

  it("maps ranks, Borda scores and capped distances onto the scale", () => {
    const at = (spec: object) => {
      const f: MaturityFramework = {
        ...framework,
        indicators: [
          { id: "n", dimension: "a", title: "N", type: "numeric", normalisation: spec as never },
          ...framework.indicators.slice(3),
        ],
      };
      return scoreMaturity(f, [o("x", "n", 2), o("y", "n", 8), o("z", "n", 4)]).units.map(
        (u) => u.indicators[0]?.score,
      );
    };
    expect(at({ method: "rank" })).toStrictEqual([0, 100, 50]);
    expect(at({ method: "borda" })).toStrictEqual([0, 100, 50]);
    expect(at({ method: "percentRank" })).toStrictEqual([0, 100, 50]);
    // reference 4: 8 exceeds it and is capped at the scale maximum
    expect(at({ method: "distanceToReference", reference: 4 })).toStrictEqual([0, 100, 100]);
  });

  it("scores a relative indicator with a degenerate column as null with a reason when told to", () => {
    const f: MaturityFramework = {
      ...framework,
      indicators: framework.indicators.map((i) =>
        i.id === "b1.rel"
          ? { ...i, normalisation: { method: "minMax" as const, degenerate: "null" as const } }
          : i,
      ),
    };
    const r = scoreMaturity(f, [
      o("u1", "b1.rel", 5),
      o("u1", "b1.grid", [{ row: "r1", value: 2 }]),
    ]);
    const rel = r.units[0]?.indicators.find((i) => i.id === "b1.rel");
    expect(rel).toMatchObject({ answered: true, value: 5, score: null });
    expect(rel?.reason).toBe(
      'indicator "b1.rel": minMax compares units with each other and needs at least two values, got 1 (units scored: 1)',
    );
  });

  it("applies a geometric aggregation and its zero policy", () => {
    const f: MaturityFramework = {
      ...framework,
      dimensions: [{ id: "a", title: "A", aggregation: { method: "geometric" } }],
      indicators: framework.indicators.slice(0, 3),
    };
    const obs = [o("u", "a.bin", false), o("u", "a.lik", 1), o("u", "a.cat", "y")];
    expect(() => scoreMaturity(f, obs)).toThrowErrorMatchingInlineSnapshot(
      `[AssessmentError: unit "u", dimension "a": a geometric mean needs positive values, got 0 (indicator "a.bin"); declare options.zeroPolicy to shift the scores]`,
    );
    expect(thrown(() => scoreMaturity(f, obs)).issues[0]?.path).toStrictEqual([
      "framework",
      "dimensions",
      0,
      "aggregation",
    ]);
    const r = scoreMaturity(f, obs, { zeroPolicy: { nonPositive: "shift", shift: 1 } });
    const expected = Math.pow(1 * Math.pow(101, 2) * 81, 1 / 4) - 1;
    expect(r.units[0]?.dimensions[0]?.score).toBeCloseTo(expected, 9);
    expect(r.method.zeroPolicy).toStrictEqual({ nonPositive: "shift", shift: 1 });
    expect(r.units[0]?.trace[0]?.aggregation).toStrictEqual({
      method: "geometric",
      p: 0,
      shift: 1,
    });
  });

  it("gives a reason when a geometric node has nothing to aggregate", () => {
    const f: MaturityFramework = {
      ...framework,
      minCoverage: 0,
      dimensions: [{ id: "a", title: "A", aggregation: { method: "geometric" } }],
      indicators: framework.indicators.slice(0, 3),
    };
    const u = scoreMaturity(f, [], { units: ["u"] }).units[0];
    expect(u?.dimensions[0]).toMatchObject({ score: null, reason: "no component has a score" });
  });

  it("raises rather than returning Infinity when a weighted sum overflows", () => {
    const f: MaturityFramework = {
      ...framework,
      dimensions: [{ id: "a", title: "A" }],
      indicators: [{ id: "a.bin", dimension: "a", title: "Binary", type: "binary", weight: 1e308 }],
    };
    const e = thrown(() => scoreMaturity(f, [o("u", "a.bin", true)]));
    expect([e.code, e.issues[0]?.path]).toStrictEqual(["non_finite", ["framework", "aggregation"]]);
  });

  it("scores the UN LOSI 2022 structure as the share of indicators met, overall weighted by indicator count", () => {
    // UN E-Government Survey 2022: LOSI = share of the 86 indicators met; very high > 75 %
    const met = new Set([
      "IF1",
      "IF2",
      "IF3",
      "IF4",
      "IF5",
      "IF6",
      ...Array.from({ length: 17 }, (_, i) => `PE${i + 1}`),
    ]);
    const obs = unLosi2022.indicators
      .filter((i) => met.has(i.id))
      .map((i) => o("sofia", i.id, true));
    const u = scoreMaturity(unLosi2022, obs).units[0];
    const dims = Object.fromEntries((u?.dimensions ?? []).map((d) => [d.id, d]));
    expect(dims["institutionalFramework"]).toMatchObject({ score: 75, level: { id: "high" } }); // 6 of 8: exactly 75 % is not "more than 75 %"
    expect(dims["participationEngagement"]).toMatchObject({
      score: 100,
      level: { id: "veryHigh" },
    });
    expect(dims["contentProvision"]).toMatchObject({ score: 0, level: { id: "low" }, coverage: 0 });
    expect(u?.overall.score).toBeCloseTo((23 / 86) * 100, 10);
    expect(u?.overall.level?.id).toBe("middle");
  });

  it("property: results do not depend on the order of the observations or of the units' answers", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: observations.length, maxLength: observations.length }),
        (keys) => {
          const shuffled = observations
            .map((x, i) => ({ x, k: keys[i] as number, i }))
            .sort((p, q) => p.k - q.k || p.i - q.i)
            .map((p) => p.x);
          expect(scoreMaturity(framework, shuffled)).toStrictEqual(result);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("property: every score lies on the scale and every level matches its score", () => {
    const answer = fc.record({
      bin: fc.option(fc.boolean(), { nil: null }),
      lik: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      cat: fc.option(fc.constantFrom("x", "y"), { nil: null }),
      multi: fc.option(fc.subarray(["p", "q", "r"]), { nil: null }),
      num: fc.option(fc.double({ min: -100, max: 100, noNaN: true }), { nil: null }),
      rel: fc.integer({ min: 0, max: 50 }),
    });
    fc.assert(
      fc.property(fc.array(answer, { minLength: 2, maxLength: 5 }), (units) => {
        const obs: Observation[] = [];
        units.forEach((a, i) => {
          const u = `u${i}`;
          obs.push(
            o(u, "a.bin", a.bin),
            o(u, "a.lik", a.lik),
            o(u, "a.cat", a.cat),
            o(u, "b.multi", a.multi),
          );
          obs.push(o(u, "b.num", a.num), o(u, "b1.rel", a.rel + i / 10));
        });
        const r = scoreMaturity(framework, obs);
        for (const u of r.units) {
          const all = [u.overall, ...u.dimensions, ...u.indicators];
          for (const x of all) {
            if (x.score !== null) {
              expect(x.score).toBeGreaterThanOrEqual(0);
              expect(x.score).toBeLessThanOrEqual(100);
              expect(Object.is(x.score, -0)).toBe(false);
            }
          }
          for (const x of [u.overall, ...u.dimensions]) {
            if (x.score === null) {
              expect(x.level).toBeNull();
              expect(x.reason).toBeTruthy();
            } else {
              const band = r.levels[x.level?.index ?? -1];
              expect(band?.id).toBe(x.level?.id);
              expect(
                (x.score as number) >= (band?.min as number) &&
                  (x.score as number) <= (band?.max as number),
              ).toBe(true);
            }
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it("echoes answers with −0 read as 0", () => {
    const r = scoreMaturity(framework, [
      o("u", "a.lik", 1),
      o("u", "b.num", -0),
      o("u", "b1.grid", [
        { row: "r1", value: -0 },
        { row: "r2", value: 2 },
      ]),
      o("u", "b.multi", ["q"]),
    ]);
    const by = Object.fromEntries((r.units[0]?.indicators ?? []).map((i) => [i.id, i]));
    expect(Object.is(by["b.num"]?.raw, 0)).toBe(true);
    expect(Object.is(by["b.num"]?.value, 0)).toBe(true);
    expect(by["b1.grid"]?.raw).toStrictEqual([
      { row: "r1", value: 0 },
      { row: "r2", value: 2 },
    ]);
    expect(Object.is((by["b1.grid"]?.raw as { value: number }[])[0]?.value, 0)).toBe(true);
    expect(by["b.multi"]?.raw).toStrictEqual(["q"]);
  });

  it("gives the same output for the same input and does not change its inputs", () => {
    const f = deepFreeze(structuredClone(framework));
    const obs = deepFreeze(structuredClone(observations));
    const a = scoreMaturity(f, obs);
    const b = scoreMaturity(f, obs);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(f).toStrictEqual(framework);
  });

  it("scores an empty list of observations as no units", () => {
    expect(scoreMaturity(framework, []).units).toStrictEqual([]);
  });

  describe("bad input", () => {
    const path = (fn: () => unknown) => {
      const e = thrown(fn);
      return [e.code, e.issues[0]?.path];
    };

    it("rejects an unknown indicator or unit in an observation", () => {
      expect(() =>
        scoreMaturity(framework, [o("u1", "a.nope", true)]),
      ).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: observations[0].indicator is not an indicator of the framework, got "a.nope"]`,
      );
      expect(
        path(() =>
          scoreMaturity(framework, [o("u1", "a.bin", true), o("u9", "a.bin", true)], {
            units: ["u1"],
          }),
        ),
      ).toStrictEqual(["unknown_reference", ["observations", 1, "unit"]]);
    });

    it("rejects answers outside their scale or of the wrong type, pointing at the value", () => {
      const cases: [Observation, string, (string | number)[]][] = [
        [o("u", "a.lik", 6), "out_of_range", ["observations", 0, "value"]],
        [o("u", "a.lik", 0.5), "out_of_range", ["observations", 0, "value"]],
        [o("u", "a.lik", Number.NaN), "non_finite", ["observations", 0, "value"]],
        [o("u", "a.lik", "3"), "invalid_type", ["observations", 0, "value"]],
        [o("u", "a.bin", 1), "invalid_type", ["observations", 0, "value"]],
        [o("u", "a.cat", "z"), "out_of_range", ["observations", 0, "value"]],
        [o("u", "a.cat", 20), "invalid_type", ["observations", 0, "value"]],
        [o("u", "b.multi", "p"), "invalid_type", ["observations", 0, "value"]],
        [o("u", "b.multi", ["p", "s"]), "out_of_range", ["observations", 0, "value", 1]],
        [o("u", "b.multi", ["p", "p"]), "duplicate_id", ["observations", 0, "value", 1]],
        [
          o("u", "b.multi", [1] as unknown as string[]),
          "invalid_type",
          ["observations", 0, "value", 0],
        ],
        [o("u", "b.num", Infinity), "non_finite", ["observations", 0, "value"]],
        [o("u", "b.num", true), "invalid_type", ["observations", 0, "value"]],
        [o("u", "b1.grid", 3), "invalid_type", ["observations", 0, "value"]],
        [
          o("u", "b1.grid", [{ row: "r1", value: 5 }]),
          "out_of_range",
          ["observations", 0, "value", 0, "value"],
        ],
        [
          o("u", "b1.grid", [{ row: "r9", value: 1 }]),
          "unknown_reference",
          ["observations", 0, "value", 0, "row"],
        ],
        [
          o("u", "b1.grid", [
            { row: "r1", value: 1 },
            { row: "r1", value: 2 },
          ]),
          "duplicate_id",
          ["observations", 0, "value", 1, "row"],
        ],
        [
          o("u", "b1.grid", [{ row: "r1", value: "1" }] as never),
          "invalid_type",
          ["observations", 0, "value", 0, "value"],
        ],
        [
          o("u", "b1.grid", [{ row: "r1", value: Number.NaN }]),
          "non_finite",
          ["observations", 0, "value", 0, "value"],
        ],
        [
          o("u", "b1.grid", [{ row: 1, value: 1 }] as never),
          "invalid_type",
          ["observations", 0, "value", 0, "row"],
        ],
        [o("u", "b1.grid", ["r1"] as never), "invalid_type", ["observations", 0, "value", 0]],
      ];
      for (const [obs, code, p] of cases)
        expect(
          path(() => scoreMaturity(framework, [obs])),
          JSON.stringify(obs),
        ).toStrictEqual([code, p]);
      expect(
        scoreMaturity(framework, [
          o("u", "b1.grid", [{ row: "r1", value: null }] as never),
        ]).units[0]?.indicators.find((i) => i.id === "b1.grid")?.answered,
      ).toBe(false);
    });

    it("rejects a unit answering the same indicator twice", () => {
      expect(() =>
        scoreMaturity(framework, [
          o("u", "a.bin", true),
          o("v", "a.bin", true),
          o("u", "a.bin", false),
        ]),
      ).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: observations[2] answers indicator "a.bin" of unit "u" again (first at observations[0])]`,
      );
      expect(
        path(() => scoreMaturity(framework, [o("u", "a.bin", true), o("u", "a.bin", false)])),
      ).toStrictEqual(["duplicate_id", ["observations", 1]]);
    });

    it("rejects malformed observations", () => {
      expect(path(() => scoreMaturity(framework, "x" as never))).toStrictEqual([
        "invalid_type",
        ["observations"],
      ]);
      expect(path(() => scoreMaturity(framework, [null] as never))).toStrictEqual([
        "invalid_type",
        ["observations", 0],
      ]);
      expect(
        path(() => scoreMaturity(framework, [{ unit: "", indicator: "a.bin", value: true }])),
      ).toStrictEqual(["invalid_type", ["observations", 0, "unit"]]);
      expect(
        path(() => scoreMaturity(framework, [{ unit: "u", indicator: 3, value: true } as never])),
      ).toStrictEqual(["invalid_type", ["observations", 0, "indicator"]]);
      expect(
        path(() => scoreMaturity(framework, [{ unit: "u", indicator: "a.bin" } as never])),
      ).toStrictEqual(["missing_field", ["observations", 0, "value"]]);
    });

    it("rejects bad options", () => {
      expect(path(() => scoreMaturity(framework, [], null as never))).toStrictEqual([
        "invalid_type",
        ["options"],
      ]);
      expect(path(() => scoreMaturity(framework, [], [] as never))).toStrictEqual([
        "invalid_type",
        ["options"],
      ]);
      expect(path(() => scoreMaturity(framework, [], { units: "u1" } as never))).toStrictEqual([
        "invalid_type",
        ["options", "units"],
      ]);
      expect(path(() => scoreMaturity(framework, [], { units: ["u1", 2] } as never))).toStrictEqual(
        ["invalid_type", ["options", "units", 1]],
      );
      expect(path(() => scoreMaturity(framework, [], { units: ["u1", "u1"] }))).toStrictEqual([
        "duplicate_id",
        ["options", "units", 1],
      ]);
      expect(
        path(() =>
          scoreMaturity(framework, [], {
            zeroPolicy: { nonPositive: "drop" },
          } as unknown as ScoreMaturityOptions),
        ),
      ).toStrictEqual(["invalid_value", ["options", "zeroPolicy", "nonPositive"]]);
    });

    it("rejects a framework with overlapping bands, with the framework's path", () => {
      const f: MaturityFramework = {
        ...framework,
        levels: [
          { id: "low", title: "Low", min: 0, max: 50, maxInclusive: true },
          { id: "high", title: "High", min: 50, max: 100 },
        ],
      };
      const e = thrown(() => scoreMaturity(f, observations));
      expect(e.code).toBe("band_overlap");
      expect(e.issues[0]?.path).toStrictEqual(["framework", "levels", 1]);
    });

    it("rejects framework weights that sum to 0 or are negative", () => {
      const zero: MaturityFramework = {
        ...framework,
        indicators: framework.indicators.map((i) =>
          i.dimension === "a" ? { ...i, weight: 0 } : i,
        ),
      };
      expect(path(() => scoreMaturity(zero, observations))).toStrictEqual([
        "zero_weights",
        ["framework", "dimensions", 0],
      ]);
      const negative: MaturityFramework = {
        ...framework,
        indicators: framework.indicators.map((i) => (i.id === "a.cat" ? { ...i, weight: -1 } : i)),
      };
      expect(path(() => scoreMaturity(negative, observations))).toStrictEqual([
        "negative_weight",
        ["framework", "indicators", 2, "weight"],
      ]);
      const negDim: MaturityFramework = {
        ...framework,
        dimensions: framework.dimensions.map((d) => (d.id === "b1" ? { ...d, weight: -2 } : d)),
      };
      expect(path(() => scoreMaturity(negDim, observations))).toStrictEqual([
        "negative_weight",
        ["framework", "dimensions", 2, "weight"],
      ]);
      const nanW: MaturityFramework = {
        ...framework,
        indicators: framework.indicators.map((i) =>
          i.id === "a.cat" ? { ...i, weight: Number.NaN } : i,
        ),
      };
      expect(path(() => scoreMaturity(nanW, observations))).toStrictEqual([
        "non_finite",
        ["framework", "indicators", 2, "weight"],
      ]);
    });

    it("rejects a framework that is not one, at the framework's path", () => {
      expect(path(() => scoreMaturity(null as never, []))).toStrictEqual([
        "invalid_type",
        ["framework"],
      ]);
      expect(
        path(() => scoreMaturity({ ...framework, indicators: "x" } as never, [])),
      ).toStrictEqual(["invalid_type", ["framework", "indicators"]]);
      const bad = (ind: object) => ({ ...framework, indicators: [ind] }) as never;
      expect(
        path(() => scoreMaturity(bad({ id: "q", dimension: "a", type: "slider" }), [])),
      ).toStrictEqual(["invalid_value", ["framework", "indicators", 0, "type"]]);
      expect(
        path(() => scoreMaturity(bad({ id: "q", dimension: 1, type: "binary" }), [])),
      ).toStrictEqual(["unknown_reference", ["framework", "indicators", 0, "dimension"]]);
      // malformed deeper down: reported where it is, with what was expected
      const at = (...rest: (string | number)[]) => ["framework", "indicators", 0, ...rest];
      const malformed: [object, string, (string | number)[]][] = [
        [{ id: "q", dimension: "a", type: "likert" }, "missing_field", at("scale")],
        [{ id: "q", dimension: "a", type: "likert", scale: 5 }, "invalid_type", at("scale")],
        [
          { id: "q", dimension: "a", type: "likert", scale: { min: 1 } },
          "missing_field",
          at("scale", "max"),
        ],
        [
          { id: "q", dimension: "a", type: "categorical", options: {} },
          "invalid_type",
          at("options"),
        ],
        [
          { id: "q", dimension: "a", type: "multiSelect", options: [null] },
          "invalid_type",
          at("options", 0),
        ],
        [
          { id: "q", dimension: "a", type: "ratingGrid", scale: { min: 0, max: 4 } },
          "missing_field",
          at("rows"),
        ],
        [{ id: "q", dimension: "a", type: "numeric" }, "missing_field", at("normalisation")],
      ];
      for (const [ind, code, where] of malformed) {
        expect(path(() => scoreMaturity(bad(ind), []))).toStrictEqual([code, where]);
      }
      expect(path(() => scoreMaturity(bad(null as never), []))).toStrictEqual([
        "invalid_type",
        ["framework", "indicators", 0],
      ]);
      expect(
        path(() => scoreMaturity({ ...framework, levels: [undefined] } as never, [])),
      ).toStrictEqual(["invalid_type", ["framework", "levels", 0]]);
      expect(
        path(() => scoreMaturity({ ...framework, scale: { min: 0, max: "100" } } as never, [])),
      ).toStrictEqual(["invalid_type", ["framework", "scale", "max"]]);
      expect(
        path(() => scoreMaturity({ ...framework, aggregation: "geometric" } as never, [])),
      ).toStrictEqual(["invalid_type", ["framework", "aggregation"]]);
      expect(
        thrown(() => scoreMaturity(bad({ id: "q", dimension: "a", type: "likert" }), [])).message,
      ).toMatchInlineSnapshot(`"framework.indicators[0].scale must be an object, got undefined"`);
    });

    it("passes on errors that are not about the framework's shape, a TypeError too", () => {
      // a TypeError from a bug (here: a getter that throws one) is not reported as a malformed
      // framework: only the shapes the checks name are
      for (const E of [RangeError, TypeError]) {
        const f = {
          ...framework,
          get indicators(): never {
            throw new E("boom");
          },
        };
        expect(() => scoreMaturity(f as never, [])).toThrow(E);
        expect(() => scoreMaturity(f as never, [])).not.toThrow(AssessmentError);
      }
    });

    it("refuses z-scores and conflicting directions in a framework", () => {
      const z: MaturityFramework = {
        ...framework,
        indicators: framework.indicators.map((i) =>
          i.id === "b.num" ? { ...i, normalisation: { method: "zScore" as const } } : i,
        ),
      };
      expect(path(() => scoreMaturity(z, observations))).toStrictEqual([
        "invalid_value",
        ["framework", "indicators", 4, "normalisation", "method"],
      ]);
      const d: MaturityFramework = {
        ...framework,
        indicators: framework.indicators.map((i) =>
          i.id === "b1.rel"
            ? { ...i, normalisation: { method: "minMax" as const, direction: 1 as const } }
            : i,
        ),
      };
      expect(path(() => scoreMaturity(d, observations))).toStrictEqual([
        "invalid_value",
        ["framework", "indicators", 6, "normalisation", "direction"],
      ]);
      const bad: MaturityFramework = {
        ...framework,
        indicators: framework.indicators.map((i) =>
          i.id === "b.num" ? { ...i, normalisation: { method: "goalposts", low: 1 } as never } : i,
        ),
      };
      expect(path(() => scoreMaturity(bad, observations))).toStrictEqual([
        "missing_field",
        ["framework", "indicators", 4, "normalisation", "high"],
      ]);
      const agg: MaturityFramework = { ...framework, aggregation: { method: "generalised" } };
      expect(path(() => scoreMaturity(agg, observations))).toStrictEqual([
        "missing_field",
        ["framework", "aggregation", "p"],
      ]);
    });

    it("rejects a relative numeric indicator that cannot be normalised across the units", () => {
      const one = [o("u1", "b1.rel", 10), o("u1", "b1.grid", [{ row: "r1", value: 2 }])];
      expect(() => scoreMaturity(framework, one)).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: indicator "b1.rel": minMax compares units with each other and needs at least two values, got 1 (units scored: 1); use goalposts or degenerate: "null"]`,
      );
      expect(
        path(() => scoreMaturity(framework, [o("u1", "b1.rel", 10), o("u2", "b1.rel", 10)])),
      ).toStrictEqual(["zero_spread", ["framework", "indicators", 6, "normalisation"]]);
    });
  });
});
