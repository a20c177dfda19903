import type { Database, SqlParam } from '../database.ts';

export interface Authority {
  code: string;
  name: string;
  population: number;
  lsoas: number;
  wards: number;
}

/** The five built-in local authorities, with how many small areas and wards each has. */
export function builtInAuthorities(db: Database): Promise<Authority[]> {
  return db.query<Authority>(
    `SELECT l.code, l.name, l.population,
            (SELECT COUNT(*) FROM areas a WHERE a.level = 'lsoa' AND a.lad_code = l.code) AS lsoas,
            (SELECT COUNT(*) FROM areas w WHERE w.level = 'ward' AND w.lad_code = l.code) AS wards
       FROM areas l
      WHERE l.level = 'lad' AND l.in_five
      ORDER BY l.name`,
  );
}

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
  return db.query<AreaName>(
    `SELECT a.code, a.name, a.ward_name, a.lad_name, a.population
       FROM areas a WHERE a.level = ? AND ${scope.sql}`,
    [level, ...scope.params],
  );
}
