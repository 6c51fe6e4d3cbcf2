import { assertOneOf } from "../_lib/assert.js";
import { reportLanguages, type ReportLanguage } from "../_lib/languages.js";
import { bg } from "./i18n/bg.js";
import { en } from "./i18n/en.js";
import type { ReportLabels } from "./i18n/labels.js";

/**
 * The report label packs, one per language of `reportLanguages`: a language without a pack, or a
 * pack without its language, does not compile.
 */
const packs: Readonly<Record<ReportLanguage, ReportLabels>> = { en, bg };

/**
 * The built-in labels of a report language: every heading, column name and vocabulary term the
 * renderers print, and the `Intl` locale for numbers, money and dates.
 *
 * A language is one object of type {@link ReportLabels} (one file per language in
 * `src/report/i18n/`); to use another, write that object and pass it as the renderers' `labels`
 * option. To build one in, add its code to `src/_lib/languages.ts` and its pack here; the
 * compiler then names every other pack of texts that language still needs. Translations are by
 * this project.
 *
 * @param lang - a built-in language, one of `reportLanguages`
 * @returns the labels
 * @throws AssessmentError `invalid_value` (path `["lang"]`) for a language without built-in labels
 * @example
 * ```ts
 * import { getReportLabels } from "icc-assessment/report";
 * getReportLabels("bg").quadrants.strength; // => "Силни страни"
 * getReportLabels("en").locale; // => "en-GB"
 * ```
 */
export function getReportLabels(lang: ReportLanguage): ReportLabels {
  assertOneOf(lang, reportLanguages, ["lang"], "lang");
  return packs[lang];
}
