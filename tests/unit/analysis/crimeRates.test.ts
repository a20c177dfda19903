import { describe, expect, it } from 'vitest';
import { tableFromArrays, tableFromJSON } from 'apache-arrow';
import { areaTotals, crimeSummary, crimeTypeCounts, latestMonthsWithData, monthlyTotals, ratePeriodWords, rateSentence, UNKNOWN_CRIME_TYPE } from '../../../src/analysis/crimeRates.ts';

// Three covered areas (C has no residents recorded) and one whose authority has no police data (D).
const rows = [
  { code: 'A', month: '2025-01', count: 5, population: 1000 },
  { code: 'A', month: '2025-02', count: 7, population: 1000 },
  { code: 'A', month: '2025-03', count: 100, population: 1000 },
  { code: 'B', month: '2025-02', count: 3, population: 200 },
  { code: 'B', month: '2025-03', count: 2, population: 200 },
  { code: 'C', month: '2025-02', count: 4, population: null },
  { code: 'C', month: '2025-03', count: 1, population: null },
  { code: 'D', month: '2025-02', count: null, population: 500 },
  { code: 'D', month: '2025-03', count: null, population: 500 },
];
const latest = new Set(['2025-02', '2025-03']);

describe('areaTotals', () => {
  it('sums the chosen months only and marks areas without police data', () => {
    const totals = areaTotals(rows, latest);
    expect(totals).toEqual([
      { area_code: 'A', count: 107, rate: 107, hasPoliceData: true },
      { area_code: 'B', count: 5, rate: 25, hasPoliceData: true },
      { area_code: 'C', count: 5, rate: null, hasPoliceData: true },
      { area_code: 'D', count: 0, rate: null, hasPoliceData: false },
    ]);
  });
});

describe('crimeSummary', () => {
  const summary = crimeSummary(areaTotals(rows, latest));

  it('totals crimes over every area with police data, including one with no residents recorded', () => {
    expect(summary.total).toBe(117);
    expect(summary.areasWithData).toBe(3);
  });

  it('agrees with the monthly chart over the same months', () => {
    const chart = monthlyTotals(rows.filter((r) => r.count !== null).map((r) => ({ month: r.month, count: r.count! })));
    expect(chart).toEqual([
      { month: '2025-01', value: 5 },
      { month: '2025-02', value: 14 },
      { month: '2025-03', value: 103 },
    ]);
    expect(chart.filter((m) => latest.has(m.month)).reduce((s, m) => s + m.value, 0)).toBe(summary.total);
  });

  it('ranks areas with a rate, highest first, ties by code', () => {
    expect(summary.ranked.map((t) => t.area_code)).toEqual(['A', 'B']);
    const tied = crimeSummary([
      { area_code: 'Z', count: 1, rate: 2, hasPoliceData: true },
      { area_code: 'M', count: 1, rate: 2, hasPoliceData: true },
      { area_code: 'Q', count: 9, rate: 9, hasPoliceData: true },
    ]);
    expect(tied.ranked.map((t) => t.area_code)).toEqual(['Q', 'M', 'Z']);
  });

  it('gives zero crimes and no ranking when no area has police data', () => {
    const none = crimeSummary(areaTotals(rows.filter((r) => r.code === 'D'), latest));
    expect(none).toEqual({ total: 0, areasWithData: 0, ranked: [] });
  });
});

describe('crimeTypeCounts', () => {
  it('counts records by type from the crime_type column, commonest first then alphabetical', () => {
    const table = tableFromArrays({
      lon: Float64Array.from([1, 2, 3, 4, 5, 6]),
      lat: Float64Array.from([1, 2, 3, 4, 5, 6]),
      crime_type: ['Burglary', 'Vehicle crime', 'Burglary', 'Anti-social behaviour', 'Vehicle crime', 'Burglary'],
    });
    expect(crimeTypeCounts(table)).toEqual([
      { crimeType: 'Burglary', count: 3 },
      { crimeType: 'Vehicle crime', count: 2 },
      { crimeType: 'Anti-social behaviour', count: 1 },
    ]);
  });

  it('names records with no type, and gives nothing for an empty month', () => {
    const table = tableFromJSON([{ crime_type: 'Robbery' }, { crime_type: null }, { crime_type: 'Robbery' }]);
    expect(crimeTypeCounts(table)).toEqual([
      { crimeType: 'Robbery', count: 2 },
      { crimeType: UNKNOWN_CRIME_TYPE, count: 1 },
    ]);
    expect(crimeTypeCounts(tableFromArrays({ crime_type: [] as string[] }))).toEqual([]);
  });

  it('says so when the table has no crime types', () => {
    expect(() => crimeTypeCounts(tableFromArrays({ lon: Float64Array.from([1]) }))).toThrow(/crime_type/);
  });
});

describe('the months a rate covers', () => {
  const gappy = [
    '2022-03', '2022-04', '2022-05', '2022-06', '2022-07', '2022-08', '2022-09', '2022-10',
    '2024-01', '2024-02', '2024-03', '2024-04',
  ];
  it('takes the 12 latest months that have data, never counting missing months', () => {
    expect(latestMonthsWithData([...gappy, '2021-12'].reverse())).toEqual(gappy);
  });
  it('says over which months, across a gap too', () => {
    const unbroken = ['2021-11', '2021-12', '2022-01', '2022-02', '2022-03', '2022-04', '2022-05', '2022-06', '2022-07', '2022-08', '2022-09', '2022-10'];
    expect(ratePeriodWords(unbroken)).toBe('over the 12 latest months with data: Nov 2021–Oct 2022');
    expect(rateSentence(latestMonthsWithData(gappy))).toBe(
      'Crimes per 1,000 residents (Census 2021) over the 12 latest months with data: Mar–Oct 2022 and Jan–Apr 2024 (none from Nov 2022 to Dec 2023).',
    );
    expect(ratePeriodWords(['2024-01', '2024-02', '2024-03', '2024-04'])).toBe('over the 4 months with data: Jan–Apr 2024');
    expect(ratePeriodWords(['2024-01'])).toBe('over the 1 month with data: Jan 2024');
    expect(ratePeriodWords([])).toMatch(/no months/);
  });
});
