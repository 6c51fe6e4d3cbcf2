// Small helpers of the benchmark: a seeded PRNG, medians, the growth exponent and number formats.

/** mulberry32: a small seeded 32-bit PRNG (Tommy Ettinger, public domain); returns floats in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Median of a list of numbers (the mean of the two middle values for an even count). */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return Number.NaN;
  return n % 2 === 1 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/**
 * Growth exponent: the least-squares slope of log(time) against log(size). 1 is linear, 2 is
 * quadratic; n log n over a 4× range reads about 1.1.
 */
export function growthExponent(sizes, times) {
  const xs = sizes.map(Math.log);
  const ys = times.map(Math.log);
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  return sxy / sxx;
}

/** The growth exponent of n log n over these sizes (for example 1.12 from 2,500 to 10,000). */
export function nLogNExponent(sizes) {
  return growthExponent(
    sizes,
    sizes.map((n) => n * Math.log(n)),
  );
}

/** Milliseconds with three significant figures (at least two decimals below 10 ms). */
export function ms(x) {
  if (x >= 100) return x.toFixed(0);
  if (x >= 10) return x.toFixed(1);
  if (x >= 0.1) return x.toFixed(2);
  return x.toFixed(4);
}

/** Deep equality of two results up to a relative tolerance on numbers (for baseline checks). */
export function close(a, b, tol = 1e-9, path = "") {
  if (typeof a === "number" && typeof b === "number") {
    if (a === b) return null;
    const scale = Math.max(1, Math.abs(a), Math.abs(b));
    return Math.abs(a - b) <= tol * scale ? null : `${path || "value"}: ${a} vs ${b}`;
  }
  if (ArrayBuffer.isView(a)) a = Array.from(a);
  if (ArrayBuffer.isView(b)) b = Array.from(b);
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: length ${a.length} vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = close(a[i], b[i], tol, `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    for (const k of Object.keys(b)) {
      const d = close(a[k], b[k], tol, `${path}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return Object.is(a, b)
    ? null
    : `${path || "value"}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
}
