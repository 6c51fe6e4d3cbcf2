/**
 * @module maturity
 */
export {};
