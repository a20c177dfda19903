import { describe, expect, it } from 'vitest';
import { SURVEY_THEMES } from '../../../../src/ingest/schemas.ts';
import {
  checkEastingNorthing,
  checkLonLat,
  checkLsoaCode,
  checkWardCode,
  headingOf,
  matchIssue,
  matchTheme,
  normaliseAgeBand,
  normaliseEthnicity,
  normaliseSex,
  parseGrade,
  parseNumber,
  splitChoices,
} from '../../../../src/ingest/validate/values.ts';

describe('parseGrade', () => {
  it('reads A–D in any case as 0–3', () => {
    expect(parseGrade('A')).toEqual({ value: 0 });
    expect(parseGrade('b')).toEqual({ value: 1 });
    expect(parseGrade(' c ')).toEqual({ value: 2 });
    expect(parseGrade('D')).toEqual({ value: 3 });
    expect(parseGrade('B – acceptable')).toEqual({ value: 1 });
  });

  it('reads the form’s labels after the letter', () => {
    expect(parseGrade('C: problem becoming unacceptable')).toEqual({ value: 2 });
    expect(parseGrade('A (no problem)')).toEqual({ value: 0 });
    expect(parseGrade('d - a really big issue')).toEqual({ value: 3 });
    expect(parseGrade('2.0')).toMatchObject({ value: 1 });
  });

  it('never guesses a grade between grades or with a sign', () => {
    for (const text of ['A/B', 'B-C', 'b - c', 'c+', 'B-', '2.5', '3,5', 'B or C', 'A and B', 'A to B', 'C&D']) {
      expect(parseGrade(text), text).toEqual({ error: `The grade '${text}' is between grades or not a single grade A, B, C or D, so it wasn't guessed.` });
    }
  });

  it('reads 1–4 as A–D and says so', () => {
    expect(parseGrade('1')).toEqual({ value: 0, altered: 'grade 1 read as A (1–4 taken as A–D, 1 = no problem)' });
    expect(parseGrade('4')).toEqual({ value: 3, altered: 'grade 4 read as D (1–4 taken as A–D, 1 = no problem)' });
  });

  it('treats blank and n/a as missing, not an error', () => {
    expect(parseGrade('')).toEqual({ value: null });
    expect(parseGrade('n/a')).toEqual({ value: null });
    expect(parseGrade('N/A')).toEqual({ value: null });
    expect(parseGrade('-')).toEqual({ value: null });
  });

  it('refuses other grades', () => {
    expect(parseGrade('E')).toEqual({ error: "The grade 'E' isn't one of A, B, C or D." });
    expect(parseGrade('5')).toEqual({ error: "The grade '5' isn't one of A, B, C or D." });
    expect(parseGrade('bad')).toEqual({ error: "The grade 'bad' isn't one of A, B, C or D." });
  });
});

describe('matchIssue and headingOf', () => {
  it('matches the form issues and common other names', () => {
    expect(matchIssue('litter')).toEqual({ value: 'Litter' });
    expect(matchIssue('Fly tipping')).toEqual({ value: 'Fly-tipping' });
    expect(matchIssue('Flytipping')).toEqual({ value: 'Fly-tipping' });
    expect(matchIssue('Dog mess')).toEqual({ value: 'Dog fouling' });
    expect(matchIssue('Groups loitering/disorderly behaviour')).toEqual({ value: 'Groups loitering / disorderly behaviour' });
    expect(matchIssue('Litter grade')).toEqual({ value: 'Litter' });
    expect(matchIssue('Grade: Street lighting')).toEqual({ value: 'Street lighting' });
    expect(matchIssue('Parking')).toHaveProperty('error');
    expect(headingOf('Litter')).toBe('Green & clean');
    expect(headingOf('Noise')).toBe('Peace & quiet');
    expect(headingOf('Abandoned vehicles')).toBe('Safe & secure');
  });
});

describe('matchTheme', () => {
  it('matches every canonical theme exactly, ignoring case and & versus and', () => {
    for (const theme of SURVEY_THEMES) expect(matchTheme(theme)).toEqual({ value: theme });
    expect(matchTheme('housing ISSUES')).toEqual({ value: 'Housing issues' });
    expect(matchTheme('Policing and safety')).toEqual({ value: 'Policing & safety' });
    expect(matchTheme('Maintenance and condition of public / communal areas')).toEqual({ value: 'Maintenance & condition of public/communal areas' });
  });

  it("maps the brief's short names and says how they were read", () => {
    expect(matchTheme('Police & safety')).toEqual({ value: 'Policing & safety', altered: "'Police & safety' read as 'Policing & safety'" });
    expect(matchTheme('Maintenance of communal areas')).toEqual({
      value: 'Maintenance & condition of public/communal areas',
      altered: "'Maintenance of communal areas' read as 'Maintenance & condition of public/communal areas'",
    });
    expect(matchTheme('Housing')).toEqual({ value: 'Housing issues', altered: "'Housing' read as 'Housing issues'" });
    expect(matchTheme('Maintenance & condition of communal areas')).toMatchObject({ value: 'Maintenance & condition of public/communal areas' });
  });

  it('names an unknown value in the error and does not guess between themes', () => {
    expect(matchTheme('Parking')).toEqual({ error: "'Parking' isn't one of the eleven survey themes." });
    expect(matchTheme('Affordable')).toEqual({ error: "'Affordable' isn't one of the eleven survey themes." });
  });
});

describe('splitChoices', () => {
  it('splits ranked lists on ; | and line breaks, keeping comma-holding theme names whole', () => {
    expect(splitChoices('Housing issues; Policing & safety')).toEqual(['Housing issues', 'Policing & safety']);
    expect(splitChoices('Youth activities|Housing issues\nAffordable exercise')).toEqual(['Youth activities', 'Housing issues', 'Affordable exercise']);
    expect(splitChoices('Housing issues, Diversity, inclusion & community spirit, Youth activities')).toEqual([
      'Housing issues',
      'Diversity, inclusion & community spirit',
      'Youth activities',
    ]);
    expect(splitChoices('')).toEqual([]);
  });
});

describe('normaliseAgeBand', () => {
  it('keeps the survey bands and reads other ways of writing them', () => {
    expect(normaliseAgeBand('25-34')).toEqual({ value: '25-34' });
    expect(normaliseAgeBand('75+')).toEqual({ value: '75+' });
    expect(normaliseAgeBand('25 – 34')).toEqual({ value: '25-34' });
    expect(normaliseAgeBand('25 to 34')).toEqual({ value: '25-34' });
    expect(normaliseAgeBand('75 and over')).toEqual({ value: '75+' });
    expect(normaliseAgeBand('18-24')).toEqual({ value: '16-24', altered: "'18-24' read as '16-24'" });
    expect(normaliseAgeBand('16 to 24')).toEqual({ value: '16-24' });
    expect(normaliseAgeBand('Under 25')).toEqual({ value: '16-24', altered: "'Under 25' read as '16-24' (assuming no respondents under 16)" });
  });

  it('places exact ages in their band', () => {
    expect(normaliseAgeBand('37')).toEqual({ value: '35-44', altered: "age 37 read as '35-44'" });
    expect(normaliseAgeBand('16')).toEqual({ value: '16-24', altered: "age 16 read as '16-24'" });
    expect(normaliseAgeBand('82 years')).toEqual({ value: '75+', altered: "age 82 read as '75+'" });
  });

  it('refuses bands that straddle two survey bands, and ages under 16', () => {
    expect(normaliseAgeBand('65+')).toEqual({ error: "The age band '65+' spans more than one survey band (65-74, 75+), so it can't be compared with residents." });
    expect(normaliseAgeBand('20-29')).toEqual({ error: "The age band '20-29' spans more than one survey band (16-24, 25-34), so it can't be compared with residents." });
    expect(normaliseAgeBand('12')).toEqual({ error: 'Age 12 is under 16, where the youngest survey age band starts.' });
    expect(normaliseAgeBand('0-15')).toEqual({ error: "The age band '0-15' starts below 16, where the youngest survey age band starts." });
    expect(normaliseAgeBand('old')).toEqual({ error: "'old' isn't an age or age band." });
    expect(normaliseAgeBand('Prefer not to say')).toEqual({ value: null });
    expect(normaliseAgeBand('')).toEqual({ value: null });
  });
});

describe('normaliseSex', () => {
  it('reads the common ways of writing Female and Male', () => {
    expect(normaliseSex('Female')).toEqual({ value: 'Female' });
    expect(normaliseSex('F')).toEqual({ value: 'Female', altered: "'F' read as 'Female'" });
    expect(normaliseSex('man')).toEqual({ value: 'Male', altered: "'man' read as 'Male'" });
    expect(normaliseSex('Prefer not to say')).toEqual({ value: null });
    expect(normaliseSex('Non-binary')).toEqual({ error: "Sex is recorded as Female or Male only, so 'Non-binary' can't be used." });
  });
});

describe('normaliseEthnicity', () => {
  it('places Census 2021 detailed categories in their high-level group', () => {
    expect(normaliseEthnicity('White: English, Welsh, Scottish, Northern Irish or British')).toMatchObject({ value: 'White' });
    expect(normaliseEthnicity('Asian, Asian British or Asian Welsh: Pakistani')).toMatchObject({ value: 'Asian' });
    expect(normaliseEthnicity('Black, Black British, Black Welsh, Caribbean or African: African')).toMatchObject({ value: 'Black' });
    expect(normaliseEthnicity('Mixed or Multiple ethnic groups: White and Black Caribbean')).toMatchObject({ value: 'Mixed' });
    expect(normaliseEthnicity('Other ethnic group: Arab')).toMatchObject({ value: 'Other' });
    expect(normaliseEthnicity('White: Gypsy or Irish Traveller')).toMatchObject({ value: 'White' });
  });

  it('reads free text, putting two-group answers in Mixed and British X in X', () => {
    expect(normaliseEthnicity('British Pakistani')).toEqual({ value: 'Asian', altered: "'British Pakistani' read as 'Asian'" });
    expect(normaliseEthnicity('Black British')).toMatchObject({ value: 'Black' });
    expect(normaliseEthnicity('white and asian')).toMatchObject({ value: 'Mixed' });
    expect(normaliseEthnicity('Polish')).toMatchObject({ value: 'White' });
    expect(normaliseEthnicity('White')).toEqual({ value: 'White' });
    expect(normaliseEthnicity('Prefer not to say')).toEqual({ value: null });
    expect(normaliseEthnicity('Martian')).toEqual({ error: "The ethnicity 'Martian' can't be placed in a Census 2021 group (Asian, Black, Mixed, White or Other)." });
  });
});

describe('codes', () => {
  it('checks LSOA and ward codes', () => {
    expect(checkLsoaCode('E01025676')).toEqual({ value: 'E01025676' });
    expect(checkLsoaCode(' e01025676 ')).toEqual({ value: 'E01025676' });
    expect(checkLsoaCode('E0102567')).toEqual({ error: "'E0102567' isn't an LSOA code (E01 followed by 6 digits)." });
    expect(checkLsoaCode('E05012345')).toEqual({ error: "'E05012345' isn't an LSOA code (E01 followed by 6 digits)." });
    expect(checkLsoaCode('W01000001')).toEqual({ error: "'W01000001' is a Welsh code; this app covers England (LSOA codes start E01)." });
    expect(checkWardCode('E05013850')).toEqual({ value: 'E05013850' });
    expect(checkWardCode('Norbiton')).toEqual({ error: "'Norbiton' isn't a ward code (E05 followed by 6 digits)." });
  });
});

describe('coordinates', () => {
  it('reads numbers and checks points are in range and inside England', () => {
    expect(parseNumber(' 52.63 ', 'latitude')).toEqual({ value: 52.63 });
    expect(parseNumber('', 'latitude')).toEqual({ value: null });
    expect(parseNumber('Smith', 'latitude')).toEqual({ error: "The latitude 'Smith' isn't a number." });
    expect(checkLonLat(-1.1334, 52.6364)).toEqual({ value: [-1.1334, 52.6364] });
    expect(checkLonLat(-1.1, 152.6)).toEqual({ error: 'Latitude 152.6 is out of range (it must be between -90 and 90).' });
    expect(checkLonLat(2.35, 48.85)).toEqual({ error: 'The point (longitude 2.35, latitude 48.85) is outside England.' });
    expect(checkLonLat(52.6, -1.1)).toEqual({ error: 'The point (longitude 52.6, latitude -1.1) is outside England, but would be inside it with latitude and longitude swapped.' });
    expect(checkEastingNorthing(458732, 304492)).toEqual({ value: [458732, 304492] });
    expect(checkEastingNorthing(-5, 304492)).toEqual({ error: 'Easting -5 is off the British National Grid (0 to 700,000 metres).' });
  });
});
