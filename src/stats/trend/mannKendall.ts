/**
 * Mann–Kendall trend test (Mann 1945; Kendall 1975), as ArcGIS Emerging Hot
 * Spot Analysis applies to each location's series:
 *   S = Σ_{k<j} sign(xⱼ − xₖ),
 *   Var(S) = [n(n−1)(2n+5) − Σ_g t_g(t_g−1)(2t_g+5)] / 18   (t_g = size of tie group g),
 *   Z = (S − 1)/√Var if S > 0, (S + 1)/√Var if S < 0, else 0 (continuity correction),
 *   p = 2(1 − Φ(|Z|)); trend at alpha 0.05 (p ≤ 0.05) by the sign of Z.
 * Fixture (DESIGN.md): 1..5 → S = 10, Var = 16.667, Z = 2.2045, p = 0.0275.
 * Non-finite entries (missing periods) are skipped. Allocation-free, O(n²):
 * series are months or survey rounds, so n is small.
 */
import { twoSidedP } from '../hotspots/normal.ts';

export type TrendDirection = 'increasing' | 'decreasing' | 'no trend';

export interface MannKendallResult {
  s: number;
  variance: number;
  z: number;
  p: number;
  trend: TrendDirection;
}

export const MANN_KENDALL_ALPHA = 0.05;

export function mannKendall(series: ArrayLike<number>): MannKendallResult {
  const length = series.length;
  let n = 0;
  let s = 0;
  let tieTerm = 0;
  for (let j = 0; j < length; j++) {
    const xj = series[j]!;
    if (!Number.isFinite(xj)) continue;
    n++;
    let earlierEqual = 0;
    for (let k = 0; k < j; k++) {
      const xk = series[k]!;
      if (!Number.isFinite(xk)) continue;
      if (xj > xk) s++;
      else if (xj < xk) s--;
      else earlierEqual++;
    }
    // Count each tie group once, at its first member: t = 1 + later equal values.
    if (earlierEqual === 0) {
      let t = 1;
      for (let k = j + 1; k < length; k++) if (series[k] === xj) t++;
      if (t > 1) tieTerm += t * (t - 1) * (2 * t + 5);
    }
  }
  const variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  let z = 0;
  if (variance > 0) {
    if (s > 0) z = (s - 1) / Math.sqrt(variance);
    else if (s < 0) z = (s + 1) / Math.sqrt(variance);
  }
  const p = twoSidedP(z);
  let trend: TrendDirection = 'no trend';
  if (p <= MANN_KENDALL_ALPHA) trend = z > 0 ? 'increasing' : 'decreasing';
  return { s, variance, z, p, trend };
}
