/**
 * Internal: CSV text to rows through csv-parse (RFC 4180: quoted fields, quoted newlines, doubled
 * quotes), with the byte-order mark dropped and the delimiter given or detected from the header.
 */
import { parse } from "csv-parse/sync";
import { AssessmentError } from "../errors/AssessmentError.js";

/** The delimiters the importers read. */
export const csvDelimiters = [",", ";", "\t"] as const;
/** A CSV delimiter. */
export type CsvDelimiter = (typeof csvDelimiters)[number];

/**
 * The delimiter of a CSV text: the one of `,` `;` tab that occurs most often, outside quotes, in
 * its first line (a tie goes to the earlier in that list; a line with none gives `,`).
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = [0, 0, 0];
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted) {
      const k = (csvDelimiters as readonly string[]).indexOf(ch);
      if (k >= 0) counts[k] = (counts[k] as number) + 1;
    }
  }
  let best = 0;
  for (let k = 1; k < counts.length; k++)
    if ((counts[k] as number) > (counts[best] as number)) best = k;
  return csvDelimiters[best] as CsvDelimiter;
}

/**
 * Parses CSV text into rows of strings. Rows may differ in length (the caller reports that with
 * its own words); blank lines are skipped. A syntax error (an unclosed quote, a quote inside an
 * unquoted field) is an `invalid_document` error with csv-parse's message, which names the line.
 */
export function parseCsvRows(text: string, delimiter: CsvDelimiter | undefined): string[][] {
  if (typeof text !== "string") {
    throw new AssessmentError([
      { code: "invalid_type", path: [], message: `expected CSV text, got ${typeof text}` },
    ]);
  }
  if (delimiter !== undefined && !(csvDelimiters as readonly string[]).includes(delimiter)) {
    throw new AssessmentError([
      {
        code: "invalid_value",
        path: ["options", "delimiter"],
        message: `delimiter must be one of ",", ";" or a tab, got ${JSON.stringify(delimiter)}`,
      },
    ]);
  }
  try {
    return parse(text, {
      bom: true,
      delimiter: delimiter ?? detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new AssessmentError([
      { code: "invalid_document", path: [], message: `not readable as CSV: ${message}` },
    ]);
  }
}
