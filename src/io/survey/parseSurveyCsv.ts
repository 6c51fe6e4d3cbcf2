import { parseCsvRows, type CsvDelimiter } from "../_csv.js";

/** Options of {@link parseSurveyCsv}. */
export interface ParseSurveyCsvOptions {
  /** The field delimiter; default: detected from the header line (`,`, `;` or tab). */
  readonly delimiter?: CsvDelimiter;
}

/**
 * Reads a survey tool's CSV export into rows of cells (the header first), ready for
 * {@link answersFromTable}. The text is parsed by csv-parse (RFC 4180: quoted fields may hold the
 * delimiter, doubled quotes and newlines); a UTF-8 byte-order mark, as Excel writes it, is dropped;
 * the delimiter is given, or the one of `,`, `;` and tab that occurs most often outside quotes in
 * the header line (a tie goes to `,`). Blank lines are skipped; rows are not padded, so a row with
 * a missing or extra cell is reported by `answersFromTable`. Designed by this project.
 *
 * @param text - the CSV text
 * @param options - the delimiter, when it should not be detected
 * @returns the rows, each an array of strings
 * @throws AssessmentError `invalid_document` (not readable as CSV, with csv-parse's message and
 *   line), `invalid_value` (a delimiter other than `,`, `;` or tab), `invalid_type` (not a string)
 * @example
 * ```ts
 * import { parseSurveyCsv } from "icc-assessment/io";
 * const rows = parseSurveyCsv('\uFEFFunit;sg.strategy;comment\nsofia;yes;"two\nlines"\n');
 * rows; // => [["unit", "sg.strategy", "comment"], ["sofia", "yes", "two\nlines"]]
 * ```
 */
export function parseSurveyCsv(text: string, options: ParseSurveyCsvOptions = {}): string[][] {
  return parseCsvRows(text, options.delimiter);
}
