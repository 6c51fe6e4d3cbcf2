import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { thrown } from "../../test/helpers/errors.js";
import { egdi, type EgdiComponents } from "./egdi.js";

/**
 * Golden data: test/fixtures/reference/egov.json, case egdi_2022 — UN DESA E-Government Survey
 * 2022 data (EGOV_DATA_2022.csv), published to 4 dp; the published EGDI is computed from
 * unrounded components, hence the stated tolerance 1e-4.
 */
interface Country {
  published: { EGDI: number; OSI: number; TII: number; HCI: number };
  recomputed_mean_of_published_components: number;
}
const egov = JSON.parse(
  readFileSync(
    fileURLToPath(new URL("../../test/fixtures/reference/egov.json", import.meta.url)),
    "utf8",
  ),
) as {
  cases: {
    egdi_2022: {
      countries: Record<string, Country>;
      tolerance: { EGDI_from_published_components: number };
    };
  };
};
const cases = egov.cases.egdi_2022;

describe("egdi", () => {
  for (const [name, c] of Object.entries(cases.countries)) {
    it(`reproduces ${name}'s published 2022 EGDI from its components`, () => {
      const v = egdi({ osi: c.published.OSI, tii: c.published.TII, hci: c.published.HCI });
      expect(Math.abs(v - c.published.EGDI)).toBeLessThanOrEqual(
        cases.tolerance.EGDI_from_published_components,
      );
      expect(Math.abs(v - c.recomputed_mean_of_published_components)).toBeLessThanOrEqual(1e-8);
    });
  }

  it("accepts the bounds of [0, 1]", () => {
    expect(egdi({ osi: 0, tii: 0, hci: 0 })).toBe(0);
    expect(egdi({ osi: 1, tii: 1, hci: 1 })).toBe(1);
  });

  it("rejects components outside [0, 1], not finite or missing, with their path", () => {
    const cases2: [unknown, string, (string | number)[]][] = [
      [{ osi: 1.2, tii: 0.5, hci: 0.5 }, "out_of_range", ["components", "osi"]],
      [{ osi: 0.5, tii: -0.1, hci: 0.5 }, "out_of_range", ["components", "tii"]],
      [{ osi: 0.5, tii: 0.5, hci: Number.NaN }, "non_finite", ["components", "hci"]],
      [{ osi: 0.5, tii: 0.5 }, "invalid_type", ["components", "hci"]],
      [{ osi: "0.5", tii: 0.5, hci: 0.5 }, "invalid_type", ["components", "osi"]],
      [null, "invalid_type", ["components"]],
      [[0.5, 0.5, 0.5], "invalid_type", ["components"]],
    ];
    for (const [input, code, path] of cases2) {
      const e = thrown(() => egdi(input as EgdiComponents));
      expect([e.code, e.issues[0]?.path]).toStrictEqual([code, path]);
    }
    expect(() => egdi({ osi: 2, tii: 0.5, hci: 0.5 })).toThrowErrorMatchingInlineSnapshot(
      `[AssessmentError: components.osi must lie in [0, 1], got 2]`,
    );
  });
});
