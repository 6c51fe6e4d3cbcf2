/* global URL, console */
// What a notebook user writes to rank a table of alternatives (examples/notebook/alternatives.csv:
// 30 illustrative alternatives, 5 criteria) by TOPSIS and by weighted sum, with the rows' ids in
// every result. Run from the repository after `npm run build`: node examples/notebook/rank.mjs
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { decisionFromRecords, prioritise } from "icc-assessment/prioritisation";

// 1. read the table as records, as d3.csvParse, Arquero or pandas' to_dict("records") give them
const text = readFileSync(new URL("./alternatives.csv", import.meta.url), "utf8");
const rows = parse(text, { columns: true, bom: true, skip_empty_lines: true });

// 2. say which columns are criteria, which way they point, and how much they weigh
const decision = decisionFromRecords(rows, {
  id: "id",
  criteria: [
    { column: "impact", kind: "benefit", weight: 0.3 },
    { column: "cost_keur", kind: "cost", weight: 0.25 },
    { column: "reach_k", kind: "benefit", weight: 0.2 },
    { column: "feasibility", kind: "benefit", weight: 0.15 },
    { column: "months", kind: "cost", weight: 0.1 },
  ],
});

// 3. rank: each result lists { solution: <row id>, score, rank }, best first
const byTopsis = prioritise(decision, { method: "topsis" });
const bySum = prioritise(decision, { method: "weightedSum" });

// 4. print one table, by TOPSIS rank
const title = new Map(rows.map((r) => [r.id, r.title]));
const sum = new Map(bySum.ranking.map((r) => [r.solution, r]));
const table = byTopsis.ranking.map((r) => [
  r.solution,
  title.get(r.solution),
  String(r.rank),
  r.score.toFixed(3),
  String(sum.get(r.solution).rank),
  sum.get(r.solution).score.toFixed(3),
]);
const head = ["id", "title", "TOPSIS rank", "closeness", "weighted-sum rank", "score"];
const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
console.log([line(head), line(widths.map((w) => "-".repeat(w))), ...table.map(line)].join("\n"));
