import { describe, expect, it } from 'vitest';
import { benjaminiHochbergAdjust, benjaminiHochbergThreshold, benjaminiHochbergThresholds } from '../../../../src/stats/hotspots/fdr.ts';
import { seededRandom } from '../../../../src/stats/hotspots/random.ts';

/** R's p.adjust "BH" transcribed literally: o <- order(p, decreasing = TRUE); pmin(1, cummin(n/i * p[o]))[order(o)]. */
function rPAdjustBH(p: number[]): number[] {
  const n = p.length;
  const o = p.map((_, i) => i).sort((a, b) => p[b]! - p[a]! || a - b);
  const out = new Array<number>(n);
  let cummin = Infinity;
  o.forEach((index, pos) => {
    const i = n - pos;
    cummin = Math.min(cummin, (n / i) * p[index]!);
    out[index] = Math.min(1, cummin);
  });
  return out;
}

describe('benjaminiHochbergAdjust', () => {
  it('matches R p.adjust(method = "BH") on a hand-worked case', () => {
    // Sorted: 0.005 (k=1), 0.01 (k=2), 0.03 (k=3), 0.04 (k=4); m·p/k = 0.02, 0.02, 0.04, 0.04;
    // running minimum from the top leaves them unchanged. R: [0.02, 0.04, 0.04, 0.02].
    const adjusted = benjaminiHochbergAdjust([0.01, 0.04, 0.03, 0.005]);
    [0.02, 0.04, 0.04, 0.02].forEach((v, i) => expect(adjusted[i]).toBeCloseTo(v, 15));
  });

  it('takes the running minimum from the largest p down, caps at 1, and leaves NaN out of m', () => {
    // Sorted 0.01, 0.02, 0.5, 0.9 (m = 4): 4·p/k = 0.04, 0.04, 0.6667, 0.9 → [0.04, 0.04, 0.6667, 0.9].
    const adjusted = benjaminiHochbergAdjust([0.9, 0.02, Number.NaN, 0.5, 0.01]);
    expect(adjusted[0]).toBeCloseTo(0.9, 15);
    expect(adjusted[1]).toBeCloseTo(0.04, 15);
    expect(adjusted[2]).toBeNaN();
    expect(adjusted[3]).toBeCloseTo(2 / 3, 15);
    expect(adjusted[4]).toBeCloseTo(0.04, 15);
    // Sorted 0.04, 0.045 (m = 2): 0.08, 0.045 → running minimum makes both 0.045.
    expect(Array.from(benjaminiHochbergAdjust([0.045, 0.04]))).toEqual([0.045, 0.045]);
    expect(benjaminiHochbergAdjust([0.8, 0.9])[0]).toBe(0.9);
    expect(benjaminiHochbergAdjust([]).length).toBe(0);
  });
});

describe('benjaminiHochbergAdjust against a literal transcription of R', () => {
  it('agrees exactly on 2,000 p-values with many ties', () => {
    const random = seededRandom(77);
    const p = Array.from({ length: 2000 }, () => Math.round(random() ** 3 * 1000) / 1000);
    expect(Array.from(benjaminiHochbergAdjust(p))).toEqual(rPAdjustBH(p));
  });
});

describe('benjaminiHochbergThreshold', () => {
  it('is the largest p(k) with p(k) ≤ k·alpha/m', () => {
    // alpha 0.05, m = 4: cut-offs 0.0125, 0.025, 0.0375, 0.05 → p(4) = 0.04 ≤ 0.05, so 0.04.
    expect(benjaminiHochbergThreshold([0.01, 0.04, 0.03, 0.005], 0.05)).toBe(0.04);
    // alpha 0.01: cut-offs 0.0025, 0.005, … → p(1) = 0.005 > 0.0025, p(2) = 0.01 > 0.005, none.
    expect(benjaminiHochbergThreshold([0.01, 0.04, 0.03, 0.005], 0.01)).toBe(0);
    // A later rank can rescue earlier ones: p = [0.03, 0.031, 0.032], alpha 0.05 → 0.032 ≤ 0.05.
    expect(benjaminiHochbergThreshold([0.032, 0.03, 0.031], 0.05)).toBe(0.032);
    // Consistent with the adjusted values: p ≤ threshold exactly when adjusted p ≤ alpha.
    const p = [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216];
    const t = benjaminiHochbergThreshold(p, 0.05);
    const adjusted = benjaminiHochbergAdjust(p);
    p.forEach((pi, i) => expect(pi <= t).toBe(adjusted[i]! <= 0.05));
    expect(t).toBe(0.008);
    // alpha 0.01: cut-offs k·0.001 → only p(1) = 0.001 qualifies. alpha 0.10: cut-offs k·0.01 → p(6) = 0.06 ≤ 0.06, p(7) = 0.074 > 0.07.
    expect(benjaminiHochbergThresholds(p, [0.01, 0.05, 0.1])).toEqual([0.001, 0.008, 0.06]);
  });
});
