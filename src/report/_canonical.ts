import type { PathSegment } from "../errors/AssessmentError.js";
import { describe, fail } from "../_lib/assert.js";
import { isDecimal, moneyString } from "../_lib/decimal.js";
import { compareIds } from "../_lib/sort.js";
import { MAX_DEPTH } from "../schema/issues.js";

/**
 * Canonical JSON text of a value (designed by this project, in the spirit of RFC 8785, the JSON
 * Canonicalization Scheme): object keys sorted by UTF-16 code units, `undefined` object members
 * left out, numbers in ECMAScript's shortest round-trip form with `-0` written as `0`, a `Decimal`
 * written as its decimal string with at least two decimals (the money convention), and nothing that
 * is not JSON: `NaN`, `±Infinity`, `undefined` array items, functions, symbols, bigints, cycles and
 * non-plain objects (a `Date`, a `Map`) are refused with an `AssessmentError` naming the path, and
 * so is nesting deeper than the documents' limit (`MAX_DEPTH`, 64 levels: `too_deep`), checked
 * before the walk goes down a level, so no input can exhaust the call stack.
 *
 * `indent` 0 gives the compact form hashed by digests; 2 gives the pretty form of report files.
 */
export function canonicalJson(value: unknown, indent = 0, root: PathSegment[] = []): string {
  const w: Writer = {
    path: [...root],
    indent,
    colon: indent > 0 ? ": " : ":",
    pads: [],
    ancestors: [],
    keys: new Map(),
  };
  return write(value, 0, w);
}

/** The state of one canonicalJson call. */
interface Writer {
  /** The path of the value being written: pushed and popped, copied only into an error. */
  readonly path: PathSegment[];
  readonly indent: number;
  readonly colon: string;
  /** Newline plus indentation, by depth (built once per depth). */
  readonly pads: string[];
  /** The objects and arrays being written, outermost first. */
  readonly ancestors: object[];
  /** Object keys as JSON strings (the same few keys come back in every record). */
  readonly keys: Map<string, string>;
}

/**
 * Refuses an object or array at the depth limit (the root is at depth 0; the parsers accept
 * containers down to depth `MAX_DEPTH - 1`). A cycle repeats forever, so it reaches the limit
 * too: only there are the ancestors searched for one (reported as a cycle at the path where it
 * first closes), and data as shallow as every report and assessment pays nothing.
 */
function checkDepth(w: Writer, obj: object, depth: number): void {
  if (depth < MAX_DEPTH) return;
  if (w.ancestors.includes(obj)) refuseCycle(w, obj);
  fail(
    "too_deep",
    [...w.path],
    `value is nested deeper than ${MAX_DEPTH} levels, the limit of icc-assessment documents`,
  );
}

function pad(depth: number, w: Writer): string {
  if (w.indent === 0) return "";
  let p = w.pads[depth];
  if (p === undefined) {
    p = `\n${" ".repeat(depth * w.indent)}`;
    w.pads[depth] = p;
  }
  return p;
}

function refuse(
  w: Writer,
  code: "non_finite" | "invalid_type" | "invalid_value",
  message: string,
): never {
  fail(code, [...w.path], message);
}

/**
 * Refuses a cycle found deep in the walk, at the path where it first closes: the first container
 * that is one of its own ancestors (found only on failure, so its cost does not matter).
 */
function refuseCycle(w: Writer, obj: object): never {
  const a = [...w.ancestors, obj];
  let t = 1;
  while (!a.slice(0, t).includes(a[t] as object)) t++;
  fail(
    "invalid_value",
    w.path.slice(0, w.path.length - (a.length - 1) + t),
    "value must not contain a cycle",
  );
}

function write(value: unknown, depth: number, w: Writer): string {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      // String() is JSON's number form for finite numbers, and writes -0 as 0
      if (!Number.isFinite(value))
        refuse(w, "non_finite", `value must be a finite number, got ${describe(value)}`);
      return String(value);
    case "boolean":
      return value ? "true" : "false";
    case "object":
      if (value === null) return "null";
      break;
    default:
      refuse(w, "invalid_type", `value must be JSON, got ${describe(value)}`);
  }
  const obj = value as object;
  const proto: unknown = Object.getPrototypeOf(obj);
  const array = Array.isArray(obj);
  if (!array && proto !== Object.prototype && proto !== null) {
    if (isDecimal(obj)) {
      if (!obj.isFinite())
        refuse(w, "non_finite", `amount must be a finite decimal, got ${obj.toString()}`);
      return JSON.stringify(moneyString(obj));
    }
    refuse(w, "invalid_type", `value must be a plain object, got ${obj.constructor.name}`);
  }
  checkDepth(w, obj, depth);
  const path = w.path;
  const inner = pad(depth + 1, w);
  w.ancestors.push(obj);
  let out: string;
  if (array) {
    const items = obj as unknown[];
    const n = items.length;
    if (n === 0) {
      w.ancestors.pop();
      return "[]";
    }
    out = "[";
    for (let i = 0; i < n; i++) {
      const item: unknown = items[i];
      path.push(i);
      if (item === undefined) refuse(w, "invalid_type", "array item must be JSON, got undefined");
      out += `${i > 0 ? "," : ""}${inner}${write(item, depth + 1, w)}`;
      path.pop();
    }
    out += `${pad(depth, w)}]`;
  } else {
    const record = obj as Record<string, unknown>;
    const keys = Object.keys(record).sort(compareIds);
    out = "";
    for (const k of keys) {
      const v = record[k];
      if (v === undefined) continue;
      let key = w.keys.get(k);
      if (key === undefined) {
        key = JSON.stringify(k);
        w.keys.set(k, key);
      }
      path.push(k);
      out += `${out === "" ? "{" : ","}${inner}${key}${w.colon}${write(v, depth + 1, w)}`;
      path.pop();
    }
    out = out === "" ? "{}" : `${out}${pad(depth, w)}}`;
  }
  w.ancestors.pop();
  return out;
}

/**
 * A fresh copy of a value as plain JSON data, by the rules of {@link canonicalJson}: object keys
 * inserted in sorted order, `undefined` members left out, `-0` as `0`, a `Decimal` as its money
 * string, and the same refusals (NaN, ±Infinity, non-plain objects, cycles, nesting deeper than
 * 64 levels) with the same paths.
 * One walk, no text: what `JSON.parse(canonicalJson(value))` gives, without writing and reading
 * the text (an object key that is an array index, such as `"2"`, comes first in the copy, as
 * JavaScript orders such keys; `canonicalJson` writes it in its sorted place).
 */
export function canonicalCopy(value: unknown, root: PathSegment[] = []): unknown {
  const w: Writer = {
    path: [...root],
    indent: 0,
    colon: ":",
    pads: [],
    ancestors: [],
    keys: new Map(),
  };
  return copy(value, 0, w);
}

function copy(value: unknown, depth: number, w: Writer): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      if (!Number.isFinite(value))
        refuse(w, "non_finite", `value must be a finite number, got ${describe(value)}`);
      return value === 0 ? 0 : value;
    case "object":
      if (value === null) return null;
      break;
    default:
      refuse(w, "invalid_type", `value must be JSON, got ${describe(value)}`);
  }
  const obj = value as object;
  const proto: unknown = Object.getPrototypeOf(obj);
  const array = Array.isArray(obj);
  if (!array && proto !== Object.prototype && proto !== null) {
    if (isDecimal(obj)) {
      if (!obj.isFinite())
        refuse(w, "non_finite", `amount must be a finite decimal, got ${obj.toString()}`);
      return moneyString(obj);
    }
    refuse(w, "invalid_type", `value must be a plain object, got ${obj.constructor.name}`);
  }
  checkDepth(w, obj, depth);
  const path = w.path;
  w.ancestors.push(obj);
  let out: unknown;
  if (array) {
    const items = obj as unknown[];
    const n = items.length;
    const list: unknown[] = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const item: unknown = items[i];
      path.push(i);
      if (item === undefined) refuse(w, "invalid_type", "array item must be JSON, got undefined");
      list[i] = copy(item, depth + 1, w);
      path.pop();
    }
    out = list;
  } else {
    const record = obj as Record<string, unknown>;
    const keys = Object.keys(record).sort(compareIds);
    const fresh: Record<string, unknown> = {};
    for (const k of keys) {
      const v = record[k];
      if (v === undefined) continue;
      path.push(k);
      const c = copy(v, depth + 1, w);
      path.pop();
      // a "__proto__" key is data, never the copy's prototype
      if (k === "__proto__") {
        Object.defineProperty(fresh, k, {
          value: c,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else fresh[k] = c;
    }
    out = fresh;
  }
  w.ancestors.pop();
  return out;
}
