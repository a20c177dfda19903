/**
 * Local Moran's Iᵢ (Anselin 1995, "Local indicators of spatial association —
 * LISA") with the analytic inference of R spdep::localmoran 1.2-7 defaults
 * (conditional = TRUE, mlvar = TRUE, two-sided), on row-standardised weights
 * (style "W"):
 *   zᵢ = xᵢ − x̄,  m₂ = Σz²/n,  Iᵢ = (zᵢ/m₂) Σⱼ wᵢⱼzⱼ,
 *   E[Iᵢ]   = −zᵢ² Wᵢ / ((n − 1) m₂),
 *   Var[Iᵢ] = (zᵢ/m₂)² · n/(n − 2) · (Wᵢ₂ − Wᵢ²/(n − 1)) · (m₂ − zᵢ²/(n − 1)),
 *   Z.Ii = (Iᵢ − E[Iᵢ]) / √Var[Iᵢ],  p = 2(1 − Φ(|Z.Ii|)),
 * with Wᵢ = Σⱼ wᵢⱼ (1, or 0 for an island) and Wᵢ₂ = Σⱼ wᵢⱼ².
 * The quadrant is spdep's "pysal" one: High when zᵢ > 0 (else Low), then
 * High when the spatial lag Σⱼ wᵢⱼzⱼ > 0 (else Low).
 * Where Var[Iᵢ] = 0 — islands (I = E = Var = 0, as spdep with zero.policy),
 * an area exactly at the mean, or all values equal — z and p are NaN, as in R.
 */
import type { SpatialWeights } from '../spatial/weights.ts';
import { assertSameLength } from './getisOrd.ts';
import { twoSidedP } from './normal.ts';

export type MoranQuadrant = 'High-High' | 'Low-Low' | 'High-Low' | 'Low-High';

export interface LocalMoranResult {
  I: Float64Array;
  expected: Float64Array;
  variance: Float64Array;
  z: Float64Array;
  p: Float64Array;
  quadrant: MoranQuadrant[];
}

function quadrantOf(deviation: number, lag: number): MoranQuadrant {
  if (deviation > 0) return lag > 0 ? 'High-High' : 'High-Low';
  return lag > 0 ? 'Low-High' : 'Low-Low';
}

export function localMoran(x: ArrayLike<number>, w: SpatialWeights): LocalMoranResult {
  assertSameLength(x, w);
  const n = w.n;
  const { offsets, neighbours, weights } = w;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i]!;
  const mean = sum / n;
  const dev = new Float64Array(n);
  let sumSquares = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i]! - mean;
    dev[i] = d;
    sumSquares += d * d;
  }
  const m2 = sumSquares / n;

  const I = new Float64Array(n);
  const expected = new Float64Array(n);
  const variance = new Float64Array(n);
  const z = new Float64Array(n);
  const p = new Float64Array(n);
  const quadrant: MoranQuadrant[] = new Array<MoranQuadrant>(n);
  const nRatio = n / (n - 2);
  for (let i = 0; i < n; i++) {
    const start = offsets[i]!;
    const end = offsets[i + 1]!;
    // Row-standardise on the fly: lag = Σ wᵢⱼzⱼ / Σ wᵢⱼ and Wᵢ₂ = Σ wᵢⱼ² / (Σ wᵢⱼ)².
    let rowSum = 0;
    let rowSquares = 0;
    let weightedDev = 0;
    if (weights) {
      for (let k = start; k < end; k++) {
        const wk = weights[k]!;
        rowSum += wk;
        rowSquares += wk * wk;
        weightedDev += wk * dev[neighbours[k]!]!;
      }
    } else {
      for (let k = start; k < end; k++) weightedDev += dev[neighbours[k]!]!;
      rowSum = end - start;
      rowSquares = rowSum;
    }
    const di = dev[i]!;
    const hasNeighbours = rowSum !== 0;
    const lag = hasNeighbours ? weightedDev / rowSum : 0;
    const Wi = hasNeighbours ? 1 : 0;
    const Wi2 = hasNeighbours ? rowSquares / (rowSum * rowSum) : 0;
    const Ii = (di / m2) * lag;
    const Ei = -(di * di * Wi) / ((n - 1) * m2);
    const scaled = di / m2;
    const Vi = scaled * scaled * nRatio * (Wi2 - (Wi * Wi) / (n - 1)) * (m2 - (di * di) / (n - 1));
    const Zi = (Ii - Ei) / Math.sqrt(Vi);
    I[i] = Ii;
    expected[i] = Ei;
    variance[i] = Vi;
    z[i] = Zi;
    p[i] = twoSidedP(Zi);
    quadrant[i] = quadrantOf(di, lag);
  }
  return { I, expected, variance, z, p, quadrant };
}
