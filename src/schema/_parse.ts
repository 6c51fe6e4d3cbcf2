import type * as z from "zod/mini";
// the English locale alone (the locales index would load every language at import)
import en from "zod/v4/locales/en.js";
import { AssessmentError, type Issue } from "../errors/AssessmentError.js";
import { checkJsonBounds, fromZodIssues } from "./issues.js";
import { checkFormatVersion } from "./version.js";

/** The result of a `safeParse*` function. */
export type SafeParseResult<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly issues: readonly Issue[]; readonly error: AssessmentError };

/**
 * zod's English messages, passed to each parse (zod mini loads no locale, and setting zod's global
 * config would change it for the whole program). Made on first use, not at import.
 */
let english: z.core.$ZodErrorMap | undefined;

/** Bounds, version, shape, then semantic checks; returns issues or data. */
export function runParse<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  kind: string,
  semantic: (data: z.output<S>) => Issue[],
  options: { versioned: boolean },
): SafeParseResult<z.output<S>> {
  const fail = (issues: Issue[]): SafeParseResult<z.output<S>> => ({
    success: false,
    issues,
    error: new AssessmentError(issues, "invalid_document"),
  });
  const bounds = checkJsonBounds(input);
  if (bounds.length > 0) return fail(bounds);
  if (options.versioned) {
    const version = checkFormatVersion(input, kind);
    if (version.length > 0) return fail(version);
  }
  english ??= en().localeError;
  const r = schema.safeParse(input, { reportInput: true, error: english });
  if (!r.success) return fail(fromZodIssues(r.error.issues));
  const more = semantic(r.data);
  if (more.length > 0) return fail(more);
  return { success: true, data: r.data };
}
