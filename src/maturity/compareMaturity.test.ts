import { describe, expect, it } from "vitest";
import { thrown } from "../../test/helpers/errors.js";
import { compareMaturity } from "./compareMaturity.js";
import { scoreMaturity, type MaturityResult } from "./scoreMaturity.js";
import type { MaturityFramework } from "../schema/framework.js";
import type { Observation } from "../schema/entities.js";

const framework: MaturityFramework = {
  id: "mini",
  version: "1.0.0",
  title: "Mini",
  provenance: "designed",
  sources: [],
  dimensions: [
    { id: "portal", title: "Portal" },
    { id: "data", title: "Data" },
  ],
  indicators: [
    { id: "ease", dimension: "portal", title: "Ease", type: "likert", scale: { min: 1, max: 5 } },
    { id: "open", dimension: "data", title: "Open data", type: "binary" },
  ],
  levels: [
    { id: "low", title: "Low", min: 0, max: 50 },
    { id: "high", title: "High", min: 50, max: 100 },
  ],
};
const o = (unit: string, indicator: string, value: Observation["value"]): Observation => ({
  unit,
  indicator,
  value,
});

const a = scoreMaturity(framework, [o("sofia", "ease", 2), o("sofia", "open", false)]);
const b = scoreMaturity(framework, [o("sofia@2022", "ease", 4), o("sofia@2022", "open", true)]);

describe("compareMaturity", () => {
  it("compares the only unit of each result, per dimension and overall", () => {
    const c = compareMaturity(a, b);
    expect(c.framework).toStrictEqual({
      id: "mini",
      versionA: "1.0.0",
      versionB: "1.0.0",
      major: "1",
    });
    expect(c.method).toContain("the only unit of each result");
    expect(c.pairs).toStrictEqual([
      {
        a: "sofia",
        b: "sofia@2022",
        overall: {
          from: 12.5,
          to: 87.5,
          change: 75,
          levelFrom: { id: "low", title: "Low", index: 0 },
          levelTo: { id: "high", title: "High", index: 1 },
          levelChange: 1,
          coverageFrom: 1,
          coverageTo: 1,
        },
        dimensions: [
          {
            id: "portal",
            title: "Portal",
            from: 25,
            to: 75,
            change: 50,
            levelFrom: { id: "low", title: "Low", index: 0 },
            levelTo: { id: "high", title: "High", index: 1 },
            levelChange: 1,
            coverageFrom: 1,
            coverageTo: 1,
          },
          {
            id: "data",
            title: "Data",
            from: 0,
            to: 100,
            change: 100,
            levelFrom: { id: "low", title: "Low", index: 0 },
            levelTo: { id: "high", title: "High", index: 1 },
            levelChange: 1,
            coverageFrom: 1,
            coverageTo: 1,
          },
        ],
      },
    ]);
  });

  it("pairs units with the same id when the results hold several, sorted by id", () => {
    const x = scoreMaturity(framework, [
      o("sofia", "ease", 2),
      o("plovdiv", "ease", 3),
      o("varna", "ease", 1),
    ]);
    const y = scoreMaturity(framework, [o("sofia", "ease", 5), o("plovdiv", "ease", 3)]);
    const c = compareMaturity(x, y);
    // "data" is unanswered everywhere: overall coverage 50 % is enough, "data" itself has no score
    expect(c.pairs.map((p) => [p.a, p.b, p.overall.change])).toStrictEqual([
      ["plovdiv", "plovdiv", 0],
      ["sofia", "sofia", 75],
    ]);
    expect(c.pairs[0]?.dimensions[1]?.reason).toBe(
      "a has no score: coverage 0% is below the minimum 50%; b has no score: coverage 0% is below the minimum 50%",
    );
    expect(c.method).toContain("every unit id found in both");
  });

  it("compares two cities of one result with explicit pairs", () => {
    const x = scoreMaturity(framework, [
      o("sofia", "ease", 2),
      o("plovdiv", "ease", 4),
      o("sofia", "open", true),
      o("plovdiv", "open", true),
    ]);
    const c = compareMaturity(x, x, { pairs: [{ a: "sofia", b: "plovdiv" }] });
    expect(c.pairs[0]?.dimensions[0]).toMatchObject({
      from: 25,
      to: 75,
      change: 50,
      levelChange: 1,
    });
    expect(c.pairs[0]?.dimensions[1]).toMatchObject({ change: 0 });
    expect(Object.is(c.pairs[0]?.dimensions[1]?.change, 0)).toBe(true);
  });

  it("gives null changes with reasons when a side has no score or no such dimension", () => {
    const newer: MaturityFramework = {
      ...framework,
      version: "1.1.0",
      dimensions: [...framework.dimensions, { id: "skills", title: "Skills" }],
      indicators: [
        ...framework.indicators,
        { id: "train", dimension: "skills", title: "Training", type: "binary" },
      ],
    };
    const y = scoreMaturity(newer, [o("sofia", "ease", 3), o("sofia", "train", true)]);
    const c = compareMaturity(a, y);
    const dims = Object.fromEntries((c.pairs[0]?.dimensions ?? []).map((d) => [d.id, d]));
    expect(dims["data"]).toMatchObject({ from: 0, to: null, change: null, levelChange: null });
    expect(dims["data"]?.reason).toBe("b has no score: coverage 0% is below the minimum 50%");
    expect(dims["skills"]).toMatchObject({ from: null, to: 100, change: null, coverageFrom: null });
    expect(dims["skills"]?.reason).toBe('dimension "skills" is not in a');
    expect(c.framework.versionB).toBe("1.1.0");
  });

  it("says a side has no score even when its result gives no reason", () => {
    const bare = {
      ...b,
      units: [
        { ...b.units[0], overall: { score: null, level: null, coverage: 0, minCoverage: 0.5 } },
      ],
    } as MaturityResult;
    const c = compareMaturity(bare, bare);
    expect(c.pairs[0]?.overall).toMatchObject({
      change: null,
      reason: "a has no score; b has no score",
    });
  });

  it("rejects results whose numbers are not finite, and reads −0 as 0", () => {
    const u = b.units[0] as MaturityResult["units"][number];
    const withOverall = (overall: unknown) =>
      ({ ...b, units: [{ ...u, overall }] }) as unknown as MaturityResult;
    const cases: [MaturityResult, string, (string | number)[]][] = [
      [
        withOverall({ ...u.overall, score: Number.NaN }),
        "non_finite",
        ["b", "units", 0, "overall", "score"],
      ],
      [
        withOverall({ ...u.overall, coverage: "1" }),
        "invalid_type",
        ["b", "units", 0, "overall", "coverage"],
      ],
      [
        withOverall({ ...u.overall, level: { id: "x", title: "X", index: Infinity } }),
        "non_finite",
        ["b", "units", 0, "overall", "level", "index"],
      ],
      [withOverall(null), "invalid_type", ["b", "units", 0, "overall"]],
      [
        {
          ...b,
          units: [{ ...u, dimensions: [{ ...u.dimensions[0], id: 7 }] }],
        } as unknown as MaturityResult,
        "invalid_type",
        ["b", "units", 0, "dimensions", 0, "id"],
      ],
    ];
    for (const [bad, code, path] of cases) {
      const e = thrown(() => compareMaturity(a, bad));
      expect([e.code, e.issues[0]?.path]).toStrictEqual([code, path]);
    }
    const negZero = withOverall({
      ...u.overall,
      score: -0,
      coverage: -0,
      level: { ...(u.overall.level as object), index: -0 },
    });
    const c = compareMaturity(negZero, negZero);
    expect(Object.is(c.pairs[0]?.overall.from, 0)).toBe(true);
    expect(Object.is(c.pairs[0]?.overall.coverageFrom, 0)).toBe(true);
    expect(Object.is(c.pairs[0]?.overall.levelFrom?.index, 0)).toBe(true);
  });

  it("does not count level changes when the two results band differently", () => {
    const rebanded: MaturityFramework = {
      ...framework,
      version: "1.2.0",
      levels: [
        { id: "low", title: "Low", min: 0, max: 60 },
        { id: "high", title: "High", min: 60, max: 100 },
      ],
    };
    const y = scoreMaturity(rebanded, [o("sofia", "ease", 4), o("sofia", "open", true)]);
    const c = compareMaturity(a, y);
    expect(c.pairs[0]?.overall).toMatchObject({ change: 75, levelChange: null });
    expect(c.pairs[0]?.overall.reason).toBe(
      "the two results have different levels, so level changes are not counted",
    );
  });

  it("refuses results of different frameworks, major versions or scales", () => {
    const other = { ...b, framework: { ...b.framework, id: "un-losi-2022" } } as MaturityResult;
    expect(() => compareMaturity(a, other)).toThrowErrorMatchingInlineSnapshot(
      `[AssessmentError: cannot compare results of different frameworks: "mini" and "un-losi-2022"]`,
    );
    const e1 = thrown(() => compareMaturity(a, other));
    expect([e1.code, e1.issues[0]?.path]).toStrictEqual([
      "framework_mismatch",
      ["b", "framework", "id"],
    ]);
    const v2 = { ...b, framework: { ...b.framework, version: "2.0.0" } } as MaturityResult;
    const e2 = thrown(() => compareMaturity(a, v2));
    expect([e2.code, e2.issues[0]?.path]).toStrictEqual([
      "framework_mismatch",
      ["b", "framework", "version"],
    ]);
    const scaled = { ...b, scale: { min: 0, max: 10 } } as MaturityResult;
    const e3 = thrown(() => compareMaturity(a, scaled));
    expect([e3.code, e3.issues[0]?.path]).toStrictEqual(["framework_mismatch", ["b", "scale"]]);
  });

  it("rejects unknown units in pairs, no pair at all, and inputs that are not results", () => {
    const cases: [() => unknown, string, (string | number)[]][] = [
      [
        () => compareMaturity(a, b, { pairs: [{ a: "nowhere", b: "sofia@2022" }] }),
        "unknown_reference",
        ["options", "pairs", 0, "a"],
      ],
      [
        () => compareMaturity(a, b, { pairs: [{ a: "sofia", b: "sofia" }] }),
        "unknown_reference",
        ["options", "pairs", 0, "b"],
      ],
      [
        () => compareMaturity(a, b, { pairs: [{ a: "sofia" }] as never }),
        "invalid_type",
        ["options", "pairs", 0, "b"],
      ],
      [
        () => compareMaturity(a, b, { pairs: "sofia" as never }),
        "invalid_type",
        ["options", "pairs"],
      ],
      [() => compareMaturity(a, b, null as never), "invalid_type", ["options"]],
      [() => compareMaturity(a, b, [] as never), "invalid_type", ["options"]],
      [() => compareMaturity(null as never, b), "invalid_type", ["a"]],
      [
        () => compareMaturity(a, { ...b, framework: null } as never),
        "invalid_type",
        ["b", "framework"],
      ],
      [() => compareMaturity(a, { ...b, units: {} } as never), "invalid_type", ["b", "units"]],
      [
        () => compareMaturity(a, { ...b, units: [{ unit: 1 }] } as never),
        "invalid_type",
        ["b", "units", 0],
      ],
    ];
    for (const [fn, code, path] of cases) {
      const e = thrown(fn);
      expect([e.code, e.issues[0]?.path]).toStrictEqual([code, path]);
    }
    const two = scoreMaturity(framework, [o("x", "ease", 1), o("y", "ease", 2)]);
    const e = thrown(() => compareMaturity(two, b));
    expect([e.code, e.issues[0]?.path]).toStrictEqual(["empty", ["b", "units"]]);
  });
});
