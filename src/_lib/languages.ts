/**
 * The languages the library has built-in texts for: one home for the list (designed by this
 * project). Every pack of built-in texts is typed `Record<ReportLanguage, …>` — the report labels
 * (`report/getReportLabels.ts`), the benchmark labels, the questionnaire labels — so a language
 * listed here without a pack, or a pack without its language here, does not compile. This module
 * imports nothing, so the schema, the importers and the CLI read the list without loading a pack.
 * Adding a language: add it here and write its packs; the compiler names each pack still missing.
 */

/** Languages the renderers have built-in labels for. */
export const reportLanguages = ["en", "bg"] as const;

/** A report language. */
export type ReportLanguage = (typeof reportLanguages)[number];
