import type { HotspotRun } from '../../analysis/hotspots/runHotspots.ts';
import type { HotColdClass } from '../../stats/hotspots/hotColdClass.ts';
import { HOT_COLD_COLOURS, NO_DATA_COLOUR } from '../../map/palette.ts';

export const CLASS_LABELS: Record<HotColdClass, string> = {
  'hot-99': 'Hot spot, 99% confidence',
  'hot-95': 'Hot spot, 95% confidence',
  'hot-90': 'Hot spot, 90% confidence',
  'not-significant': 'Not significant',
  'cold-90': 'Cold spot, 90% confidence',
  'cold-95': 'Cold spot, 95% confidence',
  'cold-99': 'Cold spot, 99% confidence',
};
export const CLASS_ORDER: readonly HotColdClass[] = ['hot-99', 'hot-95', 'hot-90', 'not-significant', 'cold-90', 'cold-95', 'cold-99'];

/** Local Moran clusters and outliers, on the same red–blue scheme as Gi*. */
export const CLUSTER_COLOURS = {
  'High-High': '#b2182b',
  'High-Low': '#ef8a62',
  'not-significant': '#f7f7f7',
  'Low-High': '#67a9cf',
  'Low-Low': '#2166ac',
} as const;
export const CLUSTER_LABELS: Record<keyof typeof CLUSTER_COLOURS, string> = {
  'High-High': 'High among high (hot cluster)',
  'High-Low': 'High among low (outlier)',
  'not-significant': 'Not significant',
  'Low-High': 'Low among high (outlier)',
  'Low-Low': 'Low among low (cold cluster)',
};

/** Map colour per area: its class (Gi*) or cluster (local Moran); grey for no value or no neighbours. */
export function hotspotColours(run: HotspotRun): Map<string, string> {
  const colours = new Map<string, string>();
  for (const a of run.areas) {
    if (a.status !== 'tested') colours.set(a.code, NO_DATA_COLOUR);
    else if (run.statistic === 'gi-star') colours.set(a.code, HOT_COLD_COLOURS[a.class ?? 'not-significant']);
    else colours.set(a.code, CLUSTER_COLOURS[a.cluster ?? 'not-significant']);
  }
  return colours;
}

/** Legend rows with counts, in display order. */
export function hotspotLegend(run: HotspotRun): { key: string; label: string; colour: string; count: number }[] {
  const tested = run.areas.filter((a) => a.status === 'tested');
  const rows =
    run.statistic === 'gi-star'
      ? CLASS_ORDER.map((c) => ({ key: c, label: CLASS_LABELS[c], colour: HOT_COLD_COLOURS[c], count: tested.filter((a) => a.class === c).length }))
      : (Object.keys(CLUSTER_COLOURS) as (keyof typeof CLUSTER_COLOURS)[]).map((c) => ({
          key: c,
          label: CLUSTER_LABELS[c],
          colour: CLUSTER_COLOURS[c],
          count: tested.filter((a) => (a.cluster ?? 'not-significant') === c).length,
        }));
  const other = run.summary.islands + run.summary.noValue;
  return other ? [...rows, { key: 'none', label: 'No value or no neighbours (not tested)', colour: NO_DATA_COLOUR, count: other }] : rows;
}
