import * as z from "zod/mini";
import type { Issue, PathSegment } from "../errors/AssessmentError.js";
import { builtinFrameworks } from "../frameworks/builtinFrameworks.js";
import { markParsed, type Parsed } from "../_lib/parsed.js";
import { FormatVersionSchema } from "./version.js";
import { described as d, IsoDateSchema, list, ref, shortString, withMeta } from "./common.js";
import { ObservationSchema } from "./entities.js";
import type { MaturityFramework } from "./framework.js";
import { runParse, type SafeParseResult } from "./_parse.js";
import { questionsOf, readObservations, type ObservationPath } from "./rules/maturity.js";
import { FORMAT_VERSION } from "./vocabularies.js";
import { ANSWERS_FORMAT } from "../_lib/formats.js";

const AnswersShape = z.strictObject({
  $schema: z.optional(
    d(shortString(2000), "The JSON Schema of this file, for editors' completion; not checked."),
  ),
  format: withMeta(z.literal(ANSWERS_FORMAT), {
    description: 'Always "icc-assessment/answers".',
  }),
  formatVersion: d(FormatVersionSchema, 'The answers file format version, "MAJOR.MINOR".'),
  framework: withMeta(
    z.strictObject({
      id: ref("the framework answered (a built-in one, or one passed to the parser)"),
      version: d(shortString(20), "The framework's exact version."),
    }),
    {
      description: "The framework answered: its id and exact version.",
    },
  ),
  answeredOn: z.optional(IsoDateSchema),
  observations: withMeta(list(ObservationSchema, 1_000_000), {
    description:
      "The answers, as an assessment's maturity.observations carries them (value null: not answered).",
  }),
  respondents: z.optional(
    withMeta(
      list(
        z.strictObject({
          unit: ref("the unit (city) whose respondents are counted"),
          count: d(
            z.number().check(z.int(), z.gte(1)),
            "How many respondents answered for the unit.",
          ),
        }),
        100_000,
      ),
      { description: "How many people's answers were combined into each unit's answers." },
    ),
  ),
});

/**
 * An answers file: the answers to one framework's questions for one or more units (cities), as the
 * offline questionnaire form saves them and the survey importers write them. Designed by this
 * project.
 */
export const AnswersSchema = withMeta(AnswersShape, {
  title: "ICC questionnaire answers",
  description: `Answers to a maturity framework's questions (icc-assessment answers format ${FORMAT_VERSION}): observations as an assessment's maturity.observations carries them.`,
});

/** An answers file as the schema shapes it, before the semantic rules. */
export type AnswersData = z.output<typeof AnswersSchema>;
/** A parsed answers file: the fresh, frozen value {@link parseAnswers} returns. */
export type Answers = Parsed<AnswersData, "answers">;
/** An answers file as written in JSON. */
export type AnswersInput = z.input<typeof AnswersSchema>;

/** Options of {@link parseAnswers} and {@link safeParseAnswers}. */
export interface ParseAnswersOptions {
  /**
   * The frameworks the answers may refer to. Default: the built-in frameworks
   * (`builtinFrameworks` of `icc-assessment/frameworks`).
   */
  readonly frameworks?: readonly MaturityFramework[];
}

const at: ObservationPath = (i, ...rest) => ["observations", i, ...rest];
const q = JSON.stringify;

function semantic(options: ParseAnswersOptions) {
  return (a: AnswersData) => {
    const errors: Issue[] = [];
    const known = options.frameworks ?? builtinFrameworks;
    const { id, version } = a.framework;
    const fw = known.find((f) => f.id === id && f.version === version);
    if (fw === undefined) {
      const sameId = known.filter((f) => f.id === id).map((f) => f.version);
      errors.push({
        code: "unknown_reference",
        path: ["framework"],
        message:
          sameId.length > 0
            ? `framework ${q(id)} has no version ${q(version)}; known versions: ${sameId.join(", ")}`
            : `unknown framework ${q(`${id}@${version}`)} (known: ${known.map((f) => `${f.id}@${f.version}`).join(", ")})`,
      });
      return { errors, warnings: [] };
    }
    const questions = questionsOf(fw);
    a.observations.forEach((o, i) => {
      if (!questions.has(o.indicator)) {
        errors.push({
          code: "unknown_reference",
          path: at(i, "indicator"),
          message: `framework ${q(`${id}@${version}`)} has no indicator ${q(o.indicator)}`,
        });
      }
    });
    const { units } = readObservations(errors, questions, a.observations, at);
    const counted = new Map<string, number>();
    a.respondents?.forEach((r, j) => {
      const path: PathSegment[] = ["respondents", j, "unit"];
      const prev = counted.get(r.unit);
      if (prev !== undefined) {
        errors.push({
          code: "duplicate_id",
          path,
          message: `unit ${q(r.unit)} is counted again (first at respondents[${prev}])`,
        });
      } else if (!units.has(r.unit)) {
        errors.push({
          code: "unknown_reference",
          path,
          message: `unit ${q(r.unit)} has no observations: respondents count the people behind a unit's answers`,
        });
      }
      counted.set(r.unit, prev ?? j);
    });
    return { errors, warnings: [] };
  };
}

function check(input: unknown, options: ParseAnswersOptions): SafeParseResult<Answers> {
  const r = runParse(AnswersSchema, input, "answers", semantic(options), { versioned: true });
  return r.success ? { ...r, data: markParsed(r.data, "answers") } : r;
}

/**
 * Validates an answers file — what the offline questionnaire form saves and the survey importers
 * write — and returns it typed, fresh, deeply frozen and marked as parsed.
 *
 * Rules, all reported at once with their paths: bounded size and no prototype keys; `format`
 * `"icc-assessment/answers"` and a `formatVersion` of major 1; the shape (unknown keys are
 * errors); the framework known by id and exact version; every observation's indicator in that
 * framework; every answer fitting its indicator by the same checks `validateAssessment` applies to
 * an assessment's `maturity.observations` (shared code, so the two cannot disagree): binary a
 * boolean, Likert and grid rows on their scale, numeric a number (0–100 for a unit of `%`),
 * categorical one of its options, multi-select known options each once, grid rows known and each
 * once, `null` for unanswered; one answer per unit and indicator; each `respondents` unit once and
 * with observations. Cross-unit rules (a relative normalisation needing two units, the city's
 * unit) are the assessment's and are checked when the answers are merged into one. Designed by
 * this project.
 *
 * @param input - a parsed JSON value
 * @param options - the frameworks the answers may refer to (default: the built-in ones)
 * @returns the typed, parsed answers
 * @throws AssessmentError `invalid_document`, with one issue per problem, each with its JSON path
 * @example
 * ```ts
 * import { parseAnswers } from "icc-assessment/schema";
 * const answers = parseAnswers({
 *   format: "icc-assessment/answers",
 *   formatVersion: "1.0",
 *   framework: { id: "icc-citizen-participation", version: "1.0.0" },
 *   observations: [{ unit: "sofia", indicator: "sg.strategy", value: true }],
 * });
 * answers.observations.length; // => 1
 * try {
 *   parseAnswers({ ...answers, observations: [{ unit: "sofia", indicator: "sg.strategy", value: 3 }] });
 * } catch (e) {
 *   (e as { issues: { path: unknown[] }[] }).issues[0].path; // => ["observations", 0, "value"]
 * }
 * ```
 */
export function parseAnswers(input: unknown, options: ParseAnswersOptions = {}): Answers {
  const r = check(input, options);
  if (!r.success) throw r.error;
  return r.data;
}

/**
 * Like {@link parseAnswers}, but returns `{ success: true, data, warnings }` or
 * `{ success: false, issues, error, warnings }` instead of throwing.
 *
 * @param input - a parsed JSON value
 * @param options - the frameworks the answers may refer to (default: the built-in ones)
 * @returns the result
 * @throws never
 * @example
 * ```ts
 * import { safeParseAnswers } from "icc-assessment/schema";
 * const r = safeParseAnswers({ format: "icc-assessment/answers", formatVersion: "2.0" });
 * r.success; // => false
 * ```
 */
export function safeParseAnswers(
  input: unknown,
  options: ParseAnswersOptions = {},
): SafeParseResult<Answers> {
  return check(input, options);
}
