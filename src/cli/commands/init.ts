import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { builtinFrameworks } from "../../frameworks/builtinFrameworks.js";
import { getFramework } from "../../frameworks/getFramework.js";
import { safeParseAssessment } from "../../schema/parseAssessment.js";
import { FORMAT_VERSION, iccTracks } from "../../schema/vocabularies.js";
import { choiceOption, today, UsageError, writeOutput } from "../io.js";

export const initHelp = `Usage: icc-assess init [--out file] [--city-id id] [--city-name name] [--country XX]
                      [--track track] [--force] [--json]

Writes a starter assessment: a city, the programme, four stakeholders (one per helix group),
a needs-assessment workshop, a need, two solutions, two criteria with scores, a plan and a few
maturity answers on the built-in ICC framework, with comments in its "notes". It validates as
it is; replace the examples with your own data and run "icc-assess validate".

Options:
  --out <file>        where to write (default assessment.json; "-" for stdout)
  --city-id <id>      the city's id (default my-city)
  --city-name <name>  the city's name (default My City)
  --country <XX>      ISO 3166-1 alpha-2 country code (default BG)
  --track <track>     one of the five ICC tracks (default
                      citizenParticipationDigitalPublicAdministration)
  --force             overwrite an existing file
  --json              print { out, valid } as JSON
  -h, --help          show this help`;

/** One example answer (the middle of the scale, or a first option) to every built-in question. */
function exampleAnswers(unit: string): Record<string, unknown>[] {
  const framework = getFramework("icc-citizen-participation", "1.0.0");
  return framework.indicators.map((q, i) => {
    const mid = (lo: number, hi: number) => Math.round((lo + hi) / 2);
    let value: unknown;
    switch (q.type) {
      case "binary":
        value = i % 2 === 0;
        break;
      case "likert":
        value = mid(q.scale.min, q.scale.max);
        break;
      case "numeric":
        value =
          q.normalisation.method === "goalposts"
            ? mid(q.normalisation.low, q.normalisation.high)
            : 50;
        break;
      case "categorical":
        value = q.options[Math.floor(q.options.length / 2)]?.value;
        break;
      case "multiSelect":
        value = q.options
          .filter((opt) => opt.weight > 0)
          .slice(0, 2)
          .map((opt) => opt.value);
        break;
      case "ratingGrid":
        value = q.rows.map((r) => ({ row: r.id, value: mid(q.scale.min, q.scale.max) }));
        break;
    }
    return { unit, indicator: q.id, value, note: "example answer: replace it" };
  });
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
    $schema: "https://icc-assessment.org/schema/assessment.v1.json",
    formatVersion: FORMAT_VERSION,
    notes: [
      `Starter assessment written by "icc-assess init" on ${o.start}. Every entry below is an example: replace it with your city's data.`,
      "stakeholders: list every organisation that takes part, with its helix group (public, business, academia, civilSociety).",
      "workshops: the needs-assessment and solution-prioritisation workshops, with the ids of the stakeholders who took part.",
      "needs: what the stakeholders said the city needs, with who raised it and how many votes it got.",
      "solutions: the solutions proposed, with readiness, dates or a duration, cost (money is a decimal string) and funding.",
      "criteria and scores: how the solutions are compared (a benefit or a cost criterion, a weight and a scale).",
      "maturity: one example answer to every question of the built-in framework icc-citizen-participation 1.0.0 (designed by the icc-assessment project, not an official EC instrument): replace each with your city's answer, or null when unknown.",
      "plan: the plan start (horizons are measured from it), the selected solutions and the budget.",
      "Then: icc-assess validate assessment.json, and icc-assess report assessment.json --format html --out report.html.",
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
      observations: exampleAnswers(o.cityId),
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

/** `icc-assess init`. */
export function init(argv: readonly string[]): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      out: { type: "string", default: "assessment.json" },
      "city-id": { type: "string", default: "my-city" },
      "city-name": { type: "string", default: "My City" },
      country: { type: "string", default: "BG" },
      track: { type: "string" },
      force: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
  });
  if (positionals.length > 0)
    throw new UsageError(`init takes no file argument (use --out), got ${positionals[0]}`);
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
  const doc = starterAssessment({
    cityId: values["city-id"],
    cityName: values["city-name"],
    country: values.country,
    track,
    start: today(),
  });
  // the starter must validate as written: what does not comes from a flag, so it is a usage error
  const checked = safeParseAssessment(doc, { frameworks: builtinFrameworks });
  if (!checked.success) {
    const problems = checked.issues.map((i) => {
      const flag = FLAG_OF[String(i.path[1])] ?? "an option";
      return `${flag}: ${i.message}`;
    });
    throw new UsageError(problems.join("; "));
  }
  writeOutput(`${JSON.stringify(doc, null, 2)}\n`, out);
  if (values.json) process.stdout.write(`${JSON.stringify({ out, valid: true })}\n`);
  else if (out !== "-")
    process.stdout.write(
      `wrote ${out}: a valid starter assessment; edit it, then run icc-assess validate ${out}\n`,
    );
  return 0;
}
