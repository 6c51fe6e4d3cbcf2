/**
 * Internal: the JSON shapes of the entities a part file carries, as the assessment format writes
 * them (type-only imports from the schema, so the io subpath does not load zod for them).
 */
import type { z } from "zod/mini";
import type { NeedSchema, SolutionSchema, StakeholderSchema } from "../schema/entities.js";

/** A need as written in JSON. */
export type NeedInput = z.input<typeof NeedSchema>;
/** A solution as written in JSON. */
export type SolutionInput = z.input<typeof SolutionSchema>;
/** A stakeholder as written in JSON. */
export type StakeholderInput = z.input<typeof StakeholderSchema>;
