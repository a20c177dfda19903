import type { Database } from '../database.ts';

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
 * SQL predicate (over an `areas` alias `a`) selecting areas in a place, with its
 * three bound parameters. Shared so that every query scopes places the same way.
 */
export function placeFilter(place: Place): { sql: string; params: [string, string, string] } {
  return {
    sql: `(? = 'england' OR (? = 'five' AND a.in_five) OR a.lad_code = ?)`,
    params: [place, place, place],
  };
}
