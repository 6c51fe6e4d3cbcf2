import { assertOneOf } from "../_lib/assert.js";
import { reportLanguages, type ReportLanguage } from "../schema/vocabularies.js";
import { bg } from "./i18n/bg.js";
import { en } from "./i18n/en.js";
import type { ReportLabels } from "./i18n/labels.js";

const builtin: Readonly<Record<ReportLanguage, ReportLabels>> = { en, bg };

/**
 * The built-in labels of a report language: every heading, column name and vocabulary term the
 * renderers print, and the `Intl` locale for numbers, money and dates.
 *
 * A language is one object of type {@link ReportLabels} (the built-in ones are
 * `src/report/i18n/en.ts` and `bg.ts`); to add one, write that file and pass the object as the
 * renderers' `labels` option, or register it here. Translations are by this project.
 *
 * @param lang - `"en"` or `"bg"`
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
  return builtin[lang];
}
