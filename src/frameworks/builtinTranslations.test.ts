import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { iccCitizenParticipation } from "./iccCitizenParticipation.js";
import { iccCitizenParticipationBg } from "./iccCitizenParticipation.bg.js";
import { localiseFramework } from "./localiseFramework.js";
import { unLosi2022 } from "./unLosi2022.js";
import { unLosi2022Bg } from "./unLosi2022.bg.js";
import { safeDefineFramework } from "../schema/defineFramework.js";
import type { MaturityFramework } from "../schema/framework.js";
import { scoreMaturity } from "../maturity/scoreMaturity.js";

/**
 * Every text of a framework that `localiseFramework` translates, by a readable path: the
 * framework's title, description and notes; dimension titles and descriptions; level titles and
 * rubrics; indicator titles, questions, descriptions, units, option and row texts and rubric texts.
 * An option without a text is listed with `undefined`, so a translation must give it one.
 */
function texts(f: MaturityFramework): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  const put = (path: string, text: string | undefined, always = false): void => {
    if (text !== undefined || always) out.set(path, text);
  };
  put("title", f.title);
  put("description", f.description);
  put("notes", f.notes);
  for (const d of f.dimensions) {
    put(`dimension ${d.id} title`, d.title);
    put(`dimension ${d.id} description`, d.description);
  }
  for (const l of f.levels) {
    put(`level ${l.id} title`, l.title);
    put(`level ${l.id} rubric`, l.rubric);
  }
  for (const ind of f.indicators) {
    const p = `indicator ${ind.id}`;
    put(`${p} title`, ind.title);
    put(`${p} question`, ind.question);
    put(`${p} description`, ind.description);
    for (const r of ind.rubric ?? []) put(`${p} rubric ${JSON.stringify(r.answer)}`, r.text);
    if (ind.type === "numeric") put(`${p} unit`, ind.unit);
    if (ind.type === "categorical" || ind.type === "multiSelect")
      for (const o of ind.options) put(`${p} option ${o.value}`, o.text, true);
    if (ind.type === "ratingGrid") for (const r of ind.rows) put(`${p} row ${r.id}`, r.text);
  }
  return out;
}

/** The paths whose Bulgarian text is missing or still the English one. */
function untranslated(f: MaturityFramework): string[] {
  const en = texts(f);
  const bg = texts(localiseFramework(f, "bg"));
  expect([...bg.keys()]).toStrictEqual([...en.keys()]);
  return [...en]
    .filter(([path, text]) => bg.get(path) === undefined || bg.get(path) === text)
    .map(([path]) => path);
}

/** The keys of a maturity result whose values are texts (titles, rubrics, reasons in words). */
const TEXT_KEYS = new Set([
  "title",
  "description",
  "question",
  "notes",
  "text",
  "rubric",
  "reason",
]);

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN_WORD = /^\p{Script=Latin}+$/u;
const words = (text: string): string[] => text.match(/\p{L}+/gu) ?? [];

/**
 * Proper names that stay in Latin script in the Bulgarian texts of icc-citizen-participation: the
 * Intelligent Cities Challenge, this project, the IAP2 spectrum, the UN E-Participation Index and
 * the data formats CSV, JSON and PDF. Removed before counting words.
 */
const PROPER_NAMES = ["icc-assessment", "ICC", "IAP2", "EPI", "CSV", "JSON", "PDF"];

const withoutProperNames = (text: string): string =>
  PROPER_NAMES.reduce((t, name) => t.replaceAll(name, " "), text);

const cases = [
  {
    framework: iccCitizenParticipation,
    translation: iccCitizenParticipationBg,
    // "%" is a symbol, the same in Bulgarian: the two percentage units keep it
    sameAsEnglish: ["indicator ds.online unit", "indicator es.staffSkills unit"],
  },
  { framework: unLosi2022, translation: unLosi2022Bg, sameAsEnglish: [] },
] as const;

describe("the Bulgarian translations of the built-in frameworks", () => {
  for (const { framework, translation, sameAsEnglish } of cases) {
    describe(framework.id, () => {
      it("is the framework's only translation, in Bulgarian", () => {
        expect(framework.translations).toStrictEqual([translation]);
        expect(translation.lang).toBe("bg");
      });

      it("passes defineFramework: every id, option, row, answer and level it names exists", () => {
        const r = safeDefineFramework(JSON.parse(JSON.stringify(framework)));
        expect(r.success ? [] : r.issues).toStrictEqual([]);
        expect(r.success && r.data.translations).toStrictEqual([translation]);
      });

      it("would be refused if it named an indicator the framework does not have", () => {
        const broken = JSON.parse(JSON.stringify(framework)) as MaturityFramework;
        const t = broken.translations?.[0];
        const first = t?.indicators?.[0];
        if (first === undefined) throw new Error("the translation has no indicators");
        first.id = "no-such-indicator";
        const r = safeDefineFramework(broken);
        expect(r.success ? [] : r.issues.map((i) => [i.code, i.path])).toStrictEqual([
          ["unknown_reference", ["translations", 0, "indicators", 0, "id"]],
        ]);
      });

      it("gives every text in Bulgarian: none is left in English except the listed symbols", () => {
        expect(untranslated(framework)).toStrictEqual(sameAsEnglish);
      });

      it("writes every translated text in Cyrillic, with no word mixing Latin and Cyrillic letters", () => {
        const bg = texts(localiseFramework(framework, "bg"));
        const exceptions = new Set<string>(sameAsEnglish);
        const notCyrillic: string[] = [];
        const mixed: string[] = [];
        for (const [path, text] of bg) {
          if (text === undefined || exceptions.has(path)) continue;
          if (!CYRILLIC.test(text)) notCyrillic.push(path);
          for (const w of words(text))
            if (CYRILLIC.test(w) && /\p{Script=Latin}/u.test(w)) mixed.push(`${path}: ${w}`);
        }
        expect(notCyrillic).toStrictEqual([]);
        expect(mixed).toStrictEqual([]);
      });

      it("is used for any region of Bulgarian (bg-XX falls back to bg)", () => {
        const bg = localiseFramework(framework, "bg");
        fc.assert(
          fc.property(fc.stringMatching(/^[A-Z]{2}$/), (region) => {
            expect(localiseFramework(framework, `bg-${region}`)).toStrictEqual(bg);
          }),
          { numRuns: 50 },
        );
      });
    });
  }

  it("icc-citizen-participation: Latin-script words outside proper names are under 5 % of the Bulgarian words", () => {
    const bg = texts(localiseFramework(iccCitizenParticipation, "bg"));
    const all = [...bg.values()].flatMap((t) => words(withoutProperNames(t ?? "")));
    const latin = all.filter((w) => LATIN_WORD.test(w));
    console.log(
      `icc-citizen-participation bg: ${latin.length} Latin-script words of ${all.length} (${((100 * latin.length) / all.length).toFixed(2)} %) outside proper names: ${[...new Set(latin)].join(", ")}`,
    );
    expect(all.length).toBeGreaterThan(1000);
    expect(latin.length / all.length).toBeLessThan(0.05);
  });

  it("icc-citizen-participation: the proper names left out of the count do appear in the texts", () => {
    const all = [...texts(localiseFramework(iccCitizenParticipation, "bg")).values()].join("\n");
    expect(PROPER_NAMES.filter((name) => !all.includes(name))).toStrictEqual([]);
  });

  it("un-losi-2022: keeps the placeholder pattern for the 69 unpublished indicator titles", () => {
    const bg = localiseFramework(unLosi2022, "bg");
    const placeholders = bg.indicators.filter((i) => !i.id.startsWith("PE"));
    expect(placeholders).toHaveLength(69);
    for (const i of placeholders)
      expect(i.title).toBe(`${i.id} (заглавието не е публикувано; попълнете от въпросника на ООН)`);
  });

  it("un-losi-2022: scores, levels and coverage are the same in Bulgarian as in English", () => {
    const ids = unLosi2022.indicators.map((i) => i.id);
    const bg = localiseFramework(unLosi2022, "bg");
    const numbers = (f: MaturityFramework, answers: readonly (boolean | null)[]) =>
      JSON.parse(
        JSON.stringify(
          scoreMaturity(
            f,
            ids.map((indicator, k) => ({ unit: "city", indicator, value: answers[k] ?? null })),
          ),
          (key, v: unknown) => (TEXT_KEYS.has(key) ? undefined : v),
        ),
      ) as unknown;
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.boolean()), { minLength: ids.length, maxLength: ids.length }),
        (answers) => {
          expect(numbers(bg, answers)).toStrictEqual(numbers(unLosi2022, answers));
        },
      ),
      { numRuns: 30 },
    );
  });
});
