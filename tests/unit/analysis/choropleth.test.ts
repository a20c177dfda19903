import { describe, expect, it } from 'vitest';
import { buildChoropleth, decileBasis, rankedRow, wardUnavailable } from '../../../src/analysis/choropleth.ts';
import type { Indicator } from '../../../src/db/queries/indicatorCatalogue.ts';

const base: Indicator = {
  code: 'x',
  label: 'X',
  theme: 'Housing',
  source: 's',
  edition: 2025,
  unit: 'score',
  higher_is_worse: true,
  description: '',
  attribution: '',
  table_name: 'iod2025',
  value_column: 'x',
  rank_column: 'x_rank',
  decile_column: 'x_decile',
  aggregation: 'weighted_mean',
  weight_column: null,
  coverage: 'england',
};

describe('where national deciles come from', () => {
  it('uses official deciles for small areas, England cut points for ward means', () => {
    expect(decileBasis(base, 'lsoa').kind).toBe('official');
    expect(decileBasis(base, 'ward').kind).toBe('thresholds');
    expect(decileBasis({ ...base, decile_column: null }, 'lsoa').kind).toBe('thresholds');
  });
  it('refuses to compare ward totals or five-area measures with national deciles', () => {
    expect(decileBasis({ ...base, aggregation: 'sum', decile_column: null }, 'ward')).toMatchObject({ kind: 'none' });
    expect(decileBasis({ ...base, coverage: 'five', decile_column: null }, 'lsoa')).toMatchObject({ kind: 'none' });
  });
  it('never averages ranks into wards', () => {
    const rank = { ...base, unit: 'rank (1 = most deprived in England)', aggregation: 'none' as const };
    expect(wardUnavailable(rank, 'ward')).toMatch(/cannot be averaged/);
    expect(wardUnavailable(rank, 'lsoa')).toBeNull();
  });
});

describe('choropleth model', () => {
  it('orders worst first, counts no-data areas and flags wards with unpublished counts', () => {
    const counts = { ...base, unit: 'people', aggregation: 'sum' as const, decile_column: null, rank_column: null };
    const names = new Map([['w1', { code: 'w1', name: 'One', ward_name: null, lad_name: 'L', population: 10 }]]);
    const m = buildChoropleth(
      counts,
      [
        { code: 'w1', value: 5, rank: null, decile: null, missing: 0 },
        { code: 'w2', value: 9, rank: null, decile: null, missing: 0 },
        { code: 'w3', value: null, rank: null, decile: null, missing: 1 },
      ],
      names,
      'deciles',
      null,
      'ward',
    );
    expect(m.sorted.map((r) => r.code)).toEqual(['w2', 'w1', 'w3']);
    expect(m.noData).toBe(1);
    expect(m.notes.join(' ')).toMatch(/1 ward has a small area whose count is not published/);
    expect(m.classification.note).toMatch(/^A ward total cannot be placed among small-area deciles/);
    expect(rankedRow(m, 1)).toMatchObject({ code: 'w1', name: 'One', position: 2 });
    expect(rankedRow(m, 2)).toMatchObject({ code: 'w3', position: null, classLabel: null });
  });
});
