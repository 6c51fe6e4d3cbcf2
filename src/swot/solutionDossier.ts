import type { Decimal } from "decimal.js";
import { AssessmentError } from "../errors/AssessmentError.js";
import { assessReadiness, type ReadinessAssessment } from "./assessReadiness.js";
import type { Assessment } from "../schema/assessment.js";
import type { Duration, Money } from "../schema/common.js";
import type { Kpi, Resource, Solution, Stakeholder, Step } from "../schema/entities.js";
import { resourceKinds, type Helix, type ResourceKind } from "../schema/vocabularies.js";
import { describe, isRecord } from "../_lib/assert.js";
import { indexAssessment } from "../_lib/assessmentIndex.js";
import { Dec } from "../_lib/decimal.js";
import { assertParsed } from "../_lib/parsed.js";
import { compareIds } from "../_lib/sort.js";
import type { BuildSwotResult, RatingConvention, SwotPosition } from "./buildSwot.js";
import { ASSESSMENT_OPTIONS, checkIndicators, computeSwot, toIdSet } from "./_shared.js";
import { readValue } from "../_lib/readValue.js";

/** Options of {@link solutionDossier}. */
export interface SolutionDossierOptions {
  /**
   * Known indicator ids: when given, every evidence indicator of the solution's SWOT must be one of
   * them (the parser has already checked them against the assessment's framework).
   */
  readonly indicators?: readonly string[] | ReadonlySet<string>;
  /**
   * The rating convention, `"david"` (default) or `"free"`. The parser enforces David's convention
   * on every assessment, so the option changes no number; it is checked for its value.
   */
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

function sumByCurrency(list: readonly Money[]): Money[] {
  const sums = new Map<string, Decimal>();
  for (const m of list) sums.set(m.currency, (sums.get(m.currency) ?? new Dec(0)).plus(m.amount));
  return [...sums.entries()]
    .sort((a, b) => compareIds(a[0], b[0]))
    .map(([currency, amount]) => ({ amount, currency }));
}

function resourcesOf(list: readonly Resource[]): DossierResources {
  const byKind = new Map<
    ResourceKind,
    { descriptions: string[]; costs: Money[]; unpriced: number }
  >();
  for (const kind of resourceKinds) byKind.set(kind, { descriptions: [], costs: [], unpriced: 0 });
  const costs: Money[] = [];
  const items = list.map((r): DossierResource => {
    const group = byKind.get(r.kind) as {
      descriptions: string[];
      costs: Money[];
      unpriced: number;
    };
    group.descriptions.push(r.description);
    if (r.cost === undefined) group.unpriced++;
    else {
      group.costs.push(r.cost);
      costs.push(r.cost);
    }
    return {
      kind: r.kind,
      description: r.description,
      cost: r.cost ?? null,
      quantity: r.quantity ?? null,
      unit: r.unit ?? null,
    };
  });
  return {
    items,
    byKind: resourceKinds.map((kind) => {
      const g = byKind.get(kind) as { descriptions: string[]; costs: Money[]; unpriced: number };
      return {
        kind,
        count: g.descriptions.length,
        descriptions: g.descriptions,
        costs: sumByCurrency(g.costs),
        unpriced: g.unpriced,
      };
    }),
    byCurrency: sumByCurrency(costs),
  };
}

/** Throws `not_parsed`: the solution is not an element of the parsed assessment. */
function notOneOf(solution: unknown, solutions: ReadonlyMap<string, Solution>): never {
  const id: unknown = isRecord(solution) ? solution["id"] : undefined;
  throw new AssessmentError([
    {
      code: "not_parsed",
      path: ["solution"],
      message: `solution must be one of assessment.solutions (an element of the parsed assessment), got ${
        !isRecord(solution)
          ? describe(solution)
          : typeof id === "string" && solutions.has(id)
            ? `another object with its id ${JSON.stringify(id)} (a copy or an edited solution): edit the document and parse it again`
            : `a solution with id ${describe(id)}, which the assessment does not have`
      }`,
    },
  ]);
}

function person(s: Stakeholder): DossierStakeholder {
  return { id: s.id, name: s.name, helix: s.helix };
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
 * The solution must be one of `assessment.solutions`, and both are trusted as parsed: references,
 * money, durations and the SWOT were checked by `parseAssessment`. The work done is proportional to
 * the solution's own data (the assessment's stakeholders and needs are looked up in its index).
 *
 * @param solution - the solution: an element of `assessment.solutions`
 * @param assessment - the parsed assessment it belongs to
 * @param options - known indicator ids for SWOT evidence and the rating convention
 * @returns the dossier
 * @throws AssessmentError `not_parsed` (the assessment did not come from `parseAssessment`, or
 *   the solution is not one of its solutions); `unknown_reference` (an evidence indicator not
 *   among `options.indicators`, path under `["solution", "swot"]`); `invalid_type` or
 *   `invalid_value` (a malformed option)
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
  assertParsed(assessment, "assessment");
  const index = indexAssessment(assessment);
  if (index.solutions.get((solution as { id?: string } | null)?.id as string) !== solution)
    notOneOf(solution, index.solutions);
  readValue(options, ASSESSMENT_OPTIONS, ["options"]);
  const given = toIdSet(options.indicators);
  const ratingConvention = options.ratingConvention ?? "david";
  const s = solution;

  const items = s.swot ?? [];
  if (given) checkIndicators(items, given, ["solution", "swot"]);
  const swot =
    items.length > 0
      ? summary(
          computeSwot(items, {
            ratingConvention,
            indicatorsChecked: given !== null,
            needsChecked: true,
          }),
        )
      : null;
  const people = index.stakeholders;
  const statements = index.needs;

  return {
    solution: {
      id: s.id,
      title: s.title,
      description: s.description ?? null,
      theme: s.theme ?? null,
      track: s.track ?? null,
    },
    readiness: assessReadiness(s),
    needs: (s.addressesNeeds ?? []).map((n) => ({
      id: n,
      statement: (statements.get(n) as { statement: string }).statement,
    })),
    swot,
    swotReason: swot ? null : "the solution has no SWOT items",
    resources: resourcesOf(s.resources ?? []),
    cost: s.cost ?? null,
    schedule: { start: s.start ?? null, end: s.end ?? null, duration: s.duration ?? null },
    steps: s.steps ?? [],
    expectedResults: s.expectedResults ?? [],
    kpis: s.kpis ?? [],
    lead: s.lead === undefined ? null : person(people.get(s.lead) as Stakeholder),
    partners: (s.partners ?? []).map((p) => person(people.get(p) as Stakeholder)),
  };
}
