import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/stats/classify.ts';

const fmt = (v: number) => v.toFixed(1);

describe('classify', () => {
  it('uses the published national decile when there is one', () => {
    const c = classify(
      [
        { code: 'a', value: 50, decile: 1 },
        { code: 'b', value: 5, decile: 10 },
        { code: 'c', value: null, decile: null },
      ],
      { method: 'deciles', higherIsWorse: true, nationalThresholds: null, format: fmt },
    );
    expect(c.classes).toHaveLength(10);
    expect(c.classByCode.get('a')).toBe(0);
    expect(c.classByCode.get('b')).toBe(9);
    expect(c.classByCode.has('c')).toBe(false);
    expect(c.classes[0]?.label).toBe('1 — most deprived 10% in England');
    expect(c.classes[0]?.severity).toBe(1);
  });

  it('places ward values among England deciles, worst tenth first', () => {
    const thresholds = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const c = classify(
      [
        { code: 'high', value: 9.5, decile: null },
        { code: 'low', value: 0.5, decile: null },
        { code: 'edge', value: 5, decile: null },
      ],
      { method: 'deciles', higherIsWorse: true, nationalThresholds: thresholds, format: fmt },
    );
    expect(c.classByCode.get('high')).toBe(0); // decile 1
    expect(c.classByCode.get('low')).toBe(9); // decile 10
    expect(c.classByCode.get('edge')).toBe(5); // 5 is the 50th percentile: decile 6 counting from the top
  });

  it('falls back to equal-count groups, and says why, when no national deciles exist', () => {
    const c = classify(
      Array.from({ length: 10 }, (_, i) => ({ code: `x${i}`, value: i, decile: null })),
      { method: 'deciles', higherIsWorse: true, nationalThresholds: null, format: fmt },
    );
    expect(c.method).toBe('quantiles');
    expect(c.note).toMatch(/not available/);
    expect(c.classes.map((k) => k.count)).toEqual([2, 2, 2, 2, 2]);
  });

  it('darkens low values when lower is worse (ranks)', () => {
    const c = classify(
      Array.from({ length: 10 }, (_, i) => ({ code: `r${i}`, value: i * 100, decile: null })),
      { method: 'quantiles', higherIsWorse: false, nationalThresholds: null, format: fmt },
    );
    expect(c.classes[0]?.severity).toBe(1);
    expect(c.classes[4]?.severity).toBe(0);
  });

  it('names the extreme deciles by direction when lower values are worse', () => {
    const c = classify([{ code: 'a', value: 1, decile: null }], {
      method: 'deciles',
      higherIsWorse: false,
      nationalThresholds: [1, 2, 3, 4, 5, 6, 7, 8, 9],
      format: fmt,
    });
    expect(c.classes[0]?.label).toBe('1 — lowest 10% in England');
    expect(c.classes[9]?.label).toBe('10 — highest 10% in England');
    expect(c.classByCode.get('a')).toBe(0);
  });

  it('says why national deciles are missing when it falls back', () => {
    const c = classify([{ code: 'a', value: 1, decile: null }], {
      method: 'deciles',
      higherIsWorse: true,
      nationalThresholds: null,
      format: fmt,
      noNationalReason: 'A ward total cannot be placed among small-area deciles.',
    });
    expect(c.note).toBe('A ward total cannot be placed among small-area deciles. Equal-count groups are shown instead.');
  });
});
