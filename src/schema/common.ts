import * as z from "zod/mini";
import { Dec } from "../_lib/decimal.js";
import { AMOUNT_PATTERN, CURRENCY_PATTERN } from "../_lib/money.js";
import type { Decimal } from "decimal.js";

/**
 * A copy of `schema` with JSON Schema metadata in zod's global registry: what classic zod's
 * `.meta(data)` does (a clone whose parent is `schema`), so the emitted JSON Schemas are unchanged.
 */
export function withMeta<T extends z.ZodMiniType>(schema: T, meta: z.core.GlobalMeta): T {
  const copy = schema.clone();
  z.globalRegistry.add(copy, meta);
  return copy;
}

/**
 * A copy of `schema` that carries its field's description: the one home of a field's
 * documentation, read by the JSON Schemas and docs/data-format.md. (A TSDoc comment on a schema
 * field would show on hover in this repository only: TypeScript's declaration files print the
 * inferred types without it, so the published types could not show it.)
 */
export function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  return withMeta(schema, { description });
}

/** A reference: an id that must name an item of another collection, described by what it names. */
export function ref(what: string): typeof IdSchema {
  return described(IdSchema, `Id of ${what}.`);
}

/** Longest id accepted. */
export const MAX_ID = 100;
/** Longest short text (titles, names). */
export const MAX_TITLE = 300;
/** Longest long text (descriptions, statements, notes). */
export const MAX_TEXT = 10_000;
/** Most items in one collection. */
export const MAX_ITEMS = 100_000;

/** An id: 1–100 characters, letters, digits and `. _ : -`, starting with a letter or digit. */
export const IdSchema = withMeta(
  z.string().check(
    z.minLength(1),
    z.maxLength(MAX_ID),
    z.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, {
      message: "expected an id of letters, digits and . _ : - starting with a letter or digit",
    }),
  ),
  { description: "Identifier, unique within its collection." },
);

/**
 * Text that is well-formed UTF-16: every surrogate is half of a pair. A lone surrogate is no
 * character at all (it cannot be written as UTF-8, and renderers show it as U+FFFD or drop it),
 * so a string holding one is refused with its path instead of reaching a report. With the `u`
 * flag, `\p{Cs}` matches only a surrogate that is not part of a pair.
 */
const wellFormed = () =>
  z.regex(/^\P{Cs}*$/u, {
    message: "expected text without lone surrogates (a UTF-16 half character with no other half)",
  });

/** A string of at most `max` characters, well-formed (no lone surrogate). */
export function shortString(max: number) {
  return z.string().check(z.maxLength(max), wellFormed());
}

/** A short text such as a title or a name. */
export const TitleSchema = z.string().check(z.minLength(1), z.maxLength(MAX_TITLE), wellFormed());
/** A long text such as a description or a statement. */
export const TextSchema = z.string().check(z.maxLength(MAX_TEXT), wellFormed());

/** A bounded array. */
export function list<T extends z.core.SomeType>(item: T, max = MAX_ITEMS) {
  return z.array(item).check(z.maxLength(max));
}

/** A strict calendar date `YYYY-MM-DD`; `2021-02-30` and `2021-2-3` are rejected. */
export const IsoDateSchema = withMeta(
  z.iso.date({ message: "expected a calendar date YYYY-MM-DD" }),
  {
    description: "Calendar date YYYY-MM-DD, no time of day or zone.",
  },
);

/** An ISO 4217 currency code (three capital letters). */
export const CurrencySchema = z
  .string()
  .check(z.regex(CURRENCY_PATTERN, { message: "expected an ISO 4217 currency code such as EUR" }));

/** A decimal amount as a string: optional minus, up to 15 integer digits and 6 decimals. */
export const AmountSchema = z
  .string({
    message: 'expected a decimal string such as "125000.00" (money is never a JSON number)',
  })
  .check(
    z.regex(AMOUNT_PATTERN, {
      message: 'expected a decimal string such as "125000.00"',
    }),
  );

/** The description of a money amount field. */
export const AMOUNT_DESCRIPTION =
  'The amount as a decimal string, such as "125000.00" (never a JSON number).';
/** The description of a currency field. */
export const CURRENCY_DESCRIPTION = "ISO 4217 currency code, such as EUR.";

/** Money in memory: an exact `Decimal` amount and its currency. */
export interface Money {
  readonly amount: Decimal;
  readonly currency: string;
}

const toMoney = (m: { amount: string; currency: string }): Money => ({
  amount: new Dec(m.amount),
  currency: m.currency,
});

/**
 * Money: `{ "amount": "125000.00", "currency": "EUR" }` in JSON, a `Decimal` in memory. A JS number
 * for the amount is rejected.
 */
export const MoneySchema = withMeta(
  z.pipe(
    z.strictObject({
      amount: described(AmountSchema, AMOUNT_DESCRIPTION),
      currency: described(CurrencySchema, CURRENCY_DESCRIPTION),
    }),
    z.transform(toMoney),
  ),
  { description: "Money: a decimal string amount and an ISO 4217 currency." },
);

/** Money that must not be negative (costs, budgets, funding). */
export const NonNegativeMoneySchema = withMeta(
  z.pipe(
    z.strictObject({
      amount: described(
        AmountSchema.check(
          z.refine((s) => !s.startsWith("-"), { message: "expected a non-negative amount" }),
        ),
        AMOUNT_DESCRIPTION,
      ),
      currency: described(CurrencySchema, CURRENCY_DESCRIPTION),
    }),
    z.transform(toMoney),
  ),
  { description: "Non-negative money: a decimal string amount and an ISO 4217 currency." },
);

/** A whole number ≥ 0. */
const WholeSchema = z.number().check(z.int(), z.gte(0), z.lte(100_000));

/** A duration in whole months, weeks and days (date-fns `Duration` subset); at least one part. */
export const DurationSchema = z
  .strictObject({
    months: z.optional(described(WholeSchema, "Whole months (calendar months, date-fns add).")),
    weeks: z.optional(described(WholeSchema, "Whole weeks.")),
    days: z.optional(described(WholeSchema, "Whole days.")),
  })
  .check(
    z.refine((d) => d.months !== undefined || d.weeks !== undefined || d.days !== undefined, {
      message: "a duration needs at least one of months, weeks, days",
    }),
  );
/** A duration in whole months, weeks and days. */
export type Duration = z.output<typeof DurationSchema>;

/** A cited source: a title and optionally an address and a note. */
export const SourceSchema = described(
  z.strictObject({
    title: described(TitleSchema, "The source's title, with its author or publisher."),
    url: z.optional(
      described(
        z.url({ protocol: /^https?$/ }).check(z.maxLength(2000)),
        "Where to read it (http or https).",
      ),
    ),
    note: z.optional(described(TextSchema, "What was taken from it, or where in it.")),
  }),
  "A cited source.",
);
/** A cited source. */
export type Source = z.output<typeof SourceSchema>;

/** Free-text notes on a document: one string or several. */
export const NotesSchema = z.union([
  described(TextSchema, "One note."),
  described(list(described(TextSchema, "One note."), 200), "Several notes, in order."),
]);
