/** A minimal valid report document (a fresh copy on each call, safe to mutate). */
export const minimalReport = () => ({
  formatVersion: "1.0",
  kind: "icc-assessment-report",
  city: { id: "sofia", name: "Sofia", country: "BG" },
  programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
  track: { id: "citizenParticipationDigitalPublicAdministration" },
  provenance: {
    library: { name: "icc-assessment", version: "0.1.0" },
    methodologyVersion: "1.0.0",
    frameworks: [],
    parameters: {},
    inputDigest: `sha256:${"0".repeat(64)}`,
    generatedAt: "2021-02-15",
  },
  sections: {},
});
