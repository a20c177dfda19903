/**
 * The police-data tables as files (export/exportTable.ts): the same counts
 * and rates the panel shows (rates as computed, the screen rounds them).
 */
import type { AreaCrimeCount } from '../../analysis/crimeRates.ts';
import { SOURCE_LINES } from '../../map/legendSources.ts';
import { exportStem, type ExportTable } from '../../export/exportTable.ts';
import { monthLabel } from '../../analysis/format.ts';

const LOCATION_NOTE = 'Points are placed by police.uk at an approximate location (a snap point), never the exact address.';

export function crimeRatesExportTable(
  ranked: readonly AreaCrimeCount[],
  names: ReadonlyMap<string, string>,
  o: { level: 'lsoa' | 'ward'; place: string; period: string; crimeType: string | null },
): ExportTable {
  const areas = o.level === 'ward' ? 'Wards' : 'Small areas';
  return {
    title: `${areas} in ${o.place} by crimes per 1,000 residents ${o.period}${o.crimeType ? ` (${o.crimeType.toLowerCase()})` : ''}`,
    description: `Police-recorded crimes${o.crimeType ? ` of type “${o.crimeType}”` : ''} in each ${o.level === 'ward' ? 'ward' : 'small area'} of ${o.place} with data, highest rate first, and the rate per 1,000 residents (Census 2021). The screen lists the 25 highest; the file has every area with a rate.`,
    place: o.place,
    columns: [{ label: 'Area' }, { label: 'Area code' }, { label: 'Crimes', numeric: true }, { label: 'Crimes per 1,000 residents', numeric: true }],
    rows: ranked.map((t) => [names.get(t.area_code) ?? t.area_code, t.area_code, t.count, t.rate]),
    sources: [SOURCE_LINES.police, SOURCE_LINES.census],
    notes: [`Rates are per 1,000 residents (Census 2021) ${o.period}.`, LOCATION_NOTE],
    fileStem: exportStem(`crime-rates-${o.level === 'ward' ? 'wards' : 'small-areas'}`, o.place),
  };
}

export function crimeDotsExportTable(month: string, counts: readonly { crimeType: string; count: number }[], place: string): ExportTable {
  return {
    title: `Crimes in ${place}, ${monthLabel(month)}, by type`,
    description: `The police-recorded crimes shown as dots on the map for ${monthLabel(month)}, counted by crime type.`,
    place,
    columns: [{ label: 'Crime type' }, { label: 'Crimes', numeric: true }],
    rows: counts.map((c) => [c.crimeType, c.count]),
    sources: [SOURCE_LINES.police],
    notes: [LOCATION_NOTE],
    fileStem: exportStem(`crimes-by-type-${month}`, place),
  };
}
