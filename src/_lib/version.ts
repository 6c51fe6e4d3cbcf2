declare const __VERSION__: string;

/** The library's own version, inlined at build time from package.json (tsup/vitest `define`). */
export const LIBRARY_VERSION: string = __VERSION__;

/** The package name. */
export const LIBRARY_NAME = "icc-assessment";
