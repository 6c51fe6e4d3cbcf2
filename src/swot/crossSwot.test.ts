import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { issue } from "../../test/helpers/errors.js";
import type { SwotItem } from "../schema/entities.js";
import { parseAssessment, safeParseAssessment } from "../schema/parseAssessment.js";
import {
  swotQuadrants,
  towsKinds,
  type SwotQuadrant,
  type TowsKind,
} from "../schema/vocabularies.js";
import { sofiaJson } from "../../test/helpers/sofia.js";
import { buildSwot } from "./buildSwot.js";
import { crossSwot, type TowsLink } from "./crossSwot.js";

const swot = buildSwot([
  { id: "s1", quadrant: "strength", text: "IT clusters" },
  { id: "s2", quadrant: "strength", text: "Innovation team" },
  { id: "w1", quadrant: "weakness", text: "No data policy" },
  { id: "o1", quadrant: "opportunity", text: "EU funds" },
  { id: "t1", quadrant: "threat", text: "Low trust" },
]);

describe("crossSwot", () => {
  it("builds the Sofia TOWS strategies and lists the unused items", () => {
    const a = parseAssessment(sofiaJson());
    const tows = crossSwot(buildSwot(a.swot ?? []), a.tows ?? [], {
      solutions: a.solutions.map((s) => s.id),
    });
    expect(tows.matrix).toStrictEqual({
      SO: ["so-eu-platform", "so-peer-open-data"],
      ST: ["st-ngo-trust"],
      WO: ["wo-data-policy"],
      WT: ["wt-hybrid"],
    });
    expect(tows.unused).toStrictEqual({
      strengths: [],
      weaknesses: [],
      opportunities: [],
      threats: ["t-procurement"],
    });
    expect(tows.strategiesWithoutSolutions).toStrictEqual(["wt-hybrid"]);
    expect(tows.strategies.find((s) => s.id === "wo-data-policy")).toStrictEqual({
      id: "wo-data-policy",
      kind: "WO",
      text: "Adopt a data policy and connect municipal systems to the national registers as they open, with EU funding.",
      strengths: [],
      weaknesses: ["w-data-policy", "w-legacy"],
      opportunities: ["o-national-egov", "o-eu-funds"],
      threats: [],
      solutions: ["sol-data-policy", "sol-e-services"],
    });
    expect(tows.usage.find((u) => u.item === "o-eu-funds")).toStrictEqual({
      item: "o-eu-funds",
      quadrant: "opportunity",
      strategies: ["so-eu-platform", "wo-data-policy"],
    });
    expect(tows.solutionsChecked).toBe(true);
  });

  it("orders strategies by kind, then id, whatever the input order", () => {
    const links: TowsLink[] = [
      { id: "b", kind: "WT", items: ["w1", "t1"], text: "x" },
      { id: "z", kind: "SO", items: ["s1", "o1"], text: "y" },
      { id: "a", kind: "SO", items: ["s2", "o1"], text: "z" },
    ];
    const r = crossSwot(swot, links);
    expect(r.strategies.map((s) => s.id)).toStrictEqual(["a", "z", "b"]);
    expect(crossSwot(swot, [...links].reverse())).toStrictEqual(r);
    expect(r.solutionsChecked).toBe(false);
    expect(r.unused).toStrictEqual({
      strengths: [],
      weaknesses: [],
      opportunities: [],
      threats: [],
    });
  });

  it("works with no strategies: every item is unused", () => {
    const r = crossSwot(swot, []);
    expect(r.unused).toStrictEqual({
      strengths: ["s1", "s2"],
      weaknesses: ["w1"],
      opportunities: ["o1"],
      threats: ["t1"],
    });
    expect(r.matrix).toStrictEqual({ SO: [], ST: [], WO: [], WT: [] });
  });

  it("property: strategies link only items of their kind's two quadrants, and usage adds up", () => {
    const quadrantOf: Record<string, SwotQuadrant> = {};
    const items: SwotItem[] = swotQuadrants.flatMap((q) =>
      [0, 1].map((i) => {
        quadrantOf[`${q}${i}`] = q;
        return { id: `${q}${i}`, quadrant: q, text: q };
      }),
    );
    const s = buildSwot(items);
    const ids = items.map((i) => i.id);
    const allowed: Record<TowsKind, readonly SwotQuadrant[]> = {
      SO: ["strength", "opportunity"],
      ST: ["strength", "threat"],
      WO: ["weakness", "opportunity"],
      WT: ["weakness", "threat"],
    };
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            kind: fc.constantFrom(...towsKinds),
            items: fc.subarray(ids, { minLength: 1 }),
          }),
          { maxLength: 6 },
        ),
        (raw) => {
          const links = raw.map((l, i) => ({
            id: `l${i}`,
            kind: l.kind,
            items: l.items,
            text: "t",
          }));
          const valid = links.every(
            (l) =>
              l.items.every((id) => allowed[l.kind].includes(quadrantOf[id] as SwotQuadrant)) &&
              allowed[l.kind].every((q) => l.items.some((id) => quadrantOf[id] === q)),
          );
          if (!valid) {
            expect(issue(() => crossSwot(s, links))[0]).toBe("invalid_value");
            return;
          }
          const r = crossSwot(s, links);
          for (const st of r.strategies) {
            const [first, second] = allowed[st.kind];
            const lists: Record<SwotQuadrant, readonly string[]> = {
              strength: st.strengths,
              weakness: st.weaknesses,
              opportunity: st.opportunities,
              threat: st.threats,
            };
            for (const q of swotQuadrants) {
              if (q === first || q === second) expect(lists[q].length).toBeGreaterThan(0);
              else expect(lists[q]).toStrictEqual([]);
              for (const id of lists[q]) expect(quadrantOf[id]).toBe(q);
            }
          }
          const unused = [
            ...r.unused.strengths,
            ...r.unused.weaknesses,
            ...r.unused.opportunities,
            ...r.unused.threats,
          ];
          expect(unused.length + r.usage.filter((u) => u.strategies.length > 0).length).toBe(
            ids.length,
          );
          const uses = r.usage.reduce((n, u) => n + u.strategies.length, 0);
          expect(uses).toBe(links.reduce((n, l) => n + l.items.length, 0));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("has its links checked by parseAssessment when they sit in an assessment's tows", () => {
    const json = sofiaJson() as Record<string, unknown> & { tows: Record<string, unknown>[] };
    json.tows[0] = { ...json.tows[0], items: ["s-ecosystem", "o-ghost"], solutions: ["sol-ghost"] };
    json.tows.push({ ...json.tows[1] });
    const r = safeParseAssessment(json);
    expect(r.success ? [] : r.issues.map((i) => [i.code, i.path])).toStrictEqual([
      ["duplicate_id", ["tows", 5, "id"]],
      ["unknown_reference", ["tows", 0, "items", 1]],
      ["unknown_reference", ["tows", 0, "solutions", 0]],
    ]);
  });

  describe("bad input", () => {
    it("rejects an opportunity used where a strength belongs", () => {
      expect(() =>
        crossSwot(swot, [{ id: "st", kind: "ST", items: ["o1", "t1"], text: "x" }]),
      ).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: "o1" is an opportunity; an ST strategy links strengths and threats only (links[0].items[0])]`,
      );
      expect(
        issue(() =>
          crossSwot(swot, [{ id: "so", kind: "SO", items: ["s1", "o1", "w1"], text: "x" }]),
        ),
      ).toStrictEqual(["invalid_value", ["links", 0, "items", 2]]);
    });

    it("rejects a strategy that misses one of its two quadrants", () => {
      expect(
        issue(() => crossSwot(swot, [{ id: "so", kind: "SO", items: ["s1", "s2"], text: "x" }])),
      ).toStrictEqual(["invalid_value", ["links", 0, "items"]]);
      expect(
        issue(() => crossSwot(swot, [{ id: "so", kind: "SO", items: [], text: "x" }])),
      ).toStrictEqual(["empty", ["links", 0, "items"]]);
    });

    it("rejects unknown items, solutions and kinds", () => {
      expect(
        issue(() => crossSwot(swot, [{ id: "so", kind: "SO", items: ["s1", "o9"], text: "x" }])),
      ).toStrictEqual(["unknown_reference", ["links", 0, "items", 1]]);
      expect(
        issue(() =>
          crossSwot(
            swot,
            [{ id: "so", kind: "SO", items: ["s1", "o1"], text: "x", solutions: ["ghost"] }],
            { solutions: ["real"] },
          ),
        ),
      ).toStrictEqual(["unknown_reference", ["links", 0, "solutions", 0]]);
      expect(
        issue(() =>
          crossSwot(swot, [{ id: "so", kind: "OS" as never, items: ["s1", "o1"], text: "x" }]),
        ),
      ).toStrictEqual(["invalid_value", ["links", 0, "kind"]]);
    });

    it("rejects duplicates and malformed input", () => {
      const ok = { id: "so", kind: "SO", items: ["s1", "o1"], text: "x" } as const;
      expect(issue(() => crossSwot(swot, [ok, ok]))).toStrictEqual([
        "duplicate_id",
        ["links", 1, "id"],
      ]);
      expect(issue(() => crossSwot(swot, [{ ...ok, items: ["s1", "o1", "s1"] }]))).toStrictEqual([
        "duplicate_id",
        ["links", 0, "items", 2],
      ]);
      expect(issue(() => crossSwot(swot, [{ ...ok, text: "" }]))).toStrictEqual([
        "invalid_value",
        ["links", 0, "text"],
      ]);
      expect(issue(() => crossSwot(swot, [{ ...ok, solutions: "x" as never }]))).toStrictEqual([
        "invalid_type",
        ["links", 0, "solutions"],
      ]);
      expect(issue(() => crossSwot(swot, "links" as never))).toStrictEqual([
        "invalid_type",
        ["links"],
      ]);
      expect(issue(() => crossSwot(swot, [null as never]))).toStrictEqual([
        "invalid_type",
        ["links", 0],
      ]);
      expect(issue(() => crossSwot(null as never, []))).toStrictEqual(["invalid_type", ["swot"]]);
      expect(issue(() => crossSwot({ ...swot, threats: undefined } as never, []))).toStrictEqual([
        "invalid_type",
        ["swot", "threats"],
      ]);
      expect(issue(() => crossSwot({ ...swot, threats: [{ id: "s1" }] }, []))).toStrictEqual([
        "duplicate_id",
        ["swot", "threats", 0, "id"],
      ]);
      expect(issue(() => crossSwot({ ...swot, threats: [null as never] }, []))).toStrictEqual([
        "invalid_type",
        ["swot", "threats", 0],
      ]);
      expect(issue(() => crossSwot({ ...swot, threats: [{ id: "" }] }, []))).toStrictEqual([
        "invalid_value",
        ["swot", "threats", 0, "id"],
      ]);
      expect(issue(() => crossSwot(swot, [{ ...ok, items: ["s1", ""] }]))).toStrictEqual([
        "invalid_value",
        ["links", 0, "items", 1],
      ]);
      expect(issue(() => crossSwot(swot, [{ ...ok, id: 3 as never }]))).toStrictEqual([
        "invalid_type",
        ["links", 0, "id"],
      ]);
      expect(issue(() => crossSwot(swot, [], { solutions: 3 as never }))).toStrictEqual([
        "invalid_type",
        ["options", "solutions"],
      ]);
      expect(issue(() => crossSwot(swot, [], null as never))).toStrictEqual([
        "invalid_type",
        ["options"],
      ]);
    });
  });
});
