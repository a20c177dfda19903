/** The police data tab's map keys as data (MapLegend), from the same groups and colours as the key over the map. */
import type { MapLegend } from '../../map/legendSpec.ts';
import type { CrimeRateMap } from '../../analysis/crimeRates.ts';
import { NO_DATA_COLOUR } from '../../map/palette.ts';
import { SOURCE_LINES } from '../../map/legendSources.ts';
import { crimeTypeColour, typesWithOwnColour } from './crimePointsLayer.ts';

const r1 = (v: number) => v.toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** Areas by crimes per 1,000 residents, five equal-sized groups, grey where there is no police data. */
export function crimeRateLegend(rateMap: CrimeRateMap, opts: { period: string; placeWords: string; areaWords: string }): MapLegend {
  return {
    title: 'Crimes per 1,000 residents',
    subtitle: `${opts.areaWords} in ${opts.placeWords}, ${opts.period}; five equal-sized groups`,
    classes: [
      ...rateMap.legend.map((c) => ({ label: `${c.from === null ? '' : r1(c.from)} – ${c.to === null ? '' : r1(c.to)}`, colour: c.colour, count: c.areas })),
      ...(rateMap.noData > 0 ? [{ label: 'No police data', colour: NO_DATA_COLOUR, count: rateMap.noData }] : []),
    ],
    notes: ['Rates are per 1,000 residents (Census 2021). Points are placed by police.uk at an approximate location (a snap point), never the exact address.'],
    sources: [SOURCE_LINES.police, SOURCE_LINES.census],
    sample: false,
  };
}

/** Each crime of one month as a dot, coloured by type (the commonest types have their own colour). */
export function crimeDotsLegend(month: string, counts: readonly { crimeType: string; count: number }[], types: readonly string[]): MapLegend {
  const own = typesWithOwnColour(types);
  const countOf = (t: string) => counts.find((c) => c.crimeType === t)?.count ?? 0;
  const other = counts.filter((c) => !own.includes(c.crimeType)).reduce((n, c) => n + c.count, 0);
  return {
    title: `Each crime of ${month} as a dot`,
    classes: [
      ...own.map((t) => ({ label: t, colour: crimeTypeColour(t, types), count: countOf(t), shape: 'dot' as const })),
      ...(types.length > own.length ? [{ label: 'Other', colour: crimeTypeColour('', []), count: other, shape: 'dot' as const }] : []),
    ],
    notes: [],
    sources: [SOURCE_LINES.police],
    sample: false,
  };
}
