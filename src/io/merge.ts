import { AssessmentError, type Issue, type PathSegment } from "../errors/AssessmentError.js";
import { showCell } from "./_cells.js";
import { ANSWERS_FORMAT, PART_FORMAT, type AnswersFile, type PartFile } from "./types.js";

/** The collections a part file can add to. */
export const partCollections = ["stakeholders", "needs", "solutions"] as const;

/** An assessment as written in JSON, before parsing. */
export type AssessmentJson = Readonly<Record<string, unknown>>;

type Push = (code: Issue["code"], path: PathSegment[], message: string) => void;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Checks a file's `format` and `formatVersion` (major 1). */
function checkHeader(
  file: unknown,
  format: string,
  name: string,
  push: Push,
): file is Record<string, unknown> {
  if (!isRecord(file)) {
    push("invalid_type", [name], `${name} must be an object with "format": "${format}"`);
    return false;
  }
  if (file["format"] !== format)
    push(
      "invalid_value",
      [name, "format"],
      `${name}.format must be "${format}", got ${showCell(String(file["format"]))}`,
    );
  const v = file["formatVersion"];
  if (typeof v !== "string" || !/^\d+\.\d+$/.test(v))
    push(
      "invalid_value",
      [name, "formatVersion"],
      `${name}.formatVersion must be a version such as "1.0", got ${showCell(String(v))}`,
    );
  else if (v.split(".")[0] !== "1")
    push(
      "unsupported_version",
      [name, "formatVersion"],
      `${name}.formatVersion ${v} is not supported: this library reads 1.x`,
    );
  return true;
}

function checkAssessment(assessment: unknown, push: Push): assessment is Record<string, unknown> {
  if (!isRecord(assessment)) {
    push("invalid_type", ["assessment"], "the assessment must be a JSON object");
    return false;
  }
  return true;
}

/**
 * Adds a part file's stakeholders, needs and solutions (from `fromDecidimProposals`, or written by
 * hand) to an assessment as written in JSON, refusing every id that clashes with one already in
 * the assessment or twice in the part. Pure: returns a new object and leaves both arguments as
 * they were. The result is plain JSON for `parseAssessment`, which checks the entities themselves;
 * this function checks the part's envelope and ids. Designed by this project.
 *
 * @param assessment - the assessment as written (plain JSON)
 * @param part - a part file: `{ "format": "icc-assessment/part", "formatVersion": "1.0", "needs"?, "solutions"?, "stakeholders"? }`
 * @returns a new assessment with the part's entities after its own
 * @throws AssessmentError `invalid_document` with every issue: `duplicate_id` (each clash, at its
 *   place in the part), `invalid_value` / `unsupported_version` (the part's format and version),
 *   `unknown_key` (a field a part cannot carry), `invalid_type` (a collection that is not a list of
 *   objects with string ids, in the part or in the assessment)
 * @example
 * ```ts
 * import { mergePart } from "icc-assessment/io";
 * const merged = mergePart(
 *   { formatVersion: "1.0", needs: [{ id: "n1", statement: "Open data", raisedBy: [] }] },
 *   { format: "icc-assessment/part", formatVersion: "1.0", needs: [{ id: "decidim-7", statement: "Bike lanes", raisedBy: [], votes: 12 }] },
 * );
 * (merged.needs as { id: string }[]).map((n) => n.id); // => ["n1", "decidim-7"]
 * ```
 */
export function mergePart(assessment: AssessmentJson, part: PartFile): Record<string, unknown> {
  const issues: Issue[] = [];
  const push: Push = (code, path, message) => issues.push({ code, path, message });
  const okA = checkAssessment(assessment, push);
  const okP = checkHeader(part, PART_FORMAT, "part", push);
  if (!okA || !okP) throw new AssessmentError(issues, "invalid_document");
  const p = part as unknown as Record<string, unknown>;
  const a = assessment as Record<string, unknown>;
  for (const key of Object.keys(p)) {
    if (
      key !== "format" &&
      key !== "formatVersion" &&
      !(partCollections as readonly string[]).includes(key)
    )
      push(
        "unknown_key",
        ["part", key],
        `a part file carries ${partCollections.join(", ")}, not ${showCell(key)}`,
      );
  }
  for (const coll of partCollections) {
    const items = p[coll];
    if (items === undefined) continue;
    const existing = a[coll] ?? [];
    if (!Array.isArray(existing)) {
      push("invalid_type", ["assessment", coll], `the assessment's ${coll} must be a list`);
      continue;
    }
    if (!Array.isArray(items)) {
      push("invalid_type", ["part", coll], `part.${coll} must be a list`);
      continue;
    }
    const where = new Map<string, string>();
    existing.forEach((e: unknown, i) => {
      if (isRecord(e) && typeof e["id"] === "string")
        where.set(e["id"], `the assessment's ${coll}[${i}]`);
    });
    items.forEach((item: unknown, i) => {
      if (!isRecord(item) || typeof item["id"] !== "string") {
        push(
          "invalid_type",
          ["part", coll, i],
          `part.${coll}[${i}] must be an object with a string id`,
        );
        return;
      }
      const id = item["id"];
      const before = where.get(id);
      if (before !== undefined)
        push(
          "duplicate_id",
          ["part", coll, i, "id"],
          `${coll.slice(0, -1)} ${showCell(id)} is already in ${before}: rename it in the part, or leave it out`,
        );
      else where.set(id, `part.${coll}[${i}]`);
    });
  }
  if (issues.length > 0) throw new AssessmentError(issues, "invalid_document");
  const out = structuredClone(a);
  for (const coll of partCollections) {
    const items = p[coll] as unknown[] | undefined;
    if (items === undefined) continue;
    out[coll] = [...((out[coll] as unknown[] | undefined) ?? []), ...structuredClone(items)];
  }
  return out;
}

/**
 * Writes an answers file's observations (from the questionnaire form, `answersFromTable` or by
 * hand) into an assessment as written in JSON: an answer replaces the assessment's observation of
 * the same unit and indicator, the other observations stay, and new ones follow. The answers'
 * framework must be the assessment's `maturity.framework` (id and version); an assessment without
 * maturity answers gets the answers' framework. `answeredOn` becomes `maturity.assessedOn` when the
 * assessment has none. `respondents` is not written (each combined observation's note says how
 * many answered). Pure: returns a new object. The result is plain JSON for `parseAssessment`,
 * which checks each value against its indicator. Designed by this project.
 *
 * @param assessment - the assessment as written (plain JSON)
 * @param answers - an answers file: `{ "format": "icc-assessment/answers", "formatVersion": "1.0", "framework", "observations" }`
 * @returns a new assessment with the answers in `maturity.observations`
 * @throws AssessmentError `invalid_document` with every issue: `framework_mismatch` (answers to
 *   another framework or version), `invalid_value` / `unsupported_version` (format, version),
 *   `invalid_type` (observations that are not objects with a string unit and indicator, a
 *   `maturity` that is not an object)
 * @example
 * ```ts
 * import { mergeAnswers } from "icc-assessment/io";
 * const merged = mergeAnswers(
 *   { formatVersion: "1.0", maturity: { framework: { id: "icc-citizen-participation", version: "1.0.0" }, observations: [{ unit: "sofia", indicator: "sg.strategy", value: false }] } },
 *   { format: "icc-assessment/answers", formatVersion: "1.0", framework: { id: "icc-citizen-participation", version: "1.0.0" }, observations: [{ unit: "sofia", indicator: "sg.strategy", value: true }] },
 * );
 * (merged.maturity as { observations: unknown[] }).observations; // => [{ unit: "sofia", indicator: "sg.strategy", value: true }]
 * ```
 */
export function mergeAnswers(
  assessment: AssessmentJson,
  answers: AnswersFile,
): Record<string, unknown> {
  const issues: Issue[] = [];
  const push: Push = (code, path, message) => issues.push({ code, path, message });
  const okA = checkAssessment(assessment, push);
  const okN = checkHeader(answers, ANSWERS_FORMAT, "answers", push);
  if (!okA || !okN) throw new AssessmentError(issues, "invalid_document");
  const n = answers as unknown as Record<string, unknown>;
  const a = assessment as Record<string, unknown>;
  const fw = n["framework"];
  if (!isRecord(fw) || typeof fw["id"] !== "string" || typeof fw["version"] !== "string")
    push(
      "invalid_type",
      ["answers", "framework"],
      'answers.framework must be { "id": …, "version": … }',
    );
  const obs = n["observations"];
  if (!Array.isArray(obs))
    push("invalid_type", ["answers", "observations"], "answers.observations must be a list");
  else
    obs.forEach((o: unknown, i) => {
      if (
        !isRecord(o) ||
        typeof o["unit"] !== "string" ||
        typeof o["indicator"] !== "string" ||
        !("value" in o)
      )
        push(
          "invalid_type",
          ["answers", "observations", i],
          `answers.observations[${i}] must be an object with a unit, an indicator and a value`,
        );
    });
  const maturity = a["maturity"];
  if (maturity !== undefined && !isRecord(maturity))
    push("invalid_type", ["assessment", "maturity"], "the assessment's maturity must be an object");
  if (issues.length > 0) throw new AssessmentError(issues, "invalid_document");
  const framework = fw as { id: string; version: string };
  const m = maturity as Record<string, unknown> | undefined;
  const mf = m?.["framework"];
  if (isRecord(mf) && (mf["id"] !== framework.id || mf["version"] !== framework.version)) {
    push(
      "framework_mismatch",
      ["answers", "framework"],
      `the answers are to framework ${framework.id}@${framework.version}, the assessment's maturity uses ${String(mf["id"])}@${String(mf["version"])}: answer the assessment's framework, or change it first`,
    );
  }
  const kept = m?.["observations"] ?? [];
  if (!Array.isArray(kept))
    push(
      "invalid_type",
      ["assessment", "maturity", "observations"],
      "the assessment's maturity.observations must be a list",
    );
  if (issues.length > 0) throw new AssessmentError(issues, "invalid_document");

  const incoming = (obs as Record<string, unknown>[]).map((o) => ({
    unit: o["unit"] as string,
    indicator: o["indicator"] as string,
    value: structuredClone(o["value"]),
    ...(o["source"] === undefined ? {} : { source: o["source"] }),
    ...(o["note"] === undefined ? {} : { note: o["note"] }),
  }));
  const key = (u: unknown, i: unknown) => `${String(u)}\u0000${String(i)}`;
  const replaced = new Set(incoming.map((o) => key(o.unit, o.indicator)));
  const out = structuredClone(a);
  const next: Record<string, unknown> = structuredClone(m ?? {});
  next["framework"] = isRecord(mf)
    ? structuredClone(mf)
    : { id: framework.id, version: framework.version };
  if (next["assessedOn"] === undefined && typeof n["answeredOn"] === "string")
    next["assessedOn"] = n["answeredOn"];
  next["observations"] = [
    ...structuredClone(kept as unknown[]).filter(
      (o) => !(isRecord(o) && replaced.has(key(o["unit"], o["indicator"]))),
    ),
    ...incoming,
  ];
  out["maturity"] = next;
  return out;
}
