/**
 * The questionnaire as a self-contained offline form: one HTML file with inline CSS, one inline
 * script (allowed by its SHA-256 hash in a Content-Security-Policy that forbids everything else:
 * no request, no other script, no form submission) and the form's rules as a JSON data block.
 * Every framework text is escaped; the script writes text only through `textContent`.
 */
import { escapeHtml } from "../../_lib/escape.js";
import { sha256Hex } from "../../_lib/sha256.js";
import { fill, type QuestionnaireLabels, provenanceText } from "./_labels.js";
import type { QuestionModel, QuestionnaireModel } from "./_model.js";
import { FORM_SCRIPT } from "./_formScript.js";
import { answerLabel, numberFormat, scoringRules, typeLabel, type NumberFormat } from "./_text.js";

const h = escapeHtml;

/** One question's rules, as the page's script checks answers against them. */
export interface FormRule {
  readonly id: string;
  readonly type: string;
  readonly min?: number;
  readonly max?: number;
  /** Likert and grid: the whole-number points of the scale. */
  readonly points?: readonly number[];
  readonly options?: readonly string[];
  readonly rows?: readonly string[];
  readonly percent?: boolean;
  /** The dimension and its ancestors. */
  readonly dims: readonly string[];
}

/** The checking rules of each question, emitted from the framework data. */
export function formRules(model: QuestionnaireModel): FormRule[] {
  return model.questions.map((q) => {
    const ind = q.indicator;
    const base = { id: ind.id, type: ind.type, dims: q.dimensions };
    switch (ind.type) {
      case "likert":
      case "ratingGrid": {
        const points: number[] = [];
        for (let v = ind.scale.min; v <= ind.scale.max; v++) points.push(v);
        return {
          ...base,
          min: ind.scale.min,
          max: ind.scale.max,
          points,
          ...(ind.type === "ratingGrid" ? { rows: ind.rows.map((r) => r.id) } : {}),
        };
      }
      case "categorical":
      case "multiSelect":
        return { ...base, options: ind.options.map((o) => o.value) };
      case "numeric":
        return { ...base, percent: q.percent };
      default:
        return base;
    }
  });
}

/** JSON safe inside a `<script>` element: no `<`, `>`, `&` or line separators as such. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** Base64 of the bytes a hex string spells. */
function hexToBase64(hex: string): string {
  const abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const bytes: number[] = [];
  for (let i = 0; i < hex.length; i += 2) bytes.push(parseInt(hex.slice(i, i + 2), 16));
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = bytes.slice(i, i + 3);
    const n = (a << 16) | (b << 8) | c;
    out += abc[(n >> 18) & 63] as string;
    out += abc[(n >> 12) & 63] as string;
    out += i + 1 < bytes.length ? (abc[(n >> 6) & 63] as string) : "=";
    out += i + 2 < bytes.length ? (abc[n & 63] as string) : "=";
  }
  return out;
}

/** The Content-Security-Policy of the form: only its own inline style and script. */
export function formPolicy(): string {
  return `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hexToBase64(sha256Hex(FORM_SCRIPT))}'; base-uri 'none'; form-action 'none'`;
}

const CSS = `
:root { color-scheme: light; --ink: #1b2430; --muted: #5f6b7a; --line: #d0d5dc; --accent: #1d4ed8; --bad: #b42318; --soft: #eef2f7; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; scroll-padding-top: 96px; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: #f6f7f9; }
main { max-width: 900px; margin: 0 auto; padding: 0 16px 48px; background: #fff; }
header { padding: 20px 0 4px; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 8px; }
h2 { font-size: 1.25rem; margin: 32px 0 8px; padding-top: 8px; border-top: 2px solid var(--soft); }
h3 { font-size: 1.1rem; margin: 24px 0 8px; }
p { margin: 6px 0; }
.meta, .help, .rule, .notice { color: var(--muted); font-size: 0.9rem; }
.skip { position: absolute; left: -9999px; top: 0; background: #fff; padding: 8px; }
.skip:focus { left: 8px; z-index: 10; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.bar { position: sticky; top: 0; z-index: 5; display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: center; padding: 8px 0; background: #fff; border-bottom: 1px solid var(--line); }
.bar progress { flex: 1 1 120px; height: 12px; }
.bar .total { font-weight: 600; white-space: nowrap; }
.bar .actions { display: flex; flex-wrap: wrap; gap: 8px; }
button, .button { font: inherit; font-weight: 600; padding: 6px 14px; border: 2px solid var(--accent); border-radius: 6px; background: var(--accent); color: #fff; cursor: pointer; }
.button { background: #fff; color: var(--accent); display: inline-block; }
.file { position: absolute; width: 1px; height: 1px; opacity: 0; overflow: hidden; }
.file:focus-visible + .button { outline: 3px solid var(--accent); outline-offset: 2px; }
fieldset { border: 1px solid var(--line); border-radius: 8px; margin: 16px 0; padding: 8px 14px 12px; min-width: 0; }
legend { font-weight: 600; padding: 0 6px; }
.about .field { margin: 8px 0; }
.about label { display: block; font-weight: 600; }
input[type=text], input[type=number], input[type=date], textarea { font: inherit; padding: 6px 8px; border: 1px solid #8a94a3; border-radius: 6px; max-width: 100%; }
#unit { width: 18em; }
.problems { border: 2px solid var(--bad); border-radius: 8px; padding: 8px 14px; margin: 12px 0; background: #fef3f2; }
.problems p { font-weight: 600; color: var(--bad); }
.status { font-weight: 600; color: #067647; }
.status:empty { display: none; }
nav ol { list-style: none; padding: 0; margin: 8px 0; }
nav li { display: flex; justify-content: space-between; gap: 12px; padding: 2px 0; border-bottom: 1px dotted var(--line); }
nav li.sub { padding-left: 1.25em; }
.count { color: var(--muted); font-weight: 400; font-size: 0.9rem; white-space: nowrap; }
.q.invalid { border-color: var(--bad); border-width: 2px; }
.q legend .qid, .qid { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.8rem; font-weight: 400; color: var(--muted); overflow-wrap: anywhere; }
.q .text { margin: 4px 0 8px; }
.choices label { display: flex; gap: 10px; align-items: flex-start; padding: 6px 4px; border-radius: 6px; cursor: pointer; }
.choices label:hover { background: var(--soft); }
.choices label.none { color: var(--muted); }
input[type=radio], input[type=checkbox] { width: 1.15em; height: 1.15em; margin: 0.2em 0 0; flex: none; accent-color: var(--accent); }
.score { color: var(--muted); font-size: 0.85rem; white-space: nowrap; }
.rubric { display: block; color: var(--muted); font-size: 0.9rem; }
.options { margin-left: 1.5em; }
.numeric { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.numeric input { width: 10em; }
.q.invalid input[type=number] { border: 2px solid var(--bad); }
.error { color: var(--bad); font-weight: 600; margin: 6px 0; }
.error::before { content: "⚠ "; }
.grid-wrap { overflow-x: auto; margin: 8px 0; }
table.grid { border-collapse: collapse; font-size: 0.95rem; }
table.grid th, table.grid td { border: 1px solid var(--line); padding: 4px 6px; text-align: center; }
table.grid th[scope=row] { text-align: left; font-weight: 400; min-width: 9em; }
table.grid td label { display: block; padding: 6px; cursor: pointer; }
.legend { margin: 4px 0; padding-left: 1.25em; color: var(--muted); font-size: 0.9rem; }
details.note { margin-top: 6px; }
details.note summary { cursor: pointer; color: var(--accent); font-size: 0.9rem; }
details.note textarea { width: 100%; margin-top: 4px; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 480px) { main { padding: 0 10px 40px; } .bar { gap: 6px 8px; } .bar .actions { flex-wrap: nowrap; } button, .button { padding: 4px 8px; font-size: 0.9rem; } h1 { font-size: 1.25rem; } fieldset { padding: 6px 8px 10px; } #unit { width: 100%; } table.grid { width: 100%; font-size: 0.85rem; } table.grid th, table.grid td { padding: 2px; } table.grid th[scope=row] { min-width: 0; width: 34%; overflow-wrap: anywhere; } table.grid td label { padding: 6px 2px; } }
@media print { .bar, .skip, details.note { display: none; } }
`;

function choice(name: string, value: string, body: string, checked = false, cls = ""): string {
  return `<label${cls === "" ? "" : ` class="${cls}"`}><input type="radio" name="${name}" value="${h(value)}"${checked ? " checked" : ""}><span>${body}</span></label>`;
}

function answerBody(text: string, rubric: string | undefined, score: string): string {
  return `${h(text)}${score === "" ? "" : ` <span class="score">(${h(score)})</span>`}${rubric === undefined || rubric === text ? "" : `<span class="rubric">${h(rubric)}</span>`}`;
}

function questionHtml(
  q: QuestionModel,
  k: number,
  model: QuestionnaireModel,
  labels: QuestionnaireLabels,
  fmt: NumberFormat,
): string {
  const ind = q.indicator;
  const f = labels.form;
  const hint = (s: number | null) => (s === null ? "" : fill(f.scoreHint, { score: fmt(s) }));
  const out: string[] = [
    `<fieldset class="q" id="q${k}">`,
    `<legend>${q.number}. ${h(ind.title)} <span class="qid">${h(ind.id)}</span></legend>`,
  ];
  if (ind.question !== undefined) out.push(`<p class="text">${h(ind.question)}</p>`);
  if (ind.description !== undefined) out.push(`<p class="help">${h(ind.description)}</p>`);
  out.push(
    `<p class="rule">${h(typeLabel(q, labels))} · ${h(scoringRules(q, model, labels, fmt).join(" "))}</p>`,
  );
  const none = (name: string) => choice(name, "", h(labels.notAnswered), true, "none");
  switch (ind.type) {
    case "binary":
    case "likert":
    case "categorical":
      out.push(`<div class="choices" id="c${k}">`, none(`a${k}`));
      for (const a of q.answers) {
        out.push(
          choice(
            `a${k}`,
            String(a.value),
            answerBody(answerLabel(q, a, labels, fmt), a.rubric, hint(a.score)),
          ),
        );
      }
      out.push("</div>");
      break;
    case "multiSelect":
      out.push(
        `<div class="choices" id="c${k}">`,
        none(`s${k}`),
        choice(`s${k}`, "answered", h(fill(f.answeredTick, { min: fmt(model.scale.min) }))),
        `<div class="options">`,
      );
      for (const a of q.answers) {
        out.push(
          `<label><input type="checkbox" name="m${k}" value="${h(String(a.value))}"><span>${answerBody(answerLabel(q, a, labels, fmt), a.rubric, "")}</span></label>`,
        );
      }
      out.push("</div></div>");
      break;
    case "ratingGrid": {
      const points = q.answers.map((a) => a.value as number);
      out.push(
        `<div class="grid-wrap"><table class="grid"><thead><tr><th scope="col">${h(labels.row)}</th><th scope="col">${h(labels.notAnswered)}</th>${points.map((p) => `<th scope="col">${fmt(p)}</th>`).join("")}</tr></thead><tbody>`,
      );
      ind.rows.forEach((r, j) => {
        const name = `g${k}-${j}`;
        const cell = (value: string, shown: string, checked: boolean) =>
          `<td><label><input type="radio" name="${name}" value="${value}"${checked ? " checked" : ""} aria-label="${h(`${r.text}: ${shown}`)}"></label></td>`;
        out.push(
          `<tr><th scope="row">${h(r.text)}</th>${cell("", labels.notAnswered, true)}${points.map((p) => cell(String(p), fmt(p), false)).join("")}</tr>`,
        );
      });
      out.push("</tbody></table></div>");
      const legend = q.answers.filter((a) => a.rubric !== undefined);
      if (legend.length > 0) {
        out.push(
          `<ul class="legend">${legend.map((a) => `<li>${fmt(a.value as number)} — ${h(a.rubric as string)}</li>`).join("")}</ul>`,
        );
      }
      break;
    }
    case "numeric": {
      const unit = ind.unit === undefined ? "" : `<span class="unit">${h(ind.unit)}</span>`;
      const range = q.percent ? ` min="0" max="100"` : "";
      out.push(
        `<div class="numeric"><label class="sr-only" for="n${k}">${h(ind.title)}</label><input type="number" id="n${k}" step="any" inputmode="decimal"${range} aria-describedby="h${k} e${k}" aria-invalid="false">${unit}</div>`,
        `<p class="help" id="h${k}">${h(q.percent ? f.percentHelp : f.numberHelp)}</p>`,
      );
      break;
    }
  }
  out.push(
    `<p class="error" id="e${k}" role="alert" hidden></p>`,
    `<details class="note"><summary>${h(f.note)}</summary><textarea id="note${k}" rows="2" maxlength="10000" aria-label="${h(`${f.note}: ${ind.title}`)}"></textarea></details>`,
    "</fieldset>",
  );
  return out.join("\n");
}

/** Renders the questionnaire as a self-contained offline form. */
export function renderHtmlQuestionnaire(
  model: QuestionnaireModel,
  labels: QuestionnaireLabels,
): string {
  const fw = model.framework;
  const fmt = numberFormat(labels);
  const f = labels.form;
  const total = model.questions.length;
  const title = fill(labels.title, { title: fw.title });
  const meta = fill(labels.meta, {
    id: fw.id,
    version: fw.version,
    provenance: provenanceText(fw, labels),
    questions: total,
    dimensions: fw.dimensions.length,
    min: fmt(model.scale.min),
    max: fmt(model.scale.max),
  }).replace(/`/g, "");
  const data = {
    framework: { id: fw.id, version: fw.version },
    questions: formRules(model),
    messages: f.messages,
    answeredOf: f.answeredOf,
    fromFile: f.fromFile,
  };
  const count = (i: number, n: number) =>
    `<span class="count" data-dim="${h(model.sections[i]?.dimension.id ?? "")}" data-total="${n}">0/${n}</span>`;
  const out: string[] = [
    "<!DOCTYPE html>",
    `<html lang="${h(labels.lang)}">`,
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${formPolicy()}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(title)}</title>`,
    `<style>${CSS.trim()}</style>`,
    "</head>",
    "<body>",
    `<a class="skip" href="#questions">${h(f.skip)}</a>`,
    "<main>",
    "<header>",
    `<h1>${h(title)}</h1>`,
    `<p class="meta">${h(meta)}</p>`,
    `<p class="notice">${h(f.offline)}</p>`,
    "</header>",
    `<form id="icc-form" novalidate>`,
    `<div class="bar"><progress id="p-bar" max="${total}" value="0" aria-labelledby="p-total"></progress><span class="total" id="p-total" aria-live="polite">${h(fill(f.answeredOf, { n: 0, total }))}</span><span class="actions"><button type="button" id="save">${h(f.save)}</button><input type="file" id="open" class="file" accept=".json,application/json"><label for="open" class="button">${h(f.open)}</label></span></div>`,
    `<div id="problems" class="problems" role="alert" tabindex="-1" hidden></div>`,
    `<p id="status" class="status" role="status" aria-live="polite"></p>`,
    `<fieldset class="about"><legend>${h(f.about)}</legend>`,
    `<div class="field"><label for="unit">${h(f.unitLabel)}</label><input type="text" id="unit" name="unit" maxlength="100" autocomplete="off" spellcheck="false" aria-describedby="unit-help"><p class="help" id="unit-help">${h(f.unitHelp)}</p></div>`,
    `<div class="field"><label for="answeredOn">${h(f.answeredOn)}</label><input type="date" id="answeredOn" name="answeredOn"></div>`,
    "</fieldset>",
    `<nav aria-labelledby="contents-title"><h2 id="contents-title">${h(labels.contents)}</h2><ol>`,
    ...model.sections.map(
      (s, i) =>
        `<li${s.depth > 0 ? ' class="sub"' : ""}><a href="#d${i}">${h(s.number)}. ${h(s.dimension.title)}</a>${count(i, s.total)}</li>`,
    ),
    "</ol></nav>",
    `<div id="questions" tabindex="-1">`,
  ];
  let k = 0;
  model.sections.forEach((s, i) => {
    const tag = s.depth === 0 ? "h2" : "h3";
    out.push(
      `<section id="d${i}" aria-labelledby="d${i}-h">`,
      `<${tag} id="d${i}-h">${h(s.number)}. ${h(s.dimension.title)} ${count(i, s.total)}</${tag}>`,
    );
    if (s.dimension.description !== undefined)
      out.push(`<p class="help">${h(s.dimension.description)}</p>`);
    for (const q of s.questions) out.push(questionHtml(q, k++, model, labels, fmt));
    out.push("</section>");
  });
  out.push(
    "</div>",
    "</form>",
    "</main>",
    `<script type="application/json" id="icc-data">${scriptJson(data)}</script>`,
    `<script>${FORM_SCRIPT}</script>`,
    "</body>",
    "</html>",
  );
  return `${out.join("\n")}\n`;
}
