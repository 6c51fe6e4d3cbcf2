import { assertFinite, assertRecord, describe, fail } from "../_lib/assert.js";

/** The three normalised components of the UN E-Government Development Index, each in [0, 1]. */
export interface EgdiComponents {
  /** Online Service Index. */
  readonly osi: number;
  /** Telecommunications Infrastructure Index. */
  readonly tii: number;
  /** Human Capital Index. */
  readonly hci: number;
}

/**
 * The UN E-Government Development Index: the mean of its three normalised components,
 * EGDI = (OSI + TII + HCI) / 3 (UN DESA E-Government Knowledgebase, Methodology: "EGDI = 1/3
 * (OSI normalized + TII normalized + HCI normalized)"). Each component is already normalised to
 * [0, 1] across countries by the UN; this function does not normalise.
 *
 * @param components - OSI, TII and HCI, each a finite number in [0, 1]
 * @returns the EGDI, in [0, 1]
 * @throws AssessmentError `invalid_type` when `components` is not an object or a component is
 *   not a number; `non_finite`; `out_of_range` for a component outside [0, 1] (path
 *   `["components", "osi" | "tii" | "hci"]`)
 * @example
 * ```ts
 * import { egdi } from "icc-assessment/frameworks";
 * // Bulgaria 2022 (published EGDI 0.7766)
 * Math.round(egdi({ osi: 0.7092, tii: 0.7984, hci: 0.8221 }) * 1e4) / 1e4; // => 0.7766
 * ```
 */
export function egdi(components: EgdiComponents): number {
  const c: unknown = components;
  assertRecord(c, ["components"], "components");
  let sum = 0;
  for (const key of ["osi", "tii", "hci"] as const) {
    const v = c[key];
    assertFinite(v, ["components", key], `components.${key}`);
    if (v < 0 || v > 1) {
      fail(
        "out_of_range",
        ["components", key],
        `components.${key} must lie in [0, 1], got ${describe(v)}`,
      );
    }
    sum += v;
  }
  return sum / 3;
}
