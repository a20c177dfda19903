import { describe, expect, it } from 'vitest';
import { getisOrdGiStar } from '../../../../src/stats/hotspots/getisOrd.ts';
import { localMoran } from '../../../../src/stats/hotspots/localMoran.ts';
import { drawSubsetTable, permutationInference } from '../../../../src/stats/hotspots/permutation.ts';
import { seededRandom } from '../../../../src/stats/hotspots/random.ts';
import { gridWeights, weightsFromLists } from './weightsHelpers.ts';

const SIDE = 12;
const grid = gridWeights(SIDE, SIDE, true);
/** A 4 × 4 block of high values (rows/cols 1–4) on a low background with a little noise. */
function clustered(): Float64Array {
  const random = seededRandom(3);
  return Float64Array.from({ length: SIDE * SIDE }, (_, i) => {
    const r = Math.floor(i / SIDE);
    const c = i % SIDE;
    return (r >= 1 && r <= 4 && c >= 1 && c <= 4 ? 10 : 1) + random();
  });
}
function noise(seed: number): Float64Array {
  const random = seededRandom(seed);
  return Float64Array.from({ length: SIDE * SIDE }, () => random());
}
const CENTRE_OF_BLOCK = 2 * SIDE + 2;

describe('drawSubsetTable', () => {
  it('draws distinct in-range indices, uniformly', () => {
    const table = drawSubsetTable(10, 4, 5000, 1);
    const counts = new Array<number>(10).fill(0);
    for (let r = 0; r < 5000; r++) {
      const row = Array.from(table.subarray(r * 4, r * 4 + 4));
      expect(new Set(row).size).toBe(4);
      row.forEach((j) => counts[j]!++);
    }
    // Each index is expected 5000·4/10 = 2000 times; chi-square 9 df, 99.9th percentile 27.9.
    expect(counts.reduce((s, c) => s + (c - 2000) ** 2 / 2000, 0)).toBeLessThan(27.9);
  });
});

describe('permutationInference', () => {
  it('is deterministic under one seed and changes with the seed', () => {
    const x = noise(11);
    const a = permutationInference(x, grid, 'gi-star', { seed: 99, permutations: 199 });
    const b = permutationInference(x, grid, 'gi-star', { seed: 99, permutations: 199 });
    const c = permutationInference(x, grid, 'gi-star', { seed: 100, permutations: 199 });
    expect(a.pOneSided).toEqual(b.pOneSided);
    expect(a.zSim).toEqual(b.zSim);
    expect(c.zSim).not.toEqual(a.zSim);
    expect(a.seed).toBe(99);
    expect(a.permutations).toBe(199);
  });

  it('reports pseudo p-values on the (k + 1)/(R + 1) grid, in range, two-sided = min(1, 2 × one-sided)', () => {
    const R = 999;
    const result = permutationInference(noise(5), grid, 'local-moran');
    expect(result.permutations).toBe(R);
    for (let i = 0; i < grid.n; i++) {
      const one = result.pOneSided[i]!;
      expect(one).toBeGreaterThanOrEqual(1 / (R + 1));
      expect(one).toBeLessThanOrEqual(1);
      expect(Number.isInteger(Math.round(one * (R + 1) * 1e6) / 1e6)).toBe(true);
      expect(result.pTwoSided[i]).toBeCloseTo(Math.min(1, 2 * one), 12);
    }
  });

  it('finds a strong cluster (small p) and not a random pattern', () => {
    const gi = permutationInference(clustered(), grid, 'gi-star', { seed: 1 });
    expect(gi.pOneSided[CENTRE_OF_BLOCK]).toBe(1 / 1000); // no draw beats eight neighbours all at 10
    expect(gi.zSim[CENTRE_OF_BLOCK]).toBeGreaterThan(3);
    const moran = permutationInference(clustered(), grid, 'local-moran', { seed: 1 });
    expect(moran.pTwoSided[CENTRE_OF_BLOCK]).toBeLessThan(0.01);
    expect(moran.zSim[CENTRE_OF_BLOCK]).toBeGreaterThan(3);

    const random = permutationInference(noise(8), grid, 'gi-star', { seed: 1 });
    const significant = random.pTwoSided.filter((p) => p <= 0.05).length / grid.n;
    expect(significant).toBeLessThan(0.12); // about 5 % expected under no pattern
    const meanP = random.pOneSided.reduce((s, p) => s + p, 0) / grid.n;
    expect(meanP).toBeGreaterThan(0.15); // folded p is uniform on (0, 0.5]: mean ≈ 0.25
  });

  it('matches the exact moments of conditional randomisation', () => {
    // Holding xᵢ fixed, the neighbour sum of kᵢ values drawn without replacement from the other
    // n − 1 has mean kᵢ·μ₋ᵢ and variance kᵢ·σ²₋ᵢ·(n − 1 − kᵢ)/(n − 2) (population σ² of the others).
    // zSim from 999 draws should sit within Monte Carlo error (≈ 0.03–0.05) of that exact z.
    const x = noise(21);
    const n = grid.n;
    const sim = permutationInference(x, grid, 'gi-star', { seed: 4 });
    const total = x.reduce((s, v) => s + v, 0);
    const totalSquares = x.reduce((s, v) => s + v * v, 0);
    let worst = 0;
    let sumAbs = 0;
    for (let i = 0; i < n; i++) {
      const start = grid.offsets[i]!;
      const k = grid.offsets[i + 1]! - start;
      let observed = 0;
      for (let j = start; j < start + k; j++) observed += x[grid.neighbours[j]!]!;
      const mu = (total - x[i]!) / (n - 1);
      const sigma2 = (totalSquares - x[i]! ** 2) / (n - 1) - mu * mu;
      const exact = (observed - k * mu) / Math.sqrt((k * sigma2 * (n - 1 - k)) / (n - 2));
      const diff = Math.abs(sim.zSim[i]! - exact);
      worst = Math.max(worst, diff);
      sumAbs += diff;
    }
    expect(sumAbs / n).toBeLessThan(0.06);
    expect(worst).toBeLessThan(0.25);
    // And it points the same way as the analytic Gi* z (which also lets xᵢ vary).
    const analytic = getisOrdGiStar(x, grid).z;
    let agree = 0;
    for (let i = 0; i < n; i++) if (Math.sign(sim.zSim[i]!) === Math.sign(analytic[i]!)) agree++;
    expect(agree / n).toBeGreaterThan(0.85);
  });

  it('gives local Moran zSim the sign of Iᵢ − E[Iᵢ], so a Low-Low cluster is positive', () => {
    // Local Moran: zSim takes the sign of Iᵢ − E, so it follows the analytic z (positive in a Low-Low cluster too).
    const xm = clustered().map((v) => -v);
    const moranSim = permutationInference(xm, grid, 'local-moran', { seed: 4 });
    const moran = localMoran(xm, grid);
    expect(moran.quadrant[CENTRE_OF_BLOCK]).toBe('Low-Low');
    expect(moranSim.zSim[CENTRE_OF_BLOCK]).toBeGreaterThan(3);
    expect(moran.z[CENTRE_OF_BLOCK]).toBeGreaterThan(3);
  });

  it('never lets an area draw itself as a neighbour', () => {
    // Area 0 alone holds a large value; every other value is 0. If area 0 ever drew itself,
    // some simulated neighbour sums would be 1000 and its p would drop below 1.
    const n = 6;
    const w = weightsFromLists([[1, 2, 3, 4, 5], [0], [0], [0], [0], [0]]);
    const x = [1000, 0, 0, 0, 0, 0];
    const result = permutationInference(x, w, 'gi-star', { seed: 7 });
    expect(result.pOneSided[0]).toBe(1);
    expect(result.zSim[0]).toBe(0);
    expect(result.pOneSided.length).toBe(n);
  });

  it('gives islands and areas at the mean (local Moran) p = 1 and zSim = 0', () => {
    const w = weightsFromLists([[1], [0, 2], [1], []]);
    const gi = permutationInference([1, 5, 2, 9], w, 'gi-star');
    expect(gi.pOneSided[3]).toBe(1);
    expect(gi.zSim[3]).toBe(0);
    const moran = permutationInference([1, 4, 7, 4], w, 'local-moran'); // mean 4: area 1 sits on it
    expect(moran.pTwoSided[1]).toBe(1);
    expect(moran.zSim[1]).toBe(0);
  });

  it('reports progress up to 1 and validates its input', () => {
    const fractions: number[] = [];
    permutationInference(noise(1), grid, 'gi-star', { permutations: 9, onProgress: (f) => fractions.push(f) });
    expect(fractions.at(-1)).toBe(1);
    expect(() => permutationInference(noise(1), grid, 'gi-star', { permutations: 0 })).toThrow(/at least 1/);
    expect(() => permutationInference([1, 2], grid, 'gi-star')).toThrow(/must match/);
  });
});
