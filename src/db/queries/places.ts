import type { Database, SqlParam } from '../database.ts';

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

/** Names, parents and Census 2021 population of every LSOA or ward in a place. */
export function areaNames(db: Database, place: Place, level: 'lsoa' | 'ward'): Promise<AreaName[]> {
  const scope = placeScope(place);
  // The level is one of two fixed words, chosen here, never user text.
  const levelSql = level === 'ward' ? "a.level = 'ward'" : "a.level = 'lsoa'";
  return db.query<AreaName>(
    `SELECT a.code, a.name, a.ward_name, a.lad_name, a.population
       FROM areas a WHERE ${levelSql} AND ${scope.sql}`,
    scope.params,
  );
}
