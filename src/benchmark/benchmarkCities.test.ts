import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { iccCitizenParticipation } from "../frameworks/iccCitizenParticipation.js";
import { createReport } from "../report/createReport.js";
import type { Observation } from "../schema/entities.js";
import { parseAssessment } from "../schema/parseAssessment.js";
import { parseReport } from "../schema/parseReport.js";
import type { Report } from "../schema/report.js";
import { benchmarkCities, defaultPopulationBands, type BenchmarkScore } from "./benchmarkCities.js";

/** mulberry32, a seeded PRNG: floats in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random answers to every question of the built-in framework (about 1 in 10 left unanswered). */
function randomAnswers(rand: () => number, unit: string): Observation[] {
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const out: Observation[] = [];
  for (const ind of iccCitizenParticipation.indicators) {
    if (rand() < 0.1) continue;
    let value: Observation["value"];
    switch (ind.type) {
      case "binary":
        value = rand() < 0.5;
        break;
      case "likert":
        value = int(ind.scale.min, ind.scale.max);
        break;
      case "categorical":
        value = (ind.options[int(0, ind.options.length - 1)] as { value: string }).value;
        break;
      case "multiSelect":
        value = ind.options.filter(() => rand() < 0.5).map((o) => o.value);
        break;
      case "ratingGrid":
        value = ind.rows.map((r) => ({ row: r.id, value: int(ind.scale.min, ind.scale.max) }));
        break;
      case "numeric": {
        const s = ind.normalisation as { low: number; high: number };
        value = int(Math.min(s.low, s.high), Math.max(s.low, s.high));
        break;
      }
    }
    out.push({ unit, indicator: ind.id, value });
  }
  return out;
}

const COUNTRIES = ["BG", "RO", "GR", "PT", "ES"] as const;

/** A report of a synthetic city, created by createReport from random answers. */
function syntheticReport(rand: () => number, i: number): Report {
  const id = `city-${String(i).padStart(3, "0")}`;
  const month = 1 + Math.floor(rand() * 12);
  const a = parseAssessment(
    {
      formatVersion: "1.0",
      city: {
        id,
        name: `Synthetic city ${i}`,
        country: COUNTRIES[i % COUNTRIES.length],
        population: Math.round(40_000 * Math.exp(rand() * 4)),
      },
      programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
      track: { id: "citizenParticipationDigitalPublicAdministration" },
      stakeholders: [],
      workshops: [],
      needs: [],
      solutions: [],
      maturity: {
        framework: { id: iccCitizenParticipation.id, version: iccCitizenParticipation.version },
        assessedOn: `2021-${String(month).padStart(2, "0")}-15`,
        observations: randomAnswers(rand, id),
      },
    },
    { frameworks: [iccCitizenParticipation] },
  );
  return createReport(a, { generatedAt: "2021-12-31", stability: false, recommendations: false });
}

// ---- an independent, straightforward implementation of the statistics -------------------------

/** R's quantile(type = 7), written with R's 1-based index: j = floor(1 + (n − 1) p). */
function quantile7(values: readonly number[], p: number): number {
  const x = [...values].sort((a, b) => a - b);
  const pos = 1 + (x.length - 1) * p;
  const j = Math.floor(pos);
  const g = pos - j;
  const xj = x[j - 1] as number;
  return j >= x.length ? xj : xj + g * ((x[j] as number) - xj);
}

function percentileOf(values: readonly number[], score: number): number {
  const below = values.filter((v) => v < score).length;
  const tied = values.filter((v) => v === score).length;
  return (100 * (below + tied / 2)) / values.length;
}

function expectStanding(s: BenchmarkScore, score: number | null, values: readonly number[]) {
  expect(s.score).toBe(score);
  expect(s.peers).toBe(values.length);
  if (values.length === 0 || score === null) return;
  expect(s.rank).toBe(1 + values.filter((v) => v > score).length);
  expect(s.percentile).toBeCloseTo(percentileOf(values, score), 10);
  expect(s.q1).toBeCloseTo(quantile7(values, 0.25), 10);
  expect(s.median).toBeCloseTo(quantile7(values, 0.5), 10);
  expect(s.q3).toBeCloseTo(quantile7(values, 0.75), 10);
  expect(s.best?.score).toBe(Math.max(...values));
  expect(s.distance.median).toBeCloseTo(score - quantile7(values, 0.5), 10);
  expect(s.distance.best).toBeCloseTo(score - Math.max(...values), 10);
}

// ---- hand-built reports for the guards ---------------------------------------------------------

interface Spec {
  id: string;
  score?: number | null;
  dims?: Record<string, number | null>;
  framework?: string;
  version?: string;
  scale?: { min: number; max: number };
  date?: string | null;
  coverage?: number;
  country?: string;
  population?: number;
  digit?: string;
  maturity?: boolean;
}

function report(s: Spec): Report {
  const dims = s.dims ?? { a: s.score ?? null };
  return parseReport({
    formatVersion: "1.0",
    kind: "icc-assessment-report",
    city: {
      id: s.id,
      name: s.id.toUpperCase(),
      country: s.country ?? "BG",
      ...(s.population !== undefined ? { population: s.population } : {}),
    },
    programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
    track: { id: "citizenParticipationDigitalPublicAdministration" },
    provenance: {
      library: { name: "icc-assessment", version: "0.1.0" },
      methodologyVersion: "1.0.0",
      frameworks: [],
      parameters: {},
      inputDigest: `sha256:${(s.digit ?? "0").repeat(64)}`,
      generatedAt: s.date === null ? "unknown" : (s.date ?? "2021-02-15"),
    },
    sections:
      s.maturity === false
        ? {}
        : {
            maturity: {
              framework: {
                id: s.framework ?? "fw",
                version: s.version ?? "1.0.0",
                title: "A framework",
                provenance: "designed",
                sources: [],
              },
              unit: s.id,
              assessedOn: s.date === undefined ? "2021-02-01" : s.date,
              scale: s.scale ?? { min: 0, max: 100 },
              levels: [],
              overall: {
                score: s.score === undefined ? 50 : s.score,
                level: null,
                coverage: s.coverage ?? 1,
                reason: null,
              },
              dimensions: Object.entries(dims).map(([id, score]) => ({
                id,
                title: id,
                parent: null,
                score,
                level: null,
                coverage: 1,
                target: null,
                gap: null,
                reason: null,
              })),
              indicators: [],
            },
          },
  });
}

function benchmarkCitiesError(city: Report, options: unknown) {
  try {
    benchmarkCities(city, [], options as never);
  } catch (e) {
    return (e as { issues: unknown[] }).issues[0];
  }
  return null;
}

describe("benchmarkCities", () => {
  describe("on a synthetic panel of 240 reports made by createReport", () => {
    let city: Report;
    let peers: Report[];
    beforeAll(() => {
      const rand = prng(20210131);
      peers = Array.from({ length: 240 }, (_, i) => syntheticReport(rand, i + 1));
      city = syntheticReport(rand, 0);
    });

    it("computes rank, percentile, quartiles, median, best and distances as a plain implementation does", () => {
      const b = benchmarkCities(city, peers);
      expect(b.peers).toHaveLength(240);
      expect(b.excluded).toStrictEqual([]);
      const cm = city.sections.maturity!;
      const overall = peers
        .map((p) => p.sections.maturity!.overall.score)
        .filter((x): x is number => x !== null);
      expectStanding(b.overall, cm.overall.score, overall);
      expect(b.dimensions.map((d) => d.id)).toStrictEqual(cm.dimensions.map((d) => d.id));
      cm.dimensions.forEach((d, j) => {
        const values = peers
          .map((p) => p.sections.maturity!.dimensions.find((x) => x.id === d.id)!.score)
          .filter((x): x is number => x !== null);
        expectStanding(b.dimensions[j]!, d.score, values);
      });
    });

    it("groups the peers by the city's population band (EU-OECD city size classes)", () => {
      const b = benchmarkCities(city, peers, { peerGroup: { by: "population" } });
      const pop = city.city.population!;
      const band = defaultPopulationBands.find(
        (x) => pop >= x.min && (x.max === null || pop < x.max),
      )!;
      expect(b.peerGroup).toStrictEqual({ by: "population", band, bands: defaultPopulationBands });
      const inBand = peers.filter((p) => {
        const q = p.city.population!;
        return q >= band.min && (band.max === null || q < band.max);
      });
      expect(b.peers.map((p) => p.id)).toStrictEqual(inBand.map((p) => p.city.id));
      expect(b.excluded.filter((x) => x.reason === "outsidePeerGroup")).toHaveLength(
        240 - inBand.length,
      );
      expectStanding(
        b.overall,
        city.sections.maturity!.overall.score,
        inBand.map((p) => p.sections.maturity!.overall.score!),
      );
    });

    it("groups the peers by the city's country", () => {
      const b = benchmarkCities(city, peers, { peerGroup: { by: "country" } });
      expect(b.peerGroup).toStrictEqual({ by: "country", country: "BG" });
      expect(b.peers.every((p) => p.country === "BG")).toBe(true);
      expect(b.peers).toHaveLength(peers.filter((p) => p.city.country === "BG").length);
    });

    it("gives the same result whatever the order of the peers (but their input positions)", () => {
      const b = benchmarkCities(city, peers);
      const r = benchmarkCities(city, [...peers].reverse());
      const strip = (x: typeof b) => ({ ...x, peers: x.peers.map((p) => ({ ...p, index: 0 })) });
      expect(strip(r)).toStrictEqual(strip(b));
    });

    it("returns plain JSON data", () => {
      const b = benchmarkCities(city, peers.slice(0, 20));
      expect(JSON.parse(JSON.stringify(b))).toStrictEqual(b);
    });
  });

  it("matches R's quantile(type = 7) on published small cases", () => {
    // R: quantile(c(1, 3, 7, 15)) gives 2.5, 5, 9; quantile(c(1, 2, 3, 4, 10)) gives 2, 3, 4
    const b = benchmarkCities(
      report({ id: "me", score: 5 }),
      [1, 3, 7, 15].map((score, i) => report({ id: `p${i}`, score })),
    );
    expect([b.overall.q1, b.overall.median, b.overall.q3]).toStrictEqual([2.5, 5, 9]);
    expect(b.overall.rank).toBe(3);
    expect(b.overall.of).toBe(5);
    expect(b.overall.percentile).toBe(50);
    const c = benchmarkCities(
      report({ id: "me", score: 3 }),
      [1, 2, 3, 4, 10].map((score, i) => report({ id: `p${i}`, score })),
    );
    expect([c.overall.q1, c.overall.median, c.overall.q3]).toStrictEqual([2, 3, 4]);
    // below 2, tied 1: (2 + 0.5) / 5
    expect(c.overall.percentile).toBe(50);
    expect(c.overall.rank).toBe(3);
    expect(c.overall.best).toStrictEqual({ city: "p4", name: "P4", score: 10 });
    expect(c.overall.distance).toStrictEqual({ q1: 1, median: 0, q3: -1, best: -7 });
  });

  it("shares ranks between ties and takes the smallest city id as the best among equals", () => {
    const b = benchmarkCities(report({ id: "me", score: 60 }), [
      report({ id: "z", score: 80 }),
      report({ id: "b", score: 80 }),
      report({ id: "c", score: 60 }),
    ]);
    expect(b.overall.rank).toBe(3);
    expect(b.overall.best).toStrictEqual({ city: "b", name: "B", score: 80 });
    expect(b.overall.percentile).toBeCloseTo((100 * 0.5) / 3, 12);
  });

  describe("guards", () => {
    const me = () => report({ id: "me", score: 50, date: "2021-02-01" });

    it("leaves out and lists reports on another framework, major version or scale, or without maturity", () => {
      const b = benchmarkCities(me(), [
        report({ id: "ok", score: 40 }),
        report({ id: "fw", score: 40, framework: "other" }),
        report({ id: "major", score: 40, version: "2.0.0" }),
        report({ id: "scale", score: 4, scale: { min: 0, max: 5 } }),
        report({ id: "none", maturity: false }),
      ]);
      expect(b.peers.map((p) => p.id)).toStrictEqual(["ok"]);
      expect(b.excluded.map((x) => [x.index, x.city, x.reason])).toStrictEqual([
        [1, "fw", "otherFramework"],
        [2, "major", "otherMajorVersion"],
        [3, "scale", "otherScale"],
        [4, "none", "noMaturity"],
      ]);
      expect(b.excluded[1]!.message).toBe("framework version 2.0.0, not 1.x");
    });

    it("never takes the city as its own peer", () => {
      const b = benchmarkCities(me(), [report({ id: "me", score: 90, digit: "1" })]);
      expect(b.peers).toStrictEqual([]);
      expect(b.excluded.map((x) => x.reason)).toStrictEqual(["sameCity"]);
      expect(b.overall.rank).toBe(1);
      expect(b.overall.percentile).toBeNull();
      expect(b.overall.reason).toBe("no peer has a score here");
    });

    it("keeps and flags another minor version, another period, no date and low coverage", () => {
      const b = benchmarkCities(me(), [
        report({ id: "minor", score: 40, version: "1.1.0" }),
        report({ id: "patch", score: 40, version: "1.0.3" }),
        report({ id: "old", score: 40, date: "2019-12-01" }),
        report({ id: "edge", score: 40, date: "2022-02-01" }),
        report({ id: "undated", score: 40, date: null }),
        report({ id: "sparse", score: 40, coverage: 0.5 }),
      ]);
      expect(b.excluded).toStrictEqual([]);
      expect(Object.fromEntries(b.peers.map((p) => [p.id, p.flags]))).toStrictEqual({
        edge: [],
        minor: ["otherMinorVersion"],
        old: ["otherPeriod"],
        patch: [],
        sparse: ["lowCoverage"],
        undated: ["unknownDate"],
      });
      expect(b.period).toStrictEqual({ months: 12, from: "2020-02-01", to: "2022-02-01" });
      const strict = benchmarkCities(me(), [report({ id: "sparse", score: 40, coverage: 0.5 })], {
        minCoverage: 0.5,
        periodMonths: 3,
      });
      expect(strict.peers[0]!.flags).toStrictEqual([]);
      expect(strict.period).toStrictEqual({ months: 3, from: "2020-11-01", to: "2021-05-01" });
    });

    it("counts a city's several reports once: its latest within the period", () => {
      const b = benchmarkCities(me(), [
        report({ id: "p", score: 10, date: "2020-06-01", digit: "1" }),
        report({ id: "p", score: 30, date: "2021-06-01", digit: "2" }),
        report({ id: "p", score: 90, date: "2023-01-01", digit: "3" }),
      ]);
      expect(b.peers.map((p) => [p.id, p.overall, p.index, p.flags])).toStrictEqual([
        ["p", 30, 1, []],
      ]);
      expect(b.excluded.map((x) => [x.index, x.reason])).toStrictEqual([
        [0, "superseded"],
        [2, "superseded"],
      ]);
      expect(b.excluded[0]!.message).toBe("another report of p is used: peers[1] of 2021-06-01");
    });

    it("takes the latest report, flagged, when none is within the period", () => {
      const b = benchmarkCities(me(), [
        report({ id: "p", score: 10, date: "2018-06-01", digit: "1" }),
        report({ id: "p", score: 30, date: "2019-06-01", digit: "2" }),
      ]);
      expect(b.peers.map((p) => [p.overall, p.flags])).toStrictEqual([[30, ["otherPeriod"]]]);
    });

    it("leaves out peers outside an explicit list, another country or population band", () => {
      const ids = benchmarkCities(me(), [report({ id: "a" }), report({ id: "b" })], {
        peerGroup: { ids: ["b"] },
      });
      expect(ids.peers.map((p) => p.id)).toStrictEqual(["b"]);
      expect(ids.excluded.map((x) => [x.city, x.reason, x.message])).toStrictEqual([
        ["a", "outsidePeerGroup", "a is not in peerGroup.ids"],
      ]);
      const pop = benchmarkCities(
        report({ id: "me", population: 1_280_000 }),
        [
          report({ id: "big", population: 1_000_000 }),
          report({ id: "small", population: 999_999 }),
          report({ id: "unknown" }),
        ],
        { peerGroup: { by: "population" } },
      );
      expect(pop.peers.map((p) => p.id)).toStrictEqual(["big"]);
      expect(pop.excluded.map((x) => x.message)).toStrictEqual([
        "population 999999 is outside band XXL",
        "no population in the report",
      ]);
      const custom = benchmarkCities(
        report({ id: "me", population: 150 }),
        [report({ id: "x", population: 100 }), report({ id: "y", population: 99 })],
        { peerGroup: { by: "population", bands: [{ id: "tiny", min: 100, max: 200 }] } },
      );
      expect(custom.peers.map((p) => p.id)).toStrictEqual(["x"]);
      const country = benchmarkCities(
        me(),
        [report({ id: "ro", country: "RO" }), report({ id: "bg" })],
        { peerGroup: { by: "country" } },
      );
      expect(country.peers.map((p) => p.id)).toStrictEqual(["bg"]);
    });

    it("leaves a peer out of a dimension it lacks or did not score, and lists it there", () => {
      const b = benchmarkCities(report({ id: "me", dims: { a: 50, b: 50 } }), [
        report({ id: "p1", dims: { a: 40, b: 60 } }),
        report({ id: "p2", dims: { a: 70 } }),
        report({ id: "p3", dims: { b: null, a: 20 } }),
      ]);
      const [a, bb] = b.dimensions;
      expect([a!.peers, a!.missing, a!.rank]).toStrictEqual([3, [], 2]);
      expect([bb!.peers, bb!.missing, bb!.rank, bb!.median]).toStrictEqual([
        1,
        ["p2", "p3"],
        2,
        60,
      ]);
    });

    it("gives null statistics with a reason where the city has no score", () => {
      const b = benchmarkCities(report({ id: "me", score: null }), [report({ id: "p", score: 4 })]);
      expect(b.overall.rank).toBeNull();
      expect(b.overall.percentile).toBeNull();
      expect(b.overall.median).toBe(4);
      expect(b.overall.distance).toStrictEqual({ q1: null, median: null, q3: null, best: null });
      expect(b.overall.reason).toBe("the city's report has no score here");
    });
  });

  describe("dates and ties between a city's reports", () => {
    const withJson = (r: Report, change: (j: any) => void) => {
      const j = JSON.parse(JSON.stringify(r)) as any;
      change(j);
      return parseReport(j);
    };

    it("dates a report by assessedOn, else its period's end, else generatedAt", () => {
      const byPeriod = withJson(report({ id: "p", score: 10 }), (j) => {
        j.sections.maturity.assessedOn = null;
        j.period = { start: "2020-01-01", end: "2020-06-30" };
      });
      const byGenerated = withJson(report({ id: "q", score: 10, date: "2021-03-03" }), (j) => {
        j.sections.maturity.assessedOn = null;
      });
      const b = benchmarkCities(report({ id: "me", date: "2021-02-01" }), [byPeriod, byGenerated]);
      expect(b.peers.map((p) => [p.id, p.date, p.flags])).toStrictEqual([
        ["p", "2020-06-30", []],
        ["q", "2021-03-03", []],
      ]);
    });

    it("has no period when the city's report has no date, and flags nothing for it", () => {
      const b = benchmarkCities(report({ id: "me", date: null }), [
        report({ id: "p", date: "1999-01-01" }),
      ]);
      expect(b.period).toBeNull();
      expect(b.peers[0]!.flags).toStrictEqual([]);
    });

    it("breaks a tie of dates by generatedAt, then by input digest", () => {
      const at = (digit: string, generatedAt: string, score: number) =>
        withJson(report({ id: "p", score, digit }), (j) => {
          j.provenance.generatedAt = generatedAt;
        });
      const b = benchmarkCities(report({ id: "me" }), [
        at("1", "2021-03-01", 10),
        at("2", "2021-04-01", 20),
        at("3", "2021-04-01", 30),
      ]);
      expect(b.peers.map((p) => p.overall)).toStrictEqual([30]);
      const undated = benchmarkCities(report({ id: "me" }), [
        report({ id: "p", date: null, digit: "1" }),
        report({ id: "p", date: null, digit: "1" }),
      ]);
      expect(undated.peers.map((p) => p.index)).toStrictEqual([1]);
      expect(undated.excluded[0]!.message).toBe("another report of p is used: peers[1]");
    });

    it("counts a peer without an overall score nowhere in the overall statistics", () => {
      const b = benchmarkCities(report({ id: "me", score: 50 }), [
        report({ id: "p", score: null, dims: { a: 10 } }),
        report({ id: "q", score: 70 }),
      ]);
      expect([b.overall.peers, b.overall.missing, b.overall.median]).toStrictEqual([1, ["p"], 70]);
    });
  });

  describe("refuses", () => {
    it("unparsed reports (not_parsed)", () => {
      const json = JSON.parse(JSON.stringify(report({ id: "me" }))) as Report;
      expect(() => benchmarkCities(json, [])).toThrowError(
        expect.objectContaining({ code: "not_parsed" }) as Error,
      );
      try {
        benchmarkCities(report({ id: "me" }), [report({ id: "a" }), json]);
        expect.unreachable();
      } catch (e) {
        expect((e as { issues: { path: unknown }[] }).issues[0]!.path).toStrictEqual(["peers", 1]);
      }
    });

    it("a city report without maturity, or without population for a population group", () => {
      expect(() => benchmarkCities(report({ id: "me", maturity: false }), [])).toThrowError(
        /no maturity section/,
      );
      expect(() =>
        benchmarkCities(report({ id: "me" }), [], { peerGroup: { by: "population" } }),
      ).toThrowError(/no population/);
    });

    it("bad options, each at its path", () => {
      const me = report({ id: "me" });
      const path = (o: unknown) => {
        try {
          benchmarkCities(me, [], o as never);
        } catch (e) {
          return (e as { issues: { path: unknown; code: string }[] }).issues[0];
        }
        return null;
      };
      expect(path({ periodMonths: -1 })).toMatchObject({
        code: "out_of_range",
        path: ["options", "periodMonths"],
      });
      expect(path({ minCoverage: 2 })).toMatchObject({ path: ["options", "minCoverage"] });
      expect(path({ minCoverage: "80%" })).toMatchObject({
        code: "invalid_type",
        path: ["options", "minCoverage"],
      });
      expect(
        path({ peerGroup: { by: "population", bands: [{ id: "", min: 0, max: 1 }] } }),
      ).toMatchObject({
        path: ["options", "peerGroup", "bands", 0, "id"],
      });
      expect(
        path({ peerGroup: { by: "population", bands: [{ id: "x", min: "0", max: 1 }] } }),
      ).toMatchObject({
        path: ["options", "peerGroup", "bands", 0, "min"],
      });
      expect(
        benchmarkCitiesError(report({ id: "me", population: 5 }), {
          peerGroup: { by: "population", bands: [{ id: "x", min: 10, max: null }] },
        }),
      ).toMatchObject({ code: "out_of_range", path: ["options", "peerGroup", "bands"] });
      expect(path({ peerGroup: { by: "size" } })).toMatchObject({
        path: ["options", "peerGroup", "by"],
      });
      expect(
        path({ peerGroup: { by: "population", bands: [{ id: "x", min: 5, max: 1 }] } }),
      ).toMatchObject({ path: ["options", "peerGroup", "bands", 0, "max"] });
      expect(path(null)).toMatchObject({ code: "invalid_type", path: ["options"] });
    });
  });

  describe("properties", () => {
    const scores = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 30 });
    const panel = (xs: readonly number[]) => xs.map((score, i) => report({ id: `p${i}`, score }));

    it("percentile stays in [0, 100] and rank in [1, peers + 1]", () => {
      fc.assert(
        fc.property(scores, fc.integer({ min: 0, max: 100 }), (xs, s) => {
          const b = benchmarkCities(report({ id: "me", score: s }), panel(xs));
          const o = b.overall;
          return (
            o.percentile! >= 0 &&
            o.percentile! <= 100 &&
            o.rank! >= 1 &&
            o.rank! <= o.of &&
            o.of === xs.length + 1 &&
            o.q1! <= o.median! &&
            o.median! <= o.q3!
          );
        }),
        { numRuns: 60 },
      );
    });

    it("adding a peer below the city never lowers its percentile nor changes its rank", () => {
      fc.assert(
        fc.property(scores, fc.integer({ min: 1, max: 100 }), fc.nat(), (xs, s, k) => {
          const me = report({ id: "me", score: s });
          const before = benchmarkCities(me, panel(xs)).overall;
          const after = benchmarkCities(me, [
            ...panel(xs),
            report({ id: "new", score: k % s }),
          ]).overall;
          return after.percentile! >= before.percentile! && after.rank === before.rank;
        }),
        { numRuns: 60 },
      );
    });
  });
});
