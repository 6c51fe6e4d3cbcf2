/**
 * The size limits of icc-assessment documents (assessments, reports, answers), in one home: the
 * parsers refuse documents beyond them, and every walk over a document (copying, canonical JSON,
 * migration, locating a path) checks the depth before it goes a level down. Designed by this project.
 */

/** Deepest nesting accepted in a document. */
export const MAX_DEPTH = 64;
/** Most values (objects, arrays and scalars) accepted in one document. */
export const MAX_NODES = 5_000_000;
