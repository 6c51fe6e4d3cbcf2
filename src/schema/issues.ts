import type * as z from "zod/mini";
import { formatPath, type Issue, type PathSegment } from "../errors/AssessmentError.js";
import type { ErrorCode } from "../errors/codes.js";

/** Keys that could reach an object prototype; refused anywhere in a document. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  "__proto__",
  "constructor",
  "prototype",
]);

export { MAX_DEPTH, MAX_NODES } from "../_lib/limits.js";
import { MAX_DEPTH, MAX_NODES } from "../_lib/limits.js";

function withPath(message: string, path: readonly PathSegment[]): string {
  return `${message} (${formatPath(path)})`;
}

/** A value waiting to be checked, with the way back to the root (paths are built only for issues). */
interface Frame {
  readonly v: unknown;
  readonly parent: Frame | null;
  readonly key: PathSegment;
  readonly depth: number;
}

function pathOf(frame: Frame): PathSegment[] {
  const path: PathSegment[] = [];
  for (let f: Frame | null = frame; f !== null && f.parent !== null; f = f.parent) path.push(f.key);
  return path.reverse();
}

/**
 * Walks a JSON value iteratively (no recursion, so no stack overflow on deep input) and reports
 * prototype keys, nesting deeper than {@link MAX_DEPTH}, more than {@link MAX_NODES} values, and
 * numbers that are not finite. Stops at the first structural problem. Time and memory stay
 * bounded: a value is refused as too large before its children are queued when the values
 * counted and queued would pass {@link MAX_NODES}, and paths are built only for issues.
 */
export function checkJsonBounds(value: unknown, maxIssues = 100): Issue[] {
  const issues: Issue[] = [];
  const stack: Frame[] = [{ v: value, parent: null, key: "", depth: 0 }];
  const tooLarge = (): Issue => ({
    code: "too_large",
    path: [],
    message: `document has more than ${MAX_NODES} values`,
  });
  let nodes = 0;
  while (stack.length > 0 && issues.length < maxIssues) {
    const frame = stack.pop() as Frame;
    const v = frame.v;
    nodes++;
    if (typeof v === "number" && !Number.isFinite(v)) {
      const path = pathOf(frame);
      issues.push({
        code: "non_finite",
        path,
        message: withPath(`expected a finite number, received ${v}`, path),
      });
      continue;
    }
    if (typeof v !== "object" || v === null) continue;
    if (frame.depth >= MAX_DEPTH) {
      const path = pathOf(frame);
      issues.push({
        code: "too_deep",
        path,
        message: withPath(`document is nested deeper than ${MAX_DEPTH} levels`, path),
      });
      break;
    }
    const depth = frame.depth + 1;
    if (Array.isArray(v)) {
      if (nodes + stack.length + v.length > MAX_NODES) {
        issues.push(tooLarge());
        break;
      }
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], parent: frame, key: i, depth });
      continue;
    }
    const keys = Object.keys(v);
    if (nodes + stack.length + keys.length > MAX_NODES) {
      issues.push(tooLarge());
      break;
    }
    const children: string[] = [];
    for (const k of keys) {
      if (FORBIDDEN_KEYS.has(k)) {
        const path = [...pathOf(frame), k];
        issues.push({
          code: "forbidden_key",
          path,
          message: withPath(`key ${JSON.stringify(k)} is not allowed`, path),
        });
      } else children.push(k);
    }
    for (let i = children.length - 1; i >= 0; i--) {
      const k = children[i] as string;
      stack.push({ v: (v as Record<string, unknown>)[k], parent: frame, key: k, depth });
    }
  }
  return issues;
}

function received(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "array";
  if (typeof input === "number" && Number.isNaN(input)) return "NaN";
  return typeof input;
}

/** Maps one zod issue to the library's issue shape (possibly several, one per unknown key). */
function mapIssue(issue: z.core.$ZodIssue, root: readonly PathSegment[]): Issue[] {
  const path = [...root, ...(issue.path as PathSegment[])];
  const last = path[path.length - 1];
  const isMoney = last === "amount" || last === "currency";
  switch (issue.code) {
    case "invalid_type": {
      const input = (issue as { input?: unknown }).input;
      if (input === undefined) {
        return [
          {
            code: "missing_field",
            path,
            message: withPath(`missing required field, expected ${issue.expected}`, path),
          },
        ];
      }
      const code: ErrorCode = isMoney ? "invalid_money" : "invalid_type";
      const extra =
        issue.expected === "number" && typeof input === "string"
          ? " (numbers are never written as strings)"
          : "";
      return [
        {
          code,
          path,
          message: withPath(
            `expected ${issue.expected}, received ${received(input)}${extra}`,
            path,
          ),
        },
      ];
    }
    case "unrecognized_keys":
      return issue.keys.map((k) => ({
        code: FORBIDDEN_KEYS.has(k) ? ("forbidden_key" as const) : ("unknown_key" as const),
        path: [...path, k],
        message: withPath(`unknown key ${JSON.stringify(k)}`, [...path, k]),
      }));
    case "invalid_format": {
      const code: ErrorCode =
        issue.format === "date" ? "invalid_date" : isMoney ? "invalid_money" : "invalid_value";
      const input = (issue as { input?: unknown }).input;
      const got =
        typeof input === "string"
          ? `, received ${JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input)}`
          : "";
      return [{ code, path, message: withPath(`${issue.message}${got}`, path) }];
    }
    case "too_big": {
      const code: ErrorCode =
        issue.origin === "string" || issue.origin === "array" ? "too_large" : "out_of_range";
      const unit =
        issue.origin === "string" ? " characters" : issue.origin === "array" ? " items" : "";
      return [
        { code, path, message: withPath(`expected at most ${String(issue.maximum)}${unit}`, path) },
      ];
    }
    case "too_small": {
      const code: ErrorCode =
        issue.origin === "array"
          ? "empty"
          : issue.origin === "string"
            ? "invalid_value"
            : "out_of_range";
      const unit =
        issue.origin === "string" ? " characters" : issue.origin === "array" ? " items" : "";
      return [
        {
          code,
          path,
          message: withPath(`expected at least ${String(issue.minimum)}${unit}`, path),
        },
      ];
    }
    case "custom": {
      const params = (issue as { params?: { code?: ErrorCode } }).params;
      return [
        {
          code: params?.code ?? (isMoney ? "invalid_money" : "invalid_value"),
          path,
          message: withPath(issue.message, path),
        },
      ];
    }
    case "invalid_union": {
      // a discriminated union with a bad discriminator, or a value matching no alternative
      const note = (issue as { note?: string }).note;
      return [
        {
          code: "invalid_value",
          path,
          message: withPath(
            note ? `${issue.message}: ${note}` : `${issue.message}: no allowed form matches`,
            path,
          ),
        },
      ];
    }
    case "invalid_value":
      return [{ code: "invalid_value", path, message: withPath(issue.message, path) }];
    default:
      return [
        {
          code: isMoney ? "invalid_money" : "invalid_value",
          path,
          message: withPath(issue.message, path),
        },
      ];
  }
}

/** Maps zod issues to the library's issue shape. */
export function fromZodIssues(
  issues: readonly z.core.$ZodIssue[],
  root: readonly PathSegment[] = [],
): Issue[] {
  return issues.flatMap((i) => mapIssue(i, root));
}
