/**
 * The `icc-assessment/io` subpath: getting data in. Survey spreadsheets (`parseSurveyCsv`,
 * `answersFromTable`), Decidim proposals (`parseDecidimExport`, `fromDecidimProposals`) and the
 * merging of answers and parts into an assessment as written (`mergeAnswers`, `mergePart`). It
 * depends on csv-parse, and is kept out of the computation subpaths, which depend on zod,
 * date-fns and decimal.js alone; the root entry does not re-export it.
 *
 * @module io
 */
export { answersFromTable } from "./survey/answersFromTable.js";
export type {
  AnswersFromTableOptions,
  SurveyAnswerValue,
  SurveyColumnMap,
  SurveyColumnTarget,
  SurveyTable,
} from "./survey/answersFromTable.js";
export { parseSurveyCsv } from "./survey/parseSurveyCsv.js";
export type { ParseSurveyCsvOptions } from "./survey/parseSurveyCsv.js";
export { surveyCombinationRules } from "./survey/combinationRules.js";
export { csvDelimiters } from "./_csv.js";
export type { CsvDelimiter } from "./_csv.js";
export type { Cell } from "./_cells.js";
export { parseDecidimExport, decidimExportFormats } from "./decidim/parseDecidimExport.js";
export type { ParseDecidimExportOptions } from "./decidim/parseDecidimExport.js";
export { fromDecidimProposals, decidimTargets } from "./decidim/fromDecidimProposals.js";
export type { DecidimTarget, FromDecidimProposalsOptions } from "./decidim/fromDecidimProposals.js";
export { mergeAnswers, mergePart, partCollections } from "./merge.js";
export type { AssessmentJson } from "./merge.js";
export { ANSWERS_FORMAT, IO_FORMAT_VERSION, PART_FORMAT } from "./types.js";
export type { AnswerObservation, AnswersFile, PartFile } from "./types.js";
export type { NeedInput, SolutionInput, StakeholderInput } from "./_shapes.js";
export { renderQuestionnaire, questionnaireFormats } from "./questionnaire/renderQuestionnaire.js";
export type {
  QuestionnaireFormat,
  RenderQuestionnaireOptions,
} from "./questionnaire/renderQuestionnaire.js";
