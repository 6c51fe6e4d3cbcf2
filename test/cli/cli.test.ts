import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
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

beforeAll(() => {
  if (!existsSync(cli)) execFileSync("npm", ["run", "build"], { stdio: "ignore" });
});

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

  it("exits 2 for an unknown kind", () => {
    expect(run("schema", "cities").code).toBe(2);
  });
});
