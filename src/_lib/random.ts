/**
 * Seeded pseudo-random numbers for Monte Carlo work (never `Math.random`). Private to the library.
 *
 * - Generator: xoshiro128** 1.1 (Blackman & Vigna, "Scrambled linear pseudorandom number
 *   generators", ACM TOMS 47(4), 2021; reference C code at https://prng.di.unimi.it/xoshiro128starstar.c),
 *   a 128-bit state with period 2^128 − 1, giving 32-bit outputs.
 * - Seeding: the four state words are the first four outputs of SplitMix32 (a 32-bit adaptation of
 *   Steele, Lea & Flood's SplitMix, as in bryc's public-domain "PRNGs" collection) started from the
 *   seed, so nearby seeds give unrelated streams and the state is never all zero.
 * - Uniforms take 53 random bits from two outputs, so `uniform()` lies in [0, 1) with the full
 *   resolution of a double.
 * - Normals: Box–Muller (Box & Muller 1958), one value per call.
 * - Gamma: Marsaglia & Tsang (2000) "A simple method for generating gamma variables", ACM TOMS
 *   26(3):363–372, with the boost `G(a) = G(a + 1)·U^(1/a)` for shapes below 1 (same paper, §6).
 */

/** A seeded source of uniform numbers in [0, 1). */
export type Uniform = () => number;

function splitmix32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
}

/**
 * The raw xoshiro128** generator from an explicit state (four 32-bit words, not all zero): each call
 * returns the next unsigned 32-bit output.
 */
export function xoshiro128ss(state: readonly [number, number, number, number]): () => number {
  let s0 = state[0] >>> 0;
  let s1 = state[1] >>> 0;
  let s2 = state[2] >>> 0;
  let s3 = state[3] >>> 0;
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
  return () => {
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
}

/**
 * A seeded uniform generator on [0, 1) with 53-bit resolution. The same seed always gives the
 * same sequence, on every platform. `seed` is taken modulo 2^32.
 */
export function createUniform(seed: number): Uniform {
  const sm = splitmix32(seed >>> 0);
  const next = xoshiro128ss([sm(), sm(), sm(), sm()]);
  return () => {
    const hi = next() >>> 5; // 27 bits
    const lo = next() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  };
}

/** A standard normal variate (Box–Muller). */
export function randomNormal(uniform: Uniform): number {
  const u1 = 1 - uniform(); // (0, 1]
  const u2 = uniform();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * A Gamma(shape, 1) variate (Marsaglia–Tsang; boosted for shape < 1). `shape` must be positive.
 */
export function randomGamma(uniform: Uniform, shape: number): number {
  if (shape < 1) {
    const u = 1 - uniform(); // (0, 1]
    return randomGamma(uniform, shape + 1) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = randomNormal(uniform);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - uniform(); // (0, 1]
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}
