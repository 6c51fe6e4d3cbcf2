import type { ReportMoney } from "../schema/report.js";
import { LIBRARY_NAME, LIBRARY_VERSION } from "../_lib/version.js";
import { createFormatter, fill } from "./_format.js";
import type { Block, DocumentModel, Inline } from "./_document.js";
import { groupedBarChart } from "./_svg.js";
import type { CompareReportsResult } from "./compareReports.js";
import type { ReportLabels } from "./i18n/labels.js";

/** The document of a comparison in one language: shared by its Markdown and HTML forms. */
export function comparisonDocument(c: CompareReportsResult, L: ReportLabels): DocumentModel {
  const F = createFormatter(L.locale, L.text.notAvailable);
  const labels = c.reports.map((r) => r.label);
  const money = (m: ReportMoney | null): string => (m === null ? L.text.notAvailable : F.money(m));
  const signed = (v: number | null, digits: number): string =>
    v === null ? "" : v > 0 ? `+${F.number(v, digits)}` : F.number(v, digits);
  const sections: { id: string; title: string; blocks: Block[] }[] = [];

  sections.push({
    id: "reports",
    title: L.text.reports,
    blocks: [
      {
        kind: "table",
        head: [
          L.fields.city,
          L.fields.period,
          L.fields.framework,
          L.fields.generatedAt,
          L.fields.inputDigest,
        ],
        rows: c.reports.map((r) => [
          `${r.city.name} (${r.city.country})`,
          r.period ? `${F.date(r.period.start)} – ${F.date(r.period.end)}` : "",
          r.framework ?? L.text.none,
          r.generatedAt,
          r.inputDigest,
        ]),
      },
    ],
  });

  const m = c.maturity;
  if (m && c.framework) {
    const fw = c.framework;
    const rows = [m.overall, ...m.dimensions];
    const title = (id: string, t: string) => (id === "overall" ? L.fields.overall : t);
    sections.push({
      id: "maturity",
      title: L.sections.maturity,
      blocks: [
        {
          kind: "paragraph",
          content: [{ strong: `${L.fields.framework}: ` }, `${fw.id} ${fw.versions.join(", ")}`],
        },
        {
          kind: "chart",
          svg: () =>
            groupedBarChart({
              id: "comparisonMaturity",
              title: L.charts.maturityRadar,
              series: labels,
              domain: [m.scale.min, m.scale.max],
              groups: rows.map((d) => ({
                label: title(d.id, d.title),
                values: d.scores,
                texts: d.scores.map((s, i) =>
                  s === null
                    ? L.text.notAvailable
                    : `${F.number(s, 1)} · ${d.levels[i] ?? L.text.notAvailable}`,
                ),
              })),
            }),
        },
        {
          kind: "table",
          head: [L.fields.dimension, ...labels, L.fields.change],
          numeric: [...labels.map((_, i) => i + 1), labels.length + 1],
          rows: rows.map((d): Inline[] => [
            d.id === "overall" ? { strong: L.fields.overall } : d.title,
            ...d.scores.map((s, i) =>
              s === null
                ? L.text.notAvailable
                : `${F.number(s, 1)} (${d.levels[i] ?? L.text.notAvailable})`,
            ),
            signed(d.change, 1),
          ]),
        },
      ],
    });
  }

  if (c.rankings.length > 0) {
    sections.push({
      id: "rankings",
      title: L.text.rankChanges,
      blocks: [
        {
          kind: "table",
          head: [L.fields.solution, ...labels, L.fields.change],
          numeric: [...labels.map((_, i) => i + 1), labels.length + 1],
          rows: c.rankings.map((x) => {
            const first = x.ranks[0] ?? null;
            const last = x.ranks[x.ranks.length - 1] ?? null;
            const change =
              x.change !== null
                ? signed(x.change, 0)
                : first === null
                  ? L.text.newEntry
                  : last === null
                    ? L.text.dropped
                    : "";
            return [x.title, ...x.ranks.map((k) => (k === null ? "" : F.integer(k))), change];
          }),
        },
      ],
    });
  }

  if (c.themes.length > 0) {
    sections.push({
      id: "themes",
      title: L.text.sharedThemes,
      blocks: [
        {
          kind: "table",
          head: [L.fields.theme, ...labels],
          numeric: labels.map((_, i) => i + 1),
          rows: c.themes.map((t): Inline[] => [
            t.shared ? { strong: t.theme } : t.theme,
            ...t.counts.map((n) => F.integer(n)),
          ]),
        },
      ],
    });
  }

  if (c.budgets.some((b) => b.cost !== null)) {
    sections.push({
      id: "budgets",
      title: L.sections.actionPlan,
      blocks: [
        {
          kind: "table",
          head: [
            L.fields.city,
            L.fields.cost,
            L.fields.funding,
            L.fields.gap.split(" (")[0] as string,
            L.fields.available,
          ],
          numeric: [1, 2, 3, 4],
          rows: c.budgets.map((b, i) => [
            labels[i] as string,
            money(b.cost),
            money(b.funding),
            money(b.gap),
            money(b.available),
          ]),
        },
      ],
    });
  }

  return {
    lang: L.lang,
    title: L.titles.comparison,
    subtitle: [labels.join(" · ")],
    sections,
    footer: [fill(L.text.generatedBy, { library: LIBRARY_NAME, version: LIBRARY_VERSION })],
  };
}
