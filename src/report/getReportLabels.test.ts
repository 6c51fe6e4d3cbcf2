import { describe, expect, it } from "vitest";
import { AssessmentError } from "../errors/AssessmentError.js";
import { prioritisationMethods } from "../prioritisation/prioritisationRegistry.js";
import { reportLanguages } from "../schema/vocabularies.js";
import { dossierGapCodes } from "../swot/dossierGaps.js";
import { getReportLabels } from "./getReportLabels.js";

/** Every path to a string in a labels object. */
function leaves(value: unknown, path: string[] = []): [string, string][] {
  if (typeof value === "string") return [[path.join("."), value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, [...path, k]),
  );
}

describe("getReportLabels", () => {
  it("has labels for every report language, with the same keys and no empty text", () => {
    const english = new Map(leaves(getReportLabels("en")));
    for (const lang of reportLanguages) {
      const l = getReportLabels(lang);
      expect(l.lang).toBe(lang);
      expect(() => Intl.getCanonicalLocales(l.locale)).not.toThrow();
      const own = leaves(l);
      expect(own.map(([k]) => k).sort()).toStrictEqual([...english.keys()].sort());
      for (const [key, text] of own) expect(text.trim(), `${lang}: ${key}`).not.toBe("");
    }
  });

  it("translates Bulgarian, keeping only names and acronyms as in English", () => {
    const same = leaves(getReportLabels("bg"))
      .filter(([k, v]) => english(k) === v)
      .map(([k]) => k);
    expect(same).toStrictEqual(["charts.swotGrid", "methods.topsis"]);
  });

  it("names every prioritisation method and every dossier gap in every language", () => {
    for (const lang of reportLanguages) {
      const l = getReportLabels(lang);
      for (const method of prioritisationMethods) {
        expect(Object.hasOwn(l.methods, method), `${lang}: ${method}`).toBe(true);
      }
      expect(Object.keys(l.dossierGaps).sort()).toStrictEqual([...dossierGapCodes].sort());
    }
  });

  it("keeps the same placeholders in every language", () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const [key, text] of leaves(getReportLabels("bg"))) {
      expect(placeholders(text), key).toStrictEqual(placeholders(english(key) as string));
    }
  });

  it("refuses a language without labels", () => {
    try {
      getReportLabels("fr" as never);
      throw new Error("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(AssessmentError);
      expect((e as AssessmentError).issues[0]).toMatchObject({
        code: "invalid_value",
        path: ["lang"],
      });
    }
  });
});

function english(key: string): string | undefined {
  return new Map(leaves(getReportLabels("en"))).get(key);
}
