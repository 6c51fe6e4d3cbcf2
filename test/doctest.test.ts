/**
 * Runs every `@example` in the TSDoc of src/ as a test. In an example, a line
 *   expression; // => expected
 * asserts that `expression` deep-equals `expected` (a JavaScript literal). Imports of
 * `icc-assessment` and `icc-assessment/<stage>` resolve to the source files.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "..");
const srcDir = join(root, "src");
const outDir = join(root, "test", ".doctest");

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === "cli" ? [] : walk(p);
    return p.endsWith(".ts") && !p.endsWith(".test.ts") && !p.endsWith(".test-d.ts") ? [p] : [];
  });
}

interface Example {
  file: string;
  line: number;
  code: string;
}

function examples(file: string): Example[] {
  const text = readFileSync(file, "utf8");
  const out: Example[] = [];
  const re = /@example\s*\n((?:\s*\*.*\n)*?)\s*\*\s*```ts\s*\n((?:\s*\*.*\n)*?)\s*\*\s*```/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const body = (m[2] ?? "")
      .split("\n")
      .map((l) => l.replace(/^\s*\* ?/, ""))
      .join("\n");
    out.push({ file, line: text.slice(0, m.index).split("\n").length, code: body });
  }
  return out;
}

function transform(code: string, fileDir: string): string {
  const importPath = (spec: string): string => {
    const sub =
      spec === "icc-assessment" ? "index.ts" : `${spec.slice("icc-assessment/".length)}/index.ts`;
    return relative(fileDir, join(srcDir, sub)).replace(/\\/g, "/");
  };
  const lines = code.split("\n").map((l) => {
    const imp = /^(\s*import .* from )"(icc-assessment(?:\/[a-z]+)?)";\s*$/.exec(l);
    if (imp) return `${imp[1]}"./${importPath(imp[2] as string).replace(/^\.\//, "")}";`;
    const a = /^(\s*)(.*?);?\s*\/\/ => (.*)$/.exec(l);
    if (a && (a[2] as string).trim() !== "") return `${a[1]}__expect((${a[2]}), (${a[3]}));`;
    return l;
  });
  const imports = lines.filter((l) => /^\s*import /.test(l));
  const rest = lines.filter((l) => !/^\s*import /.test(l));
  return `${imports.join("\n")}\nexport default async function run(__expect: (a: unknown, b: unknown) => void): Promise<void> {\n${rest.join("\n")}\n}\n`;
}

const all = walk(srcDir).flatMap(examples);
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

describe("TSDoc @example blocks", () => {
  it("there are examples to run", () => {
    expect(all.length).toBeGreaterThan(0);
  });
  all.forEach((ex, i) => {
    const name = `${relative(root, ex.file)}:${ex.line}`;
    it(`runs ${name}`, async () => {
      const file = join(outDir, `ex${i}.ts`);
      writeFileSync(file, transform(ex.code, outDir));
      const mod = (await import(file)) as {
        default: (e: (a: unknown, b: unknown) => void) => Promise<void>;
      };
      let checks = 0;
      await mod.default((a, b) => {
        checks++;
        expect(a, `${name}: ${ex.code}`).toStrictEqual(b);
      });
      expect(checks, `${name} has no "// =>" assertion`).toBeGreaterThan(0);
    });
  });
});
