/**
 * A small assessment on the edges of the report: an embedded framework with a sub-dimension and
 * unanswered questions (null scores with reasons), no targets, an unweighted SWOT with no TOWS,
 * solutions without themes, leads, costs or schedules, criteria without scales and without a cost
 * criterion, ties, an action without an owner or an end, funding above cost, no plan budget,
 * workshops on the same day (one without participants) and a ballot without a ranking.
 */
export function edgeAssessment(): Record<string, unknown> {
  return {
    formatVersion: "1.0",
    city: { id: "gabrovo", name: "Gabrovo", country: "BG" },
    programme: { id: "pilot", start: "2023-01-01", end: "2024-12-31" },
    track: { id: "smart-tourism", title: "Smart tourism (custom)", custom: true },
    stakeholders: [
      { id: "city", name: "City hall", helix: "public", kind: "cityDepartment" },
      { id: "tu", name: "Technical University", helix: "academia", kind: "university" },
    ],
    workshops: [
      { id: "w2", kind: "cityLab", date: "2023-03-01", participants: ["city", "tu"] },
      { id: "w1", kind: "needsAssessment", date: "2023-03-01", participants: [] },
    ],
    ballots: [{ id: "b1", voter: "city", approvals: ["a"] }],
    frameworks: [
      {
        id: "edge-framework",
        version: "2.1",
        title: "Edge framework",
        provenance: "designed",
        sources: [{ title: "Designed for the tests" }],
        scale: { min: 0, max: 10 },
        dimensions: [
          { id: "root", title: "Root" },
          { id: "child", title: "Child", parent: "root" },
          { id: "empty", title: "Empty" },
        ],
        indicators: [
          { id: "q1", dimension: "child", title: "Q1", type: "binary" },
          { id: "q2", dimension: "empty", title: "Q2", type: "binary" },
          { id: "q3", dimension: "empty", title: "Q3", type: "likert", scale: { min: 1, max: 5 } },
        ],
        levels: [
          { id: "low", title: "Low", min: 0, max: 5 },
          { id: "high", title: "High", min: 5, max: 10 },
        ],
      },
    ],
    maturity: {
      framework: { id: "edge-framework", version: "2.1" },
      assessedOn: "2023-03-01",
      observations: [
        { unit: "gabrovo", indicator: "q1", value: true },
        { unit: "gabrovo", indicator: "q2", value: null },
        { unit: "gabrovo", indicator: "q3", value: null },
      ],
    },
    needs: [
      { id: "n1", statement: "Visitors cannot find opening hours online.", raisedBy: ["city"] },
      { id: "n2", statement: "No one counts visitors.", raisedBy: [] },
    ],
    swot: [
      { id: "s1", quadrant: "strength", text: "Famous humour museum" },
      { id: "w1", quadrant: "weakness", text: "Small team" },
    ],
    solutions: [
      {
        id: "a",
        title: "Opening-hours feed",
        readiness: "idea",
        addressesNeeds: ["n1"],
        steps: [{ id: "s", title: "Publish", start: "2023-02-01", end: "2023-03-01" }],
        kpis: [{ id: "k", title: "Listed venues", unit: "venues", target: 40 }],
        risks: [{ id: "r", title: "Venues do not update", likelihood: 2, impact: 2 }],
        resources: [{ kind: "data", description: "Venue list", quantity: 40 }],
      },
      {
        id: "b",
        title: "Visitor counters",
        readiness: "concept",
        cost: { amount: "1000.00", currency: "EUR" },
        funding: [{ source: "private", amount: { amount: "1500.00", currency: "EUR" }, secured: true }],
        end: "2023-05-01",
      },
      { id: "c", title: "Tourist card", readiness: "idea", duration: { months: 30 } },
    ],
    criteria: [
      { id: "value", title: "Value", kind: "benefit", weight: 1 },
      { id: "ease", title: "Ease", kind: "benefit", weight: 1 },
    ],
    scores: [
      { solution: "a", criterion: "value", value: 3 },
      { solution: "a", criterion: "ease", value: 3 },
      { solution: "b", criterion: "value", value: 3 },
      { solution: "b", criterion: "ease", value: 3 },
      { solution: "c", criterion: "value", value: 1 },
      { solution: "c", criterion: "ease", value: 2 },
    ],
    actions: [{ id: "act-a", solution: "a", title: "Collect opening hours" }],
    plan: { selected: ["a", "b", "c"] },
  };
}
