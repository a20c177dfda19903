import { describe, expect, it } from 'vitest';
import { decilePhrase, policeCoverageSentence, profileSentences } from '../../../src/analysis/profileSentences.ts';
import type { AreaInfo, DomainProfileRow } from '../../../src/db/queries/areaProfile.ts';

const row = (value_column: string, label: string, over: Partial<DomainProfileRow> = {}): DomainProfileRow => ({
  code: `iod25_${value_column}`,
  label,
  value_column,
  area_value: 30,
  rank: null,
  decile: null,
  decile_2019: null,
  lsoas: 6,
  in_10pct: 0,
  in_20pct: 0,
  in_10pct_2019: 0,
  in_20pct_2019: 0,
  lad_value: 20,
  england_value: 21,
  england_min: 0,
  england_max: 90,
  england_cuts: null,
  ...over,
});

const ward: AreaInfo = {
  code: 'E05013941',
  name: 'Norbiton',
  level: 'ward',
  parent_code: 'E09000021',
  lad_code: 'E09000021',
  lad_name: 'Kingston upon Thames',
  ward_code: null,
  ward_name: null,
  population: 11000,
  lsoas: 6,
};

describe('profile sentences', () => {
  it('counts a ward’s small areas in England’s most deprived fifth, per domain', () => {
    const s = profileSentences(
      ward,
      [
        row('imd', 'Overall deprivation (IMD 2025 score)', { in_20pct: 2, in_10pct: 1, in_20pct_2019: 3 }),
        row('housing_services', 'Barriers to housing and services (IoD 2025 score)', { in_20pct: 3, in_10pct: 0 }),
        row('crime', 'Crime (IoD 2025 score)'),
      ],
      { lad_code: 'E08000010', lad_name: 'Wigan', first_month: null, last_month: null, months: null, rows: 0, source: 'none', note: 'No street-level police data is available for Wigan.', imported_months: [] },
    );
    expect(s).toEqual([
      "2 of Norbiton's 6 small areas are among the 20% most deprived in England for overall deprivation, and 1 among the 10% most deprived.",
      "Barriers to housing and services: 3 of 6 small areas in England's most deprived 20% (0 in the most deprived 10%).",
      'In the 2019 Indices, 3 of these small areas were in the most deprived 20% for overall deprivation.',
      'No street-level police data is available for Wigan.',
    ]);
  });

  it('describes an LSOA by its official rank and decile change', () => {
    const lsoa: AreaInfo = { ...ward, code: 'E01013726', name: 'Leicester 012D', level: 'lsoa', lsoas: 1 };
    const s = profileSentences(lsoa, [row('imd', 'Overall deprivation (IMD 2025 score)', { rank: 122, decile: 1, decile_2019: 2 })], null);
    expect(s[0]).toBe(
      "Leicester 012D is ranked 122 of 33,755 small areas in England for overall deprivation (1 = most deprived): it is in England's most deprived 10%.",
    );
    expect(s[1]).toBe('Its overall decile moved from 2 in 2019 to 1 in 2025 (relatively more deprived).');
  });

  it('gives the police data months by name', () => {
    const crime = { lad_code: 'E09000021', lad_name: 'Kingston upon Thames', first_month: '2023-01', last_month: '2025-12', months: 36, rows: 40_000, source: null, note: null, imported_months: [] };
    expect(profileSentences(ward, [], crime).at(-1)).toBe('Street-level police data for Kingston upon Thames: 36 months in a row, Jan 2023 to Dec 2025.');
  });

  it('follows the police data actually loaded: imported months, with their gap', () => {
    const wigan = { lad_code: 'E08000010', lad_name: 'Wigan', first_month: null, last_month: null, months: null, rows: 0, source: 'none', note: 'No street-level police data is available for Wigan.' };
    const imported = ['2022-03', '2022-04', '2022-05', '2022-06', '2022-07', '2022-08', '2022-09', '2022-10', '2024-01', '2024-02', '2024-03', '2024-04'];
    expect(policeCoverageSentence({ ...wigan, imported_months: imported })).toBe(
      'Street-level police data for Wigan (imported police.uk files): 8 months of 2022 and 4 of 2024; none from Nov 2022 to Dec 2023.',
    );
    // Built-in Jan–Apr 2024 and an imported Jun 2024 leave May 2024 missing.
    const barnsley = { lad_code: 'E08000016', lad_name: 'Barnsley', first_month: '2024-01', last_month: '2024-04', months: 4, rows: 9_000, source: null, note: null };
    expect(policeCoverageSentence({ ...barnsley, imported_months: ['2024-03', '2024-06'] })).toBe(
      'Street-level police data for Barnsley (built-in and imported police.uk files): 5 months of 2024; none in May 2024.',
    );
    // A built-in span with fewer months than it covers: say only what is known.
    expect(policeCoverageSentence({ ...barnsley, months: 3, imported_months: [] })).toBe('Street-level police data for Barnsley covers 3 months between Jan 2024 and Apr 2024.');
  });

  it('agrees the verb with the count: one small area is, several are', () => {
    const one = profileSentences(
      { ...ward, lsoas: 12 },
      [row('imd', 'Overall deprivation (IMD 2025 score)', { lsoas: 12, in_20pct: 1, in_10pct: 0, in_20pct_2019: 1 })],
      null,
    );
    expect(one).toEqual([
      "1 of Norbiton's 12 small areas is among the 20% most deprived in England for overall deprivation, and 0 among the 10% most deprived.",
      'In the 2019 Indices, 1 of these small areas was in the most deprived 20% for overall deprivation.',
    ]);
    const none = profileSentences(ward, [row('imd', 'Overall deprivation (IMD 2025 score)', { lsoas: 1 })], null);
    expect(none[0]).toBe("Norbiton's only small area is not among the 20% most deprived in England for overall deprivation.");
    expect(none[1]).toBe('In the 2019 Indices, it was not in the most deprived 20% for overall deprivation.');
    const some = profileSentences(ward, [row('imd', 'Overall deprivation (IMD 2025 score)', { lsoas: 1, in_20pct: 1, in_10pct: 1, in_20pct_2019: 1 })], null);
    expect(some[0]).toBe("Norbiton's only small area is among the 20% most deprived in England for overall deprivation, and is among the 10% most deprived.");
    const zero = profileSentences(ward, [row('imd', 'Overall deprivation (IMD 2025 score)', { lsoas: 12 })], null);
    expect(zero[0]).toMatch(/^0 of Norbiton's 12 small areas are among/);
  });

  it('describes a locality by its small areas, with every authority’s police data', () => {
    const locality: AreaInfo = { ...ward, code: 'Lab12cd', name: 'Dearne', level: 'locality', lsoas: 24, wards: 4 };
    const police = (lad_name: string) => ({ lad_code: 'E08000016', lad_name, first_month: null, last_month: null, months: null, rows: 0, source: 'none', note: `None for ${lad_name}.`, imported_months: [] });
    const s = profileSentences(
      locality,
      [row('imd', 'Overall deprivation (IMD 2025 score)', { lsoas: 24, in_20pct: 5, in_10pct: 2, in_20pct_2019: 4 })],
      police('Barnsley'),
      [police('Wigan')],
    );
    expect(s).toEqual([
      "5 of Dearne's 24 small areas are among the 20% most deprived in England for overall deprivation, and 2 among the 10% most deprived.",
      'In the 2019 Indices, 4 of these small areas were in the most deprived 20% for overall deprivation.',
      'None for Barnsley.',
      'None for Wigan.',
    ]);
  });

  it('words deciles plainly', () => {
    expect(decilePhrase(2)).toBe("England's most deprived 10–20%");
    expect(decilePhrase(9)).toBe("England's least deprived 10–20%");
  });
});
