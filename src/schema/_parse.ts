import type * as z from "zod/mini";
// the English locale alone (the locales index would load every language at import)
import en from "zod/v4/locales/en.js";
import { AssessmentError, type Issue } from "../errors/AssessmentError.js";
import { checkJsonBounds, fromZodIssues } from "./issues.js";
import { checkFormatVersion } from "./version.js";

/**
 * The result of a `safeParse*` function: the data and any warnings, or every issue found (and the
 * error `parse*` would throw). Never throws.
 */
export type SafeParseResult<T> =
  | { readonly success: true; readonly data: T; readonly warnings: readonly Issue[] }
  | {
      readonly success: false;
      readonly issues: readonly Issue[];
      readonly error: AssessmentError;
      readonly warnings: readonly Issue[];
    };

/** What the semantic checks of a document found. */
export interface SemanticIssues {
  readonly errors: readonly Issue[];
  readonly warnings: readonly Issue[];
}

/**
 * zod's English messages, passed to each parse (zod mini loads no locale, and setting zod's global
 * config would change it for the whole program). Made on first use, not at import.
 */
let english: z.core.$ZodErrorMap | undefined;

/** A failed parse with these issues (and warnings found before the failure). */
export function failure<T>(
  issues: readonly Issue[],
  warnings: readonly Issue[] = [],
): SafeParseResult<T> {
  return {
    success: false,
    issues,
    error: new AssessmentError(issues, "invalid_document"),
    warnings,
  };
}

/**
 * Bounds, version, shape, then semantic checks; returns issues or data (zod's output: a fresh
 * value, never the caller's object).
 */
export function runParse<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  kind: string,
  semantic: (data: z.output<S>) => SemanticIssues,
  options: { versioned: boolean },
): SafeParseResult<z.output<S>> {
  let reading = true;
  try {
    const bounds = checkJsonBounds(input);
    if (bounds.length > 0) return failure(bounds);
    if (options.versioned) {
      const version = checkFormatVersion(input, kind);
      if (version.length > 0) return failure(version);
    }
    english ??= en().localeError;
    const r = schema.safeParse(input, { reportInput: true, error: english });
    reading = false;
    if (!r.success) return failure(fromZodIssues(r.error.issues));
    const more = semantic(r.data);
    if (more.errors.length > 0) return failure(more.errors, more.warnings);
    return { success: true, data: r.data, warnings: more.warnings };
  } catch (e) {
    // a rule that throws is a bug of this library: let it through
    if (!reading) throw e;
    // reading the input itself failed (a getter that throws, a revoked proxy): not JSON data
    return failure([
      {
        code: "invalid_type",
        path: [],
        message: `expected JSON data, but reading the ${kind} threw: ${e instanceof Error ? e.message : String(e)}`,
      },
    ]);
  }
}
