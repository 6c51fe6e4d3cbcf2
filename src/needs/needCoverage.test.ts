import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { issue } from "../../test/helpers/errors.js";
import { parseAssessment } from "../schema/parseAssessment.js";
import { sofiaJson } from "../../test/helpers/sofia.js";
import { needCoverage } from "./needCoverage.js";

function doc(needs: unknown[], solutions: unknown[]) {
  return parseAssessment({
    formatVersion: "1.0",
    city: { id: "sofia", name: "Sofia", country: "BG" },
    programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
    track: { id: "citizenParticipationDigitalPublicAdministration" },
    stakeholders: [],
    workshops: [],
    needs,
    solutions,
  });
}

describe("needCoverage", () => {
  it("maps the Sofia solutions to the needs they address", () => {
    const c = needCoverage(parseAssessment(sofiaJson()));
    expect(c.needs.map((n) => [n.id, n.solutions])).toStrictEqual([
      ["n-one-stop", ["sol-platform", "sol-sofia-chooses"]],
      ["n-feedback", ["sol-platform", "sol-info-points"]],
      ["n-open-data", ["sol-data-policy"]],
      ["n-data-skills", ["sol-data-skills"]],
      ["n-e-services", ["sol-e-services", "sol-chatbot"]],
      ["n-interop", ["sol-data-policy", "sol-e-services"]],
      ["n-offline", ["sol-info-points"]],
      ["n-budgeting", ["sol-sofia-chooses"]],
    ]);
    expect(c.uncoveredNeeds).toStrictEqual([]);
    expect(c.solutionsWithoutNeeds).toStrictEqual([]);
    expect(c.counts).toStrictEqual({
      needs: 8,
      coveredNeeds: 8,
      uncoveredNeeds: 0,
      solutions: 7,
      solutionsWithNeeds: 7,
      solutionsWithoutNeeds: 0,
      links: 12,
    });
  });

  it("lists needs no solution addresses and solutions that address no need", () => {
    const c = needCoverage(
      doc(
        [
          { id: "a", statement: "A", raisedBy: [] },
          { id: "b", statement: "B", raisedBy: [] },
        ],
        [
          { id: "s1", title: "One", readiness: "idea", addressesNeeds: ["a"] },
          { id: "s2", title: "Two", readiness: "idea" },
        ],
      ),
    );
    expect(c).toStrictEqual({
      needs: [
        { id: "a", statement: "A", solutions: ["s1"] },
        { id: "b", statement: "B", solutions: [] },
      ],
      solutions: [
        { id: "s1", title: "One", needs: ["a"] },
        { id: "s2", title: "Two", needs: [] },
      ],
      uncoveredNeeds: ["b"],
      solutionsWithoutNeeds: ["s2"],
      counts: {
        needs: 2,
        coveredNeeds: 1,
        uncoveredNeeds: 1,
        solutions: 2,
        solutionsWithNeeds: 1,
        solutionsWithoutNeeds: 1,
        links: 1,
      },
    });
  });

  it("handles an assessment with no needs and no solutions", () => {
    expect(needCoverage(doc([], [])).counts).toStrictEqual({
      needs: 0,
      coveredNeeds: 0,
      uncoveredNeeds: 0,
      solutions: 0,
      solutionsWithNeeds: 0,
      solutionsWithoutNeeds: 0,
      links: 0,
    });
  });

  it("property: coverage counts add up both ways", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 6 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.array(fc.subarray(Array.from({ length: n }, (_, i) => `n${i}`)), { maxLength: 6 }),
            ),
          ),
        ([n, links]) => {
          const c = needCoverage(
            doc(
              Array.from({ length: n }, (_, i) => ({ id: `n${i}`, statement: "s", raisedBy: [] })),
              links.map((needs, i) => ({
                id: `s${i}`,
                title: "t",
                readiness: "idea",
                addressesNeeds: needs,
              })),
            ),
          );
          const k = c.counts;
          expect(k.coveredNeeds + k.uncoveredNeeds).toBe(k.needs);
          expect(k.solutionsWithNeeds + k.solutionsWithoutNeeds).toBe(k.solutions);
          expect(c.needs.reduce((s, x) => s + x.solutions.length, 0)).toBe(k.links);
          expect(c.solutions.reduce((s, x) => s + x.needs.length, 0)).toBe(k.links);
          expect(c.uncoveredNeeds.length).toBe(k.uncoveredNeeds);
          expect(c.solutionsWithoutNeeds.length).toBe(k.solutionsWithoutNeeds);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("refuses an assessment that did not come from parseAssessment", () => {
    const copy = JSON.parse(JSON.stringify(parseAssessment(sofiaJson()))) as unknown;
    expect(issue(() => needCoverage(copy as never))).toStrictEqual(["not_parsed", ["assessment"]]);
    expect(issue(() => needCoverage(undefined as never))).toStrictEqual([
      "not_parsed",
      ["assessment"],
    ]);
  });
});
