import { describe, fail } from "../_lib/assert.js";
import type { MaturityFramework } from "../schema/framework.js";
import { builtinFrameworks } from "./builtinFrameworks.js";

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Options of {@link getFramework}. */
export interface GetFrameworkOptions {
  /**
   * The frameworks to search, e.g. the built-in ones plus those an assessment embeds. Default:
   * {@link builtinFrameworks}.
   */
  readonly frameworks?: readonly MaturityFramework[];
}

/**
 * A framework by id and, optionally, version — by default among the built-in ones. Without a
 * version, the highest version of that id (compared numerically, part by part). Designed by this
 * project.
 *
 * @param id - the framework id, e.g. `"icc-citizen-participation"`
 * @param version - the exact version, e.g. `"1.0.0"`
 * @param options - the frameworks to search (default: the built-in ones)
 * @returns the framework (a shared object: treat it as read-only)
 * @throws AssessmentError `invalid_type` for an id, version or list of the wrong type;
 *   `unknown_reference` for an unknown id (path `["id"]`) or version (path `["version"]`)
 * @example
 * ```ts
 * import { getFramework } from "icc-assessment/frameworks";
 * getFramework("un-losi-2022").title; // => "UN Local Online Service Index (LOSI) 2022"
 * getFramework("icc-citizen-participation", "1.0.0").provenance; // => "designed"
 * ```
 */
export function getFramework(
  id: string,
  version?: string,
  options: GetFrameworkOptions = {},
): MaturityFramework {
  if (typeof id !== "string")
    fail("invalid_type", ["id"], `id must be a string, got ${describe(id)}`);
  if (version !== undefined && typeof version !== "string") {
    fail("invalid_type", ["version"], `version must be a string, got ${describe(version)}`);
  }
  const all = options.frameworks ?? builtinFrameworks;
  if (!Array.isArray(all)) {
    fail(
      "invalid_type",
      ["options", "frameworks"],
      `options.frameworks must be an array, got ${describe(all)}`,
    );
  }
  const same = all.filter((f) => typeof f === "object" && f !== null && f.id === id);
  if (same.length === 0) {
    fail(
      "unknown_reference",
      ["id"],
      `unknown framework ${JSON.stringify(id)}; known: ${all.map((f) => f.id).join(", ")}`,
    );
  }
  if (version === undefined) {
    return [...same].sort((a, b) => compareVersions(b.version, a.version))[0] as MaturityFramework;
  }
  const exact = same.find((f) => f.version === version);
  if (!exact) {
    fail(
      "unknown_reference",
      ["version"],
      `framework ${JSON.stringify(id)} has no version ${JSON.stringify(version)}; available: ${same.map((f) => f.version).join(", ")}`,
    );
  }
  return exact;
}
