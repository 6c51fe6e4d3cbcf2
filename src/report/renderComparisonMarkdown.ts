import type { ReportLanguage } from "../schema/vocabularies.js";
import { comparisonDocument } from "./_comparisonDocument.js";
import { writeMarkdown } from "./_document.js";
import { checkComparison, guarded, labelsFor } from "./_shared.js";
import type { CompareReportsResult } from "./compareReports.js";
import type { ReportLabels } from "./i18n/labels.js";

/** Options of {@link renderComparisonMarkdown}. */
export interface RenderComparisonMarkdownOptions {
  /** A built-in language: `"en"` (default) or `"bg"`. */
  readonly lang?: ReportLanguage;
  /** Labels of another language; they take precedence over `lang`. */
  readonly labels?: ReportLabels;
}

/**
 * Renders a comparison of reports ({@link compareReports}) as Markdown: the reports compared,
 * maturity by dimension with the change, rank changes, shared solution themes and budgets.
 *
 * Rules (designed by this project): the same labels, `Intl` formatting and escaping of every
 * user string as {@link renderMarkdown}.
 *
 * @param comparison - the result of {@link compareReports}
 * @param options - the language, or custom labels
 * @returns the Markdown text, ending with a newline
 * @throws AssessmentError `invalid_type` (`["comparison"]`) for something that is not a
 *   comparison, `invalid_value` (`["options", "lang"]`) for an unknown language,
 *   `invalid_document` for a comparison whose inner shape is broken
 * @example
 * ```ts
 * import { parseAssessment } from "icc-assessment/schema";
 * import { compareReports, createReport, renderComparisonMarkdown } from "icc-assessment/report";
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
 * const md = renderComparisonMarkdown(compareReports([city("sofia", "Sofia"), city("plovdiv", "Plovdiv")]));
 * md.split("\n")[0]; // => "# Comparison of maturity reports"
 * ```
 */
export function renderComparisonMarkdown(
  comparison: CompareReportsResult,
  options?: RenderComparisonMarkdownOptions,
): string {
  const labels = labelsFor(options);
  const c = checkComparison(comparison);
  return guarded(["comparison"], () => writeMarkdown(comparisonDocument(c, labels)));
}
