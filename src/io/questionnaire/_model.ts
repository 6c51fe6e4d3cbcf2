/**
 * The questionnaire of a framework as data: its dimensions in tree order, each question with its
 * answers and what each answer scores. The scores are computed by `scoreMaturity` itself, each
 * candidate answer scored as one unit's only answer, so the document cannot drift from scoring.
 */
import { scoreMaturity } from "../../maturity/scoreMaturity.js";
import { DEFAULT_SCALE } from "../../schema/checkFramework.js";
import type { Observation } from "../../schema/entities.js";
import type { Dimension, Indicator, MaturityFramework } from "../../schema/framework.js";

/** One answer of a question: how it reads, what the answers file holds, what it scores. */
export interface AnswerModel {
  /** The option id, the scale point, true/false: the value in the answers file. */
  readonly value: string | number | boolean;
  /** The option's own text, when it has one. */
  readonly text: string | undefined;
  /** The rubric's text for this answer, when the framework gives one. */
  readonly rubric: string | undefined;
  /** multiSelect: the option's weight. */
  readonly weight: number | undefined;
  /**
   * The score of this answer on the framework scale: binary, Likert and categorical the answer's
   * own; multiSelect the option ticked alone; ratingGrid every row rated so; numeric the value.
   */
  readonly score: number | null;
}

/** One question. */
export interface QuestionModel {
  /** 1-based, in document order. */
  readonly number: number;
  readonly indicator: Indicator;
  /** The dimension and its ancestors, nearest first. */
  readonly dimensions: readonly string[];
  readonly answers: readonly AnswerModel[];
  /** multiSelect: the sum of the positive weights. */
  readonly positive: number;
  /** numeric: unit "%" (answers 0–100). */
  readonly percent: boolean;
  /** The direction the scoring applied. */
  readonly direction: 1 | -1;
}

/** One dimension section: the dimension, its depth, its own questions. */
export interface SectionModel {
  readonly dimension: Dimension;
  readonly depth: number;
  /** 1-based number path, e.g. "2.1". */
  readonly number: string;
  readonly questions: readonly QuestionModel[];
  /** Questions in this dimension and below. */
  readonly total: number;
}

/** The whole questionnaire. */
export interface QuestionnaireModel {
  readonly framework: MaturityFramework;
  readonly scale: { readonly min: number; readonly max: number };
  readonly sections: readonly SectionModel[];
  readonly questions: readonly QuestionModel[];
}

/** The rubric's text for an answer. */
function rubricOf(ind: Indicator, answer: string | number | boolean): string | undefined {
  return ind.rubric?.find((r) => r.answer === answer)?.text;
}

/** The candidate answers of an indicator and the observation value that scores each. */
function candidates(
  ind: Indicator,
): { answer: AnswerModel; observed: Observation["value"] | undefined }[] {
  const base = (value: string | number | boolean, text?: string, weight?: number) => ({
    value,
    text,
    rubric: rubricOf(ind, value),
    weight,
    score: null,
  });
  const points = (lo: number, hi: number) => {
    const out: number[] = [];
    for (let v = lo; v <= hi; v++) out.push(v);
    return out;
  };
  switch (ind.type) {
    case "binary":
      return [true, false].map((v) => ({ answer: base(v), observed: v }));
    case "likert":
      return points(ind.scale.min, ind.scale.max).map((v) => ({ answer: base(v), observed: v }));
    case "categorical":
      return ind.options.map((o) => ({ answer: base(o.value, o.text), observed: o.value }));
    case "multiSelect":
      return ind.options.map((o) => ({
        answer: base(o.value, o.text, o.weight),
        observed: [o.value],
      }));
    case "ratingGrid":
      return points(ind.scale.min, ind.scale.max).map((v) => ({
        answer: base(v),
        observed: ind.rows.map((r) => ({ row: r.id, value: v })),
      }));
    case "numeric": {
      const spec = ind.normalisation;
      if (spec.method !== "goalposts") return [];
      const mid = (spec.low + spec.high) / 2;
      return [spec.low, mid, spec.high].map((v) => ({ answer: base(v), observed: v }));
    }
  }
}

/**
 * Builds the questionnaire model. Every score comes from one `scoreMaturity` call: unit `a<j>`
 * gives every indicator its j-th candidate answer (an indicator's score depends on its own answer
 * alone, and numeric indicators with a relative normalisation get no candidates), so the call
 * scores as many units as the longest list of candidates.
 *
 * @throws AssessmentError what `scoreMaturity` refuses in the framework
 */
export function questionnaireModel(framework: MaturityFramework): QuestionnaireModel {
  const scale = framework.scale ?? DEFAULT_SCALE;
  const perIndicator = framework.indicators.map(candidates);
  const observations: Observation[] = [];
  perIndicator.forEach((list, k) =>
    list.forEach((c, j) => {
      const indicator = framework.indicators[k]?.id ?? "";
      observations.push({ unit: `a${j}`, indicator, value: c.observed ?? null });
    }),
  );
  // the framework is checked by scoreMaturity even when there is nothing to score
  const result = scoreMaturity(framework, observations, { zeroPolicy: { nonPositive: "shift" } });
  const byUnit = new Map(result.units.map((u) => [u.unit, u]));
  const direction = new Map(result.method.indicators.map((m) => [m.id, m.direction]));

  const dims = framework.dimensions;
  const children = new Map<string | undefined, Dimension[]>();
  for (const d of dims) {
    const list = children.get(d.parent) ?? [];
    list.push(d);
    children.set(d.parent, list);
  }
  const parentOf = new Map(dims.map((d) => [d.id, d.parent]));
  const ancestry = (id: string): string[] => {
    const out: string[] = [];
    for (let p: string | undefined = id; p !== undefined; p = parentOf.get(p)) out.push(p);
    return out;
  };

  const byDimension = new Map<string, { ind: Indicator; k: number }[]>();
  framework.indicators.forEach((ind, k) => {
    const list = byDimension.get(ind.dimension) ?? [];
    list.push({ ind, k });
    byDimension.set(ind.dimension, list);
  });

  const sections: SectionModel[] = [];
  const questions: QuestionModel[] = [];
  const visit = (parent: string | undefined, prefix: string, depth: number): number => {
    let total = 0;
    (children.get(parent) ?? []).forEach((d, i) => {
      const number = prefix === "" ? String(i + 1) : `${prefix}.${i + 1}`;
      const own: QuestionModel[] = (byDimension.get(d.id) ?? []).map(({ ind, k }) => {
        const answers = (perIndicator[k] ?? []).map((c, j) => {
          const u = byUnit.get(`a${j}`);
          return { ...c.answer, score: u?.indicators[k]?.score ?? null };
        });
        const q: QuestionModel = {
          number: questions.length + 1,
          indicator: ind,
          dimensions: ancestry(d.id),
          answers,
          positive:
            ind.type === "multiSelect"
              ? ind.options.reduce((s, o) => (o.weight > 0 ? s + o.weight : s), 0)
              : 0,
          percent: ind.type === "numeric" && ind.unit?.trim() === "%",
          direction: direction.get(ind.id) ?? 1,
        };
        questions.push(q);
        return q;
      });
      const section = { dimension: d, depth, number, questions: own, total: 0 };
      sections.push(section);
      const below = visit(d.id, number, depth + 1);
      (section as { total: number }).total = own.length + below;
      total += own.length + below;
    });
    return total;
  };
  visit(undefined, "", 0);
  return { framework, scale, sections, questions };
}
