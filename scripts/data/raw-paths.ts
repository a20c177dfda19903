import { resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
export const RAW_DIR = process.env.RAW_DIR ? resolve(process.env.RAW_DIR) : resolve(REPO_ROOT, '..', 'shared', 'data', 'raw');
export const OUT_DIR = resolve(REPO_ROOT, 'data');

export const raw = (rel: string): string => resolve(RAW_DIR, rel);
export const out = (rel: string): string => resolve(OUT_DIR, rel);

export const RAW = {
  lsoa21Bsc: 'boundaries/lsoa21_dec2021_bsc_england.geojson',
  kingstonLsoa21: 'boundaries/kingston_lsoa21_gen20m_bgc.geojson',
  wiganLsoa21: 'boundaries/wigan_lsoa21_dec2021_bgc.geojson',
  wardsFive: 'boundaries/five_lads_wards_2024_codes.geojson',
  ladBuc: 'boundaries/lad_may2024_buc_uk.geojson',
  lookupWard24: 'lookups/lsoa21_to_ward24_to_lad24_bestfit_ew.csv',
  lookup11to21: 'lookups/lsoa11_to_lsoa21_to_lad22_ew.csv',
  iod25Domains: 'imd/iod2025_domains_scores_ranks_deciles_lsoa21_england.csv',
  iod25Sub: 'imd/iod2025_subdomains_scores_ranks_deciles_lsoa21_england.csv',
  iod25Ind: 'imd/iod2025_underlying_indicators_lsoa21_england.csv',
  iod19File2: 'imd/iod2019_file2_domains_ranks_deciles_lsoa11_england.csv',
  iod19Sub: 'imd/iod2019_subdomains_ranks_deciles_lsoa11_england.csv',
  iod19File6: 'imd/iod2019_file6_population_denominators_lsoa11_england.csv',
  iod15Imd: 'imd/iod2015_imd_score_rank_decile_lsoa11_england.csv',
  iod15Sub: 'imd/iod2015_subdomains_scores_ranks_deciles_lsoa11_england.csv',
  ts007a: 'census/census2021_ts007a_age_5yr_bands_lsoa21_ew.csv',
  ts054: 'census/census2021_ts054_tenure_lsoa21_ew.csv',
  ts052: 'census/census2021_ts052_occupancy_rating_bedrooms_lsoa21_ew.csv',
  ts021: 'census/census2021_ts021_ethnic_group_lsoa21_ew.csv',
  crimeLeicester: 'crime/policeuk_street_leicester_E06000016_2019-12_to_2022-10.csv.gz',
  crimeBarnsley: 'crime/policeuk_street_barnsley_E08000016_2024-01_to_2024-04.csv',
  crimeCwac: 'crime/policeuk_street_cheshire_west_and_chester_E06000050_2024-01_to_2024-04.csv',
  crimeKingston: 'crime/DERIVED_policeuk_crimes_kingston_E09000021_2022_lsoa21_assigned.csv',
} as const;

export interface FiveLad {
  code: string;
  name: string;
  expectedLsoas: number;
}

export const FIVE_LADS: readonly FiveLad[] = [
  { code: 'E06000016', name: 'Leicester', expectedLsoas: 200 },
  { code: 'E06000050', name: 'Cheshire West and Chester', expectedLsoas: 222 },
  { code: 'E08000010', name: 'Wigan', expectedLsoas: 200 },
  { code: 'E08000016', name: 'Barnsley', expectedLsoas: 148 },
  { code: 'E09000021', name: 'Kingston upon Thames', expectedLsoas: 99 },
];
export const FIVE_CODES = new Set(FIVE_LADS.map((l) => l.code));
export const EXPECTED_FIVE_LSOAS = 869;
export const EXPECTED_FIVE_WARDS = 131;
export const EXPECTED_ENGLAND_LSOAS = 33755;
/** England bounding box (lon/lat) with a small margin; Scilly to Berwick. */
export const ENGLAND_BBOX: readonly [number, number, number, number] = [-6.5, 49.8, 1.9, 55.85];
