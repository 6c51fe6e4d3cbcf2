export { AssessmentError, formatPath, isAssessmentError } from "./AssessmentError.js";
export type { Issue, PathSegment } from "./AssessmentError.js";
export { errorCodes } from "./codes.js";
export type { ErrorCode } from "./codes.js";
