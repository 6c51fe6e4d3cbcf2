import type { RuleContext } from "./context.js";

/** The swot rules of validateAssessment. */
export function checkSwot(ctx: RuleContext): void {
  void ctx;
}
