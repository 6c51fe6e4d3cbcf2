/**
 * Just enough of a PDF reader to check what Chromium prints: the pages in order, their size, and
 * each run of text with its position (points from the bottom-left corner of the page) and its
 * font size in points. It reads the PDFs Chromium (Skia) writes: plain objects (no object streams
 * or cross-reference streams), Flate-compressed content streams, and Type 0 fonts with a
 * `ToUnicode` CMap (PDF 1.7, ISO 32000-1, §9.10.3). Text in form XObjects is not read.
 */
import { inflateSync } from "node:zlib";

/** A run of text shown by one text operator. */
export interface PdfTextRun {
  /** The page, from 1. */
  readonly page: number;
  readonly text: string;
  /** Where the run starts, in points from the left edge. */
  readonly x: number;
  /** Its baseline, in points from the bottom edge. */
  readonly y: number;
  /** The font size on the page, in points. */
  readonly size: number;
}

/** The pages of a PDF and the text on them. */
export interface PdfText {
  /** Each page's width and height in points. */
  readonly pages: readonly { readonly width: number; readonly height: number }[];
  readonly runs: readonly PdfTextRun[];
}

/** One line of a page: the runs that share a baseline, left to right. */
export interface PdfLine {
  readonly page: number;
  readonly text: string;
  readonly x: number;
  readonly y: number;
  /** The largest font size on the line. */
  readonly size: number;
}

type Matrix = readonly [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `a × b` for PDF matrices (row vectors: a point is transformed by a, then by b). */
function multiply(a: Matrix, b: Matrix): Matrix {
  return [
    a[0] * b[0] + a[1] * b[2],
    a[0] * b[1] + a[1] * b[3],
    a[2] * b[0] + a[3] * b[2],
    a[2] * b[1] + a[3] * b[3],
    a[4] * b[0] + a[5] * b[2] + b[4],
    a[4] * b[1] + a[5] * b[3] + b[5],
  ];
}

interface PdfObject {
  readonly dict: string;
  readonly stream: Buffer | null;
}

/** Every `n 0 obj … endobj` of the file, by number, with its stream decompressed. */
function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString("latin1");
  const objects = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\b([\s\S]*?)\bendobj\b/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const body = m[2] as string;
    const at = body.search(/\bstream\r?\n/);
    if (at < 0) {
      objects.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, at);
    const start = at + (/^stream\r?\n/.exec(body.slice(at)) as RegExpExecArray)[0].length;
    const length = /\/Length (\d+)(?!\s+\d+\s+R)/.exec(dict);
    const raw =
      length === null
        ? body.slice(start, body.lastIndexOf("endstream")).replace(/\r?\n$/, "")
        : body.slice(start, start + Number(length[1]));
    const bytes = Buffer.from(raw, "latin1");
    objects.set(Number(m[1]), {
      dict,
      stream: /\/Filter\s*\/FlateDecode/.test(dict) ? inflateSync(bytes) : bytes,
    });
  }
  return objects;
}

function ref(dict: string, key: string): number | undefined {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(dict);
  return m === null ? undefined : Number(m[1]);
}

/** The text of a `ToUnicode` CMap, as a map from character code (hex) to text. */
function readCMap(cmap: string): Map<number, string> {
  const out = new Map<number, string>();
  const utf16 = (hex: string) =>
    String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] as string).matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      out.set(parseInt(m[1] as string, 16), utf16(m[2] as string));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const re = /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]+)>|\[([^\]]*)\])/g;
    for (const m of (block[1] as string).matchAll(re)) {
      const lo = parseInt(m[1] as string, 16);
      const hi = parseInt(m[2] as string, 16);
      if (m[3] !== undefined) {
        const base = parseInt(m[3], 16);
        for (let c = lo; c <= hi; c++) out.set(c, String.fromCharCode(base + c - lo));
      } else {
        const list = [...(m[4] as string).matchAll(/<([0-9A-Fa-f]+)>/g)];
        list.forEach((x, i) => out.set(lo + i, utf16(x[1] as string)));
      }
    }
  }
  return out;
}

type Token =
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "hex"; readonly value: string }
  | { readonly kind: "literal"; readonly value: string }
  | { readonly kind: "name"; readonly value: string }
  | { readonly kind: "op"; readonly value: string }
  | { readonly kind: "open" | "close" | "dict" };

/** The tokens of a content stream (dictionaries of marked content are skipped whole). */
function* tokens(content: string): Generator<Token> {
  let i = 0;
  const n = content.length;
  while (i < n) {
    const ch = content[i] as string;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "%") {
      while (i < n && content[i] !== "\n" && content[i] !== "\r") i++;
    } else if (content.startsWith("<<", i)) {
      let depth = 0;
      do {
        if (content.startsWith("<<", i)) {
          depth++;
          i += 2;
        } else if (content.startsWith(">>", i)) {
          depth--;
          i += 2;
        } else if (content[i] === "(") {
          i = skipLiteral(content, i).end;
        } else i++;
      } while (depth > 0 && i < n);
      yield { kind: "dict" };
    } else if (ch === "<") {
      const end = content.indexOf(">", i);
      yield { kind: "hex", value: content.slice(i + 1, end).replace(/\s/g, "") };
      i = end + 1;
    } else if (ch === "(") {
      const { value, end } = skipLiteral(content, i);
      yield { kind: "literal", value };
      i = end;
    } else if (ch === "[") {
      yield { kind: "open" };
      i++;
    } else if (ch === "]") {
      yield { kind: "close" };
      i++;
    } else if (ch === "/") {
      const m = /^\/[^\s/<>[\]()%{}]*/.exec(content.slice(i, i + 128)) as RegExpExecArray;
      yield { kind: "name", value: m[0].slice(1) };
      i += m[0].length;
    } else {
      const m = /^[^\s/<>[\]()%{}]+/.exec(content.slice(i, i + 64)) as RegExpExecArray;
      const word = m[0];
      yield /^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)
        ? { kind: "number", value: Number(word) }
        : { kind: "op", value: word };
      i += word.length;
    }
  }
}

/** A literal string `( … )` from `start`: its bytes (escapes resolved) and the index after it. */
function skipLiteral(content: string, start: number): { value: string; end: number } {
  let depth = 0;
  let value = "";
  let i = start;
  for (; i < content.length; i++) {
    const ch = content[i] as string;
    if (ch === "\\") {
      value += content[i + 1] ?? "";
      i++;
    } else if (ch === "(") {
      if (depth > 0) value += ch;
      depth++;
    } else if (ch === ")") {
      depth--;
      if (depth === 0) return { value, end: i + 1 };
      value += ch;
    } else value += ch;
  }
  return { value, end: i };
}

/** The pages of a PDF in order, with the text runs of each. */
export function readPdfText(pdf: Buffer): PdfText {
  const objects = readObjects(pdf);
  const root = [...objects.values()].find(
    (o) => /\/Type\s*\/Pages\b/.test(o.dict) && !/\/Parent\b/.test(o.dict),
  );
  if (root === undefined) throw new Error("the PDF has no page tree");
  const pageIds: number[] = [];
  const visit = (o: PdfObject) => {
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(o.dict);
    for (const k of (kids?.[1] ?? "").matchAll(/(\d+)\s+0\s+R/g)) {
      const id = Number(k[1]);
      const kid = objects.get(id) as PdfObject;
      if (/\/Type\s*\/Pages\b/.test(kid.dict)) visit(kid);
      else pageIds.push(id);
    }
  };
  visit(root);
  const cmaps = new Map<number, Map<number, string>>();
  const pages: { width: number; height: number }[] = [];
  const runs: PdfTextRun[] = [];
  pageIds.forEach((id, index) => {
    const page = objects.get(id) as PdfObject;
    const box = /\/MediaBox\s*\[\s*([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s*\]/.exec(
      page.dict,
    ) as RegExpExecArray;
    pages.push({ width: Number(box[3]) - Number(box[1]), height: Number(box[4]) - Number(box[2]) });
    const resourcesRef = ref(page.dict, "Resources");
    const resources =
      resourcesRef === undefined ? page.dict : (objects.get(resourcesRef) as PdfObject).dict;
    const fontsRef = ref(resources, "Font");
    const fontDict =
      fontsRef === undefined
        ? (/\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? "")
        : (objects.get(fontsRef) as PdfObject).dict;
    const fonts = new Map<string, Map<number, string>>();
    for (const f of fontDict.matchAll(/\/([^\s/]+)\s+(\d+)\s+0\s+R/g)) {
      const font = objects.get(Number(f[2])) as PdfObject;
      const cmapId = ref(font.dict, "ToUnicode");
      if (cmapId === undefined) continue;
      if (!cmaps.has(cmapId)) {
        cmaps.set(
          cmapId,
          readCMap(((objects.get(cmapId) as PdfObject).stream as Buffer).toString("latin1")),
        );
      }
      fonts.set(f[1] as string, cmaps.get(cmapId) as Map<number, string>);
    }
    const contents = /\/Contents\s*\[([^\]]*)\]/.exec(page.dict)?.[1] ?? page.dict;
    const streams = [...contents.matchAll(/\/Contents\s+(\d+)\s+0\s+R|(\d+)\s+0\s+R/g)]
      .map((m) => Number(m[1] ?? m[2]))
      .filter((n) => objects.get(n)?.stream !== null && objects.has(n));
    const content = streams
      .map((n) => ((objects.get(n) as PdfObject).stream as Buffer).toString("latin1"))
      .join("\n");
    let ctm: Matrix = IDENTITY;
    const saved: Matrix[] = [];
    let tm: Matrix = IDENTITY;
    let tlm: Matrix = IDENTITY;
    let font = new Map<number, string>();
    let fontSize = 0;
    let leading = 0;
    const operands: Token[] = [];
    const show = (strings: readonly Token[]) => {
      let text = "";
      for (const s of strings) {
        if (s.kind === "hex") {
          for (const code of s.value.match(/.{1,4}/g) ?? [])
            text += font.get(parseInt(code, 16)) ?? "";
        } else if (s.kind === "literal") {
          for (const c of s.value) text += font.get(c.charCodeAt(0)) ?? c;
        }
      }
      const m = multiply(tm, ctm);
      runs.push({
        page: index + 1,
        text,
        x: m[4],
        y: m[5],
        size: fontSize * Math.hypot(m[2], m[3]),
      });
    };
    const num = (k: number) => {
      const t = operands[operands.length - k];
      return t?.kind === "number" ? t.value : 0;
    };
    for (const t of tokens(content)) {
      if (t.kind !== "op") {
        operands.push(t);
        continue;
      }
      switch (t.value) {
        case "q":
          saved.push(ctm);
          break;
        case "Q":
          ctm = saved.pop() ?? IDENTITY;
          break;
        case "cm":
          ctm = multiply([num(6), num(5), num(4), num(3), num(2), num(1)], ctm);
          break;
        case "BT":
          tm = IDENTITY;
          tlm = IDENTITY;
          break;
        case "Tf": {
          const name = operands[operands.length - 2];
          font = (name?.kind === "name" ? fonts.get(name.value) : undefined) ?? new Map();
          fontSize = num(1);
          break;
        }
        case "TL":
          leading = num(1);
          break;
        case "Tm":
          tm = tlm = [num(6), num(5), num(4), num(3), num(2), num(1)];
          break;
        case "Td":
        case "TD":
          if (t.value === "TD") leading = -num(1);
          tm = tlm = multiply([1, 0, 0, 1, num(2), num(1)], tlm);
          break;
        case "T*":
          tm = tlm = multiply([1, 0, 0, 1, 0, -leading], tlm);
          break;
        case "Tj":
        case "'":
          show(operands.slice(-1));
          break;
        case "TJ": {
          const open = operands.map((o) => o.kind).lastIndexOf("open");
          show(operands.slice(open + 1));
          break;
        }
      }
      operands.length = 0;
    }
  });
  return { pages, runs };
}

/** The lines of each page: runs on one baseline (to 0.5 pt), joined left to right. */
export function pdfLines(text: PdfText): PdfLine[] {
  const groups = new Map<string, PdfTextRun[]>();
  for (const r of text.runs) {
    const key = `${r.page}:${Math.round(r.y * 2)}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()]
    .map((runs) => {
      const sorted = [...runs].sort((a, b) => a.x - b.x);
      const first = sorted[0] as PdfTextRun;
      return {
        page: first.page,
        text: sorted.map((r) => r.text).join(""),
        x: first.x,
        y: first.y,
        size: Math.max(...sorted.map((r) => r.size)),
      };
    })
    .sort((a, b) => a.page - b.page || b.y - a.y || a.x - b.x);
}
