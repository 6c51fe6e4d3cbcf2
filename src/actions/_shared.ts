import type { PathSegment } from "../errors/AssessmentError.js";
import { assertArrayAt, checkRecord } from "../_lib/assert.js";
import type { PlannedAction } from "./buildActionPlan.js";

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
