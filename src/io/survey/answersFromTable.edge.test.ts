import { describe, expect, it } from "vitest";
import { AssessmentError } from "../../errors/AssessmentError.js";
import { getFramework } from "../../frameworks/getFramework.js";
import { defineFramework } from "../../schema/defineFramework.js";
import {
  answersFromTable,
  type AnswersFromTableOptions,
  type SurveyColumnMap,
  type SurveyTable,
} from "./answersFromTable.js";

const framework = getFramework("icc-citizen-participation", "1.0.0");

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

/** The combined values by indicator, for one unit. */
const values = (rows: SurveyTable, options: AnswersFromTableOptions = {}) =>
  Object.fromEntries(
    answersFromTable(rows, framework, options).observations.map((o) => [o.indicator, o.value]),
  );

describe("answersFromTable: options and the column map", () => {
  it("checks every option at once, before reading the table", () => {
    expect(
      issuesOf(() =>
        answersFromTable([], framework, {
          decimalSeparator: ";" as ",",
          listSeparator: "",
          unknownColumns: "warn" as "error",
          answeredOn: "2026-02-30",
          unit: "so fia",
        }),
      ),
    ).toStrictEqual([
      'invalid_value ["options","decimalSeparator"]: decimalSeparator must be "." or ",", got ";"',
      'invalid_value ["options","listSeparator"]: listSeparator must be a non-empty string',
      'invalid_value ["options","unknownColumns"]: unknownColumns must be "error" or "ignore", got "warn"',
      'invalid_date ["options","answeredOn"]: answeredOn must be a calendar date YYYY-MM-DD, got "2026-02-30"',
      'invalid_id ["options","unit"]: unit must be an id of letters, digits and . _ : - starting with a letter or digit, got "so fia"',
    ]);
  });

  it("refuses a column map that is no object", () => {
    expect(
      issuesOf(() =>
        answersFromTable([["unit"]], framework, {
          columns: ["unit"] as unknown as SurveyColumnMap,
        }),
      ),
    ).toStrictEqual([
      'invalid_type ["options","columns"]: the column map must be an object with unit, units, columns, answers and ignore',
    ]);
  });

  it("refuses each malformed part of a column map, at its path", () => {
    const issues = issuesOf(() =>
      answersFromTable([["unit"]], framework, {
        columns: {
          unit: 3,
          units: ["sofia"],
          columns: {
            A: 5,
            B: { indicator: "sg.coCreation", option: "business", row: "r" },
            C: { indicator: "sg.strategy", extra: 1 },
            D: { indicator: "sg.coCreation", option: 1 },
            E: { indicator: "ip.quality", row: 2 },
            F: { indicator: "ip.quality", row: "information" },
          },
          answers: { "*": "yes", "sg.budget": { Often: Number.NaN, Never: "none" } },
        } as unknown as SurveyColumnMap,
      }),
    );
    expect(issues).toStrictEqual([
      'invalid_type ["options","columns","unit"]: unit must be the header of the unit column (a string)',
      'invalid_type ["options","columns","units"]: units must map unit labels to unit ids',
      'invalid_type ["options","columns","columns","A"]: columns["A"] must be an indicator id, or { "indicator": id, "option": id } or { "indicator": id, "row": id }',
      'invalid_type ["options","columns","columns","B"]: columns["B"] must be an indicator id, or { "indicator": id, "option": id } or { "indicator": id, "row": id }',
      'invalid_type ["options","columns","columns","C"]: columns["C"] must be an indicator id, or { "indicator": id, "option": id } or { "indicator": id, "row": id }',
      'invalid_type ["options","columns","columns","D"]: columns["D"] must be an indicator id, or { "indicator": id, "option": id } or { "indicator": id, "row": id }',
      'invalid_type ["options","columns","columns","E"]: columns["E"] must be an indicator id, or { "indicator": id, "option": id } or { "indicator": id, "row": id }',
      'invalid_type ["options","columns","answers","*"]: answers["*"] must map labels to values',
      'invalid_type ["options","columns","answers","sg.budget","Often"]: the label "Often" must map to an option id, a number, true, false or null',
    ]);
    expect(
      issuesOf(() =>
        answersFromTable([["unit"]], framework, {
          columns: { columns: "sg.strategy", answers: [] } as unknown as SurveyColumnMap,
        }),
      ),
    ).toStrictEqual([
      'invalid_type ["options","columns","columns"]: columns must map survey headers to indicator ids',
      'invalid_type ["options","columns","answers"]: answers must map indicator ids (or "*") to { label: value }',
    ]);
  });
});

describe("answersFromTable: the table", () => {
  it("refuses an empty table, an empty header and a mix of rows and records", () => {
    expect(issuesOf(() => answersFromTable([], framework))).toStrictEqual([
      'empty ["rows"]: the table is empty: expected a header row and a row per respondent',
    ]);
    expect(
      issuesOf(() => answersFromTable("unit" as unknown as SurveyTable, framework)),
    ).toStrictEqual([
      'empty ["rows"]: the table is empty: expected a header row and a row per respondent',
    ]);
    expect(issuesOf(() => answersFromTable([[null, " ", undefined]], framework))).toStrictEqual([
      'empty ["rows",0]: the header row is empty',
    ]);
    expect(
      issuesOf(() =>
        answersFromTable([{ unit: "sofia" }, ["sofia"]] as unknown as SurveyTable, framework),
      ),
    ).toStrictEqual([
      'invalid_type ["rows"]: expected rows of cells (arrays) or records (objects), not a mix',
    ]);
  });

  it("reads a header cell left empty as an unknown column, and skips it when told to", () => {
    expect(
      issuesOf(() =>
        answersFromTable(
          [
            ["unit", null, "sg.strategy"],
            ["sofia", "", "yes"],
          ],
          framework,
        ),
      ),
    ).toStrictEqual([
      'unknown_key ["rows",0,1]: column 2 ("") is not a question of framework icc-citizen-participation@1.0.0, nor the unit column ("unit"): map it in columns.columns, list it in columns.ignore, or ignore unknown columns',
    ]);
    expect(
      values(
        [
          ["unit", null, "sg.strategy"],
          ["sofia", "7", "yes"],
        ],
        { unknownColumns: "ignore" },
      ),
    ).toStrictEqual({ "sg.strategy": true });
  });

  it("names a bad cell of a record by its record and field", () => {
    expect(
      issuesOf(() =>
        answersFromTable(
          [
            { unit: "sofia", "sg.strategy": true },
            { unit: "sofia", "sg.ownership": 9 },
          ],
          framework,
        ),
      ),
    ).toStrictEqual([
      'invalid_value ["rows",1,"sg.ownership"]: record 2, field "sg.ownership": 9 is not an answer to "sg.ownership": expected a number from 0 to 4',
    ]);
  });

  it("reads a field a record leaves out as not answered", () => {
    const a = answersFromTable(
      [
        { unit: "sofia", "sg.strategy": 1 },
        { unit: "sofia", "sg.ownership": 2 },
        { unit: "sofia", "sg.strategy": 0, "sg.budget": "annual" },
      ],
      framework,
    );
    expect(a.observations.map((o) => [o.indicator, o.value, o.note])).toStrictEqual([
      ["sg.strategy", false, "2 of 3 respondents answered; combined by majority"],
      ["sg.ownership", 2, "1 of 3 respondents answered; combined by lowerMedian"],
      ["sg.budget", "annual", "1 of 3 respondents answered; combined by lowerMedian"],
    ]);
  });

  it("refuses cells of the wrong kind in records: a number for an option, a yes/no for a number", () => {
    expect(
      issuesOf(() =>
        answersFromTable(
          [{ "sg.budget": 2, "sg.ownership": true, "sg.strategy": 2, "ds.online": Number.NaN }],
          framework,
          { unit: "sofia" },
        ),
      ),
    ).toStrictEqual([
      'invalid_value ["rows",0,"sg.budget"]: record 1, field "sg.budget": 2 is not an answer to "sg.budget": expected one of its options (none, adHoc, annual, multiYear) or their texts',
      'invalid_value ["rows",0,"sg.ownership"]: record 1, field "sg.ownership": true is not an answer to "sg.ownership": expected a number from 0 to 4',
      'invalid_value ["rows",0,"sg.strategy"]: record 1, field "sg.strategy": 2 is not an answer to "sg.strategy": expected yes or no (yes, no, y, n, true, false, 1, 0)',
      'invalid_value ["rows",0,"ds.online"]: record 1, field "ds.online": NaN is not an answer to "ds.online": expected a number (%) written with "." as the decimal separator and no thousands separator',
    ]);
  });
});

describe("answersFromTable: units", () => {
  it("reads every row as options.unit, and leaves the unit column unread then", () => {
    const a = answersFromTable(
      [
        ["unit", "sg.strategy"],
        ["not an id", "yes"],
        ["", "yes"],
      ],
      framework,
      { unit: "varna" },
    );
    expect(a.respondents).toStrictEqual([{ unit: "varna", count: 2 }]);
    expect(a.observations.map((o) => o.value)).toStrictEqual([true]);
  });

  it("maps unit labels by columns.units, and refuses a row without a unit", () => {
    const map: SurveyColumnMap = { unit: "City", units: { "Sofia (capital)": "sofia" } };
    const a = answersFromTable(
      [
        ["City", "sg.strategy"],
        ["Sofia (capital)", "yes"],
        ["plovdiv", "no"],
      ],
      framework,
      { columns: map },
    );
    expect(a.respondents).toStrictEqual([
      { unit: "plovdiv", count: 1 },
      { unit: "sofia", count: 1 },
    ]);
    expect(
      issuesOf(() =>
        answersFromTable(
          [
            ["City", "sg.strategy"],
            [" ", "yes"],
          ],
          framework,
          { columns: map },
        ),
      ),
    ).toStrictEqual(['missing_field ["rows",1,0]: row 2, column 1 ("City"): the unit is empty']);
  });
});

describe("answersFromTable: columns", () => {
  it("refuses two columns for one answer, naming the answer", () => {
    const issues = issuesOf(() =>
      answersFromTable(
        [
          [
            "unit",
            "sg.strategy",
            "Strategy",
            "sg.coCreation[business]",
            "Business",
            "ip.quality[information]",
            "Information",
          ],
        ],
        framework,
        {
          columns: {
            columns: {
              Strategy: "sg.strategy",
              Business: { indicator: "sg.coCreation", option: "business" },
              Information: { indicator: "ip.quality", row: "information" },
            },
          },
        },
      ),
    );
    expect(issues).toStrictEqual([
      'duplicate_id ["rows",0,2]: column 3 ("Strategy") and column 2 both hold the answers to "sg.strategy"',
      'duplicate_id ["rows",0,4]: column 5 ("Business") and column 4 both hold the answers to option "business" of "sg.coCreation"',
      'duplicate_id ["rows",0,6]: column 7 ("Information") and column 6 both hold the answers to row "information" of "ip.quality"',
    ]);
  });

  it("refuses an option of a question that has none, an unknown grid row, and two layouts of one question", () => {
    const issues = issuesOf(() =>
      answersFromTable(
        [
          [
            "unit",
            "S",
            "ip.quality[nosuch]",
            "nosuch[x]",
            "sg.coCreation",
            "sg.coCreation[academia]",
          ],
        ],
        framework,
        { columns: { columns: { S: { indicator: "sg.strategy", option: "yes" } } } },
      ),
    );
    expect(issues).toStrictEqual([
      'unknown_key ["rows",0,1]: column 2 ("S") maps to an option of "sg.strategy", which is a binary question, not a multi-select one',
      'unknown_key ["rows",0,2]: column 3 ("ip.quality[nosuch]") maps to row "nosuch" of "ip.quality", which has the rows accessibility, information, facilitation, followUp',
      'unknown_key ["rows",0,3]: column 4 ("nosuch[x]") is not a question of framework icc-citizen-participation@1.0.0, nor the unit column ("unit"): map it in columns.columns, list it in columns.ignore, or ignore unknown columns',
      'duplicate_id ["rows",0]: the multi-select question "sg.coCreation" has both a column of its own and one column per option: keep one layout',
    ]);
  });

  it("reads one column per multi-select option: x, yes/no words, the option's id or its text tick it", () => {
    const header = [
      "unit",
      "sg.coCreation[business]",
      "sg.coCreation[academia]",
      "sg.coCreation[residents]",
    ];
    const a = values([
      header,
      ["sofia", "x", "no", "Residents directly (open calls, surveys)"],
      ["sofia", "business", "", "yes"],
      ["sofia", "X", "academia", "0"],
    ]);
    // business 3 of 3, academia 1 of 3, residents 2 of 3
    expect(a).toStrictEqual({ "sg.coCreation": ["business", "residents"] });
    expect(
      issuesOf(() => answersFromTable([header, ["sofia", "maybe", "", ""]], framework)),
    ).toStrictEqual([
      'invalid_value ["rows",1,1]: row 2, column 2 ("sg.coCreation[business]"): "maybe" is not an answer to "sg.coCreation": expected a tick (yes, no, y, n, true, false, 1, 0, x, or the option\'s id or text) or an empty cell',
    ]);
  });
});

describe("answersFromTable: answers", () => {
  it("leaves out of a rating grid the rows nobody answered", () => {
    expect(
      values([
        ["unit", "ip.quality[accessibility]", "ip.quality[information]"],
        ["sofia", "", "4"],
        ["sofia", "", "2"],
      ]),
    ).toStrictEqual({ "ip.quality": [{ row: "information", value: 2 }] });
  });

  it("reads a multi-select cell that is one option whose text holds the list separator", () => {
    expect(
      values([
        ["unit", "od.quality"],
        ["sofia", "Machine-readable formats (CSV, JSON, …)"],
      ]),
    ).toStrictEqual({ "od.quality": ["machineReadable"] });
  });

  it("skips empty parts of a multi-select list and maps its labels", () => {
    expect(
      values(
        [
          ["unit", "sg.coCreation"],
          ["sofia", "Firmen,, residents,"],
        ],
        { columns: { answers: { "sg.coCreation": { Firmen: "business" } } } },
      ),
    ).toStrictEqual({ "sg.coCreation": ["business", "residents"] });
  });

  it("matches answer labels ignoring case, the question's own before the shared ones", () => {
    const columns: SurveyColumnMap = {
      answers: { "*": { JA: "yes", Nein: "no" }, "sg.monitoring": { ja: "no" } },
    };
    expect(
      values(
        [
          ["unit", "sg.strategy", "sg.monitoring", "sg.budget"],
          ["sofia", "ja", "Ja", "JÄHRLICH"],
        ],
        {
          columns: {
            ...columns,
            answers: { ...columns.answers, "sg.budget": { Jährlich: "annual" } },
          },
        },
      ),
    ).toStrictEqual({ "sg.strategy": true, "sg.monitoring": false, "sg.budget": "annual" });
  });

  it("refuses a number not written with the decimal comma it was told of", () => {
    expect(
      issuesOf(() =>
        answersFromTable([["ds.online"], ["12.5"]], framework, {
          unit: "sofia",
          decimalSeparator: ",",
        }),
      ),
    ).toStrictEqual([
      'invalid_value ["rows",1,0]: row 2, column 1 ("ds.online"): "12.5" is not an answer to "ds.online": expected a number (%) written with "," as the decimal separator and no thousands separator',
    ]);
  });

  it("reads a framework's own indicators: a number without a unit, options without texts", () => {
    const own = defineFramework({
      id: "mini",
      version: "1.0.0",
      title: "Mini framework",
      provenance: "designed",
      sources: [],
      dimensions: [{ id: "gov", title: "Governance" }],
      indicators: [
        {
          id: "count",
          dimension: "gov",
          title: "Count",
          type: "numeric",
          normalisation: { method: "goalposts", low: 0, high: 10 },
        },
        {
          id: "tools",
          dimension: "gov",
          title: "Tools",
          type: "multiSelect",
          options: [
            { value: "a", weight: 1 },
            { value: "b", weight: 1 },
          ],
        },
      ],
      levels: [{ id: "l1", title: "All", min: 0, max: 100 }],
    });
    const a = answersFromTable(
      [
        ["unit", "count", "tools[a]", "tools[b]"],
        ["sofia", "4", "x", "b"],
        ["sofia", "6", "", "1"],
      ],
      own,
    );
    expect(a.observations.map((o) => o.value)).toStrictEqual([5, ["b"]]);
    expect(
      issuesOf(() =>
        answersFromTable(
          [
            ["unit", "count", "tools[a]"],
            ["sofia", "many", "a lot"],
          ],
          own,
        ),
      ),
    ).toStrictEqual([
      'invalid_value ["rows",1,1]: row 2, column 2 ("count"): "many" is not an answer to "count": expected a number written with "." as the decimal separator and no thousands separator',
      'invalid_value ["rows",1,2]: row 2, column 3 ("tools[a]"): "a lot" is not an answer to "tools": expected a tick (yes, no, y, n, true, false, 1, 0, x, or the option\'s id or text) or an empty cell',
    ]);
  });
});
