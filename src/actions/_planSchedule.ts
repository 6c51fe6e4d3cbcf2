import { failAt, remapErrors } from "../_lib/assert.js";
import type { Action } from "../schema/entities.js";
import {
  bucketByHorizon,
  type BucketedItem,
  type HorizonItem,
} from "../timeline/bucketByHorizon.js";
import type { Horizon } from "../timeline/defaultHorizons.js";
import { scheduleSteps, type ScheduleStepsResult } from "../timeline/scheduleSteps.js";
import { at, type Source } from "./_planSources.js";

/*
 * Step 2 of `buildActionPlan`: each action's steps scheduled from its start, and each action
 * placed on a horizon. With the default start the parser has checked that both succeed; a start
 * or horizons given as options can still be refused, with paths into the assessment.
 */

/** The schedule of each source's steps (critical path from its own start or the plan's), or null. */
export function scheduleSources(
  sources: readonly Source[],
  start: string,
): (ScheduleStepsResult | null)[] {
  return sources.map((s): ScheduleStepsResult | null => {
    const steps = s.rec.steps;
    if (steps === undefined || steps.length === 0) return null;
    const milestones = s.derived ? undefined : (s.rec as Action).milestones;
    return remapErrors(
      () => scheduleSteps(steps, { start: s.rec.start ?? start, milestones }),
      // ["steps", …] and ["options", "milestones", …] point into the action
      (path) => at(s, ...(path[0] === "options" ? path.slice(1) : path)),
    );
  });
}

/**
 * Each source on its horizon: its end is its `end`, else start + `duration`, else the finish of
 * its steps (`end_before_start` when they finish before it starts).
 */
export function placeSources(
  sources: readonly Source[],
  schedules: readonly (ScheduleStepsResult | null)[],
  start: string,
  horizons: readonly Horizon[] | undefined,
): BucketedItem[] {
  const items = sources.map((s, i): HorizonItem => {
    const schedule = schedules[i] ?? null;
    const { start: own, end, duration } = s.rec;
    const base = { id: s.id, start: own, end, duration };
    if (end !== undefined || duration !== undefined || schedule === null) return base;
    const effectiveStart = own ?? start;
    if (schedule.span.finish < effectiveStart) {
      failAt(
        "end_before_start",
        at(s, "steps"),
        `the steps of action "${s.id}" finish on ${schedule.span.finish}, before the action starts on ${effectiveStart}`,
      );
    }
    return { ...base, end: schedule.span.finish };
  });
  return remapErrors(
    () =>
      bucketByHorizon(items, {
        start,
        horizons,
      }),
    (path) =>
      path[0] === "items" ? at(sources[path[1] as number] as Source, ...path.slice(2)) : path,
  );
}
