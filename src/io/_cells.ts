/**
 * Internal: reading one spreadsheet cell as a number, a yes/no or "empty", the same way for every
 * importer of the io subpath. Designed by this project (docs/methodology/data-in.md).
 */

/** A cell as a spreadsheet or a record gives it. */
export type Cell = string | number | boolean | null | undefined;

/** Whether a cell is empty: missing, `null`, or only white space. */
export function isEmptyCell(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

export { readNumberCell } from "../_lib/numberCell.js";

const YES = new Set(["yes", "y", "true", "1"]);
const NO = new Set(["no", "n", "false", "0"]);

/** The yes/no words every importer reads, for messages. */
export const YES_NO_WORDS = "yes, no, y, n, true, false, 1, 0";

/** A cell read as yes/no (`yes y true 1` / `no n false 0`, any case), or undefined. */
export function readYesNoCell(cell: Cell): boolean | undefined {
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "number") return cell === 1 ? true : cell === 0 ? false : undefined;
  if (typeof cell !== "string") return undefined;
  const s = cell.trim().toLowerCase();
  return YES.has(s) ? true : NO.has(s) ? false : undefined;
}

/** A cell as text for a message: quoted, shortened past 60 characters. */
export function showCell(cell: Cell): string {
  if (typeof cell !== "string") return String(cell);
  return JSON.stringify(cell.length > 60 ? `${cell.slice(0, 60)}…` : cell);
}

/** Whether a string is an id of the exchange format (letters, digits, `. _ : -`, ≤ 100). */
export function isId(s: unknown): s is string {
  return typeof s === "string" && s.length <= 100 && /^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(s);
}
