/**
 * docs/data-format.md, the field-by-field data dictionary the build generates from the zod schemas
 * (scripts/build-schemas.mjs, run by the test setup when dist/ is stale): every field has a
 * description, and a reference says what it refers to.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const text = readFileSync(new URL("../docs/data-format.md", import.meta.url), "utf8");

interface Row {
  readonly table: string;
  readonly field: string;
  readonly description: string;
}

/** The rows of the field tables (five columns: field, type, required, constraints, description). */
function fieldRows(markdown: string): Row[] {
  const rows: Row[] = [];
  let table = "";
  for (const line of markdown.split("\n")) {
    if (line.startsWith("## ")) table = line.slice(3);
    if (!line.startsWith("| `")) continue;
    // cells are split on pipes that are not escaped (types such as `"a"` \| `"b"` escape theirs)
    const cells = line
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((c) => c.trim());
    if (cells.length !== 5) continue;
    rows.push({
      table,
      field: (cells[0] as string).replace(/`/g, ""),
      description: cells[4] as string,
    });
  }
  return rows;
}

const rows = fieldRows(text);

describe("docs/data-format.md", () => {
  it("lists the fields of the assessment and the report", () => {
    const tables = new Set(rows.map((r) => r.table.split(" ")[0]));
    expect(tables.has("Assessment")).toBe(true);
    expect(tables.has("Report")).toBe(true);
    expect(rows.length).toBeGreaterThan(1000);
    expect(rows.map((r) => r.field)).toContain("ballots[].voter");
  });

  it("describes every field: no empty description", () => {
    expect(
      rows.filter((r) => r.description === "").map((r) => `${r.table}: ${r.field}`),
    ).toStrictEqual([]);
  });

  it("says what a reference refers to, keeping the generic id text for id fields", () => {
    const generic = rows.filter(
      (r) =>
        r.description.startsWith("Identifier, unique within its collection") &&
        !/(^|\.)id$/.test(r.field),
    );
    expect(generic.map((r) => `${r.table}: ${r.field}`)).toStrictEqual([]);
    const voter = rows.find(
      (r) => r.table.startsWith("Assessment") && r.field === "ballots[].voter",
    );
    expect(voter?.description).toBe("Id of the stakeholder in `stakeholders` who cast the ballot.");
    const raisedBy = rows.find(
      (r) => r.table.startsWith("Assessment") && r.field === "needs[].raisedBy[]",
    );
    expect(raisedBy?.description).toBe("Id of a stakeholder in `stakeholders`.");
  });

  it("the row parser counts an empty description, and not an escaped pipe as a cell", () => {
    const sample = [
      "## Assessment (`schema/assessment.v1.json`)",
      '| `a` | `"x"` \\| `"y"` | yes |  | Described. |',
      "| `b` | string | no |  |  |",
    ].join("\n");
    expect(fieldRows(sample)).toStrictEqual([
      { table: "Assessment (`schema/assessment.v1.json`)", field: "a", description: "Described." },
      { table: "Assessment (`schema/assessment.v1.json`)", field: "b", description: "" },
    ]);
  });
});
