import {
  cleanText,
  escapeHtml,
  escapeLineStart,
  escapeMarkdown,
  escapeMarkdownInline,
} from "../_lib/escape.js";

/**
 * A small document model shared by the Markdown and HTML renderers, so both print the same
 * content and every string is escaped in one place: builders produce blocks of plain,
 * unescaped text; the two writers escape every piece of text they output.
 */

/** A piece of inline text: plain, or bold. */
export type Span = string | { readonly strong: string };
/** Inline content: one or more spans. */
export type Inline = Span | readonly Span[];

/** A block of a document. */
export type Block =
  | {
      readonly kind: "heading";
      readonly level: 2 | 3 | 4;
      readonly text: string;
      readonly id?: string;
    }
  | { readonly kind: "paragraph"; readonly content: Inline; readonly note?: boolean }
  | { readonly kind: "list"; readonly items: readonly Inline[] }
  | {
      readonly kind: "table";
      readonly head: readonly string[];
      readonly rows: readonly (readonly Inline[])[];
      /** Columns aligned right (numbers). */
      readonly numeric?: readonly number[];
    }
  | { readonly kind: "chart"; readonly svg: () => string }
  | { readonly kind: "code"; readonly text: string; readonly summary: string };

/** A whole document: a title, optional lead lines and its sections. */
export interface DocumentModel {
  readonly lang: string;
  readonly title: string;
  readonly subtitle: readonly Inline[];
  readonly sections: readonly {
    readonly id: string;
    readonly title: string;
    readonly blocks: readonly Block[];
  }[];
  readonly footer: readonly Inline[];
}

function spans(content: Inline): readonly Span[] {
  return Array.isArray(content) ? (content as readonly Span[]) : [content as Span];
}

function inlineMarkdown(content: Inline): string {
  const text = spans(content)
    .map((s) => {
      if (typeof s === "string") return escapeMarkdownInline(s);
      // CommonMark closes ** only after a non-space: keep spaces outside the markers
      const m = /^(\s*)(.*?)(\s*)$/s.exec(s.strong) as RegExpExecArray;
      return m[2] === "" ? s.strong : `${m[1]}**${escapeMarkdownInline(m[2] as string)}**${m[3]}`;
    })
    .join("")
    .trim();
  return escapeLineStart(text);
}

function inlineHtml(content: Inline): string {
  return spans(content)
    .map((s) =>
      typeof s === "string" ? escapeHtml(s) : `<strong>${escapeHtml(s.strong)}</strong>`,
    )
    .join("");
}

/** Writes a document as CommonMark/GFM: headings, paragraphs, lists, pipe tables, code blocks. */
export function writeMarkdown(doc: DocumentModel): string {
  const out: string[] = [`# ${escapeMarkdown(doc.title)}`, ""];
  for (const line of doc.subtitle) out.push(`${inlineMarkdown(line)}  `);
  if (doc.subtitle.length > 0) out.push("");
  for (const section of doc.sections) {
    out.push(`## ${escapeMarkdown(section.title)}`, "");
    for (const block of section.blocks) {
      switch (block.kind) {
        case "heading":
          out.push(`${"#".repeat(block.level)} ${escapeMarkdown(block.text)}`, "");
          break;
        case "paragraph":
          out.push(
            block.note ? `_${inlineMarkdown(block.content)}_` : inlineMarkdown(block.content),
            "",
          );
          break;
        case "list":
          for (const item of block.items) out.push(`- ${inlineMarkdown(item)}`);
          out.push("");
          break;
        case "table": {
          const numeric = new Set(block.numeric ?? []);
          out.push(`| ${block.head.map((h) => escapeMarkdown(h)).join(" | ")} |`);
          out.push(
            `| ${block.head.map((_, i) => (numeric.has(i) ? "---:" : "---")).join(" | ")} |`,
          );
          for (const row of block.rows) {
            out.push(`| ${row.map((c) => inlineMarkdown(c) || " ").join(" | ")} |`);
          }
          out.push("");
          break;
        }
        case "code":
          // the text is JSON: no raw line break inside a string, so no line can close the fence
          out.push(
            `${escapeMarkdown(block.summary)}:`,
            "",
            "```json",
            cleanText(block.text),
            "```",
            "",
          );
          break;
        case "chart":
          break;
      }
    }
  }
  for (const line of doc.footer) out.push(`_${inlineMarkdown(line)}_`, "");
  return `${out.join("\n").replace(/\n+$/, "")}\n`;
}

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1d2733; background: #f4f6f9; }
main { max-width: 1000px; margin: 0 auto; padding: 24px 28px 48px; background: #fff; }
header { border-bottom: 3px solid #1f5fa8; margin-bottom: 16px; }
h1 { font-size: 28px; margin: 8px 0 4px; color: #153e6e; }
h2 { font-size: 21px; margin: 32px 0 10px; padding-top: 8px; border-top: 1px solid #d0d5dc; color: #153e6e; }
h3 { font-size: 17px; margin: 22px 0 8px; }
h4 { font-size: 15px; margin: 16px 0 6px; }
.subtitle { margin: 2px 0; color: #3b4754; }
nav ol { columns: 2; margin: 8px 0 16px; padding-left: 20px; }
div.scroll { overflow-x: auto; margin: 8px 0 16px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { border: 1px solid #d0d5dc; padding: 5px 8px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: #eef2f7; font-weight: 600; }
td { min-width: 3em; }
td.num, th.num { text-align: right; }
td.num { white-space: nowrap; }
tbody tr:nth-child(even) { background: #fafbfc; }
.note { color: #5f6b7a; font-style: italic; }
figure { margin: 12px 0 20px; overflow-x: auto; }
svg.chart { display: block; max-width: none; height: auto; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
svg.chart text[font-size="10"] { font-size: 11px; }
details { margin: 8px 0 16px; }
pre { background: #f4f6f9; padding: 10px; overflow-x: auto; font-size: 12px; }
footer { margin-top: 32px; color: #5f6b7a; font-size: 13px; }
@media (max-width: 480px) { body { font-size: 14px; } main { padding: 12px 12px 32px; } h1 { font-size: 23px; } h2 { font-size: 19px; } nav ol { columns: 1; } table { font-size: 13px; } }
@page { size: A4; margin: 18mm 16mm; @bottom-center { content: counter(page) " / " counter(pages); font: 9pt system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #5f6b7a; } }
@media print {
body { background: #fff; font-size: 10pt; }
main { max-width: none; padding: 0; }
h1 { font-size: 20pt; } h2 { font-size: 15pt; margin-top: 18pt; } h3 { font-size: 12pt; } h4 { font-size: 10.5pt; }
h2, h3, h4 { break-after: avoid; break-inside: avoid; }
h2 + *, h3 + *, h4 + * { break-before: avoid; }
div.scroll, figure, pre { overflow: visible; }
pre { white-space: pre-wrap; }
table { font-size: 9pt; }
thead { display: table-header-group; }
tr, figure, svg.chart, li { break-inside: avoid; }
svg.chart { max-width: 100%; }
}
`;

/**
 * Writes a document as one self-contained HTML file: inline CSS and SVG, no script, no external
 * resource, and a Content-Security-Policy that forbids both.
 */
export function writeHtml(doc: DocumentModel): string {
  const out: string[] = [
    "<!DOCTYPE html>",
    `<html lang="${escapeHtml(doc.lang)}">`,
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${CSS.trim()}</style>`,
    "</head>",
    "<body>",
    "<main>",
    "<header>",
    `<h1>${escapeHtml(doc.title)}</h1>`,
    ...doc.subtitle.map((line) => `<p class="subtitle">${inlineHtml(line)}</p>`),
    "</header>",
    "<nav><ol>",
    ...doc.sections.map(
      (s) => `<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a></li>`,
    ),
    "</ol></nav>",
  ];
  for (const section of doc.sections) {
    out.push(`<section id="${escapeHtml(section.id)}">`, `<h2>${escapeHtml(section.title)}</h2>`);
    for (const block of section.blocks) {
      switch (block.kind) {
        case "heading": {
          const id = block.id === undefined ? "" : ` id="${escapeHtml(block.id)}"`;
          out.push(`<h${block.level}${id}>${escapeHtml(block.text)}</h${block.level}>`);
          break;
        }
        case "paragraph":
          out.push(`<p${block.note ? ' class="note"' : ""}>${inlineHtml(block.content)}</p>`);
          break;
        case "list":
          out.push(`<ul>${block.items.map((i) => `<li>${inlineHtml(i)}</li>`).join("")}</ul>`);
          break;
        case "table": {
          const numeric = new Set(block.numeric ?? []);
          const cls = (i: number) => (numeric.has(i) ? ' class="num"' : "");
          out.push(
            `<div class="scroll"><table><thead><tr>${block.head.map((h, i) => `<th${cls(i)}>${escapeHtml(h)}</th>`).join("")}</tr></thead><tbody>`,
            ...block.rows.map(
              (row) =>
                `<tr>${row.map((c, i) => `<td${cls(i)}>${inlineHtml(c)}</td>`).join("")}</tr>`,
            ),
            "</tbody></table></div>",
          );
          break;
        }
        case "code":
          out.push(
            `<details><summary>${escapeHtml(block.summary)}</summary><pre>${escapeHtml(block.text)}</pre></details>`,
          );
          break;
        case "chart":
          out.push(`<figure>${block.svg()}</figure>`);
          break;
      }
    }
    out.push("</section>");
  }
  out.push(
    "<footer>",
    ...doc.footer.map((line) => `<p>${inlineHtml(line)}</p>`),
    "</footer>",
    "</main>",
    "</body>",
    "</html>",
  );
  return `${out.join("\n")}\n`;
}
