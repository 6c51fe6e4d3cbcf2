/**
 * @module actions
 */
export {};
