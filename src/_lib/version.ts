declare const __VERSION__: string;

/** The library's own version, inlined at build time from package.json (tsup/vitest `define`). */
export const LIBRARY_VERSION: string = __VERSION__;

/** The package name. */
export const LIBRARY_NAME = "icc-assessment";

/**
 * A format version `MAJOR.MINOR`: two whole numbers without leading zeros (`"1.0"`, `"1.12"`;
 * never `"01.0"`, `"1.00"` or `"1"`), each at most nine digits. The one pattern every reader
 * (the schemas, `migrateReport`, `compareReports` through them) checks a version with.
 */
export const FORMAT_VERSION_PATTERN = /^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})$/;

/** What a malformed version is told it should look like. */
export const FORMAT_VERSION_EXPECTED = 'MAJOR.MINOR without leading zeros, such as "1.0"';

/** A format version read by {@link readFormatVersion}. */
export interface FormatVersion {
  readonly major: number;
  readonly minor: number;
}

/** The major and minor of a version string, or null when it does not match {@link FORMAT_VERSION_PATTERN}. */
export function readFormatVersion(version: string): FormatVersion | null {
  const m = FORMAT_VERSION_PATTERN.exec(version);
  return m === null ? null : { major: Number(m[1]), minor: Number(m[2]) };
}

/**
 * The one message for a document of a major version this library cannot read, e.g.
 * `report formatVersion "2.0" is not supported: this library reads format 1.x (and writes 1.0); upgrade icc-assessment to read it`.
 */
export function unsupportedVersionMessage(
  kind: string,
  version: string,
  readable: readonly number[],
  current: string,
): string {
  const reads = readable.map((x) => `${x}.x`).join(", ");
  const major = readFormatVersion(version)?.major ?? 0;
  const newer = readable.every((x) => major > x);
  return `${kind} formatVersion ${JSON.stringify(version)} is not supported: this library reads format ${reads} (and writes ${current})${newer ? "; upgrade icc-assessment to read it" : ""}`;
}
