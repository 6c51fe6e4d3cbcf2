/**
 * Reading a table cell as a number, in one home for the importers of `icc-assessment/io` and for
 * `decisionFromRecords`. Designed by this project (docs/methodology/data-in.md).
 */

const DOT_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const COMMA_NUMBER = /^[+-]?(\d+(,\d*)?|,\d+)$/;

/**
 * A cell read as a finite number, or undefined when it is not one. A number passes as it is; a
 * string is trimmed and read with the given decimal separator: `"3.5"` (and `"1e3"`) with `"."`,
 * `"3,5"` with `","`. Thousands separators are never read (`"1,234"` with `"."` is not a number),
 * so a figure is never silently multiplied or divided by a thousand. A negative zero reads as 0.
 */
export function readNumberCell(cell: unknown, decimalSeparator: "." | ","): number | undefined {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell + 0 : undefined;
  if (typeof cell !== "string") return undefined;
  const s = cell.trim();
  const n =
    decimalSeparator === "."
      ? DOT_NUMBER.test(s)
        ? Number(s)
        : Number.NaN
      : COMMA_NUMBER.test(s)
        ? Number(s.replace(",", "."))
        : Number.NaN;
  return Number.isFinite(n) ? n + 0 : undefined;
}
