import { recommendActions, type RecommendActionsResult } from "../benchmark/recommendActions.js";
import type { Assessment } from "../schema/assessment.js";
import type { MaturityFramework } from "../schema/framework.js";
import type { ReportSections } from "../schema/report.js";
import { describe, fail, isRecord, isWhole } from "../_lib/assert.js";

/** The section "What would raise our maturity" as the report carries it. */
export type RecommendationsSection = NonNullable<ReportSections["recommendations"]>;

/** How many recommendations a report keeps unless told otherwise. */
export const DEFAULT_RECOMMENDATIONS = 10;

/** The most a report keeps (the format's limit). */
const MAX_RECOMMENDATIONS = 10_000;

type Level = RecommendActionsResult["dimensions"][number]["goal"];
const level = (l: Level): Level => ({ id: l.id, title: l.title, index: l.index });
const levelOrNull = (l: Level | null): Level | null => (l === null ? null : level(l));

/** The report's record of `recommendActions`' result (plain JSON, every field kept). */
export function recommendationsRecord(
  r: RecommendActionsResult,
  limit: number,
): RecommendationsSection {
  return {
    unit: r.unit,
    dimensions: r.dimensions.map((d) => ({
      id: d.id,
      title: d.title,
      score: d.score,
      level: levelOrNull(d.level),
      target: levelOrNull(d.target),
      goal: level(d.goal),
      basis: d.basis,
    })),
    items: r.recommendations.map((x) => ({
      rank: x.rank,
      indicator: x.indicator,
      title: x.title,
      question: x.question,
      dimension: x.dimension,
      current: x.current,
      suggested: x.suggested,
      indicatorScore: { ...x.indicatorScore },
      dimensionScore: { ...x.dimensionScore },
      level: { before: levelOrNull(x.level.before), after: levelOrNull(x.level.after) },
      reachesGoal: x.reachesGoal,
      overall: { ...x.overall },
      gain: x.gain,
    })),
    limit,
    rule: r.rule,
  };
}

/**
 * The section "What would raise our maturity" of a report being made, and its parameters, or
 * `null` when it is left out: when the option is `false`, or when the unit has no answer yet
 * (an empty questionnaire has nothing to improve on). Otherwise `recommendActions` on the
 * assessment, its framework and the report's unit, keeping the first `limit` (default 10).
 * Checks the option it reads: `false` or `{ limit?: whole number 1–10,000 }`.
 */
export function recommendationsSection(
  a: Assessment,
  framework: MaturityFramework,
  unit: string,
  option: unknown,
): { section: RecommendationsSection; parameters: Record<string, unknown> } | null {
  if (option === false) return null;
  let limit = DEFAULT_RECOMMENDATIONS;
  if (option !== undefined) {
    if (!isRecord(option)) {
      fail(
        "invalid_type",
        ["options", "recommendations"],
        `recommendations must be { limit } or false, got ${describe(option)}`,
      );
    }
    const l = option["limit"];
    if (l !== undefined) {
      if (!isWhole(l, 1, MAX_RECOMMENDATIONS)) {
        fail(
          typeof l === "number" ? "out_of_range" : "invalid_type",
          ["options", "recommendations", "limit"],
          `recommendations.limit must be a whole number from 1 to ${MAX_RECOMMENDATIONS}, got ${describe(l)}`,
        );
      }
      limit = l;
    }
  }
  const answered = (a.maturity?.observations ?? []).some(
    (x) => x.unit === unit && x.value !== null,
  );
  if (!answered) return null;
  const r = recommendActions(a, framework, { unit, limit });
  return {
    section: recommendationsRecord(r, limit),
    parameters: { unit, limit, provenance: r.provenance, rule: r.rule },
  };
}
