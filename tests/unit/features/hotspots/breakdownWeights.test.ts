import { describe, expect, it } from 'vitest';
import { composeTheme } from '../../../../src/analysis/themes/composeTheme.ts';
import { weightsUsed } from '../../../../src/features/hotspots/breakdownWeights.ts';

const component = (id: string) => ({ id, label: id, shortLabel: id, kind: 'indicator' as const, higherIsWorse: true });

describe('weightsUsed', () => {
  const scores = composeTheme({
    codes: ['A', 'B', 'C', 'D'],
    components: [
      { component: component('x'), weight: 0.5, values: [1, 2, 3, 4] },
      { component: component('y'), weight: 0.3, values: [4, null, 2, 1] },
      { component: component('z'), weight: 0.2, values: [2, 2, 5, 1] },
    ],
  });

  it('renormalises over the measures an area has, so weight × z adds up to its score', () => {
    const b = scores.breakdown(1); // B has no value for y
    const used = weightsUsed(b);
    expect(used.has('y')).toBe(false);
    expect(used.get('x')).toBeCloseTo(0.5 / 0.7, 10);
    expect(used.get('z')).toBeCloseTo(0.2 / 0.7, 10);
    const sum = b.contributions.reduce((s, c) => s + used.get(c.id)! * c.z, 0);
    expect(sum).toBeCloseTo(b.score!, 10);
  });

  it('keeps the slider shares when nothing is left out', () => {
    const used = weightsUsed(scores.breakdown(0));
    expect(used.get('x')).toBeCloseTo(0.5, 10);
    expect(used.get('y')).toBeCloseTo(0.3, 10);
    expect(used.get('z')).toBeCloseTo(0.2, 10);
  });
});
