import { describe, expect, test } from 'vitest';
import { previewFile } from '../../../../src/ingest/read/readFile.ts';
import { ReadError } from '../../../../src/ingest/read/types.ts';
import { buildParquet } from '../../../fixtures/ingest/parquetBuilder.ts';
import { buildXlsx } from '../../../fixtures/ingest/xlsxBuilder.ts';
import { fixture, readAll, rejectionOf, textFile } from './helpers.ts';

describe('Excel (.xlsx)', () => {
  test('first sheet by default: dates as ISO, numbers as plain decimals, all sheets listed, blank row skipped', async () => {
    const { chunks, summary } = await readAll(fixture('survey.xlsx'));
    const header = ['Response ID', 'Date', 'Submitted at', 'Ward', 'Postcode', 'Choice 1', 'Age band', 'Score', 'Follow up'];
    expect(chunks).toEqual([
      {
        header,
        firstRow: 2,
        rows: [
          ['R001', '2025-03-14', '2025-03-14T10:30', 'Norbiton', 'KT1 3AA', 'Housing issues', '25-34', '4.5', 'TRUE'],
          ['R002', '2025-03-15', '2025-03-15T16:05', 'Norbiton', 'KT1 3AB', 'Policing & safety', '65-74', '0.3', 'FALSE'],
        ],
      },
      {
        header,
        firstRow: 5,
        rows: [['R003', '2025-03-16', '', 'Lache', '', 'Maintenance & condition of public/communal areas', '', '1234567.25', '']],
      },
    ]);
    expect(summary).toEqual({
      format: 'xlsx',
      dataRows: 3,
      columns: 9,
      sheet: 'Responses',
      sheets: ['Responses', 'Notes'],
      notes: [
        'The workbook has 2 sheets ("Responses", "Notes"); "Responses" was read. Choose another sheet if your data is elsewhere.',
        '1 blank row was skipped; row numbers still match the sheet.',
      ],
      headerRow: 1,
      headerCandidates: expect.any(Array) as unknown[],
    });
    expect(summary.headerCandidates![0]).toMatchObject({ row: 1, cells: ['Response ID', 'Date', 'Submitted at', 'Ward', 'Postcode', 'Choice 1', 'Age band', 'Score', 'Follow up'] });
  });

  test('a chosen sheet is read; an unknown sheet name is refused, listing the sheets', async () => {
    const notes = await readAll(fixture('survey.xlsx'), { sheet: 'Notes' });
    expect(notes.summary).toMatchObject({ sheet: 'Notes', dataRows: 0, columns: 1, notes: ['The sheet has column names but no rows.'] });
    const error = await rejectionOf(readAll(fixture('survey.xlsx'), { sheet: 'Data' }));
    expect(error).toBeInstanceOf(ReadError);
    expect(error.message).toBe('The workbook has no sheet called "Data". Its sheets are: "Responses", "Notes".');
  });

  test('an empty first sheet: the first sheet with data is read; header found lower down keeps sheet row numbers; ragged rows kept', async () => {
    const bytes = buildXlsx([
      { name: 'Cover', rows: [] },
      { name: 'Visits', startRow: 3, rows: [['Site', 'Grade', 'Litter'], ['Lache Park', 'C', 2], ['Blacon', 'D', 3, null, 'extra']] },
    ]);
    const { chunks, rows, summary } = await readAll(textFile('visits.xlsx', bytes));
    // A row wider than the header stays ragged (as in a CSV); the header is not stretched to "Column 5".
    expect(chunks[0]!.header).toEqual(['Site', 'Grade', 'Litter']);
    expect(rows).toEqual([
      { row: 4, cells: ['Lache Park', 'C', '2'] },
      { row: 5, cells: ['Blacon', 'D', '3', '', 'extra'] },
    ]);
    expect(summary.sheet).toBe('Visits');
    expect(summary.notes).toEqual([
      'The first sheet, "Cover", is empty, so the sheet "Visits" was read instead.',
      'The workbook has 2 sheets ("Cover", "Visits"); "Visits" was read. Choose another sheet if your data is elsewhere.',
      'The column names were found on row 3; the rows above them were blank.',
    ]);
  });

  test('legacy .xls is refused with what to do', async () => {
    const error = await rejectionOf(readAll(fixture('legacy.xls')));
    expect(error).toBeInstanceOf(ReadError);
    expect(error.message).toBe(
      '"legacy.xls" is an older Excel workbook (.xls), which this app cannot read. Open it in Excel and save it as .xlsx or CSV (File › Save As), then import that file.',
    );
  });

  test('a damaged workbook is refused with what to do', async () => {
    const damaged = Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8);
    const error = await rejectionOf(readAll(textFile('bad.xlsx', damaged)));
    expect(error).toBeInstanceOf(ReadError);
    expect(error.message).toMatch(/^"bad\.xlsx" could not be opened as an Excel workbook; it may be damaged or password-protected\. Open it in Excel/);
  });

  test('plain text named .xlsx is read as CSV, with a note', async () => {
    const { rows, summary } = await readAll(textFile('export.xlsx', 'ward,count\nLache,3\n'));
    expect(rows).toEqual([{ row: 2, cells: ['Lache', '3'] }]);
    expect(summary.format).toBe('csv');
    expect(summary.notes).toEqual(['"export.xlsx" is named like an Excel workbook but holds plain text, so it was read as a CSV file.']);
  });
});

describe('GeoJSON', () => {
  test('points give longitude/latitude; other shapes a point on them; no geometry leaves them blank', async () => {
    const { chunks, summary } = await readAll(fixture('points.geojson'));
    expect(chunks).toEqual([
      {
        header: ['site', 'grade', 'visits', 'notes', 'longitude', 'latitude'],
        firstRow: 2,
        rows: [
          ['Lache Park', 'C', '3', '', '-2.9081', '53.1842'],
          ['Blacon shops', 'D', '', 'fly-tipping', '-2.931', '53.2055'],
          ['Estate green', 'B', '', '', '1', '1'],
          ['Unknown', '', '', '', '', ''],
        ],
      },
    ]);
    expect(summary).toEqual({
      format: 'geojson',
      dataRows: 4,
      columns: 6,
      notes: [
        '1 feature was a line or an area rather than a point, so a point on each shape (inside it, for an area) gave its longitude and latitude.',
        '1 feature has no location (no geometry), so longitude and latitude are blank.',
      ],
    });
  });

  test('invalid JSON is refused with the line of the problem', async () => {
    const error = await rejectionOf(readAll(fixture('broken.geojson')));
    expect(error).toBeInstanceOf(ReadError);
    expect(error.message).toBe(
      '"broken.geojson" isn\'t valid JSON, so it can\'t be read as GeoJSON. The problem is on line 4. ' +
        'It may be cut short or edited by hand (look for a missing comma, quote or bracket). Export it again from the program that made it.',
    );
  });

  test('JSON that is not GeoJSON is refused', async () => {
    const error = await rejectionOf(readAll(textFile('data.json', '[{"a":1}]')));
    expect(error.message).toBe(
      '"data.json" is JSON but not GeoJSON the app can read: GeoJSON starts with { "type": "FeatureCollection", … }. Export your data as a GeoJSON FeatureCollection, or as CSV.',
    );
  });

  test('a property called "longitude" keeps its name; the geometry column is renamed, and a named British National Grid is noted', async () => {
    const json = JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::27700' } },
      features: [{ type: 'Feature', properties: { longitude: 'x' }, geometry: { type: 'Point', coordinates: [531000, 168000] } }],
    });
    const { chunks, summary } = await readAll(textFile('sites.geojson', json));
    expect(chunks[0]!.header).toEqual(['longitude', 'longitude (2)', 'latitude']);
    expect(chunks[0]!.rows).toEqual([['x', '531000', '168000']]);
    expect(summary.notes).toEqual([
      'Some column names were blank or repeated: column 2 repeats the name "longitude", so it is called "longitude (2)".',
      'The file says its coordinates are in urn:ogc:def:crs:EPSG::27700 (British National Grid eastings and northings), not longitude and latitude; they are passed on unchanged in the "longitude" and "latitude" columns.',
    ]);
  });
});

describe('Parquet', () => {
  const expectedRows = [
    ['c1', '2025-01-01', '2025-01-03T22:15', '-2.9081', '53.1842', '1', 'true'],
    ['c2', '2025-01-01', '', '-2.91', '53.19', '9007199254740993', 'false'],
    ['', '2025-02-01', '2025-02-01', '0.0000001', '51.41', '', ''],
    ['c4', '', '', '', '', '-4', 'true'],
    ['c5', '2025-03-01', '', '-0.2889', '51.4101', '0', 'false'],
  ];

  test('all row groups (plain and gzip) as strings: dates ISO, BigInt exact, nulls empty', async () => {
    const { chunks, summary } = await readAll(fixture('survey.parquet'), { chunkRows: 2 });
    const header = ['Crime ID', 'Month', 'Reported at', 'Longitude', 'Latitude', 'Count', 'Resolved'];
    expect(chunks).toEqual([
      { header, firstRow: 2, rows: expectedRows.slice(0, 2) },
      { header, firstRow: 4, rows: expectedRows.slice(2, 4) },
      { header, firstRow: 6, rows: expectedRows.slice(4) },
    ]);
    expect(summary).toEqual({ format: 'parquet', dataRows: 5, columns: 7, notes: [] });
  });

  test('preview reads only the rows it needs', async () => {
    const { chunk, summary } = await previewFile(fixture('survey.parquet'), 3);
    expect(chunk.rows).toEqual(expectedRows.slice(0, 3));
    expect(chunk.firstRow).toBe(2);
    expect(summary.dataRows).toBe(3);
  });

  test('a Parquet file named .csv is read as Parquet, with a note', async () => {
    const bytes = buildParquet([{ name: 'ward', type: 'string', values: ['Lache'] }]);
    const { rows, summary } = await readAll(textFile('wards.csv', bytes));
    expect(rows).toEqual([{ row: 2, cells: ['Lache'] }]);
    expect(summary.notes).toEqual(['"wards.csv" is a Parquet file, so it was read as one.']);
  });

  test('a damaged Parquet file is refused', async () => {
    const bytes = new TextEncoder().encode('PAR1 this is not really parquet PAR1');
    const error = await rejectionOf(readAll(textFile('bad.parquet', bytes)));
    expect(error).toBeInstanceOf(ReadError);
    expect(error.message).toMatch(/^"bad\.parquet" could not be read as a Parquet file; it may be damaged or cut short\. Export it again, or save it as CSV and import that\./);
  });
});
