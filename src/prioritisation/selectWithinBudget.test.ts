import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeOf } from "../../test/helpers/errors.js";
import {
  selectWithinBudget,
  type BudgetCandidate,
  type SelectWithinBudgetOptions,
} from "./selectWithinBudget.js";

const eur = (amount: string) => ({ amount: new Decimal(amount), currency: "EUR" });
const candidates: BudgetCandidate[] = [
  { solution: "a", score: 0.9, cost: eur("500.10") },
  { solution: "b", score: 0.8, cost: eur("100.20") },
  { solution: "c", score: 0.3, cost: eur("0") },
  { solution: "d", score: 0.5, cost: eur("200.30") },
];

describe("selectWithinBudget", () => {
  it("takes the highest scores that fit, skipping those that do not, with exact money", () => {
    const r = selectWithinBudget(candidates, eur("700.60"));
    expect(r.strategy).toBe("score");
    expect(r.selected).toStrictEqual(["a", "b", "c"]);
    expect(
      r.decisions.map((d) => [d.solution, d.outcome, d.committed.amount.toString()]),
    ).toStrictEqual([
      ["a", "selected", "500.1"],
      ["b", "selected", "600.3"],
      ["d", "skipped", "600.3"],
      ["c", "selected", "600.3"],
    ]);
    expect(r.decisions[2]?.reason).toBe("does not fit: costs 200.3 but only 100.3 EUR is left");
    expect(r.total.amount.toString()).toBe("600.3");
    expect([r.remaining.amount.toString(), r.remaining.currency]).toStrictEqual(["100.3", "EUR"]);
    expect(r.decisions.find((d) => d.solution === "c")?.scorePerCost).toBeNull();
  });

  it("orders by score per unit of cost, free solutions first", () => {
    const r = selectWithinBudget(candidates, eur("400"), { strategy: "scorePerCost" });
    expect(r.decisions.map((d) => d.solution)).toStrictEqual(["c", "b", "d", "a"]);
    expect(r.selected).toStrictEqual(["c", "b", "d"]);
  });

  it("puts several free solutions first by score, then id", () => {
    const free = [
      { solution: "z", score: 0.1, cost: eur("0") },
      { solution: "y", score: 0.1, cost: eur("0") },
      { solution: "x", score: 0.5, cost: eur("0") },
      { solution: "w", score: 0.9, cost: eur("10") },
    ];
    expect(
      selectWithinBudget(free, eur("5"), { strategy: "scorePerCost" }).decisions.map(
        (d) => d.solution,
      ),
    ).toStrictEqual(["x", "y", "z", "w"]);
  });

  it("records manual inclusions and exclusions with author and reason", () => {
    const options: SelectWithinBudgetOptions = {
      include: [{ solution: "d", author: "mayor", reason: "political priority" }],
      exclude: [
        { solution: "a", author: "steering group", reason: "covered by the national programme" },
      ],
    };
    const r = selectWithinBudget(candidates, eur("300.50"), options);
    expect(r.selected).toStrictEqual(["d", "b", "c"]);
    expect(r.decisions.map((d) => [d.solution, d.outcome, d.reason])).toStrictEqual([
      ["d", "included", "included by mayor: political priority"],
      ["b", "selected", "fits: costs 100.2 of 100.2 EUR left"],
      ["c", "selected", "fits: costs 0 of 0 EUR left"],
      ["a", "excluded", "excluded by steering group: covered by the national programme"],
    ]);
    expect(r.overrides).toStrictEqual([
      { solution: "d", action: "include", author: "mayor", reason: "political priority" },
      {
        solution: "a",
        action: "exclude",
        author: "steering group",
        reason: "covered by the national programme",
      },
    ]);
  });

  it("never spends more than the budget and the parts add up exactly", () => {
    const cand = fc.array(
      fc.record({
        score: fc.integer({ min: 0, max: 100 }),
        cents: fc.integer({ min: 0, max: 100000 }),
      }),
      { minLength: 1, maxLength: 10 },
    );
    fc.assert(
      fc.property(
        cand,
        fc.integer({ min: 0, max: 300000 }),
        fc.constantFrom<"score" | "scorePerCost">("score", "scorePerCost"),
        (raw, budgetCents, strategy) => {
          const cs = raw.map((x, i) => ({
            solution: `s${i}`,
            score: x.score,
            cost: eur(new Decimal(x.cents).dividedBy(100).toString()),
          }));
          const r = selectWithinBudget(
            cs,
            eur(new Decimal(budgetCents).dividedBy(100).toString()),
            { strategy },
          );
          expect(r.total.amount.lessThanOrEqualTo(r.budget.amount)).toBe(true);
          expect(r.total.amount.plus(r.remaining.amount).equals(r.budget.amount)).toBe(true);
          const sum = r.selected.reduce(
            (s, id) => s.plus(cs.find((c) => c.solution === id)?.cost.amount ?? 0),
            new Decimal(0),
          );
          expect(sum.equals(r.total.amount)).toBe(true);
          expect(r.decisions).toHaveLength(cs.length);
        },
      ),
      { numRuns: 100 },
    );
  });

  describe("bad input", () => {
    it("rejects costs in another currency", () => {
      expect(() =>
        selectWithinBudget(
          [{ solution: "a", score: 1, cost: { amount: new Decimal(1), currency: "BGN" } }],
          eur("10"),
        ),
      ).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: the cost of "a" is in "BGN" but the budget is in "EUR" (candidates[0].cost.currency)]`,
      );
    });

    it("rejects inclusions that alone exceed the budget", () => {
      expect(
        codeOf(() =>
          selectWithinBudget(candidates, eur("100"), {
            include: [{ solution: "a", author: "x", reason: "y" }],
          }),
        ),
      ).toStrictEqual({
        code: "budget",
        path: ["options", "include"],
      });
    });

    it("rejects overrides without author or reason, for unknown solutions, or given twice", () => {
      expect(
        codeOf(() =>
          selectWithinBudget(candidates, eur("1"), {
            include: [{ solution: "a", author: " ", reason: "y" }],
          }),
        ),
      ).toStrictEqual({
        code: "missing_field",
        path: ["options", "include", 0, "author"],
      });
      expect(
        codeOf(() =>
          selectWithinBudget(candidates, eur("1"), {
            exclude: [{ solution: "a", author: "x" } as never],
          }),
        ),
      ).toStrictEqual({
        code: "missing_field",
        path: ["options", "exclude", 0, "reason"],
      });
      expect(
        codeOf(() =>
          selectWithinBudget(candidates, eur("1"), {
            exclude: [{ solution: "zz", author: "x", reason: "y" }],
          }),
        ),
      ).toStrictEqual({
        code: "unknown_reference",
        path: ["options", "exclude", 0, "solution"],
      });
      expect(
        codeOf(() =>
          selectWithinBudget(candidates, eur("1000"), {
            include: [{ solution: "a", author: "x", reason: "y" }],
            exclude: [{ solution: "a", author: "x", reason: "y" }],
          }),
        ),
      ).toStrictEqual({ code: "invalid_value", path: ["options", "exclude", 0, "solution"] });
      expect(
        codeOf(() => selectWithinBudget(candidates, eur("1"), { include: "a" as never })),
      ).toStrictEqual({
        code: "invalid_type",
        path: ["options", "include"],
      });
      expect(
        codeOf(() => selectWithinBudget(candidates, eur("1"), { include: [null as never] })),
      ).toStrictEqual({
        code: "invalid_type",
        path: ["options", "include", 0],
      });
    });

    it("rejects money as numbers, negative amounts, bad currencies and bad candidates", () => {
      expect(
        codeOf(() =>
          selectWithinBudget(candidates, { amount: 100 as unknown as Decimal, currency: "EUR" }),
        ),
      ).toStrictEqual({
        code: "invalid_money",
        path: ["budget", "amount"],
      });
      expect(codeOf(() => selectWithinBudget(candidates, eur("-1")))).toStrictEqual({
        code: "invalid_money",
        path: ["budget", "amount"],
      });
      expect(
        codeOf(() => selectWithinBudget(candidates, { amount: new Decimal(1), currency: "euro" })),
      ).toStrictEqual({
        code: "invalid_money",
        path: ["budget", "currency"],
      });
      expect(codeOf(() => selectWithinBudget(candidates, null as never))).toStrictEqual({
        code: "invalid_type",
        path: ["budget"],
      });
      expect(codeOf(() => selectWithinBudget([], eur("1")))).toStrictEqual({
        code: "empty",
        path: ["candidates"],
      });
      expect(codeOf(() => selectWithinBudget("x" as never, eur("1")))).toStrictEqual({
        code: "invalid_type",
        path: ["candidates"],
      });
      expect(codeOf(() => selectWithinBudget([null as never], eur("1")))).toStrictEqual({
        code: "invalid_type",
        path: ["candidates", 0],
      });
      expect(
        codeOf(() =>
          selectWithinBudget([...candidates, candidates[0] as BudgetCandidate], eur("1")),
        ),
      ).toStrictEqual({
        code: "duplicate_id",
        path: ["candidates", 4, "solution"],
      });
      expect(
        codeOf(() => selectWithinBudget([{ solution: "", score: 1, cost: eur("1") }], eur("1"))),
      ).toStrictEqual({
        code: "invalid_type",
        path: ["candidates", 0, "solution"],
      });
      expect(
        codeOf(() => selectWithinBudget([{ solution: "a", score: NaN, cost: eur("1") }], eur("1"))),
      ).toStrictEqual({
        code: "non_finite",
        path: ["candidates", 0, "score"],
      });
      expect(
        codeOf(() => selectWithinBudget(candidates, eur("1"), { strategy: "random" as never })),
      ).toStrictEqual({
        code: "invalid_value",
        path: ["options", "strategy"],
      });
    });
  });
});
