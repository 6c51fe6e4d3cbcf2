import type { Report, ReportMoney } from "../schema/report.js";
import { iccTracks, type IccTrack, type Provenance } from "../schema/vocabularies.js";
import { builtinFrameworks } from "../frameworks/builtinFrameworks.js";
import { localiseFramework } from "../frameworks/localiseFramework.js";
import { createFormatter, fill, type Formatter } from "./_format.js";
import type { Block, DocumentModel, Inline } from "./_document.js";
import {
  budgetModel,
  impactEffortModel,
  radarModel,
  rankingModel,
  swotModel,
  timelineModel,
} from "./_charts.js";
import {
  budgetChart,
  impactEffortChart,
  radarChart,
  rankingChart,
  swotGrid,
  timelineChart,
} from "./_svg.js";
import type { ReportLabels, ReportSectionKey } from "./i18n/labels.js";

type Sections = Report["sections"];
type Section<K extends keyof Sections> = NonNullable<Sections[K]>;

/** A vocabulary label, or the raw value when the labels do not know it. */
export function term(map: Readonly<Record<string, string>>, key: string): string {
  return Object.hasOwn(map, key) ? (map[key] as string) : key;
}

/** The track's title in the report language (an ICC track) or as given (a custom track). */
export function trackTitle(track: Report["track"], L: ReportLabels): string {
  return (iccTracks as readonly string[]).includes(track.id)
    ? L.tracks[track.id as IccTrack]
    : (track.title ?? track.id);
}

/**
 * The texts of the report's framework in the report language. A report carries its framework's
 * texts as scored (English for the built-in frameworks); when the framework is a built-in one (same
 * id and version, no authors of its own), its translation replaces them through
 * `localiseFramework` (exact language tag, then primary language, then the report's texts).
 * Any other framework's texts are shown as the report carries them. Designed by this project.
 */
interface FrameworkTexts {
  /** Whether the framework is one of the library's built-in frameworks. */
  readonly builtin: boolean;
  readonly title: (fallback: string) => string;
  readonly dimension: (id: string, fallback: string) => string;
  readonly level: (id: string, fallback: string) => string;
}

function frameworkTexts(r: Report, L: ReportLabels): FrameworkTexts {
  const ref = r.sections.maturity?.framework;
  const fw =
    ref === undefined || (ref.authors ?? []).length > 0
      ? undefined
      : builtinFrameworks.find((f) => f.id === ref.id && f.version === ref.version);
  if (fw === undefined) {
    return {
      builtin: false,
      title: (fallback) => fallback,
      dimension: (_, fallback) => fallback,
      level: (_, fallback) => fallback,
    };
  }
  const local = localiseFramework(fw, L.lang);
  const dims = new Map(local.dimensions.map((d) => [d.id, d.title]));
  const levels = new Map(local.levels.map((l) => [l.id, l.title]));
  return {
    builtin: true,
    title: () => local.title,
    dimension: (id, fallback) => dims.get(id) ?? fallback,
    level: (id, fallback) => levels.get(id) ?? fallback,
  };
}

/**
 * Who made the report's framework, after its provenance: "designed by the icc-assessment project"
 * only for a built-in framework (which also says it is no official EC instrument), else its
 * authors, else "its authors". Designed by this project.
 */
function credit(c: Context, provenance: Provenance): string {
  const { L, fw } = c;
  if (provenance === "documented") return L.provenances.documented;
  const authors = c.r.sections.maturity?.framework.authors ?? [];
  const who = fw.builtin
    ? L.text.theProject
    : authors.length > 0
      ? authors.join(", ")
      : L.text.itsAuthors;
  const text = fill(L.provenances[provenance], { who });
  return fw.builtin ? `${text}; ${L.text.notOfficial}` : text;
}

/** What the section renderers share: labels, formatter and names resolved once per report. */
export interface Context {
  readonly r: Report;
  readonly L: ReportLabels;
  readonly F: Formatter;
  readonly fw: FrameworkTexts;
  readonly solutionTitle: (id: string) => string;
  readonly stakeholderName: (id: string) => string;
  readonly horizonLabel: (id: string) => string;
  /** A level's title in the report language, or the "not available" text. */
  readonly levelTitle: (level: { readonly id: string; readonly title: string } | null) => string;
}

/** The context of a report in one language (also the context of its chart models). */
export function contextOf(r: Report, L: ReportLabels): Context {
  const F = createFormatter(L.locale, L.text.notAvailable);
  const fw = frameworkTexts(r, L);
  const titles = new Map<string, string>();
  for (const d of r.sections.dossiers ?? []) titles.set(d.solution, d.title);
  for (const x of r.sections.prioritisation?.ranking ?? []) titles.set(x.solution, x.title);
  for (const x of r.sections.horizons?.items ?? []) titles.set(x.solution, x.title);
  const names = new Map<string, string>();
  for (const h of r.sections.stakeholders?.byHelix ?? []) {
    for (const m of h.members) names.set(m.id, m.name);
  }
  const horizonLabels = new Map<string, string>();
  for (const h of r.sections.horizons?.horizons ?? []) horizonLabels.set(h.id, h.label);
  return {
    r,
    L,
    F,
    fw,
    levelTitle: (level) => (level === null ? L.text.notAvailable : fw.level(level.id, level.title)),
    solutionTitle: (id) => titles.get(id) ?? id,
    stakeholderName: (id) => names.get(id) ?? id,
    horizonLabel: (id) =>
      Object.hasOwn(L.horizons, id)
        ? ((L.horizons as Readonly<Record<string, string>>)[id] as string)
        : (horizonLabels.get(id) ?? id),
  };
}

function money(c: Context, m: ReportMoney | null): string {
  return m === null ? c.L.text.notAvailable : c.F.money(m);
}

function joinOr(c: Context, items: readonly string[]): string {
  return items.length === 0 ? c.L.text.none : items.join("; ");
}

function summaryBlocks(c: Context): Block[] {
  const { r, L, F } = c;
  const items: Inline[] = [];
  const m = r.sections.maturity;
  if (m) {
    const level = c.levelTitle(m.overall.level);
    items.push([
      { strong: `${L.text.overallLevel}: ` },
      `${level} (${F.number(m.overall.score, 1)} / ${F.number(m.scale.max, 0)})`,
    ]);
  }
  const p = r.sections.prioritisation;
  if (p && p.priorities.length > 0) {
    items.push([{ strong: `${prioritiesHeading(c, p)}: ` }, prioritiesWithRanks(c, p).join("; ")]);
  }
  const h = r.sections.horizons;
  if (h) {
    const inHorizon = (id: string) =>
      h.items.filter((i) => i.horizon === id && i.priority).map((i) => i.title);
    items.push([{ strong: `${L.text.quickWins}: ` }, joinOr(c, inHorizon("quickWin"))]);
    items.push([{ strong: `${L.text.longTermProjects}: ` }, joinOr(c, inHorizon("longTerm"))]);
  }
  const b = r.sections.actionPlan?.budget;
  if (b) {
    const parts = [
      `${L.fields.cost} ${money(c, b.cost)}`,
      `${L.fields.funding} ${money(c, b.funding)}`,
    ];
    if (b.available) parts.push(`${L.fields.available} ${money(c, b.available)}`);
    if (b.remaining) parts.push(`${L.fields.remaining} ${money(c, b.remaining)}`);
    items.push([{ strong: `${L.text.budgetTotal}: ` }, parts.join(", ")]);
  }
  return items.length === 0
    ? [{ kind: "paragraph", content: L.text.noData, note: true }]
    : [{ kind: "list", items }];
}

/** The heading of the priorities: the city's selection (`plan.selected`), or the top of the ranking. */
function prioritiesHeading(c: Context, p: Section<"prioritisation">): string {
  return p.prioritiesSource === "plan" ? c.L.text.prioritiesChosen : c.L.text.prioritiesRanked;
}

/** Each priority, in the plan's order, with its rank in the computed ranking. */
function prioritiesWithRanks(c: Context, p: Section<"prioritisation">): string[] {
  const { L, F } = c;
  const rank = new Map(p.ranking.map((x) => [x.solution, x.rank]));
  const count = F.integer(p.ranking.length);
  return p.priorities.map((id) => {
    const k = rank.get(id);
    return k === undefined
      ? c.solutionTitle(id)
      : `${c.solutionTitle(id)} (${fill(L.text.rankOf, { rank: F.integer(k), count })})`;
  });
}

function stakeholderBlocks(c: Context, s: Section<"stakeholders">): Block[] {
  const { L, F } = c;
  const blocks: Block[] = [
    {
      kind: "table",
      head: [
        L.fields.helix,
        L.fields.stakeholders,
        L.fields.participants,
        L.fields.share,
        L.fields.status,
      ],
      numeric: [1, 2, 3],
      rows: s.byHelix.map((h) => [
        L.helices[h.helix],
        F.integer(h.stakeholders),
        F.integer(h.participants),
        F.percent(h.share),
        L.helixStatus[h.status],
      ]),
    },
    {
      kind: "table",
      head: [L.fields.name, L.fields.kind, L.fields.helix],
      rows: s.byHelix.flatMap((h) =>
        h.members.map((m) => [m.name, L.stakeholderKinds[m.kind], L.helices[h.helix]]),
      ),
    },
  ];
  if (s.neverParticipated.length > 0) {
    blocks.push(
      { kind: "paragraph", content: [{ strong: `${L.text.neverParticipated}:` }] },
      { kind: "list", items: s.neverParticipated.map((p) => `${p.name} (${L.helices[p.helix]})`) },
    );
  }
  return blocks;
}

function workshopBlocks(c: Context, ws: Section<"workshops">): Block[] {
  const { L, F } = c;
  return [
    {
      kind: "table",
      head: [
        L.fields.date,
        L.fields.kind,
        L.fields.title,
        L.fields.participants,
        L.fields.missingGroups,
        L.fields.outputs,
      ],
      numeric: [3],
      rows: ws.map((w) => [
        F.date(w.date),
        L.workshopKinds[w.kind],
        w.title ?? "",
        F.integer(w.participants),
        joinOr(
          c,
          w.missing.map((h) => L.helices[h]),
        ),
        w.outputs.join("; "),
      ]),
    },
  ];
}

function maturityBlocks(c: Context, m: Section<"maturity">): Block[] {
  const { L, F } = c;
  const blocks: Block[] = [
    {
      kind: "paragraph",
      content: [
        { strong: `${L.fields.framework}: ` },
        `${c.fw.title(m.framework.title)} (${m.framework.id} ${m.framework.version}), ${credit(c, m.framework.provenance)}.`,
      ],
    },
  ];
  const authors = m.framework.authors ?? [];
  const credits: Inline[] = [];
  if (authors.length > 0) {
    credits.push([{ strong: `${L.fields.authors}: ` }, authors.join("; ")]);
  }
  if (m.framework.sources.length > 0) {
    credits.push([
      { strong: `${L.fields.sources}: ` },
      m.framework.sources.map((x) => x.title).join("; "),
    ]);
  }
  if (credits.length > 0) blocks.push({ kind: "list", items: credits });
  const dimTitle = (d: { readonly id: string; readonly title: string }) =>
    c.fw.dimension(d.id, d.title);
  if (m.dimensions.some((d) => d.parent === null)) {
    blocks.push({ kind: "chart", svg: () => radarChart(radarModel(c, m)) });
  }
  blocks.push({
    kind: "table",
    head: [
      L.fields.dimension,
      L.fields.score,
      L.fields.level,
      L.fields.target,
      L.fields.gap,
      L.fields.coverage,
    ],
    numeric: [1, 4, 5],
    rows: [
      ...m.dimensions.map((d): Inline[] => [
        d.parent === null ? dimTitle(d) : `– ${dimTitle(d)}`,
        F.number(d.score, 1),
        c.levelTitle(d.level),
        d.target === null ? "" : c.levelTitle(d.target),
        d.gap === null ? "" : F.integer(d.gap),
        F.percent(d.coverage),
      ]),
      [
        { strong: L.fields.overall },
        { strong: F.number(m.overall.score, 1) },
        { strong: c.levelTitle(m.overall.level) },
        "",
        "",
        F.percent(m.overall.coverage),
      ],
    ],
  });
  const reasons = [m.overall.reason, ...m.dimensions.map((d) => d.reason)].filter(
    (x): x is string => x !== null,
  );
  if (reasons.length > 0) {
    blocks.push({ kind: "list", items: reasons.map((x) => `${L.text.reasonPrefix}: ${x}`) });
  }
  blocks.push({
    kind: "table",
    head: [L.fields.level, L.fields.score],
    rows: m.levels.map((l) => [
      c.levelTitle(l),
      `${l.minInclusive ? "[" : "("}${F.number(l.min, 2)}, ${F.number(l.max, 2)}${l.maxInclusive ? "]" : ")"}`,
    ]),
  });
  return blocks;
}

function needBlocks(c: Context, n: Section<"needs">): Block[] {
  const { L, F } = c;
  const dimTitle = new Map(
    (c.r.sections.maturity?.dimensions ?? []).map((d) => [d.id, c.fw.dimension(d.id, d.title)]),
  );
  const blocks: Block[] = [
    {
      kind: "table",
      head: [
        L.fields.rank,
        L.fields.statement,
        L.fields.dimension,
        L.fields.score,
        L.fields.votes,
        L.fields.raisedBy,
        L.fields.coveredBy,
      ],
      numeric: [0, 3, 4],
      rows: n.ranked.map((x) => {
        const votes = x.contributions.find((f) => f.factor === "votes")?.raw ?? null;
        return [
          F.integer(x.rank),
          x.statement,
          x.dimension === null ? "" : (dimTitle.get(x.dimension) ?? x.dimension),
          F.number(x.score, 3),
          votes === null ? "" : F.number(votes, 0),
          x.raisedBy.map((id) => c.stakeholderName(id)).join("; "),
          joinOr(
            c,
            x.coveredBy.map((id) => c.solutionTitle(id)),
          ),
        ];
      }),
    },
    {
      kind: "paragraph",
      note: true,
      content: n.factors
        .filter((f) => f.available)
        .map((f) => `${term(L.needFactors, f.factor)} ${F.percent(f.weight)}`)
        .join(", "),
    },
  ];
  if (n.uncovered.length > 0) {
    const statement = new Map(n.ranked.map((x) => [x.id, x.statement]));
    blocks.push(
      { kind: "paragraph", content: [{ strong: `${L.text.uncoveredNeeds}:` }] },
      { kind: "list", items: n.uncovered.map((id) => statement.get(id) ?? id) },
    );
  }
  return blocks;
}

function swotBlocks(c: Context, s: Section<"swot">): Block[] {
  const { L, F } = c;
  const blocks: Block[] = [
    { kind: "chart", svg: () => swotGrid(swotModel(c, s)) },
    {
      kind: "table",
      head: [
        L.fields.quadrant,
        L.fields.text,
        L.fields.weight,
        L.fields.rating,
        L.fields.weightedScore,
      ],
      numeric: [2, 3, 4],
      rows: s.items.map((i) => [
        L.quadrants[i.quadrant],
        i.text,
        F.number(i.weight, 2),
        F.number(i.rating, 1),
        F.number(i.weightedScore, 2),
      ]),
    },
  ];
  const facts: Inline[] = [];
  if (s.ife) facts.push(`IFE (${L.text.internal}): ${F.number(s.ife.total, 2)}`);
  if (s.efe) facts.push(`EFE (${L.text.external}): ${F.number(s.efe.total, 2)}`);
  if (s.position) {
    facts.push([
      { strong: `${L.fields.position}: ` },
      `${L.positions[s.position.quadrant]} → ${L.tows[s.position.strategies]}`,
    ]);
  }
  for (const reason of s.reasons) facts.push(`${L.text.reasonPrefix}: ${reason}`);
  if (facts.length > 0) blocks.push({ kind: "list", items: facts });
  if (s.tows.length > 0) {
    const text = new Map(s.items.map((i) => [i.id, i.text]));
    blocks.push({
      kind: "table",
      head: [L.fields.strategy, L.fields.text, L.fields.items, L.fields.solutions],
      rows: s.tows.map((t) => [
        L.tows[t.kind],
        t.text,
        t.items.map((id) => text.get(id) ?? id).join("; "),
        joinOr(
          c,
          t.solutions.map((id) => c.solutionTitle(id)),
        ),
      ]),
    });
  }
  return blocks;
}

function prioritisationBlocks(c: Context, p: Section<"prioritisation">): Block[] {
  const { L, F, r } = c;
  const method = (id: string) => term(L.methods, id);
  const stability = new Map((p.stability?.rows ?? []).map((x) => [x.solution, x]));
  const rankIn = p.methods.map((m) => new Map(m.ranking.map((x) => [x.solution, x.rank])));
  const blocks: Block[] = [
    {
      kind: "paragraph",
      content: [
        { strong: `${L.text.primaryMethod}: ` },
        `${method(p.primary)} (${L.weightings[p.weighting]})`,
      ],
    },
    {
      kind: "table",
      head: [L.fields.criterion, L.fields.kind, L.fields.weight],
      numeric: [2],
      rows: p.criteria.map((x) => [x.title, L.criterionKinds[x.kind], F.percent(x.weight, 1)]),
    },
  ];
  if (p.ahp) {
    blocks.push({
      kind: "paragraph",
      content: `${fill(L.text.consistencyRatio, { value: F.number(p.ahp.consistencyRatio, 3) })} (${
        p.ahp.isConsistent === null
          ? L.text.notAvailable
          : p.ahp.isConsistent
            ? L.text.consistent
            : L.text.inconsistent
      }, ${p.ahp.randomIndex})`,
    });
  }
  blocks.push({ kind: "chart", svg: () => rankingChart(rankingModel(c, p)) });
  blocks.push({
    kind: "table",
    head: [
      L.fields.rank,
      L.fields.solution,
      L.fields.score,
      ...p.methods.map((m) => method(m.method)),
      ...(p.stability ? [L.fields.stability, L.fields.rankRange] : []),
    ],
    numeric: [
      0,
      2,
      ...p.methods.map((_, i) => 3 + i),
      ...(p.stability ? [3 + p.methods.length, 4 + p.methods.length] : []),
    ],
    rows: p.ranking.map((x) => {
      const s = stability.get(x.solution);
      return [
        F.integer(x.rank),
        x.title,
        F.number(x.score, 3),
        ...rankIn.map((m) => {
          const k = m.get(x.solution);
          return k === undefined ? "" : F.integer(k);
        }),
        ...(p.stability
          ? [
              s ? F.percent(s.sameRank) : "",
              s ? `${F.integer(s.minRank)}–${F.integer(s.maxRank)}` : "",
            ]
          : []),
      ];
    }),
  });
  const facts: Inline[] = [];
  if (p.agreement.kendallW) {
    facts.push(
      fill(L.text.kendallW, {
        w: F.number(p.agreement.kendallW.w, 3),
        p: F.number(p.agreement.kendallW.pValue, 3),
      }),
    );
  } else if (p.agreement.reason !== null) {
    facts.push(`${L.fields.agreement}: ${p.agreement.reason}`);
  }
  if (p.stability) {
    facts.push(
      `${fill(L.text.stabilityNote, { draws: F.integer(p.stability.draws), seed: String(p.stability.seed) })} ${perturbationText(c, p.stability.perturbation)}`,
    );
  }
  if (facts.length > 0) blocks.push({ kind: "list", items: facts });
  const ie = p.impactEffort;
  if (ie) {
    blocks.push({ kind: "chart", svg: () => impactEffortChart(impactEffortModel(c, p, ie)) });
    blocks.push({
      kind: "table",
      head: [L.fields.solution, L.fields.impact, L.fields.effort, L.fields.quadrant],
      numeric: [1, 2],
      rows: ie.items.map((x) => [
        c.solutionTitle(x.solution),
        F.number(x.impact, 2),
        F.number(x.effort, 2),
        L.impactEffort[x.quadrant],
      ]),
    });
  }
  if (p.priorities.length > 0) {
    blocks.push(
      { kind: "paragraph", content: [{ strong: `${prioritiesHeading(c, p)}:` }] },
      { kind: "list", items: prioritiesWithRanks(c, p) },
    );
  }
  void r;
  return blocks;
}

/**
 * The perturbation of the rank-stability analysis in the report language: the report writes it as
 * `dirichlet, concentration <n>` (the only perturbation `createReport` runs); another text is
 * shown as it is.
 */
function perturbationText(c: Context, text: string): string {
  const m = /^dirichlet, concentration (\d+(?:\.\d+)?)$/.exec(text);
  return m === null
    ? text
    : fill(c.L.text.perturbation, { concentration: c.F.number(Number(m[1]), 2) });
}

function dossierBlocks(c: Context, ds: Section<"dossiers">): Block[] {
  const { L, F } = c;
  const blocks: Block[] = [];
  for (const d of ds) {
    blocks.push({ kind: "heading", level: 3, text: d.title });
    const rows: Inline[][] = [];
    if (d.theme !== null) rows.push([L.fields.theme, d.theme]);
    if (d.description !== null && d.description !== "")
      rows.push([L.fields.description, d.description]);
    rows.push([
      L.fields.readiness,
      d.readiness.declared === d.readiness.assessed
        ? L.readiness[d.readiness.assessed]
        : `${L.readiness[d.readiness.declared]} → ${L.readiness[d.readiness.assessed]}`,
    ]);
    rows.push([
      L.fields.needs,
      joinOr(
        c,
        d.needs.map((n) => n.statement),
      ),
    ]);
    rows.push([L.fields.lead, d.lead === null ? L.text.none : d.lead.name]);
    rows.push([
      L.fields.partners,
      joinOr(
        c,
        d.partners.map((p) => p.name),
      ),
    ]);
    rows.push([L.fields.cost, money(c, d.cost)]);
    rows.push([
      L.fields.funding,
      joinOr(
        c,
        d.funding.map(
          (f) =>
            `${L.fundingSources[f.source]} ${c.F.money(f.amount)}${f.secured ? ` (${L.fields.secured.toLowerCase()})` : ""}`,
        ),
      ),
    ]);
    rows.push([
      L.fields.resources,
      joinOr(
        c,
        d.resources.map(
          (x) =>
            `${L.resourceKinds[x.kind]} · ${x.description}${x.cost ? ` (${c.F.money(x.cost)})` : ""}${
              x.quantity !== null
                ? ` — ${F.number(x.quantity, 2)}${x.unit ? ` ${x.unit}` : ""}`
                : ""
            }`,
        ),
      ),
    ]);
    rows.push([
      L.fields.steps,
      joinOr(
        c,
        d.steps.map((s) => s.title),
      ),
    ]);
    rows.push([L.fields.expectedResults, joinOr(c, d.expectedResults)]);
    blocks.push({ kind: "table", head: [L.fields.id, d.solution], rows });
    if (d.swot) {
      const sw = d.swot;
      blocks.push({
        kind: "table",
        head: [L.fields.quadrant, L.fields.items],
        rows: (["strength", "weakness", "opportunity", "threat"] as const).map((q) => [
          L.quadrants[q],
          joinOr(
            c,
            sw[q].map((x) => x.text),
          ),
        ]),
      });
    }
    if (d.kpis.length > 0) {
      blocks.push({
        kind: "table",
        head: [L.fields.kpis, L.fields.baseline, L.fields.target, L.fields.unit, L.fields.due],
        numeric: [1, 2],
        rows: d.kpis.map((k) => [
          k.title,
          F.number(k.baseline, 2),
          F.number(k.target, 2),
          k.unit,
          k.due === null ? "" : F.date(k.due),
        ]),
      });
    }
    if (d.risks.length > 0) {
      blocks.push({
        kind: "table",
        head: [L.fields.risks, L.fields.likelihood, L.fields.impact, L.fields.description],
        numeric: [1, 2],
        rows: d.risks.map((x) => [
          x.title,
          F.integer(x.likelihood),
          F.integer(x.impact),
          x.mitigation ?? "",
        ]),
      });
    }
    if (d.gaps.length > 0) {
      blocks.push(
        { kind: "paragraph", content: [{ strong: `${L.fields.gaps}:` }] },
        {
          kind: "list",
          items: d.gaps.map((g) =>
            Object.hasOwn(L.dossierGaps, g.code)
              ? fill((L.dossierGaps as Readonly<Record<string, string>>)[g.code] as string, {
                  declared: L.readiness[d.readiness.declared].toLowerCase(),
                  assessed: L.readiness[d.readiness.assessed].toLowerCase(),
                })
              : g.message,
          ),
        },
      );
    }
  }
  return blocks;
}

/**
 * The rule that placed an item, in the report language, from the section's data: an end on or
 * before its horizon's last date, an end after the last bounded horizon, or no end at all. An
 * item these do not describe keeps the report's own words (`reason`).
 */
function horizonRule(
  c: Context,
  h: Section<"horizons">,
  item: Section<"horizons">["items"][number],
): string {
  const { L, F } = c;
  const origin = h.startSource === "plan" ? L.text.fromPlanStart : L.text.fromProgrammeStart;
  const bounded = h.horizons.filter((x) => x.onOrBefore !== null && x.months !== null);
  const own = h.horizons.find((x) => x.id === item.horizon);
  const last = bounded.at(-1);
  const rule = (template: string, x: (typeof bounded)[number], end: string) =>
    fill(template, {
      end: F.date(end),
      limit: F.date(x.onOrBefore as string),
      origin,
      months: fill(L.text.months, { n: F.integer(x.months as number) }),
    });
  if (item.end === null) {
    return own !== undefined && own.onOrBefore === null ? L.text.ruleUnscheduled : item.reason;
  }
  if (own !== undefined && own.onOrBefore !== null && own.months !== null) {
    return rule(L.text.ruleWithin, own, item.end);
  }
  if (last !== undefined && item.end > (last.onOrBefore as string)) {
    return rule(L.text.ruleAfter, last, item.end);
  }
  return item.reason;
}

function horizonBlocks(c: Context, h: Section<"horizons">): Block[] {
  const { L, F } = c;
  return [
    { kind: "chart", svg: () => timelineChart(timelineModel(c, h)) },
    {
      kind: "paragraph",
      note: true,
      content: `${L.text.projectStart}: ${F.date(h.start)}`,
    },
    {
      kind: "table",
      head: [
        L.fields.solution,
        L.fields.horizon,
        L.fields.start,
        L.fields.end,
        L.fields.priority,
        L.fields.rule,
      ],
      rows: h.items.map((i) => [
        i.title,
        c.horizonLabel(i.horizon),
        F.date(i.start),
        i.end === null ? "" : F.date(i.end),
        i.priority ? L.text.yes : L.text.no,
        horizonRule(c, h, i),
      ]),
    },
  ];
}

function actionPlanBlocks(c: Context, a: Section<"actionPlan">): Block[] {
  const { L, F } = c;
  const blocks: Block[] = [];
  const budget = budgetModel(c, a);
  if (budget.bars.length > 0) blocks.push({ kind: "chart", svg: () => budgetChart(budget) });
  blocks.push({
    kind: "table",
    head: [
      L.fields.horizon,
      L.fields.cost,
      L.fields.funding,
      L.fields.gap.split(" (")[0] as string,
    ],
    numeric: [1, 2, 3],
    rows: [
      ...a.budget.byHorizon.map((h): Inline[] => [
        c.horizonLabel(h.horizon),
        F.money(h.cost),
        F.money(h.funding),
        F.money(h.gap),
      ]),
      [
        { strong: L.fields.total },
        { strong: F.money(a.budget.cost) },
        { strong: F.money(a.budget.funding) },
        { strong: F.money(a.budget.gap) },
      ],
    ],
  });
  const facts: Inline[] = [`${L.fields.secured}: ${F.money(a.budget.secured)}`];
  if (a.budget.available) facts.push(`${L.fields.available}: ${F.money(a.budget.available)}`);
  if (a.budget.remaining) facts.push(`${L.fields.remaining}: ${F.money(a.budget.remaining)}`);
  blocks.push({ kind: "list", items: facts });
  blocks.push({
    kind: "table",
    head: [L.fields.source, L.fields.amount, L.fields.secured],
    numeric: [1, 2],
    rows: a.budget.bySource
      .filter((s) => Number(s.amount.amount) !== 0)
      .map((s) => [L.fundingSources[s.source], F.money(s.amount), F.money(s.secured)]),
  });
  blocks.push({
    kind: "table",
    head: [
      L.fields.title,
      L.fields.owner,
      L.fields.horizon,
      L.fields.start,
      L.fields.end,
      L.fields.cost,
      L.fields.funding,
    ],
    numeric: [5, 6],
    rows: a.actions.map((x) => [
      x.title,
      x.owner === null ? "" : x.owner.name,
      c.horizonLabel(x.horizon),
      F.date(x.start),
      x.end === null ? "" : F.date(x.end),
      money(c, x.cost),
      F.money(x.funding),
    ]),
  });
  const kpis = a.actions.flatMap((x) => x.kpis.map((k) => ({ action: x.title, k })));
  if (kpis.length > 0) {
    blocks.push({
      kind: "table",
      head: [
        L.fields.kpis,
        L.fields.action,
        L.fields.baseline,
        L.fields.target,
        L.fields.unit,
        L.fields.due,
      ],
      numeric: [2, 3],
      rows: kpis.map(({ action, k }) => [
        k.title,
        action,
        F.number(k.baseline, 2),
        F.number(k.target, 2),
        k.unit,
        k.due === null ? "" : F.date(k.due),
      ]),
    });
  }
  if (a.risks.length > 0) {
    const titles = new Map(a.actions.map((x) => [x.id, x.title]));
    blocks.push({
      kind: "table",
      head: [L.fields.risks, L.fields.action, L.fields.likelihood, L.fields.impact, L.fields.score],
      numeric: [2, 3, 4],
      rows: a.risks.map((x) => [
        x.title,
        titles.get(x.action) ?? x.action,
        F.integer(x.likelihood),
        F.integer(x.impact),
        F.number(x.score, 2),
      ]),
    });
  }
  return blocks;
}

function provenanceBlocks(c: Context): Block[] {
  const { r, L } = c;
  const p = r.provenance;
  return [
    {
      kind: "table",
      head: [L.fields.provenance, ""],
      rows: [
        [L.fields.library, `${p.library.name} ${p.library.version}`],
        [L.fields.methodologyVersion, p.methodologyVersion],
        [L.fields.formatVersion, r.formatVersion],
        ...p.frameworks.map((f): Inline[] => [
          L.fields.framework,
          `${f.id} ${f.version} (${credit(c, f.provenance)})`,
        ]),
        [L.fields.inputDigest, p.inputDigest],
        [L.fields.generatedAt, p.generatedAt],
      ],
    },
    {
      kind: "code",
      summary: L.fields.parameters,
      text: JSON.stringify(p.parameters, null, 2),
    },
    { kind: "paragraph", note: true, content: L.text.designedNotice },
  ];
}

/** The document of a report in one language: the shared content of the Markdown and HTML forms. */
export function reportDocument(r: Report, L: ReportLabels): DocumentModel {
  const c = contextOf(r, L);
  const { F } = c;
  const s = r.sections;
  const sections: { id: ReportSectionKey; title: string; blocks: Block[] }[] = [];
  const add = (id: ReportSectionKey, blocks: Block[]) =>
    sections.push({ id, title: L.sections[id], blocks });
  add("summary", summaryBlocks(c));
  if (s.stakeholders) add("stakeholders", stakeholderBlocks(c, s.stakeholders));
  if (s.workshops && s.workshops.length > 0) add("workshops", workshopBlocks(c, s.workshops));
  if (s.maturity) add("maturity", maturityBlocks(c, s.maturity));
  if (s.needs) add("needs", needBlocks(c, s.needs));
  if (s.swot) add("swot", swotBlocks(c, s.swot));
  if (s.prioritisation) add("prioritisation", prioritisationBlocks(c, s.prioritisation));
  if (s.dossiers && s.dossiers.length > 0) add("dossiers", dossierBlocks(c, s.dossiers));
  if (s.horizons) add("horizons", horizonBlocks(c, s.horizons));
  if (s.actionPlan) add("actionPlan", actionPlanBlocks(c, s.actionPlan));
  add("provenance", provenanceBlocks(c));
  const city =
    r.city.population === undefined
      ? `${r.city.name} (${r.city.country})`
      : `${r.city.name} (${r.city.country}, ${F.integer(r.city.population)})`;
  return {
    lang: L.lang,
    title: fill(L.titles.report, { city: r.city.name }),
    subtitle: [
      [{ strong: `${L.fields.city}: ` }, city],
      [
        { strong: `${L.fields.programme}: ` },
        `${r.programme.title ?? r.programme.id} (${F.date(r.programme.start)} – ${F.date(r.programme.end)})`,
      ],
      [{ strong: `${L.fields.track}: ` }, trackTitle(r.track, L)],
      ...(r.period
        ? [
            [
              { strong: `${L.fields.period}: ` },
              `${F.date(r.period.start)} – ${F.date(r.period.end)}`,
            ] as Inline,
          ]
        : []),
    ],
    sections,
    footer: [
      `${fill(L.text.generatedBy, { library: r.provenance.library.name, version: r.provenance.library.version })} ${L.fields.generatedAt}: ${r.provenance.generatedAt}.`,
    ],
  };
}
