import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { issue } from "../../test/helpers/errors.js";
import { parseAssessment } from "../schema/parseAssessment.js";
import { helices } from "../schema/vocabularies.js";
import { sofiaJson } from "../../test/helpers/sofia.js";
import { DEFAULT_MIN_HELIX_SHARE, stakeholderCoverage } from "./stakeholderCoverage.js";

const people = [
  { id: "p1", name: "City", helix: "public", kind: "cityDepartment" },
  { id: "p2", name: "Planning", helix: "public", kind: "planningBody" },
  { id: "b1", name: "IT", helix: "business", kind: "association" },
  { id: "a1", name: "Uni", helix: "academia", kind: "university" },
  { id: "c1", name: "NGO", helix: "civilSociety", kind: "ngo" },
];

function doc(workshops: unknown[], stakeholders: unknown[] = people) {
  return parseAssessment({
    formatVersion: "1.0",
    city: { id: "sofia", name: "Sofia", country: "BG" },
    programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
    track: { id: "citizenParticipationDigitalPublicAdministration" },
    stakeholders,
    workshops,
    needs: [],
    solutions: [],
  });
}

describe("stakeholderCoverage", () => {
  it("counts the Sofia workshop participants per helix group and flags missing academia", () => {
    const c = stakeholderCoverage(parseAssessment(sofiaJson()));
    expect(c.minHelixShare).toBe(0.1);
    const [needs, priorities] = c.workshops;
    expect(needs?.participants).toBe(11);
    expect(needs?.helices.map((h) => [h.helix, h.participants, h.share, h.status])).toStrictEqual([
      ["public", 3, 3 / 11, "ok"],
      ["business", 6, 6 / 11, "ok"],
      ["academia", 0, 0, "missing"],
      ["civilSociety", 2, 2 / 11, "ok"],
    ]);
    expect(needs?.missing).toStrictEqual(["academia"]);
    expect(priorities?.participants).toBe(13);
    expect(priorities?.missing).toStrictEqual(["academia"]);
    expect(c.overall.participants).toBe(13);
    expect(
      c.overall.helices.map((h) => [h.helix, h.stakeholders, h.participants, h.neverParticipated]),
    ).toStrictEqual([
      ["public", 4, 4, 0],
      ["business", 7, 7, 0],
      ["academia", 1, 0, 1],
      ["civilSociety", 2, 2, 0],
    ]);
    expect(c.neverParticipated).toStrictEqual([
      {
        id: "sofia-university",
        name: "Sofia University, Faculty of Mathematics and Informatics",
        helix: "academia",
      },
    ]);
  });

  it("flags a helix group below the minimum share", () => {
    const c = stakeholderCoverage(
      doc([
        {
          id: "w",
          kind: "cityLab",
          date: "2021-03-01",
          participants: ["p1", "p2", "b1", "a1", "c1"],
        },
      ]),
      { minHelixShare: 0.25 },
    );
    expect(c.workshops[0]).toStrictEqual({
      id: "w",
      kind: "cityLab",
      date: "2021-03-01",
      participants: 5,
      helices: [
        { helix: "public", participants: 2, share: 0.4, status: "ok" },
        { helix: "business", participants: 1, share: 0.2, status: "belowShare" },
        { helix: "academia", participants: 1, share: 0.2, status: "belowShare" },
        { helix: "civilSociety", participants: 1, share: 0.2, status: "belowShare" },
      ],
      missing: [],
      belowShare: ["business", "academia", "civilSociety"],
    });
    expect(c.overall.belowShare).toStrictEqual(["business", "academia", "civilSociety"]);
    expect(c.neverParticipated).toStrictEqual([]);
  });

  it("treats a share equal to the minimum as enough", () => {
    const c = stakeholderCoverage(
      doc([
        { id: "w", kind: "cityLab", date: "2021-03-01", participants: ["p1", "b1", "a1", "c1"] },
      ]),
      {
        minHelixShare: 0.25,
      },
    );
    expect(c.workshops[0]?.helices.map((h) => h.status)).toStrictEqual(["ok", "ok", "ok", "ok"]);
  });

  it("gives no shares for a workshop nobody attended", () => {
    const c = stakeholderCoverage(
      doc([{ id: "w", kind: "roadmap", date: "2021-03-01", participants: [] }]),
    );
    expect(c.workshops[0]?.helices.every((h) => h.share === null && h.status === "missing")).toBe(
      true,
    );
    expect(c.overall.missing).toStrictEqual([...helices]);
    expect(c.neverParticipated.map((s) => s.id)).toStrictEqual(["p1", "p2", "b1", "a1", "c1"]);
    expect(DEFAULT_MIN_HELIX_SHARE).toBe(0.1);
  });

  it("counts no stakeholders for a helix group the assessment does not have", () => {
    const c = stakeholderCoverage(
      doc(
        [{ id: "w", kind: "roadmap", date: "2021-03-01", participants: ["p1"] }],
        people.slice(0, 3),
      ),
    );
    expect(
      c.overall.helices.map((h) => [h.helix, h.stakeholders, h.neverParticipated]),
    ).toStrictEqual([
      ["public", 2, 1],
      ["business", 1, 1],
      ["academia", 0, 0],
      ["civilSociety", 0, 0],
    ]);
  });

  it("property: participation counts add up", () => {
    const ids = people.map((p) => p.id);
    fc.assert(
      fc.property(
        fc.array(fc.subarray(ids), { maxLength: 5 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (lists, min) => {
          const c = stakeholderCoverage(
            doc(
              lists.map((participants, i) => ({
                id: `w${i}`,
                kind: "cityLab",
                date: "2021-03-01",
                participants,
              })),
            ),
            { minHelixShare: min },
          );
          for (const w of c.workshops) {
            expect(w.helices.reduce((s, h) => s + h.participants, 0)).toBe(w.participants);
            expect(
              w.missing.length +
                w.belowShare.length +
                w.helices.filter((h) => h.status === "ok").length,
            ).toBe(4);
          }
          expect(c.overall.helices.reduce((s, h) => s + h.participants, 0)).toBe(
            c.overall.participants,
          );
          expect(c.overall.helices.reduce((s, h) => s + h.stakeholders, 0)).toBe(
            c.overall.stakeholders,
          );
          expect(c.overall.participants + c.neverParticipated.length).toBe(c.overall.stakeholders);
          for (const h of c.overall.helices)
            expect(h.participants + h.neverParticipated).toBe(h.stakeholders);
        },
      ),
      { numRuns: 100 },
    );
  });

  describe("bad input", () => {
    const base = () =>
      JSON.parse(
        JSON.stringify(
          doc([{ id: "w", kind: "cityLab", date: "2021-03-01", participants: ["p1"] }]),
        ),
      ) as Record<string, Record<string, unknown>[]>;

    it("rejects a bad minimum share", () => {
      const a = doc([]);
      expect(issue(() => stakeholderCoverage(a, { minHelixShare: "0.2" as never }))).toStrictEqual([
        "invalid_type",
        ["options", "minHelixShare"],
      ]);
      expect(issue(() => stakeholderCoverage(a, { minHelixShare: 1.5 }))).toStrictEqual([
        "out_of_range",
        ["options", "minHelixShare"],
      ]);
      expect(issue(() => stakeholderCoverage(a, { minHelixShare: -0.1 }))).toStrictEqual([
        "out_of_range",
        ["options", "minHelixShare"],
      ]);
      expect(issue(() => stakeholderCoverage(a, { minHelixShare: Number.NaN }))).toStrictEqual([
        "non_finite",
        ["options", "minHelixShare"],
      ]);
      expect(issue(() => stakeholderCoverage(a, null as never))).toStrictEqual([
        "invalid_type",
        ["options"],
      ]);
    });

    it("refuses an assessment that did not come from parseAssessment", () => {
      expect(issue(() => stakeholderCoverage(base() as never))).toStrictEqual([
        "not_parsed",
        ["assessment"],
      ]);
      expect(issue(() => stakeholderCoverage([] as never))).toStrictEqual([
        "not_parsed",
        ["assessment"],
      ]);
    });
  });
});
