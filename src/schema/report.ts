import * as z from "zod/mini";
import type { Parsed } from "../_lib/parsed.js";
import {
  described as d,
  AmountSchema,
  CurrencySchema,
  IdSchema,
  IsoDateSchema,
  list,
  ref,
  shortString,
  SourceSchema,
  TextSchema,
  TitleSchema,
  withMeta,
} from "./common.js";
import { CitySchema, ObservationSchema, ProgrammeSchema, TrackSchema } from "./entities.js";
import { FormatVersionSchema } from "./version.js";
import {
  criterionKinds,
  fundingSources,
  helices,
  kpiDirections,
  milestoneStatuses,
  provenances,
  readinessLevels,
  resourceKinds,
  stakeholderKinds,
  swotQuadrants,
  towsKinds,
  workshopKinds,
} from "./vocabularies.js";

// Numbers in a report are finite (the parser refuses NaN and ±Infinity before the schema runs).
const Num = z.number();
const Share = z.number().check(z.gte(0), z.lte(1));
const Count = z.number().check(z.int(), z.gte(0));
const Rank = z.number().check(z.int(), z.gte(1));
/** A list of ids of `what` (in the assessment the report was made from). */
const Ids = (what: string) => list(ref(what), 10_000);
/**
 * Most actions in an action plan: every action of the assessment (at most 10,000) plus one derived
 * from each priority solution without any (at most 10,000), so that whatever `createReport` writes
 * from a valid assessment fits.
 */
const PLAN_ACTIONS = 20_000;
/** Most risks in an action plan: each action carries at most 1,000 (the assessment's limit). */
const PLAN_RISKS = PLAN_ACTIONS * 1000;
const Texts = list(TextSchema, 1000);
const HelixSchema = z.enum(helices);

/**
 * Money in a report: `{ "amount": "125000.00", "currency": "EUR" }`. Unlike the assessment's money,
 * it stays a decimal string after parsing: a report is plain JSON data.
 */
export const ReportMoneySchema = withMeta(
  z.strictObject({
    amount: d(AmountSchema, 'The amount as a decimal string, such as "125000.00".'),
    currency: d(CurrencySchema, "ISO 4217 currency code, such as EUR."),
  }),
  { description: "Money as a decimal string amount and an ISO 4217 currency." },
);
/** Money in a report (JSON form). */
export type ReportMoney = z.output<typeof ReportMoneySchema>;

const LevelRefSchema = z.strictObject({
  id: d(IdSchema, "Id of the level in the framework (`sections.maturity.levels[].id`)."),
  title: d(TitleSchema, "The level's name."),
  index: d(Count, "0 for the lowest level."),
});

const HelixStatusSchema = z.enum(["missing", "belowShare", "ok"]);

/** Stakeholders by quadruple-helix group and their participation in the workshops. */
export const StakeholdersSectionSchema = z.strictObject({
  total: d(Count, "Number of stakeholders."),
  participants: d(Count, "Distinct stakeholders who took part in at least one workshop."),
  minHelixShare: d(
    Share,
    "The minimum share of participants each helix group should have (0–1; default 0.1).",
  ),
  byHelix: d(
    list(
      z.strictObject({
        helix: d(HelixSchema, "The helix group."),
        stakeholders: d(Count, "Number of its stakeholders."),
        participants: d(Count, "Number of its stakeholders who took part in a workshop."),
        share: d(
          z.nullable(Share),
          "Its share of all participants (0–1), or null when nobody took part.",
        ),
        status: d(
          HelixStatusSchema,
          "missing (no participant), belowShare (share below `minHelixShare`) or ok.",
        ),
        members: d(
          list(
            z.strictObject({
              id: d(IdSchema, "Id of the stakeholder in the assessment."),
              name: d(TitleSchema, "The stakeholder's name."),
              kind: d(z.enum(stakeholderKinds), "What kind of organisation or group it is."),
            }),
            10_000,
          ),
          "Its stakeholders.",
        ),
      }),
      helices.length,
    ),
    "Stakeholders and participation by quadruple-helix group.",
  ),
  missing: d(list(HelixSchema, helices.length), "Helix groups with no participant."),
  belowShare: d(
    list(HelixSchema, helices.length),
    "Helix groups whose share of participants is below `minHelixShare`.",
  ),
  neverParticipated: d(
    list(
      z.strictObject({
        id: d(IdSchema, "Id of the stakeholder in the assessment."),
        name: d(TitleSchema, "The stakeholder's name."),
        helix: d(HelixSchema, "Its helix group."),
      }),
      10_000,
    ),
    "Stakeholders who took part in no workshop.",
  ),
});

/** The workshops, by date, with their participation per helix group. */
export const WorkshopsSectionSchema = list(
  z.strictObject({
    id: d(IdSchema, "Id of the workshop in the assessment."),
    kind: d(z.enum(workshopKinds), "What the workshop was for."),
    title: d(z.nullable(TitleSchema), "The workshop's name, or null."),
    date: d(IsoDateSchema, "The day it took place."),
    participants: d(Count, "Number of participants."),
    helices: d(
      list(
        z.strictObject({
          helix: d(HelixSchema, "The helix group."),
          participants: d(Count, "Its participants in this workshop."),
          share: d(
            z.nullable(Share),
            "Its share of the workshop's participants (0–1), or null with none.",
          ),
          status: d(
            HelixStatusSchema,
            "missing, belowShare or ok, as in `sections.stakeholders.byHelix[].status`.",
          ),
        }),
        helices.length,
      ),
      "Participation by helix group.",
    ),
    missing: d(list(HelixSchema, helices.length), "Helix groups with no participant."),
    outputs: d(Texts, "What the workshop produced."),
  }),
  1000,
);

/** The maturity profile: the framework, the overall score and level, and each dimension. */
export const MaturitySectionSchema = z.strictObject({
  framework: d(
    z.strictObject({
      id: d(IdSchema, "The framework's id."),
      version: d(shortString(20), "The framework's version."),
      title: d(TitleSchema, "The framework's name."),
      provenance: d(z.enum(provenances), "documented, designed or mixed."),
      sources: d(list(SourceSchema, 50), "The sources it is built on."),
      authors: z.optional(
        d(
          list(d(TitleSchema, "One author."), 50),
          "Who made the framework (its `authors`), when it names them; reports credit them.",
        ),
      ),
    }),
    "The framework scored.",
  ),
  unit: d(IdSchema, "The unit scored (the city, or the city at a date)."),
  assessedOn: d(z.nullable(IsoDateSchema), "When the answers were collected, or null."),
  scale: d(
    z.strictObject({
      min: d(Num, "The lowest score."),
      max: d(Num, "The highest score."),
    }),
    "The score scale.",
  ),
  levels: d(
    list(
      z.strictObject({
        id: d(IdSchema, "The level's id."),
        title: d(TitleSchema, "The level's name."),
        min: d(Num, "The band's lower bound."),
        max: d(Num, "The band's upper bound."),
        minInclusive: d(z.boolean(), "Whether a score equal to `min` is in the band."),
        maxInclusive: d(z.boolean(), "Whether a score equal to `max` is in the band."),
      }),
      100,
    ),
    "The maturity levels, lowest first, with resolved inclusivity.",
  ),
  overall: d(
    z.strictObject({
      score: d(
        z.nullable(Num),
        "The overall score, or null when too little is answered (not assessed).",
      ),
      level: d(z.nullable(LevelRefSchema), "The level, or null when there is no score."),
      coverage: d(Share, "The answered share (0–1) of the indicator weight."),
      reason: d(z.nullable(TextSchema), "Why the score is null, or null."),
    }),
    "The overall maturity.",
  ),
  dimensions: d(
    list(
      z.strictObject({
        id: d(IdSchema, "Id of the dimension in the framework."),
        title: d(TitleSchema, "The dimension's name."),
        parent: d(z.nullable(IdSchema), "Id of its parent dimension, or null for a top-level one."),
        score: d(z.nullable(Num), "The dimension's score, or null when too little is answered."),
        level: d(z.nullable(LevelRefSchema), "The level, or null when there is no score."),
        coverage: d(Share, "The answered share (0–1) of its indicator weight."),
        target: d(z.nullable(LevelRefSchema), "The target level from the assessment, or null."),
        gap: d(
          z.nullable(z.number().check(z.int())),
          "Levels between the current level and the target (target index − level index), or null.",
        ),
        reason: d(z.nullable(TextSchema), "Why the score is null, or null."),
      }),
      1000,
    ),
    "Each dimension, with its score, level, coverage and target.",
  ),
  indicators: d(
    list(
      z.strictObject({
        id: d(IdSchema, "Id of the indicator in the framework."),
        dimension: d(IdSchema, "Id of its dimension."),
        answered: d(z.boolean(), "Whether it was answered."),
        score: d(z.nullable(Num), "Its score on the framework's scale, or null when unanswered."),
        weight: d(Num, "Its weight within its dimension."),
        reason: d(z.nullable(TextSchema), "Why the score is null, or null."),
      }),
      10_000,
    ),
    "Each indicator (question), with its score.",
  ),
});

/** The ranked needs with each factor's contribution and the solutions that cover them. */
export const NeedsSectionSchema = z.strictObject({
  method: d(shortString(50), "How the needs were ranked."),
  factors: d(
    list(
      z.strictObject({
        factor: d(shortString(50), "The factor's name."),
        weight: d(Num, "The factor's weight."),
        available: d(z.boolean(), "Whether the assessment has data for it."),
        rule: d(TextSchema, "How the factor is computed, in words."),
      }),
      20,
    ),
    "The factors of the needs score, with their weights.",
  ),
  ranked: d(
    list(
      z.strictObject({
        id: d(IdSchema, "Id of the need in the assessment."),
        statement: d(TextSchema, "The need."),
        dimension: d(z.nullable(IdSchema), "Id of its maturity dimension, or null."),
        rank: d(Rank, "Its rank (1 = most pressing)."),
        score: d(Num, "Its needs score: the weighted sum of its factors."),
        helices: d(
          list(HelixSchema, helices.length),
          "The helix groups of the stakeholders who raised it.",
        ),
        raisedBy: d(Ids("a stakeholder"), "Ids of the stakeholders who raised it."),
        coveredBy: d(Ids("a solution"), "Ids of the solutions that address it."),
        contributions: d(
          list(
            z.strictObject({
              factor: d(shortString(50), "The factor's name."),
              raw: d(z.nullable(Num), "The raw value, or null when missing."),
              normalised: d(Num, "The value normalised to 0–1."),
              weight: d(Num, "The factor's weight."),
              contribution: d(Num, "weight × normalised: its part of the score."),
            }),
            20,
          ),
          "Each factor's part of the score.",
        ),
      }),
      10_000,
    ),
    "The needs, best ranked first.",
  ),
  uncovered: d(Ids("a need"), "Needs no solution addresses, by id."),
  solutionsWithoutNeeds: d(Ids("a solution"), "Solutions that address no need, by id."),
});

const FactorEvaluationSchema = z.strictObject({
  total: d(Num, "The weighted total score (Σ weight × rating)."),
  weighting: d(
    z.enum(["given", "equal"]),
    "given (the items carry weights) or equal (equal weights were used).",
  ),
  midpoint: d(Num, "The midpoint of the rating scale (2.5)."),
  aboveMidpoint: d(z.boolean(), "Whether the total is above the midpoint."),
});

/** The city SWOT (weighted when the items carry weights and ratings) and its TOWS strategies. */
export const SwotSectionSchema = z.strictObject({
  items: d(
    list(
      z.strictObject({
        id: d(IdSchema, "Id of the item in the assessment."),
        quadrant: d(z.enum(swotQuadrants), "Its quadrant."),
        text: d(TextSchema, "The item."),
        weight: d(z.nullable(Num), "Its weight, or null."),
        rating: d(z.nullable(Num), "Its rating, or null."),
        weightedScore: d(z.nullable(Num), "weight × rating, or null."),
      }),
      1000,
    ),
    "The city's SWOT items.",
  ),
  counts: d(
    z.strictObject({
      strength: d(Count, "Number of strengths."),
      weakness: d(Count, "Number of weaknesses."),
      opportunity: d(Count, "Number of opportunities."),
      threat: d(Count, "Number of threats."),
    }),
    "Number of items per quadrant.",
  ),
  ife: d(
    z.nullable(FactorEvaluationSchema),
    "The internal factor evaluation (strengths and weaknesses), or null without weights and ratings.",
  ),
  efe: d(
    z.nullable(FactorEvaluationSchema),
    "The external factor evaluation (opportunities and threats), or null without weights and ratings.",
  ),
  position: d(
    z.nullable(
      z.strictObject({
        quadrant: d(
          z.enum(["aggressive", "conservative", "competitive", "defensive"]),
          "aggressive, conservative, competitive or defensive.",
        ),
        strategies: d(
          z.enum(towsKinds),
          "The TOWS strategies that position suggests (SO, ST, WO or WT).",
        ),
        ife: d(Num, "The IFE total."),
        efe: d(Num, "The EFE total."),
        rule: d(TextSchema, "How the position was found, in words."),
      }),
    ),
    "The strategic position from the IFE and EFE totals, or null.",
  ),
  reasons: d(Texts, "Why parts of the analysis are missing."),
  tows: d(
    list(
      z.strictObject({
        id: d(IdSchema, "Id of the strategy in the assessment."),
        kind: d(z.enum(towsKinds), "SO, ST, WO or WT."),
        text: d(TextSchema, "The strategy."),
        items: d(Ids("a city SWOT item"), "Ids of the SWOT items it links."),
        solutions: d(Ids("a solution"), "Ids of the solutions that carry it out."),
      }),
      1000,
    ),
    "The TOWS strategies.",
  ),
  unused: d(
    Ids("a city SWOT item"),
    "SWOT items no TOWS strategy uses, by id (empty when there are no strategies).",
  ),
});

const StakeholderRefSchema = z.strictObject({
  id: d(IdSchema, "Id of the stakeholder in the assessment."),
  name: d(TitleSchema, "The stakeholder's name."),
  helix: d(HelixSchema, "Its helix group."),
});
const SwotTextsSchema = list(
  z.strictObject({
    id: d(IdSchema, "Id of the SWOT item."),
    text: d(TextSchema, "The item."),
  }),
  1000,
);

/** The ICC per-solution analysis: SWOT, readiness, resources, steps, expected results, and gaps. */
export const DossiersSectionSchema = list(
  z.strictObject({
    solution: d(IdSchema, "Id of the solution in the assessment."),
    title: d(TitleSchema, "The solution's title."),
    description: d(z.nullable(TextSchema), "What it is, or null."),
    theme: d(z.nullable(TitleSchema), "Its theme, or null."),
    readiness: d(
      z.strictObject({
        declared: d(z.enum(readinessLevels), "The readiness level the assessment declares."),
        assessed: d(z.enum(readinessLevels), "The highest level the record supports."),
        index: d(
          z.number().check(z.int(), z.gte(1), z.lte(5)),
          "1 (idea) … 5 (deployed), of the assessed level.",
        ),
        consistent: d(z.boolean(), "Whether the declared level is supported."),
        missingForNext: d(Texts, "What the record lacks for the next level."),
      }),
      "Its readiness, as declared and as the record supports.",
    ),
    needs: d(
      list(
        z.strictObject({
          id: d(IdSchema, "Id of the need."),
          statement: d(TextSchema, "The need."),
        }),
        10_000,
      ),
      "The needs it addresses.",
    ),
    lead: d(z.nullable(StakeholderRefSchema), "The stakeholder who leads it, or null."),
    partners: d(list(StakeholderRefSchema, 10_000), "The stakeholders who take part."),
    swot: d(
      z.nullable(
        z.strictObject({
          strength: d(SwotTextsSchema, "Strengths."),
          weakness: d(SwotTextsSchema, "Weaknesses."),
          opportunity: d(SwotTextsSchema, "Opportunities."),
          threat: d(SwotTextsSchema, "Threats."),
        }),
      ),
      "The solution's own SWOT, by quadrant, or null.",
    ),
    resources: d(
      list(
        z.strictObject({
          kind: d(z.enum(resourceKinds), "What kind of resource."),
          description: d(TextSchema, "The resource."),
          cost: d(z.nullable(ReportMoneySchema), "Its cost, or null."),
          quantity: d(z.nullable(Num), "How much is needed, or null."),
          unit: d(z.nullable(TitleSchema), "The unit of the quantity, or null."),
        }),
        1000,
      ),
      "The resources it needs.",
    ),
    steps: d(
      list(
        z.strictObject({
          id: d(IdSchema, "Id of the step."),
          title: d(TitleSchema, "The step."),
          start: d(z.nullable(IsoDateSchema), "Its start, or null when unknown."),
          end: d(z.nullable(IsoDateSchema), "Its end, or null when unknown."),
        }),
        10_000,
      ),
      "Its steps, with their dates.",
    ),
    expectedResults: d(Texts, "What it should achieve."),
    cost: d(z.nullable(ReportMoneySchema), "Its cost, or null."),
    funding: d(
      list(
        z.strictObject({
          source: d(z.enum(fundingSources), "Where the money comes from."),
          amount: d(ReportMoneySchema, "How much."),
          secured: d(z.boolean(), "Whether it is committed."),
        }),
        100,
      ),
      "Its funding by source.",
    ),
    kpis: d(
      list(
        z.strictObject({
          id: d(IdSchema, "Id of the KPI."),
          title: d(TitleSchema, "What is measured."),
          unit: d(TitleSchema, "The unit."),
          baseline: d(z.nullable(Num), "The value at the start, or null."),
          target: d(Num, "The value to reach."),
          due: d(z.nullable(IsoDateSchema), "When, or null."),
        }),
        1000,
      ),
      "Its KPIs.",
    ),
    risks: d(
      list(
        z.strictObject({
          id: d(IdSchema, "Id of the risk."),
          title: d(TitleSchema, "The risk."),
          likelihood: d(
            z.number().check(z.int(), z.gte(1), z.lte(5)),
            "1 (rare) to 5 (almost certain).",
          ),
          impact: d(z.number().check(z.int(), z.gte(1), z.lte(5)), "1 (negligible) to 5 (severe)."),
          mitigation: d(z.nullable(TextSchema), "What is done about it, or null."),
        }),
        1000,
      ),
      "Its risks.",
    ),
    gaps: d(
      list(
        z.strictObject({
          code: d(shortString(50), "The gap, as a code."),
          message: d(TextSchema, "The gap in words."),
        }),
        100,
      ),
      "What the analysis of the solution still lacks.",
    ),
  }),
  10_000,
);

const RankedSolutionSchema = z.strictObject({
  solution: d(IdSchema, "Id of the solution."),
  score: d(Num, "Its score by this method."),
  rank: d(Rank, "Its rank (1 = first)."),
});

/** How the solutions were ranked: criteria and weights, each method's ranking, agreement, stability. */
export const PrioritisationSectionSchema = z.strictObject({
  criteria: d(
    list(
      z.strictObject({
        id: d(IdSchema, "Id of the criterion."),
        title: d(TitleSchema, "The criterion."),
        kind: d(z.enum(criterionKinds), "benefit or cost."),
        weight: d(Num, "The weight used, normalised to sum to 1."),
      }),
      100,
    ),
    "The criteria and the weights used.",
  ),
  weighting: d(
    z.enum(["criteria", "ahp", "equal"]),
    "Where the weights come from: the criteria, AHP judgements, or equal weights.",
  ),
  ahp: d(
    z.nullable(
      z.strictObject({
        method: d(shortString(50), "How several respondents' judgements were combined."),
        randomIndex: d(shortString(50), "The random-index table used for the consistency ratio."),
        consistencyRatio: d(
          z.nullable(Num),
          "CR of the combined judgements, or null when no matrix is combined (mean of priorities).",
        ),
        isConsistent: d(z.nullable(z.boolean()), "Whether CR is within the threshold, or null."),
        threshold: d(Num, "The CR threshold (default 0.1)."),
      }),
    ),
    "The AHP weighting of the criteria, or null when it was not used.",
  ),
  primary: d(shortString(50), "The method whose ranking is the report's ranking."),
  ranking: d(
    list(
      z.strictObject({
        solution: d(IdSchema, "Id of the solution."),
        title: d(TitleSchema, "The solution's title."),
        score: d(Num, "Its score by the primary method."),
        rank: d(Rank, "Its rank (1 = first)."),
      }),
      10_000,
    ),
    "The report's ranking of the solutions.",
  ),
  methods: d(
    list(
      z.strictObject({
        method: d(shortString(50), "The method's name."),
        ranking: d(list(RankedSolutionSchema, 10_000), "Its ranking."),
      }),
      20,
    ),
    "Each method's ranking.",
  ),
  agreement: d(
    z.strictObject({
      kendallW: d(
        z.nullable(
          z.strictObject({
            w: d(Num, "Kendall's coefficient of concordance W (0–1)."),
            chiSquared: d(Num, "The χ² statistic."),
            degreesOfFreedom: d(Num, "Its degrees of freedom."),
            pValue: d(Num, "The p-value of the χ² test."),
          }),
        ),
        "Kendall's W over the methods' rankings, or null with a reason.",
      ),
      reason: d(z.nullable(TextSchema), "Why W is null, or null."),
      disputed: d(Ids("a solution"), "Solutions whose rank differs between methods, by id."),
    }),
    "How far the methods agree.",
  ),
  stability: d(
    z.nullable(
      z.strictObject({
        method: d(
          shortString(50),
          "The method whose weights were perturbed (weightedSum or topsis).",
        ),
        draws: d(Count, "Number of random weight draws."),
        seed: d(z.number().check(z.int()), "The seed of the draws."),
        perturbation: d(
          TextSchema,
          "The perturbation in words, e.g. `dirichlet, concentration 50`.",
        ),
        topK: d(Rank, "The size of the top group counted in `rows[].top`."),
        rows: d(
          list(
            z.strictObject({
              solution: d(IdSchema, "Id of the solution."),
              rank: d(Rank, "Its rank with the given weights."),
              sameRank: d(Share, "Share of draws in which the solution kept that rank."),
              top: d(Share, "Share of draws in which the solution ranked in the top `topK`."),
              minRank: d(Rank, "Best rank seen over the draws."),
              maxRank: d(Rank, "Worst rank seen over the draws."),
              meanRank: d(Num, "Mean rank over the draws."),
            }),
            10_000,
          ),
          "Each solution’s stability.",
        ),
        smallestSwap: d(
          z.nullable(
            z.strictObject({
              criterion: d(IdSchema, "Id of the criterion whose weight changes."),
              weight: d(Num, "Its weight now."),
              threshold: d(Num, "The weight at which the first two swap."),
              change: d(Num, "threshold − weight."),
            }),
          ),
          "The smallest change of one criterion’s weight that swaps the first two, or null.",
        ),
        swapReason: d(z.nullable(TextSchema), "Why there is no smallest swap, or null."),
      }),
    ),
    "Rank stability under perturbed criteria weights, or null when not run.",
  ),
  impactEffort: d(
    z.nullable(
      z.strictObject({
        impactCriterion: d(IdSchema, "Id of the criterion read as impact."),
        effortCriterion: d(IdSchema, "Id of the criterion read as effort."),
        thresholds: d(
          z.strictObject({
            impact: d(Num, "The impact threshold."),
            effort: d(Num, "The effort threshold."),
          }),
          "The thresholds: a value at or above is high.",
        ),
        domain: d(
          z.strictObject({
            impact: d(z.tuple([Num, Num]), "[lowest, highest] impact."),
            effort: d(z.tuple([Num, Num]), "[lowest, highest] effort."),
          }),
          "The value ranges of the two axes, for charts.",
        ),
        items: d(
          list(
            z.strictObject({
              solution: d(IdSchema, "Id of the solution."),
              impact: d(Num, "Its impact score."),
              effort: d(Num, "Its effort score."),
              quadrant: d(
                z.enum(["quickWin", "majorProject", "fillIn", "thanklessTask"]),
                "quickWin (high impact, low effort), majorProject (high, high), fillIn (low, low) or thanklessTask (low impact, high effort).",
              ),
              rule: d(TextSchema, "Why, in words."),
            }),
            10_000,
          ),
          "Each solution’s quadrant.",
        ),
      }),
    ),
    "The impact/effort classification, or null without the two criteria.",
  ),
  priorities: d(
    Ids("a solution"),
    "The priority solutions the action plan carries out, in priority order, by id.",
  ),
  prioritiesSource: d(
    z.enum(["plan", "ranking"]),
    "plan (the city's selection in `plan.selected`) or ranking (the top of the computed ranking).",
  ),
});

/** The solutions bucketed into quick wins, long-term projects, beyond the horizon and unscheduled. */
export const HorizonsSectionSchema = z.strictObject({
  start: d(IsoDateSchema, "The date horizons are measured from."),
  startSource: d(
    z.enum(["plan", "programme"]),
    "plan (`plan.start`) or programme (`programme.start`).",
  ),
  horizons: d(
    list(
      z.strictObject({
        id: d(IdSchema, "The horizon's id, such as quickWin."),
        label: d(TitleSchema, "The horizon's name."),
        months: d(
          z.nullable(z.number().check(z.int(), z.gte(0))),
          "Its length in months from the start, or null (beyond the horizon, unscheduled).",
        ),
        onOrBefore: d(z.nullable(IsoDateSchema), "The last end date it takes, or null."),
      }),
      50,
    ),
    "The horizons, in order.",
  ),
  items: d(
    list(
      z.strictObject({
        solution: d(IdSchema, "Id of the solution."),
        title: d(TitleSchema, "The solution's title."),
        horizon: d(IdSchema, "Id of its horizon (in `horizons`)."),
        start: d(IsoDateSchema, "Its start."),
        end: d(z.nullable(IsoDateSchema), "Its end, or null when unknown."),
        priority: d(z.boolean(), "Whether it is a priority solution."),
        reason: d(TextSchema, "The rule that placed it, in words."),
      }),
      10_000,
    ),
    "Each solution’s horizon.",
  ),
});

/** The action plan of the priority solutions and its budget by horizon and funding source. */
export const ActionPlanSectionSchema = z.strictObject({
  currency: d(CurrencySchema, "The currency of the plan's amounts."),
  actions: d(
    list(
      z.strictObject({
        id: d(IdSchema, "Id of the action (the assessment's, or derived from its solution)."),
        solution: d(IdSchema, "Id of the solution it carries out."),
        priority: d(Rank, "Its priority (1 = first)."),
        title: d(TitleSchema, "The action."),
        owner: d(z.nullable(StakeholderRefSchema), "Who is responsible, or null."),
        start: d(IsoDateSchema, "Its start."),
        end: d(z.nullable(IsoDateSchema), "Its end, or null when unknown."),
        horizon: d(IdSchema, "Id of its horizon (in `sections.horizons.horizons`)."),
        cost: d(z.nullable(ReportMoneySchema), "Its cost, or null when unknown."),
        funding: d(ReportMoneySchema, "Its total funding."),
        gap: d(z.nullable(ReportMoneySchema), "cost − funding when positive, or null."),
        milestones: d(
          list(
            z.strictObject({
              id: d(IdSchema, "Id of the milestone."),
              title: d(TitleSchema, "The milestone."),
              date: d(z.nullable(IsoDateSchema), "When it is due, or null."),
              status: d(z.enum(milestoneStatuses), "planned, done, missed or cancelled."),
            }),
            1000,
          ),
          "Its milestones.",
        ),
        kpis: d(
          list(
            z.strictObject({
              id: d(IdSchema, "Id of the KPI."),
              title: d(TitleSchema, "What is measured."),
              unit: d(TitleSchema, "The unit."),
              baseline: d(z.nullable(Num), "The value at the start, or null."),
              target: d(Num, "The value to reach."),
              due: d(z.nullable(IsoDateSchema), "When, or null."),
              direction: d(z.enum(kpiDirections), "increase or decrease."),
            }),
            1000,
          ),
          "Its KPIs.",
        ),
      }),
      PLAN_ACTIONS,
    ),
    "The actions, in priority order.",
  ),
  budget: d(
    z.strictObject({
      cost: d(ReportMoneySchema, "Total cost of the actions."),
      funding: d(ReportMoneySchema, "Total funding."),
      secured: d(ReportMoneySchema, "Funding that is committed."),
      gap: d(ReportMoneySchema, "cost − funding (unfunded part)."),
      available: d(z.nullable(ReportMoneySchema), "The available budget (`plan.budget`), or null."),
      remaining: d(z.nullable(ReportMoneySchema), "available − cost, or null."),
      actionsWithoutCost: d(
        list(ref("an action"), PLAN_ACTIONS),
        "Actions with no known cost, by id.",
      ),
      byHorizon: d(
        list(
          z.strictObject({
            horizon: d(IdSchema, "Id of the horizon."),
            cost: d(ReportMoneySchema, "Cost of its actions."),
            funding: d(ReportMoneySchema, "Their funding."),
            gap: d(ReportMoneySchema, "Their unfunded part."),
            bySource: d(
              list(
                z.strictObject({
                  source: d(z.enum(fundingSources), "The funding source."),
                  amount: d(ReportMoneySchema, "How much."),
                }),
                fundingSources.length,
              ),
              "Funding by source; the unfunded part is `gap` when positive.",
            ),
          }),
          50,
        ),
        "Cost, funding and gap per horizon.",
      ),
      bySource: d(
        list(
          z.strictObject({
            source: d(z.enum(fundingSources), "The funding source."),
            amount: d(ReportMoneySchema, "How much."),
            secured: d(ReportMoneySchema, "How much of it is committed."),
          }),
          fundingSources.length,
        ),
        "Funding per source.",
      ),
    }),
    "The budget: totals, by horizon and by funding source.",
  ),
  risks: d(
    list(
      z.strictObject({
        action: d(IdSchema, "Id of the action."),
        id: d(IdSchema, "Id of the risk."),
        title: d(TitleSchema, "The risk."),
        likelihood: d(
          z.number().check(z.int(), z.gte(1), z.lte(5)),
          "1 (rare) to 5 (almost certain).",
        ),
        impact: d(z.number().check(z.int(), z.gte(1), z.lte(5)), "1 (negligible) to 5 (severe)."),
        score: d(Num, "likelihood × impact."),
      }),
      PLAN_RISKS,
    ),
    "The actions' risks, highest score first.",
  ),
});

const DigestSchema = z
  .string()
  .check(
    z.regex(/^sha256:[0-9a-f]{64}$/, { message: "expected sha256:<64 lowercase hex digits>" }),
  );

const PopulationBandSchema = z.strictObject({
  id: d(shortString(50), "The band's id, such as XL."),
  min: d(Num, "Its lowest population (inclusive)."),
  max: d(z.nullable(Num), "Its upper bound (exclusive), or null for no upper bound."),
});

const BenchmarkScoreSchema = z.strictObject({
  id: d(IdSchema, 'The dimension id, or "overall".'),
  title: d(TitleSchema, "The dimension's name as the city's report has it."),
  parent: d(z.nullable(IdSchema), "Its parent dimension, or null."),
  score: d(z.nullable(Num), "The city's score, or null when its report has none."),
  peers: d(Count, "The peers with a score here."),
  missing: d(
    list(ref("a peer's city (`sections.benchmark.peers[].city`)"), 100_000),
    "The city ids of the peers without a score here, by id (they do not count here).",
  ),
  rank: d(
    z.nullable(Rank),
    "1 + the peers scoring strictly higher (ties share the best rank), or null without a score.",
  ),
  of: d(Count, "The number ranked: the city and the peers with a score."),
  percentile: d(
    z.nullable(Num),
    "(peers below + half the peers tied) / peers × 100, or null without a score or peers.",
  ),
  q1: d(z.nullable(Num), "The peers' first quartile (Hyndman–Fan type 7), or null without peers."),
  median: d(z.nullable(Num), "The peers' median, or null without peers."),
  q3: d(z.nullable(Num), "The peers' third quartile, or null without peers."),
  best: d(
    z.nullable(
      z.strictObject({
        city: d(IdSchema, "The best peer's city id (ties: the smallest id)."),
        name: d(TitleSchema, "Its name."),
        score: d(Num, "Its score."),
      }),
    ),
    "The best peer, or null without peers.",
  ),
  distance: d(
    z.strictObject({
      q1: d(z.nullable(Num), "The city's score minus Q1."),
      median: d(z.nullable(Num), "The city's score minus the median."),
      q3: d(z.nullable(Num), "The city's score minus Q3."),
      best: d(z.nullable(Num), "The city's score minus the best peer's."),
    }),
    "The city's distance to each statistic (negative: below it); null when either is missing.",
  ),
  reason: d(z.nullable(TextSchema), "Why rank or percentile is null, or null."),
});

/**
 * "How we compare": the city among peer reports on the same framework (`benchmarkCities`), with
 * the peer set recorded (city id, input digest, generatedAt and framework version of each report
 * used, and every report left out with the reason) so that a reader can reproduce it.
 */
export const BenchmarkSectionSchema = z.strictObject({
  note: d(
    z.nullable(TextSchema),
    "A note on the peer set given by whoever made the report, such as that it is synthetic; or null.",
  ),
  framework: d(
    z.strictObject({
      id: d(IdSchema, "The framework's id."),
      version: d(shortString(20), "The city's framework version."),
      title: d(TitleSchema, "The framework's name."),
    }),
    "The framework of the benchmark (the city's).",
  ),
  scale: d(
    z.strictObject({ min: d(Num, "The lowest score."), max: d(Num, "The highest score.") }),
    "The score scale.",
  ),
  peerGroup: d(
    z.discriminatedUnion("by", [
      z.strictObject({ by: d(z.literal("all"), "Every comparable report is a peer.") }),
      z.strictObject({
        by: d(z.literal("population"), "The peers in the city's population band."),
        band: d(PopulationBandSchema, "The city's band."),
        bands: d(list(PopulationBandSchema, 100), "Every band."),
      }),
      z.strictObject({
        by: d(z.literal("country"), "The peers in the city's country."),
        country: d(shortString(2), "The city's country."),
      }),
      z.strictObject({
        by: d(z.literal("ids"), "The peers are the cities listed."),
        ids: d(list(ref("a city listed as a peer (its `city.id`)"), 100_000), "The cities listed."),
      }),
    ]),
    "The peer group as applied: all comparable reports, the city's population band, its country, or listed cities.",
  ),
  period: d(
    z.nullable(
      z.strictObject({
        months: d(Count, "Months either side of the city's date."),
        from: d(IsoDateSchema, "The period's first day."),
        to: d(IsoDateSchema, "The period's last day."),
      }),
    ),
    "The period (inclusive), or null when the city's report has no date.",
  ),
  minCoverage: d(Share, "The answer coverage below which a peer is flagged lowCoverage."),
  peers: d(
    list(
      z.strictObject({
        city: d(IdSchema, "The peer's city id."),
        name: d(TitleSchema, "Its name."),
        country: d(shortString(2), "Its country."),
        population: d(z.nullable(Count), "Its population, or null."),
        date: d(z.nullable(IsoDateSchema), "The date of its report used, or null."),
        frameworkVersion: d(shortString(20), "The framework version of its report."),
        inputDigest: d(DigestSchema, "Its report's `provenance.inputDigest`."),
        generatedAt: d(shortString(40), "Its report's `provenance.generatedAt`."),
        overall: d(z.nullable(Num), "Its overall score."),
        coverage: d(Share, "Its overall answer coverage (0–1)."),
        flags: d(
          list(z.enum(["otherMinorVersion", "otherPeriod", "unknownDate", "lowCoverage"]), 4),
          "Why it is to be read with care: another minor version, another period, no date, low coverage.",
        ),
      }),
      100_000,
    ),
    "The peers used, one report per city, by city id.",
  ),
  excluded: d(
    list(
      z.strictObject({
        city: d(IdSchema, "The city id of the report left out."),
        inputDigest: d(DigestSchema, "Its `provenance.inputDigest`."),
        generatedAt: d(shortString(40), "Its `provenance.generatedAt`."),
        reason: d(
          z.enum([
            "sameCity",
            "noMaturity",
            "otherFramework",
            "otherMajorVersion",
            "otherScale",
            "outsidePeerGroup",
            "superseded",
          ]),
          "Why it was left out.",
        ),
        message: d(TextSchema, "The reason in words."),
      }),
      100_000,
    ),
    "Every other report given as a peer, with the reason it was left out.",
  ),
  overall: d(BenchmarkScoreSchema, "The city's standing on the overall score."),
  dimensions: d(list(BenchmarkScoreSchema, 1000), "Its standing per dimension, in its order."),
  rules: d(
    z.strictObject({
      rank: d(TextSchema, "The rank rule."),
      percentile: d(TextSchema, "The percentile rule."),
      quartiles: d(TextSchema, "The quartile rule."),
      peers: d(TextSchema, "Which reports are peers."),
    }),
    "The rules applied, in words.",
  ),
});

const ObservedValueSchema = ObservationSchema.shape.value;
const BeforeAfter = (of: string) =>
  z.strictObject({
    before: d(z.nullable(Num), `The ${of} now, or null.`),
    after: d(z.nullable(Num), `The ${of} with the suggested answer, or null.`),
  });

/**
 * "What would raise our maturity": the dimensions below their target (or below the next level)
 * and the answers that would raise the overall score most (`recommendActions`), each rescored.
 */
export const RecommendationsSectionSchema = z.strictObject({
  unit: d(IdSchema, "The maturity unit (as in `sections.maturity.unit`)."),
  dimensions: d(
    list(
      z.strictObject({
        id: d(IdSchema, "The dimension's id."),
        title: d(TitleSchema, "Its name."),
        score: d(z.nullable(Num), "Its score, or null."),
        level: d(z.nullable(LevelRefSchema), "Its level, or null."),
        target: d(z.nullable(LevelRefSchema), "Its target level, or null."),
        goal: d(LevelRefSchema, "The level a suggested answer aims at: the next one up."),
        basis: d(
          z.enum(["belowTarget", "belowNextLevel"]),
          "belowTarget, or belowNextLevel when it has no target.",
        ),
      }),
      1000,
    ),
    "The dimensions with a gap, in framework order.",
  ),
  items: d(
    list(
      z.strictObject({
        rank: d(Rank, "1 for the largest gain in the overall score."),
        indicator: d(IdSchema, "The question's indicator id."),
        title: d(TitleSchema, "The question's name."),
        question: d(z.nullable(TextSchema), "The question as asked, or null."),
        dimension: d(IdSchema, "Its dimension (one of `dimensions`)."),
        current: d(ObservedValueSchema, "The answer now (null: unanswered)."),
        suggested: d(ObservedValueSchema, "The suggested answer."),
        indicatorScore: d(BeforeAfter("question's score"), "The question's score."),
        dimensionScore: d(BeforeAfter("dimension's score"), "Its dimension's score."),
        level: d(
          z.strictObject({
            before: d(z.nullable(LevelRefSchema), "The dimension's level now."),
            after: d(z.nullable(LevelRefSchema), "Its level with the suggested answer."),
          }),
          "Its dimension's level.",
        ),
        reachesGoal: d(z.boolean(), "Whether this answer alone brings the dimension to its goal."),
        overall: d(BeforeAfter("overall score"), "The overall score."),
        gain: d(z.nullable(Num), "The overall score after minus before, or null."),
      }),
      10_000,
    ),
    "The recommendations, largest gain first (at most `limit`).",
  ),
  limit: d(Rank, "At most this many recommendations were kept (the first ones)."),
  rule: d(TextSchema, "The rule, in words."),
});

const StageParametersSchema = z.record(shortString(100), z.json());

/** Every method parameter and seed used, by stage. */
export const ReportParametersSchema = z.strictObject({
  stakeholders: d(z.optional(StageParametersSchema), "The parameters of the stakeholders stage."),
  maturity: d(z.optional(StageParametersSchema), "The parameters of the maturity stage."),
  needs: d(z.optional(StageParametersSchema), "The parameters of the needs stage."),
  swot: d(z.optional(StageParametersSchema), "The parameters of the swot stage."),
  prioritisation: d(
    z.optional(StageParametersSchema),
    "The parameters of the prioritisation stage.",
  ),
  horizons: d(z.optional(StageParametersSchema), "The parameters of the horizons stage."),
  actionPlan: d(z.optional(StageParametersSchema), "The parameters of the action plan stage."),
  benchmark: d(z.optional(StageParametersSchema), "The parameters of the benchmark."),
  recommendations: d(z.optional(StageParametersSchema), "The parameters of the recommendations."),
});

/** Where a report came from and how it was computed. */
export const ProvenanceSchema = z.strictObject({
  library: d(
    z.strictObject({
      name: d(TitleSchema, "The library's name."),
      version: d(shortString(50), "The library's version."),
    }),
    "The library that made the report.",
  ),
  methodologyVersion: d(
    shortString(50),
    "The version of the methodology (changes when a computed number can change).",
  ),
  frameworks: d(
    list(
      z.strictObject({
        id: d(IdSchema, "The framework's id."),
        version: d(shortString(20), "Its version."),
        provenance: d(z.enum(provenances), "documented, designed or mixed."),
      }),
      20,
    ),
    "The frameworks used.",
  ),
  parameters: d(ReportParametersSchema, "Every method parameter and seed used, by stage."),
  inputDigest: d(
    z
      .string()
      .check(
        z.regex(/^sha256:[0-9a-f]{64}$/, { message: "expected sha256:<64 lowercase hex digits>" }),
      ),
    "SHA-256 of the canonical JSON of the input assessment: `sha256:<64 hex>`.",
  ),
  generatedAt: d(
    shortString(40),
    "When the report was generated, passed in by the caller (never read from a clock by the library).",
  ),
});
/** Report provenance. */
export type ReportProvenance = z.output<typeof ProvenanceSchema>;

/** The results of each stage; a section is absent when its stage had no input. */
export const ReportSectionsSchema = z.strictObject({
  stakeholders: d(z.optional(StakeholdersSectionSchema), "Stakeholders and their participation."),
  workshops: d(z.optional(WorkshopsSectionSchema), "The workshops."),
  maturity: d(z.optional(MaturitySectionSchema), "The maturity profile."),
  needs: d(z.optional(NeedsSectionSchema), "The ranked needs."),
  swot: d(z.optional(SwotSectionSchema), "The city SWOT and TOWS strategies."),
  dossiers: d(z.optional(DossiersSectionSchema), "The analysis of each solution."),
  prioritisation: d(z.optional(PrioritisationSectionSchema), "How the solutions were ranked."),
  horizons: d(z.optional(HorizonsSectionSchema), "Quick wins, long-term projects and the rest."),
  actionPlan: d(z.optional(ActionPlanSectionSchema), "The action plan and its budget."),
  benchmark: d(
    z.optional(BenchmarkSectionSchema),
    "How the city compares with peer reports (present when peers were given).",
  ),
  recommendations: d(
    z.optional(RecommendationsSectionSchema),
    "The answers that would raise the maturity most (present when there are maturity answers).",
  ),
});
/** The sections of a report. */
export type ReportSections = z.output<typeof ReportSectionsSchema>;

/** The versioned report envelope: what a city publishes and other cities compare. */
export const ReportSchema = withMeta(
  z.strictObject({
    $schema: d(z.optional(shortString(2000)), "URL of the report's JSON Schema."),
    formatVersion: d(FormatVersionSchema, 'The report format version, "MAJOR.MINOR".'),
    kind: d(z.literal("icc-assessment-report"), 'Always "icc-assessment-report".'),
    city: d(CitySchema, "The city."),
    programme: d(ProgrammeSchema, "The programme."),
    track: d(TrackSchema, "The track."),
    period: d(
      z.optional(
        z.strictObject({
          start: d(z.iso.date(), "Its first day."),
          end: d(z.iso.date(), "Its last day."),
        }),
      ),
      "The period the report covers, or absent.",
    ),
    provenance: d(ProvenanceSchema, "Where the report came from and how it was computed."),
    sections: d(
      ReportSectionsSchema,
      "The results of each stage; a section is absent when its stage had no input.",
    ),
  }),
  {
    title: "ICC assessment report",
    description: "A versioned icc-assessment report of one city.",
  },
);
/** A report's data as the schema shapes it. */
export type ReportData = z.output<typeof ReportSchema>;
/**
 * A report as `parseReport` or `createReport` returns it: a fresh, frozen value the renderers and
 * `compareReports` trust; a hand-built object is a type error, and `not_parsed` at run time.
 */
export type Report = Parsed<ReportData, "report">;
