import { describe, expect, it } from 'vitest';
import { createNormaliser, describeIssue } from '../../../../src/ingest/normalise/createNormaliser.ts';
import { EVIDENCE_TABLES } from '../../../../src/ingest/schemas.ts';
import { STUB_AREAS } from './stubAreas.ts';

const HEADER = ['ID', 'Date', 'Lat', 'Lon', 'LSOA', 'Venue', 'Postcode', 'Choice 1', 'Choice 2', 'Choice 3', 'Age', 'Sex', 'Ethnicity', 'Comments'];
// prettier-ignore
const ROWS = [
  ['r1', '03/04/2025', '52.65', '-1.15', '', 'Café', '', 'Housing', 'Police & safety', 'Housing issues', '37', 'F', 'White British', 'Bins'],
  ['r2', '31/02/2024', '', '', 'E01000001', '', '', 'Youth activities', 'Parking', '', '65+', '', '', ''],
  ['r1', '', '52.65', '-1.05', '', '', '', 'Housing issues', '', '', '', '', '', ''],
  ['', '', '', '', '', ' library ', '', 'Affordable exercise', '', '', '', '', '', ''],
  ['r6', '', '', '', '', '', 'LE1 5YA', 'Housing issues', '', '', '', '', '', ''],
  ['r7', '', '54.97', '-1.61', '', '', '', 'Housing issues', '', '', '', '', '', ''],
  ['r8', '', '52.65', '-1.15', '', '', '', 'Parking', 'Bins', '', '', '', '', ''],
  ['', '', '', '', '', '', '', '', '', '', '', '', '', ''],
  ['r10', '', 'abc', '-1.15', '', '', '', 'Housing issues', '', '', '', '', '', ''],
  ['r11', '2025-05-01', '52.65', '-1.15', 'E01000002', '', '', 'Mental health', '', '', '', '', '', ''],
];

const MAPPING = { id: 'ID', collected_on: 'Date', lat: 'Lat', lon: 'Lon', lsoa_code: 'LSOA', venue: 'Venue', postcode: 'Postcode', choice_1: 'Choice 1', choice_2: 'Choice 2', choice_3: 'Choice 3', age_band: 'Age', sex: 'Sex', ethnicity: 'Ethnicity', free_text: 'Comments' };

function run() {
  const n = createNormaliser({ datasetId: 'ds-1', kind: 'survey', mapping: MAPPING, header: HEADER, venues: new Map([['Library', { lon: -1.05, lat: 52.65 }]]), ...STUB_AREAS });
  // Two chunks, to check row numbers carry across chunk boundaries.
  n.push({ header: HEADER, rows: ROWS.slice(0, 4), firstRow: 2 });
  n.push({ header: HEADER, rows: ROWS.slice(4), firstRow: 6 });
  return n.finish();
}

describe('survey normalisation', () => {
  it('writes survey_responses and survey_choices with exactly the contract columns', () => {
    const { tables } = run();
    expect(Object.keys(tables)).toEqual(['survey_responses', 'survey_choices']);
    expect(Object.keys(tables.survey_responses!)).toEqual([...EVIDENCE_TABLES.survey_responses]);
    expect(Object.keys(tables.survey_choices!)).toEqual([...EVIDENCE_TABLES.survey_choices]);
    const r = tables.survey_responses!;
    expect(r.dataset).toEqual(['ds-1', 'ds-1', 'ds-1', 'ds-1']);
    expect(r.source_row).toEqual(Int32Array.from([2, 5, 8, 11]));
    expect(r.id).toEqual(['r1', 'row-5', 'r8', 'r11']);
    expect(r.collected_on).toEqual(['2025-04-03', null, null, '2025-05-01']);
    expect(r.lon).toEqual(Float64Array.from([-1.15, -1.05, -1.15, -1.15]));
    expect(r.lat).toEqual(Float64Array.from([52.65, 52.65, 52.65, 52.65]));
    expect(r.lsoa_code).toEqual(['E01000001', 'E01000002', 'E01000001', 'E01000001']);
    expect(r.ward_code).toEqual(['E05000001', 'E05000001', 'E05000001', 'E05000001']);
    expect(r.venue).toEqual(['Café', 'library', null, null]);
    expect(r.channel).toEqual([null, null, null, null]);
    expect(r.age_band).toEqual(['35-44', null, null, null]);
    expect(r.sex).toEqual(['Female', null, null, null]);
    expect(r.ethnicity).toEqual(['White', null, null, null]);
    expect(r.free_text).toEqual(['Bins', null, null, null]);
    const c = tables.survey_choices!;
    expect(c.response_id).toEqual(['r1', 'r1', 'row-5', 'r8', 'r11']);
    expect(c.theme).toEqual(['Housing issues', 'Policing & safety', 'Affordable exercise', 'Other', 'Mental health & reducing isolation']);
    expect(c.rank).toEqual(Int32Array.from([1, 2, 1, 1, 1]));
  });

  it('lists every rejected and altered row with its column and reason', () => {
    const result = run();
    expect(result.issues).toEqual([
      { row: 2, column: 'Choice 3', action: 'altered', reason: "Choice 3: 'Housing issues' is already chosen at rank 1, so it is counted once, there." },
      { row: 3, column: 'Date', action: 'rejected', reason: "The date '31/02/2024' isn't a real date. Correct it in the file, or choose to keep such rows without a date." },
      { row: 4, column: 'ID', action: 'rejected', reason: "The id 'r1' is already used on row 2, so this response was counted once." },
      { row: 5, column: 'ID', action: 'altered', reason: "No id; 'row-5' is used." },
      { row: 6, column: 'Postcode', action: 'rejected', reason: "Postcodes can't be placed without a postcode lookup, which isn't built in; add coordinates, a small-area code or a venue." },
      { row: 7, column: 'Lon', action: 'rejected', reason: "The point (longitude -1.61000, latitude 54.97000) is outside the five areas' boundaries — in the sea or another council?" },
      { row: 8, column: 'Choice 1', action: 'altered', reason: "Choice 1: 'Parking' isn't one of the eleven survey themes. It was kept as 'Other' at rank 1." },
      { row: 8, column: 'Choice 2', action: 'altered', reason: "Choice 2: 'Bins' isn't one of the eleven survey themes; 'Other' is already chosen at rank 1, so it is counted once, there." },
      { row: 10, column: 'Lat', action: 'rejected', reason: "The latitude 'abc' isn't a number." },
      { row: 11, column: 'LSOA', action: 'altered', reason: "The LSOA code 'E01000002' differs from the small area the point falls in (E01000001); the point's area is used." },
    ]);
    expect(describeIssue(result.issues[1]!)).toBe("Row 3, column 'Date': the date '31/02/2024' isn't a real date. Correct it in the file, or choose to keep such rows without a date.");
    expect(result).toMatchObject({ rowsRead: 9, rowsAccepted: 4, rowsRejected: 5, rowsAltered: 4, outside: 1, duplicates: 1, issuesNotListed: 0 });
    expect(result.notes).toEqual([
      'Dates like 03/04/2025 were read day first (UK order: 3 April 2025); if the file writes the month first, import it again choosing month-first dates.',
      '1 blank row was skipped.',
      "Theme 'Housing' read as 'Housing issues' (1 row, first on row 2).",
      "Theme 'Police & safety' read as 'Policing & safety' (1 row, first on row 2).",
      "Age band age 37 read as '35-44' (1 row, first on row 2).",
      "Sex 'F' read as 'Female' (1 row, first on row 2).",
      "Ethnicity 'White British' read as 'White' (1 row, first on row 2).",
      "Theme 'Mental health' read as 'Mental health & reducing isolation' (1 row, first on row 11).",
    ]);
  });

  it('reads a ranked-list column, month-first dates and swapped coordinates, and caps the report', () => {
    const header = ['Where', 'Lat', 'Lon', 'Priorities', 'When'];
    const n = createNormaliser({
      datasetId: 'ds-2', kind: 'survey', mapping: { ward_code: 'Where', lat: 'Lat', lon: 'Lon', choices: 'Priorities', collected_on: 'When' }, header,
      dateOrder: 'mdy', swapLatLon: true, maxIssues: 1, ...STUB_AREAS,
    });
    n.push({
      header,
      firstRow: 2,
      rows: [
        ['E05000001', '', '', 'Housing issues; Diversity, inclusion & community spirit | Housing issues', '03/25/2025'],
        ['', '-1.05', '52.61', 'Housing issues, Diversity, inclusion & community spirit, Youth activities', ''],
        ['E05999999', '', '', 'Youth activities', ''],
        ['E05000001', '', '', '', ''],
      ],
    });
    const result = n.finish();
    expect(result.tables.survey_responses!.id).toEqual(['row-2', 'row-3']);
    expect(result.tables.survey_responses!.lsoa_code).toEqual([null, 'E01000002']);
    expect(result.tables.survey_responses!.lon).toEqual(Float64Array.from([-1.1, -1.05]));
    expect(result.tables.survey_responses!.collected_on).toEqual(['2025-03-25', null]);
    expect(result.tables.survey_choices!.theme).toEqual(['Housing issues', 'Diversity, inclusion & community spirit', 'Housing issues', 'Diversity, inclusion & community spirit', 'Youth activities']);
    expect(result.tables.survey_choices!.rank).toEqual(Int32Array.from([1, 2, 1, 2, 3]));
    expect(result.issues).toEqual([{ row: 2, column: 'Priorities', action: 'altered', reason: "Choice 3: 'Housing issues' is already chosen at rank 1, so it is counted once, there." }]);
    expect(result.issuesNotListed).toBe(2);
    expect(result).toMatchObject({ rowsRead: 4, rowsAccepted: 2, rowsRejected: 2, outside: 1 });
    expect(result.notes[0]).toBe("No id column: each response is named after its row ('row-2', 'row-3', …).");
  });

  it('rejects every row when a text column is mapped as latitude (which validateMapping blocks up front)', () => {
    const header = ['Name', 'Lat', 'Lon', 'Choice'];
    const n = createNormaliser({ datasetId: 'ds-3', kind: 'survey', mapping: { lat: 'Name', lon: 'Lon', choice_1: 'Choice' }, header, ...STUB_AREAS });
    n.push({ header, firstRow: 2, rows: [['Ann', '52.65', '-1.15', 'Housing issues'], ['Bob', '52.66', '-1.15', 'Youth activities']] });
    const result = n.finish();
    expect(result.issues).toEqual([
      { row: 2, column: 'Name', action: 'rejected', reason: "The latitude 'Ann' isn't a number." },
      { row: 3, column: 'Name', action: 'rejected', reason: "The latitude 'Bob' isn't a number." },
    ]);
    expect(result).toMatchObject({ rowsRead: 2, rowsAccepted: 0, rowsRejected: 2 });
    expect(result.tables.survey_responses!.id).toEqual([]);
    expect(result.tables.survey_responses!.dataset).toEqual([]);
  });
});
