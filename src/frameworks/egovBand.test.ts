import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { thrown } from "../../test/helpers/errors.js";
import { egovBand, egovBands } from "./egovBand.js";

// test/fixtures/reference/egov.json: published 2022 EGDI values and their UN groups
const egov = JSON.parse(
  readFileSync(
    fileURLToPath(new URL("../../test/fixtures/reference/egov.json", import.meta.url)),
    "utf8",
  ),
) as {
  cases: {
    egdi_2022: {
      countries: Record<string, { published: { EGDI: number }; band_from_published_EGDI: string }>;
    };
  };
};
const label: Record<string, string> = {
  "Very High": "veryHigh",
  High: "high",
  Middle: "middle",
  Low: "low",
};

describe("egovBand", () => {
  for (const [name, c] of Object.entries(egov.cases.egdi_2022.countries)) {
    it(`puts ${name} (EGDI ${c.published.EGDI}) in its published group`, () => {
      expect(egovBand(c.published.EGDI)).toBe(label[c.band_from_published_EGDI]);
    });
  }

  it("applies the stated boundary rule: > 0.75 very high, ≥ 0.50 high, ≥ 0.25 middle", () => {
    expect([0, 0.2499, 0.25, 0.4999, 0.5, 0.75, 0.7501, 1].map(egovBand)).toStrictEqual([
      "low",
      "low",
      "middle",
      "middle",
      "high",
      "high",
      "veryHigh",
      "veryHigh",
    ]);
  });

  it("property: the groups partition [0, 1] in order", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(egovBands.indexOf(egovBand(lo))).toBeGreaterThanOrEqual(
            egovBands.indexOf(egovBand(hi)),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it("rejects values outside [0, 1] or not finite", () => {
    for (const [v, code] of [
      [1.01, "out_of_range"],
      [-0.1, "out_of_range"],
      [Number.NaN, "non_finite"],
      ["0.5", "invalid_type"],
    ] as const) {
      const e = thrown(() => egovBand(v as number));
      expect([e.code, e.issues[0]?.path]).toStrictEqual([code, ["value"]]);
    }
  });
});
