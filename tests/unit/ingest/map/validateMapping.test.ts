import { describe, expect, it } from 'vitest';
import { validateMapping } from '../../../../src/ingest/normalise/createNormaliser.ts';

const SURVEY_HEADER = ['Name', 'Lat', 'Lon', 'Postcode', 'Choice 1', 'When'];
const SURVEY_ROWS = [
  ['Ann', '52.6364', '-1.1334', 'LE1 5YA', 'Housing issues', '01/03/2025'],
  ['Bob', '52.6201', '-1.1502', 'LE2 1AA', 'Youth activities', '02/03/2025'],
];

describe('validateMapping', () => {
  it('passes a workable mapping', () => {
    expect(validateMapping('survey', { lat: 'Lat', lon: 'Lon', choice_1: 'Choice 1', collected_on: 'When' }, SURVEY_HEADER, SURVEY_ROWS)).toEqual([]);
  });

  it('blocks a text column mapped as latitude', () => {
    expect(validateMapping('survey', { lat: 'Name', lon: 'Lon', choice_1: 'Choice 1' }, SURVEY_HEADER, SURVEY_ROWS)).toEqual([
      "The column 'Name' mapped as latitude has no numbers in the first 50 rows (it holds values such as 'Ann', 'Bob').",
    ]);
  });

  it('takes a channel column as enough for a survey taken online or by phone (its rows are kept without a place)', () => {
    expect(validateMapping('survey', { channel: 'Lat', choice_1: 'Choice 1' }, SURVEY_HEADER, SURVEY_ROWS)).toEqual([]);
    expect(validateMapping('street-rep', { site_id: 'Lat', visited_on: 'Lat', issue: 'Lat', grade: 'Lat' }, SURVEY_HEADER, []).some((p) => p.startsWith('No location column'))).toBe(true);
  });

  it('takes a postcode column as the location (the built-in postcode lookup places it)', () => {
    expect(validateMapping('survey', { postcode: 'Postcode', choice_1: 'Choice 1' }, SURVEY_HEADER, SURVEY_ROWS)).toEqual([]);
  });

  it('blocks half a coordinate pair, the same column twice, a missing column and missing choices', () => {
    expect(validateMapping('survey', { lat: 'Lat' }, SURVEY_HEADER, SURVEY_ROWS)).toEqual([
      "Latitude is chosen but longitude isn't: choose both, or neither.",
      'No location column: map latitude and longitude, easting and northing, an LSOA or ward code, a postcode, or a venue (or, for a survey taken online or by phone, the channel column).',
      'No theme column: map the choices (one column per choice, or one column listing them in order).',
    ]);
    expect(validateMapping('survey', { lat: 'Lat', lon: 'Lat', choice_1: 'Gone' }, SURVEY_HEADER, SURVEY_ROWS)).toEqual([
      "The column 'Gone' chosen for choice 1 isn't in the file.",
      "The same column 'Lat' is chosen for both longitude and latitude.",
    ]);
  });

  it('blocks dates, codes and themes that are not what they are mapped as', () => {
    const problems = validateMapping('survey', { lsoa_code: 'Postcode', choice_1: 'Name', collected_on: 'Lat' }, SURVEY_HEADER, SURVEY_ROWS);
    expect(problems).toEqual([
      "The column 'Lat' mapped as date collected has no dates in the first 50 rows (it holds values such as '52.6364', '52.6201').",
      "The column 'Postcode' mapped as LSOA code has no LSOA codes (E01 and 6 digits) in the first 50 rows (it holds values such as 'LE1 5YA', 'LE2 1AA').",
      "The column 'Name' mapped as choice 1 has no survey themes in the first 50 rows (it holds values such as 'Ann', 'Bob').",
    ]);
  });

  it('blocks numbers that are coordinates in neither order', () => {
    expect(validateMapping('police', { month: 'M', crime_type: 'T', lon: 'x', lat: 'y' }, ['M', 'x', 'y', 'T'], [['2024-01', '458732', '304492', 'Burglary']])).toEqual([
      "None of the first 50 rows has a longitude in 'x' and latitude in 'y' that falls in England; if they are eastings and northings in metres, map them as easting and northing.",
    ]);
  });

  it('checks a street-rep mapping: site, date, and grades long or wide', () => {
    const header = ['Site', 'Date', 'Lat', 'Lon', 'Litter', 'Noise'];
    const rows = [['S1', '01/03/2025', '52.6', '-1.1', 'B', 'loud']];
    expect(validateMapping('street-rep', { lat: 'Lat', lon: 'Lon' }, header, rows)).toEqual([
      'No site column: map a site id or a site name.',
      'No date column: map the date of the visit.',
      "No grades: map an issue column and a grade column, or columns named after the form's issues (one column per issue).",
    ]);
    expect(
      validateMapping('street-rep', { site_id: 'Site', visited_on: 'Date', lat: 'Lat', lon: 'Lon', issueColumns: { Litter: 'Litter', Noise: 'Noise', Date: 'Parking' } }, header, rows),
    ).toEqual([
      "The column 'Noise' mapped as Noise has no grades (A to D) in the first 50 rows (it holds values such as 'loud').",
      "'Parking' isn't one of the form's issues (Groups loitering / disorderly behaviour, Noise, Litter, Dog fouling, Fly-tipping, Graffiti, Overgrown greenery, Street lighting, Damaged street furniture, Abandoned vehicles).",
    ]);
  });

  it('checks a police mapping', () => {
    expect(validateMapping('police', { crime_id: 'Crime ID' }, ['Crime ID'], [])).toEqual([
      'No location column: map Longitude and Latitude, or LSOA code.',
      'No month column: map Month.',
      'No crime type column: map Crime type.',
    ]);
  });
});
