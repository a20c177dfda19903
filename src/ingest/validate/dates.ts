import { type ValueResult, quote } from './result.ts';

/** Day-month order for dates like 03/04/2025; 'auto' decides per value where it can and falls back to UK order. */
export type DateOrder = 'dmy' | 'mdy' | 'auto';

/** A parsed date; `ambiguous` is set when both day-first and month-first readings were possible. */
export type DateResult = ValueResult<string> & { ambiguous?: true };

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/;
const NUMERIC = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:[T ,].*)?$/;
const DAY_MONTH_NAME = /^(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?[\s\-/]+([a-z]+)\.?,?[\s\-/]+(\d{4}|\d{2})$/i;
const MONTH_NAME_DAY = /^(?:[a-z]+,?\s+)?([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;
const COMPACT = /^(19|20)(\d{2})(\d{2})(\d{2})$/;
const SERIAL = /^\d{1,6}(?:\.\d+)?$/;

/** Excel's date numbers count days from 1899-12-30 (after its fictitious 29 Feb 1900). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

/** Two-digit years follow Excel: 00–29 are 2000s, 30–99 are 1900s. */
function fullYear(text: string): number {
  const y = Number(text);
  if (text.length === 4) return y;
  return y < 30 ? 2000 + y : 1900 + y;
}

function isoOrError(original: string, y: number, m: number, d: number): ValueResult<string> {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return { error: `The date ${quote(original)} isn't a real date.` };
  if (y < 1900 || y > 2100) return { error: `The date ${quote(original)} has an unlikely year (${y}).` };
  return { value: `${y}-${pad(m)}-${pad(d)}` };
}

/**
 * An Excel date number (days since 1899-12-30) as YYYY-MM-DD. Excel counts a
 * 29 February 1900 that never existed (serial 60); serials before it are one
 * day off, so they are shifted back, and 60 itself is refused.
 */
export function excelSerialToIso(serial: number): ValueResult<string> {
  const whole = Math.floor(serial);
  if (whole === 60) return { error: `The Excel date number 60 is 29 February 1900, a day that didn't exist.` };
  if (whole < 1 || whole > 2_958_465) return { error: `The number ${serial} isn't an Excel date.` };
  const days = whole < 60 ? whole + 1 : whole;
  const date = new Date(EXCEL_EPOCH_MS + days * DAY_MS);
  return { value: `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` };
}

function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase()];
}

/**
 * A date typed or exported in any of the common forms, as ISO YYYY-MM-DD:
 * 31/01/2025 (UK order by default), 2025-01-31, 31-1-25, 3 March 2025,
 * March 3, 2025, 20250131, or an Excel date number such as 45352.
 */
export function parseDate(text: string, order: DateOrder = 'auto'): DateResult {
  const t = text.trim();
  if (t === '') return { error: 'No date given.' };
  let m = ISO.exec(t);
  if (m) return isoOrError(t, Number(m[1]), Number(m[2]), Number(m[3]));
  m = NUMERIC.exec(t);
  if (m) return numericDate(t, Number(m[1]), Number(m[2]), fullYear(m[3]!), order);
  m = DAY_MONTH_NAME.exec(t);
  if (m) {
    const month = monthNumber(m[2]!);
    if (month === undefined) return { error: `The date ${quote(t)} has a month name that isn't recognised.` };
    return isoOrError(t, fullYear(m[3]!), month, Number(m[1]));
  }
  m = MONTH_NAME_DAY.exec(t);
  if (m) {
    const month = monthNumber(m[1]!);
    if (month === undefined) return { error: `The date ${quote(t)} has a month name that isn't recognised.` };
    return isoOrError(t, Number(m[3]), month, Number(m[2]));
  }
  m = COMPACT.exec(t);
  if (m) return isoOrError(t, Number(m[1]! + m[2]!), Number(m[3]), Number(m[4]));
  if (SERIAL.test(t)) {
    const serial = Number(t);
    // Only numbers in a plausible range (1954–2119) are taken as Excel dates.
    if (serial >= 20_000 && serial < 80_000) return excelSerialToIso(serial);
  }
  return { error: `${quote(t)} isn't a date.` };
}

function numericDate(t: string, first: number, second: number, year: number, order: DateOrder): DateResult {
  if (order === 'mdy') return isoOrError(t, year, first, second);
  if (order === 'auto' && first <= 12 && second > 12) return isoOrError(t, year, first, second);
  const result: DateResult = isoOrError(t, year, second, first);
  if ('error' in result) {
    if (second > 12 && first <= 12) {
      return { error: `The date ${quote(t)} isn't a real date read day first (there is no month ${second}); if the file writes the month first, choose month-first dates.` };
    }
    return result;
  }
  if (first <= 12 && second <= 12 && first !== second) return { ...result, ambiguous: true };
  return result;
}

const MONTH_ISO = /^(\d{4})[-/.](\d{1,2})$/;
const MONTH_NUMERIC = /^(\d{1,2})[-/.](\d{4})$/;
const MONTH_NAME_YEAR = /^([a-z]+)\.?[\s\-/]+(\d{4}|\d{2})$/i;

/** A month as YYYY-MM from '2024-03', '2024/3', '03/2024', 'Mar 2024', 'March 2024', 'Mar-24', a full date or an Excel date number. */
export function parseMonth(text: string): ValueResult<string> {
  const t = text.trim();
  if (t === '') return { error: 'No month given.' };
  // police.uk writes YYYY-MM: check that shape first, without a regular expression.
  if (t.length === 7 && t.charCodeAt(4) === 45) {
    const y = Number(t.slice(0, 4));
    const mo = Number(t.slice(5));
    if (Number.isInteger(y) && Number.isInteger(mo)) return monthOrError(t, y, mo);
  }
  let m = MONTH_ISO.exec(t);
  if (m) return monthOrError(t, Number(m[1]), Number(m[2]));
  m = MONTH_NUMERIC.exec(t);
  if (m) return monthOrError(t, Number(m[2]), Number(m[1]));
  m = MONTH_NAME_YEAR.exec(t);
  if (m) {
    const mo = monthNumber(m[1]!);
    if (mo !== undefined) return monthOrError(t, fullYear(m[2]!), mo);
  }
  const date = parseDate(t, 'dmy');
  if ('value' in date) return { value: date.value.slice(0, 7) };
  return { error: `${quote(t)} isn't a month (expected something like 2024-03 or Mar 2024).` };
}

function monthOrError(t: string, y: number, m: number): ValueResult<string> {
  if (m < 1 || m > 12) return { error: `The month ${quote(t)} isn't a real month.` };
  if (y < 1900 || y > 2100) return { error: `The month ${quote(t)} has an unlikely year (${y}).` };
  return { value: `${y}-${pad(m)}` };
}

const CLOCK = /^(\d{1,2})(?:[:.](\d{2}))?(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/i;
const FOUR_DIGITS = /^(\d{2})(\d{2})$/;

/** A time of day as HH:MM from '9:30', '09.30', '14:05:00', '2pm', '2:15 pm', '0930' or an Excel day fraction (0.5 = 12:00). */
export function parseTime(text: string): ValueResult<string> {
  const t = text.trim();
  if (t === '') return { error: 'No time given.' };
  if (/^0?\.\d+$/.test(t)) {
    const minutes = Math.round(Number(t) * 24 * 60) % (24 * 60);
    return { value: `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}` };
  }
  const four = FOUR_DIGITS.exec(t);
  const m = four ? [t, four[1], four[2], undefined, undefined] : CLOCK.exec(t);
  if (!m || (m[2] === undefined && m[4] === undefined)) return { error: `${quote(t)} isn't a time.` };
  let h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  const meridiem = m[4]?.toLowerCase().replace(/\./g, '');
  if (meridiem) {
    if (h < 1 || h > 12) return { error: `The time ${quote(t)} isn't a real time.` };
    h = (h % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (h > 23 || min > 59) return { error: `The time ${quote(t)} isn't a real time.` };
  return { value: `${pad(h)}:${pad(min)}` };
}
