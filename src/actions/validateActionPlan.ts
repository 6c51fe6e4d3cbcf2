import type { PathSegment } from "../errors/AssessmentError.js";
import { assertArrayAt, checkRecord, isRecord } from "../_lib/assert.js";
import { moneyString } from "../_lib/decimal.js";
import { compareIds } from "../_lib/sort.js";
import { nullish, readOptions, wholeOption } from "../_lib/options.js";
import type { ActionPlan } from "./buildActionPlan.js";
import { checkPlan } from "./_shared.js";
import { checkDate } from "../_lib/dates.js";

/** What {@link validateActionPlan} can warn about. */
export const actionPlanWarningCodes = [
  "missing_owner",
  "missing_kpi",
  "kpi_without_baseline",
  "missing_cost",
  "unscheduled_action",
  "action_after_programme_end",
  "steps_after_end",
  "milestone_after_programme_end",
  "owner_overloaded",
  "cost_exceeds_budget",
] as const;
/** A warning code of {@link validateActionPlan}. */
export type ActionPlanWarningCode = (typeof actionPlanWarningCodes)[number];

/** Something in a plan worth a second look; `path` points into the plan. */
export interface ActionPlanWarning {
  readonly code: ActionPlanWarningCode;
  readonly path: readonly PathSegment[];
  readonly message: string;
}

/** Options of {@link validateActionPlan}. */
export interface ValidateActionPlanOptions {
  /** Most actions one stakeholder may own under way in the same month (default 3). */
  readonly maxActionsPerOwnerPerMonth?: number | undefined;
}

/**
 * Default of {@link ValidateActionPlanOptions.maxActionsPerOwnerPerMonth} (designed;
 * docs/methodology/timeline-actions.md, Warnings).
 */
const DEFAULT_MAX_PER_MONTH = 3;

const OPTIONS: readonly PathSegment[] = ["options"];
/** The options of {@link validateActionPlan} (`null` is the default, as `undefined`). */
const REVIEW_OPTIONS = {
  maxActionsPerOwnerPerMonth: nullish(wholeOption(1, Infinity), DEFAULT_MAX_PER_MONTH),
};

/**
 * Reviews an action plan and lists what needs attention, without rejecting it: an action without
 * an owner, a KPI or a cost; a KPI without a baseline; an action that is unscheduled, ends after
 * the programme or whose steps finish after its end; a milestone after the programme end; a
 * stakeholder owning too many actions under way in one month; a cost above the plan budget.
 *
 * The checks follow the ICC's documented expectations (named lead actors, predefined KPIs, delivery
 * before the programme ends); the monthly limit (default 3 actions per owner, counted on the plan's
 * per-month calendar) is designed by this project (docs/methodology/timeline-actions.md, Warnings).
 *
 * @param plan - a plan from {@link buildActionPlan}
 * @param options - `maxActionsPerOwnerPerMonth` (default 3)
 * @returns the warnings: per action in plan order, then per owner (by id), then for the budget
 * @throws AssessmentError `invalid_type` (not a plan), `invalid_date`, `out_of_range` (a limit that
 *   is not a whole number of at least 1)
 * @example
 * ```ts
 * import { Decimal } from "decimal.js";
 * import { buildActionPlan, validateActionPlan } from "icc-assessment/actions";
 * import { parseAssessment } from "icc-assessment/schema";
 * const plan = buildActionPlan(
 *   parseAssessment({
 *     formatVersion: "1.0",
 *     city: { id: "sofia", name: "Sofia", country: "BG" },
 *     programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
 *     track: { id: "citizenParticipationDigitalPublicAdministration" },
 *     stakeholders: [],
 *     workshops: [],
 *     needs: [],
 *     solutions: [{ id: "chatbot", title: "AI assistant", readiness: "idea" }],
 *   }),
 *   ["chatbot"],
 * );
 * validateActionPlan(plan).map((w) => w.code); // => ["missing_owner", "missing_kpi", "missing_cost", "unscheduled_action"]
 * ```
 */
export function validateActionPlan(
  plan: ActionPlan,
  options: ValidateActionPlanOptions = {},
): ActionPlanWarning[] {
  const { record: p, actions } = checkPlan(plan);
  const max = readOptions(options, OPTIONS, "options", REVIEW_OPTIONS).maxActionsPerOwnerPerMonth;
  const programme = checkRecord(p["programme"], ["plan", "programme"], "programme");
  const programmeEnd = checkDate(programme["end"], ["plan", "programme", "end"], "programme end");
  const out: ActionPlanWarning[] = [];
  const warn = (
    code: ActionPlanWarningCode,
    path: readonly PathSegment[],
    message: string,
  ): void => {
    out.push({ code, path, message });
  };

  actions.forEach((act, i) => {
    if (!isRecord(act)) checkRecord(act, ["plan", "actions", i], "action");
    // paths and messages are built only for the warnings given
    if (act.owner === null) {
      warn(
        "missing_owner",
        ["actions", i, "owner"],
        `action "${act.id}" has no owner (lead stakeholder)`,
      );
    }
    if (act.kpis.length === 0)
      warn("missing_kpi", ["actions", i, "kpis"], `action "${act.id}" has no KPI`);
    act.kpis.forEach((k, j) => {
      if (k.baseline === null) {
        warn(
          "kpi_without_baseline",
          ["actions", i, "kpis", j, "baseline"],
          `KPI "${k.id}" of action "${act.id}" has no baseline, so progress cannot be measured`,
        );
      }
    });
    if (act.cost === null) {
      warn(
        "missing_cost",
        ["actions", i, "cost"],
        `action "${act.id}" has no cost and no costed resources`,
      );
    }
    if (act.end === null) {
      warn(
        "unscheduled_action",
        ["actions", i, "end"],
        `action "${act.id}" has no end, no duration and no steps, so it has no horizon`,
      );
    } else if (act.end > programmeEnd) {
      warn(
        "action_after_programme_end",
        ["actions", i, "end"],
        `action "${act.id}" ends on ${act.end}, after the programme ends on ${programmeEnd}`,
      );
    }
    if (act.schedule !== null && act.end !== null && act.schedule.span.finish > act.end) {
      warn(
        "steps_after_end",
        ["actions", i, "schedule", "span", "finish"],
        `the steps of action "${act.id}" finish on ${act.schedule.span.finish}, after the action's end ${act.end}`,
      );
    }
    act.milestones.forEach((m, j) => {
      if (m.date !== null && m.date > programmeEnd) {
        warn(
          "milestone_after_programme_end",
          ["actions", i, "milestones", j, "date"],
          `milestone "${m.id}" of action "${act.id}" falls on ${m.date}, after the programme ends on ${programmeEnd}`,
        );
      }
    });
  });

  // Owners per month, from the plan's monthly calendar; actions and first owned action indexed once.
  const index = new Map<string, number>();
  const firstOwned = new Map<string, number>();
  actions.forEach((act, i) => {
    index.set(act.id, i);
    if (act.owner !== null && !firstOwned.has(act.owner)) firstOwned.set(act.owner, i);
  });
  const overloaded = new Map<string, string[]>();
  const calendar = checkRecord(p["calendar"], ["plan", "calendar"], "calendar");
  assertArrayAt(calendar["months"], ["plan", "calendar", "months"], "calendar months");
  for (const month of calendar["months"] as ActionPlan["calendar"]["months"]) {
    const byOwner = new Map<string, string[]>();
    for (const id of month.active) {
      const owner = actions[index.get(id) ?? -1]?.owner;
      if (owner === null || owner === undefined) continue;
      const ids = byOwner.get(owner);
      if (ids === undefined) byOwner.set(owner, [id]);
      else ids.push(id);
    }
    for (const [owner, ids] of byOwner) {
      if (ids.length > max) {
        const months = overloaded.get(owner);
        const text = `${month.period} (${ids.join(", ")})`;
        if (months === undefined) overloaded.set(owner, [text]);
        else months.push(text);
      }
    }
  }
  for (const owner of [...overloaded.keys()].sort(compareIds)) {
    warn(
      "owner_overloaded",
      ["actions", firstOwned.get(owner) as number, "owner"],
      `stakeholder "${owner}" owns more than ${max} actions under way in one month: ${(overloaded.get(owner) as string[]).join("; ")}`,
    );
  }

  const totals = checkRecord(
    p["totals"],
    ["plan", "totals"],
    "totals",
  ) as unknown as ActionPlan["totals"];
  if (totals.budget !== null && totals.cost.amount.gt(totals.budget.amount)) {
    warn(
      "cost_exceeds_budget",
      ["totals", "cost"],
      `the plan costs ${moneyString(totals.cost.amount)} ${totals.currency}, more than its budget of ${moneyString(totals.budget.amount)} ${totals.currency}`,
    );
  }
  return out;
}
