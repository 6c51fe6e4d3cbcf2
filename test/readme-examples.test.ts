/**
 * The README's usage examples, run as written (imports resolved to the source), and type-checked
 * as a user's code would be: under `tsc --strict`, importing the built package by its name (its
 * `exports` and `.d.ts` files, as npm installs them). When this fails, the README is out of date.
 */
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as lib from "../src/index.js";

const root = join(import.meta.dirname, "..");
const readme = readFileSync(join(root, "README.md"), "utf8");
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);

/**
 * Type-checks files under `tsc --strict` in a throwaway project that has the package installed
 * (a link to this folder, so its `exports` map and built `.d.ts` files are what resolve).
 */
function typeErrors(files: Record<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), "icc-readme-"));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(root, join(dir, "node_modules", "icc-assessment"), "dir");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const program = ts.createProgram(
    Object.keys(files).map((f) => join(dir, f)),
    {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: ["node"],
      typeRoots: [join(root, "node_modules", "@types")],
    },
  );
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where =
      d.file && d.start !== undefined
        ? `${d.file.fileName.slice(dir.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: `
        : "";
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}

describe("README examples", () => {
  it("has usage examples", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6);
  });
  blocks.forEach((code, i) => {
    it(`example ${i + 1} runs`, () => {
      const lines = code.replace(/^import [\s\S]*?from "[^"]+";$/gm, "").split("\n");
      const logs: unknown[] = [];
      const names = Object.keys(lib).filter((k) => code.includes(k));
      const fn = new Function(
        "lib",
        "readFileSync",
        "console",
        `const { ${names.join(", ")} } = lib;\n${lines.join("\n")}`,
      ) as (l: unknown, r: unknown, c: unknown) => void;
      fn(lib, readFileSync, {
        log: (...a: unknown[]) => logs.push(a),
        error: (...a: unknown[]) => logs.push(a),
        warn: (...a: unknown[]) => logs.push(a),
      });
      expect(logs.length).toBeGreaterThan(0);
    });
  });

  it("type-check under tsc --strict against the built package, as a user's code", () => {
    const files = Object.fromEntries(blocks.map((code, i) => [`example-${i + 1}.ts`, code]));
    expect(typeErrors(files)).toStrictEqual([]);
  }, 120_000);

  it("the check catches a type error, and the result types import from the subpath that makes them", () => {
    expect(
      typeErrors({
        "types.ts": [
          'import type { Report, ReportSections } from "icc-assessment/report";',
          'import type { MaturityFramework } from "icc-assessment/frameworks";',
          'import type { MaturityResult } from "icc-assessment/maturity";',
          'import type { Assessment } from "icc-assessment/schema";',
          "export type T = [Report, ReportSections, MaturityFramework, MaturityResult, Assessment];",
          'const n: number = "not a number";',
          "export { n };",
        ].join("\n"),
      }),
    ).toStrictEqual(["types.ts:6: Type 'string' is not assignable to type 'number'."]);
  }, 120_000);
});
