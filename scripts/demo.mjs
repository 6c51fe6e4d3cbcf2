// npm run demo (= npm run build, then this): runs the whole pipeline with the built package on the
// bundled Sofia example — the February 2021 assessment and its follow-up a year later — writes the
// reports (JSON, Markdown in English and Bulgarian, HTML) and their comparison under out/, and
// prints a short summary. generatedAt is the date each assessment was made (its maturity date),
// so the outputs are the same on every run and every machine.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { builtinFrameworks } from "../dist/frameworks.js";
import {
  compareReports,
  createReport,
  renderComparisonHtml,
  renderComparisonMarkdown,
  renderHtml,
  renderMarkdown,
  serialiseReport,
} from "../dist/report.js";
import { formatPath, isAssessmentError, parseAssessment, parseJson } from "../dist/schema.js";

const inputs = [
  { file: "examples/sofia/assessment.json", name: "sofia-2021" },
  { file: "examples/sofia/assessment-2022.json", name: "sofia-2022" },
];
const outDir = "out";
mkdirSync(outDir, { recursive: true });
const written = [];
const write = (name, text) => {
  writeFileSync(join(outDir, name), text);
  written.push(join(outDir, name));
};

function fail(file, e) {
  if (!isAssessmentError(e)) throw e;
  console.error(`${file}: ${e.issues.length} issue(s)`);
  for (const i of e.issues) console.error(`  ${i.code} at ${formatPath(i.path)}: ${i.message}`);
  process.exit(1);
}

const money = (m) =>
  m === null || m === undefined
    ? "n/a"
    : new Intl.NumberFormat("en-GB", { style: "currency", currency: m.currency }).format(m.amount);
const one = (x) => (x === null ? "n/a" : (Math.round(x * 10) / 10).toFixed(1));

const reports = [];
for (const { file, name } of inputs) {
  let report;
  try {
    const assessment = parseAssessment(parseJson(readFileSync(file, "utf8")), {
      frameworks: builtinFrameworks,
    });
    const generatedAt =
      assessment.maturity?.assessedOn ?? assessment.plan?.start ?? assessment.programme.start;
    report = createReport(assessment, { generatedAt });
  } catch (e) {
    fail(file, e);
  }
  reports.push(report);
  write(`${name}.report.json`, serialiseReport(report));
  for (const lang of ["en", "bg"]) {
    write(`${name}.${lang}.md`, renderMarkdown(report, { lang }));
    write(`${name}.${lang}.html`, renderHtml(report, { lang }));
  }

  const s = report.sections;
  const titles = new Map((s.prioritisation?.ranking ?? []).map((r) => [r.solution, r.title]));
  console.log(
    `\n${report.city.name} — ${file} (period ${report.period?.start} – ${report.period?.end})`,
  );
  const m = s.maturity;
  if (m) {
    console.log(
      `  maturity (${m.framework.id} ${m.framework.version}, ${m.framework.provenance}): overall ${one(m.overall.score)} / ${m.scale.max} — ${m.overall.level?.title ?? "n/a"}`,
    );
    for (const d of m.dimensions.filter((x) => x.parent === null)) {
      const target = d.target ? `, target ${d.target.title}` : "";
      console.log(
        `    ${d.title.padEnd(36)} ${one(d.score).padStart(5)}  ${d.level?.title ?? "n/a"}${target}`,
      );
    }
  }
  const p = s.prioritisation;
  if (p) {
    console.log(
      `  top priorities (${p.primary}, agreement between methods W = ${p.agreement.kendallW ? p.agreement.kendallW.w.toFixed(2) : "n/a"}):`,
    );
    p.priorities
      .slice(0, 3)
      .forEach((id, i) => console.log(`    ${i + 1}. ${titles.get(id) ?? id}`));
  }
  const h = s.horizons;
  if (h) {
    const list = (horizon) =>
      h.items
        .filter((i) => i.priority && i.horizon === horizon)
        .map((i) => i.title)
        .join("; ") || "none";
    console.log(`  quick wins (by ${h.horizons[0]?.onOrBefore}): ${list("quickWin")}`);
    console.log(`  long-term projects (by ${h.horizons[1]?.onOrBefore}): ${list("longTerm")}`);
  }
  const b = s.actionPlan?.budget;
  if (b) {
    console.log(
      `  budget: cost ${money(b.cost)}, funding ${money(b.funding)} (secured ${money(b.secured)}), available ${money(b.available)}, remaining ${money(b.remaining)}`,
    );
  }
}

const comparison = compareReports(reports);
write("sofia-2021-2022.comparison.json", `${JSON.stringify(comparison, null, 2)}\n`);
for (const lang of ["en", "bg"]) {
  write(`sofia-2021-2022.comparison.${lang}.md`, renderComparisonMarkdown(comparison, { lang }));
  write(`sofia-2021-2022.comparison.${lang}.html`, renderComparisonHtml(comparison, { lang }));
}
const overall = comparison.maturity?.overall;
console.log(
  `\nfrom ${comparison.reports[0].label} to ${comparison.reports[1].label}: overall maturity ${one(overall?.scores[0] ?? null)} → ${one(overall?.scores[1] ?? null)}`,
);
// Sofia's 2021 report against a GENERATED, synthetic peer panel (not real cities), with the
// recommendations from its answers and draft needs (examples/sofia/benchmark.mjs)
const { writeSofiaBenchmark, syntheticPanel, PANEL_SIZE, PANEL_SEED } =
  await import("../examples/sofia/benchmark.mjs");
console.log("\nbenchmark against a synthetic peer panel, and recommendations:");
for (const line of writeSofiaBenchmark(write)) console.log(line);

// the same benchmark inside Sofia's 2021 report: its sections "How we compare" (with the peer
// set recorded) and "What would raise our maturity", in both languages
{
  const file = inputs[0].file;
  let report;
  try {
    const assessment = parseAssessment(parseJson(readFileSync(file, "utf8")), {
      frameworks: builtinFrameworks,
    });
    report = createReport(assessment, {
      generatedAt: assessment.maturity.assessedOn,
      peers: syntheticPanel(),
      benchmark: {
        note:
          `SYNTHETIC peers: the ${PANEL_SIZE} peer reports were generated with seed ${PANEL_SEED} by examples/sofia/benchmark.mjs; they are not real cities, so this shows the method, not Sofia's real standing. ` +
          `СИНТЕТИЧНИ градове за сравнение: ${PANEL_SIZE}-те доклада са генерирани със seed ${PANEL_SEED}; не са реални градове, така че това показва метода, а не реалната позиция на София.`,
      },
    });
  } catch (e) {
    fail(file, e);
  }
  const name = "sofia-2021.with-synthetic-peers";
  write(`${name}.report.json`, serialiseReport(report));
  for (const lang of ["en", "bg"]) {
    write(`${name}.${lang}.md`, renderMarkdown(report, { lang }));
    write(`${name}.${lang}.html`, renderHtml(report, { lang }));
  }
  const o = report.sections.benchmark.overall;
  console.log(
    `  in the report (${name}): overall rank ${o.rank} of ${o.of} among ${report.sections.benchmark.peers.length} synthetic peers; ${report.sections.recommendations?.items.length ?? 0} recommendations`,
  );
}

console.log(`\nwrote ${written.length} files under ${outDir}/:`);
for (const f of written) console.log(`  ${f}`);
