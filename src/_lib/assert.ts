import { AssessmentError, type PathSegment } from "../errors/AssessmentError.js";
import type { ErrorCode } from "../errors/codes.js";

/** Throws an {@link AssessmentError} with one issue. */
export function fail(code: ErrorCode, path: readonly PathSegment[], message: string): never {
  throw new AssessmentError([{ code, path, message }]);
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

/** Asserts a finite number (not NaN, not ±Infinity). */
export function assertFinite(
  value: unknown,
  path: readonly PathSegment[],
  name = "value",
): asserts value is number {
  if (typeof value !== "number")
    fail("invalid_type", path, `${name} must be a number, got ${describe(value)}`);
  if (!Number.isFinite(value))
    fail("non_finite", path, `${name} must be a finite number, got ${describe(value)}`);
}

/** Asserts an array (optionally non-empty). */
export function assertArray(
  value: unknown,
  path: readonly PathSegment[],
  name: string,
  options: { nonEmpty?: boolean } = {},
): asserts value is readonly unknown[] {
  if (!Array.isArray(value))
    fail("invalid_type", path, `${name} must be an array, got ${describe(value)}`);
  if (options.nonEmpty && value.length === 0) fail("empty", path, `${name} must not be empty`);
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

/** Asserts an array of finite numbers; returns it typed. */
export function assertNumbers(
  values: unknown,
  path: readonly PathSegment[],
  name = "values",
): readonly number[] {
  assertArray(values, path, name);
  values.forEach((v, i) => assertFinite(v, [...path, i], `${name}[${i}]`));
  return values as readonly number[];
}

/**
 * Asserts weights: finite, non-negative, and summing to a positive number. Returns them divided by
 * their sum.
 */
export function normaliseWeights(
  weights: unknown,
  path: readonly PathSegment[],
  name = "weights",
): number[] {
  const w = assertNumbers(weights, path, name);
  if (w.length === 0) fail("empty", path, `${name} must not be empty`);
  let sum = 0;
  w.forEach((x, i) => {
    if (x < 0)
      fail(
        "negative_weight",
        [...path, i],
        `${name}[${i}] must not be negative, got ${describe(x)}`,
      );
    sum += x;
  });
  if (!(sum > 0) || !Number.isFinite(sum)) {
    fail("zero_weights", path, `${name} must sum to a positive finite number, got ${sum}`);
  }
  return w.map((x) => x / sum);
}
