/**
 * Runs examples/notebook/rank.mjs as a notebook user would (node, the built package through its
 * `exports`, csv-parse) and checks its table against the same ranking computed from the source:
 * ids in TOPSIS order, and each rank and score (compared as numbers, to the printed precision).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { decisionFromRecords } from "../../src/prioritisation/decisionFromRecords.js";
import { prioritise } from "../../src/prioritisation/prioritise.js";

const root = join(import.meta.dirname, "..", "..");
const dir = join(root, "examples", "notebook");

describe("examples/notebook/rank.mjs", () => {
  it("prints every alternative with its id, TOPSIS and weighted-sum ranks and scores", () => {
    const out = execFileSync(process.execPath, [join(dir, "rank.mjs")], {
      cwd: root,
      encoding: "utf8",
    });
    const lines = out.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^id +title +TOPSIS rank +closeness +weighted-sum rank +score$/);
    const printed = lines.slice(2).map((l) => {
      const cells = l.trim().split(/\s{2,}/);
      return {
        id: cells[0] as string,
        topsisRank: Number(cells[2]),
        closeness: Number(cells[3]),
        sumRank: Number(cells[4]),
        sum: Number(cells[5]),
      };
    });
    const rows = parse(readFileSync(join(dir, "alternatives.csv"), "utf8"), {
      columns: true,
      bom: true,
    }) as Record<string, string>[];
    expect(rows).toHaveLength(30);
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
    const topsis = prioritise(decision, { method: "topsis" }).ranking;
    const sum = new Map(
      prioritise(decision, { method: "weightedSum" }).ranking.map((r) => [r.solution, r]),
    );
    expect(printed.map((p) => p.id)).toStrictEqual(topsis.map((r) => r.solution));
    printed.forEach((p, k) => {
      const t = topsis[k];
      const s = sum.get(p.id);
      expect(p.topsisRank).toBe(t?.rank);
      expect(p.closeness).toBeCloseTo(t?.score as number, 3);
      expect(p.sumRank).toBe(s?.rank);
      expect(p.sum).toBeCloseTo(s?.score as number, 3);
    });
  });
});
