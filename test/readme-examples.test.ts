/**
 * The README's usage examples, run as written (imports resolved to the source). When this fails,
 * the README is out of date.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as lib from "../src/index.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);

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
      });
      expect(logs.length).toBeGreaterThan(0);
    });
  });
});
