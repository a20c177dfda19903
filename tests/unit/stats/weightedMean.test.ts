import { describe, expect, it } from 'vitest';
import { populationWeightedMean } from '../../../src/stats/weightedMean.ts';

describe('population-weighted mean', () => {
  it('weights by population and skips areas with no value', () => {
    expect(populationWeightedMean([10, 20, null], [1000, 3000, 5000])).toBe(17.5);
  });
  it('is null when nothing has a value', () => {
    expect(populationWeightedMean([null], [100])).toBeNull();
  });
});
