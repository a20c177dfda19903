import { describe, expect, it } from 'vitest';
import { classOf, jenksBreaks, quantileBreaks } from '../../../src/stats/classBreaks.ts';

describe('natural breaks (Jenks)', () => {
  it('splits three obvious groups where a person would', () => {
    expect(jenksBreaks([1, 2, 3, 10, 11, 12, 20, 21, 22], 3)).toEqual([3, 12]);
  });

  it('matches a hand-checked case', () => {
    // Values 1 2 4 5 7 9 10 20, k = 2. Sum of squared deviations (SDCM) per split:
    // {1..10}{20}: SDCM = (276 − 38²/7) + 0 = 69.71, the smallest of all 7 splits
    // (e.g. {1,2,4,5}{7,9,10,20}: 10 + 101 = 111; {1..9}{10,20}: 45.33 + 50 = 95.33). So the break is at 10.
    expect(jenksBreaks([20, 1, 9, 2, 10, 4, 7, 5], 2)).toEqual([10]);
    // k = 3: {1,2,4,5}{7,9,10}{20}: 10 + 4.667 + 0 = 14.667, smaller than any other split
    // (e.g. {1,2,4}{5,7,9,10}{20}: 4.67 + 14.75 = 19.42; {1,2}{4,5,7,9,10}{20}: 0.5 + 26 = 26.5).
    expect(jenksBreaks([20, 1, 9, 2, 10, 4, 7, 5], 3)).toEqual([5, 10]);
  });

  it('copes with fewer distinct values than classes and ignores missing values', () => {
    expect(jenksBreaks([2, 2, 2, Number.NaN], 5)).toEqual([]);
    expect(jenksBreaks([1, 1, 5, 5], 5)).toEqual([1]);
  });
});

describe('quantile breaks', () => {
  it('gives equal-count groups', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantileBreaks(values, 4)).toEqual([25.75, 50.5, 75.25]);
  });
});

describe('classOf', () => {
  it('puts a value equal to a threshold in the lower class', () => {
    expect(classOf(3, [3, 12])).toBe(0);
    expect(classOf(3.01, [3, 12])).toBe(1);
    expect(classOf(99, [3, 12])).toBe(2);
  });
});
