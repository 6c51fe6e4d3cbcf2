import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isParsed } from "../_lib/parsed.js";
import { iccCitizenParticipation } from "../frameworks/iccCitizenParticipation.js";
import { parseAnswers, safeParseAnswers } from "./answers.js";
import { defineFramework } from "./defineFramework.js";
import { validateAssessment } from "./validateAssessment.js";
import { toJsonSchema } from "./toJsonSchema.js";

type Doc = any;

const framework = { id: "icc-citizen-participation", version: "1.0.0" };

function answers(observations: unknown[], extra: Record<string, unknown> = {}): Doc {
  return {
    format: "icc-assessment/answers",
    formatVersion: "1.0",
    framework,
    observations,
    ...extra,
  };
}

/** The issues of a refused document, as code and path. */
function issues(input: unknown, options = {}) {
  const r = safeParseAnswers(input, options);
  expect(r.success).toBe(false);
  return r.success ? [] : r.issues.map((i) => ({ code: i.code, path: i.path }));
}

/** A framework with one indicator of each answer type (a % numeric among them). */
const six = defineFramework({
  id: "six",
  version: "1.0",
  title: "Six",
  provenance: "designed",
  sources: [],
  dimensions: [{ id: "d", title: "D" }],
  indicators: [
    { id: "bin", dimension: "d", title: "Binary", type: "binary" },
    { id: "lik", dimension: "d", title: "Likert", type: "likert", scale: { min: 1, max: 5 } },
    {
      id: "pct",
      dimension: "d",
      title: "Share",
      type: "numeric",
      unit: "%",
      normalisation: { method: "goalposts", low: 0, high: 100 },
    },
    {
      id: "cat",
      dimension: "d",
      title: "Categorical",
      type: "categorical",
      options: [
        { value: "no", score: 0 },
        { value: "yes", score: 100 },
      ],
    },
    {
      id: "multi",
      dimension: "d",
      title: "Multi",
      type: "multiSelect",
      options: [
        { value: "a", weight: 1 },
        { value: "b", weight: 2 },
        { value: "none", weight: -1 },
      ],
    },
    {
      id: "grid",
      dimension: "d",
      title: "Grid",
      type: "ratingGrid",
      scale: { min: 0, max: 4 },
      rows: [
        { id: "r1", text: "Row 1" },
        { id: "r2", text: "Row 2" },
      ],
    },
  ],
  levels: [{ id: "all", title: "All", min: 0, max: 100 }],
});

describe("parseAnswers", () => {
  it("returns a fresh, frozen copy marked as parsed answers", () => {
    const input = answers(
      [
        { unit: "sofia", indicator: "sg.strategy", value: true, note: "council decision 2020" },
        { unit: "sofia", indicator: "sg.budget", value: "annual" },
        { unit: "sofia", indicator: "sg.ownership", value: null },
      ],
      { answeredOn: "2021-02-08", respondents: [{ unit: "sofia", count: 5 }] },
    );
    const a = parseAnswers(input);
    expect(a).toStrictEqual(input);
    expect(a).not.toBe(input);
    expect(Object.isFrozen(a.observations[0])).toBe(true);
    expect(isParsed(a, "answers")).toBe(true);
    expect(isParsed(a, "assessment")).toBe(false);
    input.observations[0].value = false;
    expect(a.observations[0]?.value).toBe(true);
  });

  it("refuses another format, an unsupported version and unknown keys, with their paths", () => {
    expect(issues(answers([], { format: "icc-assessment/assessment" }))).toStrictEqual([
      { code: "invalid_value", path: ["format"] },
    ]);
    expect(issues(answers([], { formatVersion: "2.0" }))).toStrictEqual([
      { code: "unsupported_version", path: ["formatVersion"] },
    ]);
    expect(issues(answers([], { answeredOn: "2021-02-30", extra: 1 }))).toStrictEqual([
      { code: "invalid_date", path: ["answeredOn"] },
      { code: "unknown_key", path: ["extra"] },
    ]);
  });

  it("refuses an unknown framework, listing the known ones, and an unknown version", () => {
    const r = safeParseAnswers(answers([], { framework: { id: "nope", version: "1.0" } }));
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues).toStrictEqual([
      {
        code: "unknown_reference",
        path: ["framework"],
        message:
          'unknown framework "nope@1.0" (known: icc-citizen-participation@1.0.0, un-losi-2022@1.0.0)',
      },
    ]);
    const v = safeParseAnswers(answers([], { framework: { ...framework, version: "9.0.0" } }));
    expect(v.success ? "" : v.issues[0]?.message).toBe(
      'framework "icc-citizen-participation" has no version "9.0.0"; known versions: 1.0.0',
    );
  });

  it("reads a framework passed in options, and then only those", () => {
    const doc = answers([{ unit: "x", indicator: "bin", value: true }], {
      framework: { id: "six", version: "1.0" },
    });
    expect(parseAnswers(doc, { frameworks: [six] }).observations).toHaveLength(1);
    expect(issues(doc)).toStrictEqual([{ code: "unknown_reference", path: ["framework"] }]);
  });

  it("refuses every wrong answer at once, each at its path, as validateAssessment does", () => {
    const doc = answers(
      [
        { unit: "x", indicator: "bin", value: 1 },
        { unit: "x", indicator: "lik", value: 6 },
        { unit: "x", indicator: "pct", value: 101 },
        { unit: "x", indicator: "cat", value: "maybe" },
        { unit: "x", indicator: "multi", value: ["a", "a", "zzz"] },
        {
          unit: "x",
          indicator: "grid",
          value: [
            { row: "r3", value: 1 },
            { row: "r1", value: 9 },
          ],
        },
        { unit: "x", indicator: "bin", value: true },
        { unit: "x", indicator: "gone", value: true },
      ],
      { framework: { id: "six", version: "1.0" }, respondents: [{ unit: "y", count: 2 }] },
    );
    expect(issues(doc, { frameworks: [six] })).toStrictEqual([
      { code: "unknown_reference", path: ["observations", 7, "indicator"] },
      { code: "invalid_type", path: ["observations", 0, "value"] },
      { code: "out_of_range", path: ["observations", 1, "value"] },
      { code: "out_of_range", path: ["observations", 2, "value"] },
      { code: "invalid_value", path: ["observations", 3, "value"] },
      { code: "duplicate_id", path: ["observations", 4, "value", 1] },
      { code: "invalid_value", path: ["observations", 4, "value", 2] },
      { code: "unknown_reference", path: ["observations", 5, "value", 0, "row"] },
      { code: "out_of_range", path: ["observations", 5, "value", 1, "value"] },
      { code: "duplicate_id", path: ["observations", 6] },
      { code: "unknown_reference", path: ["respondents", 0, "unit"] },
    ]);
    const r = safeParseAnswers(doc, { frameworks: [six] });
    expect(r.success ? [] : r.issues.map((i) => i.message)).toContain(
      'unit "x" answers indicator "bin" again (first at observations[0])',
    );
  });

  it("refuses a unit counted twice among the respondents, and a count below 1", () => {
    const obs = [{ unit: "sofia", indicator: "sg.strategy", value: true }];
    expect(
      issues(
        answers(obs, {
          respondents: [
            { unit: "sofia", count: 2 },
            { unit: "sofia", count: 3 },
          ],
        }),
      ),
    ).toStrictEqual([{ code: "duplicate_id", path: ["respondents", 1, "unit"] }]);
    expect(issues(answers(obs, { respondents: [{ unit: "sofia", count: 0 }] }))).toStrictEqual([
      { code: "out_of_range", path: ["respondents", 0, "count"] },
    ]);
  });

  it("property: answers are accepted exactly when an assessment with the same observations accepts them", () => {
    const value = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.integer({ min: -2, max: 120 }),
      fc.double({ min: -5, max: 105, noNaN: true }),
      fc.constantFrom("no", "yes", "maybe", "a"),
      fc.array(fc.constantFrom("a", "b", "none", "zzz"), { maxLength: 4 }),
      fc.array(
        fc.record({
          row: fc.constantFrom("r1", "r2", "r9"),
          value: fc.integer({ min: -1, max: 5 }),
        }),
        { maxLength: 3 },
      ),
    );
    const obs = fc.array(
      fc.record({
        unit: fc.constant("sofia"),
        indicator: fc.constantFrom("bin", "lik", "pct", "cat", "multi", "grid"),
        value,
      }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(obs, (observations) => {
        const a = safeParseAnswers(
          answers(observations, { framework: { id: "six", version: "1.0" } }),
          { frameworks: [six] },
        );
        const v = validateAssessment(
          {
            formatVersion: "1.0",
            city: { id: "sofia", name: "Sofia", country: "BG" },
            programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
            track: { id: "citizenParticipationDigitalPublicAdministration" },
            stakeholders: [],
            workshops: [],
            needs: [],
            solutions: [],
            maturity: { framework: { id: "six", version: "1.0" }, observations },
          },
          { frameworks: [six] },
        );
        const fromAssessment = v.errors.map((i) => ({
          code: i.code,
          path: i.path.slice(1),
          message: i.message.replace(/maturity\.observations/g, "observations"),
        }));
        const fromAnswers = a.success ? [] : a.issues;
        expect(fromAnswers).toStrictEqual(fromAssessment);
      }),
      { numRuns: 300 },
    );
  });

  it("accepts every answer a built-in question can take, and its JSON Schema agrees on the shape", () => {
    const observations = iccCitizenParticipation.indicators.map((ind) => ({
      unit: "sofia",
      indicator: ind.id,
      value:
        ind.type === "binary"
          ? true
          : ind.type === "likert" || ind.type === "numeric"
            ? 1
            : ind.type === "categorical"
              ? (ind.options[0]?.value ?? null)
              : ind.type === "multiSelect"
                ? [ind.options[0]?.value]
                : [{ row: ind.rows[0]?.id, value: ind.scale.min }],
    }));
    expect(parseAnswers(answers(observations)).observations).toHaveLength(32);
    const schema = toJsonSchema("answers");
    expect(schema["$id"]).toMatch(/answers\.v1\.json$/);
    expect(schema["title"]).toBe("ICC questionnaire answers");
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addFormat("date", /^\d{4}-\d{2}-\d{2}$/);
    const validate = ajv.compile(schema);
    expect(validate(answers(observations, { answeredOn: "2021-02-08" }))).toBe(true);
    expect(validate(answers(observations, { format: "icc-assessment/part" }))).toBe(false);
    // the file shipped in the package is current (re-run npm run build when this fails)
    const shipped = JSON.parse(
      readFileSync(new URL("../../schema/answers.v1.json", import.meta.url), "utf8"),
    ) as unknown;
    expect(shipped).toStrictEqual(schema);
  });
});
