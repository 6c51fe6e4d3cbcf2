import { describe, failAt } from "../_lib/assert.js";
import type { Assessment } from "../schema/assessment.js";
import type { Decision } from "./buildDecision.js";
import type { MethodOptions } from "./_model.js";
import { stabilityMethods } from "./rankStability.js";
import { AHP_DEFAULTS, byAhp } from "./_ahpMethod.js";
import { TOPSIS_DEFAULTS } from "./topsis.js";
import { WEIGHTED_SUM_DEFAULTS } from "./weightedSum.js";
import { byTopsis, byWeightedSum, type Checked } from "./_decision.js";
import { byVotes, VOTES_DEFAULTS } from "./_votesMethod.js";

/** Which criteria weights a method runs with. */
export type MethodWeights = "criteria" | "ahp";

/** One ranking method of the registry. */
export interface PrioritisationMethodEntry<Id extends string = string, R = unknown> {
  /** The method's id, as `prioritise`'s `method` option and the CLI's `--method` name it. */
  readonly id: Id;
  /** Its name in English, for messages, help texts and user interfaces. */
  readonly label: string;
  /** The defaults of its options, as `prioritise` applies them. */
  readonly defaults: Readonly<Record<string, string>>;
  /**
   * `"ahp"`: with an assessment's criteria judgements, it runs on the decision whose criteria
   * weights come from them (`buildDecision(a, { weights: "ahp" })`); `"criteria"`: on the
   * criteria's own weights.
   */
  readonly weights: MethodWeights;
  /** Whether `createReport` and `icc-assess prioritise` run it when no methods are named. */
  readonly runsByDefault: (assessment: Assessment) => boolean;
  /** Runs it on a checked decision. */
  readonly run: (decision: Decision, checked: Checked, options: MethodOptions) => R;
}

/**
 * The ranking methods, in their default order (the first gives a report's ranking): each with its
 * id, label, option defaults, the weights it uses, when it runs by default, and how it runs on a
 * decision. `prioritise`, `createReport` (through `prioritiseAssessment`) and `icc-assess
 * prioritise` read this table; adding a method is one entry here and the method's own file.
 * Designed by this project.
 */
export const prioritisationRegistry = [
  {
    id: "weightedSum",
    label: "Weighted sum",
    defaults: WEIGHTED_SUM_DEFAULTS,
    weights: "criteria",
    runsByDefault: () => true,
    run: byWeightedSum,
  },
  {
    id: "topsis",
    label: "TOPSIS",
    defaults: TOPSIS_DEFAULTS,
    weights: "criteria",
    runsByDefault: () => true,
    run: byTopsis,
  },
  {
    id: "votes",
    label: "Votes (Borda count)",
    defaults: VOTES_DEFAULTS,
    weights: "criteria",
    // the default rule (Borda) counts ranked ballots
    runsByDefault: (a: Assessment) => (a.ballots ?? []).some((b) => (b.ranking ?? []).length > 0),
    run: byVotes,
  },
  {
    id: "ahp",
    label: "AHP-weighted sum",
    defaults: AHP_DEFAULTS,
    weights: "ahp",
    runsByDefault: (a: Assessment) => (a.prioritisation?.criteriaJudgements ?? []).length > 0,
    run: byAhp,
  },
] as const satisfies readonly PrioritisationMethodEntry[];

/** A prioritisation method: an id of {@link prioritisationRegistry}. */
export type PrioritisationMethod = (typeof prioritisationRegistry)[number]["id"];

/** Methods {@link prioritise} can rank a decision with: the registry's ids, in its order. */
// pure (annotated): importing one function of the stage does not keep the registry, and with it
// every method, in its bundle
export const prioritisationMethods: readonly PrioritisationMethod[] =
  /* @__PURE__ */ prioritisationRegistry.map((e) => e.id);

/**
 * The registry's entry of a method: its label, defaults, the weights it uses, when it runs by
 * default and how it runs on a decision. Designed by this project
 * (docs/methodology/prioritisation.md, The method registry).
 *
 * @param method - a method id of {@link prioritisationMethods}
 * @returns its entry
 * @throws AssessmentError `invalid_value` (path `["method"]`) for an id the registry does not have
 * @example
 * ```ts
 * import { methodEntry } from "icc-assessment/prioritisation";
 * methodEntry("topsis").label; // => "TOPSIS"
 * ```
 */
export function methodEntry(method: PrioritisationMethod): (typeof prioritisationRegistry)[number] {
  const entry = prioritisationRegistry.find((e) => e.id === method);
  if (entry === undefined)
    failAt(
      "invalid_value",
      ["method"],
      `method must be one of ${prioritisationMethods.join(", ")}, got ${describe(method)}`,
    );
  return entry;
}

/**
 * Whether `rankStability` can perturb the weights of a method: it has a per-draw scorer for the
 * weighted sum and TOPSIS (`stabilityMethods`), not for votes or AHP. Designed by this project.
 *
 * @param method - a method id
 * @returns true for a method rank stability can drive
 * @throws never: an unknown id gives false
 * @example
 * ```ts
 * import { canDriveStability } from "icc-assessment/prioritisation";
 * canDriveStability("topsis"); // => true
 * canDriveStability("votes"); // => false
 * ```
 */
export function canDriveStability(method: PrioritisationMethod): boolean {
  return (stabilityMethods as readonly string[]).includes(method);
}
