import type { Report } from "../schema/report.js";
import { fundingSources, swotQuadrants } from "../schema/vocabularies.js";
import { addMonthsIso } from "../_lib/dates.js";
import { fill, type Formatter } from "./_format.js";
import type { ReportLabels } from "./i18n/labels.js";

/**
 * The report's charts as models (designed by this project): one pure function per chart from a
 * report section to what the chart shows — its points (each with an id and its values), its
 * series, its axes (domains and titles), its texts already translated and its numbers already
 * formatted. `_svg.ts` draws a model as inline SVG for the HTML report and `toVegaLite.ts`
 * writes the same model as a Vega-Lite specification, so the two never disagree on what a chart
 * holds; only how it is drawn (sizes, truncation, marks) belongs to a renderer.
 */

type Sections = Report["sections"];
type Section<K extends keyof Sections> = NonNullable<Sections[K]>;

/** Colours by series key, shared by the SVG and the Vega-Lite renderers. */
export const PALETTE = {
  primary: "#1f5fa8",
  target: "#d9822b",
  grid: "#d0d5dc",
  axis: "#5f6b7a",
  text: "#1d2733",
  muted: "#5f6b7a",
  strength: "#2e7d32",
  weakness: "#c62828",
  opportunity: "#1565c0",
  threat: "#6a1b9a",
  quickWin: "#2e7d32",
  longTerm: "#1565c0",
  majorProject: "#1565c0",
  fillIn: "#8a939e",
  thanklessTask: "#c62828",
  beyondHorizon: "#d9822b",
  unscheduled: "#8a939e",
  eu: "#1f4e9c",
  national: "#2e7d32",
  regional: "#00897b",
  municipal: "#e0a100",
  private: "#8e24aa",
  unfunded: "#c4c9d0",
} as const;

/** The colour of a series key, or a neutral grey for a key the palette does not know. */
export function colourOf(key: string): string {
  return Object.hasOwn(PALETTE, key)
    ? ((PALETTE as Readonly<Record<string, string>>)[key] as string)
    : "#607d8b";
}

/**
 * What a chart model needs besides its section: the labels, the formatter, and the names the
 * report document resolves (dimension and level titles in the report language, solution titles,
 * horizon labels). The report document's context is one.
 */
export interface ChartContext {
  readonly L: ReportLabels;
  readonly F: Formatter;
  readonly fw: { readonly dimension: (id: string, fallback: string) => string };
  readonly levelTitle: (level: { readonly id: string; readonly title: string } | null) => string;
  readonly solutionTitle: (id: string) => string;
  readonly horizonLabel: (id: string) => string;
}

/** A series of a chart: its key (which also picks its colour) and its translated label. */
export interface ChartSeries {
  readonly key: string;
  readonly label: string;
}

/** The maturity radar: one point per top-level dimension. */
export interface RadarModel {
  readonly chart: "maturityRadar";
  readonly title: string;
  /** The score scale of the framework. */
  readonly domain: readonly [number, number];
  /** Decimals of the scores as shown. */
  readonly digits: number;
  readonly fields: {
    readonly dimension: string;
    readonly score: string;
    readonly level: string;
    readonly target: string;
  };
  readonly points: readonly {
    readonly id: string;
    readonly label: string;
    readonly score: number | null;
    /** The lower bound of the target level, or null without a target. */
    readonly target: number | null;
    readonly level: string | null;
    /** The score and level as shown next to the dimension. */
    readonly text: string;
  }[];
  /** The level boundaries (each level's maximum), on the score scale. */
  readonly rings: readonly number[];
  /** Each level's name at the middle of its band, on the score scale. */
  readonly ringLabels: readonly { readonly at: number; readonly label: string }[];
  readonly legend: { readonly score: string; readonly target: string };
}

/** Maturity by top-level dimension: scores, levels and targets on the framework's scale. */
export function radarModel(c: ChartContext, m: Section<"maturity">): RadarModel {
  const { L, F } = c;
  const levelMin = new Map(m.levels.map((l) => [l.id, l.min]));
  return {
    chart: "maturityRadar",
    title: L.charts.maturityRadar,
    domain: [m.scale.min, m.scale.max],
    digits: 1,
    fields: {
      dimension: L.fields.dimension,
      score: L.fields.score,
      level: L.fields.level,
      target: L.fields.target,
    },
    points: m.dimensions
      .filter((d) => d.parent === null)
      .map((d) => ({
        id: d.id,
        label: c.fw.dimension(d.id, d.title),
        score: d.score,
        target: d.target === null ? null : (levelMin.get(d.target.id) ?? m.scale.min),
        level: d.level === null ? null : c.levelTitle(d.level),
        text: `${F.number(d.score, 1)} · ${c.levelTitle(d.level)}`,
      })),
    rings: m.levels.map((l) => l.max),
    ringLabels: m.levels.map((l) => ({ at: l.min / 2 + l.max / 2, label: c.levelTitle(l) })),
    legend: { score: L.text.scoreLegend, target: L.text.targetLegend },
  };
}

/** The SWOT: the four quadrants, and one point per item in the report's order. */
export interface SwotModel {
  readonly chart: "swotGrid";
  readonly title: string;
  /** The item value's title (the weighted score). */
  readonly valueTitle: string;
  readonly quadrants: readonly {
    readonly key: (typeof swotQuadrants)[number];
    readonly title: string;
    /** The item count, and the weighted total when an item has one. */
    readonly summary: string;
  }[];
  readonly points: readonly {
    readonly id: string;
    readonly quadrant: (typeof swotQuadrants)[number];
    readonly text: string;
    /** The weighted score, or null for an item without weight and rating. */
    readonly value: number | null;
    readonly valueText: string;
  }[];
  /** "and N more", for a quadrant shown in part. */
  readonly more: (count: number) => string;
  /** The text of an empty quadrant. */
  readonly empty: string;
}

/** The SWOT items by quadrant, with their weighted scores and each quadrant's total. */
export function swotModel(c: ChartContext, s: Section<"swot">): SwotModel {
  const { L, F } = c;
  return {
    chart: "swotGrid",
    title: L.charts.swotGrid,
    valueTitle: L.fields.weightedScore,
    quadrants: swotQuadrants.map((q) => {
      const items = s.items.filter((i) => i.quadrant === q);
      const scored = items.filter((i) => i.weightedScore !== null);
      const sum = scored.reduce((t, i) => t + (i.weightedScore as number), 0);
      return {
        key: q,
        title: L.quadrants[q],
        summary:
          scored.length > 0 ? `${items.length} · Σ ${F.number(sum, 2)}` : F.integer(items.length),
      };
    }),
    points: s.items.map((i) => ({
      id: i.id,
      quadrant: i.quadrant,
      text: i.text,
      value: i.weightedScore,
      valueText: i.weightedScore === null ? "" : F.number(i.weightedScore, 2),
    })),
    more: (count) => fill(L.text.more, { count: F.integer(count) }),
    empty: L.text.none,
  };
}

type ImpactEffort = NonNullable<Section<"prioritisation">["impactEffort"]>;
type ImpactEffortKey = ImpactEffort["items"][number]["quadrant"];

/** The impact/effort matrix: one point per placed solution. */
export interface ImpactEffortModel {
  readonly chart: "impactEffort";
  readonly title: string;
  readonly domain: ImpactEffort["domain"];
  readonly thresholds: ImpactEffort["thresholds"];
  /** Axis titles: the field and its criterion. */
  readonly axes: { readonly impact: string; readonly effort: string };
  /** The quadrants' names. */
  readonly quadrants: Readonly<Record<ImpactEffortKey, string>>;
  readonly fields: {
    readonly solution: string;
    readonly impact: string;
    readonly effort: string;
    readonly quadrant: string;
  };
  readonly points: readonly {
    readonly id: string;
    readonly label: string;
    /** The solution's rank in the ranking, or null when it is not ranked. */
    readonly rank: number | null;
    readonly impact: number;
    readonly effort: number;
    readonly quadrant: ImpactEffortKey;
  }[];
}

/** Each solution's impact and effort, its quadrant and its rank, with the thresholds. */
export function impactEffortModel(
  c: ChartContext,
  p: Section<"prioritisation">,
  ie: ImpactEffort,
): ImpactEffortModel {
  const { L } = c;
  const rank = new Map(p.ranking.map((x) => [x.solution, x.rank]));
  const criterion = new Map(p.criteria.map((x) => [x.id, x.title]));
  return {
    chart: "impactEffort",
    title: L.charts.impactEffort,
    domain: ie.domain,
    thresholds: ie.thresholds,
    axes: {
      impact: `${L.fields.impact}: ${criterion.get(ie.impactCriterion) ?? ie.impactCriterion}`,
      effort: `${L.fields.effort}: ${criterion.get(ie.effortCriterion) ?? ie.effortCriterion}`,
    },
    quadrants: L.impactEffort,
    fields: {
      solution: L.fields.solution,
      impact: L.fields.impact,
      effort: L.fields.effort,
      quadrant: L.fields.quadrant,
    },
    points: ie.items.map((x) => ({
      id: x.solution,
      label: c.solutionTitle(x.solution),
      rank: rank.get(x.solution) ?? null,
      impact: x.impact,
      effort: x.effort,
      quadrant: x.quadrant,
    })),
  };
}

/** The ranking: one point per ranked solution, with its share of stable draws. */
export interface RankingModel {
  readonly chart: "ranking";
  readonly title: string;
  /** The primary method's name. */
  readonly method: string;
  /** The rank-stability analysis, or null when none ran. */
  readonly stability: { readonly draws: number; readonly seed: number } | null;
  /** The score scale: the scores' range, widened to include 0. */
  readonly domain: readonly [number, number];
  readonly headers: { readonly score: string; readonly stability: string };
  readonly points: readonly {
    readonly id: string;
    readonly rank: number;
    readonly label: string;
    readonly score: number;
    readonly scoreText: string;
    /** Share of draws in which the solution kept its rank (0–1), or null. */
    readonly stability: number | null;
    readonly stabilityText: string;
  }[];
}

/** The ranking by the primary method, and each solution's rank stability. */
export function rankingModel(c: ChartContext, p: Section<"prioritisation">): RankingModel {
  const { L, F } = c;
  const stability = new Map((p.stability?.rows ?? []).map((x) => [x.solution, x]));
  const methods = L.methods as Readonly<Record<string, string>>;
  const method = Object.hasOwn(methods, p.primary) ? (methods[p.primary] as string) : p.primary;
  const scores = p.ranking.map((x) => x.score);
  return {
    chart: "ranking",
    title: L.charts.ranking,
    method,
    stability: p.stability ? { draws: p.stability.draws, seed: p.stability.seed } : null,
    domain: [Math.min(0, ...scores), Math.max(0, ...scores)],
    headers: { score: `${L.fields.score} (${method})`, stability: L.fields.stability },
    points: p.ranking.map((x) => {
      const s = stability.get(x.solution);
      return {
        id: x.solution,
        rank: x.rank,
        label: x.title,
        score: x.score,
        scoreText: F.number(x.score, 3),
        stability: s ? s.sameRank : null,
        stabilityText: s ? F.percent(s.sameRank) : L.text.notAvailable,
      };
    }),
  };
}

/** The timeline: one point per solution, from its start to its end (none when unscheduled). */
export interface TimelineModel {
  readonly chart: "timeline";
  readonly title: string;
  /** The date horizons are measured from. */
  readonly start: string;
  /** The series' title (the horizon). */
  readonly seriesTitle: string;
  /** Every horizon of the section, in its order. */
  readonly series: readonly ChartSeries[];
  /** The horizons the items fall in, in the section's order: the legend. */
  readonly legend: readonly ChartSeries[];
  /** The last date of each bounded horizon. */
  readonly boundaries: readonly { readonly date: string; readonly label: string }[];
  /** Every third month from the start, up to the last date shown. */
  readonly ticks: readonly { readonly date: string; readonly label: string }[];
  readonly points: readonly {
    readonly id: string;
    readonly label: string;
    readonly horizon: string;
    readonly horizonLabel: string;
    /** Start and end dates, or null for an unscheduled solution. */
    readonly start: string | null;
    readonly end: string | null;
    /** The horizon and the dates, as a tooltip. */
    readonly note: string;
  }[];
}

/** Each solution on the calendar from its start to its end, by horizon, with the limits. */
export function timelineModel(c: ChartContext, h: Section<"horizons">): TimelineModel {
  const { L, F } = c;
  const dated = h.items.map((i) => i.end).filter((d): d is string => d !== null);
  const bounded = h.horizons.filter((x) => x.onOrBefore !== null);
  const last = [...dated, ...bounded.map((x) => x.onOrBefore as string)].reduce(
    (a, b) => (b > a ? b : a),
    h.start,
  );
  const ticks: { date: string; label: string }[] = [];
  for (let k = 0; k <= 120; k += 3) {
    const d = addMonthsIso(h.start, k);
    if (d > last) break;
    ticks.push({ date: d, label: F.month(d) });
  }
  const present = [...new Set(h.items.map((i) => i.horizon))];
  const order = h.horizons.map((x) => x.id);
  present.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return {
    chart: "timeline",
    title: L.charts.timeline,
    start: h.start,
    seriesTitle: L.fields.horizon,
    series: order.map((id) => ({ key: id, label: c.horizonLabel(id) })),
    legend: present.map((id) => ({ key: id, label: c.horizonLabel(id) })),
    boundaries: bounded.map((x) => ({
      date: x.onOrBefore as string,
      label: fill(L.text.months, { n: x.months ?? 0 }),
    })),
    ticks,
    points: h.items.map((i) => ({
      id: i.solution,
      label: i.title,
      horizon: i.horizon,
      horizonLabel: c.horizonLabel(i.horizon),
      start: i.end === null ? null : i.start,
      end: i.end,
      note:
        i.end === null
          ? c.horizonLabel(i.horizon)
          : `${c.horizonLabel(i.horizon)}: ${F.date(i.start)} – ${F.date(i.end)}`,
    })),
  };
}

/** The budget: one bar per horizon with a cost or funding, one segment per funding source. */
export interface BudgetModel {
  readonly chart: "budget";
  readonly title: string;
  readonly currency: string;
  /** The amount axis' title, with the currency. */
  readonly axisTitle: string;
  /** The series' title (the funding source). */
  readonly seriesTitle: string;
  /** Every funding source, and the unfunded part. */
  readonly series: readonly ChartSeries[];
  /** The sources the bars use, and the unfunded part when there is one: the legend. */
  readonly legend: readonly ChartSeries[];
  readonly bars: readonly {
    readonly id: string;
    readonly label: string;
    readonly totalText: string;
    readonly points: readonly {
      /** The funding source, or `unfunded`. */
      readonly key: string;
      readonly label: string;
      /** The amount as a number, for plotting only (money stays a decimal string). */
      readonly value: number;
      readonly text: string;
    }[];
  }[];
}

/** The action plan's cost per horizon, split by funding source, and the part not yet funded. */
export function budgetModel(c: ChartContext, a: Section<"actionPlan">): BudgetModel {
  const { L, F } = c;
  const bars = a.budget.byHorizon.filter(
    (h) => Number(h.cost.amount) > 0 || Number(h.funding.amount) > 0,
  );
  const used = fundingSources.filter((s) =>
    bars.some((b) => b.bySource.some((x) => x.source === s)),
  );
  const anyGap = bars.some((b) => Number(b.gap.amount) > 0);
  const unfunded = { key: "unfunded", label: L.fundingSources.unfunded };
  return {
    chart: "budget",
    title: L.charts.budget,
    currency: a.currency,
    axisTitle: `${L.fields.amount} (${a.currency})`,
    seriesTitle: L.fields.source,
    series: [...fundingSources.map((s) => ({ key: s, label: L.fundingSources[s] })), unfunded],
    legend: [
      ...used.map((s) => ({ key: s, label: L.fundingSources[s] })),
      ...(anyGap ? [unfunded] : []),
    ],
    bars: bars.map((b) => ({
      id: b.horizon,
      label: c.horizonLabel(b.horizon),
      totalText: F.money(b.cost),
      points: [
        ...b.bySource.map((x) => ({
          key: x.source,
          label: L.fundingSources[x.source],
          value: Number(x.amount.amount),
          text: `${L.fundingSources[x.source]}: ${F.money(x.amount)}`,
        })),
        ...(Number(b.gap.amount) > 0
          ? [
              {
                key: "unfunded",
                label: L.fundingSources.unfunded,
                value: Number(b.gap.amount),
                text: `${L.fundingSources.unfunded}: ${F.money(b.gap)}`,
              },
            ]
          : []),
      ],
    })),
  };
}

/** The model of any of the report's charts; `chart` tells which. */
export type ChartModel =
  RadarModel | SwotModel | ImpactEffortModel | RankingModel | TimelineModel | BudgetModel;
