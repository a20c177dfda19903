import { describe, expect, test } from 'vitest';
import { ReadError } from '../../../../src/ingest/read/types.ts';
import { fixture, readAll, rejectionOf, textFile } from './helpers.ts';

describe('CSV: the bad-input list', () => {
  test('an empty file is refused with a plain message', async () => {
    const error = await rejectionOf(readAll(fixture('empty.csv')));
    expect(error).toBeInstanceOf(ReadError);
    expect(error.message).toBe(
      'The file is empty: "empty.csv" has nothing in it (0 bytes). Check you chose the right file and that it was saved properly.',
    );
  });

  test('a file of blank lines counts as empty', async () => {
    const error = await rejectionOf(readAll(textFile('blank.csv', '\r\n\r\n,,,\r\n')));
    expect(error).toBeInstanceOf(ReadError);
    expect(error.message).toBe(
      'The file is empty: "blank.csv" contains only blank lines. Check you chose the right file and that it was saved properly.',
    );
  });

  test('header only: 0 data rows, the columns, and a note', async () => {
    const { chunks, summary } = await readAll(fixture('header-only.csv'));
    expect(chunks).toEqual([]);
    expect(summary).toEqual({
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ',',
      dataRows: 0,
      columns: 3,
      notes: ['The file has column names but no rows.'],
      headerRow: 1,
      headerCandidates: [{ row: 1, cells: ['Crime ID', 'Month', 'Reported by'], score: expect.any(Number) as number }],
    });
  });

  test('a semicolon file is read correctly, decimal commas kept, with a note naming the separator', async () => {
    const { chunks, summary } = await readAll(fixture('semicolon.csv'));
    expect(chunks).toEqual([
      { header: ['Name', 'Score', 'Ward'], firstRow: 2, rows: [['Asha', '1,5', 'Norbiton'], ['Ben', '2,25', 'Lache']], decimalComma: true },
    ]);
    expect(summary.delimiter).toBe(';');
    expect(summary.decimalComma).toBe(true);
    expect(summary.notes).toEqual([
      'The columns were separated by semicolons, not commas; they were read correctly.',
      'Numbers are written with a decimal comma (as in 51,40412), so they were read that way.',
    ]);
  });

  test('a UTF-8 byte-order mark is dropped from the first column name, with a note', async () => {
    const { chunks, summary } = await readAll(fixture('bom.csv'));
    expect(chunks[0]!.header).toEqual(['Ward', 'Responses']);
    expect(chunks[0]!.rows).toEqual([['Norbiton', '12'], ['Lache', '7']]);
    expect(summary.encoding).toBe('utf-8');
    expect(summary.notes).toEqual(['The file started with a byte-order mark; it was ignored.']);
  });

  test('Windows-1252 text: £ (A3) and é (E9) are read correctly, with a note', async () => {
    const { rows, summary } = await readAll(fixture('windows-1252.csv'));
    expect(rows).toEqual([
      { row: 2, cells: ['Rent', '£450', 'Café lease'] },
      { row: 3, cells: ['Food', '£12.50', 'Crème brûlée'] },
    ]);
    expect(summary.encoding).toBe('windows-1252');
    expect(summary.notes).toEqual(["The text was not valid UTF-8, so it was read as Windows-1252 (Excel's usual encoding)."]);
  });

  test('quoted commas, quoted line breaks and doubled quotes; a multi-line cell stays on the row it starts on', async () => {
    const { rows, summary } = await readAll(fixture('quoted.csv'));
    expect(rows).toEqual([
      { row: 2, cells: ['1', 'Litter, lots of it', 'Norbiton'] },
      { row: 3, cells: ['2', 'Line one\r\nLine two', 'Lache'] },
      { row: 4, cells: ['3', 'She said "fix it"', 'Blacon'] },
      { row: 5, cells: ['4', 'plain', 'Winsford'] },
    ]);
    expect(summary.notes).toEqual([]);
  });

  test('a PNG renamed .csv is refused, saying what it looks like', async () => {
    const error = await rejectionOf(readAll(fixture('png-renamed.csv')));
    expect(error).toBeInstanceOf(ReadError);
    expect(error.message).toBe(
      '"png-renamed.csv" isn\'t a text CSV file — it looks like a PNG image. Choose the CSV, Excel (.xlsx), GeoJSON or Parquet file that holds your data.',
    );
  });

  test('other binary content (NUL bytes) is refused', async () => {
    const error = await rejectionOf(readAll(textFile('data.csv', Uint8Array.of(0x61, 0x2c, 0x62, 0x0a, 0x00, 0x01, 0x02))));
    expect(error.message).toBe(
      '"data.csv" isn\'t a text CSV file — it looks like a binary file (a program, image or document). Choose the CSV, Excel (.xlsx), GeoJSON or Parquet file that holds your data.',
    );
  });

  test('a file with 200 columns keeps them all', async () => {
    const header = Array.from({ length: 200 }, (_, i) => `col${i + 1}`);
    const row = (r: number): string => header.map((_, c) => `r${r}c${c + 1}`).join(',');
    const { rows, summary } = await readAll(textFile('wide.csv', `${header.join(',')}\n${row(1)}\n${row(2)}\n`));
    expect(summary.columns).toBe(200);
    expect(summary.dataRows).toBe(2);
    expect(rows[1]!.cells).toHaveLength(200);
    expect(rows[1]!.cells[199]).toBe('r2c200');
    expect(rows[1]!.row).toBe(3);
  });

  test('an .xlsx renamed .csv is read as the Excel workbook it is, with a note', async () => {
    const { rows, summary } = await readAll(fixture('workbook-renamed.csv'));
    expect(summary.format).toBe('xlsx');
    expect(summary.sheet).toBe('Responses');
    expect(summary.notes[0]).toBe('"workbook-renamed.csv" is really an Excel workbook, not a text CSV file, so it was read as one.');
    expect(rows[0]!.cells[0]).toBe('R001');
  });

  test('a ZIP renamed .csv that is not a workbook is refused as a ZIP', async () => {
    const { zip } = await import('../../../fixtures/ingest/xlsxBuilder.ts');
    const archive = zip([['data.csv', new TextEncoder().encode('a,b\n1,2\n')]]);
    const error = await rejectionOf(readAll(textFile('export.csv', archive)));
    expect(error).toBeInstanceOf(ReadError);
    expect(error.message).toBe(
      '"export.csv" isn\'t a text CSV file — it looks like a ZIP archive. If it holds a CSV, Excel, GeoJSON or Parquet file, unzip it first and import that file.',
    );
  });
});

describe('CSV: rows, numbering and names', () => {
  test('ragged rows are kept as they are; blank rows skipped without shifting row numbers', async () => {
    const { chunks, summary } = await readAll(fixture('ragged-blank.csv'));
    expect(chunks).toEqual([
      { header: ['a', 'b', 'c'], firstRow: 2, rows: [['1', '2', '3']] },
      { header: ['a', 'b', 'c'], firstRow: 4, rows: [['4', '5'], ['6', '7', '8', '9']] },
      { header: ['a', 'b', 'c'], firstRow: 7, rows: [['10', '11', '12']] },
    ]);
    expect(summary.dataRows).toBe(4);
    expect(summary.notes).toEqual(['2 blank rows were skipped; row numbers still match the file.']);
  });

  test('blank and repeated column names are made unique, with a note', async () => {
    const { chunks, summary } = await readAll(fixture('duplicate-header.csv'));
    expect(chunks[0]!.header).toEqual(['Name', 'Column 2', 'Name (2)', 'Ward', 'Name (3)']);
    expect(summary.notes).toEqual([
      'Some column names were blank or repeated: column 2 had no name, so it is called "Column 2"; ' +
        'column 3 repeats the name "Name", so it is called "Name (2)"; column 5 repeats the name "Name", so it is called "Name (3)".',
    ]);
  });

  test('blank lines above the header: the header row is where it is found', async () => {
    const { rows, summary } = await readAll(textFile('late.csv', '\n\nx,y\n1,2\n'));
    expect(rows).toEqual([{ row: 4, cells: ['1', '2'] }]);
    expect(summary.notes).toEqual(['The column names were found on row 3; the rows above them were blank.']);
  });

  test('CRLF, LF and lone CR line endings in one file', async () => {
    const { rows } = await readAll(textFile('mixed.csv', 'a,b\r\n1,2\n3,4\r5,6'));
    expect(rows).toEqual([
      { row: 2, cells: ['1', '2'] },
      { row: 3, cells: ['3', '4'] },
      { row: 4, cells: ['5', '6'] },
    ]);
  });

  test('tab-separated .tsv and .txt files', async () => {
    const tsv = await readAll(textFile('survey.tsv', 'ward\tcount\nLache\t3\n'));
    expect(tsv.summary).toMatchObject({ format: 'tsv', delimiter: '\t', notes: [] });
    expect(tsv.rows).toEqual([{ row: 2, cells: ['Lache', '3'] }]);
    const txt = await readAll(textFile('survey.txt', 'ward|count\nLache|3\n'));
    expect(txt.summary).toMatchObject({ format: 'csv', delimiter: '|' });
    expect(txt.rows[0]!.cells).toEqual(['Lache', '3']);
  });

  test('a comma file whose text holds semicolons keeps the comma', async () => {
    const { summary, rows } = await readAll(textFile('notes.csv', 'id,comment\n1,noise; litter\n2,ok\n3,"a;b;c"\n'));
    expect(summary.delimiter).toBe(',');
    expect(rows[0]!.cells).toEqual(['1', 'noise; litter']);
  });

  test('rows arrive in chunks of chunkRows consecutive rows', async () => {
    const body = Array.from({ length: 7 }, (_, i) => `${i},x`).join('\n');
    const { chunks } = await readAll(textFile('seven.csv', `n,v\n${body}\n`), { chunkRows: 3 });
    expect(chunks.map((c) => [c.firstRow, c.rows.length])).toEqual([[2, 3], [5, 3], [8, 1]]);
  });

  test('a quote never closed on the last row is kept, with a note', async () => {
    const { rows, summary } = await readAll(textFile('q.csv', 'a,b\n1,"oops\n'));
    expect(rows).toEqual([{ row: 2, cells: ['1', 'oops'] }]);
    expect(summary.notes).toEqual(['Row 2 has a quote mark (") that is never closed; the rest of that row was read as one cell.']);
  });

  test('a quote never closed earlier in the file is refused, naming the row', async () => {
    const error = await rejectionOf(readAll(textFile('q.csv', 'a,b\n1,x\n2,"oops\n3,y\n4,z\n')));
    expect(error).toBeInstanceOf(ReadError);
    expect(error.message).toBe(
      'Row 3 has a quote mark (") that is never closed, so everything after it would run into one cell. ' +
        'Open the file in a text editor, fix the quote marks on row 3, and try again.',
    );
  });
});
