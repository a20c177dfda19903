import type { Database } from '../database.ts';
import { placeFilter, type Place } from './places.ts';
import type { Indicator } from './indicatorCatalogue.ts';

export interface AreaIndicatorValue {
  code: string;
  name: string;
  ward_name: string | null;
  lad_name: string | null;
  population: number | null;
  value: number | null;
  rank: number | null;
  decile: number | null;
}

/**
 * One indicator for every LSOA or ward in a place. Ward values are built from
 * their best-fit LSOAs: a population-weighted mean for scores, rates and
 * percentages (Census 2021 population), a sum for counts. Wards have no
 * official rank or decile.
 */
export function valuesForPlace(
  db: Database,
  indicator: Pick<Indicator, 'code' | 'aggregation'>,
  place: Place,
  level: 'lsoa' | 'ward',
): Promise<AreaIndicatorValue[]> {
  const where = placeFilter(place);
  if (level === 'lsoa') {
    return db.query<AreaIndicatorValue>(
      `SELECT a.code, a.name, a.ward_name, a.lad_name, a.population, v.value, v.rank, v.decile
         FROM areas a
         LEFT JOIN indicator_values v ON v.area_code = a.code AND v.indicator_code = ?
        WHERE a.level = 'lsoa' AND ${where.sql}
        ORDER BY a.code`,
      [indicator.code, ...where.params],
    );
  }
  return db.query<AreaIndicatorValue>(
    `WITH lsoa AS (
       SELECT a.ward_code, a.population, v.value
         FROM areas a
         LEFT JOIN indicator_values v ON v.area_code = a.code AND v.indicator_code = ?
        WHERE a.level = 'lsoa' AND ${where.sql}
     ), ward_values AS (
       SELECT ward_code,
              CASE WHEN ? = 'sum' THEN SUM(value)
                   ELSE SUM(value * population) / NULLIF(SUM(population) FILTER (WHERE value IS NOT NULL), 0)
              END AS value
         FROM lsoa GROUP BY ward_code
     )
     SELECT w.code, w.name, w.ward_name, w.lad_name, w.population, wv.value,
            CAST(NULL AS INTEGER) AS rank, CAST(NULL AS INTEGER) AS decile
       FROM ward_values wv JOIN areas w ON w.code = wv.ward_code AND w.level = 'ward'
      ORDER BY w.code`,
    [indicator.code, ...where.params, indicator.aggregation],
  );
}

/**
 * England's LSOA deciles for an indicator: the nine cut points (10 %, 20 %, …)
 * used to place ward values, and indicators without a published decile, on
 * the national scale.
 */
export async function nationalDecileThresholds(db: Database, indicatorCode: string): Promise<number[] | null> {
  const rows = await db.query<{ q: number | null; i: number }>(
    `WITH t AS (
       SELECT quantile_cont(v.value, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) AS qs, COUNT(v.value) AS n
         FROM indicator_values v JOIN areas a ON a.code = v.area_code AND a.level = 'lsoa'
        WHERE v.indicator_code = ?
     )
     -- Only measures published for all of England have national deciles.
     SELECT UNNEST(qs) AS q, generate_subscripts(qs, 1) AS i FROM t WHERE n > 30000`,
    [indicatorCode],
  );
  if (rows.length !== 9 || rows.some((r) => r.q === null)) return null;
  return rows.sort((a, b) => a.i - b.i).map((r) => r.q as number);
}
