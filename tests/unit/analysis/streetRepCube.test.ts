import { describe, expect, it } from 'vitest';
import { streetRepCube, whyTooLittle, type CubeGrade, type CubeSite } from '../../../src/analysis/streetRepCube.ts';

const site = (site_id: string, lon: number | null = -1.1, lat: number | null = 52.6): CubeSite => ({ site_id, lon, lat });
const series = (site_id: string, entries: [month: string, grade: number][]): CubeGrade[] => entries.map(([month, grade]) => ({ site_id, month, grade }));

/** Site i's values, oldest month first. */
const column = (c: { cube: Float64Array; siteIds: string[]; months: string[] }, id: string) => {
  const i = c.siteIds.indexOf(id);
  return c.months.map((_, t) => c.cube[t * c.siteIds.length + i]);
};

describe('street-rep cube: sites × consecutive months', () => {
  it('carries a missed month forward and fills months before the first visit with the first grade', () => {
    // A: Jan, Feb, –, Apr, May, Jun (March missed). B: first visit in Feb, then every month to Jul.
    const grades = [
      ...series('A', [['2024-01', 0], ['2024-02', 1], ['2024-04', 2], ['2024-05', 2], ['2024-06', 3], ['2024-07', 1.5]]),
      ...series('B', [['2024-02', 0.5], ['2024-03', 0.5], ['2024-04', 1], ['2024-05', 1], ['2024-06', 1.25], ['2024-07', 2]]),
    ];
    const c = streetRepCube([site('A', -1.1, 52.6), site('B', -1.2, 52.7)], grades);
    expect(c.siteIds).toEqual(['A', 'B']);
    expect(c.months).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07']);
    expect(column(c, 'A')).toEqual([0, 1, 1, 2, 2, 3, 1.5]);
    expect(column(c, 'B')).toEqual([0.5, 0.5, 0.5, 1, 1, 1.25, 2]);
    // Layout: cube[t * n + i].
    expect(Array.from(c.cube.subarray(0, 4))).toEqual([0, 0.5, 1, 0.5]);
    expect(Array.from(c.points)).toEqual([-1.1, 52.6, -1.2, 52.7]);
    expect(c.carried).toBe(1);
    expect(c.beforeFirst).toBe(1);
    expect(c.leftOut).toEqual([]);
  });

  it('runs across a year end without gaps, whatever order the rows come in', () => {
    const grades = series('A', [['2025-02', 3], ['2024-10', 0], ['2024-12', 1], ['2024-11', 0], ['2025-01', 2], ['2025-03', 2]]);
    const c = streetRepCube([site('A')], grades);
    expect(c.months).toEqual(['2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03']);
    expect(column(c, 'A')).toEqual([0, 0, 1, 2, 3, 2]);
    expect(c.carried + c.beforeFirst).toBe(0);
  });

  it('leaves out, and lists, sites with fewer than 6 graded months or no location; they do not stretch the months', () => {
    const six: [string, number][] = [['2024-03', 1], ['2024-04', 1], ['2024-05', 2], ['2024-06', 2], ['2024-07', 2], ['2024-08', 3]];
    const grades = [
      ...series('kept', six),
      // Five months, one of them long before the kept site's first: left out, and March 2023 is not in the series.
      ...series('short', [['2023-03', 0], ['2024-03', 0], ['2024-04', 0], ['2024-05', 0], ['2024-06', 0]]),
      ...series('nowhere', six),
    ];
    const c = streetRepCube([site('kept'), site('short'), site('nowhere', null, null), site('never')], grades);
    expect(c.siteIds).toEqual(['kept']);
    expect(c.months).toEqual(['2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08']);
    expect(c.leftOut).toEqual([
      { site_id: 'short', months: 5, reason: 'too-few-months' },
      { site_id: 'nowhere', months: 6, reason: 'no-location' },
      { site_id: 'never', months: 0, reason: 'too-few-months' },
    ]);
    // Grades for a site not in the list are ignored.
    expect(streetRepCube([site('kept')], [...grades, ...series('stranger', six)]).siteIds).toEqual(['kept']);
  });

  it('is empty when no site qualifies, and refuses a malformed month', () => {
    const c = streetRepCube([site('A')], series('A', [['2024-01', 1]]));
    expect(c).toMatchObject({ siteIds: [], months: [], carried: 0, beforeFirst: 0 });
    expect(c.cube.length).toBe(0);
    expect(() => streetRepCube([site('A')], series('A', [['2024-13', 1]]))).toThrow("'2024-13' is not a month written as YYYY-MM.");
  });

  it('takes a smaller minimum when asked', () => {
    const c = streetRepCube([site('A')], series('A', [['2024-01', 1], ['2024-03', 2]]), { minMonths: 2 });
    expect(column(c, 'A')).toEqual([1, 1, 2]);
    expect(c.carried).toBe(1);
  });
});

describe('whether there is enough to test', () => {
  const months = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];
  it('needs at least 5 sites and 6 months', () => {
    expect(whyTooLittle({ siteIds: ['a', 'b', 'c', 'd', 'e'], months }, 5, 'Lache ward')).toBeNull();
    expect(whyTooLittle({ siteIds: ['a', 'b', 'c', 'd'], months }, 9, 'Lache ward')).toBe(
      'Only 4 street-rep sites in Lache ward have at least 6 months of grades and a map location. At least 5 are needed, so that each site can be compared with its 4 nearest sites.',
    );
    expect(whyTooLittle({ siteIds: ['a'], months }, 3, 'Leicester')).toMatch(/^Only 1 street-rep site in Leicester has at least 6 months/);
    expect(whyTooLittle({ siteIds: [], months: [] }, 3, 'Leicester')).toMatch(/^No street-rep site in Leicester has/);
    expect(whyTooLittle({ siteIds: ['a', 'b', 'c', 'd', 'e'], months: months.slice(0, 5) }, 5, 'Wigan')).toBe(
      'The street-rep visits in Wigan cover only 5 months: at least 6 are needed to look for a trend.',
    );
    expect(whyTooLittle({ siteIds: [], months: [] }, 0, 'Wigan')).toBe(
      'None of the loaded street-rep sites are in Wigan. Choose another place at the top of the page, or all five areas.',
    );
  });
});

describe('street-rep cube over one unbroken run of months', () => {
  // Two sites graded Mar–Oct 2022 and Jan–Apr 2024: 14 months with no visit anywhere split the series.
  const first = monthRangeOf('2022-03', 8);
  const second = monthRangeOf('2024-01', 6);
  const grades = ['A', 'B'].flatMap((id, k) => series(id, [...first, ...second].map((m, t): [string, number] => [m, (t + k) % 4])));

  it('tests the longest run by default, never carrying a grade across the break', () => {
    const c = streetRepCube([site('A'), site('B')], grades);
    expect(c.runs.map((r) => [r.from, r.to])).toEqual([
      ['2022-03', '2022-10'],
      ['2024-01', '2024-06'],
    ]);
    expect(c.run?.from).toBe('2022-03');
    expect(c.months).toEqual(first);
    expect(c.carried).toBe(0);
  });

  it('tests the run the person chose', () => {
    const c = streetRepCube([site('A'), site('B')], grades, { run: '2024-01' });
    expect(c.months).toEqual(second);
    expect(column(c, 'A')).toEqual([0, 1, 2, 3, 0, 1]);
  });

  it('carries up to two months missed at every site, but not three', () => {
    const twoMissed = series('A', [...monthRangeOf('2024-01', 3), ...monthRangeOf('2024-06', 3)].map((m): [string, number] => [m, 1]));
    expect(streetRepCube([site('A')], twoMissed).months).toHaveLength(8);
    const threeMissed = series('A', [...monthRangeOf('2024-01', 3), ...monthRangeOf('2024-07', 3)].map((m): [string, number] => [m, 1]));
    const c = streetRepCube([site('A')], threeMissed, { minMonths: 3 });
    expect(c.runs).toHaveLength(2);
    expect(c.months).toEqual(['2024-07', '2024-08', '2024-09']);
  });
});

function monthRangeOf(from: string, n: number): string[] {
  const [y, m] = from.split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const k = y * 12 + m - 1 + i;
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}
