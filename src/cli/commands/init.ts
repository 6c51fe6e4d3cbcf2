import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { builtinFrameworks } from "../../frameworks/builtinFrameworks.js";
import { getFramework } from "../../frameworks/getFramework.js";
import { safeParseAssessment } from "../../schema/parseAssessment.js";
import { FORMAT_VERSION, iccTracks } from "../../schema/vocabularies.js";
import type { Indicator } from "../../schema/framework.js";
import { jsonSchemaId } from "../../schema/toJsonSchema.js";
import sofiaExample from "../../../examples/sofia/assessment.json" with { type: "json" };
import { choiceOption, today, UsageError, writeOutput } from "../io.js";

export const initHelp = `Usage: icc-assess init [--out file] [--city-id id] [--city-name name] [--country XX]
                      [--track track] [--force] [--json]
       icc-assess init --example [--out file] [--force] [--json]

Writes a starter assessment to fill in: the city (its country left empty until you set it), the
programme, placeholder stakeholders (one per helix group), a workshop, a need, two solutions,
two criteria with scores and a plan, and every question of the built-in ICC framework
unanswered (null), each with the question in its note. Its "notes" say how to fill it in. It
scores "not assessed" until you answer; "icc-assess validate" says what is still missing.

With --example it writes the filled, illustrative Sofia example instead.

Options:
  --out <file>        where to write (default assessment.json; "-" for stdout)
  --city-id <id>      the city's id (default my-city)
  --city-name <name>  the city's name (default My City)
  --country <XX>      the city's ISO 3166-1 alpha-2 country code, such as BG (default: none;
                      set city.country in the file, or pass it here)
  --track <track>     one of the five ICC tracks (default
                      citizenParticipationDigitalPublicAdministration)
  --example           write the filled Sofia example (illustrative data) instead of a starter
  --force             overwrite an existing file
  --json              print { out, valid } as JSON
  -h, --help          show this help`;

/** What to write for an answer of each type, in the note of an unanswered question. */
function answerHint(q: Indicator): string {
  switch (q.type) {
    case "binary":
      return "true or false";
    case "likert":
      return `a whole number from ${q.scale.min} to ${q.scale.max}`;
    case "numeric":
      return `a number${q.unit === undefined ? "" : ` (${q.unit})`}`;
    case "categorical":
      return `one of ${q.options.map((o) => JSON.stringify(o.value)).join(", ")}`;
    case "multiSelect":
      return `a list of the options that apply, from ${q.options.map((o) => JSON.stringify(o.value)).join(", ")}`;
    case "ratingGrid":
      return `a list of { "row", "value" } with value from ${q.scale.min} to ${q.scale.max}, for the rows ${q.rows.map((r) => JSON.stringify(r.id)).join(", ")}`;
  }
}

/**
 * Every question of the built-in framework, unanswered (`null`): a starter must not invent
 * answers, which would score a level nobody assessed.
 */
function unansweredQuestions(unit: string): Record<string, unknown>[] {
  const framework = getFramework("icc-citizen-participation", "1.0.0");
  return framework.indicators.map((q) => ({
    unit,
    indicator: q.id,
    value: null,
    note: `${q.question ?? q.title} Answer: ${answerHint(q)}; leave null while unknown.`,
  }));
}

/** The starter assessment (plain JSON). */
export function starterAssessment(o: {
  cityId: string;
  cityName: string;
  country: string;
  track: string;
  start: string;
}): Record<string, unknown> {
  return {
    $schema: jsonSchemaId("assessment"),
    formatVersion: FORMAT_VERSION,
    notes: [
      `Starter assessment written by "icc-assess init" on ${o.start}. It is yours to fill in: nothing below is data about your city yet.`,
      `city: set "country" to your city's ISO 3166-1 alpha-2 code (BG, DE, FR, ...); "icc-assess validate" refuses the file until you do.`,
      'maturity: every question of the built-in framework icc-citizen-participation 1.0.0 (designed by the icc-assessment project, not an official EC instrument) is unanswered (null); its note says what to answer. Replace null with your city\'s answer, or leave it null when unknown: unanswered questions are skipped, and a dimension is scored once half of its weight is answered. Until then the city is "not assessed".',
      "stakeholders, workshops, needs, swot, solutions, criteria, scores and plan hold placeholders that show the shape: replace them with your own.",
      "stakeholders: every organisation that takes part, with its helix group (public, business, academia, civilSociety).",
      "workshops: the needs-assessment and solution-prioritisation workshops, with the ids of the stakeholders who took part.",
      "needs: what the stakeholders said the city needs, with who raised it and how many votes it got.",
      "solutions: the solutions proposed, with readiness, dates or a duration, cost (money is a decimal string) and funding.",
      "criteria and scores: how the solutions are compared (a benefit or a cost criterion, a weight and a scale).",
      "plan: the plan start (horizons are measured from it), the selected solutions and the budget.",
      'Then: icc-assess validate assessment.json, icc-assess score assessment.json, and icc-assess report assessment.json --format html --out report.html. The field reference is docs/data-format.md; "icc-assess init --example" writes a filled example.',
    ],
    city: { id: o.cityId, name: o.cityName, country: o.country },
    programme: {
      id: "icc-2020",
      title: "Intelligent Cities Challenge 2020–2022",
      start: "2020-09-28",
      end: "2022-11-30",
    },
    track: { id: o.track },
    stakeholders: [
      {
        id: "city-hall",
        name: "City hall (innovation team)",
        helix: "public",
        kind: "cityDepartment",
      },
      { id: "it-cluster", name: "Local IT cluster", helix: "business", kind: "cluster" },
      { id: "university", name: "University", helix: "academia", kind: "university" },
      {
        id: "residents",
        name: "Residents' association",
        helix: "civilSociety",
        kind: "citizenGroup",
      },
    ],
    workshops: [
      {
        id: "ws-needs",
        kind: "needsAssessment",
        title: "Needs assessment workshop",
        date: o.start,
        participants: ["city-hall", "it-cluster", "university", "residents"],
        outputs: ["Needs, strengths and weaknesses"],
      },
    ],
    needs: [
      {
        id: "n-one-place",
        statement: "Residents need one place to propose ideas and follow city decisions.",
        dimension: "eParticipation",
        raisedBy: ["residents", "city-hall"],
        workshop: "ws-needs",
        votes: 5,
      },
    ],
    swot: [
      { id: "s-team", quadrant: "strength", text: "A municipal innovation team" },
      { id: "w-channels", quadrant: "weakness", text: "Scattered participation channels" },
      { id: "o-funding", quadrant: "opportunity", text: "EU funding for digital public services" },
      { id: "t-trust", quadrant: "threat", text: "Low trust in institutions" },
    ],
    solutions: [
      {
        id: "sol-platform",
        title: "E-participation platform",
        readiness: "concept",
        addressesNeeds: ["n-one-place"],
        lead: "city-hall",
        partners: ["it-cluster"],
        duration: { months: 12 },
        cost: { amount: "100000.00", currency: "EUR" },
        funding: [
          { source: "municipal", amount: { amount: "50000.00", currency: "EUR" }, secured: true },
        ],
        expectedResults: ["One channel for proposals and feedback"],
      },
      {
        id: "sol-info-days",
        title: "District information days",
        readiness: "prepared",
        addressesNeeds: ["n-one-place"],
        lead: "residents",
        duration: { months: 4 },
        cost: { amount: "10000.00", currency: "EUR" },
      },
    ],
    criteria: [
      { id: "impact", title: "Impact", kind: "benefit", scale: { min: 1, max: 5 }, weight: 0.6 },
      {
        id: "cost",
        title: "Cost (thousand EUR)",
        kind: "cost",
        scale: { min: 0, max: 500 },
        weight: 0.4,
      },
    ],
    scores: [
      { solution: "sol-platform", criterion: "impact", value: 5 },
      { solution: "sol-platform", criterion: "cost", value: 100 },
      { solution: "sol-info-days", criterion: "impact", value: 3 },
      { solution: "sol-info-days", criterion: "cost", value: 10 },
    ],
    maturity: {
      framework: { id: "icc-citizen-participation", version: "1.0.0" },
      assessedOn: o.start,
      observations: unansweredQuestions(o.cityId),
    },
    plan: {
      start: o.start,
      selected: ["sol-platform", "sol-info-days"],
      budget: { amount: "120000.00", currency: "EUR" },
    },
  };
}

/** The flag that sets each city field of the starter. */
const FLAG_OF: Readonly<Record<string, string>> = {
  id: "--city-id",
  name: "--city-name",
  country: "--country",
};

/** The illustrative Sofia example, as `init --example` writes it. */
export function exampleAssessment(): Record<string, unknown> {
  const doc = JSON.parse(JSON.stringify(sofiaExample)) as Record<string, unknown>;
  // in the repository the example names the schema by a relative path; a copy names it by URL
  return { ...doc, $schema: jsonSchemaId("assessment") };
}

/** `icc-assess init`. */
export function init(argv: readonly string[]): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      out: { type: "string", default: "assessment.json" },
      "city-id": { type: "string" },
      "city-name": { type: "string" },
      country: { type: "string" },
      track: { type: "string" },
      example: { type: "boolean", default: false },
      force: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
  });
  if (positionals.length > 0)
    throw new UsageError(`init takes no file argument (use --out), got ${positionals[0]}`);
  if (values.example) {
    const given = (["city-id", "city-name", "country", "track"] as const).filter(
      (k) => values[k] !== undefined,
    );
    if (given.length > 0) {
      throw new UsageError(
        `--example writes the Sofia example as it is, so ${given.map((k) => `--${k}`).join(", ")} cannot be used with it`,
      );
    }
  }
  const track = choiceOption(
    values.track,
    "track",
    iccTracks,
    "citizenParticipationDigitalPublicAdministration",
  );
  const out = values.out;
  if (out !== "-" && existsSync(out) && !values.force) {
    throw new UsageError(`${out} exists: pass --force to overwrite it, or --out another file`);
  }
  const doc = values.example
    ? exampleAssessment()
    : starterAssessment({
        cityId: values["city-id"] ?? "my-city",
        cityName: values["city-name"] ?? "My City",
        country: values.country ?? "",
        track,
        start: today(),
      });
  // The starter must validate as written, but for the country it leaves for the user to set: what
  // else does not validate comes from a flag, so it is a usage error.
  const checked = safeParseAssessment(doc, { frameworks: builtinFrameworks });
  const countryUnset = values.country === undefined && !values.example;
  const problems = checked.success
    ? []
    : checked.issues.filter(
        (i) =>
          !(countryUnset && i.path.length === 2 && i.path[0] === "city" && i.path[1] === "country"),
      );
  if (problems.length > 0) {
    throw new UsageError(
      problems.map((i) => `${FLAG_OF[String(i.path[1])] ?? "an option"}: ${i.message}`).join("; "),
    );
  }
  writeOutput(`${JSON.stringify(doc, null, 2)}\n`, out);
  const valid = checked.success;
  if (values.json) process.stdout.write(`${JSON.stringify({ out, valid })}\n`);
  else if (out !== "-") {
    process.stdout.write(
      values.example
        ? `wrote ${out}: the Sofia example (illustrative data); run icc-assess report ${out} --format html --out report.html\n`
        : valid
          ? `wrote ${out}: a starter assessment with every maturity question unanswered; fill it in, then run icc-assess validate ${out}\n`
          : `wrote ${out}: a starter assessment with every maturity question unanswered; set city.country (the ISO 3166-1 alpha-2 code, or pass --country), fill it in, then run icc-assess validate ${out}\n`,
    );
  }
  return 0;
}
