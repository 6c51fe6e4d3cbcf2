import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The Sofia example as raw JSON (a fresh copy each call, safe to mutate). */
export function sofiaJson(file = "assessment.json"): Record<string, unknown> {
  const path = fileURLToPath(new URL(`../../examples/sofia/${file}`, import.meta.url));
  return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
}
