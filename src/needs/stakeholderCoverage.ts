import type { Assessment } from "../schema/assessment.js";
import type { Stakeholder } from "../schema/entities.js";
import { helices, type Helix, type WorkshopKind } from "../schema/vocabularies.js";
import { indexAssessment } from "../_lib/assessmentIndex.js";
import { assertParsed } from "../_lib/parsed.js";
import { readValue, type Rule } from "../_lib/readValue.js";

/** Default minimum share of participants a helix group should have (designed by this project). */
export const DEFAULT_MIN_HELIX_SHARE = 0.1;

/** How a helix group is represented: absent, present but below the minimum share, or fine. */
export type HelixStatus = "missing" | "belowShare" | "ok";

/** Options of {@link stakeholderCoverage}. */
export interface StakeholderCoverageOptions {
  /** Minimum share (0–1) of participants each helix group should have. Default 0.1. */
  readonly minHelixShare?: number;
}

/** Participation of one helix group in one workshop. */
export interface HelixParticipation {
  /** The helix group. */
  readonly helix: Helix;
  /** Participants from this group. */
  readonly participants: number;
  /** participants ÷ all participants, or `null` when nobody took part. */
  readonly share: number | null;
  /** `missing` (0 participants), `belowShare` (share < minimum) or `ok`. */
  readonly status: HelixStatus;
}

/** Participation in one workshop. */
export interface WorkshopParticipation {
  /** The workshop's id. */
  readonly id: string;
  /** The workshop's kind. */
  readonly kind: WorkshopKind;
  /** The workshop's date. */
  readonly date: string;
  /** Number of participants (stakeholders). */
  readonly participants: number;
  /** Participation per helix group, in vocabulary order; the counts sum to `participants`. */
  readonly helices: readonly HelixParticipation[];
  /** Helix groups with no participant. */
  readonly missing: readonly Helix[];
  /** Helix groups present but below the minimum share. */
  readonly belowShare: readonly Helix[];
}

/** Participation of one helix group over all workshops. */
export interface HelixOverall extends HelixParticipation {
  /** Stakeholders of this group in the assessment. */
  readonly stakeholders: number;
  /** Stakeholders of this group who took part in no workshop (`stakeholders − participants`). */
  readonly neverParticipated: number;
}

/** The result of {@link stakeholderCoverage}. */
export interface StakeholderCoverageResult {
  /** The minimum share used. */
  readonly minHelixShare: number;
  /** Each workshop, in the assessment's order. */
  readonly workshops: readonly WorkshopParticipation[];
  /** Over all workshops: distinct stakeholders who took part in at least one. */
  readonly overall: {
    readonly stakeholders: number;
    readonly participants: number;
    readonly helices: readonly HelixOverall[];
    readonly missing: readonly Helix[];
    readonly belowShare: readonly Helix[];
  };
  /** Stakeholders who took part in no workshop, in the assessment's order. */
  readonly neverParticipated: readonly {
    readonly id: string;
    readonly name: string;
    readonly helix: Helix;
  }[];
}

function participation(
  counts: ReadonlyMap<Helix, number>,
  total: number,
  min: number,
): HelixParticipation[] {
  return helices.map((helix) => {
    const participants = counts.get(helix) ?? 0;
    const share = total > 0 ? participants / total : null;
    const status: HelixStatus =
      participants === 0 ? "missing" : (share as number) < min ? "belowShare" : "ok";
    return { helix, participants, share, status };
  });
}

function countByHelix(
  ids: Iterable<string>,
  stakeholders: ReadonlyMap<string, Stakeholder>,
): Map<Helix, number> {
  const counts = new Map<Helix, number>();
  for (const id of ids) {
    const h = (stakeholders.get(id) as Stakeholder).helix;
    counts.set(h, (counts.get(h) ?? 0) + 1);
  }
  return counts;
}

const OPTIONS: Rule = {
  kind: "record",
  fields: [
    [
      "minHelixShare",
      {
        kind: "number",
        min: 0,
        max: 1,
        code: "out_of_range",
        expected: "must be between 0 and 1",
        nullable: true,
      },
    ],
  ],
};

/**
 * Counts workshop participants per quadruple-helix group and per workshop, flags groups that are
 * missing or below a minimum share, and lists stakeholders who never took part.
 *
 * Rule: for each workshop, share(h) = participants from group h ÷ all participants; a group is
 * `missing` with no participant and `belowShare` when share < `minHelixShare` (default 0.1). The
 * overall figures count each stakeholder once, however many workshops they attended. The ICC asks
 * for strategies co-created with businesses, knowledge institutions and citizens (documented); the
 * four groups and the default share are designed by this project. The assessment is trusted as
 * parsed: every participant is a known stakeholder, listed once per workshop.
 *
 * @param assessment - the parsed assessment (stakeholders and workshops)
 * @param options - the minimum share per helix group
 * @returns participation per workshop and overall, and the stakeholders who never took part
 * @throws AssessmentError `not_parsed` (the assessment did not come from `parseAssessment`),
 *   `invalid_type` (options not an object, or `minHelixShare` not a number), `out_of_range`
 *   (`minHelixShare` outside 0–1), `non_finite`
 * @example
 * ```ts
 * import { parseAssessment } from "icc-assessment/schema";
 * import { stakeholderCoverage } from "icc-assessment/needs";
 * const assessment = parseAssessment({
 *   formatVersion: "1.0",
 *   city: { id: "sofia", name: "Sofia", country: "BG" },
 *   programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
 *   track: { id: "citizenParticipationDigitalPublicAdministration" },
 *   stakeholders: [
 *     { id: "city", name: "City hall", helix: "public", kind: "cityDepartment" },
 *     { id: "it", name: "IT association", helix: "business", kind: "association" },
 *     { id: "uni", name: "University", helix: "academia", kind: "university" },
 *   ],
 *   workshops: [{ id: "ws1", kind: "needsAssessment", date: "2021-01-07", participants: ["city", "it"] }],
 *   needs: [],
 *   solutions: [],
 * });
 * const c = stakeholderCoverage(assessment);
 * c.workshops[0].missing; // => ["academia", "civilSociety"]
 * c.neverParticipated.map((s) => s.id); // => ["uni"]
 * ```
 */
export function stakeholderCoverage(
  assessment: Assessment,
  options: StakeholderCoverageOptions = {},
): StakeholderCoverageResult {
  assertParsed(assessment, "assessment");
  readValue(options, OPTIONS, ["options"]);
  const min = options.minHelixShare ?? DEFAULT_MIN_HELIX_SHARE;
  const stakeholders = indexAssessment(assessment).stakeholders;

  const everyone = new Set<string>();
  const workshops = assessment.workshops.map((w): WorkshopParticipation => {
    for (const p of w.participants) everyone.add(p);
    const rows = participation(
      countByHelix(w.participants, stakeholders),
      w.participants.length,
      min,
    );
    return {
      id: w.id,
      kind: w.kind,
      date: w.date,
      participants: w.participants.length,
      helices: rows,
      missing: rows.filter((r) => r.status === "missing").map((r) => r.helix),
      belowShare: rows.filter((r) => r.status === "belowShare").map((r) => r.helix),
    };
  });

  const registered = countByHelix(stakeholders.keys(), stakeholders);
  const rows = participation(countByHelix(everyone, stakeholders), everyone.size, min);
  const overall: HelixOverall[] = rows.map((r) => {
    const total = registered.get(r.helix) ?? 0;
    return { ...r, stakeholders: total, neverParticipated: total - r.participants };
  });
  const neverParticipated: { id: string; name: string; helix: Helix }[] = [];
  for (const s of assessment.stakeholders) {
    if (!everyone.has(s.id)) neverParticipated.push({ id: s.id, name: s.name, helix: s.helix });
  }
  return {
    minHelixShare: min,
    workshops,
    overall: {
      stakeholders: assessment.stakeholders.length,
      participants: everyone.size,
      helices: overall,
      missing: rows.filter((r) => r.status === "missing").map((r) => r.helix),
      belowShare: rows.filter((r) => r.status === "belowShare").map((r) => r.helix),
    },
    neverParticipated,
  };
}
