import type { Database } from '../database.ts';
import { placeScope, type Place } from './places.ts';
import type { Indicator } from './indicatorCatalogue.ts';
import { indicatorColumns } from './indicatorColumns.ts';
import type { MapLevel } from '../../geo/levels.ts';

export interface AreaIndicatorValue {
  code: string;
  value: number | null;
  /** Wards and localities: how many of their small areas have no value (a suppressed count, say). */
  missing?: number;
  /** Official rank and decile in England, where MHCLG publishes them (small areas only). */
  rank: number | null;
  decile: number | null;
}

type ColumnsOf = Pick<Indicator, 'table_name' | 'value_column' | 'rank_column' | 'decile_column'>;

/**
 * One indicator for every LSOA or ward in a place. Ward values are built from
 * their best-fit LSOAs: a weighted mean for scores, rates and percentages (by
 * Census 2021 residents, or by households for household shares), a sum for
 * counts — no value if any of the ward's counts is missing, rather than a
 * silently short total — and nothing for ranks, which must never be averaged.
 * Wards have no official rank or decile. Localities (people's own groups,
 * db/queries/localities.ts) are built the same way from `locality_lsoas`; a
 * locality is in the place when any of its small areas is, and then all its
 * small areas count. Names come separately (areaNames), as they do not change
 * when the measure does.
 */
export function valuesForPlace(
  db: Database,
  indicator: ColumnsOf & Pick<Indicator, 'aggregation' | 'weight_column' | 'coverage'>,
  place: Place,
  level: MapLevel,
): Promise<AreaIndicatorValue[]> {
  const scope = placeScope(place);
  const c = indicatorColumns(indicator);
  if (level === 'lsoa' && place === 'england' && indicator.coverage === 'england') {
    // Such a table has a row for every England LSOA: no join needed (twice as fast).
    return db.query<AreaIndicatorValue>(`SELECT t.lsoa_code AS code, ${c.value} AS value, ${c.rank} AS rank, ${c.decile} AS decile FROM ${c.table} t`);
  }
  if (level === 'lsoa') {
    return db.query<AreaIndicatorValue>(
      `SELECT a.code, ${c.value} AS value, ${c.rank} AS rank, ${c.decile} AS decile
         FROM areas a
         LEFT JOIN ${c.table} t ON t.lsoa_code = a.code
        WHERE a.level = 'lsoa' AND ${scope.sql}`,
      scope.params,
    );
  }
  // One aggregate for wards and localities, so both are built the same way.
  const aggregate = `CASE WHEN ? = 'none' THEN NULL
                 WHEN ? = 'sum' THEN CASE WHEN COUNT(*) FILTER (WHERE ${c.value} IS NULL) > 0 THEN NULL ELSE SUM(${c.value}) END
                 ELSE SUM(${c.value} * ${c.weight}) / NULLIF(SUM(${c.weight}) FILTER (WHERE ${c.value} IS NOT NULL), 0)
            END AS value,
            CAST(NULL AS INTEGER) AS rank, CAST(NULL AS INTEGER) AS decile,
            COUNT(*) FILTER (WHERE ${c.value} IS NULL) AS missing`;
  const how = [indicator.aggregation, indicator.aggregation];
  if (level === 'locality') {
    return db.query<AreaIndicatorValue>(
      `WITH here AS (
         SELECT DISTINCT m.locality_id FROM locality_lsoas m JOIN areas a ON a.level = 'lsoa' AND a.code = m.lsoa_code WHERE ${scope.sql}
       )
       SELECT m.locality_id AS code, ${aggregate}
         FROM locality_lsoas m
         JOIN here USING (locality_id)
         JOIN areas a ON a.level = 'lsoa' AND a.code = m.lsoa_code
         LEFT JOIN ${c.table} t ON t.lsoa_code = a.code
        GROUP BY m.locality_id`,
      [...scope.params, ...how],
    );
  }
  return db.query<AreaIndicatorValue>(
    `SELECT a.ward_code AS code, ${aggregate}
       FROM areas a
       LEFT JOIN ${c.table} t ON t.lsoa_code = a.code
      WHERE a.level = 'lsoa' AND ${scope.sql}
      GROUP BY a.ward_code`,
    [...how, ...scope.params],
  );
}

/**
 * England's LSOA deciles for an indicator: the nine cut points (10 %, 20 %, …)
 * used to place ward values, and indicators without a published decile, on
 * the national scale. Null for measures not published for all of England.
 */
export async function nationalDecileThresholds(db: Database, indicator: ColumnsOf): Promise<number[] | null> {
  const c = indicatorColumns(indicator);
  const rows = await db.query<{ q: number | null; i: number }>(
    `WITH q AS (
       SELECT quantile_cont(${c.value}, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) AS qs, COUNT(${c.value}) AS n
         FROM ${c.table} t
     )
     SELECT UNNEST(qs) AS q, generate_subscripts(qs, 1) AS i FROM q WHERE n > ?`,
    [30_000],
  );
  if (rows.length !== 9 || rows.some((r) => r.q === null)) return null;
  return rows.sort((a, b) => a.i - b.i).map((r) => r.q as number);
}
