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
  // warnings: legal but probably wrong (validateAssessment / safeParseAssessment `warnings`)
  "unit_not_city",
  "weights_normalised",
  "empty_ballot",
] as const;

/** A code carried by an {@link AssessmentError} and by each of its issues. */
export type ErrorCode = (typeof errorCodes)[number];
