/**
 * icc-assessment: the Intelligent Cities Challenge assessment methodology as a library.
 * The root re-exports every stage; each stage is also its own subpath (`icc-assessment/maturity`, …).
 *
 * @module icc-assessment
 */
export * from "./schema/index.js";
export * from "./frameworks/index.js";
export * from "./maturity/index.js";
export * from "./needs/index.js";
export * from "./swot/index.js";
export * from "./prioritisation/index.js";
export * from "./timeline/index.js";
export * from "./actions/index.js";
export * from "./report/index.js";
export * from "./benchmark/index.js";
