import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmdirSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * Tests that exercise the built package (CLI binary, bundle sizes, browser report) read dist/.
 * Building is part of the test setup, so dist/ is never stale: before a run, dist/ is rebuilt when
 * it is missing or older than any source file, the package manifest or the build configuration.
 * Runs that start together (CI's time-zone runs, several terminals) take a lock, so one builds and
 * the others wait for it. `ICC_SKIP_BUILD=1` skips the build (tests that read dist/ then read
 * whatever is there).
 */
export default function setup(): void {
  const root = join(import.meta.dirname, "..");
  const lock = join(root, ".build-lock");
  for (let tries = 0; ; tries++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (tries > 1200)
        throw new Error(`waited 10 minutes for ${lock}; remove it if no build runs`);
      execFileSync("sleep", ["0.5"]);
    }
  }
  try {
    if (process.env["ICC_SKIP_BUILD"] !== "1" && stale(root)) build(root);
  } finally {
    rmdirSync(lock);
  }
}

/** Builds dist/; a failed build names its errors (and how to run tests that do not need dist/). */
function build(root: string): void {
  try {
    execFileSync("npm", ["run", "build"], { cwd: root, stdio: "pipe", encoding: "utf8" });
  } catch (e) {
    const out = e as { stdout?: string; stderr?: string };
    const errors = `${out.stdout ?? ""}\n${out.stderr ?? ""}`
      .split("\n")
      .filter((l) => /error/i.test(l))
      .slice(0, 20)
      .join("\n");
    throw new Error(
      `npm run build failed, so dist/ could not be rebuilt:\n${errors}\n` +
        "Tests that do not read dist/ can run without it: ICC_SKIP_BUILD=1 npx vitest run <files>",
      { cause: e },
    );
  }
}

/** The newest modification time of the files the build reads. */
function newestInput(root: string): number {
  let newest = 0;
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (!/\.test(-d)?\.ts$/.test(entry.name))
        newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  visit(join(root, "src"));
  // the CLI bundles the Sofia example (`init --example`)
  visit(join(root, "examples", "sofia"));
  for (const f of [
    "package.json",
    "tsup.config.ts",
    "scripts/build-schemas.mjs",
    "scripts/build-framework-docs.mjs",
  ])
    newest = Math.max(newest, statSync(join(root, f)).mtimeMs);
  return newest;
}

/** Whether dist/ is missing, or was built before its newest input changed. */
function stale(root: string): boolean {
  try {
    const built = Math.min(
      statSync(join(root, "dist", "index.js")).mtimeMs,
      statSync(join(root, "dist", "cli.js")).mtimeMs,
    );
    return built < newestInput(root);
  } catch {
    return true;
  }
}
