/**
 * Escaping of user-supplied text for the HTML and Markdown renderers of the reports, the
 * questionnaire and the benchmark (designed by this project).
 * Every string that comes from an assessment (names, statements, SWOT text, titles, notes, ids)
 * goes through one of these before it reaches a report; the renderers never build a link or a URL
 * from user text.
 */

// C0 controls other than tab/newline/carriage return, DEL, C1 controls, and every Unicode bidi
// control — embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069), the marks LRM,
// RLM (U+200E, U+200F) and ALM (U+061C) — which can make text display differently from what it
// is ("Trojan Source", CVE-2021-42574), and a lone surrogate (no character at all).
const UNSAFE_CHARS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|\p{Cs}/gu;

// URL schemes that run code or embed documents. Their colon is written as a character reference
// so that neither the raw output nor a renderer ever sees the scheme.
const SCRIPT_SCHEME = /\b(javascript|vbscript|livescript|data)(\s*):/gi;

/**
 * Replaces control characters, bidi controls and lone surrogates by U+FFFD (the replacement
 * character), so hidden characters stay visible as what they are and cannot reorder the text
 * around them. The parsers refuse lone surrogates; a report built in memory is cleaned here too.
 */
export function cleanText(text: string): string {
  return text.replace(UNSAFE_CHARS, "\uFFFD");
}

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escapes text for an HTML text node or a quoted attribute value: `& < > " '` become character
 * references, control characters become U+FFFD and the colon of a script scheme (`javascript:`,
 * `data:` …) becomes `&#58;`.
 */
export function escapeHtml(text: string): string {
  return cleanText(text)
    .replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] as string)
    .replace(SCRIPT_SCHEME, "$1$2&#58;");
}

/**
 * A dot inside a word-like run — between a letter, digit, `_` or `-` and a letter or digit, except
 * between two digits (`3.5`, `1.0` stay as they are): the dots of a domain (`www.example.org`,
 * `sofia.bg`, the domain of an e-mail address), which GFM's and linkify's autolinks look for.
 */
const DOMAIN_DOT = /(?<=[\p{L}\p{N}_-])\.(?=[\p{L}\p{N}])(?<!\p{N}\.(?=\p{N}))/gu;

/**
 * Escapes a piece of inline Markdown (CommonMark/GFM) without trimming it: line breaks become
 * spaces (a user string cannot start a block), `&`, `<` and `>` become character references (no
 * raw HTML, no `<http://…>` autolink), the ASCII punctuation that starts emphasis, links, images,
 * code, headings, tables, strikethrough or math (`\ * _ [ ] ( ) # | ` ! ~ $ { }`) is
 * backslash-escaped, and the colon of a script scheme becomes `&#58;`.
 *
 * No renderer makes a link of user text (designed by this project): GFM's extended autolinks and
 * markdown-it's `linkify` look for `scheme://`, `www.`, domains and `a@b.c` inside one run of
 * text, and a backslash escape ends that run while showing the same character. So every `@` is
 * written `\@` (no e-mail, and no `mailto:` link from `framework@1.0`), the colon of `://` is
 * written `\:`, and the dots of a domain `\.` ({@link DOMAIN_DOT}). The rendered text reads the
 * same; only the Markdown source shows the backslashes.
 */
export function escapeMarkdownInline(text: string): string {
  return cleanText(text)
    .replace(/\r\n?|\n|\u2028|\u2029/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\*_[\]()#|`!~${}@]/g, "\\$&")
    .replace(SCRIPT_SCHEME, "$1$2&#58;")
    .replace(/:(?=\/\/)/g, "\\:")
    .replace(DOMAIN_DOT, "\\.");
}

/** Escapes what would make the start of a line a list item: `- `, `+ `, `1. `, `1) `. */
export function escapeLineStart(text: string): string {
  return text.replace(/^([-+])(?=\s|$)/, "\\$1").replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2");
}

/**
 * Escapes text for inline Markdown (see {@link escapeMarkdownInline}), trimmed, with a leading
 * list marker escaped too: safe in a paragraph, a list item or a table cell.
 */
export function escapeMarkdown(text: string): string {
  return escapeLineStart(escapeMarkdownInline(text).trim());
}
