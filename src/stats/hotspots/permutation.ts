/**
 * Conditional permutation inference for local statistics, as PySAL esda's
 * `crand` (esda/crand.py, Anselin 1995 §"conditional randomisation"): area i
 * keeps its own value while its kᵢ neighbour values are replaced by a random
 * draw from the other n − 1 areas. As in esda, ONE table of `permutations`
 * random subsets of size max kᵢ is drawn from the indices 0..n−2 and reused for
 * every area: area i takes the first kᵢ indices of each row, shifting indices
 * ≥ i up by one so it is never its own neighbour.
 *
 * Both statistics are, for a fixed area, increasing affine functions of the
 * neighbour sum Σⱼ wᵢⱼxⱼ (Gi*: self term and denominators are constants;
 * local Moran: Iᵢ = (zᵢ/m₂)(Σⱼwᵢⱼxⱼ/Wᵢ − x̄), reversed when zᵢ < 0). So the
 * permutations only form that sum; counts and zSim are unchanged by the affine
 * map (zSim flips sign with zᵢ for local Moran).
 *
 * Pseudo p-values, with M≥ / M≤ the number of simulated values at least / at
 * most the observed one (ties count on both sides — PySAL counts strict "<" on
 * the low side, which gives p = 1/(R+1) instead of 1 when every draw ties):
 *   pOneSided = (min(M≥, M≤) + 1)/(R + 1)           (esda's folded p_sim)
 *   pTwoSided = min(1, 2·(min(M≥, M≤) + 1)/(R + 1)) (DESIGN.md)
 *   zSim      = (observed − mean of simulations)/sd (population sd, as esda)
 * An area whose statistic cannot vary (an island; local Moran at zᵢ = 0) gets
 * p = 1 and zSim = 0. Random numbers: xoshiro128** (./random.ts).
 */
import type { SpatialWeights } from '../spatial/weights.ts';
import { assertSameLength } from './getisOrd.ts';
import { seededRandom, toSeed32 } from './random.ts';

export interface PermutationResult {
  /** PySAL's folded pseudo p: (min(M≥, M≤) + 1)/(R + 1). */
  pOneSided: Float64Array;
  /** min(1, 2·(min(M≥, M≤) + 1)/(R + 1)), as DESIGN.md. */
  pTwoSided: Float64Array;
  /** (observed − mean of simulations)/sd of simulations. */
  zSim: Float64Array;
  permutations: number;
  seed: number;
}

export interface PermutationOptions {
  permutations?: number;
  seed?: number;
  onProgress?: (fraction: number) => void;
}

export const DEFAULT_PERMUTATIONS = 999;
export const DEFAULT_SEED = 12345;
const PROGRESS_EVERY = 2048;

/**
 * `rows` subsets of `size` distinct indices from 0..pool−1, row-major. A
 * partial Fisher–Yates shuffle of one persistent pool: each row is a uniform
 * ordered sample whatever order earlier rows left the pool in.
 */
export function drawSubsetTable(pool: number, size: number, rows: number, seed: number): Uint32Array {
  const table = new Uint32Array(rows * size);
  if (size === 0) return table;
  const random = seededRandom(seed);
  const indices = new Uint32Array(pool);
  for (let j = 0; j < pool; j++) indices[j] = j;
  let at = 0;
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < size; k++) {
      const pick = k + Math.floor(random() * (pool - k));
      const chosen = indices[pick]!;
      indices[pick] = indices[k]!;
      indices[k] = chosen;
      table[at++] = chosen;
    }
  }
  return table;
}

function maxNeighbours(w: SpatialWeights): number {
  let max = 0;
  for (let i = 0; i < w.n; i++) max = Math.max(max, w.offsets[i + 1]! - w.offsets[i]!);
  return max;
}

export function permutationInference(
  x: ArrayLike<number>,
  w: SpatialWeights,
  statistic: 'gi-star' | 'local-moran',
  options: PermutationOptions = {},
): PermutationResult {
  assertSameLength(x, w);
  const permutations = options.permutations ?? DEFAULT_PERMUTATIONS;
  if (!Number.isInteger(permutations) || permutations < 1) {
    throw new Error(`The number of permutations must be a whole number of at least 1 (got ${permutations}).`);
  }
  const seed = toSeed32(options.seed ?? DEFAULT_SEED);
  const n = w.n;
  const maxCard = maxNeighbours(w);
  if (maxCard > n - 1) throw new Error('An area lists more neighbours than there are other areas; the neighbour list is invalid.');
  const table = drawSubsetTable(n - 1, maxCard, permutations, seed);

  const values = Float64Array.from(x);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i]!;
  mean /= n;

  const pOneSided = new Float64Array(n);
  const pTwoSided = new Float64Array(n);
  const zSim = new Float64Array(n);
  const { offsets, neighbours, weights } = w;
  const onProgress = options.onProgress;
  for (let i = 0; i < n; i++) {
    const start = offsets[i]!;
    const count = offsets[i + 1]! - start;
    // Local Moran's Iᵢ moves opposite to the neighbour sum when xᵢ is below the mean, and not at all at the mean.
    const direction = statistic === 'local-moran' ? Math.sign(values[i]! - mean) : 1;
    let atLeast = permutations;
    let atMost = permutations;
    let z = 0;
    if (count > 0 && direction !== 0) {
      let observed = 0;
      for (let k = 0; k < count; k++) observed += (weights ? weights[start + k]! : 1) * values[neighbours[start + k]!]!;
      let sumD = 0;
      let sumD2 = 0;
      atLeast = 0;
      atMost = 0;
      let base = 0;
      for (let r = 0; r < permutations; r++, base += maxCard) {
        let s = 0;
        if (weights) {
          for (let k = 0; k < count; k++) {
            const j = table[base + k]!;
            // (i − 1 − j) is negative exactly when j ≥ i: skip over area i without a branch.
            s += weights[start + k]! * values[j + ((i - 1 - j) >>> 31)]!;
          }
        } else {
          for (let k = 0; k < count; k++) {
            const j = table[base + k]!;
            s += values[j + ((i - 1 - j) >>> 31)]!;
          }
        }
        // Deviations from the observed sum: exact tie tests and no cancellation in the variance.
        const d = s - observed;
        if (d >= 0) atLeast++;
        if (d <= 0) atMost++;
        sumD += d;
        sumD2 += d * d;
      }
      const meanD = sumD / permutations;
      const sd = Math.sqrt(Math.max(0, sumD2 / permutations - meanD * meanD));
      z = sd > 0 ? (direction * -meanD) / sd : 0;
    }
    const extreme = Math.min(atLeast, atMost) + 1;
    pOneSided[i] = extreme / (permutations + 1);
    pTwoSided[i] = Math.min(1, (2 * extreme) / (permutations + 1));
    zSim[i] = z;
    if (onProgress && (i + 1) % PROGRESS_EVERY === 0) onProgress((i + 1) / n);
  }
  onProgress?.(1);
  return { pOneSided, pTwoSided, zSim, permutations, seed };
}
