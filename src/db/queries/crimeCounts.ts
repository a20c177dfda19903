import type { AreaLevel } from '../../geo/levels.ts';
import type { Database } from '../database.ts';
import { allOf, compare, optionalIn, type SqlPart } from '../evidence/sqlFilters.ts';

export interface CrimeCountFilters {
  level: AreaLevel;
  /** These areas (of the chosen level) only. */
  codes?: readonly string[];
  /** The areas of one authority. With neither codes nor authority: the five built-in authorities and any with imported records. */
  ladCode?: string;
  crimeTypes?: readonly string[];
  /** 'built-in' and/or imported dataset ids; all when omitted. */
  datasetIds?: readonly string[];
  /** Months 'YYYY-MM', inclusive. */
  from?: string;
  to?: string;
}

export interface MonthlyCrimeCount {
  code: string;
  lad_code: string | null;
  month: string;
  /** Null when the area's authority has no police data for that month (or never records a requested type). */
  count: number | null;
  /** Census 2021 residents (a ward's is the sum over its small areas). */
  population: number | null;
  /** Crimes per 1,000 residents; null wherever count or population is. */
  rate_per_1000: number | null;
}

/**
 * Crimes per area and month, with the rate per 1,000 residents. Every area in
 * scope gets a row for every month in which any authority in scope has police
 * data, so series are complete. A month counts as covered for an authority
 * when it holds at least one record (built-in or imported) that month and,
 * if crime types are chosen, every chosen type appears somewhere in that
 * authority's data (Kingston's built-in file has no anti-social behaviour).
 * Uncovered months — all of Wigan's, whose police data is not published —
 * get null counts and rates, never 0. Wards are counted through their
 * best-fit small areas, as their populations are.
 */
export function monthlyCrimeCounts(db: Database, f: CrimeCountFilters): Promise<MonthlyCrimeCount[]> {
  const area = areaScope(f);
  const crimeWhere = allOf([optionalIn('c.dataset', f.datasetIds), compare('c.month', '>=', f.from), compare('c.month', '<=', f.to)]);
  const types = f.crimeTypes === undefined ? null : [...new Set(f.crimeTypes)];
  const typeFilter = types === null ? { sql: 'TRUE', params: [] } : optionalIn('c.crime_type', types)!;
  const codeOf = f.level === 'ward' ? 'COALESCE(l.ward_code, c.ward_code)' : 'c.lsoa_code';
  return db.query<MonthlyCrimeCount>(
    `WITH area AS (${area.sql}),
     crime AS (
       SELECT ${codeOf} AS code, COALESCE(l.lad_code, c.lad_code) AS lad_code, c.month, c.crime_type
         FROM all_crimes c LEFT JOIN areas l ON l.level = 'lsoa' AND l.code = c.lsoa_code
        WHERE ${crimeWhere.sql}
     ), lad_types AS (
       SELECT lad_code FROM crime c WHERE ${typeFilter.sql} GROUP BY lad_code HAVING COUNT(DISTINCT crime_type) >= ?
     ), covered AS (
       SELECT DISTINCT c.lad_code, c.month FROM crime c
        WHERE c.lad_code IN (SELECT lad_code FROM area) AND c.lad_code IN (SELECT lad_code FROM lad_types)
     ), months AS (
       SELECT DISTINCT month FROM crime WHERE lad_code IN (SELECT lad_code FROM area)
     ), counts AS (
       SELECT c.code, c.month, COUNT(*) AS n FROM crime c WHERE ${typeFilter.sql} GROUP BY c.code, c.month
     )
     SELECT a.code, a.lad_code, m.month,
            CASE WHEN cv.month IS NOT NULL THEN COALESCE(n.n, 0) END AS count,
            a.population,
            CASE WHEN cv.month IS NOT NULL AND a.population > 0 THEN 1000.0 * COALESCE(n.n, 0) / a.population END AS rate_per_1000
       FROM area a CROSS JOIN months m
       LEFT JOIN covered cv ON cv.lad_code = a.lad_code AND cv.month = m.month
       LEFT JOIN counts n ON n.code = a.code AND n.month = m.month
      ORDER BY a.code, m.month`,
    [...area.params, ...crimeWhere.params, ...typeFilter.params, types?.length ?? 0, ...typeFilter.params],
  );
}

/** The areas asked for, with their Census 2021 residents (a ward's = sum over its small areas). */
function areaScope(f: CrimeCountFilters): SqlPart {
  const scope: SqlPart =
    f.codes !== undefined
      ? optionalIn('a.code', f.codes)!
      : f.ladCode !== undefined
        ? { sql: 'a.lad_code = ?', params: [f.ladCode] }
        : { sql: 'COALESCE(a.in_five, FALSE) OR a.lad_code IN (SELECT lad_code FROM imported_crimes)', params: [] };
  if (f.level === 'lsoa') {
    return {
      sql: `SELECT a.code, a.lad_code, a.population FROM areas a WHERE a.level = 'lsoa' AND (${scope.sql})`,
      params: scope.params,
    };
  }
  return {
    sql: `SELECT a.code, a.lad_code, CAST(SUM(l.population) AS BIGINT) AS population
            FROM areas a LEFT JOIN areas l ON l.level = 'lsoa' AND l.ward_code = a.code
           WHERE a.level = 'ward' AND (${scope.sql}) GROUP BY a.code, a.lad_code`,
    params: scope.params,
  };
}

/** Crime types in the police data (optionally one authority's), with how many records each. */
export function crimeTypes(db: Database, ladCode?: string): Promise<{ crime_type: string; crimes: number }[]> {
  const where = compare('lad_code', '=', ladCode) ?? { sql: 'TRUE', params: [] };
  return db.query<{ crime_type: string; crimes: number }>(
    `SELECT crime_type, COUNT(*) AS crimes FROM all_crimes
      WHERE crime_type IS NOT NULL AND ${where.sql} GROUP BY crime_type ORDER BY crime_type`,
    where.params,
  );
}

/** Months ('YYYY-MM') with police data for an authority, oldest first; none for Wigan unless imported. */
export async function crimeMonths(db: Database, ladCode: string): Promise<string[]> {
  const rows = await db.query<{ month: string }>(
    'SELECT DISTINCT month FROM all_crimes WHERE lad_code = ? AND month IS NOT NULL ORDER BY month',
    [ladCode],
  );
  return rows.map((r) => r.month);
}
