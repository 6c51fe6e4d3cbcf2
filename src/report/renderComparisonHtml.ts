import type { ReportLanguage } from "../schema/vocabularies.js";
import { comparisonDocument } from "./_comparisonDocument.js";
import { writeHtml } from "./_document.js";
import { checkComparison, guarded, labelsFor } from "./_shared.js";
import type { CompareReportsResult } from "./compareReports.js";
import type { ReportLabels } from "./i18n/labels.js";

/** Options of {@link renderComparisonHtml}. */
export interface RenderComparisonHtmlOptions {
  /** A built-in language, one of `reportLanguages`; `"en"` by default. */
  readonly lang?: ReportLanguage;
  /** Labels of another language; they take precedence over `lang`. */
  readonly labels?: ReportLabels;
}

/**
 * Renders a comparison of reports ({@link compareReports}) as one self-contained HTML file, with
 * maturity by dimension as grouped bars (one colour per report), rank changes, shared solution
 * themes and budgets.
 *
 * Rules (designed by this project): as {@link renderHtml} — inline CSS and SVG, no script, no
 * external resource, every user string escaped.
 *
 * @param comparison - the result of {@link compareReports}
 * @param options - the language, or custom labels
 * @returns the HTML document
 * @throws AssessmentError `invalid_type` (`["comparison"]`) for something that is not a
 *   comparison, `invalid_value` (`["options", "lang"]`) for an unknown language,
 *   `invalid_document` for a comparison whose inner shape is broken
 * @example
 * ```ts
 * import { parseAssessment } from "icc-assessment/schema";
 * import { compareReports, createReport, renderComparisonHtml } from "icc-assessment/report";
 * const city = (id: string, name: string) =>
 *   createReport(
 *     parseAssessment({
 *       formatVersion: "1.0",
 *       city: { id, name, country: "BG" },
 *       programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
 *       track: { id: "citizenParticipationDigitalPublicAdministration" },
 *       stakeholders: [], workshops: [], needs: [], solutions: [],
 *     }),
 *     { generatedAt: "2021-02-15" },
 *   );
 * const html = renderComparisonHtml(compareReports([city("sofia", "Sofia"), city("plovdiv", "Plovdiv")]), { lang: "bg" });
 * html.includes("<title>Сравнение на доклади за зрелостта</title>"); // => true
 * ```
 */
export function renderComparisonHtml(
  comparison: CompareReportsResult,
  options?: RenderComparisonHtmlOptions,
): string {
  const labels = labelsFor(options);
  const c = checkComparison(comparison);
  return guarded(["comparison"], () => writeHtml(comparisonDocument(c, labels)));
}
