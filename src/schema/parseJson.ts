import { AssessmentError } from "../errors/AssessmentError.js";

/** Options of {@link parseJson}. */
export interface ParseJsonOptions {
  /** Largest text accepted, in UTF-16 code units. Default 50,000,000 (about 50 MB). */
  readonly maxLength?: number;
}

/**
 * Parses JSON text with a size limit, turning every failure into an {@link AssessmentError}
 * (`too_large` or `invalid_json`) instead of a `SyntaxError`. The result still needs
 * `parseAssessment` or `parseReport`. Designed by this project.
 *
 * @param text - JSON text
 * @param options - size limit
 * @returns the parsed value
 * @throws AssessmentError `too_large` when the text is longer than the limit, `invalid_json` when it is not JSON
 * @example
 * ```ts
 * import { parseJson } from "icc-assessment/schema";
 * parseJson('{"a": [1, 2]}'); // => { a: [1, 2] }
 * ```
 */
export function parseJson(text: string, options: ParseJsonOptions = {}): unknown {
  const max = options.maxLength ?? 50_000_000;
  if (typeof text !== "string") {
    throw new AssessmentError([
      { code: "invalid_type", path: [], message: `expected JSON text, received ${typeof text}` },
    ]);
  }
  if (text.length > max) {
    throw new AssessmentError([
      {
        code: "too_large",
        path: [],
        message: `document is ${text.length} characters long, more than the limit of ${max}`,
      },
    ]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new AssessmentError([
      { code: "invalid_json", path: [], message: `not valid JSON: ${detail}` },
    ]);
  }
}
