import type { MapLegend } from '../../map/legendSpec.ts';
import type { TargetRow } from '../../analysis/targetRanking.ts';
import type { ThemeDefinition } from '../../analysis/themes/definitions.ts';
import { themeSources } from '../../map/legendSources.ts';
import { targetLegend } from './targetColours.ts';

/** "Where to target" on the map: areas in fifths by need for a theme (the key over the map draws these classes). */
export function targetMapLegend(rows: readonly TargetRow[], opts: { theme: ThemeDefinition; areaWords: string; placeWords: string; method: string; sample: boolean }): MapLegend {
  return {
    title: `${opts.theme.label} need`,
    subtitle: `${opts.areaWords} in ${opts.placeWords}, ranked by need`,
    classes: targetLegend(rows).map(({ label, colour, count }) => ({ label, colour, count })),
    notes: [opts.method],
    sources: themeSources(opts.theme),
    sample: opts.sample,
  };
}
