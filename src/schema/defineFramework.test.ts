import { describe, expect, it } from "vitest";
import { defineFramework, safeDefineFramework } from "./defineFramework.js";
import { resolveBands } from "./checkFramework.js";

type Raw = any;

const base = (): Raw => ({
  id: "mini",
  version: "1.0.0",
  title: "Mini framework",
  provenance: "designed" as const,
  sources: [],
  dimensions: [
    { id: "gov", title: "Governance" },
    { id: "gov-data", title: "Data governance", parent: "gov" },
  ],
  indicators: [
    { id: "q1", dimension: "gov", title: "Strategy adopted", type: "binary" as const },
    {
      id: "q2",
      dimension: "gov-data",
      title: "Data policy",
      type: "likert" as const,
      scale: { min: 1, max: 5 },
    },
  ],
  levels: [
    { id: "l1", title: "Starting", min: 0, max: 40 },
    { id: "l2", title: "Developing", min: 40, max: 70 },
    { id: "l3", title: "Advanced", min: 70, max: 100 },
  ],
});

function codes(input: unknown) {
  const r = safeDefineFramework(input);
  if (r.success) throw new Error("expected the framework to be rejected");
  return r.issues.map((i) => ({ code: i.code, path: i.path }));
}

describe("defineFramework", () => {
  it("accepts a sound framework and returns it typed", () => {
    const f = defineFramework(base());
    expect(f.indicators.map((i) => i.type)).toStrictEqual(["binary", "likert"]);
  });

  it("resolves band inclusivity: lower bound inclusive, upper exclusive, top band includes the maximum", () => {
    const bands = resolveBands(defineFramework(base()));
    expect(bands.map((b) => [b.id, b.minInclusive, b.maxInclusive])).toStrictEqual([
      ["l1", true, false],
      ["l2", true, false],
      ["l3", true, true],
    ]);
  });

  it("reports a gap between bands", () => {
    const f = base();
    f.levels[1] = { id: "l2", title: "Developing", min: 45, max: 70 };
    expect(codes(f)).toStrictEqual([{ code: "band_gap", path: ["levels", 1] }]);
  });

  it("reports overlapping bands, including a shared bound both include", () => {
    const f = base();
    f.levels[1] = { id: "l2", title: "Developing", min: 30, max: 70 };
    expect(codes(f)).toStrictEqual([{ code: "band_overlap", path: ["levels", 1] }]);
    const g = base();
    g.levels[0] = { ...g.levels[0]!, maxInclusive: true } as (typeof g.levels)[number];
    expect(codes(g)).toStrictEqual([{ code: "band_overlap", path: ["levels", 1] }]);
  });

  it("reports a shared bound that neither band includes as a gap", () => {
    const f = base();
    f.levels[1] = { ...f.levels[1]!, minInclusive: false } as (typeof f.levels)[number];
    expect(codes(f)).toStrictEqual([{ code: "band_gap", path: ["levels", 1] }]);
  });

  it("reports bands that do not reach the ends of the scale", () => {
    const f = base();
    f.levels[2] = { id: "l3", title: "Advanced", min: 70, max: 90 };
    expect(codes(f)).toStrictEqual([{ code: "band_gap", path: ["levels", 2] }]);
    const g = base();
    g.levels[0] = { id: "l1", title: "Starting", min: 10, max: 40 };
    expect(codes(g)).toStrictEqual([{ code: "band_gap", path: ["levels", 0] }]);
  });

  it("reports duplicate ids and unknown references", () => {
    const f = base();
    f.indicators[1] = { ...f.indicators[1]!, id: "q1" } as (typeof f.indicators)[number];
    expect(codes(f)).toStrictEqual([{ code: "duplicate_id", path: ["indicators", 1, "id"] }]);
    const g = base();
    g.indicators[0] = {
      ...g.indicators[0]!,
      dimension: "nowhere",
    } as (typeof g.indicators)[number];
    expect(codes(g)).toStrictEqual([
      { code: "unknown_reference", path: ["indicators", 0, "dimension"] },
    ]);
  });

  it("reports a cycle in the dimension tree", () => {
    const f = base();
    f.dimensions[0] = {
      id: "gov",
      title: "Governance",
      parent: "gov-data",
    } as (typeof f.dimensions)[number];
    const issues = codes(f);
    expect(issues.some((i) => i.code === "cycle")).toBe(true);
  });

  it("reports weights that sum to zero and negative weights", () => {
    const f = base();
    f.indicators = f.indicators.map((i: object) => ({ ...i, weight: 0 }));
    // "gov" still has its sub-dimension with weight 1; "gov-data" has only the zero-weight indicator
    expect(codes(f)).toStrictEqual([{ code: "zero_weights", path: ["dimensions", 1] }]);
    const g = base();
    g.indicators[0] = { ...g.indicators[0]!, weight: -1 } as (typeof g.indicators)[number];
    expect(codes(g)).toStrictEqual([{ code: "out_of_range", path: ["indicators", 0, "weight"] }]);
  });

  it("reports a likert scale that does not increase and a multiSelect without a positive option", () => {
    const f = base();
    f.indicators[1] = {
      ...f.indicators[1]!,
      scale: { min: 5, max: 1 },
    } as (typeof f.indicators)[number];
    expect(codes(f)).toStrictEqual([{ code: "invalid_value", path: ["indicators", 1, "scale"] }]);
    const g = {
      ...base(),
      indicators: [
        base().indicators[0],
        {
          id: "q2",
          dimension: "gov-data",
          title: "Data collected",
          type: "multiSelect",
          options: [{ value: "none", weight: -1 }],
        },
      ],
    };
    expect(codes(g)).toStrictEqual([{ code: "zero_weights", path: ["indicators", 1, "options"] }]);
  });

  it("reports an unknown answer type", () => {
    const f = base() as { indicators: unknown[] };
    f.indicators[0] = { id: "q1", dimension: "gov", title: "Q", type: "slider" };
    expect(codes(f)[0]?.code).toBe("invalid_value");
  });

  it("throws an AssessmentError naming the problem", () => {
    const f = base();
    f.levels[1] = { id: "l2", title: "Developing", min: 45, max: 70 };
    expect(() => defineFramework(f)).toThrowErrorMatchingInlineSnapshot(
      `[AssessmentError: levels "l1" and "l2" leave a gap: values between 40 and 45 are in no level]`,
    );
  });
});
