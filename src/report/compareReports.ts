import type { Report, ReportMoney } from "../schema/report.js";
import { describe, fail } from "../_lib/assert.js";
import { compareIds } from "../_lib/sort.js";
import { assertParsed, isParsed } from "../_lib/parsed.js";

/** One report in a comparison. */
export interface ComparedReport {
  /** The city. */
  readonly city: { readonly id: string; readonly name: string; readonly country: string };
  /** The period the assessment covers (or `null`). */
  readonly period: { readonly start: string; readonly end: string } | null;
  /** A short label: city name and the end of the period. */
  readonly label: string;
  /** The report's `generatedAt` and input digest, to tell the reports apart. */
  readonly generatedAt: string;
  readonly inputDigest: string;
  /** The maturity framework `id@version`, or `null` without a maturity section. */
  readonly framework: string | null;
}

/** A dimension (or the overall score) across the reports. */
export interface ComparedScore {
  readonly id: string;
  readonly title: string;
  /** The score in each report, in report order; `null` when not computed or absent. */
  readonly scores: readonly (number | null)[];
  /** The level title in each report, or `null`. */
  readonly levels: readonly (string | null)[];
  /** Last score minus first score, or `null` when either is missing. */
  readonly change: number | null;
}

/** A solution's rank across the reports. */
export interface ComparedRank {
  readonly solution: string;
  readonly title: string;
  /** Its rank in each report (the report's primary ranking), or `null` when it is not ranked there. */
  readonly ranks: readonly (number | null)[];
  /** First rank minus last rank (positive: it moved up), or `null`. */
  readonly change: number | null;
}

/** A solution theme and the reports whose solutions carry it. */
export interface ComparedTheme {
  /** The theme, as the first report that names it writes it. */
  readonly theme: string;
  /** Number of solutions with this theme in each report. */
  readonly counts: readonly number[];
  /** Whether at least two reports share it. */
  readonly shared: boolean;
}

/** A report's action-plan budget. */
export interface ComparedBudget {
  readonly currency: string | null;
  readonly cost: ReportMoney | null;
  readonly funding: ReportMoney | null;
  readonly gap: ReportMoney | null;
  readonly available: ReportMoney | null;
}

/** The result of {@link compareReports}. */
export interface CompareReportsResult {
  /** The reports, in the order given. */
  readonly reports: readonly ComparedReport[];
  /** The shared framework id and major version, or `null` when no report has a maturity section. */
  readonly framework: {
    readonly id: string;
    readonly major: string;
    readonly versions: readonly string[];
  } | null;
  /** Maturity scale and overall score and each dimension, or `null` without a shared framework. */
  readonly maturity: {
    readonly scale: { readonly min: number; readonly max: number };
    readonly overall: ComparedScore;
    readonly dimensions: readonly ComparedScore[];
  } | null;
  /** Every solution ranked in any report: by best rank in the last report, then by id. */
  readonly rankings: readonly ComparedRank[];
  /** Solution themes: shared ones first, then by theme. */
  readonly themes: readonly ComparedTheme[];
  /** Each report's budget, in report order. */
  readonly budgets: readonly ComparedBudget[];
}

function major(version: string): string {
  return version.split(".")[0] as string;
}

/**
 * Compares several reports side by side — several cities, or one city at two dates — on the
 * same maturity framework: maturity by dimension, rank changes of the solutions, shared solution
 * themes and budgets.
 *
 * Rules (designed by this project): reports are comparable when every maturity section uses the
 * same framework id and the same major version (minor versions keep dimension ids and scales);
 * otherwise the comparison is refused rather than putting unlike scores side by side. Dimensions
 * are matched by id, in the first report's order, then any others by id. A change is last minus
 * first for scores and first minus last for ranks (positive = moved up). Themes are matched
 * ignoring case and surrounding spaces.
 *
 * @param reports - two or more reports (from {@link createReport} or `parseReport`)
 * @returns the comparison; render it with {@link renderComparisonMarkdown} or
 *   {@link renderComparisonHtml}
 * @throws AssessmentError `invalid_type` (not an array), `too_few_values` (fewer than two
 *   reports), `not_parsed` (an item that did not come from `createReport` or `parseReport`, path
 *   `["reports", i]`), `framework_mismatch` (different framework ids or major versions, path
 *   `["reports", i, "sections", "maturity", "framework"]`)
 * @example
 * ```ts
 * import { parseAssessment } from "icc-assessment/schema";
 * import { compareReports, createReport } from "icc-assessment/report";
 * const base = {
 *   formatVersion: "1.0",
 *   city: { id: "sofia", name: "Sofia", country: "BG" },
 *   programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
 *   track: { id: "citizenParticipationDigitalPublicAdministration" },
 *   stakeholders: [], needs: [], solutions: [],
 * };
 * const r2021 = createReport(parseAssessment({ ...base, workshops: [] }), { generatedAt: "2021-02-15" });
 * const r2022 = createReport(parseAssessment({ ...base, workshops: [] }), { generatedAt: "2022-02-15" });
 * const c = compareReports([r2021, r2022]);
 * c.reports.map((r) => r.generatedAt); // => ["2021-02-15", "2022-02-15"]
 * c.framework; // => null
 * ```
 */
export function compareReports(reports: readonly Report[]): CompareReportsResult {
  if (!Array.isArray(reports)) {
    fail(
      "invalid_type",
      ["reports"],
      `reports must be an array of reports, got ${describe(reports)}`,
    );
  }
  if (reports.length < 2) {
    fail(
      "too_few_values",
      ["reports"],
      `at least two reports are needed to compare, got ${reports.length}`,
    );
  }
  for (let i = 0; i < reports.length; i++) {
    if (!isParsed(reports[i], "report")) assertParsed(reports[i], "report", ["reports", i]);
  }
  const rs = reports;

  let framework: CompareReportsResult["framework"] = null;
  rs.forEach((r, i) => {
    const f = r.sections.maturity?.framework;
    if (f === undefined) return;
    if (framework === null) {
      framework = { id: f.id, major: major(f.version), versions: [f.version] };
      return;
    }
    if (f.id !== framework.id || major(f.version) !== framework.major) {
      fail(
        "framework_mismatch",
        ["reports", i, "sections", "maturity", "framework"],
        `reports[${i}] uses framework ${f.id} ${f.version}, but an earlier report uses ${framework.id} ${framework.major}.x: maturity scores of different frameworks or major versions cannot be compared`,
      );
    }
    if (!framework.versions.includes(f.version)) {
      framework = { ...framework, versions: [...framework.versions, f.version] };
    }
  });

  const compared: ComparedReport[] = rs.map((r) => ({
    city: { id: r.city.id, name: r.city.name, country: r.city.country },
    period: r.period ? { start: r.period.start, end: r.period.end } : null,
    label: `${r.city.name} ${r.period?.end ?? r.provenance.generatedAt}`,
    generatedAt: r.provenance.generatedAt,
    inputDigest: r.provenance.inputDigest,
    framework: r.sections.maturity
      ? `${r.sections.maturity.framework.id}@${r.sections.maturity.framework.version}`
      : null,
  }));

  const changeOf = (values: readonly (number | null)[]): number | null => {
    const first = values[0];
    const last = values[values.length - 1];
    return first === null || first === undefined || last === null || last === undefined
      ? null
      : last - first;
  };

  let maturity: CompareReportsResult["maturity"] = null;
  const withMaturity = rs.map((r) => r.sections.maturity);
  const firstMaturity = withMaturity.find((m) => m !== undefined);
  if (firstMaturity !== undefined) {
    const ids: string[] = [];
    const titles = new Map<string, string>();
    type Dimension = NonNullable<Report["sections"]["maturity"]>["dimensions"][number];
    const byId = withMaturity.map((m) => {
      const dims = new Map<string, Dimension>();
      for (const d of m?.dimensions ?? []) {
        dims.set(d.id, d);
        if (!titles.has(d.id)) {
          ids.push(d.id);
          titles.set(d.id, d.title);
        }
      }
      return dims;
    });
    const dimensions = ids.map((id): ComparedScore => {
      const rows = byId.map((dims) => dims.get(id));
      const scores = rows.map((d) => d?.score ?? null);
      return {
        id,
        title: titles.get(id) as string,
        scores,
        levels: rows.map((d) => d?.level?.title ?? null),
        change: changeOf(scores),
      };
    });
    const overallScores = withMaturity.map((m) => m?.overall.score ?? null);
    maturity = {
      scale: { min: firstMaturity.scale.min, max: firstMaturity.scale.max },
      overall: {
        id: "overall",
        title: "overall",
        scores: overallScores,
        levels: withMaturity.map((m) => m?.overall.level?.title ?? null),
        change: changeOf(overallScores),
      },
      dimensions,
    };
  }

  const titles = new Map<string, string>();
  const rankTables = rs.map((r) => {
    const table = new Map<string, number>();
    for (const x of r.sections.prioritisation?.ranking ?? []) {
      table.set(x.solution, x.rank);
      if (!titles.has(x.solution)) titles.set(x.solution, x.title);
    }
    return table;
  });
  const last = rankTables[rankTables.length - 1] as Map<string, number>;
  const rankings = [...titles.keys()]
    .map((solution): ComparedRank => {
      const ranks = rankTables.map((t) => t.get(solution) ?? null);
      const first = ranks[0] ?? null;
      const end = ranks[ranks.length - 1] ?? null;
      return {
        solution,
        title: titles.get(solution) as string,
        ranks,
        change: first === null || end === null ? null : first - end,
      };
    })
    .sort(
      (x, y) =>
        (last.get(x.solution) ?? Number.MAX_SAFE_INTEGER) -
          (last.get(y.solution) ?? Number.MAX_SAFE_INTEGER) || compareIds(x.solution, y.solution),
    );

  const themeNames = new Map<string, string>();
  const themeCounts = new Map<string, number[]>();
  rs.forEach((r, i) => {
    for (const d of r.sections.dossiers ?? []) {
      if (d.theme === null || d.theme.trim() === "") continue;
      const key = d.theme.trim().toLowerCase();
      if (!themeNames.has(key)) themeNames.set(key, d.theme.trim());
      const counts = themeCounts.get(key) ?? rs.map(() => 0);
      counts[i] = (counts[i] as number) + 1;
      themeCounts.set(key, counts);
    }
  });
  const themes = [...themeCounts.entries()]
    .map(([key, counts]): ComparedTheme => ({
      theme: themeNames.get(key) as string,
      counts,
      shared: counts.filter((c) => c > 0).length >= 2,
    }))
    .sort(
      (x, y) =>
        Number(y.shared) - Number(x.shared) ||
        compareIds(x.theme.toLowerCase(), y.theme.toLowerCase()),
    );

  const budgets = rs.map((r): ComparedBudget => {
    const b = r.sections.actionPlan?.budget;
    return {
      currency: r.sections.actionPlan?.currency ?? null,
      cost: b?.cost ?? null,
      funding: b?.funding ?? null,
      gap: b?.gap ?? null,
      available: b?.available ?? null,
    };
  });

  return { reports: compared, framework, maturity, rankings, themes, budgets };
}
