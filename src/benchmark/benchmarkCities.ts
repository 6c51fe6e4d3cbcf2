import type { PathSegment } from "../errors/AssessmentError.js";
import type { Report } from "../schema/report.js";
import {
  assertArray,
  assertIds,
  checkRecord,
  checkWhole,
  describe,
  fail,
  failAt,
} from "../_lib/assert.js";
import { addMonthsIso, isIsoDate } from "../_lib/dates.js";
import { assertParsed, isParsed } from "../_lib/parsed.js";
import { compareIds } from "../_lib/sort.js";

/**
 * A population band of a peer group: `min` inclusive, `max` exclusive (`null`: no upper bound).
 */
export interface PopulationBand {
  readonly id: string;
  readonly min: number;
  readonly max: number | null;
}

/**
 * The default population bands: the city size classes of the EU-OECD city definition (Dijkstra
 * and Poelman 2012, "Cities in Europe: the new OECD-EC definition", Regional Focus 01/2012,
 * European Commission, DG Regional and Urban Policy), by the population of the city: S under
 * 100 000 (the source's S starts at 50 000; smaller cities join it), M 100 000–250 000, L
 * 250 000–500 000, XL 500 000–1 000 000, XXL 1 000 000 and more (the source's "global city"
 * class joins XXL). Lower bound inclusive, upper bound exclusive.
 *
 * @example
 * ```ts
 * import { defaultPopulationBands } from "icc-assessment/benchmark";
 * defaultPopulationBands.map((b) => b.id); // => ["S", "M", "L", "XL", "XXL"]
 * defaultPopulationBands[4]; // => { id: "XXL", min: 1000000, max: null }
 * ```
 */
export const defaultPopulationBands: readonly PopulationBand[] = Object.freeze([
  Object.freeze({ id: "S", min: 0, max: 100_000 }),
  Object.freeze({ id: "M", min: 100_000, max: 250_000 }),
  Object.freeze({ id: "L", min: 250_000, max: 500_000 }),
  Object.freeze({ id: "XL", min: 500_000, max: 1_000_000 }),
  Object.freeze({ id: "XXL", min: 1_000_000, max: null }),
]);

/** Which reports are the city's peers. */
export type PeerGroup =
  | { readonly by: "all" }
  | { readonly by: "population"; readonly bands?: readonly PopulationBand[] }
  | { readonly by: "country" }
  | { readonly ids: readonly string[] };

/** Options of {@link benchmarkCities}. */
export interface BenchmarkCitiesOptions {
  /** The peer group (default `{ by: "all" }`: every comparable report). */
  readonly peerGroup?: PeerGroup;
  /**
   * The period, in months either side of the city's date: a peer report dated further away is
   * kept and flagged `otherPeriod`, and each peer city's latest report within it is the one used.
   * Default 12.
   */
  readonly periodMonths?: number;
  /** Overall answer coverage (0–1) below which a peer is kept and flagged `lowCoverage`. Default 0.8. */
  readonly minCoverage?: number;
}

/** Why a report given as a peer was left out. */
export const exclusionReasons = [
  "sameCity",
  "noMaturity",
  "otherFramework",
  "otherMajorVersion",
  "otherScale",
  "outsidePeerGroup",
  "superseded",
] as const;
/** Why a report was left out. */
export type ExclusionReason = (typeof exclusionReasons)[number];

/** What a kept peer is flagged for: comparable, but to read with care. */
export const peerFlags = [
  "otherMinorVersion",
  "otherPeriod",
  "unknownDate",
  "lowCoverage",
] as const;
/** A flag on a kept peer. */
export type PeerFlag = (typeof peerFlags)[number];

/** A report given as a peer and left out, with the reason. */
export interface ExcludedReport {
  /** Its position in the `peers` argument. */
  readonly index: number;
  readonly city: string;
  readonly inputDigest: string;
  readonly generatedAt: string;
  readonly reason: ExclusionReason;
  readonly message: string;
}

/** The city or a peer: who, when, and which report. */
export interface BenchmarkedCity {
  readonly id: string;
  readonly name: string;
  readonly country: string;
  readonly population: number | null;
  /** The report's date: the maturity `assessedOn`, else the period's end, else `generatedAt`'s date. */
  readonly date: string | null;
  readonly frameworkVersion: string;
  readonly inputDigest: string;
  readonly generatedAt: string;
  /** The overall score and answer coverage of the report. */
  readonly overall: number | null;
  readonly coverage: number;
}

/** A peer used in the benchmark, with its flags. */
export interface BenchmarkPeer extends BenchmarkedCity {
  /** Its position in the `peers` argument. */
  readonly index: number;
  readonly flags: readonly PeerFlag[];
}

/** The city's standing on one score (a dimension, or the overall score) among its peers. */
export interface BenchmarkScore {
  /** The dimension id, or `"overall"`. */
  readonly id: string;
  readonly title: string;
  readonly parent: string | null;
  /** The city's score; `null` when its report has none. */
  readonly score: number | null;
  /** The peers with a score here. */
  readonly peers: number;
  /** Peer city ids without a score here (the dimension is absent from their report, or null), by id. */
  readonly missing: readonly string[];
  /** 1 + the peers scoring strictly higher (competition rank: ties share the best rank); `null` without a score. */
  readonly rank: number | null;
  /** Ranked among `peers + 1` (the city and the peers with a score). */
  readonly of: number;
  /** (peers below + half the peers tied) / peers × 100; `null` without a score or peers. */
  readonly percentile: number | null;
  /** Quartiles and median of the peers' scores (Hyndman–Fan type 7); `null` without peers. */
  readonly q1: number | null;
  readonly median: number | null;
  readonly q3: number | null;
  /** The best peer (ties: the smallest city id), or `null` without peers. */
  readonly best: { readonly city: string; readonly name: string; readonly score: number } | null;
  /** The city's score minus each statistic (negative: below it); `null` when either is missing. */
  readonly distance: {
    readonly q1: number | null;
    readonly median: number | null;
    readonly q3: number | null;
    readonly best: number | null;
  };
  /** Why rank or percentile is null. */
  readonly reason: string | null;
}

/** The peer group as applied. */
export type AppliedPeerGroup =
  | { readonly by: "all" }
  | {
      readonly by: "population";
      readonly band: PopulationBand;
      readonly bands: readonly PopulationBand[];
    }
  | { readonly by: "country"; readonly country: string }
  | { readonly by: "ids"; readonly ids: readonly string[] };

/** The result of {@link benchmarkCities}: plain JSON data (ids, dates, digests and numbers). */
export interface BenchmarkCitiesResult {
  readonly city: BenchmarkedCity;
  readonly framework: { readonly id: string; readonly version: string; readonly title: string };
  readonly scale: { readonly min: number; readonly max: number };
  readonly peerGroup: AppliedPeerGroup;
  /** The period window (inclusive), or `null` when the city's report has no date. */
  readonly period: { readonly months: number; readonly from: string; readonly to: string } | null;
  readonly minCoverage: number;
  /** The peers used, one report per city, by city id. */
  readonly peers: readonly BenchmarkPeer[];
  /** Every other report given, in input order, with the reason. */
  readonly excluded: readonly ExcludedReport[];
  readonly overall: BenchmarkScore;
  /** The city's dimensions, in its report's order. */
  readonly dimensions: readonly BenchmarkScore[];
  /** The rules applied, in words (docs/methodology/benchmarking.md). */
  readonly rules: {
    readonly rank: string;
    readonly percentile: string;
    readonly quartiles: string;
    readonly peers: string;
  };
}

const RULES: BenchmarkCitiesResult["rules"] = {
  rank: "competition rank among the city and the peers with a score: 1 + the peers scoring strictly higher; ties share the best rank",
  percentile:
    "(peers scoring strictly lower + half the peers scoring the same) / peers with a score × 100 (the mean of the strict and weak percentile ranks)",
  quartiles:
    "Hyndman and Fan type 7 (the default of R and numpy): h = (n − 1) p, x[floor h] + (h − floor h)(x[floor h + 1] − x[floor h]) over the sorted peer scores",
  peers:
    "same framework id and major version and the same scale; one report per city, its latest within the period (else its latest, flagged); the city's own reports are never its peers",
};

type Maturity = NonNullable<Report["sections"]["maturity"]>;

const OPTIONS: readonly PathSegment[] = ["options"];

function versionParts(v: string): [string, string] {
  const [major = "", minor = "0"] = v.split(".");
  return [major, minor];
}

/** The report's date: assessedOn, else the period's end, else generatedAt's date part. */
function dateOf(r: Report): string | null {
  const m = r.sections.maturity;
  if (m?.assessedOn) return m.assessedOn;
  if (r.period) return r.period.end;
  const g = r.provenance.generatedAt.slice(0, 10);
  return isIsoDate(g) ? g : null;
}

function describeCity(r: Report, m: Maturity): BenchmarkedCity {
  return {
    id: r.city.id,
    name: r.city.name,
    country: r.city.country,
    population: r.city.population ?? null,
    date: dateOf(r),
    frameworkVersion: m.framework.version,
    inputDigest: r.provenance.inputDigest,
    generatedAt: r.provenance.generatedAt,
    overall: m.overall.score,
    coverage: m.overall.coverage,
  };
}

/** Reads and checks the options (plain values: checked here, cheaply). */
function readOptions(options: unknown): {
  group: PeerGroup;
  months: number;
  minCoverage: number;
} {
  const o = checkRecord(options, OPTIONS, "options");
  const months =
    o["periodMonths"] === undefined
      ? 12
      : checkWhole(o["periodMonths"], ["options", "periodMonths"], "periodMonths", 0, 1200);
  let minCoverage = 0.8;
  if (o["minCoverage"] !== undefined) {
    const c = o["minCoverage"];
    if (typeof c !== "number" || !(c >= 0 && c <= 1)) {
      failAt(
        typeof c === "number" ? "out_of_range" : "invalid_type",
        ["options", "minCoverage"],
        `minCoverage must be a number from 0 to 1, got ${describe(c)}`,
      );
    }
    minCoverage = c;
  }
  const g = o["peerGroup"] === undefined ? { by: "all" } : o["peerGroup"];
  const gr = checkRecord(g, ["options", "peerGroup"], "peerGroup");
  let group: PeerGroup;
  if (gr["ids"] !== undefined) {
    group = { ids: assertIds(gr["ids"], ["options", "peerGroup", "ids"], "peerGroup.ids") };
  } else if (gr["by"] === "all" || gr["by"] === "country") {
    group = { by: gr["by"] };
  } else if (gr["by"] === "population") {
    const bands = gr["bands"] === undefined ? defaultPopulationBands : gr["bands"];
    group = { by: "population", bands: checkBands(bands) };
  } else {
    return failAt(
      "invalid_value",
      ["options", "peerGroup", "by"],
      `peerGroup must be { by: "all" | "population" | "country" } or { ids: [...] }, got by ${describe(gr["by"])}`,
    );
  }
  return { group, months, minCoverage };
}

function checkBands(bands: unknown): readonly PopulationBand[] {
  const path = ["options", "peerGroup", "bands"];
  assertArray(bands, path, "peerGroup.bands", { nonEmpty: true });
  return bands.map((b, i): PopulationBand => {
    const r = checkRecord(b, [...path, i], `bands[${i}]`);
    const id = r["id"];
    if (typeof id !== "string" || id === "") {
      failAt("invalid_type", [...path, i, "id"], `bands[${i}].id must be a non-empty string`);
    }
    const min = r["min"];
    const max = r["max"];
    if (typeof min !== "number" || !Number.isFinite(min)) {
      failAt(
        "invalid_type",
        [...path, i, "min"],
        `bands[${i}].min must be a finite number, got ${describe(min)}`,
      );
    }
    if (max !== null && (typeof max !== "number" || !Number.isFinite(max) || max <= min)) {
      failAt(
        "invalid_value",
        [...path, i, "max"],
        `bands[${i}].max must be null or a finite number above min ${min}, got ${describe(max)}`,
      );
    }
    return { id, min, max };
  });
}

const inBand = (b: PopulationBand, p: number): boolean =>
  p >= b.min && (b.max === null || p < b.max);

/** Type 7 quantile of sorted values (n ≥ 1). */
function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  if (lo + 1 >= sorted.length) return a;
  return a + (h - lo) * ((sorted[lo + 1] as number) - a);
}

/** The statistics of one score among the peers, from the peers' scores (NaN = missing). */
function standing(
  id: string,
  title: string,
  parent: string | null,
  score: number | null,
  values: Float64Array,
  peers: readonly BenchmarkPeer[],
): BenchmarkScore {
  const n0 = values.length;
  const missing: string[] = [];
  const present = new Float64Array(n0);
  let n = 0;
  let below = 0;
  let tied = 0;
  let bestAt = -1;
  let bestValue = -Infinity;
  for (let i = 0; i < n0; i++) {
    const v = values[i] as number;
    if (v !== v) {
      missing.push((peers[i] as BenchmarkPeer).id);
      continue;
    }
    present[n++] = v;
    if (score !== null) {
      if (v < score) below++;
      else if (v === score) tied++;
    }
    // peers are sorted by id: the first of equal best scores has the smallest id
    if (v > bestValue) {
      bestValue = v;
      bestAt = i;
    }
  }
  const sorted = present.subarray(0, n).sort();
  const q1 = n > 0 ? quantile(sorted, 0.25) : null;
  const median = n > 0 ? quantile(sorted, 0.5) : null;
  const q3 = n > 0 ? quantile(sorted, 0.75) : null;
  const bestPeer = bestAt >= 0 ? (peers[bestAt] as BenchmarkPeer) : null;
  const best = bestPeer ? { city: bestPeer.id, name: bestPeer.name, score: bestValue } : null;
  const diff = (x: number | null) => (score === null || x === null ? null : score - x);
  const reason =
    score === null
      ? "the city's report has no score here"
      : n === 0
        ? "no peer has a score here"
        : null;
  return {
    id,
    title,
    parent,
    score,
    peers: n,
    missing,
    rank: score === null ? null : n - below - tied + 1,
    of: n + 1,
    percentile: score === null || n === 0 ? null : ((below + tied / 2) / n) * 100,
    q1,
    median,
    q3,
    best,
    distance: { q1: diff(q1), median: diff(median), q3: diff(q3), best: diff(best?.score ?? null) },
    reason,
  };
}

interface Candidate {
  readonly index: number;
  readonly report: Report;
  readonly maturity: Maturity;
  readonly date: string | null;
  readonly inPeriod: boolean;
}

/** Later is better: in the period first, then by date, generatedAt, input digest, position. */
function later(a: Candidate, b: Candidate): boolean {
  if (a.inPeriod !== b.inPeriod) return a.inPeriod;
  const da = a.date ?? "";
  const db = b.date ?? "";
  if (da !== db) return da > db;
  const ga = a.report.provenance.generatedAt;
  const gb = b.report.provenance.generatedAt;
  if (ga !== gb) return ga > gb;
  const c = compareIds(a.report.provenance.inputDigest, b.report.provenance.inputDigest);
  return c !== 0 ? c > 0 : a.index > b.index;
}

/**
 * Benchmarks a city among its peers on a maturity framework: for the overall score and each of the
 * city's dimensions, its rank, its percentile, the peers' median and quartiles, the best in class,
 * and the city's distance to each — with the comparability guards in the result.
 *
 * Rules (designed by this project; docs/methodology/benchmarking.md): a peer report on another
 * framework id or major version, on another score scale, or without a maturity section is left
 * out and listed in `excluded` with the reason; so are the city's own reports (a city is not its
 * own peer) and peers outside the peer group. A peer on another minor version, dated more than
 * `periodMonths` from the city's date, without a date, or with an overall answer coverage below
 * `minCoverage` is kept and flagged. A city's several reports count once: its latest within the
 * period (else its latest, flagged `otherPeriod`); the others are excluded as `superseded`. A
 * peer without a score on a dimension (absent from its report, or null) does not count there and
 * is listed in that dimension's `missing`. Rank: competition ranking among the city and the peers
 * with a score (ties share the best rank). Percentile: (strictly lower + ½ tied) / n × 100, the
 * mean of the strict and weak percentile ranks (scipy `percentileofscore`, kind "mean").
 * Quartiles: Hyndman and Fan (1996) type 7, the default of R's `quantile` and numpy. One sort per
 * score: O(d · n log n).
 *
 * @param city - the city's report (from `parseReport` or `createReport`), with a maturity section
 * @param peers - any number of peer reports (from `parseReport` or `createReport`)
 * @param options - the peer group, the period and the coverage threshold
 * @returns the benchmark, plain JSON data
 * @throws AssessmentError `not_parsed` (`["city"]` or `["peers", i]`), `invalid_type` (peers not
 *   an array; options not an object), `missing_value` (the city's report has no maturity section,
 *   or no population for a population peer group), `out_of_range` / `invalid_value` (an option)
 * @example
 * ```ts
 * import { parseReport } from "icc-assessment/schema";
 * import { benchmarkCities } from "icc-assessment/benchmark";
 * const report = (id: string, score: number) =>
 *   parseReport({
 *     formatVersion: "1.0", kind: "icc-assessment-report",
 *     city: { id, name: id, country: "BG" },
 *     programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
 *     track: { id: "citizenParticipationDigitalPublicAdministration" },
 *     provenance: {
 *       library: { name: "icc-assessment", version: "0.1.0" }, methodologyVersion: "1.0.0",
 *       frameworks: [], parameters: {}, inputDigest: `sha256:${"0".repeat(64)}`, generatedAt: "2021-02-15",
 *     },
 *     sections: {
 *       maturity: {
 *         framework: { id: "fw", version: "1.0.0", title: "A framework", provenance: "designed", sources: [] },
 *         unit: id, assessedOn: "2021-01-31", scale: { min: 0, max: 100 }, levels: [],
 *         overall: { score, level: null, coverage: 1, reason: null }, dimensions: [], indicators: [],
 *       },
 *     },
 *   });
 * const b = benchmarkCities(report("sofia", 50), [report("plovdiv", 40), report("varna", 60), report("ruse", 50)]);
 * b.overall.rank; // => 2
 * b.overall.percentile; // => 50
 * b.overall.median; // => 50
 * b.overall.best; // => { city: "varna", name: "varna", score: 60 }
 * ```
 */
export function benchmarkCities(
  city: Report,
  peers: readonly Report[],
  options: BenchmarkCitiesOptions = {},
): BenchmarkCitiesResult {
  assertParsed(city, "report", ["city"]);
  assertArray(peers, ["peers"], "peers");
  for (let i = 0; i < peers.length; i++) {
    if (!isParsed(peers[i], "report")) assertParsed(peers[i], "report", ["peers", i]);
  }
  const { group, months, minCoverage } = readOptions(options);
  const cm = city.sections.maturity;
  if (cm === undefined) {
    return fail(
      "missing_value",
      ["city", "sections", "maturity"],
      `the city's report has no maturity section: there is nothing to benchmark`,
    );
  }
  const [major, minor] = versionParts(cm.framework.version);
  const cityDate = dateOf(city);
  const period =
    cityDate === null
      ? null
      : {
          months,
          from: addMonthsIso(cityDate, -months),
          to: addMonthsIso(cityDate, months),
        };

  let applied: AppliedPeerGroup;
  let inGroup: (r: Report) => string | null; // null: in the group, else why not
  if ("ids" in group) {
    const ids = new Set(group.ids);
    applied = { by: "ids", ids: [...group.ids] };
    inGroup = (r) => (ids.has(r.city.id) ? null : `${r.city.id} is not in peerGroup.ids`);
  } else if (group.by === "country") {
    const country = city.city.country;
    applied = { by: "country", country };
    inGroup = (r) =>
      r.city.country === country ? null : `country ${r.city.country}, not ${country}`;
  } else if (group.by === "population") {
    const bands = group.bands as readonly PopulationBand[]; // readOptions fills the default
    const pop = city.city.population;
    if (pop === undefined) {
      return fail(
        "missing_value",
        ["city", "city", "population"],
        `the city's report has no population: a population peer group needs it`,
      );
    }
    const band = bands.find((b) => inBand(b, pop));
    if (band === undefined) {
      return failAt(
        "out_of_range",
        ["options", "peerGroup", "bands"],
        `no population band contains the city's population ${pop}`,
      );
    }
    applied = { by: "population", band, bands };
    inGroup = (r) => {
      const p = r.city.population;
      if (p === undefined) return "no population in the report";
      return inBand(band, p) ? null : `population ${p} is outside band ${band.id}`;
    };
  } else {
    applied = { by: "all" };
    inGroup = () => null;
  }

  const excluded: ExcludedReport[] = [];
  const exclude = (index: number, r: Report, reason: ExclusionReason, message: string) => {
    excluded.push({
      index,
      city: r.city.id,
      inputDigest: r.provenance.inputDigest,
      generatedAt: r.provenance.generatedAt,
      reason,
      message,
    });
  };
  const chosen = new Map<string, Candidate>();
  for (let i = 0; i < peers.length; i++) {
    const r = peers[i] as Report;
    const m = r.sections.maturity;
    if (r.city.id === city.city.id) {
      exclude(i, r, "sameCity", "a report of the city itself: a city is not its own peer");
      continue;
    }
    if (m === undefined) {
      exclude(i, r, "noMaturity", "the report has no maturity section");
      continue;
    }
    if (m.framework.id !== cm.framework.id) {
      exclude(i, r, "otherFramework", `framework ${m.framework.id}, not ${cm.framework.id}`);
      continue;
    }
    if (versionParts(m.framework.version)[0] !== major) {
      exclude(
        i,
        r,
        "otherMajorVersion",
        `framework version ${m.framework.version}, not ${major}.x`,
      );
      continue;
    }
    if (m.scale.min !== cm.scale.min || m.scale.max !== cm.scale.max) {
      exclude(
        i,
        r,
        "otherScale",
        `scale ${m.scale.min}–${m.scale.max}, not ${cm.scale.min}–${cm.scale.max}`,
      );
      continue;
    }
    const why = inGroup(r);
    if (why !== null) {
      exclude(i, r, "outsidePeerGroup", why);
      continue;
    }
    const date = dateOf(r);
    const c: Candidate = {
      index: i,
      report: r,
      maturity: m,
      date,
      inPeriod: period !== null && date !== null && date >= period.from && date <= period.to,
    };
    const prev = chosen.get(r.city.id);
    if (prev === undefined) {
      chosen.set(r.city.id, c);
      continue;
    }
    const [keep, drop] = later(c, prev) ? [c, prev] : [prev, c];
    chosen.set(r.city.id, keep);
    exclude(
      drop.index,
      drop.report,
      "superseded",
      `another report of ${r.city.id} is used: peers[${keep.index}]${keep.date ? ` of ${keep.date}` : ""}`,
    );
  }
  excluded.sort((a, b) => a.index - b.index);

  const kept = [...chosen.values()].sort((a, b) => compareIds(a.report.city.id, b.report.city.id));
  const peerRows: BenchmarkPeer[] = kept.map((c) => {
    const flags: PeerFlag[] = [];
    if (versionParts(c.maturity.framework.version)[1] !== minor) flags.push("otherMinorVersion");
    if (c.date === null) flags.push("unknownDate");
    else if (period !== null && !c.inPeriod) flags.push("otherPeriod");
    if (c.maturity.overall.coverage < minCoverage) flags.push("lowCoverage");
    const r = c.report;
    // one literal (not a spread of describeCity): 10,000 of them are built per call
    return {
      index: c.index,
      id: r.city.id,
      name: r.city.name,
      country: r.city.country,
      population: r.city.population ?? null,
      date: c.date,
      frameworkVersion: c.maturity.framework.version,
      inputDigest: r.provenance.inputDigest,
      generatedAt: r.provenance.generatedAt,
      overall: c.maturity.overall.score,
      coverage: c.maturity.overall.coverage,
      flags,
    };
  });

  // one pass over the peers: each score's column (NaN: no score), by the city's dimension order
  const n = kept.length;
  const ids = cm.dimensions.map((d) => d.id);
  const column = new Map(ids.map((id, j) => [id, j]));
  const overallValues = new Float64Array(n);
  const columns = ids.map(() => new Float64Array(n).fill(Number.NaN));
  for (let i = 0; i < n; i++) {
    const m = (kept[i] as Candidate).maturity;
    const s = m.overall.score;
    overallValues[i] = s === null ? Number.NaN : s;
    const dims = m.dimensions;
    for (let k = 0; k < dims.length; k++) {
      const d = dims[k] as Maturity["dimensions"][number];
      // same framework: usually the same position; else look the id up
      const j = ids[k] === d.id ? k : column.get(d.id);
      if (j !== undefined && d.score !== null) (columns[j] as Float64Array)[i] = d.score;
    }
  }
  const overall = standing("overall", "Overall", null, cm.overall.score, overallValues, peerRows);
  const dimensions = cm.dimensions.map((d, j) =>
    standing(d.id, d.title, d.parent, d.score, columns[j] as Float64Array, peerRows),
  );

  return {
    city: describeCity(city, cm),
    framework: { id: cm.framework.id, version: cm.framework.version, title: cm.framework.title },
    scale: { min: cm.scale.min, max: cm.scale.max },
    peerGroup: applied,
    period,
    minCoverage,
    peers: peerRows,
    excluded,
    overall,
    dimensions,
    rules: RULES,
  };
}
