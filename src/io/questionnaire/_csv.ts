/**
 * The questionnaire as CSV (RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds
 * a quote, a comma or a line break, quotes doubled), UTF-8 with a byte-order mark so that Excel
 * reads it as UTF-8. One row per question, then one per answer (option, scale point, yes/no) and
 * per grid row. A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
 * leading `'`, so a spreadsheet shows it as text and never runs it as a formula (OWASP, "CSV
 * injection"); numeric cells are plain numbers.
 */
import { cleanText } from "../../_lib/escape.js";
import type { QuestionnaireLabels } from "./_labels.js";
import type { QuestionnaireModel } from "./_model.js";
import { answerLabel, scoringRules, typeLabel } from "./_text.js";

/** A number as it is written in a CSV cell: full precision up to 6 decimals, `.` as separator. */
const num = (x: number | null | undefined): string =>
  x === null || x === undefined ? "" : String(Number(x.toFixed(6)) || 0);

/** A text cell: control characters made visible, a formula start defused, RFC 4180 quoting. */
function text(s: string): string {
  const t = cleanText(s);
  return /^[=+\-@\t\r]/.test(t) ? `'${t}` : t;
}

function field(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Renders the questionnaire as CSV text (with a leading byte-order mark). */
export function renderCsvQuestionnaire(
  model: QuestionnaireModel,
  labels: QuestionnaireLabels,
): string {
  const c = labels.csv;
  const fmt = (x: number) => num(x);
  const rows: string[][] = [
    [
      c.kind,
      c.question,
      c.dimension,
      c.dimensionTitle,
      c.type,
      c.title,
      c.text,
      c.answer,
      c.answerText,
      c.score,
      c.weight,
      c.unit,
      c.rule,
    ],
  ];
  for (const s of model.sections) {
    for (const q of s.questions) {
      const ind = q.indicator;
      const common = [text(ind.id), text(s.dimension.id), text(s.dimension.title)];
      const unit = ind.type === "numeric" ? text(ind.unit ?? "") : "";
      rows.push([
        text(c.kinds.question),
        ...common,
        text(typeLabel(q, labels)),
        text(ind.title),
        text(ind.question ?? ind.title),
        "",
        "",
        "",
        num(ind.weight ?? 1),
        unit,
        text(scoringRules(q, model, labels, fmt).join(" ")),
      ]);
      if (ind.type === "ratingGrid") {
        for (const r of ind.rows) {
          rows.push([
            text(c.kinds.row),
            ...common,
            "",
            "",
            "",
            text(r.id),
            text(r.text),
            "",
            "",
            "",
            "",
          ]);
        }
      }
      for (const a of q.answers) {
        const words = [answerLabel(q, a, labels, fmt), a.rubric]
          .filter((x): x is string => x !== undefined && x !== "")
          .join(" — ");
        rows.push([
          text(c.kinds.answer),
          ...common,
          "",
          "",
          "",
          text(String(a.value)),
          text(words),
          num(a.score),
          num(a.weight),
          unit,
          "",
        ]);
      }
    }
  }
  return `\uFEFF${rows.map((r) => r.map(field).join(",")).join("\r\n")}\r\n`;
}
