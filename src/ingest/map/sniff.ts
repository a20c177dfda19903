import { ENGLAND_BOX, GRID_BOX } from '../validate/coordinates.ts';
import { parseDate, parseMonth, parseTime } from '../validate/dates.ts';
import { normaliseAgeBand, normaliseEthnicity, normaliseSex } from '../validate/demographics.ts';
import { matchIssue, parseGrade } from '../validate/grades.ts';
import { matchTheme } from '../validate/themes.ts';
import { splitChoices } from '../validate/choices.ts';
import type { MappableField } from './fields.ts';

/** The crime types police.uk publishes, to recognise a crime-type column by its values. */
export const POLICE_CRIME_TYPES = new Set([
  'Anti-social behaviour', 'Bicycle theft', 'Burglary', 'Criminal damage and arson', 'Drugs', 'Other crime', 'Other theft',
  'Possession of weapons', 'Public order', 'Robbery', 'Shoplifting', 'Theft from the person', 'Vehicle crime', 'Violence and sexual offences',
]);

const num = (t: string): number => (t.trim() === '' ? NaN : Number(t));
const decimals = (t: string): number => {
  const dot = t.indexOf('.');
  return dot < 0 ? 0 : t.trim().length - dot - 1;
};

/** Splits a ranked list of themes: semicolons, bars and line breaks, or commas when nothing else is used. */
export const LIST_SEPARATORS = /[;|\n\r]|\s>\s/;

/** Tests that recognise a field from a single non-empty cell. */
export const LOOKS_LIKE: Partial<Record<MappableField, (text: string) => boolean>> = {
  lon: (t) => {
    const n = num(t);
    return n >= ENGLAND_BOX.west && n <= ENGLAND_BOX.east;
  },
  lat: (t) => {
    const n = num(t);
    return n >= ENGLAND_BOX.south && n <= ENGLAND_BOX.north;
  },
  easting: (t) => {
    const n = num(t);
    return n >= 1000 && n <= GRID_BOX.east;
  },
  northing: (t) => {
    const n = num(t);
    return n >= 1000 && n <= GRID_BOX.north;
  },
  lsoa_code: (t) => /^E01\d{6}$/i.test(t.trim()),
  ward_code: (t) => /^E05\d{6}$/i.test(t.trim()),
  postcode: (t) => /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i.test(t.trim()),
  collected_on: (t) => 'value' in parseDate(t, 'auto'),
  visited_on: (t) => 'value' in parseDate(t, 'auto'),
  visit_time: (t) => 'value' in parseTime(t),
  month: (t) => 'value' in parseMonth(t),
  choice_1: (t) => 'value' in matchTheme(t),
  choice_2: (t) => 'value' in matchTheme(t),
  choice_3: (t) => 'value' in matchTheme(t),
  choice_4: (t) => 'value' in matchTheme(t),
  choice_5: (t) => 'value' in matchTheme(t),
  choices: (t) => splitChoices(t).some((part) => 'value' in matchTheme(part)),
  age_band: (t) => {
    const r = normaliseAgeBand(t);
    return 'value' in r || /\d+ ?(-|to|\+)/.test(t);
  },
  sex: (t) => 'value' in normaliseSex(t),
  ethnicity: (t) => 'value' in normaliseEthnicity(t),
  grade: (t) => !('error' in parseGrade(t)),
  issue: (t) => 'value' in matchIssue(t),
  crime_type: (t) => POLICE_CRIME_TYPES.has(t.trim()),
};

/** Fields recognisable by content alone, with no help from the column name. */
export const CONTENT_ONLY: readonly MappableField[] = ['lsoa_code', 'ward_code', 'postcode', 'collected_on', 'visited_on', 'month', 'age_band', 'sex', 'ethnicity', 'issue', 'crime_type', 'lon', 'lat'];

/**
 * Share of values that identify the field with no help from the column name.
 * Bare whole numbers are too common (ids, counts) to be taken for ages here.
 */
export function contentOnlyScore(field: MappableField, values: string[]): number | null {
  if (!CONTENT_ONLY.includes(field)) return null;
  if (field === 'age_band' && values.every((v) => /^\s*\d+\s*$/.test(v))) return 0;
  // Unnamed coordinates need several decimals, so small numbers (ratings, counts) aren't taken for longitudes.
  if ((field === 'lon' || field === 'lat') && values.some((v) => decimals(v) < 3)) return 0;
  return contentScore(field, values);
}

/** Non-empty cells of one column in the sample. */
export function sampleValues(sample: string[][], column: number, limit = 200): string[] {
  const values: string[] = [];
  for (const row of sample) {
    const cell = row[column];
    if (cell !== undefined && cell.trim() !== '') values.push(cell);
    if (values.length >= limit) break;
  }
  return values;
}

/** Share of the values that look like the field, or null when the field has no content test or there are no values. */
export function contentScore(field: MappableField, values: string[]): number | null {
  const test = LOOKS_LIKE[field];
  if (!test || values.length === 0) return null;
  let hits = 0;
  for (const v of values) if (test(v)) hits++;
  return hits / values.length;
}
