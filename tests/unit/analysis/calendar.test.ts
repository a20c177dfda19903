import { describe, expect, it } from 'vitest';
import {
  addMonths,
  calendarSeries,
  chooseRun,
  coverageSentence,
  longestRun,
  monthGaps,
  monthIndex,
  monthRange,
  monthRuns,
  runLabel,
  runSentence,
  spanLabel,
  spansLabel,
  visitGaps,
} from '../../../src/analysis/calendar.ts';

// A police series with a 16-month gap: 8 months of 2022 (Mar–Oct) and 4 of 2024 (Jan–Apr); none Nov 2022 – Dec 2023 (2 + 12 = 14 months missing).
const GAPPY = [...monthRange('2022-03', '2022-10'), ...monthRange('2024-01', '2024-04')];

describe('month arithmetic', () => {
  it('counts months across year ends and refuses anything but YYYY-MM', () => {
    expect(monthIndex('2023-01') - monthIndex('2022-12')).toBe(1);
    expect(addMonths('2022-11', 2)).toBe('2023-01');
    expect(addMonths('2024-01', -1)).toBe('2023-12');
    expect(monthRange('2022-11', '2023-02')).toEqual(['2022-11', '2022-12', '2023-01', '2023-02']);
    expect(monthRange('2023-02', '2022-11')).toEqual([]);
    expect(() => monthIndex('2022-13')).toThrow(/YYYY-MM/);
    expect(() => monthIndex('Mar 2022')).toThrow(/YYYY-MM/);
  });
});

describe('runs and gaps', () => {
  it('splits a gappy series into its unbroken runs, in any input order and with repeats', () => {
    const runs = monthRuns([...GAPPY].reverse().concat(['2022-05']));
    expect(runs.map((r) => [r.from, r.to, r.months.length])).toEqual([
      ['2022-03', '2022-10', 8],
      ['2024-01', '2024-04', 4],
    ]);
    expect(monthGaps(GAPPY).map((g) => [g.from, g.to, g.months.length])).toEqual([['2022-11', '2023-12', 14]]);
    expect(monthRuns([])).toEqual([]);
  });

  it('takes the longest run by default (the latest of equal ones) or the one chosen', () => {
    expect(longestRun(GAPPY)?.from).toBe('2022-03');
    expect(longestRun(['2020-01', '2020-02', '2021-05', '2021-06'])?.from).toBe('2021-05');
    expect(chooseRun(GAPPY)?.months).toHaveLength(8);
    expect(chooseRun(GAPPY, '2024-01')?.months).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    // A run that no longer exists falls back to the longest.
    expect(chooseRun(GAPPY, '2019-01')?.from).toBe('2022-03');
    expect(longestRun([])).toBeNull();
  });
});

describe('sentences', () => {
  it('names the months that exist and the gap', () => {
    expect(coverageSentence(GAPPY)).toBe('8 months of 2022 and 4 of 2024; none from Nov 2022 to Dec 2023');
    expect(coverageSentence(monthRange('2019-12', '2022-10'))).toBe('35 months in a row, Dec 2019 to Oct 2022');
    expect(coverageSentence(['2024-01', '2024-02', '2024-04', '2024-07'])).toBe('4 months of 2024; none in Mar 2024 or from May 2024 to Jun 2024');
    expect(coverageSentence(['2024-03'])).toBe('1 month, Mar 2024');
    expect(coverageSentence([])).toBe('no months');
  });

  it('labels spans compactly', () => {
    expect(spanLabel('2021-11', '2022-10')).toBe('Nov 2021–Oct 2022');
    expect(spanLabel('2022-03', '2022-10')).toBe('Mar–Oct 2022');
    expect(spanLabel('2022-03', '2022-03')).toBe('Mar 2022');
    expect(spansLabel(GAPPY)).toBe('Mar–Oct 2022 and Jan–Apr 2024');
    expect(runLabel(monthRuns(GAPPY)[1]!)).toBe('Jan–Apr 2024 (4 months)');
  });
});

describe('calendarSeries', () => {
  it('puts one named gap entry between runs, so a table of numbers shows it', () => {
    const series = GAPPY.map((month, i) => ({ month, value: i }));
    const entries = calendarSeries(series);
    expect(entries).toHaveLength(12 + 1);
    expect(entries[8]).toEqual({ kind: 'gap', from: '2022-11', to: '2023-12', months: 14 });
    expect(entries[9]).toEqual({ kind: 'month', month: '2024-01', value: 8 });
    expect(calendarSeries([])).toEqual([]);
  });
});

describe('runSentence', () => {
  it('says which run a test used and which it left out', () => {
    const runs = monthRuns(GAPPY);
    expect(runSentence(runs[0]!, runs)).toBe(
      'Months tested: Mar–Oct 2022 (8 months), the longest unbroken run of months with data. Not tested: Jan–Apr 2024 (4 months); none from Nov 2022 to Dec 2023.',
    );
    expect(runSentence(runs[1]!, runs)).toMatch(/^Months tested: Jan–Apr 2024 \(4 months\), the run of months chosen\. Not tested: Mar–Oct 2022 \(8 months\)/);
    const one = monthRuns(monthRange('2019-12', '2022-10'));
    expect(runSentence(one[0]!, one)).toBe('Months tested: Dec 2019–Oct 2022 (35 months), every month with data.');
  });
});

describe('visitGaps', () => {
  it('finds breaks of 3 or more months with no visit between visits', () => {
    const visits = ['2022-09-05', '2022-10-03', '2024-01-08', '2024-02-05', '2024-06-03'];
    expect(visitGaps(visits)).toEqual([
      { after: 1, from: '2022-11', to: '2023-12', months: 14 },
      { after: 3, from: '2024-03', to: '2024-05', months: 3 },
    ]);
    // Two missed rounds are not a gap (a missed visit carries the grade); two visits in a month are not either.
    expect(visitGaps(['2024-01-05', '2024-04-05', '2024-04-20'])).toEqual([]);
    expect(visitGaps([])).toEqual([]);
  });
});
