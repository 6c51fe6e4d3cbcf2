// Hand-written baselines: plain JavaScript doing the same work as each library function on the same
// input, at the same validation level where the library validates (types, finiteness, lengths,
// ranges, references), and producing the same numbers. What each one does and does not do is
// listed in docs/performance.md. No library code is imported here.

// ------------------------------------------------------------------------------------------------
// validation helpers (throw a plain Error: the baselines only need to refuse what the library refuses)

function bad(message) {
  throw new Error(message);
}

function finite(v, what) {
  if (typeof v !== "number" || !Number.isFinite(v)) bad(`${what} must be a finite number`);
  return v;
}

function matrixOf(matrix) {
  if (!Array.isArray(matrix) || matrix.length === 0) bad("matrix must be a non-empty array");
  const cols = Array.isArray(matrix[0]) ? matrix[0].length : bad("matrix[0] must be an array");
  if (cols === 0) bad("matrix[0] must not be empty");
  for (let i = 0; i < matrix.length; i++) {
    const row = matrix[i];
    if (!Array.isArray(row) || row.length !== cols) bad(`matrix[${i}] must have ${cols} values`);
    for (let j = 0; j < cols; j++) finite(row[j], `matrix[${i}][${j}]`);
  }
  return cols;
}

function weightsOf(weights, cols) {
  if (!Array.isArray(weights) || weights.length !== cols) bad("one weight per criterion");
  let sum = 0;
  for (let j = 0; j < cols; j++) {
    if (finite(weights[j], `weights[${j}]`) < 0) bad(`weights[${j}] must not be negative`);
    sum += weights[j];
  }
  if (!(sum > 0)) bad("weights must sum to a positive number");
  return weights.map((w) => w / sum);
}

/** Competition ranks ("1224"), rank 1 for the largest value: sort the indices, walk the ties. */
function ranksDescending(values) {
  const n = values.length;
  const idx = Array.from({ length: n }, (_, i) => i);
  idx.sort((a, b) => values[b] - values[a] || a - b);
  const ranks = new Array(n);
  for (let k = 0; k < n; k++) {
    const i = idx[k];
    ranks[i] = k > 0 && values[i] === values[idx[k - 1]] ? ranks[idx[k - 1]] : k + 1;
  }
  return ranks;
}

// ------------------------------------------------------------------------------------------------
// maturity

/** Min-max to [0, 100] of values that are finite numbers or null (nulls stay null). */
export function normaliseMinMax(values) {
  if (!Array.isArray(values)) bad("values must be an array");
  let min = Infinity;
  let max = -Infinity;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) continue;
    finite(v, `values[${i}]`);
    count++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (count < 2) bad("minMax needs at least two values");
  if (max === min) bad("minMax needs values that differ");
  const out = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v === null ? null : ((v - min) / (max - min)) * 100 + 0;
  }
  return out;
}

/** Weighted arithmetic mean of the non-null values, weights renormalised over them. */
export function aggregateArithmetic(values, weights) {
  if (!Array.isArray(values) || values.length === 0) bad("values must be a non-empty array");
  if (!Array.isArray(weights) || weights.length !== values.length) bad("one weight per value");
  let total = 0;
  let sw = 0;
  let s = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const w = finite(weights[i], `weights[${i}]`);
    if (w < 0) bad(`weights[${i}] must not be negative`);
    total += w;
    if (v === null) continue;
    finite(v, `values[${i}]`);
    if (w === 0) continue;
    sw += w;
    s += w * v;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(total > 0)) bad("weights must sum to a positive number");
  if (sw === 0) return null;
  const m = s / sw;
  return m < lo ? lo : m > hi ? hi : m;
}

/**
 * The framework of the `scoreMaturity` workload (Likert, binary and goalposts indicators, one
 * level of dimensions, arithmetic means) as flat arrays: per indicator its dimension, weight,
 * type code, scale and direction; per dimension its total weight; the bands. Reads the framework
 * objects once (100 indicators: negligible next to the answers).
 */
export function maturityPlan(framework) {
  const inds = framework.indicators;
  const dims = framework.dimensions;
  const nInd = inds.length;
  const nDim = dims.length;
  const dimIndex = new Map();
  for (let j = 0; j < nDim; j++) dimIndex.set(dims[j].id, j);
  const indIndex = new Map();
  const dim = new Int32Array(nInd);
  const weight = new Float64Array(nInd);
  const kind = new Uint8Array(nInd); // 0 binary, 1 likert, 2 goalposts
  const lo = new Float64Array(nInd);
  const hi = new Float64Array(nInd);
  const reverse = new Uint8Array(nInd);
  const dimWeight = new Float64Array(nDim);
  for (let k = 0; k < nInd; k++) {
    const ind = inds[k];
    indIndex.set(ind.id, k);
    dim[k] = dimIndex.get(ind.dimension);
    weight[k] = ind.weight ?? 1;
    dimWeight[dim[k]] += weight[k];
    reverse[k] = (ind.direction ?? 1) === -1 ? 1 : 0;
    if (ind.type === "binary") {
      kind[k] = 0;
      hi[k] = 1;
    } else if (ind.type === "likert") {
      kind[k] = 1;
      lo[k] = ind.scale.min;
      hi[k] = ind.scale.max;
    } else {
      kind[k] = 2;
      lo[k] = ind.normalisation.low;
      hi[k] = ind.normalisation.high;
    }
  }
  const scale = framework.scale ?? { min: 0, max: 100 };
  const bands = framework.levels;
  return {
    nInd,
    nDim,
    indIndex,
    dim,
    weight,
    kind,
    lo,
    hi,
    reverse,
    dimWeight,
    scaleMin: scale.min,
    span: scale.max - scale.min,
    minCoverage: framework.minCoverage ?? 0.5,
    bandMin: Float64Array.from(bands, (b) => b.min),
    bandMax: Float64Array.from(bands, (b) => b.max),
    bandIds: bands.map((b) => b.id),
  };
}

/**
 * Reads the observation objects into a units × indicators table of answers (NaN when
 * unanswered): per observation a check that it is an object, the unit id a non-empty string
 * (looked up in a Map, a new unit gets the next row), the indicator a known id (a Map), no second
 * answer of one unit to one indicator, and the value of its type (boolean; finite number on the
 * Likert scale; finite number). Units are then sorted by id, as the library orders them. The
 * errors are plain and built only when a check fails.
 */
export function readMaturityAnswers(plan, observations) {
  const { nInd, indIndex, kind, lo, hi } = plan;
  const unitRow = new Map();
  const ids = [];
  let values = new Float64Array(64 * nInd);
  let seen = new Uint8Array(64 * nInd);
  for (let i = 0; i < observations.length; i++) {
    const o = observations[i];
    if (typeof o !== "object" || o === null) bad(`observations[${i}] must be an object`);
    const unit = o.unit;
    if (typeof unit !== "string" || unit === "") bad(`observations[${i}].unit`);
    const k = indIndex.get(o.indicator);
    if (k === undefined) bad(`observations[${i}].indicator is unknown`);
    let u = unitRow.get(unit);
    if (u === undefined) {
      u = ids.length;
      ids.push(unit);
      unitRow.set(unit, u);
      if ((u + 1) * nInd > values.length) {
        const grown = new Float64Array(values.length * 2);
        grown.set(values);
        values = grown;
        const s = new Uint8Array(seen.length * 2);
        s.set(seen);
        seen = s;
      }
      values.fill(NaN, u * nInd, (u + 1) * nInd);
    }
    const at = u * nInd + k;
    if (seen[at] === 1) bad(`unit ${unit} answers ${o.indicator} twice`);
    seen[at] = 1;
    const v = o.value;
    if (v === null) continue;
    if (kind[k] === 0) {
      if (typeof v !== "boolean") bad(`observations[${i}].value must be a boolean`);
      values[at] = v ? 1 : 0;
    } else {
      if (typeof v !== "number" || v - v !== 0) bad(`observations[${i}].value must be finite`);
      if (kind[k] === 1 && (v < lo[k] || v > hi[k])) bad(`observations[${i}].value out of scale`);
      values[at] = v;
    }
  }
  const nUnits = ids.length;
  const order = Array.from({ length: nUnits }, (_, u) => u);
  order.sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
  const sorted = new Float64Array(nUnits * nInd);
  for (let r = 0; r < nUnits; r++) {
    const u = order[r];
    sorted.set(values.subarray(u * nInd, (u + 1) * nInd), r * nInd);
  }
  return { units: order.map((u) => ids[u]), values: sorted };
}

/**
 * The scoring of `scoreMaturity` as plain loops over a units × indicators table of answers
 * (NaN unanswered): position in [0, 1] (binary, Likert scale, goalposts clamped), direction,
 * score on the scale; weighted dimension means with missing answers reweighted and the coverage
 * rule, clamped into the components' range as the library does; the overall mean of the
 * dimensions; the band of each score (lower bound inclusive, the top band including its maximum).
 * Returns flat typed arrays (NaN for null) and band indices (−1 for none).
 */
export function scoreMaturityNumbers(plan, values, nUnits) {
  const { nInd, nDim, dim, weight, kind, lo, hi, reverse, dimWeight, scaleMin, span } = plan;
  const { minCoverage, bandMin, bandMax } = plan;
  const nBands = bandMin.length;
  const indicators = new Float64Array(nUnits * nInd);
  const dimensions = new Float64Array(nUnits * nDim);
  const dimensionLevels = new Int8Array(nUnits * nDim);
  const overall = new Float64Array(nUnits);
  const overallLevels = new Int8Array(nUnits);
  const sum = new Float64Array(nDim);
  const sw = new Float64Array(nDim);
  const dLo = new Float64Array(nDim);
  const dHi = new Float64Array(nDim);
  const band = (s) => {
    for (let b = 0; b < nBands; b++) {
      if (s >= bandMin[b] && (s < bandMax[b] || (b === nBands - 1 && s <= bandMax[b]))) return b;
    }
    return -1;
  };
  for (let u = 0; u < nUnits; u++) {
    sum.fill(0);
    sw.fill(0);
    dLo.fill(Infinity);
    dHi.fill(-Infinity);
    const row = u * nInd;
    for (let k = 0; k < nInd; k++) {
      const v = values[row + k];
      if (v !== v) {
        indicators[row + k] = NaN;
        continue;
      }
      let p = kind[k] === 0 ? v : (v - lo[k]) / (hi[k] - lo[k]);
      if (p > 1) p = 1;
      else if (p < 0) p = 0;
      if (reverse[k] === 1) p = 1 - p;
      const s = scaleMin + p * span;
      indicators[row + k] = s;
      const j = dim[k];
      sw[j] += weight[k];
      sum[j] += weight[k] * s;
      if (s < dLo[j]) dLo[j] = s;
      if (s > dHi[j]) dHi[j] = s;
    }
    let oSum = 0;
    let oW = 0;
    let oCov = 0;
    let oLo = Infinity;
    let oHi = -Infinity;
    for (let j = 0; j < nDim; j++) {
      const coverage = sw[j] / dimWeight[j];
      oCov += coverage;
      if (coverage + 1e-12 < minCoverage || sw[j] === 0) {
        dimensions[u * nDim + j] = NaN;
        dimensionLevels[u * nDim + j] = -1;
        continue;
      }
      const m = sum[j] / sw[j];
      const s = m < dLo[j] ? dLo[j] : m > dHi[j] ? dHi[j] : m;
      dimensions[u * nDim + j] = s;
      dimensionLevels[u * nDim + j] = band(s);
      oSum += s;
      oW += 1;
      if (s < oLo) oLo = s;
      if (s > oHi) oHi = s;
    }
    if (oCov / nDim + 1e-12 >= minCoverage && oW > 0) {
      const m = oSum / oW;
      const s = m < oLo ? oLo : m > oHi ? oHi : m;
      overall[u] = s;
      overallLevels[u] = band(s);
    } else {
      overall[u] = NaN;
      overallLevels[u] = -1;
    }
  }
  return { indicators, dimensions, dimensionLevels, overall, overallLevels };
}

/**
 * `scoreMaturity`'s work from the observation objects, as plain loops: the framework as flat
 * arrays ({@link maturityPlan}), the answers read and checked into a table
 * ({@link readMaturityAnswers}), the scores ({@link scoreMaturityNumbers}).
 */
export function scoreMaturity(framework, observations) {
  const plan = maturityPlan(framework);
  const { units, values } = readMaturityAnswers(plan, observations);
  return { units, plan, ...scoreMaturityNumbers(plan, values, units.length) };
}

// ------------------------------------------------------------------------------------------------
// prioritisation: plain loops over the matrix (number[][]), scratch in typed arrays, outputs as the
// library returns them (number[]); each value checked finite where it is first read (a cheap test,
// the message built only on failure)

/** Weights checked (finite, non-negative, positive sum) and divided by their sum; kinds as 1 = cost. */
function criteriaOf(weights, kinds, cols) {
  if (!Array.isArray(weights) || weights.length !== cols) bad("one weight per criterion");
  if (!Array.isArray(kinds) || kinds.length !== cols) bad("one kind per criterion");
  const w = new Float64Array(cols);
  const cost = new Uint8Array(cols);
  let sum = 0;
  for (let j = 0; j < cols; j++) {
    const x = weights[j];
    if (typeof x !== "number" || !(x >= 0) || x === Infinity) bad(`weights[${j}] is not a weight`);
    sum += x;
    const k = kinds[j];
    if (k === "cost") cost[j] = 1;
    else if (k !== "benefit") bad(`unknown kind ${k}`);
  }
  if (!(sum > 0)) bad("weights must sum to a positive number");
  for (let j = 0; j < cols; j++) w[j] = weights[j] / sum;
  return { w, cost };
}

/** The row count and the column count of a rectangular matrix (its values are checked later). */
function shapeOf(matrix) {
  if (!Array.isArray(matrix) || matrix.length === 0) bad("matrix must be a non-empty array");
  const first = matrix[0];
  if (!Array.isArray(first) || first.length === 0) bad("matrix[0] must be a non-empty array");
  const cols = first.length;
  for (let i = 1; i < matrix.length; i++) {
    const row = matrix[i];
    if (!Array.isArray(row) || row.length !== cols) bad(`matrix[${i}] must have ${cols} values`);
  }
  return cols;
}

/**
 * Competition ranks ("1224"), rank 1 for the largest value: the values sorted descending in a
 * Float64Array (the engine's numeric sort), then each value's rank is one plus the number of
 * values above it, found by binary search.
 */
function competitionRanks(values) {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const ranks = new Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    // the first index whose value is ≥ v in ascending order; values above v: n − that − count(v)
    let a = 0;
    let b = n;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (sorted[mid] <= v) a = mid + 1;
      else b = mid;
    }
    ranks[i] = n - a + 1;
  }
  return ranks;
}

/**
 * Weighted sum with min-max normalisation (cost columns reversed) as plain loops: one pass for
 * the column bounds (checking each value), one for the scores; competition ranks.
 */
export function weightedSum(matrix, weights, kinds) {
  const cols = shapeOf(matrix);
  const { w, cost } = criteriaOf(weights, kinds, cols);
  const rows = matrix.length;
  const min = new Float64Array(cols).fill(Infinity);
  const max = new Float64Array(cols).fill(-Infinity);
  for (let i = 0; i < rows; i++) {
    const row = matrix[i];
    for (let j = 0; j < cols; j++) {
      const x = row[j];
      if (typeof x !== "number" || x - x !== 0) bad(`matrix[${i}][${j}] must be finite`);
      if (x < min[j]) min[j] = x;
      if (x > max[j]) max[j] = x;
    }
  }
  // score = Σ w·(x − min)/(max − min), or w·(max − x)/(max − min) for a cost: a·x + b per column
  const a = new Float64Array(cols);
  let b = 0;
  for (let j = 0; j < cols; j++) {
    const spread = max[j] - min[j];
    if (!(spread > 0)) bad(`criterion ${j} has no spread`);
    a[j] = (cost[j] ? -w[j] : w[j]) / spread;
    b += cost[j] ? (w[j] * max[j]) / spread : (-w[j] * min[j]) / spread;
  }
  const scores = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const row = matrix[i];
    let s = b;
    for (let j = 0; j < cols; j++) s += a[j] * row[j];
    scores[i] = s;
  }
  return { scores, ranks: competitionRanks(scores) };
}

/**
 * TOPSIS with vector normalisation (Hwang & Yoon 1981) as plain loops: column norms (checking
 * each value), each column's factor weight / norm, ideal and anti-ideal from the weighted
 * normalised values, both distances and the closeness per row, competition ranks.
 */
export function topsis(matrix, weights, kinds) {
  const cols = shapeOf(matrix);
  const { w, cost } = criteriaOf(weights, kinds, cols);
  const rows = matrix.length;
  const f = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const row = matrix[i];
    for (let j = 0; j < cols; j++) {
      const x = row[j];
      if (typeof x !== "number" || x - x !== 0) bad(`matrix[${i}][${j}] must be finite`);
      f[j] += x * x;
    }
  }
  for (let j = 0; j < cols; j++) {
    if (!(f[j] > 0)) bad(`criterion ${j} is all zeros`);
    f[j] = w[j] / Math.sqrt(f[j]);
  }
  const lo = new Float64Array(cols).fill(Infinity);
  const hi = new Float64Array(cols).fill(-Infinity);
  for (let i = 0; i < rows; i++) {
    const row = matrix[i];
    for (let j = 0; j < cols; j++) {
      const v = row[j] * f[j];
      if (v < lo[j]) lo[j] = v;
      if (v > hi[j]) hi[j] = v;
    }
  }
  const ideal = new Array(cols);
  const antiIdeal = new Array(cols);
  for (let j = 0; j < cols; j++) {
    ideal[j] = cost[j] ? lo[j] : hi[j];
    antiIdeal[j] = cost[j] ? hi[j] : lo[j];
  }
  const closeness = new Array(rows);
  const distanceToIdeal = new Array(rows);
  const distanceToAntiIdeal = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const row = matrix[i];
    let sp = 0;
    let sm = 0;
    for (let j = 0; j < cols; j++) {
      const v = row[j] * f[j];
      const p = v - ideal[j];
      const m = v - antiIdeal[j];
      sp += p * p;
      sm += m * m;
    }
    const dp = Math.sqrt(sp);
    const dm = Math.sqrt(sm);
    if (!(dp + dm > 0)) bad(`alternative ${i} is both ideal and anti-ideal`);
    distanceToIdeal[i] = dp;
    distanceToAntiIdeal[i] = dm;
    closeness[i] = dm / (dp + dm);
  }
  return {
    closeness,
    ranks: competitionRanks(closeness),
    distanceToIdeal,
    distanceToAntiIdeal,
    ideal,
    antiIdeal,
  };
}

/** Saaty's (1980) random index, n = 1..15. */
const RI = [0, 0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59];

/**
 * Plain power iteration on a checked positive reciprocal matrix, from the uniform vector to a
 * summed change below 1e-13; λmax, CI and CR (Saaty 1980).
 */
export function ahpPowerIteration(matrix) {
  const n = matrixOf(matrix);
  if (matrix.length !== n) bad("matrix must be square");
  for (let i = 0; i < n; i++) {
    if (Math.abs(matrix[i][i] - 1) > 1e-6) bad(`matrix[${i}][${i}] must be 1`);
    for (let j = 0; j < n; j++) {
      if (!(matrix[i][j] > 0)) bad(`matrix[${i}][${j}] must be positive`);
      if (Math.abs(matrix[i][j] * matrix[j][i] - 1) > 1e-6)
        bad(`matrix[${j}][${i}] must be the reciprocal`);
    }
  }
  let w = new Array(n).fill(1 / n);
  let lambda = 0;
  for (let it = 0; it < 10000; it++) {
    const y = new Array(n);
    let s = 0;
    for (let i = 0; i < n; i++) {
      let acc = 0;
      for (let j = 0; j < n; j++) acc += matrix[i][j] * w[j];
      y[i] = acc;
      s += acc;
    }
    let diff = 0;
    for (let i = 0; i < n; i++) {
      y[i] /= s;
      diff += Math.abs(y[i] - w[i]);
    }
    w = y;
    lambda = s;
    if (diff < 1e-13) break;
  }
  const ci = n <= 2 || lambda - n <= 1e-12 * n ? 0 : (lambda - n) / (n - 1);
  const cr = n <= 2 ? 0 : ci / RI[n];
  return {
    weights: w,
    lambdaMax: lambda,
    consistencyIndex: ci,
    consistencyRatio: cr,
    isConsistent: cr <= 0.1,
  };
}

// ------------------------------------------------------------------------------------------------
// dates, as day numbers since 1970-01-01 (UTC arithmetic: no time zone involved)

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY = 86_400_000;

function daysIn(y, m) {
  return m === 2
    ? (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
      ? 29
      : 28
    : m === 4 || m === 6 || m === 9 || m === 11
      ? 30
      : 31;
}

/** Parses a strict YYYY-MM-DD date into [year, month, day]. */
export function parseDate(s, what) {
  const m = typeof s === "string" ? DATE.exec(s) : null;
  if (m === null) bad(`${what} must be a date YYYY-MM-DD`);
  const y = +m[1];
  const mo = +m[2];
  const d = +m[3];
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) bad(`${what} is not a calendar date`);
  return [y, mo, d];
}

function dayNumber([y, m, d]) {
  return Date.UTC(y, m - 1, d) / DAY;
}

function formatDay(n) {
  return new Date(n * DAY).toISOString().slice(0, 10);
}

/** Adds whole months (end-of-month clamping, as date-fns), then weeks and days. */
function addDuration([y, m, d], months, days) {
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const nd = Math.min(d, daysIn(ny, nm));
  return Date.UTC(ny, nm - 1, nd) / DAY + days;
}

function wholeDuration(d, what) {
  if (typeof d !== "object" || d === null || Array.isArray(d)) bad(`${what} must be an object`);
  let parts = 0;
  for (const key in d) {
    if (key !== "months" && key !== "weeks" && key !== "days") bad(`${what}.${key} is not allowed`);
    const v = d[key];
    if (!Number.isInteger(v) || v < 0 || v > 100_000) bad(`${what}.${key} must be a whole number`);
    parts++;
  }
  if (parts === 0) bad(`${what} is empty`);
  return { months: d.months ?? 0, days: (d.weeks ?? 0) * 7 + (d.days ?? 0) };
}

function durationText(d) {
  const parts = [];
  if (d.months !== undefined) parts.push(`${d.months} month${d.months === 1 ? "" : "s"}`);
  if (d.weeks !== undefined) parts.push(`${d.weeks} week${d.weeks === 1 ? "" : "s"}`);
  if (d.days !== undefined) parts.push(`${d.days} day${d.days === 1 ? "" : "s"}`);
  return parts.join(" ");
}

// ------------------------------------------------------------------------------------------------
// timeline

/**
 * Quick win / long term / beyond / unscheduled for each item (default horizons 6 and 15 months):
 * checks ids (unique), dates and durations, computes the effective end and returns one object per
 * item with the same fields and reason text as bucketByHorizon.
 */
export function bucketByHorizon(items, start) {
  if (!Array.isArray(items)) bad("items must be an array");
  const s = parseDate(start, "start");
  const horizons = [
    { id: "quickWin", label: "Quick win", months: 6 },
    { id: "longTerm", label: "Long-term project", months: 15 },
  ];
  let after = null;
  let afterMonths = null;
  const limits = horizons.map((h) => {
    const date = formatDay(addDuration(s, h.months, 0));
    const upper = `start + ${h.months} months (${date})`;
    const text =
      after === null
        ? `effective end on or before ${upper}`
        : `effective end after start + ${afterMonths} months (${after}) and on or before ${upper}`;
    const rule = { horizon: h.id, text, after, onOrBefore: date, months: h.months };
    after = date;
    afterMonths = h.months;
    return { h, date, rule };
  });
  const lastLimit = limits[limits.length - 1];
  const beyondRule = {
    horizon: "beyondHorizon",
    text: `effective end after start + ${lastLimit.h.months} months (${lastLimit.date})`,
    after: lastLimit.date,
    onOrBefore: null,
    months: null,
  };
  const unscheduledRule = {
    horizon: "unscheduled",
    text: "no end date and no duration",
    after: null,
    onOrBefore: null,
    months: null,
  };
  const seen = new Set();
  return items.map((item, i) => {
    if (typeof item !== "object" || item === null) bad(`items[${i}] must be an object`);
    const id = item.id;
    if (typeof id !== "string" || id === "") bad(`items[${i}].id must be a string`);
    if (seen.has(id)) bad(`items[${i}].id is not unique`);
    seen.add(id);
    const ownStart =
      item.start === undefined ? undefined : parseDate(item.start, `items[${i}].start`);
    const effectiveStart = ownStart === undefined ? start : item.start;
    const startText = ownStart === undefined ? `plan start ${start}` : `start ${item.start}`;
    let effectiveEnd;
    let endText;
    let endSource;
    if (item.end !== undefined) {
      parseDate(item.end, `items[${i}].end`);
      if (item.end < effectiveStart) bad(`items[${i}].end is before its start`);
      effectiveEnd = item.end;
      endText = `end ${item.end}`;
      endSource = "end";
    } else if (item.duration !== undefined) {
      const d = wholeDuration(item.duration, `items[${i}].duration`);
      effectiveEnd = formatDay(addDuration(ownStart ?? s, d.months, d.days));
      endText = `${startText} + ${durationText(item.duration)} = ${effectiveEnd}`;
      endSource = "duration";
    } else {
      return {
        id,
        horizon: "unscheduled",
        label: "Unscheduled",
        effectiveStart,
        effectiveEnd: null,
        endSource: null,
        reason: "unscheduled: the item has no end date and no duration",
        rule: unscheduledRule,
      };
    }
    for (const limit of limits) {
      if (effectiveEnd <= limit.date) {
        return {
          id,
          horizon: limit.h.id,
          label: limit.h.label,
          effectiveStart,
          effectiveEnd,
          endSource,
          reason: `${endText}, on or before ${limit.date} (plan start ${start} + ${limit.h.months} months): ${limit.h.label}`,
          rule: limit.rule,
        };
      }
    }
    return {
      id,
      horizon: "beyondHorizon",
      label: "Beyond the horizon",
      effectiveStart,
      effectiveEnd,
      endSource,
      reason: `${endText}, after ${lastLimit.date} (plan start ${start} + ${lastLimit.h.months} months): beyond the horizon`,
      rule: beyondRule,
    };
  });
}

/**
 * The critical path method on steps with a duration and finish-to-start dependencies (with lag):
 * checks ids, durations and references, orders the steps with Kahn's algorithm taking ready steps
 * by id (a binary heap), forward pass on day numbers, backward pass, float, the critical path, and
 * one output object per step with dates as strings.
 */
export function scheduleSteps(steps, start) {
  if (!Array.isArray(steps) || steps.length === 0) bad("steps must be a non-empty array");
  const planStart = dayNumber(parseDate(start, "start"));
  const n = steps.length;
  const index = new Map();
  steps.forEach((s, i) => {
    if (typeof s !== "object" || s === null || typeof s.id !== "string" || s.id === "")
      bad(`steps[${i}].id`);
    if (index.has(s.id)) bad(`steps[${i}].id is not unique`);
    index.set(s.id, i);
  });
  const ids = steps.map((s) => s.id);
  const dur = new Array(n);
  const preds = new Array(n);
  const succ = Array.from({ length: n }, () => []);
  const indeg = new Int32Array(n);
  steps.forEach((s, i) => {
    if (s.duration === undefined) bad(`steps[${i}] needs a duration`);
    dur[i] = wholeDuration(s.duration, `steps[${i}].duration`);
    preds[i] = (s.dependsOn ?? []).map((d, j) => {
      const p = index.get(d.step);
      if (p === undefined) bad(`steps[${i}].dependsOn[${j}] names an unknown step`);
      const lag = d.lagDays ?? 0;
      if (!Number.isInteger(lag) || Math.abs(lag) > 36_500)
        bad(`steps[${i}].dependsOn[${j}].lagDays`);
      succ[p].push(i);
      indeg[i]++;
      return { p, lag };
    });
  });
  // Kahn with a binary min-heap on ids
  const heap = [];
  const less = (a, b) => ids[a] < ids[b];
  const push = (x) => {
    heap.push(x);
    let c = heap.length - 1;
    while (c > 0) {
      const p = (c - 1) >> 1;
      if (!less(heap[c], heap[p])) break;
      [heap[c], heap[p]] = [heap[p], heap[c]];
      c = p;
    }
  };
  const pop = () => {
    const top = heap[0];
    const tail = heap.pop();
    if (heap.length > 0) {
      heap[0] = tail;
      let c = 0;
      for (;;) {
        const l = 2 * c + 1;
        const r = l + 1;
        let m = c;
        if (l < heap.length && less(heap[l], heap[m])) m = l;
        if (r < heap.length && less(heap[r], heap[m])) m = r;
        if (m === c) break;
        [heap[c], heap[m]] = [heap[m], heap[c]];
        c = m;
      }
    }
    return top;
  };
  for (let i = 0; i < n; i++) if (indeg[i] === 0) push(i);
  const order = [];
  while (heap.length > 0) {
    const v = pop();
    order.push(v);
    for (const w of succ[v]) if (--indeg[w] === 0) push(w);
  }
  if (order.length < n) bad("the steps depend on each other in a cycle");
  // forward pass
  const es = new Float64Array(n);
  const ef = new Float64Array(n);
  const driver = new Int32Array(n).fill(-1);
  for (const i of order) {
    let st = planStart;
    let best = -1;
    let bestDate = -Infinity;
    for (const { p, lag } of preds[i]) {
      const d = ef[p] + lag;
      if (d > bestDate || (d === bestDate && ids[p] < ids[best])) {
        bestDate = d;
        best = p;
      }
    }
    if (best >= 0 && bestDate >= st) {
      st = bestDate;
      driver[i] = best;
    }
    es[i] = st;
    const date = new Date(st * DAY);
    ef[i] = addDuration(
      [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()],
      dur[i].months,
      dur[i].days,
    );
  }
  let spanStart = es[0];
  let spanFinish = ef[0];
  let last = 0;
  for (let i = 0; i < n; i++) {
    if (es[i] < spanStart) spanStart = es[i];
    if (ef[i] > spanFinish || (ef[i] === spanFinish && ids[i] < ids[last])) {
      spanFinish = ef[i];
      last = i;
    }
  }
  // backward pass
  const lf = new Float64Array(n).fill(spanFinish);
  const ls = new Float64Array(n);
  for (let k = n - 1; k >= 0; k--) {
    const i = order[k];
    ls[i] = lf[i] - (ef[i] - es[i]);
    for (const { p, lag } of preds[i]) if (ls[i] - lag < lf[p]) lf[p] = ls[i] - lag;
  }
  const criticalPath = [];
  for (let v = last; v >= 0; v = driver[v]) criticalPath.push(ids[v]);
  criticalPath.reverse();
  const position = new Int32Array(n);
  order.forEach((i, k) => (position[i] = k));
  const out = steps.map((s, i) => ({
    id: s.id,
    title: typeof s.title === "string" ? s.title : null,
    owner: typeof s.owner === "string" ? s.owner : null,
    order: position[i],
    start: formatDay(es[i]),
    finish: formatDay(ef[i]),
    days: ef[i] - es[i],
    lengthSource: "duration",
    plannedStart: null,
    slipDays: 0,
    drivenBy: driver[i] < 0 ? null : ids[driver[i]],
    latestStart: formatDay(ls[i]),
    latestFinish: formatDay(lf[i]),
    totalFloatDays: ls[i] - es[i],
    critical: ls[i] === es[i],
  }));
  return {
    order: order.map((i) => ids[i]),
    steps: out,
    criticalPath,
    span: {
      start: formatDay(spanStart),
      finish: formatDay(spanFinish),
      days: spanFinish - spanStart,
    },
  };
}

// ------------------------------------------------------------------------------------------------
// rank stability

/** splitmix32 seeding xoshiro128** (Blackman & Vigna), 53-bit floats in [0, 1): the documented PRNG. */
function uniformFrom(seed) {
  let a = seed | 0;
  const sm = () => {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
  let s0 = sm();
  let s1 = sm();
  let s2 = sm();
  let s3 = sm();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
  const next = () => {
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };
  return () => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
}

/** Marsaglia & Tsang (2000) gamma variate with a Box–Muller normal. */
function gamma(u, shape) {
  if (shape < 1) return gamma(u, shape + 1) * Math.pow(1 - u(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x;
    let v;
    do {
      x = Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = 1 - u();
    if (w < 1 - 0.0331 * x ** 4) return d * v;
    if (Math.log(w) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * Monte Carlo rank stability of a weighted sum (criteria scales, costs reversed): checks the
 * decision, draws Dirichlet weights around the given ones (concentration 50), scores and ranks
 * the alternatives on every draw (a sort of the indices), and counts ranks, mean ranks and top-k;
 * then the one-at-a-time sweeps of every weight over 0, 0.1, …, 1 and, per criterion, the weight
 * at which the first two alternatives swap (a 1,000-point grid refined by bisection).
 */
export function rankStability(
  decision,
  { draws = 1000, seed = 20210208, topK = 5, concentration = 50, sweepSteps = 10 } = {},
) {
  const { alternatives, criteria, matrix } = decision;
  const cols = matrixOf(matrix);
  const n = matrix.length;
  if (!Array.isArray(alternatives) || alternatives.length !== n) bad("one alternative per row");
  if (new Set(alternatives).size !== n) bad("alternatives must be unique");
  if (!Array.isArray(criteria) || criteria.length !== cols) bad("one criterion per column");
  const w0 = weightsOf(
    criteria.map((c) => c.weight),
    cols,
  );
  const r = matrix.map((row) =>
    row.map((x, j) => {
      const { min, max } = criteria[j].scale;
      if (x < min || x > max) bad(`value outside the scale of criterion ${j}`);
      return criteria[j].kind === "cost" ? (max - x) / (max - min) : (x - min) / (max - min);
    }),
  );
  const scoreAll = (w) => r.map((row) => row.reduce((s, x, j) => s + w[j] * x, 0));
  const rankOf = (scores) => ranksDescending(scores);
  const baseScores = scoreAll(w0);
  const baseRanks = rankOf(baseScores);
  const u = uniformFrom(seed);
  const alpha = w0.map((x) => concentration * x);
  // O(n) state per draw: how often each keeps its base rank, its rank range, rank sum, top-k
  const same = new Array(n).fill(0);
  const minRank = new Array(n).fill(Infinity);
  const maxRank = new Array(n).fill(-Infinity);
  const rankSum = new Array(n).fill(0);
  const top = new Array(n).fill(0);
  for (let d = 0; d < draws; d++) {
    const g = alpha.map((a) => (a > 0 ? gamma(u, a) : 0));
    const sum = g.reduce((s, x) => s + x, 0);
    const w = g.map((x) => x / sum);
    const ranks = rankOf(scoreAll(w));
    for (let i = 0; i < n; i++) {
      const k = ranks[i];
      if (k === baseRanks[i]) same[i]++;
      if (k < minRank[i]) minRank[i] = k;
      if (k > maxRank[i]) maxRank[i] = k;
      rankSum[i] += k;
      if (k <= topK) top[i]++;
    }
  }
  const weightsAt = (k, t) => w0.map((x, j) => (j === k ? t : (x * (1 - t)) / (1 - w0[k])));
  const sweeps = w0.map((_, k) => {
    const points = [];
    for (let s = 0; s <= sweepSteps; s++)
      points.push({
        weight: s / sweepSteps,
        ranks: rankOf(scoreAll(weightsAt(k, s / sweepSteps))),
      });
    return points;
  });
  const order = baseRanks
    .map((rank, i) => [rank, alternatives[i], i])
    .sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
  const [first, second] = [order[0][2], order[1][2]];
  const diff = (k, t) => {
    const w = weightsAt(k, t);
    let s = 0;
    for (let j = 0; j < cols; j++) s += w[j] * (r[first][j] - r[second][j]);
    return s;
  };
  const swaps = w0.map((wk, k) => {
    if (diff(k, wk) <= 0) return wk;
    let best = null;
    let prevT = 0;
    let prevD = diff(k, 0);
    for (let g = 1; g <= 1000; g++) {
      const t = g / 1000;
      const dt = diff(k, t);
      if (prevD > 0 !== dt > 0) {
        let a = prevT;
        let b = t;
        let da = prevD;
        while (b - a > 1e-12) {
          const mid = (a + b) / 2;
          const dm = diff(k, mid);
          if (dm > 0 === da > 0) {
            a = mid;
            da = dm;
          } else b = mid;
        }
        const root = da > 0 ? b : a;
        if (best === null || Math.abs(root - wk) < Math.abs(best - wk)) best = root;
      }
      prevT = t;
      prevD = dt;
    }
    return best;
  });
  return {
    solutions: order.map(([, id, i]) => ({
      solution: id,
      baseRank: baseRanks[i],
      meanRank: rankSum[i] / draws,
      sameRankProbability: same[i] / draws,
      minRank: minRank[i],
      maxRank: maxRank[i],
      topKProbability: top[i] / draws,
    })),
    sweeps,
    swaps,
  };
}

// ------------------------------------------------------------------------------------------------
// report

/** Canonical JSON: object keys sorted, no whitespace; Decimal-like values as their string. */
function canonical(v) {
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  if (Array.isArray(v))
    return `[${v.map((x) => (x === undefined ? "null" : canonical(x))).join(",")}]`;
  if (typeof v.toFixed === "function" && "d" in v) return JSON.stringify(v.toString());
  return `{${Object.keys(v)
    .filter((k) => v[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
    .join(",")}}`;
}

/**
 * The main computations of a report, written by hand: the input digest (canonical JSON, SHA-256
 * with the given `sha256` function), stakeholders by helix, needs ranked by votes and helix
 * breadth, a dossier per solution (lead, partners, needs, SWOT by quadrant, resource costs summed
 * exactly), the decision matrix (mean score per solution and criterion), weighted sum, TOPSIS,
 * Borda count of the ballots, rank stability, the horizon of every solution, and the plan budget
 * by horizon and funding source with decimal arithmetic. `Decimal` is decimal.js.
 */
export function createReport(a, { sha256, Decimal, generatedAt, draws = 1000 }) {
  if (typeof a !== "object" || a === null) bad("assessment must be an object");
  const digest = `sha256:${sha256(canonical(a))}`;
  const people = new Map(a.stakeholders.map((s) => [s.id, s]));
  const byHelix = {};
  for (const s of a.stakeholders) (byHelix[s.helix] ??= []).push(s.id);
  const needById = new Map(a.needs.map((n) => [n.id, n]));
  const maxVotes = Math.max(1, ...a.needs.map((n) => n.votes ?? 0));
  const needs = a.needs
    .map((n) => {
      const helices = new Set(
        (n.raisedBy ?? []).map((id) => people.get(id)?.helix).filter(Boolean),
      );
      return {
        id: n.id,
        statement: n.statement,
        score: 0.6 * ((n.votes ?? 0) / maxVotes) + 0.4 * (helices.size / 4),
        helices: [...helices].sort(),
      };
    })
    .sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1))
    .map((n, i) => ({ ...n, rank: i + 1 }));
  const person = (id) =>
    people.has(id) ? { id, name: people.get(id).name, helix: people.get(id).helix } : null;
  const money = (m) =>
    m ? { amount: new Decimal(m.amount).toFixed(2), currency: m.currency } : null;
  const dossiers = a.solutions.map((s) => {
    const swot = { strength: [], weakness: [], opportunity: [], threat: [] };
    for (const item of s.swot ?? []) swot[item.quadrant].push({ id: item.id, text: item.text });
    const byCurrency = new Map();
    for (const r of s.resources ?? []) {
      if (r.cost)
        byCurrency.set(
          r.cost.currency,
          (byCurrency.get(r.cost.currency) ?? new Decimal(0)).plus(r.cost.amount),
        );
    }
    return {
      solution: s.id,
      title: s.title,
      description: s.description ?? null,
      lead: s.lead ? person(s.lead) : null,
      partners: (s.partners ?? []).map(person),
      needs: (s.addressesNeeds ?? []).map((id) => ({
        id,
        statement: needById.get(id)?.statement ?? null,
      })),
      swot,
      resources: (s.resources ?? []).map((r) => ({
        kind: r.kind,
        description: r.description,
        cost: money(r.cost),
      })),
      resourceCost: [...byCurrency].map(([currency, amount]) => ({
        currency,
        amount: amount.toFixed(2),
      })),
      cost: money(s.cost),
      funding: (s.funding ?? []).map((f) => ({
        source: f.source,
        amount: money(f.amount),
        secured: f.secured ?? false,
      })),
      steps: (s.steps ?? []).map((st) => ({
        id: st.id,
        title: st.title,
        duration: st.duration ?? null,
      })),
      kpis: (s.kpis ?? []).map((k) => ({ ...k })),
      risks: (s.risks ?? []).map((r) => ({ ...r, score: r.likelihood * r.impact })),
    };
  });
  // decision matrix: mean score per solution and criterion
  const crit = a.criteria ?? [];
  const solIndex = new Map(a.solutions.map((s, i) => [s.id, i]));
  const critIndex = new Map(crit.map((c, j) => [c.id, j]));
  const sum = a.solutions.map(() => new Array(crit.length).fill(0));
  const count = a.solutions.map(() => new Array(crit.length).fill(0));
  for (const sc of a.scores ?? []) {
    const i = solIndex.get(sc.solution);
    const j = critIndex.get(sc.criterion);
    if (i === undefined || j === undefined) bad("score of an unknown solution or criterion");
    sum[i][j] += sc.value;
    count[i][j]++;
  }
  const keep = a.solutions.map((_, i) => i).filter((i) => count[i].every((c) => c > 0));
  const matrix = keep.map((i) => sum[i].map((s, j) => s / count[i][j]));
  const alternatives = keep.map((i) => a.solutions[i].id);
  const kinds = crit.map((c) => c.kind);
  const weights = crit.map((c) => c.weight);
  const decision = { alternatives, criteria: crit.map((c) => ({ ...c, scale: c.scale })), matrix };
  const ws = weightedSum(matrix, weights, kinds);
  const tp = topsis(matrix, weights, kinds);
  const points = new Map(alternatives.map((id) => [id, 0]));
  for (const b of a.ballots ?? []) {
    const n = b.ranking.length;
    b.ranking.forEach((id, k) =>
      points.set(id, (points.get(id) ?? 0) + (n - 1 - k) * (b.weight ?? 1)),
    );
  }
  const borda = [...points].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  const stability = rankStability(decision, { draws });
  const start = a.plan?.start ?? a.programme.start;
  const horizons = bucketByHorizon(
    a.solutions.map((s) => ({
      id: s.id,
      ...(s.start ? { start: s.start } : {}),
      ...(s.end ? { end: s.end } : s.duration ? { duration: s.duration } : {}),
    })),
    start,
  );
  const selected = new Set(a.plan?.selected ?? alternatives.slice(0, 5));
  const byHorizon = new Map();
  const bySource = new Map();
  for (const h of horizons) {
    if (!selected.has(h.id)) continue;
    const s = a.solutions[solIndex.get(h.id)];
    if (s.cost)
      byHorizon.set(h.horizon, (byHorizon.get(h.horizon) ?? new Decimal(0)).plus(s.cost.amount));
    for (const f of s.funding ?? [])
      bySource.set(f.source, (bySource.get(f.source) ?? new Decimal(0)).plus(f.amount.amount));
  }
  return {
    formatVersion: "1.0",
    kind: "icc-assessment-report",
    city: a.city,
    provenance: { inputDigest: digest, generatedAt },
    sections: {
      stakeholders: byHelix,
      needs,
      dossiers,
      prioritisation: {
        ranking: alternatives.map((id, k) => ({
          solution: id,
          score: ws.scores[k],
          rank: ws.ranks[k],
        })),
        topsis: tp.closeness,
        borda,
        stability: stability.solutions,
      },
      horizons,
      budget: {
        byHorizon: [...byHorizon].map(([h, d]) => [h, d.toFixed(2)]),
        bySource: [...bySource].map(([s, d]) => [s, d.toFixed(2)]),
      },
    },
  };
}

const HTML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const esc = (v) => String(v ?? "").replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
const table = (head, rows) =>
  `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`)
    .join("")}</tbody></table>`;

/**
 * A hand-written HTML page of a report: every user string escaped, tables of the maturity
 * dimensions, ranked needs, the ranking, the horizons and the budget, and one section per solution
 * dossier with its lists. No SVG charts and no second language.
 */
export function renderHtml(report) {
  if (typeof report !== "object" || report === null || typeof report.sections !== "object")
    bad("report must be a report");
  const s = report.sections;
  const parts = [
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(report.city?.name)}</title><style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}</style></head><body>`,
  ];
  parts.push(
    `<h1>${esc(report.city?.name)} — ${esc(report.track?.title ?? report.track?.id)}</h1>`,
  );
  if (s.maturity)
    parts.push(
      "<h2>Maturity</h2>",
      table(
        ["Dimension", "Score", "Level"],
        (s.maturity.dimensions ?? []).map((d) => [
          d.title,
          d.score === null ? "—" : d.score.toFixed(1),
          d.level?.title ?? "—",
        ]),
      ),
    );
  if (s.needs)
    parts.push(
      "<h2>Needs</h2>",
      table(
        ["#", "Need", "Score"],
        (s.needs.ranked ?? []).map((n) => [n.rank, n.statement, n.score?.toFixed?.(3) ?? ""]),
      ),
    );
  if (s.prioritisation)
    parts.push(
      "<h2>Ranking</h2>",
      table(
        ["#", "Solution", "Title", "Score"],
        (s.prioritisation.ranking ?? []).map((r) => [
          r.rank,
          r.solution,
          r.title,
          r.score?.toFixed?.(3) ?? "",
        ]),
      ),
    );
  for (const d of s.dossiers ?? []) {
    parts.push(
      `<section><h3>${esc(d.title)}</h3><p>${esc(d.description)}</p><p>Lead: ${esc(d.lead?.name ?? "—")}; partners: ${(d.partners ?? []).map((p) => esc(p?.name)).join(", ")}</p>`,
    );
    for (const q of ["strength", "weakness", "opportunity", "threat"])
      parts.push(
        `<h4>${q}</h4><ul>${(d.swot?.[q] ?? []).map((i) => `<li>${esc(i.text)}</li>`).join("")}</ul>`,
      );
    parts.push(
      table(
        ["Resource", "Cost"],
        (d.resources ?? []).map((r) => [
          r.description,
          r.cost ? `${r.cost.amount} ${r.cost.currency}` : "—",
        ]),
      ),
    );
    parts.push(`<ol>${(d.steps ?? []).map((st) => `<li>${esc(st.title)}</li>`).join("")}</ol>`);
    parts.push(
      table(
        ["KPI", "Baseline", "Target", "Unit"],
        (d.kpis ?? []).map((k) => [k.title, k.baseline ?? "—", k.target, k.unit]),
      ),
    );
    parts.push("</section>");
  }
  if (s.horizons)
    parts.push(
      "<h2>Horizons</h2>",
      table(
        ["Solution", "Horizon", "End"],
        (s.horizons.items ?? []).map((i) => [i.title ?? i.solution, i.horizon, i.end ?? "—"]),
      ),
    );
  if (s.actionPlan)
    parts.push(
      "<h2>Budget</h2>",
      table(
        ["Horizon", "Cost"],
        (s.actionPlan.budget?.byHorizon ?? []).map((h) => [
          h.horizon ?? h.label,
          h.cost ? `${h.cost.amount} ${h.cost.currency}` : "—",
        ]),
      ),
    );
  parts.push("</body></html>");
  return parts.join("");
}

/**
 * Min-max normalisation of one short array to 0–100 as a tight hand-written loop: one pass for the
 * bounds, one for the values, nulls kept; a cheap type test per value, the error built only when it
 * fails. The tightest honest baseline for the per-call cost of `normalise` on a few values.
 */
export function normaliseMinMaxTight(values) {
  let min = Infinity;
  let max = -Infinity;
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null) continue;
    if (typeof v !== "number" || v - v !== 0) bad(`values[${i}] must be a finite number`);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!(max > min)) bad("minMax needs two values that differ");
  const out = new Array(n);
  const span = max - min;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    out[i] = v === null ? null : ((v - min) / span) * 100;
  }
  return out;
}

/**
 * Weighted arithmetic mean of the non-null values of one short array, weights renormalised over
 * them, as a tight hand-written loop (cheap type tests, errors built only when they fail).
 */
export function aggregateArithmeticTight(values, weights) {
  const n = values.length;
  if (n === 0 || weights.length !== n) bad("one weight per value");
  let total = 0;
  let sw = 0;
  let s = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (typeof w !== "number" || !(w >= 0) || w === Infinity) bad(`weights[${i}] is not a weight`);
    total += w;
    const v = values[i];
    if (v === null) continue;
    if (typeof v !== "number" || v - v !== 0) bad(`values[${i}] must be a finite number`);
    if (w === 0) continue;
    sw += w;
    s += w * v;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(total > 0)) bad("weights must sum to a positive number");
  if (sw === 0) return null;
  const m = s / sw; // clamped into the values' range, as rounding can step past it
  return m < lo ? lo : m > hi ? hi : m;
}
