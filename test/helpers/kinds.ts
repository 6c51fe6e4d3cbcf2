/**
 * A framework with every kind of question (binary, Likert, categorical, multi-select, rating grid,
 * numeric with goalposts and a relative one), an assessment of it and a set of answers, for the
 * recommendation and draft-needs tests.
 */
import { parseAssessment } from "../../src/schema/parseAssessment.js";
import { defineFramework } from "../../src/schema/defineFramework.js";
import type { Observation } from "../../src/schema/entities.js";

export const kinds = defineFramework({
  id: "kinds",
  version: "1.0",
  title: "Every kind of question",
  provenance: "designed",
  sources: [],
  dimensions: [
    { id: "k", title: "Kinds" },
    { id: "m", title: "Measured" },
  ],
  indicators: [
    { id: "bin", dimension: "k", type: "binary", title: "Binary" },
    { id: "lik", dimension: "k", type: "likert", scale: { min: 1, max: 5 }, title: "Likert" },
    {
      id: "cat",
      dimension: "k",
      type: "categorical",
      title: "Categorical",
      options: [
        { value: "none", text: "Nothing yet", score: 0 },
        { value: "some", text: "Some", score: 0.5 },
        { value: "all", score: 1 },
      ],
    },
    {
      id: "multi",
      dimension: "k",
      type: "multiSelect",
      title: "Channels",
      options: [
        { value: "web", text: "Website", weight: 1 },
        { value: "app", weight: 1 },
        { value: "paper", text: "Paper only", weight: -1 },
      ],
    },
    {
      id: "grid",
      dimension: "k",
      type: "ratingGrid",
      title: "Grid",
      scale: { min: 0, max: 2 },
      rows: [
        { id: "r1", text: "Row one" },
        { id: "r2", text: "Row two" },
      ],
    },
    {
      id: "share",
      dimension: "k",
      type: "numeric",
      title: "Share online",
      unit: "%",
      normalisation: { method: "goalposts", low: 0, high: 100 },
    },
    {
      id: "budget",
      dimension: "m",
      type: "numeric",
      title: "Budget per resident",
      normalisation: { method: "minMax" },
    },
  ],
  levels: [
    { id: "l0", title: "L0", min: 0, max: 90 },
    { id: "l1", title: "L1", min: 90, max: 100 },
  ],
});

export function kindsAssessment(observations: readonly Observation[]) {
  return parseAssessment(
    {
      formatVersion: "1.0",
      city: { id: "sofia", name: "Sofia", country: "BG" },
      programme: { id: "icc-2020", start: "2020-09-28", end: "2022-11-30" },
      track: { id: "citizenParticipationDigitalPublicAdministration" },
      stakeholders: [],
      workshops: [],
      needs: [],
      solutions: [],
      maturity: { framework: { id: "kinds", version: "1.0" }, observations },
    },
    { frameworks: [kinds] },
  );
}

export const kindsAnswers: Observation[] = [
  { unit: "sofia", indicator: "lik", value: 2 },
  { unit: "sofia", indicator: "cat", value: "none" },
  { unit: "sofia", indicator: "bin", value: false },
  { unit: "sofia", indicator: "multi", value: [] },
  { unit: "sofia", indicator: "grid", value: [{ row: "r1", value: 1 }] },
  { unit: "sofia", indicator: "share", value: 30 },
  { unit: "sofia", indicator: "budget", value: 10 },
  { unit: "plovdiv", indicator: "budget", value: 40 },
  { unit: "varna", indicator: "budget", value: 25 },
];
