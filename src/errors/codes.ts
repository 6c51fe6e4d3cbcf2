/**
 * Every code an {@link AssessmentError} or one of its issues can carry.
 *
 * Document-shape codes come from parsing (`parse*`, `safeParse*`, `defineFramework`); the rest come
 * from computation functions that refuse input they cannot compute honestly (never NaN, never a
 * silent 0). Designed by this project.
 */
export const errorCodes = [
  // document shape
  "invalid_document",
  "invalid_json",
  "invalid_type",
  "missing_field",
  "unknown_key",
  "invalid_value",
  "invalid_date",
  "invalid_money",
  "invalid_id",
  "duplicate_id",
  "duplicate_vote",
  "duplicate_judgement",
  "unknown_reference",
  "forbidden_key",
  "too_large",
  // nested deeper than the documents' limit (64 levels): refused before any walk recurses
  "too_deep",
  "unsupported_version",
  "not_parsed",
  // numbers and arrays
  "non_finite",
  "out_of_range",
  "empty",
  "length_mismatch",
  "not_square",
  "not_reciprocal",
  "zero_weights",
  "negative_weight",
  "zero_spread",
  "too_few_values",
  "non_positive_value",
  "missing_value",
  "coverage",
  // frameworks and bands
  "band_gap",
  "band_overlap",
  "framework_mismatch",
  // plans, dates and money
  "end_before_start",
  "cycle",
  "currency_mismatch",
  "duration_mismatch",
  "budget",
] as const;

/**
 * What each warning of `validateAssessment` (and `safeParseAssessment`'s `warnings`) means: the
 * document is legal but probably not what its author meant. A warning never refuses a document;
 * `icc-assess validate --strict` refuses it. Designed by this project.
 */
export const warningMeanings = {
  unit_not_city:
    "An observation's unit is not the assessment's city id (one warning per unit, at its first observation): with answers for the city too, the report scores the city alone; with one unit only, it scores that unit as the city.",
  weights_normalised:
    "The criteria weights do not sum to 1: every computation divides them by their sum, so they act as shares.",
  empty_ballot:
    "A ballot ranks no solution, or gives no points: it counts for nothing in the vote.",
  dropped_field:
    "A report of a later minor format version (such as 1.1, read by a library that writes 1.0) has a field this library does not know: minor versions only add optional fields, so `parseReport` drops it (one warning per field) and reads the rest.",
} as const;

/** Every code a warning can carry, in the order of {@link warningMeanings}. */
export const warningCodes = Object.keys(
  warningMeanings,
) as readonly (keyof typeof warningMeanings)[];

/** A code carried by a warning. */
export type WarningCode = keyof typeof warningMeanings;

/** A code carried by an {@link AssessmentError}, by each of its issues, or by a warning. */
export type ErrorCode = (typeof errorCodes)[number] | WarningCode;
