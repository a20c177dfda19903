import type { AreaLevel } from '../../geo/levels.ts';
import { LEVELS } from '../../geo/levels.ts';
import type { HotspotRun } from '../../analysis/hotspots/runHotspots.ts';

/** Column headers of the hotspot lists: plain words first, the statistician's symbol in brackets. */
export const LIST_HEADERS = {
  z: 'How unusual (z)',
  p: 'Chance (p)',
  pBefore: 'Chance before correcting (p)',
  pAdjusted: 'Chance after correcting for many tests (adjusted p)',
} as const;

/**
 * What to say when a run finds no hot or cold spot, in words, instead of an
 * empty list. At ward level, whole wards can average out a concentration in a
 * few of their small areas, so it points to the small-area view (the "Show"
 * choice above the map). Null when there is something to list.
 */
export function noHotspotMessage(o: { level: AreaLevel; statistic: HotspotRun['statistic']; hot: number; cold: number; outliers: number }): string | null {
  if (o.hot + o.cold > 0) return null;
  const what = o.statistic === 'local-moran' && o.outliers === 0 ? 'a hot or cold spot or an outlier' : 'a hot or cold spot';
  const sentence = `No ${LEVELS[o.level].singular} is ${what} at 90 % confidence or more.`;
  if (o.level !== 'ward') return sentence;
  return `${sentence} Small areas can show concentrations that whole wards average out — try Show: Small areas.`;
}
