/**
 * Space–time Getis–Ord Gi* over a cube of n areas × `steps` time steps, the
 * statistic behind ArcGIS Emerging Hot Spot Analysis with a neighbourhood
 * time step of 1: the neighbours of bin (i, t) are area i and its spatial
 * neighbours at time t and at time t − 1 (only t for the first step), each
 * with its spatial weight (self 1). The global mean and variance are taken
 * over all N = n·steps bins, so zᵢₜ is the Gi* formula of DESIGN.md
 *   z = (Σ wx − x̄W) / √( s²(N·S1 − W²)/(N − 1) ),  s² = Σ(x − x̄)²/N,
 * applied to that space–time neighbourhood; p = 2(1 − Φ(|z|)).
 * Layout in and out: value of area i at step t is at [t·n + i].
 * A constant cube has no defined z: z and p are NaN.
 */
import type { SpatialWeights } from '../spatial/weights.ts';
import { meanAndVariance } from '../hotspots/getisOrd.ts';
import { twoSidedP } from '../hotspots/normal.ts';

export function assertCubeShape(cube: ArrayLike<number>, n: number, steps: number, w: SpatialWeights): void {
  if (w.n !== n) throw new Error(`The neighbour list covers ${w.n} areas but the time series has ${n}; they must match.`);
  if (!Number.isInteger(steps) || steps < 1) throw new Error(`The number of time steps must be a whole number of at least 1 (got ${steps}).`);
  if (cube.length !== n * steps) {
    throw new Error(`Expected ${n * steps} values (${n} areas × ${steps} time steps) but got ${cube.length}.`);
  }
}

export function spaceTimeGiStar(cube: ArrayLike<number>, n: number, steps: number, w: SpatialWeights): { z: Float64Array; p: Float64Array } {
  assertCubeShape(cube, n, steps, w);
  const total = n * steps;
  const { mean, variance } = meanAndVariance(cube);
  const { offsets, neighbours, weights } = w;

  // Per-area spatial weight sums (self included), the same in every time slice.
  const sliceW = new Float64Array(n);
  const sliceS1 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let wSum = 1;
    let wSquares = 1;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
      const wk = weights ? weights[k]! : 1;
      wSum += wk;
      wSquares += wk * wk;
    }
    sliceW[i] = wSum;
    sliceS1[i] = wSquares;
  }

  // Spatial lag of every bin (self included) within its own time slice.
  const sliceLag = new Float64Array(total);
  for (let t = 0; t < steps; t++) {
    const base = t * n;
    for (let i = 0; i < n; i++) {
      let lag = cube[base + i]!;
      for (let k = offsets[i]!; k < offsets[i + 1]!; k++) lag += (weights ? weights[k]! : 1) * cube[base + neighbours[k]!]!;
      sliceLag[base + i] = lag;
    }
  }

  const z = new Float64Array(total);
  const p = new Float64Array(total);
  for (let t = 0; t < steps; t++) {
    const slices = t > 0 ? 2 : 1;
    for (let i = 0; i < n; i++) {
      const at = t * n + i;
      const lag = sliceLag[at]! + (t > 0 ? sliceLag[at - n]! : 0);
      const wSum = slices * sliceW[i]!;
      const s1 = slices * sliceS1[i]!;
      const zi = (lag - mean * wSum) / Math.sqrt((variance * (total * s1 - wSum * wSum)) / (total - 1));
      z[at] = zi;
      p[at] = twoSidedP(zi);
    }
  }
  return { z, p };
}
