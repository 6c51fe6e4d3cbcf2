/**
 * The script of the offline questionnaire form, as source text (plain ES2017, no modules, no
 * network). It reads the form's rules from the page's JSON data block — emitted from the framework
 * by `formRules` — so nothing in it is written for one framework. `CHECK_ANSWER_SOURCE` is the
 * answer check on its own: the tests run it in Node against `parseAnswers` to show the page and
 * the library accept the same answers.
 */

/**
 * `checkAnswer(q, v)`: `null` when answer `v` fits question `q` (the rules of
 * `src/schema/rules/maturity.ts`: binary a boolean; Likert a number on its scale; numeric a
 * finite number, 0–100 when its unit is "%"; categorical one of its options; multi-select an
 * array of its options, each once; rating grid an array of `{ row, value }` with known rows, each
 * once, values on the scale; `null` always), else `{ key }` naming the message to show.
 */
export const CHECK_ANSWER_SOURCE = String.raw`function checkAnswer(q, v) {
  if (v === null) return null;
  var isNum = function (x) { return typeof x === "number" && isFinite(x); };
  var i, seen;
  switch (q.type) {
    case "binary":
      return typeof v === "boolean" ? null : { key: "binary" };
    case "likert":
      return isNum(v) && v >= q.min && v <= q.max ? null : { key: "scale" };
    case "numeric":
      if (!isNum(v)) return { key: q.percent ? "percent" : "number" };
      return q.percent && (v < 0 || v > 100) ? { key: "percent" } : null;
    case "categorical":
      return typeof v === "string" && q.options.indexOf(v) >= 0 ? null : { key: "option" };
    case "multiSelect":
      if (!Array.isArray(v)) return { key: "options" };
      seen = [];
      for (i = 0; i < v.length; i++) {
        if (typeof v[i] !== "string" || q.options.indexOf(v[i]) < 0 || seen.indexOf(v[i]) >= 0)
          return { key: "options" };
        seen.push(v[i]);
      }
      return null;
    case "ratingGrid":
      if (!Array.isArray(v)) return { key: "grid" };
      seen = [];
      for (i = 0; i < v.length; i++) {
        var c = v[i];
        if (typeof c !== "object" || c === null || Array.isArray(c)) return { key: "grid" };
        var keys = Object.keys(c);
        if (keys.length !== 2 || !("row" in c) || !("value" in c)) return { key: "grid" };
        if (typeof c.row !== "string" || q.rows.indexOf(c.row) < 0 || seen.indexOf(c.row) >= 0)
          return { key: "grid" };
        if (!isNum(c.value) || c.value < q.min || c.value > q.max) return { key: "grid" };
        seen.push(c.row);
      }
      return null;
  }
  return { key: "option" };
}`;

/** The whole script of the form. */
export const FORM_SCRIPT = String.raw`(function () {
"use strict";
var data = JSON.parse(document.getElementById("icc-data").textContent);
var Q = data.questions;
var M = data.messages;
var form = document.getElementById("icc-form");
var unitEl = document.getElementById("unit");
var dateEl = document.getElementById("answeredOn");
var openEl = document.getElementById("open");
var problemsEl = document.getElementById("problems");
var statusEl = document.getElementById("status");
var has = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };
function fill(t, v) {
  return t.replace(/\{(\w+)\}/g, function (m, k) { return has(v, k) ? String(v[k]) : m; });
}
${CHECK_ANSWER_SOURCE}
function message(err, q) { return fill(M[err.key], { min: q.min, max: q.max }); }
function radios(name) { return form.querySelectorAll('input[name="' + name + '"]'); }
function checked(name) {
  var r = radios(name);
  for (var i = 0; i < r.length; i++) if (r[i].checked) return r[i].value;
  return "";
}
function setRadio(name, value) {
  var r = radios(name);
  for (var i = 0; i < r.length; i++) r[i].checked = r[i].value === value;
}
function read(k) {
  var q = Q[k], v = null, err = null, s, i;
  switch (q.type) {
    case "binary":
      s = checked("a" + k); v = s === "" ? null : s === "true"; break;
    case "likert":
      s = checked("a" + k); v = s === "" ? null : Number(s); break;
    case "categorical":
      s = checked("a" + k); v = s === "" ? null : s; break;
    case "multiSelect":
      if (checked("s" + k) !== "") {
        v = [];
        var boxes = radios("m" + k);
        for (i = 0; i < boxes.length; i++) if (boxes[i].checked) v.push(boxes[i].value);
      }
      break;
    case "ratingGrid":
      v = [];
      for (i = 0; i < q.rows.length; i++) {
        s = checked("g" + k + "-" + i);
        if (s !== "") v.push({ row: q.rows[i], value: Number(s) });
      }
      if (v.length === 0) v = null;
      break;
    case "numeric":
      var el = document.getElementById("n" + k);
      var text = el.value.trim();
      if (el.validity && el.validity.badInput) err = { key: q.percent ? "percent" : "number" };
      else if (text !== "") v = Number(text);
      break;
  }
  if (err === null) err = checkAnswer(q, v);
  return { value: err === null ? v : null, error: err };
}
function update() {
  var n = 0, per = {};
  for (var k = 0; k < Q.length; k++) {
    var r = read(k), q = Q[k];
    var e = document.getElementById("e" + k);
    e.textContent = r.error === null ? "" : message(r.error, q);
    e.hidden = r.error === null;
    document.getElementById("q" + k).classList.toggle("invalid", r.error !== null);
    var input = document.getElementById("n" + k);
    if (input) input.setAttribute("aria-invalid", r.error === null ? "false" : "true");
    if (r.value !== null) {
      n++;
      for (var j = 0; j < q.dims.length; j++) per[q.dims[j]] = (per[q.dims[j]] || 0) + 1;
    }
  }
  document.getElementById("p-total").textContent = fill(data.answeredOf, { n: n, total: Q.length });
  document.getElementById("p-bar").value = n;
  var counts = document.querySelectorAll("[data-dim]");
  for (var c = 0; c < counts.length; c++) {
    var d = counts[c].getAttribute("data-dim");
    counts[c].textContent = (per[d] || 0) + "/" + counts[c].getAttribute("data-total");
  }
  return n;
}
function showProblems(title, list) {
  problemsEl.textContent = "";
  var p = document.createElement("p");
  p.textContent = title;
  problemsEl.appendChild(p);
  var ul = document.createElement("ul");
  list.forEach(function (item) {
    var li = document.createElement("li");
    if (item.target) {
      var a = document.createElement("a");
      a.href = "#" + item.target;
      a.textContent = item.text;
      li.appendChild(a);
    } else li.textContent = item.text;
    ul.appendChild(li);
  });
  problemsEl.appendChild(ul);
  problemsEl.hidden = false;
  statusEl.textContent = "";
  problemsEl.focus();
}
function say(text) {
  problemsEl.hidden = true;
  problemsEl.textContent = "";
  statusEl.textContent = text;
}
function save() {
  var problems = [];
  var unit = unitEl.value.trim();
  if (unit === "") problems.push({ text: M.unitMissing, target: "unit" });
  else if (unit.length > 100 || !/^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(unit))
    problems.push({ text: M.unitInvalid, target: "unit" });
  var date = dateEl.value;
  if (date !== "" && !/^\d{4}-\d{2}-\d{2}$/.test(date))
    problems.push({ text: M.dateInvalid, target: "answeredOn" });
  var observations = [], n = 0;
  for (var k = 0; k < Q.length; k++) {
    var r = read(k);
    if (r.error !== null) {
      problems.push({ text: Q[k].id + ": " + message(r.error, Q[k]), target: "q" + k });
      continue;
    }
    var o = { unit: unit, indicator: Q[k].id, value: r.value };
    var note = document.getElementById("note" + k).value.trim();
    if (note !== "") o.note = note;
    observations.push(o);
    if (r.value !== null) n++;
  }
  if (problems.length > 0) {
    update();
    showProblems(M.fixBeforeSaving, problems);
    return;
  }
  var doc = { format: "icc-assessment/answers", formatVersion: "1.0", framework: data.framework };
  if (date !== "") doc.answeredOn = date;
  doc.observations = observations;
  var blob = new Blob([JSON.stringify(doc, null, 2) + "\n"], { type: "application/json" });
  var url = URL.createObjectURL(blob);
  var a = document.createElement("a");
  a.href = url;
  a.download = "answers-" + unit + ".json";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  say(fill(M.saved, { n: n, unit: unit }));
}
function addPoint(k, value) {
  var box = document.getElementById("c" + k);
  var label = document.createElement("label");
  var input = document.createElement("input");
  input.type = "radio";
  input.name = "a" + k;
  input.value = value;
  label.appendChild(input);
  label.appendChild(document.createTextNode(" " + fill(data.fromFile, { value: value })));
  box.appendChild(label);
}
function set(k, v) {
  var q = Q[k], i;
  switch (q.type) {
    case "binary":
    case "categorical":
      setRadio("a" + k, v === null ? "" : String(v)); break;
    case "likert":
      if (v !== null && q.points.indexOf(v) < 0) {
        var r = radios("a" + k), found = false;
        for (i = 0; i < r.length; i++) if (r[i].value === String(v)) found = true;
        if (!found) addPoint(k, String(v));
      }
      setRadio("a" + k, v === null ? "" : String(v)); break;
    case "multiSelect":
      setRadio("s" + k, v === null ? "" : "answered");
      var boxes = radios("m" + k);
      for (i = 0; i < boxes.length; i++) boxes[i].checked = v !== null && v.indexOf(boxes[i].value) >= 0;
      break;
    case "ratingGrid":
      for (i = 0; i < q.rows.length; i++) {
        var cell = null;
        for (var j = 0; v !== null && j < v.length; j++) if (v[j].row === q.rows[i]) cell = v[j];
        setRadio("g" + k + "-" + i, cell === null ? "" : String(cell.value));
      }
      break;
    case "numeric":
      document.getElementById("n" + k).value = v === null ? "" : String(v); break;
  }
}
function load(text, name) {
  var fail = function (list) {
    showProblems(fill(M.loadFailed, { file: name }), list.map(function (t) { return { text: t }; }));
  };
  var doc;
  try { doc = JSON.parse(text); } catch (e) { return fail([M.notJson]); }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc) ||
      doc.format !== "icc-assessment/answers" || !Array.isArray(doc.observations))
    return fail([M.wrongFormat]);
  if (typeof doc.formatVersion !== "string" || !/^1\.(0|[1-9]\d*)$/.test(doc.formatVersion))
    return fail([fill(M.wrongVersion, { version: String(doc.formatVersion) })]);
  var fw = typeof doc.framework === "object" && doc.framework !== null ? doc.framework : {};
  if (fw.id !== data.framework.id || fw.version !== data.framework.version)
    return fail([fill(M.wrongFramework, {
      framework: String(fw.id) + "@" + String(fw.version),
      expected: data.framework.id + "@" + data.framework.version
    })]);
  var units = [], problems = [], values = {}, notes = {}, index = {};
  Q.forEach(function (q, k) { index[q.id] = k; });
  doc.observations.forEach(function (o) {
    if (typeof o !== "object" || o === null || typeof o.unit !== "string") {
      problems.push(M.wrongFormat);
      return;
    }
    if (units.indexOf(o.unit) < 0) units.push(o.unit);
    var k = has(index, o.indicator) ? index[o.indicator] : -1;
    if (k < 0) return problems.push(fill(M.unknownQuestion, { id: String(o.indicator) }));
    if (has(values, k)) return problems.push(fill(M.twice, { id: Q[k].id }));
    var err = o.value === undefined ? { key: "option" } : checkAnswer(Q[k], o.value);
    if (err !== null)
      return problems.push(fill(M.badAnswer, { id: Q[k].id, problem: message(err, Q[k]) }));
    if (Q[k].type === "ratingGrid" && o.value !== null) {
      for (var j = 0; j < o.value.length; j++) {
        if (Q[k].points.indexOf(o.value[j].value) < 0)
          problems.push(fill(M.gridPoint, { id: Q[k].id, row: o.value[j].row, value: o.value[j].value }));
      }
    }
    values[k] = o.value;
    if (typeof o.note === "string") notes[k] = o.note;
  });
  if (units.length > 1) problems.unshift(fill(M.severalUnits, { units: units.join(", ") }));
  if (problems.length > 0) return fail(problems);
  if (units.length === 1) unitEl.value = units[0];
  dateEl.value = typeof doc.answeredOn === "string" ? doc.answeredOn : "";
  for (var k = 0; k < Q.length; k++) {
    set(k, has(values, k) ? values[k] : null);
    document.getElementById("note" + k).value = has(notes, k) ? notes[k] : "";
  }
  var n = update();
  say(fill(M.loaded, { file: name, n: n, unit: unitEl.value }));
}
form.addEventListener("submit", function (e) { e.preventDefault(); });
form.addEventListener("change", function (e) {
  var t = e.target, m = /^(m|s)(\d+)$/.exec(t.name || "");
  if (m && m[1] === "m" && t.checked) setRadio("s" + m[2], "answered");
  if (m && m[1] === "s" && t.value === "") {
    var boxes = radios("m" + m[2]);
    for (var i = 0; i < boxes.length; i++) boxes[i].checked = false;
  }
  update();
});
form.addEventListener("input", update);
document.getElementById("save").addEventListener("click", save);
openEl.addEventListener("change", function () {
  var file = openEl.files && openEl.files[0];
  if (!file) return;
  file.text().then(function (text) { load(text, file.name); openEl.value = ""; });
});
update();
})();`;
