/**
 * @module report
 */
export {};
