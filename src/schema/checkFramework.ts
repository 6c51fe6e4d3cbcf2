import type { Issue, PathSegment } from "../errors/AssessmentError.js";
import type { MaturityFramework } from "./framework.js";

/** The default score scale of a framework: [0, 100]. */
export const DEFAULT_SCALE = { min: 0, max: 100 } as const;

/**
 * A level band with its inclusivity resolved: lower bound inclusive and upper exclusive by
 * default, the top band including the maximum of the scale.
 */
export interface ResolvedBand {
  readonly id: string;
  readonly title: string;
  readonly min: number;
  readonly max: number;
  readonly minInclusive: boolean;
  readonly maxInclusive: boolean;
  readonly rubric?: string;
}

/** Resolves band inclusivity defaults and sorts bands by lower bound (then id). */
export function resolveBands(
  framework: Pick<MaturityFramework, "levels" | "scale">,
): ResolvedBand[] {
  const scale = framework.scale ?? DEFAULT_SCALE;
  const sorted = [...framework.levels].sort(
    (a, b) => a.min - b.min || a.max - b.max || (a.id < b.id ? -1 : 1),
  );
  return sorted.map((b) => ({
    id: b.id,
    title: b.title,
    min: b.min,
    max: b.max,
    minInclusive: b.minInclusive ?? true,
    maxInclusive: b.maxInclusive ?? b.max === scale.max,
    ...(b.rubric !== undefined ? { rubric: b.rubric } : {}),
  }));
}

/**
 * Checks the rules of a framework that its shape cannot express, without zod (so the scoring code
 * can run it too): unique ids, resolvable dimension and parent references, no cycle in the
 * dimension tree, sane scales and options, sibling weights with a positive sum, and level bands
 * that cover the score scale with no gap and no overlap, taking inclusivity into account.
 *
 * @returns the issues found; empty when the framework is sound
 */
export function checkFramework(f: MaturityFramework): Issue[] {
  const out: Issue[] = [];
  const push = (code: Issue["code"], path: PathSegment[], message: string) =>
    out.push({ code, path, message });

  const scale = f.scale ?? DEFAULT_SCALE;
  if (!(scale.min < scale.max))
    push(
      "invalid_value",
      ["scale"],
      `scale.min must be below scale.max, got [${scale.min}, ${scale.max}]`,
    );

  const dimIndex = new Map<string, number>();
  f.dimensions.forEach((d, i) => {
    if (dimIndex.has(d.id))
      push(
        "duplicate_id",
        ["dimensions", i, "id"],
        `duplicate dimension id ${JSON.stringify(d.id)}`,
      );
    else dimIndex.set(d.id, i);
  });
  f.dimensions.forEach((d, i) => {
    if (d.parent !== undefined && !dimIndex.has(d.parent)) {
      push(
        "unknown_reference",
        ["dimensions", i, "parent"],
        `unknown parent dimension ${JSON.stringify(d.parent)}`,
      );
    }
  });
  // cycles in the parent chain
  f.dimensions.forEach((d, i) => {
    const seen = new Set<string>([d.id]);
    let p = d.parent;
    while (p !== undefined) {
      if (seen.has(p)) {
        push(
          "cycle",
          ["dimensions", i, "parent"],
          `dimension ${JSON.stringify(d.id)} is its own ancestor through ${[...seen].join(" → ")}`,
        );
        break;
      }
      seen.add(p);
      const pi = dimIndex.get(p);
      p = pi === undefined ? undefined : f.dimensions[pi]?.parent;
    }
  });

  const indIndex = new Map<string, number>();
  const childWeights = new Map<string, number>();
  const childCount = new Map<string, number>();
  const addChild = (parent: string, w: number) => {
    childWeights.set(parent, (childWeights.get(parent) ?? 0) + w);
    childCount.set(parent, (childCount.get(parent) ?? 0) + 1);
  };
  f.indicators.forEach((ind, i) => {
    const p: PathSegment[] = ["indicators", i];
    if (indIndex.has(ind.id))
      push("duplicate_id", [...p, "id"], `duplicate indicator id ${JSON.stringify(ind.id)}`);
    else indIndex.set(ind.id, i);
    if (dimIndex.has(ind.id))
      push(
        "duplicate_id",
        [...p, "id"],
        `indicator id ${JSON.stringify(ind.id)} is also a dimension id`,
      );
    if (!dimIndex.has(ind.dimension))
      push(
        "unknown_reference",
        [...p, "dimension"],
        `unknown dimension ${JSON.stringify(ind.dimension)}`,
      );
    else addChild(ind.dimension, ind.weight ?? 1);
    switch (ind.type) {
      case "likert":
      case "ratingGrid":
        if (!(ind.scale.min < ind.scale.max))
          push(
            "invalid_value",
            [...p, "scale"],
            `scale.min must be below scale.max, got [${ind.scale.min}, ${ind.scale.max}]`,
          );
        if (ind.type === "ratingGrid") {
          const rows = new Set<string>();
          ind.rows.forEach((r, j) => {
            if (rows.has(r.id))
              push(
                "duplicate_id",
                [...p, "rows", j, "id"],
                `duplicate row id ${JSON.stringify(r.id)}`,
              );
            rows.add(r.id);
          });
        }
        break;
      case "categorical":
      case "multiSelect": {
        const values = new Set<string>();
        ind.options.forEach((o, j) => {
          if (values.has(o.value))
            push(
              "duplicate_id",
              [...p, "options", j, "value"],
              `duplicate option ${JSON.stringify(o.value)}`,
            );
          values.add(o.value);
        });
        if (ind.type === "categorical") {
          ind.options.forEach((o, j) => {
            if (o.score < scale.min || o.score > scale.max) {
              push(
                "out_of_range",
                [...p, "options", j, "score"],
                `option score must lie on the framework scale [${scale.min}, ${scale.max}], got ${o.score}`,
              );
            }
          });
        } else if (!ind.options.some((o) => o.weight > 0)) {
          push(
            "zero_weights",
            [...p, "options"],
            "a multiSelect indicator needs at least one option with a positive weight",
          );
        }
        break;
      }
      case "numeric": {
        const n = ind.normalisation;
        if (n.method === "goalposts" && n.low === n.high)
          push(
            "zero_spread",
            [...p, "normalisation"],
            `goalposts low and high must differ, got ${n.low} and ${n.high}`,
          );
        if (n.method === "minMax" && n.range && !(n.range[0] < n.range[1]))
          push(
            "invalid_value",
            [...p, "normalisation", "range"],
            `range must be increasing, got [${n.range[0]}, ${n.range[1]}]`,
          );
        break;
      }
      case "binary":
        break;
    }
  });
  f.dimensions.forEach((d) => {
    if (d.parent !== undefined && dimIndex.has(d.parent)) addChild(d.parent, d.weight ?? 1);
  });
  f.dimensions.forEach((d, i) => {
    if ((childCount.get(d.id) ?? 0) === 0) {
      push(
        "empty",
        ["dimensions", i],
        `dimension ${JSON.stringify(d.id)} has no indicators and no sub-dimensions`,
      );
    } else if (!((childWeights.get(d.id) ?? 0) > 0)) {
      push(
        "zero_weights",
        ["dimensions", i],
        `the weights of dimension ${JSON.stringify(d.id)}'s components must sum to a positive number, got 0`,
      );
    }
  });
  const top = f.dimensions.filter((d) => d.parent === undefined);
  if (top.length === 0)
    push("empty", ["dimensions"], "a framework needs at least one top-level dimension");
  else if (!(top.reduce((s, d) => s + (d.weight ?? 1), 0) > 0))
    push(
      "zero_weights",
      ["dimensions"],
      "the weights of the top-level dimensions must sum to a positive number, got 0",
    );

  // bands
  const levelIds = new Map<string, number>();
  f.levels.forEach((b, i) => {
    if (levelIds.has(b.id))
      push("duplicate_id", ["levels", i, "id"], `duplicate level id ${JSON.stringify(b.id)}`);
    else levelIds.set(b.id, i);
    if (!(b.min < b.max))
      push(
        "invalid_value",
        ["levels", i],
        `level ${JSON.stringify(b.id)} needs min < max, got [${b.min}, ${b.max}]`,
      );
  });
  const bands = resolveBands(f);
  const pathOf = (id: string): PathSegment[] => ["levels", levelIds.get(id) ?? 0];
  const first = bands[0];
  const last = bands[bands.length - 1];
  if (first && last) {
    if (first.min > scale.min || (first.min === scale.min && !first.minInclusive)) {
      push(
        "band_gap",
        pathOf(first.id),
        `levels leave a gap at the bottom of the scale: ${scale.min} is in no level`,
      );
    }
    if (first.min < scale.min)
      push(
        "out_of_range",
        pathOf(first.id),
        `level ${JSON.stringify(first.id)} starts below the scale minimum ${scale.min}`,
      );
    if (last.max < scale.max || (last.max === scale.max && !last.maxInclusive)) {
      push(
        "band_gap",
        pathOf(last.id),
        `levels leave a gap at the top of the scale: ${scale.max} is in no level`,
      );
    }
    if (last.max > scale.max)
      push(
        "out_of_range",
        pathOf(last.id),
        `level ${JSON.stringify(last.id)} ends above the scale maximum ${scale.max}`,
      );
  }
  for (let i = 0; i + 1 < bands.length; i++) {
    const a = bands[i] as ResolvedBand;
    const b = bands[i + 1] as ResolvedBand;
    if (a.max < b.min || (a.max === b.min && !a.maxInclusive && !b.minInclusive)) {
      push(
        "band_gap",
        pathOf(b.id),
        `levels ${JSON.stringify(a.id)} and ${JSON.stringify(b.id)} leave a gap: values between ${a.max} and ${b.min} are in no level`,
      );
    } else if (a.max > b.min || (a.max === b.min && a.maxInclusive && b.minInclusive)) {
      push(
        "band_overlap",
        pathOf(b.id),
        `levels ${JSON.stringify(a.id)} and ${JSON.stringify(b.id)} overlap: ${b.min} is in both`,
      );
    }
  }
  if (f.translations !== undefined) checkTranslations(f, push);
  return out;
}

type Push = (code: Issue["code"], path: PathSegment[], message: string) => void;

/**
 * A translation names only what the framework has: each language once, each dimension, indicator,
 * option, row, rubric answer and level by an id (or answer) of the framework, each at most once.
 */
function checkTranslations(f: MaturityFramework, push: Push): void {
  const langs = new Set<string>();
  const known = (
    what: string,
    ids: ReadonlySet<string>,
    entries: readonly { readonly id: string }[] | undefined,
    path: PathSegment[],
  ): void => {
    const seen = new Set<string>();
    entries?.forEach((e, j) => {
      if (!ids.has(e.id))
        push("unknown_reference", [...path, j, "id"], `unknown ${what} ${JSON.stringify(e.id)}`);
      else if (seen.has(e.id))
        push(
          "duplicate_id",
          [...path, j, "id"],
          `${what} ${JSON.stringify(e.id)} is translated twice`,
        );
      seen.add(e.id);
    });
  };
  const dims = new Set(f.dimensions.map((d) => d.id));
  const levels = new Set(f.levels.map((l) => l.id));
  const indicators = new Map(f.indicators.map((i) => [i.id, i]));
  f.translations?.forEach((t, i) => {
    const p: PathSegment[] = ["translations", i];
    if (t.lang === "en")
      push(
        "invalid_value",
        [...p, "lang"],
        "English is the framework's own text, not a translation",
      );
    else if (langs.has(t.lang))
      push(
        "duplicate_id",
        [...p, "lang"],
        `language ${JSON.stringify(t.lang)} is translated twice`,
      );
    langs.add(t.lang);
    known("dimension", dims, t.dimensions, [...p, "dimensions"]);
    known("level", levels, t.levels, [...p, "levels"]);
    known("indicator", new Set(indicators.keys()), t.indicators, [...p, "indicators"]);
    t.indicators?.forEach((ti, j) => {
      const ind = indicators.get(ti.id);
      if (ind === undefined) return;
      const q: PathSegment[] = [...p, "indicators", j];
      const options =
        ind.type === "categorical" || ind.type === "multiSelect"
          ? new Set(ind.options.map((o) => o.value))
          : new Set<string>();
      ti.options?.forEach((o, k) => {
        if (!options.has(o.value))
          push(
            "unknown_reference",
            [...q, "options", k, "value"],
            `indicator ${JSON.stringify(ind.id)} has no option ${JSON.stringify(o.value)}`,
          );
      });
      const rows = new Set(ind.type === "ratingGrid" ? ind.rows.map((r) => r.id) : []);
      ti.rows?.forEach((r, k) => {
        if (!rows.has(r.id))
          push(
            "unknown_reference",
            [...q, "rows", k, "id"],
            `indicator ${JSON.stringify(ind.id)} has no row ${JSON.stringify(r.id)}`,
          );
      });
      const answers = new Set((ind.rubric ?? []).map((r) => JSON.stringify(r.answer)));
      ti.rubric?.forEach((r, k) => {
        if (!answers.has(JSON.stringify(r.answer)))
          push(
            "unknown_reference",
            [...q, "rubric", k, "answer"],
            `indicator ${JSON.stringify(ind.id)} has no rubric entry for the answer ${JSON.stringify(r.answer)}`,
          );
      });
      if (ti.unit !== undefined && ind.type !== "numeric")
        push(
          "invalid_value",
          [...q, "unit"],
          `indicator ${JSON.stringify(ind.id)} has no unit: it is ${ind.type}`,
        );
    });
  });
}
