import { AssessmentError, type PathSegment } from "../errors/AssessmentError.js";
import { assertParsed } from "../_lib/parsed.js";
import type { Report } from "../schema/report.js";
import type { ReportLanguage } from "../schema/vocabularies.js";
import { assertString, describe, fail, remapErrors } from "../_lib/assert.js";
import { optional, readOptions, stringOption, type OptionSpec } from "../_lib/options.js";
import { getReportLabels } from "./getReportLabels.js";
import type { ReportLabels } from "./i18n/labels.js";
import type { CompareReportsResult } from "./compareReports.js";

const OPTIONS: readonly PathSegment[] = ["options"];
const LANG: readonly PathSegment[] = ["options", "lang"];

/** Whether `value` is a BCP 47 locale `Intl` accepts. */
function isLocale(value: unknown): value is string {
  if (typeof value !== "string") return false;
  try {
    Intl.getCanonicalLocales(value);
    return true;
  } catch {
    return false;
  }
}

/** An object, as the labels and their groups are (`typeof "object"`, not null). */
function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}

/** A group of labels (`titles`, `sections`…): an object, else `missing_field`. */
const labelGroup: OptionSpec<object> = {
  test: isObject,
  code: "missing_field",
  expected: "an object of labels",
};

/** The renderers' options read by the table; `lang` is read by {@link getReportLabels}. */
const RENDER_OPTIONS = {
  labels: optional({
    test: isObject,
    code: "invalid_type",
    expected: "a ReportLabels object",
    at: ["options", "labels"],
    fields: {
      lang: stringOption,
      locale: {
        test: isLocale,
        code: "invalid_value",
        expected: "a BCP 47 locale",
        explain: assertString,
      },
      titles: labelGroup,
      sections: labelGroup,
      charts: labelGroup,
      fields: labelGroup,
      text: labelGroup,
    },
  }),
};

/** The labels chosen by a renderer's options: `labels` if given, else the built-in `lang` (default en). */
export function labelsFor(options: unknown): ReportLabels {
  if (options === undefined) return getReportLabels("en");
  const { labels } = readOptions(options, OPTIONS, "options", RENDER_OPTIONS);
  if (labels !== undefined) return labels as ReportLabels;
  const lang = (options as { readonly lang?: unknown }).lang;
  if (lang === undefined) return getReportLabels("en");
  // getReportLabels checks the language; its error points at the option
  return remapErrors(
    () => getReportLabels(lang as ReportLanguage),
    () => LANG,
  );
}

/** The checks of a report renderer's arguments: a parsed report, and its label options. */
export function checkRendering(report: Report, options: unknown): ReportLabels {
  assertParsed(report, "report");
  return labelsFor(options);
}

/**
 * Runs a comparison renderer: a comparison is a plain value (not a parsed document), so one with
 * the right outline but a malformed inside surfaces as an AssessmentError, never as a TypeError.
 */
export function guarded<T>(path: readonly (string | number)[], render: () => T): T {
  try {
    return render();
  } catch (e) {
    if (e instanceof AssessmentError) throw e;
    fail(
      "invalid_document",
      path,
      `the comparison does not have the shape compareReports returns: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

/** Checks the outline of a comparison (shared by the two comparison renderers). */
export function checkComparison(comparison: unknown): CompareReportsResult {
  const c = comparison as Partial<Record<keyof CompareReportsResult, unknown>> | null;
  if (
    typeof c !== "object" ||
    c === null ||
    !Array.isArray(c.reports) ||
    !Array.isArray(c.rankings)
  ) {
    fail(
      "invalid_type",
      ["comparison"],
      `comparison must be the result of compareReports, got ${describe(comparison)}`,
    );
  }
  return comparison as CompareReportsResult;
}
