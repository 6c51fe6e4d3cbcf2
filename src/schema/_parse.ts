import type * as z from "zod";
import { AssessmentError, type Issue } from "../errors/AssessmentError.js";
import { checkJsonBounds, fromZodIssues } from "./issues.js";
import { checkFormatVersion } from "./version.js";

/** The result of a `safeParse*` function. */
export type SafeParseResult<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly issues: readonly Issue[]; readonly error: AssessmentError };

/** Bounds, version, shape, then semantic checks; returns issues or data. */
export function runParse<S extends z.ZodType>(
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
  const r = schema.safeParse(input, { reportInput: true });
  if (!r.success) return fail(fromZodIssues(r.error.issues));
  const more = semantic(r.data);
  if (more.length > 0) return fail(more);
  return { success: true, data: r.data };
}
