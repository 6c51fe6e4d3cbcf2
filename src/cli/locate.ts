import { visit } from "jsonc-parser";
import type { PathSegment } from "../errors/AssessmentError.js";
import { MAX_DEPTH } from "../schema/issues.js";

/**
 * Where something is in a JSON text, 1-based, the column counted in UTF-16 code units (as
 * editors and `tsc` count them).
 */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Strict JSON, as `JSON.parse` reads it: no comments, no trailing commas, no empty text. */
const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

/** Thrown from a visitor callback to stop the scan early. */
const STOP = Symbol("stop");

/**
 * jsonc-parser's scanner recurses once per level of nesting: a scan stops before it goes deeper
 * than the documents' depth limit (no issue path is longer), so no text can exhaust the stack.
 */
const DEEPEST = MAX_DEPTH + 1;

/**
 * The position of the first syntax error in a text that `JSON.parse` refused, from jsonc-parser's
 * scanner, else from the offset in the engine's message (`… at position 16`); `undefined` when
 * neither says where. Only called on a text already refused, so a failure costs nothing more on
 * valid files.
 */
export function syntaxErrorAt(text: string, engineMessage: string): Position | undefined {
  let found: Position | undefined;
  let depth = 0;
  const down = () => {
    // deeper than any document may be: stop before the scanner recurses, use the engine's offset
    if (++depth > DEEPEST) throw STOP;
  };
  const up = () => {
    depth--;
  };
  try {
    visit(
      text,
      {
        onObjectBegin: down,
        onArrayBegin: down,
        onObjectEnd: up,
        onArrayEnd: up,
        onError: (_code, _offset, _length, line, character) => {
          found = { line: line + 1, column: character + 1 };
          throw STOP;
        },
      },
      STRICT,
    );
  } catch (e) {
    if (e !== STOP) found = undefined;
  }
  if (found !== undefined) return found;
  const m = / at position (\d+)/.exec(engineMessage);
  return m === null ? undefined : positionOfOffset(text, Number(m[1]));
}

/**
 * The length of the longest prefix of a JSON text that nests at most {@link DEEPEST} levels: the
 * offset of the first `[` or `{` (outside strings) that opens a level deeper, else the length of
 * the text. One pass, no recursion.
 */
function shallowPrefix(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > DEEPEST) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return text.length;
}

/** The line and column of a UTF-16 offset (line breaks: `\r\n`, `\r` and `\n`). */
function positionOfOffset(text: string, offset: number): Position {
  let line = 1;
  let start = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: end - start + 1 };
}

/** The wanted paths as a tree: one node per path prefix. */
interface Node {
  readonly children: Map<PathSegment, Node>;
  /** Where the value at this prefix starts (for an object member: where its key starts). */
  at: Position | undefined;
}

const node = (): Node => ({ children: new Map(), at: undefined });

/** Clears the positions recorded under a node. */
function forget(n: Node): void {
  for (const child of n.children.values()) {
    if (child.at !== undefined) {
      child.at = undefined;
      forget(child);
    }
  }
}

/** One object or array being scanned. */
interface Frame {
  /** The node of this container, or undefined when no wanted path goes through it. */
  readonly node: Node | undefined;
  /** Arrays: the index of the next item. */
  next: number;
  /** Objects: the key of the member whose value comes next, and where the key starts. */
  key: string;
  keyAt: Position | undefined;
  readonly array: boolean;
}

/**
 * The position of each path in a JSON text `JSON.parse` accepted: where its value starts, or for
 * an object member where its key starts; a path that is not in the text (a missing member) gets
 * the position of its nearest ancestor that is. A member given twice counts where `JSON.parse`
 * takes it from, the last time. One scan of the text with jsonc-parser's visitor, skipping every
 * object and array no path goes into. The scan stops where the text nests deeper than the
 * documents' depth limit (such a text is refused with `too_deep` at that point, and no issue path
 * goes deeper): paths are then located in the text read up to there.
 */
export function locatePaths(
  text: string,
  paths: readonly (readonly PathSegment[])[],
): (Position | undefined)[] {
  const root = node();
  for (const path of paths) {
    let n = root;
    for (const segment of path) {
      let child = n.children.get(segment);
      if (child === undefined) {
        child = node();
        n.children.set(segment, child);
      }
      n = child;
    }
  }
  const stack: Frame[] = [];
  /** Finds the node of the value starting here and records where it is. */
  const enter = (line: number, character: number): Node | undefined => {
    const parent = stack[stack.length - 1];
    let n: Node | undefined;
    let at: Position | undefined;
    if (parent === undefined) {
      n = root;
      at = { line: line + 1, column: character + 1 };
    } else if (parent.array) {
      const i = parent.next++;
      n = parent.node?.children.get(i);
      if (n !== undefined) at = { line: line + 1, column: character + 1 };
    } else {
      n = parent.node?.children.get(parent.key);
      at = parent.keyAt;
    }
    if (n !== undefined) {
      // a member given again: JSON.parse keeps this one, so forget what the first one held
      if (n.at !== undefined) forget(n);
      n.at = at;
    }
    return n;
  };
  const open = (array: boolean) => (_o: number, _l: number, line: number, character: number) => {
    const n = enter(line, character);
    stack.push({ node: n, next: 0, key: "", keyAt: undefined, array });
    // the contents of a container no path goes into are scanned without callbacks (its end is
    // still reported, and pops its frame)
    return n !== undefined && n.children.size > 0;
  };
  const close = () => {
    stack.pop();
  };
  try {
    visit(
      // the scanner still recurses into what the callbacks skip: it reads no deeper than the limit
      text.slice(0, shallowPrefix(text)),
      {
        onObjectBegin: open(false),
        onArrayBegin: open(true),
        onObjectEnd: close,
        onArrayEnd: close,
        onObjectProperty: (key, _o, _l, line, character) => {
          const frame = stack[stack.length - 1] as Frame;
          frame.key = key;
          frame.keyAt = frame.node?.children.has(key)
            ? { line: line + 1, column: character + 1 }
            : undefined;
        },
        onLiteralValue: (_v, _o, _l, line, character) => {
          enter(line, character);
        },
      },
      STRICT,
    );
  } catch {
    return paths.map(() => undefined);
  }
  return paths.map((path) => {
    let n = root;
    let at = root.at;
    for (const segment of path) {
      const child = n.children.get(segment);
      if (child === undefined || child.at === undefined) break;
      n = child;
      at = child.at;
    }
    return at;
  });
}
