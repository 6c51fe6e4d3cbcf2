import { MaturityFrameworkSchema, type MaturityFramework } from "./framework.js";
import { checkFramework } from "./checkFramework.js";
import { runParse, type SafeParseResult } from "./_parse.js";

/**
 * Validates a maturity framework (a built-in one or a user's own) and returns it typed.
 *
 * Beyond its shape: unique dimension, indicator, level, option and row ids; every indicator's
 * dimension and every dimension's parent exist and the dimension tree has no cycle; each dimension
 * has components whose weights sum to a positive number; likert and grid scales increase; a
 * multiSelect has a positive option; and the level bands cover the framework's scale (default
 * [0, 100]) with no gap and no overlap, lower bounds inclusive and upper bounds exclusive unless
 * declared otherwise, the top band including the maximum. Designed by this project.
 *
 * @param input - the framework as JSON data
 * @returns the typed framework
 * @throws AssessmentError `invalid_document` with `band_gap`, `band_overlap`, `duplicate_id`,
 *   `unknown_reference`, `cycle`, `zero_weights`, … issues
 * @example
 * ```ts
 * import { defineFramework } from "icc-assessment/schema";
 * const f = defineFramework({
 *   id: "mini", version: "1.0", title: "Mini", provenance: "designed", sources: [],
 *   dimensions: [{ id: "d", title: "D" }],
 *   indicators: [{ id: "q1", dimension: "d", title: "Has a portal", type: "binary" }],
 *   levels: [{ id: "low", title: "Low", min: 0, max: 50 }, { id: "high", title: "High", min: 50, max: 100 }],
 * });
 * f.levels.length; // => 2
 * ```
 */
export function defineFramework(input: unknown): MaturityFramework {
  const r = safeDefineFramework(input);
  if (!r.success) throw r.error;
  return r.data;
}

/**
 * Like {@link defineFramework}, but returns `{ success, data | issues }` instead of throwing.
 *
 * @param input - the framework as JSON data
 * @returns the result
 * @throws never
 * @example
 * ```ts
 * import { safeDefineFramework } from "icc-assessment/schema";
 * safeDefineFramework({ id: "x" }).success; // => false
 * ```
 */
export function safeDefineFramework(input: unknown): SafeParseResult<MaturityFramework> {
  return runParse(
    MaturityFrameworkSchema,
    input,
    "framework",
    (f) => ({ errors: checkFramework(f), warnings: [] }),
    { versioned: false },
  );
}
