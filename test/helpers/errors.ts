import { AssessmentError } from "../../src/errors/AssessmentError.js";

/**
 * Runs `f`, which must throw an {@link AssessmentError}; returns its code and the path of its first
 * issue. Anything else (no throw, another error) fails the test.
 */
export function issue(f: () => unknown): [string, readonly unknown[]] {
  try {
    f();
  } catch (e) {
    if (e instanceof AssessmentError) return [e.code, e.issues[0]?.path ?? []];
    throw e;
  }
  throw new Error("expected an AssessmentError");
}

/** Runs `f`, which must throw an {@link AssessmentError}, and returns that error. */
export function thrown(f: () => unknown): AssessmentError {
  try {
    f();
  } catch (e) {
    if (e instanceof AssessmentError) return e;
    throw e;
  }
  throw new Error("expected an AssessmentError");
}

/**
 * Runs `f`, which must throw an {@link AssessmentError}; returns its code and the path of its first
 * issue as an object.
 */
export function codeOf(f: () => unknown): { code: string; path: readonly (string | number)[] } {
  const [code, path] = issue(f);
  return { code, path: path as readonly (string | number)[] };
}
