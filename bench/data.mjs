/* global URL */
// Seeded input generators of the benchmark workloads. Every generator is deterministic (a fixed
// seed), so every run times the same input.
import { readFileSync } from "node:fs";
import { prng } from "./util.mjs";

const round2 = (x) => Math.round(x * 100) / 100;

/** A unit × indicator table as 20 columns of numbers with about 2 % missing (null). */
export function indicatorColumns(units, indicators = 20, seed = 1) {
  const r = prng(seed);
  const columns = [];
  for (let j = 0; j < indicators; j++) {
    const col = new Array(units);
    for (let u = 0; u < units; u++) col[u] = r() < 0.02 ? null : round2(r() * 1000);
    columns.push(col);
  }
  const weights = Array.from({ length: indicators }, () => 1 + Math.floor(r() * 3));
  return { columns, weights };
}

/**
 * A maturity framework of 10 dimensions × 10 indicators (5 Likert 1–5, 3 binary, 2 numeric with
 * goalposts 0–100), weights 1–3, four bands on 0–100; and one observation per unit and indicator,
 * about 5 % unanswered (null), in unit order.
 */
export function maturityInput(units, seed = 2) {
  const r = prng(seed);
  const dimensions = Array.from({ length: 10 }, (_, j) => ({
    id: `d${j}`,
    title: `Dimension ${j}`,
  }));
  const indicators = [];
  for (let j = 0; j < 10; j++) {
    for (let k = 0; k < 10; k++) {
      const id = `q${j}-${k}`;
      const base = {
        id,
        dimension: `d${j}`,
        title: `Question ${j}.${k}`,
        weight: 1 + Math.floor(r() * 3),
      };
      if (k < 5) indicators.push({ ...base, type: "likert", scale: { min: 1, max: 5 } });
      else if (k < 8) indicators.push({ ...base, type: "binary" });
      else
        indicators.push({
          ...base,
          type: "numeric",
          normalisation: { method: "goalposts", low: 0, high: 100 },
        });
    }
  }
  const framework = {
    id: "bench",
    version: "1.0",
    title: "Benchmark framework",
    provenance: "designed",
    sources: [],
    dimensions,
    indicators,
    levels: [
      { id: "l1", title: "Beginner", min: 0, max: 25 },
      { id: "l2", title: "Developing", min: 25, max: 50 },
      { id: "l3", title: "Advanced", min: 50, max: 75 },
      { id: "l4", title: "Leading", min: 75, max: 100 },
    ],
  };
  const observations = [];
  for (let u = 0; u < units; u++) {
    const unit = `unit-${String(u).padStart(5, "0")}`;
    for (const ind of indicators) {
      let value = null;
      if (r() >= 0.05) {
        if (ind.type === "likert") value = 1 + Math.floor(r() * 5);
        else if (ind.type === "binary") value = r() < 0.5;
        else value = round2(r() * 120);
      }
      observations.push({ unit, indicator: ind.id, value });
    }
  }
  return { framework, observations };
}

/** An alternatives × criteria matrix (values 1–100, two decimals), weights, and kinds (every third a cost). */
export function decisionMatrix(rows, cols = 20, seed = 3) {
  const r = prng(seed);
  const matrix = Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => round2(1 + r() * 99)),
  );
  const weights = Array.from({ length: cols }, () => round2(0.1 + r()));
  const kinds = Array.from({ length: cols }, (_, j) => (j % 3 === 2 ? "cost" : "benefit"));
  return { matrix, weights, kinds };
}

const SAATY = [1, 2, 3, 4, 5, 6, 7, 8, 9];

/** A reciprocal n × n AHP matrix on Saaty's scale, near-consistent with random true weights. */
export function ahpMatrix(n, seed = 4) {
  const r = prng(seed);
  const w = Array.from({ length: n }, () => 1 + r() * 8);
  const m = Array.from({ length: n }, () => new Array(n).fill(1));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const ratio = w[i] / w[j];
      const x = ratio >= 1 ? ratio : 1 / ratio;
      let best = 1;
      for (const s of SAATY) if (Math.abs(s - x) < Math.abs(best - x)) best = s;
      m[i][j] = ratio >= 1 ? best : 1 / best;
      m[j][i] = 1 / m[i][j];
    }
  }
  return m;
}

function isoDay(dayNumber) {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
}

const START_DAY = Date.UTC(2021, 1, 8) / 86_400_000; // 2021-02-08, the Sofia plan start

/**
 * Timeline items: 40 % with an end date, 35 % with a duration from the plan start, 15 % with their
 * own start and a duration, 10 % unscheduled.
 */
export function horizonItems(count, seed = 5) {
  const r = prng(seed);
  const items = new Array(count);
  for (let i = 0; i < count; i++) {
    const id = `item-${i}`;
    const x = r();
    const duration = () => {
      const d = {};
      if (r() < 0.7) d.months = Math.floor(r() * 24);
      if (r() < 0.3) d.weeks = Math.floor(r() * 8);
      if (r() < 0.3 || Object.keys(d).length === 0) d.days = Math.floor(r() * 60);
      return d;
    };
    if (x < 0.4) {
      const s = START_DAY + Math.floor(r() * 200);
      items[i] = { id, start: isoDay(s), end: isoDay(s + Math.floor(r() * 700)) };
    } else if (x < 0.75) items[i] = { id, duration: duration() };
    else if (x < 0.9)
      items[i] = { id, start: isoDay(START_DAY + Math.floor(r() * 400)), duration: duration() };
    else items[i] = { id };
  }
  return { items, start: isoDay(START_DAY) };
}

/** Steps with a duration each and 0–3 finish-to-start dependencies on earlier steps, a quarter with a lag. */
export function scheduleInput(count, seed = 6) {
  const r = prng(seed);
  const steps = new Array(count);
  for (let i = 0; i < count; i++) {
    const duration =
      r() < 0.5
        ? { months: 1 + Math.floor(r() * 3) }
        : { weeks: 1 + Math.floor(r() * 6), days: Math.floor(r() * 5) };
    const deps = [];
    const k = i === 0 ? 0 : Math.floor(r() * 4);
    const used = new Set();
    for (let d = 0; d < k; d++) {
      const p = Math.max(0, i - 1 - Math.floor(r() * Math.min(i, 50)));
      if (used.has(p)) continue;
      used.add(p);
      deps.push(r() < 0.25 ? { step: `s${p}`, lagDays: Math.floor(r() * 14) } : { step: `s${p}` });
    }
    steps[i] = {
      id: `s${i}`,
      title: `Step ${i}`,
      duration,
      ...(deps.length > 0 ? { dependsOn: deps } : {}),
    };
  }
  return { steps, start: "2021-02-08" };
}

// ------------------------------------------------------------------------------------------------
// assessments: the Sofia example with its solutions cloned

/** The Sofia example as JSON data. */
export function sofia() {
  return JSON.parse(
    readFileSync(new URL("../examples/sofia/assessment.json", import.meta.url), "utf8"),
  );
}

/** Every `id` value inside a value. */
function idsInside(value, out = new Set()) {
  if (Array.isArray(value)) for (const v of value) idsInside(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "id" && typeof v === "string") out.add(v);
      else idsInside(v, out);
    }
  }
  return out;
}

/** A copy of a value with every string found in `rename` replaced by its new name. */
function renamed(value, rename) {
  if (typeof value === "string") return rename.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => renamed(v, rename));
  if (value && typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = renamed(v, rename);
    return out;
  }
  return value;
}

/**
 * The Sofia assessment with `count` solutions: the example's solutions cloned round-robin, every id
 * inside a clone (the solution's, its steps', KPIs', risks', SWOT items') suffixed with the clone
 * number and references inside it renamed alike; each clone gets its original's criterion scores,
 * nudged within the criterion's scale by a seeded draw; every ballot ranks all solutions (each
 * group of clones in the ballot's original order). References to stakeholders, needs and workshops
 * stay those of the example, so the document stays valid.
 */
export function scaledAssessment(count, seed = 7) {
  const r = prng(seed);
  const base = sofia();
  const originals = base.solutions;
  const k0 = originals.length;
  const scoresOf = new Map();
  for (const s of base.scores ?? []) {
    if (!scoresOf.has(s.solution)) scoresOf.set(s.solution, []);
    scoresOf.get(s.solution).push(s);
  }
  const criteria = new Map((base.criteria ?? []).map((c) => [c.id, c]));
  const solutions = [];
  const scores = [];
  const groups = Math.ceil(count / k0);
  for (let c = 0; c < groups; c++) {
    for (let o = 0; o < k0 && solutions.length < count; o++) {
      const sol = originals[o];
      if (c === 0) {
        solutions.push(sol);
        scores.push(...(scoresOf.get(sol.id) ?? []));
        continue;
      }
      const rename = new Map([...idsInside(sol)].map((id) => [id, `${id}.c${c}`]));
      const copy = renamed(sol, rename);
      copy.title = `${sol.title} (${c + 1})`;
      solutions.push(copy);
      for (const s of scoresOf.get(sol.id) ?? []) {
        const crit = criteria.get(s.criterion);
        const lo = crit?.scale?.min ?? 0;
        const hi = crit?.scale?.max ?? s.value;
        const step =
          Number.isInteger(s.value) && hi - lo <= 10 ? 1 : Math.max(1, Math.round((hi - lo) / 20));
        const nudged = Math.min(hi, Math.max(lo, s.value + step * (Math.floor(r() * 3) - 1)));
        // AHP rates by ratios of scores: keep them positive
        scores.push({ ...s, solution: copy.id, value: nudged > 0 ? nudged : s.value });
      }
    }
  }
  const kept = new Set(solutions.map((s) => s.id));
  const out = { ...base, solutions, scores };
  if (base.ballots) {
    out.ballots = base.ballots.map((b) => {
      const ranking = [];
      for (let c = 0; c < groups; c++) {
        for (const id of b.ranking) {
          const name = c === 0 ? id : `${id}.c${c}`;
          if (kept.has(name)) ranking.push(name);
        }
      }
      return { ...b, ranking };
    });
  }
  return out;
}

/**
 * The Sofia city grown as a whole, for a pipeline whose every collection grows together: `count`
 * solutions in groups of the example's 7, each group with its own copy of the 14 stakeholders, the
 * 8 needs, the 7 solutions (and their criterion scores) and the 7 ballots, every id in a copy
 * suffixed with the group number and the references inside the copy renamed alike (a group's
 * ballots rank that group's solutions: partial ballots over all solutions). Workshops, criteria,
 * the city SWOT, the plan and the actions stay the example's. Solutions, stakeholders, needs,
 * scores and ballots all grow in proportion to `count`, up to the format's 10,000 stakeholders
 * (714 groups, 4,998 solutions): past that, further groups add solutions and scores that refer to
 * the stakeholders and needs of an earlier group, and no ballots (a voter votes once per poll).
 */
export function scaledCity(count) {
  const base = sofia();
  const k0 = base.solutions.length;
  const groups = Math.ceil(count / k0);
  const peopleGroups = Math.floor(10_000 / base.stakeholders.length);
  const out = {
    ...base,
    stakeholders: [],
    needs: [],
    solutions: [],
    scores: [],
    ballots: [],
  };
  const people = new Set([...base.stakeholders, ...base.needs].map((x) => x.id));
  const suffix = (id, c) => (c === 0 ? id : `${id}.c${c}`);
  for (let c = 0; c < groups; c++) {
    const g = c % peopleGroups; // the group whose stakeholders and needs this one refers to
    const take = Math.min(k0, count - c * k0);
    const solutions = base.solutions.slice(0, take);
    const kept = new Set(solutions.map((s) => s.id));
    const scores = (base.scores ?? []).filter((s) => kept.has(s.solution));
    const rename = new Map([...people].map((id) => [id, suffix(id, g)]));
    const own = new Set((base.ballots ?? []).map((b) => b.id));
    for (const s of solutions) idsInside(s, own);
    for (const id of own) rename.set(id, suffix(id, c));
    if (c === g) {
      out.stakeholders.push(...renamed(base.stakeholders, rename));
      out.needs.push(...renamed(base.needs, rename));
      const ballots = (base.ballots ?? []).map((b) => ({
        ...b,
        ranking: b.ranking.filter((id) => kept.has(id)),
      }));
      out.ballots.push(...renamed(ballots, rename));
    }
    out.solutions.push(...renamed(solutions, rename));
    out.scores.push(...renamed(scores, rename));
  }
  return out;
}

/** The Sofia assessment scaled to about `bytes` of compact JSON (by its number of solutions). */
export function assessmentOfSize(bytes) {
  const probe = JSON.stringify(scaledAssessment(700)).length;
  const perSolution = (probe - JSON.stringify(scaledAssessment(7)).length) / 693;
  const count = Math.max(7, Math.round(700 + (bytes - probe) / perSolution));
  const doc = scaledAssessment(count);
  return { doc, text: JSON.stringify(doc), solutions: count };
}

/** A decision: `n` alternatives × 8 criteria on 1–100 scales (two of them costs), weights 1–5. */
export function stabilityDecision(n, seed = 8) {
  const r = prng(seed);
  const criteria = Array.from({ length: 8 }, (_, j) => ({
    id: `c${j}`,
    kind: j % 4 === 3 ? "cost" : "benefit",
    weight: 1 + Math.floor(r() * 5),
    scale: { min: 1, max: 100 },
  }));
  const alternatives = Array.from({ length: n }, (_, i) => `sol-${String(i).padStart(4, "0")}`);
  const matrix = alternatives.map(() => criteria.map(() => round2(1 + r() * 99)));
  return { alternatives, criteria, matrix };
}

/** `count` short rows of 10 values on 0–1000 (about 2 % null) and one set of 10 weights 1–3. */
export function shortRows(count, seed = 11) {
  const r = prng(seed);
  const rows = new Array(count);
  for (let k = 0; k < count; k++) {
    const row = new Array(10);
    for (let i = 0; i < 10; i++) row[i] = r() < 0.02 ? null : round2(r() * 1000);
    row[k % 10] = 0; // two values that differ, so min-max is defined
    row[(k + 1) % 10] = 1000;
    rows[k] = row;
  }
  const weights = Array.from({ length: 10 }, () => 1 + Math.floor(r() * 3));
  return { rows, weights };
}
