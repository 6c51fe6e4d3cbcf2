/**
 * Action plans: the actions of the priority solutions with owners, scheduled steps and milestones,
 * costs and funding (exact decimals, never mixing currencies without rates), KPIs and risks;
 * totals by horizon, funding source, year and currency; warnings; exact budget splits; and
 * progress monitoring between City Labs.
 *
 * @module actions
 */
export { allocateBudget } from "./allocateBudget.js";
export type { AllocateBudgetOptions, AllocateBudgetResult } from "./allocateBudget.js";
export { buildActionPlan } from "./buildActionPlan.js";
export type {
  ActionPlan,
  ActionPlanTotals,
  BuildActionPlanOptions,
  CurrencyTotal,
  HorizonTotal,
  PlannedAction,
  PlannedFunding,
  PlannedKpi,
  PlannedMilestone,
  PlannedRisk,
  PlannedSolution,
  PlanRisk,
  SourceTotal,
  YearTotal,
} from "./buildActionPlan.js";
export { validateActionPlan, actionPlanWarningCodes } from "./validateActionPlan.js";
export type {
  ActionPlanWarning,
  ActionPlanWarningCode,
  ValidateActionPlanOptions,
} from "./validateActionPlan.js";
export { recordProgress, kpiProgressStatuses, actionProgressStatuses } from "./recordProgress.js";
export type {
  ActionProgress,
  ActionProgressStatus,
  KpiProgress,
  KpiProgressStatus,
  KpiUpdate,
  MilestoneProgress,
  MilestoneProgressStatus,
  MilestoneUpdate,
  ProgressUpdates,
  RecordProgressOptions,
  RecordProgressResult,
} from "./recordProgress.js";
