/**
 * Decides how to read a file from its name and its first bytes. The bytes win
 * over the name: people rename files, and Excel workbooks often arrive named
 * .csv. Files we cannot read get a ReadError saying what the file seems to be
 * and what to do instead.
 */
import { ReadError } from './types.ts';

export type ReaderKind = 'text' | 'xlsx' | 'geojson' | 'parquet';

export interface Plan {
  kind: ReaderKind;
  /** For text: the separator the name suggests (.tsv → tab). */
  tabByName: boolean;
  /** Notes to pass on, e.g. that a .csv is really an Excel workbook. */
  notes: string[];
  /** A ZIP named as text: try it as a workbook, and if that fails say it is a ZIP. */
  zipNamedAsText: boolean;
  /** For text: UTF-16 (Excel's "Unicode Text"), found from its byte-order mark or its pattern of zero bytes. */
  utf16?: 'utf-16le' | 'utf-16be';
}

/** How many leading bytes sniffing looks at. */
export const SNIFF_BYTES = 64 * 1024;

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean =>
  bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PARQUET = [0x50, 0x41, 0x52, 0x31]; // "PAR1"

/** Binary formats a resident might pick by mistake, with what to tell them. */
const NOT_TEXT: readonly { signature: readonly number[]; looksLike: string }[] = [
  { signature: [0x89, 0x50, 0x4e, 0x47], looksLike: 'a PNG image' },
  { signature: [0xff, 0xd8, 0xff], looksLike: 'a JPEG photo' },
  { signature: [0x47, 0x49, 0x46, 0x38], looksLike: 'a GIF image' },
  { signature: [0x25, 0x50, 0x44, 0x46], looksLike: 'a PDF document' },
  { signature: [0x1f, 0x8b], looksLike: 'a compressed (.gz) file' },
  { signature: [0x52, 0x61, 0x72, 0x21], looksLike: 'a compressed (.rar) file' },
  { signature: [0x37, 0x7a, 0xbc, 0xaf], looksLike: 'a compressed (.7z) file' },
];

const TEXT_EXTENSIONS = new Set(['csv', 'tsv', 'tab', 'txt']);

export function planRead(name: string, head: Uint8Array): Plan {
  const ext = extensionOf(name);
  const plan = (kind: ReaderKind, notes: string[] = [], zipNamedAsText = false): Plan => ({
    kind,
    tabByName: ext === 'tsv' || ext === 'tab',
    notes,
    zipNamedAsText,
  });

  if (startsWith(head, OLE2)) {
    throw new ReadError(
      `"${name}" is an older Excel workbook (.xls), which this app cannot read. ` +
        'Open it in Excel and save it as .xlsx or CSV (File › Save As), then import that file.',
    );
  }
  if (startsWith(head, ZIP)) {
    if (ext === 'xlsx' || ext === 'xlsm') return plan('xlsx');
    if (TEXT_EXTENSIONS.has(ext) || ext === '') return plan('xlsx', [], true);
    throw new ReadError(
      `"${name}" is a ZIP archive, not a data file this app can read. ` +
        'If it holds a CSV, Excel, GeoJSON or Parquet file, unzip it first and import that file.',
    );
  }
  if (startsWith(head, PARQUET)) {
    const notes = ext === 'parquet' ? [] : [`"${name}" is a Parquet file, so it was read as one.`];
    return plan('parquet', notes);
  }
  for (const { signature, looksLike } of NOT_TEXT) {
    if (startsWith(head, signature)) throw notData(name, ext, looksLike);
  }
  const utf16 = startsWith(head, [0xff, 0xfe]) ? 'utf-16le' : startsWith(head, [0xfe, 0xff]) ? 'utf-16be' : utf16ByZeros(head);
  if (utf16) {
    if (ext === 'geojson' || ext === 'json') {
      throw new ReadError(`"${name}" is saved as UTF-16 text, which this app can read only for CSV and tab-separated files. Save it again as UTF-8 and import that file.`);
    }
    if (ext === 'parquet') throw notData(name, ext, 'UTF-16 text');
    const notes = ext === 'xlsx' || ext === 'xlsm' || ext === 'xls' ? [`"${name}" is named like an Excel workbook but holds plain text, so it was read as a text file.`] : [];
    return { ...plan('text', notes), utf16 };
  }
  // A few stray zero bytes in text (a bad export) are removed by the reader; many, or other control bytes, mean a binary file.
  if (head.includes(0) && !isTextWithStrayZeros(head)) throw notData(name, ext, 'a binary file (a program, image or document)');

  if (ext === 'xlsx' || ext === 'xlsm' || ext === 'xls') {
    // A text file named as a workbook: common when a system exports "CSV" with an Excel extension.
    return plan('text', [`"${name}" is named like an Excel workbook but holds plain text, so it was read as a CSV file.`]);
  }
  if (ext === 'parquet') {
    throw new ReadError(`"${name}" is named like a Parquet file but is not one (Parquet files start with "PAR1"). Check you chose the right file.`);
  }
  if (ext === 'geojson' || ext === 'json') return plan('geojson');
  if (TEXT_EXTENSIONS.has(ext)) return plan('text');
  // Unknown extension: text starting with "{" is most likely GeoJSON, anything else delimited text.
  const firstChar = firstNonSpace(head);
  return plan(firstChar === 0x7b ? 'geojson' : 'text');
}

/**
 * Text with a few stray NULs: at most 10 % zero bytes, and no other control
 * bytes (binary files have plenty of both; text has only tab, CR and LF).
 */
function isTextWithStrayZeros(bytes: Uint8Array): boolean {
  let zeros = 0;
  for (const b of bytes) {
    if (b === 0) zeros++;
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return false;
  }
  return zeros <= 0.1 * bytes.length;
}

/**
 * UTF-16 without a byte-order mark: text that is mostly ASCII has a zero in
 * every other byte — the second of each pair (little-endian) or the first
 * (big-endian) — and almost none in the other position.
 */
function utf16ByZeros(head: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = Math.floor(Math.min(head.length, 4096) / 2);
  if (pairs < 2) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) evenZeros++;
    if (head[2 * i + 1] === 0) oddZeros++;
  }
  if (oddZeros >= 0.6 * pairs && evenZeros <= 0.05 * pairs) return 'utf-16le';
  if (evenZeros >= 0.6 * pairs && oddZeros <= 0.05 * pairs) return 'utf-16be';
  return undefined;
}

function notData(name: string, ext: string, looksLike: string): ReadError {
  const what = TEXT_EXTENSIONS.has(ext) ? `a text ${ext === 'txt' ? 'CSV' : ext.toUpperCase()} file` : 'a data file';
  return new ReadError(
    `"${name}" isn't ${what} — it looks like ${looksLike}. ` +
      'Choose the CSV, Excel (.xlsx), GeoJSON or Parquet file that holds your data.',
  );
}

function firstNonSpace(bytes: Uint8Array): number | undefined {
  let i = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) i = 3;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i];
}
