/**
 * Internal: the votes method of `prioritise` on a checked decision (the registry's `votes` entry).
 * Not exported from the stage.
 */
import { failAt, remapErrors } from "../_lib/assert.js";
import { approvalVoting } from "./approvalVoting.js";
import { bordaCount } from "./bordaCount.js";
import type { Decision, DecisionBallot } from "./buildDecision.js";
import { dotVoting, type DotAllocation } from "./dotVoting.js";
import { kendallWOfSparse, type KendallWResult, type SparseRater } from "./kendallW.js";
import {
  votingRules,
  type MethodOptions,
  type VotesPrioritisation,
  type VotingRule,
} from "./_model.js";
import { scoreVoting, type AlternativeScore } from "./scoreVoting.js";
import { DOTS, readChoice, readList, readOptionNumber } from "./_shared.js";
import type { Checked } from "./_decision.js";

export { votingRules, type VotingRule } from "./_model.js";

const RULE_FIELD: Readonly<Record<VotingRule, keyof DecisionBallot>> = {
  borda: "ranking",
  approval: "approvals",
  score: "scores",
  dot: "points",
};

/** The votes method's default voting rule. */
export const VOTES_DEFAULTS = { votingRule: "borda" } as const;

/**
 * Runs the votes method on a checked decision (see `prioritise`): the voting rule over the ballots
 * that carry its field, with consensus measured by Kendall's W across them.
 */
export function byVotes(
  decision: Decision,
  d: Checked,
  options: MethodOptions,
): VotesPrioritisation {
  const rule = readChoice(
    options.votingRule,
    votingRules,
    VOTES_DEFAULTS.votingRule,
    ["options", "votingRule"],
    "votingRule",
  );
  const dots = readOptionNumber(options.dotsPerVoter, "dotsPerVoter", DOTS, null);
  const all = readList(decision.ballots ?? [], ["decision", "ballots"], "ballots");
  const field = RULE_FIELD[rule];
  const index: number[] = [];
  all.forEach((b: unknown, i) => {
    if (typeof b === "object" && b !== null && (b as Record<string, unknown>)[field] !== undefined)
      index.push(i);
  });
  if (index.length === 0) {
    failAt(
      "missing_value",
      ["decision", "ballots"],
      `no ballot has ${field}, which the ${rule} rule counts (${all.length} ballots in the decision)`,
    );
  }
  const used = index.map((i) => all[i] as DecisionBallot);
  const alternatives = d.alternatives;
  const tally = underBallots(index, () => {
    switch (rule) {
      case "borda":
        return bordaCount(
          used.map((b) => ({ ranking: b.ranking as readonly string[], ...weightOf(b) })),
          { alternatives },
        );
      case "approval":
        return approvalVoting(
          used.map((b) => ({ approvals: b.approvals as readonly string[], ...weightOf(b) })),
          {
            alternatives,
          },
        );
      case "score":
        return scoreVoting(
          used.map((b) => ({ scores: b.scores as readonly AlternativeScore[], ...weightOf(b) })),
          {
            alternatives,
          },
        );
      default:
        return dotVoting(
          used.map((b) => ({ points: b.points as readonly DotAllocation[], ...weightOf(b) })),
          {
            alternatives,
            ...(dots === null ? {} : { dotsPerVoter: dots }),
          },
        );
    }
  });
  // ballots as raters: higher value = preferred
  let consensus: KendallWResult | null = null;
  let consensusReason: string | null = null;
  if (used.length < 2) consensusReason = `Kendall's W needs at least 2 ballots, got ${used.length}`;
  else if (alternatives.length < 2)
    consensusReason = "a single alternative has no order to agree on";
  else {
    // each ballot a sparse rater: the alternatives it names with their values, 0 for the rest
    const n = alternatives.length;
    const col = new Map(alternatives.map((a, i) => [a, i]));
    const raters = used.map((b) => sparseRater(b, rule, n, col));
    if (raters.every((r) => tiesEverything(r, n)))
      consensusReason = "every ballot ties every alternative";
    else consensus = kendallWOfSparse(raters, n);
  }
  return {
    method: "votes",
    parameters: {
      votingRule: rule,
      ballotsUsed: used.length,
      ballotsIgnored: all.length - used.length,
      dotsPerVoter: dots,
    },
    ranking: tally.map((t) => ({ solution: t.alternative, score: t.points, rank: t.rank })),
    tally,
    consensus,
    consensusReason,
  };
}

/**
 * A ballot as a rater of Kendall's W, higher value = preferred: Borda n − position, approval 1,
 * the score, or the dots, for the alternatives it names (the rule's tally has checked them: known,
 * each at most once); the alternatives it leaves out get 0.
 */
function sparseRater(
  b: DecisionBallot,
  rule: VotingRule,
  n: number,
  col: ReadonlyMap<string, number>,
): SparseRater {
  const named: readonly { alternative: string; value: number }[] =
    rule === "borda"
      ? (b.ranking as readonly string[]).map((a, pos) => ({ alternative: a, value: n - pos }))
      : rule === "approval"
        ? (b.approvals as readonly string[]).map((a) => ({ alternative: a, value: 1 }))
        : rule === "score"
          ? (b.scores as readonly AlternativeScore[]).map((x) => ({
              alternative: x.alternative,
              value: x.score,
            }))
          : (b.points as readonly DotAllocation[]).map((x) => ({
              alternative: x.alternative,
              value: x.points,
            }));
  return {
    objects: named.map((x) => col.get(x.alternative) as number),
    values: named.map((x) => x.value),
  };
}

/** Whether a rater gives all n alternatives the same value (0 to those it leaves out). */
function tiesEverything(r: SparseRater, n: number): boolean {
  const same = r.values.length < n ? 0 : r.values[0];
  for (let e = 0; e < r.values.length; e++) if (r.values[e] !== same) return false;
  return true;
}

function weightOf(b: DecisionBallot): { weight?: number } {
  return b.weight === undefined ? {} : { weight: b.weight };
}

/** Moves ballot error paths (`["ballots", k, …]`) to the decision's original ballot index. */
function underBallots<T>(index: readonly number[], fn: () => T): T {
  return remapErrors(
    fn,
    (issuePath) => {
      const [head, k, ...rest] = issuePath;
      return head === "ballots" && typeof k === "number"
        ? ["decision", "ballots", index[k] as number, ...rest]
        : ["decision", ...issuePath];
    },
    { addMissingPath: true },
  );
}
