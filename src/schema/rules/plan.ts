import type { RuleContext } from "./context.js";

/** The plan rules of validateAssessment. */
export function checkPlan(ctx: RuleContext): void {
  void ctx;
}
