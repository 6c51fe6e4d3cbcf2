import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmdirSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * Tests that exercise the built package (CLI binary, bundle sizes, browser report) read dist/.
 * Building is part of the test setup, so dist/ is never stale: before a run, dist/ is rebuilt when
 * it is missing or older than any source file, the package manifest or the build configuration.
 * Runs that start together (CI's time-zone runs, several terminals) take a lock, so one builds and
 * the others wait for it.
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
    if (stale(root)) execFileSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" });
  } finally {
    rmdirSync(lock);
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
  for (const f of ["package.json", "tsup.config.ts", "scripts/build-schemas.mjs"])
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
