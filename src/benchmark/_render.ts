import { escapeHtml, escapeMarkdown } from "../_lib/escape.js";
import { describe, fail, isRecord } from "../_lib/assert.js";
import type { ReportLanguage } from "../schema/vocabularies.js";
import type { BenchmarkCitiesResult, BenchmarkScore } from "./benchmarkCities.js";
import { benchmarkLabels, fill, type BenchmarkLabels } from "./_labels.js";

/**
 * The content of a benchmark document, shared by the Markdown and HTML renderers: plain,
 * unescaped text; each writer escapes every piece it prints.
 */
export interface BenchmarkDocument {
  readonly lang: ReportLanguage;
  readonly title: string;
  readonly lines: readonly string[];
  readonly sections: readonly {
    readonly id: string;
    readonly title: string;
    readonly paragraphs: readonly string[];
    readonly table: {
      readonly head: readonly string[];
      readonly rows: readonly (readonly string[])[];
      readonly numeric: readonly number[];
    } | null;
    readonly chart: boolean;
  }[];
}

/** Checks the renderer's arguments (a result of benchmarkCities; known language). */
export function checkRender(
  result: unknown,
  options: unknown,
): { result: BenchmarkCitiesResult; labels: BenchmarkLabels; note: string | null } {
  if (
    !isRecord(result) ||
    !isRecord(result["overall"]) ||
    !Array.isArray(result["dimensions"]) ||
    !Array.isArray(result["peers"]) ||
    !Array.isArray(result["excluded"])
  ) {
    return fail(
      "invalid_type",
      ["result"],
      `result must be the result of benchmarkCities, got ${describe(result)}`,
    );
  }
  const o = options === undefined ? {} : options;
  if (!isRecord(o)) {
    return fail("invalid_type", ["options"], `options must be an object, got ${describe(o)}`);
  }
  const lang = o["lang"] ?? "en";
  if (lang !== "en" && lang !== "bg") {
    return fail(
      "invalid_value",
      ["options", "lang"],
      `lang must be one of en, bg, got ${describe(lang)}`,
    );
  }
  const note = o["note"];
  if (note !== undefined && typeof note !== "string") {
    return fail(
      "invalid_type",
      ["options", "note"],
      `note must be a string, got ${describe(note)}`,
    );
  }
  return {
    result: result as unknown as BenchmarkCitiesResult,
    labels: benchmarkLabels[lang],
    note: note ?? null,
  };
}

/** Builds the document of a benchmark in one language. */
export function benchmarkDocument(
  r: BenchmarkCitiesResult,
  l: BenchmarkLabels,
  note: string | null,
): BenchmarkDocument {
  const nf = new Intl.NumberFormat(l.locale, { maximumFractionDigits: 1 });
  const num = (x: number | null) => (x === null ? l.na : nf.format(x));
  const signed = (x: number | null) => (x === null ? l.na : `${x > 0 ? "+" : ""}${nf.format(x)}`);
  const int = new Intl.NumberFormat(l.locale, { maximumFractionDigits: 0 });
  const pct = new Intl.NumberFormat(l.locale, { style: "percent", maximumFractionDigits: 0 });
  const g = r.peerGroup;
  const group =
    g.by === "all"
      ? l.groups.all
      : g.by === "population"
        ? fill(l.groups.population, {
            band: `${g.band.id} (${int.format(g.band.min)}–${g.band.max === null ? "" : int.format(g.band.max)})`,
          })
        : g.by === "country"
          ? fill(l.groups.country, { country: g.country })
          : `${l.groups.ids}: ${g.ids.join(", ")}`;
  const lines = [
    ...(note === null ? [] : [note]),
    `${l.framework}: ${r.framework.title} (${r.framework.id} ${r.framework.version})`,
    `${l.peerGroup}: ${group}`,
    `${l.period}: ${
      r.period === null
        ? l.noPeriod
        : `${r.period.from} – ${r.period.to} (${fill(l.monthsEitherSide, { months: String(r.period.months) })})`
    }`,
    `${l.peersUsed}: ${r.peers.length}; ${l.excludedCount}: ${r.excluded.length}`,
  ];
  const row = (s: BenchmarkScore, title: string): string[] => [
    title,
    num(s.score),
    s.rank === null ? l.na : `${s.rank} / ${s.of}`,
    num(s.percentile),
    num(s.q1),
    num(s.median),
    num(s.q3),
    s.best === null ? l.na : `${num(s.best.score)} (${s.best.name})`,
    signed(s.distance.median),
    signed(s.distance.best),
    String(s.peers),
  ];
  const c = l.columns;
  return {
    lang: l.lang,
    title: fill(l.title, { city: r.city.name }),
    lines,
    sections: [
      {
        id: "standing",
        title: l.sections.standing,
        paragraphs: [],
        table: {
          head: [
            c.dimension,
            c.score,
            c.rank,
            c.percentile,
            c.q1,
            c.median,
            c.q3,
            c.best,
            c.toMedian,
            c.toBest,
            c.peers,
          ],
          rows: [row(r.overall, l.overall), ...r.dimensions.map((d) => row(d, d.title))],
          numeric: [1, 2, 3, 4, 5, 6, 8, 9, 10],
        },
        chart: false,
      },
      { id: "chart", title: l.sections.chart, paragraphs: [l.legend], table: null, chart: true },
      {
        id: "peers",
        title: l.sections.peers,
        paragraphs: r.peers.length === 0 ? [l.none] : [],
        table:
          r.peers.length === 0
            ? null
            : {
                head: [
                  c.city,
                  c.country,
                  c.population,
                  c.date,
                  c.version,
                  c.overall,
                  c.coverage,
                  c.flags,
                  c.digest,
                ],
                rows: r.peers.map((p) => [
                  p.name,
                  p.country,
                  p.population === null ? l.na : int.format(p.population),
                  p.date ?? l.na,
                  p.frameworkVersion,
                  num(p.overall),
                  pct.format(p.coverage),
                  p.flags.map((f) => l.flags[f]).join(", "),
                  p.inputDigest.slice(0, 19),
                ]),
                numeric: [2, 5, 6],
              },
        chart: false,
      },
      {
        id: "excluded",
        title: l.sections.excluded,
        paragraphs: r.excluded.length === 0 ? [l.none] : [],
        table:
          r.excluded.length === 0
            ? null
            : {
                head: [c.input, c.city, c.reason, c.detail],
                rows: r.excluded.map((x) => [
                  String(x.index + 1),
                  x.city,
                  l.reasons[x.reason],
                  x.message,
                ]),
                numeric: [0],
              },
        chart: false,
      },
      {
        id: "method",
        title: l.sections.method,
        paragraphs: [l.rules.rank, l.rules.percentile, l.rules.quartiles, l.rules.peers],
        table: null,
        chart: false,
      },
    ],
  };
}

/** Writes the document as CommonMark/GFM (the chart is HTML only: the table carries its numbers). */
export function writeBenchmarkMarkdown(doc: BenchmarkDocument): string {
  const out: string[] = [`# ${escapeMarkdown(doc.title)}`, ""];
  for (const line of doc.lines) out.push(`${escapeMarkdown(line)}  `);
  out.push("");
  for (const s of doc.sections) {
    if (s.chart) continue;
    out.push(`## ${escapeMarkdown(s.title)}`, "");
    for (const p of s.paragraphs) out.push(escapeMarkdown(p), "");
    if (s.table !== null) {
      const right = new Set(s.table.numeric);
      out.push(`| ${s.table.head.map((h) => escapeMarkdown(h)).join(" | ")} |`);
      out.push(`| ${s.table.head.map((_, i) => (right.has(i) ? "---:" : "---")).join(" | ")} |`);
      for (const row of s.table.rows) {
        out.push(`| ${row.map((x) => escapeMarkdown(x) || " ").join(" | ")} |`);
      }
      out.push("");
    }
  }
  return `${out.join("\n").replace(/\n+$/, "")}\n`;
}

const CSS = `
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1d2733; background: #f4f6f9; }
main { max-width: 1000px; margin: 0 auto; padding: 24px 28px 48px; background: #fff; }
h1 { font-size: 26px; margin: 8px 0 8px; color: #153e6e; }
h2 { font-size: 20px; margin: 28px 0 10px; padding-top: 8px; border-top: 1px solid #d0d5dc; color: #153e6e; }
p.line { margin: 2px 0; color: #3b4754; }
div.scroll { overflow-x: auto; margin: 8px 0 16px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { border: 1px solid #d0d5dc; padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: #eef2f7; }
.num { text-align: right; white-space: nowrap; }
svg { display: block; max-width: 100%; height: auto; font-family: system-ui, sans-serif; }
`;

/** The chart: per score, the peers' Q1–Q3 bar, the median, the best and the city, on the scale. */
function chartSvg(r: BenchmarkCitiesResult, l: BenchmarkLabels): string {
  const rows = [
    { s: r.overall, title: l.overall },
    ...r.dimensions.map((d) => ({ s: d, title: d.title })),
  ];
  const left = 230;
  const width = 760;
  const plot = width - left - 20;
  const rowH = 28;
  const top = 24;
  const height = top + rows.length * rowH + 10;
  const { min, max } = r.scale;
  const x = (v: number) => (left + (max === min ? 0 : ((v - min) / (max - min)) * plot)).toFixed(1);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(l.sections.chart)}">`,
  ];
  for (let k = 0; k <= 4; k++) {
    const v = min + ((max - min) * k) / 4;
    out.push(
      `<line x1="${x(v)}" y1="${top - 6}" x2="${x(v)}" y2="${height - 6}" stroke="#e1e5ea"/>`,
      `<text x="${x(v)}" y="${top - 10}" font-size="11" text-anchor="middle" fill="#5f6b7a">${escapeHtml(String(Number(v.toFixed(2))))}</text>`,
    );
  }
  rows.forEach(({ s, title }, i) => {
    const y = top + i * rowH + rowH / 2;
    const label = title.length > 34 ? `${title.slice(0, 33)}…` : title;
    out.push(
      `<text x="${left - 8}" y="${y + 4}" font-size="12" text-anchor="end">${escapeHtml(label)}</text>`,
    );
    if (s.q1 !== null && s.q3 !== null) {
      out.push(
        `<rect x="${x(s.q1)}" y="${y - 7}" width="${(Number(x(s.q3)) - Number(x(s.q1))).toFixed(1)}" height="14" fill="#c9d8ec"/>`,
      );
    }
    if (s.median !== null) {
      out.push(
        `<line x1="${x(s.median)}" y1="${y - 9}" x2="${x(s.median)}" y2="${y + 9}" stroke="#1f5fa8" stroke-width="2"/>`,
      );
    }
    if (s.best !== null) {
      const bx = Number(x(s.best.score));
      out.push(
        `<path d="M${bx.toFixed(1)} ${y - 6} L${(bx + 6).toFixed(1)} ${y} L${bx.toFixed(1)} ${y + 6} L${(bx - 6).toFixed(1)} ${y} Z" fill="#2e8540"/>`,
      );
    }
    if (s.score !== null) {
      out.push(
        `<circle cx="${x(s.score)}" cy="${y}" r="5.5" fill="#d9534f" stroke="#fff" stroke-width="1.5"/>`,
      );
    }
  });
  out.push("</svg>");
  return out.join("");
}

/** Writes the document as one self-contained HTML file: inline CSS and SVG, no script, no network. */
export function writeBenchmarkHtml(
  doc: BenchmarkDocument,
  r: BenchmarkCitiesResult,
  l: BenchmarkLabels,
): string {
  const out: string[] = [
    "<!DOCTYPE html>",
    `<html lang="${escapeHtml(doc.lang)}">`,
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${CSS.trim()}</style>`,
    "</head>",
    "<body>",
    "<main>",
    `<h1>${escapeHtml(doc.title)}</h1>`,
    ...doc.lines.map((line) => `<p class="line">${escapeHtml(line)}</p>`),
  ];
  for (const s of doc.sections) {
    out.push(`<section id="${escapeHtml(s.id)}">`, `<h2>${escapeHtml(s.title)}</h2>`);
    if (s.chart) out.push(`<figure>${chartSvg(r, l)}</figure>`);
    for (const p of s.paragraphs) out.push(`<p>${escapeHtml(p)}</p>`);
    if (s.table !== null) {
      const right = new Set(s.table.numeric);
      const cls = (i: number) => (right.has(i) ? ' class="num"' : "");
      out.push(
        `<div class="scroll"><table><thead><tr>${s.table.head.map((h, i) => `<th${cls(i)}>${escapeHtml(h)}</th>`).join("")}</tr></thead><tbody>`,
        ...s.table.rows.map(
          (row) => `<tr>${row.map((x, i) => `<td${cls(i)}>${escapeHtml(x)}</td>`).join("")}</tr>`,
        ),
        "</tbody></table></div>",
      );
    }
    out.push("</section>");
  }
  out.push("</main>", "</body>", "</html>");
  return `${out.join("\n")}\n`;
}
