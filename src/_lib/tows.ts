import type { SwotQuadrant, TowsKind } from "../schema/vocabularies.js";

/**
 * The two SWOT quadrants each TOWS strategy links (Weihrich 1982): SO strengths and opportunities,
 * ST strengths and threats, WO weaknesses and opportunities, WT weaknesses and threats. Shared by
 * the parser's rule and `crossSwot`, which refuse a link to another quadrant alike.
 */
export const towsQuadrants: Readonly<Record<TowsKind, readonly [SwotQuadrant, SwotQuadrant]>> = {
  SO: ["strength", "opportunity"],
  ST: ["strength", "threat"],
  WO: ["weakness", "opportunity"],
  WT: ["weakness", "threat"],
};

const ARTICLE: Readonly<Record<SwotQuadrant, string>> = {
  strength: "a strength",
  weakness: "a weakness",
  opportunity: "an opportunity",
  threat: "a threat",
};

const PLURAL: Readonly<Record<SwotQuadrant, string>> = {
  strength: "strengths",
  weakness: "weaknesses",
  opportunity: "opportunities",
  threat: "threats",
};

/**
 * The message for an item of quadrant `q` linked by a strategy of `kind` that does not link that
 * quadrant: `"t-trust" is a threat; an SO strategy links strengths and opportunities only`.
 */
export function wrongQuadrantMessage(item: string, q: SwotQuadrant, kind: TowsKind): string {
  const [first, second] = towsQuadrants[kind];
  return `${JSON.stringify(item)} is ${ARTICLE[q]}; ${kindWithArticle(kind)} strategy links ${PLURAL[first]} and ${PLURAL[second]} only`;
}

/** The message for a strategy of `kind` that links no item of quadrant `q`. */
export function missingQuadrantMessage(kind: TowsKind, q: SwotQuadrant): string {
  return `${kindWithArticle(kind)} strategy needs at least one of the ${PLURAL[q]}, got none`;
}

/** "an SO", "a WO": the article as the letters are read aloud. */
export function kindWithArticle(kind: TowsKind): string {
  return `${kind.startsWith("S") ? "an" : "a"} ${kind}`;
}
