import type { Report } from "../schema/report.js";
import type { ReportLanguage } from "../schema/vocabularies.js";
import { writeHtml } from "./_document.js";
import { reportDocument } from "./_reportDocument.js";
import { withPeerSections } from "./_peersDocument.js";
import { checkRendering } from "./_shared.js";
import type { ReportLabels } from "./i18n/labels.js";

/** Options of {@link renderHtml}. */
export interface RenderHtmlOptions {
  /** A built-in language, one of `reportLanguages`; `"en"` by default. */
  readonly lang?: ReportLanguage;
  /** Labels of another language; they take precedence over `lang`. */
  readonly labels?: ReportLabels;
}

/**
 * Renders a report as one self-contained HTML file with inline SVG charts: maturity radar by
 * dimension, SWOT grid, impact/effort matrix, ranking with rank-stability bars, timeline coloured
 * by horizon, and budget by horizon and funding source.
 *
 * Rules (designed by this project): inline CSS and SVG only — no script, no external resource, no
 * external link, and a Content-Security-Policy (`default-src 'none'`) that forbids both, so the
 * file reads the same offline, in an e-mail or in an archive. Every string from the assessment is
 * HTML-escaped (`& < > " '`, control and bidi-override characters replaced, the colon of
 * `javascript:`/`data:` as `&#58;`) and never placed in a URL. Labels, numbers, money and dates are
 * in the chosen language (via `Intl`, dates in UTC). The same report always gives the same file.
 *
 * @param report - a report ({@link createReport}, or `parseReport` of a published one)
 * @param options - the language, or custom labels
 * @returns the HTML document
 * @throws AssessmentError `not_parsed` (`["report"]`) for a value that did not come from
 *   `createReport` or `parseReport`, `invalid_value` (`["options", "lang"]`) for an unknown
 *   language, `invalid_type` / `missing_field` (`["options", …]`) for malformed options
 * @example
 * ```ts
 * import { parseAssessment } from "icc-assessment/schema";
 * import { createReport, renderHtml } from "icc-assessment/report";
 * const report = createReport(
 *   parseAssessment({
 *     formatVersion: "1.0",
 *     city: { id: "sofia", name: "Sofia", country: "BG" },
 *     programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
 *     track: { id: "citizenParticipationDigitalPublicAdministration" },
 *     stakeholders: [{ id: "x", name: "<img src=x onerror=alert(1)>", helix: "public", kind: "other" }],
 *     workshops: [],
 *     needs: [],
 *     solutions: [],
 *   }),
 *   { generatedAt: "2021-02-15" },
 * );
 * const html = renderHtml(report, { lang: "en" });
 * html.startsWith("<!DOCTYPE html>"); // => true
 * html.includes("&lt;img src=x onerror=alert(1)&gt;"); // => true
 * /<script|<img/i.test(html); // => false
 * ```
 */
export function renderHtml(report: Report, options?: RenderHtmlOptions): string {
  const labels = checkRendering(report, options);
  return writeHtml(withPeerSections(reportDocument(report, labels), report, labels));
}
