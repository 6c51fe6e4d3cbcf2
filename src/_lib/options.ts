import type { PathSegment } from "../errors/AssessmentError.js";
import type { ErrorCode } from "../errors/codes.js";
import {
  assertArrayAt,
  assertFiniteAt,
  checkRecord,
  describe,
  failAt,
  isRecord,
  isWhole,
} from "./assert.js";
import { checkDate, isIsoDate } from "./dates.js";

/**
 * A descriptor-driven reader of options, and of other small records of named values: a table maps
 * each name to an {@link OptionSpec} (the test of an acceptable value, the error code and the
 * expectation in words when the test fails, a default), and {@link readOptions} reads the whole
 * record in one call. Shared by the timeline, actions and report stages. Paths and messages are
 * built only for a value that fails.
 */

/** Throws a more precise error than a spec's own (another code) for a value its test refused. */
export type Explain = (value: unknown, path: readonly PathSegment[], name: string) => unknown;

/** How one option (or one element of a list option) is read. */
export interface OptionSpec<T = unknown> {
  /** Whether a given value is acceptable. */
  readonly test: (value: unknown) => value is T;
  /** The code of a value `test` refuses. */
  readonly code: ErrorCode;
  /** What was expected, in words, for the message: `a whole number from 0 to 10`. */
  readonly expected: string;
  /** Whether the option may be left out (`undefined`), or also be `null` (`"nullish"`). */
  readonly optional?: true | "nullish";
  /** An option left out is `missing_field` (else it is refused like any other value `test` refuses). */
  readonly required?: true;
  /** The value of an optional option left out. */
  readonly fallback?: T;
  /** Run first on a refused value, to throw the error of a more precise check where there is one. */
  readonly explain?: Explain;
  /** For a list: how each element is read. */
  readonly each?: OptionSpec;
  /** For a list: its elements must be distinct (`duplicate_id`). */
  readonly unique?: boolean;
  /** For a nested record: its own table, read at the path `at`. */
  readonly fields?: OptionTable;
  /**
   * The path of a nested record, written out in the table so that no path is built for a value
   * that passes (without it, the path is built from the parent's).
   */
  readonly at?: readonly PathSegment[];
}

/** Options by name. */
export type OptionTable = Readonly<Record<string, OptionSpec>>;

type ValueOf<S> = S extends OptionSpec<infer T> ? T : never;

/** What {@link readOptions} returns: every option of the table, its fallback when left out. */
export type ReadOptions<Table extends OptionTable> = {
  readonly [K in keyof Table]: Table[K] extends { readonly optional: true | "nullish" }
    ? Table[K] extends { readonly fallback: unknown }
      ? ValueOf<Table[K]>
      : ValueOf<Table[K]> | undefined
    : ValueOf<Table[K]>;
};

/** Throws the error of a refused value: `missing_field` (when required), its explanation's, or the spec's. */
function refuse(
  value: unknown,
  spec: OptionSpec,
  parent: readonly PathSegment[],
  key: string,
  index?: number,
): never {
  const path = index === undefined ? [...parent, key] : [...parent, key, index];
  const name = index === undefined ? key : `${key}[${index}]`;
  if (value === undefined && spec.required === true) {
    failAt("missing_field", path, `${name} is missing: expected ${spec.expected}`);
  }
  spec.explain?.(value, path, name);
  return failAt(spec.code, path, `${name} must be ${spec.expected}, got ${describe(value)}`);
}

/**
 * Reads one value (`parent[key]`) by its spec: returns it, or the fallback of an optional value
 * left out; a list's elements and a nested record's fields are read by their own specs.
 */
export function readValue<T>(
  value: unknown,
  parent: readonly PathSegment[],
  key: string,
  spec: OptionSpec<T>,
): T {
  if (value === undefined || (value === null && spec.optional === "nullish")) {
    if (spec.optional !== undefined) return spec.fallback as T;
  }
  if (!spec.test(value)) refuse(value, spec, parent, key);
  const { each, fields } = spec;
  if (each !== undefined) {
    const list = value as readonly unknown[];
    const seen = spec.unique === true ? new Set<unknown>() : undefined;
    for (let i = 0; i < list.length; i++) {
      const element = list[i];
      if (!each.test(element)) refuse(element, each, parent, key, i);
      if (seen !== undefined) {
        if (seen.has(element)) {
          failAt("duplicate_id", [...parent, key, i], `${key} lists ${describe(element)} twice`);
        }
        seen.add(element);
      }
    }
  }
  if (fields !== undefined) {
    readFields(value as Readonly<Record<string, unknown>>, spec.at ?? [...parent, key], fields);
  }
  return value;
}

/** Reads every option of `table` from a record known to be one (see {@link readOptions}). */
export function readFields<Table extends OptionTable>(
  record: Readonly<Record<string, unknown>>,
  path: readonly PathSegment[],
  table: Table,
): ReadOptions<Table> {
  const out: Record<string, unknown> = {};
  for (const key in table) out[key] = readValue(record[key], path, key, table[key] as OptionSpec);
  return out as ReadOptions<Table>;
}

/**
 * Reads a record of options by its table: an object (`invalid_type` otherwise), each option
 * checked by its {@link OptionSpec}, in the order of the table; options the table does not name are
 * left alone. Returns the options of the table, with their fallbacks.
 */
export function readOptions<Table extends OptionTable>(
  value: unknown,
  path: readonly PathSegment[],
  name: string,
  table: Table,
): ReadOptions<Table> {
  return readFields(checkRecord(value, path, name), path, table);
}

/** The same spec, for an option that may be left out (`undefined`), with its fallback if any. */
export function optional<T>(spec: OptionSpec<T>): OptionSpec<T> & { readonly optional: true };
export function optional<T>(
  spec: OptionSpec<T>,
  fallback: T,
): OptionSpec<T> & { readonly optional: true; readonly fallback: T };
export function optional<T>(spec: OptionSpec<T>, fallback?: T): OptionSpec<T> {
  return fallback === undefined
    ? { ...spec, optional: true }
    : { ...spec, optional: true, fallback };
}

/** The same spec, for an option that may be left out or `null`, with its fallback. */
export function nullish<T>(
  spec: OptionSpec<T>,
  fallback: T,
): OptionSpec<T> & { readonly optional: "nullish"; readonly fallback: T } {
  return { ...spec, optional: "nullish", fallback };
}

/** A whole number in `[min, max]` (`max` may be `Infinity`); anything else is `out_of_range`. */
export function wholeOption(min: number, max: number): OptionSpec<number> {
  return {
    test: (value): value is number => isWhole(value, min, max),
    code: "out_of_range",
    expected:
      max === Infinity
        ? `a whole number of at least ${min}`
        : `a whole number from ${min} to ${max}`,
  };
}

/** A finite number of at least `min`: `invalid_type`, `non_finite`, else `out_of_range`. */
export function numberOption(min: number): OptionSpec<number> {
  return {
    test: (value): value is number =>
      typeof value === "number" && Number.isFinite(value) && value >= min,
    code: "out_of_range",
    expected: `a number of at least ${min}`,
    explain: assertFiniteAt,
  };
}

/** One of a closed vocabulary (`invalid_value`). */
export function oneOfOption<T extends string>(choices: readonly T[]): OptionSpec<T> {
  return {
    test: (value): value is T => (choices as readonly unknown[]).includes(value),
    code: "invalid_value",
    expected: `one of ${choices.join(", ")}`,
  };
}

/** A strict `YYYY-MM-DD` calendar date: `invalid_type` (not a string) or `invalid_date`. */
export const dateOption: OptionSpec<string> = {
  test: isIsoDate,
  code: "invalid_date",
  expected: "a calendar date YYYY-MM-DD",
  explain: checkDate,
};

/** An array (`invalid_type`). */
export const listOption: OptionSpec<readonly unknown[]> = {
  test: (value): value is readonly unknown[] => Array.isArray(value),
  code: "invalid_type",
  expected: "an array",
};

/** A non-empty array: `invalid_type` (not an array) or `empty`. */
export const nonEmptyListOption: OptionSpec<readonly unknown[]> = {
  test: (value): value is readonly unknown[] => Array.isArray(value) && value.length > 0,
  code: "empty",
  expected: "a non-empty array",
  explain: assertArrayAt,
};

/** A plain object, not an array (`invalid_type`). */
export const recordOption: OptionSpec<Readonly<Record<string, unknown>>> = {
  test: isRecord,
  code: "invalid_type",
  expected: "an object",
};

/** A string (`invalid_type`). */
export const stringOption: OptionSpec<string> = {
  test: (value): value is string => typeof value === "string",
  code: "invalid_type",
  expected: "a string",
};
