/**
 * The words of the questionnaire (Markdown, CSV and the HTML form) that do not come from the
 * framework, one pack per report language. Templates use `{name}` placeholders. The framework's
 * own texts (titles, questions, rubrics) are printed as the framework writes them.
 */
import { builtinFrameworks } from "../../frameworks/builtinFrameworks.js";
import type { MaturityFramework } from "../../schema/framework.js";
import type { IndicatorType, Provenance, ReportLanguage } from "../../schema/vocabularies.js";

/** Every UI word of the questionnaire in one language. */
export interface QuestionnaireLabels {
  readonly lang: string;
  /** The `Intl` locale for numbers. */
  readonly locale: string;
  readonly title: string;
  readonly meta: string;
  readonly provenances: Readonly<Record<Provenance, string>>;
  /** The provenance of a built-in framework designed by this project. */
  readonly designedHere: string;
  readonly designedNotice: string;
  readonly howScored: string;
  readonly howScoredText: string;
  readonly levels: string;
  readonly level: string;
  readonly range: string;
  readonly scoreWord: string;
  readonly sources: string;
  readonly contents: string;
  readonly questionsIn: string;
  readonly types: Readonly<Record<IndicatorType, string>>;
  readonly answerType: string;
  readonly weight: string;
  readonly unit: string;
  readonly yes: string;
  readonly no: string;
  readonly notAnswered: string;
  readonly answer: string;
  readonly valueInFile: string;
  readonly scores: string;
  readonly scoresValue: string;
  readonly meaning: string;
  readonly option: string;
  readonly ifTickedAlone: string;
  readonly row: string;
  readonly rows: string;
  readonly rating: string;
  readonly ifEveryRow: string;
  readonly value: string;
  readonly rules: {
    readonly binary: string;
    readonly likert: string;
    readonly categorical: string;
    readonly multiSelect: string;
    readonly ratingGrid: string;
    readonly goalposts: string;
    readonly goalpostsReversed: string;
    readonly relative: string;
    readonly reversed: string;
    readonly percent: string;
    readonly skip: string;
    readonly zero: string;
  };
  readonly csv: {
    readonly kind: string;
    readonly kinds: { readonly question: string; readonly answer: string; readonly row: string };
    readonly question: string;
    readonly dimension: string;
    readonly dimensionTitle: string;
    readonly type: string;
    readonly title: string;
    readonly text: string;
    readonly answer: string;
    readonly answerText: string;
    readonly score: string;
    readonly weight: string;
    readonly unit: string;
    readonly rule: string;
  };
  readonly form: {
    readonly skip: string;
    readonly about: string;
    readonly unitLabel: string;
    readonly unitHelp: string;
    readonly answeredOn: string;
    readonly save: string;
    readonly open: string;
    readonly progress: string;
    readonly answeredOf: string;
    readonly answeredTick: string;
    readonly note: string;
    readonly numberHelp: string;
    readonly percentHelp: string;
    readonly scoreHint: string;
    readonly offline: string;
    readonly fromFile: string;
    readonly messages: Readonly<Record<FormMessage, string>>;
  };
}

/** The messages the form's script shows, by key. */
export const formMessages = [
  "number",
  "percent",
  "scale",
  "binary",
  "option",
  "options",
  "grid",
  "unitMissing",
  "unitInvalid",
  "dateInvalid",
  "fixBeforeSaving",
  "saved",
  "loaded",
  "loadFailed",
  "notJson",
  "wrongFormat",
  "wrongVersion",
  "wrongFramework",
  "severalUnits",
  "unknownQuestion",
  "twice",
  "badAnswer",
  "gridPoint",
] as const;
/** A message of the form's script. */
export type FormMessage = (typeof formMessages)[number];

const en: QuestionnaireLabels = {
  lang: "en",
  locale: "en-GB",
  title: "Questionnaire: {title}",
  meta: "Framework `{id}`, version {version} · {provenance} · {questions} questions in {dimensions} dimensions · score scale {min}–{max}",
  provenances: {
    documented: "documented in public sources",
    designed: "designed by its authors (not an official instrument)",
    mixed: "partly documented, partly designed",
  },
  designedHere: "designed by the icc-assessment project (not an official instrument)",
  designedNotice:
    "Scores, weights and levels of a designed framework are its authors' choices; the sources below say what is documented.",
  howScored: "How answers are scored",
  howScoredText:
    "Each answer becomes a score on the framework's scale {min}–{max}, as listed with each question (computed by the library's own scoring, so this page cannot disagree with it). A dimension's score is the weighted mean of its questions' scores (and of its sub-dimensions'); the overall score is the weighted mean of the top-level dimensions. A dimension needs at least {coverage} of its question weight answered to get a score. The overall score falls into one of these levels:",
  levels: "Levels",
  level: "Level",
  range: "Overall score",
  scoreWord: "score",
  sources: "Sources",
  contents: "Contents",
  questionsIn: "{n} questions",
  types: {
    binary: "yes / no",
    likert: "scale",
    numeric: "number",
    categorical: "one option",
    multiSelect: "several options (tick all that apply)",
    ratingGrid: "rating grid",
  },
  answerType: "Answer type",
  weight: "Weight",
  unit: "Unit",
  yes: "Yes",
  no: "No",
  notAnswered: "Not answered",
  answer: "Answer",
  valueInFile: "In the answers file",
  scores: "Scores",
  scoresValue: "scores {score}",
  meaning: "Meaning",
  option: "Option",
  ifTickedAlone: "Scores if ticked alone",
  row: "Row",
  rows: "Rows",
  rating: "Rating",
  ifEveryRow: "Scores if every row is rated so",
  value: "Value",
  rules: {
    binary: "Yes scores {yes}, no scores {no}.",
    likert: "The answer on the scale {lo}–{hi} maps linearly onto the score scale {min}–{max}.",
    categorical: "Each option scores the value listed.",
    multiSelect:
      "Score = the sum of the ticked options' weights (at least 0) ÷ {positive}, the sum of the positive weights, mapped onto {min}–{max}; ticking every positive option scores {max}.",
    ratingGrid:
      "Each row is rated on {lo}–{hi}; the mean of the rated rows maps linearly onto {min}–{max}.",
    goalposts:
      "Goalposts: {low} or less scores {lowScore}, {high} or more scores {highScore}, linearly in between.",
    goalpostsReversed:
      "Goalposts, lower is better: {low} or less scores {lowScore}, {high} or more scores {highScore}, linearly in between.",
    relative:
      "Normalised by {method} across the units scored together: the score depends on the other units' answers.",
    reversed: "Reversed: a lower answer is more mature.",
    percent: "A percentage: an answer from 0 to 100.",
    skip: "Not answered: skipped (the other questions' weights renormalise).",
    zero: "Not answered: scores {min}.",
  },
  csv: {
    kind: "kind",
    kinds: { question: "question", answer: "answer", row: "row" },
    question: "question_id",
    dimension: "dimension_id",
    dimensionTitle: "dimension",
    type: "answer_type",
    title: "title",
    text: "question",
    answer: "answer",
    answerText: "answer_text",
    score: "score",
    weight: "weight",
    unit: "unit",
    rule: "scoring",
  },
  form: {
    skip: "Skip to the questions",
    about: "About these answers",
    unitLabel: "City (unit) id",
    unitHelp: "Letters, digits and . _ : - (for example sofia). Required to save.",
    answeredOn: "Answered on",
    save: "Save answers",
    open: "Open saved answers",
    progress: "Progress",
    answeredOf: "{n} of {total} answered",
    answeredTick: "Answered: tick all that apply (none ticked scores {min})",
    note: "Note (optional)",
    numberHelp: "A number; leave empty when not answered.",
    percentHelp: "A number from 0 to 100; leave empty when not answered.",
    scoreHint: "scores {score}",
    offline:
      "This form works offline: nothing is sent anywhere. Save your answers to a file and open it again to continue.",
    fromFile: "{value} (from the file)",
    messages: {
      number: "Enter a number, or leave the field empty.",
      percent: "Enter a number from 0 to 100, or leave the field empty.",
      scale: "Choose a point from {min} to {max}.",
      binary: "Choose yes or no.",
      option: "Choose one of the options.",
      options: "Tick known options, each once.",
      grid: "Rate known rows, each once, from {min} to {max}.",
      unitMissing: "Enter the city (unit) id.",
      unitInvalid:
        "The city (unit) id may use letters, digits and . _ : - and must start with a letter or digit.",
      dateInvalid: "Enter the date as YYYY-MM-DD, or leave it empty.",
      fixBeforeSaving: "Nothing was saved. Fix these first:",
      saved: "Saved {n} answers for {unit}.",
      loaded: "Opened {file}: {n} answers for {unit}.",
      loadFailed: "Could not open {file}; the form is unchanged:",
      notJson: "the file is not JSON.",
      wrongFormat: 'the file is not an answers file (format "icc-assessment/answers").',
      wrongVersion: "formatVersion {version} is not supported (1.x is).",
      wrongFramework: "the file answers {framework}, this form asks {expected}.",
      severalUnits: "the file answers for several units ({units}); this form edits one.",
      unknownQuestion: "question {id} is not in this form.",
      twice: "question {id} is answered twice.",
      badAnswer: "question {id}: {problem}",
      gridPoint: "question {id}, row {row}: {value} is not a point of the scale.",
    },
  },
};

const bg: QuestionnaireLabels = {
  lang: "bg",
  locale: "bg-BG",
  title: "Въпросник: {title}",
  meta: "Рамка `{id}`, версия {version} · {provenance} · {questions} въпроса в {dimensions} измерения · скала на оценките {min}–{max}",
  provenances: {
    documented: "документирана в публични източници",
    designed: "разработена от своите автори (не е официален инструмент)",
    mixed: "отчасти документирана, отчасти разработена",
  },
  designedHere: "разработена от проекта icc-assessment (не е официален инструмент)",
  designedNotice:
    "Оценките, тежестите и нивата на разработена рамка са избор на нейните автори; източниците по-долу показват какво е документирано.",
  howScored: "Как се оценяват отговорите",
  howScoredText:
    "Всеки отговор се превръща в оценка по скалата на рамката {min}–{max}, посочена при всеки въпрос (изчислена от самата библиотека, така че тази страница не може да се разминава с нея). Оценката на измерение е претеглената средна на оценките на въпросите му (и на подизмеренията му); общата оценка е претеглената средна на измеренията от първо ниво. Измерение получава оценка, ако поне {coverage} от тежестта на въпросите му има отговор. Общата оценка попада в едно от следните нива:",
  levels: "Нива",
  level: "Ниво",
  range: "Обща оценка",
  scoreWord: "оценка",
  sources: "Източници",
  contents: "Съдържание",
  questionsIn: "{n} въпроса",
  types: {
    binary: "да / не",
    likert: "скала",
    numeric: "число",
    categorical: "един вариант",
    multiSelect: "няколко варианта (отбележете всички подходящи)",
    ratingGrid: "таблица за оценяване",
  },
  answerType: "Вид отговор",
  weight: "Тежест",
  unit: "Мерна единица",
  yes: "Да",
  no: "Не",
  notAnswered: "Без отговор",
  answer: "Отговор",
  valueInFile: "Във файла с отговори",
  scores: "Оценка",
  scoresValue: "оценка {score}",
  meaning: "Значение",
  option: "Вариант",
  ifTickedAlone: "Оценка, ако е отбелязан само той",
  row: "Ред",
  rows: "Редове",
  rating: "Оценка по скалата",
  ifEveryRow: "Оценка, ако всички редове са оценени така",
  value: "Стойност",
  rules: {
    binary: "„Да“ носи {yes}, „не“ носи {no}.",
    likert:
      "Отговорът по скалата {lo}–{hi} се пренася линейно върху скалата на оценките {min}–{max}.",
    categorical: "Всеки вариант носи посочената оценка.",
    multiSelect:
      "Оценка = сборът от тежестите на отбелязаните варианти (най-малко 0) ÷ {positive}, сбора на положителните тежести, пренесен върху {min}–{max}; всички положителни варианти заедно носят {max}.",
    ratingGrid:
      "Всеки ред се оценява по {lo}–{hi}; средната на оценените редове се пренася линейно върху {min}–{max}.",
    goalposts:
      "Граници: {low} или по-малко носи {lowScore}, {high} или повече носи {highScore}, линейно между тях.",
    goalpostsReversed:
      "Граници, по-малкото е по-добре: {low} или по-малко носи {lowScore}, {high} или повече носи {highScore}, линейно между тях.",
    relative:
      "Нормализира се чрез {method} спрямо другите оценявани единици: оценката зависи от техните отговори.",
    reversed: "Обърната скала: по-ниският отговор означава по-висока зрялост.",
    percent: "Процент: отговор от 0 до 100.",
    skip: "Без отговор: въпросът се пропуска (тежестите на другите въпроси се преразпределят).",
    zero: "Без отговор: носи {min}.",
  },
  csv: {
    kind: "вид",
    kinds: { question: "въпрос", answer: "отговор", row: "ред" },
    question: "код_на_въпроса",
    dimension: "код_на_измерението",
    dimensionTitle: "измерение",
    type: "вид_отговор",
    title: "заглавие",
    text: "въпрос",
    answer: "отговор",
    answerText: "текст_на_отговора",
    score: "оценка",
    weight: "тежест",
    unit: "мерна_единица",
    rule: "оценяване",
  },
  form: {
    skip: "Към въпросите",
    about: "За тези отговори",
    unitLabel: "Код на града (единицата)",
    unitHelp: "Латински букви, цифри и . _ : - (например sofia). Задължителен за запазване.",
    answeredOn: "Дата на отговорите",
    save: "Запазване на отговорите",
    open: "Отваряне на запазени отговори",
    progress: "Напредък",
    answeredOf: "{n} от {total} с отговор",
    answeredTick: "С отговор: отбележете всички подходящи (без отметки носи {min})",
    note: "Бележка (по желание)",
    numberHelp: "Число; оставете празно, ако няма отговор.",
    percentHelp: "Число от 0 до 100; оставете празно, ако няма отговор.",
    scoreHint: "оценка {score}",
    offline:
      "Формулярът работи без интернет: нищо не се изпраща. Запазете отговорите във файл и го отворете отново, за да продължите.",
    fromFile: "{value} (от файла)",
    messages: {
      number: "Въведете число или оставете полето празно.",
      percent: "Въведете число от 0 до 100 или оставете полето празно.",
      scale: "Изберете точка от {min} до {max}.",
      binary: "Изберете „да“ или „не“.",
      option: "Изберете един от вариантите.",
      options: "Отбележете известни варианти, всеки по веднъж.",
      grid: "Оценете известни редове, всеки по веднъж, от {min} до {max}.",
      unitMissing: "Въведете кода на града (единицата).",
      unitInvalid:
        "Кодът на града може да съдържа латински букви, цифри и . _ : - и започва с буква или цифра.",
      dateInvalid: "Въведете датата като ГГГГ-ММ-ДД или оставете полето празно.",
      fixBeforeSaving: "Нищо не е запазено. Първо поправете:",
      saved: "Запазени са {n} отговора за {unit}.",
      loaded: "Отворен е {file}: {n} отговора за {unit}.",
      loadFailed: "{file} не може да се отвори; формулярът не е променен:",
      notJson: "файлът не е JSON.",
      wrongFormat: "файлът не е файл с отговори (format „icc-assessment/answers“).",
      wrongVersion: "formatVersion {version} не се поддържа (поддържа се 1.x).",
      wrongFramework: "файлът отговаря на {framework}, а формулярът пита за {expected}.",
      severalUnits:
        "файлът съдържа отговори за няколко единици ({units}); формулярът редактира една.",
      unknownQuestion: "въпрос {id} не е в този формуляр.",
      twice: "въпрос {id} има два отговора.",
      badAnswer: "въпрос {id}: {problem}",
      gridPoint: "въпрос {id}, ред {row}: {value} не е точка от скалата.",
    },
  },
};

/** The label packs by language: adding a report language without a pack is a type error. */
export const questionnaireLabels: Readonly<Record<ReportLanguage, QuestionnaireLabels>> = {
  en,
  bg,
};

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) =>
    Object.hasOwn(values, k) ? String(values[k]) : m,
  );
}

/**
 * A framework's provenance in words: a built-in framework designed by this project (same id and
 * version as one of `builtinFrameworks`, naming no other authors) says so; any other framework is
 * credited to its authors (credit where due, issue 16).
 */
export function provenanceText(
  fw: Pick<MaturityFramework, "id" | "version" | "provenance" | "authors">,
  labels: QuestionnaireLabels,
): string {
  const builtin =
    fw.authors === undefined &&
    builtinFrameworks.some((b) => b.id === fw.id && b.version === fw.version);
  return builtin && fw.provenance === "designed"
    ? labels.designedHere
    : labels.provenances[fw.provenance];
}
