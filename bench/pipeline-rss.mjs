/* global process, console, performance */
// One process: parse the Sofia city grown to N solutions (bench/data.mjs scaledCity: solutions,
// stakeholders, needs, scores and ballots together) and create its report with default options;
// prints JSON { solutions, parseMs, reportMs, peakRssMB }. Run by bench/run.mjs in a fresh process
// so that the peak resident set is this pipeline's alone.
import { parseAssessment } from "icc-assessment/schema";
import { createReport } from "icc-assessment/report";
import { scaledCity } from "./data.mjs";

const n = Number(process.argv[2] ?? "10000");
const doc = JSON.stringify(scaledCity(n));
const t0 = performance.now();
const a = parseAssessment(JSON.parse(doc));
const t1 = performance.now();
const report = createReport(a, { generatedAt: "2021-02-15" });
const t2 = performance.now();
console.log(
  JSON.stringify({
    solutions: report.sections.dossiers?.length ?? 0,
    parseMs: Math.round(t1 - t0),
    reportMs: Math.round(t2 - t1),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
