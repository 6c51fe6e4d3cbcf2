import type { MaturityFramework } from "../schema/framework.js";
import { iccCitizenParticipation } from "./iccCitizenParticipation.js";
import { unLosi2022 } from "./unLosi2022.js";

/**
 * Every framework the library ships, in a stable order: `icc-citizen-participation` 1.0.0
 * (designed by this project) and `un-losi-2022` 1.0.0 (the documented UN LOSI 2022 structure, with
 * placeholders). Pass them to `parseAssessment(input, { frameworks: builtinFrameworks })` to check
 * an assessment's references. Treat them as read-only: they are shared objects.
 *
 * @example
 * ```ts
 * import { builtinFrameworks } from "icc-assessment/frameworks";
 * builtinFrameworks.map((f) => `${f.id}@${f.version}`); // => ["icc-citizen-participation@1.0.0", "un-losi-2022@1.0.0"]
 * ```
 */
export const builtinFrameworks: readonly MaturityFramework[] = [
  iccCitizenParticipation,
  unLosi2022,
];
