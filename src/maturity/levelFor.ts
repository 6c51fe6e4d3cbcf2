import { describe, fail } from "../_lib/assert.js";
import { resolveBands, type ResolvedBand } from "../schema/checkFramework.js";
import type { LevelBand, MaturityFramework } from "../schema/framework.js";
import type { PathSegment } from "../errors/AssessmentError.js";
import { checkValue, findBand } from "./_shared.js";

/** A level a score falls in: the band's id and title and its 0-based position, lowest first. */
export interface LevelRef {
  readonly id: string;
  readonly title: string;
  /** 0 for the lowest level. */
  readonly index: number;
}

/**
 * Level bands as {@link levelFor} takes them: a framework (or its levels and scale), a framework's
 * `levels` as written, or resolved bands.
 */
export type LevelBands =
  Pick<MaturityFramework, "levels" | "scale"> | readonly LevelBand[] | readonly ResolvedBand[];

const ROOT: readonly PathSegment[] = [];

function resolved(bands: unknown): readonly ResolvedBand[] {
  if (Array.isArray(bands)) {
    let top = -Infinity;
    let bottom = Infinity;
    bands.forEach((b: unknown, i) => {
      const r = b as Partial<Record<keyof ResolvedBand, unknown>> | null;
      const inclusivity = (x: unknown) => x === undefined || typeof x === "boolean";
      if (
        typeof r !== "object" ||
        r === null ||
        typeof r.id !== "string" ||
        typeof r.title !== "string" ||
        typeof r.min !== "number" ||
        typeof r.max !== "number" ||
        !inclusivity(r.minInclusive) ||
        !inclusivity(r.maxInclusive)
      ) {
        fail(
          "invalid_type",
          ["bands", i],
          `bands[${i}] must be a level band { id, title, min, max, minInclusive?, maxInclusive? }, got ${describe(b)}`,
        );
      }
      top = Math.max(top, r.max);
      bottom = Math.min(bottom, r.min);
    });
    // a framework's levels as written: its bands cover its scale, so the scale runs from the lowest
    // minimum to the highest maximum, and the top band includes that maximum unless it says not
    return resolveBands({
      levels: bands as readonly LevelBand[] as LevelBand[],
      scale: { min: bottom, max: top },
    });
  }
  if (
    typeof bands !== "object" ||
    bands === null ||
    !Array.isArray((bands as { levels?: unknown }).levels)
  ) {
    fail(
      "invalid_type",
      ["bands"],
      `bands must be a framework with levels, or an array of resolved bands, got ${describe(bands)}`,
    );
  }
  const f = bands as Pick<MaturityFramework, "levels" | "scale">;
  f.levels.forEach((b, i) => {
    if (
      typeof b !== "object" ||
      b === null ||
      typeof b.min !== "number" ||
      typeof b.max !== "number"
    ) {
      fail(
        "invalid_type",
        ["bands", "levels", i],
        `levels[${i}] must be a band with numeric min and max, got ${describe(b)}`,
      );
    }
  });
  return resolveBands(f);
}

/**
 * The level a score falls in, by the bands' declared inclusivity.
 *
 * Rule: a band [min, max] contains a score s when s > min (or s = min and the lower bound is
 * inclusive) and s < max (or s = max and the upper bound is inclusive). A framework's bands are
 * resolved first: lower bound inclusive and upper exclusive unless declared, the top band
 * including the scale maximum (designed by this project, as the DESIGN states; the UN presets
 * declare their own). A list of bands (a framework's `levels` as written, or resolved bands) is
 * resolved the same way, its scale running from the lowest minimum to the highest maximum, which
 * is the framework's scale when its bands cover it. Bands are taken lowest first; a score in no
 * band gives `null`.
 *
 * @param score - a score on the framework's scale
 * @param bands - a framework (its `levels` and `scale`), its `levels` array, or resolved bands
 * @returns the level, or `null` when no band contains the score
 * @throws AssessmentError `invalid_type` / `non_finite` for a score that is not a finite number
 *   (path `["score"]`); `invalid_type` for bands of the wrong shape (path `["bands", …]`)
 * @example
 * ```ts
 * import { levelFor } from "icc-assessment/maturity";
 * const levels = [
 *   { id: "low", title: "Low", min: 0, max: 50 },
 *   { id: "high", title: "High", min: 50, max: 100 },
 * ];
 * levelFor(50, { levels }); // => { id: "high", title: "High", index: 1 }
 * levelFor(100, { levels })?.id; // => "high"
 * levelFor(120, { levels }); // => null
 * levelFor(100, levels)?.id; // => "high"
 * ```
 */
export function levelFor(score: number, bands: LevelBands): LevelRef | null {
  checkValue(score, "number", ROOT, "score", "invalid_type");
  const list = resolved(bands);
  const i = findBand(list, score);
  if (i < 0) return null;
  const b = list[i] as ResolvedBand;
  return { id: b.id, title: b.title, index: i };
}
