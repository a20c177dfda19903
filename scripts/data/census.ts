import type { TableSpec } from './arrow-write.ts';
import { type Row, field, readCsv, reqInt } from './csv.ts';
import { RAW } from './raw-paths.ts';
import { must, round } from './util.ts';

export const AGE_BANDS: [string, string][] = [
  ['age_00_04', 'Age: Aged 4 years and under'],
  ['age_05_09', 'Age: Aged 5 to 9 years'],
  ['age_10_14', 'Age: Aged 10 to 14 years'],
  ['age_15_19', 'Age: Aged 15 to 19 years'],
  ['age_20_24', 'Age: Aged 20 to 24 years'],
  ['age_25_29', 'Age: Aged 25 to 29 years'],
  ['age_30_34', 'Age: Aged 30 to 34 years'],
  ['age_35_39', 'Age: Aged 35 to 39 years'],
  ['age_40_44', 'Age: Aged 40 to 44 years'],
  ['age_45_49', 'Age: Aged 45 to 49 years'],
  ['age_50_54', 'Age: Aged 50 to 54 years'],
  ['age_55_59', 'Age: Aged 55 to 59 years'],
  ['age_60_64', 'Age: Aged 60 to 64 years'],
  ['age_65_69', 'Age: Aged 65 to 69 years'],
  ['age_70_74', 'Age: Aged 70 to 74 years'],
  ['age_75_79', 'Age: Aged 75 to 79 years'],
  ['age_80_84', 'Age: Aged 80 to 84 years'],
  ['age_85_plus', 'Age: Aged 85 years and over'],
];
const TENURE: [string, string][] = [
  ['tenure_owned_outright', 'Owned: Owns outright'],
  ['tenure_owned_mortgage', 'Owned: Owns with a mortgage or loan'],
  ['tenure_shared_ownership', 'Shared ownership: Shared ownership'],
  ['tenure_social_rented_council', 'Social rented: Rents from council or Local Authority'],
  ['tenure_social_rented_other', 'Social rented: Other social rented'],
  ['tenure_private_rented_landlord', 'Private rented: Private landlord or letting agency'],
  ['tenure_private_rented_other', 'Private rented: Other private rented'],
  ['tenure_rent_free', 'Lives rent free'],
  ['tenure_total_households', 'total_households'],
];
const OCCUPANCY: [string, string][] = [
  ['bedrooms_minus_1', '-1 (overcrowded)'],
  ['bedrooms_minus_2_or_less', '-2 or less (overcrowded)'],
  ['bedrooms_0', '0 (ideal)'],
  ['bedrooms_plus_1', '+1 (under-occupied)'],
  ['bedrooms_plus_2_or_more', '+2 or more (under-occupied)'],
  ['bedrooms_total_households', 'total_households'],
];
const ETHNIC: [string, string][] = [
  ['ethnic_asian', 'Asian, Asian British or Asian Welsh'],
  ['ethnic_black', 'Black, Black British, Black Welsh, Caribbean or African'],
  ['ethnic_mixed', 'Mixed or Multiple ethnic groups'],
  ['ethnic_other', 'Other ethnic group'],
  ['ethnic_white', 'White'],
  ['ethnic_total', 'total_residents'],
];

/** Percentage rounded to 2 dp; null when the denominator is 0. */
export function pct(num: number, den: number): number | null {
  return den > 0 ? round((100 * num) / den, 2) : null;
}

export const CENSUS_PCT: { col: string; label: string; theme: string; worse: boolean | null; desc: string; weight?: string }[] = [
  { col: 'pct_under_15', label: 'Children aged 0–14 (%)', theme: 'Population', worse: null, desc: 'Share of residents aged 0 to 14 (Census 2021 five-year bands 0–4, 5–9 and 10–14).' },
  { col: 'pct_65_plus', label: 'People aged 65 and over (%)', theme: 'Population', worse: null, desc: 'Share of residents aged 65 or over.' },
  { col: 'pct_social_rented', label: 'Homes rented from a council or housing association (%)', theme: 'Housing', worse: null, desc: 'Share of households renting from the council or another social landlord.', weight: 'tenure_total_households' },
  { col: 'pct_private_rented', label: 'Homes rented privately (%)', theme: 'Housing', worse: null, desc: 'Share of households renting from a private landlord, letting agency or other private arrangement.', weight: 'tenure_total_households' },
  { col: 'pct_owner_occupied', label: 'Homes owned by the people living there (%)', theme: 'Housing', worse: null, desc: 'Share of households owning outright or with a mortgage (shared ownership is counted separately and not included).', weight: 'tenure_total_households' },
  { col: 'pct_overcrowded_bedrooms', label: 'Overcrowded homes, too few bedrooms (%)', theme: 'Housing', worse: true, desc: 'Share of households with fewer bedrooms than the household needs (occupancy rating −1 or less).', weight: 'bedrooms_total_households' },
  { col: 'pct_asian', label: 'Asian, Asian British or Asian Welsh residents (%)', theme: 'Population', worse: null, desc: 'Share of residents by Census 2021 ethnic group (5 high-level groups).' },
  { col: 'pct_black', label: 'Black, Black British, Caribbean or African residents (%)', theme: 'Population', worse: null, desc: 'Share of residents by Census 2021 ethnic group (5 high-level groups).' },
  { col: 'pct_mixed', label: 'Residents of mixed or multiple ethnic groups (%)', theme: 'Population', worse: null, desc: 'Share of residents by Census 2021 ethnic group (5 high-level groups).' },
  { col: 'pct_other_ethnic', label: 'Residents of other ethnic groups (%)', theme: 'Population', worse: null, desc: 'Share of residents by Census 2021 ethnic group (5 high-level groups).' },
  { col: 'pct_white', label: 'White residents (%)', theme: 'Population', worse: null, desc: 'Share of residents by Census 2021 ethnic group (5 high-level groups).' },
];

function byCode(rel: string, col: string): Map<string, Row> {
  const m = new Map<string, Row>();
  for (const r of readCsv(rel)) m.set(field(r, col), r);
  return m;
}

/** TS007A total population for every LSOA 2021 in England and Wales. */
export function loadPopulation(): { pop: Map<string, number>; ts007a: Map<string, Row> } {
  const ts007a = byCode(RAW.ts007a, 'geography code');
  const pop = new Map<string, number>();
  for (const [c, r] of ts007a) pop.set(c, reqInt(r, 'Age: Total'));
  return { pop, ts007a };
}

export function buildCensus(fiveCodes: string[], ts007a: Map<string, Row>): TableSpec {
  const t54 = byCode(RAW.ts054, 'lsoa21_code');
  const t52 = byCode(RAW.ts052, 'lsoa21_code');
  const t21 = byCode(RAW.ts021, 'lsoa21_code');
  const rows = fiveCodes.map((code) => {
    const get = (m: Map<string, Row>, what: string): Row => must(m.get(code), `${what}: no row for ${code}`);
    const a = get(ts007a, 'TS007A');
    const o: Record<string, number | string | null> = { lsoa_code: code, population: reqInt(a, 'Age: Total') };
    for (const [k, c] of AGE_BANDS) o[k] = reqInt(a, c);
    for (const [k, c] of TENURE) o[k] = reqInt(get(t54, 'TS054'), c);
    for (const [k, c] of OCCUPANCY) o[k] = reqInt(get(t52, 'TS052'), c);
    for (const [k, c] of ETHNIC) o[k] = reqInt(get(t21, 'TS021'), c);
    const n = (k: string): number => o[k] as number;
    const pop = n('population');
    const hh = n('tenure_total_households');
    const eth = n('ethnic_total');
    o.pct_under_15 = pct(n('age_00_04') + n('age_05_09') + n('age_10_14'), pop);
    o.pct_65_plus = pct(n('age_65_69') + n('age_70_74') + n('age_75_79') + n('age_80_84') + n('age_85_plus'), pop);
    o.pct_social_rented = pct(n('tenure_social_rented_council') + n('tenure_social_rented_other'), hh);
    o.pct_private_rented = pct(n('tenure_private_rented_landlord') + n('tenure_private_rented_other'), hh);
    o.pct_owner_occupied = pct(n('tenure_owned_outright') + n('tenure_owned_mortgage'), hh);
    o.pct_overcrowded_bedrooms = pct(n('bedrooms_minus_1') + n('bedrooms_minus_2_or_less'), n('bedrooms_total_households'));
    o.pct_asian = pct(n('ethnic_asian'), eth);
    o.pct_black = pct(n('ethnic_black'), eth);
    o.pct_mixed = pct(n('ethnic_mixed'), eth);
    o.pct_other_ethnic = pct(n('ethnic_other'), eth);
    o.pct_white = pct(n('ethnic_white'), eth);
    return o;
  });
  const intCols = ['population', ...[AGE_BANDS, TENURE, OCCUPANCY, ETHNIC].flatMap((l) => l.map(([k]) => k))];
  return {
    name: 'census',
    columns: [
      { name: 'lsoa_code', type: 'utf8', values: rows.map((r) => r.lsoa_code as string) },
      ...intCols.map((k) => ({ name: k, type: 'int32' as const, values: rows.map((r) => r[k] as number) })),
      ...CENSUS_PCT.map(({ col }) => ({ name: col, type: 'float64' as const, values: rows.map((r) => r[col] as number | null) })),
    ],
    nullable: [],
  };
}
