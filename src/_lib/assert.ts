import { AssessmentError, formatPath, type PathSegment } from "../errors/AssessmentError.js";
import type { ErrorCode } from "../errors/codes.js";

/**
 * Checks for computation functions that take input from callers who may not have parsed it. Each
 * throws an {@link AssessmentError} with one issue, worded one of two ways: {@link fail} keeps the
 * message as given, {@link failAt} appends the formatted path, e.g.
 * `rating must be between 1 and 4, got 5 (items[3].rating)`. A check made in both wordings is
 * written once, taking the wording as its `raise` argument, with one entry point per wording.
 */

/** Throws an {@link AssessmentError} with one issue: {@link fail} or {@link failAt}. */
type Raise = (code: ErrorCode, path: readonly PathSegment[], message: string) => never;

/** Throws an {@link AssessmentError} with one issue. */
export function fail(code: ErrorCode, path: readonly PathSegment[], message: string): never {
  throw new AssessmentError([{ code, path, message }]);
}

/** Throws an {@link AssessmentError} with one issue; the message gets ` (path)` appended. */
export function failAt(code: ErrorCode, path: readonly PathSegment[], message: string): never {
  throw new AssessmentError([{ code, path, message: `${message} (${formatPath(path)})` }]);
}

/** Describes a value for an error message: `NaN`, `Infinity`, `"text"`, `[array]`, `null`, … */
export function describe(value: unknown): string {
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "string")
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return typeof value;
}

/** Checks a finite number (not NaN, not ±Infinity), worded by `raise`. */
function checkFinite(
  value: unknown,
  path: readonly PathSegment[],
  name: string,
  raise: Raise,
): asserts value is number {
  if (typeof value !== "number")
    raise("invalid_type", path, `${name} must be a number, got ${describe(value)}`);
  if (!Number.isFinite(value))
    raise("non_finite", path, `${name} must be a finite number, got ${describe(value)}`);
}

/** Asserts a finite number (not NaN, not ±Infinity). */
export function assertFinite(
  value: unknown,
  path: readonly PathSegment[],
  name = "value",
): asserts value is number {
  checkFinite(value, path, name, fail);
}

/** Asserts a finite number; the message ends with the path. */
export function assertFiniteAt(
  value: unknown,
  path: readonly PathSegment[],
  name: string,
): asserts value is number {
  checkFinite(value, path, name, failAt);
}

/** Checks an array (optionally non-empty), worded by `raise`; returns it typed. */
function checkArray(
  value: unknown,
  path: readonly PathSegment[],
  name: string,
  raise: Raise,
  nonEmpty = false,
): readonly unknown[] {
  if (!Array.isArray(value))
    raise("invalid_type", path, `${name} must be an array, got ${describe(value)}`);
  if (nonEmpty && value.length === 0) raise("empty", path, `${name} must not be empty`);
  return value as readonly unknown[];
}

/** Asserts an array (optionally non-empty). */
export function assertArray(
  value: unknown,
  path: readonly PathSegment[],
  name: string,
  options: { nonEmpty?: boolean } = {},
): asserts value is readonly unknown[] {
  checkArray(value, path, name, fail, options.nonEmpty);
}

/** Asserts an array (optionally non-empty); the message ends with the path. */
export function assertArrayAt(
  value: unknown,
  path: readonly PathSegment[],
  name: string,
  options: { nonEmpty?: boolean } = {},
): asserts value is readonly unknown[] {
  checkArray(value, path, name, failAt, options.nonEmpty);
}

/** Asserts an array, returning it typed; the message ends with the path. */
export function assertList(
  value: unknown,
  path: readonly PathSegment[],
  name: string,
): readonly unknown[] {
  return checkArray(value, path, name, failAt);
}

/** Checks that `value` is one of `choices` (a closed vocabulary), worded by `raise`. */
function checkOneOf<T>(
  value: unknown,
  choices: readonly T[],
  path: readonly PathSegment[],
  name: string,
  raise: Raise,
): asserts value is T {
  if (!(choices as readonly unknown[]).includes(value))
    raise(
      "invalid_value",
      path,
      `${name} must be one of ${choices.join(", ")}, got ${describe(value)}`,
    );
}

/** Asserts one of a closed vocabulary, e.g. `method must be one of a, b, got "c"`. */
export function assertOneOf<T>(
  value: unknown,
  choices: readonly T[],
  path: readonly PathSegment[],
  name: string,
): asserts value is T {
  checkOneOf(value, choices, path, name, fail);
}

/** Asserts one of a closed vocabulary; the message ends with the path. */
export function assertOneOfAt<T>(
  value: unknown,
  choices: readonly T[],
  path: readonly PathSegment[],
  name: string,
): asserts value is T {
  checkOneOf(value, choices, path, name, failAt);
}

/** Asserts an array of finite numbers or nulls; returns it typed. */
export function assertNullableNumbers(
  values: unknown,
  path: readonly PathSegment[],
  name = "values",
): readonly (number | null)[] {
  assertArray(values, path, name);
  values.forEach((v, i) => {
    if (v !== null) assertFinite(v, [...path, i], `${name}[${i}]`);
  });
  return values as readonly (number | null)[];
}

/** Whether a value is a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Checks a plain object (not null, not an array) and returns it typed; the message ends with the path. */
export function checkRecord(
  value: unknown,
  path: readonly PathSegment[],
  name: string,
): Readonly<Record<string, unknown>> {
  if (!isRecord(value))
    failAt("invalid_type", path, `${name} must be an object, got ${describe(value)}`);
  return value;
}

/** Asserts a plain object (not null, not an array); the message ends with the path. */
export function assertRecord(
  value: unknown,
  path: readonly PathSegment[],
  name: string,
): asserts value is Readonly<Record<string, unknown>> {
  checkRecord(value, path, name);
}

/** Asserts a string; with `nonEmpty`, at least one non-space character. */
export function assertString(
  value: unknown,
  path: readonly PathSegment[],
  name: string,
  options: { nonEmpty?: boolean } = {},
): asserts value is string {
  if (typeof value !== "string")
    failAt("invalid_type", path, `${name} must be a string, got ${describe(value)}`);
  if (options.nonEmpty && value.trim() === "")
    failAt("invalid_value", path, `${name} must not be empty`);
}

/** Asserts an array of non-empty strings (ids) without repeats; returns it typed. */
export function assertIds(
  value: unknown,
  path: readonly PathSegment[],
  name: string,
): readonly string[] {
  const list = assertList(value, path, name);
  const seen = new Set<string>();
  list.forEach((v, i) => {
    assertString(v, [...path, i], `${name}[${i}]`, { nonEmpty: true });
    if (seen.has(v))
      failAt("duplicate_id", [...path, i], `${name} lists ${JSON.stringify(v)} twice`);
    seen.add(v);
  });
  return list as readonly string[];
}

/** Options of {@link remapErrors}. */
export interface RemapErrorsOptions {
  /**
   * Rewrites the rest of each message whose new path is written (the message without its
   * trailing ` (path)`).
   */
  readonly rewrite?: (body: string) => string;
  /**
   * End every message with its new path, also a message that had no trailing path (default
   * false: such a message is kept as it is).
   */
  readonly addMissingPath?: boolean;
}

/**
 * Runs `fn`; an {@link AssessmentError} it throws is rethrown with every issue's path passed
 * through `map`, and a message that ends with its old path ` (path)` ending with the new one
 * instead (see {@link RemapErrorsOptions} for the rest of the message and for messages without a
 * path). Other errors pass through unchanged. So an error from a function called on the caller's
 * behalf points into the caller's own arguments.
 */
export function remapErrors<T>(
  fn: () => T,
  map: (path: readonly PathSegment[]) => readonly PathSegment[],
  options: RemapErrorsOptions = {},
): T {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof AssessmentError)) throw e;
    const { rewrite = (body: string) => body, addMissingPath = false } = options;
    throw new AssessmentError(
      e.issues.map((issue) => {
        const path = map(issue.path);
        const old = ` (${formatPath(issue.path)})`;
        const ends = issue.message.endsWith(old);
        if (!ends && !addMissingPath) return { ...issue, path };
        const body = ends ? issue.message.slice(0, -old.length) : issue.message;
        return { ...issue, path, message: `${rewrite(body)} (${formatPath(path)})` };
      }),
      e.code,
    );
  }
}

/** Whether a value is a whole number in `[min, max]` (the fast check of {@link checkWhole}). */
export function isWhole(value: unknown, min: number, max: number): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
}

/** Asserts a whole number in `[min, max]`; returns it with −0 as 0. */
export function checkWhole(
  value: unknown,
  path: readonly PathSegment[],
  name: string,
  min: number,
  max: number,
): number {
  if (isWhole(value, min, max)) return value + 0;
  assertFiniteAt(value, path, name);
  if (!Number.isInteger(value)) {
    failAt("invalid_value", path, `${name} must be a whole number, got ${describe(value)}`);
  }
  return failAt(
    "out_of_range",
    path,
    `${name} must be between ${min} and ${max}, got ${describe(value)}`,
  );
}
