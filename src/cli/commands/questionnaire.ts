import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { AssessmentError } from "../../errors/AssessmentError.js";
import { builtinFrameworks } from "../../frameworks/builtinFrameworks.js";
import { getFramework } from "../../frameworks/getFramework.js";
import {
  questionnaireFormats,
  renderQuestionnaire,
} from "../../io/questionnaire/renderQuestionnaire.js";
import type { MaturityFramework } from "../../schema/framework.js";
import { reportLanguages } from "../../schema/vocabularies.js";
import { choiceOption, readFrameworks, UsageError, writeOutput } from "../io.js";

export const questionnaireHelp = `Usage: icc-assess questionnaire --framework <id[@version] | file.json>
                               [--format md|html|csv] [--lang ${reportLanguages.join("|")}] [--out file]

Writes a framework's questionnaire: every question with its id, text, dimension, answer type,
options or scale, and what each answer scores. md is a document; html is a self-contained form
an official fills in offline and saves as an answers file (read by "import answers"); csv is a
table for a spreadsheet (UTF-8 with a byte-order mark).

Options:
  --framework <f>  a built-in framework by id, optionally with its version
                   (icc-citizen-participation, icc-citizen-participation@1.0.0), or a
                   framework file (JSON, as defineFramework reads it)
  --format <f>     md (default), html or csv
  --lang <l>       en (default) or bg: the words around the framework's own texts
  --out <file>     write to a file instead of stdout
  -h, --help       show this help`;

const known = (): string => builtinFrameworks.map((f) => `${f.id}@${f.version}`).join(", ");

/** The framework `--framework` names: a file, else a built-in id with an optional version. */
function frameworkFrom(value: string): MaturityFramework {
  if (value.endsWith(".json") || value.includes("/") || value.includes("\\") || existsSync(value)) {
    return readFrameworks([value])[0] as MaturityFramework;
  }
  const at = value.lastIndexOf("@");
  const id = at > 0 ? value.slice(0, at) : value;
  const version = at > 0 ? value.slice(at + 1) : undefined;
  try {
    return getFramework(id, version);
  } catch (e) {
    if (!(e instanceof AssessmentError)) throw e;
    throw new UsageError(
      `unknown framework ${JSON.stringify(value)}: known frameworks are ${known()}, or give a framework file (.json)`,
    );
  }
}

/** `icc-assess questionnaire`. */
export function questionnaire(argv: readonly string[]): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      framework: { type: "string" },
      format: { type: "string" },
      lang: { type: "string" },
      out: { type: "string" },
    },
  });
  if (positionals.length > 0) {
    throw new UsageError(
      `questionnaire takes no file argument, got ${positionals.join(" ")}: name the framework with --framework`,
    );
  }
  if (values.framework === undefined) {
    throw new UsageError(`questionnaire needs --framework: one of ${known()}, or a file (.json)`);
  }
  const format = choiceOption(values.format, "format", questionnaireFormats, "md");
  const lang = choiceOption(values.lang, "lang", reportLanguages, "en");
  const framework = frameworkFrom(values.framework);
  writeOutput(renderQuestionnaire(framework, { lang, format }), values.out);
  return 0;
}
