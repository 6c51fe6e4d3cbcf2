/**
 * Reports: run every stage on an assessment and publish the versioned city report — canonical
 * JSON with a digest of the input, Markdown and self-contained HTML in English or Bulgarian,
 * Vega-Lite specs of its charts — migrate reports of earlier format versions, and compare cities
 * or one city at two dates.
 *
 * @module report
 */
export { createReport } from "./createReport.js";
// the report's types live with its schema; they are re-exported here, where reports are made
export type {
  Report,
  ReportData,
  ReportMoney,
  ReportProvenance,
  ReportSections,
} from "../schema/report.js";
export type { CreateReportOptions } from "./createReport.js";
export { serialiseReport } from "./serialiseReport.js";
export { digestAssessment } from "./digestAssessment.js";
export { migrateReport } from "./migrateReport.js";
export { renderMarkdown } from "./renderMarkdown.js";
export type { RenderMarkdownOptions } from "./renderMarkdown.js";
export { renderHtml } from "./renderHtml.js";
export type { RenderHtmlOptions } from "./renderHtml.js";
export { toVegaLite } from "./toVegaLite.js";
export type { ToVegaLiteOptions, VegaLiteSpec } from "./toVegaLite.js";
export { compareReports } from "./compareReports.js";
export type {
  ComparedBudget,
  ComparedRank,
  ComparedReport,
  ComparedScore,
  ComparedTheme,
  CompareReportsResult,
} from "./compareReports.js";
export { renderComparisonMarkdown } from "./renderComparisonMarkdown.js";
export type { RenderComparisonMarkdownOptions } from "./renderComparisonMarkdown.js";
export { renderComparisonHtml } from "./renderComparisonHtml.js";
export type { RenderComparisonHtmlOptions } from "./renderComparisonHtml.js";
export { getReportLabels } from "./getReportLabels.js";
export { reportCharts, reportSectionKeys } from "./i18n/labels.js";
export type { ReportChart, ReportLabels, ReportSectionKey } from "./i18n/labels.js";
export { en as englishLabels } from "./i18n/en.js";
export { bg as bulgarianLabels } from "./i18n/bg.js";
