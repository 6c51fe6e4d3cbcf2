/*
 * Field names read from Decidim's ProposalSerializer (decidim-proposals/lib/decidim/proposals/
 * proposal_serializer.rb in github.com/decidim/decidim); docs/methodology/data-in.md says where:
 * - 0.27 layout (decidim/decidim@001e8d88e, and 0.27 copies adding address/latitude/longitude):
 *   `id`, `category` {id, name{locale}}, `scope` {id, name{locale}}, `title`{locale},
 *   `body`{locale}, `state` ("" | "evaluating" | "accepted" | "rejected" | "withdrawn"),
 *   `reference`, `supports`, `endorsements` {total_count, …}, `url`, `published_at`, …
 * - 0.28 layout (read from a module extending the 0.28 serializer): the same, with `votes`
 *   instead of `supports`, and withdrawal as `withdrawn` (true/false) and `withdrawn_at`.
 * - 0.30 and later (decidim/decidim@46ab35d48; open_data_proposal_serializer.rb at
 *   decidim/decidim@33e656b3e): `taxonomies` instead of category and scope, `votes` (empty when
 *   votes are hidden), `likes` instead of endorsements, `withdrawn`/`withdrawn_at`.
 * The CSV exporter (decidim-core/lib/decidim/exporters/csv.rb) flattens nested keys with "/"
 * (`title/en`, `category/name/bg`) and joins lists with ", ".
 */
import { AssessmentError, type Issue, type PathSegment } from "../../errors/AssessmentError.js";
import { readinessLevels, type ReadinessLevel } from "../../schema/vocabularies.js";
import { isId, showCell } from "../_cells.js";
import type { NeedInput, SolutionInput } from "../_shapes.js";
import { IO_FORMAT_VERSION, PART_FORMAT, type PartFile } from "../types.js";

/** What Decidim proposals become. */
export const decidimTargets = ["solutions", "needs"] as const;
/** What Decidim proposals become: solutions or needs. */
export type DecidimTarget = (typeof decidimTargets)[number];

/** Options of {@link fromDecidimProposals}. */
export interface FromDecidimProposalsOptions {
  /** Whether proposals become solutions or needs. */
  readonly as: DecidimTarget;
  /** The language of titles and texts: this locale, else `en`, else the first locale with text. Default `"en"`. */
  readonly locale?: string;
  /** Keep withdrawn proposals (default false). */
  readonly includeWithdrawn?: boolean;
  /** Keep rejected proposals (default false). */
  readonly includeRejected?: boolean;
  /** Put before each proposal's Decidim id to make the entity id. Default `"decidim-"`. */
  readonly idPrefix?: string;
  /** The readiness of every solution (Decidim does not record one). Default `"idea"`. */
  readonly readiness?: ReadinessLevel;
}

const TITLE_MAX = 300;
const TEXT_MAX = 10_000;

/**
 * Turns Decidim proposals (records from {@link parseDecidimExport}, or the objects of Decidim's
 * JSON export) into a part file of solutions or needs, for `mergePart`. Designed by this project
 * after Decidim's ProposalSerializer, 0.27 and 0.28+ (docs/methodology/data-in.md):
 *
 * - id: `idPrefix` + the proposal's id (`decidim-42`);
 * - text: the title (and, for a solution, the body as its description) in `locale`, else `en`,
 *   else the first locale with text; HTML tags in the body are removed; a title longer than 300
 *   characters, or a text longer than 10,000, is cut with "…";
 * - votes: `supports` (0.27) or `votes` (0.28+) as a need's `votes`; endorsements (likes) are not
 *   votes and are not read. A solution has no vote count in the assessment format, so its
 *   support count goes into its source line;
 * - theme (solutions): the category and scope names (0.27, 0.28) or the taxonomy names (0.30+),
 *   joined by " / ";
 * - source link: "Source: Decidim proposal <reference>, <url>" ends a solution's description and a
 *   need's statement (the format has no source field on needs and solutions);
 * - a solution's readiness is `readiness` (default `"idea"`: a citizen's proposal is an idea);
 *   a need is raised by no stakeholder (`raisedBy: []`: Decidim authors are people, not the
 *   assessment's stakeholders);
 * - withdrawn proposals (state "withdrawn", or `withdrawn` true, or a `withdrawn_at` date) and
 *   rejected ones (state "rejected") are left out unless `includeWithdrawn` / `includeRejected`.
 *
 * Both the nested (JSON) and the flattened (CSV: `title/en`) forms are read.
 *
 * @param records - the proposals
 * @param options - what they become, the locale, which to keep
 * @returns a part file with `needs` or `solutions`, in the export's order
 * @throws AssessmentError `invalid_document` with an issue per problem: `missing_field` (a
 *   proposal without an id or a title), `invalid_id` (an id that makes no valid entity id),
 *   `invalid_value` (a vote count that is not a whole number), `duplicate_id` (one proposal twice);
 *   `invalid_value` / `invalid_type` for options
 * @example
 * ```ts
 * import { fromDecidimProposals } from "icc-assessment/io";
 * const part = fromDecidimProposals(
 *   [
 *     { id: 7, title: { en: "Bike lanes", bg: "Велоалеи" }, state: "accepted", reference: "SOF-PROP-2025-03-7", votes: 12, url: "https://decidim.example.org/processes/mobility/f/3/proposals/7" },
 *     { id: 8, title: { en: "Free parking" }, state: "rejected", votes: 3 },
 *   ],
 *   { as: "needs", locale: "bg" },
 * );
 * part.needs; // => [{ id: "decidim-7", statement: "Велоалеи\n\nSource: Decidim proposal SOF-PROP-2025-03-7, https://decidim.example.org/processes/mobility/f/3/proposals/7", raisedBy: [], votes: 12 }]
 * ```
 */
export function fromDecidimProposals(
  records: readonly Readonly<Record<string, unknown>>[],
  options: FromDecidimProposalsOptions,
): PartFile {
  const o = (options ?? {}) as Partial<FromDecidimProposalsOptions>;
  const optionIssues: Issue[] = [];
  if (o.as !== "solutions" && o.as !== "needs")
    optionIssues.push({
      code: "invalid_value",
      path: ["options", "as"],
      message: `as must be "solutions" or "needs", got ${showCell(String(o.as))}`,
    });
  if (o.readiness !== undefined && !(readinessLevels as readonly string[]).includes(o.readiness))
    optionIssues.push({
      code: "invalid_value",
      path: ["options", "readiness"],
      message: `readiness must be one of ${readinessLevels.join(", ")}, got ${showCell(String(o.readiness))}`,
    });
  if (o.locale !== undefined && (typeof o.locale !== "string" || o.locale === ""))
    optionIssues.push({
      code: "invalid_type",
      path: ["options", "locale"],
      message: "locale must be a language code such as bg",
    });
  if (o.idPrefix !== undefined && typeof o.idPrefix !== "string")
    optionIssues.push({
      code: "invalid_type",
      path: ["options", "idPrefix"],
      message: "idPrefix must be a string",
    });
  if (!Array.isArray(records))
    optionIssues.push({
      code: "invalid_type",
      path: ["records"],
      message: "records must be an array of proposals",
    });
  if (optionIssues.length > 0) throw new AssessmentError(optionIssues);

  const locale = o.locale ?? "en";
  const prefix = o.idPrefix ?? "decidim-";
  const readiness = o.readiness ?? "idea";
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  const needs: NeedInput[] = [];
  const solutions: SolutionInput[] = [];
  records.forEach((raw, i) => {
    const at = (...p: PathSegment[]): PathSegment[] => ["records", i, ...p];
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      issues.push({
        code: "invalid_type",
        path: at(),
        message: `proposal ${i + 1} is not an object`,
      });
      return;
    }
    const r = unflatten(raw);
    const state = text(r["state"]);
    const withdrawn =
      state === "withdrawn" || isTrue(r["withdrawn"]) || text(r["withdrawn_at"]) !== "";
    if (withdrawn && o.includeWithdrawn !== true) return;
    if (state === "rejected" && o.includeRejected !== true) return;

    const rawId = text(r["id"]);
    const id = `${prefix}${rawId}`;
    if (rawId === "") {
      issues.push({
        code: "missing_field",
        path: at("id"),
        message: `proposal ${i + 1} has no id`,
      });
      return;
    }
    if (!isId(id)) {
      issues.push({
        code: "invalid_id",
        path: at("id"),
        message: `proposal ${i + 1}: ${showCell(id)} is not a valid id (letters, digits and . _ : -, at most 100)`,
      });
      return;
    }
    const before = seen.get(id);
    if (before !== undefined) {
      issues.push({
        code: "duplicate_id",
        path: at("id"),
        message: `proposal ${i + 1} has the id ${showCell(rawId)}, as proposal ${before + 1} has`,
      });
      return;
    }
    seen.set(id, i);
    const title = clip(oneLine(translated(r["title"], locale)), TITLE_MAX);
    if (title === "") {
      issues.push({
        code: "missing_field",
        path: at("title"),
        message: `proposal ${i + 1} (${showCell(rawId)}) has no title in any language`,
      });
      return;
    }
    const votesRaw =
      r["votes"] !== undefined && text(r["votes"]) !== "" ? r["votes"] : r["supports"];
    let votes: number | undefined;
    if (votesRaw !== undefined && votesRaw !== null && text(votesRaw) !== "") {
      const n =
        typeof votesRaw === "number"
          ? votesRaw
          : /^\d+$/.test(text(votesRaw))
            ? Number(text(votesRaw))
            : Number.NaN;
      if (!Number.isSafeInteger(n) || n < 0) {
        issues.push({
          code: "invalid_value",
          path: at(r["votes"] !== undefined ? "votes" : "supports"),
          message: `proposal ${i + 1} (${showCell(rawId)}): the vote count must be a whole number ≥ 0, got ${showCell(text(votesRaw))}`,
        });
        return;
      }
      votes = n;
    }
    const reference = text(r["reference"]);
    const url = text(r["url"]);
    const source = `Source: Decidim proposal ${reference !== "" ? reference : rawId}${url !== "" ? `, ${url}` : ""}`;
    if (o.as === "needs") {
      needs.push({
        id,
        statement: `${title}\n\n${source}`,
        raisedBy: [],
        ...(votes === undefined ? {} : { votes }),
      });
      return;
    }
    const body = plainText(translated(r["body"], locale));
    const tail = `${source}${votes === undefined ? "" : ` (${votes} support${votes === 1 ? "" : "s"})`}`;
    const room = TEXT_MAX - tail.length - 2;
    const theme = clip(themeOf(r, locale), TITLE_MAX);
    solutions.push({
      id,
      title,
      description: body === "" ? tail : `${clip(body, room)}\n\n${tail}`,
      ...(theme === "" ? {} : { theme }),
      readiness,
    });
  });
  if (issues.length > 0) throw new AssessmentError(issues, "invalid_document");
  return o.as === "needs"
    ? { format: PART_FORMAT, formatVersion: IO_FORMAT_VERSION, needs }
    : { format: PART_FORMAT, formatVersion: IO_FORMAT_VERSION, solutions };
}

/** A flattened record (`title/en`) as nested objects (`{ title: { en } }`); nested keys win. */
function unflatten(record: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (!key.includes("/")) {
      if (!(key in out)) out[key] = value;
      continue;
    }
    const parts = key.split("/");
    let node = out;
    for (let k = 0; k < parts.length - 1; k++) {
      const p = parts[k] as string;
      const next = node[p];
      if (typeof next === "object" && next !== null && !Array.isArray(next))
        node = next as Record<string, unknown>;
      else if (next === undefined || next === "" || next === null) {
        const child = Object.create(null) as Record<string, unknown>;
        node[p] = child;
        node = child;
      } else {
        node = Object.create(null) as Record<string, unknown>; // a plain value is there: keep it
      }
    }
    node[parts[parts.length - 1] as string] = value;
  }
  return out;
}

/** A scalar as trimmed text ("" for null, undefined, objects). */
function text(v: unknown): string {
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v === "boolean") return String(v);
  return "";
}

function isTrue(v: unknown): boolean {
  return v === true || (typeof v === "string" && v.trim().toLowerCase() === "true");
}

/**
 * A translated field's text: the requested locale, else `en`, else the first locale with text
 * (Decidim's machine translations are not read). A plain string is taken as it is.
 */
function translated(v: unknown, locale: string): string {
  if (typeof v === "string") return v.trim();
  if (typeof v !== "object" || v === null || Array.isArray(v)) return "";
  const t = v as Record<string, unknown>;
  for (const key of [locale, "en"]) {
    const s = text(t[key]);
    if (s !== "") return s;
  }
  for (const [key, value] of Object.entries(t)) {
    if (key === "machine_translations") continue;
    const s = text(value);
    if (s !== "") return s;
  }
  return "";
}

/** The theme: category and scope names (0.27, 0.28) or taxonomy names (0.30+), joined by " / ". */
function themeOf(r: Record<string, unknown>, locale: string): string {
  const names: string[] = [];
  for (const key of ["category", "scope"]) {
    const v = r[key];
    if (typeof v === "object" && v !== null)
      names.push(translated((v as Record<string, unknown>)["name"], locale));
  }
  // 0.30+: a list of taxonomies (or one object) with translated names; CSV joins lists with ", "
  const collect = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (typeof v === "string") names.push(...v.split(", "));
    else if (typeof v === "object" && v !== null && "name" in v) {
      const n = (v as Record<string, unknown>)["name"];
      for (const x of Array.isArray(n) ? n : [n]) names.push(...translated(x, locale).split(", "));
    }
  };
  collect(r["taxonomies"]);
  return [...new Set(names.map((n) => oneLine(n)).filter((n) => n !== ""))].join(" / ");
}

/** Text on one line (a title or a theme). */
function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};

/** HTML (Decidim 0.27 bodies) as plain text: tags removed, paragraphs kept, common entities decoded. */
function plainText(s: string): string {
  return s
    .replace(/<\s*(br|\/p|\/li|\/h\d)\s*\/?>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
      if (e.startsWith("#x") || e.startsWith("#X"))
        return safeChar(Number.parseInt(e.slice(2), 16), m);
      if (e.startsWith("#")) return safeChar(Number.parseInt(e.slice(1), 10), m);
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function safeChar(code: number, fallback: string): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

/** The text cut to `max` characters (code points kept whole), "…" marking the cut. */
function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = s.slice(0, max - 1);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}…`;
}
