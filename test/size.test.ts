/**
 * Bundle budgets: importing one computation function from its subpath, bundled with everything it
 * pulls in (esbuild, minified, brotli), stays under its budget and pulls in no zod; imported from
 * the root entry it costs the same (the root is tree-shaken). Functions that
 * handle money may add decimal.js, and their entry says so: for them the budget applies to the
 * bundle without decimal.js, and the whole bundle may be larger by decimal.js alone. The root entry
 * is measured twice, with its dependencies bundled and with them external; the library's own code
 * (dependencies external) is held to a stated 100 kB: issue 8's target of 40 kB for the whole root
 * entry is not met (89.4 kB own code, 117.5 kB with dependencies: the root re-exports every stage;
 * see docs/decisions/0601). Bundles the BUILT files (dist/), as a user's bundler
 * does; the global setup builds dist when it is stale. The numbers are printed (see
 * docs/performance.md).
 */
import { brotliCompressSync } from "node:zlib";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

interface Entry {
  readonly subpath: string;
  readonly names: readonly string[];
  /** Brotli budget in bytes (for a `decimal` entry: without decimal.js). */
  readonly limit: number;
  /** Handles money: decimal.js may appear, on top of the budget. */
  readonly decimal?: boolean;
  /** A schema entry: zod is expected. */
  readonly zod?: boolean;
}

const KB = 1000;
const DEPENDENCIES = ["zod", "zod/*", "date-fns", "date-fns/*", "decimal.js"];

/** Each entry: a subpath, the names imported, the brotli budget, and whether decimal.js / zod may appear. */
export const entries: readonly Entry[] = [
  { subpath: "icc-assessment/prioritisation", names: ["topsis"], limit: 8 * KB },
  { subpath: "icc-assessment/prioritisation", names: ["weightedSum"], limit: 8 * KB },
  { subpath: "icc-assessment/prioritisation", names: ["ahpWeights"], limit: 8 * KB },
  { subpath: "icc-assessment/prioritisation", names: ["rankStability"], limit: 8 * KB },
  { subpath: "icc-assessment/maturity", names: ["scoreMaturity"], limit: 8 * KB },
  { subpath: "icc-assessment/maturity", names: ["normalise"], limit: 8 * KB },
  { subpath: "icc-assessment/maturity", names: ["aggregate"], limit: 8 * KB },
  { subpath: "icc-assessment/timeline", names: ["bucketByHorizon"], limit: 8 * KB },
  { subpath: "icc-assessment/timeline", names: ["scheduleSteps"], limit: 8 * KB },
  { subpath: "icc-assessment/needs", names: ["rankNeeds"], limit: 8 * KB },
  { subpath: "icc-assessment/swot", names: ["buildSwot"], limit: 8 * KB },
  { subpath: "icc-assessment/frameworks", names: ["egdi"], limit: 8 * KB },
  // the action-plan builder runs the timeline stage (horizons, schedules, period views) and checks its
  // input: a stated larger budget (measured 10.5 kB without decimal.js; 8.2 kB even with every
  // string literal blanked). It misses the 8 kB target of issue 8, which waits on the owner's
  // decision (docs/decisions/0601).
  { subpath: "icc-assessment/actions", names: ["buildActionPlan"], limit: 12 * KB, decimal: true },
  { subpath: "icc-assessment/actions", names: ["allocateBudget"], limit: 8 * KB, decimal: true },
  // the report renderer formats every section (tables, inline SVG charts, labels in two languages):
  // a stated larger budget (measured 16.8 kB when it was set; see docs/performance.md)
  { subpath: "icc-assessment/report", names: ["renderHtml"], limit: 20 * KB },
  // the schema is the one module built on zod: its budget includes zod mini and zod's English
  // messages (about 11 kB), the built-in frameworks every assessment is checked against by default
  // (about 8 kB) and the semantic rules of validateAssessment (issue 13: 19.8 kB before them, 39.6 kB
  // measured with them); money is parsed into decimal.js
  {
    subpath: "icc-assessment/schema",
    names: ["parseAssessment"],
    limit: 42 * KB,
    zod: true,
    decimal: true,
  },
];

interface Measured {
  readonly brotli: number;
  /** The files whose code is in the bundle (tree-shaken files that contribute nothing are left out). */
  readonly inputs: readonly string[];
  /** The names the bundle exports. */
  readonly exports: readonly string[];
}

async function bundle(contents: string, external: readonly string[] = []): Promise<Measured> {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    conditions: ["import"],
    external: [...external],
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  // e.g. "Import "x" will always be undefined": a name the subpath does not export
  const undefinedImports = result.warnings.filter((w) => w.id === "import-is-undefined");
  if (undefinedImports.length > 0) throw new Error(undefinedImports.map((w) => w.text).join("; "));
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const output = Object.values(result.metafile.outputs)[0];
  const inputs = Object.entries(output?.inputs ?? {})
    .filter(([, v]) => v.bytesInOutput > 0)
    .map(([k]) => k);
  return { brotli: brotliCompressSync(code).length, inputs, exports: output?.exports ?? [] };
}

const from = (inputs: readonly string[], pkg: string): string[] =>
  inputs.filter((i) => i.includes(`node_modules/${pkg}/`));
const kB = (n: number): string => `${(n / KB).toFixed(1)} kB`;

describe("bundle size", () => {
  for (const entry of entries) {
    const what = `{ ${entry.names.join(", ")} } from ${entry.subpath}`;
    it(`${what} is at most ${entry.limit / KB} kB brotli${entry.zod ? "" : " with no zod"}${entry.decimal ? " (plus decimal.js: handles money)" : ""}`, async () => {
      // import, then export: esbuild fails on an import the subpath does not export
      const list = entry.names.join(", ");
      const contents = `import { ${list} } from "${entry.subpath}";\nexport { ${list} };`;
      const all = await bundle(contents);
      expect([...all.exports].sort()).toStrictEqual([...entry.names].sort());
      // the root re-exports every stage and is tree-shaken like the subpath: the same function
      // imported from "icc-assessment" costs the same (minifier names differ by a few bytes)
      const fromRoot = await bundle(contents.replace(`"${entry.subpath}"`, `"icc-assessment"`));
      expect(Math.abs(fromRoot.brotli - all.brotli)).toBeLessThanOrEqual(
        Math.max(200, all.brotli * 0.01),
      );
      if (!entry.zod) expect(from(all.inputs, "zod")).toStrictEqual([]);
      else expect(from(all.inputs, "zod").length).toBeGreaterThan(0);
      if (!entry.decimal) {
        expect(from(all.inputs, "decimal.js")).toStrictEqual([]);
        console.log(`size ${what}: ${kB(all.brotli)} brotli`);
        expect(all.brotli).toBeLessThanOrEqual(entry.limit);
        return;
      }
      const own = await bundle(contents, ["decimal.js"]);
      const decimal = await bundle(`export { Decimal } from "decimal.js";`);
      console.log(
        `size ${what}: ${kB(own.brotli)} brotli without decimal.js, ${kB(all.brotli)} with it (decimal.js alone ${kB(decimal.brotli)})`,
      );
      expect(own.brotli).toBeLessThanOrEqual(entry.limit);
      expect(all.brotli).toBeLessThanOrEqual(entry.limit + decimal.brotli);
    });
  }

  it("the root entry's own code (dependencies external) is at most 100 kB brotli", async () => {
    const contents = `export * from "icc-assessment";`;
    const own = await bundle(contents, DEPENDENCIES);
    const all = await bundle(contents);
    // the root re-exports every stage (DESIGN.md), so it is the whole library: the number is
    // printed and reported in docs/performance.md
    console.log(
      `size root entry: ${kB(own.brotli)} brotli without dependencies, ${kB(all.brotli)} with them bundled`,
    );
    expect(DEPENDENCIES.some((d) => from(own.inputs, d.replace("/*", "")).length > 0)).toBe(false);
    // stated budget, a regression guard; the 40 kB target of issue 8 is not met (see docs/performance.md)
    expect(own.brotli).toBeLessThanOrEqual(100 * KB);
  });
});
