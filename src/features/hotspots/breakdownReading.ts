import type { Contribution } from '../../analysis/themes/composeTheme.ts';

/** Within this many standard deviations of the mean, a value is read as about average. */
const ABOUT_AVERAGE = 0.1;

export type Comparison = 'Worse than average' | 'Better than average' | 'About average';

export interface BreakdownReading {
  /** How the value compares with the average of the areas in view, in words. */
  comparison: Comparison;
  /** Why the value's sign and its effect on the score differ, when they do; null when the row reads plainly. */
  note: string | null;
}

const fmt = (v: number) => v.toLocaleString('en-GB', { maximumFractionDigits: 2, minimumFractionDigits: 2 });

/**
 * One row of an area's breakdown in words. z is oriented so worse = positive
 * (composeTheme), which can look odd beside the raw value in two cases a
 * resident cannot work out alone:
 * - a measure where a lower value is worse, so a low value adds to the score;
 * - a value below zero that is still worse than the areas in view (IoD scores
 *   are centred on England, so most areas of a better-off place are below 0),
 *   or above zero and still better than them.
 */
export function readContribution(c: Pick<Contribution, 'value' | 'z' | 'higherIsWorse' | 'mean'>): BreakdownReading {
  const comparison: Comparison = Math.abs(c.z) < ABOUT_AVERAGE ? 'About average' : c.z > 0 ? 'Worse than average' : 'Better than average';
  if (c.higherIsWorse === false) {
    const effect = c.z > 0 ? 'a low value adds to the score' : 'a high value takes away from the score';
    return { comparison, note: `Lower is worse for this measure, so ${effect}.` };
  }
  const mean = c.mean ?? null;
  if (comparison === 'About average' || mean === null || !Number.isFinite(mean)) return { comparison, note: null };
  if (c.value < 0 && c.z > 0) {
    return { comparison, note: `Below 0, but the average of the areas in view is ${fmt(mean)}, so ${fmt(c.value)} is worse than average and adds to the score.` };
  }
  if (c.value > 0 && c.z < 0) {
    return { comparison, note: `Above 0, but the average of the areas in view is ${fmt(mean)}, so ${fmt(c.value)} is better than average and lowers the score.` };
  }
  return { comparison, note: null };
}
