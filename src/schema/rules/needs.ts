import type { RuleContext } from "./context.js";

/** The needs rules of validateAssessment. */
export function checkNeeds(ctx: RuleContext): void {
  void ctx;
}
