import { AssessmentError, type Issue, type PathSegment } from "../errors/AssessmentError.js";
import { describe as show } from "../_lib/assert.js";
import type { CriterionKind } from "../schema/vocabularies.js";
import type { Decision, DecisionCriterion } from "./buildDecision.js";
import type { CriterionScale } from "./weightedSum.js";
import { readNumberCell } from "../_lib/numberCell.js";

/** A column of the records used as a criterion. */
export interface RecordCriterion {
  /** The column (record key) holding the criterion's values; also the criterion's id. */
  readonly column: string;
  /** `"benefit"` (more is better) or `"cost"` (less is better). */
  readonly kind: CriterionKind;
  /** Its weight (≥ 0; the weights are normalised to sum 1 when used). */
  readonly weight: number;
  /** Its declared scale, for the weighted sum's `"scale"` normalisation. */
  readonly scale?: CriterionScale;
  /** A title for reports. */
  readonly title?: string;
}

/** Options of {@link decisionFromRecords}. */
export interface DecisionFromRecordsOptions {
  /** The column holding each row's id (a non-empty string or a number, unique). */
  readonly id: string;
  /** The criteria columns, with their kinds and weights, in the decision's column order. */
  readonly criteria: readonly RecordCriterion[];
  /** The decimal separator of numbers written as strings: `"."` (default) or `","`. */
  readonly decimalSeparator?: "." | ",";
}

/**
 * Builds the library's {@link Decision} from labelled rows — plain objects, as d3, Arquero,
 * Observable, Deno notebooks and pandas' `DataFrame.to_dict("records")` give them — so that
 * `prioritise` ranks them with every method and each result names its rows by their ids
 * (`ranking[k].solution` is the row's id). Designed by this project (docs/methodology/data-in.md).
 *
 * Rule: the alternatives are the rows, in order, named by their `id` column (a string, or a
 * number written as text); the criteria are `criteria`, in order, each named by its column; each
 * cell is a finite number, or a string read with the decimal separator (`"."` by default: `"3.5"`,
 * `"1e3"`; `","`: `"3,5"`) and never with thousands separators, so `"1,234"` is refused rather
 * than read as 1.234 or 1234. An empty cell is an error, not a 0. Every problem is reported at
 * once, each with its row and column.
 *
 * @param rows - the records, one per alternative
 * @param options - the id column and the criteria columns
 * @returns a decision for `prioritise`, `rankStability` and the other decision functions
 * @throws AssessmentError `invalid_document` with an issue per problem: `missing_field` (a row
 *   without an id or a criterion's value), `duplicate_id` (two rows with one id, two criteria on
 *   one column), `invalid_value` (a value that is not a number, a kind that is neither benefit nor
 *   cost, a weight below 0), `invalid_type` (rows or criteria that are not lists of objects),
 *   `empty` (no rows or no criteria)
 * @example
 * ```ts
 * import { decisionFromRecords, prioritise } from "icc-assessment/prioritisation";
 * const rows = [
 *   { name: "e-participation", impact: 5, cost: "180" },
 *   { name: "info-points", impact: 3, cost: "30" },
 *   { name: "open-data", impact: 4, cost: "60" },
 * ];
 * const decision = decisionFromRecords(rows, {
 *   id: "name",
 *   criteria: [
 *     { column: "impact", kind: "benefit", weight: 0.6 },
 *     { column: "cost", kind: "cost", weight: 0.4 },
 *   ],
 * });
 * decision.matrix; // => [[5, 180], [3, 30], [4, 60]]
 * prioritise(decision, { method: "weightedSum" }).ranking.map((r) => r.solution); // => ["open-data", "e-participation", "info-points"]
 * ```
 */
export function decisionFromRecords(
  rows: readonly Readonly<Record<string, unknown>>[],
  options: DecisionFromRecordsOptions,
): Decision {
  const issues: Issue[] = [];
  const push = (code: Issue["code"], path: PathSegment[], message: string) =>
    issues.push({ code, path, message });
  const refuse = (): never => {
    throw new AssessmentError(issues, "invalid_document");
  };
  const o = (options ?? {}) as Partial<DecisionFromRecordsOptions>;
  if (typeof o.id !== "string" || o.id === "")
    push(
      "missing_field",
      ["options", "id"],
      `options.id must name the column of the rows' ids, got ${show(o.id)}`,
    );
  const decimal = o.decimalSeparator ?? ".";
  if (decimal !== "." && decimal !== ",")
    push(
      "invalid_value",
      ["options", "decimalSeparator"],
      `options.decimalSeparator must be "." or ",", got ${show(decimal)}`,
    );
  const criteria: DecisionCriterion[] = [];
  if (!Array.isArray(o.criteria)) {
    push(
      "invalid_type",
      ["options", "criteria"],
      `options.criteria must list the criteria columns, got ${show(o.criteria)}`,
    );
  } else if (o.criteria.length === 0) {
    push(
      "empty",
      ["options", "criteria"],
      "options.criteria is empty: name at least one criterion column",
    );
  } else {
    const seen = new Set<string>();
    o.criteria.forEach((c: unknown, j) => {
      const at = (k: string): PathSegment[] => ["options", "criteria", j, k];
      if (typeof c !== "object" || c === null) {
        push(
          "invalid_type",
          ["options", "criteria", j],
          `options.criteria[${j}] must be an object with column, kind and weight`,
        );
        return;
      }
      const { column, kind, weight, scale, title } = c as Record<string, unknown>;
      let ok = true;
      if (typeof column !== "string" || column === "") {
        push(
          "missing_field",
          at("column"),
          `options.criteria[${j}].column must name a column, got ${show(column)}`,
        );
        ok = false;
      } else if (seen.has(column)) {
        push(
          "duplicate_id",
          at("column"),
          `options.criteria[${j}].column ${show(column)} is already a criterion`,
        );
        ok = false;
      } else if (column === o.id) {
        push(
          "invalid_value",
          at("column"),
          `options.criteria[${j}].column ${show(column)} is the id column`,
        );
        ok = false;
      }
      if (kind !== "benefit" && kind !== "cost") {
        push(
          "invalid_value",
          at("kind"),
          `options.criteria[${j}].kind must be "benefit" or "cost", got ${show(kind)}`,
        );
        ok = false;
      }
      if (typeof weight !== "number" || !Number.isFinite(weight) || weight < 0) {
        push(
          "invalid_value",
          at("weight"),
          `options.criteria[${j}].weight must be a finite number ≥ 0, got ${show(weight)}`,
        );
        ok = false;
      }
      if (!ok) return;
      seen.add(column as string);
      criteria.push({
        id: column as string,
        kind: kind as CriterionKind,
        weight: (weight as number) + 0, // a -0 weight is a 0
        ...(scale === undefined ? {} : { scale: zeroSigned(scale) as CriterionScale }),
        ...(typeof title === "string" ? { title } : {}),
      });
    });
  }
  if (!Array.isArray(rows))
    push("invalid_type", ["rows"], `rows must be a list of records, got ${show(rows)}`);
  else if (rows.length === 0) push("empty", ["rows"], "rows is empty: there is nothing to rank");
  if (issues.length > 0) refuse();

  const idColumn = o.id as string;
  const alternatives: string[] = [];
  const matrix: number[][] = [];
  const where = new Map<string, number>();
  rows.forEach((row, i) => {
    if (typeof row !== "object" || row === null || Array.isArray(row)) {
      push("invalid_type", ["rows", i], `rows[${i}] must be a record (an object keyed by column)`);
      return;
    }
    const rawId = Object.hasOwn(row, idColumn) ? row[idColumn] : undefined;
    const id =
      typeof rawId === "string"
        ? rawId.trim()
        : typeof rawId === "number" && Number.isFinite(rawId)
          ? String(rawId)
          : "";
    if (id === "")
      push(
        "missing_field",
        ["rows", i, idColumn],
        `row ${i + 1} has no id in column ${show(idColumn)}, got ${show(rawId)}`,
      );
    else if (where.has(id))
      push(
        "duplicate_id",
        ["rows", i, idColumn],
        `row ${i + 1} has the id ${show(id)}, as row ${(where.get(id) as number) + 1} has`,
      );
    else where.set(id, i);
    const values = criteria.map((c) => {
      const v = Object.hasOwn(row, c.id) ? row[c.id] : undefined;
      const n = readNumberCell(v, decimal);
      if (n === undefined) {
        const empty = v === undefined || v === null || (typeof v === "string" && v.trim() === "");
        push(
          empty ? "missing_field" : "invalid_value",
          ["rows", i, c.id],
          empty
            ? `row ${i + 1} (${show(id)}) has no value for criterion ${show(c.id)}; an empty cell is never taken as 0`
            : `row ${i + 1} (${show(id)}), column ${show(c.id)}: expected a number written with ${show(decimal)} as the decimal separator and no thousands separator, got ${show(v)}`,
        );
        return Number.NaN;
      }
      return n;
    });
    alternatives.push(id);
    matrix.push(values);
  });
  if (issues.length > 0) refuse();
  return { alternatives, criteria, matrix };
}

/** A scale `{ min, max }` with -0 read as 0; anything else as given (the ranking checks it). */
function zeroSigned(scale: unknown): unknown {
  if (typeof scale !== "object" || scale === null) return scale;
  const { min, max } = scale as { min?: unknown; max?: unknown };
  return typeof min === "number" && typeof max === "number"
    ? { ...scale, min: min + 0, max: max + 0 }
    : scale;
}
