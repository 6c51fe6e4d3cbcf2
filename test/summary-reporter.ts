import { appendFileSync } from "node:fs";
import type { Reporter, TestModule } from "vitest/node";

/**
 * Adds one plain closing line that CI log parsers understand, after all of vitest's output
 * (including the coverage table and threshold errors, which vitest prints after onTestRunEnd):
 *   tests: 7 passed, 0 failed, 1 skipped
 */
export default class SummaryLineReporter implements Reporter {
  private line: string | undefined;

  constructor() {
    // stdout writes to files and pipes are synchronous on Linux, so this is safe in an exit handler
    process.once("exit", () => {
      if (this.line !== undefined) process.stdout.write(this.line);
    });
  }

  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<unknown>,
  ): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      let count = 0;
      for (const test of mod.children.allTests()) {
        count++;
        const state = test.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failed++;
        else skipped++;
      }
      // a test file that failed to load (syntax error, bad import) has no tests: count it as one failure
      if (count === 0 && mod.state() === "failed") failed++;
    }
    failed += unhandledErrors.length;
    this.line = `\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`;
    // .ci/run runs the suite under several time zones and sums these lines into its own closing line
    const file = process.env["TEST_SUMMARY_FILE"];
    if (file) appendFileSync(file, `${passed} ${failed} ${skipped}\n`);
  }
}
