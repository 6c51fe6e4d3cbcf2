import * as z from "zod/mini";
import {
  aggregationMethods,
  indicatorTypes,
  provenances,
  unansweredPolicies,
} from "./vocabularies.js";
import { IdSchema, list, SourceSchema, TextSchema, TitleSchema } from "./common.js";

const Finite = z.number();
const Direction = z.union([z.literal(1), z.literal(-1)]);
const Degenerate = z.enum(["error", "null"]);

const specBase = {
  /** 1: more is better; −1: less is better (the indicator is reversed before normalising, as COINr does). */
  direction: z.optional(Direction),
  /** What a zero spread or fewer than two values gives: an error (default) or null with a reason. */
  degenerate: z.optional(Degenerate),
};

/**
 * How to normalise an indicator (OECD/JRC Handbook; COINr `n_*`). Every method takes
 * `direction` (default 1) and `degenerate` (default "error").
 */
export const NormaliseSpecSchema = z.discriminatedUnion("method", [
  z.strictObject({
    method: z.literal("minMax"),
    range: z.optional(z.tuple([Finite, Finite])),
    ...specBase,
  }),
  z.strictObject({
    method: z.literal("zScore"),
    mean: z.optional(Finite),
    sd: z.optional(Finite.check(z.gt(0))),
    ...specBase,
  }),
  z.strictObject({ method: z.literal("rank"), ...specBase }),
  z.strictObject({ method: z.literal("percentRank"), ...specBase }),
  z.strictObject({ method: z.literal("borda"), ...specBase }),
  z.strictObject({ method: z.literal("distanceToMax"), ...specBase }),
  z.strictObject({ method: z.literal("distanceToReference"), reference: Finite, ...specBase }),
  z.strictObject({
    method: z.literal("goalposts"),
    low: Finite,
    high: Finite,
    scale: z.optional(Finite.check(z.gt(0))),
    ...specBase,
  }),
]);
/** How to normalise an indicator. */
export type NormaliseSpec = z.output<typeof NormaliseSpecSchema>;

/** How to aggregate components: method and, for the generalised mean, its power `p`. */
export const AggregationSpecSchema = z.strictObject({
  method: z.enum(aggregationMethods),
  p: z.optional(Finite),
});
/** An aggregation spec. */
export type AggregationSpec = z.output<typeof AggregationSpecSchema>;

/** A rubric entry: what an answer means, in words. */
export const RubricEntrySchema = z.strictObject({
  answer: z.union([z.string().check(z.maxLength(100)), Finite, z.boolean()]),
  text: TextSchema,
});

const indicatorBase = {
  id: IdSchema,
  dimension: IdSchema,
  title: TitleSchema,
  question: z.optional(TextSchema),
  description: z.optional(TextSchema),
  /** 1 when a higher answer is more mature, −1 when lower is. */
  direction: z.optional(Direction),
  /** Weight within its dimension (≥ 0). Default 1. */
  weight: z.optional(Finite.check(z.gte(0))),
  /** What an unanswered question means: skipped (weights renormalise; default) or zero. */
  unanswered: z.optional(z.enum(unansweredPolicies)),
  /** A text for each answer, so assessors score alike. */
  rubric: z.optional(list(RubricEntrySchema, 100)),
  sources: z.optional(list(SourceSchema, 20)),
};

const OptionSchema = z.strictObject({ value: IdSchema, text: z.optional(TitleSchema) });

/** One maturity indicator (a question), by answer type. */
export const IndicatorSchema = z.discriminatedUnion("type", [
  z.strictObject({ ...indicatorBase, type: z.literal("binary") }),
  z.strictObject({
    ...indicatorBase,
    type: z.literal("likert"),
    scale: z.strictObject({ min: z.number().check(z.int()), max: z.number().check(z.int()) }),
  }),
  z.strictObject({
    ...indicatorBase,
    type: z.literal("numeric"),
    unit: z.optional(TitleSchema),
    normalisation: NormaliseSpecSchema,
  }),
  z.strictObject({
    ...indicatorBase,
    type: z.literal("categorical"),
    options: list(z.extend(OptionSchema, { score: Finite }), 100).check(z.minLength(1)),
  }),
  z.strictObject({
    ...indicatorBase,
    type: z.literal("multiSelect"),
    /** Score = max(0, Σ weights of ticked options) / Σ positive weights × scale. Weights may be negative. */
    options: list(z.extend(OptionSchema, { weight: Finite }), 100).check(z.minLength(1)),
  }),
  z.strictObject({
    ...indicatorBase,
    type: z.literal("ratingGrid"),
    rows: list(z.strictObject({ id: IdSchema, text: TitleSchema }), 100).check(z.minLength(1)),
    scale: z.strictObject({ min: z.number().check(z.int()), max: z.number().check(z.int()) }),
  }),
]);
/** One maturity indicator. */
export type Indicator = z.output<typeof IndicatorSchema>;
/** The indicator types, re-exported for convenience. */
export const indicatorTypeList = indicatorTypes;

/** A dimension of the framework; `parent` makes a tree. */
export const DimensionSchema = z.strictObject({
  id: IdSchema,
  title: TitleSchema,
  description: z.optional(TextSchema),
  parent: z.optional(IdSchema),
  /** Weight among its siblings (≥ 0). Default 1. */
  weight: z.optional(Finite.check(z.gte(0))),
  /** How this dimension aggregates its children (indicators or sub-dimensions). Default: the framework's. */
  aggregation: z.optional(AggregationSpecSchema),
  /** Minimum share (0–1) of its indicators' weight that must be answered. Default: the framework's. */
  minCoverage: z.optional(Finite.check(z.gte(0), z.lte(1))),
});
/** A dimension. */
export type Dimension = z.output<typeof DimensionSchema>;

/** A level band with explicit bound inclusivity. */
export const LevelBandSchema = z.strictObject({
  id: IdSchema,
  title: TitleSchema,
  min: Finite,
  max: Finite,
  /** Default true. */
  minInclusive: z.optional(z.boolean()),
  /** Default false, except the top band, which includes the maximum of the scale. */
  maxInclusive: z.optional(z.boolean()),
  rubric: z.optional(TextSchema),
});
/** A level band. */
export type LevelBand = z.output<typeof LevelBandSchema>;

/** A maturity framework as data. Validated further by `defineFramework`. */
export const MaturityFrameworkSchema = z.strictObject({
  id: IdSchema,
  version: z
    .string()
    .check(z.regex(/^\d+\.\d+(\.\d+)?$/, { message: "expected a version such as 1.0 or 1.0.0" })),
  title: TitleSchema,
  description: z.optional(TextSchema),
  provenance: z.enum(provenances),
  sources: list(SourceSchema, 50),
  /** The score scale of indicators, dimensions and the overall score. Default [0, 100]. */
  scale: z.optional(z.strictObject({ min: Finite, max: Finite })),
  dimensions: list(DimensionSchema, 1000).check(z.minLength(1)),
  indicators: list(IndicatorSchema, 10_000).check(z.minLength(1)),
  /** How top-level dimensions aggregate into the overall score. Default arithmetic. */
  aggregation: z.optional(AggregationSpecSchema),
  /** Default minimum coverage of a dimension (0–1). Default 0.5. */
  minCoverage: z.optional(Finite.check(z.gte(0), z.lte(1))),
  levels: list(LevelBandSchema, 50).check(z.minLength(1)),
  notes: z.optional(TextSchema),
});
/** A maturity framework (parsed). */
export type MaturityFramework = z.output<typeof MaturityFrameworkSchema>;
/** A maturity framework as written in JSON. */
export type MaturityFrameworkInput = z.input<typeof MaturityFrameworkSchema>;
