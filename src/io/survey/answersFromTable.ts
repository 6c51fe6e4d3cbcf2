import { AssessmentError, type Issue, type PathSegment } from "../../errors/AssessmentError.js";
import { isIsoDate } from "../../_lib/dates.js";
import { compareIds } from "../../_lib/sort.js";
import type { Indicator, MaturityFramework } from "../../schema/framework.js";
import {
  isEmptyCell,
  isId,
  readNumberCell,
  readYesNoCell,
  showCell,
  YES_NO_WORDS,
  type Cell,
} from "../_cells.js";
import {
  ANSWERS_FORMAT,
  IO_FORMAT_VERSION,
  type AnswerObservation,
  type AnswersFile,
} from "../types.js";
import {
  isMajority,
  lowerMedian,
  lowerMedianIndex,
  mean,
  surveyCombinationRules,
} from "./combinationRules.js";

/** Where a column's answers go: an indicator id, or an indicator's option or grid row. */
export type SurveyColumnTarget =
  string | { readonly indicator: string; readonly option?: string; readonly row?: string };

/** What a survey tool's answer label stands for: an option id, a number, yes/no, or `null` (not answered). */
export type SurveyAnswerValue = string | number | boolean | null;

/**
 * How a survey tool's export maps onto a framework (the `--columns` file of `icc-assess import
 * survey`). Every part is optional; without a map, headers must be indicator ids (`sg.strategy`),
 * `indicator[option]` for one column per multi-select option, or `indicator[row]` for one column
 * per rating-grid row, and answers must be option ids, option texts, numbers or yes/no.
 */
export interface SurveyColumnMap {
  /** The header of the unit (city) column. Default `"unit"`. */
  readonly unit?: string;
  /** Unit labels as the survey wrote them → unit ids (`{ "Sofia": "sofia" }`). */
  readonly units?: Readonly<Record<string, string>>;
  /** Survey headers → where their answers go. */
  readonly columns?: Readonly<Record<string, SurveyColumnTarget>>;
  /**
   * Answer labels → values, per indicator id, or under `"*"` for every question
   * (`{ "*": { "Ja": "yes" }, "sg.budget": { "Jährlich": "annual" } }`). A question's own labels
   * come first; a label is matched exactly, then ignoring case.
   */
  readonly answers?: Readonly<Record<string, Readonly<Record<string, SurveyAnswerValue>>>>;
  /** Headers to leave out (the survey tool's own columns: response id, dates, language, …). */
  readonly ignore?: readonly string[];
}

/** Options of {@link answersFromTable}. */
export interface AnswersFromTableOptions {
  /** The unit (city id) of every row; the table's unit column is then not read. */
  readonly unit?: string;
  /** How the survey's headers and labels map onto the framework. */
  readonly columns?: SurveyColumnMap;
  /** The decimal separator of number cells: `"."` (default) or `","` (`"3,5"`). */
  readonly decimalSeparator?: "." | ",";
  /** What separates the options of a multi-select answer written in one cell. Default `","`. */
  readonly listSeparator?: string;
  /** What a header that is neither a question, the unit column nor ignored is: `"error"` (default) or `"ignore"`. */
  readonly unknownColumns?: "error" | "ignore";
  /** The date the answers were given, `YYYY-MM-DD`, written as `answeredOn`. */
  readonly answeredOn?: string;
  /** Written as each observation's `source` (for example the file name). */
  readonly source?: string;
}

/** A table: rows of cells with the header first, or records (objects keyed by header). */
export type SurveyTable = readonly (readonly Cell[])[] | readonly Readonly<Record<string, Cell>>[];

type Column =
  | { readonly kind: "unit" }
  | { readonly kind: "ignore" }
  | { readonly kind: "whole"; readonly k: number }
  | { readonly kind: "option"; readonly k: number; readonly option: number }
  | { readonly kind: "row"; readonly k: number; readonly row: number };

/** One respondent's answer to one question, parsed. */
type Answer =
  | { readonly t: "bool"; readonly v: boolean }
  | { readonly t: "num"; readonly v: number }
  | { readonly t: "option"; readonly v: number }
  | { readonly t: "ticks"; readonly v: Set<number> }
  | { readonly t: "grid"; readonly v: Map<number, number> };

interface Sheet {
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** The path of a cell (r: data row from 0, c: column). */
  readonly at: (r: number, c: number) => PathSegment[];
  /** A cell's place in words. */
  readonly where: (r: number, c: number) => string;
}

const MAP_KEYS = ["unit", "units", "columns", "answers", "ignore"];

/**
 * Turns a survey export — one row per respondent, one column per question — into an answers file
 * for a framework: each respondent's cells are read by their question's answer type, and the
 * answers of several respondents for one unit are combined by {@link surveyCombinationRules}
 * (lower median for ordinal answers, mean for numbers, a majority for yes/no and ticked options;
 * docs/methodology/data-in.md). Designed by this project.
 *
 * The unit of a row is its unit column's value (header `"unit"`, or `columns.unit`; labels
 * mapped by `columns.units`), or `options.unit` for every row. Every unreadable cell, unknown
 * column and bad mapping is reported at once, each with its row (the header is row 1, as a
 * spreadsheet counts), its column, its value and what was expected. A row whose cells are all
 * empty is no respondent and is skipped. Each observation's `note`
 * says how many respondents answered and by which rule their answers were combined.
 *
 * @param rows - the header row then one row per respondent, or records keyed by header
 * @param framework - the framework the survey asks (built-in or from `defineFramework`)
 * @param options - the unit, the column map, the decimal separator, …
 * @returns an answers file: observations by unit (sorted by id) and question (framework order),
 *   and the number of respondents per unit
 * @throws AssessmentError `invalid_document` with an issue per problem: `invalid_value` (a cell
 *   that is not an answer of its question, a unit that is not an id), `unknown_key` (a header
 *   that is no question, a mapping to an unknown indicator, option or row), `missing_field` (no
 *   unit), `duplicate_id` (two columns for one answer), `length_mismatch` (a row with more or
 *   fewer cells than the header), `empty` (no rows, an empty header, no column holding a
 *   question), `invalid_type` (a malformed map), `invalid_id` (a unit option or a mapped unit that
 *   is not an id), `invalid_date` (`answeredOn`); options and the map are checked first, alone
 * @example
 * ```ts
 * import { getFramework } from "icc-assessment/frameworks";
 * import { answersFromTable } from "icc-assessment/io";
 * const framework = getFramework("icc-citizen-participation", "1.0.0");
 * const answers = answersFromTable(
 *   [
 *     ["unit", "sg.strategy", "sg.ownership", "sg.budget"],
 *     ["sofia", "yes", "3", "annual"],
 *     ["sofia", "yes", "4", "adHoc"],
 *     ["sofia", "no", "1", "Project by project, as funds appear"],
 *   ],
 *   framework,
 * );
 * answers.respondents; // => [{ unit: "sofia", count: 3 }]
 * answers.observations.map((o) => o.value); // => [true, 3, "adHoc"]
 * ```
 */
export function answersFromTable(
  rows: SurveyTable,
  framework: MaturityFramework,
  options: AnswersFromTableOptions = {},
): AnswersFile {
  const issues: Issue[] = [];
  const issue = (code: Issue["code"], path: PathSegment[], message: string) =>
    issues.push({ code, path, message });
  const refuse = (): never => {
    throw new AssessmentError(issues, "invalid_document");
  };

  // ---- options and the column map (the CLI reads the map from a file: check it here)
  const decimal = options.decimalSeparator ?? ".";
  if (decimal !== "." && decimal !== ",")
    issue(
      "invalid_value",
      ["options", "decimalSeparator"],
      `decimalSeparator must be "." or ",", got ${showCell(String(decimal))}`,
    );
  const listSeparator = options.listSeparator ?? ",";
  if (typeof listSeparator !== "string" || listSeparator === "")
    issue(
      "invalid_value",
      ["options", "listSeparator"],
      "listSeparator must be a non-empty string",
    );
  const unknownColumns = options.unknownColumns ?? "error";
  if (unknownColumns !== "error" && unknownColumns !== "ignore")
    issue(
      "invalid_value",
      ["options", "unknownColumns"],
      `unknownColumns must be "error" or "ignore", got ${showCell(String(unknownColumns))}`,
    );
  if (options.answeredOn !== undefined && !isIsoDate(options.answeredOn))
    issue(
      "invalid_date",
      ["options", "answeredOn"],
      `answeredOn must be a calendar date YYYY-MM-DD, got ${showCell(String(options.answeredOn))}`,
    );
  if (options.unit !== undefined && !isId(options.unit))
    issue(
      "invalid_id",
      ["options", "unit"],
      `unit must be an id of letters, digits and . _ : - starting with a letter or digit, got ${showCell(String(options.unit))}`,
    );
  const map = readMap(options.columns, issue);
  if (issues.length > 0) refuse();

  const sheet = toSheet(rows, issue);
  if (sheet === undefined) return refuse();

  // ---- columns
  const indicators = framework.indicators;
  const indexOf = new Map(indicators.map((ind, k) => [ind.id, k]));
  const unitHeader = map.unit ?? "unit";
  const ignore = new Set(map.ignore ?? []);
  const seen = new Map<string, number>();
  const wholeMulti = new Set<number>();
  const perOptionMulti = new Set<number>();
  const columns: Column[] = sheet.header.map((raw, c) => {
    const h = raw.trim();
    const at: PathSegment[] = ["rows", 0, c];
    const name = `column ${c + 1} (${showCell(raw)})`;
    if (h === unitHeader) return { kind: options.unit === undefined ? "unit" : "ignore" };
    if (ignore.has(h)) return { kind: "ignore" };
    const mapped = own(map.columns, h);
    let target: { indicator: string; option?: string; row?: string } | undefined;
    if (mapped !== undefined) target = typeof mapped === "string" ? { indicator: mapped } : mapped;
    else if (indexOf.has(h)) target = { indicator: h };
    else {
      const m = /^(.+)\[(.+)\]$/.exec(h);
      const ind = m === null ? undefined : indicators[indexOf.get(m[1] as string) ?? -1];
      if (m !== null && ind?.type === "multiSelect")
        target = { indicator: ind.id, option: m[2] as string };
      else if (m !== null && ind?.type === "ratingGrid")
        target = { indicator: ind.id, row: m[2] as string };
    }
    if (target === undefined) {
      if (unknownColumns === "ignore") return { kind: "ignore" };
      issue(
        "unknown_key",
        at,
        `${name} is not a question of framework ${framework.id}@${framework.version}, nor the unit column (${showCell(unitHeader)}): map it in columns.columns, list it in columns.ignore, or ignore unknown columns`,
      );
      return { kind: "ignore" };
    }
    const k = indexOf.get(target.indicator);
    const ind = k === undefined ? undefined : indicators[k];
    if (k === undefined || ind === undefined) {
      issue(
        "unknown_key",
        at,
        `${name} maps to ${showCell(target.indicator)}, which is not an indicator of framework ${framework.id}@${framework.version}`,
      );
      return { kind: "ignore" };
    }
    const key = `${ind.id}\u0000${target.option ?? ""}\u0000${target.row ?? ""}`;
    const before = seen.get(key);
    if (before !== undefined) {
      issue(
        "duplicate_id",
        at,
        `${name} and column ${before + 1} both hold the answers to ${describeTarget(target)}`,
      );
      return { kind: "ignore" };
    }
    seen.set(key, c);
    if (target.option !== undefined) {
      const o =
        ind.type === "multiSelect" ? ind.options.findIndex((x) => x.value === target.option) : -1;
      if (o < 0) {
        issue(
          "unknown_key",
          at,
          ind.type === "multiSelect"
            ? `${name} maps to option ${showCell(target.option)} of ${showCell(ind.id)}, which has the options ${ind.options.map((x) => x.value).join(", ")}`
            : `${name} maps to an option of ${showCell(ind.id)}, which is a ${ind.type} question, not a multi-select one`,
        );
        return { kind: "ignore" };
      }
      perOptionMulti.add(k);
      return { kind: "option", k, option: o };
    }
    if (target.row !== undefined) {
      const r = ind.type === "ratingGrid" ? ind.rows.findIndex((x) => x.id === target.row) : -1;
      if (r < 0) {
        issue(
          "unknown_key",
          at,
          ind.type === "ratingGrid"
            ? `${name} maps to row ${showCell(target.row)} of ${showCell(ind.id)}, which has the rows ${ind.rows.map((x) => x.id).join(", ")}`
            : `${name} maps to a row of ${showCell(ind.id)}, which is a ${ind.type} question, not a rating grid`,
        );
        return { kind: "ignore" };
      }
      return { kind: "row", k, row: r };
    }
    if (ind.type === "ratingGrid") {
      issue(
        "invalid_value",
        at,
        `${name} holds the rating grid ${showCell(ind.id)} in one column: give each row its own column, ${ind.id}[${ind.rows[0]?.id ?? "row"}] and so on`,
      );
      return { kind: "ignore" };
    }
    if (ind.type === "multiSelect") wholeMulti.add(k);
    return { kind: "whole", k };
  });
  for (const k of wholeMulti) {
    if (perOptionMulti.has(k)) {
      issue(
        "duplicate_id",
        ["rows", 0],
        `the multi-select question ${showCell(indicators[k]?.id)} has both a column of its own and one column per option: keep one layout`,
      );
    }
  }
  if (!columns.some((c) => "k" in c) && issues.length === 0) {
    issue(
      "empty",
      ["rows", 0],
      `no column holds a question of framework ${framework.id}@${framework.version}`,
    );
  }
  if (options.unit === undefined && !columns.some((c) => c.kind === "unit")) {
    issue(
      "missing_field",
      ["options", "unit"],
      `the table has no unit column (${showCell(unitHeader)}) and no unit was given for every row`,
    );
  }
  if (issues.length > 0) refuse();

  // ---- cells
  const labels = map.answers ?? {};
  const byUnit = new Map<string, { count: number; answers: Map<number, Answer[]> }>();
  sheet.rows.forEach((cells, r) => {
    // a row of empty cells is no respondent (spreadsheets write ";;;;" lines after the data)
    if (cells.every(isEmptyCell)) return;
    if (cells.length !== sheet.header.length && Array.isArray(rows[0])) {
      issue(
        "length_mismatch",
        ["rows", r + 1],
        `row ${r + 2} has ${cells.length} cells, the header has ${sheet.header.length}`,
      );
      return;
    }
    let unit = options.unit;
    const c0 = columns.findIndex((c) => c.kind === "unit");
    if (unit === undefined && c0 >= 0) {
      const cell = cells[c0];
      const text = isEmptyCell(cell) ? "" : String(cell).trim();
      const id = own(map.units, text) ?? text;
      if (text === "")
        issue("missing_field", sheet.at(r, c0), `${sheet.where(r, c0)}: the unit is empty`);
      else if (!isId(id)) {
        issue(
          "invalid_value",
          sheet.at(r, c0),
          `${sheet.where(r, c0)}: expected a unit id (letters, digits and . _ : -) or a label mapped by columns.units, got ${showCell(cell)}`,
        );
      } else unit = id;
    }
    const got = new Map<number, Answer>();
    columns.forEach((col, c) => {
      if (col.kind === "unit" || col.kind === "ignore") return;
      const ind = indicators[col.k] as Indicator;
      const cell = cells[c];
      const bad = (expected: string): void => {
        issue(
          "invalid_value",
          sheet.at(r, c),
          `${sheet.where(r, c)}: ${showCell(cell)} is not an answer to ${showCell(ind.id)}: expected ${expected}`,
        );
      };
      const label = mapLabel(labels, ind.id, cell);
      if (label === null) return; // mapped to "not answered"
      const value: Cell = label === undefined ? cell : label;
      if (isEmptyCell(value)) return;
      if (col.kind === "option") {
        const o = ind.type === "multiSelect" ? ind.options[col.option] : undefined;
        const prev = got.get(col.k);
        const ticks = prev?.t === "ticks" ? prev.v : new Set<number>();
        const t =
          typeof value === "string" &&
          o !== undefined &&
          (value.trim() === o.value ||
            value.trim().toLowerCase() === (o.text ?? "").toLowerCase() ||
            value.trim().toLowerCase() === "x")
            ? true
            : readYesNoCell(value);
        if (t === undefined)
          return bad(`a tick (${YES_NO_WORDS}, x, or the option's id or text) or an empty cell`);
        if (t) ticks.add(col.option);
        got.set(col.k, { t: "ticks", v: ticks });
        return;
      }
      if (col.kind === "row") {
        if (ind.type !== "ratingGrid") return;
        const n = readNumberCell(value, decimal);
        if (n === undefined || n < ind.scale.min || n > ind.scale.max)
          return bad(
            `a number from ${ind.scale.min} to ${ind.scale.max} for row ${showCell(ind.rows[col.row]?.id)}`,
          );
        const prev = got.get(col.k);
        const grid = prev?.t === "grid" ? prev.v : new Map<number, number>();
        grid.set(col.row, n);
        got.set(col.k, { t: "grid", v: grid });
        return;
      }
      const a = readWhole(ind, value, decimal, listSeparator, labels);
      if (typeof a === "string") return bad(a);
      got.set(col.k, a);
    });
    if (unit === undefined) return;
    let entry = byUnit.get(unit);
    if (entry === undefined) byUnit.set(unit, (entry = { count: 0, answers: new Map() }));
    entry.count++;
    for (const [k, a] of got) {
      const list = entry.answers.get(k);
      if (list === undefined) entry.answers.set(k, [a]);
      else list.push(a);
    }
  });
  if (issues.length > 0) refuse();

  // ---- combine
  const asked = [...new Set(columns.flatMap((c) => ("k" in c ? [c.k] : [])))].sort((a, b) => a - b);
  const observations: AnswerObservation[] = [];
  const units = [...byUnit.keys()].sort(compareIds);
  for (const unit of units) {
    const entry = byUnit.get(unit) as { count: number; answers: Map<number, Answer[]> };
    for (const k of asked) {
      const ind = indicators[k] as Indicator;
      const given = entry.answers.get(k) ?? [];
      const value = given.length === 0 ? null : combine(ind, given);
      const rule = surveyCombinationRules[ind.type].rule;
      observations.push({
        unit,
        indicator: ind.id,
        value,
        ...(options.source === undefined ? {} : { source: options.source }),
        note:
          given.length === 0
            ? `none of ${entry.count} respondent${entry.count === 1 ? "" : "s"} answered`
            : `${given.length} of ${entry.count} respondent${entry.count === 1 ? "" : "s"} answered; combined by ${rule}`,
      });
    }
  }
  return {
    format: ANSWERS_FORMAT,
    formatVersion: IO_FORMAT_VERSION,
    framework: { id: framework.id, version: framework.version },
    ...(options.answeredOn === undefined ? {} : { answeredOn: options.answeredOn }),
    observations,
    respondents: units.map((unit) => ({
      unit,
      count: (byUnit.get(unit) as { count: number }).count,
    })),
  };
}

function describeTarget(t: { indicator: string; option?: string; row?: string }): string {
  if (t.option !== undefined) return `option ${showCell(t.option)} of ${showCell(t.indicator)}`;
  if (t.row !== undefined) return `row ${showCell(t.row)} of ${showCell(t.indicator)}`;
  return showCell(t.indicator);
}

/** A label's mapped value (the question's own labels, then `"*"`; exact, then ignoring case). */
function mapLabel(
  labels: Readonly<Record<string, Readonly<Record<string, SurveyAnswerValue>>>>,
  indicator: string,
  cell: Cell,
): SurveyAnswerValue | undefined {
  if (typeof cell !== "string") return undefined;
  const s = cell.trim();
  for (const table of [own(labels, indicator), own(labels, "*")]) {
    if (table === undefined) continue;
    if (Object.hasOwn(table, s)) return table[s];
  }
  const lower = s.toLowerCase();
  for (const table of [own(labels, indicator), own(labels, "*")]) {
    if (table === undefined) continue;
    for (const key of Object.keys(table)) if (key.toLowerCase() === lower) return table[key];
  }
  return undefined;
}

/** A cell of a one-column question read by its type: the answer, or what was expected. */
function readWhole(
  ind: Indicator,
  value: Cell,
  decimal: "." | ",",
  listSeparator: string,
  labels: Readonly<Record<string, Readonly<Record<string, SurveyAnswerValue>>>>,
): Answer | string {
  switch (ind.type) {
    case "binary": {
      const b = readYesNoCell(value);
      return b === undefined ? `yes or no (${YES_NO_WORDS})` : { t: "bool", v: b };
    }
    case "likert": {
      const n = readNumberCell(value, decimal);
      return n === undefined || n < ind.scale.min || n > ind.scale.max
        ? `a number from ${ind.scale.min} to ${ind.scale.max}`
        : { t: "num", v: n };
    }
    case "numeric": {
      const n = readNumberCell(value, decimal);
      // a share in per cent, as validateAssessment reads a numeric indicator whose unit is "%"
      if (n !== undefined && ind.unit?.trim() === "%" && (n < 0 || n > 100))
        return "a number from 0 to 100 (%)";
      return n === undefined
        ? `a number${ind.unit === undefined ? "" : ` (${ind.unit})`} written with ${showCell(decimal)} as the decimal separator and no thousands separator`
        : { t: "num", v: n };
    }
    case "categorical": {
      const o = findOption(ind.options, value);
      return o < 0
        ? `one of its options (${ind.options.map((x) => x.value).join(", ")}) or their texts`
        : { t: "option", v: o };
    }
    case "multiSelect": {
      const whole = findOption(ind.options, value);
      if (whole >= 0) return { t: "ticks", v: new Set([whole]) };
      const ticks = new Set<number>();
      for (const part of String(value).split(listSeparator)) {
        const p = part.trim();
        if (p === "") continue;
        const mapped = mapLabel(labels, ind.id, p);
        const o = findOption(ind.options, mapped === undefined || mapped === null ? p : mapped);
        if (o < 0)
          return `options of ${showCell(ind.id)} (${ind.options.map((x) => x.value).join(", ")}, or their texts) separated by ${showCell(listSeparator)}; ${showCell(p)} is none of them`;
        ticks.add(o);
      }
      return { t: "ticks", v: ticks };
    }
    default:
      return "a rating grid row in a column of its own";
  }
}

/** The index of the option a cell names by id or by text (ignoring case), or −1. */
function findOption(
  options: readonly { value: string; text?: string | undefined }[],
  cell: Cell,
): number {
  if (typeof cell !== "string") return -1;
  const s = cell.trim();
  const byId = options.findIndex((o) => o.value === s);
  if (byId >= 0) return byId;
  const lower = s.toLowerCase();
  return options.findIndex((o) => o.text !== undefined && o.text.toLowerCase() === lower);
}

/** Several respondents' answers to one question, combined by the question type's rule. */
function combine(ind: Indicator, given: readonly Answer[]): AnswerObservation["value"] {
  switch (ind.type) {
    case "binary": {
      const yes = given.filter((a) => a.t === "bool" && a.v).length;
      return isMajority(yes, given.length);
    }
    case "likert":
      return lowerMedian(given.map((a) => (a as { v: number }).v));
    case "numeric":
      return mean(given.map((a) => (a as { v: number }).v));
    case "categorical": {
      const order = given
        .map((a) => (a as { v: number }).v)
        .sort(
          (x, y) => (ind.options[x]?.score as number) - (ind.options[y]?.score as number) || x - y,
        );
      return ind.options[order[lowerMedianIndex(order.length)] as number]?.value as string;
    }
    case "multiSelect":
      return ind.options
        .filter((_, o) =>
          isMajority(given.filter((a) => a.t === "ticks" && a.v.has(o)).length, given.length),
        )
        .map((o) => o.value);
    case "ratingGrid": {
      const out: { row: string; value: number }[] = [];
      ind.rows.forEach((row, r) => {
        const values = given.flatMap((a) =>
          a.t === "grid" && a.v.has(r) ? [a.v.get(r) as number] : [],
        );
        if (values.length > 0) out.push({ row: row.id, value: lowerMedian(values) });
      });
      return out;
    }
  }
}

/** Checks the column map (it comes from a file); its problems are issues. */
function readMap(
  value: unknown,
  issue: (code: Issue["code"], path: PathSegment[], message: string) => void,
): SurveyColumnMap {
  if (value === undefined) return {};
  const at = (...p: PathSegment[]): PathSegment[] => ["options", "columns", ...p];
  if (!isPlainRecord(value)) {
    issue(
      "invalid_type",
      at(),
      "the column map must be an object with unit, units, columns, answers and ignore",
    );
    return {};
  }
  for (const key of Object.keys(value)) {
    if (!MAP_KEYS.includes(key))
      issue(
        "unknown_key",
        at(key),
        `the column map has no field ${showCell(key)}; its fields are ${MAP_KEYS.join(", ")}`,
      );
  }
  const v = value as Record<string, unknown>;
  if (v["unit"] !== undefined && typeof v["unit"] !== "string")
    issue("invalid_type", at("unit"), "unit must be the header of the unit column (a string)");
  if (v["units"] !== undefined) {
    if (!isPlainRecord(v["units"]))
      issue("invalid_type", at("units"), "units must map unit labels to unit ids");
    else
      for (const [label, id] of Object.entries(v["units"]))
        if (!isId(id))
          issue(
            "invalid_id",
            at("units", label),
            `units maps ${showCell(label)} to ${showCell(String(id))}, which is not an id`,
          );
  }
  if (v["columns"] !== undefined) {
    if (!isPlainRecord(v["columns"]))
      issue("invalid_type", at("columns"), "columns must map survey headers to indicator ids");
    else
      for (const [header, t] of Object.entries(v["columns"])) {
        const ok =
          typeof t === "string" ||
          (isPlainRecord(t) &&
            typeof t["indicator"] === "string" &&
            (t["option"] === undefined || typeof t["option"] === "string") &&
            (t["row"] === undefined || typeof t["row"] === "string") &&
            !(t["option"] !== undefined && t["row"] !== undefined) &&
            Object.keys(t).every((k) => k === "indicator" || k === "option" || k === "row"));
        if (!ok)
          issue(
            "invalid_type",
            at("columns", header),
            `columns[${showCell(header)}] must be an indicator id, or { "indicator": id, "option": id } or { "indicator": id, "row": id }`,
          );
      }
  }
  if (v["answers"] !== undefined) {
    if (!isPlainRecord(v["answers"]))
      issue(
        "invalid_type",
        at("answers"),
        'answers must map indicator ids (or "*") to { label: value }',
      );
    else
      for (const [ind, table] of Object.entries(v["answers"])) {
        if (!isPlainRecord(table)) {
          issue(
            "invalid_type",
            at("answers", ind),
            `answers[${showCell(ind)}] must map labels to values`,
          );
          continue;
        }
        for (const [label, x] of Object.entries(table))
          if (!(
            x === null ||
            typeof x === "string" ||
            typeof x === "boolean" ||
            (typeof x === "number" && Number.isFinite(x))
          ))
            issue(
              "invalid_type",
              at("answers", ind, label),
              `the label ${showCell(label)} must map to an option id, a number, true, false or null`,
            );
      }
  }
  if (
    v["ignore"] !== undefined &&
    !(Array.isArray(v["ignore"]) && v["ignore"].every((x) => typeof x === "string"))
  )
    issue("invalid_type", at("ignore"), "ignore must be a list of headers");
  return value as SurveyColumnMap;
}

/** A map's own entry (never one inherited from Object.prototype, such as "constructor"). */
function own<T>(map: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return map !== undefined && Object.hasOwn(map, key) ? map[key] : undefined;
}

function isPlainRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The rows as a sheet: a header and data rows, with the paths and words of each cell. */
function toSheet(
  rows: SurveyTable,
  issue: (code: Issue["code"], path: PathSegment[], message: string) => void,
): Sheet | undefined {
  if (!Array.isArray(rows) || rows.length === 0) {
    issue("empty", ["rows"], "the table is empty: expected a header row and a row per respondent");
    return undefined;
  }
  if (Array.isArray(rows[0])) {
    const table = rows as readonly (readonly Cell[])[];
    const header = (table[0] as readonly Cell[]).map((h) => (isEmptyCell(h) ? "" : String(h)));
    if (header.every((h) => h.trim() === "")) {
      issue("empty", ["rows", 0], "the header row is empty");
      return undefined;
    }
    return {
      header,
      rows: table.slice(1),
      at: (r, c) => ["rows", r + 1, c],
      where: (r, c) => `row ${r + 2}, column ${c + 1} (${showCell(header[c] ?? "")})`,
    };
  }
  const records = rows as readonly Readonly<Record<string, Cell>>[];
  const header: string[] = [];
  const known = new Set<string>();
  for (const rec of records) {
    if (!isPlainRecord(rec)) {
      issue(
        "invalid_type",
        ["rows"],
        "expected rows of cells (arrays) or records (objects), not a mix",
      );
      return undefined;
    }
    for (const key of Object.keys(rec)) {
      if (known.has(key)) continue;
      known.add(key);
      header.push(key);
    }
  }
  return {
    header,
    rows: records.map((rec) => header.map((h) => (Object.hasOwn(rec, h) ? rec[h] : undefined))),
    at: (r, c) => ["rows", r, header[c] as string],
    where: (r, c) => `record ${r + 1}, field ${showCell(header[c] ?? "")}`,
  };
}
