import { parseAssessment } from "../../src/schema/parseAssessment.js";
import type { Assessment } from "../../src/schema/assessment.js";

/**
 * A small valid assessment of Sofia: two stakeholders (`city`, public; `ngo`, civil society), no
 * workshops, needs or solutions; `extra` replaces top-level keys. Parsed, so money is `Decimal`.
 */
export function smallAssessment(extra: Record<string, unknown>): Assessment {
  return parseAssessment({
    formatVersion: "1.0",
    city: { id: "sofia", name: "Sofia", country: "BG" },
    programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
    track: { id: "citizenParticipationDigitalPublicAdministration" },
    stakeholders: [
      { id: "city", name: "Innovation team", helix: "public", kind: "cityDepartment" },
      { id: "ngo", name: "Civic NGO", helix: "civilSociety", kind: "ngo" },
    ],
    workshops: [],
    needs: [],
    solutions: [],
    ...extra,
  });
}
