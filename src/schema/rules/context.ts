import type { Issue, PathSegment } from "../../errors/AssessmentError.js";
import type { ErrorCode } from "../../errors/codes.js";
import type { AssessmentData } from "../assessment.js";
import type { MaturityFramework } from "../framework.js";

/**
 * What a semantic rule of {@link validateAssessment} reads and where it reports. Each rule module
 * (`rules/*.ts`) exports one `check*(ctx)` that reads `ctx.a` (shape-valid: the schema has passed)
 * and pushes every problem it finds, never stopping at the first. Rules build messages only for
 * what fails.
 */
export interface RuleContext {
  /** The assessment as the schema shaped it (money as Decimal). */
  readonly a: AssessmentData;
  /**
   * The framework `a.maturity.framework` names, when it is known (embedded in the assessment,
   * passed in `options.frameworks`, or built in); `undefined` when there is no maturity part or the
   * reference is unknown (already reported).
   */
  readonly framework: MaturityFramework | undefined;
  /** Problems that make the document unusable: any of them refuses it. */
  readonly errors: Issue[];
  /** Legal but probably wrong: reported, the document is still accepted. */
  readonly warnings: Issue[];
}

/** Pushes an error onto `ctx.errors`. */
export function error(
  ctx: RuleContext,
  code: ErrorCode,
  path: readonly PathSegment[],
  message: string,
): void {
  ctx.errors.push({ code, path, message });
}

/** Pushes a warning onto `ctx.warnings`. */
export function warn(
  ctx: RuleContext,
  code: ErrorCode,
  path: readonly PathSegment[],
  message: string,
): void {
  ctx.warnings.push({ code, path, message });
}
