import type { Issue } from "../errors/AssessmentError.js";
import { builtinFrameworks } from "../frameworks/builtinFrameworks.js";
import { frameworkOf } from "../_lib/frameworkOf.js";
import { markParsed } from "../_lib/parsed.js";
import { AssessmentSchema, type Assessment, type AssessmentData } from "./assessment.js";
import { checkFramework } from "./checkFramework.js";
import type { MaturityFramework } from "./framework.js";
import { runParse, type SafeParseResult } from "./_parse.js";
import type { RuleContext } from "./rules/context.js";
import { checkReferences } from "./rules/references.js";
import { checkMaturity } from "./rules/maturity.js";
import { checkNeeds } from "./rules/needs.js";
import { checkSwot } from "./rules/swot.js";
import { checkPrioritisation } from "./rules/prioritisation.js";
import { checkPlan } from "./rules/plan.js";

/** Options of {@link validateAssessment}, {@link parseAssessment} and {@link safeParseAssessment}. */
export interface ValidateAssessmentOptions {
  /**
   * Frameworks the assessment may refer to besides those it embeds. Default: the built-in
   * frameworks (`builtinFrameworks` of `icc-assessment/frameworks`). An assessment whose
   * `maturity.framework` is neither embedded nor among these is refused.
   */
  readonly frameworks?: readonly MaturityFramework[];
}

/** The result of {@link validateAssessment}. */
export interface ValidateAssessmentResult {
  /** Whether the document is accepted (no errors; warnings allowed). */
  readonly valid: boolean;
  /** Every problem that refuses the document, each with its path. */
  readonly errors: readonly Issue[];
  /** What is legal but probably wrong, each with its path. */
  readonly warnings: readonly Issue[];
}

/** The semantic rules, each a module of `rules/`, run in this order on a shape-valid document. */
const RULES: readonly ((ctx: RuleContext) => void)[] = [
  checkReferences,
  checkMaturity,
  checkNeeds,
  checkSwot,
  checkPrioritisation,
  checkPlan,
];

function semantic(options: ValidateAssessmentOptions) {
  return (a: AssessmentData) => {
    const ctx: RuleContext = { a, framework: undefined, errors: [], warnings: [] };
    const embedded = a.frameworks ?? [];
    embedded.forEach((f, i) => {
      for (const issue of checkFramework(f))
        ctx.errors.push({ ...issue, path: ["frameworks", i, ...issue.path] });
    });
    const others = options.frameworks ?? builtinFrameworks;
    const framework = frameworkOf(a, others);
    if (a.maturity !== undefined) {
      const { id, version } = a.maturity.framework;
      const known = [...embedded, ...others];
      if (framework === undefined) {
        const sameId = known.filter((f) => f.id === id).map((f) => f.version);
        ctx.errors.push({
          code: "unknown_reference",
          path: ["maturity", "framework"],
          message:
            sameId.length > 0
              ? `framework ${JSON.stringify(id)} has no version ${JSON.stringify(version)}; known versions: ${sameId.join(", ")}`
              : `unknown framework ${JSON.stringify(`${id}@${version}`)}: embed it in "frameworks" or pass it to the validator (known: ${known.map((f) => `${f.id}@${f.version}`).join(", ")})`,
        });
      }
    }
    const full: RuleContext = { ...ctx, framework };
    for (const rule of RULES) rule(full);
    return { errors: full.errors, warnings: full.warnings };
  };
}

/** Parses and checks an assessment; on success the data is fresh, frozen and marked as parsed. */
export function checkAssessment(
  input: unknown,
  options: ValidateAssessmentOptions,
): SafeParseResult<Assessment> {
  const r = runParse(AssessmentSchema, input, "assessment", semantic(options), {
    versioned: true,
  });
  return r.success ? { ...r, data: markParsed(r.data, "assessment") } : r;
}

/**
 * Checks an assessment document and reports every problem at once: errors that refuse it and
 * warnings about what is legal but probably wrong, each with its `code`, its `path` in the document
 * as written, and a message saying what was expected and what was got.
 *
 * This is the one place that decides whether a document is acceptable: everything any stage
 * function, `createReport` or the CLI would refuse about the document is checked here, so a
 * document it accepts goes through every stage. Rules, in order: bounded size and depth and no
 * prototype keys; a supported `formatVersion` major (1); the shape (unknown keys, strict
 * `YYYY-MM-DD` dates, money as decimal strings with an ISO 4217 currency, no NaN or Infinity);
 * then, on a document of the right shape: embedded frameworks sound, unique ids and resolving
 * references, the maturity answers against their framework, needs, SWOT, the prioritisation
 * inputs, and the plan (dates, durations, dependencies, currencies). The rules and the warning
 * codes are listed in docs/data-format.md. Designed by this project.
 *
 * @param input - a parsed JSON value
 * @param options - frameworks the assessment may refer to (default: the built-in ones)
 * @returns `{ valid, errors, warnings }`
 * @throws never
 * @example
 * ```ts
 * import { validateAssessment } from "icc-assessment/schema";
 * const r = validateAssessment({ formatVersion: "1.0" });
 * r.valid; // => false
 * r.errors[0]?.path; // => ["city"]
 * ```
 */
export function validateAssessment(
  input: unknown,
  options: ValidateAssessmentOptions = {},
): ValidateAssessmentResult {
  const r = checkAssessment(input, options);
  return r.success
    ? { valid: true, errors: [], warnings: r.warnings }
    : { valid: false, errors: r.issues, warnings: r.warnings };
}
