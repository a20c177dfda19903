import { describe, expect, test } from 'vitest';
import { detectHeader } from '../../../../src/ingest/read/headerDetect.ts';
import { buildXlsx, type XlsxValue } from '../../../fixtures/ingest/xlsxBuilder.ts';
import { fixture, readAll, rejectionOf, textFile } from './helpers.ts';

/** rows[i] is file row i + 1. */
const numbered = (rows: string[][]) => rows.map((cells, i) => ({ row: i + 1, cells })).filter((r) => r.cells.some((c) => c !== ''));

describe('detectHeader (pure)', () => {
  test('an ordinary table keeps row 1', () => {
    const best = detectHeader(numbered([['id', 'date', 'ward'], ['1', '2024-03-01', 'Norbiton'], ['2', '2024-03-02', 'Lache']]))[0]!;
    expect(best.row).toBe(1);
  });

  test('a title, a note and a blank row above the header lose to the header', () => {
    const candidates = detectHeader(
      numbered([
        ['Street reps spring 2024', '', '', ''],
        ['Prepared by the residents\u2019 association', '', '', ''],
        ['', '', '', ''],
        ['Site', 'Date', 'Litter', 'Graffiti'],
        ['Park gate', '01/04/2024', 'B', 'A'],
        ['Shops', '02/04/2024', 'C', 'B'],
      ]),
    );
    expect(candidates[0]!.row).toBe(4);
    const score = (row: number) => candidates.find((c) => c.row === row)!.score;
    expect(score(5)).toBeLessThan(score(4)); // the first data row, right under the header
    expect(candidates[0]!.cells).toEqual(['Site', 'Date', 'Litter', 'Graffiti']);
  });

  test('a header with blank and repeated names still beats the data under it', () => {
    expect(detectHeader(numbered([['Name', '', 'Name', 'Ward', 'Name'], ['A', 'B', 'C', 'D', 'E']]))[0]!.row).toBe(1);
  });

  test('cells are cut for display: 100 cells of at most 200 characters', () => {
    const [c] = detectHeader([{ row: 1, cells: Array.from({ length: 300 }, (_, i) => (i === 0 ? 'x'.repeat(500) : `col ${i}`)) }]);
    expect(c!.cells).toHaveLength(100);
    expect(c!.cells[0]).toHaveLength(200);
  });
});

describe('a SmartSurvey-shaped CSV export: title rows above the header, notes below the data', () => {
  // Written down before running: 17 file rows; header on row 5; data rows 6–9 and 11–14 (8 rows, row 12
  // has only its id: a data row, since data follows it); row 10 blank (1 skipped); rows 16–17 are notes.
  test('header row 5 is found, 8 data rows keep their file row numbers, 2 notes below are named', async () => {
    const { rows, summary } = await readAll(fixture('layout/smartsurvey-export.csv'));
    expect(summary.headerRow).toBe(5);
    expect(summary.headerCandidates![0]!.row).toBe(5);
    expect(summary.columns).toBe(14);
    expect(summary.dataRows).toBe(8);
    expect(rows.map((r) => r.row)).toEqual([6, 7, 8, 9, 11, 12, 13, 14]);
    expect(rows.map((r) => r.cells[0])).toEqual(['1001', '1002', '1003', '1004', '1005', '1006', '1007', '1008']);
    expect(summary.rowsBelowData).toEqual([
      { row: 16, text: 'Total responses: 8' },
      { row: 17, text: 'Source: SmartSurvey (www.smartsurvey.co.uk). Personal data removed.' },
    ]);
    expect(summary.notes).toEqual([
      'Rows 1–4, above the header, were skipped: "Ward Insight residents\' survey 2024 - all responses", "Exported from SmartSurvey on 12/06/2024 09:14".',
      '2 rows below the data look like notes, not data, so they were not imported: row 16 "Total responses: 8"; row 17 "Source: SmartSurvey (www.smartsurvey.co.uk). Personal data …".',
      '1 blank row was skipped; row numbers still match the file.',
    ]);
  });

  test('any row can be chosen as the header; the rows above it are skipped and named', async () => {
    const { rows, summary } = await readAll(fixture('layout/smartsurvey-export.csv'), { headerRow: 6 });
    expect(summary.headerRow).toBe(6);
    expect(rows[0]!.row).toBe(7);
    expect(summary.dataRows).toBe(7);
    // Rows 3 and 4 are blank: three rows with text are named.
    expect(summary.notes).toContain(
      'Rows 1–5, above the header, were skipped: "Ward Insight residents\' survey 2024 - all responses", "Exported from SmartSurvey on 12/06/2024 09:14", "Response ID Started Venue Channel Latitude Longitude Choice…".',
    );
  });

  test('a chosen header row that is blank or past the end is refused plainly', async () => {
    expect((await rejectionOf(readAll(fixture('layout/smartsurvey-export.csv'), { headerRow: 4 }))).message).toBe(
      'Row 4 is blank, so it cannot be the header. Choose the row that holds the column names.',
    );
    expect((await rejectionOf(readAll(fixture('layout/smartsurvey-export.csv'), { headerRow: 90 }))).message).toBe(
      'The file has only 17 rows, so row 90 cannot be the header. Choose an earlier row.',
    );
  });

  test('a one-cell row followed by data is data; one-cell rows at the end are notes', async () => {
    const csv = ['a,b,c', '1,2,3', 'only one,,', '4,5,6', 'Notes: made up,,', 'Produced by the council,,'].join('\n');
    const { rows, summary } = await readAll(textFile('t.csv', csv));
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(summary.rowsBelowData!.map((r) => r.row)).toEqual([5, 6]);
  });

  test('a narrow table (2 columns) does not take its last row for a note', async () => {
    const { rows, summary } = await readAll(textFile('t.csv', 'name,ward\nAsha,Norbiton\nBen,\n'));
    expect(rows.map((r) => r.row)).toEqual([2, 3]);
    expect(summary.rowsBelowData).toBeUndefined();
  });
});

describe('an Excel street-rep workbook: title, logo row, header on row 4, British National Grid columns', () => {
  const header = ['Visit ID', 'Site ID', 'Site name', 'Easting', 'Northing', 'Date', 'Time', 'Monitored by', 'Litter', 'Graffiti', 'Fly-tipping'];
  const visit = (n: number, e: number, north: number, grade: string): XlsxValue[] => [
    `V${n}`, `NOR-${n}`, `Site ${n}, Norbiton`, e, north, new Date(Date.UTC(2024, 3, n)), '09:00', 'Rep NOR-1', grade, 'A', 'B',
  ];
  const sheet: XlsxValue[][] = [
    ['Norbiton street reps \u2013 spring 2024 rounds'],
    [], // the logo sits over this row: no cell values
    ['Prepared by Norbiton Residents\u2019 Association'],
    header,
    visit(1, 519350, 169480, 'B'),
    visit(2, 519200, 169600, 'A'),
    visit(3, 519500, 169300, 'C'),
    visit(4, 519100, 169900, 'B'),
    visit(5, 519600, 169700, 'D'),
    visit(6, 519000, 169450, 'A'),
    [],
    ['Source: residents\u2019 association rounds, April 2024'],
  ];
  const workbook = () =>
    textFile('street-reps.xlsx', buildXlsx([{ name: 'Rounds', rows: sheet }, { name: 'Read me', rows: [['Grades run from A (good) to D (poor).']] }]));

  // Written down before running: header row 4; 6 data rows (sheet rows 5–10); row 12 a note below the data.
  test('the header is found on row 4 and the eastings and northings are read as numbers', async () => {
    const { rows, summary } = await readAll(workbook());
    expect(summary.headerRow).toBe(4);
    expect(summary.sheets).toEqual(['Rounds', 'Read me']);
    expect(summary.dataRows).toBe(6);
    expect(rows.map((r) => r.row)).toEqual([5, 6, 7, 8, 9, 10]);
    expect(rows[0]!.cells.slice(3, 6)).toEqual(['519350', '169480', '2024-04-01']);
    expect(rows.every((r) => r.cells.length === header.length)).toBe(true);
    expect(summary.rowsBelowData).toEqual([{ row: 12, text: 'Source: residents\u2019 association rounds, April 2024' }]);
    expect(summary.notes).toContain('Rows 1–3, above the header, were skipped: "Norbiton street reps \u2013 spring 2024 rounds", "Prepared by Norbiton Residents\u2019 Association".');
  });

  test('another sheet can still be chosen', async () => {
    const { summary } = await readAll(workbook(), { sheet: 'Read me' });
    expect(summary.sheet).toBe('Read me');
    expect(summary.headerRow).toBe(1);
  });
});
