import { describe, expect, it } from "vitest";
import { createUniform, randomGamma, randomNormal, xoshiro128ss } from "./random.js";

describe("xoshiro128ss", () => {
  it("reproduces the reference C implementation's first outputs from state {1, 2, 3, 4}", () => {
    // outputs of https://prng.di.unimi.it/xoshiro128starstar.c compiled with gcc, state {1,2,3,4}
    const next = xoshiro128ss([1, 2, 3, 4]);
    expect(Array.from({ length: 10 }, () => next())).toStrictEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597,
      4258142804,
    ]);
  });

  it("matches the reference after 1000 steps from a mixed state", () => {
    const next = xoshiro128ss([0xdeadbeef, 0x12345678, 0x9abcdef0, 0x0f0f0f0f]);
    for (let i = 0; i < 1000; i++) next();
    expect(next()).toBe(2591378270);
  });

  it("replaces an all-zero state, which would only ever give zeros", () => {
    const next = xoshiro128ss([0, 0, 0, 0]);
    const outputs = Array.from({ length: 8 }, () => next());
    expect(outputs.some((x) => x !== 0)).toBe(true);
  });
});

describe("createUniform", () => {
  it("gives the same sequence for the same seed and a different one for another seed", () => {
    const a = createUniform(7);
    const b = createUniform(7);
    const c = createUniform(8);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toStrictEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toStrictEqual(xs);
  });

  it("stays in [0, 1) with a mean near 1/2", () => {
    const u = createUniform(123);
    let sum = 0;
    let lo = 1;
    let hi = 0;
    for (let i = 0; i < 20000; i++) {
      const x = u();
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
      sum += x;
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    expect(Math.abs(sum / 20000 - 0.5)).toBeLessThan(0.01);
  });
});

describe("randomNormal", () => {
  it("has mean near 0 and variance near 1", () => {
    const u = createUniform(5);
    let s = 0;
    let s2 = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const z = randomNormal(u);
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.03);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.05);
  });
});

describe("randomGamma", () => {
  it.each([0.3, 1, 2.5, 40])("has mean near the shape %s and variance near the shape", (shape) => {
    const u = createUniform(99);
    let s = 0;
    let s2 = 0;
    let lo = Infinity;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const g = randomGamma(u, shape);
      lo = Math.min(lo, g);
      s += g;
      s2 += g * g;
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    const mean = s / n;
    const variance = s2 / n - mean * mean;
    expect(Math.abs(mean - shape) / shape).toBeLessThan(0.05);
    expect(Math.abs(variance - shape) / shape).toBeLessThan(0.1);
  });
});
