import { AssessmentError } from "../errors/AssessmentError.js";
import type { Report } from "../schema/report.js";
import { FORMAT_VERSION, type ReportLanguage } from "../schema/vocabularies.js";
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

/** A shallow check that a value is a report of a major version this library reads. */
export function checkReport(report: unknown, path: readonly (string | number)[]): Report {
  if (typeof report !== "object" || report === null || Array.isArray(report)) {
    fail(
      "invalid_type",
      path,
      `report must be an object (a parsed report), got ${describe(report)}`,
    );
  }
  const r = report as Record<string, unknown>;
  if (r["kind"] !== "icc-assessment-report") {
    fail(
      "invalid_value",
      [...path, "kind"],
      `kind must be "icc-assessment-report", got ${describe(r["kind"])}`,
    );
  }
  const v = r["formatVersion"];
  if (typeof v !== "string" || v.split(".")[0] !== FORMAT_VERSION.split(".")[0]) {
    fail(
      "unsupported_version",
      [...path, "formatVersion"],
      `formatVersion must be ${FORMAT_VERSION.split(".")[0]}.x (use migrateReport for an older report), got ${describe(v)}`,
    );
  }
  for (const key of ["city", "programme", "track", "provenance", "sections"] as const) {
    if (typeof r[key] !== "object" || r[key] === null) {
      fail(
        "missing_field",
        [...path, key],
        `report.${key} must be an object, got ${describe(r[key])}`,
      );
    }
  }
  return report as Report;
}

/**
 * Runs a renderer; a malformed report that slips past {@link checkReport} surfaces as an
 * AssessmentError telling the caller to validate it, never as a TypeError.
 */
export function guarded<T>(path: readonly (string | number)[], render: () => T): T {
  try {
    return render();
  } catch (e) {
    if (e instanceof AssessmentError) throw e;
    fail(
      "invalid_document",
      path,
      `the report does not have the shape of a valid report (validate it with parseReport): ${e instanceof Error ? e.message : String(e)}`,
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
