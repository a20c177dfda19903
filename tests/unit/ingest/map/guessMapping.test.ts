import { describe, expect, it } from 'vitest';
import { guessKind, guessMapping } from '../../../../src/ingest/map/guessMapping.ts';
import { POLICE_UK_COLUMNS } from '../../../../src/ingest/schemas.ts';

const POLICE_ROW = ['8f1c0e9b2a7d4c3e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e', '2024-03', 'Leicestershire Police', 'Leicestershire Police', '-1.131234', '52.636512', 'On or near Clock Tower', 'E01013649', 'Leicester 036C', 'Burglary', 'Under investigation', ''];

describe('guessKind', () => {
  it('recognises police.uk, street-rep and survey files from their column names', () => {
    expect(guessKind([...POLICE_UK_COLUMNS])).toBe('police');
    expect(guessKind(['Crime type', 'Month', 'Longitude', 'Latitude'])).toBe('police');
    expect(guessKind(['Site', 'Date', 'Litter', 'Dog fouling', 'Graffiti'])).toBe('street-rep');
    expect(guessKind(['Site', 'Date', 'Issue', 'Grade'])).toBe('street-rep');
    expect(guessKind(['ID', 'Date', 'Venue', 'Choice 1', 'Choice 2'])).toBe('survey');
  });
});

describe('guessMapping', () => {
  it('maps a tidy survey header by name', () => {
    const header = ['Response ID', 'Date collected', 'Latitude', 'Longitude', 'Venue', 'First choice', 'Second choice', 'Third choice', 'Age band', 'Gender', 'Ethnic group', 'Comments'];
    const sample = [['r1', '03/04/2025', '52.6364', '-1.1334', 'Café', 'Housing issues', 'Police & safety', 'Youth activities', '25-34', 'F', 'White British', 'Bins!']];
    const guess = guessMapping('survey', header, sample);
    expect(guess.mapping).toEqual({
      id: 'Response ID',
      collected_on: 'Date collected',
      lat: 'Latitude',
      lon: 'Longitude',
      venue: 'Venue',
      choice_1: 'First choice',
      choice_2: 'Second choice',
      choice_3: 'Third choice',
      age_band: 'Age band',
      sex: 'Gender',
      ethnicity: 'Ethnic group',
      free_text: 'Comments',
    });
    expect(guess.confidence).toBe(1);
    expect(guess.notes).toContain("Column 'Latitude' read as latitude (from its name).");
    expect(guess.notes).toContain("Dates like 03/04/2025 could be day or month first; they are read day first (UK order: 3 April 2025). Choose month-first if the file is American.");
    expect(guess.dateOrder).toBe('dmy');
  });

  it('maps a wide street-rep header: one column per issue', () => {
    const header = ['Site ref', 'Site name', 'Date of visit', 'Time', 'Person monitoring', 'Eastings', 'Northings', 'Litter', 'Dog mess', 'Fly tipping', 'Graffiti', 'Street lighting', 'Notes'];
    const sample = [
      ['S1', 'Kingsway shops', '14/03/2025', '10:30', 'Pat', '458732', '304492', 'B', 'a', 'D', 'n/a', 'C', 'dark'],
      ['S2', 'Rec ground', '15/03/2025', '11:00', 'Pat', '459001', '304100', 'A', 'A', 'B', 'A', 'A', ''],
    ];
    const guess = guessMapping('street-rep', header, sample);
    expect(guess.mapping).toEqual({
      site_id: 'Site ref',
      site_name: 'Site name',
      visited_on: 'Date of visit',
      visit_time: 'Time',
      rep: 'Person monitoring',
      easting: 'Eastings',
      northing: 'Northings',
      issueColumns: { Litter: 'Litter', 'Dog mess': 'Dog fouling', 'Fly tipping': 'Fly-tipping', Graffiti: 'Graffiti', 'Street lighting': 'Street lighting' },
    });
    expect(guess.notes[0]).toBe("One column per issue (5 issue columns): 'Litter', 'Dog mess' as Dog fouling, 'Fly tipping', 'Graffiti', 'Street lighting'.");
    expect(guess.notes).toContain("Not used: 'Notes'.");
    expect(guess.dateOrder).toBe('dmy');
    expect(guess.confidence).toBe(1);
  });

  it('maps the 12 police.uk columns one to one', () => {
    const guess = guessMapping('police', [...POLICE_UK_COLUMNS], [POLICE_ROW]);
    expect(guess.mapping).toEqual({
      crime_id: 'Crime ID',
      month: 'Month',
      reported_by: 'Reported by',
      falls_within: 'Falls within',
      lon: 'Longitude',
      lat: 'Latitude',
      location: 'Location',
      lsoa_code: 'LSOA code',
      lsoa_name: 'LSOA name',
      crime_type: 'Crime type',
      outcome: 'Last outcome category',
      context: 'Context',
    });
    expect(guess.confidence).toBe(1);
  });

  it('copes with a messy header: odd names, x/y, and columns known only by their values', () => {
    const header = ['  LAT ', 'Long.', 'When?', 'Your top priority', '2nd priority', 'Area', 'How old are you', 'Sex/Gender', 'Q7', 'Any other comments?', 'Postcode'];
    const sample = [
      ['52.6364', '-1.1334', '2025-03-01', 'Housing', 'Police & safety', 'E01013649', '37', 'Female', 'Black British', 'none', 'LE1 5YA'],
      ['52.6201', '-1.1502', '2025-03-02', 'Youth activities', 'Housing issues', 'E01013650', '64', 'M', 'White', '', 'LE2 1AA'],
    ];
    const guess = guessMapping('survey', header, sample);
    expect(guess.mapping).toMatchObject({
      lat: '  LAT ',
      lon: 'Long.',
      choice_1: 'Your top priority',
      choice_2: '2nd priority',
      lsoa_code: 'Area',
      sex: 'Sex/Gender',
      ethnicity: 'Q7',
      free_text: 'Any other comments?',
      postcode: 'Postcode',
      collected_on: 'When?',
    });
    expect(guess.notes).toContain("Column 'Area' read as LSOA code (its values look like LSOA codes, E01…).");
    expect(guess.notes).toContain("Column 'Q7' read as ethnicity (its values are ethnic groups).");
    // 'How old are you' is how forms ask for an age; its exact ages are read into bands by the normaliser.
    expect(guess.mapping.age_band).toBe('How old are you');
  });

  it('takes x/y holding metres as easting/northing, and recognises theme columns by content', () => {
    const header = ['ref', 'x', 'y', 'A', 'B'];
    const sample = [
      ['1', '458732', '304492', 'Housing issues', 'Youth activities'],
      ['2', '459100', '304000', 'Policing & safety', 'Affordable exercise'],
    ];
    const guess = guessMapping('survey', header, sample);
    expect(guess.mapping).toEqual({ id: 'ref', easting: 'x', northing: 'y', choice_1: 'A', choice_2: 'B' });
  });

  it('sees month-first dates in the sample', () => {
    const guess = guessMapping('survey', ['Date', 'Choices', 'LSOA'], [['03/25/2025', 'Housing issues; Youth activities', 'E01013649']]);
    expect(guess.dateOrder).toBe('mdy');
    expect(guess.mapping).toEqual({ collected_on: 'Date', choices: 'Choices', lsoa_code: 'LSOA' });
  });
});
