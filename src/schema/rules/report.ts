import type { RuleContext } from "./context.js";

/** The report rules of validateAssessment. */
export function checkReport(ctx: RuleContext): void {
  void ctx;
}
