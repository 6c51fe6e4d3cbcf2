/**
 * @module frameworks
 */
export {};
