import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, runHotspots, subsetWeights, type HotspotInput } from '../../../../src/analysis/hotspots/runHotspots.ts';
import { getisOrdGiStar } from '../../../../src/stats/hotspots/getisOrd.ts';
import type { AreaBreakdown } from '../../../../src/analysis/themes/composeTheme.ts';
import type { SpatialWeights } from '../../../../src/stats/spatial/weights.ts';
import { noise, queenGrid } from './grid.ts';

// A 10 × 10 grid of small areas, random noise everywhere, plus a planted 3 × 3 block of high values.
const ROWS = 10;
const COLS = 10;
const weights = queenGrid(ROWS, COLS);
const codes = Array.from({ length: ROWS * COLS }, (_, i) => `A${String(i).padStart(3, '0')}`);
const names = codes.map((c) => `Area ${c}`);
const inBlock = (i: number) => Math.floor(i / COLS) >= 1 && Math.floor(i / COLS) <= 3 && i % COLS >= 1 && i % COLS <= 3;
const nearBlock = (i: number) => Math.floor(i / COLS) <= 4 && i % COLS <= 4;
const values: (number | null)[] = noise(ROWS * COLS).map((v, i) => v + (inBlock(i) ? 4 : 0));
const CENTRE = 2 * COLS + 2;

const base: HotspotInput = { codes, names, values, weights, statistic: 'gi-star' };

describe('runHotspots with Gi*', () => {
  const run = runHotspots(base);

  it('finds the planted cluster, and nothing far from it', () => {
    // 999 permutations cannot give p below 0.002, and after the FDR correction over 100 areas that is 95 %, not 99 %.
    expect(run.areas[CENTRE]!.class).toBe('hot-95');
    expect(run.notes).toContain(
      'With 999 permutations the smallest possible p is 0.0020, so after the false discovery rate correction a small area reaches 99 % confidence only when at least 20 small areas are that extreme; more permutations give a finer answer.',
    );
    const finer = runHotspots({ ...base, permutations: 9999 });
    expect(finer.areas[CENTRE]!.class).toBe('hot-99');
    expect(finer.notes.join(' ')).toContain('at least 2 small areas are that extreme');
    const hot = run.areas.flatMap((a, i) => (a.class?.startsWith('hot') ? [i] : []));
    expect(hot.filter(inBlock).length).toBeGreaterThanOrEqual(5);
    expect(hot.every(nearBlock)).toBe(true);
    expect(run.ranked.hot[0]!.code).toBe(codes[CENTRE]);
    expect(run.ranked.hot.map((h) => h.code).sort()).toEqual(hot.map((i) => codes[i]).sort());
  });

  it('uses the stated defaults and reports every area once', () => {
    expect(run.permutations).toBe(999);
    expect(run.seed).toBe(DEFAULT_SEED);
    expect(run.fdr).toBe(true);
    expect(run.pShown).toBe('permutation');
    const { tested, islands, noValue, ...classes } = run.summary;
    expect(Object.values(classes).reduce((s, n) => s + n, 0)).toBe(100);
    expect([tested, islands, noValue]).toEqual([100, 0, 0]);
    expect(run.methodSentence).toBe(
      'Hot and cold spots: Getis–Ord Gi* over each small area and its touching neighbours, 999 random permutations, false discovery rate controlled at each confidence level (Benjamini–Hochberg).',
    );
  });

  it('gives analytic, permutation and adjusted p-values that agree with each other', () => {
    const analytic = getisOrdGiStar(values as number[], weights);
    run.areas.forEach((a, i) => {
      expect(a.z).toBeCloseTo(analytic.z[i]!, 12);
      expect(a.p).toBeCloseTo(analytic.p[i]!, 12);
      expect(a.pSim).toBeGreaterThanOrEqual(2 / 1000);
      expect(a.pFdr!).toBeGreaterThanOrEqual(a.pSim! - 1e-15);
    });
    // The smallest two-sided permutation p possible with 999 shuffles.
    expect(run.areas[CENTRE]!.pSim).toBeCloseTo(0.002, 12);
  });

  it('is reproducible from its seed', () => {
    const again = runHotspots(base);
    expect(again.areas.map((a) => a.pSim)).toEqual(run.areas.map((a) => a.pSim));
    const other = runHotspots({ ...base, seed: 1 });
    expect(other.areas.map((a) => a.pSim)).not.toEqual(run.areas.map((a) => a.pSim));
  });

  it('flags at least as many areas without the false discovery rate correction', () => {
    const raw = runHotspots({ ...base, fdr: false });
    const significant = (r: typeof run) => r.areas.filter((a) => a.class !== 'not-significant').length;
    expect(significant(raw)).toBeGreaterThanOrEqual(significant(run));
    // Uncorrected, every cell of the planted block is hot.
    expect(raw.areas.filter((a, i) => inBlock(i) && a.class!.startsWith('hot'))).toHaveLength(9);
    expect(raw.methodSentence).toContain('confidence levels not corrected for testing many small areas at once');
  });

  it('falls back to the normal approximation with no permutations', () => {
    const r = runHotspots({ ...base, permutations: 0 });
    expect(r.pShown).toBe('analytic');
    expect(r.areas[CENTRE]!.pSim).toBeNull();
    expect(r.areas[CENTRE]!.class).toBe('hot-99');
    expect(r.methodSentence).toContain('p-values from the normal approximation (no permutations)');
  });

  it('names what drives each hotspot when given a theme breakdown', () => {
    const breakdown = (i: number): AreaBreakdown => ({
      code: codes[i]!,
      score: 0,
      weightShare: 1,
      missing: [],
      contributions: [
        { id: 'police', shortLabel: 'police crime rate', value: 1, z: 2, weight: 0.3, contribution: 1.2 },
        { id: 'iod', shortLabel: 'IoD Crime domain', value: 1, z: 1, weight: 0.4, contribution: 0.8 },
        { id: 'survey', shortLabel: 'survey: policing & safety', value: 1, z: -1, weight: 0.3, contribution: -0.6 },
      ],
    });
    const r = runHotspots({ ...base, breakdown });
    expect(r.ranked.hot[0]!.drivers).toEqual([
      { shortLabel: 'police crime rate', contribution: 1.2 },
      { shortLabel: 'IoD Crime domain', contribution: 0.8 },
    ]);
  });
});

describe('runHotspots with local Moran', () => {
  it('calls the planted block a High-High cluster and shows it as hot', () => {
    const run = runHotspots({ ...base, statistic: 'local-moran' });
    expect(run.areas[CENTRE]!.quadrant).toBe('High-High');
    expect(run.areas[CENTRE]!.cluster).toBe('High-High');
    expect(run.areas[CENTRE]!.class!.startsWith('hot')).toBe(true);
    // Outliers are never coloured hot or cold.
    for (const a of run.areas) if (a.cluster === 'High-Low' || a.cluster === 'Low-High') expect(a.class).toBe('not-significant');
    expect(run.methodSentence).toMatch(/^Clusters and outliers: local Moran's I comparing each small area with the average of its touching neighbours/);
  });
});

describe('areas with no value', () => {
  // Cell 0 touches only 1, 10 and 11: with those missing it becomes an island.
  const gappy = values.map((v, i) => ([1, 10, 11].includes(i) ? null : v));
  const run = runHotspots({ ...base, values: gappy });

  it('leaves them out and rebuilds the neighbours over the rest', () => {
    expect(run.excluded.map((e) => e.code)).toEqual(['A001', 'A010', 'A011']);
    expect(run.areas[1]).toMatchObject({ status: 'no-value', value: null, z: null, class: null });
    expect(run.islands).toEqual([{ code: 'A000', name: 'Area A000' }]);
    expect(run.areas[0]).toMatchObject({ status: 'island', class: 'not-significant', pFdr: null });
    expect(run.summary).toMatchObject({ tested: 96, islands: 1, noValue: 3 });
    const keep = gappy.map((v) => v !== null);
    const { weights: sub, kept } = subsetWeights(weights, keep);
    const z = getisOrdGiStar(Array.from(kept, (i) => gappy[i] as number), sub).z;
    kept.forEach((original, k) => expect(run.areas[original]!.z).toBeCloseTo(z[k]!, 12));
    expect(run.notes).toContain('3 small areas have no value and are left out; their neighbours are compared only with areas that have values.');
    expect(run.notes.join(' ')).toContain('1 small area has no neighbour to compare with (Area A000), so it is never called a hot or cold spot.');
  });

  it('says when too few areas have values to test', () => {
    const r = runHotspots({ ...base, values: values.map((v, i) => (i < 2 ? v : null)) });
    expect(r.areas.every((a) => a.class !== 'hot-99')).toBe(true);
    expect(r.notes[0]).toBe('Only 2 small areas have a value, too few to look for hot or cold spots.');
  });
});

describe('subsetWeights', () => {
  // A path 0 – 1 – 2 – 3 with weights; dropping 2 cuts 3 off.
  const path: SpatialWeights = {
    n: 4,
    offsets: Uint32Array.from([0, 1, 3, 5, 6]),
    neighbours: Uint32Array.from([1, 0, 2, 1, 3, 2]),
    weights: Float64Array.from([0.5, 0.5, 2, 2, 3, 3]),
    islands: [],
  };

  it('keeps the links between kept areas, renumbered, with their weights', () => {
    const { weights: sub, kept } = subsetWeights(path, [true, true, false, true]);
    expect(Array.from(kept)).toEqual([0, 1, 3]);
    expect(sub.n).toBe(3);
    expect(Array.from(sub.offsets)).toEqual([0, 1, 2, 2]);
    expect(Array.from(sub.neighbours)).toEqual([1, 0]);
    expect(Array.from(sub.weights!)).toEqual([0.5, 0.5]);
    expect(sub.islands).toEqual([2]);
  });

  it('returns the same list when everything is kept', () => {
    const { weights: sub } = subsetWeights(path, [1, 1, 1, 1]);
    expect(Array.from(sub.neighbours)).toEqual(Array.from(path.neighbours));
    expect(Array.from(sub.offsets)).toEqual(Array.from(path.offsets));
    expect(() => subsetWeights(path, [true])).toThrow(/keep mask has 1 entries/);
  });
});
