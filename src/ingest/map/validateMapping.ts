import { STREET_REP_ISSUES, type DatasetKind } from '../schemas.ts';
import { insideEnglandBox } from '../validate/coordinates.ts';
import { parseDate, parseMonth } from '../validate/dates.ts';
import { matchIssue, parseGrade } from '../validate/grades.ts';
import { checkLsoaCode, checkWardCode } from '../validate/codes.ts';
import { matchTheme } from '../validate/themes.ts';
import { CHOICE_FIELDS, FIELD_LABELS, columnFor, fieldsOf, type Mapping, type MappableField } from './fields.ts';
import { splitChoices } from '../validate/choices.ts';

/** How many rows the content checks look at. */
const CHECK_ROWS = 50;

type CellTest = (text: string) => boolean;

/** Content each field must show at least once in the first rows, and how to say it's missing. */
const CONTENT_RULES: Partial<Record<MappableField, [CellTest, string]>> = {
  lon: [(t) => Number.isFinite(Number(t)), 'numbers'],
  lat: [(t) => Number.isFinite(Number(t)), 'numbers'],
  easting: [(t) => Number.isFinite(Number(t)), 'numbers'],
  northing: [(t) => Number.isFinite(Number(t)), 'numbers'],
  collected_on: [(t) => 'value' in parseDate(t, 'auto'), 'dates'],
  visited_on: [(t) => 'value' in parseDate(t, 'auto'), 'dates'],
  month: [(t) => 'value' in parseMonth(t), 'months'],
  lsoa_code: [(t) => 'value' in checkLsoaCode(t), 'LSOA codes (E01 and 6 digits)'],
  ward_code: [(t) => 'value' in checkWardCode(t), 'ward codes (E05 and 6 digits)'],
  grade: [(t) => !('error' in parseGrade(t)), 'grades (A to D)'],
  issue: [(t) => 'value' in matchIssue(t), "the form's issues"],
  choices: [(t) => splitChoices(t).some((c) => 'value' in matchTheme(c)), 'survey themes'],
  ...Object.fromEntries(CHOICE_FIELDS.map((f) => [f, [(t: string) => 'value' in matchTheme(t), 'survey themes']])),
};

/**
 * Problems that would stop an import with this mapping, in plain English,
 * found before any row is read in full: a missing location or essential
 * column, a column that isn't in the file, half a coordinate pair, or a
 * column whose first 50 rows hold nothing of the kind mapped (a name column
 * mapped as latitude would otherwise reject every row). Empty = ready.
 */
export function validateMapping(kind: DatasetKind, mapping: Mapping, header: string[], sample: string[][]): string[] {
  const problems: string[] = [];
  const has = (f: MappableField): boolean => columnFor(mapping, f) !== undefined;
  const rows = sample.slice(0, CHECK_ROWS);

  for (const field of fieldsOf(kind)) {
    const column = columnFor(mapping, field);
    if (column !== undefined && !header.includes(column)) problems.push(`The column '${column}' chosen for ${FIELD_LABELS[field]} isn't in the file.`);
  }
  for (const [a, b] of [['lon', 'lat'], ['easting', 'northing']] as const) {
    if (!fieldsOf(kind).includes(a)) continue;
    if (has(a) !== has(b)) problems.push(`${capitalise(FIELD_LABELS[has(a) ? a : b])} is chosen but ${FIELD_LABELS[has(a) ? b : a]} isn't: choose both, or neither.`);
    else if (has(a) && mapping[a] === mapping[b]) problems.push(`The same column '${mapping[a]}' is chosen for both ${FIELD_LABELS[a]} and ${FIELD_LABELS[b]}.`);
  }

  // A postcode places a row through the built-in NSPL lookup (src/ingest/postcodeTable.ts). A survey
  // taken online or by phone has no place to give: its channel column is enough (rows are kept unmapped).
  const located = (has('lon') && has('lat')) || (has('easting') && has('northing')) || has('lsoa_code') || (kind !== 'police' && has('ward_code')) || (kind === 'survey' && (has('venue') || has('channel'))) || (kind !== 'police' && has('postcode'));
  if (!located) {
    if (kind === 'survey') problems.push('No location column: map latitude and longitude, easting and northing, an LSOA or ward code, a postcode, or a venue (or, for a survey taken online or by phone, the channel column).');
    else if (kind === 'street-rep') problems.push('No location column: map latitude and longitude, easting and northing, a postcode, or an LSOA or ward code.');
    else problems.push('No location column: map Longitude and Latitude, or LSOA code.');
  }
  if (kind === 'survey' && !has('choices') && !CHOICE_FIELDS.some(has) && Object.keys(mapping.choiceColumns ?? {}).length === 0) problems.push('No theme column: map the choices (one column per choice, or one column listing them in order).');
  if (kind === 'street-rep') problems.push(...streetRepProblems(mapping, has, header, rows));
  if (kind === 'police') {
    if (!has('month')) problems.push('No month column: map Month.');
    if (!has('crime_type')) problems.push('No crime type column: map Crime type.');
  }

  for (const field of fieldsOf(kind)) {
    const column = columnFor(mapping, field);
    const rule = CONTENT_RULES[field];
    if (column === undefined || !rule || !header.includes(column)) continue;
    const problem = contentProblem(column, FIELD_LABELS[field], rule, rows, header.indexOf(column));
    if (problem) problems.push(problem);
  }
  if (has('lon') && has('lat') && mapping.lon !== mapping.lat && header.includes(mapping.lon!) && header.includes(mapping.lat!)) {
    const problem = outsideEnglandProblem(mapping.lon!, mapping.lat!, rows, header.indexOf(mapping.lon!), header.indexOf(mapping.lat!));
    if (problem) problems.push(problem);
  }
  return problems;
}

function streetRepProblems(mapping: Mapping, has: (f: MappableField) => boolean, header: string[], rows: string[][]): string[] {
  const problems: string[] = [];
  if (!has('site_id') && !has('site_name')) problems.push('No site column: map a site id or a site name.');
  if (!has('visited_on')) problems.push('No date column: map the date of the visit.');
  const wide = Object.entries(mapping.issueColumns ?? {});
  if (wide.length === 0 && !(has('issue') && has('grade'))) {
    problems.push("No grades: map an issue column and a grade column, or columns named after the form's issues (one column per issue).");
  }
  for (const [column, issue] of wide) {
    if (!header.includes(column)) problems.push(`The column '${column}' chosen for ${issue} isn't in the file.`);
    else if (!STREET_REP_ISSUES.includes(issue)) problems.push(`'${issue}' isn't one of the form's issues (${STREET_REP_ISSUES.join(', ')}).`);
    else {
      const problem = contentProblem(column, issue, CONTENT_RULES.grade!, rows, header.indexOf(column));
      if (problem) problems.push(problem);
    }
  }
  return problems;
}

/** A message when a column has values in the first rows but none of the kind expected. */
function contentProblem(column: string, label: string, [test, what]: [CellTest, string], rows: string[][], index: number): string | null {
  const values = rows.map((r) => (r[index] ?? '').trim()).filter((v) => v !== '');
  if (values.length === 0 || values.some(test)) return null;
  const examples = [...new Set(values)].slice(0, 3).map((v) => `'${v.length > 30 ? `${v.slice(0, 27)}…` : v}'`).join(', ');
  return `The column '${column}' mapped as ${label} has no ${what} in the first ${CHECK_ROWS} rows (it holds values such as ${examples}).`;
}

/** Numbers that are coordinates in neither order (ids, counts, eastings) can't be placed. */
function outsideEnglandProblem(lonColumn: string, latColumn: string, rows: string[][], lonIndex: number, latIndex: number): string | null {
  let pairs = 0;
  for (const r of rows) {
    const lon = Number((r[lonIndex] ?? '').trim() || NaN);
    const lat = Number((r[latIndex] ?? '').trim() || NaN);
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    pairs++;
    if (insideEnglandBox(lon, lat) || insideEnglandBox(lat, lon)) return null;
  }
  if (pairs === 0) return null;
  return `None of the first ${CHECK_ROWS} rows has a longitude in '${lonColumn}' and latitude in '${latColumn}' that falls in England; if they are eastings and northings in metres, map them as easting and northing.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
