import { AssessmentError, formatPath, type PathSegment } from "../errors/AssessmentError.js";
import type { SwotItem } from "../schema/entities.js";
import { swotQuadrants, type SwotQuadrant } from "../schema/vocabularies.js";
import {
  assertFiniteAt,
  assertList,
  assertRecord,
  assertString,
  describe,
  failAt,
  assertOneOfAt,
} from "../_lib/assert.js";
import type {
  BuildSwotOptions,
  BuildSwotResult,
  FactorEvaluation,
  FactorEvaluationRow,
  RatingConvention,
  SwotPosition,
} from "./buildSwot.js";

/** The conventional midpoint of an IFE or EFE total (David, Strategic Management). */
export const MIDPOINT = 2.5;
/** Tolerance on the sum of weights and on the boundaries of totals. */
export const TOLERANCE = 1e-9;

const INTERNAL: readonly SwotQuadrant[] = ["strength", "weakness"];

/** Reads an optional set of ids given as an array or a Set. */
export function readIdSet(
  value: unknown,
  path: readonly PathSegment[],
  name: string,
): ReadonlySet<string> | null {
  if (value === undefined) return null;
  const list = value instanceof Set ? [...(value as Set<unknown>)] : assertList(value, path, name);
  list.forEach((v, i) => assertString(v, [...path, i], `${name}[${i}]`, { nonEmpty: true }));
  return new Set(list as string[]);
}

function readEvidence(
  value: unknown,
  path: readonly PathSegment[],
  indicators: ReadonlySet<string> | null,
  needs: ReadonlySet<string> | null,
): NonNullable<SwotItem["evidence"]> {
  const list = assertList(value, path, "evidence");
  return list.map((e, j) => {
    const p = [...path, j];
    assertRecord(e, p, "evidence");
    const indicator = e["indicator"];
    const need = e["need"];
    const note = e["note"];
    if (indicator === undefined && need === undefined && note === undefined) {
      failAt("missing_field", p, "evidence needs an indicator, a need or a note");
    }
    if (note !== undefined) assertString(note, [...p, "note"], "note");
    if (indicator !== undefined) {
      assertString(indicator, [...p, "indicator"], "indicator", { nonEmpty: true });
      if (indicators && !indicators.has(indicator)) {
        failAt(
          "unknown_reference",
          [...p, "indicator"],
          `unknown indicator id ${JSON.stringify(indicator)}`,
        );
      }
    }
    if (need !== undefined) {
      assertString(need, [...p, "need"], "need", { nonEmpty: true });
      if (needs && !needs.has(need))
        failAt("unknown_reference", [...p, "need"], `unknown need id ${JSON.stringify(need)}`);
    }
    return {
      ...(indicator !== undefined ? { indicator } : {}),
      ...(need !== undefined ? { need } : {}),
      ...(note !== undefined ? { note } : {}),
    };
  });
}

/** Validates SWOT items and returns copies (the input is never returned or changed). */
export function readSwotItems(
  items: unknown,
  path: readonly PathSegment[],
  indicators: ReadonlySet<string> | null,
  needs: ReadonlySet<string> | null,
): SwotItem[] {
  const list = assertList(items, path, "items");
  const seen = new Set<string>();
  return list.map((item, i) => {
    const p = [...path, i];
    assertRecord(item, p, "SWOT item");
    const id = item["id"];
    assertString(id, [...p, "id"], "id", { nonEmpty: true });
    if (seen.has(id))
      failAt("duplicate_id", [...p, "id"], `duplicate SWOT item id ${JSON.stringify(id)}`);
    seen.add(id);
    const quadrant = item["quadrant"];
    if (quadrant === undefined) {
      failAt(
        "missing_field",
        [...p, "quadrant"],
        `SWOT item ${JSON.stringify(id)} has no quadrant; expected one of ${swotQuadrants.join(", ")}`,
      );
    }
    assertOneOfAt(quadrant, swotQuadrants, [...p, "quadrant"], "quadrant");
    const text = item["text"];
    assertString(text, [...p, "text"], "text", { nonEmpty: true });
    const weight = item["weight"];
    if (weight !== undefined) {
      assertFiniteAt(weight, [...p, "weight"], "weight");
      if (weight < 0)
        failAt(
          "negative_weight",
          [...p, "weight"],
          `weight must not be negative, got ${describe(weight)}`,
        );
      if (weight > 1)
        failAt(
          "out_of_range",
          [...p, "weight"],
          `weight must be between 0 and 1, got ${describe(weight)}`,
        );
    }
    const rating = item["rating"];
    if (rating !== undefined) {
      assertFiniteAt(rating, [...p, "rating"], "rating");
      if (rating < 1 || rating > 4)
        failAt(
          "out_of_range",
          [...p, "rating"],
          `rating must be between 1 and 4, got ${describe(rating)}`,
        );
    }
    const evidence =
      item["evidence"] === undefined
        ? undefined
        : readEvidence(item["evidence"], [...p, "evidence"], indicators, needs);
    return {
      id,
      quadrant,
      text,
      ...(weight !== undefined ? { weight } : {}),
      ...(rating !== undefined ? { rating } : {}),
      ...(evidence !== undefined ? { evidence } : {}),
    };
  });
}

function checkConvention(item: SwotItem, path: readonly PathSegment[]): void {
  const r = item.rating as number;
  if (item.quadrant === "strength" && r < 3) {
    failAt(
      "out_of_range",
      path,
      `a strength is rated 3 (minor strength) or 4 (major strength) in an IFE matrix, got ${describe(r)}; pass ratingConvention: "free" to allow any rating from 1 to 4`,
    );
  }
  if (item.quadrant === "weakness" && r > 2) {
    failAt(
      "out_of_range",
      path,
      `a weakness is rated 1 (major weakness) or 2 (minor weakness) in an IFE matrix, got ${describe(r)}; pass ratingConvention: "free" to allow any rating from 1 to 4`,
    );
  }
}

function evaluate(
  matrix: "IFE" | "EFE",
  entries: readonly { item: SwotItem; index: number }[],
  path: readonly PathSegment[],
  convention: RatingConvention,
): { value: FactorEvaluation | null; reason: string | null } {
  const what = matrix === "IFE" ? "strengths and weaknesses" : "opportunities and threats";
  if (entries.length === 0) return { value: null, reason: `no ${what}, so no ${matrix} matrix` };
  const rated = entries.filter((e) => e.item.rating !== undefined).length;
  const weighted = entries.filter((e) => e.item.weight !== undefined).length;
  if (rated === 0 && weighted === 0) {
    return {
      value: null,
      reason: `no weights or ratings on the ${what}: an unweighted SWOT, so no ${matrix} matrix`,
    };
  }
  const unrated = entries.find((e) => e.item.rating === undefined);
  if (unrated) {
    failAt(
      "missing_field",
      [...path, unrated.index, "rating"],
      `every one of the ${what} needs a rating once one has a weight or rating (${rated} of ${entries.length} rated)`,
    );
  }
  if (convention === "david" && matrix === "IFE") {
    for (const e of entries) checkConvention(e.item, [...path, e.index, "rating"]);
  }
  let weights: number[];
  let weighting: "given" | "equal";
  if (weighted === 0) {
    weights = entries.map(() => 1 / entries.length);
    weighting = "equal";
  } else {
    const unweighted = entries.find((e) => e.item.weight === undefined);
    if (unweighted) {
      failAt(
        "missing_field",
        [...path, unweighted.index, "weight"],
        `every one of the ${what} needs a weight once one has a weight (${weighted} of ${entries.length} weighted), or none for equal weights`,
      );
    }
    weights = entries.map((e) => e.item.weight as number);
    const sum = weights.reduce((s, w) => s + w, 0);
    if (Math.abs(sum - 1) > TOLERANCE) {
      throw new AssessmentError(
        entries.map((e) => {
          const p = [...path, e.index, "weight"];
          return {
            code: "invalid_value" as const,
            path: p,
            message: `the weights of the ${what} must sum to 1 (±${TOLERANCE}), got ${sum}; this weight is ${e.item.weight} (${formatPath(p)})`,
          };
        }),
      );
    }
    weighting = "given";
  }
  const rows: FactorEvaluationRow[] = entries.map((e, k) => {
    const weight = weights[k] as number;
    const rating = e.item.rating as number;
    return {
      id: e.item.id,
      quadrant: e.item.quadrant,
      text: e.item.text,
      weight,
      rating,
      weightedScore: weight * rating,
    };
  });
  const raw = rows.reduce((s, r) => s + r.weightedScore, 0);
  const total = Math.min(4, Math.max(1, raw));
  return {
    value: {
      matrix,
      weighting,
      rows,
      total,
      midpoint: MIDPOINT,
      aboveMidpoint: total >= MIDPOINT - TOLERANCE,
    },
    reason: null,
  };
}

/** Band of a total on the IE matrix axis: 0 strong/high (≥ 3), 1 average/medium (≥ 2), 2 weak/low. */
function ieBand(total: number): 0 | 1 | 2 {
  if (total >= 3 - TOLERANCE) return 0;
  if (total >= 2 - TOLERANCE) return 1;
  return 2;
}

const IE_REGIONS = [
  "growAndBuild",
  "growAndBuild",
  "holdAndMaintain",
  "growAndBuild",
  "holdAndMaintain",
  "harvestOrDivest",
  "holdAndMaintain",
  "harvestOrDivest",
  "harvestOrDivest",
] as const;

/** The strategic position from the IFE and EFE totals. */
export function positionOf(ife: number, efe: number): SwotPosition {
  const strongInside = ife >= MIDPOINT - TOLERANCE;
  const strongOutside = efe >= MIDPOINT - TOLERANCE;
  const quadrant = strongInside
    ? strongOutside
      ? "aggressive"
      : "conservative"
    : strongOutside
      ? "competitive"
      : "defensive";
  const strategies = (
    { aggressive: "SO", conservative: "ST", competitive: "WO", defensive: "WT" } as const
  )[quadrant];
  const cell = ieBand(efe) * 3 + ieBand(ife) + 1;
  return {
    quadrant,
    strategies,
    ife,
    efe,
    rule: `IFE ${strongInside ? "≥" : "<"} 2.5 and EFE ${strongOutside ? "≥" : "<"} 2.5 → ${quadrant}`,
    ieCell: cell,
    ieRegion: IE_REGIONS[cell - 1] as SwotPosition["ieRegion"],
  };
}

/** The whole SWOT computation; `path` is where the items are, `optionsPath` where the options are. */
export function swotOf(
  items: unknown,
  path: readonly PathSegment[],
  options: BuildSwotOptions,
  optionsPath: readonly PathSegment[],
): BuildSwotResult {
  assertRecord(options as unknown, optionsPath, "options");
  const indicators = readIdSet(options.indicators, [...optionsPath, "indicators"], "indicators");
  const needs = readIdSet(options.needs, [...optionsPath, "needs"], "needs");
  const convention = options.ratingConvention ?? "david";
  if (convention !== "david" && convention !== "free") {
    failAt(
      "invalid_value",
      [...optionsPath, "ratingConvention"],
      `ratingConvention must be "david" or "free", got ${describe(convention)}`,
    );
  }
  const list = readSwotItems(items, path, indicators, needs);
  if (list.length === 0)
    failAt("empty", path, "items must not be empty: a SWOT needs at least one item");
  const entries = list.map((item, index) => ({ item, index }));
  const of = (q: SwotQuadrant) => list.filter((i) => i.quadrant === q);
  const ife = evaluate(
    "IFE",
    entries.filter((e) => INTERNAL.includes(e.item.quadrant)),
    path,
    convention,
  );
  const efe = evaluate(
    "EFE",
    entries.filter((e) => !INTERNAL.includes(e.item.quadrant)),
    path,
    convention,
  );
  const position = ife.value && efe.value ? positionOf(ife.value.total, efe.value.total) : null;
  const strengths = of("strength");
  const weaknesses = of("weakness");
  const opportunities = of("opportunity");
  const threats = of("threat");
  return {
    strengths,
    weaknesses,
    opportunities,
    threats,
    counts: {
      strength: strengths.length,
      weakness: weaknesses.length,
      opportunity: opportunities.length,
      threat: threats.length,
    },
    ife: ife.value,
    efe: efe.value,
    position,
    reasons: {
      ife: ife.reason,
      efe: efe.reason,
      position: position ? null : "the position needs both an IFE and an EFE total",
    },
    parameters: {
      ratingConvention: convention,
      midpoint: MIDPOINT,
      tolerance: TOLERANCE,
      indicatorsChecked: indicators !== null,
      needsChecked: needs !== null,
    },
  };
}

/** The ids of a list of records with ids. */
export function idsOf(
  list: readonly unknown[],
  path: readonly PathSegment[],
  what: string,
): Set<string> {
  const out = new Set<string>();
  list.forEach((x, i) => {
    assertRecord(x, [...path, i], what);
    assertString(x["id"], [...path, i, "id"], `${what} id`, { nonEmpty: true });
    out.add(x["id"]);
  });
  return out;
}

/** The indicator ids of the framework the assessment embeds and uses, or null. */
export function embeddedIndicators(a: Readonly<Record<string, unknown>>): Set<string> | null {
  const m = a["maturity"];
  const frameworks = a["frameworks"];
  if (m === undefined || frameworks === undefined) return null;
  assertRecord(m, ["assessment", "maturity"], "maturity");
  const ref = m["framework"];
  assertRecord(ref, ["assessment", "maturity", "framework"], "framework");
  const list = assertList(frameworks, ["assessment", "frameworks"], "frameworks");
  const fw = list.find(
    (f) =>
      typeof f === "object" &&
      f !== null &&
      (f as Record<string, unknown>)["id"] === ref["id"] &&
      (f as Record<string, unknown>)["version"] === ref["version"],
  ) as Record<string, unknown> | undefined;
  if (fw === undefined) return null;
  const index = list.indexOf(fw);
  const indicators = assertList(
    fw["indicators"],
    ["assessment", "frameworks", index, "indicators"],
    "indicators",
  );
  return idsOf(indicators, ["assessment", "frameworks", index, "indicators"], "indicator");
}
