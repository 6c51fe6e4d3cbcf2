/**
 * The renderers trust a parsed report (they only check the parser's mark), so every report that
 * parseReport accepts must render: single fields of the Sofia report changed at random (fixed
 * seed), each variant the parser accepts rendered in every format and chart.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sofiaReport } from "../../test/helpers/reports.js";
import { AssessmentError } from "../errors/AssessmentError.js";
import { safeParseReport } from "../schema/parseReport.js";
import { compareReports } from "./compareReports.js";
import { reportCharts } from "./i18n/labels.js";
import { renderComparisonMarkdown } from "./renderComparisonMarkdown.js";
import { renderHtml } from "./renderHtml.js";
import { renderMarkdown } from "./renderMarkdown.js";
import { serialiseReport } from "./serialiseReport.js";
import { toVegaLite } from "./toVegaLite.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const base = JSON.parse(serialiseReport(sofiaReport(50))) as Json;

/** Every path in the report to a value that can be changed. */
const paths: (string | number)[][] = [];
(function walk(v: Json, p: (string | number)[]) {
  if (p.length > 0) paths.push(p);
  if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...p, i]));
  else if (v !== null && typeof v === "object")
    for (const k of Object.keys(v)) walk(v[k]!, [...p, k]);
})(base, []);

/** Replacements for a value of each kind: edges and values the report does not mention. */
function variants(v: Json): Json[] {
  if (Array.isArray(v)) return [[], v.slice(0, 1), [...v].reverse()];
  if (typeof v === "number") return [0, -1, 1e9, 0.5, 1];
  if (typeof v === "string") return ["", "zzz-unknown"];
  if (v !== null && typeof v === "object") return [null];
  return [];
}

describe("the renderers on parsed reports", () => {
  it("render every variant of the Sofia report that parseReport accepts (fast-check)", () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: paths.length - 1 }), fc.nat(4), (k, j) => {
        const path = paths[k] as (string | number)[];
        const doc = JSON.parse(JSON.stringify(base)) as Record<string | number, Json>;
        let parent = doc;
        for (const s of path.slice(0, -1)) parent = parent[s] as Record<string | number, Json>;
        const last = path[path.length - 1] as string | number;
        const options = variants(parent[last] as Json);
        if (options.length === 0) return;
        parent[last] = options[j % options.length] as Json;
        const r = safeParseReport(doc);
        if (!r.success) return;
        accepted++;
        const html = renderHtml(r.data);
        expect(html).not.toMatch(/NaN|Infinity/);
        expect(renderMarkdown(r.data, { lang: "bg" })).not.toMatch(/NaN|Infinity/);
        expect(JSON.parse(serialiseReport(r.data))).toStrictEqual(doc);
        renderComparisonMarkdown(compareReports([r.data, r.data]));
        for (const chart of reportCharts) {
          try {
            toVegaLite(r.data, chart);
          } catch (e) {
            // a chart whose section the variant has removed
            expect((e as AssessmentError).code).toBe("missing_value");
          }
        }
      }),
      { seed: 20210208, numRuns: 150 },
    );
    expect(accepted).toBeGreaterThan(50);
  });
});
