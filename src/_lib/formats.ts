/**
 * The `format` tags of the small files the importers and the questionnaire form write, in one home:
 * `icc-assessment/schema` checks answers files against the first, `icc-assessment/io` writes both.
 * Designed by this project.
 */

/** The `format` tag of an answers file. */
export const ANSWERS_FORMAT = "icc-assessment/answers" as const;
/** The `format` tag of a part file. */
export const PART_FORMAT = "icc-assessment/part" as const;
