import { AssessmentError } from "../errors/AssessmentError.js";
import type { ReportLanguage } from "../schema/vocabularies.js";
import { describe, fail } from "../_lib/assert.js";
import { getReportLabels } from "./getReportLabels.js";
import type { ReportLabels } from "./i18n/labels.js";
import type { CompareReportsResult } from "./compareReports.js";

/** The labels chosen by a renderer's options: `labels` if given, else the built-in `lang` (default en). */
export function labelsFor(options: unknown): ReportLabels {
  if (options === undefined) return getReportLabels("en");
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    fail("invalid_type", ["options"], `options must be an object, got ${describe(options)}`);
  }
  const o = options as { lang?: unknown; labels?: unknown };
  if (o.labels !== undefined) {
    const l = o.labels as Partial<Record<keyof ReportLabels, unknown>> | null;
    if (typeof l !== "object" || l === null) {
      fail(
        "invalid_type",
        ["options", "labels"],
        `options.labels must be a ReportLabels object, got ${describe(l)}`,
      );
    }
    for (const key of ["lang", "locale"] as const) {
      if (typeof l[key] !== "string") {
        fail(
          "invalid_type",
          ["options", "labels", key],
          `options.labels.${key} must be a string, got ${describe(l[key])}`,
        );
      }
    }
    try {
      Intl.getCanonicalLocales(l.locale as string);
    } catch {
      fail(
        "invalid_value",
        ["options", "labels", "locale"],
        `options.labels.locale must be a BCP 47 locale, got ${describe(l.locale)}`,
      );
    }
    for (const key of ["titles", "sections", "charts", "fields", "text"] as const) {
      if (typeof l[key] !== "object" || l[key] === null) {
        fail("missing_field", ["options", "labels", key], `options.labels.${key} is missing`);
      }
    }
    return l as ReportLabels;
  }
  if (o.lang === undefined) return getReportLabels("en");
  try {
    return getReportLabels(o.lang as ReportLanguage);
  } catch (e) {
    if (e instanceof AssessmentError) {
      fail("invalid_value", ["options", "lang"], (e.issues[0] as { message: string }).message);
    }
    throw e;
  }
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
