import type { Database } from '../database.ts';
import { placeFilter, type Place } from './places.ts';
import type { Indicator } from './indicatorCatalogue.ts';
import { indicatorColumns } from './indicatorColumns.ts';

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
  indicator: Pick<Indicator, 'aggregation' | 'table_name' | 'value_column' | 'rank_column' | 'decile_column'>,
  place: Place,
  level: 'lsoa' | 'ward',
): Promise<AreaIndicatorValue[]> {
  const where = placeFilter(place);
  const c = indicatorColumns(indicator);
  if (level === 'lsoa') {
    return db.query<AreaIndicatorValue>(
      `SELECT a.code, a.name, a.ward_name, a.lad_name, a.population, ${c.value} AS value, ${c.rank} AS rank, ${c.decile} AS decile
         FROM areas a
         LEFT JOIN ${c.table} t ON t.lsoa_code = a.code
        WHERE a.level = 'lsoa' AND ${where.sql}
        ORDER BY a.code`,
      where.params,
    );
  }
  return db.query<AreaIndicatorValue>(
    `WITH lsoa AS (
       SELECT a.ward_code, a.population, ${c.value} AS value
         FROM areas a
         LEFT JOIN ${c.table} t ON t.lsoa_code = a.code
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
    [...where.params, indicator.aggregation],
  );
}

/**
 * England's LSOA deciles for an indicator: the nine cut points (10 %, 20 %, …)
 * used to place ward values, and indicators without a published decile, on
 * the national scale.
 */
export async function nationalDecileThresholds(
  db: Database,
  indicator: Pick<Indicator, 'table_name' | 'value_column' | 'rank_column' | 'decile_column'>,
): Promise<number[] | null> {
  const c = indicatorColumns(indicator);
  const rows = await db.query<{ q: number | null; i: number }>(
    `WITH q AS (
       SELECT quantile_cont(${c.value}, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) AS qs, COUNT(${c.value}) AS n
         FROM ${c.table} t JOIN areas a ON a.code = t.lsoa_code AND a.level = 'lsoa'
     )
     -- Only measures published for all of England have national deciles.
     SELECT UNNEST(qs) AS q, generate_subscripts(qs, 1) AS i FROM q WHERE n > ?`,
    [30_000],
  );
  if (rows.length !== 9 || rows.some((r) => r.q === null)) return null;
  return rows.sort((a, b) => a.i - b.i).map((r) => r.q as number);
}
