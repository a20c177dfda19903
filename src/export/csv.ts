/**
 * The one CSV writer for every file the app lets a person download (hotspot
 * table, import report…). Pure: values in, text out. The rules, so a file is
 * safe and right when opened in Excel:
 *
 * - UTF-8 with a byte-order mark (U+FEFF first), so Excel shows "£", "é" and
 *   "–" as written instead of guessing Windows-1252.
 * - RFC 4180: a cell holding a comma, a double quote, CR or LF is quoted and
 *   its quotes doubled; lines end with CRLF, the last one too.
 * - CSV injection (OWASP): a *text* cell starting with "=", "+", "-", "@",
 *   tab or CR could run as a formula in a spreadsheet, so it gets a leading
 *   apostrophe ("'=HYPERLINK(…)"), which Excel shows as text. Only strings
 *   are changed: a value passed as a number (a negative z-score, -1.96) is
 *   written as the number it is, and stays a number in Excel. So callers pass
 *   numbers as numbers, never pre-formatted strings.
 * - null, undefined and non-finite numbers are empty cells; booleans are
 *   TRUE/FALSE as Excel writes them.
 */

export type CsvValue = string | number | boolean | null | undefined;

/** Byte-order mark; TextEncoder (and a Blob of the text) writes it as EF BB BF. */
export const CSV_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell, neutralised and quoted as the rules above say. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(Object.is(value, -0) ? 0 : value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV document: BOM, header row, then one line per row, CRLF after every line. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  let out = CSV_BOM;
  for (const row of [header, ...rows]) out += `${row.map(csvCell).join(',')}\r\n`;
  return out;
}
