import { readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

/**
 * The tests whose results could depend on the host's time zone: calendar arithmetic, horizons,
 * schedules, plans, reports (their dates and bytes) and the CLI (the one clock it reads). CI runs
 * the whole suite once under UTC and these again under zones that skipped or repeated a day
 * (`TEST_SUBSET=dates`, see .ci/run); everything else computes nothing from a zone.
 */
const dateTests = [
  "src/_lib/dates.test.ts",
  "src/timeline/**/*.test.ts",
  "src/actions/**/*.test.ts",
  "src/schema/rules/plan.test.ts",
  "src/report/createReport.test.ts",
  "test/golden/**/*.test.ts",
  "test/cli/cli.test.ts",
];

export default defineConfig({
  define: { __VERSION__: JSON.stringify(pkg.version) },
  test: {
    include:
      process.env["TEST_SUBSET"] === "dates"
        ? dateTests
        : ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    globalSetup: ["./test/global-setup.ts"],
    testTimeout: 60_000,
    benchmark: { include: ["bench/**/*.bench.ts"] },
    // "default" keeps vitest's normal output; the second prints "tests: N passed, N failed, N skipped"
    reporters: ["default", "./test/summary-reporter.ts"],
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      exclude: ["src/cli/main.ts", "src/**/*.test.ts", "src/**/*.test-d.ts"],
      reporter: ["text-summary", "json-summary"],
      reportsDirectory: "coverage",
      // issue 8: src/ (the CLI entry aside) at least 95 % of lines and 90 % of branches; CI runs
      // the suite with coverage under TZ=UTC (.ci/run), so a drop fails the build. Held higher:
      // lines 99.4, branches 96.5, functions 99.3, statements 99.2 were measured when raised
      thresholds: { lines: 98, branches: 95, functions: 98, statements: 98 },
    },
  },
});
