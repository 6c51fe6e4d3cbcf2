import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { injectionPayloads } from "../../test/browser/payloads.js";
import { cleanText, escapeHtml, escapeMarkdown } from "./escape.js";

/** Undoes the HTML escaping the way a browser decodes a text node (only the references we write). */
function decodeHtml(s: string): string {
  return s
    .replace(/&#58;/g, ":")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Undoes the Markdown escaping the way a CommonMark renderer shows the text. */
function decodeMarkdown(s: string): string {
  return decodeHtml(s.replace(/\\([!-/:-@[-`{-~])/g, "$1"));
}

describe("escapeHtml", () => {
  it("escapes the five HTML special characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });

  it("writes the colon of a script scheme as a character reference", () => {
    expect(escapeHtml("JavaScript :alert(1) and data:text")).toBe(
      "JavaScript &#58;alert(1) and data&#58;text",
    );
  });

  it("leaves no tag, quote or script scheme in any payload, and decodes back to the text", () => {
    for (const p of injectionPayloads) {
      const out = escapeHtml(p);
      expect(out).not.toMatch(/[<>"']/);
      expect(out).not.toMatch(/javascript\s*:|data\s*:/i);
      expect(decodeHtml(out)).toBe(cleanText(p));
    }
  });

  it("round-trips any text (fast-check)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        expect(decodeHtml(escapeHtml(s))).toBe(cleanText(s));
      }),
      { numRuns: 200 },
    );
  });
});

describe("escapeMarkdown", () => {
  it("escapes link, emphasis, code, heading, table and HTML syntax", () => {
    expect(escapeMarkdown("[a](b) *c* _d_ `e` # | <f> ! ~ & $ {}")).toBe(
      "\\[a\\]\\(b\\) \\*c\\* \\_d\\_ \\`e\\` \\# \\| &lt;f&gt; \\! \\~ &amp; \\$ \\{\\}",
    );
  });

  it("turns line breaks into spaces and escapes a leading block marker", () => {
    expect(escapeMarkdown("- a\nb\r\nc")).toBe("\\- a b c");
    expect(escapeMarkdown("12. x")).toBe("12\\. x");
    expect(escapeMarkdown("3) x")).toBe("3\\) x");
    expect(escapeMarkdown("+ y")).toBe("\\+ y");
  });

  it("leaves numbers, dashes and dots that start no list alone", () => {
    expect(escapeMarkdown("32.9")).toBe("32.9");
    expect(escapeMarkdown("-€125,000.00")).toBe("-€125,000.00");
    expect(escapeMarkdown("e-government 2.0")).toBe("e-government 2.0");
  });

  it("leaves every payload without an unescaped Markdown or HTML metacharacter", () => {
    for (const p of injectionPayloads) {
      const out = escapeMarkdown(p);
      expect(out).not.toMatch(/[<>\n]/);
      // every [ ] ( ) ` * _ ! | is preceded by a backslash
      expect(out.replace(/\\[!-/:-@[-`{-~]/g, "")).not.toMatch(/[[\]()`*_!|\\~]/);
      expect(out).not.toMatch(/javascript\s*:|data\s*:/i);
      expect(decodeMarkdown(out)).toBe(
        cleanText(p)
          .replace(/\r\n?|\n/g, " ")
          .trim(),
      );
    }
  });

  it("round-trips any single-line text (fast-check)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        const line = cleanText(s)
          .replace(/[\r\n\u2028\u2029]/g, " ")
          .trim();
        expect(decodeMarkdown(escapeMarkdown(s))).toBe(line);
      }),
      { numRuns: 200 },
    );
  });
});

describe("cleanText", () => {
  it("replaces control and bidi-override characters so they stay visible", () => {
    expect(cleanText("a\u0000b\u202Ec\u2066d\te\nf")).toBe("a\uFFFDb\uFFFDc\uFFFDd\te\nf");
  });
});

describe("escapeMarkdown and autolinks", () => {
  it("escapes @, the colon of :// and the dots of a domain, and leaves numbers as they are", () => {
    expect(escapeMarkdown("see https://www.example.org or a@b.co")).toBe(
      "see https\\://www\\.example\\.org or a\\@b\\.co",
    );
    expect(escapeMarkdown("icc-citizen-participation@1.0.0")).toBe(
      "icc-citizen-participation\\@1.0.0",
    );
    expect(escapeMarkdown("3.5 of 5, version 1.0. Next")).toBe("3.5 of 5, version 1.0. Next");
  });

  it("shows the same text once rendered (property)", () => {
    fc.assert(
      fc.property(
        fc
          .array(
            fc.constantFrom(
              "www.",
              "a@b.c",
              "http://",
              "x.org",
              "1.5",
              ".",
              "@",
              ":",
              "//",
              " ",
              "é",
            ),
            {
              maxLength: 10,
            },
          )
          .map((p) => p.join("")),
        (s) => {
          expect(decodeMarkdown(escapeMarkdown(s))).toBe(s.trim());
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("cleanText", () => {
  it("turns every bidi control, including LRM, RLM and ALM, and lone surrogates into U+FFFD", () => {
    const bidi = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C";
    expect(cleanText(`a${bidi}b`)).toBe(`a${"\uFFFD".repeat(12)}b`);
    expect(cleanText("x\uD800y\uDC00z 🏙")).toBe("x\uFFFDy\uFFFDz 🏙");
  });
});
