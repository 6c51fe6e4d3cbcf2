import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AssessmentError } from "../../errors/AssessmentError.js";
import { parseAssessment } from "../../schema/parseAssessment.js";
import { mergePart } from "../merge.js";
import type { SolutionInput } from "../_shapes.js";
import { fromDecidimProposals } from "./fromDecidimProposals.js";
import { parseDecidimExport } from "./parseDecidimExport.js";

const root = join(import.meta.dirname, "..", "..", "..");
const fixture = (name: string) => readFileSync(join(root, "test", "fixtures", "io", name), "utf8");
// 30 proposals in English and Bulgarian: 4 withdrawn (105, 112, 119, 126), 3 rejected (108, 117,
// 124); 113 and 121 have no Bulgarian title, 129 no English one (test/fixtures/io/make-decidim-fixtures.mjs)
const exports = {
  "0.27 CSV": () => parseDecidimExport(fixture("decidim-0.27.csv"), { format: "csv" }),
  "0.27 JSON": () => parseDecidimExport(fixture("decidim-0.27.json"), { format: "json" }),
  "0.28 CSV": () => parseDecidimExport(fixture("decidim-0.28.csv"), { format: "csv" }),
  "0.28 JSON": () => parseDecidimExport(fixture("decidim-0.28.json"), { format: "json" }),
};
const sofia = () =>
  JSON.parse(readFileSync(join(root, "examples", "sofia", "assessment.json"), "utf8")) as Record<
    string,
    unknown
  >;

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

describe("fromDecidimProposals", () => {
  it("reads the 0.27 and 0.28 layouts, CSV and JSON, to the same solutions", () => {
    const parts = Object.values(exports).map((read) =>
      fromDecidimProposals(read(), { as: "solutions", locale: "bg" }),
    );
    expect(parts[0]?.solutions).toHaveLength(30 - 4 - 3);
    for (const p of parts.slice(1)) expect(p).toStrictEqual(parts[0]);
    const byId = new Map((parts[0]?.solutions ?? []).map((s) => [s.id, s]));
    expect(byId.get("decidim-102")).toStrictEqual({
      id: "decidim-102",
      title: "Онлайн записване за услуги по гражданско състояние",
      description:
        "Онлайн записване за услуги по гражданско състояние.\n\nSource: Decidim proposal SOF-PROP-2025-03-102, https://decidim.sofia.example/processes/budget-2025/f/12/proposals/102 (88 supports)",
      theme: "Мобилност / Лозенец",
      readiness: "idea",
    } satisfies SolutionInput);
    // no category: the scope alone; no Bulgarian title: the English one
    expect(byId.get("decidim-101")?.theme).toBe("Цял град");
    expect(byId.get("decidim-113")?.title).toBe("More trees in school yards (Mladost)");
    for (const gone of [105, 108, 112, 117, 119, 124, 126])
      expect(byId.has(`decidim-${gone}`)).toBe(false);
  });

  it("picks the requested locale, then English, then the first locale with text", () => {
    for (const read of Object.values(exports)) {
      const en = fromDecidimProposals(read(), { as: "needs" }).needs ?? [];
      expect(en.find((n) => n.id === "decidim-129")?.statement.split("\n")[0]).toBe(
        "Излъчване на живо на заседанията на общинския съвет (Лозенец)",
      );
      expect(en.find((n) => n.id === "decidim-102")?.statement.split("\n")[0]).toBe(
        "Online booking for civil registry services",
      );
    }
  });

  it("turns supports (0.27) and votes (0.28) into a need's votes, and keeps the source link", () => {
    const needs27 = fromDecidimProposals(exports["0.27 CSV"](), { as: "needs" }).needs ?? [];
    const needs28 = fromDecidimProposals(exports["0.28 JSON"](), { as: "needs" }).needs ?? [];
    expect(needs28).toStrictEqual(needs27);
    expect(needs27[0]).toStrictEqual({
      id: "decidim-101",
      statement:
        "Protected bike lanes on Cherni Vrah Blvd\n\nSource: Decidim proposal SOF-PROP-2025-03-101, https://decidim.sofia.example/processes/budget-2025/f/12/proposals/101",
      raisedBy: [],
      votes: (101 * 37) % 97,
    });
  });

  it("keeps withdrawn and rejected proposals only when asked", () => {
    for (const read of Object.values(exports)) {
      const count = (o: { includeWithdrawn?: boolean; includeRejected?: boolean }) =>
        fromDecidimProposals(read(), { as: "needs", ...o }).needs?.length;
      expect(count({})).toBe(23);
      expect(count({ includeWithdrawn: true })).toBe(27);
      expect(count({ includeRejected: true })).toBe(26);
      expect(count({ includeWithdrawn: true, includeRejected: true })).toBe(30);
    }
  });

  it("gives parts that merge into an assessment and parse, and refuses every id clash", () => {
    const solutions = fromDecidimProposals(exports["0.28 CSV"](), { as: "solutions" });
    const needs = fromDecidimProposals(exports["0.27 JSON"](), { as: "needs", locale: "bg" });
    // the example without its prioritisation: a solution needs a score on every criterion, so
    // imported proposals join an assessment before it is scored (or are scored after the merge)
    const {
      criteria: _c,
      scores: _s,
      ballots: _b,
      prioritisation: _p,
      plan: _pl,
      actions: _a,
      ...unscored
    } = sofia();
    const merged = mergePart(mergePart(unscored, solutions), needs);
    const parsed = parseAssessment(merged);
    expect(parsed.solutions.filter((s) => s.id.startsWith("decidim-"))).toHaveLength(23);
    expect(parsed.needs.filter((n) => n.id.startsWith("decidim-"))).toHaveLength(23);
    const clashes = issuesOf(() => mergePart(merged, needs));
    expect(clashes).toHaveLength(23);
    expect(issuesOf(() => parseAssessment(mergePart(sofia(), solutions)))[0]).toMatch(
      /solution "decidim-101" has no score on criteria/,
    );
    expect(clashes[0]).toBe(
      `duplicate_id ["part","needs",0,"id"]: need "decidim-101" is already in the assessment's needs[${parsed.needs.length - 23}]: rename it in the part, or leave it out`,
    );
  });

  it("reads the 0.30 layout: taxonomies as the theme, hidden votes, withdrawn as a flag", () => {
    const part = fromDecidimProposals(
      [
        {
          id: 9,
          taxonomies: [
            { id: 1, name: { en: "Mobility", bg: "Мобилност" } },
            { id: 2, name: { en: "Mladost" } },
          ],
          title: { en: "Night buses" },
          body: { en: "Buses after midnight." },
          state: "accepted",
          votes: null,
          withdrawn: false,
          withdrawn_at: null,
          reference: "SOF-PROP-2026-01-9",
          url: "https://decidim.sofia.example/p/9",
        },
        {
          id: 10,
          "taxonomies/name/en": "Green spaces, Lozenets",
          "title/en": "Shade",
          withdrawn: "true",
        },
      ],
      { as: "solutions", locale: "bg" },
    );
    expect(part.solutions).toStrictEqual([
      {
        id: "decidim-9",
        title: "Night buses",
        description:
          "Buses after midnight.\n\nSource: Decidim proposal SOF-PROP-2026-01-9, https://decidim.sofia.example/p/9",
        theme: "Мобилност / Mladost",
        readiness: "idea",
      },
    ]);
  });

  it("reports every unusable proposal at once", () => {
    const issues = issuesOf(() =>
      fromDecidimProposals(
        [
          { "title/en": "No id" },
          { id: 2, title: { en: "", bg: "" } },
          { id: 3, title: "Three", supports: "many" },
          { id: 4, title: "Four" },
          { id: 4, title: "Four again" },
          { id: "a b", title: "Bad id" },
        ],
        { as: "needs" },
      ),
    );
    expect(issues).toMatchInlineSnapshot(`
      [
        "missing_field ["records",0,"id"]: proposal 1 has no id",
        "missing_field ["records",1,"title"]: proposal 2 ("2") has no title in any language",
        "invalid_value ["records",2,"supports"]: proposal 3 ("3"): the vote count must be a whole number ≥ 0, got "many"",
        "duplicate_id ["records",4,"id"]: proposal 5 has the id "4", as proposal 4 has",
        "invalid_id ["records",5,"id"]: proposal 6: "decidim-a b" is not a valid id (letters, digits and . _ : -, at most 100)",
      ]
    `);
    expect(issuesOf(() => fromDecidimProposals([], { as: "ideas" as "needs" }))).toStrictEqual([
      'invalid_value ["options","as"]: as must be "solutions" or "needs", got "ideas"',
    ]);
  });

  it("cuts titles and texts to the format's lengths and removes HTML", () => {
    const long = "x".repeat(400);
    const part = fromDecidimProposals(
      [
        {
          id: 1,
          title: long,
          body: `<p>a &lt;b&gt; &#169; &#x1F600;</p><script>alert(1)</script>${"y".repeat(20_000)}`,
        },
      ],
      { as: "solutions" },
    );
    const s = part.solutions?.[0];
    expect(s?.title).toHaveLength(300);
    expect(s?.title.endsWith("…")).toBe(true);
    expect(s?.description?.length).toBeLessThanOrEqual(10_000);
    expect(s?.description?.startsWith("a <b> © 😀\nalert(1)yyy")).toBe(true);
  });
});

describe("parseDecidimExport", () => {
  it("refuses JSON that is not a list of proposals, and CSV rows that do not fit the header", () => {
    expect(issuesOf(() => parseDecidimExport('{"id": 1}', { format: "json" }))).toStrictEqual([
      "invalid_document []: a Decidim JSON export is an array of proposal objects, and this is not one",
    ]);
    expect(
      issuesOf(() => parseDecidimExport("id;title/en\n1;a;b\n", { format: "csv" })),
    ).toStrictEqual(["length_mismatch [1]: row 2 has 3 cells, the header has 2"]);
    expect(issuesOf(() => parseDecidimExport("id", { format: "xlsx" as "csv" }))).toStrictEqual([
      'invalid_value ["options","format"]: format must be "csv" or "json", got "xlsx"',
    ]);
  });

  it("keeps a hostile header as a plain key", () => {
    const [rec] = parseDecidimExport("__proto__;id\nx;1\n", { format: "csv" });
    expect(Object.getPrototypeOf(rec)).toBe(Object.prototype);
    expect(Object.keys(rec ?? {})).toStrictEqual(["__proto__", "id"]);
  });
});
