/* global process, console, URL, performance */
// `node --expose-gc bench/benchmarkCities.mjs` (after `npm run build`): times benchmarkCities of the BUILT
// package on a city against 2,500, 5,000 and 10,000 peer reports, against a hand-written loop over
// the same numbers (prepared Float64Arrays of the dimension scores: one sort per score, type 7
// quartiles, counts below and tied, the best). The target (issue 17): 10,000 peers under one
// second on one core. Prints one line per size, the ratio to the baseline and the growth exponent;
// exits 1 when the target is missed or the two disagree on a number.
import { readFileSync } from "node:fs";
import { builtinFrameworks } from "icc-assessment/frameworks";
import { benchmarkCities } from "icc-assessment/benchmark";
import { createReport } from "icc-assessment/report";
import { parseAssessment, parseJson, parseReport } from "icc-assessment/schema";
import { close, growthExponent, median, ms, nLogNExponent, prng } from "./util.mjs";

const SIZES = [2500, 5000, 10_000];
const RUNS = 15;
const TARGET_MS = 1000;

// the city: the Sofia example's report, maturity only
const assessment = parseAssessment(
  parseJson(readFileSync(new URL("../examples/sofia/assessment.json", import.meta.url), "utf8")),
  { frameworks: builtinFrameworks },
);
const full = createReport(assessment, { generatedAt: "2021-02-15", stability: false });
const template = JSON.parse(JSON.stringify(full));
template.sections = { maturity: template.sections.maturity };
const city = parseReport(template);
const dimIds = template.sections.maturity.dimensions.map((d) => d.id);

/** n synthetic peer reports (parsed), and the same scores as arrays for the baseline. */
function panel(n, seed) {
  const rand = prng(seed);
  const countries = ["BG", "RO", "GR", "PT", "ES", "IT", "PL"];
  const reports = [];
  const scores = dimIds.map(() => new Float64Array(n));
  const overall = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const json = JSON.parse(JSON.stringify(template));
    const id = `peer-${String(i).padStart(5, "0")}`;
    json.city = {
      id,
      name: `Synthetic city ${i}`,
      country: countries[i % countries.length],
      population: Math.round(40_000 * Math.exp(rand() * 4)),
    };
    const m = json.sections.maturity;
    let sum = 0;
    m.dimensions.forEach((d, j) => {
      d.score = Math.round(rand() * 1000) / 10;
      scores[j][i] = d.score;
      sum += d.score;
    });
    m.overall.score = sum / m.dimensions.length;
    m.overall.coverage = 0.6 + 0.4 * rand();
    overall[i] = m.overall.score;
    m.assessedOn = `202${Math.floor(rand() * 3)}-0${1 + Math.floor(rand() * 9)}-15`;
    json.provenance.inputDigest = `sha256:${i.toString(16).padStart(64, "0")}`;
    reports.push(parseReport(json));
  }
  return { reports, scores, overall };
}

/** The baseline: the same statistics by a plain loop over prepared arrays. */
function baseline(cityScores, arrays) {
  return arrays.map((values, k) => {
    const score = cityScores[k];
    const sorted = Float64Array.from(values).sort();
    const n = sorted.length;
    const q = (p) => {
      const h = (n - 1) * p;
      const lo = Math.floor(h);
      return lo + 1 >= n ? sorted[lo] : sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    };
    let below = 0;
    let tied = 0;
    let best = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v < score) below++;
      else if (v === score) tied++;
      if (v > best) best = v;
    }
    return {
      rank: n - below - tied + 1,
      percentile: ((below + tied / 2) / n) * 100,
      q1: q(0.25),
      median: q(0.5),
      q3: q(0.75),
      best,
    };
  });
}

function time(fn) {
  // a clean heap first when node runs with --expose-gc: the panel's garbage is not timed
  if (typeof globalThis.gc === "function") globalThis.gc();
  for (let i = 0; i < 3; i++) fn();
  const samples = [];
  let out;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    out = fn();
    samples.push(performance.now() - t);
  }
  return { ms: median(samples), out };
}

const cm = city.sections.maturity;
const cityScores = [cm.overall.score, ...cm.dimensions.map((d) => d.score)];
const libTimes = [];
const baseTimes = [];
let failed = false;
console.log(
  `benchmarkCities: the Sofia report against n synthetic peer reports (${dimIds.length} dimensions + overall), median of ${RUNS} runs`,
);
for (const n of SIZES) {
  const t0 = performance.now();
  const { reports, scores, overall } = panel(n, 17 + n);
  const prep = performance.now() - t0;
  const arrays = [overall, ...scores];
  const lib = time(() => benchmarkCities(city, reports));
  const base = time(() => baseline(cityScores, arrays));
  const got = [lib.out.overall, ...lib.out.dimensions].map((s) => ({
    rank: s.rank,
    percentile: s.percentile,
    q1: s.q1,
    median: s.median,
    q3: s.q3,
    best: s.best.score,
  }));
  const diff = close(got, base.out);
  if (diff) {
    console.log(`  n = ${n}: the library and the baseline disagree: ${diff}`);
    failed = true;
  }
  libTimes.push(lib.ms);
  baseTimes.push(base.ms);
  console.log(
    `  n = ${String(n).padStart(6)}: library ${ms(lib.ms).padStart(7)} ms, baseline ${ms(base.ms).padStart(7)} ms, ratio ${(lib.ms / base.ms).toFixed(1)}× (preparing ${(prep / 1000).toFixed(1)} s: ${n} reports built and parsed)`,
  );
}
const last = libTimes[libTimes.length - 1];
const pass = last <= TARGET_MS;
console.log(
  `  growth exponent ${growthExponent(SIZES, libTimes).toFixed(2)} (n log n over these sizes: ${nLogNExponent(SIZES).toFixed(2)}; baseline ${growthExponent(SIZES, baseTimes).toFixed(2)})`,
);
console.log(
  `  10,000 peers: ${ms(last)} ms (target ≤ ${TARGET_MS} ms: ${pass ? "PASS" : "FAIL"}), ${(last / baseTimes[baseTimes.length - 1]).toFixed(1)}× the hand-written loop`,
);
if (!pass || failed) process.exitCode = 1;
