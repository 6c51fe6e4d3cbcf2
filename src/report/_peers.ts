import {
  benchmarkCities,
  type BenchmarkCitiesOptions,
  type BenchmarkCitiesResult,
  type BenchmarkScore,
} from "../benchmark/benchmarkCities.js";
import type { PathSegment } from "../errors/AssessmentError.js";
import type { Report, ReportData, ReportSections } from "../schema/report.js";
import { checkRecord, describe, fail, remapErrors } from "../_lib/assert.js";
import { isParsed, markParsed } from "../_lib/parsed.js";
import { canonicalCopy } from "./_canonical.js";

/** The section "How we compare" as the report carries it. */
export type BenchmarkSection = NonNullable<ReportSections["benchmark"]>;

/** The most characters of `benchmark.note` (the format's limit for a text). */
const MAX_NOTE = 10_000;

function score(s: BenchmarkScore): BenchmarkSection["overall"] {
  return {
    id: s.id,
    title: s.title,
    parent: s.parent,
    score: s.score,
    peers: s.peers,
    missing: [...s.missing],
    rank: s.rank,
    of: s.of,
    percentile: s.percentile,
    q1: s.q1,
    median: s.median,
    q3: s.q3,
    best: s.best === null ? null : { city: s.best.city, name: s.best.name, score: s.best.score },
    distance: { ...s.distance },
    reason: s.reason,
  };
}

function peerGroupRecord(g: BenchmarkCitiesResult["peerGroup"]): BenchmarkSection["peerGroup"] {
  switch (g.by) {
    case "population":
      return { by: g.by, band: { ...g.band }, bands: g.bands.map((x) => ({ ...x })) };
    case "ids":
      return { by: g.by, ids: [...g.ids] };
    case "country":
      return { by: g.by, country: g.country };
    case "all":
      return { by: g.by };
  }
}

/**
 * The report's record of a benchmark (designed by this project): everything `benchmarkCities`
 * returned except the positions of the reports in its argument, which mean nothing to a reader
 * of the report; each peer used and each report left out is identified by its city id, input
 * digest and `generatedAt` (with its framework version and flags), so that a reader holding the
 * same reports can run the benchmark again and get the same numbers.
 */
export function benchmarkRecord(b: BenchmarkCitiesResult, note: string | null): BenchmarkSection {
  return {
    note,
    framework: { ...b.framework },
    scale: { ...b.scale },
    peerGroup: peerGroupRecord(b.peerGroup),
    period: b.period,
    minCoverage: b.minCoverage,
    peers: b.peers.map((p) => ({
      city: p.id,
      name: p.name,
      country: p.country,
      population: p.population,
      date: p.date,
      frameworkVersion: p.frameworkVersion,
      inputDigest: p.inputDigest,
      generatedAt: p.generatedAt,
      overall: p.overall,
      coverage: p.coverage,
      flags: [...p.flags],
    })),
    excluded: b.excluded.map((x) => ({
      city: x.city,
      inputDigest: x.inputDigest,
      generatedAt: x.generatedAt,
      reason: x.reason,
      message: x.message,
    })),
    overall: score(b.overall),
    dimensions: b.dimensions.map(score),
    rules: { ...b.rules },
  };
}

/**
 * `["options", …]` of `benchmarkCities` as paths into createReport's options. Its `["peers", …]`
 * errors cannot happen: benchmarkSection checks the peers as it does, first.
 */
function intoOptions(path: readonly PathSegment[]): readonly PathSegment[] {
  if (path[0] === "options") return ["options", "benchmark", ...path.slice(1)];
  return path;
}

/**
 * The section "How we compare" of a report being made, and its parameters: the city's report so
 * far (the envelope and its maturity section) benchmarked against `peers` by `benchmarkCities`.
 * Checks the options it reads (`peers` parsed reports, `benchmark` an object with a string note);
 * `benchmarkCities` checks the rest, and its errors point into createReport's options.
 */
export function benchmarkSection(
  draft: { readonly sections: { readonly maturity?: unknown } } & Readonly<Record<string, unknown>>,
  peers: unknown,
  options: unknown,
): { section: BenchmarkSection; parameters: Record<string, unknown> } {
  if (!Array.isArray(peers)) {
    fail(
      "invalid_type",
      ["options", "peers"],
      `peers must be an array of reports, got ${describe(peers)}`,
    );
  }
  for (let i = 0; i < peers.length; i++) {
    if (!isParsed(peers[i], "report")) {
      fail(
        "not_parsed",
        ["options", "peers", i],
        `peers[${i}] must be a report returned by parseReport (icc-assessment/schema) or createReport, got ${describe(peers[i])}`,
      );
    }
  }
  const o =
    options === undefined ? {} : checkRecord(options, ["options", "benchmark"], "benchmark");
  const note = o["note"];
  if (note !== undefined && (typeof note !== "string" || note.length > MAX_NOTE)) {
    fail(
      typeof note === "string" ? "out_of_range" : "invalid_type",
      ["options", "benchmark", "note"],
      `benchmark.note must be a string of at most ${MAX_NOTE} characters, got ${describe(note)}`,
    );
  }
  if (draft.sections.maturity === undefined) {
    fail(
      "missing_value",
      ["options", "peers"],
      "peers were given, but the assessment has no maturity part: there is nothing to compare",
    );
  }
  // the city's report as benchmarkCities reads it: the envelope and the maturity section
  const city = markParsed(
    canonicalCopy({ ...draft, sections: { maturity: draft.sections.maturity } }, [
      "report",
    ]) as ReportData,
    "report",
  );
  const { note: _note, ...rest } = o as BenchmarkCitiesOptions & { note?: unknown };
  const b = remapErrors(() => benchmarkCities(city, peers as readonly Report[], rest), intoOptions);
  const g = b.peerGroup;
  return {
    section: benchmarkRecord(b, note === undefined ? null : (note as string)),
    parameters: {
      peerGroup: g.by === "population" ? { by: g.by, band: g.band.id } : g,
      // benchmarkCities checked it, and its default is 12 (b.period is never null here: the
      // draft's generatedAt, which createReport checked, is a date)
      periodMonths: rest.periodMonths ?? 12,
      minCoverage: b.minCoverage,
      given: peers.length,
      used: b.peers.length,
      excluded: b.excluded.length,
    },
  };
}
