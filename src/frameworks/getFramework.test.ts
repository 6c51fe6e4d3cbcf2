import { describe, expect, it } from "vitest";
import { thrown } from "../../test/helpers/errors.js";
import { getFramework } from "./getFramework.js";
import { iccCitizenParticipation } from "./iccCitizenParticipation.js";
import { unLosi2022 } from "./unLosi2022.js";

describe("getFramework", () => {
  it("finds a built-in framework by id, with or without its version", () => {
    expect(getFramework("icc-citizen-participation")).toBe(iccCitizenParticipation);
    expect(getFramework("icc-citizen-participation", "1.0.0")).toBe(iccCitizenParticipation);
    expect(getFramework("un-losi-2022")).toBe(unLosi2022);
  });

  it("rejects an unknown id or version, listing what exists", () => {
    expect(() => getFramework("dmat")).toThrowErrorMatchingInlineSnapshot(
      `[AssessmentError: unknown framework "dmat"; known: icc-citizen-participation, un-losi-2022]`,
    );
    const v = thrown(() => getFramework("icc-citizen-participation", "2.0.0"));
    expect([v.code, v.issues[0]?.path]).toStrictEqual(["unknown_reference", ["version"]]);
    const t = thrown(() => getFramework(7 as unknown as string));
    expect([t.code, t.issues[0]?.path]).toStrictEqual(["invalid_type", ["id"]]);
    const tv = thrown(() => getFramework("un-losi-2022", 1 as unknown as string));
    expect([tv.code, tv.issues[0]?.path]).toStrictEqual(["invalid_type", ["version"]]);
  });

  it("searches given frameworks and takes the highest version when none is asked for", () => {
    const v = (version: string) => ({ ...iccCitizenParticipation, version });
    const frameworks = [v("1.2.0"), v("1.10.0"), v("1.9"), unLosi2022];
    expect(getFramework("icc-citizen-participation", undefined, { frameworks }).version).toBe(
      "1.10.0",
    );
    expect(getFramework("icc-citizen-participation", "1.9", { frameworks }).version).toBe("1.9");
    expect(
      getFramework("icc-citizen-participation", undefined, { frameworks: [v("2"), v("2.0.1")] })
        .version,
    ).toBe("2.0.1");
    const e = thrown(() => getFramework("x", undefined, { frameworks: "all" as never }));
    expect([e.code, e.issues[0]?.path]).toStrictEqual(["invalid_type", ["options", "frameworks"]]);
  });
});
