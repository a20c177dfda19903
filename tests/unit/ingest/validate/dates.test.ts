import { describe, expect, it } from 'vitest';
import { excelSerialToIso, parseDate, parseMonth, parseTime } from '../../../../src/ingest/validate/values.ts';

describe('parseDate', () => {
  it('reads UK day-first dates by default and flags the ambiguous ones', () => {
    expect(parseDate('31/01/2025', 'dmy')).toEqual({ value: '2025-01-31' });
    expect(parseDate('03/04/2025', 'dmy')).toEqual({ value: '2025-04-03', ambiguous: true });
    expect(parseDate('03/04/2025', 'auto')).toEqual({ value: '2025-04-03', ambiguous: true });
    expect(parseDate('05/05/2025', 'dmy')).toEqual({ value: '2025-05-05' });
    expect(parseDate('3.4.2025', 'dmy')).toEqual({ value: '2025-04-03', ambiguous: true });
    expect(parseDate('14-2-2024', 'dmy')).toEqual({ value: '2024-02-14' });
  });

  it('reads month-first dates when asked, or when auto sees a second number above 12', () => {
    expect(parseDate('03/04/2025', 'mdy')).toEqual({ value: '2025-03-04' });
    expect(parseDate('12/25/2024', 'auto')).toEqual({ value: '2024-12-25' });
    const dmy = parseDate('12/25/2024', 'dmy');
    expect('error' in dmy && dmy.error).toBe("The date '12/25/2024' isn't a real date read day first (there is no month 25); if the file writes the month first, choose month-first dates.");
  });

  it('reads ISO dates, two-digit years and written-out months', () => {
    expect(parseDate('2025-03-01')).toEqual({ value: '2025-03-01' });
    expect(parseDate('2025-03-01T10:15:00Z')).toEqual({ value: '2025-03-01' });
    expect(parseDate('2025/3/1 10:15')).toEqual({ value: '2025-03-01' });
    expect(parseDate('1/3/25', 'dmy')).toEqual({ value: '2025-03-01', ambiguous: true });
    expect(parseDate('1/3/95', 'dmy')).toEqual({ value: '1995-03-01', ambiguous: true });
    expect(parseDate('3 March 2025')).toEqual({ value: '2025-03-03' });
    expect(parseDate('3rd Mar 2025')).toEqual({ value: '2025-03-03' });
    expect(parseDate('Mon 3 March 2025')).toEqual({ value: '2025-03-03' });
    expect(parseDate('03-Mar-25')).toEqual({ value: '2025-03-03' });
    expect(parseDate('March 3, 2025')).toEqual({ value: '2025-03-03' });
    expect(parseDate('20250301')).toEqual({ value: '2025-03-01' });
  });

  it('reads Excel serial numbers, allowing for the 1900 leap-year bug', () => {
    expect(parseDate('45352')).toEqual({ value: '2024-03-01' });
    expect(parseDate('45352.5')).toEqual({ value: '2024-03-01' });
    expect(excelSerialToIso(1)).toEqual({ value: '1900-01-01' });
    expect(excelSerialToIso(59)).toEqual({ value: '1900-02-28' });
    expect(excelSerialToIso(61)).toEqual({ value: '1900-03-01' });
    expect(excelSerialToIso(60)).toEqual({ error: 'The Excel date number 60 is 29 February 1900, a day that didn\'t exist.' });
    expect(excelSerialToIso(43831)).toEqual({ value: '2020-01-01' });
  });

  it('refuses dates that do not exist, with the reason', () => {
    expect(parseDate('31/02/2024', 'dmy')).toEqual({ error: "The date '31/02/2024' isn't a real date." });
    expect(parseDate('29/02/2023', 'dmy')).toEqual({ error: "The date '29/02/2023' isn't a real date." });
    expect(parseDate('29/02/2024', 'dmy')).toEqual({ value: '2024-02-29' });
    expect(parseDate('2024-13-01')).toEqual({ error: "The date '2024-13-01' isn't a real date." });
    expect(parseDate('30 Febtober 2024')).toEqual({ error: "The date '30 Febtober 2024' has a month name that isn't recognised." });
    expect(parseDate('last Tuesday')).toEqual({ error: "'last Tuesday' isn't a date." });
    expect(parseDate('12')).toEqual({ error: "'12' isn't a date." });
    expect(parseDate('')).toEqual({ error: 'No date given.' });
  });
});

describe('parseMonth', () => {
  it('reads the usual ways of writing a month', () => {
    expect(parseMonth('2024-03')).toEqual({ value: '2024-03' });
    expect(parseMonth('2024/3')).toEqual({ value: '2024-03' });
    expect(parseMonth('03/2024')).toEqual({ value: '2024-03' });
    expect(parseMonth('Mar 2024')).toEqual({ value: '2024-03' });
    expect(parseMonth('March 2024')).toEqual({ value: '2024-03' });
    expect(parseMonth('Mar-24')).toEqual({ value: '2024-03' });
    expect(parseMonth('15/03/2024')).toEqual({ value: '2024-03' });
    expect(parseMonth('45352')).toEqual({ value: '2024-03' });
  });

  it('refuses what is not a month', () => {
    expect(parseMonth('2024-13')).toEqual({ error: "The month '2024-13' isn't a real month." });
    expect(parseMonth('soon')).toEqual({ error: "'soon' isn't a month (expected something like 2024-03 or Mar 2024)." });
    expect(parseMonth('')).toEqual({ error: 'No month given.' });
  });
});

describe('parseTime', () => {
  it('reads clock times, am/pm, compact times and Excel day fractions', () => {
    expect(parseTime('9:30')).toEqual({ value: '09:30' });
    expect(parseTime('09.30')).toEqual({ value: '09:30' });
    expect(parseTime('14:05:00')).toEqual({ value: '14:05' });
    expect(parseTime('2pm')).toEqual({ value: '14:00' });
    expect(parseTime('12:15 am')).toEqual({ value: '00:15' });
    expect(parseTime('0930')).toEqual({ value: '09:30' });
    expect(parseTime('0.5')).toEqual({ value: '12:00' });
    expect(parseTime('25:00')).toEqual({ error: "The time '25:00' isn't a real time." });
    expect(parseTime('morning')).toEqual({ error: "'morning' isn't a time." });
  });
});
