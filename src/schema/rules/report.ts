import type { RuleContext } from "./context.js";

/**
 * The report rules of validateAssessment: what `createReport` would refuse about a document beyond
 * what its stages refuse. There is none (designed by this project): with default options,
 * `createReport` runs each stage as that stage's own default call does, so the stage rules cover
 * its sections, and what is left is decided by the rules of the stages that own the data —
 * maturity.ts refuses a maturity part without observations and observations of several units none
 * of which is the city (the unit a report takes by default), and plan.ts refuses amounts in several
 * currencies (the exchange rates are an option, not part of the document). What `createReport`
 * still refuses is about its options only: a framework missing from `options.frameworks`, an
 * `options.unit` without answers, a method or a stability setting it cannot use. A rule that only
 * a report needs goes here.
 */
export function checkReport(ctx: RuleContext): void {
  void ctx;
}
