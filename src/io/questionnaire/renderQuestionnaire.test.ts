import { parse as parseCsv } from "csv-parse/sync";
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { builtinFrameworks } from "../../frameworks/builtinFrameworks.js";
import { iccCitizenParticipation } from "../../frameworks/iccCitizenParticipation.js";
import { scoreMaturity } from "../../maturity/scoreMaturity.js";
import { safeParseAnswers } from "../../schema/answers.js";
import { defineFramework } from "../../schema/defineFramework.js";
import type { MaturityFramework } from "../../schema/framework.js";
import { CHECK_ANSWER_SOURCE, FORM_SCRIPT } from "./_formScript.js";
import { formPolicy, formRules } from "./_html.js";
import { formMessages, questionnaireLabels } from "./_labels.js";
import { questionnaireModel } from "./_model.js";
import { renderQuestionnaire } from "./renderQuestionnaire.js";

const hostile = `<script>alert(1)</script> | [x](javascript:alert(1)) "q", =SUM(A1) \u202E`;

/** Every answer type, a nested dimension, a reversed Likert, a % numeric and a relative one. */
function allTypes(text = "", over: Record<string, unknown> = {}): MaturityFramework {
  return defineFramework({
    id: "all-types",
    version: "1.0",
    title: `All types${text}`,
    provenance: "designed",
    sources: [{ title: `Designed${text}`, url: "https://example.org/x" }],
    dimensions: [
      { id: "a", title: `A${text}`, description: `About A${text}` },
      { id: "b", title: "B" },
      { id: "b1", title: "B1", parent: "b" },
    ],
    indicators: [
      {
        id: "bin",
        dimension: "a",
        title: `Binary${text}`,
        question: `Is it so?${text}`,
        type: "binary",
        rubric: [{ answer: true, text: `Yes it is${text}` }],
      },
      {
        id: "lik",
        dimension: "a",
        title: "Likert",
        type: "likert",
        direction: -1,
        scale: { min: 1, max: 5 },
        unanswered: "zero",
      },
      {
        id: "pct",
        dimension: "b",
        title: "Share",
        type: "numeric",
        unit: "%",
        normalisation: { method: "goalposts", low: 0, high: 80 },
      },
      {
        id: "rel",
        dimension: "b",
        title: "Relative",
        type: "numeric",
        normalisation: { method: "minMax" },
      },
      {
        id: "cat",
        dimension: "b1",
        title: "Categorical",
        type: "categorical",
        options: [
          { value: "no", text: `No${text}`, score: 0 },
          { value: "some", score: 40 },
          { value: "yes", text: "Yes", score: 100 },
        ],
      },
      {
        id: "multi",
        dimension: "b1",
        title: "Multi",
        type: "multiSelect",
        options: [
          { value: "x", text: `X${text}`, weight: 1 },
          { value: "y", text: "Y", weight: 3 },
          { value: "none", text: "None of these", weight: -1 },
        ],
      },
      {
        id: "grid",
        dimension: "b1",
        title: "Grid",
        type: "ratingGrid",
        scale: { min: 0, max: 4 },
        rows: [
          { id: "r1", text: `Row 1${text}` },
          { id: "r2", text: "Row 2" },
        ],
        rubric: [{ answer: 4, text: "Excellent" }],
      },
    ],
    levels: [
      { id: "low", title: "Low", min: 0, max: 50 },
      { id: "high", title: `High${text}`, min: 50, max: 100 },
    ],
    ...over,
  });
}

type Row = Record<string, string>;
/** The CSV's rows as objects keyed by the English headers. */
function csvRows(framework: MaturityFramework): Row[] {
  const text = renderQuestionnaire(framework, { format: "csv" });
  return parseCsv(text, { bom: true, columns: true }) as Row[];
}

/** The score scoreMaturity gives one answer of one indicator, computed here, directly. */
function scoreOf(fw: MaturityFramework, indicator: string, value: unknown): number | null {
  const r = scoreMaturity(fw, [{ unit: "u", indicator, value: value as never }]);
  return r.units[0]?.indicators.find((i) => i.id === indicator)?.score ?? null;
}

describe("renderQuestionnaire", () => {
  it("lists what each answer scores exactly as scoreMaturity scores it, for every built-in question", () => {
    for (const fw of [...builtinFrameworks, allTypes()]) {
      const rows = csvRows(fw).filter((r) => r["kind"] === "answer");
      expect(rows.length).toBeGreaterThan(fw.indicators.length);
      for (const r of rows) {
        const ind = fw.indicators.find((i) => i.id === r["question_id"]);
        if (ind === undefined) throw new Error(`no indicator ${r["question_id"]}`);
        const a = r["answer"] as string;
        const value =
          ind.type === "binary"
            ? a === "true"
            : ind.type === "categorical"
              ? a
              : ind.type === "multiSelect"
                ? [a]
                : ind.type === "ratingGrid"
                  ? ind.rows.map((row) => ({ row: row.id, value: Number(a) }))
                  : Number(a);
        const expected = scoreOf(fw, ind.id, value);
        expect(Number(r["score"]), `${ind.id} = ${a}`).toBeCloseTo(expected as number, 6);
      }
    }
  });

  it("covers every question, dimension and option of the built-in framework in each format", () => {
    const fw = iccCitizenParticipation;
    const md = renderQuestionnaire(fw, { format: "md" });
    const html = renderQuestionnaire(fw, { format: "html" });
    const questions = csvRows(fw).filter((r) => r["kind"] === "question");
    expect(questions.map((r) => r["question_id"])).toStrictEqual(fw.indicators.map((i) => i.id));
    for (const ind of fw.indicators) {
      expect(md).toContain(`(\`${ind.id}\`)`);
      expect(html).toContain(`<span class="qid">${ind.id}</span>`);
      if (ind.type === "categorical") {
        for (const o of ind.options) expect(md).toContain(`\`"${o.value}"\``);
      }
      if (ind.type === "multiSelect") {
        for (const o of ind.options) expect(md).toContain(`\`${o.value}\``);
      }
    }
    for (const d of fw.dimensions) expect(md).toContain(`(\`${d.id}\`)`);
    expect(md).toContain("| Leading (`leading`) | 80 ≤ score ≤ 100 |");
  });

  it("states each scoring rule: reversed scales, goalposts, relative methods, unanswered policies", () => {
    const md = renderQuestionnaire(allTypes(), { format: "md" });
    for (const sentence of [
      "- Reversed: a lower answer is more mature.",
      "- Not answered: scores 0.",
      "- Goalposts: 0 % or less scores 0, 80 % or more scores 100, linearly in between.",
      "- A percentage: an answer from 0 to 100.",
      "- Normalised by minMax across the units scored together: the score depends on the other units' answers.",
      "- Score = the sum of the ticked options' weights \\(at least 0\\) ÷ 4, the sum of the positive weights, mapped onto 0–100; ticking every positive option scores 100.",
      "- Each row is rated on 0–4; the mean of the rated rows maps linearly onto 0–100.",
      "| 1 | `1` | 100 |  |",
      "| None of these | `none` | -1 | 0 |  |",
      "| 4 | 100 | Excellent |",
    ]) {
      expect(md).toContain(sentence);
    }
    // nested dimensions are numbered and counted with their parent
    expect(md).toContain("- 2. B (`b`) — 5 questions\n  - 2.1. B1 (`b1`) — 3 questions");
  });

  it("escapes hostile framework texts in Markdown: no raw HTML, no link, no broken table", () => {
    const md = renderQuestionnaire(allTypes(hostile), { format: "md" });
    const html = new MarkdownIt({ linkify: true }).render(md);
    expect(html).not.toMatch(/<script|<a\s|href=/i);
    expect(html).toContain("&lt;script&gt;");
    // each table row keeps its cells: the hostile | is escaped
    const tableRow = md.split("\n").find((l) => l.startsWith("| Yes | `true`"));
    expect(tableRow?.split(/(?<!\\)\|/).length).toBe(6);
    expect(md).not.toContain("\u202E");
  });

  it("writes RFC 4180 CSV with a byte-order mark and CRLF, and defuses formulas", () => {
    const text = renderQuestionnaire(allTypes(hostile), { format: "csv" });
    expect(text.startsWith("\uFEFFkind,question_id,dimension_id,dimension,")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/\n(?=[^"]*$)/);
    const rows = parseCsv(text, { bom: true, columns: true }) as Row[];
    const bin = rows.find((r) => r["question_id"] === "bin" && r["kind"] === "question");
    expect(bin?.["question"]).toBe(`Is it so?${hostile.replace("\u202E", "\uFFFD")}`);
    const formula = renderQuestionnaire(allTypes("", { title: "=HYPERLINK(1)" }), {
      format: "csv",
    });
    expect(formula).not.toMatch(/(^|,)=HYPERLINK/m);
    const weights = rows.filter((r) => r["question_id"] === "multi" && r["kind"] === "answer");
    expect(weights.map((r) => r["weight"])).toStrictEqual(["1", "3", "-1"]);
  });

  it("writes the framework's Bulgarian texts and Bulgarian words around them, crediting the project for a built-in one", () => {
    const md = renderQuestionnaire(iccCitizenParticipation, { lang: "bg", format: "md" });
    expect(md.split("\n")[0]).toBe(
      "# Въпросник: Зрялост на гражданското участие и цифровата публична администрация \\(разработена за градовете от ICC\\)",
    );
    expect(md).toContain("разработена от проекта icc-assessment (не е официален инструмент)");
    const custom = {
      ...iccCitizenParticipation,
      id: "our-framework",
      authors: ["City of Plovdiv"],
    };
    expect(renderQuestionnaire(custom, { lang: "en", format: "md" })).toContain(
      "designed by its authors (not an official instrument)",
    );
    expect(md).toContain("| Отговор | Във файла с отговори | Оценка | Значение |");
    const html = renderQuestionnaire(iccCitizenParticipation, { lang: "bg", format: "html" });
    expect(html).toContain('<html lang="bg">');
    expect(html).toContain("Запазване на отговорите");
    const csv = renderQuestionnaire(iccCitizenParticipation, { lang: "bg", format: "csv" });
    expect(csv.startsWith("\uFEFFвид,код_на_въпроса,")).toBe(true);
    for (const lang of ["en", "bg"] as const) {
      expect(Object.keys(questionnaireLabels[lang].form.messages).sort()).toStrictEqual(
        [...formMessages].sort(),
      );
    }
  });

  it("writes a self-contained form: one script, allowed by its hash, nothing to fetch, texts escaped", () => {
    const html = renderQuestionnaire(allTypes(hostile), { format: "html" });
    const hash = createHash("sha256").update(FORM_SCRIPT, "utf8").digest("base64");
    expect(formPolicy()).toContain(`script-src 'sha256-${hash}'`);
    expect(html).toContain(`content="${formPolicy()}"`);
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).toContain(`<script>${FORM_SCRIPT}</script>`);
    expect(html).not.toMatch(/<script>alert|\b(src|href)="(https?:|\/\/|data:|javascript:)/i);
    expect(html).not.toMatch(/<(img|link|iframe|object|embed)\b/i);
    const data = html.slice(html.indexOf('id="icc-data">') + 14, html.indexOf("</script>"));
    expect(data).not.toMatch(/<|>/);
    expect(JSON.parse(data).framework).toStrictEqual({ id: "all-types", version: "1.0" });
  });

  it("property: the form's answer check accepts exactly what parseAnswers accepts", () => {
    const fw = allTypes();
    const rules = formRules(questionnaireModel(fw));
    const checkAnswer = new Function(`${CHECK_ANSWER_SOURCE}\nreturn checkAnswer;`)() as (
      q: unknown,
      v: unknown,
    ) => unknown;
    const value = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.integer({ min: -2, max: 110 }),
      fc.double({ min: -5, max: 120, noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom("no", "some", "yes", "maybe", "x"),
      fc.array(fc.constantFrom("x", "y", "none", "zzz"), { maxLength: 4 }),
      fc.array(
        fc.record({
          row: fc.constantFrom("r1", "r2", "r9"),
          value: fc.integer({ min: -1, max: 5 }),
        }),
        { maxLength: 3 },
      ),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: rules.length - 1 }), value, (k, v) => {
        const rule = rules[k] as { id: string };
        const library = safeParseAnswers(
          {
            format: "icc-assessment/answers",
            formatVersion: "1.0",
            framework: { id: fw.id, version: fw.version },
            observations: [{ unit: "u", indicator: rule.id, value: v }],
          },
          { frameworks: [fw] },
        ).success;
        expect(checkAnswer(rule, v) === null, `${rule.id} ${JSON.stringify(v)}`).toBe(library);
      }),
      { numRuns: 1000 },
    );
  });

  it("refuses an unknown language or format, and a framework scoring cannot use", () => {
    const fw = allTypes();
    expect(() => renderQuestionnaire(fw, { lang: "de" as never })).toThrow(
      expect.objectContaining({
        issues: [
          {
            code: "invalid_value",
            path: ["options", "lang"],
            message: 'options.lang must be one of en, bg, got "de"',
          },
        ],
      }),
    );
    expect(() => renderQuestionnaire(fw, { format: "pdf" as never })).toThrow(
      /options\.format must be one of md, html, csv, got "pdf"/,
    );
    const z = allTypes("", {});
    const bad = {
      ...z,
      indicators: z.indicators.map((i) =>
        i.id === "rel" ? { ...i, normalisation: { method: "zScore" } } : i,
      ),
    } as MaturityFramework;
    expect(() => renderQuestionnaire(bad)).toThrow(/normalisation\.method .*got "zScore"/);
  });
});
