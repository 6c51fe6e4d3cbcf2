import type { RuleContext } from "./context.js";

/** The maturity rules of validateAssessment. */
export function checkMaturity(ctx: RuleContext): void {
  void ctx;
}
