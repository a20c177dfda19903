/**
 * Our conditional permutation p-values (src/stats/hotspots/permutation.ts) against R spdep 1.2-7's
 * localmoran_perm and localG_perm on the 869 LSOAs' IoD 2025 crime score, 9,999 simulations each.
 * spdep's values were computed once by scripts/fixtures/hotspots/spdep-permutation.R and committed
 * as tests/fixtures/hotspots/permutation-spdep.json; no R is needed here.
 *
 * Both tools estimate the same exact conditional p (area i fixed, its neighbours' values a random
 * draw from the other 868) by Monte Carlo with independent random numbers, so they can only agree
 * within sampling error. Each folded estimate is (count + 1)/(R + 1) with count ~ Binomial(R, p),
 * so for one area
 *   |p_ours − p_R| ≤ 4·√(p̄(1 − p̄)/R_ours + p̄(1 − p̄)/R_R) + 2/(R + 1),   p̄ = their mean,
 * i.e. four standard errors of the difference plus two counts of slack for the "+1" and for ties
 * (spdep counts a tie on the high side only, we count it on both). The two-sided p is twice the
 * folded one for both tools, so its bound is twice the folded bound. Two small differences that
 * the bound absorbs: spdep 1.2-7 draws neighbours WITH replacement (we and PySAL draw without),
 * which makes its null a little wider (measured: our |zSim| 0.2 % larger, our p 0.0004 smaller
 * on average); and R's statistic arithmetic rounds differently at exact ties.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { permutationInference } from '../../../src/stats/hotspots/permutation.ts';
import { seededRandom } from '../../../src/stats/hotspots/random.ts';
import { weightsFromRows } from '../../../src/stats/spatial/csr.ts';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const readJson = <T>(path: string): T => JSON.parse(readFileSync(resolve(ROOT, path), 'utf8')) as T;

/** One spdep run: '<Prname> Sim' (two-sided, by rank), 'Pr(folded) Sim', '<Prname>' (normal p of the simulated z). */
type SpdepColumns = Record<string, number[]> & { call: string };
interface PermutationFixture {
  tool: string;
  nsim: number;
  codes: string[];
  local_moran: SpdepColumns;
  gi_star_conditional: SpdepColumns;
  gi_star_self_permuted: SpdepColumns;
}

const input = readJson<{ codes: string[]; crime: number[] }>('tests/fixtures/hotspots/lsoa-five-crime.json');
const queen = readJson<{ neighbours: Record<string, string[]> }>('tests/fixtures/hotspots/queen-spdep.json');
const spdep = readJson<PermutationFixture>('tests/fixtures/hotspots/permutation-spdep.json');

const FOLDED = 'Pr(folded) Sim';
const MORAN_TWO_SIDED = 'Pr(z != E(Ii)) Sim';
const GI_TWO_SIDED = 'Pr(z != E(Gi)) Sim';
const PERMUTATIONS = 9999;
const SEED = 1;

const indexOf = new Map(input.codes.map((code, i) => [code, i]));
// Binary queen weights, as the app passes them; row-standardising would not change any rank.
const weights = weightsFromRows(
  input.codes.map((code) => (queen.neighbours[code] ?? []).map((other) => ({ index: indexOf.get(other)! }))),
  false,
);

function column(run: SpdepColumns, name: string): number[] {
  const values = run[name];
  if (!Array.isArray(values)) throw new Error(`permutation-spdep.json has no column '${name}'`);
  return values;
}

interface Agreement {
  share: number;
  meanAbs: number;
  maxAbs: number;
}

/**
 * Share of areas whose two Monte Carlo p-values differ by no more than the sampling bound above;
 * `multiple` = 2 for two-sided p (twice a folded estimate), 1 for folded p.
 */
function agreement(ours: ArrayLike<number>, theirs: number[], rTheirs: number, multiple: 1 | 2 = 1): Agreement {
  expect(ours.length).toBe(theirs.length);
  let within = 0;
  let sumAbs = 0;
  let maxAbs = 0;
  for (let i = 0; i < theirs.length; i++) {
    const difference = Math.abs(ours[i]! - theirs[i]!);
    const folded = (ours[i]! + theirs[i]!) / (2 * multiple);
    const spread = folded * (1 - folded);
    const bound = multiple * (4 * Math.sqrt(spread / PERMUTATIONS + spread / rTheirs) + 2 / (PERMUTATIONS + 1));
    if (difference <= bound) within++;
    sumAbs += difference;
    maxAbs = Math.max(maxAbs, difference);
  }
  return { share: within / theirs.length, meanAbs: sumAbs / theirs.length, maxAbs };
}

function meanAbsDifference(a: ArrayLike<number>, b: number[]): number {
  let sum = 0;
  for (let i = 0; i < b.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / b.length;
}

const moran = permutationInference(input.crime, weights, 'local-moran', { permutations: PERMUTATIONS, seed: SEED });
const giStar = permutationInference(input.crime, weights, 'gi-star', { permutations: PERMUTATIONS, seed: SEED });

describe('the spdep permutation fixture', () => {
  it('covers the same 869 areas in the same order, with 9,999 simulations', () => {
    expect(spdep.codes).toEqual(input.codes);
    expect(spdep.codes).toHaveLength(869);
    expect(spdep.nsim).toBe(PERMUTATIONS);
    expect(spdep.tool).toContain('spdep 1.2.7');
  });
  it("has spdep's rank two-sided p equal to twice its folded p, up to a few tied counts", () => {
    // probs_lut: two-sided = 2·min(r, nsim + 2 − r)/(nsim + 1) for rank r, i.e. 2·folded without ties.
    for (const [run, name] of [
      [spdep.local_moran, MORAN_TWO_SIDED],
      [spdep.gi_star_conditional, GI_TWO_SIDED],
    ] as const) {
      const twoSided = column(run, name);
      const folded = column(run, FOLDED);
      const worst = Math.max(...twoSided.map((p, i) => Math.abs(p - Math.min(1, 2 * folded[i]!))));
      expect(worst).toBeLessThanOrEqual(6 / (PERMUTATIONS + 1) + 1e-9);
    }
  });
});

describe('permutation p-values agree with R spdep within sampling error', () => {
  // Measured with seed 1: every area inside the bound; mean |Δp| 0.0039 folded, 0.0078 two-sided.
  const cases = [
    { label: 'local Moran (localmoran_perm, style W)', ours: moran, run: spdep.local_moran, twoSided: MORAN_TWO_SIDED },
    { label: 'Gi* (localG_perm, conditional)', ours: giStar, run: spdep.gi_star_conditional, twoSided: GI_TWO_SIDED },
  ];
  for (const { label, ours, run, twoSided } of cases) {
    it(`${label}: folded pOneSided vs 'Pr(folded) Sim'`, () => {
      const result = agreement(ours.pOneSided, column(run, FOLDED), spdep.nsim);
      expect(result.share).toBeGreaterThanOrEqual(0.99);
      expect(result.meanAbs).toBeLessThan(0.01);
      expect(result.maxAbs).toBeLessThan(0.05);
    });
    it(`${label}: pTwoSided vs '${twoSided}'`, () => {
      const result = agreement(ours.pTwoSided, column(run, twoSided), spdep.nsim, 2);
      expect(result.share).toBeGreaterThanOrEqual(0.99);
      expect(result.meanAbs).toBeLessThan(0.02);
    });
  }
  it('zSim is close to the simulated z spdep reports (Z.Ii; the localG_perm value)', () => {
    // Both are (observed − mean of simulations)/sd of simulations; measured mean |Δz| 0.022.
    expect(meanAbsDifference(moran.zSim, column(spdep.local_moran, 'Z.Ii'))).toBeLessThan(0.05);
    expect(meanAbsDifference(giStar.zSim, column(spdep.gi_star_conditional, 'z'))).toBeLessThan(0.05);
    // Real signal: some areas far in the tails, so agreement is not only about p near 0.5.
    expect(moran.pOneSided.filter((p) => p <= 0.001).length).toBeGreaterThan(20);
  });
});

describe('the comparison can fail', () => {
  it('rejects p-values computed on shuffled values', () => {
    const random = seededRandom(7);
    const shuffled = [...input.crime];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    const wrong = permutationInference(shuffled, weights, 'gi-star', { permutations: PERMUTATIONS, seed: SEED });
    const result = agreement(wrong.pOneSided, column(spdep.gi_star_conditional, FOLDED), spdep.nsim);
    expect(result.share).toBeLessThan(0.5); // measured 6 %
    expect(result.meanAbs).toBeGreaterThan(0.05); // measured 0.19
  });
  it("rejects spdep 1.2-7's Gi* run on include.self weights, whose null also permutes x_i", () => {
    const result = agreement(giStar.pOneSided, column(spdep.gi_star_self_permuted, FOLDED), spdep.nsim);
    expect(result.share).toBeLessThan(0.6); // measured 36 %
    expect(result.meanAbs).toBeGreaterThan(0.02); // measured 0.039
  });
  it('cannot tell Gi* from local Moran by folded p: both rank the same neighbour sum', () => {
    // Swapping the statistic is therefore no test of the comparison: the folded p-values coincide.
    expect(Array.from(moran.pOneSided)).toEqual(Array.from(giStar.pOneSided));
  });
});
