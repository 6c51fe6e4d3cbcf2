import { checkRecord, describe as show, failAt } from "../_lib/assert.js";
import { orderByRankThenId } from "../_lib/sort.js";
import type { PathSegment } from "../errors/AssessmentError.js";
import { ahpWeights, type AhpWeightsOptions } from "./ahpWeights.js";
import {
  clean,
  failId,
  failNumber,
  isNewId,
  isNumberIn,
  NON_NEGATIVE,
  ranksDescending,
  readChoice,
  readIds,
  readKeyed,
  readList,
  readOptions,
  readWeights,
  underPath,
  WEIGHT,
  type WeightSpec,
} from "./_shared.js";

/** A child's weight among its siblings: the field `weight`, needed (absent is `missing_field`), from 0. */
const CHILD_WEIGHTS: WeightSpec = {
  per: "child",
  key: "weight",
  fallback: null,
  range: { ...WEIGHT, required: true },
  normalise: true,
};

/**
 * A node of an AHP hierarchy: the goal, a criterion or a sub-criterion. A node with `children`
 * weighs them either by `comparisons` (a pairwise matrix over the children, in their order) or by
 * each child's `weight`. A node without children is a leaf criterion and rates the alternatives
 * either by `priorities` (one non-negative score per alternative) or by `alternativeComparisons`
 * (a pairwise matrix over the alternatives).
 */
export interface HierarchyNode {
  /** Unique id within the hierarchy. */
  readonly id: string;
  /** Local weight among its siblings, when the parent has no `comparisons` (normalised). */
  readonly weight?: number;
  /** Pairwise comparisons of the children, in the order of `children`. */
  readonly comparisons?: readonly (readonly number[])[];
  /** Sub-criteria. */
  readonly children?: readonly HierarchyNode[];
  /** Leaf only: one non-negative score per alternative, in the order of `alternatives`. */
  readonly priorities?: readonly number[];
  /** Leaf only: pairwise comparisons of the alternatives. */
  readonly alternativeComparisons?: readonly (readonly number[])[];
}

/** Synthesis modes (Saaty; Belton & Gear 1983). */
export const synthesisModes = ["distributive", "ideal"] as const;
/** The default synthesis mode (`prioritise`'s AHP method uses it too). */
export const SYNTHESIS_DEFAULTS = { mode: "distributive" } as const;
/** A synthesis mode. */
export type SynthesisMode = (typeof synthesisModes)[number];

/** Options of {@link synthesiseHierarchy}. */
export interface SynthesiseHierarchyOptions {
  /** `"distributive"` (default): leaf priorities sum to 1; `"ideal"`: divided by their maximum. */
  readonly mode?: SynthesisMode;
  /** Options of every {@link ahpWeights} call. */
  readonly ahp?: AhpWeightsOptions;
}

/** One criterion of the synthesised hierarchy. */
export interface HierarchyCriterionWeight {
  /** The node id. */
  readonly id: string;
  /** Ids from the first criterion level down to this node. */
  readonly path: string[];
  /** 1 for the goal's children, 2 for their children, … */
  readonly level: number;
  /** Weight among its siblings (sum 1 per parent). */
  readonly localWeight: number;
  /** Product of local weights from the goal (leaves sum to 1). */
  readonly globalWeight: number;
  /** Whether it rates the alternatives directly. */
  readonly isLeaf: boolean;
  /** CR of the matrix that weighted this node's children (or, for a leaf, its alternatives); null when weights or scores were given. */
  readonly consistencyRatio: number | null;
  /** Leaf only: the alternatives' local priorities under this criterion (after the mode); null otherwise. */
  readonly alternativePriorities: number[] | null;
}

/** One alternative of the synthesis. */
export interface HierarchyAlternativeScore {
  /** The alternative's id. */
  readonly alternative: string;
  /** Global priority (scores sum to 1). */
  readonly score: number;
  /** Competition rank, 1 = best. */
  readonly rank: number;
}

/** Result of {@link synthesiseHierarchy}. */
export interface SynthesiseHierarchyResult {
  /** Every criterion node, depth first in input order. */
  readonly criteria: HierarchyCriterionWeight[];
  /** Alternatives sorted by rank, then id. */
  readonly ranking: HierarchyAlternativeScore[];
  /** Global priorities in the order of `alternatives` (sum 1). */
  readonly scores: number[];
  /** CR of the goal's `comparisons`, or null when child weights were given. */
  readonly consistencyRatio: number | null;
  /** The mode used. */
  readonly mode: SynthesisMode;
}

/**
 * Synthesises an AHP hierarchy (goal → criteria → sub-criteria → alternatives) into local and
 * global weights and a global priority per alternative.
 *
 * Rule (Saaty 1980, hierarchic composition): each node's children get local weights from the
 * node's pairwise `comparisons` (principal eigenvector by default, see {@link ahpWeights}) or from
 * their own `weight` values normalised to sum 1; a node's global weight is the product of local
 * weights down from the goal. Each leaf criterion gives the alternatives local priorities —
 * from `alternativeComparisons`, or from non-negative `priorities` — normalised to sum 1
 * (`"distributive"`) or divided by their maximum (`"ideal"`, Belton & Gear 1983, "On a
 * short-coming of Saaty's method of analytic hierarchies", Omega 11(3):228–230, which prevents
 * rank reversal when an alternative is added). An alternative's score is Σ over leaves of global
 * weight × local priority, finally normalised to sum 1.
 *
 * @param hierarchy - the goal node (its children are the first-level criteria)
 * @param alternatives - the alternatives' ids, in the order of every `priorities` and matrix
 * @param options - the synthesis mode and AHP options
 * @returns the local and global weight of every criterion and the ranked alternatives
 * @throws AssessmentError `invalid_type`, `missing_field` (a node without children or ratings, a
 *   child without weight), `invalid_value` (a node giving more than one of children, priorities and
 *   alternativeComparisons, or comparisons and child weights both given), `duplicate_id`,
 *   `length_mismatch` (a matrix or priorities of the wrong size),
 *   `negative_weight` / `zero_weights` (child weights), `out_of_range` (a negative priority),
 *   `zero_spread` (a leaf whose priorities are all 0), and every {@link ahpWeights} error under the
 *   node's path
 * @example
 * ```ts
 * import { synthesiseHierarchy } from "icc-assessment/prioritisation";
 * const r = synthesiseHierarchy(
 *   {
 *     id: "goal",
 *     children: [
 *       { id: "impact", weight: 0.6, priorities: [3, 1] },
 *       {
 *         id: "feasibility",
 *         weight: 0.4,
 *         comparisons: [
 *           [1, 3],
 *           [1 / 3, 1],
 *         ],
 *         children: [
 *           { id: "cost", priorities: [1, 1] },
 *           { id: "time", priorities: [1, 3] },
 *         ],
 *       },
 *     ],
 *   },
 *   ["platform", "infoPoints"],
 * );
 * r.criteria.map((c) => [c.id, Math.round(c.globalWeight * 1000) / 1000]); // => [["impact", 0.6], ["feasibility", 0.4], ["cost", 0.3], ["time", 0.1]]
 * r.ranking.map((a) => a.alternative); // => ["platform", "infoPoints"]
 * r.scores.map((s) => Math.round(s * 1000) / 1000); // => [0.625, 0.375]
 * ```
 */
export function synthesiseHierarchy(
  hierarchy: HierarchyNode,
  alternatives: readonly string[],
  options?: SynthesiseHierarchyOptions,
): SynthesiseHierarchyResult {
  const o = readOptions(options, ["options"]);
  const mode = readChoice(
    o.mode,
    synthesisModes,
    SYNTHESIS_DEFAULTS.mode,
    ["options", "mode"],
    "mode",
  );
  const ahp = readOptions(o.ahp, ["options", "ahp"]);
  const alts = readIds(alternatives, ["alternatives"], "alternatives");
  const m = alts.length;
  const totals = new Float64Array(m);
  const criteria: HierarchyCriterionWeight[] = [];
  // node ids, unique across the whole hierarchy
  const seen = new Set<string>();

  /** AHP weights of the comparison matrix at `path`, which must compare `order` `things`. */
  const weigh = (
    matrix: readonly (readonly number[])[],
    order: number,
    path: readonly PathSegment[],
    things: string,
  ): { w: readonly number[]; cr: number } => {
    const r = underPath(path, "matrix", () => ahpWeights(matrix, ahp));
    if (r.n !== order) {
      failAt(
        "length_mismatch",
        path,
        `${path[path.length - 1]} must compare the ${order} ${things}, got order ${r.n}`,
      );
    }
    return { w: r.weights, cr: r.consistencyRatio };
  };

  const leafPriorities = (
    node: HierarchyNode,
    path: readonly PathSegment[],
  ): { p: readonly number[]; cr: number | null } => {
    let p: readonly number[];
    let cr: number | null = null;
    if (node.alternativeComparisons !== undefined) {
      ({ w: p, cr } = weigh(
        node.alternativeComparisons,
        m,
        [...path, "alternativeComparisons"],
        "alternatives",
      ));
    } else {
      const raw: unknown = node.priorities;
      if (!Array.isArray(raw) || raw.length !== m)
        readList(raw, [...path, "priorities"], "priorities", 0, m, "alternative");
      for (let i = 0; i < m; i++) {
        const x: unknown = (raw as readonly unknown[])[i];
        if (!isNumberIn(x, NON_NEGATIVE)) {
          failNumber(x, [...path, "priorities", i], `priorities[${i}]`, NON_NEGATIVE);
        }
      }
      p = raw as number[];
    }
    const top = Math.max(...p);
    let scale = mode === "ideal" ? top : p.reduce((s, x) => s + x, 0);
    // priorities near the largest double can sum past it: divide by the largest first
    if (!Number.isFinite(scale)) {
      const q = p.map((x) => x / top);
      scale = q.reduce((s, x) => s + x, 0);
      return { p: q.map((x) => x / scale), cr };
    }
    if (!(scale > 0)) {
      failAt(
        "zero_spread",
        [...path, "priorities"],
        `priorities of ${show(node.id)} are all 0; nothing to normalise`,
      );
    }
    return { p: p.map((x) => x / scale), cr };
  };

  const childWeights = (
    node: HierarchyNode,
    kids: readonly HierarchyNode[],
    path: readonly PathSegment[],
  ): { w: ArrayLike<number>; cr: number | null } => {
    if (node.comparisons === undefined) {
      return {
        w: readWeights(kids, kids.length, [...path, "children"], "children", CHILD_WEIGHTS),
        cr: null,
      };
    }
    const withWeight = kids.findIndex((c) => c.weight !== undefined);
    if (withWeight >= 0) {
      failAt(
        "invalid_value",
        [...path, "children", withWeight, "weight"],
        `${show(node.id)} weighs its children by comparisons, so a child must not also give a weight`,
      );
    }
    return weigh(node.comparisons, kids.length, [...path, "comparisons"], "children");
  };

  const walk = (
    node: HierarchyNode,
    path: readonly PathSegment[],
    ids: readonly string[],
    level: number,
    local: number,
    global: number,
  ): number | null => {
    const kidsRaw: unknown = node.children;
    if (kidsRaw !== undefined && !Array.isArray(kidsRaw))
      readList(kidsRaw, [...path, "children"], "children");
    const hasKids = Array.isArray(kidsRaw) && kidsRaw.length > 0;
    if (level === 0 && !hasKids)
      failAt("missing_field", [...path, "children"], "the goal needs at least one criterion");
    // a node weighs children, or rates the alternatives by priorities or by comparisons: one way
    const ways =
      (hasKids ? 1 : 0) +
      (node.priorities !== undefined ? 1 : 0) +
      (node.alternativeComparisons !== undefined ? 1 : 0);
    if (ways !== 1) {
      failAt(
        ways === 0 ? "missing_field" : "invalid_value",
        path,
        `criterion ${show(node.id)} must give exactly one of children, priorities or alternativeComparisons, got ${
          ways === 0 ? "none" : ways
        }`,
      );
    }
    if (!hasKids) {
      const { p, cr } = leafPriorities(node, path);
      for (let a = 0; a < m; a++) totals[a] = (totals[a] as number) + global * (p[a] as number);
      criteria.push({
        id: node.id,
        path: [...ids],
        level,
        localWeight: clean(local),
        globalWeight: clean(global),
        isLeaf: true,
        consistencyRatio: cr,
        alternativePriorities: p.map(clean),
      });
      return cr;
    }
    const kids = readKeyed(
      kidsRaw,
      [...path, "children"],
      "children",
      "id",
      1,
      seen,
    ) as readonly unknown[] as readonly HierarchyNode[];
    const { w, cr } = childWeights(node, kids, path);
    if (level > 0) {
      criteria.push({
        id: node.id,
        path: [...ids],
        level,
        localWeight: clean(local),
        globalWeight: clean(global),
        isLeaf: false,
        consistencyRatio: cr,
        alternativePriorities: null,
      });
    }
    kids.forEach((c, i) =>
      walk(
        c,
        [...path, "children", i],
        [...ids, c.id],
        level + 1,
        w[i] as number,
        global * (w[i] as number),
      ),
    );
    return cr;
  };

  const goal = checkRecord(hierarchy, ["hierarchy"], "hierarchy") as unknown as HierarchyNode;
  if (!isNewId(goal.id, null, seen)) failId(goal.id, ["hierarchy", "id"], "hierarchy.id", null);
  seen.add(goal.id);
  const goalCr = walk(goal, ["hierarchy"], [], 0, 1, 1);
  const sum = totals.reduce((s, x) => s + x, 0);
  const scores = Array.from(totals, (x) => clean(x / sum));
  const ranks = ranksDescending(scores);
  const ranking = orderByRankThenId(ranks, alts).map((i) => ({
    alternative: alts[i] as string,
    score: scores[i] as number,
    rank: ranks[i] as number,
  }));
  return { criteria, ranking, scores, consistencyRatio: goalCr, mode };
}
