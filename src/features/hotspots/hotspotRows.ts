import type { HotspotArea, HotspotRun } from '../../analysis/hotspots/runHotspots.ts';

/** The p each area was tested with, before any false discovery rate correction: permutation or normal approximation. */
export function pBeforeCorrection(area: HotspotArea, pShown: HotspotRun['pShown']): number | null {
  return pShown === 'permutation' ? area.pSim : area.p;
}

/**
 * The p that decides an area's confidence: the Benjamini–Hochberg adjusted p
 * when the false discovery rate correction is on (p ≤ the BH cut-off at a
 * level exactly when the adjusted p ≤ that level), else the p itself.
 */
export function decidingP(area: HotspotArea, run: Pick<HotspotRun, 'fdr' | 'pShown'>): number | null {
  return run.fdr ? area.pFdr : pBeforeCorrection(area, run.pShown);
}

export function confidenceOf(p: number | null): 99 | 95 | 90 | null {
  if (p === null || Number.isNaN(p)) return null;
  return p <= 0.01 ? 99 : p <= 0.05 ? 95 : p <= 0.1 ? 90 : null;
}

export interface OutlierRow {
  code: string;
  name: string;
  cluster: 'High-Low' | 'Low-High';
  confidence: 99 | 95 | 90;
  z: number;
  p: number | null;
  pFdr: number | null;
}

/**
 * Local Moran's significant outliers (a high value among low neighbours, or
 * low among high), which the map colours but the hot and cold spot lists
 * leave out; most confident first, then the most unlike their neighbours.
 */
export function outlierRows(run: Pick<HotspotRun, 'areas' | 'fdr' | 'pShown'>): OutlierRow[] {
  const rows: OutlierRow[] = [];
  for (const a of run.areas) {
    if ((a.cluster !== 'High-Low' && a.cluster !== 'Low-High') || a.z === null) continue;
    const confidence = confidenceOf(decidingP(a, run));
    if (confidence === null) continue;
    rows.push({ code: a.code, name: a.name, cluster: a.cluster, confidence, z: a.z, p: pBeforeCorrection(a, run.pShown), pFdr: a.pFdr });
  }
  return rows.sort((a, b) => b.confidence - a.confidence || a.z - b.z || (a.code < b.code ? -1 : 1));
}
