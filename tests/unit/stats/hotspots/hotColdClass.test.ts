import { describe, expect, it } from 'vitest';
import { hotColdClasses } from '../../../../src/stats/hotspots/hotColdClass.ts';

describe('hotColdClasses', () => {
  const z = [3.1, 2.2, 1.7, 0.4, -1.7, -2.2, -3.1, 2.0, Number.NaN, 0];
  const p = [0.002, 0.028, 0.089, 0.69, 0.089, 0.028, 0.002, Number.NaN, 0.5, 0.001];

  it('bins uncorrected p at 99/95/90 % by the sign of z', () => {
    expect(hotColdClasses(z, p, { fdr: false })).toEqual([
      'hot-99', 'hot-95', 'hot-90', 'not-significant', 'cold-90', 'cold-95', 'cold-99',
      'not-significant', // p missing
      'not-significant', // z missing
      'not-significant', // z exactly 0 has no side
    ]);
  });

  it('uses the Benjamini–Hochberg threshold at each level with fdr on', () => {
    // Finite p sorted (m = 9): 0.001, 0.002, 0.002, 0.028, 0.028, 0.089, 0.089, 0.5, 0.69.
    // alpha 0.01: k·0.01/9 = 0.0011, 0.0022, 0.0033, 0.0044 … → largest qualifying p(3) = 0.002.
    // alpha 0.05: k·0.05/9 = …, 0.0278 (k=5) → 0.028 > 0.0278; k=3 → 0.0167 ≥ 0.002 → threshold 0.002.
    // alpha 0.10: k=5 → 0.0556 ≥ 0.028; k=7 → 0.0778 < 0.089 → threshold 0.028.
    expect(hotColdClasses(z, p, { fdr: true })).toEqual([
      'hot-99', 'hot-90', 'not-significant', 'not-significant', 'not-significant', 'cold-90', 'cold-99',
      'not-significant', 'not-significant', 'not-significant',
    ]);
  });

  it('finds nothing when no p survives the correction', () => {
    // m = 3, alpha 0.10: cut-offs 0.033, 0.067, 0.1 — 0.04, 0.09 and 0.5 each miss theirs.
    expect(hotColdClasses([2, -2, 2], [0.04, 0.09, 0.5], { fdr: true })).toEqual(['not-significant', 'not-significant', 'not-significant']);
    expect(hotColdClasses([2, -2, 2], [0.04, 0.09, 0.5], { fdr: false })).toEqual(['hot-95', 'cold-90', 'not-significant']);
    // alpha 0.10: 0.05 ≤ 0.067 (k = 2) rescues the first two at 90 % only; at 0.05 none survive.
    expect(hotColdClasses([2, -2, 2], [0.04, 0.05, 0.5], { fdr: true })).toEqual(['hot-90', 'cold-90', 'not-significant']);
  });
});
