import type { PathSegment } from "../errors/AssessmentError.js";
import { assertArrayAt, checkRecord } from "../_lib/assert.js";
import { nullish, wholeOption, type OptionSpec } from "../_lib/options.js";
import type { PlannedAction } from "./buildActionPlan.js";

/** `options.decimals`: a whole number from 0 to 10, default 2 (`null` too). */
export const decimalsOption = nullish(wholeOption(0, 10), 2);

const CURRENCY_RE = /^[A-Z]{3}$/;

/** An ISO 4217 currency code (`invalid_value`): an option, a rate's key, a total's currency. */
export const currencyOption: OptionSpec<string> = {
  test: (value): value is string => typeof value === "string" && CURRENCY_RE.test(value),
  code: "invalid_value",
  expected: 'an ISO 4217 currency code such as "EUR"',
};

const PLAN: readonly PathSegment[] = ["plan"];
const PLAN_ACTIONS: readonly PathSegment[] = ["plan", "actions"];

/**
 * Reads a plan given to a function that follows it up: an object (`invalid_type`) whose `actions`
 * are an array (`invalid_type`); each action is checked where it is read.
 */
export function checkPlan(plan: unknown): {
  readonly record: Readonly<Record<string, unknown>>;
  readonly actions: readonly PlannedAction[];
} {
  const record = checkRecord(plan, PLAN, "plan");
  const actions = record["actions"];
  assertArrayAt(actions, PLAN_ACTIONS, "actions");
  return { record, actions: actions as readonly PlannedAction[] };
}
