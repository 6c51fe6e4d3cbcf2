import { compareIds } from "../_lib/sort.js";
import { clean, readItemNumber, readItems, readNumber, type NumberRange } from "./_shared.js";
import { describe as show, failAt } from "../_lib/assert.js";

/** The four quadrants of an impact/effort matrix, in priority order. */
export const impactEffortQuadrants = [
  "quickWin",
  "majorProject",
  "fillIn",
  "thanklessTask",
] as const;
/** An impact/effort quadrant. */
export type ImpactEffortQuadrant = (typeof impactEffortQuadrants)[number];

/** A threshold: any finite number, required (no threshold is assumed). */
const THRESHOLD: NumberRange = { required: true };

/** An item to place on the impact/effort matrix. */
export interface ImpactEffortItem {
  /** The item's id (a solution id). */
  readonly id: string;
  /** Expected impact (higher is better), on any scale shared by all items. */
  readonly impact: number;
  /** Expected effort (higher is more work), on any scale shared by all items. */
  readonly effort: number;
}

/** Options of {@link classifyImpactEffort}: the two thresholds are required, nothing is guessed. */
export interface ClassifyImpactEffortOptions {
  /** Impact at or above this is high. */
  readonly impactThreshold: number;
  /** Effort at or above this is high (below it is low). */
  readonly effortThreshold: number;
}

/** One placed item. */
export interface ImpactEffortPlacement {
  /** The item's id. */
  readonly id: string;
  /** Its impact. */
  readonly impact: number;
  /** Its effort. */
  readonly effort: number;
  /** The quadrant it falls in. */
  readonly quadrant: ImpactEffortQuadrant;
  /** The rule that placed it, e.g. `impact 4 ≥ 3 and effort 2 < 3`. */
  readonly rule: string;
}

/** Result of {@link classifyImpactEffort}. */
export interface ClassifyImpactEffortResult {
  /** Items in priority order: quadrant order, then impact (high first), effort (low first), id. */
  readonly items: ImpactEffortPlacement[];
  /** Ids per quadrant, in the same order. */
  readonly quadrants: Readonly<Record<ImpactEffortQuadrant, string[]>>;
  /** The thresholds used and their inclusivity. */
  readonly thresholds: {
    /** The impact threshold. */
    readonly impact: number;
    /** The effort threshold. */
    readonly effort: number;
    /** The inclusivity: a value equal to its threshold is high. */
    readonly rule: "high when value >= threshold";
  };
}

/**
 * Places items on the 2 × 2 impact/effort matrix: quick wins, major projects, fill-ins and
 * thankless tasks.
 *
 * Rule (the "action priority matrix", as described by MindTools; thresholds designed by this
 * project): impact is high when `impact ≥ impactThreshold`, effort is high when
 * `effort ≥ effortThreshold`. High impact and low effort is a quick win, high impact and high
 * effort a major project, low impact and low effort a fill-in, low impact and high effort a
 * thankless task. A value exactly on a threshold counts as high
 * (docs/methodology/prioritisation.md, Heuristics). Every placed item carries the comparison that
 * placed it.
 *
 * @param items - items with impact and effort on scales shared by all items
 * @param options - the impact and effort thresholds (required)
 * @returns every item with its quadrant and rule, in priority order, and the ids per quadrant
 * @throws AssessmentError `invalid_type`, `empty`, `duplicate_id` (items); `non_finite`
 *   (impact, effort or a threshold); `missing_field` (a threshold not given)
 * @example
 * ```ts
 * import { classifyImpactEffort } from "icc-assessment/prioritisation";
 * const r = classifyImpactEffort(
 *   [
 *     { id: "infoPoints", impact: 3, effort: 1 },
 *     { id: "platform", impact: 5, effort: 4 },
 *     { id: "chatbot", impact: 2, effort: 3 },
 *   ],
 *   { impactThreshold: 3, effortThreshold: 3 },
 * );
 * r.quadrants; // => { quickWin: ["infoPoints"], majorProject: ["platform"], fillIn: [], thanklessTask: ["chatbot"] }
 * r.items[0]?.rule; // => "impact 3 ≥ 3 and effort 1 < 3"
 * ```
 */
export function classifyImpactEffort(
  items: readonly ImpactEffortItem[],
  options: ClassifyImpactEffortOptions,
): ClassifyImpactEffortResult {
  if (typeof options !== "object" || options === null) {
    failAt(
      "missing_field",
      ["options"],
      `options must give impactThreshold and effortThreshold, got ${show(options)}`,
    );
  }
  const ti = readNumber(
    options.impactThreshold,
    ["options", "impactThreshold"],
    "impactThreshold",
    THRESHOLD,
  );
  const te = readNumber(
    options.effortThreshold,
    ["options", "effortThreshold"],
    "effortThreshold",
    THRESHOLD,
  );
  const list = readItems(items);
  const placed: ImpactEffortPlacement[] = list.map((item, i) => {
    const impact = clean(readItemNumber(item, i, "impact"));
    const effort = clean(readItemNumber(item, i, "effort"));
    const highImpact = impact >= ti;
    const highEffort = effort >= te;
    const quadrant: ImpactEffortQuadrant = highImpact
      ? highEffort
        ? "majorProject"
        : "quickWin"
      : highEffort
        ? "thanklessTask"
        : "fillIn";
    const rule = `impact ${impact} ${highImpact ? "≥" : "<"} ${ti} and effort ${effort} ${highEffort ? "≥" : "<"} ${te}`;
    return { id: item["id"] as string, impact, effort, quadrant, rule };
  });
  placed.sort(
    (a, b) =>
      impactEffortQuadrants.indexOf(a.quadrant) - impactEffortQuadrants.indexOf(b.quadrant) ||
      b.impact - a.impact ||
      a.effort - b.effort ||
      compareIds(a.id, b.id),
  );
  const quadrants: Record<ImpactEffortQuadrant, string[]> = {
    quickWin: [],
    majorProject: [],
    fillIn: [],
    thanklessTask: [],
  };
  for (const p of placed) quadrants[p.quadrant].push(p.id);
  return {
    items: placed,
    quadrants,
    thresholds: { impact: ti, effort: te, rule: "high when value >= threshold" },
  };
}
