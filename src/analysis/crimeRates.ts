import type { Table } from 'apache-arrow';
import { classOf, quantileBreaks } from '../stats/classBreaks.ts';
import { NO_DATA_COLOUR, severityColour } from '../map/palette.ts';
import { gapWords, monthGaps, monthIndex, spansLabel } from './calendar.ts';

export interface AreaCrimeCount {
  area_code: string;
  count: number;
  /** Per 1,000 residents; null where there is no police data or no population. */
  rate: number | null;
  /** False where the area's authority has no police data for the months counted (count is then 0, not a real zero). */
  hasPoliceData: boolean;
}

export interface CrimeRateMap {
  colours: Map<string, string>;
  legend: { colour: string; from: number | null; to: number | null; areas: number }[];
  noData: number;
}

const FIVE = 5;

/**
 * Colour areas by crimes per 1,000 residents in five equal-count groups
 * (quintiles among the areas shown); areas without police data are grey and
 * counted separately, never shown as zero.
 */
export function crimeRateColours(rows: readonly AreaCrimeCount[]): CrimeRateMap {
  const rates = rows.flatMap((r) => (r.rate === null ? [] : [r.rate]));
  const breaks = quantileBreaks(rates, FIVE);
  const k = breaks.length + 1;
  const colours = new Map<string, string>();
  const counts = new Array<number>(k).fill(0);
  let noData = 0;
  for (const r of rows) {
    if (r.rate === null) {
      colours.set(r.area_code, NO_DATA_COLOUR);
      noData++;
      continue;
    }
    const c = classOf(r.rate, breaks);
    counts[c]!++;
    colours.set(r.area_code, severityColour(k === 1 ? 0.5 : c / (k - 1)));
  }
  const legend = counts.map((areas, c) => ({
    colour: severityColour(k === 1 ? 0.5 : c / (k - 1)),
    from: c === 0 ? (rates.length ? Math.min(...rates) : null) : (breaks[c - 1] ?? null),
    to: c === k - 1 ? (rates.length ? Math.max(...rates) : null) : (breaks[c] ?? null),
    areas,
  }));
  return { colours, legend, noData };
}

/** Monthly totals over areas, oldest first. */
export function monthlyTotals(rows: readonly { month: string; count: number }[]): { month: string; value: number }[] {
  const byMonth = new Map<string, number>();
  for (const r of rows) byMonth.set(r.month, (byMonth.get(r.month) ?? 0) + r.count);
  return [...byMonth].sort(([a], [b]) => a.localeCompare(b)).map(([month, value]) => ({ month, value }));
}

/**
 * Each area's crimes over the chosen months and the rate per 1,000 residents
 * over that period; null (not 0) where the area's authority has no police data.
 */
export function areaTotals(
  rows: readonly { code: string; month: string; count: number | null; population: number | null }[],
  months: ReadonlySet<string>,
): AreaCrimeCount[] {
  const byArea = new Map<string, { count: number; covered: boolean; population: number | null }>();
  for (const r of rows) {
    if (!months.has(r.month)) continue;
    const a = byArea.get(r.code) ?? { count: 0, covered: false, population: r.population };
    if (r.count !== null) {
      a.count += r.count;
      a.covered = true;
    }
    byArea.set(r.code, a);
  }
  return [...byArea].map(([area_code, a]) => ({
    area_code,
    count: a.covered ? a.count : 0,
    rate: a.covered && a.population ? (1000 * a.count) / a.population : null,
    hasPoliceData: a.covered,
  }));
}

export interface CrimeSummary {
  /** Crimes over the areas with police data: the same months summed in the monthly chart. */
  total: number;
  /** Areas with police data (an area with no residents recorded has data but no rate). */
  areasWithData: number;
  /** Areas with a rate, highest first (ties by area code, so the order is stable). */
  ranked: AreaCrimeCount[];
}

/** The headline total and the ranking the crime section shows, from areaTotals. */
export function crimeSummary(totals: readonly AreaCrimeCount[]): CrimeSummary {
  const withData = totals.filter((t) => t.hasPoliceData);
  const ranked = totals
    .filter((t) => t.rate !== null)
    .sort((a, b) => b.rate! - a.rate! || (a.area_code < b.area_code ? -1 : a.area_code > b.area_code ? 1 : 0));
  return { total: withData.reduce((s, t) => s + t.count, 0), areasWithData: withData.length, ranked };
}

/** How many months of police data a rate is worked out over, at most. */
export const RATE_MONTHS = 12;

/**
 * The latest `wanted` months that have data (oldest first): a rate covers
 * these, which may straddle a gap in the series; never months with no data.
 */
export function latestMonthsWithData(months: readonly string[], wanted = RATE_MONTHS): string[] {
  return [...new Set(months)].sort((a, b) => monthIndex(a) - monthIndex(b)).slice(-wanted);
}

/**
 * Over which months a rate is counted, in words: "over the 12 latest months
 * with data: Nov 2021–Oct 2022", or, across a gap, "over the 12 latest months
 * with data: Mar–Oct 2022 and Jan–Apr 2024 (none from Nov 2022 to Dec 2023)".
 * Fewer months than wanted: "over the 5 months with data: Jan–May 2024".
 */
export function ratePeriodWords(rateMonths: readonly string[], wanted = RATE_MONTHS): string {
  if (rateMonths.length === 0) return 'over no months (there is no police data)';
  const n = rateMonths.length;
  const which = n >= wanted ? `the ${n} latest months with data` : n === 1 ? 'the 1 month with data' : `the ${n} months with data`;
  const gaps = monthGaps(rateMonths);
  return `over ${which}: ${spansLabel(rateMonths)}${gaps.length ? ` (${gapWords(gaps)})` : ''}`;
}

/** "Crimes per 1,000 residents over the 12 latest months with data: Nov 2021–Oct 2022." */
export function rateSentence(rateMonths: readonly string[], wanted = RATE_MONTHS): string {
  return `Crimes per 1,000 residents (Census 2021) ${ratePeriodWords(rateMonths, wanted)}.`;
}

/** Label for a police record with no crime type. */
export const UNKNOWN_CRIME_TYPE = 'Type not given';

/**
 * Records by crime type in a table of crime points (its crime_type column),
 * commonest first, ties in alphabetical order: the table alternative to the
 * dots on the map.
 */
export function crimeTypeCounts(points: Pick<Table, 'getChild' | 'numRows'>): { crimeType: string; count: number }[] {
  const column = points.getChild('crime_type');
  if (!column) throw new Error('The crime points have no crime_type column.');
  const counts = new Map<string, number>();
  for (let i = 0; i < points.numRows; i++) {
    const value: unknown = column.get(i);
    const type = value === null || value === undefined || value === '' ? UNKNOWN_CRIME_TYPE : String(value);
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  return [...counts]
    .map(([crimeType, count]) => ({ crimeType, count }))
    .sort((a, b) => b.count - a.count || a.crimeType.localeCompare(b.crimeType));
}
