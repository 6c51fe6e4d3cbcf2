import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeOf } from "../../test/helpers/errors.js";
import { scoreRice } from "./scoreRice.js";

describe("scoreRice", () => {
  it("scores reach x impact x confidence / effort and ranks ties together by id", () => {
    // Intercom's worked example: 150 customers, impact 1, confidence 80 %, 0.5 person-months -> 240
    expect(
      scoreRice([
        { id: "b", reach: 150, impact: 1, confidence: 0.8, effort: 0.5 },
        { id: "c", reach: 10, impact: 3, confidence: 1, effort: 1 },
        { id: "a", reach: 240, impact: 1, confidence: 1, effort: 1 },
      ]),
    ).toStrictEqual({
      ranking: [
        { id: "a", reach: 240, impact: 1, confidence: 1, effort: 1, score: 240, rank: 1 },
        { id: "b", reach: 150, impact: 1, confidence: 0.8, effort: 0.5, score: 240, rank: 1 },
        { id: "c", reach: 10, impact: 3, confidence: 1, effort: 1, score: 30, rank: 3 },
      ],
      formula: "reach × impact × confidence / effort",
    });
  });

  it("does not depend on input order", () => {
    const item = fc.record({
      reach: fc.integer({ min: 0, max: 1000 }),
      impact: fc.constantFrom(0.25, 0.5, 1, 2, 3),
      confidence: fc.constantFrom(0.5, 0.8, 1),
      effort: fc.integer({ min: 1, max: 12 }),
    });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 10 }), (raw) => {
        const items = raw.map((x, i) => ({ id: `s${i}`, ...x }));
        expect(scoreRice([...items].reverse())).toStrictEqual(scoreRice(items));
      }),
      { numRuns: 100 },
    );
  });

  describe("bad input", () => {
    it("rejects effort 0, confidence above 1, negative reach and overflowing scores", () => {
      expect(() =>
        scoreRice([{ id: "a", reach: 1, impact: 1, confidence: 1, effort: 0 }]),
      ).toThrowErrorMatchingInlineSnapshot(
        `[AssessmentError: effort must be greater than 0, got 0 (items[0].effort)]`,
      );
      expect(
        codeOf(() => scoreRice([{ id: "a", reach: 1, impact: 1, confidence: 80, effort: 1 }])),
      ).toStrictEqual({
        code: "out_of_range",
        path: ["items", 0, "confidence"],
      });
      expect(
        codeOf(() => scoreRice([{ id: "a", reach: -1, impact: 1, confidence: 1, effort: 1 }])),
      ).toStrictEqual({
        code: "out_of_range",
        path: ["items", 0, "reach"],
      });
      expect(
        codeOf(() =>
          scoreRice([{ id: "a", reach: 1e300, impact: 1e300, confidence: 1, effort: 1 }]),
        ),
      ).toStrictEqual({
        code: "out_of_range",
        path: ["items", 0],
      });
      expect(
        codeOf(() => scoreRice([{ id: "a", reach: NaN, impact: 1, confidence: 1, effort: 1 }])),
      ).toStrictEqual({
        code: "non_finite",
        path: ["items", 0, "reach"],
      });
    });
  });
});
