/**
 * Benchmarking and recommendations: a city's standing among its peers' reports (rank, percentile,
 * quartiles, best in class, with comparability guards), rendered in English or Bulgarian; the
 * answers that would raise its maturity most, computed by rescoring; and draft needs from those
 * gaps. Designed by this project (docs/methodology/benchmarking.md).
 *
 * @module benchmark
 */
export {
  benchmarkCities,
  defaultPopulationBands,
  exclusionReasons,
  peerFlags,
} from "./benchmarkCities.js";
export type {
  AppliedPeerGroup,
  BenchmarkCitiesOptions,
  BenchmarkCitiesResult,
  BenchmarkedCity,
  BenchmarkPeer,
  BenchmarkScore,
  ExcludedReport,
  ExclusionReason,
  PeerFlag,
  PeerGroup,
  PopulationBand,
} from "./benchmarkCities.js";
export { recommendActions } from "./recommendActions.js";
export type {
  GapDimension,
  Recommendation,
  RecommendationBasis,
  RecommendActionsOptions,
  RecommendActionsResult,
} from "./recommendActions.js";
export { needsFromGaps } from "./needsFromGaps.js";
export type { DraftNeed, NeedsFromGapsOptions, NeedsFromGapsResult } from "./needsFromGaps.js";
export { renderBenchmarkMarkdown } from "./renderBenchmarkMarkdown.js";
export type { RenderBenchmarkMarkdownOptions } from "./renderBenchmarkMarkdown.js";
export { renderBenchmarkHtml } from "./renderBenchmarkHtml.js";
export type { RenderBenchmarkHtmlOptions } from "./renderBenchmarkHtml.js";
