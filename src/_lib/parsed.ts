import { MAX_DEPTH } from "./limits.js";
import { AssessmentError, type PathSegment } from "../errors/AssessmentError.js";

/**
 * The mark a parser leaves on the value it returns (designed by this project, after zod's and
 * valibot's "parse, don't validate"): a non-enumerable property under a registered symbol, so the
 * mark survives mixing the ESM and CommonJS builds in one program (`Symbol.for` is shared by every
 * realm of one program), is never copied by a spread or `JSON.stringify`, and is checked in O(1).
 */
const PARSED = Symbol.for("icc-assessment/parsed");

/** What a parser vouches for. */
export type ParsedKind = "assessment" | "report" | "answers";

/**
 * `T` as returned by its parser. The brand is a type-only property (nothing of that name exists at
 * run time, where the mark is the registered symbol above): a hand-built object lacks it and is a
 * type error where a parsed one is due. Its key is a string, not a `unique symbol`, so the types of
 * the ESM and CommonJS declarations of the package agree with each other too.
 */
export type Parsed<T, K extends ParsedKind> = T & { readonly "~icc-assessment.parsed": K };

/**
 * Freezes plain objects and arrays deeply (iterative: no recursion limit). Other objects, such as
 * `Decimal` amounts, are immutable by their own API and left as they are.
 */
function deepFreeze(value: object): void {
  const stack: object[] = [value];
  while (stack.length > 0) {
    const v = stack.pop() as object;
    if (Object.isFrozen(v)) continue;
    const proto: unknown = Object.getPrototypeOf(v);
    if (!Array.isArray(v) && proto !== Object.prototype && proto !== null) continue;
    Object.freeze(v);
    for (const x of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof x === "object" && x !== null) stack.push(x);
    }
  }
}

/** A copy of JSON data with every object and array below the root frozen; `undefined` if not JSON-like. */
function copyBelow(v: unknown, depth: number): unknown {
  if (typeof v !== "object" || v === null) return v;
  if (depth > MAX_DEPTH) throw NOT_JSON; // the parsers refuse such documents anyway
  if (Array.isArray(v)) {
    const n = v.length;
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) out[i] = copyBelow(v[i], depth + 1);
    return depth === 0 ? out : Object.freeze(out);
  }
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) throw NOT_JSON;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    // a "__proto__" key would become the copy's prototype: the full parser reports it
    if (k === "__proto__") throw NOT_JSON;
    out[k] = copyBelow((v as Record<string, unknown>)[k], depth + 1);
  }
  return depth === 0 ? out : Object.freeze(out);
}

const NOT_JSON = Symbol("not JSON-like");

/**
 * A fresh copy of plain JSON data (objects with the plain prototype, arrays, strings, numbers,
 * booleans, null), every object and array below the root already frozen, read once (a getter runs
 * once, and what it returned is what gets checked). `undefined` when the value is not JSON-like
 * data (another kind of object, a `__proto__` key, nesting deeper than 64): the caller's full
 * parser then reports why. Faster than `structuredClone` for JSON data.
 */
export function copyJson(value: unknown): unknown {
  try {
    return copyBelow(value, 0);
  } catch (e) {
    if (e === NOT_JSON) return undefined;
    throw e;
  }
}

/**
 * Marks a fresh value as parsed and freezes it deeply, so the stages can trust it: what the
 * parser checked cannot change afterwards. Only parsers call this, on a value they created.
 */
export function markParsed<T extends object, K extends ParsedKind>(
  value: T,
  kind: K,
): Parsed<T, K> {
  Object.defineProperty(value, PARSED, { value: kind, enumerable: false });
  deepFreeze(value);
  return value as Parsed<T, K>;
}

/** Whether `value` was returned by the parser of `kind` (O(1)). */
export function isParsed(value: unknown, kind: ParsedKind): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { [PARSED]?: unknown })[PARSED] === kind
  );
}

const PARSERS: Readonly<Record<ParsedKind, string>> = {
  assessment: "parseAssessment (icc-assessment/schema)",
  report: "parseReport (icc-assessment/schema) or createReport",
  answers: "parseAnswers (icc-assessment/schema)",
};

const PARSER_NAMES: Readonly<Record<ParsedKind, string>> = {
  assessment: "parseAssessment",
  report: "parseReport",
  answers: "parseAnswers",
};

/**
 * Throws `not_parsed` unless `value` came from the parser of `kind`: the one check a stage makes on
 * a whole document before trusting it.
 */
export function assertParsed(
  value: unknown,
  kind: ParsedKind,
  path: readonly PathSegment[] = [kind],
): void {
  if (!isParsed(value, kind)) {
    throw new AssessmentError([
      {
        code: "not_parsed",
        path,
        message: `${kind} must be the value returned by ${PARSERS[kind]}, got ${
          value === null
            ? "null"
            : Array.isArray(value)
              ? "an array"
              : `an unparsed ${typeof value}`
        }: call ${PARSER_NAMES[kind]} first`,
      },
    ]);
  }
}
