import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AssessmentError } from "../errors/AssessmentError.js";
import { decisionFromRecords, type RecordCriterion } from "./decisionFromRecords.js";
import { prioritise } from "./prioritise.js";
import { rankStability } from "./rankStability.js";
import { topsis } from "./topsis.js";

const criteria: RecordCriterion[] = [
  { column: "impact", kind: "benefit", weight: 3 },
  { column: "cost", kind: "cost", weight: 1 },
  { column: "reach", kind: "benefit", weight: 2 },
];

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof AssessmentError)
      return e.issues.map((i) => `${i.code} ${JSON.stringify(i.path)}: ${i.message}`);
    throw e;
  }
  throw new Error("expected an AssessmentError");
}

describe("decisionFromRecords", () => {
  it("builds the decision from records, and every method's ranking names the rows", () => {
    const rows = [
      { id: "a", impact: 4, cost: 100, reach: "0.5", note: "ignored" },
      { id: "b", impact: 2, cost: "20", reach: 0.9 },
      { id: 3, impact: "5", cost: 300, reach: 0.2 },
    ];
    const d = decisionFromRecords(rows, { id: "id", criteria });
    expect(d).toStrictEqual({
      alternatives: ["a", "b", "3"],
      criteria: [
        { id: "impact", kind: "benefit", weight: 3 },
        { id: "cost", kind: "cost", weight: 1 },
        { id: "reach", kind: "benefit", weight: 2 },
      ],
      matrix: [
        [4, 100, 0.5],
        [2, 20, 0.9],
        [5, 300, 0.2],
      ],
    });
    // the labelled ranking carries the same numbers as the unlabelled primitive, by id
    const t = topsis(d.matrix, [0.5, 1 / 6, 1 / 3], ["benefit", "cost", "benefit"]);
    const ranked = prioritise(d, { method: "topsis" }).ranking;
    for (const r of ranked) {
      const i = d.alternatives.indexOf(r.solution);
      expect(r.score).toBeCloseTo(t.closeness[i] as number, 12);
      expect(r.rank).toBe(t.ranks[i]);
    }
    expect(
      prioritise(d, { method: "weightedSum" })
        .ranking.map((r) => r.solution)
        .sort(),
    ).toStrictEqual(["3", "a", "b"]);
    expect(
      rankStability(d, { draws: 50 })
        .solutions.map((x) => x.solution)
        .sort(),
    ).toStrictEqual(["3", "a", "b"]);
  });

  it("reads a decimal comma when told to, and never a thousands separator", () => {
    const rows = [{ id: "a", impact: "3,5", cost: "1,234", reach: "1" }];
    expect(
      decisionFromRecords(rows, { id: "id", criteria, decimalSeparator: "," }).matrix,
    ).toStrictEqual([[3.5, 1.234, 1]]);
    expect(issuesOf(() => decisionFromRecords(rows, { id: "id", criteria }))).toStrictEqual([
      'invalid_value ["rows",0,"impact"]: row 1 ("a"), column "impact": expected a number written with "." as the decimal separator and no thousands separator, got "3,5"',
      'invalid_value ["rows",0,"cost"]: row 1 ("a"), column "cost": expected a number written with "." as the decimal separator and no thousands separator, got "1,234"',
    ]);
  });

  it("reports every problem at once, with its row and column", () => {
    const issues = issuesOf(() =>
      decisionFromRecords(
        [
          { id: "a", impact: 1, cost: 2, reach: 3 },
          { id: "a", impact: "", cost: Number.NaN, reach: true },
          { impact: 1, cost: 2, reach: 3 },
        ],
        { id: "id", criteria },
      ),
    );
    expect(issues).toMatchInlineSnapshot(`
      [
        "duplicate_id ["rows",1,"id"]: row 2 has the id "a", as row 1 has",
        "missing_field ["rows",1,"impact"]: row 2 ("a") has no value for criterion "impact"; an empty cell is never taken as 0",
        "invalid_value ["rows",1,"cost"]: row 2 ("a"), column "cost": expected a number written with "." as the decimal separator and no thousands separator, got NaN",
        "invalid_value ["rows",1,"reach"]: row 2 ("a"), column "reach": expected a number written with "." as the decimal separator and no thousands separator, got boolean",
        "missing_field ["rows",2,"id"]: row 3 has no id in column "id", got undefined",
      ]
    `);
    expect(
      issuesOf(() =>
        decisionFromRecords([], {
          id: "",
          criteria: [
            { column: "x", kind: "more" as "benefit", weight: -1 },
            { column: "x", kind: "cost", weight: 1 },
          ],
        }),
      ),
    ).toStrictEqual([
      'missing_field ["options","id"]: options.id must name the column of the rows\' ids, got ""',
      'invalid_value ["options","criteria",0,"kind"]: options.criteria[0].kind must be "benefit" or "cost", got "more"',
      'invalid_value ["options","criteria",0,"weight"]: options.criteria[0].weight must be a finite number ≥ 0, got -1',
      'empty ["rows"]: rows is empty: there is nothing to rank',
    ]);
  });

  it("refuses bad options, each with its path, before it reads a row", () => {
    expect(
      issuesOf(() =>
        decisionFromRecords(
          [{ id: "a", x: 1 }],
          undefined as unknown as Parameters<typeof decisionFromRecords>[1],
        ),
      ),
    ).toStrictEqual([
      'missing_field ["options","id"]: options.id must name the column of the rows\' ids, got undefined',
      'invalid_type ["options","criteria"]: options.criteria must list the criteria columns, got undefined',
    ]);
    expect(
      issuesOf(() =>
        decisionFromRecords("rows" as never, {
          id: "id",
          criteria: [],
          decimalSeparator: ";" as ",",
        }),
      ),
    ).toStrictEqual([
      'invalid_value ["options","decimalSeparator"]: options.decimalSeparator must be "." or ",", got ";"',
      'empty ["options","criteria"]: options.criteria is empty: name at least one criterion column',
      'invalid_type ["rows"]: rows must be a list of records, got "rows"',
    ]);
    expect(
      issuesOf(() =>
        decisionFromRecords([{ id: "a", x: 1 }], {
          id: "id",
          criteria: [
            null as unknown as RecordCriterion,
            { column: "x", kind: "benefit", weight: 1 },
            { column: "x", kind: "cost", weight: 1 },
            { column: "", kind: "cost", weight: 1 },
            { column: "id", kind: "cost", weight: Number.POSITIVE_INFINITY },
          ],
        }),
      ),
    ).toStrictEqual([
      'invalid_type ["options","criteria",0]: options.criteria[0] must be an object with column, kind and weight',
      'duplicate_id ["options","criteria",2,"column"]: options.criteria[2].column "x" is already a criterion',
      'missing_field ["options","criteria",3,"column"]: options.criteria[3].column must name a column, got ""',
      'invalid_value ["options","criteria",4,"column"]: options.criteria[4].column "id" is the id column',
      'invalid_value ["options","criteria",4,"weight"]: options.criteria[4].weight must be a finite number ≥ 0, got Infinity',
    ]);
  });

  it("refuses a row that is no record, a missing cell, a non-finite id and a dot under the comma rule", () => {
    expect(
      issuesOf(() =>
        decisionFromRecords(
          [
            ["a", 1] as unknown as Record<string, unknown>,
            null as unknown as Record<string, unknown>,
            { id: Number.NaN, x: "1" },
            { id: " b ", y: 2 },
            { id: "c", x: "1.5" },
          ],
          {
            id: "id",
            criteria: [{ column: "x", kind: "benefit", weight: 1 }],
            decimalSeparator: ",",
          },
        ),
      ),
    ).toStrictEqual([
      'invalid_type ["rows",0]: rows[0] must be a record (an object keyed by column)',
      'invalid_type ["rows",1]: rows[1] must be a record (an object keyed by column)',
      'missing_field ["rows",2,"id"]: row 3 has no id in column "id", got NaN',
      'missing_field ["rows",3,"x"]: row 4 ("b") has no value for criterion "x"; an empty cell is never taken as 0',
      'invalid_value ["rows",4,"x"]: row 5 ("c"), column "x": expected a number written with "," as the decimal separator and no thousands separator, got "1.5"',
    ]);
  });

  it("keeps a criterion's title and scale (a -0 bound and weight read as 0), and a number id as text", () => {
    const d = decisionFromRecords(
      [
        { id: 7, x: "-0", y: -0 },
        { id: "b", x: "2.5", y: 1 },
      ],
      {
        id: "id",
        criteria: [
          { column: "x", kind: "benefit", weight: -0, scale: { min: -0, max: 5 }, title: "X" },
          { column: "y", kind: "cost", weight: 1, scale: { min: 0, max: 4 } },
        ],
      },
    );
    expect(d.alternatives).toStrictEqual(["7", "b"]);
    expect(d.criteria).toStrictEqual([
      { id: "x", kind: "benefit", weight: 0, scale: { min: 0, max: 5 }, title: "X" },
      { id: "y", kind: "cost", weight: 1, scale: { min: 0, max: 4 } },
    ]);
    expect(Object.is(d.criteria[0]?.weight, 0)).toBe(true);
    expect(Object.is(d.criteria[0]?.scale?.min, 0)).toBe(true);
    expect(Object.is(d.matrix[0]?.[0], 0)).toBe(true);
    expect(Object.is(d.matrix[0]?.[1], 0)).toBe(true);
    // a scale that is no pair of numbers is passed on as given, for the ranking to check
    for (const scale of ["0-5", { min: 0, max: "5" }]) {
      const e = decisionFromRecords([{ id: "a", x: 1 }], {
        id: "id",
        criteria: [{ column: "x", kind: "benefit", weight: 1, scale: scale as never }],
      });
      expect(e.criteria[0]?.scale).toStrictEqual(scale);
    }
  });

  it("ranks the same rows the same way whatever their order (ties broken by id)", () => {
    const row = fc.record({
      impact: fc.integer({ min: 1, max: 5 }),
      cost: fc.integer({ min: 1, max: 500 }),
      reach: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 2, maxLength: 12 }),
        fc.integer({ min: 0, max: 1000 }),
        (list, seed) => {
          // two fixed rows keep every column's range above 0 (min-max normalisation needs one)
          const rows = [
            { id: "lo", impact: 1, cost: 500, reach: 0 },
            { id: "hi", impact: 5, cost: 1, reach: 1 },
            ...list.map((r, i) => ({ id: `r${i}`, ...r })),
          ];
          const shuffled = rows
            .map((r, i) => ({ r, k: (i * 7919 + seed) % 101 }))
            .sort((x, y) => x.k - y.k || x.r.id.localeCompare(y.r.id))
            .map((x) => x.r);
          for (const method of ["weightedSum", "topsis"] as const) {
            const a = prioritise(decisionFromRecords(rows, { id: "id", criteria }), {
              method,
            }).ranking;
            const b = prioritise(decisionFromRecords(shuffled, { id: "id", criteria }), {
              method,
            }).ranking;
            expect(a.map((x) => x.solution).sort()).toStrictEqual(rows.map((x) => x.id).sort());
            expect(b.map((x) => [x.solution, x.rank])).toStrictEqual(
              a.map((x) => [x.solution, x.rank]),
            );
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
