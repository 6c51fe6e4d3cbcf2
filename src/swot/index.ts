/**
 * @module swot
 */
export {};
