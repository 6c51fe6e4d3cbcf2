import { AssessmentError, formatPath, type PathSegment } from "../errors/AssessmentError.js";
import type { ErrorCode } from "../errors/codes.js";
import { describe } from "./assert.js";

/**
 * Shape checks for computation functions that take documents (an assessment, SWOT items, links)
 * from callers who may not have parsed them. Each throws an {@link AssessmentError} whose message
 * ends with the formatted path, e.g. `rating must be between 1 and 4, got 5 (items[3].rating)`.
 */

/** Throws an {@link AssessmentError} with one issue; the message gets ` (path)` appended. */
export function failAt(code: ErrorCode, path: readonly PathSegment[], message: string): never {
  throw new AssessmentError([{ code, path, message: `${message} (${formatPath(path)})` }]);
}

/** Asserts a plain object (not null, not an array). */
export function assertRecord(
  value: unknown,
  path: readonly PathSegment[],
  name: string,
): asserts value is Readonly<Record<string, unknown>> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    failAt("invalid_type", path, `${name} must be an object, got ${describe(value)}`);
  }
}

/** Asserts an array, returning it typed. */
export function assertList(
  value: unknown,
  path: readonly PathSegment[],
  name: string,
): readonly unknown[] {
  if (!Array.isArray(value))
    failAt("invalid_type", path, `${name} must be an array, got ${describe(value)}`);
  return value as readonly unknown[];
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

/** Asserts a finite number. */
export function assertFiniteAt(
  value: unknown,
  path: readonly PathSegment[],
  name: string,
): asserts value is number {
  if (typeof value !== "number")
    failAt("invalid_type", path, `${name} must be a number, got ${describe(value)}`);
  if (!Number.isFinite(value))
    failAt("non_finite", path, `${name} must be a finite number, got ${describe(value)}`);
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

/**
 * Runs `fn`; an {@link AssessmentError} it throws is rethrown with the first `drop` segments of
 * every path replaced by `prefix` (and the path at the end of each message updated to match).
 */
export function withPathPrefix<T>(prefix: readonly PathSegment[], fn: () => T, drop = 0): T {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof AssessmentError)) throw e;
    throw new AssessmentError(
      e.issues.map((i) => {
        const path = [...prefix, ...i.path.slice(drop)];
        const old = ` (${formatPath(i.path)})`;
        const message = i.message.endsWith(old)
          ? `${i.message.slice(0, -old.length)} (${formatPath(path)})`
          : i.message;
        return { ...i, path, message };
      }),
      e.code,
    );
  }
}
