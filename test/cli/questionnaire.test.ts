/** `icc-assess questionnaire` end to end, in process (test/helpers/cli.ts). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { questionnaireHelp } from "../../src/cli/commands/questionnaire.js";
import { iccCitizenParticipation } from "../../src/frameworks/iccCitizenParticipation.js";
import { renderQuestionnaire } from "../../src/io/questionnaire/renderQuestionnaire.js";
import { defineFramework } from "../../src/schema/defineFramework.js";
import { runInProcess as run } from "../helpers/cli.js";

const tmp = mkdtempSync(join(tmpdir(), "icc-questionnaire-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const custom = {
  id: "mini",
  version: "1.0",
  title: "Mini",
  provenance: "designed",
  sources: [],
  dimensions: [{ id: "d", title: "D" }],
  indicators: [{ id: "q1", dimension: "d", title: "Has a portal", type: "binary" }],
  levels: [{ id: "all", title: "All", min: 0, max: 100 }],
};

describe("icc-assess questionnaire", () => {
  it("prints a built-in framework's questionnaire as Markdown by default, by id or id@version", async () => {
    const expected = renderQuestionnaire(iccCitizenParticipation, { lang: "en", format: "md" });
    for (const name of ["icc-citizen-participation", "icc-citizen-participation@1.0.0"]) {
      expect(await run(["questionnaire", "--framework", name])).toStrictEqual({
        code: 0,
        stdout: expected,
        stderr: "",
      });
    }
  });

  it("writes each format and language to --out", async () => {
    for (const [format, lang] of [
      ["html", "bg"],
      ["csv", "en"],
      ["md", "bg"],
    ] as const) {
      const out = join(tmp, `q.${lang}.${format}`);
      const r = await run([
        "questionnaire",
        "--framework",
        "icc-citizen-participation",
        "--format",
        format,
        "--lang",
        lang,
        "--out",
        out,
      ]);
      expect(r).toStrictEqual({ code: 0, stdout: "", stderr: "" });
      expect(readFileSync(out, "utf8")).toBe(
        renderQuestionnaire(iccCitizenParticipation, { lang, format }),
      );
    }
    expect(readFileSync(join(tmp, "q.en.csv")).subarray(0, 3)).toStrictEqual(
      Buffer.from([0xef, 0xbb, 0xbf]),
    );
  });

  it("reads a framework file, and refuses one that is not valid with exit 1 and positions", async () => {
    const file = join(tmp, "mini.json");
    writeFileSync(file, JSON.stringify(custom, null, 2));
    const r = await run(["questionnaire", "--framework", file, "--format", "csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(renderQuestionnaire(defineFramework(custom), { format: "csv" }));
    const bad = join(tmp, "bad.json");
    writeFileSync(bad, JSON.stringify({ ...custom, levels: [] }, null, 2));
    const b = await run(["questionnaire", "--framework", bad]);
    expect(b.code).toBe(1);
    expect(b.stderr).toMatch(
      /^icc-assess questionnaire: 1 issue\n {2}\S+bad\.json:\d+:\d+: \w+ at levels: /,
    );
  });

  it("refuses an unknown framework with exit 2, listing the known ones", async () => {
    for (const name of ["nope", "icc-citizen-participation@9.9.9"]) {
      const r = await run(["questionnaire", "--framework", name]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(
        `icc-assess questionnaire: unknown framework ${JSON.stringify(name)}: known frameworks are icc-citizen-participation@1.0.0, un-losi-2022@1.0.0, or give a framework file (.json)\n\n${questionnaireHelp}\n`,
      );
    }
  });

  it("refuses usage mistakes with exit 2 and the help", async () => {
    const cases: [string[], string][] = [
      [
        ["questionnaire"],
        "questionnaire needs --framework: one of icc-citizen-participation@1.0.0, un-losi-2022@1.0.0, or a file (.json)",
      ],
      [
        ["questionnaire", "x.json", "--framework", "un-losi-2022"],
        "questionnaire takes no file argument, got x.json: name the framework with --framework",
      ],
      [
        ["questionnaire", "--framework", "un-losi-2022", "--format", "pdf"],
        "--format must be one of md, html, csv, got pdf",
      ],
      [
        ["questionnaire", "--framework", "un-losi-2022", "--lang", "de"],
        "--lang must be one of en, bg, got de",
      ],
    ];
    for (const [args, message] of cases) {
      expect(await run(args), args.join(" ")).toStrictEqual({
        code: 2,
        stdout: "",
        stderr: `icc-assess questionnaire: ${message}\n\n${questionnaireHelp}\n`,
      });
    }
    const unknown = await run(["questionnaire", "--framework", "un-losi-2022", "--bogus"]);
    expect(unknown.code).toBe(2);
    expect(await run(["questionnaire", "--help"])).toStrictEqual({
      code: 0,
      stdout: `${questionnaireHelp}\n`,
      stderr: "",
    });
  });
});
