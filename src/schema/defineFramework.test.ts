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

describe("defineFramework: translations", () => {
  const translated = (): Raw => ({
    ...base(),
    indicators: [
      ...base().indicators,
      {
        id: "q3",
        dimension: "gov",
        title: "Channels",
        type: "categorical" as const,
        options: [
          { value: "none", score: 0 },
          { value: "some", score: 100 },
        ],
        rubric: [{ answer: "none", text: "No channel." }],
      },
    ],
    translations: [
      {
        lang: "bg",
        title: "Мини рамка",
        dimensions: [{ id: "gov", title: "Управление" }],
        indicators: [
          {
            id: "q3",
            title: "Канали",
            options: [{ value: "none", text: "Няма" }],
            rubric: [{ answer: "none", text: "Няма канал." }],
          },
        ],
        levels: [{ id: "l1", title: "Начало" }],
      },
    ],
  });

  it("accepts a translation that names only what the framework has", () => {
    expect(defineFramework(translated()).translations?.[0]?.lang).toBe("bg");
  });

  it("refuses unknown ids, options, rows, rubric answers, English and a language given twice", () => {
    const f = translated();
    const bg = f.translations[0];
    bg.dimensions.push({ id: "nope" }, { id: "gov" });
    bg.indicators.push(
      { id: "q9" },
      { id: "q1", options: [{ value: "x", text: "x" }], rows: [{ id: "r", text: "r" }] },
      { id: "q2", rubric: [{ answer: 7, text: "седем" }], unit: "бр." },
    );
    bg.levels.push({ id: "l9" });
    f.translations.push({ lang: "bg" }, { lang: "en" });
    expect(codes(f)).toStrictEqual([
      { code: "unknown_reference", path: ["translations", 0, "dimensions", 1, "id"] },
      { code: "duplicate_id", path: ["translations", 0, "dimensions", 2, "id"] },
      { code: "unknown_reference", path: ["translations", 0, "levels", 1, "id"] },
      { code: "unknown_reference", path: ["translations", 0, "indicators", 1, "id"] },
      {
        code: "unknown_reference",
        path: ["translations", 0, "indicators", 2, "options", 0, "value"],
      },
      { code: "unknown_reference", path: ["translations", 0, "indicators", 2, "rows", 0, "id"] },
      {
        code: "unknown_reference",
        path: ["translations", 0, "indicators", 3, "rubric", 0, "answer"],
      },
      { code: "invalid_value", path: ["translations", 0, "indicators", 3, "unit"] },
      { code: "duplicate_id", path: ["translations", 1, "lang"] },
      { code: "invalid_value", path: ["translations", 2, "lang"] },
    ]);
  });

  it("refuses a language tag that is not one", () => {
    const f = translated();
    f.translations[0].lang = "bulgarian";
    expect(codes(f).map((c) => c.path)).toStrictEqual([["translations", 0, "lang"]]);
  });
});
