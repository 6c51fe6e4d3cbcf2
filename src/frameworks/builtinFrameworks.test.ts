import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { builtinFrameworks } from "./builtinFrameworks.js";
import { defineFramework } from "../schema/defineFramework.js";
import { resolveBands } from "../schema/checkFramework.js";
import { bandContains } from "../maturity/_shared.js";

describe("builtinFrameworks", () => {
  it("lists the two built-in frameworks with unique id@version", () => {
    expect(builtinFrameworks.map((f) => `${f.id}@${f.version}`)).toStrictEqual([
      "icc-citizen-participation@1.0.0",
      "un-losi-2022@1.0.0",
    ]);
  });

  for (const f of builtinFrameworks) {
    it(`${f.id} passes defineFramework unchanged`, () => {
      expect(defineFramework(JSON.parse(JSON.stringify(f)))).toStrictEqual(f);
    });

    it(`${f.id}: its bands partition the scale (every score in exactly one band)`, () => {
      const bands = resolveBands(f);
      const scale = f.scale ?? { min: 0, max: 100 };
      fc.assert(
        fc.property(fc.double({ min: scale.min, max: scale.max, noNaN: true }), (s) => {
          expect(bands.filter((b) => bandContains(b, s))).toHaveLength(1);
        }),
        { numRuns: 200 },
      );
      for (const b of bands) {
        expect(bands.filter((x) => bandContains(x, b.min))).toHaveLength(1);
        expect(bands.filter((x) => bandContains(x, b.max))).toHaveLength(1);
      }
    });

    it(`${f.id} states its provenance and sources`, () => {
      expect(["documented", "designed", "mixed"]).toContain(f.provenance);
      expect(f.sources.length).toBeGreaterThan(0);
    });
  }
});
