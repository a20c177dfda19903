import { describe, expect, test } from 'vitest';
import { dateToIsoString, numberToPlainString, valueToCell } from '../../../../src/ingest/read/cells.ts';
import { SLICE_BYTES } from '../../../../src/ingest/read/csv/readDelimited.ts';
import { MAX_BYTES_BY_FORMAT, MAX_FILE_BYTES, previewFile, readFile } from '../../../../src/ingest/read/readFile.ts';
import { ReadError, type RawChunk } from '../../../../src/ingest/read/types.ts';
import { fixture, readAll, rejectionOf, textFile, type TestFile } from './helpers.ts';

const MB = 1024 * 1024;

/** The same small file, claiming to be `size` bytes: the limit must be checked before reading. */
function withSize(file: TestFile, size: number): TestFile {
  return Object.defineProperty(file, 'size', { value: size });
}

describe('size limits', () => {
  test('the limits are 500 MB overall, 20 MB for Excel, 100 MB for GeoJSON', () => {
    expect(MAX_FILE_BYTES).toBe(500 * MB);
    expect(MAX_BYTES_BY_FORMAT).toEqual({ csv: 500 * MB, tsv: 500 * MB, parquet: 500 * MB, geojson: 100 * MB, xlsx: 20 * MB });
  });

  test('a CSV over 500 MB is refused up front, giving the size and the limit', async () => {
    let chunks = 0;
    const error = await rejectionOf(readFile(withSize(textFile('huge.csv', 'a,b\n1,2\n'), 600 * MB), { onChunk: () => void chunks++ }));
    expect(error).toBeInstanceOf(ReadError);
    expect(error.message).toBe(
      '"huge.csv" is 600 MB, which is more than this app can import from a CSV file (the limit is 500 MB). Split it into smaller files (for example one per year) and import them one at a time.',
    );
    expect(chunks).toBe(0);
  });

  test('an Excel workbook over 20 MB is refused, suggesting CSV', async () => {
    const error = await rejectionOf(readAll(withSize(fixture('survey.xlsx'), 25.4 * MB)));
    expect(error.message).toBe(
      '"survey.xlsx" is 25 MB, which is more than this app can import from an Excel file (the limit is 20 MB). Save the sheet you need as CSV (File › Save As › CSV UTF-8) and import that instead: CSV files can be up to 500 MB.',
    );
  });

  test('a workbook renamed .csv gets the Excel limit once its first bytes show what it is', async () => {
    const error = await rejectionOf(readAll(withSize(fixture('workbook-renamed.csv'), 30 * MB)));
    expect(error.message).toMatch(/^"workbook-renamed\.csv" is 30 MB, which is more than this app can import from an Excel file \(the limit is 20 MB\)\./);
  });
});

describe('cancelling', () => {
  test('an abort during the read stops it with an AbortError and no more chunks', async () => {
    const controller = new AbortController();
    const chunks: RawChunk[] = [];
    const error = await rejectionOf(
      readFile(fixture('quoted.csv'), {
        chunkRows: 1,
        signal: controller.signal,
        onChunk: (chunk) => {
          chunks.push(chunk);
          controller.abort();
        },
      }),
    );
    expect(error).toBeInstanceOf(DOMException);
    expect(error.name).toBe('AbortError');
    expect(chunks).toHaveLength(1);
  });

  test('an already-aborted signal reads nothing', async () => {
    let chunks = 0;
    const error = await rejectionOf(readFile(fixture('survey.parquet'), { signal: AbortSignal.abort(), onChunk: () => void chunks++ }));
    expect(error.name).toBe('AbortError');
    expect(chunks).toBe(0);
  });
});

describe('previewFile', () => {
  test('gives the first rows and the header', async () => {
    const { chunk, summary } = await previewFile(fixture('quoted.csv'), 2);
    expect(chunk).toEqual({
      header: ['id', 'comment', 'ward'],
      firstRow: 2,
      rows: [
        ['1', 'Litter, lots of it', 'Norbiton'],
        ['2', 'Line one\r\nLine two', 'Lache'],
      ],
    });
    expect(summary.dataRows).toBe(2);
  });

  test('a header-only file still gives its column names', async () => {
    const { chunk, summary } = await previewFile(fixture('header-only.csv'));
    expect(chunk).toEqual({ header: ['Crime ID', 'Month', 'Reported by'], rows: [], firstRow: 2 });
    expect(summary.notes).toEqual(['The file has column names but no rows.']);
  });

  test('a big CSV is previewed from its first slice only', async () => {
    const line = 'E01018327,2025-01,On or near Park Road\n';
    const file = textFile('big.csv', `lsoa,month,location\n${line.repeat(Math.ceil((3 * SLICE_BYTES) / line.length))}`);
    const slices: number[] = [];
    const slice = file.slice.bind(file);
    file.slice = (start?: number, end?: number) => {
      slices.push(start ?? 0);
      return slice(start, end);
    };
    const { chunk } = await previewFile(file, 10);
    expect(chunk.rows).toHaveLength(10);
    expect(slices).toEqual([0, 0]); // the sniff, then the first slice
  });
});

describe('cells', () => {
  test('numbers become plain decimals, never exponents', () => {
    expect(numberToPlainString(1e-7)).toBe('0.0000001');
    expect(numberToPlainString(-2.5e-8)).toBe('-0.000000025');
    expect(numberToPlainString(1.5e21)).toBe('1500000000000000000000');
    expect(numberToPlainString(123.45)).toBe('123.45');
    expect(numberToPlainString(0)).toBe('0');
    expect(numberToPlainString(Number.NaN)).toBe('');
  });

  test('dates become ISO in UTC, with a time only when there is one', () => {
    expect(dateToIsoString(new Date(Date.UTC(2025, 2, 14)))).toBe('2025-03-14');
    expect(dateToIsoString(new Date(Date.UTC(2025, 2, 14, 10, 30)))).toBe('2025-03-14T10:30');
    expect(dateToIsoString(new Date(Date.UTC(2025, 2, 14, 10, 29, 59, 999)))).toBe('2025-03-14T10:30');
    expect(dateToIsoString(new Date(Date.UTC(2025, 2, 14, 10, 30, 15)))).toBe('2025-03-14T10:30:15');
  });

  test('other values', () => {
    expect(valueToCell(9007199254740993n)).toBe('9007199254740993');
    expect(valueToCell(null)).toBe('');
    expect(valueToCell({ a: 1n, b: [1, 2] })).toBe('{"a":"1","b":[1,2]}');
    expect(valueToCell(true)).toBe('true');
  });
});
