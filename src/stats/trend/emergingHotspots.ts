/**
 * Emerging hot spot classes, following ArcGIS Pro "How Emerging Hot Spot
 * Analysis works": each area's space–time Gi* series (./spaceTimeGiStar.ts)
 * is read bin by bin — hot when p ≤ 0.10 and z > 0, cold when p ≤ 0.10 and
 * z < 0 — and Mann–Kendall (./mannKendall.ts, alpha 0.05) is run on its z
 * series to tell whether clustering intensifies or fades.
 *
 * Rules, for hot (cold mirrors them; "mostly" = at least 90 % of all steps):
 * - final step hot and mostly hot: intensifying (z trend significantly up),
 *   diminishing (significantly down) or persistent (no significant trend);
 * - final step hot, not mostly hot: oscillating if any step was cold, else
 *   new (the only hot step is the final one), consecutive (every hot step is
 *   in one unbroken run ending at the final step, so at least two), or
 *   sporadic (on and off, never cold);
 * - final step not significant and mostly hot: historical.
 * Two overlaps the ArcGIS text leaves open, settled here: a cold history makes
 * a final-step hot spot oscillating rather than new or consecutive (sporadic
 * explicitly excludes cold steps, so new/consecutive/sporadic all describe
 * histories without cold spots); and the final step decides between hot and
 * cold patterns, so a final cold step after a mostly-hot history is
 * oscillating cold, not historical hot. ArcGIS expects at least 10 steps;
 * shorter series work but "mostly" then means every step.
 */
import type { SpatialWeights } from '../spatial/weights.ts';
import { benjaminiHochbergAdjust } from '../hotspots/fdr.ts';
import { mannKendall, type TrendDirection } from './mannKendall.ts';
import { spaceTimeGiStar } from './spaceTimeGiStar.ts';

export type EmergingClass =
  | 'new-hot'
  | 'consecutive-hot'
  | 'intensifying-hot'
  | 'persistent-hot'
  | 'diminishing-hot'
  | 'sporadic-hot'
  | 'oscillating-hot'
  | 'historical-hot'
  | 'new-cold'
  | 'consecutive-cold'
  | 'intensifying-cold'
  | 'persistent-cold'
  | 'diminishing-cold'
  | 'sporadic-cold'
  | 'oscillating-cold'
  | 'historical-cold'
  | 'no-pattern';

/** Legend wording: a short label and one plain-English sentence per class. */
export const EMERGING_CLASS_TEXT: Record<EmergingClass, { label: string; explanation: string }> = {
  'new-hot': { label: 'New hot spot', explanation: 'This area and its neighbours are unusually high in the latest period, for the first time.' },
  'consecutive-hot': {
    label: 'Consecutive hot spot',
    explanation: 'This area and its neighbours have been unusually high for an unbroken run of recent periods, up to the latest, and never before that.',
  },
  'intensifying-hot': {
    label: 'Intensifying hot spot',
    explanation: 'This area and its neighbours have been unusually high in at least 9 out of 10 periods, including the latest, and it is getting stronger.',
  },
  'persistent-hot': {
    label: 'Persistent hot spot',
    explanation: 'This area and its neighbours have been unusually high in at least 9 out of 10 periods, with no clear sign of it getting stronger or weaker.',
  },
  'diminishing-hot': {
    label: 'Diminishing hot spot',
    explanation: 'This area and its neighbours have been unusually high in at least 9 out of 10 periods, including the latest, but it is getting weaker.',
  },
  'sporadic-hot': {
    label: 'Sporadic hot spot',
    explanation: 'This area and its neighbours are unusually high in the latest period and have been on and off before, but never unusually low.',
  },
  'oscillating-hot': {
    label: 'Oscillating hot spot',
    explanation: 'This area and its neighbours are unusually high in the latest period, although at some earlier time they were unusually low.',
  },
  'historical-hot': {
    label: 'Historical hot spot',
    explanation: 'This area and its neighbours were unusually high in at least 9 out of 10 periods, but not in the latest one.',
  },
  'new-cold': { label: 'New cold spot', explanation: 'This area and its neighbours are unusually low in the latest period, for the first time.' },
  'consecutive-cold': {
    label: 'Consecutive cold spot',
    explanation: 'This area and its neighbours have been unusually low for an unbroken run of recent periods, up to the latest, and never before that.',
  },
  'intensifying-cold': {
    label: 'Intensifying cold spot',
    explanation: 'This area and its neighbours have been unusually low in at least 9 out of 10 periods, including the latest, and it is getting stronger.',
  },
  'persistent-cold': {
    label: 'Persistent cold spot',
    explanation: 'This area and its neighbours have been unusually low in at least 9 out of 10 periods, with no clear sign of it getting stronger or weaker.',
  },
  'diminishing-cold': {
    label: 'Diminishing cold spot',
    explanation: 'This area and its neighbours have been unusually low in at least 9 out of 10 periods, including the latest, but it is getting weaker.',
  },
  'sporadic-cold': {
    label: 'Sporadic cold spot',
    explanation: 'This area and its neighbours are unusually low in the latest period and have been on and off before, but never unusually high.',
  },
  'oscillating-cold': {
    label: 'Oscillating cold spot',
    explanation: 'This area and its neighbours are unusually low in the latest period, although at some earlier time they were unusually high.',
  },
  'historical-cold': {
    label: 'Historical cold spot',
    explanation: 'This area and its neighbours were unusually low in at least 9 out of 10 periods, but not in the latest one.',
  },
  'no-pattern': {
    label: 'No pattern detected',
    explanation: 'This area and its neighbours have not been consistently unusually high or low over time.',
  },
};

/** Every class, in legend order. */
export const EMERGING_CLASSES = Object.keys(EMERGING_CLASS_TEXT) as EmergingClass[];

/** A bin counts as a hot or cold spot at 90 % confidence. */
export const EMERGING_BIN_ALPHA = 0.1;

type BinState = 1 | -1 | 0;

function binState(z: number, p: number): BinState {
  if (!(p <= EMERGING_BIN_ALPHA)) return 0; // also catches NaN
  return z > 0 ? 1 : z < 0 ? -1 : 0;
}

/** At least 90 % of the steps, in whole numbers to avoid rounding at exactly 90 %. */
function mostly(count: number, steps: number): boolean {
  return count * 10 >= steps * 9;
}

/** Classification given the z trend (so callers that already ran Mann–Kendall do not repeat it). */
export function classifyWithTrend(z: ArrayLike<number>, p: ArrayLike<number>, trend: TrendDirection): EmergingClass {
  const steps = z.length;
  if (p.length !== steps) throw new Error(`There are ${steps} z-scores but ${p.length} p-values; they must match.`);
  if (steps === 0) return 'no-pattern';
  let hot = 0;
  let cold = 0;
  for (let t = 0; t < steps; t++) {
    const state = binState(z[t]!, p[t]!);
    if (state === 1) hot++;
    else if (state === -1) cold++;
  }
  const final = binState(z[steps - 1]!, p[steps - 1]!);
  if (final === 0) {
    if (mostly(hot, steps)) return 'historical-hot';
    if (mostly(cold, steps)) return 'historical-cold';
    return 'no-pattern';
  }
  const isHot = final === 1;
  const same = isHot ? hot : cold;
  const opposite = isHot ? cold : hot;
  if (mostly(same, steps)) {
    // Intensifying means z moving away from zero: up for hot spots, down for cold ones.
    if (trend === 'no trend') return isHot ? 'persistent-hot' : 'persistent-cold';
    const strengthening = (trend === 'increasing') === isHot;
    if (strengthening) return isHot ? 'intensifying-hot' : 'intensifying-cold';
    return isHot ? 'diminishing-hot' : 'diminishing-cold';
  }
  if (opposite > 0) return isHot ? 'oscillating-hot' : 'oscillating-cold';
  if (same === 1) return isHot ? 'new-hot' : 'new-cold';
  let run = 0;
  for (let t = steps - 1; t >= 0 && binState(z[t]!, p[t]!) === final; t--) run++;
  if (run === same) return isHot ? 'consecutive-hot' : 'consecutive-cold';
  return isHot ? 'sporadic-hot' : 'sporadic-cold';
}

/** One area's class from its per-step Gi* z and p series, oldest step first. */
export function classifyEmerging(z: ArrayLike<number>, p: ArrayLike<number>): EmergingClass {
  return classifyWithTrend(z, p, mannKendall(z).trend);
}

/**
 * Space–time Gi* on the cube (value of area i at step t at [t·n + i]), then a
 * class per area. trendZ/trendP are the Mann–Kendall Z and p of each area's
 * Gi* z series (the "hot spot trend"). `fdr: true` judges bins on
 * Benjamini–Hochberg adjusted p over all bins, as ArcGIS Pro does; the default
 * (false) uses p ≤ 0.10 uncorrected.
 */
export function emergingHotspots(
  cube: ArrayLike<number>,
  n: number,
  steps: number,
  w: SpatialWeights,
  options: { fdr?: boolean } = {},
): { classes: EmergingClass[]; trendZ: Float64Array; trendP: Float64Array } {
  const gi = spaceTimeGiStar(cube, n, steps, w);
  const p = options.fdr ? benjaminiHochbergAdjust(gi.p) : gi.p;
  const classes = new Array<EmergingClass>(n);
  const trendZ = new Float64Array(n);
  const trendP = new Float64Array(n);
  const zSeries = new Float64Array(steps);
  const pSeries = new Float64Array(steps);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < steps; t++) {
      zSeries[t] = gi.z[t * n + i]!;
      pSeries[t] = p[t * n + i]!;
    }
    const trend = mannKendall(zSeries);
    trendZ[i] = trend.z;
    trendP[i] = trend.p;
    classes[i] = classifyWithTrend(zSeries, pSeries, trend.trend);
  }
  return { classes, trendZ, trendP };
}
