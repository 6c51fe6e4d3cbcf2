import { AssessmentError } from "../../errors/AssessmentError.js";
import { parseJson } from "../../schema/parseJson.js";
import { parseCsvRows } from "../_csv.js";

/** Options of {@link parseDecidimExport}. */
export interface ParseDecidimExportOptions {
  /** The export's format: `"csv"` or `"json"`. */
  readonly format: "csv" | "json";
}

/** The two formats of Decidim's proposal exports this library reads. */
export const decidimExportFormats = ["csv", "json"] as const;

/**
 * Reads Decidim's proposals export — the open-data download or the admin export, as CSV or JSON —
 * into records for {@link fromDecidimProposals}. JSON is an array of objects, as Decidim's JSON
 * exporter writes it (nested: `{"title": {"en": …}}`). CSV is read by csv-parse (byte-order mark
 * dropped; delimiter detected, Decidim's default being `;`) and each row becomes an object keyed
 * by its header, which keeps Decidim's flattened names (`title/en`, `category/name/bg`);
 * `fromDecidimProposals` reads both forms. Designed by this project after Decidim's exporters
 * (decidim-core/lib/decidim/exporters/csv.rb: nested keys joined by `/`, lists joined by `, `).
 *
 * @param text - the export's text
 * @param options - its format
 * @returns one record per proposal
 * @throws AssessmentError `invalid_json` (not JSON), `invalid_document` (not CSV, or JSON that is
 *   not an array of objects, or a CSV row longer or shorter than its header), `invalid_value` (an
 *   unknown format)
 * @example
 * ```ts
 * import { parseDecidimExport } from "icc-assessment/io";
 * const records = parseDecidimExport("id;title/en;supports\n7;Bike lanes;12\n", { format: "csv" });
 * records; // => [{ id: "7", "title/en": "Bike lanes", supports: "12" }]
 * ```
 */
export function parseDecidimExport(
  text: string,
  options: ParseDecidimExportOptions,
): Record<string, unknown>[] {
  const format = (options as Partial<ParseDecidimExportOptions> | undefined)?.format;
  if (format === "json") {
    const value = parseJson(text);
    if (
      !Array.isArray(value) ||
      !value.every((r) => typeof r === "object" && r !== null && !Array.isArray(r))
    ) {
      throw new AssessmentError([
        {
          code: "invalid_document",
          path: [],
          message: "a Decidim JSON export is an array of proposal objects, and this is not one",
        },
      ]);
    }
    return value as Record<string, unknown>[];
  }
  if (format !== "csv") {
    throw new AssessmentError([
      {
        code: "invalid_value",
        path: ["options", "format"],
        message: `format must be "csv" or "json", got ${JSON.stringify(format) ?? "undefined"}`,
      },
    ]);
  }
  const rows = parseCsvRows(text, undefined);
  const header = rows[0] ?? [];
  const bad = rows.flatMap((r, i) =>
    r.length === header.length
      ? []
      : [
          {
            code: "length_mismatch" as const,
            path: [i] as number[],
            message: `row ${i + 1} has ${r.length} cells, the header has ${header.length}`,
          },
        ],
  );
  if (bad.length > 0) throw new AssessmentError(bad, "invalid_document");
  // Object.fromEntries defines own properties: a header such as "__proto__" stays a plain key
  return rows.slice(1).map((r) => Object.fromEntries(header.map((h, c) => [h, r[c]])));
}
