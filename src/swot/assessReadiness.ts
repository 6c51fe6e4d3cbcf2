import type { Decimal } from "decimal.js";
import { formatPath, type PathSegment } from "../errors/AssessmentError.js";
import { describe, fail, isRecord } from "../_lib/assert.js";
import { Dec } from "../_lib/decimal.js";
import { amountOf as readAmount } from "../_lib/money.js";
import type { Solution } from "../schema/entities.js";
import { readinessLevels, type ReadinessLevel } from "../schema/vocabularies.js";

/** One step of the readiness scale: its level id, 1-based index and title. */
export interface ReadinessStep {
  readonly level: ReadinessLevel;
  readonly index: number;
  readonly title: string;
  readonly description: string;
}

/**
 * The five-step solution readiness scale, lowest first: idea → concept → prepared → piloted →
 * deployed. The step names are the library's vocabulary; the descriptions are designed by this
 * project (no ICC readiness scale is public).
 *
 * @example
 * ```ts
 * import { readinessSteps } from "icc-assessment/swot";
 * readinessSteps.map((s) => s.level); // => ["idea", "concept", "prepared", "piloted", "deployed"]
 * ```
 */
export const readinessSteps: readonly ReadinessStep[] = [
  { level: "idea", index: 1, title: "Idea", description: "A named proposal." },
  {
    level: "concept",
    index: 2,
    title: "Concept",
    description: "What it is, which needs it answers and what it should achieve are written down.",
  },
  {
    level: "prepared",
    index: 3,
    title: "Prepared",
    description:
      "The ICC per-solution analysis is done: SWOT, resources, steps, expected results, plus a lead, a cost, a schedule and a KPI.",
  },
  {
    level: "piloted",
    index: 4,
    title: "Piloted",
    description:
      "A pilot has run, with partners, some secured funding and a measured KPI baseline.",
  },
  {
    level: "deployed",
    index: 5,
    title: "Deployed",
    description:
      "In service: funding covers the cost, every KPI has a baseline, risks have mitigations.",
  },
];

/** One readiness criterion as data: the level it belongs to, a stable id and its text. */
export interface ReadinessCriterion {
  readonly level: ReadinessLevel;
  readonly id: string;
  readonly criterion: string;
  /** The solution fields the check reads. */
  readonly fields: readonly string[];
}

/**
 * The criteria of each readiness step (designed by this project; docs/methodology/needs-swot.md,
 * Solution readiness). A solution reaches a step when it meets every criterion of that step and of
 * every step below it. A pilot or a deployment is a fact outside the record, so the `piloted` and
 * `deployed` steps take the declared readiness as the evidence of it and check that the record
 * shows what such a step needs.
 *
 * @example
 * ```ts
 * import { readinessCriteria } from "icc-assessment/swot";
 * readinessCriteria.filter((c) => c.level === "concept").map((c) => c.id); // => ["concept.description", "concept.needs", "concept.expectedResults"]
 * ```
 */
export const readinessCriteria: readonly ReadinessCriterion[] = [
  { level: "idea", id: "idea.title", criterion: "The solution is named", fields: ["title"] },
  {
    level: "concept",
    id: "concept.description",
    criterion: "A description says what the solution is and does",
    fields: ["description"],
  },
  {
    level: "concept",
    id: "concept.needs",
    criterion: "It addresses at least one need raised by stakeholders",
    fields: ["addressesNeeds"],
  },
  {
    level: "concept",
    id: "concept.expectedResults",
    criterion: "At least one expected result is stated",
    fields: ["expectedResults"],
  },
  {
    level: "prepared",
    id: "prepared.lead",
    criterion: "A lead stakeholder is named",
    fields: ["lead"],
  },
  {
    level: "prepared",
    id: "prepared.swot",
    criterion: "A SWOT analysis of the solution has at least one item",
    fields: ["swot"],
  },
  {
    level: "prepared",
    id: "prepared.resources",
    criterion: "The resources needed are identified",
    fields: ["resources"],
  },
  {
    level: "prepared",
    id: "prepared.steps",
    criterion: "Implementation steps are defined",
    fields: ["steps"],
  },
  {
    level: "prepared",
    id: "prepared.cost",
    criterion: "The cost is estimated",
    fields: ["cost"],
  },
  {
    level: "prepared",
    id: "prepared.schedule",
    criterion: "A schedule is set: an end date or a duration",
    fields: ["end", "duration"],
  },
  {
    level: "prepared",
    id: "prepared.kpis",
    criterion: "At least one KPI with a target is defined",
    fields: ["kpis"],
  },
  {
    level: "piloted",
    id: "piloted.declared",
    criterion: "A pilot has run (the readiness is declared piloted or deployed)",
    fields: ["readiness"],
  },
  {
    level: "piloted",
    id: "piloted.partners",
    criterion: "At least one partner stakeholder is engaged",
    fields: ["partners"],
  },
  {
    level: "piloted",
    id: "piloted.funding",
    criterion: "Some funding is secured",
    fields: ["funding"],
  },
  {
    level: "piloted",
    id: "piloted.baseline",
    criterion: "At least one KPI has a measured baseline",
    fields: ["kpis"],
  },
  {
    level: "deployed",
    id: "deployed.declared",
    criterion: "The solution is in service (the readiness is declared deployed)",
    fields: ["readiness"],
  },
  {
    level: "deployed",
    id: "deployed.fullFunding",
    criterion: "Secured funding in the cost's currency covers the estimated cost",
    fields: ["cost", "funding"],
  },
  {
    level: "deployed",
    id: "deployed.allBaselines",
    criterion: "Every KPI has a measured baseline",
    fields: ["kpis"],
  },
  {
    level: "deployed",
    id: "deployed.risks",
    criterion: "Risks are identified, each with a mitigation",
    fields: ["risks"],
  },
];

/** One criterion checked against a solution. */
export interface ReadinessCheck {
  readonly level: ReadinessLevel;
  readonly id: string;
  readonly criterion: string;
  readonly met: boolean;
}

/** The readiness of one solution, from the evidence in its record. */
export interface ReadinessAssessment {
  /** The solution's id. */
  readonly solution: string;
  /** The highest step whose criteria, and those of every step below, are all met. */
  readonly level: ReadinessLevel;
  /** 1 (idea) … 5 (deployed). */
  readonly index: number;
  /** The step's title, e.g. "Prepared". */
  readonly title: string;
  /** The next step, or null at "deployed". */
  readonly next: ReadinessLevel | null;
  /** The criteria of the next step with whether each is met; empty at "deployed". */
  readonly criteria: readonly ReadinessCheck[];
  /** The unmet criteria of the next step, in words; empty at "deployed". */
  readonly missingForNext: readonly string[];
  /** The readiness the solution declares. */
  readonly declared: ReadinessLevel;
  /** Whether the evidence supports the declared readiness (level ≥ declared). */
  readonly consistent: boolean;
  /** The unmet criteria of the declared step and the steps below it; empty when consistent. */
  readonly missingForDeclared: readonly string[];
  /** Every criterion of every step, checked. */
  readonly checks: readonly ReadinessCheck[];
  /** The rule used, in words. */
  readonly method: string;
}

const SOLUTION = ["solution"] as const;

const METHOD =
  "cumulative criteria per step (idea → concept → prepared → piloted → deployed); designed by this project";

function isNonEmptyString(v: unknown): boolean {
  return typeof v === "string" && v.trim() !== "";
}

function nonEmptyArray(
  s: Readonly<Record<string, unknown>>,
  key: string,
): readonly Readonly<Record<string, unknown>>[] {
  const v = s[key];
  if (v !== undefined && !Array.isArray(v)) {
    fail(
      "invalid_type",
      [...SOLUTION, key],
      `solution.${key} must be an array, got ${describe(v)}`,
    );
  }
  return v === undefined ? [] : (v as readonly Readonly<Record<string, unknown>>[]);
}

/** The amount of the cost (`funding` −1) or of funding `funding`, read as a Decimal. */
function amountOf(value: unknown, funding: number): Decimal {
  const amount =
    typeof value === "object" && value !== null
      ? (value as { amount?: unknown }).amount
      : undefined;
  const read = readAmount(amount);
  if (read !== null) return read;
  const path: PathSegment[] =
    funding < 0
      ? ["solution", "cost", "amount"]
      : ["solution", "funding", funding, "amount", "amount"];
  return fail(
    "invalid_money",
    path,
    `${formatPath(path)} must be a Decimal or a decimal string such as "125000.00", got ${describe(amount)}`,
  );
}

function currencyOf(value: unknown): unknown {
  return typeof value === "object" && value !== null
    ? (value as { currency?: unknown }).currency
    : undefined;
}

function hasBaseline(k: Readonly<Record<string, unknown>>): boolean {
  return typeof k["baseline"] === "number" && Number.isFinite(k["baseline"]);
}

function evaluate(s: Readonly<Record<string, unknown>>, declared: number): Map<string, boolean> {
  const kpis = nonEmptyArray(s, "kpis");
  const funding = nonEmptyArray(s, "funding");
  const risks = nonEmptyArray(s, "risks");
  const cost = s["cost"];
  const secured = funding.filter((f) => f["secured"] === true);
  let fullFunding = false;
  if (cost !== undefined) {
    const costAmount = amountOf(cost, -1);
    const currency = currencyOf(cost);
    let sum = new Dec(0);
    funding.forEach((f, i) => {
      if (f["secured"] !== true) return;
      const amount = amountOf(f["amount"], i);
      if (currencyOf(f["amount"]) === currency) sum = sum.plus(amount);
    });
    fullFunding = sum.gte(costAmount);
  }
  const checks: [string, boolean][] = [
    ["idea.title", isNonEmptyString(s["title"])],
    ["concept.description", isNonEmptyString(s["description"])],
    ["concept.needs", nonEmptyArray(s, "addressesNeeds").length > 0],
    ["concept.expectedResults", nonEmptyArray(s, "expectedResults").length > 0],
    ["prepared.lead", isNonEmptyString(s["lead"])],
    ["prepared.swot", nonEmptyArray(s, "swot").length > 0],
    ["prepared.resources", nonEmptyArray(s, "resources").length > 0],
    ["prepared.steps", nonEmptyArray(s, "steps").length > 0],
    ["prepared.cost", cost !== undefined],
    ["prepared.schedule", s["end"] !== undefined || s["duration"] !== undefined],
    ["prepared.kpis", kpis.length > 0],
    ["piloted.declared", declared >= 4],
    ["piloted.partners", nonEmptyArray(s, "partners").length > 0],
    ["piloted.funding", secured.length > 0],
    ["piloted.baseline", kpis.some(hasBaseline)],
    ["deployed.declared", declared >= 5],
    ["deployed.fullFunding", fullFunding],
    ["deployed.allBaselines", kpis.length > 0 && kpis.every(hasBaseline)],
    ["deployed.risks", risks.length > 0 && risks.every((r) => isNonEmptyString(r["mitigation"]))],
  ];
  return new Map(checks);
}

/**
 * Assesses a solution's readiness on the five-step scale idea → concept → prepared → piloted →
 * deployed from the evidence in its record, says what is missing for the next step, and whether
 * the evidence supports the readiness the solution declares.
 *
 * Rule (designed by this project; docs/methodology/needs-swot.md, Solution readiness): each step
 * has criteria ({@link readinessCriteria}); a solution is at the highest step whose criteria and
 * those of every lower step are all met. "Prepared" asks for the per-solution analysis the ICC
 * workshops produced (SWOT, resources, steps, expected results; documented by Innovative Sofia,
 * February 2021) plus a lead, a cost, a schedule and a KPI. A pilot or a deployment cannot be
 * seen in the record, so those steps also need the declaration. `consistent` is true when the
 * evidenced step is at or above the declared one.
 *
 * @param solution - the solution (parsed, with money as Decimal; decimal strings are accepted)
 * @returns the evidenced step, the next step's criteria and what is missing, and the consistency
 *   with the declared readiness
 * @throws AssessmentError `invalid_type` when the solution or one of its lists is not of the
 *   expected type; `invalid_value` for an unknown readiness; `invalid_money` for an unreadable
 *   amount
 * @example
 * ```ts
 * import { assessReadiness } from "icc-assessment/swot";
 * const r = assessReadiness({
 *   id: "s1", title: "Open data portal", readiness: "concept",
 *   description: "A portal for the city's datasets", addressesNeeds: ["n1"],
 *   expectedResults: ["100 datasets online"],
 * });
 * r.level; // => "concept"
 * r.consistent; // => true
 * r.missingForNext.length; // => 7
 * ```
 */
export function assessReadiness(solution: Solution): ReadinessAssessment {
  if (!isRecord(solution)) {
    fail("invalid_type", SOLUTION, `solution must be an object, got ${describe(solution)}`);
  }
  const s = solution as unknown as Readonly<Record<string, unknown>>;
  const declaredLevel = s["readiness"];
  if (!(readinessLevels as readonly unknown[]).includes(declaredLevel)) {
    fail(
      "invalid_value",
      [...SOLUTION, "readiness"],
      `solution.readiness must be one of ${readinessLevels.join(", ")}, got ${describe(declaredLevel)}`,
    );
  }
  const declaredIndex = (readinessLevels as readonly unknown[]).indexOf(declaredLevel) + 1;
  const met = evaluate(s, declaredIndex);
  const checks: ReadinessCheck[] = readinessCriteria.map((c) => ({
    level: c.level,
    id: c.id,
    criterion: c.criterion,
    met: met.get(c.id) === true,
  }));
  // the highest step with every criterion of it and of the steps below met
  const unmet = new Set<ReadinessLevel>();
  for (const c of checks) if (!c.met) unmet.add(c.level);
  let index = 0;
  for (const step of readinessSteps) {
    if (unmet.has(step.level)) break;
    index = step.index;
  }
  // "idea.title" holds for every named solution; an unnamed one still starts at idea
  index = Math.max(index, 1);
  const step = readinessSteps[index - 1] as ReadinessStep;
  const nextStep = readinessSteps[index];
  const criteria = nextStep ? checks.filter((c) => c.level === nextStep.level) : [];
  const declared = readinessLevels[declaredIndex - 1] as ReadinessLevel;
  const belowDeclared = new Set<string>(readinessLevels.slice(0, declaredIndex));
  return {
    solution: typeof s["id"] === "string" ? s["id"] : "",
    level: step.level,
    index,
    title: step.title,
    next: nextStep ? nextStep.level : null,
    criteria,
    missingForNext: criteria.filter((c) => !c.met).map((c) => c.criterion),
    declared,
    consistent: index >= declaredIndex,
    missingForDeclared:
      index >= declaredIndex
        ? []
        : checks.filter((c) => belowDeclared.has(c.level) && !c.met).map((c) => c.criterion),
    checks,
    method: METHOD,
  };
}
