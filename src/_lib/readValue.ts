import type { PathSegment } from "../errors/AssessmentError.js";
import type { ErrorCode } from "../errors/codes.js";
import {
  assertArrayAt,
  assertFiniteAt,
  assertOneOfAt,
  assertRecord,
  assertString,
  describe,
  failAt,
  isRecord,
} from "./assert.js";

/** A field of a plain record as {@link readValue} checks it: its key and its rule. */
export type Field = readonly [key: string, rule: Rule];

/**
 * How {@link readValue} checks a plain value (designed by this project): the one home of the shape
 * checks of the plain arguments and options of the needs and SWOT functions. `optional` lets
 * `undefined` through, `nullable` also `null`; `name` names the value in messages, given as is or
 * made from its key (default: its key, or `key[i]` for an element of a list).
 */
export type Rule = {
  readonly optional?: boolean;
  readonly nullable?: boolean;
  readonly name?: string | ((key: PathSegment) => string);
} & (
  | {
      /** An object (not an array) whose fields are checked in order. */
      readonly kind: "record";
      readonly fields: readonly Field[];
    }
  | {
      /** An object whose keys are among `keys` (`keyName` in words), each value checked by `of`. */
      readonly kind: "map";
      readonly keys: readonly string[];
      readonly keyName: string;
      readonly of: Rule;
    }
  | {
      /**
       * An array (with `sets`, also a Set), each element checked by `of`; with `nonEmpty`, at least
       * one; with `unique`, the ids of its elements are unique among themselves.
       */
      readonly kind: "list";
      readonly of?: Rule;
      readonly nonEmpty?: boolean;
      readonly unique?: boolean;
      readonly sets?: boolean;
    }
  | {
      /**
       * A string; `text` has a non-space character; an `id` is text, unique among the ids read
       * with the same `seen` set (the list it is in).
       */
      readonly kind: "string" | "text" | "id";
    }
  | {
      /** One of `choices`; with `required`, a missing value is `missing_field`. */
      readonly kind: "oneOf";
      readonly choices: readonly string[];
      readonly required?: boolean;
    }
  | {
      /**
       * A finite number from `min` to `max`; outside, `code` (default `out_of_range`) with
       * `expected` in words after the value's name (`must be between 0 and 1`); with `weight`, a
       * negative value is `negative_weight`.
       */
      readonly kind: "number";
      readonly min: number;
      readonly max: number;
      readonly expected: string;
      readonly code?: ErrorCode;
      readonly weight?: boolean;
    }
);

/** The name of the value at `path` in a message: the rule's, else `key` or `key[i]`. */
function nameOf(rule: Rule, path: readonly PathSegment[]): string {
  if (typeof rule.name === "string") return rule.name;
  if (rule.name !== undefined) return rule.name(path[path.length - 1] as PathSegment);
  let i = path.length - 1;
  while (i > 0 && typeof path[i] === "number") i--;
  return `${String(path[i])}${path
    .slice(i + 1)
    .map((s) => `[${s}]`)
    .join("")}`;
}

/**
 * Checks a plain value against `rule`. `path` is where the value is: a stack that is grown and
 * restored while fields and elements are read, copied only into an error. `seen` collects the ids
 * of the list being read (an `id` rule fails on an id already in it).
 */
export function readValue(
  value: unknown,
  rule: Rule,
  path: PathSegment[],
  seen?: Set<string>,
): void {
  if (
    value === undefined
      ? rule.optional === true || rule.nullable === true
      : value === null && rule.nullable === true
  )
    return;
  switch (rule.kind) {
    case "record":
    case "map": {
      if (!isRecord(value)) assertRecord(value, path.slice(), nameOf(rule, path));
      if (rule.kind === "record") {
        for (let f = 0; f < rule.fields.length; f++) {
          const [key, field] = rule.fields[f] as Field;
          path.push(key);
          readValue(value[key], field, path, seen);
          path.pop();
        }
        return;
      }
      for (const key of Object.keys(value)) {
        path.push(key);
        if (!rule.keys.includes(key))
          failAt(
            "invalid_value",
            path.slice(),
            `unknown ${rule.keyName} ${JSON.stringify(key)}; ${rule.keyName}s are ${rule.keys.join(", ")}`,
          );
        readValue(value[key], rule.of, path);
        path.pop();
      }
      return;
    }
    case "list": {
      const list: unknown = rule.sets === true && value instanceof Set ? [...value] : value;
      if (!Array.isArray(list) || (rule.nonEmpty === true && list.length === 0))
        assertArrayAt(list, path.slice(), nameOf(rule, path), {
          nonEmpty: rule.nonEmpty === true,
        });
      if (rule.of === undefined) return;
      const ids = rule.unique === true ? new Set<string>() : seen;
      path.push(0);
      for (let i = 0; i < list.length; i++) {
        path[path.length - 1] = i;
        readValue(list[i], rule.of, path, ids);
      }
      path.pop();
      return;
    }
    case "string":
    case "text":
    case "id": {
      if (typeof value !== "string" || (rule.kind !== "string" && value.trim() === ""))
        assertString(value, path.slice(), nameOf(rule, path), { nonEmpty: rule.kind !== "string" });
      if (rule.kind !== "id" || seen === undefined) return;
      if (seen.has(value))
        failAt(
          "duplicate_id",
          path.slice(),
          typeof path[path.length - 1] === "number"
            ? `${String(path[path.length - 2])} lists ${JSON.stringify(value)} twice`
            : `duplicate ${nameOf(rule, path)} ${JSON.stringify(value)}`,
        );
      seen.add(value);
      return;
    }
    case "oneOf": {
      if ((rule.choices as readonly unknown[]).includes(value)) return;
      if (value === undefined && rule.required === true)
        failAt(
          "missing_field",
          path.slice(),
          `${nameOf(rule, path)} is missing; expected one of ${rule.choices.join(", ")}`,
        );
      assertOneOfAt(value, rule.choices, path.slice(), nameOf(rule, path));
      return;
    }
    case "number": {
      if (typeof value === "number" && value >= rule.min && value <= rule.max) return;
      assertFiniteAt(value, path.slice(), nameOf(rule, path));
      if (rule.weight === true && value < 0)
        failAt(
          "negative_weight",
          path.slice(),
          `${nameOf(rule, path)} must not be negative, got ${describe(value)}`,
        );
      failAt(
        rule.code ?? "out_of_range",
        path.slice(),
        `${nameOf(rule, path)} ${rule.expected}, got ${describe(value)}`,
      );
    }
  }
}
