/**
 * @module timeline
 */
export {};
