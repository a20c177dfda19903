/**
 * Seeded pseudo-random numbers for permutation inference: xoshiro128** 1.0
 * (Blackman & Vigna, https://prng.di.unimi.it/xoshiro128starstar.c), its
 * 128-bit state filled from the seed by splitmix32 as the authors recommend.
 * The same seed gives the same sequence in every browser and in Node, so a
 * hotspot map can be reproduced exactly from its stated seed.
 */

/** Reduces any number to a 32-bit unsigned seed (fractions dropped, wraps modulo 2^32). */
export function toSeed32(seed: number): number {
  return Number.isFinite(seed) ? Math.trunc(seed) >>> 0 : 0;
}

/** splitmix32 step, used only to spread one 32-bit seed over four state words. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Returns a generator of uniform numbers in [0, 1) with 32 bits of resolution. */
export function seededRandom(seed: number): () => number {
  const init = { s: toSeed32(seed) };
  let a = splitmix32(init);
  let b = splitmix32(init);
  let c = splitmix32(init);
  let d = splitmix32(init);
  // xoshiro must never start from the all-zero state.
  if ((a | b | c | d) === 0) a = 1;
  return () => {
    const m = Math.imul(b, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9);
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = (d << 11) | (d >>> 21);
    return (result >>> 0) / 4294967296;
  };
}
