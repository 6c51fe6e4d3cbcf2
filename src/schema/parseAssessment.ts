import { AssessmentSchema, checkAssessmentReferences, type Assessment } from "./assessment.js";
import type { MaturityFramework } from "./framework.js";
import { checkFramework } from "./checkFramework.js";
import { runParse, type SafeParseResult } from "./_parse.js";
import type { Issue } from "../errors/AssessmentError.js";

/** Options of {@link parseAssessment}. */
export interface ParseAssessmentOptions {
  /**
   * Frameworks the assessment may refer to besides those it embeds (for example the built-in
   * `frameworks` of `icc-assessment/frameworks`). When the assessment's framework is found, need
   * dimensions, observation and evidence indicators, and targets are checked against it.
   */
  readonly frameworks?: readonly MaturityFramework[];
}

function semantic(options: ParseAssessmentOptions) {
  return (a: Assessment): Issue[] => {
    const issues: Issue[] = [];
    (a.frameworks ?? []).forEach((f, i) => {
      for (const issue of checkFramework(f))
        issues.push({ ...issue, path: ["frameworks", i, ...issue.path] });
    });
    issues.push(...checkAssessmentReferences(a, options.frameworks ?? []));
    return issues;
  };
}

/**
 * Validates an assessment document and returns it typed, with money as `Decimal`.
 *
 * Rules, in order: bounded size and depth and no prototype keys (`__proto__`, `constructor`,
 * `prototype`); a supported `formatVersion` major (1); the shape (unknown keys reported, strict
 * `YYYY-MM-DD` dates, money as decimal strings with an ISO 4217 currency, no NaN, Infinity or
 * numbers-as-strings); embedded frameworks sound ({@link defineFramework}'s rules); then unique ids
 * in every collection and every reference resolving. Designed by this project.
 *
 * @param input - a parsed JSON value
 * @param options - frameworks to resolve the assessment's framework reference against
 * @returns the typed assessment
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
  const r = safeParseAssessment(input, options);
  if (!r.success) throw r.error;
  return r.data;
}

/**
 * Like {@link parseAssessment}, but returns `{ success: true, data }` or
 * `{ success: false, issues, error }` instead of throwing.
 *
 * @param input - a parsed JSON value
 * @param options - frameworks to resolve the assessment's framework reference against
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
  return runParse(AssessmentSchema, input, "assessment", semantic(options), { versioned: true });
}
