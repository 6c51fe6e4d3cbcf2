/**
 * Depth first (issue 14, item 3): every walk over a document checks its depth before it goes a
 * level down, so a report nested thousands of levels deep (about 6 KB of text) is a typed
 * `too_deep` error with its path and the limit — in `migrateReport`, the canonical JSON writer and
 * copier, the CLI's position finder, and `icc-assess compare` / `validate` (exit 1, no stack
 * trace) — never a stack overflow reported as an internal error. Also here: `icc-assess compare`
 * given an assessment says so in one line.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { locatePaths } from "../../src/cli/locate.js";
import { canonicalCopy, canonicalJson } from "../../src/report/_canonical.js";
import { migrateReport } from "../../src/report/migrateReport.js";
import { MAX_DEPTH } from "../../src/schema/issues.js";
import { runInProcess } from "../helpers/cli.js";
import { expectAssessmentError } from "./_hostile.js";

const dir = mkdtempSync(join(tmpdir(), "icc-depth-"));
const STACK = /\n\s+at .+:\d+/;

/** A report envelope whose `x` holds `depth` nested arrays (`[[[…]]]`), as text. */
function deepReportText(depth: number, open = "[", close = "]"): string {
  return `{"formatVersion":"1.0","kind":"icc-assessment-report","x":${open.repeat(depth)}${close.repeat(depth)}}`;
}

function deepObjects(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

/** Calls `fn`, expecting an AssessmentError; returns its first issue. */
function refusal(fn: () => unknown): {
  code: string;
  path: readonly (string | number)[];
  message: string;
} {
  try {
    fn();
  } catch (e) {
    expectAssessmentError(e);
    return e.issues[0] as { code: string; path: (string | number)[]; message: string };
  }
  throw new Error("expected an AssessmentError, the call returned");
}

describe("walks check depth before they recurse", () => {
  for (const depth of [3_000, 100_000]) {
    it(`migrateReport refuses a report nested ${depth.toLocaleString("en")} levels with too_deep, its path and the limit`, () => {
      for (const doc of [
        JSON.parse(deepReportText(depth)),
        { formatVersion: "1.0", kind: "icc-assessment-report", x: deepObjects(depth) },
      ]) {
        const issue = refusal(() => migrateReport(doc));
        expect(issue.code).toBe("too_deep");
        expect(issue.path[0]).toBe("x");
        // the path of the first container past the limit: the root's child is at depth 1
        expect(issue.path).toHaveLength(MAX_DEPTH);
        expect(issue.message).toContain(String(MAX_DEPTH));
      }
    });
  }

  it("canonicalJson and canonicalCopy refuse nesting past the limit with the same path, and accept it up to the limit", () => {
    const deep = deepObjects(100_000);
    const a = refusal(() => canonicalJson(deep));
    const b = refusal(() => canonicalCopy(deep, []));
    expect(a.code).toBe("too_deep");
    expect(b).toStrictEqual(a);
    // MAX_DEPTH objects: the innermost is at depth MAX_DEPTH − 1, the last the parsers accept
    expect(() => canonicalJson(deepObjects(MAX_DEPTH))).not.toThrow();
    expect(refusal(() => canonicalJson(deepObjects(MAX_DEPTH + 1))).code).toBe("too_deep");
  });

  it("a cycle is still reported as a cycle where it closes, not as nesting", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic["self"] = { back: cyclic };
    const issue = refusal(() => canonicalJson(cyclic));
    expect([issue.code, issue.path]).toStrictEqual(["invalid_value", ["self", "back"]]);
  });

  it("locatePaths finds the position of a too_deep path in a text a million levels deep", () => {
    const text = deepReportText(1_000_000);
    const path = ["x", ...Array.from({ length: MAX_DEPTH - 1 }, () => 0)];
    const [at] = locatePaths(text, [path]);
    expect(at).toStrictEqual({ line: 1, column: 58 + MAX_DEPTH });
  });
});

describe("icc-assess on deeply nested reports", () => {
  for (const [name, text] of [
    ["arrays 3,000 deep (6 KB)", deepReportText(3_000)],
    [
      "objects 3,000 deep",
      JSON.stringify({
        formatVersion: "1.0",
        kind: "icc-assessment-report",
        x: deepObjects(3_000),
      }),
    ],
    ["arrays 100,000 deep", deepReportText(100_000)],
  ] as const) {
    it(`compare, validate and report refuse ${name} with too_deep, exit 1, no stack trace`, async () => {
      const file = join(dir, "deep.json");
      writeFileSync(file, text);
      // the same nesting in a document without a report's kind, read as an assessment
      const assessment = join(dir, "deep-assessment.json");
      writeFileSync(assessment, text.replace('"kind":"icc-assessment-report",', ""));
      for (const args of [
        ["compare", file, file],
        ["validate", "--kind", "report", file],
        ["validate", assessment],
        ["report", assessment, "--generated-at", "2021-02-15"],
      ]) {
        const r = await runInProcess(args);
        expect(r.code).toBe(1);
        expect(r.stderr).toContain("too_deep");
        expect(r.stderr).toContain(`deeper than ${MAX_DEPTH} levels`);
        expect(r.stderr).not.toMatch(STACK);
        expect(r.stderr).not.toContain("internal error");
      }
    });
  }
});

describe("parseReport on a valid report with one deep value", () => {
  it("refuses provenance parameters nested 100,000 levels with too_deep (the fast check and the full parser alike)", async () => {
    const { readFileSync } = await import("node:fs");
    const { safeParseReport } = await import("../../src/schema/parseReport.js");
    const doc = JSON.parse(
      readFileSync(new URL("../golden/v1.0/sofia-2021.report.json", import.meta.url), "utf8"),
    ) as { provenance: { parameters: Record<string, unknown> } };
    doc.provenance.parameters["needs"] = { deep: deepObjects(100_000) };
    const r = safeParseReport(doc);
    expect(r.success ? [] : r.issues.map((i) => i.code)).toStrictEqual(["too_deep"]);
  });
});

describe("icc-assess compare given assessments", () => {
  it("says the file is an assessment and how to make a report, in one issue, exit 1", async () => {
    const file = new URL("../../examples/sofia/assessment.json", import.meta.url).pathname;
    const r = await runInProcess(["compare", file, file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("1 issue");
    expect(r.stderr).toContain("is an assessment, not a report");
    expect(r.stderr).toContain("icc-assess report");
    const v = await runInProcess(["validate", "--kind", "report", file]);
    expect(v.code).toBe(1);
    expect(v.stderr).toContain("is an assessment, not a report");
  });

  it("and a report given where an assessment is read says that it is a report, exit 1", async () => {
    const file = new URL("../golden/v1.0/sofia-2021.report.json", import.meta.url).pathname;
    for (const args of [
      ["validate", file],
      ["score", file],
    ]) {
      const r = await runInProcess(args);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("is a report, not an assessment");
      expect(r.stderr).toContain("--kind report");
    }
  });
});
