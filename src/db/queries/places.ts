import type { Database, SqlParam } from '../database.ts';
import type { MapLevel } from '../../geo/levels.ts';

/** A place is one authority (its LAD code), all five built-in authorities, or all of England. */
export type Place = 'five' | 'england' | string;

/**
 * SQL predicate (over an `areas` alias `a`) selecting the areas in a place.
 * One fixed predicate per kind of place, so DuckDB plans each simply (a
 * catch-all OR of bound parameters was 5–10× slower); an authority's code is
 * always a bound parameter.
 */
export function placeScope(place: Place): { sql: string; params: SqlParam[] } {
  if (place === 'england') return { sql: 'TRUE', params: [] };
  if (place === 'five') return { sql: 'a.in_five', params: [] };
  return { sql: 'a.lad_code = ?', params: [place] };
}

export interface AreaName {
  code: string;
  name: string;
  ward_name: string | null;
  lad_name: string | null;
  population: number | null;
}

/**
 * Names, parents and Census 2021 population of every LSOA, ward or locality in
 * a place. A locality (code = its id) is in the place when any of its small
 * areas is; its authorities are named together ("Barnsley and Wigan") and its
 * population is the sum of its small areas'.
 */
export function areaNames(db: Database, place: Place, level: MapLevel): Promise<AreaName[]> {
  const scope = placeScope(place);
  if (level === 'locality') {
    return db.query<AreaName>(
      `WITH here AS (
         SELECT DISTINCT m.locality_id FROM locality_lsoas m JOIN areas a ON a.level = 'lsoa' AND a.code = m.lsoa_code WHERE ${scope.sql}
       )
       SELECT l.id AS code, l.name, CAST(NULL AS VARCHAR) AS ward_name,
              string_agg(DISTINCT a.lad_name, ' and ' ORDER BY a.lad_name) AS lad_name,
              SUM(a.population) AS population
         FROM localities l
         JOIN here h ON h.locality_id = l.id
         JOIN locality_lsoas m ON m.locality_id = l.id
         JOIN areas a ON a.level = 'lsoa' AND a.code = m.lsoa_code
        GROUP BY l.id, l.name, l.position
        ORDER BY l.position`,
      scope.params,
    );
  }
  // The level is one of two fixed words, chosen here, never user text.
  const levelSql = level === 'ward' ? "a.level = 'ward'" : "a.level = 'lsoa'";
  return db.query<AreaName>(
    `SELECT a.code, a.name, a.ward_name, a.lad_name, a.population
       FROM areas a WHERE ${levelSql} AND ${scope.sql}`,
    scope.params,
  );
}
