/**
 * Shared tools of the adversarial tests: hostile JSON-like values, mutations of valid documents,
 * a deep scan for non-finite numbers, and a prototype-pollution check. Every run uses a fixed seed.
 */
import fc from "fast-check";
import { expect } from "vitest";
import { AssessmentError } from "../../src/errors/AssessmentError.js";
import { errorCodes } from "../../src/errors/codes.js";

/** The seed of every fuzzer (fixed, so a failure reproduces). */
export const SEED = 20_210_208;

/**
 * The full run counts run only under TZ=UTC (or TZ unset): CI runs the suite under four time
 * zones and these tests do not depend on the time zone, so the other three runs use a tenth.
 */
export const FULL = process.env["TZ"] === undefined || process.env["TZ"] === "UTC";
/** `n` runs under UTC, a tenth otherwise. */
export function runs(n: number): number {
  return FULL ? n : Math.max(1, Math.round(n / 10));
}

/** Keys that reach prototypes, keys of the domain, and keys JavaScript objects already have. */
export const interestingKeys = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "formatVersion",
  "kind",
  "$schema",
  "city",
  "programme",
  "track",
  "id",
  "name",
  "title",
  "country",
  "solutions",
  "needs",
  "stakeholders",
  "workshops",
  "criteria",
  "scores",
  "ballots",
  "amount",
  "currency",
  "start",
  "end",
  "duration",
  "months",
  "value",
  "weight",
  "sections",
  "provenance",
  "dimensions",
  "indicators",
  "levels",
  "min",
  "max",
  "type",
  "ranking",
] as const;

/** Strings that have broken parsers before. */
export const interestingStrings = [
  "",
  "1.0",
  "1.9",
  "2.0",
  "1",
  "icc-assessment-report",
  "2021-02-08",
  "2021-02-30",
  "2021-2-8",
  "9999-12-31",
  "EUR",
  "eur",
  "125000.00",
  "1e309",
  "NaN",
  "Infinity",
  "-0",
  "0x10",
  "<script>alert(1)</script>",
  "__proto__",
  "constructor",
  "\u0000",
  "\ud800",
  "x".repeat(10_001),
] as const;

const numberArb = fc.oneof(
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 0, 1, -1, 1e308, -1e308, 5e-324, 2 ** 53),
  fc.double(),
  fc.integer(),
);

/** A key: mostly interesting keys, sometimes any string. */
export const keyArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...interestingKeys) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

/** An object with own properties set as JSON.parse sets them (a `__proto__` key is an own property). */
function objectFrom(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return o;
}

const { value: hostileArb } = fc.letrec<{ value: unknown; leaf: unknown }>((tie) => ({
  leaf: fc.oneof(
    fc.constant(null),
    fc.boolean(),
    numberArb,
    fc.constantFrom(...interestingStrings),
    fc.string({ maxLength: 20 }),
    fc.constant(undefined),
  ),
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 3, arbitrary: tie("leaf") },
    { weight: 1, arbitrary: fc.array(tie("value"), { maxLength: 5 }) },
    {
      weight: 2,
      arbitrary: fc.array(fc.tuple(keyArb, tie("value")), { maxLength: 6 }).map(objectFrom),
    },
  ),
}));

/** Arbitrary JSON-like values, including what JSON cannot carry (NaN, ±Infinity, −0, undefined). */
export const hostileValue: fc.Arbitrary<unknown> = hostileArb;

/** Values of JSON text parsed with JSON.parse (what a file holds). */
export const parsedJsonValue: fc.Arbitrary<unknown> = fc
  .json({ maxDepth: 4 })
  .map((t) => JSON.parse(t) as unknown);

/** Every path to a value inside `doc` (objects and arrays walked; the root excluded). */
export function pathsOf(
  doc: unknown,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
) {
  if (Array.isArray(doc)) {
    doc.forEach((v, i) => {
      out.push([...prefix, i]);
      pathsOf(v, [...prefix, i], out);
    });
  } else if (doc !== null && typeof doc === "object") {
    for (const [k, v] of Object.entries(doc)) {
      out.push([...prefix, k]);
      pathsOf(v, [...prefix, k], out);
    }
  }
  return out;
}

type Mutation = "replace" | "delete" | "addKey" | "empty" | "duplicate";

/**
 * Mutations of a valid document: at a random place, replace the value by a hostile one, delete
 * it, add a hostile key next to it, empty it, or duplicate an array item. Each value is a fresh copy.
 */
export function mutated(doc: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(doc);
  // valid documents are JSON: a fresh copy from the text is cheaper than structuredClone
  const text = JSON.stringify(doc);
  return fc
    .tuple(
      fc.nat({ max: Math.max(0, paths.length - 1) }),
      fc.constantFrom<Mutation>("replace", "replace", "delete", "addKey", "empty", "duplicate"),
      hostileValue,
      keyArb,
    )
    .map(([i, kind, value, key]) => {
      const copy = JSON.parse(text) as Record<string | number, unknown>;
      const path = paths[i];
      if (path === undefined) return value;
      let parent: Record<string | number, unknown> = copy;
      for (const seg of path.slice(0, -1)) parent = parent[seg] as Record<string | number, unknown>;
      const last = path[path.length - 1] as string | number;
      const target = parent[last];
      switch (kind) {
        case "replace":
          parent[last] = value;
          break;
        case "delete":
          if (Array.isArray(parent)) parent.splice(last as number, 1);
          else Reflect.deleteProperty(parent, last);
          break;
        case "addKey":
          if (target !== null && typeof target === "object" && !Array.isArray(target)) {
            Object.defineProperty(target, key, {
              value,
              enumerable: true,
              writable: true,
              configurable: true,
            });
          } else parent[last] = value;
          break;
        case "empty":
          parent[last] = Array.isArray(target) ? [] : typeof target === "object" ? {} : "";
          break;
        case "duplicate":
          if (Array.isArray(target) && target.length > 0) {
            target.push(JSON.parse(JSON.stringify(target[0])) as unknown);
          } else parent[last] = value;
          break;
      }
      return copy;
    });
}

/** Where a non-finite number (or a -0, or a Decimal that is not finite) sits in a result, or null. */
export function findNonFinite(
  value: unknown,
  path = "result",
  seen = new Set<unknown>(),
): string | null {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return `${path} is ${value}`;
    if (Object.is(value, -0)) return `${path} is -0`;
    return null;
  }
  if (typeof value === "string") {
    return value === "NaN" || value === "Infinity" || value === "-Infinity"
      ? `${path} is the string ${value}`
      : null;
  }
  if (value === null || typeof value !== "object" || seen.has(value)) return null;
  seen.add(value);
  const maybeDecimal = value as { isFinite?: unknown; toFixed?: unknown; d?: unknown };
  if (
    typeof maybeDecimal.isFinite === "function" &&
    typeof maybeDecimal.toFixed === "function" &&
    "d" in maybeDecimal
  ) {
    return (maybeDecimal.isFinite as () => boolean).call(value)
      ? null
      : `${path} is a non-finite Decimal`;
  }
  if (value instanceof Map) {
    for (const [k, v] of value) {
      const found = findNonFinite(v, `${path}.get(${String(k)})`, seen);
      if (found) return found;
    }
    return null;
  }
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const list = value as ArrayLike<unknown>;
    for (let i = 0; i < list.length; i++) {
      const found = findNonFinite(list[i], `${path}[${i}]`, seen);
      if (found) return found;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    const found = findNonFinite(v, `${path}.${k}`, seen);
    if (found) return found;
  }
  return null;
}

const protoNames = (): string =>
  `${Object.getOwnPropertyNames(Object.prototype).sort().join(",")}|${Object.getOwnPropertyNames(Array.prototype).sort().join(",")}`;
const cleanProtos = protoNames();

/** What was added to Object.prototype or Array.prototype, or null when nothing was. */
export function pollution(): string | null {
  if (({} as Record<string, unknown>)["polluted"] !== undefined) return "({}).polluted is set";
  const now = protoNames();
  return now === cleanProtos ? null : `prototypes changed: ${now}`;
}

/** Asserts that nothing was added to Object.prototype or Array.prototype. */
export function expectNoPollution(): void {
  expect(pollution()).toBeNull();
}

/**
 * What is wrong with a thrown value that should be a well-formed AssessmentError (known codes,
 * non-empty issues, JSON paths of strings and numbers, non-empty messages), or null. Plain checks,
 * cheap enough for every fuzz run.
 */
export function errorProblem(e: unknown): string | null {
  if (!(e instanceof AssessmentError)) {
    return `expected an AssessmentError, got ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ""}` : String(e)}`;
  }
  const codes: readonly string[] = errorCodes;
  if (!codes.includes(e.code)) return `unknown error code ${e.code}`;
  if (!Array.isArray(e.issues) || e.issues.length === 0) return "an AssessmentError without issues";
  for (const issue of e.issues) {
    if (!codes.includes(issue.code)) return `unknown issue code ${issue.code}`;
    if (!Array.isArray(issue.path)) return `issue path is not an array: ${String(issue.path)}`;
    for (const seg of issue.path) {
      if (typeof seg !== "string" && typeof seg !== "number")
        return `path segment of type ${typeof seg}`;
    }
    if (typeof issue.message !== "string" || issue.message.length === 0)
      return "an issue without a message";
  }
  return null;
}

/** Asserts a well-formed AssessmentError (see {@link errorProblem}). */
export function expectAssessmentError(e: unknown): asserts e is AssessmentError {
  expect(errorProblem(e)).toBeNull();
}

/** Timeout of a whole 10,000-run fuzzer (a few seconds on an idle machine; CI may be loaded). */
export const FUZZ_TIMEOUT_MS = 240_000;
