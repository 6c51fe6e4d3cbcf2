import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
const define = { __VERSION__: JSON.stringify(pkg.version) };

const stages = [
  "schema",
  "frameworks",
  "maturity",
  "needs",
  "swot",
  "prioritisation",
  "timeline",
  "actions",
  "report",
  "io",
  "benchmark",
] as const;

export default defineConfig([
  {
    // library: ESM + CJS + .d.ts/.d.cts for the root and each stage subpath
    entry: {
      index: "src/index.ts",
      ...Object.fromEntries(stages.map((s) => [s, `src/${s}/index.ts`])),
    },
    format: ["esm", "cjs"],
    // tsup 8.5.1 injects `baseUrl: "."` into the dts build; TypeScript 6 rejects it (TS5101)
    // unless deprecations are acknowledged. Scoped to the dts build only.
    dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
    sourcemap: true,
    clean: false,
    target: "node20",
    platform: "neutral",
    splitting: true,
    treeshake: true,
    define,
  },
  {
    // CLI: ESM only; the shebang is the first line of src/cli/main.ts
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    dts: false,
    sourcemap: false,
    clean: false,
    target: "node20",
    platform: "node",
    define,
  },
]);
