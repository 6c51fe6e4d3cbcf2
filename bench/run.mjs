/* global process, console, URL */
// `npm run bench` (after `npm run build`): times the BUILT package, imported as a user imports it,
// against hand-written baselines in the same run; prints one line per workload, its growth over
// three sizes, the cold-import comparison, and a summary; writes bench/RESULTS.md.
//
// Environment: BENCH_ONLY=<name,name> runs some workloads only (RESULTS.md is then left alone,
// unless BENCH_UPDATE=1: then their lines and rows in it are replaced, and the others kept);
// BENCH_RUNS=<n> times each workload n times over and takes, per size, the median of the n
// medians (default 1); BENCH_TIME=<factor> scales the time budgets (default 1).
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import * as prettier from "prettier";
import { Bench } from "tinybench";
import { growthExponent, median, ms, nLogNExponent } from "./util.mjs";
import { workloads } from "./workloads.mjs";

// the stage subpaths, as the package exports them (its JSON files and package.json aside)
const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const subpaths = Object.keys(manifest.exports)
  .filter((k) => k !== "." && !k.endsWith(".json"))
  .map((k) => k.slice(2));
const pkg = {};
for (const s of subpaths) pkg[s] = await import(`icc-assessment/${s}`);

const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(",")) : null;
const timeFactor = Number(process.env.BENCH_TIME ?? "1") || 1;
const runs = Math.max(1, Math.floor(Number(process.env.BENCH_RUNS ?? "1")) || 1);
const update = only !== null && process.env.BENCH_UPDATE === "1";
const lines = [];
const results = [];
const failures = [];
const skipped = [];

function say(line) {
  lines.push(line);
  console.log(line);
}

function mark(value, target, digits = 2) {
  if (target === null) return "";
  const pass = value <= target;
  return {
    text: ` (target ≤ ${target}: ${pass ? "PASS" : "FAIL"})`,
    pass,
    value: value.toFixed(digits),
  };
}

const ROUNDS = 4;

/**
 * A full garbage collection (node runs this file with --expose-gc), so that each round starts from
 * a clean heap: the garbage an earlier workload or size left behind is not collected inside the
 * timing of the next one. What a workload allocates itself is still collected while it is timed.
 */
function collectGarbage() {
  if (typeof globalThis.gc !== "function") {
    throw new Error("run the bench with node --expose-gc (npm run bench does)");
  }
  globalThis.gc();
}

/**
 * One round of tinybench on one input: every task (lib, baseline and, when the workload has one,
 * the floor), in an order rotated from round to round (so a drifting machine load favours none);
 * returns each task's samples.
 */
async function round(r, tasks, budgetMs) {
  collectGarbage();
  const bench = new Bench({
    time: (budgetMs * timeFactor) / ROUNDS / tasks.length,
    iterations: 2,
    warmup: true,
    warmupIterations: r === 0 ? 3 : 1,
    warmupTime: 0,
    retainSamples: true,
    throws: true,
  });
  const order = r % 2 === 0 ? tasks : [...tasks].reverse();
  for (const [name, fn] of order) bench.add(name, fn);
  await bench.run();
  const out = {};
  for (const task of bench.tasks) {
    const res = task.result;
    if (res.state !== "completed")
      throw new Error(`${task.name}: ${res.state} ${res.error?.stack ?? ""}`);
    out[task.name] = res.latency.samples;
  }
  return out;
}

const fastest = (xs) => xs.reduce((x, y) => Math.min(x, y), Infinity);

/**
 * Times lib and baseline (and the floor) at every size: ROUNDS rounds, each visiting every size
 * in turn (so a drift of the machine over the run is spread over the sizes instead of bending the
 * growth line). Per size: the medians of the pooled samples (for the ratio), and the fastest
 * sample (for the growth line: another process on this shared machine, or on the host under it,
 * only ever adds time, so the minimum is the estimate of a call's own cost that noise disturbs
 * least; see docs/decisions/0600).
 */
async function timeSizes(w, inputs) {
  const acc = inputs.map(() => ({ lib: [], baseline: [], floor: [] }));
  for (let r = 0; r < ROUNDS; r++) {
    for (let k = 0; k < inputs.length; k++) {
      // tasks share the budget: a third task gets its own share, not a slice of the others'
      const budget = ((k === inputs.length - 1 ? 4000 : 1500) * (w.floor ? 3 : 2)) / 2;
      const input = inputs[k];
      const tasks = [
        ["lib", () => w.lib(input)],
        ["baseline", () => w.baseline(input)],
      ];
      if (w.floor) tasks.push(["floor", () => w.floor.fn(input)]);
      const got = await round(r, tasks, budget);
      const a = acc[k];
      // a loop, not push(...samples): a fast call leaves more samples than a call's arguments may hold
      for (const name of Object.keys(got)) for (const x of got[name]) a[name].push(x);
    }
  }
  return acc.map((a, k) => ({
    size: w.sizes[k],
    lib: median(a.lib),
    baseline: median(a.baseline),
    floor: w.floor ? median(a.floor) : null,
    libBest: fastest(a.lib),
    baselineBest: fastest(a.baseline),
    samples: Math.min(a.lib.length, a.baseline.length),
  }));
}

function has(name) {
  const [s, f] = name.split(".");
  return typeof pkg[s]?.[f] === "function";
}

for (const w of workloads(pkg)) {
  if (only && !only.has(w.name)) continue;
  const missing = w.needs.filter((n) => !has(n));
  if (missing.length > 0) {
    say(`bench ${w.name}: SKIPPED, not exported by the build: ${missing.join(", ")}`);
    skipped.push(w.name);
    continue;
  }
  const inputs = [];
  for (const size of w.sizes) {
    const input = w.setup(size);
    const diff = w.check(w.lib(input), w.baseline(input), input);
    if (diff) {
      say(`bench ${w.name}: baseline and library disagree at size ${size}: ${diff}`);
      failures.push(`${w.name}: baseline disagrees (${diff})`);
    }
    inputs.push(input);
  }
  const repeats = [];
  for (let k = 0; k < runs; k++) repeats.push(await timeSizes(w, inputs));
  // per size, the median over the runs of each run's medians (fastest samples: the fastest)
  const per = repeats[0].map((p, k) => ({
    ...p,
    lib: median(repeats.map((x) => x[k].lib)),
    baseline: median(repeats.map((x) => x[k].baseline)),
    floor: w.floor ? median(repeats.map((x) => x[k].floor)) : null,
    libBest: Math.min(...repeats.map((x) => x[k].libBest)),
    baselineBest: Math.min(...repeats.map((x) => x[k].baselineBest)),
  }));
  if (runs > 1) {
    say(
      `runs ${w.name}: ${runs}, ratios at the largest size ${repeats.map((x) => (x[x.length - 1].lib / x[x.length - 1].baseline).toFixed(2)).join(", ")} (the line below: their median; times: the medians of the runs' medians)`,
    );
  }
  const main = per[per.length - 1];
  // one run: the ratio of the pooled medians; several: the median of the runs' ratios
  const ratio =
    runs === 1
      ? main.lib / main.baseline
      : median(repeats.map((x) => x[x.length - 1].lib / x[x.length - 1].baseline));
  const m = mark(ratio, w.target);
  const ratioText = ratio.toFixed(2);
  say(
    `bench ${w.name}: lib ${ms(main.lib)} ms, baseline ${ms(main.baseline)} ms, ratio ${ratioText}${m ? m.text : " (no target)"}`,
  );
  if (m && !m.pass) failures.push(`${w.name}: ratio ${ratioText} > ${w.target}`);
  if (w.floor) {
    say(
      `floor ${w.name}: ${w.floor.label} ${ms(main.floor)} ms, lib / floor ${(main.lib / main.floor).toFixed(2)}, baseline / floor ${(main.baseline / main.floor).toFixed(2)} (no target)`,
    );
  }
  if (w.overheadNs !== undefined) {
    // the library's cost per call above the baseline's, in nanoseconds (medians, largest size)
    const perCall = ((main.lib - main.baseline) * 1e6) / w.calls(main.size);
    const o = mark(perCall, w.overheadNs, 0);
    say(
      `overhead ${w.name}: ${perCall.toFixed(0)} ns per call above the baseline (${((main.lib * 1e6) / w.calls(main.size)).toFixed(0)} vs ${((main.baseline * 1e6) / w.calls(main.size)).toFixed(0)} ns)${o.text}`,
    );
    if (!o.pass) failures.push(`${w.name}: ${perCall.toFixed(0)} ns per call > ${w.overheadNs}`);
  }
  // growth from each size's fastest sample (see timeSizes); the ratio takes pooled medians
  const eLib = growthExponent(
    per.map((p) => p.size),
    per.map((p) => p.libBest),
  );
  const eBase = growthExponent(
    per.map((p) => p.size),
    per.map((p) => p.baselineBest),
  );
  // near-linear: at most the exponent n log n shows over the same sizes plus 0.2 for timing noise
  // and the memory hierarchy (the smallest size fits in the CPU caches, the largest does not), or
  // at most 0.1 above the baseline's exponent: the baselines are linear or n log n by
  // construction, so when a baseline grows faster it is the engine (garbage collection on a large
  // heap) that does, and the library pays the same (docs/decisions/0600)
  const nLogNLimit = Number(
    (nLogNExponent(w.sizes.map((x) => x * (w.sizeScale ?? 1))) + 0.2).toFixed(2),
  );
  const baseLimit = Number((eBase + 0.1).toFixed(2));
  const limit = w.growthLimit ?? (w.growth === "linear" ? Math.max(nLogNLimit, baseLimit) : null);
  const which =
    w.growthLimit !== undefined ? " (stated)" : limit === nLogNLimit ? "" : " = baseline + 0.1";
  const g =
    limit === null
      ? w.growth === "perCall"
        ? " (independent calls on rows of the same size: the target is the cost per call, no growth target)"
        : " (inherently non-linear: n² pairwise comparisons per iteration, no linear target)"
      : mark(eLib, limit).text.replace("target", "near-linear target").replace(":", `${which}:`);
  say(
    `growth ${w.name}: sizes ${w.sizes.join("/")} ${w.unit}, exponent lib ${eLib.toFixed(2)}, baseline ${eBase.toFixed(2)}${g}`,
  );
  if (limit !== null && eLib > limit)
    failures.push(`${w.name}: growth exponent ${eLib.toFixed(2)} > ${limit}`);
  results.push({ w, per, ratio, eLib, eBase });
}

// ------------------------------------------------------------------------------------------------
// the largest realistic pipeline in a fresh process: its peak resident set

if (!only || only.has("pipeline-rss")) {
  const n = 10_000;
  const limitMB = 1024;
  const r = spawnSync(
    process.execPath,
    [new URL("./pipeline-rss.mjs", import.meta.url).pathname, String(n)],
    {
      cwd: new URL("..", import.meta.url),
      encoding: "utf8",
    },
  );
  if (r.status !== 0) {
    say(
      `pipeline ${n} solutions: FAILED to run: ${r.stderr.trim().split("\n").slice(-3).join(" ")}`,
    );
    failures.push(`pipeline ${n}: did not run`);
  } else {
    const p = JSON.parse(r.stdout);
    const m = mark(p.peakRssMB, limitMB, 0);
    say(
      `pipeline ${n} solutions (city grown as a whole): parse ${p.parseMs} ms, createReport ${p.reportMs} ms, peak RSS ${p.peakRssMB} MB${m.text.replace("target", "target MB")}`,
    );
    if (!m.pass) failures.push(`pipeline ${n}: peak RSS ${p.peakRssMB} MB > ${limitMB}`);
  }
}

// ------------------------------------------------------------------------------------------------
// cold import: a fresh node process per measurement, import time measured inside it

function importTime(specifier) {
  const script = `const t = performance.now(); await import(${JSON.stringify(specifier)}); process.stdout.write(String(performance.now() - t));`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: new URL("..", import.meta.url),
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`import ${specifier} failed: ${r.stderr}`);
  return Number(r.stdout);
}

if (!only || only.has("import")) {
  const runs = 15;
  const t = { lib: [], zod: [] };
  importTime("icc-assessment");
  importTime("zod");
  for (let i = 0; i < runs; i++) {
    t.lib.push(importTime("icc-assessment"));
    t.zod.push(importTime("zod"));
  }
  const lib = median(t.lib);
  const zod = median(t.zod);
  const ratio = lib / zod;
  const m = mark(ratio, 2);
  say(
    `bench cold import: lib ${ms(lib)} ms, baseline ${ms(zod)} ms, ratio ${ratio.toFixed(2)}${m.text} — import("icc-assessment") vs import("zod"), median of ${runs} fresh processes`,
  );
  if (!m.pass) failures.push(`cold import: ratio ${ratio.toFixed(2)} > 2`);
  results.push({ coldImport: { lib, zod, ratio, runs } });
}

// ------------------------------------------------------------------------------------------------

const targets = lines.filter((l) => l.includes(": PASS)") || l.includes(": FAIL)"));
const passed = targets.filter((l) => l.includes(": PASS)")).length;
say("");
say(
  `summary: ${passed} of ${targets.length} targets met${failures.length ? `; FAILED: ${failures.join("; ")}` : ""}${skipped.length ? `; skipped: ${skipped.join(", ")}` : ""}`,
);

/** The machine, the node version, the load and the commit, as RESULTS.md lists them. */
function machineLines() {
  const cpu =
    (readFileSync("/proc/cpuinfo", "utf8").match(/^model name\s*:\s*(.*)$/m) ?? [])[1] ??
    os.cpus()[0]?.model ??
    "unknown";
  let commit = "unknown";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    // what differs from that commit, RESULTS.md itself aside
    const changed = execFileSync("git", ["status", "--porcelain"], { encoding: "utf8" })
      .split("\n")
      .filter((l) => l.trim() !== "" && !l.endsWith("bench/RESULTS.md"));
    commit +=
      changed.length === 0
        ? " (a clean working tree)"
        : ` plus uncommitted changes to ${changed.length} file${changed.length === 1 ? "" : "s"}`;
  } catch {
    // not a git checkout
  }
  return [
    `- node ${process.version} (V8 ${process.versions.v8}), ${os.platform()} ${os.arch()}`,
    `- CPU: ${cpu}, ${os.cpus().length} cores; memory ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- load average at the end of the run: ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(", ")}`,
    `- tinybench ${JSON.parse(readFileSync(new URL("../node_modules/tinybench/package.json", import.meta.url), "utf8")).version}; git commit ${commit}`,
  ];
}

const tableRow = (r) =>
  `| ${r.w.name} | ${r.per.map((p) => `${p.size}: ${ms(p.lib)} / ${ms(p.baseline)}`).join("<br>")} | ${r.ratio.toFixed(2)} | ${r.w.target ?? "—"} | ${r.eLib.toFixed(2)} / ${r.eBase.toFixed(2)} |`;

const resultsFile = new URL("./RESULTS.md", import.meta.url);

/** Writes RESULTS.md formatted as the repository's Prettier check expects (CI runs prettier --check .). */
async function writeResults(md) {
  const config = (await prettier.resolveConfig(resultsFile)) ?? {};
  writeFileSync(resultsFile, await prettier.format(md, { ...config, parser: "markdown" }));
}

if (!only) {
  const machine = machineLines();
  const table = results.filter((r) => r.w).map(tableRow);
  const md = `# Benchmark results

Written by \`bench/run.mjs\` at the end of \`npm run bench\` (do not edit by hand; run it again).
Run on ${new Date().toISOString().slice(0, 10)}.

## Machine

${machine.join("\n")}

## Output

\`\`\`
${lines.join("\n")}
\`\`\`

## Per size (median ms, lib / baseline)

| workload | size: lib / baseline | ratio at the largest size | target | growth exponent lib / baseline |
| --- | --- | --- | --- | --- |
${table.join("\n")}

What each workload and each baseline does: docs/performance.md.
`;
  await writeResults(md);
} else if (update) {
  // replace the output lines and the table row of each workload run, keep every other line, and
  // say which lines come from which run
  const ran = results.filter((r) => r.w).map((r) => r.w.name);
  const mine = (line) =>
    ran.some((name) =>
      ["bench", "floor", "growth", "overhead", "runs"].some((k) =>
        line.startsWith(`${k} ${name}:`),
      ),
    );
  const old = readFileSync(resultsFile, "utf8").split("\n");
  const open = old.indexOf("```");
  const close = old.indexOf("```", open + 1);
  const output = old.slice(open + 1, close);
  const merged = [];
  for (const line of output) {
    if (line.startsWith("bench ") && ran.some((name) => line.startsWith(`bench ${name}:`))) {
      const name = ran.find((n) => line.startsWith(`bench ${n}:`));
      merged.push(...lines.filter((l) => l.split(":")[0].split(" ").slice(1).join(" ") === name));
    } else if (!mine(line) && !line.startsWith("summary:") && line !== "") merged.push(line);
  }
  for (const name of ran) {
    if (!output.some((l) => l.startsWith(`bench ${name}:`)))
      merged.push(...lines.filter((l) => l.split(":")[0].split(" ").slice(1).join(" ") === name));
  }
  const marks = merged.filter((l) => l.includes(": PASS)") || l.includes(": FAIL)"));
  const fails = marks.filter((l) => l.includes(": FAIL)"));
  merged.push(
    "",
    `summary: ${marks.length - fails.length} of ${marks.length} targets met${fails.length ? `; FAILED: ${fails.map((l) => l.split(":")[0]).join("; ")}` : ""}`,
  );
  const rows = new Map(results.filter((r) => r.w).map((r) => [r.w.name, tableRow(r)]));
  const rest = old.slice(close + 1).map((line) => {
    const name = line.startsWith("| ") ? line.split("|")[1].trim() : null;
    return name !== null && rows.has(name) ? rows.get(name) : line;
  });
  // an earlier partial update's note gives way to this one's
  const head = old
    .slice(0, open)
    .filter((l) => !l.startsWith("Lines of ") && !l.startsWith("- (later run) "));
  const note = `Lines of ${ran.join(", ")} from a later run (BENCH_ONLY=${[...only].join(",")}${runs > 1 ? `, BENCH_RUNS=${runs}` : ""}) on ${new Date().toISOString().slice(0, 10)}, on this machine:`;
  const at = head.indexOf("## Output");
  const updated = [
    ...head.slice(0, at),
    ...head.slice(at, at + 1),
    "",
    note,
    "",
    ...machineLines().map((l) => l.replace("- ", "- (later run) ")),
    "",
    "```",
    ...merged,
    "```",
    ...rest,
  ].join("\n");
  await writeResults(updated.replace(/\n\n(\n)+/g, "\n\n"));
}
