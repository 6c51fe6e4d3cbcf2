import type { MaturityFramework } from "../schema/framework.js";

/** What {@link frameworkOf} reads of an assessment (parsed, or only shaped by the schema). */
interface FrameworkReferrer {
  readonly frameworks?: readonly MaturityFramework[] | undefined;
  readonly maturity?:
    { readonly framework: { readonly id: string; readonly version: string } } | undefined;
}

/**
 * The framework an assessment's maturity part names, by id and exact version: one the assessment
 * embeds first, then one of `others` (the built-in frameworks, or those passed in); `undefined`
 * when there is no maturity part or no such framework. The one lookup the validator, the report
 * and the CLI share, so they resolve a reference alike.
 */
export function frameworkOf(
  a: FrameworkReferrer,
  others: readonly MaturityFramework[],
): MaturityFramework | undefined {
  const ref = a.maturity?.framework;
  if (ref === undefined) return undefined;
  const same = (f: MaturityFramework) => f.id === ref.id && f.version === ref.version;
  return (a.frameworks ?? []).find(same) ?? others.find(same);
}
