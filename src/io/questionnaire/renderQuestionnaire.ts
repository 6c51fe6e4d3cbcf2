import { describe, fail } from "../../_lib/assert.js";
import type { MaturityFramework } from "../../schema/framework.js";
import { reportLanguages, type ReportLanguage } from "../../schema/vocabularies.js";
import { renderCsvQuestionnaire } from "./_csv.js";
import { renderHtmlQuestionnaire } from "./_html.js";
import { questionnaireLabels } from "./_labels.js";
import { renderMarkdownQuestionnaire } from "./_markdown.js";
import { questionnaireModel } from "./_model.js";
import { localiseFramework } from "../../frameworks/localiseFramework.js";

/**
 * The formats of {@link renderQuestionnaire}: a Markdown document, an offline HTML form, a CSV
 * table.
 *
 * @example
 * ```ts
 * import { questionnaireFormats } from "icc-assessment/io";
 * questionnaireFormats; // => ["md", "html", "csv"]
 * ```
 */
export const questionnaireFormats = ["md", "html", "csv"] as const;
/** A questionnaire format. */
export type QuestionnaireFormat = (typeof questionnaireFormats)[number];

/** Options of {@link renderQuestionnaire}. */
export interface RenderQuestionnaireOptions {
  /** The language of the words around the framework's texts: `"en"` (default) or `"bg"`. */
  readonly lang?: ReportLanguage;
  /** `"md"` (default), `"html"` or `"csv"`. */
  readonly format?: QuestionnaireFormat;
}

/**
 * A framework's questionnaire — every question with its id, text (the question, else the title),
 * dimension, answer type, options or scale with each rubric text, and what each answer scores — as
 * Markdown, as a self-contained offline HTML form, or as CSV.
 *
 * What each answer scores is computed by `scoreMaturity` itself (each candidate answer scored as
 * the only answer of its own unit), so the document cannot disagree with scoring: binary yes/no,
 * each Likert point and categorical option, each multi-select option ticked alone (with the rule:
 * the ticked weights' sum, at least 0, over the sum of positive weights), each grid point with
 * every row rated so (the rows' mean maps linearly), and a numeric indicator's goalposts (low, mid,
 * high; a relative normalisation is described, as its score depends on the other units).
 *
 * - `md`: CommonMark with GFM tables; every framework text escaped; no links built from its URLs.
 * - `html`: a form an official fills in offline: a control per answer type (yes/no radios; radios
 *   along a Likert scale; a number input with its unit; radios for one option; checkboxes for
 *   several; a table of radios for a grid), each with a "not answered" state; answers checked in
 *   the page by the library's rules, emitted from the framework data; progress per dimension; a
 *   unit (city id) field; "Save answers" downloads an answers file (`parseAnswers` reads it) and
 *   "Open saved answers" reloads one. Inline CSS and one inline script allowed by its hash in a
 *   Content-Security-Policy that forbids any request.
 * - `csv`: RFC 4180, UTF-8 with a byte-order mark (for Excel), CRLF; one row per question, then
 *   one per answer and per grid row; a text cell starting like a formula gets a leading `'`.
 *
 * The framework's texts are printed in `lang` where the framework carries a translation
 * (`localiseFramework`: each text the translation leaves out stays in English), and the words
 * around them are in `lang`. Designed by this project.
 *
 * @param framework - a framework (built in, from `getFramework`, or from `defineFramework`)
 * @param options - `lang` and `format`
 * @returns the questionnaire as text
 * @throws AssessmentError `invalid_value` for an unknown `lang` or `format` (path `["options",
 *   "lang"]` or `["options", "format"]`); what `scoreMaturity` refuses in the framework (paths
 *   under `["framework"]`), such as a z-score normalisation
 * @example
 * ```ts
 * import { renderQuestionnaire } from "icc-assessment/io";
 * import { getFramework } from "icc-assessment/frameworks";
 * const md = renderQuestionnaire(getFramework("icc-citizen-participation"), { lang: "en", format: "md" });
 * md.split("\n")[0]; // => "# Questionnaire: Citizen participation and digital public administration maturity \\(designed for ICC cities\\)"
 * md.includes("| An annual budget line | `\"annual\"` | 70 | The yearly budget has a line for them. |"); // => true
 * ```
 */
export function renderQuestionnaire(
  framework: MaturityFramework,
  options: RenderQuestionnaireOptions = {},
): string {
  const lang: unknown = options.lang ?? "en";
  const format: unknown = options.format ?? "md";
  if (!(reportLanguages as readonly unknown[]).includes(lang)) {
    fail(
      "invalid_value",
      ["options", "lang"],
      `options.lang must be one of ${reportLanguages.join(", ")}, got ${describe(lang)}`,
    );
  }
  if (!(questionnaireFormats as readonly unknown[]).includes(format)) {
    fail(
      "invalid_value",
      ["options", "format"],
      `options.format must be one of ${questionnaireFormats.join(", ")}, got ${describe(format)}`,
    );
  }
  const labels = questionnaireLabels[lang as ReportLanguage];
  const model = questionnaireModel(localiseFramework(framework, lang as ReportLanguage));
  switch (format as QuestionnaireFormat) {
    case "md":
      return renderMarkdownQuestionnaire(model, labels);
    case "html":
      return renderHtmlQuestionnaire(model, labels);
    case "csv":
      return renderCsvQuestionnaire(model, labels);
  }
}
