import { AssessmentError } from "../errors/AssessmentError.js";
import { benchmark, benchmarkHelp } from "./commands/benchmark.js";
import { compare, compareHelp } from "./commands/compare.js";
import { importCommand, importHelp } from "./commands/import.js";
import { init, initHelp } from "./commands/init.js";
import { plan, planHelp } from "./commands/plan.js";
import { prioritise, prioritiseHelp } from "./commands/prioritise.js";
import { questionnaire, questionnaireHelp } from "./commands/questionnaire.js";
import { report, reportHelp } from "./commands/report.js";
import { schema, schemaHelp } from "./commands/schema.js";
import { score, scoreHelp } from "./commands/score.js";
import { validate, validateHelp } from "./commands/validate.js";
import { EXIT, formatIssues, issuesOf, OutputError, resetInputs, UsageError } from "./io.js";
import { LIBRARY_VERSION } from "../_lib/version.js";
import { reportLanguages } from "../schema/vocabularies.js";

interface Command {
  readonly run: (argv: readonly string[]) => number | Promise<number>;
  readonly help: string;
  readonly summary: string;
}

/** The commands of `icc-assess`, by name. */
export const commands: Readonly<Record<string, Command>> = {
  init: {
    run: init,
    help: initHelp,
    summary: "write a starter assessment to fill in, or the Sofia example",
  },
  questionnaire: {
    run: questionnaire,
    help: questionnaireHelp,
    summary: "write a framework's questions as a document, an offline form or a CSV",
  },
  import: {
    run: importCommand,
    help: importHelp,
    summary: "import survey CSVs, Decidim proposals, answers files and parts into an assessment",
  },
  validate: {
    run: validate,
    help: validateHelp,
    summary: "check an assessment or report; every issue with its JSON path",
  },
  score: {
    run: score,
    help: scoreHelp,
    summary: "score the maturity answers: each dimension's score and level",
  },
  prioritise: {
    run: prioritise,
    help: prioritiseHelp,
    summary: "rank the solutions by several methods, with rank stability",
  },
  plan: {
    run: plan,
    help: planHelp,
    summary: "build the action plan of the priority solutions and its budget",
  },
  report: {
    run: report,
    help: reportHelp,
    summary: `write the versioned report as JSON, Markdown or HTML (${reportLanguages.join(", ")})`,
  },
  compare: {
    run: compare,
    help: compareHelp,
    summary: "compare reports of several cities, or of one city at two dates",
  },
  benchmark: {
    run: benchmark,
    help: benchmarkHelp,
    summary: "benchmark a city's report among peer reports: rank, percentile, quartiles",
  },
  schema: {
    run: schema,
    help: schemaHelp,
    summary: "print the JSON Schema of an assessment, report or answers file",
  },
};

/** Top-level help. */
export function mainHelp(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  const list = Object.entries(commands)
    .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
    .join("\n");
  return `Usage: icc-assess <command> [options]

The Intelligent Cities Challenge assessment methodology on the command line.

Commands:
${list}

Run "icc-assess <command> --help" for a command's options.
Exit codes: 0 success, 1 invalid input, 2 usage error.`;
}

/** Runs the CLI with arguments (without `node` and the script); returns the exit code. Never throws for a user's mistake. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${mainHelp()}\n`);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    process.stdout.write(`${LIBRARY_VERSION}\n`);
    return EXIT.ok;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (command === undefined) {
    process.stderr.write(`icc-assess: unknown command ${JSON.stringify(name)}\n\n${mainHelp()}\n`);
    return EXIT.usage;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(`${command.help}\n`);
    return EXIT.ok;
  }
  resetInputs();
  try {
    return await command.run(rest);
  } catch (e) {
    if (e instanceof OutputError) {
      process.stderr.write(`icc-assess ${name}: ${e.message}\n`);
      return EXIT.usage;
    }
    if (e instanceof AssessmentError) {
      const issues = issuesOf(e);
      process.stderr.write(
        `icc-assess ${name}: ${issues.length} issue${issues.length === 1 ? "" : "s"}\n${formatIssues(issues)}\n`,
      );
      return EXIT.invalid;
    }
    if (
      e instanceof UsageError ||
      (e instanceof Error &&
        "code" in e &&
        String((e as { code: unknown }).code).startsWith("ERR_PARSE_ARGS"))
    ) {
      process.stderr.write(`icc-assess ${name}: ${e.message}\n\n${command.help}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}
