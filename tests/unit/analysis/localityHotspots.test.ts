import { describe, expect, it } from 'vitest';
import { localityHotspotSentence, localityTestPlace, localityThemeHotspots, localityThemeScore, tallyHotspots } from '../../../src/analysis/localityHotspots.ts';
import type { HotspotArea } from '../../../src/analysis/hotspots/runHotspots.ts';
import type { HotColdClass } from '../../../src/stats/hotspots/hotColdClass.ts';

const area = (code: string, cls: HotColdClass | null, status: HotspotArea['status'] = 'tested'): HotspotArea => ({
  code,
  name: code,
  value: cls === null ? null : 1,
  status: cls === null ? 'no-value' : status,
  z: null,
  p: null,
  pSim: null,
  pFdr: null,
  class: cls,
  quadrant: null,
  cluster: null,
});

const lsoaRun = {
  areas: [
    area('A1', 'hot-95'),
    area('A2', 'hot-99'),
    area('A3', 'hot-90'),
    area('A4', 'not-significant'),
    area('A5', 'cold-95'),
    area('A6', null),
    area('A7', 'not-significant', 'island'),
    // Outside the locality: never counted.
    area('B1', 'hot-99'),
    area('B2', 'cold-99'),
  ],
};
const wardRun = { areas: [area('W1', 'hot-95'), area('W2', 'not-significant'), area('W3', 'cold-99')] };

describe('a locality’s hot and cold spots', () => {
  it('counts only its own areas, strong classes apart from 90 %', () => {
    const t = tallyHotspots(lsoaRun, ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8']);
    expect(t.total).toBe(8);
    // A6 has no value, A7 is an island, A8 is not in the run.
    expect(t.tested).toBe(5);
    expect([t.hot, t.cold, t.hot90, t.cold90]).toEqual([2, 1, 1, 0]);
    expect(t.hotCodes).toEqual(['A2', 'A1']);
    expect(t.coldCodes).toEqual(['A5']);
    expect(t.byClass['not-significant']).toBe(1);
  });

  it('says it in one sentence per theme, with wards when it has them', () => {
    const t = localityThemeHotspots({ id: 'housing', label: 'Housing' }, { lsoa: lsoaRun, ward: wardRun }, { lsoas: ['A1', 'A2', 'A4', 'A5'], wards: ['W1', 'W2'] })!;
    expect(localityHotspotSentence(t)).toBe(
      'Of its 4 small areas, 2 are hot spots for housing (95 % confidence or more), 1 cold spot; of its 2 wards, 1 is a hot spot, 0 cold spots.',
    );
    const weak = localityThemeHotspots({ id: 'safety', label: 'Safety' }, { lsoa: lsoaRun, ward: wardRun }, { lsoas: ['A3', 'A6'], wards: [] })!;
    expect(weak.ward).toBeNull();
    expect(localityHotspotSentence(weak)).toBe(
      'Of its 2 small areas, 0 are hot spots for safety (95 % confidence or more), 0 cold spots (1 more hot and 0 more cold at 90 %); 1 could not be tested.',
    );
    expect(localityThemeHotspots({ id: 'x', label: 'X' }, { ward: wardRun }, { lsoas: ['A1'], wards: ['W1'] })).toBeNull();
  });

  it('scores a theme as the population-weighted mean of its small areas’ scores', () => {
    const scores = { codes: ['A1', 'A2', 'A3', 'B1'], scores: [1, 3, null, 100] };
    const population = new Map([['A1', 100], ['A2', 300], ['A3', 50], ['B1', 1000]]);
    expect(localityThemeScore(scores, ['A1', 'A2', 'A3'], population)).toEqual({ score: 2.5, used: 2 });
    expect(localityThemeScore(scores, ['A3'], population)).toEqual({ score: null, used: 0 });
  });

  it('tests a locality in the place in view when it holds it, else where it lies', () => {
    const five = ['E08000016', 'E06000050'];
    expect(localityTestPlace('E08000016', ['E08000016'], five)).toBe('E08000016');
    expect(localityTestPlace('E08000016', ['E08000016', 'E06000050'], five)).toBe('five');
    expect(localityTestPlace('england', ['E06000050'], five)).toBe('E06000050');
    expect(localityTestPlace('five', ['E06000050'], five)).toBe('five');
    expect(localityTestPlace('five', ['E09000001'], five)).toBe('E09000001');
    expect(localityTestPlace('five', ['E09000001', 'E09000002'], five)).toBeNull();
    expect(localityTestPlace('five', [], five)).toBeNull();
  });
});
