/** `icc-assess import survey | decidim | answers | part`, run in process on the io fixtures. */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { getFramework } from "../../src/frameworks/getFramework.js";
import { answersFromTable, type SurveyColumnMap } from "../../src/io/survey/answersFromTable.js";
import { parseSurveyCsv } from "../../src/io/survey/parseSurveyCsv.js";
import { parseAssessment } from "../../src/schema/parseAssessment.js";
import { runInProcess } from "../helpers/cli.js";

const root = join(import.meta.dirname, "..", "..");
const fixtures = join(root, "test", "fixtures", "io");
const dir = mkdtempSync(join(tmpdir(), "icc-import-"));
const read = (p: string) => readFileSync(p, "utf8");

/** The Sofia example without its prioritisation, so that new solutions need no scores. */
function unscoredAssessment(name: string): string {
  const a = JSON.parse(read(join(root, "examples", "sofia", "assessment.json"))) as Record<
    string,
    unknown
  >;
  for (const k of ["criteria", "scores", "ballots", "prioritisation", "plan", "actions"])
    delete a[k];
  const path = join(dir, name);
  writeFileSync(path, `${JSON.stringify(a, null, 2)}\n`);
  return path;
}

describe("icc-assess import survey", () => {
  it("writes the answers file answersFromTable gives", async () => {
    const out = join(dir, "answers.json");
    const csv = join(fixtures, "limesurvey-responses.csv");
    const map = join(fixtures, "limesurvey-columns.json");
    const r = await runInProcess([
      "import",
      "survey",
      csv,
      "--framework",
      "icc-citizen-participation@1.0.0",
      "--columns",
      map,
      "--answered-on",
      "2026-11-05",
      "--out",
      out,
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const expected = answersFromTable(
      parseSurveyCsv(read(csv)),
      getFramework("icc-citizen-participation", "1.0.0"),
      {
        columns: JSON.parse(read(map)) as SurveyColumnMap,
        answeredOn: "2026-11-05",
        source: "limesurvey-responses.csv",
      },
    );
    expect(JSON.parse(read(out))).toStrictEqual(JSON.parse(JSON.stringify(expected)));
  });

  it("lists every unreadable cell and exits 1; a missing --framework is a usage error", async () => {
    const csv = join(dir, "bad.csv");
    writeFileSync(csv, "unit,sg.strategy,sg.ownership\nsofia,maybe,9\nsofia,yes,2\n");
    const r = await runInProcess([
      "import",
      "survey",
      csv,
      "--framework",
      "icc-citizen-participation",
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("icc-assess import: 2 issues");
    expect(r.stderr).toContain('row 2, column 2 ("sg.strategy"): "maybe" is not an answer');
    expect(r.stderr).toContain(
      'row 2, column 3 ("sg.ownership"): "9" is not an answer to "sg.ownership": expected a number from 0 to 4',
    );
    expect((await runInProcess(["import", "survey", csv])).code).toBe(2);
    const unknown = await runInProcess(["import", "survey", csv, "--framework", "dmat@2.0"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("icc-citizen-participation@1.0.0");
    expect(
      (await runInProcess(["import", "survey", csv, "--framework", "x", "--as", "needs"])).code,
    ).toBe(2);
    expect((await runInProcess(["import", "spreadsheet", csv])).code).toBe(2);
    const overwrite = await runInProcess([
      "import",
      "survey",
      csv,
      "--framework",
      "icc-citizen-participation",
      "--out",
      csv,
    ]);
    expect(overwrite.code).toBe(2);
    expect(read(csv)).toBe("unit,sg.strategy,sg.ownership\nsofia,maybe,9\nsofia,yes,2\n");
  });
});

describe("icc-assess import decidim, part and answers", () => {
  it("imports Decidim proposals as a part and merges it into the assessment in place", async () => {
    const part = join(dir, "part.json");
    const r = await runInProcess([
      "import",
      "decidim",
      join(fixtures, "decidim-0.28.csv"),
      "--as",
      "solutions",
      "--locale",
      "bg",
      "--out",
      part,
    ]);
    expect(r.code).toBe(0);
    const solutions = (JSON.parse(read(part)) as { solutions: { id: string }[] }).solutions;
    expect(solutions).toHaveLength(23);
    const fromJson = await runInProcess([
      "import",
      "decidim",
      join(fixtures, "decidim-0.27.json"),
      "--as",
      "solutions",
      "--locale",
      "bg",
    ]);
    expect(JSON.parse(fromJson.stdout)).toStrictEqual(JSON.parse(read(part)));

    const assessment = unscoredAssessment("a.json");
    const m = await runInProcess(["import", "part", part, "--into", assessment]);
    expect(m.stderr).toBe("");
    expect(m.code).toBe(0);
    const merged = parseAssessment(JSON.parse(read(assessment)));
    expect(merged.solutions.filter((s) => s.id.startsWith("decidim-"))).toHaveLength(23);

    // a second merge clashes on every id: exit 1, the file is unchanged
    const before = read(assessment);
    const again = await runInProcess(["import", "part", part, "--into", assessment]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("icc-assess import: 23 issues");
    expect(read(assessment)).toBe(before);
  });

  it("refuses a merge whose result would not validate, and writes nothing", async () => {
    const part = join(dir, "needs.json");
    expect(
      (
        await runInProcess([
          "import",
          "decidim",
          join(fixtures, "decidim-0.27.csv"),
          "--as",
          "solutions",
          "--out",
          part,
        ])
      ).code,
    ).toBe(0);
    const scored = join(dir, "scored.json");
    copyFileSync(join(root, "examples", "sofia", "assessment.json"), scored);
    const before = read(scored);
    const r = await runInProcess(["import", "part", part, "--into", scored]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('solution "decidim-101" has no score on criteria');
    expect(read(scored)).toBe(before);
  });

  it("writes survey answers into the assessment; --out may not be the answers file", async () => {
    const answers = join(dir, "survey-answers.json");
    await runInProcess([
      "import",
      "survey",
      join(fixtures, "limesurvey-responses.csv"),
      "--framework",
      "icc-citizen-participation",
      "--columns",
      join(fixtures, "limesurvey-columns.json"),
      "--out",
      answers,
    ]);
    const assessment = unscoredAssessment("b.json");
    const out = join(dir, "b-merged.json");
    const r = await runInProcess([
      "import",
      "answers",
      answers,
      "--into",
      assessment,
      "--out",
      out,
    ]);
    expect(r.code).toBe(0);
    const parsed = parseAssessment(JSON.parse(read(out)));
    expect(parsed.maturity?.observations.filter((o) => o.unit === "plovdiv")).toHaveLength(6);
    expect(
      (await runInProcess(["import", "answers", answers, "--into", assessment, "--out", answers]))
        .code,
    ).toBe(2);
    expect((await runInProcess(["import", "answers", answers])).code).toBe(2);
  });

  it("checks an answers file as parseAnswers does, with the place of each issue in it", async () => {
    const answers = join(dir, "bad-answers.json");
    writeFileSync(
      answers,
      `{
  "format": "icc-assessment/answers",
  "formatVersion": "1.0",
  "framework": { "id": "icc-citizen-participation", "version": "1.0.0" },
  "observations": [
    { "unit": "sofia", "indicator": "sg.strategy", "value": 3 }
  ]
}
`,
    );
    const assessment = unscoredAssessment("c.json");
    const before = read(assessment);
    const r = await runInProcess(["import", "answers", answers, "--into", assessment]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("observations[0].value");
    expect(r.stderr).toContain(`(${answers}:6:52)`);
    expect(read(assessment)).toBe(before);
  });
});

describe("icc-assess import: options and edge cases", () => {
  it("refuses a missing kind, a missing or second file, and a second --framework, as usage errors", async () => {
    const none = await runInProcess(["import"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("import needs what to import: survey, decidim, answers, part");
    expect(none.stderr).not.toContain(", got");
    const noFile = await runInProcess(["import", "decidim", "--as", "needs"]);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain("import decidim needs exactly one file");
    expect((await runInProcess(["import", "part", "a.json", "b.json"])).stderr).toContain(
      "import part needs exactly one file",
    );
    const two = await runInProcess([
      "import",
      "survey",
      join(fixtures, "limesurvey-responses.csv"),
      "--framework",
      "icc-citizen-participation",
      "--framework",
      "icc-citizen-participation",
    ]);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain("import survey takes one --framework");
  });

  it("reads a .tsv by tabs, --delimiter, --unit, --decimal-comma and --ignore-unknown-columns as answersFromTable does", async () => {
    const fw = getFramework("icc-citizen-participation", "1.0.0");
    const tsv = join(dir, "answers.tsv");
    writeFileSync(tsv, "sg.strategy\tds.online\tnote\nyes\t62,5\tfine\nno\t55\t\n");
    const r = await runInProcess([
      "import",
      "survey",
      tsv,
      "--framework",
      "icc-citizen-participation",
      "--unit",
      "varna",
      "--decimal-comma",
      "--ignore-unknown-columns",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const expected = answersFromTable(parseSurveyCsv(read(tsv), { delimiter: "\t" }), fw, {
      unit: "varna",
      decimalSeparator: ",",
      unknownColumns: "ignore",
      source: "answers.tsv",
    });
    expect(JSON.parse(r.stdout)).toStrictEqual(JSON.parse(JSON.stringify(expected)));
    expect(expected.respondents).toStrictEqual([{ unit: "varna", count: 2 }]);

    // the same table with semicolons, told by --delimiter (tab, too, is a value of it)
    const semi = join(dir, "answers.txt");
    writeFileSync(semi, read(tsv).replaceAll("\t", ";"));
    const opts = ["--framework", "icc-citizen-participation", "--unit", "varna", "--decimal-comma"];
    const bySemi = await runInProcess([
      "import",
      "survey",
      semi,
      ...opts,
      "--ignore-unknown-columns",
      "--delimiter",
      ";",
    ]);
    expect(bySemi.code).toBe(0);
    // the same answers, but for the name of the file they came from
    expect(bySemi.stdout).toContain('"source": "answers.txt"');
    expect(JSON.parse(bySemi.stdout.replaceAll('"answers.txt"', '"answers.tsv"'))).toStrictEqual(
      JSON.parse(r.stdout),
    );
    const byTab = await runInProcess([
      "import",
      "survey",
      tsv,
      ...opts,
      "--ignore-unknown-columns",
      "--delimiter",
      "tab",
    ]);
    expect(byTab.stdout).toBe(r.stdout);
    // without --ignore-unknown-columns the note column is an error
    const strict = await runInProcess(["import", "survey", tsv, ...opts]);
    expect(strict.code).toBe(1);
    // eslint-disable-next-line no-control-regex -- the highlighting of the quoted cell
    expect(strict.stderr.replace(/\u001b\[\d+m/g, "")).toContain(
      'unknown_key at rows[0][2]: column 3 ("note") is not a question of framework',
    );
    expect((await runInProcess(["import", "survey", tsv, ...opts, "--delimiter", "|"])).code).toBe(
      2,
    );
  });

  it("takes the survey's framework from a framework file", async () => {
    const custom = { ...JSON.parse(JSON.stringify(getFramework("icc-citizen-participation"))) };
    custom.id = "my-participation";
    const file = join(dir, "my-framework.json");
    writeFileSync(file, JSON.stringify(custom));
    const csv = join(dir, "mine.csv");
    writeFileSync(csv, "unit,sg.strategy\nruse,yes\n");
    const r = await runInProcess(["import", "survey", csv, "--framework", file]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const answers = JSON.parse(r.stdout) as { framework: unknown; observations: unknown[] };
    expect(answers.framework).toStrictEqual({ id: "my-participation", version: custom.version });
    expect(answers.observations).toStrictEqual([
      expect.objectContaining({ unit: "ruse", indicator: "sg.strategy", value: true }),
    ]);
  });

  it("imports Decidim proposals as needs, with an id prefix; solutions with a readiness; --as is required", async () => {
    const csv = join(fixtures, "decidim-0.27.csv");
    const needs = await runInProcess([
      "import",
      "decidim",
      csv,
      "--as",
      "needs",
      "--id-prefix",
      "dec-",
      "--format",
      "csv",
    ]);
    expect(needs.code).toBe(0);
    const part = JSON.parse(needs.stdout) as { needs: { id: string }[]; solutions?: unknown };
    expect(part.solutions).toBeUndefined();
    expect(part.needs.length).toBeGreaterThan(0);
    expect(part.needs.every((n) => n.id.startsWith("dec-"))).toBe(true);
    expect(part.needs.map((n) => n.id)).toContain("dec-101");

    const piloted = await runInProcess([
      "import",
      "decidim",
      csv,
      "--as",
      "solutions",
      "--readiness",
      "piloted",
    ]);
    expect(piloted.code).toBe(0);
    const solutions = (JSON.parse(piloted.stdout) as { solutions: { readiness: string }[] })
      .solutions;
    expect(solutions.length).toBeGreaterThan(0);
    expect(new Set(solutions.map((s) => s.readiness))).toStrictEqual(new Set(["piloted"]));

    const bad = await runInProcess([
      "import",
      "decidim",
      csv,
      "--as",
      "solutions",
      "--readiness",
      "done",
    ]);
    expect(bad.code).toBe(2);
    const noAs = await runInProcess(["import", "decidim", csv]);
    expect(noAs.code).toBe(2);
    expect(noAs.stderr).toContain("import decidim needs --as solutions or --as needs");
  });

  it("writes a merged assessment to stdout with --out -, and reports an answers file that is no object at the file", async () => {
    const part = join(dir, "part-stdout.json");
    await runInProcess([
      "import",
      "decidim",
      join(fixtures, "decidim-0.28.csv"),
      "--as",
      "needs",
      "--out",
      part,
    ]);
    const assessment = unscoredAssessment("d.json");
    const before = read(assessment);
    const r = await runInProcess(["import", "part", part, "--into", assessment, "--out", "-"]);
    expect(r.code).toBe(0);
    const merged = parseAssessment(JSON.parse(r.stdout));
    const added = (JSON.parse(read(part)) as { needs: { id: string }[] }).needs.map((n) => n.id);
    expect(merged.needs.map((n) => n.id)).toStrictEqual(expect.arrayContaining(added));
    expect(read(assessment)).toBe(before);

    const notObject = join(dir, "list.json");
    writeFileSync(notObject, "[]\n");
    const bad = await runInProcess(["import", "answers", notObject, "--into", assessment]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`(${notObject})`);
    expect(bad.stderr).not.toContain(`(${notObject}:`);
    expect(read(assessment)).toBe(before);
  });
});
