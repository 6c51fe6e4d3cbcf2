import * as z from "zod/mini";
import { AnswersSchema } from "./answers.js";
import { AssessmentSchema } from "./assessment.js";
import { ReportSchema } from "./report.js";
import { FORMAT_VERSION, jsonSchemaId, type JsonSchemaKind } from "./vocabularies.js";

export { jsonSchemaId, jsonSchemaKinds } from "./vocabularies.js";
export type { JsonSchemaKind } from "./vocabularies.js";

/**
 * Emits the JSON Schema (draft 2020-12) of a document kind from the same zod schemas the parser
 * uses, describing the JSON form (money amounts as decimal strings). The build writes them to
 * `schema/assessment.v1.json`, `schema/report.v1.json` and `schema/answers.v1.json`, shipped in
 * the package.
 *
 * The JSON Schema checks shape only; unique ids and references are checked by `parseAssessment`.
 *
 * @param kind - `"assessment"`, `"report"` or `"answers"`
 * @returns a JSON Schema object
 * @throws AssessmentError never for a valid kind; TypeError-free
 * @example
 * ```ts
 * import { toJsonSchema } from "icc-assessment/schema";
 * toJsonSchema("assessment").$schema; // => "https://json-schema.org/draft/2020-12/schema"
 * ```
 */
export function toJsonSchema(kind: JsonSchemaKind): Record<string, unknown> {
  const schema =
    kind === "assessment" ? AssessmentSchema : kind === "report" ? ReportSchema : AnswersSchema;
  const out = z.toJSONSchema(schema, {
    io: "input",
    target: "draft-2020-12",
    unrepresentable: "any",
  }) as Record<string, unknown>;
  return {
    $schema: out["$schema"],
    $id: jsonSchemaId(kind),
    title: out["title"],
    description: out["description"],
    "x-format-version": FORMAT_VERSION,
    ...Object.fromEntries(
      Object.entries(out).filter(([k]) => !["$schema", "title", "description"].includes(k)),
    ),
  };
}
