import type { Decimal } from "decimal.js";
import type { PathSegment } from "../errors/AssessmentError.js";
import { assessReadiness, type ReadinessAssessment } from "../maturity/assessReadiness.js";
import type { Assessment } from "../schema/assessment.js";
import type { Duration, Money } from "../schema/common.js";
import type { Kpi, Solution, Step } from "../schema/entities.js";
import { helices, resourceKinds, type Helix, type ResourceKind } from "../schema/vocabularies.js";
import {
  assertFiniteAt,
  assertIds,
  assertList,
  assertRecord,
  assertString,
  describe,
  failAt,
  assertOneOfAt,
} from "../_lib/assert.js";
import { Dec, isDecimal } from "../_lib/decimal.js";
import { compareIds } from "../_lib/sort.js";
import type { BuildSwotResult, RatingConvention, SwotPosition } from "./buildSwot.js";
import { embeddedIndicators, readIdSet, swotOf } from "./_shared.js";

/** Options of {@link solutionDossier}. */
export interface SolutionDossierOptions {
  /**
   * Known indicator ids for the SWOT's evidence links. Default: the indicators of the framework the
   * assessment embeds, when it does.
   */
  readonly indicators?: readonly string[] | ReadonlySet<string>;
  /** How IFE ratings are checked. Default `"david"`. */
  readonly ratingConvention?: RatingConvention;
}

/** A stakeholder resolved from its id. */
export interface DossierStakeholder {
  /** The stakeholder's id. */
  readonly id: string;
  /** The stakeholder's name. */
  readonly name: string;
  /** The stakeholder's helix group. */
  readonly helix: Helix;
}

/** A short form of a SWOT for a dossier. */
export interface SwotSummary {
  /** Items per quadrant. */
  readonly counts: BuildSwotResult["counts"];
  /** Strengths (id and text). */
  readonly strengths: readonly { readonly id: string; readonly text: string }[];
  /** Weaknesses (id and text). */
  readonly weaknesses: readonly { readonly id: string; readonly text: string }[];
  /** Opportunities (id and text). */
  readonly opportunities: readonly { readonly id: string; readonly text: string }[];
  /** Threats (id and text). */
  readonly threats: readonly { readonly id: string; readonly text: string }[];
  /** The IFE total, or `null` for an unweighted SWOT. */
  readonly ife: number | null;
  /** The EFE total, or `null` for an unweighted SWOT. */
  readonly efe: number | null;
  /** The strategic position, or `null`. */
  readonly position: SwotPosition | null;
}

/** One resource a solution needs. */
export interface DossierResource {
  /** staff, budget, partners, data or technology. */
  readonly kind: ResourceKind;
  /** What it is. */
  readonly description: string;
  /** Its cost, or `null` when none is given. */
  readonly cost: Money | null;
  /** Its quantity, or `null`. */
  readonly quantity: number | null;
  /** The quantity's unit, or `null`. */
  readonly unit: string | null;
}

/** The resources of one kind. */
export interface DossierResourceKind {
  /** The kind. */
  readonly kind: ResourceKind;
  /** How many resources of this kind. */
  readonly count: number;
  /** Their descriptions, in the order given. */
  readonly descriptions: readonly string[];
  /** Their costs summed per currency, ordered by currency code. */
  readonly costs: readonly Money[];
  /** How many of them have no cost. */
  readonly unpriced: number;
}

/** The resources a solution needs, with money as Decimal. */
export interface DossierResources {
  /** Every resource, in the order given. */
  readonly items: readonly DossierResource[];
  /** Per kind, all five kinds in vocabulary order (staff, budget, partners, data, technology). */
  readonly byKind: readonly DossierResourceKind[];
  /** Costs of all resources summed per currency, ordered by currency code. */
  readonly byCurrency: readonly Money[];
}

/** The ICC per-solution analysis in one object. */
export interface SolutionDossier {
  /** The solution: id, title, description, theme and track. */
  readonly solution: {
    readonly id: string;
    readonly title: string;
    readonly description: string | null;
    readonly theme: string | null;
    readonly track: string | null;
  };
  /** The readiness assessed from the record (`assessReadiness`). */
  readonly readiness: ReadinessAssessment;
  /** The needs it addresses, resolved to their statements. */
  readonly needs: readonly { readonly id: string; readonly statement: string }[];
  /** The SWOT summary, or `null` (see `swotReason`). */
  readonly swot: SwotSummary | null;
  /** Why `swot` is `null`, or `null`. */
  readonly swotReason: string | null;
  /** The resources needed, by kind and by currency. */
  readonly resources: DossierResources;
  /** The solution's estimated cost, or `null`. */
  readonly cost: Money | null;
  /** Start, end and duration as given (`null` when absent). */
  readonly schedule: {
    readonly start: string | null;
    readonly end: string | null;
    readonly duration: Duration | null;
  };
  /** The implementation steps, in the order given. */
  readonly steps: readonly Step[];
  /** The expected results. */
  readonly expectedResults: readonly string[];
  /** The KPIs. */
  readonly kpis: readonly Kpi[];
  /** The lead stakeholder, or `null`. */
  readonly lead: DossierStakeholder | null;
  /** The partner stakeholders, in the order given. */
  readonly partners: readonly DossierStakeholder[];
}

const AMOUNT = /^-?(0|[1-9]\d{0,14})(\.\d{1,6})?$/;

/** A duration of whole, non-negative, finite months, weeks and days. */
function checkDuration(value: unknown, path: readonly PathSegment[]): Duration {
  assertRecord(value, path, "duration");
  const d = value;
  const out: { months?: number; weeks?: number; days?: number } = {};
  for (const part of ["months", "weeks", "days"] as const) {
    const v = d[part];
    if (v === undefined) continue;
    assertFiniteAt(v, [...path, part], part);
    if (!Number.isInteger(v) || v < 0) {
      failAt(
        "out_of_range",
        [...path, part],
        `${part} must be a whole number ≥ 0, got ${describe(v)}`,
      );
    }
    out[part] = v + 0; // -0 becomes 0
  }
  return out as Duration;
}

/** Reads money given as `{ amount: Decimal | "decimal string", currency }`. */
function readMoney(value: unknown, path: readonly PathSegment[]): Money {
  assertRecord(value, path, "money");
  const amount = value["amount"];
  let dec: Decimal;
  if (isDecimal(amount)) dec = new Dec(amount);
  else if (typeof amount === "string" && AMOUNT.test(amount)) dec = new Dec(amount);
  else
    failAt(
      "invalid_money",
      [...path, "amount"],
      `amount must be a Decimal or a decimal string such as "125000.00", got ${describe(amount)}`,
    );
  if (!dec.isFinite() || dec.isNegative()) {
    failAt(
      "invalid_money",
      [...path, "amount"],
      `amount must be a finite non-negative number, got ${dec.toString()}`,
    );
  }
  const currency = value["currency"];
  if (typeof currency !== "string" || !/^[A-Z]{3}$/.test(currency)) {
    failAt(
      "invalid_money",
      [...path, "currency"],
      `currency must be an ISO 4217 code such as EUR, got ${describe(currency)}`,
    );
  }
  return { amount: dec, currency };
}

function sumByCurrency(list: readonly Money[]): Money[] {
  const sums = new Map<string, Decimal>();
  for (const m of list) sums.set(m.currency, (sums.get(m.currency) ?? new Dec(0)).plus(m.amount));
  return [...sums.entries()]
    .sort((a, b) => compareIds(a[0], b[0]))
    .map(([currency, amount]) => ({ amount, currency }));
}

function records(
  value: unknown,
  path: readonly PathSegment[],
  what: string,
): Readonly<Record<string, unknown>>[] {
  const list = value === undefined ? [] : assertList(value, path, what);
  return list.map((x, i) => {
    assertRecord(x, [...path, i], what);
    return x;
  });
}

function optionalString(value: unknown, path: readonly PathSegment[], name: string): string | null {
  if (value === undefined) return null;
  assertString(value, path, name);
  return value;
}

function readResources(s: Readonly<Record<string, unknown>>): DossierResources {
  const items = records(s["resources"], ["solution", "resources"], "resource").map(
    (r, i): DossierResource => {
      const p: PathSegment[] = ["solution", "resources", i];
      const kind = r["kind"];
      assertOneOfAt(kind, resourceKinds, [...p, "kind"], "kind");
      const description = r["description"];
      assertString(description, [...p, "description"], "description", { nonEmpty: true });
      const quantity = r["quantity"];
      if (quantity !== undefined) {
        assertFiniteAt(quantity, [...p, "quantity"], "quantity");
        if (quantity < 0)
          failAt(
            "out_of_range",
            [...p, "quantity"],
            `quantity must be ≥ 0, got ${describe(quantity)}`,
          );
      }
      return {
        kind,
        description,
        cost: r["cost"] === undefined ? null : readMoney(r["cost"], [...p, "cost"]),
        quantity: (quantity as number | undefined) ?? null,
        unit: optionalString(r["unit"], [...p, "unit"], "unit"),
      };
    },
  );
  const priced = (list: readonly DossierResource[]) =>
    list.flatMap((r) => (r.cost ? [r.cost] : []));
  return {
    items,
    byKind: resourceKinds.map((kind) => {
      const of = items.filter((r) => r.kind === kind);
      return {
        kind,
        count: of.length,
        descriptions: of.map((r) => r.description),
        costs: sumByCurrency(priced(of)),
        unpriced: of.filter((r) => r.cost === null).length,
      };
    }),
    byCurrency: sumByCurrency(priced(items)),
  };
}

function readKpis(s: Readonly<Record<string, unknown>>): Kpi[] {
  return records(s["kpis"], ["solution", "kpis"], "KPI").map((k, i) => {
    const p: PathSegment[] = ["solution", "kpis", i];
    assertString(k["id"], [...p, "id"], "id", { nonEmpty: true });
    assertString(k["title"], [...p, "title"], "title", { nonEmpty: true });
    assertString(k["unit"], [...p, "unit"], "unit", { nonEmpty: true });
    assertFiniteAt(k["target"], [...p, "target"], "target");
    const baseline = k["baseline"];
    if (baseline !== undefined && baseline !== null)
      assertFiniteAt(baseline, [...p, "baseline"], "baseline");
    optionalString(k["due"], [...p, "due"], "due");
    return { ...k } as Kpi;
  });
}

function summary(swot: BuildSwotResult): SwotSummary {
  const short = (list: BuildSwotResult["strengths"]) =>
    list.map((i) => ({ id: i.id, text: i.text }));
  return {
    counts: swot.counts,
    strengths: short(swot.strengths),
    weaknesses: short(swot.weaknesses),
    opportunities: short(swot.opportunities),
    threats: short(swot.threats),
    ife: swot.ife?.total ?? null,
    efe: swot.efe?.total ?? null,
    position: swot.position,
  };
}

/**
 * Gathers the ICC per-solution analysis in one object: readiness, SWOT summary, resources needed
 * (money as Decimal, by kind and by currency), steps, expected results, KPIs, lead and partners.
 *
 * The fields follow the analysis each priority solution received in the ICC strategy workshop —
 * SWOT, means and resources, concrete steps, expected results (documented: Innovative Sofia,
 * second ICC seminar, February 2021) — plus the lead, partners and KPIs the ICC action plans name
 * (documented). Readiness is `assessReadiness` (designed by this project). Resource costs are
 * summed exactly per currency; amounts in different currencies are never added together.
 *
 * @param solution - the solution
 * @param assessment - the assessment it belongs to (stakeholders, needs, embedded framework)
 * @param options - known indicator ids for SWOT evidence and the rating convention
 * @returns the dossier
 * @throws AssessmentError `unknown_reference` (lead, partner or need not in the assessment),
 *   `duplicate_id` (a partner or need listed twice),
 *   `invalid_money` (an unreadable amount or currency), `invalid_value` (unknown resource kind or
 *   readiness), `invalid_type`, `out_of_range`, `non_finite`, and the codes of `buildSwot` for
 *   the solution's SWOT (paths under `["solution", "swot"]`)
 * @example
 * ```ts
 * import { parseAssessment } from "icc-assessment/schema";
 * import { solutionDossier } from "icc-assessment/swot";
 * const assessment = parseAssessment({
 *   formatVersion: "1.0",
 *   city: { id: "sofia", name: "Sofia", country: "BG" },
 *   programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
 *   track: { id: "citizenParticipationDigitalPublicAdministration" },
 *   stakeholders: [{ id: "city", name: "Innovative Sofia", helix: "public", kind: "cityDepartment" }],
 *   workshops: [],
 *   needs: [],
 *   solutions: [{
 *     id: "portal", title: "Open-data portal", readiness: "concept", lead: "city",
 *     resources: [
 *       { kind: "technology", description: "Hosting", cost: { amount: "1200.50", currency: "EUR" } },
 *       { kind: "staff", description: "Data steward", cost: { amount: "30000.00", currency: "EUR" } },
 *     ],
 *   }],
 * });
 * const d = solutionDossier(assessment.solutions[0], assessment);
 * d.lead?.name; // => "Innovative Sofia"
 * d.resources.byCurrency[0].amount.toFixed(2); // => "31200.50"
 * ```
 */
export function solutionDossier(
  solution: Solution,
  assessment: Assessment,
  options: SolutionDossierOptions = {},
): SolutionDossier {
  assertRecord(solution as unknown, ["solution"], "solution");
  assertRecord(assessment as unknown, ["assessment"], "assessment");
  assertRecord(options as unknown, ["options"], "options");
  const s = solution as unknown as Readonly<Record<string, unknown>>;
  const a = assessment as unknown as Readonly<Record<string, unknown>>;
  const readiness = assessReadiness(solution);
  assertString(s["id"], ["solution", "id"], "id", { nonEmpty: true });
  assertString(s["title"], ["solution", "title"], "title", { nonEmpty: true });

  const people = new Map<string, DossierStakeholder>();
  records(a["stakeholders"], ["assessment", "stakeholders"], "stakeholder").forEach((p, i) => {
    const path: PathSegment[] = ["assessment", "stakeholders", i];
    assertString(p["id"], [...path, "id"], "id", { nonEmpty: true });
    assertString(p["name"], [...path, "name"], "name");
    const helix = p["helix"];
    assertOneOfAt(helix, helices, [...path, "helix"], "helix");
    people.set(p["id"], { id: p["id"], name: p["name"], helix });
  });
  const person = (id: string, path: readonly PathSegment[]): DossierStakeholder => {
    const found = people.get(id);
    if (!found) failAt("unknown_reference", path, `unknown stakeholder id ${JSON.stringify(id)}`);
    return found;
  };
  const leadId = s["lead"];
  if (leadId !== undefined) assertString(leadId, ["solution", "lead"], "lead", { nonEmpty: true });
  const lead = leadId === undefined ? null : person(leadId, ["solution", "lead"]);
  const partners = assertIds(s["partners"] ?? [], ["solution", "partners"], "partners").map(
    (id, j) => person(id, ["solution", "partners", j]),
  );

  const statements = new Map<string, string>();
  records(a["needs"], ["assessment", "needs"], "need").forEach((n, i) => {
    assertString(n["id"], ["assessment", "needs", i, "id"], "id", { nonEmpty: true });
    assertString(n["statement"], ["assessment", "needs", i, "statement"], "statement");
    statements.set(n["id"], n["statement"]);
  });
  const needs = assertIds(
    s["addressesNeeds"] ?? [],
    ["solution", "addressesNeeds"],
    "addressesNeeds",
  ).map((id, j) => {
    const statement = statements.get(id);
    if (statement === undefined)
      failAt(
        "unknown_reference",
        ["solution", "addressesNeeds", j],
        `unknown need id ${JSON.stringify(id)}`,
      );
    return { id, statement };
  });

  const given = readIdSet(options.indicators, ["options", "indicators"], "indicators");
  const indicators = given ?? embeddedIndicators(a);
  const items = s["swot"];
  const hasSwot = items !== undefined && !(Array.isArray(items) && items.length === 0);
  const swot = hasSwot
    ? summary(
        swotOf(
          items,
          ["solution", "swot"],
          {
            needs: new Set(statements.keys()),
            ...(indicators ? { indicators } : {}),
            ...(options.ratingConvention !== undefined
              ? { ratingConvention: options.ratingConvention }
              : {}),
          },
          ["options"],
        ),
      )
    : null;

  const steps = records(s["steps"], ["solution", "steps"], "step").map((st, i) => {
    assertString(st["id"], ["solution", "steps", i, "id"], "id", { nonEmpty: true });
    assertString(st["title"], ["solution", "steps", i, "title"], "title", { nonEmpty: true });
    if (st["duration"] === undefined) return { ...st } as Step;
    const stepDuration = checkDuration(st["duration"], ["solution", "steps", i, "duration"]);
    return { ...st, duration: stepDuration } as Step;
  });
  const expected =
    s["expectedResults"] === undefined
      ? []
      : assertList(s["expectedResults"], ["solution", "expectedResults"], "expectedResults");
  expected.forEach((r, i) =>
    assertString(r, ["solution", "expectedResults", i], "expected result", { nonEmpty: true }),
  );
  const duration = s["duration"];
  const cleanDuration =
    duration === undefined ? null : checkDuration(duration, ["solution", "duration"]);

  return {
    solution: {
      id: s["id"],
      title: s["title"],
      description: optionalString(s["description"], ["solution", "description"], "description"),
      theme: optionalString(s["theme"], ["solution", "theme"], "theme"),
      track: optionalString(s["track"], ["solution", "track"], "track"),
    },
    readiness,
    needs,
    swot,
    swotReason: swot ? null : "the solution has no SWOT items",
    resources: readResources(s),
    cost: s["cost"] === undefined ? null : readMoney(s["cost"], ["solution", "cost"]),
    schedule: {
      start: optionalString(s["start"], ["solution", "start"], "start"),
      end: optionalString(s["end"], ["solution", "end"], "end"),
      duration: cleanDuration,
    },
    steps,
    expectedResults: [...(expected as string[])],
    kpis: readKpis(s),
    lead,
    partners,
  };
}
