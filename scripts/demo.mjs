// npm run demo: validates the bundled Sofia example with the built package and prints a summary.
import { readFileSync } from "node:fs";
import { parseJson, safeParseAssessment } from "../dist/schema.js";

const file = "examples/sofia/assessment.json";
const r = safeParseAssessment(parseJson(readFileSync(file, "utf8")));
if (!r.success) {
  console.error(`${file}: invalid`);
  for (const i of r.issues) console.error(`  ${i.code} at ${i.path.join(".")}: ${i.message}`);
  process.exit(1);
}
const a = r.data;
const byHelix = {};
for (const s of a.stakeholders) byHelix[s.helix] = (byHelix[s.helix] ?? 0) + 1;
console.log(
  `${a.city.name} (${a.city.country}) — ${a.programme.title ?? a.programme.id}, track ${a.track.id}`,
);
console.log(
  `  stakeholders: ${a.stakeholders.length} (${Object.entries(byHelix)
    .map(([h, n]) => `${h} ${n}`)
    .join(", ")})`,
);
console.log(`  workshops: ${a.workshops.map((w) => `${w.kind} ${w.date}`).join("; ")}`);
console.log(
  `  needs: ${a.needs.length}, solutions: ${a.solutions.length}, criteria: ${(a.criteria ?? []).length}`,
);
console.log(`${file}: valid`);
