import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { unLosi2022 } from "./unLosi2022.js";
import { resolveBands } from "../schema/checkFramework.js";
import { bandContains } from "../maturity/_shared.js";

describe("unLosi2022", () => {
  const losi = JSON.parse(
    readFileSync(
      fileURLToPath(
        new URL("../../test/fixtures/reference/losi-2022-participation.json", import.meta.url),
      ),
      "utf8",
    ),
  ) as { id: string; title: string }[];

  it("has the documented 5 criteria with 8 / 25 / 18 / 17 / 18 binary indicators (86 in all)", () => {
    // UN DESA LOSI page; test/fixtures/reference/egov.json losi.2022
    const counts = unLosi2022.dimensions.map(
      (d) => unLosi2022.indicators.filter((i) => i.dimension === d.id).length,
    );
    expect(counts).toStrictEqual([8, 25, 18, 17, 18]);
    expect(unLosi2022.indicators).toHaveLength(86);
    expect(unLosi2022.indicators.every((i) => i.type === "binary" && i.unanswered === "zero")).toBe(
      true,
    );
    expect(unLosi2022.dimensions.map((d) => d.weight)).toStrictEqual(counts);
  });

  it("takes the participation titles from the 2022 Survey and marks every other title as a placeholder", () => {
    const pe = unLosi2022.indicators.filter((i) => i.dimension === "participationEngagement");
    expect(pe.map((i) => [i.id, i.title])).toStrictEqual(losi.map((p) => [p.id, p.title]));
    const others = unLosi2022.indicators.filter((i) => i.dimension !== "participationEngagement");
    expect(others).toHaveLength(69);
    for (const i of others)
      expect(i.title).toBe(`${i.id} (title not published; fill from the UN questionnaire)`);
  });

  it("puts 75 exactly in high and anything above it in very high", () => {
    const bands = resolveBands(unLosi2022);
    const at = (s: number) => bands.filter((b) => bandContains(b, s)).map((b) => b.id);
    expect(at(75)).toStrictEqual(["high"]);
    expect(at(75.0001)).toStrictEqual(["veryHigh"]);
    expect(at(50)).toStrictEqual(["high"]);
    expect(at(25)).toStrictEqual(["middle"]);
    expect(at(24.99)).toStrictEqual(["low"]);
    expect(at(100)).toStrictEqual(["veryHigh"]);
    expect(at(0)).toStrictEqual(["low"]);
  });

  it("is labelled mixed", () => {
    expect(unLosi2022.provenance).toBe("mixed");
  });
});
