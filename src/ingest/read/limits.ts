/**
 * Size limits, checked before any byte is read so a resident gets a clear
 * answer at once instead of a frozen tab.
 *
 * Why these numbers (sizes in MB of 1,048,576 bytes, as Windows shows them):
 * - Text (CSV/TSV) and Parquet: 500 MB. Both are read a slice at a time, so
 *   memory stays near one chunk (~20,000 rows); the limit is about time and
 *   about the database the rows go into, not the reader. A 1,000,000-row
 *   police.uk CSV is ~150 MB.
 * - GeoJSON: 100 MB. JSON has to be parsed whole; measured in Node, a 99 MB
 *   file of 500,000 points took 3.5 s and peaked at ~0.7 GB of memory.
 * - Excel: 20 MB. A workbook is unzipped and every sheet parsed in memory
 *   (read-excel-file has no streaming mode). Measured in Node: an 18 MB
 *   workbook (400,000 rows × 12 police.uk columns) took 11 s and peaked at
 *   ~1 GB of memory; a 9 MB one 4 s and ~0.5 GB. Larger sheets should come
 *   as CSV.
 */
import { ReadError, type SourceFormat } from './types.ts';

const MB = 1024 * 1024;

/** The largest file any reader accepts. */
export const MAX_FILE_BYTES = 500 * MB;

export const MAX_BYTES_BY_FORMAT: Readonly<Record<SourceFormat, number>> = {
  csv: MAX_FILE_BYTES,
  tsv: MAX_FILE_BYTES,
  parquet: MAX_FILE_BYTES,
  geojson: 100 * MB,
  xlsx: 20 * MB,
};

/** "1.5 MB", "612 MB", "20 KB": sizes as a file manager shows them. */
export function formatBytes(bytes: number): string {
  if (bytes < MB) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / MB;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb).toLocaleString('en-GB')} MB`;
}

const FORMAT_WORDS: Record<SourceFormat, string> = {
  csv: 'a CSV',
  tsv: 'a tab-separated',
  parquet: 'a Parquet',
  geojson: 'a GeoJSON',
  xlsx: 'an Excel',
};

const SMALLER_ADVICE: Record<SourceFormat, string> = {
  csv: 'Split it into smaller files (for example one per year) and import them one at a time.',
  tsv: 'Split it into smaller files (for example one per year) and import them one at a time.',
  parquet: 'Split it into smaller files and import them one at a time.',
  geojson: 'Save it as CSV with longitude and latitude columns, or split it into smaller files.',
  xlsx: 'Save the sheet you need as CSV (File › Save As › CSV UTF-8) and import that instead: CSV files can be up to 500 MB.',
};

/** Throws a ReadError naming the file's size and the limit when the file is too big for its format. */
export function checkSize(name: string, size: number, format: SourceFormat): void {
  const limit = MAX_BYTES_BY_FORMAT[format];
  if (size <= limit) return;
  throw new ReadError(
    `"${name}" is ${formatBytes(size)}, which is more than this app can import from ${FORMAT_WORDS[format]} file ` +
      `(the limit is ${formatBytes(limit)}). ${SMALLER_ADVICE[format]}`,
  );
}
