import { describe, expect, it } from 'vitest';
import { createNormaliser } from '../../../../src/ingest/normalise/createNormaliser.ts';
import { EVIDENCE_TABLES } from '../../../../src/ingest/schemas.ts';
import { STUB_AREAS } from './stubAreas.ts';

describe('street-rep normalisation, wide (one column per issue)', () => {
  const header = ['Site', 'Site name', 'Date', 'Time', 'Rep', 'Lat', 'Lon', 'Litter', 'Noise', 'Graffiti'];
  // prettier-ignore
  const rows = [
    ['S1', 'Kingsway', '01/03/2025', '10:00', 'Pat', '52.65', '-1.15', 'B', 'a', 'n/a'],
    ['S1', '', '08/03/2025', '10:00', 'Pat', '52.66', '-1.15', 'C', 'B', '3'],
    ['S1', '', '01/03/2025', '10am', 'Sam', '', '', 'D', 'D', 'D'],
    ['S2', 'Rec', '02/03/2025', '', 'Sam', '', '', 'A', '', ''],
    ['S3', 'Park', '31/02/2025', '', 'Sam', '52.65', '-1.15', 'A', '', ''],
    ['S4', 'Field', '02/03/2025', '25:00', 'Sam', '52.65', '-1.05', 'E', 'B', ''],
    ['S5', 'Lane', '02/03/2025', '', 'Sam', '52.65', '-1.05', '', 'n/a', ''],
  ];
  const mapping = { site_id: 'Site', site_name: 'Site name', visited_on: 'Date', visit_time: 'Time', rep: 'Rep', lat: 'Lat', lon: 'Lon', issueColumns: { Litter: 'Litter', Noise: 'Noise', Graffiti: 'Graffiti' } };
  const n = createNormaliser({ datasetId: 'ds-s', kind: 'street-rep', mapping, header, ...STUB_AREAS });
  n.push({ header, rows, firstRow: 2 });
  const result = n.finish();

  it('writes sites, visits and grades with exactly the contract columns', () => {
    const { tables } = result;
    expect(Object.keys(tables)).toEqual(['street_rep_sites', 'street_rep_visits', 'street_rep_grades']);
    for (const name of ['street_rep_sites', 'street_rep_visits', 'street_rep_grades'] as const) expect(Object.keys(tables[name]!)).toEqual([...EVIDENCE_TABLES[name]]);
    expect(tables.street_rep_sites).toEqual({
      dataset: ['ds-s', 'ds-s'],
      site_id: ['S1', 'S4'],
      name: ['Kingsway', 'Field'],
      lon: Float64Array.from([-1.15, -1.05]),
      lat: Float64Array.from([52.65, 52.65]),
      lsoa_code: ['E01000001', 'E01000002'],
      ward_code: ['E05000001', 'E05000001'],
    });
    expect(tables.street_rep_visits).toEqual({
      dataset: ['ds-s', 'ds-s', 'ds-s'],
      source_row: Int32Array.from([2, 3, 7]),
      id: ['S1|2025-03-01|10:00', 'S1|2025-03-08|10:00', 'S4|2025-03-02|'],
      site_id: ['S1', 'S1', 'S4'],
      visited_on: ['2025-03-01', '2025-03-08', '2025-03-02'],
      visit_time: ['10:00', '10:00', null],
      rep: ['Pat', 'Pat', 'Sam'],
    });
    expect(tables.street_rep_grades).toEqual({
      dataset: ['ds-s', 'ds-s', 'ds-s', 'ds-s', 'ds-s', 'ds-s'],
      visit_id: ['S1|2025-03-01|10:00', 'S1|2025-03-01|10:00', 'S1|2025-03-08|10:00', 'S1|2025-03-08|10:00', 'S1|2025-03-08|10:00', 'S4|2025-03-02|'],
      issue: ['Litter', 'Noise', 'Litter', 'Noise', 'Graffiti', 'Noise'],
      heading: ['Green & clean', 'Peace & quiet', 'Green & clean', 'Peace & quiet', 'Green & clean', 'Peace & quiet'],
      grade: Int32Array.from([1, 0, 2, 1, 2, 1]),
    });
  });

  it('reports duplicates, moved sites, bad dates, times and grades', () => {
    expect(result.issues).toEqual([
      { row: 3, column: 'Lon', action: 'altered', reason: "Site 'S1' was first placed on row 2; this row's different location was ignored." },
      { row: 4, column: 'Site', action: 'rejected', reason: "This visit (site 'S1' on 2025-03-01 at 10:00) is already on row 2." },
      { row: 5, action: 'rejected', reason: 'This row has no location: no coordinates, small-area code or venue.' },
      { row: 6, column: 'Date', action: 'rejected', reason: "The date '31/02/2025' isn't a real date." },
      { row: 7, column: 'Time', action: 'altered', reason: "The time '25:00' isn't a real time. The time was left blank." },
      { row: 7, column: 'Litter', action: 'altered', reason: "The grade 'E' isn't one of A, B, C or D. Litter was left ungraded; the rest of the visit is kept." },
      { row: 8, action: 'rejected', reason: 'None of the issue columns has a grade (A to D) on this row.' },
    ]);
    expect(result).toMatchObject({ rowsRead: 7, rowsAccepted: 3, rowsRejected: 4, rowsAltered: 2, duplicates: 1, outside: 0 });
    expect(result.notes).toContain('Grades written as numbers 1–4 were read as A–D (1 = A, no problem at all); if the form numbered them the other way round, fix the file and import it again (1 row, first on row 3).');
  });
});

describe('street-rep normalisation, long (one row per visit and issue)', () => {
  const header = ['Visit', 'Site', 'Date', 'Issue', 'Grade', 'LSOA'];
  const rows = [
    ['V1', 'S1', '2025-03-01', 'Litter', 'B', 'E01000001'],
    ['V1', 'S1', '2025-03-01', 'Dog mess', 'd', 'E01000001'],
    ['V1', 'S1', '2025-03-01', 'litter', 'A', 'E01000001'],
    ['V1', 'S1', '2025-03-01', 'Parking', 'A', 'E01000001'],
    ['V2', 'S1', '2025-03-08', 'Noise', 'n/a', ''],
    ['', 'S2', '2025-03-08', 'Noise', 'A', 'E01999999'],
    ['', 'S3', '2025-03-08', 'Noise', 'Z', 'E01000002'],
  ];
  const mapping = { visit_id: 'Visit', site_id: 'Site', visited_on: 'Date', issue: 'Issue', grade: 'Grade', lsoa_code: 'LSOA' };
  const n = createNormaliser({ datasetId: 'ds-l', kind: 'street-rep', mapping, header, ...STUB_AREAS });
  n.push({ header, rows, firstRow: 2 });
  const result = n.finish();

  it('groups rows into visits, places sites by LSOA code, and keeps ungraded visits', () => {
    const { tables } = result;
    expect(tables.street_rep_sites).toEqual({
      dataset: ['ds-l', 'ds-l'], site_id: ['S1', 'S3'], name: [null, null], lon: Float64Array.from([-1.15, -1.05]), lat: Float64Array.from([52.65, 52.65]), lsoa_code: ['E01000001', 'E01000002'], ward_code: ['E05000001', 'E05000001'],
    });
    expect(tables.street_rep_visits).toEqual({
      dataset: ['ds-l', 'ds-l', 'ds-l'], source_row: Int32Array.from([2, 6, 8]), id: ['V1', 'V2', 'S3|2025-03-08|'], site_id: ['S1', 'S1', 'S3'], visited_on: ['2025-03-01', '2025-03-08', '2025-03-08'], visit_time: [null, null, null], rep: [null, null, null],
    });
    expect(tables.street_rep_grades).toEqual({
      dataset: ['ds-l', 'ds-l'], visit_id: ['V1', 'V1'], issue: ['Litter', 'Dog fouling'], heading: ['Green & clean', 'Green & clean'], grade: Int32Array.from([1, 3]),
    });
  });

  it('rejects a second grade for the same visit and issue, unknown issues, codes elsewhere and reports bad grades', () => {
    expect(result.issues).toEqual([
      { row: 4, column: 'Issue', action: 'rejected', reason: "The visit to site 'S1' on 2025-03-01 already has a grade for Litter (row 2)." },
      { row: 5, column: 'Issue', action: 'rejected', reason: "'Parking' isn't one of the street-rep form's issues (Groups loitering / disorderly behaviour, Noise, Litter, Dog fouling, Fly-tipping, Graffiti, Overgrown greenery, Street lighting, Damaged street furniture, Abandoned vehicles)." },
      { row: 7, column: 'LSOA', action: 'rejected', reason: "The LSOA code 'E01999999' isn't one of the five areas' small areas (another council?)." },
      // An unreadable grade is left out and the visit kept (never guessed, never the whole visit lost).
      { row: 8, column: 'Grade', action: 'altered', reason: "The grade 'Z' isn't one of A, B, C or D. Noise was left ungraded; the visit is kept." },
    ]);
    expect(result).toMatchObject({ rowsRead: 7, rowsAccepted: 4, rowsRejected: 3, rowsAltered: 1, duplicates: 1, outside: 1 });
  });
});
