import type { ReportLanguage } from "../schema/vocabularies.js";
import type { BenchmarkCitiesResult } from "./benchmarkCities.js";
import { benchmarkDocument, checkRender, writeBenchmarkMarkdown } from "./_render.js";

/** Options of {@link renderBenchmarkMarkdown}. */
export interface RenderBenchmarkMarkdownOptions {
  /** `"en"` (default) or `"bg"`. */
  readonly lang?: ReportLanguage;
  /** A line shown under the title, e.g. that the peers are a synthetic panel (plain text, escaped). */
  readonly note?: string;
}

/**
 * Renders a benchmark ({@link benchmarkCities}) as CommonMark/GFM in English or Bulgarian: the
 * framework, peer group and period, a table of the city's rank, percentile, the peers' quartiles,
 * median and best, and the distances per dimension, the peers used with their flags and input
 * digests, the reports left out with the reason, and the method.
 *
 * Rules (designed by this project): every string from a report (names, titles, ids) is escaped
 * with the report renderers' escaping, so no user text can start a block, a link or raw HTML.
 * Numbers are rounded for display only (one decimal, in the language's number format).
 *
 * @param result - the result of {@link benchmarkCities}
 * @param options - the language, and a note shown under the title
 * @returns the Markdown text
 * @throws AssessmentError `invalid_type` (`["result"]`, `["options"]`), `invalid_value`
 *   (`["options", "lang"]`)
 * @example
 * ```ts
 * import { parseReport } from "icc-assessment/schema";
 * import { benchmarkCities, renderBenchmarkMarkdown } from "icc-assessment/benchmark";
 * const report = (id: string, score: number) =>
 *   parseReport({
 *     formatVersion: "1.0", kind: "icc-assessment-report",
 *     city: { id, name: id, country: "BG" },
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
 * const md = renderBenchmarkMarkdown(benchmarkCities(report("sofia", 50), [report("varna", 60)]), { lang: "bg" });
 * md.split("\n")[0]; // => "# Сравнение: sofia сред сходни градове"
 * md.includes("| Общо | 50 | 2 / 2 | 0 |"); // => true
 * ```
 */
export function renderBenchmarkMarkdown(
  result: BenchmarkCitiesResult,
  options?: RenderBenchmarkMarkdownOptions,
): string {
  const { result: r, labels, note } = checkRender(result, options);
  return writeBenchmarkMarkdown(benchmarkDocument(r, labels, note));
}
