/**
 * No import cycles in src/ (DESIGN.md: "Stage modules never import each other in a circle"), and
 * none inside a folder either: the graph is built from every relative `import` and `export … from`
 * of the source files (tests aside), type-only imports included, since a type-only cycle is still
 * two modules that each need the other to be read. Each strongly connected component of more than
 * one file (or a file importing itself) is a cycle, and the failure lists them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../src");

/** Every `from "./x.js"` / `import "./x.js"` specifier that starts with a dot. */
const RELATIVE = /(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+)["']/g;

/** The source files of a folder, recursively, tests aside. */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.ts$/.test(entry.name) && !/\.test(-d)?\.ts$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** The relative specifiers a file imports, comments removed first (an `@example` shows imports). */
function specifiers(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  return [...code.matchAll(RELATIVE)].map((m) => m[1] as string);
}

/** The import graph: each file and the files it imports (`.js` specifiers name `.ts` files). */
function importGraph(files: readonly string[]): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const deps = new Set<string>();
    for (const spec of specifiers(readFileSync(file, "utf8"))) {
      const target = resolve(dirname(file), spec.replace(/\.js$/, ".ts"));
      const resolved = known.has(target) ? target : join(target.replace(/\.ts$/, ""), "index.ts");
      if (known.has(resolved)) deps.add(resolved);
    }
    graph.set(file, [...deps].sort());
  }
  return graph;
}

/** The cycles of a graph: its strongly connected components (Tarjan 1972) that contain a cycle. */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return out;
}

describe("import cycles", () => {
  it("finds a cycle, a self-import and a cycle through three files, and none in a tree", () => {
    const g = (edges: Record<string, string[]>) => new Map(Object.entries(edges));
    expect(cyclesOf(g({ a: ["b"], b: ["a"], c: ["a"] }))).toStrictEqual([["a", "b"]]);
    expect(cyclesOf(g({ a: ["a"] }))).toStrictEqual([["a"]]);
    expect(cyclesOf(g({ a: ["b"], b: ["c"], c: ["a"], d: [] }))).toStrictEqual([["a", "b", "c"]]);
    expect(cyclesOf(g({ a: ["b", "c"], b: ["c"], c: [] }))).toStrictEqual([]);
  });

  it("reads imports, type-only imports and re-exports, not imports shown in comments", () => {
    const text = [
      'import { a } from "./a.js";',
      'import type { B } from "../b/b.js";',
      'export { c } from "./c.js";',
      'import "./d.js";',
      '/** @example import { e } from "./e.js"; */',
      '// import { f } from "./f.js";',
      'import { z } from "zod/mini";',
    ].join("\n");
    expect(specifiers(text)).toStrictEqual(["./a.js", "../b/b.js", "./c.js", "./d.js"]);
    const files = sourceFiles(SRC);
    const graph = importGraph(files);
    const edges = (f: string) => (graph.get(join(SRC, f)) ?? []).map((d) => relative(SRC, d));
    // `export { … } from` and `import type`: the index re-exports, a stage reads a schema type
    expect(edges("maturity/index.ts")).toContain("maturity/scoreMaturity.ts");
    expect(edges("actions/_shared.ts")).toContain("actions/buildActionPlan.ts");
    expect(files.length).toBeGreaterThan(50);
  });

  it("src/ has no import cycle, type-only imports included", () => {
    const cycles = cyclesOf(importGraph(sourceFiles(SRC))).map((c) =>
      c.map((f) => relative(SRC, f)).join(" ⇄ "),
    );
    expect(cycles).toStrictEqual([]);
  });
});
