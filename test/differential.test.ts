/**
 * Validation at the edge, checked differentially (issue 13): random single-field mutations of the
 * Sofia examples go through `safeParseAssessment`; whenever it accepts the mutated document, every
 * stage function that takes an assessment, and `createReport`, must accept it too. A stage that
 * refuses what the parser accepted is a rule missing from the parser (or a stage re-checking what
 * the parser does not guarantee). fast-check with a fixed seed; the mutation is printed on failure.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeParseAssessment } from "../src/schema/parseAssessment.js";
import type { Assessment } from "../src/schema/assessment.js";
import { builtinFrameworks } from "../src/frameworks/builtinFrameworks.js";
import { scoreMaturity } from "../src/maturity/scoreMaturity.js";
import { rankNeeds } from "../src/needs/rankNeeds.js";
import { needCoverage } from "../src/needs/needCoverage.js";
import { stakeholderCoverage } from "../src/needs/stakeholderCoverage.js";
import { buildSwotForAssessment } from "../src/swot/buildSwotForAssessment.js";
import { solutionDossier } from "../src/swot/solutionDossier.js";
import { dossierGaps } from "../src/swot/dossierGaps.js";
import { buildDecision } from "../src/prioritisation/buildDecision.js";
import { prioritise, prioritisationMethods } from "../src/prioritisation/prioritise.js";
import { buildActionPlan } from "../src/actions/buildActionPlan.js";
import { createReport } from "../src/report/createReport.js";
import { renderHtml } from "../src/report/renderHtml.js";
import { renderMarkdown } from "../src/report/renderMarkdown.js";
import { sofiaJson } from "./helpers/sofia.js";
import { SEED, runs } from "./adversarial/_hostile.js";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = readonly (string | number)[];

/** Every place in a JSON value, with the value there (the root aside). */
function placesOf(v: Json, path: Path = [], out: { path: Path; value: Json }[] = []) {
  if (path.length > 0) out.push({ path, value: v });
  if (Array.isArray(v)) v.forEach((x, i) => placesOf(x, [...path, i], out));
  else if (v !== null && typeof v === "object")
    for (const [k, x] of Object.entries(v)) placesOf(x, [...path, k], out);
  return out;
}

/** Every distinct string and number in a document: the pool replacements are drawn from. */
function poolOf(doc: Json) {
  const strings = new Set<string>();
  const numbers = new Set<number>([0, 1, -1, 0.5, 2, 4, 5, 7, 9, 10, 100, 150, 1e6]);
  for (const { value } of placesOf(doc)) {
    if (typeof value === "string") strings.add(value);
    else if (typeof value === "number") numbers.add(value);
  }
  return { strings: [...strings], numbers: [...numbers] };
}

/** One mutation of one place: what it does, to be printed when the property fails. */
interface Mutation {
  readonly place: number;
  readonly kind: number;
  readonly pick: number;
}

const KINDS = 9;

/** Applies a mutation to a fresh copy of `doc`; returns the copy and a description. */
function mutate(doc: Json, m: Mutation, pool: ReturnType<typeof poolOf>): [Json, string] {
  const copy = structuredClone(doc);
  const places = placesOf(copy);
  const { path, value } = places[m.place % places.length] as { path: Path; value: Json };
  const parent = path
    .slice(0, -1)
    .reduce<Json>((o, k) => (o as Record<string | number, Json>)[k] as Json, copy) as
    Json[] | Record<string, Json>;
  const key = path[path.length - 1] as string | number;
  const set = (v: Json) => ((parent as Record<string | number, Json>)[key] = v);
  const pickOf = <T>(xs: readonly T[]) => xs[m.pick % xs.length] as T;
  let what: string;
  switch (m.kind % KINDS) {
    case 0: {
      const s = pickOf(pool.strings);
      set(s);
      what = `set to ${JSON.stringify(s)}`;
      break;
    }
    case 1: {
      const n = pickOf(pool.numbers);
      set(n);
      what = `set to ${n}`;
      break;
    }
    case 2: {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
      what = "removed";
      break;
    }
    case 3: {
      if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(value));
      else set(structuredClone(value));
      what = "duplicated";
      break;
    }
    case 4: {
      const v = typeof value === "number" ? String(value) : typeof value === "string" ? 35 : null;
      set(v);
      what = `set to ${JSON.stringify(v)}`;
      break;
    }
    case 5: {
      const v = typeof value === "boolean" ? !value : Array.isArray(value) ? [] : true;
      set(v);
      what = `set to ${JSON.stringify(v)}`;
      break;
    }
    case 6: {
      // a number nudged: scales, weights, votes and lags just outside or inside their range
      const v =
        typeof value === "number" ? value + (m.pick % 2 === 0 ? 1 : -1) * (1 + (m.pick % 7)) : null;
      set(v);
      what = `set to ${JSON.stringify(v)}`;
      break;
    }
    case 7: {
      // a string swapped for another of the same collection's kind: an id for another id, a
      // date for another date, a currency for another
      const same = pool.strings.filter(
        (s) => typeof value === "string" && s !== value && shapeOf(s) === shapeOf(value),
      );
      const s = same.length > 0 ? pickOf(same) : "x";
      set(s);
      what = `set to ${JSON.stringify(s)}`;
      break;
    }
    default: {
      // a date moved by whole days, months or years (still a real date)
      if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
        const d = new Date(`${value}T00:00:00Z`);
        const by = ((m.pick % 13) - 6) * [1, 30, 365][m.pick % 3]!;
        d.setUTCDate(d.getUTCDate() + by);
        const v = d.toISOString().slice(0, 10);
        set(v);
        what = `set to ${JSON.stringify(v)}`;
      } else {
        set([]);
        what = "set to []";
      }
    }
  }
  return [
    copy,
    `${path.map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`)).join("")} ${what}`,
  ];
}

function shapeOf(s: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return "date";
  if (/^[A-Z]{3}$/.test(s)) return "currency";
  if (/^-?\d+(\.\d+)?$/.test(s)) return "amount";
  if (/^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(s) && s.length <= 100) return "id";
  return "text";
}

/** Runs every stage that takes an assessment, with default options, as a user's pipeline would. */
function everyStage(a: Assessment): void {
  if (a.maturity !== undefined) {
    const ref = a.maturity.framework;
    const fw = [...(a.frameworks ?? []), ...builtinFrameworks].find(
      (f) => f.id === ref.id && f.version === ref.version,
    );
    if (fw !== undefined) scoreMaturity(fw, a.maturity.observations);
  }
  rankNeeds(a);
  needCoverage(a);
  stakeholderCoverage(a);
  buildSwotForAssessment(a);
  for (const s of a.solutions) dossierGaps(solutionDossier(s, a));
  if ((a.criteria ?? []).length > 0 && a.solutions.length > 0 && (a.scores ?? []).length > 0) {
    const decision = buildDecision(a);
    for (const method of prioritisationMethods) {
      if (method === "votes" && (a.ballots ?? []).length === 0) continue;
      if (method === "ahp" && (a.prioritisation?.criteriaJudgements ?? []).length === 0) continue;
      prioritise(decision, { method });
    }
  }
  buildActionPlan(a, a.plan?.selected ?? a.solutions.map((s) => s.id));
  const report = createReport(a, { generatedAt: "2021-02-15", stability: { draws: 50 } });
  renderMarkdown(report, { lang: "en" });
  renderHtml(report, { lang: "bg" });
}

describe("validation at the edge (differential)", () => {
  for (const file of ["assessment.json", "assessment-2022.json"]) {
    it(`accepts in every stage what safeParseAssessment accepted: single-field mutations of ${file}`, () => {
      const doc = sofiaJson(file) as Json;
      const pool = poolOf(doc);
      const places = placesOf(doc).length;
      let accepted = 0;
      fc.assert(
        fc.property(
          fc.record({
            place: fc.nat({ max: places - 1 }),
            kind: fc.nat({ max: KINDS - 1 }),
            pick: fc.nat({ max: 1_000_000 }),
          }),
          (m) => {
            const [mutated, what] = mutate(doc, m, pool);
            const r = safeParseAssessment(mutated);
            if (!r.success) return;
            accepted++;
            try {
              everyStage(r.data);
            } catch (e) {
              throw new Error(
                `parser accepted, a stage refused: ${what}\n${e instanceof Error ? e.message : String(e)}`,
                { cause: e },
              );
            }
          },
        ),
        { seed: SEED, numRuns: runs(1000), endOnFailure: true },
      );
      // the mutations must reach the stages, not only the parser
      expect(accepted).toBeGreaterThan(runs(1000) / 10);
    });
  }
});
