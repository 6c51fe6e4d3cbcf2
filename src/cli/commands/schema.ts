import { parseArgs } from "node:util";
import { jsonSchemaKinds, toJsonSchema, type JsonSchemaKind } from "../../schema/toJsonSchema.js";
import { UsageError, writeOutput } from "../io.js";

export const schemaHelp = `Usage: icc-assess schema <${jsonSchemaKinds.join("|")}> [--out file] [--json]

Prints the JSON Schema (draft 2020-12) of an assessment, a report or an answers file, generated from the
same definitions the validator uses.

Options:
  --out <file>  write to a file instead of stdout
  --json        accepted like every command's; the output is JSON already
  -h, --help    show this help`;

/** `icc-assess schema`. */
export function schema(argv: readonly string[]): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { out: { type: "string" }, json: { type: "boolean", default: false } },
  });
  const kind = positionals[0];
  if (!(jsonSchemaKinds as readonly (string | undefined)[]).includes(kind)) {
    throw new UsageError(
      `schema needs a kind: ${jsonSchemaKinds.join(", ")}${kind === undefined ? "" : `, got ${kind}`}`,
    );
  }
  writeOutput(`${JSON.stringify(toJsonSchema(kind as JsonSchemaKind), null, 2)}\n`, values.out);
  return 0;
}
