import { formatPath, type Issue, type PathSegment } from "../../errors/AssessmentError.js";
import type { ErrorCode } from "../../errors/codes.js";
import { describe } from "../../_lib/assert.js";
import { compareIds } from "../../_lib/sort.js";
import { builtinFrameworks } from "../../frameworks/builtinFrameworks.js";
import { checkFramework, DEFAULT_SCALE } from "../checkFramework.js";
import type { Observation } from "../entities.js";
import type { AggregationSpec, Indicator, MaturityFramework, NormaliseSpec } from "../framework.js";
import { error, warn, type RuleContext } from "./context.js";

/*
 * The maturity rules: everything `scoreMaturity` (and `createReport`'s maturity section, which
 * calls it without options) would refuse about the maturity part of a document is refused here
 * first. Indicator ids, target dimensions and target levels are checked by references.ts. Paths
 * and messages are built only for what fails.
 */

const OBSERVATIONS: readonly PathSegment[] = ["maturity", "observations"];

/** Where the issues about observation `i` point (`rest` goes below it). */
export type ObservationPath = (i: number, ...rest: PathSegment[]) => PathSegment[];

const at: ObservationPath = (i, ...rest) => ["maturity", "observations", i, ...rest];
const q = JSON.stringify;

/** Up to `max` ids, then how many more. */
function listOf(ids: readonly string[], max = 12): string {
  return ids.length <= max
    ? ids.join(", ")
    : `${ids.slice(0, max).join(", ")}, … (${ids.length} in all)`;
}

const noZero = (v: number): number => (v === 0 ? 0 : v);
const clamp01 = (p: number): number => (p < 0 ? 0 : p > 1 ? 1 : p);

// ---------------------------------------------------------------------------------------------
// the framework, read once per document

/** One indicator as the answers are checked against it. */
export interface Question {
  readonly k: number;
  readonly ind: Indicator;
  /** categorical: option → score; multiSelect: option → weight */
  readonly options: ReadonlyMap<string, number> | null;
  readonly rows: ReadonlySet<string> | null;
}

/** The framework's indicators by id, read once, as the answers are checked against them. */
export function questionsOf(fw: MaturityFramework): Map<string, Question> {
  const byId = new Map<string, Question>();
  fw.indicators.forEach((ind, k) => {
    if (byId.has(ind.id)) return; // a duplicate id is the framework's own error
    const options =
      ind.type === "categorical"
        ? new Map(ind.options.map((o) => [o.value, o.score]))
        : ind.type === "multiSelect"
          ? new Map(ind.options.map((o) => [o.value, o.weight]))
          : null;
    const rows = ind.type === "ratingGrid" ? new Set(ind.rows.map((r) => r.id)) : null;
    byId.set(ind.id, { k, ind, options, rows });
  });
  return byId;
}

/** The scale of a Likert or rating-grid indicator, in words. */
function scaleText(ind: Indicator & { scale: { min: number; max: number } }): string {
  return `${ind.scale.min}–${ind.scale.max}`;
}

/** Whether a numeric indicator's unit says it is a share in per cent (0–100). */
const isPercentage = (ind: Indicator): boolean =>
  ind.type === "numeric" && ind.unit?.trim() === "%";

// ---------------------------------------------------------------------------------------------
// answers

/**
 * Checks observation `i`'s non-null answer against its indicator; returns the answer read as a
 * number the way `scoreMaturity` reads it (NaN for a rating grid with no row), or `undefined`
 * after reporting what is wrong.
 */
function readAnswer(
  errors: Issue[],
  c: Question,
  v: NonNullable<Observation["value"]>,
  i: number,
  at: ObservationPath,
): number | undefined {
  const ind = c.ind;
  const bad = (code: ErrorCode, path: PathSegment[], message: string): undefined => {
    errors.push({ code, path, message });
    return undefined;
  };
  switch (ind.type) {
    case "binary":
      if (typeof v === "boolean") return v ? 1 : 0;
      return bad(
        "invalid_type",
        at(i, "value"),
        `indicator ${q(ind.id)} is a yes/no question: expected true, false or null, got ${describe(v)}`,
      );
    case "likert":
      if (typeof v === "number" && v >= ind.scale.min && v <= ind.scale.max) return v;
      return bad(
        typeof v === "number" ? "out_of_range" : "invalid_type",
        at(i, "value"),
        `indicator ${q(ind.id)} is a Likert question: expected a number on its scale ${scaleText(ind)}, got ${describe(v)}`,
      );
    case "numeric":
      if (typeof v !== "number") {
        return bad(
          "invalid_type",
          at(i, "value"),
          `indicator ${q(ind.id)} is numeric${ind.unit !== undefined ? ` (${ind.unit})` : ""}: expected a number, got ${describe(v)}`,
        );
      }
      if ((v < 0 || v > 100) && isPercentage(ind)) {
        return bad(
          "out_of_range",
          at(i, "value"),
          `indicator ${q(ind.id)} is a percentage: expected a number from 0 to 100, got ${describe(v)}`,
        );
      }
      return v;
    case "categorical": {
      const score =
        typeof v === "string" ? (c.options as ReadonlyMap<string, number>).get(v) : undefined;
      if (score !== undefined) return score;
      return bad(
        typeof v === "string" ? "invalid_value" : "invalid_type",
        at(i, "value"),
        `indicator ${q(ind.id)} takes one of its options (${listOf(
          ind.options.map((o) => o.value),
          100,
        )}), got ${describe(v)}`,
      );
    }
    case "multiSelect": {
      const options = c.options as ReadonlyMap<string, number>;
      if (!Array.isArray(v)) {
        return bad(
          "invalid_type",
          at(i, "value"),
          `indicator ${q(ind.id)} takes a list of its options (${listOf([...options.keys()], 100)}), got ${describe(v)}`,
        );
      }
      const ticked = v.length > 1 ? new Set<unknown>() : null;
      let sum = 0;
      let ok = true;
      for (let j = 0; j < v.length; j++) {
        const x: unknown = v[j];
        const w = typeof x === "string" ? options.get(x) : undefined;
        if (w === undefined) {
          ok = false;
          bad(
            typeof x === "string" ? "invalid_value" : "invalid_type",
            at(i, "value", j),
            `indicator ${q(ind.id)}: a ticked option must be one of ${listOf([...options.keys()], 100)}, got ${describe(x)}`,
          );
        } else if (ticked !== null && ticked.has(x)) {
          ok = false;
          bad(
            "duplicate_id",
            at(i, "value", j),
            `indicator ${q(ind.id)}: option ${q(x)} is ticked twice`,
          );
        } else {
          ticked?.add(x);
          sum += w;
        }
      }
      return ok ? sum : undefined;
    }
    case "ratingGrid": {
      const rows = c.rows as ReadonlySet<string>;
      const expected = () =>
        `a list of { row, value } with rows ${listOf([...rows], 100)} and values on the scale ${scaleText(ind)}`;
      if (!Array.isArray(v)) {
        return bad(
          "invalid_type",
          at(i, "value"),
          `indicator ${q(ind.id)} is a rating grid: expected ${expected()}, got ${describe(v)}`,
        );
      }
      const answered = v.length > 1 ? new Set<string>() : null;
      let sum = 0;
      let n = 0;
      let ok = true;
      for (let j = 0; j < v.length; j++) {
        const x: unknown = v[j];
        if (typeof x !== "object" || x === null) {
          ok = false;
          bad(
            "invalid_type",
            at(i, "value", j),
            `indicator ${q(ind.id)} is a rating grid: expected ${expected()}, got ${describe(x)}`,
          );
          continue;
        }
        const { row, value } = x as { row: string; value: number };
        if (!rows.has(row)) {
          ok = false;
          bad(
            "unknown_reference",
            at(i, "value", j, "row"),
            `indicator ${q(ind.id)} has no row ${q(row)} (rows: ${listOf([...rows], 100)})`,
          );
        } else if (answered !== null && answered.has(row)) {
          ok = false;
          bad(
            "duplicate_id",
            at(i, "value", j, "row"),
            `indicator ${q(ind.id)}: row ${q(row)} is answered twice`,
          );
        } else if (!(value >= ind.scale.min && value <= ind.scale.max)) {
          ok = false;
          bad(
            "out_of_range",
            at(i, "value", j, "value"),
            `indicator ${q(ind.id)}, row ${q(row)}: expected a number on the scale ${scaleText(ind)}, got ${describe(value)}`,
          );
        } else {
          answered?.add(row);
          sum += value;
          n++;
        }
      }
      return ok ? (n === 0 ? Number.NaN : sum / n) : undefined;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// where the framework is written

/** Where the framework's own issues point: into the embedded framework, or at the reference. */
interface FrameworkPlace {
  readonly path: (rest: readonly PathSegment[]) => PathSegment[];
  /** Appended to a message about a framework that is not embedded: which one and where. */
  readonly where: (rest: readonly PathSegment[]) => string;
}

function placeOf(ctx: RuleContext, fw: MaturityFramework): FrameworkPlace {
  const fi = ctx.a.frameworks?.indexOf(fw) ?? -1;
  return fi >= 0
    ? { path: (rest) => ["frameworks", fi, ...rest], where: () => "" }
    : {
        path: () => ["maturity", "framework"],
        where: (rest) => ` (framework ${q(`${fw.id}@${fw.version}`)}, ${formatPath(rest)})`,
      };
}

/** The power of an aggregation: 1 arithmetic, 0 geometric, −1 harmonic, p generalised. */
function powerOf(agg: AggregationSpec | undefined): number {
  switch (agg?.method) {
    case "geometric":
      return 0;
    case "harmonic":
      return -1;
    case "generalised":
      return agg.p ?? 1;
    default:
      return 1;
  }
}

/** What `scoreMaturity` refuses in a framework that `checkFramework` does not. */
function checkScorable(ctx: RuleContext, fw: MaturityFramework, place: FrameworkPlace): void {
  if (!builtinFrameworks.includes(fw) && ctx.a.frameworks?.includes(fw) !== true) {
    // passed in options.frameworks: checked here as an embedded one is by validateAssessment
    for (const issue of checkFramework(fw))
      error(ctx, issue.code, place.path(issue.path), issue.message + place.where(issue.path));
  }
  fw.indicators.forEach((ind, k) => {
    if (ind.type !== "numeric") return;
    const spec = ind.normalisation;
    if (spec.method === "zScore") {
      const rest = ["indicators", k, "normalisation", "method"];
      error(
        ctx,
        "invalid_value",
        place.path(rest),
        `indicator ${q(ind.id)}: a z-score is unbounded and cannot be placed on the framework's scale; use minMax, goalposts or a rank method${place.where(rest)}`,
      );
    }
    if (
      spec.direction !== undefined &&
      ind.direction !== undefined &&
      spec.direction !== ind.direction
    ) {
      const rest = ["indicators", k, "normalisation", "direction"];
      error(
        ctx,
        "invalid_value",
        place.path(rest),
        `indicator ${q(ind.id)}: the normalisation's direction must match the indicator's ${ind.direction}, got ${spec.direction}${place.where(rest)}`,
      );
    }
  });
  const needsP = (agg: AggregationSpec | undefined, rest: PathSegment[]) => {
    if (agg?.method === "generalised" && agg.p === undefined)
      error(
        ctx,
        "missing_field",
        place.path(rest),
        `the generalised mean needs its power p${place.where(rest)}`,
      );
  };
  needsP(fw.aggregation, ["aggregation", "p"]);
  fw.dimensions.forEach((d, j) => needsP(d.aggregation, ["dimensions", j, "aggregation", "p"]));
}

// ---------------------------------------------------------------------------------------------
// numeric indicators that compare units

const RELATIVE = new Set<NormaliseSpec["method"]>([
  "minMax",
  "rank",
  "percentRank",
  "borda",
  "distanceToMax",
  "distanceToReference",
]);

/**
 * A relative normalisation (min-max, ranks, distances) needs answers from at least two units and,
 * for some methods, a spread; `scoreMaturity` raises otherwise unless the spec says
 * `degenerate: "null"`.
 */
function checkRelative(
  ctx: RuleContext,
  fw: MaturityFramework,
  obs: readonly Observation[],
  kOf: Int32Array,
  value: Float64Array,
): void {
  const nInd = fw.indicators.length;
  const count = new Int32Array(nInd);
  const first = new Int32Array(nInd).fill(-1);
  const min = new Float64Array(nInd).fill(Infinity);
  const max = new Float64Array(nInd).fill(-Infinity);
  let any = false;
  const relative = fw.indicators.map((ind) => {
    const r =
      ind.type === "numeric" &&
      RELATIVE.has(ind.normalisation.method) &&
      ind.normalisation.degenerate !== "null";
    any ||= r;
    return r;
  });
  if (!any) return;
  for (let i = 0; i < obs.length; i++) {
    const k = kOf[i] as number;
    const v = value[i] as number;
    if (k < 0 || v !== v || !relative[k]) continue;
    const ind = fw.indicators[k] as Indicator & { type: "numeric" };
    const x = noZero(v * (ind.normalisation.direction ?? ind.direction ?? 1));
    if (first[k] === -1) first[k] = i;
    count[k] = (count[k] as number) + 1;
    if (x < (min[k] as number)) min[k] = x;
    if (x > (max[k] as number)) max[k] = x;
  }
  fw.indicators.forEach((ind, k) => {
    const n = count[k] as number;
    if (!relative[k] || n === 0 || ind.type !== "numeric") return;
    const spec = ind.normalisation;
    const d = spec.direction ?? ind.direction ?? 1;
    const lowest = noZero((min[k] as number) * d);
    const fix = `answer it for more units, or normalise it with goalposts (or degenerate: "null") in the framework`;
    const path = at(first[k] as number, "value");
    if (n < 2) {
      error(
        ctx,
        "too_few_values",
        path,
        `indicator ${q(ind.id)} is normalised with ${spec.method}, which compares units and needs answers from at least two, got 1: ${fix}`,
      );
    } else if ((spec.method === "minMax" || spec.method === "distanceToMax") && min[k] === max[k]) {
      error(
        ctx,
        "zero_spread",
        path,
        `indicator ${q(ind.id)} is normalised with ${spec.method}, which needs answers that differ, but all ${n} units answer ${lowest}: ${fix}`,
      );
    } else if (spec.method === "distanceToReference" && noZero(spec.reference * d) === min[k]) {
      error(
        ctx,
        "zero_spread",
        path,
        `indicator ${q(ind.id)} is normalised with distanceToReference, which needs a reference that differs from the lowest (direction-adjusted) answer, but both are ${lowest}: ${fix}`,
      );
    }
  });
}

// ---------------------------------------------------------------------------------------------
// the aggregation: a score ≤ 0 in a geometric or harmonic mean, or an overflow

/** One node of the dimension tree as `scoreMaturity` aggregates it. */
interface Node {
  /** dimension index, −1 for the overall score */
  readonly j: number;
  /** component refs: indicator index k, or nInd + dimension index */
  readonly refs: number[];
  readonly weights: number[];
  readonly total: number;
  readonly p: number;
  readonly minCoverage: number;
}

function nodesOf(fw: MaturityFramework): { nodes: Node[]; order: number[] } {
  const nInd = fw.indicators.length;
  const dims = fw.dimensions;
  const dimIndex = new Map<string, number>();
  dims.forEach((d, j) => dimIndex.set(d.id, j));
  const refs: number[][] = dims.map(() => []);
  const weights: number[][] = dims.map(() => []);
  const top: number[] = [];
  const topW: number[] = [];
  fw.indicators.forEach((ind, k) => {
    const j = dimIndex.get(ind.dimension) as number;
    refs[j]?.push(k);
    weights[j]?.push(ind.weight ?? 1);
  });
  dims.forEach((d, c) => {
    const j = d.parent === undefined ? -1 : (dimIndex.get(d.parent) as number);
    (j < 0 ? top : (refs[j] as number[])).push(nInd + c);
    (j < 0 ? topW : (weights[j] as number[])).push(d.weight ?? 1);
  });
  const coverage = fw.minCoverage ?? 0.5;
  const node = (
    j: number,
    r: number[],
    w: number[],
    agg: AggregationSpec | undefined,
    minCoverage: number,
  ): Node => ({
    j,
    refs: r,
    weights: w,
    total: w.reduce((s, x) => s + x, 0),
    p: powerOf(agg),
    minCoverage,
  });
  const nodes = dims.map((d, j) =>
    node(
      j,
      refs[j] as number[],
      weights[j] as number[],
      d.aggregation ?? fw.aggregation,
      d.minCoverage ?? coverage,
    ),
  );
  nodes.push(node(-1, top, topW, fw.aggregation, coverage));
  const depth = dims.map((d) => {
    let n = 0;
    for (let p = d.parent; p !== undefined; p = dims[dimIndex.get(p) as number]?.parent) n++;
    return n;
  });
  const order = dims
    .map((_, j) => j)
    .sort((a, b) => (depth[b] as number) - (depth[a] as number) || a - b);
  return { nodes, order };
}

/** The positions in [0, 1] of a numeric indicator's answers across units (NaN when not scored). */
function numericPositions(spec: NormaliseSpec, d: 1 | -1, col: Float64Array): Float64Array {
  const n = col.length;
  const x = new Float64Array(n);
  const pos = new Float64Array(n).fill(Number.NaN);
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let u = 0; u < n; u++) {
    const v = col[u] as number;
    x[u] = v !== v ? v : noZero(v * d);
    if (v !== v) continue;
    count++;
    if ((x[u] as number) < min) min = x[u] as number;
    if ((x[u] as number) > max) max = x[u] as number;
  }
  const sorted = spec.method === "goalposts" ? x : x.filter((v) => v === v).sort();
  for (let u = 0; u < n; u++) {
    const v = x[u] as number;
    if (v !== v) continue;
    let p: number;
    switch (spec.method) {
      case "goalposts": {
        const a = d === 1 ? spec.low : -spec.high;
        const b = d === 1 ? spec.high : -spec.low;
        const scale = spec.scale ?? 100;
        const y = (v - a) / (b - a);
        p = noZero((y > 1 ? 1 : y < 0 ? 0 : y) * scale) / scale;
        break;
      }
      case "minMax": {
        if (count < 2 || max === min) return pos;
        const [lo, hi] = spec.range ?? [0, 100];
        p = (noZero(((v - min) / (max - min)) * (hi - lo) + lo) - lo) / (hi - lo);
        break;
      }
      case "rank":
      case "percentRank":
      case "borda": {
        if (count < 2) return pos;
        let lo = 0;
        let hi = count;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if ((sorted[mid] as number) < v) lo = mid + 1;
          else hi = mid;
        }
        p = lo / (count - 1); // (rank − 1) / (n − 1), ties at their lowest rank
        break;
      }
      case "distanceToMax":
        if (count < 2 || max === min) return pos;
        p = noZero(1 - (max - v) / (max - min));
        break;
      case "distanceToReference": {
        const ref = noZero(spec.reference * d);
        if (count < 2 || ref === min) return pos;
        p = noZero(1 - (ref - v) / (ref - min));
        break;
      }
      default:
        return pos; // zScore: refused by checkScorable
    }
    pos[u] = clamp01(p);
  }
  return pos;
}

/** The position in [0, 1] of a non-numeric answer read as a number. */
function positionOf(ind: Indicator, v: number, scale: { min: number; max: number }): number {
  let p: number;
  switch (ind.type) {
    case "likert":
    case "ratingGrid":
      p = (v - ind.scale.min) / (ind.scale.max - ind.scale.min);
      break;
    case "categorical":
      p = (v - scale.min) / (scale.max - scale.min);
      break;
    case "multiSelect": {
      let positive = 0;
      for (const o of ind.options) if (o.weight > 0) positive += o.weight;
      p = v > 0 ? v / positive : 0;
      break;
    }
    default:
      p = v;
  }
  if (ind.direction === -1) p = 1 - p;
  return clamp01(p);
}

/** Whether some document could make the framework's aggregation raise. */
function mayRaise(fw: MaturityFramework, nodes: readonly Node[]): boolean {
  const scale = fw.scale ?? DEFAULT_SCALE;
  const m = Math.max(Math.abs(scale.min), Math.abs(scale.max));
  return nodes.some((n) => n.p !== 1 || !Number.isFinite(2 * m * n.total));
}

/**
 * Scores the answers as `scoreMaturity` does (same arithmetic, docs/methodology/maturity.md) and
 * reports each node whose mean raises: a score ≤ 0 in a geometric, harmonic or p ≤ 0 mean (a
 * negative one for p > 0), or an overflow. A document cannot declare a zero policy, so such
 * answers cannot be scored. Run only when the framework has such a mean (or huge weights).
 */
function checkAggregation(
  ctx: RuleContext,
  fw: MaturityFramework,
  place: FrameworkPlace,
  obs: readonly Observation[],
  units: ReadonlyMap<string, number>,
  kOf: Int32Array,
  value: Float64Array,
): void {
  const { nodes, order } = nodesOf(fw);
  if (!mayRaise(fw, nodes)) return;
  const nInd = fw.indicators.length;
  const nDim = fw.dimensions.length;
  const unitIds = [...units.keys()].sort(compareIds);
  const nU = unitIds.length;
  const row = new Map<string, number>();
  unitIds.forEach((u, r) => row.set(u, r));
  const cell = new Float64Array(nU * nInd).fill(Number.NaN);
  for (let i = 0; i < obs.length; i++) {
    const k = kOf[i] as number;
    if (k >= 0)
      cell[(row.get((obs[i] as Observation).unit) as number) * nInd + k] = value[i] as number;
  }
  const scale = fw.scale ?? DEFAULT_SCALE;
  const score = new Float64Array(nU * nInd);
  fw.indicators.forEach((ind, k) => {
    let numeric: Float64Array | null = null;
    if (ind.type === "numeric") {
      const col = new Float64Array(nU);
      for (let u = 0; u < nU; u++) col[u] = cell[u * nInd + k] as number;
      const d = ind.normalisation.direction ?? ind.direction ?? 1;
      numeric = numericPositions(ind.normalisation, d, col);
    }
    for (let u = 0; u < nU; u++) {
      const v = cell[u * nInd + k] as number;
      const p =
        v !== v
          ? ind.unanswered === "zero"
            ? 0
            : Number.NaN
          : numeric !== null
            ? (numeric[u] as number)
            : positionOf(ind, v, scale);
      const s = scale.min + p * (scale.max - scale.min);
      score[u * nInd + k] = s > scale.max ? scale.max : noZero(s);
    }
  });
  const nodeScore = new Float64Array(nDim);
  const nodeCoverage = new Float64Array(nDim);
  const reported = new Set<number>();
  const buf: number[] = [];
  for (let u = 0; u < nU; u++) {
    for (const j of [...order, -1]) {
      const node = nodes[j < 0 ? nDim : j] as Node;
      let answered = 0;
      buf.length = 0;
      node.refs.forEach((ref, c) => {
        const w = node.weights[c] as number;
        if (ref < nInd) {
          buf.push(score[u * nInd + ref] as number);
          if (cell[u * nInd + ref] === cell[u * nInd + ref]) answered += w;
        } else {
          buf.push(nodeScore[ref - nInd] as number);
          answered += w * (nodeCoverage[ref - nInd] as number);
        }
      });
      const coverage = answered / node.total;
      let result = Number.NaN;
      if (!(coverage + 1e-12 < node.minCoverage)) {
        const p = node.p;
        let sw = 0;
        let s = 0;
        let lo = Infinity;
        let hi = -Infinity;
        let failed = -1;
        for (let c = 0; c < buf.length; c++) {
          const v = buf[c] as number;
          const w = node.weights[c] as number;
          if (v !== v || w === 0) continue;
          if (v < lo) lo = v;
          if (v > hi) hi = v;
          sw += w;
          if (p === 1) s += w * v;
          else if (p <= 0 ? !(v > 0) : v < 0) {
            failed = c;
            break;
          } else s += w * (p === 0 ? Math.log(v) : Math.pow(v, p));
        }
        if (failed < 0 && sw > 0) {
          const r = p === 1 ? s / sw : p === 0 ? Math.exp(s / sw) : Math.pow(s / sw, 1 / p);
          if (Number.isFinite(r)) result = noZero(r < lo ? lo : r > hi ? hi : r);
          else failed = buf.length;
        }
        if (failed >= 0 && !reported.has(node.j)) {
          reported.add(node.j);
          reportAggregation(ctx, fw, place, node, unitIds[u] as string, failed, buf[failed]);
        }
      }
      if (j >= 0) {
        nodeScore[j] = result;
        nodeCoverage[j] = coverage;
      }
    }
  }
}

function reportAggregation(
  ctx: RuleContext,
  fw: MaturityFramework,
  place: FrameworkPlace,
  node: Node,
  unit: string,
  c: number,
  got: number | undefined,
): void {
  const declared = node.j >= 0 && fw.dimensions[node.j]?.aggregation !== undefined;
  const rest = declared ? ["dimensions", node.j, "aggregation"] : ["aggregation"];
  const what =
    node.j >= 0
      ? `dimension ${q((fw.dimensions[node.j] as { id: string }).id)}`
      : "the overall score";
  const nInd = fw.indicators.length;
  const ref = node.refs[c];
  if (ref === undefined || got === undefined) {
    error(
      ctx,
      "non_finite",
      place.path(rest),
      `unit ${q(unit)}, ${what}: the mean overflows the range of floating-point numbers${place.where(rest)}`,
    );
    return;
  }
  const p = node.p;
  const mean =
    p === 0 ? "a geometric mean" : p === -1 ? "a harmonic mean" : `a power mean with p = ${p}`;
  const component =
    ref < nInd
      ? `indicator ${q((fw.indicators[ref] as Indicator).id)}`
      : `dimension ${q((fw.dimensions[ref - nInd] as { id: string }).id)}`;
  error(
    ctx,
    "non_positive_value",
    place.path(rest),
    `unit ${q(unit)}, ${what}: ${mean} needs ${p <= 0 ? "positive" : "non-negative"} scores, but ${component} scores ${describe(got)}; a document cannot declare a zero policy, so aggregate arithmetically or start the scale above 0${place.where(rest)}`,
  );
}

// ---------------------------------------------------------------------------------------------
// the observations, read once

/** What {@link readObservations} read. */
export interface ReadObservations {
  /** unit → its first observation */
  readonly units: Map<string, number>;
  /** the indicator index of each readable observation; −1 when unknown or refused */
  readonly kOf: Int32Array;
  /** each answer read as a number; NaN when unanswered */
  readonly value: Float64Array;
}

/**
 * Checks each answer against its indicator (see {@link checkMaturity}: the type rules, and one
 * answer per unit and indicator), pushing what fails onto `errors` with paths made by `at`, and
 * reads each answer as a number. An observation of an indicator that `questions` lacks is skipped
 * (the caller reports unknown indicators). Shared with `parseAnswers`, so an answers file and an
 * assessment accept exactly the same answers.
 */
export function readObservations(
  errors: Issue[],
  questions: ReadonlyMap<string, Question> | undefined,
  obs: readonly Observation[],
  at: ObservationPath,
): ReadObservations {
  const units = new Map<string, number>();
  const kOf = new Int32Array(obs.length).fill(-1);
  const value = new Float64Array(obs.length);
  const seen: (Map<string, number> | undefined)[] = [];
  let last = "";
  for (let i = 0; i < obs.length; i++) {
    const o = obs[i] as Observation;
    if (o.unit !== last) {
      if (!units.has(o.unit)) units.set(o.unit, i);
      last = o.unit;
    }
    const c = questions?.get(o.indicator);
    if (c === undefined) continue; // no framework, or an unknown indicator (references.ts)
    const answeredBy = (seen[c.k] ??= new Map<string, number>());
    const prev = answeredBy.get(o.unit);
    if (prev !== undefined) {
      errors.push({
        code: "duplicate_id",
        path: at(i),
        message: `unit ${q(o.unit)} answers indicator ${q(o.indicator)} again (first at ${formatPath(at(prev))})`,
      });
      continue;
    }
    answeredBy.set(o.unit, i);
    const x = o.value === null ? Number.NaN : readAnswer(errors, c, o.value, i, at);
    if (x === undefined) continue;
    kOf[i] = c.k;
    value[i] = x;
  }
  return { units, kOf, value };
}

// ---------------------------------------------------------------------------------------------

/**
 * The maturity rules of validateAssessment, against the assessment's framework when it is known:
 * - each answer fits its indicator: binary true/false; Likert a number on its scale; numeric a
 *   number (0–100 when its unit is "%"); categorical one of its options; multiSelect a list of
 *   its options without repeats; ratingGrid a list of `{ row, value }` with known rows, no row
 *   twice, values on its scale; null (unanswered) always;
 * - no unit answers the same indicator twice;
 * - when the observations answer for several units, one of them is the city's
 *   id (createReport picks the only unit, else the city's); warning `unit_not_city` for a unit
 *   other than the city (once per unit, at its first observation);
 * - what scoreMaturity refuses in a framework beyond checkFramework: z-score normalisation, a
 *   normalisation direction conflicting with the indicator's, a generalised mean without p (and
 *   checkFramework itself for a framework passed in options);
 * - a relative numeric indicator has answers from two units or more, with a spread;
 * - no geometric, harmonic or power mean meets a score it cannot take, and no mean overflows.
 */
export function checkMaturity(ctx: RuleContext): void {
  const m = ctx.a.maturity;
  if (m === undefined) return;
  const obs = m.observations;
  const fw = ctx.framework;
  const place = fw === undefined ? undefined : placeOf(ctx, fw);
  if (fw !== undefined && place !== undefined) checkScorable(ctx, fw, place);
  // no observations: the report scores the city with every question unanswered
  if (obs.length === 0) return;

  const questions = fw === undefined ? undefined : questionsOf(fw);
  const { units, kOf, value } = readObservations(ctx.errors, questions, obs, at);

  const city = ctx.a.city.id;
  if (units.size > 1 && !units.has(city)) {
    error(
      ctx,
      "invalid_value",
      OBSERVATIONS,
      `the observations answer for several units (${listOf([...units.keys()])}) and none is the city's id ${q(city)}: a report would not know which unit is the city; answer for ${q(city)}, or for one unit only`,
    );
  } else {
    for (const [unit, i] of units) {
      if (unit === city) continue;
      warn(
        ctx,
        "unit_not_city",
        at(i, "unit"),
        units.size === 1
          ? `unit ${q(unit)} is not the city's id ${q(city)}: the report scores it as the city's maturity`
          : `unit ${q(unit)} is not the city's id ${q(city)}: the report shows the city's own unit and leaves ${q(unit)} out`,
      );
    }
  }
  if (fw === undefined || place === undefined) return;
  checkRelative(ctx, fw, obs, kOf, value);
  if (!ctx.errors.some((e) => e.path[0] === "maturity" || e.path[0] === "frameworks")) {
    checkAggregation(ctx, fw, place, obs, units, kOf, value);
  }
}
