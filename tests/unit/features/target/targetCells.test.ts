import { describe, expect, it } from 'vitest';
import type { TargetRow } from '../../../../src/analysis/targetRanking.ts';
import { areaLabel, deprivationLines, hotspotText, surveyText, targetCsv, worseningText } from '../../../../src/features/target/targetCells.ts';
import type { TargetEvidence } from '../../../../src/db/queries/target.ts';

const row = (over: Partial<TargetRow> = {}): TargetRow => ({
  rank: 1,
  needClass: 0,
  code: 'E01018351',
  name: 'Cheshire West and Chester 020A',
  wardName: 'Lache',
  population: 1500,
  score: 1.234,
  lsoas: 1,
  lsoasScored: 1,
  drivers: [{ shortLabel: 'IoD indoors', contribution: 0.8 }],
  hotspot: { own: 'hot-99', lsoasTested: 1, lsoasHot: 1 },
  deprivation: [{ domain: 'imd', label: 'overall deprivation', lsoas: 1, in10: 1, in20: 1 }],
  survey: null,
  worsening: [],
  reason: 'Highest housing score; =bad',
  ...over,
});
const evidence = { streetRepsLoaded: false } as TargetEvidence;

describe('target cells', () => {
  it('names the ward of a small area, in the table and in the CSV', () => {
    expect(areaLabel(row())).toBe('Cheshire West and Chester 020A (Lache)');
    const csv = targetCsv([row()], 'lsoa', 'Housing', 'Method.', evidence);
    const [header, first] = csv.replace('\uFEFF', '').split('\r\n');
    expect(header!.split(',').slice(0, 4)).toEqual(['rank', 'code', 'name', 'ward']);
    expect(first).toMatch(/^1,E01018351,Cheshire West and Chester 020A,Lache,1500,1.234,IoD indoors,1,1,Hot spot \(99 %\),,,1,1,,,,,/);
  });

  it('counts a ward’s small areas in the most deprived 20 %, naming the 10 % only where there are some', () => {
    const ward = row({ lsoas: 7, deprivation: [{ domain: 'housing_services', label: 'barriers to housing and services', lsoas: 7, in10: 0, in20: 4 }, { domain: 'imd', label: 'overall deprivation', lsoas: 7, in10: 1, in20: 2 }] });
    expect(deprivationLines(ward, 'ward')).toEqual(['barriers to housing and services: 4 of 7', 'overall deprivation: 2 of 7 (1 in the 10 %)']);
    expect(deprivationLines(row(), 'lsoa')).toEqual(['overall deprivation: most deprived 10 %']);
  });

  it('says what is missing rather than leaving it blank', () => {
    expect(surveyText(row())).toBe('No survey loaded');
    expect(surveyText(row({ survey: { responses: 0, top: [] } }))).toBe('No responses here');
    expect(surveyText(row({ survey: { responses: 4, top: [{ theme: 'Housing issues', n: 3 }] } }))).toBe('Housing issues (3 of 4, few responses)');
    expect(worseningText(row(), evidence)).toBe('No street-rep data');
    expect(worseningText(row(), { streetRepsLoaded: true })).toBe('None');
    expect(hotspotText(row({ hotspot: { own: 'not-significant', lsoasTested: 5, lsoasHot: 2 }, lsoas: 6 }), 'ward')).toBe('Not a hot spot; 2 of 6 small areas hot');
    expect(hotspotText(row({ hotspot: { own: null, lsoasTested: 0, lsoasHot: 0 } }), 'locality')).toBe('Not tested');
  });
});
