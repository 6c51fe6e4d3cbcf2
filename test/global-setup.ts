import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

/**
 * Tests that exercise the built package (CLI, bundle sizes, browser report) need dist/. Build it once
 * before the run when it is missing, so `npm ci && npm test` works on a fresh clone. (CI builds right
 * before testing; after changing src/, run `npm run build` before those tests.)
 */
export default function setup(): void {
  const root = join(import.meta.dirname, "..");
  if (existsSync(join(root, "dist", "cli.js")) && existsSync(join(root, "dist", "index.js")))
    return;
  execFileSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" });
}
