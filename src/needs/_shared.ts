import type { PathSegment } from "../errors/AssessmentError.js";
import {
  assertIds,
  assertList,
  assertRecord,
  assertString,
  failAt,
  assertOneOfAt,
} from "../_lib/assert.js";
import { helices, type Helix } from "../schema/vocabularies.js";

/** A stakeholder as the needs stage reads it. */
export interface StakeholderRef {
  readonly id: string;
  readonly name: string;
  readonly helix: Helix;
  readonly index: number;
}

/** Checks `assessment` is an object and returns it as a record. */
export function readAssessment(assessment: unknown): Readonly<Record<string, unknown>> {
  assertRecord(assessment, ["assessment"], "assessment");
  return assessment;
}

/**
 * Reads `assessment.stakeholders`: an array of objects with unique string ids, a name and a helix
 * group. Returns them by id.
 */
export function readStakeholders(
  a: Readonly<Record<string, unknown>>,
): Map<string, StakeholderRef> {
  const path: PathSegment[] = ["assessment", "stakeholders"];
  const list = assertList(a["stakeholders"], path, "stakeholders");
  const out = new Map<string, StakeholderRef>();
  list.forEach((s, i) => {
    assertRecord(s, [...path, i], "stakeholder");
    const id = s["id"];
    assertString(id, [...path, i, "id"], "stakeholder id", { nonEmpty: true });
    if (out.has(id))
      failAt("duplicate_id", [...path, i, "id"], `duplicate stakeholder id ${JSON.stringify(id)}`);
    const name = s["name"];
    assertString(name, [...path, i, "name"], "stakeholder name");
    const helix = s["helix"];
    assertOneOfAt(helix, helices, [...path, i, "helix"], "helix");
    out.set(id, { id, name, helix, index: i });
  });
  return out;
}

/** A need as the needs stage reads it (only the fields the stage uses). */
export interface NeedRef {
  readonly id: string;
  readonly statement: string;
  readonly dimension: string | null;
  readonly raisedBy: readonly string[];
  readonly index: number;
  readonly record: Readonly<Record<string, unknown>>;
}

/**
 * Reads `assessment.needs`: objects with unique ids, a statement, an optional dimension and the
 * stakeholders who raised them (each must be a known stakeholder).
 */
export function readNeeds(
  a: Readonly<Record<string, unknown>>,
  stakeholders: ReadonlyMap<string, StakeholderRef>,
): NeedRef[] {
  const path: PathSegment[] = ["assessment", "needs"];
  const list = assertList(a["needs"], path, "needs");
  const seen = new Set<string>();
  return list.map((n, i) => {
    assertRecord(n, [...path, i], "need");
    const id = n["id"];
    assertString(id, [...path, i, "id"], "need id", { nonEmpty: true });
    if (seen.has(id))
      failAt("duplicate_id", [...path, i, "id"], `duplicate need id ${JSON.stringify(id)}`);
    seen.add(id);
    const statement = n["statement"];
    assertString(statement, [...path, i, "statement"], "statement");
    const dimension = n["dimension"];
    if (dimension !== undefined)
      assertString(dimension, [...path, i, "dimension"], "dimension", { nonEmpty: true });
    const raisedBy = assertIds(n["raisedBy"] ?? [], [...path, i, "raisedBy"], "raisedBy");
    raisedBy.forEach((s, j) => {
      if (!stakeholders.has(s)) {
        failAt(
          "unknown_reference",
          [...path, i, "raisedBy", j],
          `unknown stakeholder id ${JSON.stringify(s)}`,
        );
      }
    });
    return { id, statement, dimension: dimension ?? null, raisedBy, index: i, record: n };
  });
}

/** A solution as the needs stage reads it. */
export interface SolutionRef {
  readonly id: string;
  readonly title: string;
  readonly needs: readonly string[];
}

/**
 * Reads `assessment.solutions`: objects with unique ids, a title, and the needs they address (each
 * a known need, listed once).
 */
export function readSolutions(
  a: Readonly<Record<string, unknown>>,
  needIds: ReadonlySet<string>,
): SolutionRef[] {
  const path: PathSegment[] = ["assessment", "solutions"];
  const list = assertList(a["solutions"], path, "solutions");
  const seen = new Set<string>();
  return list.map((s, i) => {
    assertRecord(s, [...path, i], "solution");
    const id = s["id"];
    assertString(id, [...path, i, "id"], "solution id", { nonEmpty: true });
    if (seen.has(id))
      failAt("duplicate_id", [...path, i, "id"], `duplicate solution id ${JSON.stringify(id)}`);
    seen.add(id);
    const title = s["title"];
    assertString(title, [...path, i, "title"], "title");
    const needs = assertIds(
      s["addressesNeeds"] ?? [],
      [...path, i, "addressesNeeds"],
      "addressesNeeds",
    );
    needs.forEach((n, j) => {
      if (!needIds.has(n))
        failAt(
          "unknown_reference",
          [...path, i, "addressesNeeds", j],
          `unknown need id ${JSON.stringify(n)}`,
        );
    });
    return { id, title, needs };
  });
}
