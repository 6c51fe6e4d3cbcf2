import type { PathSegment } from "../errors/AssessmentError.js";
import { describe, fail } from "../_lib/assert.js";
import { isDecimal, moneyString } from "../_lib/decimal.js";
import { compareIds } from "../_lib/sort.js";

/**
 * Canonical JSON text of a value (designed by this project, in the spirit of RFC 8785, the JSON
 * Canonicalization Scheme): object keys sorted by UTF-16 code units, `undefined` object members
 * left out, numbers in ECMAScript's shortest round-trip form with `-0` written as `0`, a `Decimal`
 * written as its decimal string with at least two decimals (the money convention), and nothing that
 * is not JSON: `NaN`, `±Infinity`, `undefined` array items, functions, symbols, bigints, cycles and
 * non-plain objects (a `Date`, a `Map`) are refused with an `AssessmentError` naming the path.
 *
 * `indent` 0 gives the compact form hashed by digests; 2 gives the pretty form of report files.
 */
export function canonicalJson(value: unknown, indent = 0, root: PathSegment[] = []): string {
  const out: string[] = [];
  write(value, root, 0, indent, out, new Set());
  return out.join("");
}

function newline(depth: number, indent: number): string {
  return indent > 0 ? `\n${" ".repeat(depth * indent)}` : "";
}

function write(
  value: unknown,
  path: PathSegment[],
  depth: number,
  indent: number,
  out: string[],
  stack: Set<object>,
): void {
  if (value === null) {
    out.push("null");
    return;
  }
  switch (typeof value) {
    case "string":
      out.push(JSON.stringify(value));
      return;
    case "boolean":
      out.push(value ? "true" : "false");
      return;
    case "number":
      if (!Number.isFinite(value))
        fail("non_finite", path, `value must be a finite number, got ${describe(value)}`);
      out.push(Object.is(value, -0) ? "0" : JSON.stringify(value));
      return;
    case "object":
      break;
    default:
      fail("invalid_type", path, `value must be JSON, got ${describe(value)}`);
  }
  const obj = value as object;
  if (isDecimal(obj)) {
    if (!obj.isFinite())
      fail("non_finite", path, `amount must be a finite decimal, got ${obj.toString()}`);
    out.push(JSON.stringify(moneyString(obj)));
    return;
  }
  if (stack.has(obj)) fail("invalid_value", path, "value must not contain a cycle");
  const colon = indent > 0 ? ": " : ":";
  if (Array.isArray(obj)) {
    if (obj.length === 0) {
      out.push("[]");
      return;
    }
    stack.add(obj);
    out.push("[");
    obj.forEach((item: unknown, i) => {
      if (item === undefined)
        fail("invalid_type", [...path, i], "array item must be JSON, got undefined");
      if (i > 0) out.push(",");
      out.push(newline(depth + 1, indent));
      write(item, [...path, i], depth + 1, indent, out, stack);
    });
    out.push(newline(depth, indent), "]");
    stack.delete(obj);
    return;
  }
  const proto: unknown = Object.getPrototypeOf(obj);
  if (proto !== Object.prototype && proto !== null) {
    fail("invalid_type", path, `value must be a plain object, got ${obj.constructor.name}`);
  }
  const record = obj as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort(compareIds);
  if (keys.length === 0) {
    out.push("{}");
    return;
  }
  stack.add(obj);
  out.push("{");
  keys.forEach((k, i) => {
    if (i > 0) out.push(",");
    out.push(newline(depth + 1, indent), JSON.stringify(k), colon);
    write(record[k], [...path, k], depth + 1, indent, out, stack);
  });
  out.push(newline(depth, indent), "}");
  stack.delete(obj);
}
