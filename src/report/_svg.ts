import { daysBetween } from "../_lib/dates.js";
import {
  colourOf,
  PALETTE,
  type BudgetModel,
  type ImpactEffortModel,
  type RadarModel,
  type RankingModel,
  type SwotModel,
  type TimelineModel,
} from "./_charts.js";
import { escapeHtml } from "../_lib/escape.js";

/**
 * Inline SVG charts for the HTML report (designed by this project). Each returns one `<svg>`
 * element with a `viewBox`, `role="img"` and a `<title>`; it loads nothing, runs nothing and takes
 * every user string through {@link escapeHtml}. The report's six charts draw the chart models of
 * `_charts.ts` (labels translated, values formatted), the same models `toVegaLite` writes; this
 * module decides only sizes, positions, truncation and marks.
 */

/**
 * Where `v` lies from `lo` to `hi`, as a share clamped to 0–1 (designed by this project): a value
 * below the range is at its start, one above at its end, and a range of any finite numbers works
 * (when `hi − lo` overflows to Infinity, the share is computed on halves, which cannot). `null`
 * for an empty or reversed range (`hi ≤ lo`), where the caller places the value itself. Every
 * chart scale goes through it, so no coordinate is NaN or ±Infinity.
 */
export function fraction(v: number, lo: number, hi: number): number | null {
  if (!(hi > lo)) return null;
  if (!(v > lo)) return 0; // also NaN: never drawn off the chart
  if (v >= hi) return 1;
  const width = hi - lo;
  return Number.isFinite(width) ? (v - lo) / width : (v / 2 - lo / 2) / (hi / 2 - lo / 2);
}

/** A share clamped to 0–1 (NaN as 0). */
function clamp01(v: number): number {
  return v > 0 ? Math.min(1, v) : 0;
}

/**
 * A coordinate rounded to 0.01, never `-0`. Every coordinate is finite by construction (the
 * scales use {@link fraction}); a value that is not is written as 0 rather than as `NaN` or
 * `Infinity`, which no SVG renderer reads.
 */
function n(x: number): string {
  const r = Math.round(x * 100) / 100;
  return String(r === 0 || !Number.isFinite(r) ? 0 : r);
}

/** Shortens text to `max` characters (by code point), ending with an ellipsis. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, " ").trim());
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
}

interface TextOptions {
  readonly anchor?: "start" | "middle" | "end";
  readonly size?: number;
  readonly weight?: "bold";
  readonly fill?: string;
  readonly italic?: boolean;
  /** Full text for a tooltip when the shown text is shortened. */
  readonly full?: string;
}

function text(x: number, y: number, content: string, o: TextOptions = {}): string {
  const attrs = [
    `x="${n(x)}"`,
    `y="${n(y)}"`,
    o.anchor && o.anchor !== "start" ? `text-anchor="${o.anchor}"` : "",
    o.size ? `font-size="${o.size}"` : "",
    o.weight ? `font-weight="${o.weight}"` : "",
    o.italic ? `font-style="italic"` : "",
    `fill="${o.fill ?? PALETTE.text}"`,
  ]
    .filter((a) => a !== "")
    .join(" ");
  const tip =
    o.full !== undefined && o.full !== content ? `<title>${escapeHtml(o.full)}</title>` : "";
  return `<text ${attrs}>${tip}${escapeHtml(content)}</text>`;
}

function rect(x: number, y: number, w: number, h: number, fill: string, extra = ""): string {
  return `<rect x="${n(x)}" y="${n(y)}" width="${n(Math.max(0, w))}" height="${n(Math.max(0, h))}" fill="${fill}"${extra}/>`;
}

function line(x1: number, y1: number, x2: number, y2: number, stroke: string, extra = ""): string {
  return `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${stroke}"${extra}/>`;
}

function frame(id: string, title: string, width: number, height: number, body: string): string {
  const tid = `chart-${id}-title`;
  return `<svg class="chart" id="chart-${id}" data-chart="${id}" viewBox="0 0 ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}" role="img" aria-labelledby="${tid}"><title id="${tid}">${escapeHtml(title)}</title>${body}</svg>`;
}

function legend(x: number, y: number, entries: readonly { key: string; label: string }[]): string {
  let cx = x;
  return entries
    .map((e) => {
      const label = truncate(e.label, 28);
      const out = `${rect(cx, y - 10, 12, 12, colourOf(e.key), ' rx="2"')}${text(cx + 17, y, label, { size: 12 })}`;
      cx += 32 + Array.from(label).length * 7.4;
      return out;
    })
    .join("");
}

/**
 * A radar (spider) chart of scores per dimension: each score on its axis as a share of the
 * model's scale, the level boundaries as rings with the level names, and the targets if any.
 */
export function radarChart(model: RadarModel): string {
  const [lo, hi] = model.domain;
  const frac = (v: number): number => fraction(v, lo, hi) ?? 0;
  // each score, target and ring as a share of the radius
  const axes = model.points.map((p) => ({
    label: p.label,
    value: p.score === null ? null : frac(p.score),
    target: p.target === null ? null : frac(p.target),
    display: p.text,
  }));
  const W = 780;
  const H = 520;
  const cx = W / 2;
  const cy = 260;
  const R = 170;
  const k = axes.length;
  const angle = (i: number): number => -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, k);
  const at = (i: number, f: number): [number, number] => [
    cx + R * f * Math.cos(angle(i)),
    cy + R * f * Math.sin(angle(i)),
  ];
  const clamp = clamp01;
  const poly = (fs: readonly number[], attrs: string): string =>
    k >= 3
      ? `<polygon points="${fs.map((f, i) => at(i, f).map(n).join(",")).join(" ")}" ${attrs}/>`
      : `<polyline points="${fs.map((f, i) => at(i, f).map(n).join(",")).join(" ")}" ${attrs}/>`;
  const parts: string[] = [];
  for (const ring of model.rings) {
    const f = clamp(frac(ring));
    parts.push(
      k >= 3
        ? poly(
            axes.map(() => f),
            `fill="none" stroke="${PALETTE.grid}"`,
          )
        : `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(R * f)}" fill="none" stroke="${PALETTE.grid}"/>`,
    );
  }
  for (const ring of model.ringLabels) {
    const f = clamp(frac(ring.at));
    parts.push(
      text(cx + 5, cy - R * f + 4, truncate(ring.label, 20), { size: 10, fill: PALETTE.muted }),
    );
  }
  axes.forEach((a, i) => {
    const [x, y] = at(i, 1);
    parts.push(line(cx, cy, x, y, PALETTE.grid));
    const [lx, ly] = at(i, 1.1);
    const c = Math.cos(angle(i));
    const anchor = c > 0.3 ? "start" : c < -0.3 ? "end" : "middle";
    const dy = Math.sin(angle(i)) > 0.3 ? 12 : Math.sin(angle(i)) < -0.3 ? -16 : -2;
    const label = truncate(a.label, 26);
    parts.push(text(lx, ly + dy, label, { anchor, size: 12, weight: "bold", full: a.label }));
    parts.push(text(lx, ly + dy + 14, a.display, { anchor, size: 11, fill: PALETTE.muted }));
  });
  const targets = axes.map((a) => a.target);
  if (targets.some((t) => t !== null)) {
    parts.push(
      poly(
        targets.map((t) => clamp(t ?? 0)),
        `fill="none" stroke="${PALETTE.target}" stroke-width="2" stroke-dasharray="6 4"`,
      ),
    );
  }
  const values = axes.map((a) => clamp(a.value ?? 0));
  parts.push(
    poly(
      values,
      `fill="${PALETTE.primary}" fill-opacity="0.22" stroke="${PALETTE.primary}" stroke-width="2"`,
    ),
  );
  axes.forEach((a, i) => {
    const [x, y] = at(i, clamp(a.value ?? 0));
    parts.push(
      a.value === null
        ? `<circle cx="${n(x)}" cy="${n(y)}" r="4" fill="#fff" stroke="${PALETTE.muted}"/>`
        : `<circle cx="${n(x)}" cy="${n(y)}" r="4" fill="${PALETTE.primary}"/>`,
    );
  });
  const keys = [{ key: "primary", label: model.legend.score }];
  if (targets.some((t) => t !== null)) keys.push({ key: "target", label: model.legend.target });
  parts.push(legend(20, H - 14, keys));
  return frame("maturityRadar", model.title, W, H, parts.join(""));
}

/** A 2 × 2 SWOT grid: strengths and weaknesses on top (internal), opportunities and threats below. */
export function swotGrid(model: SwotModel): string {
  const quadrants = model.quadrants.map((q) => ({
    ...q,
    items: model.points.filter((p) => p.quadrant === q.key),
  }));
  const W = 860;
  const colW = 420;
  const gap = 20;
  const maxItems = 8;
  const rows = [quadrants.slice(0, 2), quadrants.slice(2, 4)];
  const heights = rows.map(
    (r) =>
      58 +
      20 *
        Math.max(
          1,
          ...r.map((q) => Math.min(q.items.length, maxItems) + (q.items.length > maxItems ? 1 : 0)),
        ),
  );
  const H = (heights[0] as number) + (heights[1] as number) + gap;
  const parts: string[] = [];
  let y = 0;
  rows.forEach((row, r) => {
    const h = heights[r] as number;
    row.forEach((q, c) => {
      const x = c * (colW + gap);
      const col = colourOf(q.key);
      parts.push(rect(x, y, colW, h, "#fff", ` stroke="${col}" stroke-width="2" rx="6"`));
      parts.push(rect(x, y, colW, 30, col, ' rx="6"'));
      parts.push(rect(x, y + 20, colW, 10, col));
      parts.push(
        text(x + 12, y + 20, truncate(q.title, 30), { size: 14, weight: "bold", fill: "#fff" }),
      );
      parts.push(text(x + colW - 12, y + 20, q.summary, { size: 12, anchor: "end", fill: "#fff" }));
      if (q.items.length === 0) {
        parts.push(
          text(x + 14, y + 52, model.empty, { size: 12, italic: true, fill: PALETTE.muted }),
        );
      }
      q.items.slice(0, maxItems).forEach((item, i) => {
        const ty = y + 52 + 20 * i;
        parts.push(text(x + 14, ty, `• ${truncate(item.text, 52)}`, { size: 12, full: item.text }));
        if (item.valueText !== "") {
          parts.push(
            text(x + colW - 12, ty, item.valueText, {
              size: 11,
              anchor: "end",
              fill: PALETTE.muted,
            }),
          );
        }
      });
      if (q.items.length > maxItems) {
        parts.push(
          text(x + 14, y + 52 + 20 * maxItems, model.more(q.items.length - maxItems), {
            size: 12,
            italic: true,
            fill: PALETTE.muted,
          }),
        );
      }
    });
    y += h + gap;
  });
  return frame("swotGrid", model.title, W, H, parts.join(""));
}

/**
 * An impact/effort (2 × 2 prioritisation) matrix: effort on x, impact on y, the thresholds as
 * lines, each quadrant named, each solution a dot marked with its rank.
 */
export function impactEffortChart(model: ImpactEffortModel): string {
  const W = 760;
  const H = 480;
  const x0 = 60;
  const y0 = 20;
  const pw = 400;
  const ph = 400;
  const pad = 24; // keeps points on the domain's edge inside the frame
  const marker = (rank: number | null): string => (rank === null ? "" : String(rank));
  const [ei0, ei1] = model.domain.effort;
  const [ii0, ii1] = model.domain.impact;
  // a point or threshold outside the domain is drawn on its edge; an empty domain in the middle
  const sx = (e: number): number => x0 + pad + (fraction(e, ei0, ei1) ?? 0.5) * (pw - 2 * pad);
  const sy = (i: number): number => y0 + ph - pad - (fraction(i, ii0, ii1) ?? 0.5) * (ph - 2 * pad);
  const mx = sx(model.thresholds.effort);
  const my = sy(model.thresholds.impact);
  const parts: string[] = [];
  parts.push(rect(x0, y0, mx - x0, my - y0, "#e8f5e9"));
  parts.push(rect(mx, y0, x0 + pw - mx, my - y0, "#e3f2fd"));
  parts.push(rect(x0, my, mx - x0, y0 + ph - my, "#f5f5f5"));
  parts.push(rect(mx, my, x0 + pw - mx, y0 + ph - my, "#fdecea"));
  parts.push(rect(x0, y0, pw, ph, "none", ` stroke="${PALETTE.axis}"`));
  parts.push(line(mx, y0, mx, y0 + ph, PALETTE.axis, ' stroke-dasharray="4 4"'));
  parts.push(line(x0, my, x0 + pw, my, PALETTE.axis, ' stroke-dasharray="4 4"'));
  const q = model.quadrants;
  parts.push(
    text(x0 + 8, y0 + 18, q.quickWin, { size: 12, weight: "bold", fill: PALETTE.quickWin }),
  );
  parts.push(
    text(x0 + pw - 8, y0 + 18, q.majorProject, {
      size: 12,
      weight: "bold",
      anchor: "end",
      fill: PALETTE.longTerm,
    }),
  );
  parts.push(
    text(x0 + 8, y0 + ph - 8, q.fillIn, { size: 12, weight: "bold", fill: PALETTE.muted }),
  );
  parts.push(
    text(x0 + pw - 8, y0 + ph - 8, q.thanklessTask, {
      size: 12,
      weight: "bold",
      anchor: "end",
      fill: PALETTE.weakness,
    }),
  );
  parts.push(
    text(x0 + pw / 2, y0 + ph + 34, `${model.axes.effort} →`, { size: 12, anchor: "middle" }),
  );
  parts.push(
    `<text x="${n(x0 - 36)}" y="${n(y0 + ph / 2)}" text-anchor="middle" font-size="12" fill="${PALETTE.text}" transform="rotate(-90 ${n(x0 - 36)} ${n(y0 + ph / 2)})">${escapeHtml(`${model.axes.impact} →`)}</text>`,
  );
  parts.push(
    text(sx(ei0), y0 + ph + 16, String(ei0), { size: 10, anchor: "middle", fill: PALETTE.muted }),
  );
  parts.push(
    text(sx(ei1), y0 + ph + 16, String(ei1), { size: 10, anchor: "middle", fill: PALETTE.muted }),
  );
  parts.push(
    text(x0 - 6, sy(ii0) + 4, String(ii0), { size: 10, anchor: "end", fill: PALETTE.muted }),
  );
  parts.push(
    text(x0 - 6, sy(ii1) + 4, String(ii1), { size: 10, anchor: "end", fill: PALETTE.muted }),
  );
  model.points.forEach((p) => {
    const x = sx(p.effort);
    const y = sy(p.impact);
    parts.push(
      `<circle cx="${n(x)}" cy="${n(y)}" r="11" fill="${colourOf(p.quadrant)}" fill-opacity="0.9"><title>${escapeHtml(p.label)}</title></circle>`,
    );
    parts.push(
      text(x, y + 4, marker(p.rank), { size: 11, anchor: "middle", weight: "bold", fill: "#fff" }),
    );
  });
  // key of markers to the right of the plot
  model.points.forEach((p, i) => {
    parts.push(
      text(x0 + pw + 16, y0 + 14 + 18 * i, `${marker(p.rank)}  ${truncate(p.label, 38)}`, {
        size: 11,
        full: p.label,
      }),
    );
  });
  return frame("impactEffort", model.title, W, H, parts.join(""));
}

/** The ranking as horizontal score bars, with a second bar per row for its rank stability. */
export function rankingChart(model: RankingModel): string {
  const W = 760;
  const rowH = 30;
  const top = 34;
  const H = top + rowH * Math.max(1, model.points.length) + 10;
  const labelW = 270;
  const barX = labelW + 10;
  const barW = 250;
  const stabX = barX + barW + 80;
  const stabW = 110;
  const [lo, hi] = model.domain;
  const scale = (v: number): number => (fraction(v, lo, hi) ?? 0) * barW;
  const zero = barX + scale(0);
  const parts: string[] = [
    text(barX, 16, model.headers.score, { size: 12, weight: "bold", fill: PALETTE.muted }),
    text(stabX, 16, model.headers.stability, { size: 12, weight: "bold", fill: PALETTE.muted }),
  ];
  model.points.forEach((r, i) => {
    const y = top + rowH * i;
    parts.push(text(0, y + 15, `${r.rank}. ${truncate(r.label, 36)}`, { size: 12, full: r.label }));
    const x1 = barX + scale(Math.min(0, r.score));
    const x2 = barX + scale(Math.max(0, r.score));
    parts.push(rect(x1, y + 3, Math.max(2, x2 - x1), 16, PALETTE.primary, ' rx="2"'));
    parts.push(
      text(Math.max(x2, zero) + 6, y + 15, r.scoreText, { size: 11, fill: PALETTE.muted }),
    );
    parts.push(rect(stabX, y + 6, stabW, 10, "#e6e9ee", ' rx="2"'));
    if (r.stability !== null) {
      const s = Math.min(1, Math.max(0, r.stability));
      const c = s >= 0.8 ? PALETTE.quickWin : s >= 0.5 ? PALETTE.target : PALETTE.weakness;
      parts.push(rect(stabX, y + 6, Math.max(2, stabW * s), 10, c as string, ' rx="2"'));
    }
    parts.push(text(stabX + stabW + 8, y + 15, r.stabilityText, { size: 11, fill: PALETTE.muted }));
  });
  return frame("ranking", model.title, W, H, parts.join(""));
}

/** A timeline (Gantt-style bars) coloured by horizon, with the horizon boundaries as lines. */
export function timelineChart(model: TimelineModel): string {
  const W = 860;
  const labelW = 250;
  const x0 = labelW + 10;
  const pw = W - x0 - 20;
  const top = 62;
  const rowH = 26;
  const H = top + rowH * Math.max(1, model.points.length) + 34;
  const dates = [
    model.start,
    ...model.boundaries.map((b) => b.date),
    ...model.points.flatMap((i) => [i.start, i.end].filter((d): d is string => d !== null)),
  ];
  const first = dates.reduce((a, b) => (b < a ? b : a));
  const last = dates.reduce((a, b) => (b > a ? b : a));
  const span = Math.max(1, daysBetween(first, last));
  const sx = (d: string): number => x0 + (daysBetween(first, d) / span) * pw;
  const parts: string[] = [legend(0, 14, model.legend)];
  const axisY = top + rowH * Math.max(1, model.points.length) + 4;
  parts.push(line(x0, axisY, x0 + pw, axisY, PALETTE.axis));
  for (const t of model.ticks) {
    if (t.date < first || t.date > last) continue;
    const x = sx(t.date);
    parts.push(line(x, top - 6, x, axisY + 4, PALETTE.grid));
    parts.push(text(x, axisY + 18, t.label, { size: 10, anchor: "middle", fill: PALETTE.muted }));
  }
  model.boundaries.forEach((b, i) => {
    const x = sx(b.date);
    parts.push(
      line(x, top - 14, x, axisY, PALETTE.axis, ' stroke-dasharray="5 4" stroke-width="1.5"'),
    );
    const right = x > x0 + pw * 0.7;
    parts.push(
      text(right ? x - 4 : x + 4, top - 16 - 13 * (i % 2), b.label, {
        size: 11,
        fill: PALETTE.axis,
        anchor: right ? "end" : "start",
      }),
    );
  });
  const sxStart = sx(model.start);
  parts.push(line(sxStart, top - 14, sxStart, axisY, PALETTE.text, ' stroke-width="1.5"'));
  model.points.forEach((item, i) => {
    const y = top + rowH * i;
    parts.push(text(0, y + 15, truncate(item.label, 34), { size: 12, full: item.label }));
    if (item.start !== null && item.end !== null) {
      const a = sx(item.start);
      const b = sx(item.end);
      parts.push(
        `<rect x="${n(a)}" y="${n(y + 4)}" width="${n(Math.max(3, b - a))}" height="16" rx="3" fill="${colourOf(item.horizon)}"><title>${escapeHtml(item.note)}</title></rect>`,
      );
    } else {
      parts.push(text(x0 + 4, y + 15, item.note, { size: 11, italic: true, fill: PALETTE.muted }));
    }
  });
  return frame("timeline", model.title, W, H, parts.join(""));
}

/** Stacked horizontal bars: the budget of each horizon split by funding source. */
export function budgetChart(model: BudgetModel): string {
  const W = 760;
  const labelW = 180;
  const x0 = labelW + 10;
  const pw = 400;
  const rowH = 38;
  const top = 10;
  const H = top + rowH * Math.max(1, model.bars.length) + 40;
  const max = Math.max(
    0,
    ...model.bars.map((b) => b.points.reduce((s, g) => s + Math.max(0, g.value), 0)),
  );
  const scale = (v: number): number => (fraction(v, 0, max) ?? 0) * pw;
  const parts: string[] = [];
  model.bars.forEach((bar, i) => {
    const y = top + rowH * i;
    parts.push(
      text(0, y + 19, truncate(bar.label, 26), { size: 12, weight: "bold", full: bar.label }),
    );
    let x = x0;
    for (const seg of bar.points) {
      const w = scale(Math.max(0, seg.value));
      if (w <= 0) continue;
      parts.push(
        `<rect x="${n(x)}" y="${n(y + 4)}" width="${n(w)}" height="22" fill="${colourOf(seg.key)}"><title>${escapeHtml(seg.text)}</title></rect>`,
      );
      x += w;
    }
    if (x === x0) parts.push(rect(x0, y + 4, 2, 22, PALETTE.grid));
    parts.push(text(x + 8, y + 19, bar.totalText, { size: 12, fill: PALETTE.text }));
  });
  parts.push(legend(0, H - 12, model.legend));
  return frame("budget", model.title, W, H, parts.join(""));
}

const SERIES = [
  "#1f5fa8",
  "#d9822b",
  "#2e7d32",
  "#8e24aa",
  "#00897b",
  "#c62828",
  "#5f6b7a",
  "#e0a100",
];

/** Grouped horizontal bars: one group per row (a dimension), one bar per series (a report). */
export function groupedBarChart(input: {
  readonly id: string;
  readonly title: string;
  readonly groups: readonly {
    readonly label: string;
    readonly values: readonly (number | null)[];
    readonly texts: readonly string[];
  }[];
  readonly series: readonly string[];
  readonly domain: readonly [number, number];
}): string {
  const W = 800;
  const labelW = 250;
  const x0 = labelW + 10;
  const pw = 400;
  const barH = 12;
  const k = Math.max(1, input.series.length);
  const groupH = k * (barH + 3) + 12;
  const top = 34;
  const H = top + groupH * Math.max(1, input.groups.length) + 10;
  const [lo, hi] = input.domain;
  const scale = (v: number): number => (fraction(v, lo, hi) ?? 0) * pw;
  // series colours are positional, so the legend is drawn here rather than by legend()
  const parts: string[] = [];
  let lx = 0;
  input.series.forEach((label, i) => {
    const short = truncate(label, 30);
    parts.push(rect(lx, 4, 12, 12, SERIES[i % SERIES.length] as string, ' rx="2"'));
    parts.push(text(lx + 17, 14, short, { size: 12, full: label }));
    lx += 32 + Array.from(short).length * 7.4;
  });
  input.groups.forEach((g, gi) => {
    const y = top + groupH * gi;
    parts.push(
      text(0, y + (k * (barH + 3)) / 2 + 4, truncate(g.label, 34), { size: 12, full: g.label }),
    );
    parts.push(line(x0, y - 2, x0, y + k * (barH + 3), PALETTE.axis));
    g.values.forEach((v, si) => {
      const by = y + si * (barH + 3);
      if (v === null) {
        parts.push(
          text(x0 + 4, by + barH - 2, g.texts[si] ?? "", {
            size: 10,
            italic: true,
            fill: PALETTE.muted,
          }),
        );
        return;
      }
      const w = scale(v);
      parts.push(
        rect(x0, by, Math.max(2, w), barH, SERIES[si % SERIES.length] as string, ' rx="2"'),
      );
      parts.push(
        text(x0 + Math.max(2, w) + 5, by + barH - 2, g.texts[si] ?? "", {
          size: 10,
          fill: PALETTE.muted,
        }),
      );
    });
  });
  return frame(input.id, input.title, W, H, parts.join(""));
}
