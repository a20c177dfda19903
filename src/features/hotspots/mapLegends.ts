/**
 * The hotspot tab's map keys as data (MapLegend): the keys over the map are
 * drawn from these, and so are the exported image, print and PDF.
 */
import type { MapLegend } from '../../map/legendSpec.ts';
import type { HotspotRun } from '../../analysis/hotspots/runHotspots.ts';
import type { ThemeDefinition } from '../../analysis/themes/definitions.ts';
import { EMERGING_CLASS_TEXT, type EmergingClass } from '../../stats/trend/emergingHotspots.ts';
import { NO_DATA_COLOUR } from '../../map/palette.ts';
import { SOURCE_LINES, themeSources } from '../../map/legendSources.ts';
import { hotspotLegend } from './hotspotColours.ts';
import { EMERGING_COLOURS } from './emergingColours.ts';

/** Hot and cold spots (Gi*) or clusters (local Moran) for a theme or one measure. */
export function hotspotMapLegend(
  run: HotspotRun,
  opts: { measureLabel: string; theme: ThemeDefinition | null; indicatorSource: string | null; areaWords: string; sample: boolean },
): MapLegend {
  return {
    title: opts.measureLabel,
    subtitle: `${run.statistic === 'gi-star' ? 'Hot and cold spots (Getis–Ord Gi*)' : 'Clusters and outliers (local Moran’s I)'} · ${opts.areaWords}`,
    classes: hotspotLegend(run).map(({ label, colour, count }) => ({ label, colour, count })),
    notes: [run.methodSentence],
    sources: opts.theme ? themeSources(opts.theme) : [`Source: ${opts.indicatorSource ?? 'the measure tested'}.`],
    sample: opts.sample,
  };
}

export interface EmergingRow {
  cls: EmergingClass;
  codes: readonly string[];
}

/** Emerging hot spots in monthly police-recorded crime, by area. */
export function crimeEmergingLegend(rows: readonly EmergingRow[], islands: number, opts: { placeWords: string; method: string; areaWords: string }): MapLegend {
  return {
    title: `Crime trend in ${opts.placeWords}`,
    subtitle: `Emerging hot spots in police-recorded crime · ${opts.areaWords}`,
    classes: [
      ...rows.map(({ cls, codes }) => ({ label: EMERGING_CLASS_TEXT[cls].label, colour: EMERGING_COLOURS[cls], count: codes.length })),
      ...(islands > 0 ? [{ label: 'No touching neighbour (not tested)', colour: NO_DATA_COLOUR, count: islands }] : []),
    ],
    notes: [opts.method],
    sources: [SOURCE_LINES.police],
    sample: false,
  };
}

/** Emerging hot spots in street-rep grades, by site (points). */
export function siteEmergingLegend(
  rows: readonly EmergingRow[],
  untested: number,
  opts: { placeWords: string; method: string; minMonths: number; sample: boolean },
): MapLegend {
  return {
    title: `Street-rep trend in ${opts.placeWords}`,
    subtitle: 'Emerging hot spots in street-rep grades · each dot a site',
    classes: [
      ...rows.map(({ cls, codes }) => ({ label: EMERGING_CLASS_TEXT[cls].label, colour: EMERGING_COLOURS[cls], count: codes.length, shape: 'dot' as const })),
      ...(untested > 0 ? [{ label: `Not tested (fewer than ${opts.minMonths} months graded)`, colour: NO_DATA_COLOUR, count: untested, shape: 'dot' as const }] : []),
    ],
    notes: [opts.method],
    sources: [SOURCE_LINES.streetReps],
    sample: opts.sample,
  };
}
