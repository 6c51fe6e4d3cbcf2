import type { RuleContext } from "./context.js";

/** The prioritisation rules of validateAssessment. */
export function checkPrioritisation(ctx: RuleContext): void {
  void ctx;
}
