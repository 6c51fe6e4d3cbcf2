import type { Assessment } from "./assessment.js";
import type { SafeParseResult } from "./_parse.js";
import { checkAssessment, type ValidateAssessmentOptions } from "./validateAssessment.js";

/** Options of {@link parseAssessment}: the same as {@link validateAssessment}'s. */
export type ParseAssessmentOptions = ValidateAssessmentOptions;

/**
 * Validates an assessment document and returns it typed, with money as `Decimal`: the value every
 * stage function takes.
 *
 * The rules are {@link validateAssessment}'s; warnings do not refuse the document (use
 * {@link safeParseAssessment} to read them). The value returned is a fresh copy, deeply frozen and
 * marked as parsed: never the caller's object, so changing that object afterwards changes
 * nothing, and the stages check the mark in O(1) and trust the value. Designed by this project,
 * after zod's and valibot's "parse, don't validate".
 *
 * @param input - a parsed JSON value
 * @param options - frameworks the assessment may refer to (default: the built-in ones)
 * @returns the typed, parsed assessment
 * @throws AssessmentError `invalid_document`, with one issue per problem, each with its JSON path
 * @example
 * ```ts
 * import { parseAssessment } from "icc-assessment/schema";
 * try {
 *   parseAssessment({ formatVersion: "1.0" });
 * } catch (e) {
 *   (e as { issues: { path: unknown[] }[] }).issues[0].path; // => ["city"]
 * }
 * ```
 */
export function parseAssessment(input: unknown, options: ParseAssessmentOptions = {}): Assessment {
  const r = checkAssessment(input, options);
  if (!r.success) throw r.error;
  return r.data;
}

/**
 * Like {@link parseAssessment}, but returns `{ success: true, data, warnings }` or
 * `{ success: false, issues, error, warnings }` instead of throwing.
 *
 * @param input - a parsed JSON value
 * @param options - frameworks the assessment may refer to (default: the built-in ones)
 * @returns the result
 * @throws never
 * @example
 * ```ts
 * import { safeParseAssessment } from "icc-assessment/schema";
 * const r = safeParseAssessment({ formatVersion: "2.0" });
 * r.success; // => false
 * ```
 */
export function safeParseAssessment(
  input: unknown,
  options: ParseAssessmentOptions = {},
): SafeParseResult<Assessment> {
  return checkAssessment(input, options);
}
