/**
 * The README is the package's front page: every link in it either is absolute or names a file the
 * package ships (`npm pack` decides what ships), so no link breaks for someone who installed the
 * package or reads it on a registry mirror.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";

const shipped = (): Set<string> => {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    encoding: "utf8",
  });
  const [pack] = JSON.parse(out) as { files: { path: string }[] }[];
  return new Set((pack?.files ?? []).map((f) => f.path));
};

/** The link targets of a Markdown text, as a CommonMark renderer sees them. */
function links(markdown: string): string[] {
  const out: string[] = [];
  const walk = (tokens: ReturnType<InstanceType<typeof MarkdownIt>["parse"]>): void => {
    for (const t of tokens) {
      const href = t.type === "link_open" ? t.attrGet("href") : null;
      if (href !== null) out.push(String(href));
      if (t.children) walk(t.children);
    }
  };
  walk(new MarkdownIt().parse(markdown, {}));
  return out;
}

describe("README links", () => {
  it("are absolute or name a file the package ships", () => {
    const files = shipped();
    const relative = links(readFileSync("README.md", "utf8")).filter(
      (h) => !/^[a-z]+:/i.test(h) && !h.startsWith("#"),
    );
    expect(relative.length).toBeGreaterThan(5);
    const missing = relative
      .map((h) => decodeURIComponent(h.split("#")[0] as string).replace(/^\.\//, ""))
      .filter(
        (p) => !files.has(p) && ![...files].some((f) => f.startsWith(p.replace(/\/?$/, "/"))),
      );
    expect(missing).toStrictEqual([]);
  });
});
