import { describe, expect, it } from 'vitest';
import { dayLabel, formatInteger, formatValue, monthLabel } from '../../../src/analysis/format.ts';

describe('monthLabel', () => {
  it('names the month and year of a YYYY-MM (or a full date)', () => {
    expect(monthLabel('2024-03')).toBe('Mar 2024');
    expect(monthLabel('2019-12')).toBe('Dec 2019');
    expect(monthLabel('2025-01-31')).toBe('Jan 2025');
  });

  it('returns anything that is not a month as it is, rather than inventing one', () => {
    expect(monthLabel('2024-13')).toBe('2024-13');
    expect(monthLabel('March')).toBe('March');
    expect(monthLabel('')).toBe('');
  });
});

describe('dayLabel', () => {
  it('writes a date as day, short month and year without a leading zero', () => {
    expect(dayLabel('2024-03-05')).toBe('5 Mar 2024');
    expect(dayLabel('2023-12-31')).toBe('31 Dec 2023');
  });

  it('is not moved by time zones: the first of the month stays the first', () => {
    expect(dayLabel('2024-01-01')).toBe('1 Jan 2024');
  });

  it('returns anything that is not a date as it is', () => {
    expect(dayLabel('2024-03')).toBe('2024-03');
    expect(dayLabel('2024-00-05')).toBe('2024-00-05');
    expect(dayLabel('soon')).toBe('soon');
  });
});

describe('number formatting', () => {
  it('writes thousands separators and sensible decimals', () => {
    expect(formatInteger(1295)).toBe('1,295');
    expect(formatInteger(null)).toBe('no data');
    expect(formatValue(12.345, '%')).toBe('12.3%');
    expect(formatValue(33755, 'rank')).toBe('33,755');
  });
});
