import type { ErrorCode } from "./codes.js";

/** One step of a JSON path: an object key or an array index. */
export type PathSegment = string | number;

/**
 * One thing wrong with an input: what kind of problem (`code`), where (`path`, a JSON path from
 * the argument or document root) and a message that names the field, what was expected and what
 * was received.
 */
export interface Issue {
  readonly code: ErrorCode;
  readonly path: readonly PathSegment[];
  readonly message: string;
}

/**
 * Formats a path the way JavaScript would address it: `criteria[2].weight`; the root is `(root)`.
 *
 * @param path - the path segments
 * @returns the dotted/bracketed form
 * @example
 * ```ts
 * import { formatPath } from "icc-assessment";
 * formatPath(["criteria", 2, "weight"]); // => "criteria[2].weight"
 * ```
 */
export function formatPath(path: readonly PathSegment[]): string {
  if (path.length === 0) return "(root)";
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(seg)) out += out === "" ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/**
 * The brand of an {@link AssessmentError}: a registered symbol, the same in every copy of the
 * library (the ES module and the CommonJS builds), unlike the class itself.
 */
const ASSESSMENT_ERROR_BRAND: unique symbol = Symbol.for("icc-assessment.AssessmentError");

/**
 * The one error class of the library. Every function that rejects its input throws it, with a
 * `code` and a non-empty list of `issues`, each with its own `code`, `path` and `message`.
 *
 * The error's own `code` is the code of its first issue, except for whole-document validation,
 * where it is `"invalid_document"` and the issues say what is wrong. Designed by this project,
 * after zod's `ZodError`.
 *
 * @example
 * ```ts
 * import { AssessmentError } from "icc-assessment";
 * const err = new AssessmentError([{ code: "zero_weights", path: ["weights"], message: "weights must sum to a positive number, got 0 (weights)" }]);
 * err.code; // => "zero_weights"
 * err.issues.length; // => 1
 * ```
 */
export class AssessmentError extends Error {
  /**
   * Recognises an error made by either build of the library (ES module or CommonJS, which are two
   * copies of this class when one program loads both) by its registered brand, so `instanceof`
   * works across them.
   */
  static override [Symbol.hasInstance](value: unknown): value is AssessmentError {
    return (
      typeof value === "object" &&
      value !== null &&
      (value as Record<symbol, unknown>)[ASSESSMENT_ERROR_BRAND] === true
    );
  }

  /** The error's code: the first issue's code, or `"invalid_document"` for a document with issues. */
  readonly code: ErrorCode;
  /** What is wrong, never empty. */
  readonly issues: readonly Issue[];

  /**
   * @param issues - at least one issue
   * @param code - the error's own code; defaults to the first issue's code
   * @throws TypeError when `issues` is empty (a programming error in the library itself)
   */
  constructor(issues: readonly Issue[], code?: ErrorCode) {
    const first = issues[0];
    if (first === undefined) throw new TypeError("AssessmentError needs at least one issue");
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
    super(`${first.message}${more}`);
    this.name = "AssessmentError";
    Object.defineProperty(this, ASSESSMENT_ERROR_BRAND, { value: true });
    this.code = code ?? first.code;
    this.issues = Object.freeze(
      issues.map((i) => Object.freeze({ ...i, path: Object.freeze([...i.path]) })),
    );
  }

  /** A plain JSON form: `{ name, code, message, issues }`. */
  toJSON(): { name: string; code: ErrorCode; message: string; issues: readonly Issue[] } {
    return { name: this.name, code: this.code, message: this.message, issues: this.issues };
  }
}

/**
 * Whether a value is an {@link AssessmentError}, made by this copy of the library or by the other
 * build (ES module or CommonJS) loaded in the same program: the check reads a registered
 * `Symbol.for` brand, not the class identity. Designed by this project.
 *
 * @param value - anything
 * @returns true for an `AssessmentError` from either build
 * @example
 * ```ts
 * import { isAssessmentError } from "icc-assessment";
 * isAssessmentError(new Error("x")); // => false
 * ```
 */
export function isAssessmentError(value: unknown): value is AssessmentError {
  // `instanceof` reads the brand (see AssessmentError[Symbol.hasInstance])
  return value instanceof AssessmentError;
}
