import { csvParse } from 'd3';
import { describe, expect, it } from 'vitest';
import { HOTSPOT_CSV_COLUMNS, hotspotCsv } from '../../../../src/analysis/hotspots/exportCsv.ts';
import { runHotspots } from '../../../../src/analysis/hotspots/runHotspots.ts';
import { noise, queenGrid } from './grid.ts';

const weights = queenGrid(4, 4);
const codes = Array.from({ length: 16 }, (_, i) => `E0100${String(i).padStart(4, '0')}`);
// Names that need RFC 4180 quoting: a comma, a quote, a line break.
const names = codes.map((_, i) => (i === 0 ? 'Smith, "Old" Town' : i === 1 ? 'Two\nLines' : `Area ${i}`));
const values = noise(16, 3).map((v, i) => (i === 15 ? null : v + (i < 5 ? 3 : 0)));
const run = runHotspots({ codes, names, values, weights, statistic: 'gi-star', permutations: 99, seed: 42 });
const csv = hotspotCsv(run, {
  measure: 'Safety theme score',
  neighbours: 'queen contiguity, binary',
  themeWeights: [
    { shortLabel: 'IoD Crime domain', weight: 0.4 },
    { shortLabel: 'police crime rate', weight: 0.3 },
  ],
  generatedAt: new Date('2026-11-22T10:00:00Z'),
  wardOf: new Map([[codes[2]!, 'Central, "North"']]),
});
// The file starts with a UTF-8 byte-order mark for Excel; a parser sees it as part of the first name.
const rows = csvParse(csv.replace(/^\uFEFF/, ''));

describe('hotspotCsv', () => {
  it('starts with the header line and parses back with the expected columns', () => {
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${HOTSPOT_CSV_COLUMNS.join(',')}`);
    expect(rows.columns).toEqual([...HOTSPOT_CSV_COLUMNS]);
    expect(rows).toHaveLength(16);
  });

  it('quotes awkward names so they come back intact', () => {
    expect(rows[0]!.area_name).toBe('Smith, "Old" Town');
    expect(rows[1]!.area_name).toBe('Two\nLines');
    expect(rows.map((r) => r.area_code)).toEqual(codes);
  });

  it('names each small area’s ward where it is known, blank elsewhere', () => {
    expect(rows[2]!.ward_name).toBe('Central, "North"');
    expect(rows[3]!.ward_name).toBe('');
  });

  it('writes each area\u2019s numbers rounded to 6 decimal places', () => {
    rows.forEach((r, i) => {
      const a = run.areas[i]!;
      if (a.value === null) return;
      expect(Number(r.value)).toBeCloseTo(a.value, 6);
      expect(Number(r.z)).toBeCloseTo(a.z!, 6);
      expect(Number(r.p)).toBeCloseTo(a.p!, 6);
      expect(Number(r.p_permutation)).toBeCloseTo(a.pSim!, 6);
      expect(Number(r.p_fdr)).toBeCloseTo(a.pFdr!, 6);
      expect(r.z!.split('.')[1]?.length ?? 0).toBeLessThanOrEqual(6);
      expect(r.class).toBe(a.class);
      expect(r.significant_fdr).toBe(a.pFdr! <= 0.1 ? 'yes' : 'no');
    });
  });

  it('writes negative z-scores as numbers, not neutralised text', () => {
    const negative = rows.filter((r) => r.z !== '' && Number(r.z) < 0);
    expect(negative.length).toBeGreaterThan(0);
    for (const r of negative) expect(r.z).toMatch(/^-\d/);
  });

  it('leaves the numbers of an area with no value blank and says why', () => {
    expect(rows[15]).toMatchObject({ value: '', z: '', p: '', p_fdr: '', class: '', significant_fdr: '', status: 'no-value' });
  });

  it('repeats how the run was made on every row', () => {
    for (const r of rows) {
      expect(r).toMatchObject({
        measure: 'Safety theme score',
        statistic: 'gi-star',
        permutations: '99',
        seed: '42',
        generated_at: '2026-11-22T10:00:00.000Z',
        weights_used: 'queen contiguity, binary, 15 areas, 0 islands; theme weights: IoD Crime domain 0.4; police crime rate 0.3',
      });
    }
  });
});
