import type * as z from "zod/mini";
import { FORBIDDEN_KEYS, MAX_DEPTH, MAX_NODES } from "./issues.js";

/**
 * A fast, allocation-free acceptance test compiled from a zod schema: `true` only when the value
 * is a plain-JSON document that the schema accepts unchanged (the output equals the input) and
 * that passes the document bounds (no prototype keys, no NaN or ±Infinity, at most
 * {@link MAX_DEPTH} levels, at most {@link MAX_NODES} values). `false` says nothing more: the
 * caller then runs the full parser, which finds the issues and their paths. Designed by this
 * project so that a valid report is checked in one walk instead of a bounds walk plus zod's
 * copying parse (see docs/performance.md).
 *
 * Sound by construction: a schema node is compiled only when its acceptance rule is known
 * exactly (strict objects, arrays, tuples, records, unions, lazy schemas, strings with length and
 * regex checks and the ISO date format, finite numbers with bounds and integer checks, booleans,
 * null, enums, literals, optional and nullable); any other leaf is checked by zod itself and must
 * come back unchanged; any other container (a transform, a refinement, a stripping object) makes
 * the whole schema uncompilable (`compileFastCheck` returns null).
 */
export type FastCheck = (value: unknown) => boolean;

/** Walk state of one call: values seen and the current nesting. */
interface State {
  nodes: number;
  depth: number;
}
type Check = (v: unknown, st: State) => boolean;

/** The parts of zod's schema definitions (`schema._zod.def`) the compiler reads. */
interface Def {
  readonly type: string;
  readonly checks?: readonly { readonly _zod: { readonly def: CheckDef } }[];
  readonly coerce?: boolean;
  readonly format?: string;
  readonly pattern?: unknown;
  readonly entries?: Record<string, unknown>;
  readonly values?: readonly unknown[];
  readonly innerType?: z.core.$ZodType;
  readonly options?: readonly z.core.$ZodType[];
  readonly inclusive?: boolean;
  readonly discriminator?: string;
  readonly element?: z.core.$ZodType;
  readonly items?: readonly z.core.$ZodType[];
  readonly rest?: z.core.$ZodType | null;
  readonly shape?: Record<string, z.core.$ZodType>;
  readonly catchall?: z.core.$ZodType;
  readonly keyType?: z.core.$ZodType;
  readonly valueType?: z.core.$ZodType;
}
/** The parts of a check's definition the compiler reads. */
interface CheckDef {
  readonly check: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly value?: unknown;
  readonly inclusive?: boolean;
  readonly format?: string;
  readonly pattern?: unknown;
}

const defOf = (s: z.core.$ZodType): Def => s._zod.def as unknown as Def;

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== "object" || v === null) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** A leaf zod checks itself: accepted when zod accepts it and returns it unchanged. */
function viaZod(s: z.core.$ZodType): Check {
  const schema = s as unknown as { safeParse(v: unknown): { success: boolean; data?: unknown } };
  return (v, st) => {
    st.nodes++;
    if (typeof v === "object" && v !== null) return false;
    const r = schema.safeParse(v);
    return r.success && Object.is(r.data, v);
  };
}

/** Length bounds from `min_length` / `max_length` checks; null when another check is present. */
function lengthBounds(
  def: Def,
  allowRegex: boolean,
): { min: number; max: number; patterns: RegExp[] } | null {
  let min = 0;
  let max = Infinity;
  const patterns: RegExp[] = [];
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === "min_length") min = Math.max(min, d.minimum ?? 0);
    else if (d.check === "max_length") max = Math.min(max, d.maximum ?? Infinity);
    else if (
      allowRegex &&
      d.check === "string_format" &&
      d.format === "regex" &&
      d.pattern instanceof RegExp
    )
      patterns.push(d.pattern);
    else return null;
  }
  return { min, max, patterns };
}

function compileString(s: z.core.$ZodType, def: Def): Check {
  const bounds = lengthBounds(def, true);
  // a string format other than the ISO date (url, email…) has its own logic: zod checks it
  if (bounds === null || (def.format !== undefined && def.format !== "date") || def.coerce === true)
    return viaZod(s);
  if (def.format === "date") {
    if (!(def.pattern instanceof RegExp)) return viaZod(s);
    bounds.patterns.push(def.pattern);
  }
  const { min, max, patterns } = bounds;
  return (v, st) => {
    st.nodes++;
    if (typeof v !== "string" || v.length < min || v.length > max) return false;
    for (const p of patterns) {
      p.lastIndex = 0;
      if (!p.test(v)) return false;
    }
    return true;
  };
}

function compileNumber(s: z.core.$ZodType, def: Def): Check {
  let lo = -Infinity;
  let loIncl = true;
  let hi = Infinity;
  let hiIncl = true;
  // z.int() is a number schema with the integer format on itself (z.number().int() adds it as a check)
  let integer = def.format === "safeint";
  if (def.coerce === true || (def.format !== undefined && !integer)) return viaZod(s);
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === "greater_than" && typeof d.value === "number")
      [lo, loIncl] = [d.value, d.inclusive === true];
    else if (d.check === "less_than" && typeof d.value === "number")
      [hi, hiIncl] = [d.value, d.inclusive === true];
    else if (d.check === "number_format" && d.format === "safeint") integer = true;
    else return viaZod(s);
  }
  return (v, st) => {
    st.nodes++;
    if (typeof v !== "number" || !Number.isFinite(v)) return false;
    if (integer && !Number.isSafeInteger(v)) return false;
    if (loIncl ? v < lo : v <= lo) return false;
    return hiIncl ? v <= hi : v < hi;
  };
}

/** A compiled node, or null when the node cannot be checked exactly. */
function compile(s: z.core.$ZodType, seen: Map<z.core.$ZodType, Check>): Check | null {
  const known = seen.get(s);
  if (known !== undefined) return known;
  const def = defOf(s);
  switch (def.type) {
    case "string":
      return compileString(s, def);
    case "number":
      return compileNumber(s, def);
    case "boolean":
      if ((def.checks ?? []).length > 0 || def.coerce === true) return viaZod(s);
      return (v, st) => (st.nodes++, typeof v === "boolean");
    case "null":
      return (v, st) => (st.nodes++, v === null);
    case "enum": {
      const values = new Set(Object.values(def.entries as Record<string, unknown>));
      return (v, st) => (
        st.nodes++,
        (typeof v === "string" || typeof v === "number") && values.has(v)
      );
    }
    case "literal": {
      const values = new Set(def.values as readonly unknown[]);
      return (v, st) => (st.nodes++, (typeof v !== "object" || v === null) && values.has(v));
    }
    case "optional": {
      if ((def.checks ?? []).length > 0) return null;
      const inner = compile(def.innerType as z.core.$ZodType, seen);
      return inner && ((v, st) => v === undefined || inner(v, st));
    }
    case "nullable": {
      if ((def.checks ?? []).length > 0) return null;
      const inner = compile(def.innerType as z.core.$ZodType, seen);
      return inner && ((v, st) => (v === null ? (st.nodes++, true) : inner(v, st)));
    }
    case "lazy": {
      // recursive schemas (z.json()): compiled once, reached through an indirection
      let target: Check | null = null;
      const self: Check = (v, st) => (target as Check)(v, st);
      seen.set(s, self);
      target = compile(
        (s as unknown as { _zod: { innerType: z.core.$ZodType } })._zod.innerType,
        seen,
      );
      return target && self;
    }
    case "union": {
      // `inclusive: false` is zod's exclusive union (exactly one option may match), except for a
      // discriminated union: its options' discriminators are distinct literals, so at most one
      // option can accept a value and trying each in turn gives zod's verdict
      if (
        (def.checks ?? []).length > 0 ||
        (def.inclusive === false && def.discriminator === undefined)
      )
        return null;
      const options: Check[] = [];
      for (const o of def.options as readonly z.core.$ZodType[]) {
        const c = compile(o, seen);
        if (c === null) return null;
        options.push(c);
      }
      // zod returns the first accepting option's output; every option here returns its input unchanged
      return (v, st) => {
        const { nodes, depth } = st;
        for (const c of options) {
          st.nodes = nodes;
          st.depth = depth;
          if (c(v, st)) return true;
        }
        return false;
      };
    }
    case "array":
      return compileArray(def, seen);
    case "tuple":
      return compileTuple(def, seen);
    case "object":
      return compileObject(def, seen);
    case "record":
      return compileRecord(def, seen);
    default:
      return null;
  }
}

/** Counts a container and goes one level down; false past the depth or size bound. */
function enter(st: State): boolean {
  st.nodes++;
  st.depth++;
  return st.depth <= MAX_DEPTH && st.nodes <= MAX_NODES;
}

function compileArray(def: Def, seen: Map<z.core.$ZodType, Check>): Check | null {
  const bounds = lengthBounds(def, false);
  const element = compile(def.element as z.core.$ZodType, seen);
  if (bounds === null || element === null) return null;
  const { min, max } = bounds;
  return (v, st) => {
    if (!Array.isArray(v) || v.length < min || v.length > max || !enter(st)) return false;
    if (st.nodes + v.length > MAX_NODES) return false;
    for (let i = 0; i < v.length; i++) if (!element(v[i], st)) return false;
    st.depth--;
    return true;
  };
}

function compileTuple(def: Def, seen: Map<z.core.$ZodType, Check>): Check | null {
  if ((def.checks ?? []).length > 0 || (def.rest !== null && def.rest !== undefined)) return null;
  const items: Check[] = [];
  for (const item of def.items as readonly z.core.$ZodType[]) {
    const c = compile(item, seen);
    // an optional item lets the tuple be shorter: not compiled
    if (c === null || defOf(item).type === "optional") return null;
    items.push(c);
  }
  return (v, st) => {
    if (!Array.isArray(v) || v.length !== items.length || !enter(st)) return false;
    for (let i = 0; i < items.length; i++) if (!(items[i] as Check)(v[i], st)) return false;
    st.depth--;
    return true;
  };
}

function compileObject(def: Def, seen: Map<z.core.$ZodType, Check>): Check | null {
  // only a strict object returns its input's keys unchanged (a plain object strips unknown keys)
  const catchall = def.catchall as z.core.$ZodType | undefined;
  if ((def.checks ?? []).length > 0 || catchall === undefined || defOf(catchall).type !== "never")
    return null;
  const shape = def.shape as Record<string, z.core.$ZodType>;
  const index = new Map<string, number>();
  const checks: Check[] = [];
  const optional: boolean[] = [];
  for (const [k, item] of Object.entries(shape)) {
    const c = compile(item, seen);
    if (c === null || FORBIDDEN_KEYS.has(k)) return null;
    index.set(k, checks.length);
    checks.push(c);
    optional.push(defOf(item).type === "optional");
  }
  const required = optional.filter((o) => !o).length;
  return (v, st) => {
    if (!isPlainObject(v) || !enter(st)) return false;
    let seenRequired = 0;
    // every key zod sees (enumerable string keys, as its \`for…in\`) must be a key of the shape
    for (const k in v) {
      const i = index.get(k);
      if (i === undefined) return false;
      const x = v[k];
      // a key holding undefined: the full parser decides
      if (x === undefined || !(checks[i] as Check)(x, st)) return false;
      if (!optional[i]) seenRequired++;
    }
    st.depth--;
    return seenRequired === required;
  };
}

function compileRecord(def: Def, seen: Map<z.core.$ZodType, Check>): Check | null {
  if ((def.checks ?? []).length > 0) return null;
  const key = compile(def.keyType as z.core.$ZodType, seen);
  const value = compile(def.valueType as z.core.$ZodType, seen);
  if (key === null || value === null || defOf(def.keyType as z.core.$ZodType).type !== "string")
    return null;
  return (v, st) => {
    if (!isPlainObject(v) || !enter(st)) return false;
    for (const k of Reflect.ownKeys(v)) {
      if (typeof k !== "string" || FORBIDDEN_KEYS.has(k) || !key(k, st)) return false;
      st.nodes--; // a key is not a value of the document
      if (!value(v[k], st)) return false;
    }
    st.depth--;
    return true;
  };
}

/**
 * Compiles a schema into a {@link FastCheck}, or returns null when some part of it cannot be
 * checked exactly (then every document takes the full parser).
 */
export function compileFastCheck(schema: z.core.$ZodType): FastCheck | null {
  const check = compile(schema, new Map());
  if (check === null) return null;
  return (value) => {
    const st: State = { nodes: 0, depth: 0 };
    return check(value, st) && st.nodes <= MAX_NODES;
  };
}
