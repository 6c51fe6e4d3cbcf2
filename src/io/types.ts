/**
 * The two file formats the importers write: an answers file (observations for the maturity
 * questionnaire) and a part file (needs, solutions or stakeholders to merge into an assessment).
 * Their shapes are plain JSON; `mergeAnswers` and `mergePart` read them, and the merged assessment
 * goes through `parseAssessment` like any other. Designed by this project.
 */
import type { AnswersInput } from "../schema/answers.js";
import type { NeedInput, SolutionInput, StakeholderInput } from "./_shapes.js";

export { ANSWERS_FORMAT, PART_FORMAT } from "../_lib/formats.js";
import type { PART_FORMAT } from "../_lib/formats.js";
/** The format version the importers write. */
export const IO_FORMAT_VERSION = "1.0" as const;

/** One answer as an observation: a unit, an indicator and a value (`null`: not answered). */
export type AnswerObservation = AnswersInput["observations"][number];

/**
 * An answers file as written in JSON: the observations of one framework, and how many
 * respondents per unit (the shape `parseAnswers` of `icc-assessment/schema` checks).
 */
export type AnswersFile = AnswersInput;

/** A part file: entities to add to an assessment with `mergePart`. */
export interface PartFile {
  readonly format: typeof PART_FORMAT;
  readonly formatVersion: string;
  readonly needs?: readonly NeedInput[];
  readonly solutions?: readonly SolutionInput[];
  readonly stakeholders?: readonly StakeholderInput[];
}
