export { AssessmentError, formatPath, isAssessmentError } from "./AssessmentError.js";
export type { Issue, PathSegment } from "./AssessmentError.js";
export { errorCodes, warningCodes, warningMeanings } from "./codes.js";
export type { ErrorCode, WarningCode } from "./codes.js";
