import { sofiaJson } from "../helpers/sofia.js";
import { injectionPayloads } from "./payloads.js";

/**
 * The Sofia example with every injection payload in stakeholder names (one extra stakeholder per
 * payload), need statements (one extra need per payload, plus all of them in one), SWOT items,
 * solution titles and descriptions, workshop titles and outputs, TOWS strategies, KPIs, risks and
 * criteria titles. Still a valid assessment.
 */
export function hostileAssessment(): Record<string, unknown> {
  const a = sofiaJson() as Record<string, any>;
  const all = injectionPayloads.join(" ");
  const pick = (i: number) => injectionPayloads[i % injectionPayloads.length] as string;
  injectionPayloads.forEach((p, i) => {
    a["stakeholders"].push({
      id: `hostile-${i}`,
      name: p,
      helix: "civilSociety",
      kind: "citizenGroup",
    });
    a["needs"].push({
      id: `n-hostile-${i}`,
      statement: p,
      raisedBy: [`hostile-${i}`],
      votes: i % 5,
    });
  });
  a["needs"][0].statement = `${a["needs"][0].statement} ${all}`;
  a["swot"].forEach((item: Record<string, unknown>, i: number) => {
    item["text"] =
      `${String(item["text"])} ${injectionPayloads.filter((_, k) => k % a["swot"].length === i).join(" ")}`;
  });
  a["solutions"].forEach((s: Record<string, any>, i: number) => {
    s["title"] = `${String(s["title"]).slice(0, 120)} ${pick(i)}`.slice(0, 300);
    s["description"] = all;
    (s["swot"] ?? []).forEach((x: Record<string, unknown>, k: number) => (x["text"] = pick(i + k)));
    (s["kpis"] ?? []).forEach(
      (k: Record<string, unknown>, j: number) => (k["title"] = pick(i + j + 3)),
    );
    (s["risks"] ?? []).forEach((r: Record<string, unknown>, j: number) => {
      r["title"] = pick(i + j + 5);
      r["mitigation"] = all;
    });
    if (Array.isArray(s["expectedResults"])) s["expectedResults"] = [...s["expectedResults"], all];
  });
  a["workshops"].forEach((w: Record<string, any>, i: number) => {
    w["title"] = pick(i + 7);
    w["outputs"] = [...(w["outputs"] ?? []), all];
  });
  (a["tows"] ?? []).forEach(
    (t: Record<string, unknown>, i: number) => (t["text"] = `${pick(i + 9)} ${all}`),
  );
  (a["criteria"] ?? []).forEach(
    (c: Record<string, unknown>, i: number) => (c["title"] = pick(i + 11)),
  );
  a["city"].name = `Sofia ${pick(0)}`;
  a["programme"].title = pick(1);
  return a;
}
