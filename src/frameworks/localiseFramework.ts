import type { PathSegment } from "../errors/AssessmentError.js";
import { describe, failAt } from "../_lib/assert.js";
import type { FrameworkTranslation, MaturityFramework } from "../schema/framework.js";

/**
 * The translation a framework carries for a language: the exact tag (`pt-BR`), else its primary
 * language (`pt`); `undefined` for English and for a language the framework is not translated into.
 */
function translationFor(
  framework: Pick<MaturityFramework, "translations">,
  lang: string,
): FrameworkTranslation | undefined {
  if (lang === "en") return undefined;
  const all = framework.translations ?? [];
  const primary = lang.split("-")[0];
  return all.find((t) => t.lang === lang) ?? all.find((t) => t.lang === primary);
}

/** Each entry of `list` by its key, so a translation is looked up once per text. */
function byKey<T>(list: readonly T[] | undefined, key: (t: T) => string): Map<string, T> {
  return new Map((list ?? []).map((t) => [key(t), t]));
}

/**
 * The framework with its texts in `lang`: titles, descriptions, notes, dimension and level titles,
 * level rubrics, question texts, option and row labels, units and answer rubrics. Each text the
 * translation gives replaces the English one; every text it leaves out stays in English (the
 * framework's own language), so the result is always complete. Ids, weights, scales, scores and
 * answers are unchanged, so scores computed on the result equal those on the framework.
 *
 * Fallback: the exact language tag (`pt-BR`), then its primary language (`pt`), then English.
 * Designed by this project.
 *
 * @param given - a framework (built-in, or from `defineFramework`)
 * @param lang - a language tag such as `"bg"`; `"en"` returns the framework's own texts
 * @returns a new framework object; the input is not changed
 * @throws AssessmentError `invalid_type` when `framework` is not a framework or `lang` not a string;
 *   `invalid_value` when a number of the framework (a scale, a weight, a score,
 *   a band) is not finite: the result carries the framework's numbers unchanged, so it never passes
 *   on NaN or ±Infinity. A language the framework does not carry is no error: it gives English.
 * @example
 * ```ts
 * import { iccCitizenParticipation, localiseFramework } from "icc-assessment/frameworks";
 * localiseFramework(iccCitizenParticipation, "bg").levels[0]?.title; // => "Начално"
 * localiseFramework(iccCitizenParticipation, "de").levels[0]?.title; // => "Initial"
 * ```
 */
export function localiseFramework(given: MaturityFramework, lang: string): MaturityFramework {
  if (typeof lang !== "string")
    failAt("invalid_type", ["lang"], `expected a language tag such as "bg", got ${describe(lang)}`);
  const isList = (v: unknown): boolean => Array.isArray(v);
  if (
    typeof given !== "object" ||
    given === null ||
    !isList(given.dimensions) ||
    !isList(given.indicators) ||
    !isList(given.levels) ||
    !(given.translations === undefined || isList(given.translations))
  )
    failAt(
      "invalid_type",
      ["framework"],
      `expected a framework (from defineFramework or a built-in one), got ${describe(given)}`,
    );
  const framework = finiteCopy(given);
  const t = translationFor(framework, lang);
  if (t === undefined) return framework;
  const dims = byKey(t.dimensions, (d) => d.id);
  const levels = byKey(t.levels, (l) => l.id);
  const inds = byKey(t.indicators, (i) => i.id);
  return {
    ...framework,
    title: t.title ?? framework.title,
    ...pick("description", t.description ?? framework.description),
    ...pick("notes", t.notes ?? framework.notes),
    dimensions: framework.dimensions.map((d) => {
      const td = dims.get(d.id);
      if (td === undefined) return d;
      return {
        ...d,
        title: td.title ?? d.title,
        ...pick("description", td.description ?? d.description),
      };
    }),
    levels: framework.levels.map((l) => {
      const tl = levels.get(l.id);
      if (tl === undefined) return l;
      return { ...l, title: tl.title ?? l.title, ...pick("rubric", tl.rubric ?? l.rubric) };
    }),
    indicators: framework.indicators.map((ind) => {
      const ti = inds.get(ind.id);
      if (ti === undefined) return ind;
      const rubric = byKey(ti.rubric, (r) => JSON.stringify(r.answer));
      const base = {
        ...ind,
        title: ti.title ?? ind.title,
        ...pick("question", ti.question ?? ind.question),
        ...pick("description", ti.description ?? ind.description),
        ...pick(
          "rubric",
          ind.rubric?.map((r) => ({
            ...r,
            text: rubric.get(JSON.stringify(r.answer))?.text ?? r.text,
          })),
        ),
      };
      switch (base.type) {
        case "categorical":
        case "multiSelect": {
          const options = byKey(ti.options, (o) => o.value);
          const texts = (o: { value: string; text?: string | undefined }) =>
            pick("text", options.get(o.value)?.text ?? o.text);
          if (base.type === "categorical")
            return { ...base, options: base.options.map((o) => ({ ...o, ...texts(o) })) };
          return { ...base, options: base.options.map((o) => ({ ...o, ...texts(o) })) };
        }
        case "ratingGrid": {
          const rows = byKey(ti.rows, (r) => r.id);
          return {
            ...base,
            rows: base.rows.map((r) => ({ ...r, text: rows.get(r.id)?.text ?? r.text })),
          };
        }
        case "numeric":
          return { ...base, ...pick("unit", ti.unit ?? base.unit) };
        default:
          return base;
      }
    }),
  };
}

/** `{ [key]: value }`, or nothing when the value is undefined (optional fields stay absent). */
function pick<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/**
 * A copy of the framework's data: a number that is not finite is refused at its path, and -0 is
 * read as 0, so the result never carries NaN, ±Infinity or -0 (a framework is small: a plain
 * recursive copy bounded by the format's shape).
 */
function finiteCopy(framework: MaturityFramework): MaturityFramework {
  const copy = (v: unknown, path: PathSegment[]): unknown => {
    if (typeof v === "number") {
      if (!Number.isFinite(v))
        failAt(
          "invalid_value",
          ["framework", ...path],
          `expected a finite number, got ${describe(v)}`,
        );
      return v + 0;
    }
    if (Array.isArray(v)) return v.map((x: unknown, i) => copy(x, [...path, i]));
    if (typeof v === "object" && v !== null && path.length < 8) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = copy(x, [...path, k]);
      return out;
    }
    return v;
  };
  return copy(framework, []) as MaturityFramework;
}
