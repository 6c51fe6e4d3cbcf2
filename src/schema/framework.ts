import * as z from "zod/mini";
import {
  aggregationMethods,
  indicatorTypes,
  provenances,
  unansweredPolicies,
} from "./vocabularies.js";
import {
  described as d,
  IdSchema,
  list,
  ref,
  shortString,
  SourceSchema,
  TextSchema,
  TitleSchema,
} from "./common.js";

const Finite = z.number();
const Direction = z.union([z.literal(1), z.literal(-1)]);
const Degenerate = z.enum(["error", "null"]);

const specBase = {
  direction: z.optional(
    d(
      Direction,
      "1: more is better; −1: less is better (the indicator is reversed before normalising, as COINr does). Default: the indicator's direction.",
    ),
  ),
  degenerate: z.optional(
    d(
      Degenerate,
      "What a zero spread or fewer than two values gives: an error (default) or null with a reason.",
    ),
  ),
};

/** A normalisation method's `method` field. */
const method = <T extends string>(name: T, description: string) =>
  d(z.literal(name), `The normalisation method: ${description}`);

/**
 * How to normalise an indicator (OECD/JRC Handbook; COINr `n_*`). Every method takes
 * `direction` (default 1) and `degenerate` (default "error").
 */
export const NormaliseSpecSchema = d(
  z.discriminatedUnion("method", [
    d(
      z.strictObject({
        method: method(
          "minMax",
          "rescaled linearly so the lowest value maps to range[0] and the highest to range[1].",
        ),
        range: z.optional(
          d(z.tuple([Finite, Finite]), "The target range [low, high]. Default [0, 100]."),
        ),
        ...specBase,
      }),
      "Min–max rescaling across the units.",
    ),
    d(
      z.strictObject({
        method: method("zScore", "standardised to the given mean and standard deviation."),
        mean: z.optional(d(Finite, "The mean of the result. Default 0.")),
        sd: z.optional(
          d(Finite.check(z.gt(0)), "The standard deviation of the result (> 0). Default 1."),
        ),
        ...specBase,
      }),
      "z-scores across the units (sample standard deviation, n − 1).",
    ),
    d(
      z.strictObject({
        method: method(
          "rank",
          "the rank among the units, smallest = 1, ties taking the minimum rank.",
        ),
        ...specBase,
      }),
      "Ranks across the units.",
    ),
    d(
      z.strictObject({
        method: method("percentRank", "(rank − 1) / (n − 1), on 0–1."),
        ...specBase,
      }),
      "Percent ranks across the units.",
    ),
    d(
      z.strictObject({
        method: method("borda", "Borda points: rank − 1."),
        ...specBase,
      }),
      "Borda points across the units.",
    ),
    d(
      z.strictObject({
        method: method("distanceToMax", "1 − (max − x) / (max − min)."),
        ...specBase,
      }),
      "Distance to the highest value.",
    ),
    d(
      z.strictObject({
        method: method("distanceToReference", "1 − (reference − x) / (reference − min)."),
        reference: d(Finite, "The reference value."),
        ...specBase,
      }),
      "Distance to a reference value.",
    ),
    d(
      z.strictObject({
        method: method(
          "goalposts",
          "clamp((x − low) / (high − low), 0, 1) × scale; the only method that works for one unit.",
        ),
        low: d(Finite, "The lower goalpost: a value at or below it scores 0."),
        high: d(Finite, "The upper goalpost: a value at or above it scores `scale`."),
        scale: z.optional(
          d(Finite.check(z.gt(0)), "The score at the upper goalpost. Default 100."),
        ),
        ...specBase,
      }),
      "Goalposts: fixed low and high values (as the UN indices use).",
    ),
  ]),
  "How a numeric answer is turned into a score.",
);
/** How to normalise an indicator. */
export type NormaliseSpec = z.output<typeof NormaliseSpecSchema>;

/** How to aggregate components: method and, for the generalised mean, its power `p`. */
export const AggregationSpecSchema = d(
  z.strictObject({
    method: d(
      z.enum(aggregationMethods),
      "The mean: arithmetic, geometric, harmonic or generalised (power mean).",
    ),
    p: z.optional(d(Finite, "The power of the generalised mean.")),
  }),
  "How components are combined into one score.",
);
/** An aggregation spec. */
export type AggregationSpec = z.output<typeof AggregationSpecSchema>;

/** A rubric entry: what an answer means, in words. */
export const RubricEntrySchema = d(
  z.strictObject({
    answer: d(
      z.union([shortString(100), Finite, z.boolean()]),
      "The answer described: an option value, a number on the scale, or true/false.",
    ),
    text: d(TextSchema, "What that answer means, so assessors answer alike."),
  }),
  "What one answer means, in words.",
);

const indicatorBase = {
  id: d(IdSchema, "The indicator's id, unique in the framework; answers name it."),
  dimension: ref("the dimension (in `dimensions`) the indicator belongs to"),
  title: d(TitleSchema, "The indicator in a few words."),
  question: z.optional(d(TextSchema, "The question as asked.")),
  description: z.optional(d(TextSchema, "What the indicator measures and why.")),
  direction: z.optional(
    d(Direction, "1 when a higher answer is more mature, −1 when lower is. Default 1."),
  ),
  weight: z.optional(d(Finite.check(z.gte(0)), "Weight within its dimension (≥ 0). Default 1.")),
  unanswered: z.optional(
    d(
      z.enum(unansweredPolicies),
      "What an unanswered question means: skipped (weights renormalise; default) or zero.",
    ),
  ),
  rubric: z.optional(
    d(list(RubricEntrySchema, 100), "A text for each answer, so assessors score alike."),
  ),
  sources: z.optional(d(list(SourceSchema, 20), "Where the indicator comes from.")),
};

const OptionSchema = d(
  z.strictObject({
    value: d(IdSchema, "The option's value: what an answer gives."),
    text: z.optional(d(TitleSchema, "The option as shown to the respondent.")),
  }),
  "An answer option.",
);

/** An indicator type's `type` field. */
const type = <T extends string>(name: T, description: string) =>
  d(z.literal(name), `The answer type: ${description}`);
/** A scale of whole numbers. */
const IntScale = (what: string) =>
  d(
    z.strictObject({
      min: d(z.number().check(z.int()), "The lowest answer."),
      max: d(z.number().check(z.int()), "The highest answer."),
    }),
    what,
  );

/** One maturity indicator (a question), by answer type. */
export const IndicatorSchema = d(
  z.discriminatedUnion("type", [
    d(
      z.strictObject({ ...indicatorBase, type: type("binary", "yes (true) or no (false).") }),
      "A yes/no question: yes scores the top of the scale.",
    ),
    d(
      z.strictObject({
        ...indicatorBase,
        type: type("likert", "a whole number on a scale."),
        scale: IntScale(
          "The answer scale, such as 1–5; its ends score the ends of the score scale.",
        ),
      }),
      "A question answered on a Likert scale.",
    ),
    d(
      z.strictObject({
        ...indicatorBase,
        type: type("numeric", "a number, normalised into a score."),
        unit: z.optional(d(TitleSchema, "The unit of the answer, such as % (then 0–100).")),
        normalisation: NormaliseSpecSchema,
      }),
      "A numeric indicator, normalised into a score.",
    ),
    d(
      z.strictObject({
        ...indicatorBase,
        type: type("categorical", "one option."),
        options: d(
          list(
            z.extend(OptionSchema, {
              score: d(Finite, "The score this option gives."),
            }),
            100,
          ).check(z.minLength(1)),
          "The options; each gives its own score.",
        ),
      }),
      "A question answered by choosing one option.",
    ),
    d(
      z.strictObject({
        ...indicatorBase,
        type: type("multiSelect", "the options that apply."),
        options: d(
          list(
            z.extend(OptionSchema, {
              weight: d(
                Finite,
                'The option\'s weight; may be negative (such as "no data is collected digitally").',
              ),
            }),
            100,
          ).check(z.minLength(1)),
          "The options. Score = max(0, Σ weights of ticked options) / Σ positive weights × scale.",
        ),
      }),
      "A question answered by ticking the options that apply.",
    ),
    d(
      z.strictObject({
        ...indicatorBase,
        type: type("ratingGrid", "a rating for each row, on one scale."),
        rows: d(
          list(
            d(
              z.strictObject({
                id: d(IdSchema, "The row's id; answers name it."),
                text: d(TitleSchema, "The row as shown to the respondent."),
              }),
              "A row of the grid.",
            ),
            100,
          ).check(z.minLength(1)),
          "The rows to rate; the score is the mean of the rows' ratings.",
        ),
        scale: IntScale("The rating scale of every row, such as 0–5."),
      }),
      "A grid of rows, each rated on one scale.",
    ),
  ]),
  "A maturity indicator: one question and how its answer is scored.",
);
/** One maturity indicator. */
export type Indicator = z.output<typeof IndicatorSchema>;
/** The indicator types, re-exported for convenience. */
export const indicatorTypeList = indicatorTypes;

/** A dimension of the framework; `parent` makes a tree. */
export const DimensionSchema = d(
  z.strictObject({
    id: d(IdSchema, "The dimension's id, unique in the framework."),
    title: d(TitleSchema, "The dimension's name."),
    description: z.optional(d(TextSchema, "What the dimension covers.")),
    parent: z.optional(ref("the parent dimension (in `dimensions`); absent for a top-level one")),
    weight: z.optional(d(Finite.check(z.gte(0)), "Weight among its siblings (≥ 0). Default 1.")),
    aggregation: z.optional(
      d(
        AggregationSpecSchema,
        "How this dimension aggregates its children (indicators or sub-dimensions). Default: the framework's.",
      ),
    ),
    minCoverage: z.optional(
      d(
        Finite.check(z.gte(0), z.lte(1)),
        "Minimum share (0–1) of its indicators' weight that must be answered for a score. Default: the framework's.",
      ),
    ),
  }),
  "A dimension of the framework; `parent` makes a tree.",
);
/** A dimension. */
export type Dimension = z.output<typeof DimensionSchema>;

/** A level band with explicit bound inclusivity. */
export const LevelBandSchema = d(
  z.strictObject({
    id: d(IdSchema, "The level's id, unique in the framework."),
    title: d(TitleSchema, "The level's name, such as Emerging."),
    min: d(Finite, "The band's lower bound."),
    max: d(Finite, "The band's upper bound."),
    minInclusive: z.optional(
      d(z.boolean(), "Whether a score equal to `min` is in the band. Default true."),
    ),
    maxInclusive: z.optional(
      d(
        z.boolean(),
        "Whether a score equal to `max` is in the band. Default false, except the top band, which includes the maximum of the scale.",
      ),
    ),
    rubric: z.optional(d(TextSchema, "What a city at this level looks like.")),
  }),
  "A maturity level: a band of scores with explicit bound inclusivity.",
);
/** A level band. */
export type LevelBand = z.output<typeof LevelBandSchema>;

/** A language tag of a translation: ISO 639-1 (`bg`), optionally with a region (`pt-BR`). */
export const LanguageTagSchema = d(
  z
    .string()
    .check(
      z.regex(/^[a-z]{2}(-[A-Z]{2})?$/, { message: "expected a language tag such as bg or pt-BR" }),
    ),
  "The translation's language: an ISO 639-1 code such as bg, optionally with a region (pt-BR).",
);

/** A translated text of an item named by its id. */
const translatedTitle = (what: string) =>
  z.optional(d(TitleSchema, `The ${what} in this language.`));
const translatedText = (what: string) => z.optional(d(TextSchema, `The ${what} in this language.`));

/**
 * A framework's texts in one more language. English is the framework's own text; a translation
 * gives any of its texts in another language, by id, and `localiseFramework` uses it with English
 * as the fallback for every text it leaves out. Ids, numbers and answers are never translated.
 */
export const FrameworkTranslationSchema = d(
  z.strictObject({
    lang: LanguageTagSchema,
    title: translatedTitle("framework's title"),
    description: translatedText("framework's description"),
    notes: translatedText("framework's notes"),
    dimensions: z.optional(
      d(
        list(
          d(
            z.strictObject({
              id: ref("the dimension (in the framework's `dimensions`) translated"),
              title: translatedTitle("dimension's title"),
              description: translatedText("dimension's description"),
            }),
            "One dimension's texts.",
          ),
          1000,
        ),
        "Dimension texts, by dimension id.",
      ),
    ),
    indicators: z.optional(
      d(
        list(
          d(
            z.strictObject({
              id: ref("the indicator (in the framework's `indicators`) translated"),
              title: translatedTitle("indicator's title"),
              question: translatedText("question"),
              description: translatedText("indicator's description"),
              unit: translatedTitle("unit of a numeric answer"),
              options: z.optional(
                d(
                  list(
                    d(
                      z.strictObject({
                        value: ref("the option (its `value`) translated"),
                        text: d(TitleSchema, "The option's text in this language."),
                      }),
                      "One option's text.",
                    ),
                    100,
                  ),
                  "Option texts, by option value.",
                ),
              ),
              rows: z.optional(
                d(
                  list(
                    d(
                      z.strictObject({
                        id: ref("the rating-grid row translated"),
                        text: d(TitleSchema, "The row's text in this language."),
                      }),
                      "One row's text.",
                    ),
                    100,
                  ),
                  "Rating-grid row texts, by row id.",
                ),
              ),
              rubric: z.optional(
                d(list(RubricEntrySchema, 100), "Rubric texts in this language, by answer."),
              ),
            }),
            "One indicator's texts.",
          ),
          10_000,
        ),
        "Indicator texts, by indicator id.",
      ),
    ),
    levels: z.optional(
      d(
        list(
          d(
            z.strictObject({
              id: ref("the level (in the framework's `levels`) translated"),
              title: translatedTitle("level's name"),
              rubric: translatedText("level's rubric"),
            }),
            "One level's texts.",
          ),
          50,
        ),
        "Level texts, by level id.",
      ),
    ),
  }),
  "The framework's texts in one more language; English is the fallback for any text left out.",
);
/** A framework's texts in one more language. */
export type FrameworkTranslation = z.output<typeof FrameworkTranslationSchema>;

/** A maturity framework as data. Validated further by `defineFramework`. */
export const MaturityFrameworkSchema = d(
  z.strictObject({
    id: d(IdSchema, "The framework's id; with `version`, what an assessment names."),
    version: d(
      z
        .string()
        .check(
          z.regex(/^\d+\.\d+(\.\d+)?$/, { message: "expected a version such as 1.0 or 1.0.0" }),
        ),
      "The framework's version, such as 1.0.0; an assessment names the exact version.",
    ),
    title: d(TitleSchema, "The framework's name."),
    description: z.optional(d(TextSchema, "What the framework assesses, and for whom.")),
    provenance: d(
      z.enum(provenances),
      "documented (by a public source), designed (by its authors) or mixed: reports say which.",
    ),
    sources: d(list(SourceSchema, 50), "The sources it is built on."),
    scale: z.optional(
      d(
        z.strictObject({
          min: d(Finite, "The lowest score."),
          max: d(Finite, "The highest score."),
        }),
        "The score scale of indicators, dimensions and the overall score. Default [0, 100].",
      ),
    ),
    dimensions: d(
      list(DimensionSchema, 1000).check(z.minLength(1)),
      "The dimensions, a tree by `parent`.",
    ),
    indicators: d(
      list(IndicatorSchema, 10_000).check(z.minLength(1)),
      "The indicators (questions), each in a dimension.",
    ),
    aggregation: z.optional(
      d(
        AggregationSpecSchema,
        "How top-level dimensions aggregate into the overall score. Default arithmetic.",
      ),
    ),
    minCoverage: z.optional(
      d(
        Finite.check(z.gte(0), z.lte(1)),
        "Default minimum coverage of a dimension: the share (0–1) of its weight that must be answered. Default 0.5.",
      ),
    ),
    levels: d(
      list(LevelBandSchema, 50).check(z.minLength(1)),
      "The maturity levels: bands covering the scale with no gap or overlap.",
    ),
    notes: z.optional(d(TextSchema, "Notes on the framework, such as its limits.")),
    authors: z.optional(
      d(
        list(d(TitleSchema, "One author."), 50),
        "Who made the framework (people or organisations); reports credit them.",
      ),
    ),
    translations: z.optional(
      d(
        list(FrameworkTranslationSchema, 50),
        "The framework's texts in other languages; English (the texts above) is the fallback.",
      ),
    ),
  }),
  "A maturity framework as data: dimensions, indicators, weights, aggregation and levels.",
);
/** A maturity framework (parsed). */
export type MaturityFramework = z.output<typeof MaturityFrameworkSchema>;
/** A maturity framework as written in JSON. */
export type MaturityFrameworkInput = z.input<typeof MaturityFrameworkSchema>;
