import { describe, expect, it } from "vitest";
import { AssessmentError } from "../errors/AssessmentError.js";
import { mergeAnswers, mergePart } from "./merge.js";
import type { AnswersFile, PartFile } from "./types.js";

const fw = { id: "icc-citizen-participation", version: "1.0.0" };
const answers = (extra: Record<string, unknown> = {}): AnswersFile =>
  ({
    format: "icc-assessment/answers",
    formatVersion: "1.0",
    framework: fw,
    observations: [],
    ...extra,
  }) as unknown as AnswersFile;
const part = (extra: Record<string, unknown>): PartFile =>
  ({ format: "icc-assessment/part", formatVersion: "1.0", ...extra }) as unknown as PartFile;

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

describe("mergePart: edges", () => {
  it("starts a collection the assessment does not have yet", () => {
    const merged = mergePart(
      { formatVersion: "1.0" },
      part({ solutions: [{ id: "s1", title: "One", readiness: "idea" }] }),
    );
    expect(merged["solutions"]).toStrictEqual([{ id: "s1", title: "One", readiness: "idea" }]);
    expect(merged["needs"]).toBeUndefined();
  });

  it("passes over the assessment's items without a string id: they stay and clash with nothing", () => {
    const merged = mergePart(
      { needs: [{ statement: "no id" }, { id: 3, statement: "a number" }] },
      part({ needs: [{ id: "3", statement: "three", raisedBy: [] }] }),
    );
    expect(merged["needs"]).toStrictEqual([
      { statement: "no id" },
      { id: 3, statement: "a number" },
      { id: "3", statement: "three", raisedBy: [] },
    ]);
  });

  it("refuses a version that is not major.minor, a collection that is no list, and items without a string id", () => {
    expect(
      issuesOf(() =>
        mergePart(
          { needs: "many" },
          part({
            formatVersion: "one",
            needs: [{ id: "n1" }],
            solutions: [{ id: 7 }, "s2", { id: "s3" }],
          }),
        ),
      ),
    ).toStrictEqual([
      'invalid_value ["part","formatVersion"]: part.formatVersion must be a version such as "1.0", got "one"',
      'invalid_type ["assessment","needs"]: the assessment\'s needs must be a list',
      'invalid_type ["part","solutions",0]: part.solutions[0] must be an object with a string id',
      'invalid_type ["part","solutions",1]: part.solutions[1] must be an object with a string id',
    ]);
    expect(
      issuesOf(() => mergePart({}, part({ formatVersion: 1 } as Record<string, unknown>))),
    ).toStrictEqual([
      'invalid_value ["part","formatVersion"]: part.formatVersion must be a version such as "1.0", got "1"',
    ]);
  });
});

describe("mergeAnswers: edges", () => {
  it("refuses an assessment or an answers file that is not an object, before anything else", () => {
    expect(
      issuesOf(() => mergeAnswers(null as unknown as Record<string, unknown>, answers())),
    ).toStrictEqual(['invalid_type ["assessment"]: the assessment must be a JSON object']);
    expect(issuesOf(() => mergeAnswers({}, [] as unknown as AnswersFile))).toStrictEqual([
      'invalid_type ["answers"]: answers must be an object with "format": "icc-assessment/answers"',
    ]);
  });

  it("refuses observations that are no list, and a maturity section that is no object", () => {
    expect(
      issuesOf(() => mergeAnswers({ maturity: [] }, answers({ observations: {} }))),
    ).toStrictEqual([
      'invalid_type ["answers","observations"]: answers.observations must be a list',
      'invalid_type ["assessment","maturity"]: the assessment\'s maturity must be an object',
    ]);
  });

  it("refuses a maturity section whose observations are no list", () => {
    expect(
      issuesOf(() =>
        mergeAnswers({ maturity: { framework: fw, observations: "none" } }, answers()),
      ),
    ).toStrictEqual([
      'invalid_type ["assessment","maturity","observations"]: the assessment\'s maturity.observations must be a list',
    ]);
  });

  it("keeps an answer's source and note, and an assessment's own date", () => {
    const merged = mergeAnswers(
      { maturity: { framework: fw, assessedOn: "2026-01-01", observations: [] } },
      answers({
        answeredOn: "2026-11-05",
        observations: [
          { unit: "sofia", indicator: "sg.strategy", value: true, source: "survey.csv", note: "n" },
        ],
      }),
    );
    expect(merged["maturity"]).toStrictEqual({
      framework: fw,
      assessedOn: "2026-01-01",
      observations: [
        { unit: "sofia", indicator: "sg.strategy", value: true, source: "survey.csv", note: "n" },
      ],
    });
  });
});
