/**
 * Files that never lie (issue 14): inputs without a size (devices, pipes) are refused before they
 * are opened, a byte-order mark is dropped and invalid UTF-8 is reported where it is, `--out` is
 * written whole or not at all and never over an input, and a full disk is a one-line message.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, openSync, readFileSync, closeSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/cli.js";
import { sofiaJson } from "../helpers/sofia.js";

const dir = mkdtempSync(join(tmpdir(), "icc-files-"));
const sofiaPath = join(dir, "sofia.json");
writeFileSync(sofiaPath, JSON.stringify(sofiaJson(), null, 2));
const cli = join(import.meta.dirname, "..", "..", "dist", "cli.js");
const STACK = /\n\s+at .+:\d+/;

describe("reading input files", () => {
  it("refuses a device without reading it (/dev/zero would never end)", async () => {
    const r = await runInProcess(["validate", "/dev/zero"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("not a regular file");
    expect(r.stderr).not.toMatch(STACK);
  });

  it("refuses a named pipe with no writer instead of waiting for one", async () => {
    const fifo = join(dir, "pipe.json");
    execFileSync("mkfifo", [fifo]);
    const r = await runInProcess(["validate", fifo]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("not a regular file");
  });

  it("accepts a UTF-8 byte-order mark, as Excel and Notepad write it", async () => {
    const bom = join(dir, "bom.json");
    writeFileSync(bom, `\uFEFF${readFileSync(sofiaPath, "utf8")}`);
    const r = await runInProcess(["validate", bom]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("refuses text that is not UTF-8, naming the byte and where it is", async () => {
    const latin1 = join(dir, "latin1.json");
    const text = Buffer.from('{"formatVersion": "1.0", "note": "Sofia caf', "utf8");
    writeFileSync(latin1, Buffer.concat([text, Buffer.from([0xe9]), Buffer.from('"}')]));
    const r = await runInProcess(["validate", latin1]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`invalid byte 0xe9 at byte offset ${text.length}`);
  });
});

describe("writing --out", () => {
  it("refuses --out naming an input file, leaving the input as it was (exit 2)", async () => {
    const before = readFileSync(sofiaPath, "utf8");
    const r = await runInProcess([
      "report",
      sofiaPath,
      "--generated-at",
      "2021-02-15",
      "--out",
      sofiaPath,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("is an input of this command");
    expect(readFileSync(sofiaPath, "utf8")).toBe(before);
  });

  it("leaves the previous file intact when the new one cannot be put in its place", async () => {
    // a folder where the output should go: the write fails at the rename, after the text was
    // written to a temporary file beside it, which is then removed
    const target = join(dir, "taken");
    execFileSync("mkdir", ["-p", join(target, "inside")]);
    const r = await runInProcess(["schema", "assessment", "--out", target]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(existsSync(join(target, "inside"))).toBe(true);
    expect(execFileSync("ls", ["-A", dir], { encoding: "utf8" })).not.toContain(".tmp");
  });

  it("writes whole files when two runs write the same --out at once", async () => {
    const out = join(dir, "race.out");
    const run = (format: string) =>
      new Promise<number>((done) => {
        const p = spawn(process.execPath, [
          cli,
          "report",
          sofiaPath,
          "--generated-at",
          "2021-02-15",
          "--format",
          format,
          "--out",
          out,
        ]);
        p.on("close", (code) => done(code ?? -1));
      });
    for (let round = 0; round < 3; round++) {
      const codes = await Promise.all([run("json"), run("md")]);
      expect(codes).toStrictEqual([0, 0]);
      const text = readFileSync(out, "utf8");
      // one of the two documents, whole: JSON that parses, or Markdown that starts as one
      const whole = text.startsWith("#") ? !text.includes('"formatVersion"') : !!JSON.parse(text);
      expect(whole).toBe(true);
    }
  });

  it("says so in one line, exit 2, when standard output is on a full disk", () => {
    const full = openSync("/dev/full", "w");
    try {
      const r = execFileSync(process.execPath, [cli, "schema", "assessment"], {
        stdio: ["ignore", full, "pipe"],
        encoding: "utf8",
      });
      expect.unreachable(`wrote to /dev/full: ${r}`);
    } catch (e) {
      const err = e as { status: number; stderr: string };
      expect(err.status).toBe(2);
      expect(err.stderr).toContain("no space left on the device");
      expect(err.stderr).not.toContain("internal error");
    } finally {
      closeSync(full);
    }
  });
});
