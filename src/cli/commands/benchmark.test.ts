import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runInProcess } from "../../../test/helpers/cli.js";
import { sofiaReports } from "../../../test/helpers/reports.js";
import { serialiseReport } from "../../report/serialiseReport.js";

const dir = mkdtempSync(join(tmpdir(), "icc-benchmark-"));
const peersDir = join(dir, "peers");
mkdirSync(peersDir);
mkdirSync(join(peersDir, "nested"));
mkdirSync(join(dir, "empty"));
const [sofia] = sofiaReports();
const cityPath = join(dir, "sofia.report.json");
writeFileSync(cityPath, serialiseReport(sofia));

/** A peer: the Sofia report under another city, its scores shifted by `delta`. */
function peer(id: string, country: string, delta: number): string {
  const json = JSON.parse(serialiseReport(sofia)) as Record<string, any>;
  json["city"] = { id, name: id.toUpperCase(), country, population: 300_000 };
  const m = json["sections"]["maturity"];
  m.overall.score += delta;
  for (const d of m.dimensions) if (d.score !== null) d.score += delta;
  return `${JSON.stringify(json)}\n`;
}
writeFileSync(join(peersDir, "a.json"), peer("plovdiv", "BG", -5));
writeFileSync(join(peersDir, "b.json"), peer("varna", "BG", 5));
writeFileSync(join(peersDir, "c.json"), peer("porto", "PT", 10));
writeFileSync(join(peersDir, "notes.txt"), "not a report");
writeFileSync(join(peersDir, "nested", "d.json"), peer("ghost", "BG", 50));
const bad = join(dir, "bad.json");
writeFileSync(bad, '{ "formatVersion": "1.0", "kind": "icc-assessment-report" }');

describe("icc-assess benchmark", () => {
  it("benchmarks against every *.json of a folder, in Markdown by default", async () => {
    const r = await runInProcess(["benchmark", cityPath, peersDir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("# Benchmark: Sofia among its peers");
    expect(r.stdout).toContain("Peers used: 3; Reports left out: 0");
  });

  it("writes JSON with the files read, by peer group", async () => {
    const r = await runInProcess([
      "benchmark",
      cityPath,
      peersDir,
      "--peer-group",
      "country",
      "--period-months",
      "6",
      "--min-coverage",
      "90",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, any>;
    expect(out["files"]).toStrictEqual({
      city: cityPath,
      peers: ["a.json", "b.json", "c.json"].map((f) => join(peersDir, f)),
    });
    expect(out["peers"].map((p: { id: string }) => p.id)).toStrictEqual(["plovdiv", "varna"]);
    expect(
      out["excluded"].map((x: { city: string; reason: string }) => [x.city, x.reason]),
    ).toStrictEqual([["porto", "outsidePeerGroup"]]);
    expect(out["period"].months).toBe(6);
    expect(out["minCoverage"]).toBe(0.9);
    expect(out["overall"].rank).toBe(2);
  });

  it("writes Bulgarian HTML to a file", async () => {
    const file = join(dir, "out.html");
    const r = await runInProcess([
      "benchmark",
      cityPath,
      join(peersDir, "a.json"),
      "--format",
      "html",
      "--lang",
      "bg",
      "--out",
      file,
    ]);
    expect(r.code).toBe(0);
    const html = readFileSync(file, "utf8");
    expect(html).toContain('<html lang="bg">');
    expect(html).toContain("Сравнение: Sofia");
  });

  it("refuses a peer file that is not a valid report (exit 1) rather than skipping it", async () => {
    const r = await runInProcess(["benchmark", cityPath, peersDir, bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(bad);
    expect(r.stdout).toBe("");
  });

  it("is a usage error without peers, with an empty folder or with a bad option (exit 2)", async () => {
    for (const args of [
      [cityPath],
      [cityPath, join(dir, "empty")],
      [cityPath, peersDir, "--format", "pdf"],
      [cityPath, peersDir, "--peer-group", "size"],
      [cityPath, peersDir, "--min-coverage", "150"],
      [cityPath, peersDir, "--json", "--format", "md"],
    ]) {
      const r = await runInProcess(["benchmark", ...args]);
      expect(r.code, args.join(" ")).toBe(2);
    }
  });

  it("refuses a peer file that does not exist (exit 1)", async () => {
    const r = await runInProcess(["benchmark", cityPath, join(dir, "missing.json")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("cannot read file");
  });

  it("refuses a city report without maturity (exit 1)", async () => {
    const json = JSON.parse(serialiseReport(sofia)) as Record<string, any>;
    delete json["sections"]["maturity"];
    const file = join(dir, "no-maturity.json");
    writeFileSync(file, JSON.stringify(json));
    const r = await runInProcess(["benchmark", file, peersDir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("no maturity section");
  });
});
