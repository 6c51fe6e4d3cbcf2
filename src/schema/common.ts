import * as z from "zod/mini";
import { Dec } from "../_lib/decimal.js";
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

/** A short text such as a title or a name. */
export const TitleSchema = z.string().check(z.minLength(1), z.maxLength(MAX_TITLE));
/** A long text such as a description or a statement. */
export const TextSchema = z.string().check(z.maxLength(MAX_TEXT));

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
  .check(z.regex(/^[A-Z]{3}$/, { message: "expected an ISO 4217 currency code such as EUR" }));

/** A decimal amount as a string: optional minus, up to 15 integer digits and 6 decimals. */
export const AmountSchema = z
  .string({
    message: 'expected a decimal string such as "125000.00" (money is never a JSON number)',
  })
  .check(
    z.regex(/^-?(0|[1-9]\d{0,14})(\.\d{1,6})?$/, {
      message: 'expected a decimal string such as "125000.00"',
    }),
  );

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
  z.pipe(z.strictObject({ amount: AmountSchema, currency: CurrencySchema }), z.transform(toMoney)),
  { description: "Money: a decimal string amount and an ISO 4217 currency." },
);

/** Money that must not be negative (costs, budgets, funding). */
export const NonNegativeMoneySchema = withMeta(
  z.pipe(
    z.strictObject({
      amount: AmountSchema.check(
        z.refine((s) => !s.startsWith("-"), { message: "expected a non-negative amount" }),
      ),
      currency: CurrencySchema,
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
    months: z.optional(WholeSchema),
    weeks: z.optional(WholeSchema),
    days: z.optional(WholeSchema),
  })
  .check(
    z.refine((d) => d.months !== undefined || d.weeks !== undefined || d.days !== undefined, {
      message: "a duration needs at least one of months, weeks, days",
    }),
  );
/** A duration in whole months, weeks and days. */
export type Duration = z.output<typeof DurationSchema>;

/** A cited source: a title and optionally an address and a note. */
export const SourceSchema = z.strictObject({
  title: TitleSchema,
  url: z.optional(z.url({ protocol: /^https?$/ }).check(z.maxLength(2000))),
  note: z.optional(TextSchema),
});
/** A cited source. */
export type Source = z.output<typeof SourceSchema>;

/** Free-text notes on a document: one string or several. */
export const NotesSchema = z.union([TextSchema, list(TextSchema, 200)]);
