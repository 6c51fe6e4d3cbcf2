/**
 * Timeline: quick wins, long-term projects and what lies beyond the horizon; step schedules with
 * finish-to-start dependencies and the critical path; per-month, per-quarter and per-year views.
 * Calendar dates only, the same answer in every time zone.
 *
 * @module timeline
 */
export { bucketByHorizon } from "./bucketByHorizon.js";
export type {
  BucketByHorizonOptions,
  BucketedItem,
  HorizonItem,
  HorizonRule,
  WholeDuration,
} from "./bucketByHorizon.js";
export { defaultHorizons } from "./defaultHorizons.js";
export type { Horizon } from "./defaultHorizons.js";
export { scheduleSteps } from "./scheduleSteps.js";
export type {
  ScheduledMilestone,
  ScheduledStep,
  ScheduleMilestoneInput,
  ScheduleStepInput,
  ScheduleStepsOptions,
  ScheduleStepsResult,
  StepDependency,
} from "./scheduleSteps.js";
export { groupByPeriod, periodKinds } from "./groupByPeriod.js";
export type { GroupByPeriodOptions, PeriodGroup, PeriodItem, PeriodKind } from "./groupByPeriod.js";
