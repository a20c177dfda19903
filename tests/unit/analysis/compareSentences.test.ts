import { describe, expect, it } from 'vitest';
import { compareSentences, countSentence, type SentenceArea } from '../../../src/analysis/compareSentences.ts';
import { crimeRates, domainNames, domainWords, weightedMeans } from '../../../src/analysis/compareMeasures.ts';

const DOMAINS = ['imd', 'income', 'employment', 'crime'];
// The profile's names, as domainNames makes them from the catalogue's labels.
const NAMES = new Map([['imd', 'Overall deprivation'], ['income', 'Low income'], ['employment', 'People out of work'], ['crime', 'Crime']]);
const area = (name: string, c: Record<string, [number, number]>, crimeRate: number | null = null): SentenceArea => ({
  name,
  counts: Object.fromEntries(Object.entries(c).map(([d, [a, b]]) => [d, { in_10pct: a, in_20pct: b }])),
  crimeRate,
});

describe('compareSentences', () => {
  const port = area('Ellesmere Port Town', { imd: [3, 5], income: [6, 7], employment: [2, 4], crime: [0, 1] });
  const city = area('Chester City', { imd: [1, 2], income: [1, 2], employment: [2, 2], crime: [0, 0] });

  it('states the real counts, the largest gap first', () => {
    expect(compareSentences([port, city], DOMAINS, { names: NAMES })).toEqual([
      "Ellesmere Port Town has 6 small areas in England's most deprived 10 % for low income; Chester City has 1.",
      "Ellesmere Port Town has 3 small areas in England's most deprived 10 % for overall deprivation; Chester City has 1.",
      "Ellesmere Port Town has 4 small areas in England's most deprived 20 % for people out of work; Chester City has 2.",
    ]);
  });

  it('says "1 small area" and "none"', () => {
    expect(countSentence([city, port], 'crime', 'in_20pct')).toBe("Ellesmere Port Town has 1 small area in England's most deprived 20 % for crime; Chester City has none.");
    expect(countSentence([city, port], 'crime', 'in_10pct')).toBe("Chester City has no small areas in England's most deprived 10 % for crime; Ellesmere Port Town has none.");
  });

  it('names every area, more first, ties in the order chosen', () => {
    const a = area('A', { income: [2, 2] });
    const b = area('B', { income: [5, 5] });
    const c = area('C', { income: [2, 3] });
    expect(countSentence([a, b, c], 'income', 'in_10pct', NAMES)).toBe("B has 5 small areas in England's most deprived 10 % for low income; A has 2; C has 2.");
  });

  it('says so when the counts are the same everywhere, and adds crime rates when every area has one', () => {
    const a = area('A', { income: [1, 1] }, 80.24);
    const b = area('B', { income: [1, 1] }, 120);
    expect(compareSentences([a, b], ['income'])).toEqual([
      "These areas have the same number of small areas in England's most deprived 10 % and 20 % for every domain.",
      'B has 120 police-recorded crimes per 1,000 residents; A has 80.2.',
    ]);
    expect(compareSentences([a], ['income'])).toEqual([]);
    expect(compareSentences([a, b], ['income'], { crimePeriod: 'over the 4 months with data: Jan–Apr 2024' })[1]).toBe(
      'B has 120 police-recorded crimes per 1,000 residents over the 4 months with data: Jan–Apr 2024; A has 80.2.',
    );
    expect(compareSentences([a, { ...b, crimeRate: null }], ['income'])).toHaveLength(1);
  });
});

describe('domain names', () => {
  it("uses the profile's names: the catalogue label without its edition, lower-cased after \"for\"", () => {
    const names = domainNames(new Map([['income', 'Low income (IoD 2025 score)'], ['health', 'Poor health and disability (IoD 2025 score)']]), ['income', 'health', 'crime']);
    expect([...names]).toEqual([['income', 'Low income'], ['health', 'Poor health and disability'], ['crime', 'crime']]);
    expect(domainWords('People out of work')).toBe('people out of work');
  });
});

describe('compare sums', () => {
  const members = [
    { column: 'W1', lsoa_code: 'a', lad_code: 'L1', population: 1000 },
    { column: 'W1', lsoa_code: 'b', lad_code: 'L1', population: 3000 },
    { column: 'W2', lsoa_code: 'c', lad_code: 'L2', population: 2000 },
  ];

  it('weights theme scores by residents', () => {
    const means = weightedMeans(members, new Map([['a', 1], ['b', -1], ['c', 0.5]]));
    expect(means.get('W1')).toEqual({ value: (1000 - 3000) / 4000, lsoas: 2 });
    expect(means.get('W2')!.value).toBe(0.5);
  });

  it('sums crimes over the latest 12 months with data, and never counts an authority with no data as zero', () => {
    const months = Array.from({ length: 14 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`.replace('2024-13', '2025-01').replace('2024-14', '2025-02'));
    const rows = [
      ...months.flatMap((month) => [
        { code: 'a', lad_code: 'L1', month, count: 1 },
        { code: 'b', lad_code: 'L1', month, count: 2 },
      ]),
      { code: 'c', lad_code: 'L2', month: '2024-01', count: null },
    ];
    const r = crimeRates(members, rows);
    expect(r.months.get('L1')).toEqual(months.slice(2));
    expect(r.rates.get('W1')).toMatchObject({ crimes: 36, residents: 4000, rate: 9, covered: 2, lsoas: 2 });
    expect(r.rates.get('W2')).toMatchObject({ crimes: null, rate: null, covered: 0 });
  });
});
