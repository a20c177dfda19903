import { describe, expect, it } from 'vitest';
import { composeTheme } from '../../../../src/analysis/themes/composeTheme.ts';
import { readContribution } from '../../../../src/features/hotspots/breakdownReading.ts';

const component = (id: string, higherIsWorse: boolean) => ({ id, label: id, shortLabel: id, kind: 'indicator' as const, higherIsWorse });

describe('readContribution', () => {
  // IoD-like scores centred on England: every area here is below 0, C least so.
  const scores = composeTheme({
    codes: ['A', 'B', 'C'],
    components: [
      { component: component('iod', true), weight: 0.5, values: [-2, -1.6, -0.86] },
      { component: component('lowIsWorse', false), weight: 0.5, values: [10, 6, 2] },
    ],
  });
  const row = (code: number, id: string) => scores.breakdown(code).contributions.find((c) => c.id === id)!;

  it('explains a value below 0 that is still worse than the areas in view', () => {
    const c = row(2, 'iod');
    expect(c.value).toBe(-0.86);
    expect(c.z).toBeGreaterThan(0);
    const r = readContribution(c);
    expect(r.comparison).toBe('Worse than average');
    expect(r.note).toBe('Below 0, but the average of the areas in view is -1.49, so -0.86 is worse than average and adds to the score.');
  });

  it('says a low value adds to the score where lower is worse', () => {
    const c = row(2, 'lowIsWorse');
    expect(c.z).toBeGreaterThan(0);
    expect(readContribution(c)).toEqual({ comparison: 'Worse than average', note: 'Lower is worse for this measure, so a low value adds to the score.' });
    expect(readContribution(row(0, 'lowIsWorse'))).toEqual({ comparison: 'Better than average', note: 'Lower is worse for this measure, so a high value takes away from the score.' });
  });

  it('adds no note when the value reads plainly, and calls a value near the mean about average', () => {
    expect(readContribution({ value: 3, z: 1.2, higherIsWorse: true, mean: 1 })).toEqual({ comparison: 'Worse than average', note: null });
    expect(readContribution({ value: -3, z: -1.2, higherIsWorse: true, mean: 1 })).toEqual({ comparison: 'Better than average', note: null });
    expect(readContribution({ value: -0.5, z: 0.05, higherIsWorse: true, mean: -0.51 })).toEqual({ comparison: 'About average', note: null });
  });

  it('explains a value above 0 that is still better than the areas in view', () => {
    expect(readContribution({ value: 1.3, z: -0.8, higherIsWorse: true, mean: 2.1 }).note).toBe(
      'Above 0, but the average of the areas in view is 2.10, so 1.30 is better than average and lowers the score.',
    );
  });
});
