/**
 * Fuzzing of every exported parse / safeParse function (and migrateReport, which reads documents
 * of any format version) with fast-check (fixed seed): arbitrary JSON-like values (with NaN,
 * ±Infinity, −0, undefined and prototype keys), JSON text parsed with JSON.parse, and mutations of
 * valid documents. A parse function throws nothing but a well-formed
 * AssessmentError, its safe twin never throws, no call hangs, and no prototype is polluted.
 * 10,000 values per function under TZ=UTC (see _hostile.ts: a tenth under the other time zones).
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAssessment, safeParseAssessment } from "../../src/schema/parseAssessment.js";
import { parseReport, safeParseReport } from "../../src/schema/parseReport.js";
import { defineFramework, safeDefineFramework } from "../../src/schema/defineFramework.js";
import { parseJson } from "../../src/schema/parseJson.js";
import { migrateReport } from "../../src/report/migrateReport.js";
import type { SafeParseResult } from "../../src/schema/_parse.js";
import { sofiaJson } from "../helpers/sofia.js";
import {
  errorProblem,
  expectAssessmentError,
  hostileValue,
  FUZZ_TIMEOUT_MS,
  mutated,
  parsedJsonValue,
  pollution,
  runs,
  SEED,
} from "./_hostile.js";
import { validFramework, validReport } from "./_documents.js";

// Capturing a stack trace is half the cost of a rejected value; the fuzzers need none (a failure
// reproduces from the fixed seed), so errors are created without frames while this file runs.
const stackTraceLimit = Error.stackTraceLimit;
beforeAll(() => {
  Error.stackTraceLimit = 0;
});
afterAll(() => {
  Error.stackTraceLimit = stackTraceLimit;
});

/**
 * Values for one document kind: arbitrary values, JSON text parsed, and (one in forty, as validating
 * a whole document costs fifty times more than rejecting a stray value) a mutation of a valid document.
 */
function documents(valid: unknown): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 20, arbitrary: hostileValue },
    { weight: 19, arbitrary: parsedJsonValue },
    { weight: 1, arbitrary: mutated(valid) },
  );
}

interface Pair {
  readonly name: string;
  readonly parse: (input: unknown) => unknown;
  readonly safeParse: (input: unknown) => SafeParseResult<unknown>;
  readonly valid: () => unknown;
}

const pairs: readonly Pair[] = [
  {
    name: "Assessment",
    parse: parseAssessment,
    safeParse: safeParseAssessment,
    valid: () => sofiaJson(),
  },
  { name: "Report", parse: parseReport, safeParse: safeParseReport, valid: validReport },
  {
    name: "Framework",
    parse: defineFramework,
    safeParse: safeDefineFramework,
    valid: validFramework,
  },
];

for (const pair of pairs) {
  const parseName = pair.name === "Framework" ? "defineFramework" : `parse${pair.name}`;
  describe(`${parseName} and its safe twin`, () => {
    it("accept the valid document the fuzzer mutates", () => {
      expect(pair.safeParse(pair.valid()).success).toBe(true);
    });

    it(
      "throw only AssessmentError / never throw, on 10,000 hostile values, without polluting",
      () => {
        fc.assert(
          fc.property(documents(pair.valid()), (input) => {
            const problem = ((): string | null => {
              let threw: unknown = null;
              try {
                pair.parse(input);
              } catch (e) {
                threw = e;
              }
              const thrown = threw === null ? null : errorProblem(threw);
              if (thrown !== null) return thrown;
              const r = pair.safeParse(input);
              // the two agree: what parse rejects, safeParse rejects with the same issues
              if (r.success !== (threw === null))
                return `parse ${threw === null ? "accepted" : "rejected"} but safeParse did not`;
              if (!r.success) {
                const p = errorProblem(r.error);
                if (p !== null) return p;
                if (
                  JSON.stringify(r.issues) !== JSON.stringify((threw as { issues: unknown }).issues)
                )
                  return "parse and safeParse report different issues";
              }
              return null;
            })();
            expect(problem ?? pollution()).toBeNull();
          }),
          { seed: SEED, numRuns: runs(10_000) },
        );
      },
      FUZZ_TIMEOUT_MS,
    );
  });
}

describe("migrateReport", () => {
  it("upgrades the valid report the fuzzer mutates", () => {
    expect(safeParseReport(migrateReport(validReport())).success).toBe(true);
  });

  it(
    "returns a value or throws only AssessmentError, on 10,000 hostile values, without polluting",
    () => {
      fc.assert(
        fc.property(documents(validReport()), (input) => {
          let problem: string | null = null;
          try {
            migrateReport(input);
          } catch (e) {
            problem = errorProblem(e);
          }
          expect(problem ?? pollution()).toBeNull();
        }),
        { seed: SEED, numRuns: runs(10_000) },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

describe("parseJson", () => {
  const texts = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.json({ maxDepth: 4 }),
    // truncated, doubled or edited JSON
    fc.tuple(fc.json({ maxDepth: 3 }), fc.nat(), fc.string({ maxLength: 3 })).map(([t, i, s]) => {
      const at = i % (t.length + 1);
      return t.slice(0, at) + s + t.slice(at);
    }),
    fc.constantFrom(
      '{"__proto__": {"polluted": true}}',
      '{"constructor": {"prototype": {"polluted": true}}}',
      "[1e309]",
      "-0",
      "\ufeff{}",
      "{}{}",
      "",
    ),
  );

  it(
    "returns a value or throws only AssessmentError (invalid_json, too_large), on 10,000 texts",
    () => {
      fc.assert(
        fc.property(
          texts,
          fc.option(fc.nat({ max: 50 }), { nil: undefined }),
          (text, maxLength) => {
            let problem: string | null = null;
            try {
              parseJson(text, maxLength === undefined ? {} : { maxLength });
            } catch (e) {
              problem = errorProblem(e);
              if (
                problem === null &&
                !["invalid_json", "too_large"].includes((e as { code: string }).code)
              ) {
                problem = `unexpected code ${(e as { code: string }).code}`;
              }
            }
            expect(problem ?? pollution()).toBeNull();
          },
        ),
        { seed: SEED, numRuns: runs(10_000) },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it("refuses what is not text with an AssessmentError", () => {
    fc.assert(
      fc.property(
        hostileValue.filter((v) => typeof v !== "string"),
        (value) => {
          try {
            parseJson(value as string);
            expect.unreachable("parseJson accepted a value that is not text");
          } catch (e) {
            expectAssessmentError(e);
            expect(e.code).toBe("invalid_type");
          }
        },
      ),
      { seed: SEED, numRuns: runs(1000) },
    );
  });
});
