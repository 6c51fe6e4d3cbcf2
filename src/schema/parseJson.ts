import { AssessmentError } from "../errors/AssessmentError.js";

/** Options of {@link parseJson}. */
export interface ParseJsonOptions {
  /** Largest text accepted, in UTF-16 code units. Default 50,000,000 (about 50 MB). */
  readonly maxLength?: number;
}

/**
 * Parses JSON text with a size limit, turning every failure into an {@link AssessmentError}
 * (`too_large` or `invalid_json`) instead of a `SyntaxError`. The JSON is strict (`JSON.parse`: no
 * comments, no trailing commas); the message of `invalid_json` is the engine's, on one line (a line
 * break in the text it quotes is written `\n`). The result still needs `parseAssessment` or
 * `parseReport`, which bound its depth and refuse prototype keys. Designed by this project.
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
    // the engine quotes the text around the mistake: keep the message on one line
    const detail = (e instanceof Error ? e.message : String(e)).replace(/\r\n|\r|\n/g, "\\n");
    throw new AssessmentError([
      { code: "invalid_json", path: [], message: `not valid JSON: ${detail}` },
    ]);
  }
}
