import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AssessmentError } from "../errors/AssessmentError.js";
import { parseAssessment } from "../schema/parseAssessment.js";
import { mergeAnswers, mergePart } from "./merge.js";
import type { AnswersFile, PartFile } from "./types.js";

const root = join(import.meta.dirname, "..", "..");
const sofia = () =>
  JSON.parse(readFileSync(join(root, "examples", "sofia", "assessment.json"), "utf8")) as Record<
    string,
    unknown
  >;
const fw = { id: "icc-citizen-participation", version: "1.0.0" };
const answers = (
  observations: AnswersFile["observations"],
  extra: Partial<AnswersFile> = {},
): AnswersFile => ({
  format: "icc-assessment/answers",
  formatVersion: "1.0",
  framework: fw,
  observations,
  ...extra,
});

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof AssessmentError)
      return e.issues.map((i) => `${i.code} ${JSON.stringify(i.path)}: ${i.message}`);
    throw e;
  }
  throw new Error("expected an AssessmentError");
}

describe("mergeAnswers", () => {
  it("replaces the answers of the same unit and indicator, keeps the others, and parses", () => {
    const before = sofia();
    const frozen = JSON.stringify(before);
    const merged = mergeAnswers(
      before,
      answers([
        {
          unit: "sofia",
          indicator: "sg.ownership",
          value: 4,
          note: "3 of 3 respondents answered; combined by lowerMedian",
        },
        { unit: "plovdiv", indicator: "sg.ownership", value: 1 },
      ]),
    );
    expect(JSON.stringify(before)).toBe(frozen);
    const obs = (
      merged["maturity"] as { observations: { unit: string; indicator: string; value: unknown }[] }
    ).observations;
    expect(obs).toHaveLength(33);
    expect(obs.filter((o) => o.indicator === "sg.ownership")).toStrictEqual([
      {
        unit: "sofia",
        indicator: "sg.ownership",
        value: 4,
        note: "3 of 3 respondents answered; combined by lowerMedian",
      },
      { unit: "plovdiv", indicator: "sg.ownership", value: 1 },
    ]);
    expect(parseAssessment(merged).maturity?.observations).toHaveLength(33);
  });

  it("starts the maturity section of an assessment without one, with the answers' framework and date", () => {
    const { maturity: _m, ...bare } = sofia();
    const merged = mergeAnswers(
      bare,
      answers([{ unit: "sofia", indicator: "sg.strategy", value: true }], {
        answeredOn: "2026-11-05",
      }),
    );
    expect(merged["maturity"]).toStrictEqual({
      framework: fw,
      assessedOn: "2026-11-05",
      observations: [{ unit: "sofia", indicator: "sg.strategy", value: true }],
    });
    expect(parseAssessment(merged).maturity?.assessedOn).toBe("2026-11-05");
  });

  it("refuses answers to another framework or version", () => {
    expect(
      issuesOf(() =>
        mergeAnswers(sofia(), { ...answers([]), framework: { id: fw.id, version: "2.0.0" } }),
      ),
    ).toStrictEqual([
      'framework_mismatch ["answers","framework"]: the answers are to framework icc-citizen-participation@2.0.0, the assessment\'s maturity uses icc-citizen-participation@1.0.0: answer the assessment\'s framework, or change it first',
    ]);
  });

  it("refuses a file that is not an answers file, with every problem", () => {
    const bad = {
      format: "icc-assessment/part",
      formatVersion: "2.0",
      framework: "x",
      observations: [{ unit: 1 }],
    };
    expect(issuesOf(() => mergeAnswers(sofia(), bad as unknown as AnswersFile))).toStrictEqual([
      'invalid_value ["answers","format"]: answers.format must be "icc-assessment/answers", got "icc-assessment/part"',
      'unsupported_version ["answers","formatVersion"]: answers.formatVersion 2.0 is not supported: this library reads 1.x',
      'invalid_type ["answers","framework"]: answers.framework must be { "id": …, "version": … }',
      'invalid_type ["answers","observations",0]: answers.observations[0] must be an object with a unit, an indicator and a value',
    ]);
  });

  it("gives the same document when the same answers are merged twice", () => {
    const value = fc.oneof(fc.constant(null), fc.boolean());
    const obs = fc.array(
      fc.record({
        unit: fc.constantFrom("sofia", "plovdiv"),
        indicator: fc.constantFrom("sg.strategy", "sg.monitoring"),
        value,
      }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(obs, (list) => {
        const once = mergeAnswers(sofia(), answers(list));
        expect(mergeAnswers(once, answers(list))).toStrictEqual(once);
      }),
      { numRuns: 30 },
    );
  });
});

describe("mergePart", () => {
  const part = (p: Omit<PartFile, "format" | "formatVersion">): PartFile => ({
    format: "icc-assessment/part",
    formatVersion: "1.0",
    ...p,
  });

  it("appends stakeholders, needs and solutions, and the result parses", () => {
    const merged = mergePart(
      sofia(),
      part({
        stakeholders: [
          {
            id: "sh-decidim",
            name: "Decidim participants",
            helix: "civilSociety",
            kind: "citizenGroup",
          },
        ],
        needs: [{ id: "n-bikes", statement: "Safe cycling", raisedBy: ["sh-decidim"], votes: 40 }],
      }),
    );
    const parsed = parseAssessment(merged);
    expect(parsed.needs.at(-1)?.id).toBe("n-bikes");
    expect(parsed.stakeholders.at(-1)?.id).toBe("sh-decidim");
  });

  it("lists every id clash, with the assessment and within the part", () => {
    const issues = issuesOf(() =>
      mergePart(
        sofia(),
        part({
          needs: [
            { id: "n-one-stop", statement: "x", raisedBy: [] },
            { id: "n-new", statement: "y", raisedBy: [] },
            { id: "n-new", statement: "z", raisedBy: [] },
          ],
          solutions: [{ id: "sol-platform", title: "Again", readiness: "idea" }],
        }),
      ),
    );
    expect(issues).toStrictEqual([
      'duplicate_id ["part","needs",0,"id"]: need "n-one-stop" is already in the assessment\'s needs[0]: rename it in the part, or leave it out',
      'duplicate_id ["part","needs",2,"id"]: need "n-new" is already in part.needs[1]: rename it in the part, or leave it out',
      'duplicate_id ["part","solutions",0,"id"]: solution "sol-platform" is already in the assessment\'s solutions[0]: rename it in the part, or leave it out',
    ]);
  });

  it("refuses what a part cannot carry", () => {
    const bad = { format: "icc-assessment/part", formatVersion: "1.0", criteria: [], needs: {} };
    expect(issuesOf(() => mergePart(sofia(), bad as unknown as PartFile))).toStrictEqual([
      'unknown_key ["part","criteria"]: a part file carries stakeholders, needs, solutions, not "criteria"',
      'invalid_type ["part","needs"]: part.needs must be a list',
    ]);
    expect(
      issuesOf(() =>
        mergePart([] as unknown as Record<string, unknown>, null as unknown as PartFile),
      ),
    ).toStrictEqual([
      'invalid_type ["assessment"]: the assessment must be a JSON object',
      'invalid_type ["part"]: part must be an object with "format": "icc-assessment/part"',
    ]);
  });
});
