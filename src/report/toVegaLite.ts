import type { Report } from "../schema/report.js";
import type { ReportLanguage } from "../schema/vocabularies.js";
import { fail, assertOneOf } from "../_lib/assert.js";
import { canonicalJson } from "./_canonical.js";
import { term } from "./_reportDocument.js";
import { checkRendering } from "./_shared.js";
import { PALETTE } from "./_svg.js";
import { reportCharts, type ReportChart, type ReportLabels } from "./i18n/labels.js";

/** Options of {@link toVegaLite}. */
export interface ToVegaLiteOptions {
  /** A built-in language for titles and category names: `"en"` (default) or `"bg"`. */
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

function colourScale(keys: readonly string[], labels: readonly string[]): Record<string, unknown> {
  return {
    domain: [...labels],
    range: keys.map((k) =>
      Object.hasOwn(PALETTE, k) ? (PALETTE as Readonly<Record<string, string>>)[k] : "#607d8b",
    ),
  };
}

function radar(r: Report, L: ReportLabels): Record<string, unknown> {
  const m = need(r.sections.maturity, "maturityRadar", "maturity");
  const levelMin = new Map(m.levels.map((l) => [l.id, l.min]));
  const values = m.dimensions
    .filter((d) => d.parent === null)
    .map((d) => ({
      id: d.id,
      dimension: d.title,
      slot: 1,
      score: d.score,
      level: d.level?.title ?? null,
      target: d.target === null ? null : (levelMin.get(d.target.id) ?? null),
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
            scale: { type: "sqrt", zero: true, domain: [m.scale.min, m.scale.max] },
            title: L.fields.score,
          },
          color: { field: "dimension", type: "nominal", sort: null, title: L.fields.dimension },
          tooltip: [
            { field: "dimension", type: "nominal", title: L.fields.dimension },
            { field: "score", type: "quantitative", title: L.fields.score, format: ".1f" },
            { field: "level", type: "nominal", title: L.fields.level },
            { field: "target", type: "quantitative", title: L.fields.target },
          ],
        },
      },
    ],
  };
}

function swot(r: Report, L: ReportLabels): Record<string, unknown> {
  const s = need(r.sections.swot, "swotGrid", "swot");
  const quadrants = ["strength", "weakness", "opportunity", "threat"] as const;
  const values = s.items.map((i, order) => ({
    id: i.id,
    quadrant: L.quadrants[i.quadrant],
    item: i.text,
    value: i.weightedScore ?? 1,
    weighted: i.weightedScore !== null,
    order,
  }));
  return {
    description:
      "The SWOT as four panels (strengths, weaknesses, opportunities, threats); bar length is the item's weighted score (1 when the item has no weight and rating).",
    data: { values },
    facet: {
      field: "quadrant",
      type: "nominal",
      sort: quadrants.map((q) => L.quadrants[q]),
      title: null,
    },
    columns: 2,
    spec: {
      mark: { type: "bar", tooltip: true },
      encoding: {
        y: { field: "item", type: "nominal", sort: { field: "order" }, title: null },
        x: { field: "value", type: "quantitative", title: L.fields.weightedScore },
        color: {
          field: "quadrant",
          type: "nominal",
          legend: null,
          scale: colourScale(
            quadrants,
            quadrants.map((q) => L.quadrants[q]),
          ),
        },
      },
    },
    resolve: { scale: { y: "independent" } },
  };
}

function impactEffort(r: Report, L: ReportLabels): Record<string, unknown> {
  const p = need(r.sections.prioritisation, "impactEffort", "prioritisation");
  // placed only when the prioritisation had a benefit and a cost criterion
  const ie = need(p.impactEffort, "impactEffort", "prioritisation", "impactEffort");
  const rank = new Map(p.ranking.map((x) => [x.solution, x]));
  const criterion = new Map(p.criteria.map((c) => [c.id, c.title]));
  const keys = ["quickWin", "majorProject", "fillIn", "thanklessTask"] as const;
  const values = ie.items.map((x) => ({
    solution: rank.get(x.solution)?.title ?? x.solution,
    rank: rank.get(x.solution)?.rank ?? null,
    impact: x.impact,
    effort: x.effort,
    quadrant: L.impactEffort[x.quadrant],
  }));
  const x = {
    field: "effort",
    type: "quantitative",
    scale: { domain: ie.domain.effort },
    title: `${L.fields.effort}: ${criterion.get(ie.effortCriterion) ?? ie.effortCriterion}`,
  };
  const y = {
    field: "impact",
    type: "quantitative",
    scale: { domain: ie.domain.impact },
    title: `${L.fields.impact}: ${criterion.get(ie.impactCriterion) ?? ie.impactCriterion}`,
  };
  return {
    description: `Impact against effort; the dashed lines are the thresholds (impact ${ie.thresholds.impact}, effort ${ie.thresholds.effort}; a value on a threshold counts as high).`,
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
            title: L.fields.quadrant,
            scale: colourScale(
              keys,
              keys.map((k) => L.impactEffort[k]),
            ),
          },
          tooltip: [
            { field: "solution", type: "nominal", title: L.fields.solution },
            { field: "impact", type: "quantitative", title: L.fields.impact },
            { field: "effort", type: "quantitative", title: L.fields.effort },
            { field: "quadrant", type: "nominal", title: L.fields.quadrant },
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
        encoding: { x: { datum: ie.thresholds.effort, type: "quantitative" } },
      },
      {
        data: { values: [{}] },
        mark: { type: "rule", strokeDash: [4, 4] },
        encoding: { y: { datum: ie.thresholds.impact, type: "quantitative" } },
      },
    ],
  };
}

function ranking(r: Report, L: ReportLabels): Record<string, unknown> {
  const p = need(r.sections.prioritisation, "ranking", "prioritisation");
  const stability = new Map((p.stability?.rows ?? []).map((x) => [x.solution, x]));
  const values = p.ranking.map((x) => ({
    solution: x.title,
    rank: x.rank,
    score: x.score,
    sameRank: stability.get(x.solution)?.sameRank ?? null,
  }));
  const y = { field: "solution", type: "nominal", sort: { field: "rank" }, title: null };
  return {
    description: `The ranking by ${term(L.methods, p.primary)}, and the share of ${p.stability?.draws ?? 0} draws of perturbed weights in which each solution kept its rank${p.stability ? ` (seed ${p.stability.seed})` : ""}.`,
    data: { values },
    hconcat: [
      {
        mark: { type: "bar", color: PALETTE.primary, tooltip: true },
        encoding: {
          y,
          x: { field: "score", type: "quantitative", title: L.fields.score },
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
            title: L.fields.stability,
          },
        },
      },
    ],
  };
}

function timeline(r: Report, L: ReportLabels): Record<string, unknown> {
  const h = need(r.sections.horizons, "timeline", "horizons");
  const label = (id: string) =>
    Object.hasOwn(L.horizons, id)
      ? (L.horizons as Readonly<Record<string, string>>)[id]
      : (h.horizons.find((x) => x.id === id)?.label ?? id);
  const values = h.items
    .filter((i) => i.end !== null)
    .map((i) => ({ solution: i.title, start: i.start, end: i.end, horizon: label(i.horizon) }));
  const ids = h.horizons.map((x) => x.id);
  return {
    description: `Each solution from its start to its end, coloured by horizon, measured from ${h.start}; unscheduled solutions have no bar.`,
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
            title: L.fields.horizon,
            scale: colourScale(
              ids,
              ids.map((id) => label(id) as string),
            ),
          },
        },
      },
      ...h.horizons
        .filter((x) => x.onOrBefore !== null)
        .map((x) => ({
          data: { values: [{}] },
          mark: { type: "rule", strokeDash: [5, 4] },
          encoding: { x: { datum: x.onOrBefore, type: "temporal" } },
        })),
    ],
  };
}

function budget(r: Report, L: ReportLabels): Record<string, unknown> {
  const a = need(r.sections.actionPlan, "budget", "actionPlan");
  const label = (id: string) =>
    Object.hasOwn(L.horizons, id) ? (L.horizons as Readonly<Record<string, string>>)[id] : id;
  const keys = ["eu", "national", "regional", "municipal", "private", "unfunded"] as const;
  const values = a.budget.byHorizon.flatMap((h) => [
    ...h.bySource.map((x) => ({
      horizon: label(h.horizon),
      source: L.fundingSources[x.source],
      amount: Number(x.amount.amount),
    })),
    ...(Number(h.gap.amount) > 0
      ? [
          {
            horizon: label(h.horizon),
            source: L.fundingSources.unfunded,
            amount: Number(h.gap.amount),
          },
        ]
      : []),
  ]);
  return {
    description: `The action plan's cost per horizon, split by funding source; the grey part is not yet funded. Amounts in ${a.currency}.`,
    data: { values },
    mark: { type: "bar", tooltip: true },
    encoding: {
      y: { field: "horizon", type: "nominal", sort: null, title: null },
      x: {
        aggregate: "sum",
        field: "amount",
        type: "quantitative",
        title: `${L.fields.amount} (${a.currency})`,
      },
      color: {
        field: "source",
        type: "nominal",
        title: L.fields.source,
        scale: colourScale(
          keys,
          keys.map((k) => L.fundingSources[k]),
        ),
      },
    },
  };
}

const builders: Readonly<
  Record<ReportChart, (r: Report, L: ReportLabels) => Record<string, unknown>>
> = {
  maturityRadar: radar,
  swotGrid: swot,
  impactEffort,
  ranking,
  timeline,
  budget,
};

/**
 * A Vega-Lite v5 specification of one of the report's charts, with the data inline, for
 * notebooks and dashboards (vega-embed, Altair, Observable).
 *
 * The charts are those of {@link renderHtml}: `maturityRadar` (as a polar bar chart: Vega-Lite
 * has no radar mark), `swotGrid` (four panels), `impactEffort` (with the thresholds as rules),
 * `ranking` (score and rank stability side by side), `timeline` (bars from start to end coloured
 * by horizon, the horizon limits as rules) and `budget` (stacked by funding source, the unfunded
 * part in grey). Titles and category names are in the chosen language; money amounts become
 * numbers for plotting only. Designed by this project.
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
  const body = builders[chart](report, labels);
  const spec = { $schema: SCHEMA, title: labels.charts[chart], ...body };
  // plain JSON: no undefined, no -0, every number finite
  return JSON.parse(canonicalJson(spec)) as VegaLiteSpec;
}
