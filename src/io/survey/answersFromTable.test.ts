import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AssessmentError } from "../../errors/AssessmentError.js";
import { getFramework } from "../../frameworks/getFramework.js";
import { scoreMaturity } from "../../maturity/scoreMaturity.js";
import { parseAnswers } from "../../schema/answers.js";
import { parseAssessment } from "../../schema/parseAssessment.js";
import { mergeAnswers } from "../merge.js";
import { answersFromTable, type SurveyColumnMap } from "./answersFromTable.js";
import { surveyCombinationRules } from "./combinationRules.js";
import { parseSurveyCsv } from "./parseSurveyCsv.js";

const root = join(import.meta.dirname, "..", "..", "..");
const fixture = (name: string) => readFileSync(join(root, "test", "fixtures", "io", name), "utf8");
const framework = getFramework("icc-citizen-participation", "1.0.0");

function issuesOf(
  fn: () => unknown,
): { code: string; path: readonly (string | number)[]; message: string }[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof AssessmentError) return e.issues.map((i) => ({ ...i }));
    throw e;
  }
  throw new Error("expected an AssessmentError");
}

describe("answersFromTable", () => {
  // a LimeSurvey-style export: ";" separated, UTF-8 with a byte-order mark, CRLF lines, quoted
  // newlines and quotes in a comment column, question codes as headers (SG5[SQ001] for one
  // multi-select option, IPQ[SQ001] for one rating-grid row), answer labels needing a column map;
  // 5 respondents for Sofia and 2 for Plovdiv, then a row of empty cells as Excel leaves one
  const map = JSON.parse(fixture("limesurvey-columns.json")) as SurveyColumnMap;
  const rows = parseSurveyCsv(fixture("limesurvey-responses.csv"));

  it("reads the LimeSurvey export and combines each city's respondents by the stated rules", () => {
    const answers = answersFromTable(rows, framework, {
      columns: map,
      answeredOn: "2026-11-05",
      source: "limesurvey-responses.csv",
    });
    const values = Object.fromEntries(
      answers.observations.map((o) => [`${o.unit} ${o.indicator}`, o.value]),
    );
    expect(values).toStrictEqual({
      // Sofia: Yes, Yes, No, Y, "Not sure" (unanswered): 3 of 4 say yes
      "sofia sg.strategy": true,
      // 3, 4, 2, 3, 1 → sorted 1 2 3 3 4 → median 3
      "sofia sg.ownership": 3,
      // annual(70), adHoc(35), annual, multiYear(100), annual → median annual
      "sofia sg.budget": "annual",
      // 4 answered; business 3/4, academia 2/4 (a tie: not ticked), civilSociety 2/4, residents 3/4, otherCities 1/4
      "sofia sg.coCreation": ["business", "residents"],
      // 62.5, 55, 60, (empty), 70 → mean of four
      "sofia ds.online": 61.875,
      // rows: accessibility 4 5 4 3 → lower median 4; information 3 4 4 3 → 3; facilitation 4 3 4 → 4; followUp 2 3 2 3 → 2
      "sofia ip.quality": [
        { row: "accessibility", value: 4 },
        { row: "information", value: 3 },
        { row: "facilitation", value: 4 },
        { row: "followUp", value: 2 },
      ],
      // Plovdiv: No, Yes → a tie is no
      "plovdiv sg.strategy": false,
      // 1, 2 → the lower median
      "plovdiv sg.ownership": 1,
      // none(0), adHoc(35) → the lower one
      "plovdiv sg.budget": "none",
      "plovdiv sg.coCreation": ["civilSociety"],
      "plovdiv ds.online": 35,
      "plovdiv ip.quality": [
        { row: "accessibility", value: 2 },
        { row: "information", value: 3 },
        { row: "facilitation", value: 2 },
        { row: "followUp", value: 1 },
      ],
    });
    // the file parses as an answers file (what import answers and the questionnaire form read)
    expect(parseAnswers(answers).observations).toHaveLength(12);
    expect(answers.respondents).toStrictEqual([
      { unit: "plovdiv", count: 2 },
      { unit: "sofia", count: 5 },
    ]);
    expect(answers.framework).toStrictEqual({ id: "icc-citizen-participation", version: "1.0.0" });
    expect(answers.answeredOn).toBe("2026-11-05");
    expect(answers.observations[0]).toStrictEqual({
      unit: "plovdiv",
      indicator: "sg.strategy",
      value: false,
      source: "limesurvey-responses.csv",
      note: "2 of 2 respondents answered; combined by majority",
    });
    expect(
      answers.observations.find((o) => o.unit === "sofia" && o.indicator === "sg.strategy")?.note,
    ).toBe("4 of 5 respondents answered; combined by majority");
  });

  it("gives answers that merge into an assessment, parse and score", () => {
    const assessment = JSON.parse(
      readFileSync(join(root, "examples", "sofia", "assessment.json"), "utf8"),
    ) as Record<string, unknown>;
    const answers = answersFromTable(rows, framework, { columns: map });
    const merged = mergeAnswers(assessment, answers);
    const parsed = parseAssessment(merged);
    const obs = parsed.maturity?.observations ?? [];
    expect(obs.filter((o) => o.unit === "plovdiv")).toHaveLength(6);
    // Sofia's six imported answers replaced the example's, the other 26 stayed
    expect(obs.filter((o) => o.unit === "sofia")).toHaveLength(32);
    const result = scoreMaturity(framework, obs);
    expect(result.units.map((u) => u.unit).sort()).toStrictEqual(["plovdiv", "sofia"]);
  });

  it("reports every unreadable cell at once, with its row, column, value and what was expected", () => {
    const issues = issuesOf(() =>
      answersFromTable(
        [
          [
            "unit",
            "sg.strategy",
            "sg.ownership",
            "sg.budget",
            "ds.online",
            "sg.coCreation",
            "ip.quality[information]",
          ],
          ["sofia", "maybe", "7", "yearly", "1,5", "business, aliens", "6"],
          ["sofia", "yes", "2"],
          ["", "", "", "", "", "", ""],
          ["bad unit", "no", "2", "none", "3", "", ""],
        ],
        framework,
      ),
    );
    expect(issues.map((i) => `${i.code} ${JSON.stringify(i.path)}: ${i.message}`))
      .toMatchInlineSnapshot(`
      [
        "invalid_value ["rows",1,1]: row 2, column 2 ("sg.strategy"): "maybe" is not an answer to "sg.strategy": expected yes or no (yes, no, y, n, true, false, 1, 0)",
        "invalid_value ["rows",1,2]: row 2, column 3 ("sg.ownership"): "7" is not an answer to "sg.ownership": expected a number from 0 to 4",
        "invalid_value ["rows",1,3]: row 2, column 4 ("sg.budget"): "yearly" is not an answer to "sg.budget": expected one of its options (none, adHoc, annual, multiYear) or their texts",
        "invalid_value ["rows",1,4]: row 2, column 5 ("ds.online"): "1,5" is not an answer to "ds.online": expected a number (%) written with "." as the decimal separator and no thousands separator",
        "invalid_value ["rows",1,5]: row 2, column 6 ("sg.coCreation"): "business, aliens" is not an answer to "sg.coCreation": expected options of "sg.coCreation" (business, academia, civilSociety, residents, otherCities, or their texts) separated by ","; "aliens" is none of them",
        "invalid_value ["rows",1,6]: row 2, column 7 ("ip.quality[information]"): "6" is not an answer to "ip.quality": expected a number from 1 to 5 for row "information"",
        "length_mismatch ["rows",2]: row 3 has 3 cells, the header has 7",
        "invalid_value ["rows",4,0]: row 5, column 1 ("unit"): expected a unit id (letters, digits and . _ : -) or a label mapped by columns.units, got "bad unit"",
      ]
    `);
  });

  it("refuses unknown columns, bad mappings and a missing unit, all at once", () => {
    const issues = issuesOf(() =>
      answersFromTable(
        [
          ["Q1", "Q2", "Q3", "Q4", "Q5", "note"],
          ["yes", "1", "2", "3", "4", "x"],
        ],
        framework,
        {
          columns: {
            columns: {
              Q1: "sg.strategy",
              Q2: "no.such",
              Q3: { indicator: "sg.coCreation", option: "aliens" },
              Q4: { indicator: "sg.strategy", row: "r1" },
              Q5: "ip.quality",
            },
          },
        },
      ),
    );
    expect(issues.map((i) => i.message)).toMatchInlineSnapshot(`
      [
        "column 2 ("Q2") maps to "no.such", which is not an indicator of framework icc-citizen-participation@1.0.0",
        "column 3 ("Q3") maps to option "aliens" of "sg.coCreation", which has the options business, academia, civilSociety, residents, otherCities",
        "column 4 ("Q4") maps to a row of "sg.strategy", which is a binary question, not a rating grid",
        "column 5 ("Q5") holds the rating grid "ip.quality" in one column: give each row its own column, ip.quality[accessibility] and so on",
        "column 6 ("note") is not a question of framework icc-citizen-participation@1.0.0, nor the unit column ("unit"): map it in columns.columns, list it in columns.ignore, or ignore unknown columns",
        "the table has no unit column ("unit") and no unit was given for every row",
      ]
    `);
  });

  it("checks the column map it is given (it comes from a file)", () => {
    const issues = issuesOf(() =>
      answersFromTable([["unit"], ["sofia"]], framework, {
        columns: {
          colums: {},
          units: { Sofia: "so fia" },
          answers: { "*": { Yes: {} } },
          ignore: "id",
        } as unknown as SurveyColumnMap,
      }),
    );
    expect(issues.map((i) => i.path)).toStrictEqual([
      ["options", "columns", "colums"],
      ["options", "columns", "units", "Sofia"],
      ["options", "columns", "answers", "*", "Yes"],
      ["options", "columns", "ignore"],
    ]);
  });

  it("reads hostile headers and labels as plain text, never as Object.prototype's members", () => {
    const issues = issuesOf(() =>
      answersFromTable(
        [
          ["unit", "constructor", "__proto__", "sg.strategy"],
          ["toString", "1", "2", "hasOwnProperty"],
        ],
        framework,
        { columns: { units: {}, columns: {}, answers: {} } },
      ),
    );
    expect(issues.map((i) => i.path)).toStrictEqual([
      ["rows", 0, 1],
      ["rows", 0, 2],
    ]);
    const a = answersFromTable(
      [
        ["unit", "sg.strategy"],
        ["toString", "yes"],
      ],
      framework,
      { columns: { units: {} } },
    );
    expect(a.respondents).toStrictEqual([{ unit: "toString", count: 1 }]);
  });

  it("reads records (what a notebook holds) as it reads the same table", () => {
    const table = [
      ["unit", "sg.strategy", "sg.ownership", "ds.online"],
      ["sofia", "yes", "3", "40"],
      ["sofia", "", "2", "50"],
    ];
    const records = [
      { unit: "sofia", "sg.strategy": true, "sg.ownership": 3, "ds.online": 40 },
      { unit: "sofia", "sg.strategy": null, "sg.ownership": "2", "ds.online": 50 },
    ];
    expect(answersFromTable(records, framework)).toStrictEqual(answersFromTable(table, framework));
  });

  it("reads a decimal comma when told to, and a unit for every row", () => {
    const a = answersFromTable(
      [
        ["ds.online", "note"],
        ["12,5", "x"],
        ["", "y"],
      ],
      framework,
      { unit: "varna", decimalSeparator: ",", unknownColumns: "ignore" },
    );
    expect(a.observations).toStrictEqual([
      {
        unit: "varna",
        indicator: "ds.online",
        value: 12.5,
        note: "1 of 2 respondents answered; combined by mean",
      },
    ]);
  });

  it("refuses a share outside 0–100 for a question in per cent, and a table with no question", () => {
    expect(
      issuesOf(() => answersFromTable([["ds.online"], ["150"]], framework, { unit: "sofia" }))[0]
        ?.message,
    ).toBe(
      'row 2, column 1 ("ds.online"): "150" is not an answer to "ds.online": expected a number from 0 to 100 (%)',
    );
    expect(
      issuesOf(() =>
        answersFromTable(
          [
            ["unit", "x"],
            ["sofia", "1"],
          ],
          framework,
          { unknownColumns: "ignore" },
        ),
      )[0]?.message,
    ).toBe("no column holds a question of framework icc-citizen-participation@1.0.0");
  });

  it("writes null for a question nobody answered, never false or 0", () => {
    const a = answersFromTable(
      [
        ["unit", "sg.strategy", "sg.coCreation"],
        ["sofia", "", ""],
      ],
      framework,
    );
    expect(a.observations.map((o) => o.value)).toStrictEqual([null, null]);
    expect(a.observations[0]?.note).toBe("none of 1 respondent answered");
  });

  it("combines in a way that does not depend on the respondents' order, and keeps ordinal answers on the scale", () => {
    const likert = fc.integer({ min: 0, max: 4 });
    const row = fc.tuple(
      fc.option(fc.boolean(), { nil: undefined }),
      fc.option(likert, { nil: undefined }),
      fc.option(fc.constantFrom("none", "adHoc", "annual", "multiYear"), { nil: undefined }),
    );
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), fc.integer(), (data, seed) => {
        const toRows = (d: typeof data) => [
          ["unit", "sg.strategy", "sg.ownership", "sg.budget"],
          ...d.map(([b, l, c]) => [
            "sofia",
            b === undefined ? "" : String(b),
            l === undefined ? "" : String(l),
            c ?? "",
          ]),
        ];
        const shuffled = [...data].sort(
          (x, y) =>
            ((JSON.stringify(x).length * 31 + seed) % 7) -
            ((JSON.stringify(y).length * 31 + seed) % 7),
        );
        const a = answersFromTable(toRows(data), framework);
        const b = answersFromTable(toRows(shuffled), framework);
        expect(b).toStrictEqual(a);
        const ownership = a.observations.find((o) => o.indicator === "sg.ownership")?.value;
        const given = data.flatMap(([, l]) => (l === undefined ? [] : [l]));
        if (given.length === 0) expect(ownership).toBeNull();
        else expect(given).toContain(ownership);
        const yes = data.filter(([x]) => x === true).length;
        const answered = data.filter(([x]) => x !== undefined).length;
        const strategy = a.observations.find((o) => o.indicator === "sg.strategy")?.value;
        expect(strategy).toBe(answered === 0 ? null : yes * 2 > answered);
      }),
    );
  });
});

describe("surveyCombinationRules", () => {
  it("is quoted, rule by rule, by docs/methodology/data-in.md", () => {
    // Prettier pads table cells: compare with runs of spaces made one
    const page = readFileSync(join(root, "docs", "methodology", "data-in.md"), "utf8").replace(
      / +/g,
      " ",
    );
    for (const [type, r] of Object.entries(surveyCombinationRules)) {
      expect(page, type).toContain(`| ${type} | ${r.rule} | ${r.text} |`);
    }
  });
});
