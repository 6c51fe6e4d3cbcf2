import { realpathSync } from "node:fs";
import { basename, resolve } from "node:path";
import { parseArgs } from "node:util";
import { AssessmentError } from "../../errors/AssessmentError.js";
import { builtinFrameworks } from "../../frameworks/builtinFrameworks.js";
import { getFramework } from "../../frameworks/getFramework.js";
import { fromDecidimProposals } from "../../io/decidim/fromDecidimProposals.js";
import { parseDecidimExport } from "../../io/decidim/parseDecidimExport.js";
import { mergeAnswers, mergePart } from "../../io/merge.js";
import { answersFromTable, type SurveyColumnMap } from "../../io/survey/answersFromTable.js";
import { parseSurveyCsv } from "../../io/survey/parseSurveyCsv.js";
import type { AnswersFile, PartFile } from "../../io/types.js";
import type { MaturityFramework } from "../../schema/framework.js";
import { safeParseAnswers } from "../../schema/answers.js";
import { safeParseAssessment } from "../../schema/parseAssessment.js";
import { readinessLevels } from "../../schema/vocabularies.js";
import {
  choiceOption,
  formatIssue,
  frameworkOption,
  locateIssues,
  progress,
  readFrameworks,
  readJsonFile,
  readText,
  resetInputs,
  UsageError,
  writeOutput,
} from "../io.js";

export const importHelp = `Usage: icc-assess import survey <responses.csv|.tsv> --framework <id@version|file.json>
                            [--unit id] [--columns map.json] [--delimiter ;|,|tab]
                            [--decimal-comma] [--ignore-unknown-columns]
                            [--answered-on YYYY-MM-DD] [--out answers.json]
       icc-assess import decidim <proposals.csv|.json> --as solutions|needs [--locale bg]
                            [--include-withdrawn] [--include-rejected] [--format csv|json]
                            [--id-prefix p] [--readiness level] [--out part.json]
       icc-assess import answers <answers.json> --into assessment.json [--out file]
                            [--framework file]...
       icc-assess import part <part.json> --into assessment.json [--out file]
                            [--framework file]...

Gets data that was not written as an assessment into one (docs/methodology/data-in.md).

  survey    a survey tool's export (one row per respondent, one column per question) becomes
            an answers file; several respondents for one unit are combined by stated rules
            (lower median, mean, majority). Headers are question ids, or mapped by --columns.
  decidim   Decidim's proposals export (CSV or JSON, 0.27 or 0.28+) becomes a part file of
            solutions or needs; withdrawn and rejected proposals are left out unless asked.
  answers   writes an answers file (from "import survey" or the questionnaire form) into the
            assessment's maturity answers: an answer replaces the one of the same unit and
            question.
  part      adds a part file's stakeholders, needs and solutions to the assessment, refusing
            every id it already has.

"answers" and "part" check the merged assessment as "validate" does and write it over the
--into file (or to --out), whole or not at all; nothing is written while an issue remains.

Options:
  --framework <f>          survey: the framework asked, a built-in id (icc-citizen-participation,
                           or id@version) or a framework file (JSON)
                           answers, part: a framework file the assessment may refer to,
                           besides the built-in ones; repeatable
  --unit <id>              survey: the unit (city id) of every row; else the "unit" column
  --columns <map.json>     survey: survey headers → question ids, answer labels → options,
                           unit labels → ids, columns to ignore
  --delimiter <d>          survey: ";", "," or "tab" (default: detected from the header)
  --decimal-comma          survey: numbers are written 3,5
  --ignore-unknown-columns survey: leave out columns that are no question (default: an error)
  --answered-on <date>     survey: the date the answers were given
  --as <target>            decidim: solutions or needs
  --locale <code>          decidim: the language of titles and texts (default en; then en, then
                           the first language with text)
  --include-withdrawn      decidim: keep withdrawn proposals
  --include-rejected       decidim: keep rejected proposals
  --format <f>             decidim: csv or json (default: from the file's extension)
  --id-prefix <p>          decidim: put before each proposal's id (default decidim-)
  --readiness <level>      decidim: the readiness of every solution (default idea)
  --into <assessment>      answers, part: the assessment to merge into
  --out <file>             where to write (survey, decidim: default stdout; answers, part:
                           default the --into file)
  -h, --help               show this help`;

const kinds = ["survey", "decidim", "answers", "part"] as const;

/** `icc-assess import`. */
export function importCommand(argv: readonly string[]): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      ...frameworkOption,
      unit: { type: "string" },
      columns: { type: "string" },
      delimiter: { type: "string" },
      "decimal-comma": { type: "boolean", default: false },
      "ignore-unknown-columns": { type: "boolean", default: false },
      "answered-on": { type: "string" },
      as: { type: "string" },
      locale: { type: "string" },
      "include-withdrawn": { type: "boolean", default: false },
      "include-rejected": { type: "boolean", default: false },
      format: { type: "string" },
      "id-prefix": { type: "string" },
      readiness: { type: "string" },
      into: { type: "string" },
      out: { type: "string" },
    },
  });
  const [kind, file, ...extra] = positionals;
  if (kind === undefined || !(kinds as readonly string[]).includes(kind)) {
    throw new UsageError(
      `import needs what to import: ${kinds.join(", ")}${kind === undefined ? "" : `, got ${kind}`}`,
    );
  }
  if (file === undefined || extra.length > 0) {
    throw new UsageError(`import ${kind} needs exactly one file`);
  }
  const only = (names: readonly (keyof typeof values)[], allowed: string) => {
    for (const n of names) {
      const v = values[n];
      if (v !== undefined && v !== false)
        throw new UsageError(`--${n} is an option of import ${allowed}, not of import ${kind}`);
    }
  };
  const surveyOnly = [
    "unit",
    "columns",
    "delimiter",
    "decimal-comma",
    "ignore-unknown-columns",
    "answered-on",
  ] as const;
  const decidimOnly = [
    "as",
    "locale",
    "include-withdrawn",
    "include-rejected",
    "format",
    "id-prefix",
    "readiness",
  ] as const;
  if (kind !== "survey") only(surveyOnly, "survey");
  if (kind !== "decidim") only(decidimOnly, "decidim");
  if (kind === "survey" || kind === "decidim") only(["into"], "answers and part");

  // the CSV reader here does not register its file as an input of the run: guard it by hand
  if (values.out !== undefined && values.out !== "-" && realPath(values.out) === realPath(file)) {
    throw new UsageError(`--out ${values.out} is the ${kind} file: write to another file`);
  }
  switch (kind) {
    case "survey":
      return importSurvey(file, values);
    case "decidim":
      return importDecidim(file, values);
    default:
      return importIntoAssessment(kind as "answers" | "part", file, values);
  }
}

interface Values {
  readonly framework?: string[] | undefined;
  readonly unit?: string | undefined;
  readonly columns?: string | undefined;
  readonly delimiter?: string | undefined;
  readonly "decimal-comma"?: boolean | undefined;
  readonly "ignore-unknown-columns"?: boolean | undefined;
  readonly "answered-on"?: string | undefined;
  readonly as?: string | undefined;
  readonly locale?: string | undefined;
  readonly "include-withdrawn"?: boolean | undefined;
  readonly "include-rejected"?: boolean | undefined;
  readonly format?: string | undefined;
  readonly "id-prefix"?: string | undefined;
  readonly readiness?: string | undefined;
  readonly into?: string | undefined;
  readonly out?: string | undefined;
}

/** The framework of `--framework`: a built-in id (or id@version), or a framework file. */
function surveyFramework(spec: readonly string[] | undefined): MaturityFramework {
  if (spec === undefined || spec.length === 0) {
    throw new UsageError(
      "import survey needs --framework: a built-in id such as icc-citizen-participation, or a framework file",
    );
  }
  if (spec.length > 1) throw new UsageError("import survey takes one --framework");
  const s = spec[0] as string;
  if (s.endsWith(".json")) return readFrameworks([s])[0] as MaturityFramework;
  const at = s.lastIndexOf("@");
  try {
    return at > 0 ? getFramework(s.slice(0, at), s.slice(at + 1)) : getFramework(s);
  } catch (e) {
    if (!(e instanceof AssessmentError)) throw e;
    const known = builtinFrameworks.map((f) => `${f.id}@${f.version}`).join(", ");
    throw new UsageError(`--framework ${s} is no built-in framework (${known}) and no .json file`);
  }
}

function importSurvey(file: string, values: Values): number {
  const framework = surveyFramework(values.framework);
  const delimiter =
    values.delimiter === undefined
      ? file.toLowerCase().endsWith(".tsv")
        ? "\t"
        : undefined
      : choiceOption(values.delimiter, "delimiter", [";", ",", "tab"] as const, ",").replace(
          "tab",
          "\t",
        );
  const columns =
    values.columns === undefined
      ? undefined
      : (readJsonFile(values.columns).value as SurveyColumnMap);
  const rows = parseSurveyCsv(
    readText(file),
    delimiter === undefined ? {} : { delimiter: delimiter as ";" | "," | "\t" },
  );
  const answers = answersFromTable(rows, framework, {
    ...(values.unit === undefined ? {} : { unit: values.unit }),
    ...(columns === undefined ? {} : { columns }),
    ...(values["decimal-comma"] === true ? { decimalSeparator: "," as const } : {}),
    ...(values["ignore-unknown-columns"] === true ? { unknownColumns: "ignore" as const } : {}),
    ...(values["answered-on"] === undefined ? {} : { answeredOn: values["answered-on"] }),
    source: basename(file),
  });
  const units = answers.respondents ?? [];
  progress(
    `${units.reduce((s, u) => s + u.count, 0)} respondents for ${units.map((u) => `${u.unit} (${u.count})`).join(", ")}: ${answers.observations.length} answers`,
  );
  // what this command writes, "import answers" and the questionnaire form read: check it as they do
  const checked = safeParseAnswers(answers, { frameworks: [framework] });
  if (!checked.success) throw checked.error;
  writeOutput(`${JSON.stringify(answers, null, 2)}\n`, values.out);
  return 0;
}

function importDecidim(file: string, values: Values): number {
  if (values.as === undefined)
    throw new UsageError("import decidim needs --as solutions or --as needs");
  const as = choiceOption(values.as, "as", ["solutions", "needs"] as const, "solutions");
  const format = choiceOption(
    values.format,
    "format",
    ["csv", "json"] as const,
    file.toLowerCase().endsWith(".json") ? "json" : "csv",
  );
  const readiness =
    values.readiness === undefined
      ? undefined
      : choiceOption(values.readiness, "readiness", readinessLevels, "idea");
  const records =
    format === "json"
      ? parseDecidimExport(readJsonFile(file).text, { format })
      : parseDecidimExport(readText(file), { format });
  const part = fromDecidimProposals(records, {
    as,
    ...(values.locale === undefined ? {} : { locale: values.locale }),
    includeWithdrawn: values["include-withdrawn"] === true,
    includeRejected: values["include-rejected"] === true,
    ...(values["id-prefix"] === undefined ? {} : { idPrefix: values["id-prefix"] }),
    ...(readiness === undefined ? {} : { readiness }),
  });
  const kept = (part.solutions ?? part.needs ?? []).length;
  progress(
    `${records.length} proposals: ${kept} ${as}, ${records.length - kept} left out (withdrawn or rejected)`,
  );
  writeOutput(`${JSON.stringify(part, null, 2)}\n`, values.out);
  return 0;
}

function realPath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

function importIntoAssessment(kind: "answers" | "part", file: string, values: Values): number {
  if (values.into === undefined)
    throw new UsageError(`import ${kind} needs --into <assessment.json>`);
  const frameworks = readFrameworks(values.framework);
  const input = readJsonFile(file);
  const target = readJsonFile(values.into);
  const out = values.out ?? values.into;
  if (kind === "answers") {
    // an answers file is checked on its own first, so its issues point into it
    const checked = safeParseAnswers(input.value, { frameworks });
    if (!checked.success) {
      const located = locateIssues(input, checked.issues);
      throw new AssessmentError(
        located.map((i) => ({
          code: i.code,
          path: i.path,
          message: `${i.message} (${i.file}${i.line === undefined ? "" : `:${i.line}:${i.column ?? 1}`})`,
        })),
        "invalid_document",
      );
    }
  }
  const merged =
    kind === "answers"
      ? mergeAnswers(target.value as Record<string, unknown>, input.value as AnswersFile)
      : mergePart(target.value as Record<string, unknown>, input.value as PartFile);
  const r = safeParseAssessment(merged, { frameworks });
  for (const w of r.warnings) progress(formatIssue(w, "warning"));
  if (!r.success) {
    // the merged document is not written: its issues are reported against the --into file
    throw new AssessmentError(
      r.issues.map((i) => ({
        ...i,
        message: `${i.message} (after merging ${basename(file)} into ${values.into})`,
      })),
      "invalid_document",
    );
  }
  // writing over --into is what this command is for: the in-place write is allowed
  resetInputs();
  writeOutput(`${JSON.stringify(merged, null, 2)}\n`, out);
  progress(`merged ${file} into ${out === "-" ? "stdout" : out}`);
  return 0;
}
