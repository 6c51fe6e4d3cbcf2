import type { Decimal } from "decimal.js";
import type { PathSegment } from "../errors/AssessmentError.js";
import type { Money } from "../schema/common.js";
import type { Resource } from "../schema/entities.js";
import type { FundingSource, KpiDirection, MilestoneStatus } from "../schema/vocabularies.js";
import type { HorizonRule } from "../timeline/bucketByHorizon.js";
import type { Horizon } from "../timeline/defaultHorizons.js";
import type { PeriodGroup } from "../timeline/groupByPeriod.js";
import type { ScheduleStepsResult } from "../timeline/scheduleSteps.js";

/*
 * The action plan's types: what `buildActionPlan` returns, declared below the modules of its
 * steps (`_planSources`, `_planMoney`, `_planSchedule`, `_planActions`, `_planTotals`), so that
 * no module of the stage imports one that imports it back. `buildActionPlan.ts` re-exports them.
 */

/** A milestone of a planned action, dated from its own date or from the step it follows. */
export interface PlannedMilestone {
  readonly id: string;
  readonly title: string;
  readonly date: string | null;
  readonly afterStep: string | null;
  /** As recorded in the assessment (default `planned`). */
  readonly status: MilestoneStatus;
  readonly reason: string;
}

/** Funding of an action from one source. */
export interface PlannedFunding {
  readonly source: FundingSource;
  readonly amount: Money;
  readonly secured: boolean;
  readonly note: string | null;
}

/** A KPI with its direction declared or inferred (target below baseline means `decrease`). */
export interface PlannedKpi {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly baseline: number | null;
  readonly target: number;
  readonly due: string | null;
  readonly direction: KpiDirection;
  readonly directionSource: "declared" | "inferred";
}

/** A risk with its score `likelihood × impact` (1–25). */
export interface PlannedRisk {
  readonly id: string;
  readonly title: string;
  readonly likelihood: number;
  readonly impact: number;
  readonly score: number;
  readonly mitigation: string | null;
  readonly owner: string | null;
}

/** One action of the plan. */
export interface PlannedAction {
  readonly id: string;
  readonly solution: string;
  /** Position of its solution in the priorities, 1 = first. */
  readonly priority: number;
  readonly title: string;
  readonly description: string | null;
  /** `true` when the solution listed no action and this one was built from the solution itself. */
  readonly derived: boolean;
  /** Where the action comes from in the assessment, e.g. `["actions", 3]` or `["solutions", 0]`. */
  readonly source: readonly PathSegment[];
  /** The lead stakeholder, or `null` when none is named. */
  readonly owner: string | null;
  readonly partners: readonly string[];
  /** Its own start, or the plan start. */
  readonly start: string;
  /** Its end, or start + duration, or the finish of its steps; `null` when unknown. */
  readonly end: string | null;
  readonly endSource: "end" | "duration" | "steps" | null;
  /** The horizon id (`quickWin`, `longTerm`, `beyondHorizon`, `unscheduled`, or a custom one). */
  readonly horizon: string;
  readonly horizonLabel: string;
  readonly horizonReason: string;
  readonly horizonRule: HorizonRule;
  /** The schedule of its steps, or `null` when it has none. */
  readonly schedule: ScheduleStepsResult | null;
  readonly milestones: readonly PlannedMilestone[];
  readonly resources: readonly Resource[];
  /** Its cost, or the sum of its resources' costs, or `null` when neither is given. */
  readonly cost: Money | null;
  readonly costSource: "cost" | "resources" | null;
  readonly funding: readonly PlannedFunding[];
  /** Cost, funding and gap (cost − funding) in the plan currency; cost and gap `null` without a cost. */
  readonly budget: {
    readonly cost: Money | null;
    readonly funding: Money;
    readonly gap: Money | null;
  };
  readonly kpis: readonly PlannedKpi[];
  readonly risks: readonly PlannedRisk[];
}

/** A selected solution and its actions. */
export interface PlannedSolution {
  readonly id: string;
  readonly title: string;
  readonly priority: number;
  readonly actions: readonly string[];
  /** `true` when its only action was derived from the solution. */
  readonly derived: boolean;
}

/** A risk of any action, for the plan-wide risk list. */
export interface PlanRisk extends PlannedRisk {
  readonly action: string;
}

/** Totals of one horizon, in the plan currency. */
export interface HorizonTotal {
  readonly horizon: string;
  readonly label: string;
  readonly actions: readonly string[];
  readonly cost: Money;
  readonly funding: Money;
  readonly gap: Money;
}

/** Funding from one source, in the plan currency. */
export interface SourceTotal {
  readonly source: FundingSource;
  readonly amount: Money;
  readonly secured: Money;
  readonly actions: readonly string[];
}

/** Cost falling in one calendar year (spread by days), or in `year: null` for undated actions. */
export interface YearTotal {
  readonly year: number | null;
  readonly cost: Money;
}

/** Amounts in one original currency, and the same amounts converted into the plan currency. */
export interface CurrencyTotal {
  readonly currency: string;
  readonly cost: Money;
  readonly funding: Money;
  readonly costConverted: Money;
  readonly fundingConverted: Money;
}

/** The plan's money: overall, by horizon, by funding source, by year and by currency. */
export interface ActionPlanTotals {
  readonly currency: string;
  readonly cost: Money;
  readonly funding: Money;
  readonly secured: Money;
  /** `cost − funding`; negative when funding exceeds cost. */
  readonly gap: Money;
  /** The plan budget (`assessment.plan.budget`) converted, or `null`. */
  readonly budget: Money | null;
  /** `budget − cost`, or `null` without a budget. */
  readonly budgetRemaining: Money | null;
  /** Actions with no cost: they add nothing to the cost totals. */
  readonly actionsWithoutCost: readonly string[];
  readonly byHorizon: readonly HorizonTotal[];
  readonly bySource: readonly SourceTotal[];
  readonly byYear: readonly YearTotal[];
  readonly byCurrency: readonly CurrencyTotal[];
}

/** The ICC action plan built by `buildActionPlan`. */
export interface ActionPlan {
  readonly method: "buildActionPlan";
  /** Every parameter used, including defaults. */
  readonly parameters: {
    readonly start: string;
    readonly startSource: "options" | "plan" | "programme";
    readonly horizons: readonly Horizon[];
    readonly currency: string;
    readonly rates: readonly { readonly currency: string; readonly rate: Decimal }[];
    readonly decimals: number;
  };
  readonly city: string;
  readonly programme: { readonly id: string; readonly start: string; readonly end: string };
  readonly priorities: readonly string[];
  readonly solutions: readonly PlannedSolution[];
  /** Actions in priority order, then in the order the assessment lists them. */
  readonly actions: readonly PlannedAction[];
  /** Every risk, highest score first (ties by action id, then risk id). */
  readonly risks: readonly PlanRisk[];
  readonly totals: ActionPlanTotals;
  /** Per-month and per-quarter views of the dated actions. */
  readonly calendar: {
    readonly months: readonly PeriodGroup[];
    readonly quarters: readonly PeriodGroup[];
  };
}
