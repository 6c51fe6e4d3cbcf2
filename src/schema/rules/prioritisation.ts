import type { PathSegment } from "../../errors/AssessmentError.js";
import { randomIndexTables } from "../../prioritisation/randomIndex.js";
import type { AssessmentData } from "../assessment.js";
import type { Ballot, Criterion } from "../entities.js";
import { error, warn, type RuleContext } from "./context.js";

/**
 * The prioritisation rules of validateAssessment: everything `buildDecision`, `prioritise` (weighted
 * sum, TOPSIS, the Borda count, AHP), `rankStability` and the report's prioritisation section
 * would refuse about a document with their default options is refused here first, so those
 * functions trust a parsed assessment. Designed by this project.
 *
 * - Criteria: a declared scale has max > min; the weights `buildDecision` uses by default exist
 *   (every criterion weighted, or judgements to derive them from) and sum to a positive number;
 *   a sum other than 1 is a warning (`weights_normalised`), since they are divided by it.
 * - Judgements (AHP weights): no criterion compared with itself, no pair judged twice by one
 *   respondent (`duplicate_judgement`), each respondent's judgements connect every criterion
 *   (missing pairs are completed), at most as many criteria as the default random-index table lists.
 * - Ballots: one ballot per voter per poll (a workshop, or no workshop; `duplicate_vote`); no
 *   solution twice in a ranking, approvals or points; the ballots carrying a ranking, approvals or
 *   points do not all weigh 0; a ballot that ranks nothing or gives no points is a warning
 *   (`empty_ballot`).
 * - The score matrix, when there are criteria, scores and solutions: each score on its criterion's
 *   scale; every solution scored on every criterion; values small enough to square; and what the
 *   default methods need — spread on every criterion for the min-max weighted sum (when some
 *   criterion has no scale), a non-zero column for TOPSIS's vector normalisation, solutions that
 *   differ on some weighted criterion (TOPSIS), and positive scores when the AHP method runs (the
 *   assessment has judgements).
 */
export function checkPrioritisation(ctx: RuleContext): void {
  const a = ctx.a;
  const criteria = a.criteria ?? [];
  const judged = (a.prioritisation?.criteriaJudgements ?? []).length > 0;
  const weights = checkCriteria(ctx, criteria, judged);
  if (judged) checkJudgements(ctx, criteria);
  checkBallots(ctx, a.ballots ?? [], a.solutions.length);
  if (criteria.length > 0 && (a.scores ?? []).length > 0 && a.solutions.length > 0) {
    checkMatrix(ctx, criteria, judged, weights);
  }
}

const q = (s: string): string => JSON.stringify(s);

/** Up to `max` ids, quoted: `"a", "b", … (12 in all)`. */
function quoted(ids: readonly string[], max = 8): string {
  const shown = ids.slice(0, max).map(q).join(", ");
  return ids.length > max ? `${shown}, … (${ids.length} in all)` : shown;
}

/** Tolerance of the "weights sum to 1" warning. */
const WEIGHT_SUM_TOLERANCE = 1e-9;

/**
 * Which criteria carry weight in the decision `buildDecision` builds by default: `"ahp"` (weights
 * derived from the judgements, all positive), `"criteria"` (their own weights), or `null` when
 * those weights are unusable (already reported).
 */
type WeightSource = "criteria" | "ahp" | null;

function checkCriteria(
  ctx: RuleContext,
  criteria: readonly Criterion[],
  judged: boolean,
): WeightSource {
  let sum = 0;
  let unweighted = 0;
  criteria.forEach((c, j) => {
    const s = c.scale;
    if (s !== undefined) {
      if (!(s.max > s.min)) {
        error(
          ctx,
          "invalid_value",
          ["criteria", j, "scale"],
          `the scale of criterion ${q(c.id)} must have max > min, got [${s.min}, ${s.max}]`,
        );
      } else if (!Number.isFinite(s.max - s.min) || !Number.isFinite(s.max + s.min)) {
        error(
          ctx,
          "out_of_range",
          ["criteria", j, "scale"],
          `the scale of criterion ${q(c.id)}, [${s.min}, ${s.max}], is too wide to compute with in double precision`,
        );
      }
    }
    if (c.weight === undefined) unweighted++;
    else sum += c.weight;
  });
  if (criteria.length === 0) return null;
  if (unweighted > 0) {
    if (judged) return "ahp";
    criteria.forEach((c, j) => {
      if (c.weight === undefined) {
        error(
          ctx,
          "missing_field",
          ["criteria", j, "weight"],
          `criterion ${q(c.id)} has no weight, and there are no prioritisation.criteriaJudgements to derive the weights from: give every criterion a weight, or add judgements`,
        );
      }
    });
    return null;
  }
  if (!(sum > 0)) {
    error(
      ctx,
      "zero_weights",
      ["criteria"],
      `criteria weights must sum to a positive number, got 0: every criterion (${quoted(criteria.map((c) => c.id))}) has weight 0`,
    );
    return null;
  }
  if (!Number.isFinite(sum)) {
    error(
      ctx,
      "out_of_range",
      ["criteria"],
      "criteria weights sum to more than the largest double-precision number; they are divided by their sum, so use smaller weights (e.g. shares of 1)",
    );
    return null;
  }
  if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
    // shares shown to 3 significant digits (the computation uses them unrounded)
    const shares = criteria
      .slice(0, 8)
      .map((c) => `${c.id} ${Number(((c.weight as number) / sum).toPrecision(3))}`);
    warn(
      ctx,
      "weights_normalised",
      ["criteria"],
      `criteria weights sum to ${sum}, not 1: they are divided by their sum (${shares.join(", ")}${criteria.length > 8 ? ", …" : ""})`,
    );
  }
  return "criteria";
}

const JUDGEMENTS = ["prioritisation", "criteriaJudgements"] as const;
/** The respondent of judgements without one (as `buildDecision` groups them). */
const ANONYMOUS = "(anonymous)";
/** The largest matrix order the default random-index table (saaty1980) lists. */
const MAX_AHP_ORDER = Math.max(...Object.keys(randomIndexTables.saaty1980.values).map(Number));

function judgementPath(k: number, key?: string): PathSegment[] {
  return key === undefined ? [...JUDGEMENTS, k] : [...JUDGEMENTS, k, key];
}

function checkJudgements(ctx: RuleContext, criteria: readonly Criterion[]): void {
  const judgements = ctx.a.prioritisation?.criteriaJudgements ?? [];
  const n = criteria.length;
  if (n > MAX_AHP_ORDER) {
    error(
      ctx,
      "out_of_range",
      [...JUDGEMENTS],
      `AHP weights from judgements need at most ${MAX_AHP_ORDER} criteria (the largest order the default saaty1980 random-index table lists), got ${n}`,
    );
  }
  const col = new Map<string, number>();
  criteria.forEach((c, j) => {
    if (!col.has(c.id)) col.set(c.id, j);
  });
  // per respondent: the first judgement's index and each judged pair's first index
  const groups = new Map<string, { first: number; pairs: Map<number, number> }>();
  judgements.forEach((jd, k) => {
    const respondent = jd.respondent ?? ANONYMOUS;
    let g = groups.get(respondent);
    if (g === undefined) {
      g = { first: k, pairs: new Map() };
      groups.set(respondent, g);
    }
    const ia = col.get(jd.a);
    const ib = col.get(jd.b);
    if (ia === undefined || ib === undefined) return; // unknown criterion: reported by references
    if (ia === ib) {
      error(
        ctx,
        "invalid_value",
        judgementPath(k, "b"),
        `a judgement compares two different criteria, got ${q(jd.a)} with itself`,
      );
      return;
    }
    const key = Math.min(ia, ib) * n + Math.max(ia, ib);
    const first = g.pairs.get(key);
    if (first !== undefined) {
      error(
        ctx,
        "duplicate_judgement",
        judgementPath(k),
        `${whose(jd.respondent)} the pair ${q(jd.a)}/${q(jd.b)} twice: first at prioritisation.criteriaJudgements[${first}]; give one judgement per pair and respondent`,
      );
      return;
    }
    g.pairs.set(key, k);
  });
  if (n < 2) return;
  const parent = new Int32Array(n);
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    return r;
  };
  for (const [respondent, g] of groups) {
    for (let i = 0; i < n; i++) parent[i] = i;
    for (const key of g.pairs.keys()) {
      const x = root(Math.floor(key / n));
      const y = root(key % n);
      if (x !== y) parent[y] = x;
    }
    const r0 = root(0);
    const unreached: string[] = [];
    for (let i = 1; i < n; i++) {
      if (root(i) !== r0) unreached.push((criteria[i] as Criterion).id);
    }
    if (unreached.length > 0) {
      const subject =
        respondent === ANONYMOUS
          ? "the judgements without a respondent do"
          : `the judgements of respondent ${q(respondent)} do`;
      error(
        ctx,
        "missing_value",
        judgementPath(g.first),
        `${subject} not connect every criterion: nothing links ${q((criteria[0] as Criterion).id)} with ${quoted(unreached)}; each respondent needs at least ${n - 1} judgements forming a chain or tree (the pairs left out are then completed)`,
      );
    }
  }
}

function whose(respondent: string | undefined): string {
  return respondent === undefined
    ? "the judgements without a respondent judge"
    : `respondent ${q(respondent)} judges`;
}

/** Voting fields of a ballot, with the vote that counts each. */
const BALLOT_FIELDS = [
  ["ranking", "the Borda count"],
  ["approvals", "approval voting"],
  ["points", "dot voting"],
] as const;

function checkBallots(ctx: RuleContext, ballots: readonly Ballot[], solutions: number): void {
  const polls = new Map<string, number>();
  // the largest tally a vote can reach: Σ weight × (most a ballot gives one solution)
  const most = { ranking: 0, approvals: 0, points: 0 };
  const carrying = { ranking: [] as number[], approvals: [] as number[], points: [] as number[] };
  const weighted = { ranking: false, approvals: false, points: false };
  ballots.forEach((b, i) => {
    // ids cannot contain "\u0000", so the key of a voter outside workshops never meets another
    const poll = b.workshop === undefined ? b.voter : `${b.voter}\u0000${b.workshop}`;
    const first = polls.get(poll);
    if (first === undefined) polls.set(poll, i);
    else {
      error(
        ctx,
        "duplicate_vote",
        ["ballots", i, "voter"],
        `stakeholder ${q(b.voter)} votes twice ${b.workshop === undefined ? "outside any workshop" : `in workshop ${q(b.workshop)}`}: ballot ${q(b.id)} after ballot ${q((ballots[first] as Ballot).id)} (ballots[${first}]); one ballot per voter per poll`,
      );
    }
    const weight = b.weight ?? 1;
    for (const [field] of BALLOT_FIELDS) {
      if (b[field] !== undefined) {
        carrying[field].push(i);
        if (weight > 0) weighted[field] = true;
      }
    }
    if (b.ranking !== undefined) most.ranking += weight * Math.max(1, solutions - 1);
    if (b.approvals !== undefined) most.approvals += weight;
    if (b.ranking !== undefined) {
      repeated(ctx, b.ranking, i, "ranking", b.id, "ranks");
      if (b.ranking.length === 0) {
        warn(
          ctx,
          "empty_ballot",
          ["ballots", i, "ranking"],
          `ballot ${q(b.id)} ranks no solution: it adds nothing to a Borda count and ties every solution in the voters' agreement (Kendall's W)`,
        );
      }
    }
    if (b.approvals !== undefined) repeated(ctx, b.approvals, i, "approvals", b.id, "approves");
    if (b.points !== undefined) {
      const seen = new Map<string, number>();
      let total = 0;
      b.points.forEach((p, j) => {
        total += p.points;
        const at = seen.get(p.solution);
        if (at === undefined) seen.set(p.solution, j);
        else {
          error(
            ctx,
            "duplicate_id",
            ["ballots", i, "points", j, "solution"],
            `ballot ${q(b.id)} gives points to ${q(p.solution)} twice (points[${at}] and points[${j}]); give each solution its points once`,
          );
        }
      });
      most.points += weight * total;
      if (!(total > 0)) {
        warn(
          ctx,
          "empty_ballot",
          ["ballots", i, "points"],
          `ballot ${q(b.id)} gives no points (total 0): it adds nothing to a dot vote`,
        );
      }
    }
  });
  for (const [field, vote] of BALLOT_FIELDS) {
    if (!Number.isFinite(most[field])) {
      error(
        ctx,
        "out_of_range",
        ["ballots"],
        `the ballots with ${field} weigh too much: ${vote} would tally more than the largest double-precision number; use smaller ballot weights${field === "points" ? " or fewer points" : ""}`,
      );
    }
    const with_ = carrying[field];
    if (with_.length > 0 && !weighted[field]) {
      error(
        ctx,
        "zero_weights",
        ["ballots"],
        `every ballot with ${field} has weight 0 (${quoted(with_.map((i) => (ballots[i] as Ballot).id))}): ${vote} needs ballot weights summing to a positive number`,
      );
    }
  }
}

/** Reports a solution listed twice in a ballot's `field`. */
function repeated(
  ctx: RuleContext,
  ids: readonly string[],
  i: number,
  field: "ranking" | "approvals",
  ballot: string,
  verb: string,
): void {
  const seen = new Map<string, number>();
  ids.forEach((id, j) => {
    const at = seen.get(id);
    if (at === undefined) seen.set(id, j);
    else {
      error(
        ctx,
        "duplicate_id",
        ["ballots", i, field, j],
        `ballot ${q(ballot)} ${verb} ${q(id)} twice (${field}[${at}] and ${field}[${j}]); list each solution once`,
      );
    }
  });
}

/**
 * The score matrix, built as `buildDecision` builds it (the mean of the scores of each solution on
 * each criterion), and what the default methods need of it.
 */
function checkMatrix(
  ctx: RuleContext,
  criteria: readonly Criterion[],
  judged: boolean,
  weights: WeightSource,
): void {
  const a: AssessmentData = ctx.a;
  const solutions = a.solutions;
  const n = solutions.length;
  const m = criteria.length;
  const row = new Map<string, number>();
  solutions.forEach((s, i) => {
    if (!row.has(s.id)) row.set(s.id, i);
  });
  const col = new Map<string, number>();
  criteria.forEach((c, j) => {
    if (!col.has(c.id)) col.set(c.id, j);
  });
  const sums = new Float64Array(n * m);
  const counts = new Uint32Array(n * m);
  const firstScore = new Int32Array(n * m).fill(-1);
  (a.scores ?? []).forEach((s, k) => {
    const i = row.get(s.solution);
    const j = col.get(s.criterion);
    if (i === undefined || j === undefined) return; // unknown id: reported by references
    const scale = (criteria[j] as Criterion).scale;
    if (
      scale !== undefined &&
      scale.max > scale.min &&
      (s.value < scale.min || s.value > scale.max)
    ) {
      error(
        ctx,
        "out_of_range",
        ["scores", k, "value"],
        `the score of ${q(s.solution)} on criterion ${q(s.criterion)} must lie on the criterion's scale [${scale.min}, ${scale.max}], got ${s.value}`,
      );
    }
    const cell = i * m + j;
    sums[cell] = (sums[cell] as number) + s.value;
    counts[cell] = (counts[cell] as number) + 1;
    if ((firstScore[cell] as number) < 0) firstScore[cell] = k;
  });

  let complete = true;
  solutions.forEach((s, i) => {
    if (row.get(s.id) !== i) return; // a duplicate id: reported by references
    const missing: string[] = [];
    for (let j = 0; j < m; j++) {
      if (counts[i * m + j] === 0) missing.push((criteria[j] as Criterion).id);
    }
    if (missing.length > 0) {
      complete = false;
      error(
        ctx,
        "missing_value",
        ["solutions", i],
        `solution ${q(s.id)} has no score on ${missing.length === 1 ? "criterion" : "criteria"} ${quoted(missing, 12)}; every solution needs a score on every criterion (a missing score is never taken as 0)`,
      );
    }
  });

  const allScaled = criteria.every((c) => c.scale !== undefined);
  const unscaled = criteria.filter((c) => c.scale === undefined).map((c) => c.id);
  let differs = false;
  let computable = true;
  for (let j = 0; j < m; j++) {
    const c = criteria[j] as Criterion;
    const scale = c.scale !== undefined && c.scale.max > c.scale.min ? c.scale : undefined;
    let lo = Infinity;
    let hi = -Infinity;
    let sumSq = 0;
    let inverse = 0;
    let finite = true;
    for (let i = 0; i < n; i++) {
      const cell = i * m + j;
      const count = counts[cell] as number;
      if (count === 0) continue;
      // as buildDecision: the mean, kept on the scale against rounding
      let v = (sums[cell] as number) / count;
      if (scale !== undefined) v = Math.min(scale.max, Math.max(scale.min, v));
      if (!Number.isFinite(v)) finite = false;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
      sumSq += v * v;
      if (judged) {
        if (!(v > 0)) {
          error(
            ctx,
            "non_positive_value",
            ["scores", firstScore[cell] as number, "value"],
            `the AHP method (run because the assessment has criteria judgements) rates the solutions by the ratio of their scores, which must be positive: ${q((solutions[i] as { id: string }).id)} scores ${v} on criterion ${q(c.id)}${count > 1 ? ` (the mean of its ${count} scores)` : ""}`,
          );
        } else inverse += c.kind === "cost" ? 1 / v : v;
      }
    }
    if (lo > hi) continue; // no score at all: reported above
    if (
      !finite ||
      !Number.isFinite(sumSq) ||
      !Number.isFinite(hi - lo) ||
      !Number.isFinite(hi + lo)
    ) {
      computable = false;
      error(
        ctx,
        "out_of_range",
        ["criteria", j],
        `the scores on criterion ${q(c.id)} are too large to compute with in double precision (their squares or their sum overflow), got values from ${lo} to ${hi}`,
      );
      continue;
    }
    if (judged && !Number.isFinite(inverse)) {
      computable = false;
      error(
        ctx,
        "out_of_range",
        ["criteria", j],
        `the scores on cost criterion ${q(c.id)} are too close to 0 for the AHP method (run because the assessment has criteria judgements), which rates a cost by 1/score, got values from ${lo}`,
      );
    }
    if (!complete || n < 2) continue;
    if (!allScaled && !(hi - lo > 0)) {
      error(
        ctx,
        "zero_spread",
        ["criteria", j],
        `every solution has the value ${lo} on criterion ${q(c.id)}: the weighted sum normalises each criterion by its range (min-max, because ${quoted(unscaled)} ${unscaled.length === 1 ? "declares" : "declare"} no scale), and this range is 0; declare a scale on every criterion, or score the solutions apart`,
      );
    }
    if (!(Math.sqrt(sumSq) > 0)) {
      error(
        ctx,
        "zero_spread",
        ["criteria", j],
        `every solution scores 0 on criterion ${q(c.id)} (or too close to 0 to square in double precision): TOPSIS divides each criterion by the length of its column of scores, which is 0`,
      );
    }
    if (hi > lo && (weights === "ahp" || (weights === "criteria" && (c.weight as number) > 0))) {
      differs = true;
    }
  }
  if (!complete || !computable) return;
  if (n === 1) {
    error(
      ctx,
      "too_few_values",
      ["solutions"],
      `the assessment scores a single solution, ${q((solutions[0] as { id: string }).id)}, and one solution cannot be ranked: TOPSIS (a default method) finds it both the ideal and the anti-ideal; add the other solutions, or leave out the scores`,
    );
  } else if (weights !== null && !differs) {
    error(
      ctx,
      "zero_spread",
      ["scores"],
      "the solutions do not differ on any criterion with a positive weight, so they cannot be ranked: TOPSIS (a default method) finds every solution both the ideal and the anti-ideal",
    );
  }
}
