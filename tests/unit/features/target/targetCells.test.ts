import { describe, expect, it } from 'vitest';
import type { TargetRow } from '../../../../src/analysis/targetRanking.ts';
import { areaLabel, deprivationLines, headlineText, hotspotText, surveyText, targetCsv, worseningText } from '../../../../src/features/target/targetCells.ts';
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
    expect(deprivationLines(ward, 'ward')).toEqual([
      'Whole Barriers to Housing and Services domain (includes distance to services): 4 of 7',
      'Overall deprivation: 2 of 7 (1 in the 10 %)',
    ]);
    expect(deprivationLines(row(), 'lsoa')).toEqual(['Overall deprivation: most deprived 10 %']);
    const rural = row({ lsoas: 3, deprivation: [{ domain: 'sub_geographical_barriers', label: 'distance to local services', lsoas: 3, in10: 0, in20: 3 }] });
    expect(deprivationLines(rural, 'ward')).toEqual(['Distance to local services alone: 3 of 3']);
  });

  it('leaves the distance sub-domain out of the CSV, whose columns stay the whole domains', () => {
    const both = row({ deprivation: [{ domain: 'housing_services', label: 'barriers to housing and services', lsoas: 1, in10: 0, in20: 1 }, { domain: 'sub_geographical_barriers', label: 'distance to local services', lsoas: 1, in10: 1, in20: 1 }] });
    const header = targetCsv([both], 'ward', 'Housing', 'Method.', evidence).replace('\uFEFF', '').split('\r\n')[0]!;
    expect(header).toContain("small areas in England's most deprived 20 %: barriers to housing and services");
    expect(header).not.toContain('distance');
  });

  it('heads each row with its score and need fifth', () => {
    expect(headlineText(row(), 'Housing')).toBe('housing score 1.23 (highest need fifth)');
    expect(headlineText(row({ needClass: 4 }), 'Housing')).toBe('housing score 1.23 (lowest need fifth)');
    expect(headlineText(row({ score: null, needClass: null }), 'Housing')).toBe('no housing score');
  });

  it('says a ward’s own class and its small areas’ together, without reading as a contradiction', () => {
    const ward = (own: TargetRow['hotspot']['own'], hot: number, tested = 12) => hotspotText(row({ lsoas: 12, hotspot: { own, lsoasTested: tested, lsoasHot: hot } }), 'ward');
    expect(ward('not-significant', 11)).toBe('The ward as a whole is not a hot spot, but 11 of its 12 small areas are.');
    expect(ward('not-significant', 1)).toBe('The ward as a whole is not a hot spot, but 1 of its 12 small areas is.');
    expect(ward('not-significant', 0)).toBe('Neither the ward as a whole nor any of its 12 small areas is a hot spot.');
    expect(ward('hot-99', 5)).toBe('The ward as a whole is a hot spot (99 %), and 5 of its 12 small areas are too.');
    expect(ward('hot-90', 0)).toBe('The ward as a whole is a hot spot (90 %), though none of its 12 small areas is on its own.');
    expect(ward('cold-95', 2)).toBe('The ward as a whole is a cold spot (95 %), but 2 of its 12 small areas are hot spots.');
    expect(ward(null, 3)).toBe('3 of its 12 small areas are hot spots.');
    expect(hotspotText(row({ lsoas: 4, hotspot: { own: null, lsoasTested: 4, lsoasHot: 0 } }), 'locality')).toBe('None of its 4 small areas is a hot spot.');
  });

  it('says what is missing rather than leaving it blank', () => {
    expect(surveyText(row())).toBe('No survey loaded');
    expect(surveyText(row({ survey: { responses: 0, top: [] } }))).toBe('No responses here');
    expect(surveyText(row({ survey: { responses: 4, top: [{ theme: 'Housing issues', n: 3 }] } }))).toBe('Housing issues (3 of 4, few responses)');
    expect(worseningText(row(), evidence)).toBe('No street-rep data');
    expect(worseningText(row(), { streetRepsLoaded: true })).toBe('None');
    expect(hotspotText(row({ hotspot: { own: null, lsoasTested: 0, lsoasHot: 0 } }), 'locality')).toBe('Not tested');
  });
});
