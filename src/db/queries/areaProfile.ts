import type { Database } from '../database.ts';

export interface AreaInfo {
  code: string;
  name: string;
  level: 'lsoa' | 'ward' | 'lad';
  parent_code: string | null;
  lad_code: string | null;
  lad_name: string | null;
  ward_code: string | null;
  ward_name: string | null;
  population: number | null;
  /** Small areas in a ward (1 for an LSOA). */
  lsoas: number;
}

/** Name, codes, parents and Census 2021 population of one LSOA or ward. */
export async function areaInfo(db: Database, code: string): Promise<AreaInfo | null> {
  const rows = await db.query<AreaInfo>(
    `SELECT a.code, a.name, a.level, a.parent_code, a.lad_code, a.lad_name, a.ward_code, a.ward_name, a.population,
            CASE WHEN a.level = 'ward'
                 THEN (SELECT COUNT(*) FROM areas l WHERE l.level = 'lsoa' AND l.ward_code = a.code)
                 ELSE 1 END AS lsoas
       FROM areas a WHERE a.code = ? AND a.level IN ('lsoa', 'ward')`,
    [code],
  );
  return rows[0] ?? null;
}

/** The IMD and its seven domains, in the order MHCLG publishes them. */
export const PROFILE_DOMAINS = [
  'imd',
  'income',
  'employment',
  'education',
  'health',
  'crime',
  'housing_services',
  'living_environment',
] as const;

export interface DomainProfileRow {
  code: string;
  label: string;
  value_column: string;
  /** LSOA score, or the ward's population-weighted score. */
  area_value: number | null;
  /** Official rank and decile in England (LSOAs only). */
  rank: number | null;
  decile: number | null;
  decile_2019: number | null;
  lsoas: number;
  in_10pct: number;
  in_20pct: number;
  in_10pct_2019: number;
  in_20pct_2019: number;
  lad_value: number | null;
  england_value: number | null;
  england_min: number | null;
  england_max: number | null;
}

/**
 * IMD 2025 and each domain for one area, beside its authority and England
 * (population-weighted means of LSOA scores), with how many of its small areas
 * fall in England's most deprived 10 % and 20 % now and in IoD 2019.
 */
export function domainProfile(db: Database, code: string, ladCode: string): Promise<DomainProfileRow[]> {
  const domains = PROFILE_DOMAINS.map((_, i) => `$${i + 3}`).join(', ');
  return db.query<DomainProfileRow>(
    `WITH dom AS (
       SELECT c25.code AS code25, c25.label, c25.value_column, c19.code AS code19
         FROM catalogue c25
         LEFT JOIN catalogue c19 ON c19.table_name = 'iod2019' AND c19.decile_column = c25.value_column || '_decile'
        WHERE c25.table_name = 'iod2025' AND c25.value_column IN (${domains})
     ), l AS (
       SELECT code AS lsoa, ward_code, lad_code, population FROM areas WHERE level = 'lsoa'
     ), v AS (
       SELECT dom.code25, dom.label, dom.value_column, l.*, v25.value, v25.rank, v25.decile, v19.decile AS decile19,
              (l.lsoa = $code OR l.ward_code = $code) AS mine
         FROM dom
         JOIN indicator_values v25 ON v25.indicator_code = dom.code25
         JOIN l ON l.lsoa = v25.area_code
         LEFT JOIN indicator_values v19 ON v19.indicator_code = dom.code19 AND v19.area_code = v25.area_code
     )
     SELECT code25 AS code, label, value_column,
            SUM(value * population) FILTER (WHERE mine) / SUM(population) FILTER (WHERE mine) AS area_value,
            MAX(rank) FILTER (WHERE lsoa = $code) AS rank,
            MAX(decile) FILTER (WHERE lsoa = $code) AS decile,
            MAX(decile19) FILTER (WHERE lsoa = $code) AS decile_2019,
            COUNT(*) FILTER (WHERE mine) AS lsoas,
            COUNT(*) FILTER (WHERE mine AND decile = 1) AS in_10pct,
            COUNT(*) FILTER (WHERE mine AND decile <= 2) AS in_20pct,
            COUNT(*) FILTER (WHERE mine AND decile19 = 1) AS in_10pct_2019,
            COUNT(*) FILTER (WHERE mine AND decile19 <= 2) AS in_20pct_2019,
            SUM(value * population) FILTER (WHERE lad_code = $lad) / SUM(population) FILTER (WHERE lad_code = $lad) AS lad_value,
            SUM(value * population) / SUM(population) AS england_value,
            MIN(value) AS england_min,
            MAX(value) AS england_max
       FROM v
      GROUP BY code25, label, value_column`.replaceAll('$code', '$1').replaceAll('$lad', '$2'),
    [code, ladCode, ...PROFILE_DOMAINS],
  ).then((rows) => rows.sort((a, b) => order(a.value_column) - order(b.value_column)));
}

const order = (col: string) => PROFILE_DOMAINS.indexOf(col as (typeof PROFILE_DOMAINS)[number]);

export interface CrimeCoverage {
  lad_code: string;
  lad_name: string;
  first_month: string | null;
  last_month: string | null;
  months: number | null;
  rows: number;
  source: string | null;
  note: string | null;
}

/** Which months of street-level police data exist for an authority (none, for Wigan). */
export async function crimeCoverage(db: Database, ladCode: string): Promise<CrimeCoverage | null> {
  const rows = await db.query<CrimeCoverage>(
    'SELECT lad_code, lad_name, first_month, last_month, months, rows, source, note FROM crime_coverage WHERE lad_code = ?',
    [ladCode],
  );
  return rows[0] ?? null;
}
