/** The questionnaire as Markdown (CommonMark + GFM tables). Every framework text is escaped. */
import { escapeMarkdown } from "../../_lib/escape.js";
import { resolveBands } from "../../schema/checkFramework.js";
import { fill, type QuestionnaireLabels, provenanceText } from "./_labels.js";
import type { QuestionModel, QuestionnaireModel } from "./_model.js";
import {
  answerLabel,
  fileValue,
  numberFormat,
  scoringRules,
  typeLabel,
  type NumberFormat,
} from "./_text.js";

const e = escapeMarkdown;
/** An id or a JSON value in a code span (ids and option values have no backtick). */
const code = (s: string): string => (s.includes("`") ? `\`\` ${s} \`\`` : `\`${s}\``);

function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ];
}

function question(
  q: QuestionModel,
  model: QuestionnaireModel,
  labels: QuestionnaireLabels,
  fmt: NumberFormat,
  level: number,
): string[] {
  const ind = q.indicator;
  const score = (s: number | null) => (s === null ? "—" : fmt(s));
  const out: string[] = [`${"#".repeat(level)} ${q.number}. ${e(ind.title)} (${code(ind.id)})`, ""];
  if (ind.question !== undefined) out.push(e(ind.question), "");
  if (ind.description !== undefined) out.push(`*${e(ind.description)}*`, "");
  const facts = [
    `${labels.answerType}: ${e(typeLabel(q, labels))}`,
    `${labels.weight}: ${fmt(ind.weight ?? 1)}`,
  ];
  if (ind.type === "numeric" && ind.unit !== undefined)
    facts.push(`${labels.unit}: ${e(ind.unit)}`);
  out.push(facts.join(" · "), "");
  for (const rule of scoringRules(q, model, labels, fmt)) out.push(`- ${e(rule)}`);
  out.push("");
  const meaning = (text: string | undefined, rubric: string | undefined) =>
    [text, rubric]
      .filter((x): x is string => x !== undefined && x !== "")
      .map(e)
      .join(" — ");
  switch (ind.type) {
    case "ratingGrid":
      out.push(
        ...table(
          [labels.row, labels.valueInFile],
          ind.rows.map((r) => [
            e(r.text),
            code(JSON.stringify({ row: r.id, value: ind.scale.min })),
          ]),
        ),
        "",
        ...table(
          [labels.rating, labels.ifEveryRow, labels.meaning],
          q.answers.map((a) => [
            fmt(a.value as number),
            score(a.score),
            meaning(undefined, a.rubric),
          ]),
        ),
      );
      break;
    case "multiSelect":
      out.push(
        ...table(
          [labels.option, labels.valueInFile, labels.weight, labels.ifTickedAlone, labels.meaning],
          q.answers.map((a) => [
            e(answerLabel(q, a, labels, fmt)),
            code(String(a.value)),
            fmt(a.weight ?? 0),
            score(a.score),
            meaning(undefined, a.rubric),
          ]),
        ),
      );
      break;
    default:
      if (q.answers.length > 0) {
        out.push(
          ...table(
            [labels.answer, labels.valueInFile, labels.scores, labels.meaning],
            q.answers.map((a) => [
              e(answerLabel(q, a, labels, fmt)),
              code(fileValue(q, a)),
              score(a.score),
              meaning(undefined, a.rubric),
            ]),
          ),
        );
      }
  }
  out.push("");
  return out;
}

/** Renders the questionnaire as Markdown. */
export function renderMarkdownQuestionnaire(
  model: QuestionnaireModel,
  labels: QuestionnaireLabels,
): string {
  const fw = model.framework;
  const fmt = numberFormat(labels);
  const out: string[] = [
    `# ${e(fill(labels.title, { title: fw.title }))}`,
    "",
    fill(labels.meta, {
      id: fw.id,
      version: e(fw.version),
      provenance: provenanceText(fw, labels),
      questions: model.questions.length,
      dimensions: fw.dimensions.length,
      min: fmt(model.scale.min),
      max: fmt(model.scale.max),
    }),
    "",
  ];
  if (fw.description !== undefined) out.push(e(fw.description), "");
  if (fw.provenance !== "documented") out.push(`*${e(labels.designedNotice)}*`, "");
  out.push(`## ${labels.contents}`, "");
  for (const s of model.sections) {
    out.push(
      `${"  ".repeat(s.depth)}- ${s.number}. ${e(s.dimension.title)} (${code(s.dimension.id)}) — ${fill(labels.questionsIn, { n: s.total })}`,
    );
  }
  out.push("", `## ${labels.howScored}`, "");
  out.push(
    e(
      fill(labels.howScoredText, {
        min: fmt(model.scale.min),
        max: fmt(model.scale.max),
        coverage: `${fmt((fw.minCoverage ?? 0.5) * 100)} %`,
      }),
    ),
    "",
  );
  out.push(
    ...table(
      [labels.level, labels.range],
      resolveBands(fw).map((b) => [
        `${e(b.title)} (${code(b.id)})`,
        `${fmt(b.min)} ${b.minInclusive ? "≤" : "<"} ${labels.scoreWord} ${b.maxInclusive ? "≤" : "<"} ${fmt(b.max)}`,
      ]),
    ),
    "",
  );
  for (const s of model.sections) {
    const level = Math.min(2 + s.depth, 5);
    out.push(
      `${"#".repeat(level)} ${s.number}. ${e(s.dimension.title)} (${code(s.dimension.id)})`,
      "",
    );
    if (s.dimension.description !== undefined) out.push(e(s.dimension.description), "");
    for (const q of s.questions) out.push(...question(q, model, labels, fmt, level + 1));
  }
  if (fw.sources.length > 0) {
    out.push(`## ${labels.sources}`, "");
    for (const src of fw.sources) {
      const parts = [e(src.title)];
      if (src.url !== undefined) parts.push(code(src.url));
      if (src.note !== undefined) parts.push(e(src.note));
      out.push(`- ${parts.join(" — ")}`);
    }
    out.push("");
  }
  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}
