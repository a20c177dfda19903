import { describe, expect, it } from 'vitest';
import { mannKendall } from '../../../../src/stats/trend/mannKendall.ts';

describe('mannKendall', () => {
  it('matches the DESIGN.md fixture: 1..5', () => {
    // All 10 pairs increase: S = 10; Var = 5·4·15/18 = 16.667; Z = (10 − 1)/√16.667 = 2.2045; p = 0.0275.
    const r = mannKendall([1, 2, 3, 4, 5]);
    expect(r.s).toBe(10);
    expect(r.variance).toBeCloseTo(16.666666666666668, 12);
    expect(r.z).toBeCloseTo(2.2045407685048604, 12);
    expect(r.p).toBeCloseTo(0.027486336111510339, 12);
    expect(r.trend).toBe('increasing');
  });

  it('corrects the variance for ties', () => {
    // [1, 2, 2, 3, 3, 3, 4]: 21 pairs, 4 tied (one in the 2s, three in the 3s), none decreasing → S = 17.
    // Var = [7·6·19 − (2·1·9 + 3·2·11)]/18 = (798 − 84)/18 = 39.667; Z = 16/√39.667 = 2.5404; p = 0.01107.
    const r = mannKendall([1, 2, 2, 3, 3, 3, 4]);
    expect(r.s).toBe(17);
    expect(r.variance).toBeCloseTo(714 / 18, 12);
    expect(r.z).toBeCloseTo(2.540429395319823, 12);
    expect(r.p).toBeCloseTo(0.011071644553191885, 12);
    expect(r.trend).toBe('increasing');
  });

  it('reports a falling but not significant series as no trend', () => {
    // [5, 3, 3, 4, 1, 1, 0, 2]: S = −16, Var = (1176 − 36)/18 = 63.333, Z = −15/√63.333 = −1.8848, p = 0.0595.
    const r = mannKendall([5, 3, 3, 4, 1, 1, 0, 2]);
    expect(r.s).toBe(-16);
    expect(r.variance).toBeCloseTo(1140 / 18, 12);
    expect(r.z).toBeCloseTo(-1.8848425873126298, 12);
    expect(r.p).toBeCloseTo(0.059451093311553647, 12);
    expect(r.trend).toBe('no trend');
    expect(mannKendall([8, 7, 6, 5, 4, 3, 2, 1]).trend).toBe('decreasing');
  });

  it('handles constant, empty and gappy series', () => {
    expect(mannKendall([3, 3, 3, 3])).toMatchObject({ s: 0, variance: 0, z: 0, p: 1, trend: 'no trend' });
    expect(mannKendall([])).toMatchObject({ s: 0, z: 0, p: 1, trend: 'no trend' });
    // Missing periods are skipped: same as 1..5.
    expect(mannKendall([1, Number.NaN, 2, 3, 4, 5]).z).toBeCloseTo(2.2045407685048604, 12);
  });
});
