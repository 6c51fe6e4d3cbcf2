import type { ReportLanguage } from "../schema/vocabularies.js";
import type { BenchmarkCitiesResult } from "./benchmarkCities.js";
import { benchmarkDocument, checkRender, writeBenchmarkHtml } from "./_render.js";

/** Options of {@link renderBenchmarkHtml}. */
export interface RenderBenchmarkHtmlOptions {
  /** `"en"` (default) or `"bg"`. */
  readonly lang?: ReportLanguage;
  /** A line shown under the title, e.g. that the peers are a synthetic panel (plain text, escaped). */
  readonly note?: string;
}

/**
 * Renders a benchmark ({@link benchmarkCities}) as one self-contained HTML file in English or
 * Bulgarian: the tables of {@link renderBenchmarkMarkdown} and a chart of the city (circle)
 * against the peers' first-to-third quartile (bar), median (line) and best (diamond) for the
 * overall score and each dimension.
 *
 * Rules (designed by this project): inline CSS and SVG, no script, no external resource, and a
 * Content-Security-Policy that forbids both; every string from a report is HTML-escaped.
 *
 * @param result - the result of {@link benchmarkCities}
 * @param options - the language, and a note shown under the title
 * @returns the HTML document
 * @throws AssessmentError `invalid_type` (`["result"]`, `["options"]`), `invalid_value`
 *   (`["options", "lang"]`)
 * @example
 * ```ts
 * import { parseReport } from "icc-assessment/schema";
 * import { benchmarkCities, renderBenchmarkHtml } from "icc-assessment/benchmark";
 * const report = (id: string, name: string, score: number) =>
 *   parseReport({
 *     formatVersion: "1.0", kind: "icc-assessment-report",
 *     city: { id, name, country: "BG" },
 *     programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
 *     track: { id: "citizenParticipationDigitalPublicAdministration" },
 *     provenance: {
 *       library: { name: "icc-assessment", version: "0.1.0" }, methodologyVersion: "1.0.0",
 *       frameworks: [], parameters: {}, inputDigest: `sha256:${"0".repeat(64)}`, generatedAt: "2021-02-15",
 *     },
 *     sections: {
 *       maturity: {
 *         framework: { id: "fw", version: "1.0.0", title: "A framework", provenance: "designed", sources: [] },
 *         unit: id, assessedOn: "2021-01-31", scale: { min: 0, max: 100 }, levels: [],
 *         overall: { score, level: null, coverage: 1, reason: null }, dimensions: [], indicators: [],
 *       },
 *     },
 *   });
 * const html = renderBenchmarkHtml(
 *   benchmarkCities(report("sofia", "Sofia", 50), [report("x", "<script>", 60)]),
 * );
 * html.includes("<script>"); // => false
 * html.includes("&lt;script&gt;"); // => true
 * ```
 */
export function renderBenchmarkHtml(
  result: BenchmarkCitiesResult,
  options?: RenderBenchmarkHtmlOptions,
): string {
  const { result: r, labels, note } = checkRender(result, options);
  return writeBenchmarkHtml(benchmarkDocument(r, labels, note), r, labels);
}
