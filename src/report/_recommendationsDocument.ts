import { builtinFrameworks } from "../frameworks/builtinFrameworks.js";
import { localiseFramework } from "../frameworks/localiseFramework.js";
import type { Indicator } from "../schema/framework.js";
import type { RecommendationsSection } from "./_recommendations.js";
import type { Block, Inline } from "./_document.js";
import { fill } from "./_format.js";
import type { Context } from "./_reportDocument.js";

type Answer = RecommendationsSection["items"][number]["current"];

/**
 * The questions of the report's framework in the report language, by indicator id, when it is a
 * built-in framework (same id and version, no authors of its own; as the maturity section decides
 * it): their titles, option texts and row texts. Empty for any other framework, whose questions
 * are shown as the report carries them and whose answers as their values.
 */
function questionsOf(c: Context): ReadonlyMap<string, Indicator> {
  const ref = c.r.sections.maturity?.framework;
  if (ref === undefined || (ref.authors ?? []).length > 0) return new Map();
  const fw = builtinFrameworks.find((f) => f.id === ref.id && f.version === ref.version);
  if (fw === undefined) return new Map();
  return new Map(localiseFramework(fw, c.L.lang).indicators.map((i) => [i.id, i]));
}

/**
 * An answer in words: yes/no, a number, an option's text (else its value), the ticked options,
 * each rated row with its rating, or "unanswered".
 */
function answerText(c: Context, ind: Indicator | undefined, v: Answer): string {
  const { L, F } = c;
  const R = L.recommendations;
  if (v === null) return R.unanswered;
  if (typeof v === "boolean") return v ? L.text.yes : L.text.no;
  if (typeof v === "number") return F.number(v, 2);
  const option = (value: string): string => {
    if (ind !== undefined && (ind.type === "categorical" || ind.type === "multiSelect")) {
      const o = (ind.options as readonly { value: string; text?: string }[]).find(
        (x) => x.value === value,
      );
      if (o?.text !== undefined) return o.text;
    }
    return value;
  };
  if (typeof v === "string") return option(v);
  if (v.length === 0) return R.noneTicked;
  return (v as readonly (string | { row: string; value: number })[])
    .map((x) => {
      if (typeof x === "string") return option(x);
      const row =
        ind !== undefined && ind.type === "ratingGrid"
          ? (ind.rows.find((r) => r.id === x.row)?.text ?? x.row)
          : x.row;
      return `${row}: ${F.number(x.value, 2)}`;
    })
    .join("; ");
}

/**
 * The blocks of "What would raise our maturity": the dimensions with a gap (level and target or
 * next level), then the recommended answers, largest gain first — the question, its dimension,
 * the answer now and the suggested one, the dimension's score and level before and after, and the
 * gain in the overall score — and the rule.
 */
export function recommendationBlocks(c: Context, s: RecommendationsSection): Block[] {
  const { L, F } = c;
  const R = L.recommendations;
  const C = R.columns;
  if (s.dimensions.length === 0) {
    return [{ kind: "paragraph", content: R.noGap }];
  }
  const dimTitle = (id: string, fallback: string) => c.fw.dimension(id, fallback);
  const titles = new Map(s.dimensions.map((d) => [d.id, dimTitle(d.id, d.title)]));
  const blocks: Block[] = [
    { kind: "paragraph", content: [{ strong: `${R.gapsHeading}:` }] },
    {
      kind: "list",
      items: s.dimensions.map((d) =>
        d.basis === "belowTarget" && d.target !== null
          ? fill(R.belowTarget, {
              dimension: dimTitle(d.id, d.title),
              level: c.levelTitle(d.level),
              target: c.levelTitle(d.target),
            })
          : fill(R.belowNextLevel, {
              dimension: dimTitle(d.id, d.title),
              level: c.levelTitle(d.level),
              goal: c.levelTitle(d.goal),
            }),
      ),
    },
  ];
  if (s.items.length === 0) {
    blocks.push({ kind: "paragraph", content: R.noneFound, note: true });
  } else {
    const questions = questionsOf(c);
    blocks.push(
      { kind: "paragraph", content: fill(R.lead, { count: F.integer(s.items.length) }) },
      {
        kind: "table",
        head: [
          C.rank,
          C.question,
          C.dimension,
          C.current,
          C.suggested,
          C.dimensionScore,
          C.level,
          C.gain,
        ],
        numeric: [0, 5, 7],
        rows: s.items.map((x): Inline[] => {
          const ind = questions.get(x.indicator);
          const level = c.levelTitle(x.level.after);
          return [
            F.integer(x.rank),
            ind?.title ?? x.title,
            titles.get(x.dimension) ?? x.dimension,
            answerText(c, ind, x.current),
            { strong: answerText(c, ind, x.suggested) },
            `${F.number(x.dimensionScore.before, 1)} → ${F.number(x.dimensionScore.after, 1)}`,
            x.reachesGoal
              ? fill(R.reaches, { level })
              : `${c.levelTitle(x.level.before)} → ${level}`,
            x.gain === null
              ? L.text.notAvailable
              : `${x.gain > 0 ? "+" : ""}${F.number(x.gain, 2)}`,
          ];
        }),
      },
    );
  }
  blocks.push({ kind: "paragraph", content: R.rule, note: true });
  return blocks;
}
