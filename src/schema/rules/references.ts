import type { Issue, PathSegment } from "../../errors/AssessmentError.js";
import { iccTracks } from "../vocabularies.js";
import type { Step } from "../entities.js";
import type { RuleContext } from "./context.js";

type ReferenceIssue = Issue;

function uniqueIds(
  items: readonly { id: string }[] | undefined,
  path: PathSegment[],
  what: string,
  out: ReferenceIssue[],
): Set<string> {
  const seen = new Map<string, number>();
  (items ?? []).forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) {
      out.push({
        code: "duplicate_id",
        path: [...path, i, "id"],
        message: `duplicate ${what} id ${JSON.stringify(item.id)}: already used at ${path.join(".")}[${first}]`,
      });
    } else seen.set(item.id, i);
  });
  return new Set(seen.keys());
}

function ref(
  set: ReadonlySet<string>,
  id: string | undefined,
  path: PathSegment[],
  what: string,
  out: ReferenceIssue[],
): void {
  if (id !== undefined && !set.has(id)) {
    out.push({ code: "unknown_reference", path, message: unknownMessage(set, id, what) });
  }
}

/**
 * `unknown dimension id "eparticipation"`, with what was meant: an id that differs only in case,
 * and the known ids when they are few enough to read (a framework's dimensions or levels).
 */
function unknownMessage(known: ReadonlySet<string>, id: string, what: string): string {
  let message = `unknown ${what} id ${JSON.stringify(id)}`;
  const lower = id.toLowerCase();
  for (const k of known) {
    if (k.toLowerCase() === lower) return `${message}; did you mean ${JSON.stringify(k)}?`;
  }
  if (known.size > 0 && known.size <= 12) {
    message += `; expected one of ${[...known].map((k) => JSON.stringify(k)).join(", ")}`;
  }
  return message;
}

function refs(
  set: ReadonlySet<string>,
  ids: readonly string[] | undefined,
  path: PathSegment[],
  what: string,
  out: ReferenceIssue[],
): void {
  (ids ?? []).forEach((id, i) => ref(set, id, [...path, i], what, out));
}

function checkSteps(
  steps: readonly Step[] | undefined,
  path: PathSegment[],
  people: ReadonlySet<string>,
  out: ReferenceIssue[],
): Set<string> {
  const ids = uniqueIds(steps, [...path], "step", out);
  (steps ?? []).forEach((s, i) => {
    ref(people, s.owner, [...path, i, "owner"], "stakeholder", out);
    (s.dependsOn ?? []).forEach((d, j) =>
      ref(ids, d.step, [...path, i, "dependsOn", j, "step"], "step", out),
    );
    if (s.start !== undefined && s.end !== undefined && s.end < s.start) {
      out.push({
        code: "end_before_start",
        path: [...path, i, "end"],
        message: `end ${s.end} is before start ${s.start}`,
      });
    }
  });
  return ids;
}

/**
 * Unique ids in every collection and every reference resolving; the programme's dates and the
 * track. Against the assessment's framework (when known): need dimensions, observation and
 * evidence indicators, and target dimensions and levels.
 */
export function checkReferences(ctx: RuleContext): void {
  const a = ctx.a;
  const fw = ctx.framework;
  const out: ReferenceIssue[] = ctx.errors;
  const people = uniqueIds(a.stakeholders, ["stakeholders"], "stakeholder", out);
  const workshops = uniqueIds(a.workshops, ["workshops"], "workshop", out);
  const needs = uniqueIds(a.needs, ["needs"], "need", out);
  const solutions = uniqueIds(a.solutions, ["solutions"], "solution", out);
  const criteria = uniqueIds(a.criteria, ["criteria"], "criterion", out);
  const swotIds = uniqueIds(a.swot, ["swot"], "SWOT item", out);
  uniqueIds(a.tows, ["tows"], "TOWS strategy", out);
  uniqueIds(a.ballots, ["ballots"], "ballot", out);
  uniqueIds(a.actions, ["actions"], "action", out);
  const embedded = a.frameworks ?? [];
  const fwKeys = new Map<string, number>();
  embedded.forEach((f, i) => {
    const key = `${f.id}@${f.version}`;
    if (fwKeys.has(key)) {
      out.push({
        code: "duplicate_id",
        path: ["frameworks", i, "id"],
        message: `duplicate framework ${JSON.stringify(key)}`,
      });
    } else fwKeys.set(key, i);
  });

  if (a.programme.end < a.programme.start) {
    out.push({
      code: "end_before_start",
      path: ["programme", "end"],
      message: `programme end ${a.programme.end} is before its start ${a.programme.start}`,
    });
  }
  const known = (iccTracks as readonly string[]).includes(a.track.id);
  if (!known && a.track.custom !== true) {
    out.push({
      code: "invalid_value",
      path: ["track", "id"],
      message: `track ${JSON.stringify(a.track.id)} is not one of the five ICC 2020–22 tracks (${iccTracks.join(", ")}); set "custom": true and a title for a custom track`,
    });
  }
  if (a.track.custom === true && a.track.title === undefined) {
    out.push({
      code: "missing_field",
      path: ["track", "title"],
      message: "a custom track needs a title",
    });
  }

  a.workshops.forEach((w, i) =>
    refs(people, w.participants, ["workshops", i, "participants"], "stakeholder", out),
  );

  const dims = fw ? new Set(fw.dimensions.map((d) => d.id)) : undefined;
  const inds = fw ? new Set(fw.indicators.map((d) => d.id)) : undefined;
  const levels = fw ? new Set(fw.levels.map((d) => d.id)) : undefined;

  a.needs.forEach((n, i) => {
    refs(people, n.raisedBy, ["needs", i, "raisedBy"], "stakeholder", out);
    ref(workshops, n.workshop, ["needs", i, "workshop"], "workshop", out);
    if (dims) ref(dims, n.dimension, ["needs", i, "dimension"], "dimension", out);
    (n.scores ?? []).forEach((s, j) =>
      ref(people, s.stakeholder, ["needs", i, "scores", j, "stakeholder"], "stakeholder", out),
    );
  });

  const swotEvidence = (items: RuleContext["a"]["swot"], path: PathSegment[]) => {
    (items ?? []).forEach((item, i) =>
      (item.evidence ?? []).forEach((e, j) => {
        ref(needs, e.need, [...path, i, "evidence", j, "need"], "need", out);
        if (inds)
          ref(inds, e.indicator, [...path, i, "evidence", j, "indicator"], "indicator", out);
      }),
    );
  };
  swotEvidence(a.swot, ["swot"]);
  (a.tows ?? []).forEach((t, i) => {
    refs(swotIds, t.items, ["tows", i, "items"], "city SWOT item", out);
    refs(solutions, t.solutions, ["tows", i, "solutions"], "solution", out);
  });

  if (a.maturity) {
    if (inds) {
      a.maturity.observations.forEach((o, i) =>
        ref(inds, o.indicator, ["maturity", "observations", i, "indicator"], "indicator", out),
      );
    }
    (a.maturity.targets ?? []).forEach((t, i) => {
      if (dims) ref(dims, t.dimension, ["maturity", "targets", i, "dimension"], "dimension", out);
      if (levels) ref(levels, t.level, ["maturity", "targets", i, "level"], "level", out);
    });
  }

  a.solutions.forEach((s, i) => {
    const p: PathSegment[] = ["solutions", i];
    refs(people, s.proposedBy, [...p, "proposedBy"], "stakeholder", out);
    refs(needs, s.addressesNeeds, [...p, "addressesNeeds"], "need", out);
    ref(people, s.lead, [...p, "lead"], "stakeholder", out);
    refs(people, s.partners, [...p, "partners"], "stakeholder", out);
    uniqueIds(s.swot, [...p, "swot"], "SWOT item", out);
    swotEvidence(s.swot, [...p, "swot"]);
    checkSteps(s.steps, [...p, "steps"], people, out);
    uniqueIds(s.kpis, [...p, "kpis"], "KPI", out);
    uniqueIds(s.risks, [...p, "risks"], "risk", out);
    (s.risks ?? []).forEach((r, j) =>
      ref(people, r.owner, [...p, "risks", j, "owner"], "stakeholder", out),
    );
    if (s.start !== undefined && s.end !== undefined && s.end < s.start) {
      out.push({
        code: "end_before_start",
        path: [...p, "end"],
        message: `end ${s.end} is before start ${s.start}`,
      });
    }
  });

  (a.scores ?? []).forEach((s, i) => {
    ref(solutions, s.solution, ["scores", i, "solution"], "solution", out);
    ref(criteria, s.criterion, ["scores", i, "criterion"], "criterion", out);
    ref(people, s.rater, ["scores", i, "rater"], "stakeholder", out);
  });
  (a.ballots ?? []).forEach((b, i) => {
    ref(people, b.voter, ["ballots", i, "voter"], "stakeholder", out);
    ref(workshops, b.workshop, ["ballots", i, "workshop"], "workshop", out);
    refs(solutions, b.ranking, ["ballots", i, "ranking"], "solution", out);
    refs(solutions, b.approvals, ["ballots", i, "approvals"], "solution", out);
    (b.points ?? []).forEach((pt, j) =>
      ref(solutions, pt.solution, ["ballots", i, "points", j, "solution"], "solution", out),
    );
  });
  (a.prioritisation?.criteriaJudgements ?? []).forEach((j, i) => {
    ref(criteria, j.a, ["prioritisation", "criteriaJudgements", i, "a"], "criterion", out);
    ref(criteria, j.b, ["prioritisation", "criteriaJudgements", i, "b"], "criterion", out);
    ref(
      people,
      j.respondent,
      ["prioritisation", "criteriaJudgements", i, "respondent"],
      "stakeholder",
      out,
    );
  });
  refs(solutions, a.plan?.selected, ["plan", "selected"], "solution", out);
  (a.actions ?? []).forEach((act, i) => {
    const p: PathSegment[] = ["actions", i];
    ref(solutions, act.solution, [...p, "solution"], "solution", out);
    ref(people, act.owner, [...p, "owner"], "stakeholder", out);
    refs(people, act.partners, [...p, "partners"], "stakeholder", out);
    const steps = checkSteps(act.steps, [...p, "steps"], people, out);
    uniqueIds(act.milestones, [...p, "milestones"], "milestone", out);
    (act.milestones ?? []).forEach((m, j) =>
      ref(steps, m.afterStep, [...p, "milestones", j, "afterStep"], "step", out),
    );
    uniqueIds(act.kpis, [...p, "kpis"], "KPI", out);
    uniqueIds(act.risks, [...p, "risks"], "risk", out);
    (act.risks ?? []).forEach((r, j) =>
      ref(people, r.owner, [...p, "risks", j, "owner"], "stakeholder", out),
    );
    if (act.start !== undefined && act.end !== undefined && act.end < act.start) {
      out.push({
        code: "end_before_start",
        path: [...p, "end"],
        message: `end ${act.end} is before start ${act.start}`,
      });
    }
  });
}
