/**
 * @module prioritisation
 */
export {};
