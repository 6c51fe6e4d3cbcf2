/**
 * The hand mistakes of issue 13, each planted in the otherwise valid Sofia example: before the
 * issue, `icc-assess validate` said "valid assessment" to each of them, and `score`, `prioritise`,
 * `plan` or `report` refused the same file later, or nothing noticed at all. Now the validator
 * refuses each (or warns, for the observation about another unit) with the path of the planted
 * mistake and a message that names what was expected.
 */
import { describe, expect, it } from "vitest";
import { validateAssessment } from "../src/schema/validateAssessment.js";
import { sofiaJson } from "./helpers/sofia.js";

type Doc = any;

function plant(change: (doc: Doc) => void): ReturnType<typeof validateAssessment> {
  const doc = sofiaJson() as Doc;
  change(doc);
  return validateAssessment(doc);
}

/** The one issue at `path` (the test fails when there is none). */
function at(
  issues: readonly { path: readonly unknown[]; code: string; message: string }[],
  path: readonly unknown[],
) {
  const found = issues.filter((i) => JSON.stringify(i.path) === JSON.stringify(path));
  expect(
    found,
    `no issue at ${JSON.stringify(path)} among ${JSON.stringify(issues, null, 1)}`,
  ).not.toHaveLength(0);
  return found[0] as { code: string; message: string };
}

describe("validateAssessment on the planted mistakes of issue 13", () => {
  it("accepts the Sofia examples as they are, without warnings", () => {
    for (const file of ["assessment.json", "assessment-2022.json"]) {
      const r = validateAssessment(sofiaJson(file));
      expect(r).toStrictEqual({ valid: true, errors: [], warnings: [] });
    }
  });

  it("refuses a need's dimension that is not the framework's (eparticipation for eParticipation)", () => {
    const r = plant((d) => (d.needs[0].dimension = "eparticipation"));
    expect(r.valid).toBe(false);
    const i = at(r.errors, ["needs", 0, "dimension"]);
    expect(i.code).toBe("unknown_reference");
    expect(i.message).toContain('"eparticipation"');
    expect(i.message).toContain("eParticipation");
  });

  it("refuses an observation of an indicator the framework does not have", () => {
    const r = plant((d) => (d.maturity.observations[0].indicator = "sg.typo"));
    const i = at(r.errors, ["maturity", "observations", 0, "indicator"]);
    expect(i.code).toBe("unknown_reference");
    expect(i.message).toContain('"sg.typo"');
  });

  it("refuses a Likert answer 7 on a 0–4 scale, naming the scale", () => {
    // sg.ownership is a Likert question answered 2 in the example
    const r = plant((d) => (d.maturity.observations[1].value = 7));
    const i = at(r.errors, ["maturity", "observations", 1, "value"]);
    expect(i.code).toBe("out_of_range");
    expect(i.message).toMatch(/0.*4/);
  });

  it('refuses the string "35" where a number is expected', () => {
    // ds.online is a numeric question (a percentage) answered 35 in the example
    const r = plant((d) => (d.maturity.observations[5].value = "35"));
    const i = at(r.errors, ["maturity", "observations", 5, "value"]);
    expect(i.code).toBe("invalid_type");
    expect(i.message).toContain("number");
  });

  it("refuses a percentage of 150", () => {
    const r = plant((d) => (d.maturity.observations[5].value = 150));
    const i = at(r.errors, ["maturity", "observations", 5, "value"]);
    expect(i.code).toBe("out_of_range");
    expect(i.message).toContain("100");
  });

  it("refuses a categorical answer that is not an option, listing the options", () => {
    // sg.budget is categorical, answered "adHoc"
    const r = plant((d) => (d.maturity.observations[2].value = "sometimes"));
    const i = at(r.errors, ["maturity", "observations", 2, "value"]);
    expect(i.message).toContain('"sometimes"');
    expect(i.message).toContain("adHoc");
  });

  it("refuses a missing solution × criterion score", () => {
    const r = plant((d) => {
      const k = d.scores.findIndex(
        (s: Doc) => s.solution === "sol-chatbot" && s.criterion === "support",
      );
      d.scores.splice(k, 1);
    });
    expect(r.valid).toBe(false);
    const i = r.errors.find(
      (e) => e.message.includes("sol-chatbot") && e.message.includes("support"),
    );
    expect(i, JSON.stringify(r.errors)).toBeDefined();
  });

  it('refuses framework version "1.0" when the framework is 1.0.0, naming the known version', () => {
    const r = plant((d) => (d.maturity.framework.version = "1.0"));
    const i = at(r.errors, ["maturity", "framework"]);
    expect(i.code).toBe("unknown_reference");
    expect(i.message).toContain("1.0.0");
  });

  it("refuses an unknown framework id", () => {
    const r = plant((d) => (d.maturity.framework.id = "icc-citizen-participations"));
    const i = at(r.errors, ["maturity", "framework"]);
    expect(i.code).toBe("unknown_reference");
    expect(i.message).toContain("icc-citizen-participation@1.0.0");
  });

  it("refuses a target level that is not one of the framework's levels, listing them", () => {
    const r = plant((d) => (d.maturity.targets[0].level = "expert"));
    const i = at(r.errors, ["maturity", "targets", 0, "level"]);
    expect(i.code).toBe("unknown_reference");
    expect(i.message).toContain('"expert"');
    expect(i.message).toContain("advanced");
  });

  it("refuses SWOT weights that no longer sum as the rating convention requires", () => {
    const r = plant((d) => (d.swot[0].weight = 0.9));
    expect(r.valid).toBe(false);
    const i = r.errors.find((e) => e.path[0] === "swot");
    expect(i, JSON.stringify(r.errors)).toBeDefined();
    expect(i?.message).toMatch(/sum/);
  });

  it("refuses a funding amount in USD on a solution costed in EUR", () => {
    const r = plant((d) => (d.solutions[0].funding[0].amount.currency = "USD"));
    const i = at(r.errors, ["solutions", 0, "funding", 0, "amount", "currency"]);
    expect(i.code).toBe("currency_mismatch");
    expect(i.message).toContain("USD");
    expect(i.message).toContain("EUR");
  });

  it("refuses a solution whose end and duration disagree", () => {
    // sol-platform starts 2021-03-01 and ends 2022-03-31; a 5-month duration ends 2021-08-01
    const r = plant((d) => (d.solutions[0].duration = { months: 5 }));
    expect(r.valid).toBe(false);
    const i = r.errors.find(
      (e) =>
        e.path[0] === "solutions" &&
        e.path[1] === 0 &&
        ["end", "duration"].includes(e.path[2] as string),
    );
    expect(i, JSON.stringify(r.errors)).toBeDefined();
    expect(i?.message).toContain("2022-03-31");
  });

  it("accepts a solution whose end and duration agree", () => {
    const r = plant((d) => {
      d.solutions[1].end = "2021-08-01"; // sol-sofia-chooses: 2021-03-01 + 5 months
    });
    expect(r.errors).toStrictEqual([]);
  });

  it("warns about observations whose unit is not the assessment's city, and accepts them", () => {
    const r = plant((d) => (d.maturity.observations[3].unit = "plovdiv"));
    expect(r.valid).toBe(true);
    const i = at(r.warnings, ["maturity", "observations", 3, "unit"]);
    expect(i.code).toBe("unit_not_city");
    expect(i.message).toContain('"plovdiv"');
    expect(i.message).toContain('"sofia"');
  });

  it("refuses a voter casting several ballots in the same poll", () => {
    const r = plant((d) => {
      const first = d.ballots[0];
      for (let k = 0; k < 20; k++) d.ballots.push({ ...first, id: `extra-${k}` });
    });
    expect(r.valid).toBe(false);
    const n = d0().ballots.length;
    const i = at(r.errors, ["ballots", n, "voter"]);
    expect(i.message).toContain(`"${d0().ballots[0].voter}"`);
  });

  it("refuses steps whose dependencies form a cycle", () => {
    const r = plant((d) => {
      // spec → build → launch; make spec depend on launch
      d.solutions[0].steps[0].dependsOn = [{ step: "launch" }];
    });
    expect(r.valid).toBe(false);
    const i = r.errors.find((e) => e.code === "cycle");
    expect(i, JSON.stringify(r.errors)).toBeDefined();
    expect(i?.path.slice(0, 3)).toStrictEqual(["solutions", 0, "steps"]);
    expect(i?.message).toContain("spec");
    expect(i?.message).toContain("launch");
  });

  it("reports every planted mistake at once, not only the first", () => {
    const r = plant((d) => {
      d.needs[0].dimension = "eparticipation";
      d.maturity.observations[1].value = 7;
      d.maturity.targets[0].level = "expert";
    });
    expect(r.errors.length).toBeGreaterThanOrEqual(3);
  });
});

function d0(): Doc {
  return sofiaJson() as Doc;
}
