import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runInProcess } from "../../../test/helpers/cli.js";
import { sofiaReports } from "../../../test/helpers/reports.js";
import { serialiseReport } from "../../report/serialiseReport.js";

const dir = mkdtempSync(join(tmpdir(), "icc-report-peers-"));
const peersDir = join(dir, "peers");
mkdirSync(peersDir);
mkdirSync(join(dir, "empty"));
const [sofia] = sofiaReports();
const assessment = "examples/sofia/assessment.json";

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
const porto = join(dir, "porto.json");
writeFileSync(porto, peer("porto", "PT", 10));
const bad = join(dir, "bad.json");
writeFileSync(bad, '{ "formatVersion": "1.0", "kind": "icc-assessment-report" }');
const base = ["report", assessment, "--generated-at", "2021-02-15", "--draws", "0"];

describe("icc-assess report --peers", () => {
  it("adds How we compare from a folder and files, recording each peer report used", async () => {
    const r = await runInProcess([...base, "--peers", peersDir, "--peers", porto]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Record<string, any>;
    const b = report["sections"]["benchmark"];
    expect(b.peers.map((p: any) => p.city)).toStrictEqual(["plovdiv", "porto", "varna"]);
    expect(b.peers[0].inputDigest).toBe(sofia.provenance.inputDigest);
    expect(b.overall.rank).toBe(3);
    expect(b.note).toBeNull();
    expect(report["sections"]["recommendations"].items).toHaveLength(10);
  });

  it("takes the peer group and a note, and writes the sections in Markdown in Bulgarian", async () => {
    const out = join(dir, "report.bg.md");
    const r = await runInProcess([
      ...base,
      ...["--peers", peersDir, "--peers", porto, "--peer-group", "country"],
      ...["--peers-note", "Синтетични градове", "--format", "md", "--lang", "bg", "--out", out],
    ]);
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(out, "utf8");
    expect(md).toContain("## Как се сравняваме");
    expect(md).toContain("**Синтетични градове**");
    expect(md).toContain("извън групата за сравнение");
    expect(md).toContain("## Какво би повишило зрелостта ни");
  });

  it("keeps at most --recommendations answers, and leaves the section out with 0", async () => {
    const three = await runInProcess([...base, "--recommendations", "3"]);
    expect(JSON.parse(three.stdout).sections.recommendations.items).toHaveLength(3);
    const none = await runInProcess([...base, "--recommendations", "0"]);
    expect(JSON.parse(none.stdout).sections.recommendations).toBeUndefined();
    expect(JSON.parse(none.stdout).sections.benchmark).toBeUndefined();
  });

  it("refuses a peer file that is not a valid report, naming it (exit 1)", async () => {
    const r = await runInProcess([...base, "--peers", peersDir, "--peers", bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(bad);
    expect(r.stdout).toBe("");
    const assessmentAsPeer = await runInProcess([...base, "--peers", assessment]);
    expect(assessmentAsPeer.code).toBe(1);
    expect(assessmentAsPeer.stderr).toContain("is an assessment, not a report");
  });

  it("is a usage error with an empty folder, a bad peer group or options without --peers (exit 2)", async () => {
    for (const args of [
      ["--peers", join(dir, "empty")],
      ["--peers", peersDir, "--peer-group", "size"],
      ["--peer-group", "country"],
      ["--peers-note", "x"],
      ["--recommendations", "-1"],
    ]) {
      const r = await runInProcess([...base, ...args]);
      expect(r.code, args.join(" ")).toBe(2);
    }
  });
});
