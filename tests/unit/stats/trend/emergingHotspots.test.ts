import { describe, expect, it } from 'vitest';
import { benjaminiHochbergAdjust } from '../../../../src/stats/hotspots/fdr.ts';
import { twoSidedP } from '../../../../src/stats/hotspots/normal.ts';
import { seededRandom } from '../../../../src/stats/hotspots/random.ts';
import {
  EMERGING_CLASSES,
  EMERGING_CLASS_TEXT,
  classifyEmerging,
  classifyWithTrend,
  emergingHotspots,
  type EmergingClass,
} from '../../../../src/stats/trend/emergingHotspots.ts';
import { mannKendall } from '../../../../src/stats/trend/mannKendall.ts';
import { spaceTimeGiStar } from '../../../../src/stats/trend/spaceTimeGiStar.ts';
import { gridWeights } from '../hotspots/weightsHelpers.ts';

/**
 * A z series from a pattern, oldest first: H = hot bin (z = 3 + slope·t), C = cold bin
 * (z = −3 + slope·t), '.' = not significant (z = 0.3, p = 0.76). p is the two-sided
 * normal p of z, so |z| ≥ 1.645 is significant at 90 %.
 */
function series(pattern: string, slope = 0): { z: number[]; p: number[] } {
  const z = [...pattern].map((ch, t) => (ch === 'H' ? 3 + slope * t : ch === 'C' ? -3 + slope * t : 0.3));
  return { z, p: z.map(twoSidedP) };
}
const classify = (pattern: string, slope = 0) => {
  const { z, p } = series(pattern, slope);
  return classifyEmerging(z, p);
};
// Wobbles around 2.6 with no trend (Mann–Kendall S = −4, p = 0.79).
const FLAT_HOT = [2.5, 2.9, 2.4, 2.8, 2.6, 2.7, 2.3, 2.9, 2.4, 2.6];

describe('classifyEmerging — one case per class', () => {
  const cases: [EmergingClass, { z: number[]; p: number[] }, string][] = [
    ['new-hot', series('.........H'), 'hot only at the final step'],
    ['consecutive-hot', series('.......HHH'), 'one unbroken final run of 3, nothing before'],
    ['intensifying-hot', series('HHHHHHHHHH', 0.1), 'hot throughout, z rising 3.0 → 3.9 (MK S = 45)'],
    ['persistent-hot', { z: FLAT_HOT, p: FLAT_HOT.map(twoSidedP) }, 'hot throughout, no trend'],
    ['diminishing-hot', series('HHHHHHHHHH', -0.1), 'hot throughout, z falling 3.0 → 2.1'],
    ['sporadic-hot', series('..H..H...H'), 'on and off, hot at the end, never cold'],
    ['oscillating-hot', series('..C......H'), 'hot at the end after a cold step'],
    ['historical-hot', series('HHHHHHHHH.'), '9 of 10 hot, but not the latest'],
    ['new-cold', series('.........C'), 'cold only at the final step'],
    ['consecutive-cold', series('........CC'), 'final run of 2 cold steps'],
    ['intensifying-cold', series('CCCCCCCCCC', -0.1), 'cold throughout, z falling (more extreme)'],
    ['persistent-cold', { z: FLAT_HOT.map((v) => -v), p: FLAT_HOT.map(twoSidedP) }, 'cold throughout, no trend'],
    ['diminishing-cold', series('CCCCCCCCCC', 0.1), 'cold throughout, z rising towards 0'],
    ['sporadic-cold', series('C...C.C..C'), 'on and off cold, never hot'],
    ['oscillating-cold', series('.H.......C'), 'cold at the end after a hot step'],
    ['historical-cold', series('CCCCCCCCC.'), '9 of 10 cold, but not the latest'],
    ['no-pattern', series('..........'), 'never significant'],
  ];

  it('covers every class', () => {
    expect(new Set(cases.map(([cls]) => cls))).toEqual(new Set(EMERGING_CLASSES));
  });

  it.each(cases)('%s: %j (%s)', (expected, { z, p }) => {
    expect(classifyEmerging(z, p)).toBe(expected);
  });
});

describe('classifyEmerging — rule boundaries', () => {
  it('needs at least 90 % of steps for the "mostly" classes', () => {
    expect(classify('.HHHHHHHHH', 0.1)).toBe('intensifying-hot'); // 9/10 = 90 %, rising
    expect(classify('.H.HHHHHHH')).toBe('sporadic-hot'); // 8/10: not mostly; hot before the final run
    expect(classify('HHHHHHHH..')).toBe('no-pattern'); // 80 % hot, not hot now: not historical
    expect(classify('..H.......')).toBe('no-pattern'); // a past hot spot only
  });

  it('requires the whole hot history to be the final run for "consecutive"', () => {
    expect(classify('H......HHH')).toBe('sporadic-hot');
    expect(classify('........HH')).toBe('consecutive-hot');
  });

  it('lets the latest step decide between hot and cold patterns', () => {
    // Mostly hot, then cold at the end: oscillating cold (current state), not historical hot.
    expect(classify('HHHHHHHHHC')).toBe('oscillating-cold');
    // A cold history turns a new hot spot into an oscillating one.
    expect(classify('C........H')).toBe('oscillating-hot');
  });

  it('treats a missing p as not significant, and uses the trend it is given', () => {
    const { z, p } = series('.........H');
    p[9] = Number.NaN;
    expect(classifyEmerging(z, p)).toBe('no-pattern');
    const flat = series('HHHHHHHHHH');
    expect(classifyWithTrend(flat.z, flat.p, 'increasing')).toBe('intensifying-hot');
    expect(classifyWithTrend(flat.z, flat.p, 'decreasing')).toBe('diminishing-hot');
    expect(classifyWithTrend(flat.z, flat.p, 'no trend')).toBe('persistent-hot');
    expect(() => classifyEmerging([1, 2], [0.5])).toThrow(/must match/);
    expect(classifyEmerging([], [])).toBe('no-pattern');
  });
});

describe('EMERGING_CLASS_TEXT', () => {
  it('gives every class a label and a single plain sentence', () => {
    expect(Object.keys(EMERGING_CLASS_TEXT)).toHaveLength(17);
    for (const cls of EMERGING_CLASSES) {
      const { label, explanation } = EMERGING_CLASS_TEXT[cls];
      expect(label.length).toBeGreaterThan(3);
      expect(explanation).toMatch(/^[A-Z].*\.$/);
      expect(explanation.slice(0, -1)).not.toMatch(/[.!?]\s/);
    }
  });
});

describe('emergingHotspots', () => {
  // 5 × 5 queen grid, 10 monthly steps of noise around 6; the centre 3 × 3 block jumps by 20 in the last 3 steps.
  const n = 25;
  const steps = 10;
  const w = gridWeights(5, 5, true);
  const block = new Set([6, 7, 8, 11, 12, 13, 16, 17, 18]);
  const random = seededRandom(5);
  const cube = new Float64Array(n * steps);
  for (let t = 0; t < steps; t++) for (let i = 0; i < n; i++) cube[t * n + i] = 5 + 2 * random() + (t >= 7 && block.has(i) ? 20 : 0);

  it('finds the block that became hot recently', () => {
    const { classes } = emergingHotspots(cube, n, steps, w);
    expect(classes[12]).toBe('consecutive-hot');
    for (const corner of [0, 4, 20, 24]) expect(classes[corner]).toBe('no-pattern');
  });

  it('is Mann–Kendall and classifyEmerging applied to each area’s space–time Gi* series', () => {
    const result = emergingHotspots(cube, n, steps, w);
    const gi = spaceTimeGiStar(cube, n, steps, w);
    const adjusted = benjaminiHochbergAdjust(gi.p);
    const withFdr = emergingHotspots(cube, n, steps, w, { fdr: true });
    for (let i = 0; i < n; i++) {
      const z = Array.from({ length: steps }, (_, t) => gi.z[t * n + i]!);
      const p = Array.from({ length: steps }, (_, t) => gi.p[t * n + i]!);
      const mk = mannKendall(z);
      expect(result.trendZ[i]).toBe(mk.z);
      expect(result.trendP[i]).toBe(mk.p);
      expect(result.classes[i]).toBe(classifyEmerging(z, p));
      const pAdjusted = Array.from({ length: steps }, (_, t) => adjusted[t * n + i]!);
      expect(withFdr.classes[i]).toBe(classifyEmerging(z, pAdjusted));
    }
  });
});
