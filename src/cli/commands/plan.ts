import { parseArgs } from "node:util";
import { buildActionPlan } from "../../actions/buildActionPlan.js";
import { AssessmentError } from "../../errors/AssessmentError.js";
import {
  formatTable,
  frameworkHelp,
  frameworkOption,
  readAssessmentFile,
  readFrameworks,
  UsageError,
  writeOutput,
} from "../io.js";

export const planHelp = `Usage: icc-assess plan <assessment.json> [--priorities id,id,...] [--framework file]...
                      [--json] [--out file]

Builds the action plan of the priority solutions: actions with owners, dates and horizons
(quick win within 6 months of the plan start, long term within 15), costs and funding, and the
budget by horizon and by funding source.

Options:
  --priorities <ids>  comma-separated solution ids, in priority order
                      (default: the assessment's plan.selected)
${frameworkHelp}
  --json              print the whole plan as JSON (money as decimal strings)
  --out <file>        write to a file instead of stdout
  -h, --help          show this help`;

/** `icc-assess plan`. */
export function plan(argv: readonly string[]): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      priorities: { type: "string" },
      ...frameworkOption,
      json: { type: "boolean", default: false },
      out: { type: "string" },
    },
  });
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) {
    throw new UsageError("plan needs exactly one assessment file");
  }
  const a = readAssessmentFile(file, readFrameworks(values.framework));
  const priorities =
    values.priorities !== undefined
      ? values.priorities
          .split(",")
          .map((s) => s.trim())
          .filter((s) => s !== "")
      : (a.plan?.selected ?? []);
  if (priorities.length === 0) {
    throw new AssessmentError([
      {
        code: "missing_field",
        path: ["plan", "selected"],
        message: `${file} selects no priority solutions: add plan.selected or pass --priorities`,
      },
    ]);
  }
  const result = buildActionPlan(a, priorities);
  if (values.json) {
    writeOutput(`${JSON.stringify(result, null, 2)}\n`, values.out);
    return 0;
  }
  const m = (x: { amount: { toFixed: (n: number) => string }; currency: string } | null) =>
    x === null ? "" : `${x.amount.toFixed(2)} ${x.currency}`;
  const t = result.totals;
  const text = [
    `action plan from ${result.parameters.start} (${result.parameters.startSource}), amounts in ${t.currency}`,
    formatTable(
      ["action", "solution", "horizon", "start", "end", "cost"],
      result.actions.map((x) => [
        x.title,
        x.solution,
        x.horizon,
        x.start,
        x.end ?? "",
        m(x.budget.cost),
      ]),
      [5],
    ),
    "",
    formatTable(
      ["horizon", "cost", "funding", "gap"],
      t.byHorizon.map((h) => [h.horizon, m(h.cost), m(h.funding), m(h.gap)]),
      [1, 2, 3],
    ),
    "",
    `total cost ${m(t.cost)}, funding ${m(t.funding)} (secured ${m(t.secured)}), gap ${m(t.gap)}` +
      (t.budget ? `, budget ${m(t.budget)}, remaining ${m(t.budgetRemaining)}` : ""),
  ];
  writeOutput(`${text.join("\n")}\n`, values.out);
  return 0;
}
