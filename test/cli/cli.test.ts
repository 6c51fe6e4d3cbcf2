import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sofiaJson } from "../helpers/sofia.js";

const cli = join(import.meta.dirname, "..", "..", "dist", "cli.js");
const tmp = mkdtempSync(join(tmpdir(), "icc-cli-"));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function writeDoc(name: string, doc: unknown): string {
  const p = join(tmp, name);
  writeFileSync(p, typeof doc === "string" ? doc : JSON.stringify(doc));
  return p;
}

describe("icc-assess validate", () => {
  it("accepts the Sofia example with exit 0", () => {
    const r = run("validate", "examples/sofia/assessment.json");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("valid assessment");
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
    it(`rejects a ${name} with exit 1 and the path`, () => {
      const file = writeDoc(`${code}.json`, change(sofiaJson()));
      const r = run("validate", file);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${code} at ${path}:`);
      expect(r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/); // no stack trace
    });
  }

  it("rejects text that is not JSON with exit 1", () => {
    const r = run("validate", writeDoc("broken.json", "{ nope"));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("invalid_json");
  });

  it("prints machine-readable output with --json", () => {
    const r = run("validate", writeDoc("bad.json", { formatVersion: "1.0" }), "--json");
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { valid: boolean; issues: { path: unknown[] }[] };
    expect(out.valid).toBe(false);
    expect(out.issues[0]?.path).toStrictEqual(["city"]);
  });

  it("exits 2 on a usage error and shows the command's help", () => {
    const r = run("validate");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Usage: icc-assess validate");
    expect(run("validate", "a.json", "--bogus").code).toBe(2);
    expect(run("frobnicate").code).toBe(2);
  });

  it("has --help for itself and for each command", () => {
    expect(run("--help").stdout).toContain("Commands:");
    expect(run("validate", "--help").stdout).toContain("Usage: icc-assess validate");
    expect(run("schema", "--help").code).toBe(0);
  });
});

describe("icc-assess schema", () => {
  it("prints the assessment JSON Schema", () => {
    const r = run("schema", "assessment");
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { $id: string }).$id).toBe(
      "https://icc-assessment.org/schema/assessment.v1.json",
    );
  });

  it("accepts --json, its output being JSON already", () => {
    const r = run("schema", "report", "--json");
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { $id: string }).$id).toBe(
      "https://icc-assessment.org/schema/report.v1.json",
    );
  });

  it("exits 2 for an unknown kind", () => {
    expect(run("schema", "cities").code).toBe(2);
  });
});

const sofia = "examples/sofia/assessment.json";
const sofia2022 = "examples/sofia/assessment-2022.json";
const noStack = /\n\s+at .*\.js:\d+/;

describe("icc-assess report", () => {
  it("writes byte-identical JSON twice, which validates as a report, and nothing on a non-terminal stderr", () => {
    const a = join(tmp, "r1.json");
    const b = join(tmp, "r2.json");
    const first = run("report", sofia, "--generated-at", "2021-02-15", "--draws", "50", "--out", a);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe("");
    expect(
      run("report", sofia, "--generated-at", "2021-02-15", "--draws", "50", "--json", "--out", b)
        .code,
    ).toBe(0);
    expect(readFileSync(b, "utf8")).toBe(readFileSync(a, "utf8"));
    expect(run("validate", "--kind", "report", a).code).toBe(0);
  });

  it("writes Markdown and HTML in Bulgarian", () => {
    const md = run(
      "report",
      sofia,
      "--format",
      "md",
      "--lang",
      "bg",
      "--generated-at",
      "2021-02-15",
      "--draws",
      "0",
    );
    expect(md.code).toBe(0);
    expect(md.stdout.split("\n")[0]).toBe("# Доклад за зрелостта: Sofia");
    const html = run(
      "report",
      sofia,
      "--format",
      "html",
      "--generated-at",
      "2021-02-15",
      "--draws",
      "0",
    );
    expect(html.stdout.startsWith("<!DOCTYPE html>")).toBe(true);
  });

  it("exits 2 on a bad option value and 1 on an invalid assessment, without a stack trace", () => {
    for (const args of [
      ["--format", "pdf"],
      ["--lang", "fr"],
      ["--generated-at", "yesterday"],
      ["--draws", "-5"],
      ["--format", "md", "--json"],
    ]) {
      const r = run("report", sofia, ...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toContain("Usage: icc-assess report");
    }
    const bad = sofiaJson();
    (bad["needs"] as any[])[0].raisedBy = ["ghost"];
    const r = run("report", writeDoc("bad-report.json", bad));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("unknown_reference at needs[0].raisedBy[0]");
    expect(r.stderr).not.toMatch(noStack);
  });
});

describe("icc-assess score, prioritise and plan", () => {
  it("scores maturity per dimension, as text and as JSON", () => {
    const text = run("score", sofia);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^sofia: [\d.]+ \(\w+\)$/m);
    const json = JSON.parse(run("score", sofia, "--json").stdout) as { units: { unit: string }[] };
    expect(json.units.map((u) => u.unit)).toStrictEqual(["sofia"]);
    const none = sofiaJson();
    delete none["maturity"];
    const r = run("score", writeDoc("no-maturity.json", none));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("missing_field at maturity:");
  });

  it("ranks the solutions by each method, and refuses an unknown method", () => {
    const r = run(
      "prioritise",
      sofia,
      "--method",
      "topsis",
      "--method",
      "weightedSum",
      "--draws",
      "0",
      "--json",
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { methods: string[]; stability: unknown };
    expect(out.methods).toStrictEqual(["topsis", "weightedSum"]);
    expect(out.stability).toBeNull();
    expect(run("prioritise", sofia, "--method", "magic").code).toBe(2);
  });

  it("builds the action plan of the selected solutions, and says when there are none", () => {
    const r = run("plan", sofia);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("total cost 725000.00 EUR");
    const none = sofiaJson();
    delete (none["plan"] as Record<string, unknown>)["selected"];
    const missing = run("plan", writeDoc("no-selection.json", none));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("missing_field at plan.selected:");
  });
});

describe("icc-assess compare", () => {
  it("compares two reports, and refuses reports on different frameworks", () => {
    const a = join(tmp, "c1.json");
    const b = join(tmp, "c2.json");
    run("report", sofia, "--generated-at", "2021-02-15", "--draws", "0", "--out", a);
    run("report", sofia2022, "--generated-at", "2022-02-20", "--draws", "0", "--out", b);
    const md = run("compare", a, b);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain("## Rank changes");
    const other = JSON.parse(readFileSync(b, "utf8")) as Record<string, any>;
    other["sections"]["maturity"]["framework"]["version"] = "2.0.0";
    const mismatch = run("compare", a, writeDoc("c3.json", other));
    expect(mismatch.code).toBe(1);
    expect(mismatch.stderr).toContain(
      "framework_mismatch at reports[1].sections.maturity.framework:",
    );
    expect(run("compare", a).code).toBe(2);
  });
});

describe("icc-assess init", () => {
  it("writes a starter assessment that validates, and will not overwrite a file", () => {
    const out = join(tmp, "starter.json");
    const r = run("init", "--out", out, "--city-name", "Plovdiv", "--city-id", "plovdiv", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toStrictEqual({ out, valid: true });
    expect(run("validate", out).code).toBe(0);
    expect(Array.isArray((JSON.parse(readFileSync(out, "utf8")) as { notes: unknown }).notes)).toBe(
      true,
    );
    expect(run("init", "--out", out).code).toBe(2);
    const bad = run("init", "--out", "-", "--country", "bulgaria");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("invalid_value at city.country:");
  });
});

describe("icc-assess --help", () => {
  it("has help for every command", () => {
    for (const command of ["score", "prioritise", "plan", "report", "compare", "init"]) {
      const r = run(command, "--help");
      expect(r.code, command).toBe(0);
      expect(r.stdout).toContain(`Usage: icc-assess ${command}`);
    }
  });
});
