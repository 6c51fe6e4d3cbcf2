import * as z from "zod";
import { IdSchema, TitleSchema } from "./common.js";
import { CitySchema, ProgrammeSchema, TrackSchema } from "./entities.js";
import { FormatVersionSchema } from "./assessment.js";
import { provenances } from "./vocabularies.js";

/** Where a report came from and how it was computed. */
export const ProvenanceSchema = z.strictObject({
  library: z.strictObject({ name: TitleSchema, version: z.string().max(50) }),
  methodologyVersion: z.string().max(50),
  frameworks: z
    .array(z.strictObject({ id: IdSchema, version: z.string().max(20), provenance: z.enum(provenances) }))
    .max(20),
  /** Every method parameter and seed used, by stage. */
  parameters: z.json(),
  /** SHA-256 of the canonical JSON of the input assessment: `sha256:<64 hex>`. */
  inputDigest: z.string().regex(/^sha256:[0-9a-f]{64}$/, { message: "expected sha256:<64 lowercase hex digits>" }),
  /** When the report was generated, passed in by the caller (never read from a clock by the library). */
  generatedAt: z.string().max(40),
});
/** Report provenance. */
export type ReportProvenance = z.output<typeof ProvenanceSchema>;

/** The results of each stage; each section is JSON produced by its stage. */
export const ReportSectionsSchema = z.strictObject({
  stakeholders: z.json().optional(),
  workshops: z.json().optional(),
  maturity: z.json().optional(),
  needs: z.json().optional(),
  swot: z.json().optional(),
  dossiers: z.json().optional(),
  prioritisation: z.json().optional(),
  horizons: z.json().optional(),
  actionPlan: z.json().optional(),
});

/** The versioned report envelope: what a city publishes and other cities compare. */
export const ReportSchema = z
  .strictObject({
    $schema: z.string().max(2000).optional(),
    formatVersion: FormatVersionSchema,
    kind: z.literal("icc-assessment-report"),
    city: CitySchema,
    programme: ProgrammeSchema,
    track: TrackSchema,
    period: z.strictObject({ start: z.iso.date(), end: z.iso.date() }).optional(),
    provenance: ProvenanceSchema,
    sections: ReportSectionsSchema,
  })
  .meta({ title: "ICC assessment report", description: "A versioned icc-assessment report of one city." });
/** A parsed report. */
export type Report = z.output<typeof ReportSchema>;
