import type { Indicator, MaturityFramework } from "../schema/framework.js";
import type { ReportLanguage } from "../schema/vocabularies.js";
import type { ObservedValue } from "../maturity/scoreMaturity.js";
import { checkRecord, checkWhole, describe, fail, isRecord } from "../_lib/assert.js";
import type { RecommendActionsResult } from "./recommendActions.js";

/** Options of {@link needsFromGaps}. */
export interface NeedsFromGapsOptions {
  /** How many of the top recommendations become needs (default 5). */
  readonly limit?: number;
  /** The language of the sentence around the framework's texts: `"en"` (default) or `"bg"`. */
  readonly lang?: ReportLanguage;
  /** The prefix of the draft needs' ids (default `"gap-"`), followed by the indicator id. */
  readonly prefix?: string;
}

/** A draft need: the shape of an assessment's need (`NeedSchema`), ready to paste and edit. */
export interface DraftNeed {
  readonly id: string;
  readonly statement: string;
  readonly dimension: string;
  /** Empty: the workshop fills in who raises it. */
  readonly raisedBy: readonly string[];
}

/** The result of {@link needsFromGaps}. */
export interface NeedsFromGapsResult {
  readonly provenance: "designed";
  readonly rule: string;
  readonly needs: readonly DraftNeed[];
  /** Where each draft need comes from: the recommendation's indicator and gain. */
  readonly basis: readonly {
    readonly need: string;
    readonly indicator: string;
    readonly dimension: string;
    readonly gain: number | null;
  }[];
}

const RULE =
  "one draft need per top recommendation (by gain in the overall score): the dimension, the goal level, the question, today's answer and the suggested answer, in the framework's own words";

const WORDS = {
  en: {
    unanswered: "not answered",
    yes: "yes",
    no: "no",
    none: "none",
    of: "of",
    frame: (dim: string, goal: string, question: string, now: string, aim: string) =>
      `To move "${dim}" to the level "${goal}": ${question} Today: ${now}. Aim: ${aim}.`,
  },
  bg: {
    unanswered: "без отговор",
    yes: "да",
    no: "не",
    none: "нищо",
    of: "от",
    frame: (dim: string, goal: string, question: string, now: string, aim: string) =>
      `За да достигне „${dim}“ ниво „${goal}“: ${question} Днес: ${now}. Цел: ${aim}.`,
  },
} as const;

type Words = (typeof WORDS)[ReportLanguage];

/** An answer in words: the rubric's text for it when there is one, else the framework's option texts. */
function answerText(ind: Indicator, value: ObservedValue, w: Words): string {
  if (value === null) return w.unanswered;
  const rubric = ind.rubric?.find((r) => r.answer === value);
  if (rubric) return rubric.text.trim().replace(/[.!?]+$/, "");
  switch (ind.type) {
    case "binary":
      return value === true ? w.yes : w.no;
    case "likert":
      return `${String(value)} (${ind.scale.min}–${ind.scale.max})`;
    case "categorical": {
      const o = ind.options.find((x) => x.value === value);
      return o?.text ?? String(value);
    }
    case "multiSelect": {
      const ticked = value as readonly string[];
      const texts = ind.options
        .filter((o) => ticked.includes(o.value))
        .map((o) => o.text ?? o.value);
      return texts.length === 0 ? w.none : texts.join("; ");
    }
    case "ratingGrid": {
      const cells = value as readonly { row: string; value: number }[];
      return ind.rows
        .map((r) => {
          const c = cells.find((x) => x.row === r.id);
          return c === undefined ? null : `${r.text}: ${c.value}`;
        })
        .filter((x) => x !== null)
        .join("; ");
    }
    case "numeric":
      return `${String(value)}${ind.unit ? ` ${ind.unit}` : ""}`;
  }
}

/**
 * Turns the top recommendations of {@link recommendActions} into draft needs a needs-assessment
 * workshop can start from: one need per recommendation, in the shape of an assessment's need
 * (`id`, `statement`, `dimension`, `raisedBy: []`).
 *
 * Rules (designed by this project; docs/methodology/benchmarking.md): the statement is the
 * framework's own texts — the dimension and goal level titles, the question (else the indicator's
 * title), and the rubric's text of today's and of the suggested answer, without its final full stop (else the option texts) —
 * in a sentence in English or Bulgarian. The framework's texts are quoted as the framework writes
 * them (the built-in frameworks are in English). `raisedBy` is empty: the workshop decides who
 * raises a need; the id is the prefix and the indicator id.
 *
 * @param result - the result of {@link recommendActions}
 * @param framework - the framework the recommendations were computed on
 * @param options - how many needs, the language, the id prefix
 * @returns the draft needs and where each comes from
 * @throws AssessmentError `invalid_type` (result or options not an object), `framework_mismatch`
 *   (another framework than the result's), `out_of_range` / `invalid_value` (options)
 * @example
 * ```ts
 * import { defineFramework, parseAssessment } from "icc-assessment/schema";
 * import { needsFromGaps, recommendActions } from "icc-assessment/benchmark";
 * const framework = defineFramework({
 *   id: "mini", version: "1.0", title: "Mini", provenance: "designed", sources: [],
 *   dimensions: [{ id: "d", title: "Open data" }],
 *   indicators: [
 *     { id: "portal", dimension: "d", type: "binary", title: "Open data portal",
 *       question: "Does the city run an open data portal?" },
 *   ],
 *   levels: [
 *     { id: "low", title: "Low", min: 0, max: 50 },
 *     { id: "high", title: "High", min: 50, max: 100 },
 *   ],
 * });
 * const a = parseAssessment(
 *   {
 *     formatVersion: "1.0",
 *     city: { id: "sofia", name: "Sofia", country: "BG" },
 *     programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
 *     track: { id: "citizenParticipationDigitalPublicAdministration" },
 *     stakeholders: [], workshops: [], needs: [], solutions: [],
 *     maturity: {
 *       framework: { id: "mini", version: "1.0" },
 *       observations: [{ unit: "sofia", indicator: "portal", value: false }],
 *     },
 *   },
 *   { frameworks: [framework] },
 * );
 * const { needs } = needsFromGaps(recommendActions(a, framework), framework);
 * needs[0]; // => { id: "gap-portal", dimension: "d", raisedBy: [], statement: 'To move "Open data" to the level "High": Does the city run an open data portal? Today: no. Aim: yes.' }
 * ```
 */
export function needsFromGaps(
  result: RecommendActionsResult,
  framework: MaturityFramework,
  options: NeedsFromGapsOptions = {},
): NeedsFromGapsResult {
  if (!isRecord(result) || !Array.isArray(result.recommendations)) {
    return fail(
      "invalid_type",
      ["result"],
      `result must be the result of recommendActions, got ${describe(result)}`,
    );
  }
  const o = checkRecord(options, ["options"], "options");
  const limit =
    o["limit"] === undefined ? 5 : checkWhole(o["limit"], ["options", "limit"], "limit", 0, 10_000);
  const lang = o["lang"] ?? "en";
  if (lang !== "en" && lang !== "bg") {
    return fail(
      "invalid_value",
      ["options", "lang"],
      `lang must be one of en, bg, got ${describe(lang)}`,
    );
  }
  const prefix = o["prefix"] ?? "gap-";
  if (typeof prefix !== "string" || !/^[A-Za-z0-9._:-]*$/.test(prefix) || prefix.length > 50) {
    return fail(
      "invalid_value",
      ["options", "prefix"],
      `prefix must be up to 50 letters, digits or . _ : -, got ${describe(prefix)}`,
    );
  }
  if (
    !isRecord(framework) ||
    framework.id !== result.framework.id ||
    framework.version !== result.framework.version
  ) {
    return fail(
      "framework_mismatch",
      ["framework"],
      `the recommendations are on framework ${result.framework.id}@${result.framework.version}, got ${
        isRecord(framework)
          ? `${String(framework["id"])}@${String(framework["version"])}`
          : describe(framework)
      }`,
    );
  }
  const w = WORDS[lang];
  const indicators = new Map(framework.indicators.map((i) => [i.id, i]));
  const dims = new Map(result.dimensions.map((d) => [d.id, d]));
  const needs: DraftNeed[] = [];
  const basis: NeedsFromGapsResult["basis"][number][] = [];
  for (const r of result.recommendations.slice(0, limit)) {
    // the result comes from recommendActions on this framework (same id and version)
    const ind = indicators.get(r.indicator) as Indicator;
    const dim = dims.get(r.dimension) as RecommendActionsResult["dimensions"][number];
    const id = `${prefix}${r.indicator}`.slice(0, 100);
    const statement = w.frame(
      dim.title,
      dim.goal.title,
      ind.question ?? `${ind.title}.`,
      answerText(ind, r.current, w),
      answerText(ind, r.suggested, w),
    );
    needs.push({ id, statement, dimension: r.dimension, raisedBy: [] });
    basis.push({ need: id, indicator: r.indicator, dimension: r.dimension, gain: r.gain });
  }
  return { provenance: "designed", rule: RULE, needs, basis };
}
