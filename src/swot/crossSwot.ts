import type { PathSegment } from "../errors/AssessmentError.js";
import type { SwotQuadrant, TowsKind } from "../schema/vocabularies.js";
import { towsKinds } from "../schema/vocabularies.js";
import { failAt } from "../_lib/assert.js";
import { ARRAY, KNOWN_IDS, toIdSet, towsOf, type SoundTowsLink } from "./_shared.js";
import { readValue, type Rule } from "../_lib/readValue.js";
import {
  kindWithArticle,
  missingQuadrantMessage,
  towsQuadrants,
  wrongQuadrantMessage,
} from "../_lib/tows.js";
import type { CrossSwotResult } from "./_types.js";

export type { CrossSwotResult, TowsItemUsage, TowsStrategyResult } from "./_types.js";

/** The four quadrant lists of a SWOT, as {@link buildSwot} returns them. */
export interface SwotQuadrantLists {
  readonly strengths: readonly { readonly id: string }[];
  readonly weaknesses: readonly { readonly id: string }[];
  readonly opportunities: readonly { readonly id: string }[];
  readonly threats: readonly { readonly id: string }[];
}

/** A TOWS strategy as input: its kind, the SWOT items it links, its text, and its solutions. */
export interface TowsLink {
  /** The strategy's id. */
  readonly id: string;
  /** SO, ST, WO or WT. */
  readonly kind: TowsKind;
  /** Ids of the SWOT items it links: at least one of each of its kind's two quadrants. */
  readonly items: readonly string[];
  /** What the strategy does. */
  readonly text: string;
  /** Ids of the solutions that carry it out. */
  readonly solutions?: readonly string[] | undefined;
}

/** Options of {@link crossSwot}. */
export interface CrossSwotOptions {
  /** Known solution ids; when given, every strategy's solutions must be among them. */
  readonly solutions?: readonly string[] | ReadonlySet<string>;
}

const LISTS = [
  ["strengths", "strength"],
  ["weaknesses", "weakness"],
  ["opportunities", "opportunity"],
  ["threats", "threat"],
] as const;

/** A SWOT item as {@link crossSwot} reads it: only its id, unique across the four lists. */
const LISTED_ITEM: Rule = { kind: "record", name: "SWOT item", fields: [["id", { kind: "id" }]] };

const LISTED_ITEMS: Rule = { kind: "list", of: LISTED_ITEM };

const SWOT: Rule = {
  kind: "record",
  fields: [
    ["strengths", LISTED_ITEMS],
    ["weaknesses", LISTED_ITEMS],
    ["opportunities", LISTED_ITEMS],
    ["threats", LISTED_ITEMS],
  ],
};

/** A list of ids, each listed once. */
const IDS: Rule = { kind: "list", of: { kind: "id" }, unique: true };

/** A strategy as a plain value; its items are then checked against the SWOT, its solutions after. */
const LINK: Rule = {
  kind: "record",
  name: "link",
  fields: [
    ["id", { kind: "id" }],
    ["kind", { kind: "oneOf", choices: towsKinds }],
    ["text", { kind: "text" }],
    ["items", IDS],
  ],
};

const SOLUTIONS: Rule = { ...IDS, optional: true };

const OPTIONS: Rule = { kind: "record", fields: [["solutions", KNOWN_IDS]] };

/** The SWOT's items (a plain value, checked here) in order, and the quadrant of each. */
function readQuadrants(swot: unknown): {
  order: { id: string; quadrant: SwotQuadrant }[];
  quadrant: Map<string, SwotQuadrant>;
} {
  readValue(swot, SWOT, ["swot"], new Set());
  const lists = swot as SwotQuadrantLists;
  const quadrant = new Map<string, SwotQuadrant>();
  const order: { id: string; quadrant: SwotQuadrant }[] = [];
  for (const [key, q] of LISTS) {
    for (const { id } of lists[key]) {
      quadrant.set(id, q);
      order.push({ id, quadrant: q });
    }
  }
  return { order, quadrant };
}

/**
 * Checks one strategy (a plain value, at `path`: a stack ending with its index) against the SWOT's
 * items and the known solutions.
 */
function checkLink(
  link: TowsLink,
  path: PathSegment[],
  quadrant: ReadonlyMap<string, SwotQuadrant>,
  known: ReadonlySet<string> | null,
  ids: Set<string>,
): SoundTowsLink {
  readValue(link, LINK, path, ids);
  const { id, kind: k, text, items } = link;
  if (items.length === 0)
    failAt("empty", [...path, "items"], `${kindWithArticle(k)} strategy must link SWOT items`);
  const [first, second] = towsQuadrants[k];
  let firsts = 0;
  let seconds = 0;
  for (let j = 0; j < items.length; j++) {
    const item = items[j] as string;
    const q = quadrant.get(item);
    if (q === undefined)
      failAt(
        "unknown_reference",
        [...path, "items", j],
        `unknown SWOT item id ${JSON.stringify(item)}`,
      );
    if (q === first) firsts++;
    else if (q === second) seconds++;
    else failAt("invalid_value", [...path, "items", j], wrongQuadrantMessage(item, q, k));
  }
  for (const [q, n] of [
    [first, firsts],
    [second, seconds],
  ] as const) {
    if (n === 0) failAt("invalid_value", [...path, "items"], missingQuadrantMessage(k, q));
  }
  path.push("solutions");
  readValue(link.solutions, SOLUTIONS, path);
  path.pop();
  const solutions = link.solutions ?? [];
  if (known) {
    for (let j = 0; j < solutions.length; j++) {
      const s = solutions[j] as string;
      if (!known.has(s))
        failAt(
          "unknown_reference",
          [...path, "solutions", j],
          `unknown solution id ${JSON.stringify(s)}`,
        );
    }
  }
  return { id, kind: k, text, items, solutions };
}

/**
 * Builds TOWS strategies (SO, ST, WO, WT) from explicit links between SWOT items, checks that each
 * strategy links items of the right quadrants, and lists the items no strategy uses.
 *
 * Rule (Weihrich, "The TOWS matrix — a tool for situational analysis", Long Range Planning 15(2),
 * 1982; documented): SO strategies use strengths to take opportunities, ST strategies use
 * strengths to meet threats, WO strategies take opportunities to overcome weaknesses, WT
 * strategies reduce weaknesses and avoid threats. A strategy must link at least one item of each
 * of its two quadrants and no item of another quadrant (designed by this project,
 * docs/methodology/needs-swot.md, TOWS). Strategies may name the solutions that carry them out.
 *
 * @param swot - the SWOT, as {@link buildSwot} returns it (the four quadrant lists)
 * @param links - the strategies with the ids of the items they link
 * @param options - known solution ids
 * @returns the strategies by kind, the TOWS matrix, item usage and unused items
 * @throws AssessmentError `invalid_value` (an item of the wrong quadrant for the strategy's kind,
 *   e.g. an opportunity used as a strength in an ST strategy; an unknown kind; a strategy missing
 *   one of its two quadrants), `unknown_reference` (unknown item or solution), `duplicate_id`
 *   (strategy id, or an item or solution listed twice), `empty` (a strategy with no items),
 *   `invalid_type`
 * @example
 * ```ts
 * import { buildSwot, crossSwot } from "icc-assessment/swot";
 * const swot = buildSwot([
 *   { id: "s-it", quadrant: "strength", text: "Strong IT sector" },
 *   { id: "w-data", quadrant: "weakness", text: "No data policy" },
 *   { id: "o-eu", quadrant: "opportunity", text: "EU funds" },
 *   { id: "t-trust", quadrant: "threat", text: "Low trust" },
 * ]);
 * const tows = crossSwot(swot, [
 *   { id: "so-1", kind: "SO", items: ["s-it", "o-eu"], text: "Bid for EU funds with the IT clusters" },
 * ]);
 * tows.matrix.SO; // => ["so-1"]
 * tows.unused; // => { strengths: [], weaknesses: ["w-data"], opportunities: [], threats: ["t-trust"] }
 * ```
 */
export function crossSwot(
  swot: SwotQuadrantLists,
  links: readonly TowsLink[],
  options: CrossSwotOptions = {},
): CrossSwotResult {
  const { order, quadrant } = readQuadrants(swot);
  readValue(options, OPTIONS, ["options"]);
  const known = toIdSet(options.solutions);
  const path: PathSegment[] = ["links"];
  readValue(links, ARRAY, path);
  const ids = new Set<string>();
  path.push(0);
  const sound: SoundTowsLink[] = [];
  for (let i = 0; i < links.length; i++) {
    path[1] = i;
    sound.push(checkLink(links[i] as TowsLink, path, quadrant, known, ids));
  }
  return towsOf(order, quadrant, sound, known !== null);
}
