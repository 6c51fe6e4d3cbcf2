import type { Report } from "../schema/report.js";
import type { ReportLanguage } from "../schema/vocabularies.js";
import { writeMarkdown } from "./_document.js";
import { reportDocument } from "./_reportDocument.js";
import { withPeerSections } from "./_peersDocument.js";
import { checkRendering } from "./_shared.js";
import type { ReportLabels } from "./i18n/labels.js";

/** Options of {@link renderMarkdown}. */
export interface RenderMarkdownOptions {
  /** A built-in language: `"en"` (default) or `"bg"`. */
  readonly lang?: ReportLanguage;
  /** Labels of another language; they take precedence over `lang`. */
  readonly labels?: ReportLabels;
}

/**
 * Renders a report as Markdown (CommonMark with GitHub tables): the context, a summary, then one
 * section per stage with tables, and the provenance with every parameter.
 *
 * Rules (designed by this project): labels, numbers, money and dates in the chosen language (via
 * `Intl` for its locale, dates in UTC so the host's time zone never shifts a day); every string
 * from the assessment is escaped (`\ * _ [ ] ( ) # | ` ! ~ $ { }` backslash-escaped, `& < >` as
 * character references, line breaks as spaces, a leading list or heading marker escaped, and the
 * colon of `javascript:`/`data:` as `&#58;`), so user text can never become a link, an image, HTML
 * or a new block. The same report always gives the same text.
 *
 * @param report - a report ({@link createReport}, or `parseReport` of a published one)
 * @param options - the language, or custom labels
 * @returns the Markdown text, ending with a newline
 * @throws AssessmentError `not_parsed` (`["report"]`) for a value that did not come from
 *   `createReport` or `parseReport`, `invalid_value` (`["options", "lang"]`) for an unknown
 *   language, `invalid_type` / `missing_field` (`["options", …]`) for malformed options
 * @example
 * ```ts
 * import { parseAssessment } from "icc-assessment/schema";
 * import { createReport, renderMarkdown } from "icc-assessment/report";
 * const report = createReport(
 *   parseAssessment({
 *     formatVersion: "1.0",
 *     city: { id: "sofia", name: "Sofia", country: "BG" },
 *     programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
 *     track: { id: "citizenParticipationDigitalPublicAdministration" },
 *     stakeholders: [{ id: "bcnl", name: "BCNL <script>", helix: "civilSociety", kind: "ngo" }],
 *     workshops: [],
 *     needs: [],
 *     solutions: [],
 *   }),
 *   { generatedAt: "2021-02-15" },
 * );
 * const md = renderMarkdown(report, { lang: "bg" });
 * md.split("\n")[0]; // => "# Доклад за зрелостта: Sofia"
 * md.includes("| BCNL &lt;script&gt; | Неправителствена организация | Гражданско общество |"); // => true
 * ```
 */
export function renderMarkdown(report: Report, options?: RenderMarkdownOptions): string {
  const labels = checkRendering(report, options);
  return writeMarkdown(withPeerSections(reportDocument(report, labels), report, labels));
}
