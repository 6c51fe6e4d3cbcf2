/** Words shared by the three questionnaire formats: answer labels, scoring rules, numbers. */
import type { QuestionnaireLabels } from "./_labels.js";
import { fill } from "./_labels.js";
import type { AnswerModel, QuestionModel, QuestionnaireModel } from "./_model.js";

/** Formats numbers for display in a language (up to two decimals; round only for display). */
export type NumberFormat = (x: number) => string;

/** A display formatter for the labels' locale. */
export function numberFormat(labels: QuestionnaireLabels): NumberFormat {
  const f = new Intl.NumberFormat(labels.locale, { maximumFractionDigits: 2, useGrouping: false });
  return (x) => f.format(x === 0 ? 0 : x);
}

/** How an answer reads: yes/no, the scale point, or the option's text (else its id). */
export function answerLabel(
  q: QuestionModel,
  a: AnswerModel,
  labels: QuestionnaireLabels,
  fmt: NumberFormat,
): string {
  if (typeof a.value === "boolean") return a.value ? labels.yes : labels.no;
  if (typeof a.value === "number") {
    const unit = q.indicator.type === "numeric" ? q.indicator.unit : undefined;
    return unit === undefined ? fmt(a.value) : `${fmt(a.value)} ${unit}`;
  }
  return a.text ?? a.value;
}

/** The value an answer takes in the answers file, as JSON. */
export function fileValue(q: QuestionModel, a: AnswerModel): string {
  switch (q.indicator.type) {
    case "multiSelect":
      return JSON.stringify([a.value]);
    case "ratingGrid":
      return JSON.stringify([{ row: q.indicator.rows[0]?.id ?? "", value: a.value }]);
    default:
      return JSON.stringify(a.value);
  }
}

/** The answer type in words, with the scale when it has one. */
export function typeLabel(q: QuestionModel, labels: QuestionnaireLabels): string {
  const ind = q.indicator;
  const words = labels.types[ind.type];
  return ind.type === "likert" || ind.type === "ratingGrid"
    ? `${words} ${ind.scale.min}–${ind.scale.max}`
    : words;
}

/** What each answer scores, in sentences: the scoring rule, the direction, the unanswered policy. */
export function scoringRules(
  q: QuestionModel,
  model: QuestionnaireModel,
  labels: QuestionnaireLabels,
  fmt: NumberFormat,
): string[] {
  const ind = q.indicator;
  const r = labels.rules;
  const min = fmt(model.scale.min);
  const max = fmt(model.scale.max);
  const out: string[] = [];
  const score = (a: AnswerModel | undefined) =>
    a?.score === null || a?.score === undefined ? "—" : fmt(a.score);
  switch (ind.type) {
    case "binary":
      out.push(fill(r.binary, { yes: score(q.answers[0]), no: score(q.answers[1]) }));
      break;
    case "likert":
      out.push(fill(r.likert, { lo: ind.scale.min, hi: ind.scale.max, min, max }));
      break;
    case "categorical":
      out.push(r.categorical);
      break;
    case "multiSelect":
      out.push(fill(r.multiSelect, { positive: fmt(q.positive), min, max }));
      break;
    case "ratingGrid":
      out.push(fill(r.ratingGrid, { lo: ind.scale.min, hi: ind.scale.max, min, max }));
      break;
    case "numeric": {
      const spec = ind.normalisation;
      if (spec.method === "goalposts") {
        const unit = ind.unit === undefined ? "" : ` ${ind.unit}`;
        out.push(
          fill(q.direction === -1 ? r.goalpostsReversed : r.goalposts, {
            low: `${fmt(spec.low)}${unit}`,
            high: `${fmt(spec.high)}${unit}`,
            lowScore: score(q.answers[0]),
            highScore: score(q.answers[2]),
          }),
        );
      } else out.push(fill(r.relative, { method: spec.method }));
      if (q.percent) out.push(r.percent);
      break;
    }
  }
  if (q.direction === -1 && ind.type !== "numeric") out.push(r.reversed);
  out.push(ind.unanswered === "zero" ? fill(r.zero, { min }) : r.skip);
  return out;
}
