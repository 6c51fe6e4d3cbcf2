import type { Report } from "../schema/report.js";
import type { ReportLanguage } from "../schema/vocabularies.js";
import { fail, assertOneOf } from "../_lib/assert.js";
import { canonicalJson } from "./_canonical.js";
import {
  budgetModel,
  colourOf,
  impactEffortModel,
  PALETTE,
  radarModel,
  rankingModel,
  swotModel,
  timelineModel,
  type BudgetModel,
  type ChartModel,
  type ChartSeries,
  type ImpactEffortModel,
  type RadarModel,
  type RankingModel,
  type SwotModel,
  type TimelineModel,
} from "./_charts.js";
import { contextOf, type Context } from "./_reportDocument.js";
import { checkRendering } from "./_shared.js";
import { reportCharts, type ReportChart, type ReportLabels } from "./i18n/labels.js";

/** Options of {@link toVegaLite}. */
export interface ToVegaLiteOptions {
  /** A built-in language for titles and category names, one of `reportLanguages`; `"en"` by default. */
  readonly lang?: ReportLanguage;
  /** Labels of another language; they take precedence over `lang`. */
  readonly labels?: ReportLabels;
}

/** A Vega-Lite v5 specification: a plain JSON object. */
export type VegaLiteSpec = Readonly<Record<string, unknown>>;

const SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

type Sections = Report["sections"];

/**
 * The part of the report a chart needs: a section, or one `field` of it; `missing_value` when the
 * report does not have it (a section left out, a field `null`).
 */
function need<T>(
  value: T | null | undefined,
  chart: ReportChart,
  section: keyof Sections,
  field?: string,
): T {
  if (value === undefined || value === null) {
    fail(
      "missing_value",
      field === undefined
        ? ["report", "sections", section]
        : ["report", "sections", section, field],
      `the ${chart} chart needs the report's ${field === undefined ? `${section} section` : `${section}.${field}`}, which this report does not have`,
    );
  }
  return value;
}

/** A colour scale: each series' label, in the colour of its key. */
function colourScale(series: readonly ChartSeries[]): Record<string, unknown> {
  return { domain: series.map((x) => x.label), range: series.map((x) => colourOf(x.key)) };
}

function radar(m: RadarModel): Record<string, unknown> {
  const values = m.points.map((p) => ({
    id: p.id,
    dimension: p.label,
    slot: 1,
    score: p.score,
    level: p.level,
    target: p.target,
  }));
  return {
    description:
      "Maturity by dimension as a polar bar chart (Vega-Lite has no radar mark): each dimension is a wedge of equal angle whose radius is its score.",
    data: { values },
    layer: [
      {
        mark: { type: "arc", stroke: "#fff", tooltip: true },
        encoding: {
          theta: { field: "slot", type: "quantitative", stack: true },
          radius: {
            field: "score",
            type: "quantitative",
            scale: { type: "sqrt", zero: true, domain: [...m.domain] },
            title: m.fields.score,
          },
          color: { field: "dimension", type: "nominal", sort: null, title: m.fields.dimension },
          tooltip: [
            { field: "dimension", type: "nominal", title: m.fields.dimension },
            {
              field: "score",
              type: "quantitative",
              title: m.fields.score,
              format: `.${m.digits}f`,
            },
            { field: "level", type: "nominal", title: m.fields.level },
            { field: "target", type: "quantitative", title: m.fields.target },
          ],
        },
      },
    ],
  };
}

function swot(m: SwotModel): Record<string, unknown> {
  const title = new Map(m.quadrants.map((q) => [q.key, q.title]));
  const values = m.points.map((p, order) => ({
    id: p.id,
    quadrant: title.get(p.quadrant),
    item: p.text,
    value: p.value ?? 1,
    weighted: p.value !== null,
    order,
  }));
  return {
    description:
      "The SWOT as four panels (strengths, weaknesses, opportunities, threats); bar length is the item's weighted score (1 when the item has no weight and rating).",
    data: { values },
    facet: {
      field: "quadrant",
      type: "nominal",
      sort: m.quadrants.map((q) => q.title),
      title: null,
    },
    columns: 2,
    spec: {
      mark: { type: "bar", tooltip: true },
      encoding: {
        y: { field: "item", type: "nominal", sort: { field: "order" }, title: null },
        x: { field: "value", type: "quantitative", title: m.valueTitle },
        color: {
          field: "quadrant",
          type: "nominal",
          legend: null,
          scale: colourScale(m.quadrants.map((q) => ({ key: q.key, label: q.title }))),
        },
      },
    },
    resolve: { scale: { y: "independent" } },
  };
}

function impactEffort(m: ImpactEffortModel): Record<string, unknown> {
  const keys = ["quickWin", "majorProject", "fillIn", "thanklessTask"] as const;
  const values = m.points.map((p) => ({
    solution: p.label,
    rank: p.rank,
    impact: p.impact,
    effort: p.effort,
    quadrant: m.quadrants[p.quadrant],
  }));
  const x = {
    field: "effort",
    type: "quantitative",
    scale: { domain: m.domain.effort },
    title: m.axes.effort,
  };
  const y = {
    field: "impact",
    type: "quantitative",
    scale: { domain: m.domain.impact },
    title: m.axes.impact,
  };
  return {
    description: `Impact against effort; the dashed lines are the thresholds (impact ${m.thresholds.impact}, effort ${m.thresholds.effort}; a value on a threshold counts as high).`,
    data: { values },
    layer: [
      {
        mark: { type: "point", filled: true, size: 220, opacity: 0.9 },
        encoding: {
          x,
          y,
          color: {
            field: "quadrant",
            type: "nominal",
            title: m.fields.quadrant,
            scale: colourScale(keys.map((k) => ({ key: k, label: m.quadrants[k] }))),
          },
          tooltip: [
            { field: "solution", type: "nominal", title: m.fields.solution },
            { field: "impact", type: "quantitative", title: m.fields.impact },
            { field: "effort", type: "quantitative", title: m.fields.effort },
            { field: "quadrant", type: "nominal", title: m.fields.quadrant },
          ],
        },
      },
      {
        mark: { type: "text", dy: -14 },
        encoding: { x, y, text: { field: "rank", type: "quantitative" } },
      },
      {
        data: { values: [{}] },
        mark: { type: "rule", strokeDash: [4, 4] },
        encoding: { x: { datum: m.thresholds.effort, type: "quantitative" } },
      },
      {
        data: { values: [{}] },
        mark: { type: "rule", strokeDash: [4, 4] },
        encoding: { y: { datum: m.thresholds.impact, type: "quantitative" } },
      },
    ],
  };
}

function ranking(m: RankingModel): Record<string, unknown> {
  const values = m.points.map((p) => ({
    solution: p.label,
    rank: p.rank,
    score: p.score,
    sameRank: p.stability,
  }));
  const y = { field: "solution", type: "nominal", sort: { field: "rank" }, title: null };
  return {
    description: `The ranking by ${m.method}, and the share of ${m.stability?.draws ?? 0} draws of perturbed weights in which each solution kept its rank${m.stability ? ` (seed ${m.stability.seed})` : ""}.`,
    data: { values },
    hconcat: [
      {
        mark: { type: "bar", color: PALETTE.primary, tooltip: true },
        encoding: {
          y,
          x: { field: "score", type: "quantitative", title: m.headers.score },
        },
      },
      {
        mark: { type: "bar", color: PALETTE.target, tooltip: true },
        encoding: {
          y: { ...y, axis: null },
          x: {
            field: "sameRank",
            type: "quantitative",
            scale: { domain: [0, 1] },
            axis: { format: "%" },
            title: m.headers.stability,
          },
        },
      },
    ],
  };
}

function timeline(m: TimelineModel): Record<string, unknown> {
  const values = m.points
    .filter((p) => p.end !== null)
    .map((p) => ({ solution: p.label, start: p.start, end: p.end, horizon: p.horizonLabel }));
  return {
    description: `Each solution from its start to its end, coloured by horizon, measured from ${m.start}; unscheduled solutions have no bar.`,
    data: { values },
    layer: [
      {
        mark: { type: "bar", cornerRadius: 3, tooltip: true },
        encoding: {
          y: { field: "solution", type: "nominal", sort: null, title: null },
          x: { field: "start", type: "temporal", title: null },
          x2: { field: "end" },
          color: {
            field: "horizon",
            type: "nominal",
            title: m.seriesTitle,
            scale: colourScale(m.series),
          },
        },
      },
      ...m.boundaries.map((b) => ({
        data: { values: [{}] },
        mark: { type: "rule", strokeDash: [5, 4] },
        encoding: { x: { datum: b.date, type: "temporal" } },
      })),
    ],
  };
}

function budget(m: BudgetModel): Record<string, unknown> {
  const values = m.bars.flatMap((b) =>
    b.points.map((p) => ({ horizon: b.label, source: p.label, amount: p.value })),
  );
  return {
    description: `The action plan's cost per horizon, split by funding source; the grey part is not yet funded. Amounts in ${m.currency}.`,
    data: { values },
    mark: { type: "bar", tooltip: true },
    encoding: {
      y: { field: "horizon", type: "nominal", sort: null, title: null },
      x: { aggregate: "sum", field: "amount", type: "quantitative", title: m.axisTitle },
      color: {
        field: "source",
        type: "nominal",
        title: m.seriesTitle,
        scale: colourScale(m.series),
      },
    },
  };
}

/** Each chart's model from the report's section; a section the report lacks is refused. */
const models: Readonly<Record<ReportChart, (r: Report, c: Context) => ChartModel>> = {
  maturityRadar: (r, c) => radarModel(c, need(r.sections.maturity, "maturityRadar", "maturity")),
  swotGrid: (r, c) => swotModel(c, need(r.sections.swot, "swotGrid", "swot")),
  impactEffort: (r, c) => {
    const p = need(r.sections.prioritisation, "impactEffort", "prioritisation");
    // placed only when the prioritisation had a benefit and a cost criterion
    const ie = need(p.impactEffort, "impactEffort", "prioritisation", "impactEffort");
    return impactEffortModel(c, p, ie);
  },
  ranking: (r, c) => rankingModel(c, need(r.sections.prioritisation, "ranking", "prioritisation")),
  timeline: (r, c) => timelineModel(c, need(r.sections.horizons, "timeline", "horizons")),
  budget: (r, c) => budgetModel(c, need(r.sections.actionPlan, "budget", "actionPlan")),
};

function bodyOf(model: ChartModel): Record<string, unknown> {
  switch (model.chart) {
    case "maturityRadar":
      return radar(model);
    case "swotGrid":
      return swot(model);
    case "impactEffort":
      return impactEffort(model);
    case "ranking":
      return ranking(model);
    case "timeline":
      return timeline(model);
    case "budget":
      return budget(model);
  }
}

/**
 * The Vega-Lite v5 specification of a chart model (the same model the HTML report draws as SVG):
 * the model's title, a description, its points as `data.values` and the encoding. Designed by
 * this project.
 */
export function vegaLiteOf(model: ChartModel): VegaLiteSpec {
  const body = bodyOf(model);
  const spec = { $schema: SCHEMA, title: model.title, ...body };
  // plain JSON: no undefined, no -0, every number finite
  return JSON.parse(canonicalJson(spec)) as VegaLiteSpec;
}

/**
 * A Vega-Lite v5 specification of one of the report's charts, with the data inline, for
 * notebooks and dashboards (vega-embed, Altair, Observable).
 *
 * The charts are those of {@link renderHtml}: `maturityRadar` (as a polar bar chart: Vega-Lite
 * has no radar mark), `swotGrid` (four panels), `impactEffort` (with the thresholds as rules),
 * `ranking` (score and rank stability side by side), `timeline` (bars from start to end coloured
 * by horizon, the horizon limits as rules) and `budget` (stacked by funding source, the unfunded
 * part in grey). Each chart is written from the same chart model the HTML report draws, so the
 * two show the same points, names and axes. Titles, category names and a built-in framework's
 * dimension and level names are in the chosen language; money amounts become numbers for plotting
 * only. Designed by this project.
 *
 * @param report - a report
 * @param chart - which chart: one of `reportCharts`
 * @param options - the language, or custom labels
 * @returns the specification, a JSON object with `$schema`, `title`, `description` and `data.values`
 * @throws AssessmentError `invalid_value` (`["chart"]`) for an unknown chart, `missing_value` when
 *   the report lacks the section the chart needs, or the impact/effort placement (made only with a
 *   benefit and a cost criterion) (path `["report", "sections", …]`), `not_parsed`
 *   for a report that did not come from `createReport` or `parseReport`, and the options errors of
 *   {@link renderHtml}
 * @example
 * ```ts
 * import { parseAssessment } from "icc-assessment/schema";
 * import { createReport, toVegaLite } from "icc-assessment/report";
 * const report = createReport(
 *   parseAssessment({
 *     formatVersion: "1.0",
 *     city: { id: "sofia", name: "Sofia", country: "BG" },
 *     programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
 *     track: { id: "citizenParticipationDigitalPublicAdministration" },
 *     stakeholders: [], workshops: [], needs: [],
 *     solutions: [{ id: "info-points", title: "Information points", readiness: "piloted", end: "2021-07-31" }],
 *     plan: { start: "2021-02-08" },
 *   }),
 *   { generatedAt: "2021-02-15" },
 * );
 * const spec = toVegaLite(report, "timeline");
 * spec.$schema; // => "https://vega.github.io/schema/vega-lite/v5.json"
 * (spec.data as { values: unknown[] }).values; // => [{ solution: "Information points", start: "2021-02-08", end: "2021-07-31", horizon: "Quick win" }]
 * ```
 */
export function toVegaLite(
  report: Report,
  chart: ReportChart,
  options?: ToVegaLiteOptions,
): VegaLiteSpec {
  const labels = checkRendering(report, options);
  assertOneOf(chart, reportCharts, ["chart"], "chart");
  return vegaLiteOf(models[chart](report, contextOf(report, labels)));
}
