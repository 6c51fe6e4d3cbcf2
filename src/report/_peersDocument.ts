import type { Report } from "../schema/report.js";
import type { BenchmarkSection } from "./_peers.js";
import { PALETTE } from "./_charts.js";
import type { Block, DocumentModel, Inline } from "./_document.js";
import { escapeHtml } from "../_lib/escape.js";
import { fill } from "./_format.js";
import { recommendationBlocks } from "./_recommendationsDocument.js";
import { contextOf, type Context } from "./_reportDocument.js";
import { fraction, truncate } from "./_svg.js";
import type { ReportLabels } from "./i18n/labels.js";

type Score = BenchmarkSection["overall"];

/** A number with a sign: `+2.5`, `−1` (its rounding to one decimal decides the sign). */
function signed(c: Context, x: number | null): string {
  if (x === null) return c.L.text.notAvailable;
  return `${Math.round(x * 10) / 10 > 0 ? "+" : ""}${c.F.number(x, 1)}`;
}

/** The peer group in words. */
function groupText(c: Context, g: BenchmarkSection["peerGroup"]): string {
  const B = c.L.benchmark;
  switch (g.by) {
    case "all":
      return B.groups.all;
    case "population":
      return fill(B.groups.population, {
        band: `${g.band.id} (${c.F.integer(g.band.min)}–${g.band.max === null ? "" : c.F.integer(g.band.max)})`,
      });
    case "country":
      return fill(B.groups.country, { country: g.country });
    case "ids":
      return `${B.groups.ids}: ${g.ids.join(", ")}`;
  }
}

/** The rows of the chart: the overall score, then each dimension, titled in the report language. */
function chartRows(c: Context, b: BenchmarkSection): { title: string; s: Score }[] {
  return [
    { title: c.L.benchmark.overall, s: b.overall },
    ...b.dimensions.map((d) => ({
      title:
        d.parent === null ? c.fw.dimension(d.id, d.title) : `– ${c.fw.dimension(d.id, d.title)}`,
      s: d,
    })),
  ];
}

/** A coordinate rounded to 0.01; never `-0`, `NaN` or `±Infinity` (written as 0). */
function n(x: number): string {
  const r = Math.round(x * 100) / 100;
  return String(r === 0 || !Number.isFinite(r) ? 0 : r);
}

/**
 * The chart of the section (designed by this project): one row per score, on the framework's
 * scale; a bar from the peers' first to third quartile, a line at their median, a diamond at the
 * best peer, and a circle at the city. Every position goes through `fraction` (clamped to the
 * scale, finite for any finite numbers), every text through `escapeHtml`; a long title is
 * shortened with its full text as a tooltip.
 */
export function benchmarkChart(c: Context, b: BenchmarkSection): string {
  const B = c.L.benchmark;
  const rows = chartRows(c, b);
  const left = 250;
  const width = 780;
  const plot = width - left - 24;
  const rowH = 30;
  const top = 34;
  const legendH = 30;
  const height = top + rows.length * rowH + legendH;
  const { min, max } = b.scale;
  const x = (v: number) => left + (fraction(v, min, max) ?? 0) * plot;
  const out: string[] = [];
  for (let k = 0; k <= 4; k++) {
    const v = min + ((max - min) / 4) * k;
    const gx = x(v);
    out.push(
      `<line x1="${n(gx)}" y1="${n(top - 8)}" x2="${n(gx)}" y2="${n(top + rows.length * rowH)}" stroke="${PALETTE.grid}"/>`,
      `<text x="${n(gx)}" y="${n(top - 14)}" font-size="11" text-anchor="middle" fill="${PALETTE.axis}">${escapeHtml(c.F.number(v, 1))}</text>`,
    );
  }
  rows.forEach(({ title, s }, i) => {
    const y = top + i * rowH + rowH / 2;
    const label = truncate(title, 36);
    const tip = label === title ? "" : `<title>${escapeHtml(title)}</title>`;
    out.push(
      `<text x="${n(left - 10)}" y="${n(y + 4)}" font-size="12" text-anchor="end" fill="${PALETTE.text}"${i === 0 ? ' font-weight="bold"' : ""}>${tip}${escapeHtml(label)}</text>`,
    );
    if (s.q1 !== null && s.q3 !== null) {
      const x1 = x(s.q1);
      out.push(
        `<rect x="${n(x1)}" y="${n(y - 8)}" width="${n(Math.max(0, x(s.q3) - x1))}" height="16" fill="#c9d8ec"/>`,
      );
    }
    if (s.median !== null) {
      const mx = x(s.median);
      out.push(
        `<line x1="${n(mx)}" y1="${n(y - 10)}" x2="${n(mx)}" y2="${n(y + 10)}" stroke="${PALETTE.primary}" stroke-width="2.5"/>`,
      );
    }
    if (s.best !== null) {
      const bx = x(s.best.score);
      out.push(
        `<path d="M${n(bx)} ${n(y - 7)} L${n(bx + 7)} ${n(y)} L${n(bx)} ${n(y + 7)} L${n(bx - 7)} ${n(y)} Z" fill="#2e8540"><title>${escapeHtml(`${B.columns.best}: ${s.best.name} ${c.F.number(s.best.score, 1)}`)}</title></path>`,
      );
    }
    if (s.score !== null) {
      out.push(
        `<circle cx="${n(x(s.score))}" cy="${n(y)}" r="6" fill="#d9534f" stroke="#fff" stroke-width="1.5"><title>${escapeHtml(`${c.r.city.name}: ${c.F.number(s.score, 1)}`)}</title></circle>`,
      );
    }
  });
  const ly = top + rows.length * rowH + 20;
  out.push(
    `<text x="${n(left)}" y="${n(ly)}" font-size="11" fill="${PALETTE.muted}">${escapeHtml(B.legend)}</text>`,
  );
  const tid = "chart-benchmark-title";
  return `<svg class="chart" id="chart-benchmark" data-chart="benchmark" viewBox="0 0 ${width} ${n(height)}" width="${width}" height="${n(height)}" role="img" aria-labelledby="${tid}"><title id="${tid}">${escapeHtml(B.chart)}</title>${out.join("")}</svg>`;
}

/**
 * The blocks of "How we compare": the peer group and period, the standing per score (a table, and
 * in HTML the chart), the peers used with their identity and flags, the reports left out with the
 * reason, and the method with how to reproduce it.
 */
export function benchmarkBlocks(c: Context, b: BenchmarkSection): Block[] {
  const { L, F } = c;
  const B = L.benchmark;
  const C = B.columns;
  const blocks: Block[] = [];
  if (b.note !== null) blocks.push({ kind: "paragraph", content: [{ strong: b.note }] });
  blocks.push({
    kind: "paragraph",
    content: fill(B.lead, {
      count: F.integer(b.peers.length),
      framework: `${c.fw.title(b.framework.title)} ${b.framework.version}`,
    }),
  });
  const facts: Inline[] = [
    [{ strong: `${B.peerGroup}: ` }, groupText(c, b.peerGroup)],
    [
      { strong: `${B.period}: ` },
      b.period === null
        ? B.noPeriod
        : `${F.date(b.period.from)} – ${F.date(b.period.to)} (${fill(B.monthsEitherSide, { months: F.integer(b.period.months) })}); ${fill(B.minCoverage, { share: F.percent(b.minCoverage) })}`,
    ],
  ];
  blocks.push({ kind: "list", items: facts });
  blocks.push({ kind: "chart", svg: () => benchmarkChart(c, b) });
  const row = (title: Inline, s: Score): Inline[] => [
    title,
    F.number(s.score, 1),
    s.rank === null ? L.text.notAvailable : `${F.integer(s.rank)} / ${F.integer(s.of)}`,
    F.number(s.percentile, 1),
    F.number(s.q1, 1),
    F.number(s.median, 1),
    F.number(s.q3, 1),
    s.best === null ? L.text.notAvailable : `${F.number(s.best.score, 1)} (${s.best.name})`,
    signed(c, s.distance.median),
    signed(c, s.distance.best),
    F.integer(s.peers),
  ];
  const rows = chartRows(c, b);
  blocks.push({
    kind: "table",
    head: [
      L.fields.dimension,
      L.fields.score,
      C.rank,
      C.percentile,
      C.q1,
      C.median,
      C.q3,
      C.best,
      C.toMedian,
      C.toBest,
      C.peers,
    ],
    numeric: [1, 2, 3, 4, 5, 6, 8, 9, 10],
    rows: rows.map(({ title, s }, i) => row(i === 0 ? { strong: title } : title, s)),
  });
  const notes = rows
    .filter(({ s }) => s.missing.length > 0 || s.reason !== null)
    .map(({ title, s }) =>
      s.missing.length > 0
        ? fill(B.missing, {
            dimension: title,
            count: F.integer(s.missing.length),
            cities: `${s.missing.slice(0, 20).join(", ")}${s.missing.length > 20 ? ", …" : ""}`,
          })
        : `${title}: ${s.reason as string}`,
    );
  if (notes.length > 0) blocks.push({ kind: "list", items: notes });

  blocks.push({ kind: "heading", level: 3, text: B.peersHeading });
  if (b.peers.length === 0) {
    blocks.push({ kind: "paragraph", content: B.none, note: true });
  } else {
    blocks.push({
      kind: "table",
      head: [
        C.city,
        C.country,
        C.population,
        L.fields.date,
        C.version,
        C.overall,
        C.coverage,
        C.flags,
        C.digest,
        C.generatedAt,
      ],
      numeric: [2, 5, 6],
      rows: b.peers.map((p) => [
        `${p.name} (${p.city})`,
        p.country,
        p.population === null ? L.text.notAvailable : F.integer(p.population),
        p.date === null ? L.text.notAvailable : F.date(p.date),
        p.frameworkVersion,
        F.number(p.overall, 1),
        F.percent(p.coverage),
        p.flags.map((f) => B.flags[f]).join(", "),
        p.inputDigest,
        p.generatedAt,
      ]),
    });
  }
  blocks.push({ kind: "heading", level: 3, text: B.excludedHeading });
  if (b.excluded.length === 0) {
    blocks.push({ kind: "paragraph", content: B.none, note: true });
  } else {
    blocks.push({
      kind: "table",
      head: [C.city, C.reason, C.detail, C.digest, C.generatedAt],
      rows: b.excluded.map((x) => [
        x.city,
        B.reasons[x.reason],
        x.message,
        x.inputDigest,
        x.generatedAt,
      ]),
    });
  }
  blocks.push({ kind: "heading", level: 3, text: B.methodHeading });
  blocks.push({
    kind: "list",
    items: [B.rules.rank, B.rules.percentile, B.rules.quartiles, B.rules.peers],
  });
  blocks.push({ kind: "paragraph", content: B.reproduce, note: true });
  return blocks;
}

/**
 * The document of a report with its sections "How we compare" and "What would raise our
 * maturity" (when the report has them) placed after the maturity profile, or after the summary
 * when there is none; a report without them gives the document unchanged.
 */
export function withPeerSections(doc: DocumentModel, r: Report, L: ReportLabels): DocumentModel {
  const { benchmark, recommendations } = r.sections;
  if (benchmark === undefined && recommendations === undefined) return doc;
  const c = contextOf(r, L);
  const extra: DocumentModel["sections"][number][] = [];
  if (benchmark !== undefined) {
    extra.push({
      id: "benchmark",
      title: L.sections.benchmark,
      blocks: benchmarkBlocks(c, benchmark),
    });
  }
  if (recommendations !== undefined) {
    extra.push({
      id: "recommendations",
      title: L.sections.recommendations,
      blocks: recommendationBlocks(c, recommendations),
    });
  }
  const sections = [...doc.sections];
  const after = sections.findIndex((s) => s.id === "maturity");
  const at = after >= 0 ? after + 1 : Math.min(1, sections.length);
  sections.splice(at, 0, ...extra);
  return { ...doc, sections };
}
