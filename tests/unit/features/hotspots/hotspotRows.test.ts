import { describe, expect, it } from 'vitest';
import type { HotspotArea, HotspotRun } from '../../../../src/analysis/hotspots/runHotspots.ts';
import { confidenceOf, decidingP, outlierRows, pBeforeCorrection } from '../../../../src/features/hotspots/hotspotRows.ts';

function area(code: string, cluster: HotspotArea['cluster'], z: number, pSim: number, pFdr: number, p = pSim / 2): HotspotArea {
  return { code, name: `Area ${code}`, value: 1, status: 'tested', z, p, pSim, pFdr, class: 'not-significant', quadrant: null, cluster };
}

const areas = [
  area('A', 'High-Low', -2.1, 0.004, 0.03),
  area('B', 'Low-High', -3.5, 0.002, 0.02),
  area('C', 'High-High', 3, 0.001, 0.01),
  area('D', 'Low-High', -1.8, 0.04, 0.2), // significant before correction only
  area('E', 'High-Low', -2.5, 0.001, 0.008),
  area('F', 'not-significant', 0.2, 0.6, 0.9),
];

describe('which p decides the confidence', () => {
  it('uses the adjusted p with the false discovery rate correction, the permutation or normal p without', () => {
    expect(decidingP(areas[0]!, { fdr: true, pShown: 'permutation' })).toBe(0.03);
    expect(decidingP(areas[0]!, { fdr: false, pShown: 'permutation' })).toBe(0.004);
    expect(decidingP(areas[0]!, { fdr: false, pShown: 'analytic' })).toBe(0.002);
    expect(pBeforeCorrection(areas[0]!, 'analytic')).toBe(0.002);
  });

  it('bins p at 99, 95 and 90 % confidence', () => {
    expect([0.01, 0.0101, 0.05, 0.1, 0.1001, null, Number.NaN].map(confidenceOf)).toEqual([99, 95, 95, 90, null, null, null]);
  });
});

describe('outlierRows', () => {
  it('lists local Moran’s significant outliers only, most confident then most unlike first', () => {
    const run = { areas, fdr: true, pShown: 'permutation' } satisfies Pick<HotspotRun, 'areas' | 'fdr' | 'pShown'>;
    expect(outlierRows(run)).toEqual([
      { code: 'E', name: 'Area E', cluster: 'High-Low', confidence: 99, z: -2.5, p: 0.001, pFdr: 0.008 },
      { code: 'B', name: 'Area B', cluster: 'Low-High', confidence: 95, z: -3.5, p: 0.002, pFdr: 0.02 },
      { code: 'A', name: 'Area A', cluster: 'High-Low', confidence: 95, z: -2.1, p: 0.004, pFdr: 0.03 },
    ]);
  });

  it('judges on the uncorrected p when the correction is off', () => {
    const rows = outlierRows({ areas, fdr: false, pShown: 'permutation' });
    expect(rows.map((r) => [r.code, r.confidence])).toEqual([
      ['B', 99],
      ['E', 99],
      ['A', 99],
      ['D', 95],
    ]);
  });
});
