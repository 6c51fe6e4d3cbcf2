/**
 * Fuzzing of `icc-assess validate` in process (runCli with stdout and stderr captured; fixed seed):
 * 10,000 files of arbitrary text, JSON values and mutated Sofia documents under TZ=UTC (a tenth
 * under the other time zones, see _hostile.ts). Every run exits 0 or 1, never throws, never prints
 * a stack trace, and pollutes no prototype. Huge and deeply nested files end with a clear error.
 */
import { mkdtempSync, openSync, closeSync, ftruncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_FILE_BYTES } from "../../src/cli/io.js";
import { runInProcess } from "../helpers/cli.js";
import { sofiaJson } from "../helpers/sofia.js";
import {
  hostileValue,
  FUZZ_TIMEOUT_MS,
  mutated,
  parsedJsonValue,
  pollution,
  runs,
  SEED,
} from "./_hostile.js";
import { validReport } from "./_documents.js";

const dir = mkdtempSync(join(tmpdir(), "icc-adversarial-"));
const file = join(dir, "input.json");

/** Runs `icc-assess validate` on `text`; returns the exit code and what it printed. */
async function validate(
  text: string,
  args: readonly string[] = [],
): Promise<{ code: number; out: string; err: string }> {
  writeFileSync(file, text);
  const r = await runInProcess(["validate", file, ...args]);
  return { code: r.code, out: r.stdout, err: r.stderr };
}

const STACK = /\n\s+at .+:\d+/;

/** File contents: mostly arbitrary values and text; one in forty a mutated Sofia assessment or report. */
const texts: fc.Arbitrary<string> = fc.oneof(
  { weight: 40, arbitrary: hostileValue.map((v) => JSON.stringify(v) ?? "undefined") },
  { weight: 30, arbitrary: parsedJsonValue.map((v) => JSON.stringify(v)) },
  { weight: 8, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: mutated(sofiaJson()).map((v) => JSON.stringify(v) ?? "") },
  { weight: 1, arbitrary: mutated(validReport()).map((v) => JSON.stringify(v) ?? "") },
);

describe("icc-assess validate under fuzzing", () => {
  it(
    "exits 0 or 1 without a stack trace on 10,000 arbitrary files",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          texts,
          fc.constantFrom<readonly string[]>(
            [],
            ["--kind", "report"],
            ["--json"],
            ["--kind", "report", "--json"],
          ),
          async (text, args) => {
            const r = await validate(text, args);
            let problem: string | null = null;
            if (r.code !== 0 && r.code !== 1) problem = `exit ${r.code}: ${r.err}`;
            else if (STACK.test(r.err) || STACK.test(r.out))
              problem = `stack trace printed: ${r.err}`;
            else if (r.code === 1 && !args.includes("--json") && !/ at /.test(r.err)) {
              problem = `exit 1 without an issue and its path: ${r.err}`;
            } else if (args.includes("--json")) {
              const parsed = JSON.parse(r.out) as { valid: boolean; issues: unknown[] };
              if (parsed.valid !== (r.code === 0))
                problem = "--json says otherwise than the exit code";
            }
            expect(problem ?? pollution()).toBeNull();
          },
        ),
        { seed: SEED, numRuns: runs(10_000) },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it("refuses a file over its size limit before reading it (too_large, exit 1)", async () => {
    const huge = join(dir, "huge.json");
    // a sparse file: its size is past the limit without writing 100 MB
    const fd = openSync(huge, "w");
    ftruncateSync(fd, MAX_FILE_BYTES + 1);
    closeSync(fd);
    const r = await runInProcess(["validate", huge]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("too_large");
    expect(r.stderr).not.toMatch(STACK);
  });

  it("refuses a file of 40 MB of numbers (under the size limit, over the value limit) with too_large", async () => {
    const r = await validate(`[${"0,".repeat(20_000_000)}0]`);
    expect(r.code).toBe(1);
    expect(r.err).toContain("too_large");
  });

  for (const [name, text] of [
    ["arrays", `${"[".repeat(10_000)}${"]".repeat(10_000)}`],
    ["objects", `${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}`],
  ] as const) {
    it(`refuses ${name} nested 10,000 levels deep with too_deep, exit 1`, async () => {
      const r = await validate(text);
      expect(r.code).toBe(1);
      expect(r.err).toContain("too_deep");
      expect(r.err).not.toMatch(STACK);
    });
  }
});
