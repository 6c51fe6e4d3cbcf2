import { AssessmentError, type Issue, type PathSegment } from "../errors/AssessmentError.js";
import type { ErrorCode } from "../errors/codes.js";
import { describe, fail } from "../_lib/assert.js";
import { compareIds } from "../_lib/sort.js";
import {
  checkFramework,
  DEFAULT_SCALE,
  resolveBands,
  type ResolvedBand,
} from "../schema/checkFramework.js";
import type { Observation } from "../schema/entities.js";
import type { MaturityFramework, NormaliseSpec } from "../schema/framework.js";
import {
  indicatorTypes,
  type AggregationMethod,
  type IndicatorType,
  type Provenance,
} from "../schema/vocabularies.js";
import type { Source } from "../schema/common.js";
import {
  aggregateValues,
  checkNormaliseSpec,
  checkValue,
  meets,
  type BoundedSpec,
  findBand,
  normaliseValues,
  resolveAggregation,
  type ResolvedAggregation,
  type ZeroPolicy,
} from "./_shared.js";
import type { LevelRef } from "./levelFor.js";

/** Options of {@link scoreMaturity}. */
export interface ScoreMaturityOptions {
  /**
   * The units to score, in this order. When given, an observation of any other unit is an error
   * and a listed unit without observations is scored as unanswered. Default: the units of the
   * observations, sorted by id.
   */
  readonly units?: readonly string[];
  /**
   * What a score ≤ 0 does in a geometric, harmonic or p ≤ 0 aggregation (see `aggregate`).
   * Default: it raises `non_positive_value`.
   */
  readonly zeroPolicy?: ZeroPolicy;
}

/** An observed answer, as an observation carries it. */
export type ObservedValue = Observation["value"];

/** One indicator of one unit: the answer and each step that turned it into a score. */
export interface IndicatorScore {
  readonly id: string;
  readonly dimension: string;
  readonly type: IndicatorType;
  /** The observed answer; `null` when unanswered or not observed. */
  readonly raw: ObservedValue;
  /** Whether there is a non-null answer. */
  readonly answered: boolean;
  /**
   * The answer read as a number: binary 1/0, the Likert value, the mean of the answered grid rows,
   * the chosen option's score, the sum of the ticked options' weights, or the numeric value.
   */
  readonly value: number | null;
  /** The direction applied: −1 reverses the answer. */
  readonly direction: 1 | -1;
  /** The answer's position in [0, 1] after direction and normalisation. */
  readonly normalised: number | null;
  /** The score on the framework scale: min + normalised × (max − min). */
  readonly score: number | null;
  /** The declared weight within its dimension. */
  readonly weight: number;
  /** The share of the dimension's aggregate it carries after renormalisation; 0 when not scored. */
  readonly effectiveWeight: number;
  /** Why the score is null, or how a missing answer was scored. */
  readonly reason?: string;
}

/** A dimension of one unit. */
export interface DimensionScore {
  readonly id: string;
  readonly title: string;
  readonly parent: string | null;
  readonly score: number | null;
  readonly level: LevelRef | null;
  /** The answered share (0–1) of the dimension's indicator weight. */
  readonly coverage: number;
  /** The minimum coverage that applied. */
  readonly minCoverage: number;
  readonly reason?: string;
}

/** The overall score of one unit. */
export interface OverallScore {
  readonly score: number | null;
  readonly level: LevelRef | null;
  readonly coverage: number;
  readonly minCoverage: number;
  readonly reason?: string;
}

/** An aggregation method with its power, as applied. */
export interface AppliedAggregation {
  readonly method: AggregationMethod;
  /** The power of the mean: 1 arithmetic, 0 geometric, −1 harmonic, or the generalised p. */
  readonly p: number;
  /** The shift of a declared zero policy; 0 when none. */
  readonly shift: number;
}

/** One aggregation step of the explain trace: components, weights, coverage and result. */
export interface AggregationStep {
  readonly node: "dimension" | "overall";
  /** The dimension id, or `"overall"`. */
  readonly id: string;
  readonly aggregation: AppliedAggregation;
  /** Component ids: the dimension's indicators, then its sub-dimensions, in framework order. */
  readonly components: readonly string[];
  /** Component kinds, parallel to `components`. */
  readonly kinds: readonly ("indicator" | "dimension")[];
  /** Component scores (null when missing), parallel to `components`. */
  readonly scores: readonly (number | null)[];
  /** Declared weights, parallel to `components`. */
  readonly weights: readonly number[];
  /** Weights renormalised over the scored components (0 for a missing one). */
  readonly effectiveWeights: readonly number[];
  readonly coverage: number;
  readonly minCoverage: number;
  readonly score: number | null;
  readonly reason?: string;
}

/** The scores of one unit: overall, per dimension, per indicator, and the explain trace. */
export interface UnitMaturity {
  readonly unit: string;
  readonly overall: OverallScore;
  /** Every dimension of the framework, in framework order. */
  readonly dimensions: readonly DimensionScore[];
  /** Every indicator of the framework, in framework order. */
  readonly indicators: readonly IndicatorScore[];
  /**
   * The aggregation steps in the order they ran: dimensions bottom-up, then the overall score.
   * Each indicator's own steps (raw → direction → normalised → score → weight) are its
   * {@link IndicatorScore}.
   */
  readonly trace: readonly AggregationStep[];
}

/** How one indicator is scored. */
export interface IndicatorMethod {
  readonly id: string;
  readonly type: IndicatorType;
  readonly direction: 1 | -1;
  readonly weight: number;
  readonly unanswered: "skip" | "zero";
  /** For a numeric indicator: the normalisation applied across the units (direction resolved). */
  readonly normalisation?: NormaliseSpec;
}

/** How one dimension aggregates. */
export interface DimensionMethod {
  readonly id: string;
  readonly parent: string | null;
  readonly weight: number;
  readonly aggregation: AppliedAggregation;
  readonly minCoverage: number;
  readonly components: readonly string[];
}

/** Every parameter {@link scoreMaturity} used (the rules in words: docs/methodology/maturity.md). */
export interface MaturityMethod {
  /** Missing components: their weight renormalises over the others (the only policy). */
  readonly missing: "reweight";
  /** The framework's minimum coverage (default 0.5). */
  readonly minCoverage: number;
  /** How the top-level dimensions aggregate into the overall score. */
  readonly aggregation: AppliedAggregation;
  /** What a score ≤ 0 does in a geometric or harmonic mean. */
  readonly zeroPolicy: { readonly nonPositive: "error" | "shift"; readonly shift: number };
  /** How the units are ordered: `"id"` (sorted by id) or `"options"` (as `options.units`). */
  readonly units: "id" | "options";
  readonly indicators: readonly IndicatorMethod[];
  readonly dimensions: readonly DimensionMethod[];
}

/** The result of {@link scoreMaturity}. */
export interface MaturityResult {
  readonly framework: {
    readonly id: string;
    readonly version: string;
    readonly title: string;
    readonly provenance: Provenance;
    readonly sources: readonly Source[];
  };
  readonly scale: { readonly min: number; readonly max: number };
  readonly method: MaturityMethod;
  /** The level bands, resolved, lowest first. */
  readonly levels: readonly ResolvedBand[];
  /** One entry per unit: sorted by id, or in the order of `options.units`. */
  readonly units: readonly UnitMaturity[];
}

// ---------------------------------------------------------------------------------------------
// plan: the framework compiled once per call

interface IndicatorPlan {
  readonly id: string;
  readonly index: number;
  readonly dimension: string;
  readonly dimIndex: number;
  readonly type: IndicatorType;
  readonly weight: number;
  readonly direction: 1 | -1;
  readonly zero: boolean;
  /** likert / ratingGrid scale */
  readonly lo: number;
  readonly hi: number;
  /** categorical option → score; multiSelect option → weight */
  readonly options: ReadonlyMap<string, number> | null;
  /** multiSelect: Σ positive weights */
  readonly positive: number;
  readonly rows: ReadonlyMap<string, number> | null;
  readonly spec: BoundedSpec | null;
  readonly method: IndicatorMethod;
}

interface NodePlan {
  readonly index: number; // dimension index, −1 for overall
  readonly id: string;
  readonly title: string;
  readonly parent: string | null;
  /** where the node's aggregation spec is declared */
  readonly aggPath: readonly PathSegment[];
  readonly componentIds: readonly string[];
  readonly kinds: readonly ("indicator" | "dimension")[];
  /** component index: indicator index for indicators, dimension index for dimensions */
  readonly refs: readonly number[];
  readonly weights: readonly number[];
  readonly totalWeight: number;
  readonly agg: ResolvedAggregation;
  readonly applied: AppliedAggregation;
  readonly minCoverage: number;
}

const SKIPPED = "unanswered: skipped, the weights of the other components renormalise";
const ZEROED = "unanswered: scored as the scale minimum";

type Rec = Readonly<Record<string, unknown>>;

const isRecord = (x: unknown): x is Rec => typeof x === "object" && x !== null && !Array.isArray(x);

const ARRAYS = ["dimensions", "indicators", "levels"] as const;
const TYPES: readonly unknown[] = indicatorTypes;
const ROOT: readonly PathSegment[] = [];
const FRAMEWORK = ["framework"] as const;
const OPTIONS = ["options"] as const;
const ZERO_POLICY = ["options", "zeroPolicy"] as const;
const NO_AGGREGATION = {};

/** The fields each indicator type needs, read by `checkFramework` and the scoring plan. */
const NEEDS: Readonly<Record<string, readonly ("scale" | "rows" | "options" | "normalisation")[]>> =
  {
    likert: ["scale"],
    ratingGrid: ["scale", "rows"],
    categorical: ["options"],
    multiSelect: ["options"],
    numeric: ["normalisation"],
  };

/** Checks the items of a framework array: each an object (`invalid_type` at its index). */
function eachRecord(items: readonly unknown[], at: readonly PathSegment[]): void {
  for (let i = 0; i < items.length; i++) {
    if (!isRecord(items[i])) checkValue(items[i], "record", at, i, "invalid_type");
  }
}

/**
 * Checks what `checkFramework` and the scoring plan take for granted, so that they never read a
 * property of something that is not an object: the framework and its `dimensions`, `indicators`
 * and `levels` arrays of objects (`invalid_type`); a `scale` (framework or indicator) of finite
 * numbers; the fields each indicator type needs (`missing_field` when absent, `invalid_type` when
 * of the wrong type: a Likert or grid `scale`, grid `rows`, categorical and multi-select `options`
 * as arrays of objects, a numeric `normalisation` object, checked in full later); `aggregation`
 * objects; and what `checkFramework` does not check (finite, non-negative weights; known
 * indicator types). Everything else about a framework is `checkFramework`'s. Paths and messages
 * are built only for what fails.
 */
function frameworkShape(f: unknown): asserts f is MaturityFramework {
  checkValue(f, "record", FRAMEWORK, undefined, "invalid_type");
  const r = f as Rec;
  for (const key of ARRAYS) {
    checkValue(r[key], "array", FRAMEWORK, key, "invalid_type");
    eachRecord(r[key] as readonly unknown[], [...FRAMEWORK, key]);
  }
  scaleShape(r["scale"], FRAMEWORK);
  checkValue(r["aggregation"], "record", FRAMEWORK, "aggregation");
  const dimensions = r["dimensions"] as readonly Rec[];
  for (let j = 0; j < dimensions.length; j++) {
    const d = dimensions[j] as Rec;
    if (d["weight"] !== undefined && !meets(d["weight"], "weight")) {
      checkValue(d["weight"], "weight", ["framework", "dimensions", j], "weight");
    }
    if (d["aggregation"] !== undefined && !isRecord(d["aggregation"])) {
      checkValue(d["aggregation"], "record", ["framework", "dimensions", j], "aggregation");
    }
  }
  const indicators = r["indicators"] as readonly Rec[];
  for (let k = 0; k < indicators.length; k++) {
    const ind = indicators[k] as Rec;
    if (ind["weight"] !== undefined && !meets(ind["weight"], "weight")) {
      checkValue(ind["weight"], "weight", ["framework", "indicators", k], "weight");
    }
    const type = ind["type"];
    if (!TYPES.includes(type)) {
      checkValue(type, TYPES, ["framework", "indicators", k], "type", "invalid_value");
    }
    const needs = NEEDS[type as string];
    if (needs !== undefined) indicatorShape(ind, needs, k);
  }
}

/** A scale, where there is one: an object with finite `min` and `max`. */
function scaleShape(scale: unknown, at: readonly PathSegment[]): void {
  if (scale === undefined) return;
  checkValue(scale, "record", at, "scale");
  const s = scale as Rec;
  const path = [...at, "scale"];
  checkValue(s["min"], "number", path, "min", "missing_field");
  checkValue(s["max"], "number", path, "max", "missing_field");
}

/** The fields indicator `k` of its type needs (see {@link frameworkShape}). */
function indicatorShape(ind: Rec, needs: readonly string[], k: number): void {
  const at: PathSegment[] = ["framework", "indicators", k];
  for (const key of needs) {
    const value = ind[key];
    if (key === "scale") {
      checkValue(value, "record", at, key, "missing_field");
      scaleShape(value, at);
    } else if (key === "normalisation") {
      checkValue(value, "record", at, key, "missing_field");
    } else {
      checkValue(value, "array", at, key, "missing_field");
      eachRecord(value as readonly unknown[], [...at, key]);
    }
  }
}

function compile(framework: MaturityFramework, zeroPolicy: unknown) {
  frameworkShape(framework);
  const issues = checkFramework(framework);
  if (issues.length > 0) {
    throw new AssessmentError(issues.map((i): Issue => ({ ...i, path: ["framework", ...i.path] })));
  }
  const scale = framework.scale ?? DEFAULT_SCALE;
  const defaultCoverage = framework.minCoverage ?? 0.5;
  const dims = framework.dimensions;
  const dimIndex = new Map<string, number>();
  dims.forEach((d, j) => dimIndex.set(d.id, j));

  const indicators: IndicatorPlan[] = framework.indicators.map((ind, k): IndicatorPlan => {
    let direction: 1 | -1 = ind.direction ?? 1;
    let spec: BoundedSpec | null = null;
    if (ind.type === "numeric") {
      // a z-score is refused, and a declared direction must be the indicator's
      const s = checkNormaliseSpec(
        ind.normalisation,
        ["framework", "indicators", k, "normalisation"],
        { direction: ind.direction },
      ) as BoundedSpec;
      direction = s.direction ?? direction;
      spec = { ...s, direction };
    }
    let options: Map<string, number> | null = null;
    let positive = 0;
    let lo = 0;
    let hi = 1;
    let rows: Map<string, number> | null = null;
    if (ind.type === "categorical") options = new Map(ind.options.map((o) => [o.value, o.score]));
    if (ind.type === "multiSelect") {
      options = new Map(ind.options.map((o) => [o.value, o.weight]));
      for (const o of ind.options) if (o.weight > 0) positive += o.weight;
    }
    if (ind.type === "likert" || ind.type === "ratingGrid") {
      lo = ind.scale.min;
      hi = ind.scale.max;
    }
    if (ind.type === "ratingGrid") rows = new Map(ind.rows.map((r, j) => [r.id, j]));
    const zero = ind.unanswered === "zero";
    const method: IndicatorMethod = {
      id: ind.id,
      type: ind.type,
      direction,
      weight: ind.weight ?? 1,
      unanswered: zero ? "zero" : "skip",
      ...(spec ? { normalisation: spec } : {}),
    };
    return {
      id: ind.id,
      index: k,
      dimension: ind.dimension,
      dimIndex: dimIndex.get(ind.dimension) as number,
      type: ind.type,
      weight: ind.weight ?? 1,
      direction,
      zero,
      lo,
      hi,
      options,
      positive,
      rows,
      spec,
      method,
    };
  });

  const node = (
    index: number,
    id: string,
    comps: readonly { id: string; kind: "indicator" | "dimension"; ref: number; weight: number }[],
    aggSpec: { method?: unknown; p?: unknown } | undefined,
    aggPath: readonly PathSegment[],
    minCoverage: number,
  ): NodePlan => {
    const agg = resolveAggregation(aggSpec ?? NO_AGGREGATION, zeroPolicy, aggPath, ZERO_POLICY);
    return {
      index,
      id,
      title: index >= 0 ? (dims[index]?.title ?? id) : "Overall",
      parent: index >= 0 ? (dims[index]?.parent ?? null) : null,
      aggPath,
      componentIds: comps.map((c) => c.id),
      kinds: comps.map((c) => c.kind),
      refs: comps.map((c) => c.ref),
      weights: comps.map((c) => c.weight),
      totalWeight: comps.reduce((s, c) => s + c.weight, 0),
      agg,
      applied: { method: agg.method, p: agg.p, shift: agg.shift },
      minCoverage,
    };
  };

  type Comp = { id: string; kind: "indicator" | "dimension"; ref: number; weight: number };
  // the components of each dimension (and of the overall score, key undefined), grouped once:
  // its indicators, then its sub-dimensions (all indicators go in first), in framework order
  const components = new Map<string | undefined, Comp[]>();
  const add = (key: string | undefined, c: Comp): void => {
    const list = components.get(key);
    if (list) list.push(c);
    else components.set(key, [c]);
  };
  for (const p of indicators)
    add(p.dimension, { id: p.id, kind: "indicator", ref: p.index, weight: p.weight });
  dims.forEach((c, j) =>
    add(c.parent, { id: c.id, kind: "dimension", ref: j, weight: c.weight ?? 1 }),
  );
  const childrenOf = (parent: string | undefined): Comp[] => components.get(parent) ?? [];
  const dimNodes: NodePlan[] = dims.map((d, j) =>
    node(
      j,
      d.id,
      childrenOf(d.id),
      d.aggregation ?? framework.aggregation,
      d.aggregation ? ["framework", "dimensions", j, "aggregation"] : ["framework", "aggregation"],
      d.minCoverage ?? defaultCoverage,
    ),
  );
  const overall = node(
    -1,
    "overall",
    childrenOf(undefined),
    framework.aggregation,
    ["framework", "aggregation"],
    defaultCoverage,
  );

  // evaluation order: deepest dimensions first, framework order among equals
  const depth = dims.map((d) => {
    let n = 0;
    let p = d.parent;
    while (p !== undefined) {
      n++;
      p = dims[dimIndex.get(p) as number]?.parent;
    }
    return n;
  });
  const order = dims
    .map((_, j) => j)
    .sort((a, b) => (depth[b] as number) - (depth[a] as number) || a - b);
  const bands = resolveBands(framework);
  const levelRefs: LevelRef[] = bands.map((b, i) => ({ id: b.id, title: b.title, index: i }));
  return { scale, defaultCoverage, indicators, dimNodes, overall, order, bands, levelRefs };
}

// ---------------------------------------------------------------------------------------------
// observations

const NO_ANSWER = Number.NaN;

/** The answers: one row of cells per unit (in order of first appearance), one cell per indicator. */
interface Answers {
  readonly ids: string[];
  /** observation index per cell, −1 when none */
  obs: Int32Array;
  /** the answer read as a number per cell; NaN when unanswered */
  value: Float64Array;
}

/** Adds a row for a unit, growing the cell arrays by doubling. */
function addRow(a: Answers, id: string, nInd: number): number {
  const row = a.ids.length;
  a.ids.push(id);
  const need = (row + 1) * nInd;
  if (need > a.value.length) {
    const cap = Math.max(need, a.value.length * 2, nInd * 16);
    const obs = new Int32Array(cap).fill(-1);
    const value = new Float64Array(cap).fill(NO_ANSWER);
    obs.set(a.obs);
    value.set(a.value);
    a.obs = obs;
    a.value = value;
  }
  return row;
}

/** Fails at `observations[i].value[...rest]`: "indicator "x": <what>, got <got>". */
function badValue(
  ind: IndicatorPlan,
  i: number,
  code: ErrorCode,
  what: string,
  got: unknown,
  ...rest: PathSegment[]
): never {
  return fail(
    code,
    ["observations", i, "value", ...rest],
    `indicator ${JSON.stringify(ind.id)}: ${what}, got ${describe(got)}`,
  );
}

/**
 * Reads a number of observation `i`: the answer (`row` undefined) or the value of a grid row
 * (`row` and its position `j`); on the indicator's scale unless it is numeric.
 */
function readNumber(ind: IndicatorPlan, x: unknown, i: number, row?: string, j = 0): number {
  if (
    typeof x === "number" &&
    x - x === 0 &&
    (ind.type === "numeric" || (x >= ind.lo && x <= ind.hi))
  ) {
    return x;
  }
  const what = row === undefined ? "the answer" : `row ${JSON.stringify(row)}`;
  const rest: PathSegment[] = row === undefined ? [] : [j, "value"];
  if (typeof x !== "number")
    badValue(ind, i, "invalid_type", `${what} must be a number`, x, ...rest);
  if (!Number.isFinite(x)) badValue(ind, i, "non_finite", `${what} must be finite`, x, ...rest);
  return badValue(
    ind,
    i,
    "out_of_range",
    `${what} must lie on the scale [${ind.lo}, ${ind.hi}]`,
    x,
    ...rest,
  );
}

/** Reads and checks one answer (observation `i`); returns its number, or NaN for an unanswered one. */
function readValue(ind: IndicatorPlan, v: unknown, i: number): number {
  if (v === null) return NO_ANSWER;
  const options = ind.options as ReadonlyMap<string, number>;
  switch (ind.type) {
    case "binary":
      if (typeof v === "boolean") return v ? 1 : 0;
      return badValue(ind, i, "invalid_type", "a binary answer must be true, false or null", v);
    case "likert":
    case "numeric":
      return readNumber(ind, v, i);
    case "categorical": {
      if (typeof v !== "string")
        badValue(ind, i, "invalid_type", "the answer must be an option", v);
      const score = options.get(v);
      if (score === undefined)
        badValue(ind, i, "out_of_range", "the answer must be one of its options", v);
      return score;
    }
    case "multiSelect": {
      if (!Array.isArray(v))
        badValue(ind, i, "invalid_type", "the answer must be an array of options", v);
      const ticked = v.length > 1 ? new Set<string>() : null;
      let sum = 0;
      for (let j = 0; j < v.length; j++) {
        const x: unknown = v[j];
        if (typeof x !== "string")
          badValue(ind, i, "invalid_type", "a ticked option must be a string", x, j);
        const w = options.get(x);
        if (w === undefined)
          badValue(ind, i, "out_of_range", "a ticked option must be one of its options", x, j);
        if (ticked !== null) {
          if (ticked.has(x)) badValue(ind, i, "duplicate_id", "an option is ticked twice", x, j);
          ticked.add(x);
        }
        sum += w;
      }
      return sum;
    }
    case "ratingGrid": {
      if (!Array.isArray(v))
        badValue(ind, i, "invalid_type", "the answer must be an array of { row, value }", v);
      const rows = ind.rows as ReadonlyMap<string, number>;
      const answered = v.length > 1 ? new Set<string>() : null;
      let sum = 0;
      let n = 0;
      for (let j = 0; j < v.length; j++) {
        const x: unknown = v[j];
        if (!isRecord(x))
          badValue(ind, i, "invalid_type", "a grid answer must be { row, value }", x, j);
        const row = x["row"];
        if (typeof row !== "string")
          badValue(ind, i, "invalid_type", "row must be a string", row, j, "row");
        if (!rows.has(row)) badValue(ind, i, "unknown_reference", "unknown row", row, j, "row");
        if (answered !== null) {
          if (answered.has(row))
            badValue(ind, i, "duplicate_id", "a row is answered twice", row, j, "row");
          answered.add(row);
        }
        const value = x["value"];
        if (value === null) continue;
        sum += readNumber(ind, value, i, row, j);
        n++;
      }
      return n === 0 ? NO_ANSWER : sum / n;
    }
  }
}

/** Fails at `observations[i][key]`: "observations[i].key <what>, got <value>". */
function badObservation(
  code: ErrorCode,
  i: number,
  key: string,
  what: string,
  got: unknown,
): never {
  const at = key === "" ? "" : `.${key}`;
  return fail(
    code,
    key === "" ? ["observations", i] : ["observations", i, key],
    `observations[${i}]${at} ${what}, got ${describe(got)}`,
  );
}

function collect(
  observations: readonly Observation[],
  indicators: readonly IndicatorPlan[],
  options: ScoreMaturityOptions,
): { answers: Answers; rows: number[] } {
  checkValue(observations, "array", ROOT, "observations", "invalid_type");
  const nInd = indicators.length;
  const indIndex = new Map<string, number>();
  indicators.forEach((p) => indIndex.set(p.id, p.index));
  // dense answers (most units answer most indicators) need no regrowth
  const cap = (Math.ceil(observations.length / Math.max(nInd, 1)) + 1) * nInd;
  const answers: Answers = {
    ids: [],
    obs: new Int32Array(cap).fill(-1),
    value: new Float64Array(cap).fill(NO_ANSWER),
  };
  const rowOf = new Map<string, number>();
  const declared: unknown = options.units;
  if (declared !== undefined) {
    checkValue(declared, "array", OPTIONS, "units");
    const what = "options.units must be an array of distinct unit ids, got ";
    (declared as readonly unknown[]).forEach((u: unknown, j) => {
      if (typeof u !== "string" || u === "" || rowOf.has(u)) {
        const code = typeof u === "string" && u !== "" ? "duplicate_id" : "invalid_type";
        fail(code, ["options", "units", j], what + describe(u));
      }
      rowOf.set(u, addRow(answers, u, nInd));
    });
  }
  let lastId: string | undefined;
  let lastRow = -1;
  for (let i = 0; i < observations.length; i++) {
    const o = observations[i] as Rec | null | undefined;
    if (!isRecord(o)) badObservation("invalid_type", i, "", "must be an object", o);
    const unit = o["unit"];
    const indicator = o["indicator"];
    if (typeof unit !== "string" || unit === "") {
      badObservation("invalid_type", i, "unit", "must be a non-empty string", unit);
    }
    if (typeof indicator !== "string") {
      badObservation("invalid_type", i, "indicator", "must be a string", indicator);
    }
    const k = indIndex.get(indicator);
    if (k === undefined) {
      badObservation(
        "unknown_reference",
        i,
        "indicator",
        "is not an indicator of the framework",
        indicator,
      );
    }
    let row = lastRow;
    if (unit !== lastId) {
      const r = rowOf.get(unit);
      if (r === undefined) {
        if (declared !== undefined) {
          badObservation("unknown_reference", i, "unit", "is not among options.units", unit);
        }
        row = addRow(answers, unit, nInd);
        rowOf.set(unit, row);
      } else row = r;
      lastId = unit;
      lastRow = row;
    }
    const cell = row * nInd + k;
    const prev = answers.obs[cell] as number;
    if (prev >= 0) {
      fail(
        "duplicate_id",
        ["observations", i],
        `observations[${i}] answers indicator ${JSON.stringify(indicator)} of unit ${JSON.stringify(unit)} again (first at observations[${prev}])`,
      );
    }
    answers.obs[cell] = i;
    const value = o["value"];
    if (value === undefined)
      badObservation("missing_field", i, "value", "is required (null when unanswered)", value);
    answers.value[cell] = readValue(indicators[k] as IndicatorPlan, value, i);
  }
  const rows = answers.ids.map((_, r) => r);
  if (declared === undefined) {
    rows.sort((x, y) => compareIds(answers.ids[x] as string, answers.ids[y] as string));
  }
  return { answers, rows };
}

// ---------------------------------------------------------------------------------------------

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

/** Maps a numeric method's output onto a position in [0, 1]. */
function positionOf(spec: NormaliseSpec, v: number, n: number): number {
  let p: number;
  switch (spec.method) {
    case "minMax": {
      const [lo, hi] = spec.range ?? [0, 100];
      p = (v - lo) / (hi - lo);
      break;
    }
    case "goalposts":
      p = v / (spec.scale ?? 100);
      break;
    case "rank":
      p = (v - 1) / (n - 1);
      break;
    case "borda":
      p = v / (n - 1);
      break;
    default:
      p = v;
  }
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

// ---------------------------------------------------------------------------------------------
// scoring: every number is computed eagerly into flat typed arrays by small module-level
// functions; the per-indicator objects and the trace are built from them on first access
// (docs/methodology/maturity.md, What a result explains)

type Plan = ReturnType<typeof compile>;

/** One scoring run: the compiled framework, the answers and the computed numbers. */
interface Run {
  readonly plan: Plan;
  readonly observations: readonly Observation[];
  readonly answers: Answers;
  /** answer row of each output unit */
  readonly rows: readonly number[];
  readonly nInd: number;
  readonly nDim: number;
  /** nodes per unit: the dimensions, then the overall score */
  readonly stride: number;
  /** per (output unit, node): score (NaN when null), coverage, scored weight */
  readonly node: Float64Array;
  readonly reasons: Map<number, string>;
  /** per numeric indicator: positions per output unit, and why they are null */
  readonly numericPos: readonly (Float64Array | null)[];
  readonly numericReason: readonly (string | null)[];
  /** per node: a buffer for the component scores */
  readonly scratch: readonly Float64Array[];
}

/** The score on the scale of a position; NaN stays NaN. */
function toScore(scale: { readonly min: number; readonly max: number }, p: number): number {
  const s = scale.min + p * (scale.max - scale.min);
  return s > scale.max ? scale.max : s === 0 ? 0 : s;
}

/** Normalises each numeric indicator across the units, once per indicator. */
function normaliseNumeric(
  plan: Plan,
  answers: Answers,
  rows: readonly number[],
): { pos: (Float64Array | null)[]; reason: (string | null)[] } {
  const nUnits = rows.length;
  const nInd = plan.indicators.length;
  const pos: (Float64Array | null)[] = [];
  const reason: (string | null)[] = [];
  for (const ind of plan.indicators) {
    if (ind.spec === null) {
      pos.push(null);
      reason.push(null);
      continue;
    }
    const col: (number | null)[] = new Array<number | null>(nUnits);
    let n = 0;
    for (let u = 0; u < nUnits; u++) {
      const v = answers.value[(rows[u] as number) * nInd + ind.index] as number;
      col[u] = Number.isNaN(v) ? null : v;
      if (!Number.isNaN(v)) n++;
    }
    const p = new Float64Array(nUnits).fill(NO_ANSWER);
    const out = n === 0 && ind.spec.method !== "goalposts" ? [] : normaliseValues(col, ind.spec);
    if (!Array.isArray(out)) {
      const msg = `indicator ${JSON.stringify(ind.id)}: ${out.message} (units scored: ${nUnits})`;
      if (ind.spec.degenerate !== "null") {
        fail(
          out.code,
          ["framework", "indicators", ind.index, "normalisation"],
          `${msg}; use goalposts or degenerate: "null"`,
        );
      }
      pos.push(p);
      reason.push(msg);
      continue;
    }
    for (let u = 0; u < out.length; u++) {
      const v = out[u];
      if (v !== null && v !== undefined) p[u] = positionOf(ind.spec, v, n);
    }
    pos.push(p);
    reason.push(null);
  }
  return { pos, reason };
}

/** Steps 1–3: the position in [0, 1] of indicator `k` of output unit `u`; NaN when not scored. */
function cellPosition(run: Run, u: number, k: number): number {
  const ind = run.plan.indicators[k] as IndicatorPlan;
  const v = run.answers.value[(run.rows[u] as number) * run.nInd + k] as number;
  if (v !== v) return ind.zero ? 0 : NO_ANSWER;
  if (ind.spec !== null) return (run.numericPos[k] as Float64Array)[u] as number;
  let p: number;
  switch (ind.type) {
    case "binary":
      p = v;
      break;
    case "likert":
    case "ratingGrid":
      p = (v - ind.lo) / (ind.hi - ind.lo);
      break;
    case "categorical":
      p = (v - run.plan.scale.min) / (run.plan.scale.max - run.plan.scale.min);
      break;
    default:
      p = v > 0 ? v / ind.positive : 0;
  }
  if (ind.direction === -1) p = 1 - p;
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

/** Step 4: aggregates one node (dimension `j`, or the overall score at `j = nDim`) of unit `u`. */
function runNode(run: Run, u: number, nodePlan: NodePlan, j: number): void {
  const { nInd, stride, node, plan } = run;
  const row = (run.rows[u] as number) * nInd;
  const nb = u * stride;
  const buf = run.scratch[j] as Float64Array;
  const m = nodePlan.refs.length;
  let answered = 0;
  let scoredWeight = 0;
  for (let c = 0; c < m; c++) {
    const ref = nodePlan.refs[c] as number;
    const w = nodePlan.weights[c] as number;
    let sc: number;
    if (nodePlan.kinds[c] === "indicator") {
      sc = toScore(plan.scale, cellPosition(run, u, ref));
      if (run.answers.value[row + ref] === run.answers.value[row + ref]) answered += w;
    } else {
      sc = node[(nb + ref) * 3] as number;
      answered += w * (node[(nb + ref) * 3 + 1] as number);
    }
    buf[c] = sc;
    if (sc === sc) scoredWeight += w;
  }
  const coverage = answered / nodePlan.totalWeight;
  const at = (nb + j) * 3;
  node[at + 1] = coverage;
  node[at + 2] = scoredWeight;
  if (coverage + 1e-12 < nodePlan.minCoverage) {
    node[at] = NO_ANSWER;
    run.reasons.set(
      nb + j,
      `coverage ${pct(coverage)} is below the minimum ${pct(nodePlan.minCoverage)}`,
    );
    return;
  }
  const r = aggregateValues(buf, nodePlan.weights, nodePlan.agg);
  if (r === null) {
    node[at] = NO_ANSWER;
    run.reasons.set(nb + j, "no component has a score");
  } else if (typeof r === "number") node[at] = r;
  else {
    const who =
      r.index >= 0
        ? ` (${nodePlan.kinds[r.index]} ${JSON.stringify(nodePlan.componentIds[r.index])})`
        : "";
    const unit = run.answers.ids[run.rows[u] as number] as string;
    fail(
      r.code,
      nodePlan.aggPath,
      `unit ${JSON.stringify(unit)}, ${nodePlan.index >= 0 ? `dimension ${JSON.stringify(nodePlan.id)}` : "overall score"}: ${r.message}${who}; declare options.zeroPolicy to shift the scores`,
    );
  }
}

/** The object with `reason` added when there is one (no `reason: undefined` key otherwise). */
function withReason<T extends object>(o: T, reason: string | undefined): T {
  return reason === undefined ? o : { ...o, reason };
}

function levelOf(plan: Plan, sc: number): LevelRef | null {
  if (Number.isNaN(sc)) return null;
  const i = findBand(plan.bands, sc);
  return i < 0 ? null : (plan.levelRefs[i] as LevelRef);
}

/** An answer as echoed in the result: −0 read as 0, also inside a rating grid. */
function rawOf(v: ObservedValue | undefined): ObservedValue {
  if (typeof v === "number") return v === 0 ? 0 : v;
  if (Array.isArray(v)) {
    return (v as readonly unknown[]).map((c) =>
      isRecord(c) && c["value"] === 0 ? { ...c, value: 0 } : c,
    ) as ObservedValue;
  }
  return v ?? null;
}

/** The per-indicator results of output unit `u`. */
function buildIndicators(run: Run, u: number): IndicatorScore[] {
  const { plan, answers, nInd, stride, node } = run;
  const row = (run.rows[u] as number) * nInd;
  const out: IndicatorScore[] = new Array<IndicatorScore>(nInd);
  for (let k = 0; k < nInd; k++) {
    const ind = plan.indicators[k] as IndicatorPlan;
    const oi = answers.obs[row + k] as number;
    const v = answers.value[row + k] as number;
    const p = cellPosition(run, u, k);
    const sc = toScore(plan.scale, p);
    const scored = node[(u * stride + ind.dimIndex) * 3 + 2] as number;
    let reason: string | undefined;
    if (Number.isNaN(v)) reason = ind.zero ? ZEROED : SKIPPED;
    else if (Number.isNaN(sc)) reason = run.numericReason[k] ?? SKIPPED;
    const item: IndicatorScore = {
      id: ind.id,
      dimension: ind.dimension,
      type: ind.type,
      raw: oi >= 0 ? rawOf((run.observations[oi] as Observation).value) : null,
      answered: !Number.isNaN(v),
      value: Number.isNaN(v) ? null : v === 0 ? 0 : v,
      direction: ind.direction,
      normalised: Number.isNaN(p) ? null : p,
      score: Number.isNaN(sc) ? null : sc,
      weight: ind.weight,
      effectiveWeight: Number.isNaN(sc) || !(scored > 0) ? 0 : ind.weight / scored,
    };
    out[k] = withReason(item, reason);
  }
  return out;
}

/** The aggregation steps of output unit `u`, in the order they ran. */
function buildTrace(run: Run, u: number): AggregationStep[] {
  const { plan, nDim, stride, node } = run;
  const nb = u * stride;
  return [...plan.order, nDim].map((j): AggregationStep => {
    const nodePlan = (j === nDim ? plan.overall : plan.dimNodes[j]) as NodePlan;
    const scored = node[(nb + j) * 3 + 2] as number;
    const scores = nodePlan.refs.map((ref, c) => {
      const sc =
        nodePlan.kinds[c] === "indicator"
          ? toScore(plan.scale, cellPosition(run, u, ref))
          : (node[(nb + ref) * 3] as number);
      return Number.isNaN(sc) ? null : sc;
    });
    const sc = node[(nb + j) * 3] as number;
    const reason = run.reasons.get(nb + j);
    const step: AggregationStep = {
      node: j === nDim ? "overall" : "dimension",
      id: nodePlan.id,
      aggregation: nodePlan.applied,
      components: nodePlan.componentIds,
      kinds: nodePlan.kinds,
      scores,
      weights: nodePlan.weights,
      effectiveWeights: scores.map((x, c) =>
        x === null || !(scored > 0) ? 0 : (nodePlan.weights[c] as number) / scored,
      ),
      coverage: node[(nb + j) * 3 + 1] as number,
      minCoverage: nodePlan.minCoverage,
      score: Number.isNaN(sc) ? null : sc,
    };
    return withReason(step, reason);
  });
}

/** The dimension results of output unit `u`. */
function buildDimensions(run: Run, u: number): DimensionScore[] {
  const { plan, nDim, stride, node } = run;
  const nb = u * stride;
  const dimensions: DimensionScore[] = new Array<DimensionScore>(nDim);
  for (let j = 0; j < nDim; j++) {
    const d = plan.dimNodes[j] as NodePlan;
    const sc = node[(nb + j) * 3] as number;
    const reason = run.reasons.get(nb + j);
    const item: DimensionScore = {
      id: d.id,
      title: d.title,
      parent: d.parent,
      score: Number.isNaN(sc) ? null : sc,
      level: levelOf(plan, sc),
      coverage: node[(nb + j) * 3 + 1] as number,
      minCoverage: d.minCoverage,
    };
    dimensions[j] = withReason(item, reason);
  }
  return dimensions;
}

/**
 * The result of output unit `u`. Its numbers are already computed; `indicators` and `trace` (one
 * object per indicator and per node) are built from them on first access and kept: ordinary
 * enumerable properties for `JSON.stringify`, spread and `structuredClone`.
 */
function unitResult(run: Run, u: number): UnitMaturity {
  const { plan, nDim, stride, node } = run;
  const at = u * stride + nDim;
  const osc = node[at * 3] as number;
  const oReason = run.reasons.get(at);
  const overallScore: OverallScore = {
    score: Number.isNaN(osc) ? null : osc,
    level: levelOf(plan, osc),
    coverage: node[at * 3 + 1] as number,
    minCoverage: plan.overall.minCoverage,
  };
  let indicators: IndicatorScore[] | undefined;
  let trace: AggregationStep[] | undefined;
  return {
    unit: run.answers.ids[run.rows[u] as number] as string,
    overall: withReason(overallScore, oReason),
    dimensions: buildDimensions(run, u),
    get indicators(): IndicatorScore[] {
      return (indicators ??= buildIndicators(run, u));
    },
    get trace(): AggregationStep[] {
      return (trace ??= buildTrace(run, u));
    },
  };
}

/**
 * Scores maturity: turns each unit's answers into indicator scores on the framework's scale,
 * aggregates them up the dimension tree into dimension and overall scores, bands every score into
 * a level, and records an explain trace for every number.
 *
 * Method (the OECD/JRC Handbook on Constructing Composite Indicators, 2008, and COINr for
 * normalisation and aggregation; the answer rules and the coverage rule are designed by this
 * project, docs/methodology/maturity.md):
 * 1. Each answer becomes a position in [0, 1]: binary true 1, false 0; Likert (v − min)/(max −
 *    min); a rating grid the same on the mean of its answered rows; categorical the chosen
 *    option's position on the scale; multiSelect max(0, Σ ticked weights)/Σ positive weights;
 *    numeric by its normalisation spec across all scored units (`goalposts` is absolute and works
 *    for one unit; min-max, ranks and distances compare units; z-scores are refused as unbounded).
 *    Direction −1 takes 1 − position (numeric: reversed before normalising, as COINr does).
 * 2. Score = scale min + position × (scale max − scale min) (default scale 0–100).
 * 3. An unanswered indicator is skipped (default: weights renormalise over the answered ones) or,
 *    with `unanswered: "zero"`, scored as the scale minimum.
 * 4. Each dimension aggregates its indicators and sub-dimensions by their weights and its
 *    aggregation (default the framework's, else arithmetic), missing components reweighted.
 *    Coverage = answered share of the indicator weight below it; under `minCoverage` (dimension ??
 *    framework ?? 0.5) the score is `null` with a reason. The overall score aggregates the
 *    top-level dimensions the same way, with the framework's minimum coverage.
 * 5. Levels: the framework's bands with their declared inclusivity.
 *
 * Decision notes 0104 (answers to scores), 0105 (coverage) and 0106 (performance). Every number
 * is computed up front; each unit's `indicators` and `trace` objects are built from those numbers
 * on first access (enumerable getters, so JSON, spread and `structuredClone` see plain data).
 *
 * @param framework - the framework (checked with the rules of `defineFramework`)
 * @param observations - answers: unit, indicator, value (or null)
 * @param options - the units to score and a zero policy for geometric/harmonic means
 * @returns per unit: overall, dimensions, indicators and the trace; plus every method parameter
 * @throws AssessmentError — the framework's issues under `["framework", …]` (`band_overlap`,
 *   `band_gap`, `duplicate_id`, `zero_weights`, `negative_weight`, …; `invalid_value` for a z-score
 *   normalisation or conflicting directions; `invalid_type` or `missing_field` at the part of a
 *   framework that is not shaped like one: an item that is not an object, a Likert or grid scale,
 *   grid rows, options or a numeric normalisation missing or of the wrong type);
 *   `unknown_reference` for an unknown indicator (`["observations", i, "indicator"]`) or a unit
 *   not in `options.units` (`["observations", i, "unit"]`); `invalid_type`, `non_finite`,
 *   `out_of_range`, `duplicate_id`, `unknown_reference` for an answer of the wrong type or outside
 *   its scale (`["observations", i, "value", …]`); `missing_field` for an observation without a
 *   value; `duplicate_id` for a unit answering an indicator twice (`["observations", i]`);
 *   `zero_spread` / `too_few_values` for a relative numeric indicator that cannot be normalised
 *   (`["framework", "indicators", k, "normalisation"]`); `non_positive_value` for a score ≤ 0 in a
 *   geometric or harmonic aggregation, `non_finite` for an overflow (the aggregation's path:
 *   `["framework", "dimensions", j, "aggregation"]` or `["framework", "aggregation"]`);
 *   `invalid_type` / `duplicate_id` / `invalid_value` for bad `options` (`["options", …]`)
 * @example
 * ```ts
 * import { scoreMaturity } from "icc-assessment/maturity";
 * import { defineFramework } from "icc-assessment/schema";
 * const framework = defineFramework({
 *   id: "mini", version: "1.0", title: "Mini", provenance: "designed", sources: [],
 *   dimensions: [{ id: "portal", title: "Portal" }],
 *   indicators: [
 *     { id: "online", dimension: "portal", title: "Services online", type: "binary" },
 *     { id: "ease", dimension: "portal", title: "Ease of use", type: "likert", scale: { min: 1, max: 5 } },
 *   ],
 *   levels: [{ id: "low", title: "Low", min: 0, max: 50 }, { id: "high", title: "High", min: 50, max: 100 }],
 * });
 * const r = scoreMaturity(framework, [
 *   { unit: "sofia", indicator: "online", value: true },
 *   { unit: "sofia", indicator: "ease", value: 2 },
 * ]);
 * r.units[0].overall.score; // => 62.5
 * r.units[0].overall.level?.id; // => "high"
 * r.units[0].indicators.map((i) => i.score); // => [100, 25]
 * ```
 */
export function scoreMaturity(
  framework: MaturityFramework,
  observations: readonly Observation[],
  options: ScoreMaturityOptions = {},
): MaturityResult {
  checkValue(options, "record", OPTIONS, undefined, "invalid_type");
  const plan = compile(framework, options.zeroPolicy);
  const { scale, indicators, dimNodes, overall } = plan;
  const { answers, rows } = collect(observations, indicators, options);
  const nUnits = rows.length;
  const nInd = indicators.length;
  const nDim = dimNodes.length;
  const numeric = normaliseNumeric(plan, answers, rows);
  const run: Run = {
    plan,
    observations,
    answers,
    rows,
    nInd,
    nDim,
    stride: nDim + 1,
    node: new Float64Array(nUnits * (nDim + 1) * 3),
    reasons: new Map(),
    numericPos: numeric.pos,
    numericReason: numeric.reason,
    scratch: [...dimNodes, overall].map((n) => new Float64Array(n.refs.length)),
  };
  const units: UnitMaturity[] = new Array<UnitMaturity>(nUnits);
  for (let u = 0; u < nUnits; u++) {
    for (const j of plan.order) runNode(run, u, dimNodes[j] as NodePlan, j);
    runNode(run, u, overall, nDim);
    units[u] = unitResult(run, u);
  }

  const method: MaturityMethod = {
    missing: "reweight",
    minCoverage: plan.defaultCoverage,
    aggregation: overall.applied,
    zeroPolicy: {
      nonPositive: overall.agg.shift > 0 ? "shift" : "error",
      shift: overall.agg.shift,
    },
    units: options.units !== undefined ? "options" : "id",
    indicators: indicators.map((p) => p.method),
    dimensions: dimNodes.map((d) => ({
      id: d.id,
      parent: d.parent,
      weight: framework.dimensions[d.index]?.weight ?? 1,
      aggregation: d.applied,
      minCoverage: d.minCoverage,
      components: d.componentIds,
    })),
  };

  return {
    framework: {
      id: framework.id,
      version: framework.version,
      title: framework.title,
      provenance: framework.provenance,
      sources: framework.sources,
    },
    scale: { min: scale.min, max: scale.max },
    method,
    levels: plan.bands,
    units,
  };
}
