/**
 * @module needs
 */
export {};
