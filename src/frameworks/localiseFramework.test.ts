import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defineFramework } from "../schema/defineFramework.js";
import { localiseFramework } from "./localiseFramework.js";

const framework = defineFramework({
  id: "mini",
  version: "1.0.0",
  title: "Mini framework",
  description: "A small one.",
  provenance: "designed",
  sources: [],
  dimensions: [
    { id: "gov", title: "Governance", description: "Who decides." },
    { id: "data", title: "Data" },
  ],
  indicators: [
    {
      id: "q1",
      dimension: "gov",
      title: "Strategy",
      question: "Is there a strategy?",
      type: "binary",
      rubric: [
        { answer: true, text: "Yes." },
        { answer: false, text: "No." },
      ],
    },
    {
      id: "q2",
      dimension: "data",
      title: "Channels",
      type: "multiSelect",
      options: [
        { value: "web", text: "Website", weight: 1 },
        { value: "app", weight: 1 },
      ],
    },
    {
      id: "q3",
      dimension: "data",
      title: "Grid",
      type: "ratingGrid",
      scale: { min: 0, max: 4 },
      rows: [
        { id: "r1", text: "Row one" },
        { id: "r2", text: "Row two" },
      ],
    },
    {
      id: "q4",
      dimension: "gov",
      title: "Budget",
      type: "numeric",
      unit: "EUR",
      normalisation: { method: "goalposts", low: 0, high: 10 },
    },
  ],
  levels: [
    { id: "low", title: "Low", min: 0, max: 50, rubric: "Little." },
    { id: "high", title: "High", min: 50, max: 100 },
  ],
  translations: [
    {
      lang: "bg",
      title: "Мини рамка",
      dimensions: [{ id: "gov", title: "Управление" }],
      indicators: [
        { id: "q1", question: "Има ли стратегия?", rubric: [{ answer: true, text: "Да." }] },
        { id: "q2", options: [{ value: "app", text: "Приложение" }] },
        { id: "q3", rows: [{ id: "r2", text: "Ред две" }] },
        { id: "q4", unit: "евро" },
      ],
      levels: [{ id: "low", rubric: "Малко." }],
    },
    { lang: "pt", title: "Quadro mínimo" },
  ],
});

describe("localiseFramework", () => {
  it("replaces each text the translation gives and keeps English for the rest", () => {
    const bg = localiseFramework(framework, "bg");
    expect(bg.title).toBe("Мини рамка");
    expect(bg.description).toBe("A small one.");
    expect(bg.dimensions.map((d) => [d.title, d.description])).toStrictEqual([
      ["Управление", "Who decides."],
      ["Data", undefined],
    ]);
    const [q1, q2, q3, q4] = bg.indicators;
    expect(q1?.title).toBe("Strategy");
    expect(q1?.question).toBe("Има ли стратегия?");
    expect(q1?.rubric?.map((r) => r.text)).toStrictEqual(["Да.", "No."]);
    expect(q2?.type === "multiSelect" && q2.options.map((o) => o.text)).toStrictEqual([
      "Website",
      "Приложение",
    ]);
    expect(q3?.type === "ratingGrid" && q3.rows.map((r) => r.text)).toStrictEqual([
      "Row one",
      "Ред две",
    ]);
    expect(q4?.type === "numeric" && q4.unit).toBe("евро");
    expect(bg.levels.map((l) => [l.title, l.rubric])).toStrictEqual([
      ["Low", "Малко."],
      ["High", undefined],
    ]);
  });

  it("falls back from a regional tag to its language, and to English for any other", () => {
    expect(localiseFramework(framework, "pt-BR").title).toBe("Quadro mínimo");
    expect(localiseFramework(framework, "de").title).toBe("Mini framework");
    expect(localiseFramework(framework, "en").title).toBe("Mini framework");
  });

  it("changes texts only: ids, types, weights, scales, scores and answers stay as they are", () => {
    const numbersAndIds = (f: typeof framework) =>
      JSON.stringify(f, (k, v: unknown) =>
        ["title", "description", "question", "text", "unit", "rubric", "translations"].includes(k)
          ? undefined
          : v,
      );
    fc.assert(
      fc.property(fc.constantFrom("bg", "pt", "pt-BR", "de", "en"), (lang) => {
        expect(numbersAndIds(localiseFramework(framework, lang))).toBe(numbersAndIds(framework));
      }),
    );
  });

  it("leaves the framework it is given unchanged", () => {
    const before = JSON.stringify(framework);
    localiseFramework(framework, "bg");
    expect(JSON.stringify(framework)).toBe(before);
  });
});
