import type { ReportLanguage } from "../schema/vocabularies.js";
import type { ExclusionReason, PeerFlag } from "./benchmarkCities.js";

/** The texts of the benchmark renderers in one language (translated by this project). */
export interface BenchmarkLabels {
  readonly lang: ReportLanguage;
  readonly locale: string;
  readonly title: string;
  readonly na: string;
  readonly framework: string;
  readonly peerGroup: string;
  readonly groups: {
    readonly all: string;
    readonly population: string;
    readonly country: string;
    readonly ids: string;
  };
  readonly period: string;
  readonly noPeriod: string;
  readonly monthsEitherSide: string;
  readonly peersUsed: string;
  readonly excludedCount: string;
  readonly sections: {
    readonly standing: string;
    readonly chart: string;
    readonly peers: string;
    readonly excluded: string;
    readonly method: string;
  };
  readonly columns: {
    readonly dimension: string;
    readonly score: string;
    readonly rank: string;
    readonly percentile: string;
    readonly q1: string;
    readonly median: string;
    readonly q3: string;
    readonly best: string;
    readonly toMedian: string;
    readonly toBest: string;
    readonly peers: string;
    readonly city: string;
    readonly country: string;
    readonly population: string;
    readonly date: string;
    readonly version: string;
    readonly overall: string;
    readonly coverage: string;
    readonly flags: string;
    readonly digest: string;
    readonly input: string;
    readonly reason: string;
    readonly detail: string;
  };
  readonly overall: string;
  readonly legend: string;
  readonly none: string;
  readonly flags: Readonly<Record<PeerFlag, string>>;
  readonly reasons: Readonly<Record<ExclusionReason, string>>;
  readonly rules: {
    readonly rank: string;
    readonly percentile: string;
    readonly quartiles: string;
    readonly peers: string;
  };
}

const en: BenchmarkLabels = {
  lang: "en",
  locale: "en-GB",
  title: "Benchmark: {city} among its peers",
  na: "n/a",
  framework: "Framework",
  peerGroup: "Peer group",
  groups: {
    all: "all comparable reports",
    population: "population band {band}",
    country: "country {country}",
    ids: "the listed cities",
  },
  period: "Period",
  noPeriod: "none (the city's report has no date)",
  monthsEitherSide: "{months} months either side",
  peersUsed: "Peers used",
  excludedCount: "Reports left out",
  sections: {
    standing: "Standing by dimension",
    chart: "The city against the peers' quartiles, median and best",
    peers: "Peers",
    excluded: "Reports left out",
    method: "Method",
  },
  columns: {
    dimension: "Dimension",
    score: "Score",
    rank: "Rank",
    percentile: "Percentile",
    q1: "Q1",
    median: "Median",
    q3: "Q3",
    best: "Best in class",
    toMedian: "To median",
    toBest: "To best",
    peers: "Peers",
    city: "City",
    country: "Country",
    population: "Population",
    date: "Date",
    version: "Version",
    overall: "Overall",
    coverage: "Coverage",
    flags: "Flags",
    digest: "Input digest",
    input: "Input",
    reason: "Reason",
    detail: "Detail",
  },
  overall: "Overall",
  legend:
    "Bar: the peers' first to third quartile; line: median; diamond: best in class; circle: the city.",
  none: "none",
  flags: {
    otherMinorVersion: "other minor version",
    otherPeriod: "other period",
    unknownDate: "no date",
    lowCoverage: "low answer coverage",
  },
  reasons: {
    sameCity: "the city itself",
    noMaturity: "no maturity section",
    otherFramework: "another framework",
    otherMajorVersion: "another major version",
    otherScale: "another score scale",
    outsidePeerGroup: "outside the peer group",
    superseded: "a later report of the city is used",
  },
  rules: {
    rank: "Rank: 1 + the peers scoring strictly higher; ties share the best rank.",
    percentile:
      "Percentile: (peers scoring lower + half the peers scoring the same) / peers × 100.",
    quartiles: "Quartiles and median: Hyndman and Fan type 7 (the default of R and numpy).",
    peers:
      "Peers: same framework and major version and the same scale; one report per city, its latest within the period; the city is never its own peer. Designed by the icc-assessment project.",
  },
};

const bg: BenchmarkLabels = {
  lang: "bg",
  locale: "bg-BG",
  title: "Сравнение: {city} сред сходни градове",
  na: "н.д.",
  framework: "Рамка",
  peerGroup: "Група за сравнение",
  groups: {
    all: "всички сравними доклади",
    population: "група по население {band}",
    country: "държава {country}",
    ids: "изброените градове",
  },
  period: "Период",
  noPeriod: "няма (докладът на града е без дата)",
  monthsEitherSide: "{months} месеца преди и след",
  peersUsed: "Използвани градове",
  excludedCount: "Изключени доклади",
  sections: {
    standing: "Позиция по измерения",
    chart: "Градът спрямо квартилите, медианата и най-добрия",
    peers: "Градове за сравнение",
    excluded: "Изключени доклади",
    method: "Метод",
  },
  columns: {
    dimension: "Измерение",
    score: "Резултат",
    rank: "Място",
    percentile: "Перцентил",
    q1: "1-ви квартил",
    median: "Медиана",
    q3: "3-ти квартил",
    best: "Най-добър",
    toMedian: "До медианата",
    toBest: "До най-добрия",
    peers: "Градове",
    city: "Град",
    country: "Държава",
    population: "Население",
    date: "Дата",
    version: "Версия",
    overall: "Общо",
    coverage: "Покритие",
    flags: "Бележки",
    digest: "Отпечатък на входа",
    input: "Вход",
    reason: "Причина",
    detail: "Подробности",
  },
  overall: "Общо",
  legend:
    "Лента: от първия до третия квартил на другите градове; линия: медиана; ромб: най-добрият; кръг: градът.",
  none: "няма",
  flags: {
    otherMinorVersion: "друга второстепенна версия",
    otherPeriod: "друг период",
    unknownDate: "без дата",
    lowCoverage: "ниско покритие на отговорите",
  },
  reasons: {
    sameCity: "самият град",
    noMaturity: "няма раздел за зрелостта",
    otherFramework: "друга рамка",
    otherMajorVersion: "друга основна версия",
    otherScale: "друга скала",
    outsidePeerGroup: "извън групата за сравнение",
    superseded: "използва се по-нов доклад на града",
  },
  rules: {
    rank: "Място: 1 + броят градове с по-висок резултат; равните делят най-доброто място.",
    percentile:
      "Перцентил: (градове с по-нисък резултат + половината от градовете с равен) / брой градове × 100.",
    quartiles: "Квартили и медиана: тип 7 на Hyndman и Fan (по подразбиране в R и numpy).",
    peers:
      "Градове за сравнение: същата рамка и основна версия и същата скала; по един доклад на град, последният в периода; градът не се сравнява със себе си. Разработено от проекта icc-assessment.",
  },
};

/** The labels of a language. */
export const benchmarkLabels: Readonly<Record<ReportLanguage, BenchmarkLabels>> = { en, bg };

/** Replaces the `{name}` placeholders of one of the labels above (each is given). */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] as string);
}
