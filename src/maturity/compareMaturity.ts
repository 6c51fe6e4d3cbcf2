import { formatPath, type PathSegment } from "../errors/AssessmentError.js";
import { describe, fail } from "../_lib/assert.js";
import { compareIds } from "../_lib/sort.js";
import { checkValue, meets } from "./_shared.js";
import type { LevelRef } from "./levelFor.js";
import type {
  DimensionScore,
  MaturityResult,
  OverallScore,
  UnitMaturity,
} from "./scoreMaturity.js";

/** A pair of units to compare: a unit of the first result and a unit of the second. */
export interface UnitPair {
  readonly a: string;
  readonly b: string;
}

/** Options of {@link compareMaturity}. */
export interface CompareMaturityOptions {
  /**
   * The unit pairs to compare. Default: the only unit of each result when both have exactly one
   * (a city at two dates, or two cities); otherwise every unit id found in both, sorted by id.
   */
  readonly pairs?: readonly UnitPair[];
}

/** How one score moved from the first result to the second. */
export interface ScoreChange {
  readonly from: number | null;
  readonly to: number | null;
  /** `to − from`; null when either is null. */
  readonly change: number | null;
  readonly levelFrom: LevelRef | null;
  readonly levelTo: LevelRef | null;
  /** Levels moved (`levelTo.index − levelFrom.index`); null when either level is missing. */
  readonly levelChange: number | null;
  readonly coverageFrom: number | null;
  readonly coverageTo: number | null;
  /** Why `change` or `levelChange` is null. */
  readonly reason?: string;
}

/** How one dimension moved. */
export interface DimensionChange extends ScoreChange {
  readonly id: string;
  readonly title: string;
}

/** The comparison of one unit pair. */
export interface UnitComparison {
  readonly a: string;
  readonly b: string;
  readonly overall: ScoreChange;
  /** The first result's dimensions in its order, then any found only in the second. */
  readonly dimensions: readonly DimensionChange[];
}

/** The result of {@link compareMaturity}. */
export interface CompareMaturityResult {
  readonly framework: {
    readonly id: string;
    readonly versionA: string;
    readonly versionB: string;
    readonly major: string;
  };
  /** How the pairs were chosen and what a change is, in words. */
  readonly method: string;
  readonly pairs: readonly UnitComparison[];
}

function major(v: string): string {
  return v.split(".")[0] as string;
}

const A = ["a"] as const;
const B = ["b"] as const;
const OPTIONS = ["options"] as const;

function shape(r: unknown, name: "a" | "b"): asserts r is MaturityResult {
  const at = name === "a" ? A : B;
  checkValue(r, "record", at, undefined, "invalid_type");
  const x = r as Partial<MaturityResult>;
  const f = x.framework as Partial<MaturityResult["framework"]> | undefined;
  if (
    typeof f !== "object" ||
    f === null ||
    typeof f.id !== "string" ||
    typeof f.version !== "string"
  ) {
    fail(
      "invalid_type",
      [name, "framework"],
      `${name}.framework must have a string id and version, got ${describe(f)}`,
    );
  }
  checkValue(x.units, "array", at, "units", "invalid_type");
  const units = x.units as readonly unknown[];
  for (let i = 0; i < units.length; i++) if (!isUnit(units[i])) explainUnit(units[i], name, i);
}

/** Whether `x` has the numbers a comparison reads (the fast check; see {@link scores}). */
function hasScores(x: unknown): boolean {
  if (typeof x !== "object" || x === null) return false;
  const o = x as Partial<OverallScore>;
  const level = o.level as Partial<LevelRef> | null | undefined;
  return (
    meets(o.score, "nullable") &&
    meets(o.coverage, "number") &&
    (level === null || level === undefined || meets(level.index, "number"))
  );
}

/** Whether `u` is a unit result a comparison can read. */
function isUnit(u: unknown): boolean {
  const x = u as Partial<UnitMaturity> | null;
  if (typeof x !== "object" || x === null || typeof x.unit !== "string") return false;
  const dims = x.dimensions;
  if (!Array.isArray(dims) || !hasScores(x.overall)) return false;
  for (let j = 0; j < dims.length; j++) {
    const d = dims[j] as Partial<DimensionScore>;
    if (!hasScores(d) || typeof d.id !== "string") return false;
  }
  return true;
}

/** Throws for unit `i` of a result, which {@link isUnit} refused: what is wrong, and where. */
function explainUnit(u: unknown, name: "a" | "b", i: number): void {
  const x = u as Partial<UnitMaturity> | null;
  if (
    typeof x !== "object" ||
    x === null ||
    typeof x.unit !== "string" ||
    !Array.isArray(x.dimensions)
  ) {
    fail(
      "invalid_type",
      [name, "units", i],
      `${name}.units[${i}] must be a unit result, got ${describe(u)}`,
    );
  }
  scores(x.overall, [name, "units", i, "overall"]);
  (x.dimensions as readonly DimensionScore[]).forEach((d, j) => {
    const path = [name, "units", i, "dimensions", j];
    scores(d, path);
    checkValue(d.id, "string", path, "id", "invalid_type");
  });
}

/** Checks the numbers a comparison reads: score (finite or null), coverage, level position. */
function scores(x: unknown, path: readonly PathSegment[]): void {
  const o = x as Partial<OverallScore> | null;
  if (typeof o !== "object" || o === null) {
    fail("invalid_type", path, `${formatPath(path)} must be an object, got ${describe(x)}`);
  }
  checkValue(o.score, "nullable", path, "score", "invalid_type");
  checkValue(o.coverage, "number", path, "coverage", "invalid_type");
  if (o.level !== null && o.level !== undefined)
    checkValue(o.level.index, "number", [...path, "level"], "index", "invalid_type");
}

function change(
  x: Pick<OverallScore, "score" | "level" | "coverage" | "reason"> | undefined,
  y: Pick<OverallScore, "score" | "level" | "coverage" | "reason"> | undefined,
  sameLevels: boolean,
  missing: string,
): ScoreChange {
  const z = (v: number | null | undefined): number | null =>
    v === undefined || v === null ? null : v === 0 ? 0 : v;
  const from = z(x?.score);
  const to = z(y?.score);
  const lvl = (l: LevelRef | null | undefined): LevelRef | null =>
    l ? { id: l.id, title: l.title, index: z(l.index) as number } : null;
  const levelFrom = lvl(x?.level);
  const levelTo = lvl(y?.level);
  const reasons: string[] = [];
  if (x === undefined) reasons.push(`${missing} is not in a`);
  else if (from === null)
    reasons.push(`a has no score${x.reason !== undefined ? `: ${x.reason}` : ""}`);
  if (y === undefined) reasons.push(`${missing} is not in b`);
  else if (to === null)
    reasons.push(`b has no score${y.reason !== undefined ? `: ${y.reason}` : ""}`);
  let levelChange: number | null = null;
  if (levelFrom !== null && levelTo !== null) {
    if (sameLevels) levelChange = z(levelTo.index - levelFrom.index);
    else reasons.push("the two results have different levels, so level changes are not counted");
  }
  const d = from !== null && to !== null ? to - from : null;
  const base: ScoreChange = {
    from,
    to,
    change: z(d),
    levelFrom,
    levelTo,
    levelChange,
    coverageFrom: z(x?.coverage),
    coverageTo: z(y?.coverage),
  };
  return reasons.length > 0 ? { ...base, reason: reasons.join("; ") } : base;
}

/**
 * Compares two maturity results of the same framework — progress of a city between two City Labs,
 * or two cities — per dimension and overall.
 *
 * Rule (designed by this project): the results must share the framework id, the major version and
 * the scale, so their scores mean the same; change = score in `b` − score in `a` and level change
 * = the difference of the levels' positions, each `null` with a reason when a side has no score
 * (or the two results band differently). Units are paired by `options.pairs`, by default the only
 * unit of each result, or else every unit id found in both.
 *
 * @param a - the earlier (or reference) result of `scoreMaturity`
 * @param b - the later (or compared) result
 * @param options - the unit pairs
 * @returns the change per unit pair: overall and per dimension
 * @throws AssessmentError `framework_mismatch` for a different framework id, major version or scale
 *   (path `["b", "framework", …]` or `["b", "scale"]`); `invalid_type` for a result of the wrong
 *   shape (`["a" | "b", …]`); `unknown_reference` for a unit of `options.pairs` not in its result
 *   (`["options", "pairs", i, "a" | "b"]`); `empty` when no pair can be formed (`["b", "units"]`)
 * @example
 * ```ts
 * import { compareMaturity, scoreMaturity } from "icc-assessment/maturity";
 * import { defineFramework } from "icc-assessment/schema";
 * const f = defineFramework({
 *   id: "mini", version: "1.0", title: "Mini", provenance: "designed", sources: [],
 *   dimensions: [{ id: "portal", title: "Portal" }],
 *   indicators: [{ id: "ease", dimension: "portal", title: "Ease", type: "likert", scale: { min: 1, max: 5 } }],
 *   levels: [{ id: "low", title: "Low", min: 0, max: 50 }, { id: "high", title: "High", min: 50, max: 100 }],
 * });
 * const y2021 = scoreMaturity(f, [{ unit: "sofia-2021", indicator: "ease", value: 2 }]);
 * const y2022 = scoreMaturity(f, [{ unit: "sofia-2022", indicator: "ease", value: 4 }]);
 * const c = compareMaturity(y2021, y2022);
 * c.pairs[0].overall.change; // => 50
 * c.pairs[0].overall.levelChange; // => 1
 * ```
 */
export function compareMaturity(
  a: MaturityResult,
  b: MaturityResult,
  options: CompareMaturityOptions = {},
): CompareMaturityResult {
  shape(a, "a");
  shape(b, "b");
  if (a.framework.id !== b.framework.id) {
    fail(
      "framework_mismatch",
      ["b", "framework", "id"],
      `cannot compare results of different frameworks: ${JSON.stringify(a.framework.id)} and ${JSON.stringify(b.framework.id)}`,
    );
  }
  if (major(a.framework.version) !== major(b.framework.version)) {
    fail(
      "framework_mismatch",
      ["b", "framework", "version"],
      `cannot compare results of different major versions of ${JSON.stringify(a.framework.id)}: ${a.framework.version} and ${b.framework.version}`,
    );
  }
  if (a.scale?.min !== b.scale?.min || a.scale?.max !== b.scale?.max) {
    fail(
      "framework_mismatch",
      ["b", "scale"],
      `cannot compare results on different scales: [${a.scale?.min}, ${a.scale?.max}] and [${b.scale?.min}, ${b.scale?.max}]`,
    );
  }
  checkValue(options, "record", OPTIONS, undefined, "invalid_type");
  const unitsA = new Map(a.units.map((u) => [u.unit, u]));
  const unitsB = new Map(b.units.map((u) => [u.unit, u]));
  let pairs: UnitPair[];
  let how: string;
  if (options.pairs !== undefined) {
    checkValue(options.pairs, "array", OPTIONS, "pairs");
    options.pairs.forEach((p, i) => {
      for (const side of ["a", "b"] as const) {
        const id: unknown = (p as Partial<UnitPair> | null)?.[side];
        const units = side === "a" ? unitsA : unitsB;
        if (typeof id !== "string") {
          checkValue(id, "string", ["options", "pairs", i], side, "invalid_type");
        }
        if (!units.has(id as string)) {
          fail(
            "unknown_reference",
            ["options", "pairs", i, side],
            `unit ${JSON.stringify(id)} is not in ${side}`,
          );
        }
      }
    });
    pairs = options.pairs.map((p) => ({ a: p.a, b: p.b }));
    how = "the unit pairs of options.pairs";
  } else if (a.units.length === 1 && b.units.length === 1) {
    pairs = [{ a: (a.units[0] as UnitMaturity).unit, b: (b.units[0] as UnitMaturity).unit }];
    how = "the only unit of each result";
  } else {
    pairs = [...unitsA.keys()]
      .filter((id) => unitsB.has(id))
      .sort(compareIds)
      .map((id) => ({ a: id, b: id }));
    how = "every unit id found in both results, sorted by id";
  }
  if (pairs.length === 0) {
    fail(
      "empty",
      ["b", "units"],
      `no unit pair to compare: a has ${a.units.length} unit(s), b has ${b.units.length}, and they share no unit id; pass options.pairs`,
    );
  }
  const sameLevels =
    Array.isArray(a.levels) &&
    Array.isArray(b.levels) &&
    a.levels.length === b.levels.length &&
    a.levels.every((l, i) => {
      const m = b.levels[i];
      return m !== undefined && l.id === m.id && l.min === m.min && l.max === m.max;
    });

  const comparisons = pairs.map((p): UnitComparison => {
    const ua = unitsA.get(p.a) as UnitMaturity;
    const ub = unitsB.get(p.b) as UnitMaturity;
    const dimsB = new Map(ub.dimensions.map((d) => [d.id, d]));
    const seen = new Set<string>();
    const dims: DimensionChange[] = [];
    const add = (
      id: string,
      title: string,
      x: DimensionScore | undefined,
      y: DimensionScore | undefined,
    ) => {
      seen.add(id);
      dims.push({ id, title, ...change(x, y, sameLevels, `dimension ${JSON.stringify(id)}`) });
    };
    for (const d of ua.dimensions) add(d.id, d.title, d, dimsB.get(d.id));
    for (const d of ub.dimensions) if (!seen.has(d.id)) add(d.id, d.title, undefined, d);
    return {
      a: p.a,
      b: p.b,
      overall: change(ua.overall, ub.overall, sameLevels, "the overall score"),
      dimensions: dims,
    };
  });

  return {
    framework: {
      id: a.framework.id,
      versionA: a.framework.version,
      versionB: b.framework.version,
      major: major(a.framework.version),
    },
    method: `change = score in b − score in a, level change = difference of level positions; pairs: ${how}`,
    pairs: comparisons,
  };
}
