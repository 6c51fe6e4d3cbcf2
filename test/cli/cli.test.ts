/**
 * `icc-assess` end to end. The commands run in process through runCli (so coverage sees them),
 * with stdout and stderr captured; a few tests spawn the built binary (dist/cli.js) for what only
 * a real process shows: the exit code main.ts sets, and that nothing prints a stack trace.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { LIBRARY_VERSION } from "../../src/_lib/version.js";
import {
  choiceOption,
  formatTable,
  MAX_FILE_BYTES,
  today,
  UsageError,
  wholeOption,
} from "../../src/cli/io.js";
import { commands, mainHelp } from "../../src/cli/run.js";
import { iccCitizenParticipation } from "../../src/frameworks/iccCitizenParticipation.js";
import { jsonSchemaId } from "../../src/schema/toJsonSchema.js";
import { runInProcess as run } from "../helpers/cli.js";
import { sofiaJson } from "../helpers/sofia.js";

const tmp = mkdtempSync(join(tmpdir(), "icc-cli-"));
const sofia = "examples/sofia/assessment.json";
const sofia2022 = "examples/sofia/assessment-2022.json";
const report2021 = "test/golden/v1.0/sofia-2021.report.json";
const report2022 = "test/golden/v1.0/sofia-2022.report.json";
const noStack = /\n\s+at .*:\d+/;
const commandNames = Object.keys(commands);

function writeDoc(name: string, doc: unknown): string {
  const p = join(tmp, name);
  writeFileSync(p, typeof doc === "string" ? doc : JSON.stringify(doc));
  return p;
}

/** A path in a folder that does not exist: writing it fails. */
const unwritable = join(tmp, "no-such-folder", "out.txt");

describe("the built binary", () => {
  const cli = join(import.meta.dirname, "..", "..", "dist", "cli.js");
  function spawn(...args: string[]) {
    const r = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it("prints its help with exit 0, and its version", () => {
    const help = spawn("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(`${mainHelp()}\n`);
    expect(help.stderr).toBe("");
    const version = spawn("--version");
    expect(version.code).toBe(0);
    expect(version.stdout).toBe(`${LIBRARY_VERSION}\n`);
  });

  it("exits 1 on an invalid file, with its issues on stderr and no stack trace", () => {
    const file = writeDoc("binary-bad.json", { formatVersion: "1.0" });
    const r = spawn("validate", file);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`${file}: `);
    expect(r.stderr).toContain("missing_field at city:");
    expect(r.stderr).not.toMatch(noStack);
  });

  it("exits 2 on an unknown command, with no stack trace", () => {
    const r = spawn("frobnicate");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('icc-assess: unknown command "frobnicate"');
    expect(r.stderr).not.toMatch(noStack);
  });
});

describe("icc-assess (top level)", () => {
  it("prints the help on stdout, with exit 2 when called without a command", async () => {
    expect(await run([])).toStrictEqual({ code: 2, stdout: `${mainHelp()}\n`, stderr: "" });
  });

  it("prints the help with exit 0 for --help, -h and help", async () => {
    for (const flag of ["--help", "-h", "help"]) {
      expect(await run([flag]), flag).toStrictEqual({
        code: 0,
        stdout: `${mainHelp()}\n`,
        stderr: "",
      });
    }
  });

  it("lists every command with its summary, aligned", () => {
    const help = mainHelp();
    for (const [name, c] of Object.entries(commands)) {
      expect(help).toContain(`  ${name.padEnd("questionnaire".length)}  ${c.summary}\n`);
    }
    expect(help).toContain("Exit codes: 0 success, 1 invalid input, 2 usage error.");
  });

  it("prints the library version for --version and -v", async () => {
    for (const flag of ["--version", "-v"]) {
      expect(await run([flag])).toStrictEqual({
        code: 0,
        stdout: `${LIBRARY_VERSION}\n`,
        stderr: "",
      });
    }
  });

  it("refuses an unknown command with exit 2 and the help on stderr, also for Object's own keys", async () => {
    for (const name of ["frobnicate", "__proto__", "constructor", "toString", "hasOwnProperty"]) {
      const r = await run([name, sofia]);
      expect(r.code, name).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(
        `icc-assess: unknown command ${JSON.stringify(name)}\n\n${mainHelp()}\n`,
      );
    }
  });

  it("prints each command's help for --help and -h anywhere in its arguments, ignoring the rest", async () => {
    expect(commandNames).toStrictEqual([
      "init",
      "questionnaire",
      "import",
      "validate",
      "score",
      "prioritise",
      "plan",
      "report",
      "compare",
      "benchmark",
      "schema",
    ]);
    for (const name of commandNames) {
      const help = commands[name]?.help ?? "";
      expect(help.startsWith(`Usage: icc-assess ${name} `), name).toBe(true);
      expect(help).toContain("-h, --help");
      for (const args of [["--help"], ["-h"], ["missing.json", "--bogus", "-h"]]) {
        expect(await run([name, ...args]), `${name} ${args.join(" ")}`).toStrictEqual({
          code: 0,
          stdout: `${help}\n`,
          stderr: "",
        });
      }
    }
  });

  it("maps an unknown option (a node:util parseArgs error) to exit 2 with the command's help", async () => {
    const r = await run(["validate", sofia, "--bogus"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^icc-assess validate: Unknown option '--bogus'/);
    expect(r.stderr.endsWith(`\n\n${commands["validate"]?.help}\n`)).toBe(true);
    const missingValue = await run(["score", sofia, "--unit"]);
    expect(missingValue.code).toBe(2);
    expect(missingValue.stderr).toContain("Usage: icc-assess score");
  });

  it("counts one issue or several in the summary line of an invalid input", async () => {
    const one = await run(["score", join(tmp, "missing.json")]);
    expect(one).toStrictEqual({
      code: 1,
      stdout: "",
      stderr: `icc-assess score: 1 issue\n  ${join(tmp, "missing.json")}: invalid_document at (root): cannot read file ${join(tmp, "missing.json")}\n`,
    });
    const doc = sofiaJson();
    (doc["city"] as Record<string, unknown>)["population"] = "many";
    (doc["city"] as Record<string, unknown>)["mayor"] = "x";
    const two = await run(["score", writeDoc("two-issues.json", doc)]);
    expect(two.code).toBe(1);
    expect(two.stderr).toMatch(
      /^icc-assess score: 2 issues\n {2}\S+two-issues\.json:\d+:\d+: \w+ at city\.\w+: /,
    );
    expect(two.stderr).not.toMatch(noStack);
  });

  it("lets an error that is not the user's mistake through, and the capture is restored", async () => {
    const [stdoutWrite, stderrWrite] = [process.stdout.write, process.stderr.write];
    const boom = Object.assign(new Error("boom"), { code: "EBOOM" });
    const spy = vi
      .spyOn(commands["validate"] as { run: (argv: readonly string[]) => number }, "run")
      .mockImplementation(() => {
        throw boom;
      });
    try {
      await expect(run(["validate", sofia])).rejects.toBe(boom);
      spy.mockImplementation(() => {
        throw new Error("plain");
      });
      await expect(run(["validate", sofia])).rejects.toThrow("plain");
    } finally {
      spy.mockRestore();
    }
    expect(process.stdout.write).toBe(stdoutWrite);
    expect(process.stderr.write).toBe(stderrWrite);
    expect(process.exitCode).toBeUndefined();
  });

  it("fails an in-process run that sets process.exitCode (only main.ts may), and resets it", async () => {
    const spy = vi
      .spyOn(commands["schema"] as { run: (argv: readonly string[]) => number }, "run")
      .mockImplementation(() => {
        process.exitCode = 3;
        return 0;
      });
    try {
      await expect(run(["schema", "report"])).rejects.toThrow(
        'runCli(["schema","report"]) set process.exitCode to 3',
      );
    } finally {
      spy.mockRestore();
    }
    expect(process.exitCode).toBeUndefined();
  });
});

describe("icc-assess validate", () => {
  it("accepts the Sofia example with exit 0", async () => {
    expect(await run(["validate", sofia])).toStrictEqual({
      code: 0,
      stdout: `${sofia}: valid assessment\n`,
      stderr: "",
    });
  });

  const cases: [string, (d: Record<string, any>) => unknown, string, string][] = [
    ["wrong type", (d) => ((d["city"].population = "many"), d), "invalid_type", "city.population"],
    ["missing field", (d) => (delete d["city"].name, d), "missing_field", "city.name"],
    [
      "bad date",
      (d) => ((d["workshops"][0].date = "2021-02-30"), d),
      "invalid_date",
      "workshops[0].date",
    ],
    [
      "money as a number",
      (d) => ((d["solutions"][0].cost.amount = 5), d),
      "invalid_money",
      "solutions[0].cost.amount",
    ],
    [
      "duplicate id",
      (d) => ((d["needs"][1].id = d["needs"][0].id), d),
      "duplicate_id",
      "needs[1].id",
    ],
    [
      "dangling reference",
      (d) => ((d["needs"][0].raisedBy = ["ghost"]), d),
      "unknown_reference",
      "needs[0].raisedBy[0]",
    ],
    ["unknown key", (d) => ((d["city"].mayor = "x"), d), "unknown_key", "city.mayor"],
    [
      "unsupported version",
      (d) => ((d["formatVersion"] = "3.0"), d),
      "unsupported_version",
      "formatVersion",
    ],
  ];
  for (const [name, change, code, path] of cases) {
    it(`rejects a ${name} with exit 1 and the path`, async () => {
      const file = writeDoc(`${code}.json`, change(sofiaJson()));
      const r = await run(["validate", file]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(new RegExp(`^${file.replace(/[.\\]/g, "\\$&")}: \\d+ errors?\\n`));
      expect(r.stderr).toMatch(
        new RegExp(
          `\\n  ${file.replace(/[.\\]/g, "\\$&")}:\\d+:\\d+: ${code} at ${path.replace(/[.[\]]/g, "\\$&")}: `,
        ),
      );
      expect(r.stderr).not.toMatch(noStack);
    });
  }

  it("rejects text that is not JSON with exit 1, saying where: line and column", async () => {
    const file = writeDoc("broken.json", "{ nope");
    const r = await run(["validate", file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `^${file.replace(/\./g, "\\.")}: 1 error\\n {2}${file.replace(/\./g, "\\.")}:1:3: invalid_json at \\(root\\): not valid JSON: `,
      ),
    );
    // strict JSON: a comment and a trailing comma are syntax errors, each at its line and column
    for (const [name, text, at] of [
      ["comment.json", '{\n  "formatVersion": "1.0", // the version\n  "city": {}\n}', "2:27"],
      ["comma.json", '{\n  "needs": [\n    1,\n  ],\n  "x": 1\n}', "4:3"],
      ["unclosed.json", '{\n  "needs": [1, 2\n', "3:1"],
    ] as const) {
      const bad = writeDoc(name, text);
      const e = await run(["validate", bad]);
      expect(e.code, name).toBe(1);
      expect(e.stderr, name).toContain(
        `\n  ${bad}:${at}: invalid_json at (root): not valid JSON: `,
      );
      expect(e.stderr.split("\n").length, name).toBe(3);
    }
  });

  it("rejects a missing file and a folder with exit 1 and cannot read file", async () => {
    for (const [path, why] of [
      [join(tmp, "nothing-here.json"), ""],
      [tmp, ": it is a folder"],
    ] as const) {
      expect(await run(["validate", path])).toStrictEqual({
        code: 1,
        stdout: "",
        stderr: `${path}: 1 error\n  ${path}: invalid_document at (root): cannot read file ${path}${why}\n`,
      });
    }
  });

  it("prints machine-readable output with --json, for an invalid and a valid file", async () => {
    const bad = writeDoc("bad.json", { formatVersion: "1.0" });
    const r = await run(["validate", bad, "--json"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as {
      file: string;
      valid: boolean;
      errors: { path: unknown[]; file: string; line?: number; column?: number }[];
      warnings: unknown[];
    };
    expect(out.file).toBe(bad);
    expect(out.valid).toBe(false);
    // a missing member is placed at the object that should hold it: here the root, line 1
    expect(out.errors[0]).toMatchObject({ path: ["city"], file: bad, line: 1, column: 1 });
    expect(out.warnings).toStrictEqual([]);
    const good = await run(["validate", sofia, "--json"]);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ file: sofia, valid: true, errors: [] });
  });

  it("validates a report with --kind report, and rejects an assessment as a report", async () => {
    expect(await run(["validate", "--kind", "report", report2021])).toStrictEqual({
      code: 0,
      stdout: `${report2021}: valid report\n`,
      stderr: "",
    });
    const r = await run(["validate", sofia, "--kind", "report"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^examples\/sofia\/assessment\.json: 1 error\n/);
    expect(r.stderr).toContain(
      "examples/sofia/assessment.json: invalid_document at (root): examples/sofia/assessment.json is an assessment, not a report: run `icc-assess report examples/sofia/assessment.json --out report.json` first, then validate the report",
    );
  });

  it("exits 2 on a usage error and shows the command's help", async () => {
    const help = `\n\n${commands["validate"]?.help}\n`;
    expect(await run(["validate"])).toStrictEqual({
      code: 2,
      stdout: "",
      stderr: `icc-assess validate: validate needs exactly one file${help}`,
    });
    expect((await run(["validate", sofia, sofia2022])).stderr).toBe(
      `icc-assess validate: validate needs exactly one file${help}`,
    );
    expect(await run(["validate", sofia, "--kind", "city"])).toStrictEqual({
      code: 2,
      stdout: "",
      stderr: `icc-assess validate: --kind must be assessment or report, got city${help}`,
    });
    expect(
      await run(["validate", report2021, "--kind", "report", "--framework", sofia]),
    ).toStrictEqual({
      code: 2,
      stdout: "",
      stderr: `icc-assess validate: --framework applies to assessments: a report carries its results${help}`,
    });
  });

  /** The Sofia example with every observation for one unit that is not the city's id. */
  function warned(): Record<string, unknown> {
    const doc = sofiaJson();
    for (const o of (doc["maturity"] as { observations: { unit: string }[] }).observations) {
      o.unit = "sofia-2021";
    }
    return doc;
  }

  it("prints a warning and exits 0; --strict refuses it with exit 1", async () => {
    const text = JSON.stringify(warned(), null, 2);
    const file = writeDoc("warned.json", text);
    // the first observation's unit, as the warning points at it
    const before = text.slice(0, text.indexOf('"unit": "sofia-2021"'));
    const at = `${before.split("\n").length}:${before.length - before.lastIndexOf("\n")}`;
    const line = `  ${file}:${at}: warning unit_not_city at maturity.observations[0].unit: `;
    const r = await run(["validate", file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${file}: valid assessment, 1 warning\n`);
    expect(r.stderr.startsWith(line)).toBe(true);
    expect(r.stderr.split("\n").length).toBe(2);
    const strict = await run(["validate", file, "--strict"]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe("");
    expect(strict.stderr.startsWith(`${file}: 1 warning, refused by --strict\n${line}`)).toBe(true);
    const json = await run(["validate", file, "--strict", "--json"]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      valid: false,
      errors: [],
      warnings: [{ code: "unit_not_city", path: ["maturity", "observations", 0, "unit"], file }],
    });
    // the other commands accept it, as validate does without --strict
    expect((await run(["score", file])).code).toBe(0);
  });

  it("prints every error and every warning, each as file:line:column of what its path names", async () => {
    const doc = warned();
    const raisedBy = (doc["needs"] as { raisedBy: string[] }[])[2]!.raisedBy;
    raisedBy.splice(1, raisedBy.length - 1, "ghost");
    (doc["solutions"] as { lead: string }[])[0]!.lead = "nobody";
    const text = JSON.stringify(doc, null, 2);
    const file = writeDoc("planted.json", text);
    const position = (needle: string, offset = 0) => {
      const before = text.slice(0, text.indexOf(needle) + offset);
      return `${before.split("\n").length}:${before.length - before.lastIndexOf("\n")}`;
    };
    const r = await run(["validate", file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    const lines = r.stderr.split("\n");
    expect(lines[0]).toBe(`${file}: 2 errors, 1 warning`);
    // an object member at its key, an array item at its value
    const expected = [
      `  ${file}:${position('"ghost"')}: unknown_reference at needs[2].raisedBy[1]: `,
      `  ${file}:${position('"lead": "nobody"')}: unknown_reference at solutions[0].lead: `,
    ];
    expect(lines.slice(1, 3).map((l) => expected.findIndex((e) => l.startsWith(e)))).toStrictEqual([
      0, 1,
    ]);
    expect(lines[3]).toMatch(
      new RegExp(
        `^  ${file.replace(/[.\\]/g, "\\$&")}:${position('"unit": "sofia-2021"')}: warning unit_not_city at `,
      ),
    );
    // the same positions as JSON
    const json = JSON.parse((await run(["validate", file, "--json"])).stdout) as {
      errors: { code: string; line: number; column: number }[];
    };
    const ghost = json.errors.find((e) => e.code === "unknown_reference");
    expect(`${ghost?.line}:${ghost?.column}`).toBe(position('"ghost"'));
  });

  it("validates against a custom framework given with --framework, and locates its mistakes", async () => {
    const custom = JSON.parse(JSON.stringify(iccCitizenParticipation)) as Record<string, unknown>;
    custom["id"] = "sofia-own";
    const fw = writeDoc("sofia-own.json", JSON.stringify(custom, null, 2));
    const doc = sofiaJson();
    (doc["maturity"] as { framework: { id: string } }).framework.id = "sofia-own";
    const text = JSON.stringify(doc, null, 2);
    const file = writeDoc("own-framework.json", text);
    const without = await run(["validate", file]);
    expect(without.code).toBe(1);
    expect(without.stderr).toMatch(
      /\n {2}\S+own-framework\.json:\d+:\d+: unknown_reference at maturity\.framework: /,
    );
    expect(await run(["validate", file, "--framework", fw])).toStrictEqual({
      code: 0,
      stdout: `${file}: valid assessment\n`,
      stderr: "",
    });
    // the other commands take the same option, and agree
    const score = await run(["score", file, "--framework", fw]);
    expect(score.code, score.stderr).toBe(0);
    expect(score.stdout.split("\n")[0]).toContain("(sofia-own 1.0.0, designed)");
    const report = await run([
      "report",
      file,
      "--framework",
      fw,
      "--draws",
      "0",
      "--generated-at",
      "2021-02-15",
    ]);
    expect(report.code, report.stderr).toBe(0);
    expect(JSON.parse(report.stdout).provenance.frameworks[0].id).toBe("sofia-own");
    for (const args of [
      ["plan", file],
      ["prioritise", file, "--draws", "0"],
    ]) {
      expect((await run([...args, "--framework", fw])).code, args[0]).toBe(0);
      expect((await run(args)).code, args[0]).toBe(1);
    }
    // a framework file that is not a framework: its own issues, at their positions in it
    (custom["indicators"] as Record<string, unknown>[])[0]!["weight"] = "heavy";
    const broken = writeDoc("broken-framework.json", JSON.stringify(custom, null, 2));
    const r = await run(["validate", file, "--framework", broken]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^\S+own-framework\.json: 1 error\n {2}\S+broken-framework\.json:\d+:\d+: invalid_type at indicators\[0\]\.weight: /,
    );
    const missing = await run(["report", file, "--framework", join(tmp, "nowhere.json")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("nowhere.json: invalid_document at (root): cannot read file ");
  });
});

describe("icc-assess schema", () => {
  const id = (text: string) => (JSON.parse(text) as { $id: string }).$id;

  it("prints the assessment and the report JSON Schema", async () => {
    const a = await run(["schema", "assessment"]);
    expect(a.code).toBe(0);
    expect(a.stderr).toBe("");
    expect(id(a.stdout)).toBe(
      "https://cdn.jsdelivr.net/npm/icc-assessment/schema/assessment.v1.json",
    );
    const r = await run(["schema", "report"]);
    expect(id(r.stdout)).toBe("https://cdn.jsdelivr.net/npm/icc-assessment/schema/report.v1.json");
  });

  it("accepts --json, its output being JSON already", async () => {
    const r = await run(["schema", "report", "--json"]);
    expect(r.code).toBe(0);
    expect(id(r.stdout)).toBe("https://cdn.jsdelivr.net/npm/icc-assessment/schema/report.v1.json");
  });

  it("writes the schema to --out, and the same text as on stdout", async () => {
    const out = join(tmp, "assessment.schema.json");
    expect(await run(["schema", "assessment", "--out", out])).toStrictEqual({
      code: 0,
      stdout: "",
      stderr: "",
    });
    expect(readFileSync(out, "utf8")).toBe((await run(["schema", "assessment"])).stdout);
    expect((await run(["schema", "assessment", "--out", "-"])).stdout).toBe(
      readFileSync(out, "utf8"),
    );
  });

  it("exits 2 for an unknown or a missing kind", async () => {
    const help = `\n\n${commands["schema"]?.help}\n`;
    expect(await run(["schema", "cities"])).toStrictEqual({
      code: 2,
      stdout: "",
      stderr: `icc-assess schema: schema needs a kind: assessment, report, answers, got cities${help}`,
    });
    expect((await run(["schema"])).stderr).toBe(
      `icc-assess schema: schema needs a kind: assessment, report, answers${help}`,
    );
  });

  it("exits 2 when --out cannot be written, naming the file and without a stack trace", async () => {
    const r = await run(["schema", "report", "--out", unwritable]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      new RegExp(
        `^icc-assess schema: cannot write ${unwritable.replace(/[.\\]/g, "\\$&")}: ENOENT`,
      ),
    );
    // one line: the output, not the command's use, was wrong
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).not.toMatch(noStack);
  });
});

describe("icc-assess report", () => {
  const fixed = ["--generated-at", "2021-02-15"];

  it("writes byte-identical JSON twice, which validates as a report, and nothing on a non-terminal stderr", async () => {
    const a = join(tmp, "r1.json");
    const b = join(tmp, "r2.json");
    const first = await run(["report", sofia, ...fixed, "--draws", "50", "--out", a]);
    expect(first).toStrictEqual({ code: 0, stdout: "", stderr: "" });
    const second = await run(["report", sofia, ...fixed, "--draws", "50", "--json", "--out", b]);
    expect(second.code).toBe(0);
    expect(readFileSync(b, "utf8")).toBe(readFileSync(a, "utf8"));
    expect((await run(["validate", "--kind", "report", a])).code).toBe(0);
  });

  it("writes JSON to stdout by default, with 1000 draws and the default seed", async () => {
    const r = await run(["report", sofia, ...fixed]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const doc = JSON.parse(r.stdout) as {
      kind: string;
      provenance: { generatedAt: string };
      sections: { prioritisation: { stability: { draws: number; seed: number } } };
    };
    expect(doc.kind).toBe("icc-assessment-report");
    expect(doc.provenance.generatedAt).toBe("2021-02-15");
    const { draws, seed } = doc.sections.prioritisation.stability;
    expect([draws, seed]).toStrictEqual([1000, 20210208]);
    expect((await run(["report", sofia, ...fixed, "--format", "json"])).stdout).toBe(r.stdout);
  });

  it("uses the seed and the draws asked for", async () => {
    const r = await run(["report", sofia, ...fixed, "--draws", "20", "--seed", "7"]);
    expect(r.code).toBe(0);
    const { draws, seed } = (
      JSON.parse(r.stdout) as {
        sections: { prioritisation: { stability: { draws: number; seed: number } } };
      }
    ).sections.prioritisation.stability;
    expect([draws, seed]).toStrictEqual([20, 7]);
  });

  it("dates the report today without --generated-at", async () => {
    const before = today();
    const r = await run(["report", sofia, "--draws", "0"]);
    const after = today();
    expect(r.code).toBe(0);
    const generatedAt = (JSON.parse(r.stdout) as { provenance: { generatedAt: string } }).provenance
      .generatedAt;
    expect([before, after]).toContain(generatedAt);
  });

  it("writes Markdown and HTML, in English and in Bulgarian", async () => {
    const md = await run([
      "report",
      sofia,
      "--format",
      "md",
      "--lang",
      "bg",
      ...fixed,
      "--draws",
      "0",
    ]);
    expect(md.code).toBe(0);
    expect(md.stdout.split("\n")[0]).toBe("# Доклад за зрелостта: Sofia");
    const mdEn = await run(["report", sofia, "--format", "md", ...fixed, "--draws", "0"]);
    expect(mdEn.stdout.split("\n")[0]).toBe("# Maturity report: Sofia");
    const html = await run(["report", sofia, "--format", "html", ...fixed, "--draws", "0"]);
    expect(html.stdout.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    const out = join(tmp, "report.bg.html");
    // there is no short -o: a usage error, and no file
    const short = await run(["report", sofia, "--format", "html", "-o", out]);
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/^icc-assess report: Unknown option '-o'/);
    expect(existsSync(out)).toBe(false);
    expect(
      await run([
        "report",
        sofia,
        "--format",
        "html",
        "--lang",
        "bg",
        ...fixed,
        "--draws",
        "0",
        "--out",
        out,
      ]),
    ).toStrictEqual({ code: 0, stdout: "", stderr: "" });
    expect(readFileSync(out, "utf8").startsWith('<!DOCTYPE html>\n<html lang="bg">')).toBe(true);
  });

  it("prints progress lines when stderr is a terminal", async () => {
    const r = await run(["report", sofia, ...fixed, "--draws", "10"], { stderrIsTTY: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      new RegExp(
        `^icc-assess: computing the report of ${sofia.replace(/\./g, "\\.")} with 10 rank-stability draws…\nicc-assess: done in \\d+\\.\\d s\n$`,
      ),
    );
    const none = await run(["report", sofia, ...fixed, "--draws", "0"], { stderrIsTTY: true });
    expect(none.stderr).toMatch(
      /^icc-assess: computing the report of examples\/sofia\/assessment\.json…\nicc-assess: done in/,
    );
    const tty = { stderrIsTTY: true };
    const byDefault = await run(["report", sofia, ...fixed, "--out", join(tmp, "d.json")], tty);
    expect(byDefault.stderr).toContain("with 1000 rank-stability draws…");
  });

  it("exits 2 on a bad option value, with the reason and the help", async () => {
    const help = `\n\n${commands["report"]?.help}\n`;
    for (const [args, reason] of [
      [["--format", "pdf"], "--format must be one of json, md, html, got pdf"],
      [["--lang", "fr"], "--lang must be one of en, bg, got fr"],
      [
        ["--generated-at", "yesterday"],
        "--generated-at must be a date YYYY-MM-DD or an ISO date-time, got yesterday",
      ],
      [["--draws=-5"], "--draws must be a whole number from 0 to 100000, got -5"],
      [["--draws", "100001"], "--draws must be a whole number from 0 to 100000, got 100001"],
      [["--seed", "1.5"], "--seed must be a whole number from 0 to 4294967295, got 1.5"],
      [["--format", "md", "--json"], "--json asks for JSON, but --format is md"],
    ] as const) {
      expect(await run(["report", sofia, ...args]), args.join(" ")).toStrictEqual({
        code: 2,
        stdout: "",
        stderr: `icc-assess report: ${reason}${help}`,
      });
    }
    for (const files of [[], [sofia, sofia2022]]) {
      expect((await run(["report", ...files])).stderr).toBe(
        `icc-assess report: report needs exactly one assessment file${help}`,
      );
    }
    const r = await run(["report", sofia, ...fixed, "--draws", "0", "--out", unwritable]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`icc-assess report: cannot write ${unwritable}: `);
  });

  it("exits 1 on an invalid assessment or a missing file, without a stack trace", async () => {
    const bad = sofiaJson();
    (bad["needs"] as any[])[0].raisedBy = ["ghost"];
    const r = await run(["report", writeDoc("bad-report.json", bad)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^icc-assess report: 1 issue\n/);
    expect(r.stderr).toContain("unknown_reference at needs[0].raisedBy[0]");
    expect(r.stderr).not.toMatch(noStack);
    const missing = await run(["report", join(tmp, "missing.json")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("invalid_document at (root): cannot read file");
  });

  it("refuses what validate refuses, with the same lines: funding in another currency", async () => {
    const doc = sofiaJson();
    const [action] = doc["actions"] as { funding: { amount: { currency: string } }[] }[];
    (action?.funding[0] as { amount: { currency: string } }).amount.currency = "BGN";
    const file = writeDoc("bgn-funding.json", doc);
    const validated = await run(["validate", file]);
    expect(validated.code).toBe(1);
    const lines = validated.stderr.split("\n").slice(1, -1);
    expect(
      lines.some((l) =>
        l.includes(": currency_mismatch at actions[0].funding[0].amount.currency: "),
      ),
    ).toBe(true);
    for (const args of [
      ["report", file, "--draws", "0"],
      ["plan", file],
      ["score", file],
      ["prioritise", file, "--draws", "0"],
    ]) {
      const r = await run(args);
      expect(r.code, args[0]).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(
        `icc-assess ${args[0]}: ${lines.length} issue${lines.length === 1 ? "" : "s"}\n${lines.join("\n")}\n`,
      );
    }
  });
});

describe("icc-assess score", () => {
  it("scores maturity per dimension as a text table", async () => {
    const r = await run(["score", sofia]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe(
      "Citizen participation and digital public administration maturity (designed for ICC cities) (icc-citizen-participation 1.0.0, designed), scale 0–100",
    );
    expect(lines.slice(1, 5)).toStrictEqual([
      "",
      "sofia: 37.2 (Emerging)",
      "dimension                          score  level        coverage",
      "---------------------------------  -----  -----------  --------",
    ]);
    expect(lines).toContain("Digital public services               62  Advanced         100%");
    expect(lines).toContain("E-participation                       23  Emerging          80%");
  });

  it("prints the full result as JSON, for every unit or the one asked for", async () => {
    const json = JSON.parse((await run(["score", sofia, "--json"])).stdout) as {
      units: { unit: string }[];
    };
    expect(json.units.map((u) => u.unit)).toStrictEqual(["sofia"]);
    const one = JSON.parse((await run(["score", sofia, "--unit", "sofia", "--json"])).stdout) as {
      units: { unit: string }[];
    };
    expect(one.units.map((u) => u.unit)).toStrictEqual(["sofia"]);
  });

  it("exits 2 for a --unit the answers are not for, listing the units they are for", async () => {
    const help = `\n\n${commands["score"]?.help}\n`;
    expect(await run(["score", sofia, "--unit", "nope"])).toStrictEqual({
      code: 2,
      stdout: "",
      stderr: `icc-assess score: --unit must be one of the units ${sofia} answers for: sofia, got nope${help}`,
    });
    const doc = sofiaJson();
    const observations = (doc["maturity"] as { observations: { unit: string }[] }).observations;
    observations.forEach((o, i) => {
      if (i % 2 === 1) o.unit = "sofia-2020";
    });
    const two = writeDoc("two-units.json", doc);
    expect((await run(["score", two, "--unit", "plovdiv"])).stderr).toBe(
      `icc-assess score: --unit must be one of the units ${two} answers for: sofia, sofia-2020, got plovdiv${help}`,
    );
    (doc["maturity"] as { observations: unknown[] }).observations = [];
    const none = writeDoc("no-answers.json", doc);
    expect((await run(["score", none, "--unit", "sofia"])).stderr).toBe(
      `icc-assess score: --unit sofia: ${none} has no maturity answers, so no unit to choose${help}`,
    );
  });

  it("writes to --out", async () => {
    const out = join(tmp, "score.txt");
    expect(await run(["score", sofia, "--out", out])).toStrictEqual({
      code: 0,
      stdout: "",
      stderr: "",
    });
    expect(readFileSync(out, "utf8")).toBe((await run(["score", sofia])).stdout);
  });

  it("says not assessed, with the reason and n/a per dimension, when nothing is answered", async () => {
    const doc = sofiaJson();
    const maturity = doc["maturity"] as { observations: { value: unknown }[] };
    for (const o of maturity.observations) o.value = null;
    const r = await run(["score", writeDoc("unanswered.json", doc)]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[2]).toBe("sofia: not assessed — coverage 0% is below the minimum 50%");
    expect(lines).toContain("Strategy and governance              n/a  n/a          0%");
  });

  it("indents sub-dimensions of a framework embedded in the assessment", async () => {
    const doc = sofiaJson();
    const custom = JSON.parse(JSON.stringify(iccCitizenParticipation)) as {
      id: string;
      dimensions: { id: string; title: string; parent?: string }[];
      indicators: { id: string; dimension: string }[];
    };
    custom.id = "sofia-custom";
    custom.dimensions.push({ id: "sgPlanning", title: "Planning", parent: "strategyGovernance" });
    for (const q of custom.indicators) {
      if (q.dimension === "strategyGovernance") q.dimension = "sgPlanning";
    }
    doc["frameworks"] = [custom];
    (doc["maturity"] as { framework: { id: string } }).framework.id = "sofia-custom";
    const r = await run(["score", writeDoc("embedded.json", doc)]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split("\n")[0]).toContain("(sofia-custom 1.0.0, designed)");
    expect(r.stdout).toMatch(/\n {2}Planning +49 +Established +100%\n/);
  });

  it("exits 1 without a maturity section, and 2 without exactly one file", async () => {
    const none = sofiaJson();
    delete none["maturity"];
    const file = writeDoc("no-maturity.json", none);
    expect(await run(["score", file])).toStrictEqual({
      code: 1,
      stdout: "",
      stderr: `icc-assess score: 1 issue\n  missing_field at maturity: ${file} has no maturity section to score\n`,
    });
    for (const files of [[], [sofia, sofia2022]]) {
      const r = await run(["score", ...files]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `icc-assess score: score needs exactly one assessment file\n\n${commands["score"]?.help}\n`,
      );
    }
  });
});

describe("icc-assess prioritise", () => {
  it("ranks by every applicable method with rank stability by default, as a table", async () => {
    const r = await run(["prioritise", sofia, "--draws", "20"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("ranked by weightedSum");
    expect(lines[1]).toMatch(/^rank +solution +score +weightedSum +topsis +votes +ahp +same rank$/);
    expect(lines[3]).toMatch(
      /^ {3}1 +Integrated e-participation platform +0\.803 +1 +4 +1 +4 +\d+%$/,
    );
    expect(lines.at(-1)).toBe(
      "rank stability: 20 draws, dirichlet (concentration 50), seed 20210208",
    );
  });

  it("ranks by the methods asked for, the first giving the order, and skips stability with --draws 0", async () => {
    const r = await run([
      "prioritise",
      sofia,
      "--method",
      "topsis",
      "--method",
      "votes",
      "--draws",
      "0",
    ]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("ranked by topsis");
    expect(lines[1]).toMatch(/^rank +solution +score +topsis +votes$/);
    expect(lines[3]).toMatch(/^ {3}1 +"Sofia chooses"/);
    expect(r.stdout).not.toContain("rank stability");
    expect(r.stdout).not.toContain("same rank");
  });

  it("prints every result and the stability as JSON, perturbing the weights of the primary method", async () => {
    type Out = {
      methods: string[];
      results: { method: string }[];
      stability: { parameters: { draws: number; seed: number; normalisation?: string } } | null;
    };
    const topsis = JSON.parse(
      (
        await run([
          "prioritise",
          sofia,
          "--method",
          "topsis",
          "--draws",
          "10",
          "--seed",
          "3",
          "--json",
        ])
      ).stdout,
    ) as Out;
    expect(topsis.methods).toStrictEqual(["topsis"]);
    expect(topsis.stability?.parameters).toMatchObject({
      draws: 10,
      seed: 3,
      normalisation: "vector",
    });
    const ahp = JSON.parse(
      (
        await run([
          "prioritise",
          sofia,
          "--method",
          "ahp",
          "--method",
          "weightedSum",
          "--draws",
          "10",
          "--json",
        ])
      ).stdout,
    ) as Out;
    expect(ahp.results.map((x) => x.method)).toStrictEqual(["ahp", "weightedSum"]);
    expect(ahp.stability?.parameters.draws).toBe(10);
    const none = JSON.parse(
      (
        await run([
          "prioritise",
          sofia,
          "--method",
          "topsis",
          "--method",
          "weightedSum",
          "--draws",
          "0",
          "--json",
        ])
      ).stdout,
    ) as Out;
    expect(none.methods).toStrictEqual(["topsis", "weightedSum"]);
    expect(none.stability).toBeNull();
  });

  it("uses only weighted sum and TOPSIS without ranked ballots or criteria judgements", async () => {
    const doc = sofiaJson();
    delete doc["ballots"];
    delete doc["prioritisation"];
    const r = await run(["prioritise", writeDoc("no-ballots.json", doc), "--draws", "0", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { methods: string[] }).methods).toStrictEqual([
      "weightedSum",
      "topsis",
    ]);
    const approvals = sofiaJson();
    for (const b of approvals["ballots"] as { ranking?: string[]; approvals?: string[] }[]) {
      b.approvals = b.ranking?.slice(0, 2) ?? [];
      delete b.ranking;
    }
    const a = await run([
      "prioritise",
      writeDoc("approval-ballots.json", approvals),
      "--draws",
      "0",
      "--json",
    ]);
    expect(a.code, a.stderr).toBe(0);
    expect((JSON.parse(a.stdout) as { methods: string[] }).methods).toStrictEqual([
      "weightedSum",
      "topsis",
      "ahp",
    ]);
  });

  it("writes to --out, and prints progress when stderr is a terminal", async () => {
    const out = join(tmp, "prioritise.txt");
    const r = await run(["prioritise", sofia, "--draws", "5", "--out", out], { stderrIsTTY: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /^icc-assess: rank stability: 5 draws of perturbed weights…\nicc-assess: done in \d+\.\d s\n$/,
    );
    expect(readFileSync(out, "utf8")).toMatch(
      /^ranked by weightedSum\n[^]*\nrank stability: 5 draws/,
    );
  });

  it("exits 2 on an unknown or repeated method, a bad number, or not exactly one file", async () => {
    const help = `\n\n${commands["prioritise"]?.help}\n`;
    for (const [args, reason] of [
      [
        [sofia, "--method", "magic"],
        "--method must be one of weightedSum, topsis, votes, ahp, got magic",
      ],
      [[sofia, "--method", "topsis", "--method", "topsis"], "--method lists a method twice"],
      [[sofia, "--draws", "many"], "--draws must be a whole number from 0 to 100000, got many"],
      [
        [sofia, "--seed", "4294967296"],
        "--seed must be a whole number from 0 to 4294967295, got 4294967296",
      ],
      [[], "prioritise needs exactly one assessment file"],
      [[sofia, sofia2022], "prioritise needs exactly one assessment file"],
    ] as const) {
      expect(await run(["prioritise", ...args]), args.join(" ")).toStrictEqual({
        code: 2,
        stdout: "",
        stderr: `icc-assess prioritise: ${reason}${help}`,
      });
    }
  });
});

describe("icc-assess plan", () => {
  it("builds the action plan of the selected solutions as tables and a total line", async () => {
    const r = await run(["plan", sofia]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("action plan from 2021-02-08 (plan), amounts in EUR");
    expect(lines).toContain("quickWin       110000.00 EUR   90000.00 EUR  20000.00 EUR");
    expect(lines.at(-1)).toBe(
      "total cost 725000.00 EUR, funding 615000.00 EUR (secured 135000.00 EUR), gap 110000.00 EUR, budget 600000.00 EUR, remaining -125000.00 EUR",
    );
  });

  it("plans the --priorities given instead, ignoring blanks", async () => {
    const r = await run(["plan", sofia, "--priorities", "sol-platform, ,sol-info-points"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("sol-info-points");
    expect(r.stdout).not.toContain("sol-data-policy");
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe(
      "total cost 210000.00 EUR, funding 170000.00 EUR (secured 80000.00 EUR), gap 40000.00 EUR, budget 600000.00 EUR, remaining 390000.00 EUR",
    );
  });

  it("leaves out the budget without one, and blanks an unknown end or cost", async () => {
    const doc = sofiaJson();
    delete (doc["plan"] as Record<string, unknown>)["budget"];
    delete doc["actions"];
    const solutions = doc["solutions"] as Record<string, unknown>[];
    const s = solutions.find((x) => x["id"] === "sol-info-points") as Record<string, unknown>;
    delete s["cost"];
    delete s["end"];
    delete s["duration"];
    delete s["funding"];
    const r = await run([
      "plan",
      writeDoc("no-budget.json", doc),
      "--priorities",
      "sol-info-points",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const row = r.stdout.split("\n").find((l) => l.includes("sol-info-points")) ?? "";
    expect(row).toMatch(/ sol-info-points +\w+ +\d{4}-\d\d-\d\d$/);
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe(
      "total cost 0.00 EUR, funding 0.00 EUR (secured 0.00 EUR), gap 0.00 EUR",
    );
  });

  it("prints the whole plan as JSON, to stdout or to --out", async () => {
    const r = await run(["plan", sofia, "--json"]);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as { totals: { cost: { amount: string; currency: string } } };
    expect(plan.totals.cost).toStrictEqual({ amount: "725000", currency: "EUR" });
    const out = join(tmp, "plan.json");
    expect(await run(["plan", sofia, "--json", "--out", out])).toStrictEqual({
      code: 0,
      stdout: "",
      stderr: "",
    });
    expect(readFileSync(out, "utf8")).toBe(r.stdout);
  });

  it("exits 1 when no solution is selected, and 2 without exactly one file", async () => {
    const none = sofiaJson();
    delete (none["plan"] as Record<string, unknown>)["selected"];
    const file = writeDoc("no-selection.json", none);
    const missing = await run(["plan", file]);
    expect(missing).toStrictEqual({
      code: 1,
      stdout: "",
      stderr: `icc-assess plan: 1 issue\n  missing_field at plan.selected: ${file} selects no priority solutions: add plan.selected or pass --priorities\n`,
    });
    expect((await run(["plan", sofia, "--priorities", " , "])).code).toBe(1);
    for (const files of [[], [sofia, sofia2022]]) {
      expect((await run(["plan", ...files])).stderr).toBe(
        `icc-assess plan: plan needs exactly one assessment file\n\n${commands["plan"]?.help}\n`,
      );
    }
  });
});

describe("icc-assess compare", () => {
  it("compares two reports as Markdown, in English and in Bulgarian", async () => {
    const md = await run(["compare", report2021, report2022]);
    expect(md.code).toBe(0);
    expect(md.stderr).toBe("");
    expect(md.stdout.split("\n")[0]).toBe("# Comparison of maturity reports");
    expect(md.stdout).toContain("## Rank changes");
    expect(md.stdout).toContain(
      "| **Overall** | 37.2 \\(Emerging\\) | 69.6 \\(Advanced\\) | +32.4 |",
    );
    const bg = await run(["compare", report2021, report2022, "--lang", "bg"]);
    expect(bg.stdout.split("\n")[0]).toBe("# Сравнение на доклади за зрелостта");
  });

  it("compares as HTML and as JSON, to stdout or to --out", async () => {
    const html = await run(["compare", report2021, report2022, "--format", "html", "--lang", "bg"]);
    expect(html.code).toBe(0);
    expect(html.stdout.startsWith('<!DOCTYPE html>\n<html lang="bg">')).toBe(true);
    const json = await run(["compare", report2021, report2022, "--json"]);
    const labels = (JSON.parse(json.stdout) as { reports: { label: string }[] }).reports.map(
      (x) => x.label,
    );
    expect(labels).toStrictEqual(["Sofia 2021-02-08", "Sofia 2022-02-15"]);
    const out = join(tmp, "comparison.json");
    expect(
      await run(["compare", report2021, report2022, "--format", "json", "--json", "--out", out]),
    ).toStrictEqual({ code: 0, stdout: "", stderr: "" });
    expect(readFileSync(out, "utf8")).toBe(json.stdout);
  });

  it("compares reports the CLI has just written", async () => {
    const a = join(tmp, "c1.json");
    const b = join(tmp, "c2.json");
    await run(["report", sofia, "--generated-at", "2021-02-15", "--draws", "0", "--out", a]);
    await run(["report", sofia2022, "--generated-at", "2022-02-20", "--draws", "0", "--out", b]);
    const md = await run(["compare", a, b]);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain("## Rank changes");
  });

  it("refuses reports on different frameworks, and an invalid report naming its file", async () => {
    const other = JSON.parse(readFileSync(report2022, "utf8")) as Record<string, any>;
    other["sections"]["maturity"]["framework"]["version"] = "2.0.0";
    const mismatch = await run(["compare", report2021, writeDoc("c3.json", other)]);
    expect(mismatch.code).toBe(1);
    expect(mismatch.stderr).toContain(
      "framework_mismatch at reports[1].sections.maturity.framework:",
    );
    const broken = writeDoc("c4.json", { formatVersion: "1.0", kind: "icc-assessment-report" });
    const invalid = await run(["compare", report2021, broken]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/^icc-assess compare: \d+ issues?\n/);
    expect(invalid.stderr).toContain(`  ${broken}:1:1: missing_field at city: `);
    const notReport = writeDoc("c5.json", [1, 2]);
    const wrong = await run(["compare", report2021, notReport]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(`  ${notReport}: invalid_type at (root): `);
  });

  it("exits 2 with fewer than two reports or a bad option", async () => {
    const help = `\n\n${commands["compare"]?.help}\n`;
    for (const [args, reason] of [
      [[report2021], "compare needs at least two report files"],
      [
        [report2021, report2022, "--format", "pdf"],
        "--format must be one of md, html, json, got pdf",
      ],
      [
        [report2021, report2022, "--format", "html", "--json"],
        "--json asks for JSON, but --format is html",
      ],
      [[report2021, report2022, "--lang", "de"], "--lang must be one of en, bg, got de"],
    ] as const) {
      expect(await run(["compare", ...args]), args.join(" ")).toStrictEqual({
        code: 2,
        stdout: "",
        stderr: `icc-assess compare: ${reason}${help}`,
      });
    }
  });
});

describe("icc-assess init", () => {
  it("writes an honest starter: no country, every question unanswered, notes on filling it in", async () => {
    const out = join(tmp, "starter.json");
    const r = await run([
      "init",
      "--out",
      out,
      "--city-name",
      "Plovdiv",
      "--city-id",
      "plovdiv",
      "--json",
    ]);
    expect(r).toStrictEqual({
      code: 0,
      stdout: `${JSON.stringify({ out, valid: false })}\n`,
      stderr: "",
    });
    const doc = JSON.parse(readFileSync(out, "utf8")) as {
      $schema: string;
      notes: string[];
      city: { country: string };
      track: unknown;
      plan: { start: string };
      maturity: {
        observations: { unit: string; indicator: string; value: unknown; note: string }[];
      };
    };
    expect(doc.$schema).toBe(jsonSchemaId("assessment"));
    expect(doc.city).toStrictEqual({ id: "plovdiv", name: "Plovdiv", country: "" });
    expect(doc.track).toStrictEqual({ id: "citizenParticipationDigitalPublicAdministration" });
    expect(doc.plan.start).toBe(today());
    expect(doc.notes[0]).toContain(`"icc-assess init" on ${today()}`);
    expect(doc.notes.some((n) => n.includes('set "country"'))).toBe(true);
    // one unanswered observation per question of the framework, each saying what to answer
    const observations = doc.maturity.observations;
    expect(observations.map((o) => o.indicator)).toStrictEqual(
      iccCitizenParticipation.indicators.map((q) => q.id),
    );
    for (const o of observations) {
      expect(o.unit).toBe("plovdiv");
      expect(o.value).toBeNull();
      expect(o.note).toMatch(/ Answer: .+; leave null while unknown\.$/);
    }
    // validate refuses it until the country is set, and says so at the field
    const refused = await run(["validate", out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /\n {2}\S+starter\.json:\d+:\d+: invalid_value at city\.country: expected the city's ISO 3166-1 alpha-2 country code, such as BG, DE or FR, received ""/,
    );
    expect(refused.stderr.split("\n").filter((l) => l.startsWith("  "))).toHaveLength(1);
    // once the country is set, it validates, and scores "not assessed", not a level
    const set = join(tmp, "starter-set.json");
    writeFileSync(set, JSON.stringify({ ...doc, city: { ...doc.city, country: "BG" } }));
    expect(await run(["validate", set])).toStrictEqual({
      code: 0,
      stdout: `${set}: valid assessment\n`,
      stderr: "",
    });
    const scored = await run(["score", set]);
    expect(scored.code).toBe(0);
    expect(scored.stdout.split("\n")[2]).toBe(
      "plovdiv: not assessed — coverage 0% is below the minimum 50%",
    );
    const levelTitles = iccCitizenParticipation.levels.map((l) => l.title);
    for (const title of levelTitles) expect(scored.stdout).not.toContain(title);
    const report = await run(["report", set, "--draws", "0", "--generated-at", "2026-01-01"]);
    expect(report.code, report.stderr).toBe(0);
    const maturity = (
      JSON.parse(report.stdout) as {
        sections: {
          maturity: {
            overall: { score: unknown; level: unknown };
            dimensions: { score: unknown; level: unknown }[];
          };
        };
      }
    ).sections.maturity;
    expect(maturity.overall).toMatchObject({ score: null, level: null });
    for (const d of maturity.dimensions) expect(d).toMatchObject({ score: null, level: null });
    const md = await run(["report", set, "--format", "md", "--draws", "0"]);
    expect(md.code).toBe(0);
    const overallRow = md.stdout.split("\n").filter((l) => l.startsWith("| **Overall**"));
    expect(overallRow).toHaveLength(1);
    for (const title of levelTitles) expect(overallRow[0]).not.toContain(title);
    // the placeholders still show every stage working
    expect((await run(["prioritise", set, "--draws", "0"])).code).toBe(0);
    expect((await run(["plan", set])).stdout).toContain("total cost 110000.00 EUR");
  });

  it("validates as written when --country is given", async () => {
    const out = join(tmp, "starter-bg.json");
    expect(await run(["init", "--out", out, "--country", "BG", "--json"])).toStrictEqual({
      code: 0,
      stdout: `${JSON.stringify({ out, valid: true })}\n`,
      stderr: "",
    });
    expect((JSON.parse(readFileSync(out, "utf8")) as { city: unknown }).city).toStrictEqual({
      id: "my-city",
      name: "My City",
      country: "BG",
    });
    expect((await run(["validate", out])).code).toBe(0);
  });

  it("writes the filled Sofia example with --example, naming the schema by its URL", async () => {
    const out = join(tmp, "example.json");
    expect(await run(["init", "--example", "--out", out])).toStrictEqual({
      code: 0,
      stdout: `wrote ${out}: the Sofia example (illustrative data); run icc-assess report ${out} --format html --out report.html\n`,
      stderr: "",
    });
    const written = JSON.parse(readFileSync(out, "utf8")) as Record<string, unknown>;
    expect(written).toStrictEqual({ ...sofiaJson(), $schema: jsonSchemaId("assessment") });
    expect((await run(["score", out])).stdout.split("\n")[2]).toBe("sofia: 37.2 (Emerging)");
    const help = `\n\n${commands["init"]?.help}\n`;
    expect(
      await run(["init", "--example", "--out", "-", "--country", "BG", "--track", "x"]),
    ).toStrictEqual({
      code: 2,
      stdout: "",
      stderr: `icc-assess init: --example writes the Sofia example as it is, so --country, --track cannot be used with it${help}`,
    });
  });

  it("says where it wrote without --json, and will not overwrite a file without --force", async () => {
    const out = join(tmp, "starter-text.json");
    expect(
      await run(["init", "--out", out, "--track", "greenEconomyLocalGreenDeals"]),
    ).toStrictEqual({
      code: 0,
      stdout: `wrote ${out}: a starter assessment with every maturity question unanswered; set city.country (the ISO 3166-1 alpha-2 code, or pass --country), fill it in, then run icc-assess validate ${out}\n`,
      stderr: "",
    });
    expect((JSON.parse(readFileSync(out, "utf8")) as { track: unknown }).track).toStrictEqual({
      id: "greenEconomyLocalGreenDeals",
    });
    writeFileSync(out, "keep me");
    expect(await run(["init", "--out", out])).toStrictEqual({
      code: 2,
      stdout: "",
      stderr: `icc-assess init: ${out} exists: pass --force to overwrite it, or --out another file\n\n${commands["init"]?.help}\n`,
    });
    expect(readFileSync(out, "utf8")).toBe("keep me");
    expect((await run(["init", "--out", out, "--force", "--country", "DE"])).stdout).toBe(
      `wrote ${out}: a starter assessment with every maturity question unanswered; fill it in, then run icc-assess validate ${out}\n`,
    );
    expect((await run(["validate", out])).code).toBe(0);
  });

  it("prints the starter alone on stdout with --out -", async () => {
    const r = await run(["init", "--out", "-", "--city-id", "varna", "--city-name", "Varna"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const doc = JSON.parse(r.stdout) as { city: unknown; formatVersion: string };
    expect(doc.city).toStrictEqual({ id: "varna", name: "Varna", country: "" });
    expect(doc.formatVersion).toBe("1.0");
  });

  it("exits 2, naming the flag, when an option's value makes an invalid starter, and on a usage error", async () => {
    const bad = await run(["init", "--out", "-", "--country", "bulgaria"]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toMatch(
      /^icc-assess init: --country: expected the city's ISO 3166-1 alpha-2 country code, such as BG/,
    );
    const id = await run(["init", "--out", "-", "--city-id", "my city"]);
    expect(id.code).toBe(2);
    expect(id.stderr).toMatch(/^icc-assess init: --city-id: /);
    const help = `\n\n${commands["init"]?.help}\n`;
    expect((await run(["init", "starter.json"])).stderr).toBe(
      `icc-assess init: init takes no file argument (use --out), got starter.json${help}`,
    );
    const track = await run(["init", "--out", "-", "--track", "space"]);
    expect(track.code).toBe(2);
    expect(track.stderr).toMatch(
      /^icc-assess init: --track must be one of \w+(, \w+){4}, got space\n/,
    );
    const folder = join(tmp, "a-folder");
    mkdirSync(folder);
    const r = await run(["init", "--out", folder, "--force"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^icc-assess init: cannot write .*a-folder: EISDIR/);
    expect((await run(["init", "--out", unwritable])).code).toBe(2);
    expect(existsSync(unwritable)).toBe(false);
  });
});

describe("the io helpers", () => {
  it("today() formats the local calendar date of the Date it is given, zero-padded", () => {
    expect(today(new Date(2021, 1, 8, 23, 59))).toBe("2021-02-08");
    expect(today(new Date(2022, 11, 31, 0, 0))).toBe("2022-12-31");
    const early = new Date(2000, 0, 5);
    early.setFullYear(999);
    expect(today(early)).toBe("0999-01-05");
    expect(today()).toMatch(/^\d{4}-\d\d-\d\d$/);
  });

  it("formatTable aligns columns, right-aligns the numbers asked for, and fills short rows", () => {
    expect(
      formatTable(
        ["name", "n", "note"],
        [
          ["Sofia", "12", "ok"],
          ["Plovdiv", "3"],
        ],
        [1],
      ),
    ).toBe(["name      n  note", "-------  --  ----", "Sofia    12  ok", "Plovdiv   3"].join("\n"));
    expect(formatTable(["Град"], [["Пловдив"]])).toBe("Град\n-------\nПловдив");
  });

  it("wholeOption and choiceOption accept good values and name the option otherwise", () => {
    expect(wholeOption(undefined, "draws", [0, 10])).toBeUndefined();
    expect(wholeOption("0", "draws", [0, 10])).toBe(0);
    expect(wholeOption("10", "draws", [0, 10])).toBe(10);
    for (const bad of ["11", "", " 1", "1e1", "0x1", "-0"]) {
      expect(() => wholeOption(bad, "draws", [0, 10]), bad).toThrow(
        new UsageError(`--draws must be a whole number from 0 to 10, got ${bad}`),
      );
    }
    expect(() => wholeOption("2", "seed", [3, 5])).toThrow(UsageError);
    expect(choiceOption(undefined, "lang", ["en", "bg"], "en")).toBe("en");
    expect(choiceOption("bg", "lang", ["en", "bg"], "en")).toBe("bg");
    expect(() => choiceOption("EN", "lang", ["en", "bg"], "en")).toThrow(
      "--lang must be one of en, bg, got EN",
    );
    expect(new UsageError("x").name).toBe("UsageError");
    expect(MAX_FILE_BYTES).toBe(100 * 1024 * 1024);
  });
});
