/** A planning horizon: items whose effective end falls within `months` of the plan start. */
export interface Horizon {
  /** Stable id, such as `quickWin`; `beyondHorizon` and `unscheduled` are reserved. */
  readonly id: string;
  /** Human-readable name, such as `Quick win`. */
  readonly label: string;
  /** Length in whole calendar months from the plan start (date-fns month arithmetic). */
  readonly months: number;
}

/**
 * The ICC's two horizons: quick wins within 6 months and longer-term projects within 15 months of
 * the plan start.
 *
 * Source: documented by the ICC (Innovative Sofia, "Second discussion seminar with Sofia
 * stakeholders within the ICC project", 8 February 2021: quick wins "within the next 6 months",
 * longer-term projects "before the end of the project – in the next 15 months"). The boundary rule
 * (on or before start + n months) is designed by this project; see
 * docs/methodology/timeline-actions.md, Horizons.
 *
 * @example
 * ```ts
 * import { defaultHorizons } from "icc-assessment/timeline";
 * defaultHorizons.map((h) => `${h.id}:${h.months}`); // => ["quickWin:6", "longTerm:15"]
 * ```
 */
export const defaultHorizons: readonly Horizon[] = [
  { id: "quickWin", label: "Quick win", months: 6 },
  { id: "longTerm", label: "Long-term project", months: 15 },
];
