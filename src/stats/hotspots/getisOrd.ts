/**
 * Getis–Ord Gi* (self included) with analytic z-scores, exactly as R
 * spdep::localG on a listw built with include.self() (binary style "B"):
 *   zᵢ = (Σⱼ wᵢⱼxⱼ − x̄Wᵢ) / √( s²(n·S1ᵢ − Wᵢ²)/(n − 1) ),  s² = Σ(x − x̄)²/n,
 * where the sums run over i's neighbours plus i itself with self weight 1
 * (for general weights too), Wᵢ = Σⱼ wᵢⱼ and S1ᵢ = Σⱼ wᵢⱼ². p = 2(1 − Φ(|zᵢ|)).
 * Ord & Getis (1995), Geographical Analysis 27(4). See DESIGN.md "Statistics".
 * A constant variable (s² = 0) has no defined z: z and p are NaN, as in R.
 */
import type { SpatialWeights } from '../spatial/weights.ts';
import { twoSidedP } from './normal.ts';

/** Mean and population variance Σ(x − x̄)²/n, two-pass for accuracy. */
export function meanAndVariance(x: ArrayLike<number>): { mean: number; variance: number } {
  const n = x.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i]!;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i]! - mean;
    squares += d * d;
  }
  return { mean, variance: squares / n };
}

export function assertSameLength(x: ArrayLike<number>, w: SpatialWeights): void {
  if (x.length !== w.n) {
    throw new Error(`There are ${x.length} values but the neighbour list covers ${w.n} areas; they must match.`);
  }
}

export function getisOrdGiStar(x: ArrayLike<number>, w: SpatialWeights): { z: Float64Array; p: Float64Array } {
  assertSameLength(x, w);
  const n = w.n;
  const { mean, variance } = meanAndVariance(x);
  const z = new Float64Array(n);
  const p = new Float64Array(n);
  const { offsets, neighbours, weights } = w;
  for (let i = 0; i < n; i++) {
    const start = offsets[i]!;
    const end = offsets[i + 1]!;
    // Self counts with weight 1.
    let lag = x[i]!;
    let wSum = 1;
    let wSquares = 1;
    if (weights) {
      for (let k = start; k < end; k++) {
        const wk = weights[k]!;
        lag += wk * x[neighbours[k]!]!;
        wSum += wk;
        wSquares += wk * wk;
      }
    } else {
      for (let k = start; k < end; k++) lag += x[neighbours[k]!]!;
      wSum += end - start;
      wSquares = wSum;
    }
    const zi = (lag - mean * wSum) / Math.sqrt((variance * (n * wSquares - wSum * wSum)) / (n - 1));
    z[i] = zi;
    p[i] = twoSidedP(zi);
  }
  return { z, p };
}
